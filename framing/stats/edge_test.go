package stats

import (
	"errors"
	"math"
	"testing"
	"time"
)

// edgeTables are data that make statistics undefined or stress them; no
// function may panic on them.
var edgeTables = map[string][][]float64{
	"empty":      {},
	"no columns": {{}, {}},
	"all zeros":  {{0, 0, 0}, {0, 0, 0}},
	"one group":  {{4, 5, 6}},
	"one label":  {{4}, {5}, {6}},
	"one cell":   {{7}},
	"zero cross": {{0, 3}, {0, 0}},
	"huge":       {{1.2e9, 3.4e9, 5e8}, {2.2e9, 1e9, 7e8}},
	"huge 2x2":   {{1e9, 1e9 + 1e5}, {1e9, 1e9}},
	"extreme":    {{1e9, 1}, {1, 1e9}},
}

// defined reports which tables have at least two rows and two columns with
// counts.
var defined = map[string]bool{"huge": true, "huge 2x2": true, "extreme": true}

func finiteOrNaN(t *testing.T, name string, wantNaN bool, vals ...float64) {
	t.Helper()
	for i, v := range vals {
		if wantNaN != math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s: value %d = %v, want NaN: %v", name, i, v, wantNaN)
		}
	}
}

func TestContingencyEdges(t *testing.T) {
	for name, table := range edgeTables {
		for _, test := range []struct {
			fn   string
			call func([][]float64) (Contingency, error)
		}{{"ChiSquare", ChiSquare}, {"GTest", GTest}} {
			res, err := test.call(table)
			if err != nil {
				t.Errorf("%s(%s): %v", test.fn, name, err)
			}
			def := defined[name]
			finiteOrNaN(t, test.fn+"("+name+")", !def, res.Stat, res.DF, res.CramersV)
			if !def && res.Reason == "" {
				t.Errorf("%s(%s): no Reason", test.fn, name)
			}
			if def && (res.P < 0 || res.P > 1) {
				t.Errorf("%s(%s).P = %v", test.fn, name, res.P)
			}
		}
	}
	// An all-zero row is dropped, not an error: the rest is tested.
	res, _ := ChiSquare([][]float64{{3, 4}, {0, 0}, {5, 1}})
	if res.DF != 1 || len(res.DroppedRows) != 1 || res.DroppedRows[0] != 1 || res.Expected[1][0] != 0 {
		t.Errorf("dropped row: %+v", res)
	}
}

func TestFisherEdges(t *testing.T) {
	for name, table := range edgeTables {
		res, err := FisherExact2x2(table)
		if err != nil {
			t.Errorf("FisherExact2x2(%s): %v", name, err)
		}
		if math.IsNaN(res.P) && res.Reason == "" {
			t.Errorf("FisherExact2x2(%s): NaN without Reason", name)
		}
	}
	// Counts in the billions: the p-value is defined and cheap.
	start := time.Now()
	res, _ := FisherExact2x2(edgeTables["huge 2x2"])
	if !(res.P > 0 && res.P < 1) || time.Since(start) > 5*time.Second {
		t.Errorf("huge 2x2: P = %v in %v", res.P, time.Since(start))
	}
	// Far in the tail the p-value underflows to 0 but is not NaN.
	if res, _ := FisherExact2x2(edgeTables["extreme"]); res.P != 0 || res.OddsRatio != 1e18 {
		t.Errorf("extreme: %+v", res)
	}
	if res, _ := FisherExact2x2([][]float64{{1.5, 2}, {3, 4}}); !math.IsNaN(res.P) || res.Reason == "" {
		t.Errorf("fractional counts: %+v", res)
	}
}

func TestMonteCarloEdges(t *testing.T) {
	for name, table := range edgeTables {
		if name == "huge" || name == "huge 2x2" || name == "extreme" {
			continue // slow with many draws; see TestMonteCarloChiSquareHuge
		}
		res, err := MonteCarloChiSquare(table, 10, 1)
		if err != nil || !math.IsNaN(res.P) || res.Reason == "" {
			t.Errorf("MonteCarloChiSquare(%s) = %+v, %v; want NaN with a Reason", name, res, err)
		}
	}
	if res, _ := MonteCarloChiSquare([][]float64{{1.5, 2}, {3, 4}}, 10, 1); !math.IsNaN(res.P) || res.Reason == "" {
		t.Errorf("fractional counts: %+v", res)
	}
}

