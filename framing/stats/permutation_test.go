package stats

import (
	"errors"
	"math"
	"testing"
)

func TestPermutationTestEdges(t *testing.T) {
	for _, c := range []struct {
		name  string
		u     Units
		units int
	}{
		{"no units", Units{}, 0},
		{"all zero", UnitsOf([][]float64{{0, 0}, {0, 0}}, [][]float64{{0, 0}}), 0},
		{"one unit", UnitsOf([][]float64{{3, 1}}), 1},
		{"one group with hits", UnitsOf([][]float64{{3, 1}, {0, 2}}, [][]float64{{0, 0}}), 2},
		{"one label", UnitsOf([][]float64{{3, 0}}, [][]float64{{5, 0}}), 2},
		{"no groups", Units{Types: [][]float64{{1, 2}}, Count: [][]int{{}}}, 0},
	} {
		got, err := PermutationTest(c.u, LabelChiSquare, 100, 1)
		if err != nil || !math.IsNaN(got.P) || !math.IsNaN(got.Stat) || got.Reason == "" || got.Units != c.units {
			t.Errorf("%s: %+v, %v; want NaN with a Reason and %d units", c.name, got, err, c.units)
		}
	}
	var ce *CountError
	if _, err := PermutationTest(Units{Types: [][]float64{{1, -1}}, Count: [][]int{{1, 1}}}, LabelChiSquare, 10, 1); !errors.As(err, &ce) {
		t.Errorf("negative count: %v", err)
	}
	var ue *UnitsError
	if _, err := PermutationTest(Units{Types: [][]float64{{1, 1}}, Count: [][]int{{1, -1}}}, LabelChiSquare, 10, 1); !errors.As(err, &ue) {
		t.Errorf("negative units: %v", err)
	}
}

