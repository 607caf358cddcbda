package claim

import "testing"

// TestMoneyInWords: an amount written in words with its minor unit ("four
// dollars and eleven cents", "two pounds and fifty pence") is the amount
// the digits give ("$4.11", "£2.50"); a changed minor unit or a changed
// currency is another amount.
func TestMoneyInWords(t *testing.T) {
	fuel := []Source{{Text: "In July 2008, petrol peaked at $4.11 a gallon, about $5.40 in today's money."}}
	fare := []Source{{Text: "The bus fare rises to £2.50 in March."}}
	checkKept(t, []keptCase{
		{"dollars and cents", "In July 2008 petrol peaked at four dollars and eleven cents a gallon.", fuel, true},
		{"two amounts", "Petrol peaked at four dollars and eleven cents a gallon in July 2008, about five dollars and forty cents today.", fuel, true},
		{"cents changed", "In July 2008 petrol peaked at four dollars and nineteen cents a gallon.", fuel, false},
		{"dollars changed", "In July 2008 petrol peaked at five dollars and eleven cents a gallon.", fuel, false},
		{"pounds and pence", "The bus fare rises to two pounds and fifty pence in March.", fare, true},
		{"pence changed", "The bus fare rises to two pounds and fifteen pence in March.", fare, false},
		{"another currency", "The bus fare rises to two dollars and fifty cents in March.", fare, false},
	})
}