func TestCorrespondenceAnalysisEdges(t *testing.T) {
	for name, table := range edgeTables {
		res, err := CorrespondenceAnalysis(table)
		if err != nil {
			t.Errorf("CorrespondenceAnalysis(%s): %v", name, err)
		}
		if defined[name] {
			if len(res.Inertia) == 0 || res.Reason != "" {
				t.Errorf("CorrespondenceAnalysis(%s): %+v", name, res)
			}
			finiteOrNaN(t, "CA("+name+")", false, res.Inertia...)
			continue
		}
		if len(res.Inertia) != 0 || res.Reason == "" {
			t.Errorf("CorrespondenceAnalysis(%s): %d axes, Reason %q", name, len(res.Inertia), res.Reason)
		}
		for _, row := range res.RowCoords {
			if len(row) != 0 {
				t.Errorf("CorrespondenceAnalysis(%s): coordinates without axes", name)
			}
		}
	}
	// Proportional rows: the total inertia is zero and there is no axis.
	res, _ := CorrespondenceAnalysis([][]float64{{1, 2, 3}, {2, 4, 6}, {10, 20, 30}})
	if len(res.Inertia) != 0 || res.TotalInertia != 0 || res.Reason == "" {
		t.Errorf("proportional rows: %+v", res)
	}
	// Dropped rows and columns keep their place, with NaN coordinates.
	res, _ = CorrespondenceAnalysis([][]float64{{5, 0, 3, 2}, {0, 0, 0, 0}, {1, 0, 7, 4}, {6, 0, 1, 1}})
	if len(res.RowCoords) != 4 || len(res.ColCoords) != 4 || !math.IsNaN(res.RowCoords[1][0]) || !math.IsNaN(res.ColCoords[1][0]) || math.IsNaN(res.RowCoords[0][0]) {
		t.Errorf("dropped rows: %+v", res)
	}
}

func TestLogOddsEdges(t *testing.T) {
	for name, table := range edgeTables {
		res, err := LogOddsVsRest(table, 0)
		if err != nil {
			t.Errorf("LogOddsVsRest(%s): %v", name, err)
		}
		if len(res.Groups) != len(table) {
			t.Errorf("LogOddsVsRest(%s): %d groups", name, len(res.Groups))
		}
		for i, g := range res.Groups {
			wantNaN := !defined[name]
			finiteOrNaN(t, "LogOddsVsRest("+name+")", wantNaN, g.Z...)
			if wantNaN && g.Reason == "" {
				t.Errorf("LogOddsVsRest(%s): group %d NaN without Reason", name, i)
			}
		}
	}
}

func TestJensenShannonEdges(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		p, q  []float64
		alpha float64
		want  float64 // NaN or exact value
	}{
		{[]float64{0, 0}, []float64{0, 0}, 0, nan},
		{[]float64{0, 0}, []float64{0, 0}, 1, nan}, // no counts: no distribution, even smoothed
		{[]float64{0, 0}, []float64{1, 2}, 0, nan},
		{[]float64{-1, 2}, []float64{1, 2}, 0, nan},
		{[]float64{nan, 2}, []float64{1, 2}, 0, nan},
		{nil, nil, 0, nan},
		{[]float64{5}, []float64{9}, 0, 0},
		{[]float64{1, 0}, []float64{0, 1}, 0, 1}, // disjoint supports: 1 bit
		{[]float64{1e9, 3e9}, []float64{1e9, 3e9}, 0, 0},
	} {
		got := JensenShannon(c.p, c.q, c.alpha)
		if !(got == c.want || math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("JensenShannon(%v, %v, %g) = %v, want %v", c.p, c.q, c.alpha, got, c.want)
		}
	}
	for name, table := range edgeTables {
		d, err := JSDistanceMatrix(table, 0.5)
		if err != nil || len(d) != len(table) {
			t.Errorf("JSDistanceMatrix(%s) = %v, %v", name, d, err)
		}
	}
}

