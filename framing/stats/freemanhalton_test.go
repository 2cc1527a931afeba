package stats

import (
	"math"
	"testing"
	"time"
)

func TestFreemanHaltonEdges(t *testing.T) {
	for _, c := range []struct {
		name   string
		table  [][]float64
		reason bool // NaN p with a Reason
	}{
		{"empty", nil, true},
		{"no columns", [][]float64{{}, {}}, true},
		{"all zeros", [][]float64{{0, 0}, {0, 0}}, true},
		{"one row", [][]float64{{4, 5, 6}}, true},
		{"one column", [][]float64{{4}, {5}}, true},
		{"one row left", [][]float64{{3, 4}, {0, 0}}, true},
		{"fractional", [][]float64{{1.5, 2}, {3, 4}}, true},
		{"beyond 2⁵³", [][]float64{{1 << 53, 1}, {1, 1}}, true},
		{"single table", [][]float64{{5, 0}, {0, 0}, {0, 3}}, false},
		{"one by one", [][]float64{{1, 0}, {0, 1}}, false},
	} {
		got, err := FreemanHalton(c.table)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if c.reason != (math.IsNaN(got.P) && got.Reason != "") {
			t.Errorf("%s: got %+v, want NaN with a Reason: %v", c.name, got, c.reason)
		}
		if !c.reason && (got.P < 0 || got.P > 1 || got.PProbability < 0 || got.PProbability > 1) {
			t.Errorf("%s: p-values %v, %v", c.name, got.P, got.PProbability)
		}
	}
	if _, err := FreemanHalton([][]float64{{1, -2}, {3, 4}}); err == nil {
		t.Error("negative count: no error")
	}
}

// Exact values: [[1 0] [0 1]] has two tables of probability ½, with X² 2 and
// 2, so P = 1; [[2 0] [0 2]] has three, of probabilities 1/6, 4/6, 1/6 and
// X² 4, 0, 4, so P = 1/3 in both orderings. Tolerance 1e-15.
func TestFreemanHaltonByHand(t *testing.T) {
	for _, c := range []struct {
		table  [][]float64
		p      float64
		tables int
	}{
		{[][]float64{{1, 0}, {0, 1}}, 1, 2},
		{[][]float64{{2, 0}, {0, 2}}, 1.0 / 3, 3},
		{[][]float64{{5, 0}, {0, 0}, {0, 3}}, 1.0 / 56, 4}, // a ∈ {2..5}; P(a=5) = 1/C(8,3), the only table as extreme
	} {
		got, _ := FreemanHalton(c.table)
		if math.Abs(got.P-c.p) > 1e-15 || math.Abs(got.PProbability-c.p) > 1e-15 || got.Tables != c.tables {
			t.Errorf("FreemanHalton(%v) = %+v, want P %v over %d tables", c.table, got, c.p, c.tables)
		}
	}
}

// The Monte Carlo test estimates the same p-value: 20000 draws must land
// within 4 standard errors of the exact value.
func TestFreemanHaltonAgreesWithMonteCarlo(t *testing.T) {
	table := [][]float64{{3, 1, 0, 2}, {0, 2, 4, 1}, {1, 1, 1, 3}}
	exact, _ := FreemanHalton(table)
	const draws = 20000
	mc, _ := MonteCarloChiSquare(table, draws, 11)
	se := math.Sqrt(exact.P * (1 - exact.P) / draws)
	if math.Abs(mc.P-exact.P) > 4*se+1.0/draws {
		t.Errorf("Monte Carlo %v, exact %v ± %v", mc.P, exact.P, se)
	}
}

func TestFreemanHaltonRefuses(t *testing.T) {
	table := [][]float64{{30, 20, 10}, {10, 25, 30}, {20, 15, 25}}
	got, err := freemanHalton(table, 1000)
	if err != nil || !math.IsNaN(got.P) || !math.IsNaN(got.PProbability) || got.Tables != 1000 || got.Reason == "" {
		t.Errorf("limit 1000: %+v, %v", got, err)
	}
	// With the real limit: counts in the billions have far more than a
	// million tables, and the refusal costs about a second, not hours.
	start := time.Now()
	got, _ = FreemanHalton([][]float64{{1.2e9, 3.4e9, 5e8}, {2.2e9, 1e9, 7e8}})
	if !math.IsNaN(got.P) || got.Tables != MaxExactTables || time.Since(start) > 20*time.Second {
		t.Errorf("huge: %+v in %v", got, time.Since(start))
	}
	if !(got.Stat > 0) {
		t.Errorf("huge: Stat %v", got.Stat)
	}
}

// A table whose margins admit exactly the limit is enumerated.
func TestFreemanHaltonAtLimit(t *testing.T) {
	table := [][]float64{{2, 0}, {0, 2}} // 3 tables
	if got, _ := freemanHalton(table, 3); math.IsNaN(got.P) || got.Tables != 3 {
		t.Errorf("limit 3: %+v", got)
	}
	if got, _ := freemanHalton(table, 2); !math.IsNaN(got.P) || got.Tables != 2 {
		t.Errorf("limit 2: %+v", got)
	}
}

// walkTables visits each table once, with probabilities summing to 1, and
// tableLogProb agrees with the probability the walk passes.
func TestWalkTables(t *testing.T) {
	rows, cols := []float64{3, 2, 4}, []float64{4, 1, 4}
	seen := map[[9]float64]bool{}
	var total float64
	n, complete := walkTables(rows, cols, 1000, true, func(tb [][]float64, lp float64) {
		var key [9]float64
		for i := range tb {
			var rs float64
			for j, x := range tb[i] {
				key[3*i+j] = x
				rs += x
				if x < 0 {
					t.Errorf("negative cell in %v", tb)
				}
			}
			if rs != rows[i] {
				t.Errorf("row %d of %v sums to %v", i, tb, rs)
			}
		}
		if seen[key] {
			t.Errorf("table %v visited twice", tb)
		}
		seen[key] = true
		if d := math.Abs(tableLogProb(tb, rows, cols) - lp); d > 1e-12 {
			t.Errorf("tableLogProb differs by %g", d)
		}
		total += math.Exp(lp)
	})
	if !complete || n != len(seen) || math.Abs(total-1) > 1e-13 {
		t.Errorf("n %d, complete %v, %d distinct, total %v", n, complete, len(seen), total)
	}
}