func TestPermutationTestPanics(t *testing.T) {
	u := UnitsOf([][]float64{{1, 2, 3}}, [][]float64{{3, 2, 1}})
	for name, call := range map[string]func(){
		"draws":       func() { PermutationTest(u, LabelChiSquare, 0, 1) },
		"index k = 3": func() { PermutationTest(u, IndexChiSquare, 10, 1) },
		"ragged": func() {
			PermutationTest(Units{Types: [][]float64{{1}}, Count: [][]int{{1}, {2}}}, LabelChiSquare, 10, 1)
		},
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

// Two units, one per group, with different vectors: two equally likely
// arrangements, both with the same X² by symmetry, so P = 1 exactly.
func TestPermutationTestTwoUnits(t *testing.T) {
	got, _ := PermutationTest(UnitsOf([][]float64{{3, 0}}, [][]float64{{0, 2}}), IndexChiSquare, 10, 1)
	if got.P != 1 || got.Method != "exact" || got.Arrangements != 2 || got.Stat != 5 {
		t.Errorf("got %+v, want X² 5, P 1 over 2 arrangements", got)
	}
}

// Units without hits and groups without units leave the test unchanged
// (bit-identical results); so does moving a unit to a repeated entry of its
// type, which only reorders the enumeration (relative 1e-14).
func TestPermutationTestInvariance(t *testing.T) {
	a := [][]float64{{2, 0, 1}, {0, 1, 0}, {3, 1, 0}, {1, 0, 0}}
	b := [][]float64{{0, 2, 1}, {0, 1, 1}, {1, 0, 2}}
	base, _ := PermutationTest(UnitsOf(a, b), LabelChiSquare, 500, 7)
	padded, _ := PermutationTest(UnitsOf(append(a, []float64{0, 0, 0}), nil, append(b, []float64{0, 0, 0}, []float64{0, 0, 0})), LabelChiSquare, 500, 7)
	if base.P != padded.P || base.Stat != padded.Stat || padded.UnitsWithoutHits != 3 || len(padded.DroppedGroups) != 1 {
		t.Errorf("base %+v, padded %+v", base, padded)
	}
	u := UnitsOf(a, b)
	u.Types = append(u.Types, u.Types[0])
	u.Count = append(u.Count, []int{1, 0})
	u.Count[0][0]--
	split, _ := PermutationTest(u, LabelChiSquare, 500, 7)
	if math.Abs(split.P-base.P) > 1e-14*base.P {
		t.Errorf("split type: P %v, want %v", split.P, base.P)
	}
}

// The same seed gives the same Monte Carlo result; the draws beyond the
// arrangements switch the method to exact, whose p-value the Monte Carlo one
// estimates (within 4 standard errors).
func TestPermutationTestMethods(t *testing.T) {
	var a, b [][]float64
	for i := range 11 {
		a = append(a, []float64{float64(i % 6), float64(i % 3)})
		b = append(b, []float64{float64(i % 4), float64(i%5 + 1)})
	}
	u := UnitsOf(a, b)
	mc1, _ := PermutationTest(u, IndexChiSquare, 3000, 42)
	mc2, _ := PermutationTest(u, IndexChiSquare, 3000, 42)
	if mc1.Method != "monte-carlo" || mc1.P != mc2.P || mc1.Exceed != mc2.Exceed {
		t.Errorf("same seed: %+v and %+v", mc1, mc2)
	}
	if want := float64(1+mc1.Exceed) / 3001; mc1.P != want {
		t.Errorf("P = %v, want (1+Exceed)/(Draws+1) = %v", mc1.P, want)
	}
	ex, _ := PermutationTest(u, IndexChiSquare, 1_000_000, 42)
	if ex.Method != "exact" || ex.Arrangements < 3000 {
		t.Fatalf("exact: %+v", ex)
	}
	se := math.Sqrt(ex.P * (1 - ex.P) / 3000)
	if math.Abs(mc1.P-ex.P) > 4*se+1.0/3001 {
		t.Errorf("Monte Carlo %v, exact %v ± %v", mc1.P, ex.P, se)
	}
	lab, _ := PermutationTest(u, LabelChiSquare, 1_000_000, 42)
	if lab.P != ex.P || lab.Stat != ex.Stat {
		t.Errorf("LabelChiSquare on {pos, neg}: %+v, IndexChiSquare %+v", lab, ex)
	}
}

// Huge counts: the statistic and p-value stay finite.
func TestPermutationTestHuge(t *testing.T) {
	u := UnitsOf([][]float64{{1e12, 3e12}, {2e12, 1e12}}, [][]float64{{5e11, 4e12}, {1e12, 1e12 + 1}, {7e12, 1}})
	got, err := PermutationTest(u, IndexChiSquare, 1000, 1)
	if err != nil || !(got.P > 0 && got.P <= 1) || math.IsInf(got.Stat, 0) || got.Method != "exact" {
		t.Errorf("got %+v, %v", got, err)
	}
}

// patefield draws the same tables as MonteCarloChiSquare from the same seed.
func TestPatefieldMatchesMonteCarlo(t *testing.T) {
	table := [][]float64{{12, 5, 0, 3}, {4, 9, 2, 1}, {0, 3, 8, 6}}
	mc, _ := MonteCarloChiSquare(table, 2000, 5)
	m := reduce(table, 4)
	exp := m.expected()
	rng := newRand(5)
	out := [][]float64{make([]float64, 4), make([]float64, 4), make([]float64, 4)}
	colLeft := make([]float64, 4)
	exceed := 0
	for range 2000 {
		patefield(rng, m.rowSum, m.colSum, out, colLeft)
		if pearson(out, exp) >= (1-64*epsilon)*mc.Stat {
			exceed++
		}
	}
	if exceed != mc.Exceed {
		t.Errorf("patefield: %d exceedances, MonteCarloChiSquare %d", exceed, mc.Exceed)
	}
}

// Both Monte Carlo samplers — Patefield's tables and the shuffle of units —
// draw from the permutation distribution: their p-values estimate the
// exact one (within 4 standard errors), for the index and for labels.
func TestPermutationSamplers(t *testing.T) {
	docs := make([][][]float64, 3)
	for j := range 15 { // varied documents dealt out in turn: groups alike
		docs[j%3] = append(docs[j%3], []float64{float64(j % 4), float64(j%3 + j%2), float64(j % 5 / 2)})
	}
	u := UnitsOf(docs...)
	exact, err := PermutationTest(u, LabelChiSquare, 10_000_000, 1)
	if err != nil || exact.Method != "exact" {
		t.Fatalf("exact: %+v %v", exact, err)
	}
	if !(exact.P > 0.05 && exact.P < 0.95) || exact.Arrangements < 100 {
		t.Fatalf("want a case with a p-value in the middle and many arrangements: %+v", exact)
	}
	k, groups, _ := u.check()
	const draws = 20000
	for name, sampler := range map[string]func(*permTable) func() float64{
		"patefield": func(pt *permTable) func() float64 { return pt.patefieldDraws(newRand(3)) },
		"shuffle":   func(pt *permTable) func() float64 { return pt.shuffleDraws(newRand(3)) },
	} {
		pt := newPermTable(u.compact(), k, groups)
		limit := (1 - 64*epsilon) * pt.stat(pt.obs)
		draw, exceed := sampler(pt), 0
		for range draws {
			if draw() >= limit {
				exceed++
			}
		}
		p := float64(exceed) / draws
		if se := math.Sqrt(exact.P * (1 - exact.P) / draws); math.Abs(p-exact.P) > 4*se {
			t.Errorf("%s: %v, exact %v ± %v", name, p, exact.P, se)
		}
	}
}

// A large p-value stops the Monte Carlo test early, at the
// SequentialExceedances-th exceedance, with P = h/L; it estimates the exact
// p-value (Besag and Clifford's estimator: relative error about 1/√h).
func TestPermutationSequential(t *testing.T) {
	docs := make([][][]float64, 3)
	for j := range 15 {
		docs[j%3] = append(docs[j%3], []float64{float64(j % 4), float64(j%3 + j%2), float64(j % 5 / 2)})
	}
	u := UnitsOf(docs...)
	exact, _ := PermutationTest(u, LabelChiSquare, 10_000_000, 1)
	mc, err := PermutationTest(u, LabelChiSquare, 100_000, 5)
	if err != nil || mc.Method != "monte-carlo" {
		t.Fatalf("%+v %v", mc, err)
	}
	if mc.Used >= mc.Draws || mc.Exceed != SequentialExceedances || mc.P != float64(mc.Exceed)/float64(mc.Used) {
		t.Errorf("not stopped at %d exceedances: %+v", SequentialExceedances, mc)
	}
	if rel := math.Abs(mc.P-exact.P) / exact.P; rel > 4/math.Sqrt(SequentialExceedances) {
		t.Errorf("sequential p %v, exact %v (relative error %.2f)", mc.P, exact.P, rel)
	}
}
