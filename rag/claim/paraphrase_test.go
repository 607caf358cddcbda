package claim

import "testing"

// TestParaphrase holds the rewordings a faithful writer uses that the check
// must keep, each beside the misstatement closest to it, which it must
// still drop. The sentences are made up for the test.
func TestParaphrase(t *testing.T) {
	checkPairs(t, []pairCase{
		{"months for days", "The fee is waived for the next three months.", "The fee is waived for the next 90 days, the council said.", true, ""},
		{"months for days, wrong count", "The fee is waived for the next five months.", "The fee is waived for the next 90 days, the council said.", false, KindFigure},
		{"weeks for days", "The bridge shut for two weeks.", "The bridge shut for 14 days.", true, ""},
		{"basis points for a half-point", "The bank raised rates by 50 basis points in May.", "The bank made a half-point increase in its rates in May.", true, ""},
		{"basis points for a quarter-point, wrong", "The bank raised rates by 50 basis points in May.", "The bank made a quarter-point increase in its rates in May.", false, KindFigure},
		{"percentage point for basis points", "The rate rose three quarters of a percentage point.", "The rate rose 75 basis points.", true, ""},
		{"season as a verb", "After the winter in Spain, the storks fly north.", "After wintering in Spain, the storks migrate north.", true, ""},
		{"season as a verb, wrong season", "After the summer in Spain, the storks fly north.", "After wintering in Spain, the storks migrate north.", false, KindTime},
		{"pronoun named after", "Her budget fight made Okafor the favourite in a county that voted 60% for the levy.", "Her budget fight made her the favourite in a county that voted 60% for the levy. Okafor's record on schools helped too.", true, ""},
		{"pronoun, figure of someone else", "Okafor won 60% of the vote.", "Mensah won 60% of the vote. Her rival Okafor conceded.", false, KindEntity},
		{"list after including", "Coastal towns including Arden and Bexley will see gusts above 70 mph.", "Coastal towns will see gusts above 70 mph. Arden and Bexley could see the strongest.", true, ""},
		{"list after including, other town's figure", "Arden will see gusts above 70 mph.", "Bexley will see gusts above 70 mph. Arden could see rain.", false, KindEntity},
		{"name in what was said", "Lopez, who represents the tenants, said the landlord must pay the fines.", "The lawyer for the tenants said Acme must pay the fines. Maria Lopez spoke on Monday.", true, ""},
		{"noun between names relates neither", "Lopez represents the tenants accusing Brant of fraud.", "Lopez represents Brant's accusers in the fraud case, who say Acme must pay.", true, ""},
		{"negation through a synonym", "Reyes said the audit failed to establish the size of the loss.", "Reyes said the audit did not determine the size of the loss, which was found in May.", true, ""},
		{"negation of the same word", "Reyes said the audit did not determine the size of the loss.", "Reyes said the audit determined the size of the loss.", false, KindPolarity},
		{"the speaker is not the doer", "Ortiz said the report failed to establish the amount of THC in the oil found in Brio's bag.", "Ortiz said the report did not determine the THC content of the oil found in Brio's bag.", true, ""},
		{"phrase reworded in place", "The draw ended the club's away jinx after defeats at Leeds and Hull.", "The draw ended the club's away hoodoo after losses at Leeds and Hull.", true, ""},
		{"phrase added at the end", "Okoro ran 100 metres in 9.9 seconds, a new national record.", "Okoro ran 100 metres in 9.9 seconds and then rested.", false, KindAddition},
		{"phrase added in the middle", "The bill includes a ban on assault weapons and money for schools.", "The bill includes money for schools.", false, KindAddition},
		{"similar adjective", "Together with dry soils, this will push temperatures higher.", "This, combined with arid soils, will push temperatures higher.", true, ""},
		{"rounded down", "The carriers fly nearly 3,000 routes.", "The carriers fly 2,832 routes.", true, ""},
		{"rounded, bounded below", "The carriers fly more than 2,800 routes.", "The carriers fly 2,832 routes.", true, ""},
		{"about, to the nearest", "The deal is worth about $441 million.", "The deal is worth $440.6 million.", true, ""},
		{"rounded too far", "The carriers fly about 3,000 routes.", "The carriers fly 2,432 routes.", false, KindFigure},
		{"bound on the wrong side", "The carriers fly more than 2,900 routes.", "The carriers fly 2,832 routes.", false, KindFigure},
		{"unhedged figure is exact", "The carriers fly 2,800 routes.", "The carriers fly 2,832 routes.", false, KindFigure},
		{"nouns one hypernym step apart", "Ames blamed the failure on the system.", "Ames blamed the defeat on the network.", true, ""},
		{"capital for its government", "Xi said he hoped Washington saw this clearly.", "Xi said he hoped the US side could see this clearly.", true, ""},
		{"capital as a place", "The summit will be held in Jakarta.", "The summit will be held in Bali, Indonesia.", false, KindEntity},
		{"initials of a name and its noun", "Lawyers must answer by three in the afternoon Eastern time.", "Lawyers must answer by 3 p.m. ET.", true, ""},
		{"initials of a name", "The Food and Drug Administration approved the shot.", "The FDA approved the shot.", true, ""},
		{"initials of another name", "The Food and Drug Administration approved the shot.", "The CDC approved the shot.", false, KindEntity},
		{"subject reworded", "The stock slid 12 percent after Acme Motors reduced its sales forecast.", "Shares in Acme Motors fell 12% on Thursday after the carmaker cut its sales forecast.", true, ""},
		{"words added before the subject", "Amid fears of a deep recession, shares in Acme Motors fell 12%.", "Shares in Acme Motors fell 12% on Thursday.", false, KindAddition},
		{"by a time is no doer", "Hale said Acme expected supplies to get better by the end of the year.", "Tom Hale told analysts the company expected supply to improve by the end of the year. Acme makes cars.", true, ""},
		{"twice for two", "Costa's two goals gave Porto the win.", "Costa scored twice as Porto won.", true, ""},
		{"twice for three", "Costa's three goals gave Porto the win.", "Costa scored twice as Porto won.", false, KindFigure},
		{"indefinite pronoun", "The senator proposed banning sales of flavoured vapes to anyone younger than 21.", "The senator proposed a bill that would ban the sale of flavoured vapes to people under 21.", true, ""},
		{"a joined participle modifies", "The thumbnail-sized frog was found on an expedition last year.", "The frog, which is about the size of a thumbnail, was found during an expedition last year.", true, ""},
	})
}

// pairCase is a sentence checked against a passage of its own: ok says
// whether it must be kept, and kind, for one that must be dropped, why.
type pairCase struct {
	name, sentence, passage string
	ok                      bool
	kind                    string
}

func checkPairs(t *testing.T, tests []pairCase) {
	t.Helper()
	for _, tt := range tests {
		r := Check(tt.sentence, Source{Text: tt.passage})
		if r.OK() != tt.ok || (!tt.ok && r.Kind != tt.kind) {
			t.Errorf("%s: %q against %q: got %s %s %q", tt.name, tt.sentence, tt.passage, r.Verdict, r.Kind, r.Reason)
		}
	}
}
