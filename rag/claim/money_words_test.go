package claim

import "testing"

// TestMoneyInWords: an amount counted in hundredths ("50 cents", "30
// pence") is the amount the digits give ("$0.50", "£0.30"), and so is one
// written in words with its hundredths ("four dollars and eleven cents",
// "two pounds and fifty pence" for "$4.11", "£2.50"); a changed minor
// unit or a changed currency is another amount.
func TestMoneyInWords(t *testing.T) {
	fuel := []Source{{Text: "In July 2008, petrol peaked at $4.11 a gallon, about $5.40 in today's money."}}
	fare := []Source{{Text: "The bus fare rises to £2.50 in March."}}
	stamp := []Source{{Text: "A first-class stamp rises by 30p to £1.65, and a litre of milk by 0.25 dollars."}}
	checkKept(t, []keptCase{
		{"dollars and cents", "In July 2008 petrol peaked at four dollars and eleven cents a gallon.", fuel, true},
		{"two amounts", "Petrol peaked at four dollars and eleven cents a gallon in July 2008, about five dollars and forty cents today.", fuel, true},
		{"cents changed", "In July 2008 petrol peaked at four dollars and nineteen cents a gallon.", fuel, false},
		{"dollars changed", "In July 2008 petrol peaked at five dollars and eleven cents a gallon.", fuel, false},
		{"pounds and pence", "The bus fare rises to two pounds and fifty pence in March.", fare, true},
		{"pence changed", "The bus fare rises to two pounds and fifteen pence in March.", fare, false},
		{"another currency", "The bus fare rises to two dollars and fifty cents in March.", fare, false},
		{"cents for the dollar amount", "A litre of milk rises by 25 cents.", stamp, true},
		{"cents changed", "A litre of milk rises by 35 cents.", stamp, false},
		{"cents as dollars", "A litre of milk rises by $25.", stamp, false},
		{"pence in words", "A first-class stamp rises by thirty pence to £1.65.", stamp, true},
		{"pence for another figure", "A first-class stamp rises by 65 pence.", stamp, false},
	})
}

// TestTensBeforeSecond: "a twenty-second video" lasts twenty seconds, as
// "a 20-second video" does; "the twenty-second floor" is the 22nd.
func TestTensBeforeSecond(t *testing.T) {
	checkPairs(t, []pairCase{
		{"a duration", "In a twenty-second video, Hale said the Tarrow pier would reopen.", "Hale said in the 20-second video that the Tarrow pier would reopen.", true, ""},
		{"another duration", "In a thirty-second video, Hale said the Tarrow pier would reopen.", "Hale said in the 20-second video that the Tarrow pier would reopen.", false, KindFigure},
		{"an ordinal", "Hale lives on the twenty-second floor of the Tarrow tower.", "Hale lives on the 22nd floor of the Tarrow tower.", true, ""},
		{"another ordinal", "Hale lives on the twenty-second floor of the Tarrow tower.", "Hale lives on the 20th floor of the Tarrow tower.", false, KindFigure},
	})
}
