package stats

import (
	"errors"
	"math"
	"testing"
)

func TestUnitsOf(t *testing.T) {
	u := UnitsOf(
		[][]float64{{1, 0}, {0, 2}, {1, 0}},
		[][]float64{{0, 2}, {0, 0}},
		nil,
	)
	want := Units{
		Types: [][]float64{{1, 0}, {0, 2}, {0, 0}},
		Count: [][]int{{2, 0, 0}, {1, 1, 0}, {0, 1, 0}},
	}
	if len(u.Types) != len(want.Types) {
		t.Fatalf("UnitsOf = %+v, want %+v", u, want)
	}
	for i := range want.Types {
		for j := range want.Types[i] {
			if u.Types[i][j] != want.Types[i][j] {
				t.Errorf("Types[%d] = %v, want %v", i, u.Types[i], want.Types[i])
			}
		}
		for g := range want.Count[i] {
			if u.Count[i][g] != want.Count[i][g] {
				t.Errorf("Count[%d] = %v, want %v", i, u.Count[i], want.Count[i])
			}
		}
	}
	if empty := UnitsOf(); len(empty.Types) != 0 {
		t.Errorf("UnitsOf() = %+v", empty)
	}
}

func TestUnitsCheck(t *testing.T) {
	var ce *CountError
	var ue *UnitsError
	_, _, err := Units{Types: [][]float64{{1, 2}, {3, math.NaN()}}, Count: [][]int{{1}, {1}}}.check()
	if !errors.As(err, &ce) || ce.Row != 1 || ce.Col != 1 {
		t.Errorf("NaN count: %v", err)
	}
	_, _, err = Units{Types: [][]float64{{1, 2}}, Count: [][]int{{1, -3}}}.check()
	if !errors.As(err, &ue) || ue.Type != 0 || ue.Group != 1 || ue.Count != -3 {
		t.Errorf("negative units: %v", err)
	}
	for name, u := range map[string]Units{
		"lengths":       {Types: [][]float64{{1}}, Count: nil},
		"ragged types":  {Types: [][]float64{{1}, {1, 2}}, Count: [][]int{{1}, {1}}},
		"ragged counts": {Types: [][]float64{{1}, {2}}, Count: [][]int{{1}, {1, 2}}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			u.check()
		}()
	}
}

// compact merges repeated types and drops types no group has.
func TestUnitsCompact(t *testing.T) {
	u := Units{
		Types: [][]float64{{1, 0}, {0, 0}, {1, 0}, {4, 4}},
		Count: [][]int{{1, 2}, {0, 1}, {3, 0}, {0, 0}},
	}
	got := u.compact()
	if len(got) != 2 || got[0].n[0] != 4 || got[0].n[1] != 2 || got[1].n[1] != 1 {
		t.Errorf("compact = %+v", got)
	}
}