func TestScalarEdges(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		name string
		vals []float64
		nan  bool
	}{
		{"PoissonRateCI zero exposure", vals3(PoissonRateCI(5, 0, 1000, 0.95)), true},
		{"PoissonRateCI negative count", vals3(PoissonRateCI(-1, 10, 1000, 0.95)), true},
		{"PoissonRateCI infinite count", vals3(PoissonRateCI(inf, 10, 1000, 0.95)), true},
		{"PoissonRateCI huge", vals3(PoissonRateCI(3e9, 1e12, 1000, 0.95)), false},
		{"Wilson n 0", vals3(Wilson(0, 0, 0.95)), true},
		{"Wilson x > n", vals3(Wilson(5, 4, 0.95)), true},
		{"Wilson huge", vals3(Wilson(1e9, 3e9, 0.95)), false},
		{"FramingIndex zero", []float64{FramingIndex(0, 0)}, true},
		{"FramingIndex NaN", []float64{FramingIndex(math.NaN(), 1)}, true},
		{"FramingIndexCI zero", vals3(FramingIndexCI(0, 0, 0.95)), true},
		{"FramingIndexCI huge", vals3(FramingIndexCI(2e9, 1e9, 0.95)), false},
	} {
		finiteOrNaN(t, c.name, c.nan, c.vals...)
	}
	if _, lo, _ := PoissonRateCI(0, 100, 1000, 0.95); lo != 0 {
		t.Errorf("PoissonRateCI(0, …) lo = %v, want 0", lo)
	}
	if _, lo, hi := FramingIndexCI(0, 12, 0.95); lo != -1 || hi >= -0.5 {
		t.Errorf("FramingIndexCI(0, 12) = [%v, %v]", lo, hi)
	}
}

func TestBenjaminiHochbergEdges(t *testing.T) {
	if got := BenjaminiHochberg(nil); len(got) != 0 {
		t.Errorf("BenjaminiHochberg(nil) = %v", got)
	}
	got := BenjaminiHochberg([]float64{math.NaN(), -0.1, 1.5, 0.02})
	if !math.IsNaN(got[0]) || !math.IsNaN(got[1]) || !math.IsNaN(got[2]) || got[3] != 0.02 {
		t.Errorf("invalid entries: %v, want NaN NaN NaN 0.02 (m = 1)", got)
	}
}

func TestBadCounts(t *testing.T) {
	bad := [][]float64{{1, 2}, {3, -4}}
	var ce *CountError
	for name, call := range map[string]func() error{
		"ChiSquare":              func() error { _, err := ChiSquare(bad); return err },
		"GTest":                  func() error { _, err := GTest(bad); return err },
		"FisherExact2x2":         func() error { _, err := FisherExact2x2(bad); return err },
		"MonteCarloChiSquare":    func() error { _, err := MonteCarloChiSquare(bad, 5, 1); return err },
		"CorrespondenceAnalysis": func() error { _, err := CorrespondenceAnalysis(bad); return err },
		"JSDistanceMatrix":       func() error { _, err := JSDistanceMatrix(bad, 0); return err },
		"LogOddsVsRest":          func() error { _, err := LogOddsVsRest(bad, 0); return err },
	} {
		if err := call(); !errors.As(err, &ce) || ce.Row != 1 || ce.Col != 1 {
			t.Errorf("%s: error %v, want a *CountError at row 1, column 1", name, err)
		}
	}
	for name, call := range map[string]func(k, n []float64) error{
		"RateHomogeneity":      func(k, n []float64) error { _, err := RateHomogeneity(k, n); return err },
		"RateHomogeneityExact": func(k, n []float64) error { _, err := RateHomogeneityExact(k, n, 5, 1); return err },
	} {
		for _, tc := range []struct {
			k, n     []float64
			row, col int
		}{
			{[]float64{1, -4}, []float64{3, 3}, 1, 0},
			{[]float64{1, math.NaN()}, []float64{3, 3}, 1, 0},
			{[]float64{1, 4}, []float64{math.Inf(1), 3}, 0, 1},
			{[]float64{1, 4}, []float64{3, -1}, 1, 1},
		} {
			if err := call(tc.k, tc.n); !errors.As(err, &ce) || ce.Row != tc.row || ce.Col != tc.col {
				t.Errorf("%s(%v, %v): error %v, want a *CountError at row %d, column %d", name, tc.k, tc.n, err, tc.row, tc.col)
			}
		}
	}
	if _, err := ChiSquare([][]float64{{math.NaN(), 1}, {1, 1}}); err == nil {
		t.Error("ChiSquare: NaN count without error")
	}
}

