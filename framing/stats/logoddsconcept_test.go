package stats

import "testing"

func TestLogOddsWithinConceptEdges(t *testing.T) {
	for name, table := range edgeTables {
		res, err := LogOddsWithinConcept(table, 0)
		if err != nil || len(res.Groups) != len(table) {
			t.Errorf("%s: %+v, %v", name, res, err)
		}
		for i, g := range res.Groups {
			finiteOrNaN(t, "LogOddsWithinConcept("+name+")", !defined[name], g.Z...)
			if !defined[name] && g.Reason == "" {
				t.Errorf("%s: group %d NaN without Reason", name, i)
			}
		}
	}
	// The full variance exceeds the simplified one of LogOddsVsRest.
	table := [][]float64{{42, 7, 11}, {5, 38, 20}, {12, 15, 9}}
	full, _ := LogOddsWithinConcept(table, 0)
	simple, _ := LogOddsVsRest(table, 0)
	for i := range table {
		for w := range table[i] {
			if !(full.Groups[i].Var[w] > simple.Groups[i].Var[w]) || full.Groups[i].Delta[w] != simple.Groups[i].Delta[w] {
				t.Errorf("group %d label %d: full %v, simplified %v", i, w, full.Groups[i], simple.Groups[i])
			}
		}
	}
	for name, call := range map[string]func(){
		"a0":     func() { LogOddsWithinConcept(table, -1) },
		"ragged": func() { LogOddsWithinConcept([][]float64{{1, 2}, {3}}, 0) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			call()
		}()
	}
}
