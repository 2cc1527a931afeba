package report

import (
	"strconv"

	"github.com/framingkit/framing/framing/baseline"
)

// DriftTable is every cell of a baseline check that moved, largest change
// first: what `framing check` prints and what a failing Go test shows.
func DriftTable(r *baseline.Result) *Table {
	t := &Table{Header: []string{"scope", "name", "measure", "was", "now", "change", "tolerance"}, Right: []bool{false, false, false, true, true, true, true}}
	for _, c := range r.Drift {
		was, now, change := DriftValues(c)
		t.Rows = append(t.Rows, []string{c.Scope, c.Name, c.Measure, was, now, change, r.Tolerances[c.Kind].String()})
	}
	return t
}

// DriftValues are a drifted cell's values as the drift table writes them.
func DriftValues(c baseline.Cell) (was, now, change string) {
	return driftValue(c.Kind, float64(c.Was)), driftValue(c.Kind, float64(c.Now)), driftChange(c)
}

// driftValue writes a cell's value: counts whole, the rest to 4 decimals,
// "—" when absent or undefined.
func driftValue(k baseline.Kind, x float64) string {
	if x != x {
		return "—"
	}
	if k == baseline.Count {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}

func driftChange(c baseline.Cell) string {
	if c.Change.IsNaN() {
		if c.Was.IsNaN() {
			return "new"
		}
		return "gone"
	}
	s := driftValue(c.Kind, float64(c.Change))
	if c.Change > 0 {
		s = "+" + s
	}
	return s
}