func TestMisusePanics(t *testing.T) {
	ragged := [][]float64{{1, 2}, {3}}
	for name, call := range map[string]func(){
		"ChiSquare ragged":             func() { ChiSquare(ragged) },
		"GTest ragged":                 func() { GTest(ragged) },
		"CorrespondenceAnalysis":       func() { CorrespondenceAnalysis(ragged) },
		"MonteCarloChiSquare":          func() { MonteCarloChiSquare(ragged, 10, 1) },
		"JSDistanceMatrix":             func() { JSDistanceMatrix(ragged, 0) },
		"LogOddsVsRest":                func() { LogOddsVsRest(ragged, 0) },
		"FisherExact2x2":               func() { FisherExact2x2(ragged) },
		"JensenShannon lengths":        func() { JensenShannon([]float64{1}, []float64{1, 2}, 0) },
		"JensenShannon alpha":          func() { JensenShannon([]float64{1}, []float64{1}, -1) },
		"Wilson conf":                  func() { Wilson(1, 2, 1) },
		"PoissonRateCI conf":           func() { PoissonRateCI(1, 2, 1000, 0) },
		"BootstrapIndex draws":         func() { BootstrapIndex(nil, 0, 1, 0.95) },
		"MonteCarloChiSquare draws":    func() { MonteCarloChiSquare([][]float64{{1}}, 0, 1) },
		"LogOddsVsRest a0":             func() { LogOddsVsRest([][]float64{{1}}, -1) },
		"RateHomogeneity lengths":      func() { RateHomogeneity([]float64{1}, []float64{1, 2}) },
		"RateHomogeneityExact lengths": func() { RateHomogeneityExact([]float64{1}, []float64{1, 2}, 10, 1) },
		"RateHomogeneityExact draws":   func() { RateHomogeneityExact([]float64{1, 2}, []float64{1, 2}, 0, 1) },
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

func vals3(a, b, c float64) []float64 { return []float64{a, b, c} }

// TestRateHomogeneityEdges: data that make the rate test undefined give NaN
// with a reason, never a panic; a count far above its exposure is a rate,
// not an error; huge counts are sampled, not enumerated.
func TestRateHomogeneityEdges(t *testing.T) {
	for _, tc := range []struct {
		name    string
		k, n    []float64
		defined bool
	}{
		{"empty", nil, nil, false},
		{"one group", []float64{3}, []float64{5}, false},
		{"no events", []float64{0, 0, 0}, []float64{5, 6, 7}, false},
		{"no exposure", []float64{2, 3}, []float64{0, 0}, false},
		{"events above exposure", []float64{40, 1}, []float64{2, 30}, true},
		{"one group without exposure", []float64{4, 9, 0}, []float64{10, 0, 20}, true},
		{"huge", []float64{1e9, 2e9 + 5e4, 7}, []float64{1e12, 2e12, 1e4}, true},
		{"fractional", []float64{1.5, 2}, []float64{3, 4}, true},
	} {
		rt, err := RateHomogeneity(tc.k, tc.n)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		finiteOrNaN(t, "RateHomogeneity("+tc.name+")", !tc.defined, rt.Stat, rt.P, rt.G, rt.GP, rt.DF)
		if tc.defined == (rt.Reason != "") {
			t.Errorf("%s: Reason %q", tc.name, rt.Reason)
		}
		ex, err := RateHomogeneityExact(tc.k, tc.n, 50, 1)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if tc.name == "fractional" {
			if !math.IsNaN(ex.P) || ex.Reason == "" {
				t.Errorf("%s: exact P %v, Reason %q; want NaN with a reason", tc.name, ex.P, ex.Reason)
			}
			continue
		}
		if tc.defined && !(ex.P > 0 && ex.P <= 1) || !tc.defined && (!math.IsNaN(ex.P) || ex.Reason == "") {
			t.Errorf("%s: exact %+v", tc.name, ex)
		}
	}
	a, _ := RateHomogeneityExact([]float64{3000, 2, 90}, []float64{1e5, 100, 9000}, 500, 7)
	b, _ := RateHomogeneityExact([]float64{3000, 2, 90}, []float64{1e5, 100, 9000}, 500, 7)
	if a.Method != "monte-carlo" || a.P != b.P || a.Exceed != b.Exceed {
		t.Errorf("same seed: %+v and %+v, want the same Monte Carlo result", a, b)
	}
}
