package claim
import ("testing")
func TestZZDbg(t *testing.T){
 cases := [][2]string{
  {"With a week to go until the May 21 election, opinion polls, though notoriously unreliable, indicate that Labor could actually win and form its first government since 2013.", "Before the federal election campaign even started, accusations were being hurled that China wanted a Labor win. One week out from the vote on May 21, public opinion polls -- though notoriously unreliable -- suggest that it may actually happen, putting a Labor government in power for the first time since 2013."},
  {"Held at the Washington Hilton and expected to draw over 2,500 guests, Saturday's dinner came back in full force following a two-year break caused by the pandemic.", "Saturday night's dinner, which took place inside the Washington Hilton and was expected to host more than 2,500 guests, returned in full force after a two-year hiatus due to the pandemic."},
  {"The Public Service Loan Forgiveness program promised to wipe out what was left on borrowers' federal student loans once they had made a decade of payments.", "The Public Service Loan Forgiveness is a program that was launched in 2007 in an effort to steer more college graduates into public service. As long as they made 10 years of payments on their federal student loans, the program promised to erase the remainder."},
 }
 for _, c := range cases {
  ev := newEvidence([]Source{{Text: c[1]}})
  cr := readSentence(c[0], ev)
  for _, r := range rules { if res, ok := r.check(cr, ev); ok { t.Logf("%s -> %s %s", r.name, res.Kind, res.Reason); break } }
 }
}
