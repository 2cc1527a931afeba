package stats

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// The reference values in testdata/oracle/vectors.json were computed by
// testdata/oracle/gen.py with SciPy 1.10, statsmodels 0.13 and NumPy 1.24 (the
// file names the versions); see gen.py for the source of each section.
//
// Tolerance: unless a test says otherwise, values agree to a relative 1e-9,
// with an absolute floor of 1e-13 for quantities that are zero in exact
// arithmetic (a Wilson bound at 0, a coordinate on a symmetry axis) and are
// returned by one side as a rounding residue.
const (
	relTol = 1e-9
	absTol = 1e-13
)

// num is a float64 that reads null as NaN and "+Inf"/"-Inf" as infinities.
type num float64

func (n *num) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "null":
		*n = num(math.NaN())
	case `"+Inf"`:
		*n = num(math.Inf(1))
	case `"-Inf"`:
		*n = num(math.Inf(-1))
	default:
		var f float64
		if err := json.Unmarshal(b, &f); err != nil {
			return err
		}
		*n = num(f)
	}
	return nil
}

type oracle struct {
	Tables []struct {
		Name  string
		Table [][]float64
		Chisq struct {
			Defined                     bool
			Stat, P, DF, N, GStat, GP   num
			CramersV, CramersVCorrected num
			Expected                    [][]num
			MinExpected                 num
			Below5                      int
			DroppedRows, DroppedCols    []int
		}
		JS []struct {
			Alpha float64
			Dist  [][]num
		}
		LogOdds []struct {
			A0Arg  float64
			A0     num
			Prior  []num
			Groups [][3][]num // per group: delta, var, z
		}
		CA struct {
			Defined              bool
			Inertia, Share       []num
			TotalInertia         num
			RowCoords, ColCoords [][]num
		}
	}
	Fisher []struct {
		Table     [][]float64
		OddsRatio num
		P         num
	}
	Poisson []struct {
		Count, Exposure, Per, Conf float64
		Rate, Lo, Hi               num
	}
	Wilson []struct {
		X, N, Conf float64
		P, Lo, Hi  num
	}
	FramingIndex []struct {
		Pos, Neg, Conf float64
		Index, Lo, Hi  num
	}
	JSPairs []struct {
		P, Q  []float64
		Alpha float64
		Dist  num
	}
	BH []struct {
		P        []num
		Adjusted []num
	}
	MonteCarlo []struct {
		Table               [][]float64
		Stat                num
		ExactP, AsymptoticP num
	}
	Spearman []struct {
		X, Y   []num
		Rho, P num
		N      int
	}
	RateTests []struct {
		Counts, Exposures []float64
		Dropped           []int
		Defined           bool
		Stat, P, G, GP    num
		DF, N             num
		Expected          []num
		MinExpected       num
		Below5            int
		Outcomes          float64
		ExactP            num
	}
}

// UnmarshalJSON maps the snake_case keys of the file onto the fields.
func (o *oracle) UnmarshalJSON(b []byte) error {
	type plain oracle
	return json.Unmarshal(snakeToCamel(b), (*plain)(o))
}

// snakeToCamel rewrites JSON keys such as "cramers_v_corrected" to
// "CramersVCorrected" so that encoding/json matches them to the fields
// (its matching is case-insensitive but does not ignore underscores).
func snakeToCamel(b []byte) []byte {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return b
	}
	var conv func(any) any
	conv = func(x any) any {
		switch x := x.(type) {
		case map[string]any:
			m := make(map[string]any, len(x))
			for k, val := range x {
				out := make([]byte, 0, len(k))
				up := false
				for i := 0; i < len(k); i++ {
					c := k[i]
					if c == '_' {
						up = true
						continue
					}
					if up && c >= 'a' && c <= 'z' {
						c -= 'a' - 'A'
					}
					up = false
					out = append(out, c)
				}
				m[string(out)] = conv(val)
			}
			return m
		case []any:
			for i := range x {
				x[i] = conv(x[i])
			}
		}
		return x
	}
	out, _ := json.Marshal(conv(v))
	return out
}

func loadOracle(t *testing.T) *oracle {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "oracle", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var o oracle
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("vectors.json: %v", err)
	}
	if len(o.Tables) == 0 || len(o.Fisher) == 0 {
		t.Fatal("vectors.json: no test vectors")
	}
	return &o
}

// approxEqual reports whether got matches want to the relative tolerance rel with
// the absolute floor absTol; NaNs match NaNs and infinities match themselves.
func approxEqual(got, want, rel float64) bool {
	switch {
	case math.IsNaN(want) || math.IsNaN(got):
		return math.IsNaN(want) && math.IsNaN(got)
	case math.IsInf(want, 0) || math.IsInf(got, 0):
		return got == want
	}
	d := math.Abs(got - want)
	return d <= rel*math.Max(math.Abs(got), math.Abs(want)) || d <= absTol
}

func check(t *testing.T, what string, got float64, want num) {
	t.Helper()
	if !approxEqual(got, float64(want), relTol) {
		t.Errorf("%s = %.17g, want %.17g", what, got, float64(want))
	}
}

// checkUnit checks a statistic that lies in [0, 1] by definition: within
// the tolerance of want, never outside [0, 1] (not by one rounding error
// either), and exactly 0 or 1 where want is.
func checkUnit(t *testing.T, what string, got float64, want num) {
	t.Helper()
	check(t, what, got, want)
	if got < 0 || got > 1 || (float64(want) == 1 || float64(want) == 0) && got != float64(want) {
		t.Errorf("%s = %.17g, want %.17g exactly: it lies in [0, 1]", what, got, float64(want))
	}
}

func checkSlice(t *testing.T, what string, got []float64, want []num) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d values, want %d", what, len(got), len(want))
		return
	}
	for i := range got {
		check(t, fmt.Sprintf("%s[%d]", what, i), got[i], want[i])
	}
}

func checkMatrix(t *testing.T, what string, got [][]float64, want [][]num) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d rows, want %d", what, len(got), len(want))
		return
	}
	for i := range got {
		checkSlice(t, fmt.Sprintf("%s[%d]", what, i), got[i], want[i])
	}
}

func checkInts(t *testing.T, what string, got, want []int) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// Reference: scipy.stats.chi2_contingency(correction=False); Cramér's V and
// its bias-corrected form (Bergsma 2013) from gen.py's exact rational
// arithmetic (V checked there against scipy.stats.contingency.association).
// Tolerance relTol; V and the corrected V never outside [0, 1], and exactly
// 1 for a perfect association (perfect_2x2, perfect_3x3).
func TestChiSquareOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Tables {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ChiSquare(tc.Table)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.Chisq
			checkInts(t, "DroppedRows", got.DroppedRows, want.DroppedRows)
			checkInts(t, "DroppedCols", got.DroppedCols, want.DroppedCols)
			if !want.Defined {
				if !math.IsNaN(got.Stat) || !math.IsNaN(got.P) || !math.IsNaN(got.DF) || !math.IsNaN(got.CramersV) || got.Reason == "" || got.Expected != nil {
					t.Errorf("undefined test: got %+v, want NaN values, nil Expected and a Reason", got)
				}
				return
			}
			if got.Reason != "" {
				t.Errorf("Reason = %q, want none", got.Reason)
			}
			check(t, "Stat", got.Stat, want.Stat)
			check(t, "P", got.P, want.P)
			check(t, "DF", got.DF, want.DF)
			check(t, "N", got.N, want.N)
			checkUnit(t, "CramersV", got.CramersV, want.CramersV)
			checkUnit(t, "CramersVCorrected", got.CramersVCorrected, want.CramersVCorrected)
			check(t, "MinExpected", got.MinExpected, want.MinExpected)
			checkMatrix(t, "Expected", got.Expected, want.Expected)
			if got.Below5 != want.Below5 {
				t.Errorf("Below5 = %d, want %d", got.Below5, want.Below5)
			}
		})
	}
}

// Reference: scipy.stats.chi2_contingency(correction=False,
// lambda_="log-likelihood"). Tolerance relTol.
func TestGTestOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Tables {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := GTest(tc.Table)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.Chisq
			if !want.Defined {
				if !math.IsNaN(got.Stat) || !math.IsNaN(got.P) || got.Reason == "" {
					t.Errorf("undefined test: got %+v, want NaN values and a Reason", got)
				}
				return
			}
			check(t, "Stat", got.Stat, want.GStat)
			check(t, "P", got.P, want.GP)
			check(t, "DF", got.DF, want.DF)
			check(t, "CramersV", got.CramersV, want.CramersV)
		})
	}
}

// Reference: scipy.spatial.distance.jensenshannon(p+α, q+α, base=2) for each
// pair of rows with counts. Tolerance relTol; with α = 0 the matrix is
// JensenShannonExact's, which TestJensenShannonExactOracle holds to a
// 50-digit mpmath evaluation at 1e-12, and SciPy's double-precision sum is
// itself off by up to 3e-9 relative on nearly equal rows, so SciPy is the
// reference at 1e-8 there.
func TestJSDistanceMatrixOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Tables {
		for _, js := range tc.JS {
			got, err := JSDistanceMatrix(tc.Table, js.Alpha)
			if err != nil {
				t.Fatal(err)
			}
			what := fmt.Sprintf("%s: JSDistanceMatrix(α=%g)", tc.Name, js.Alpha)
			if js.Alpha != 0 {
				checkMatrix(t, what, got, js.Dist)
				continue
			}
			for i := range got {
				for j := range got[i] {
					expectClose(t, fmt.Sprintf("%s[%d][%d]", what, i, j), got[i][j], dnum(js.Dist[i][j]), 1e-8, 0)
				}
			}
		}
	}
}

// Reference: scipy.spatial.distance.jensenshannon(p+α, q+α, base=2).
// Tolerance relTol.
func TestJensenShannonOracle(t *testing.T) {
	for _, tc := range loadOracle(t).JSPairs {
		got := JensenShannon(tc.P, tc.Q, tc.Alpha)
		check(t, fmt.Sprintf("JensenShannon(%v, %v, %g)", tc.P, tc.Q, tc.Alpha), got, tc.Dist)
	}
}

// Reference: the NumPy transcription of Monroe et al. (2008) eqs. 16, 20, 22
// in gen.py, group against the rest with α_w = a0·n_w/N. Tolerance relTol.
func TestLogOddsVsRestOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Tables {
		for _, lo := range tc.LogOdds {
			got, err := LogOddsVsRest(tc.Table, lo.A0Arg)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s: LogOddsVsRest(a0=%g)", tc.Name, lo.A0Arg)
			check(t, name+".A0", got.A0, lo.A0)
			checkSlice(t, name+".Prior", got.Prior, lo.Prior)
			if len(got.Groups) != len(lo.Groups) {
				t.Fatalf("%s: %d groups, want %d", name, len(got.Groups), len(lo.Groups))
			}
			for i, g := range got.Groups {
				w := lo.Groups[i]
				checkSlice(t, fmt.Sprintf("%s.Groups[%d].Delta", name, i), g.Delta, w[0])
				checkSlice(t, fmt.Sprintf("%s.Groups[%d].Var", name, i), g.Var, w[1])
				checkSlice(t, fmt.Sprintf("%s.Groups[%d].Z", name, i), g.Z, w[2])
			}
		}
	}
}

// Reference: the NumPy transcription of simple correspondence analysis in
// gen.py (numpy.linalg.svd of the standardized residuals, same sign rule),
// itself checked there against Greenacre's smoking table. Tolerance relTol.
func TestCorrespondenceAnalysisOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Tables {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := CorrespondenceAnalysis(tc.Table)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.CA
			if !want.Defined {
				if len(got.Inertia) != 0 || got.Reason == "" {
					t.Errorf("got %d axes and Reason %q, want no axes and a Reason", len(got.Inertia), got.Reason)
				}
				return
			}
			checkSlice(t, "Inertia", got.Inertia, want.Inertia)
			checkSlice(t, "Share", got.Share, want.Share)
			check(t, "TotalInertia", got.TotalInertia, want.TotalInertia)
			checkMatrix(t, "RowCoords", got.RowCoords, want.RowCoords)
			checkMatrix(t, "ColCoords", got.ColCoords, want.ColCoords)
		})
	}
}

// Reference: scipy.stats.fisher_exact(table) two-sided; gen.py checks that no
// probability lies between SciPy's tolerance and ours. Tolerance relTol.
func TestFisherExact2x2Oracle(t *testing.T) {
	for _, tc := range loadOracle(t).Fisher {
		got, err := FisherExact2x2(tc.Table)
		if err != nil {
			t.Fatal(err)
		}
		check(t, fmt.Sprintf("FisherExact2x2(%v).P", tc.Table), got.P, tc.P)
		check(t, fmt.Sprintf("FisherExact2x2(%v).OddsRatio", tc.Table), got.OddsRatio, tc.OddsRatio)
	}
}

// Reference: scipy.stats.chi2.ppf (Garwood's limits), checked in gen.py
// against scipy.stats.poisson tails. Tolerance relTol.
func TestPoissonRateCIOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Poisson {
		rate, lo, hi := PoissonRateCI(tc.Count, tc.Exposure, tc.Per, tc.Conf)
		name := fmt.Sprintf("PoissonRateCI(%g, %g, %g, %g)", tc.Count, tc.Exposure, tc.Per, tc.Conf)
		check(t, name+" rate", rate, tc.Rate)
		check(t, name+" lo", lo, tc.Lo)
		check(t, name+" hi", hi, tc.Hi)
	}
}

// Reference: statsmodels proportion_confint(method="wilson"). Tolerance
// relTol, with the absolute floor for the bound at exactly 0 or 1.
func TestWilsonOracle(t *testing.T) {
	for _, tc := range loadOracle(t).Wilson {
		p, lo, hi := Wilson(tc.X, tc.N, tc.Conf)
		name := fmt.Sprintf("Wilson(%g, %g, %g)", tc.X, tc.N, tc.Conf)
		check(t, name+" p", p, tc.P)
		check(t, name+" lo", lo, tc.Lo)
		check(t, name+" hi", hi, tc.Hi)
	}
}

// Reference: 2·bound − 1 of statsmodels proportion_confint(method="wilson").
// Tolerance relTol.
func TestFramingIndexCIOracle(t *testing.T) {
	for _, tc := range loadOracle(t).FramingIndex {
		idx, lo, hi := FramingIndexCI(tc.Pos, tc.Neg, tc.Conf)
		name := fmt.Sprintf("FramingIndexCI(%g, %g, %g)", tc.Pos, tc.Neg, tc.Conf)
		check(t, name+" index", idx, tc.Index)
		check(t, name+" lo", lo, tc.Lo)
		check(t, name+" hi", hi, tc.Hi)
		check(t, "FramingIndex", FramingIndex(tc.Pos, tc.Neg), tc.Index)
	}
}

// Reference: statsmodels multipletests(method="fdr_bh") on the non-NaN
// entries. Tolerance relTol.
func TestBenjaminiHochbergOracle(t *testing.T) {
	for _, tc := range loadOracle(t).BH {
		p := make([]float64, len(tc.P))
		for i, v := range tc.P {
			p[i] = float64(v)
		}
		checkSlice(t, fmt.Sprintf("BenjaminiHochberg(%v)", p), BenjaminiHochberg(p), tc.Adjusted)
	}
}

// Reference: scipy.stats.spearmanr on the pairs without NaN. Tolerance
// relTol (the p-value goes through the t distribution's tail, which gonum
// and SciPy compute alike to about 1e-12 here).
func TestSpearmanOracle(t *testing.T) {
	for k, tc := range loadOracle(t).Spearman {
		x, y := make([]float64, len(tc.X)), make([]float64, len(tc.Y))
		for i := range tc.X {
			x[i], y[i] = float64(tc.X[i]), float64(tc.Y[i])
		}
		rho, p, n := Spearman(x, y)
		name := fmt.Sprintf("Spearman case %d", k)
		check(t, name+" rho", rho, tc.Rho)
		check(t, name+" p", p, tc.P)
		if n != tc.N {
			t.Errorf("%s: n = %d, want %d", name, n, tc.N)
		}
	}
}

// Reference: scipy.stats.chisquare(k, E) and scipy.stats.power_divergence(k,
// E, lambda_="log-likelihood") with E = K n_i / N over the groups with
// exposure. Tolerance relTol.
func TestRateHomogeneityOracle(t *testing.T) {
	for _, tc := range loadOracle(t).RateTests {
		name := fmt.Sprintf("RateHomogeneity(%v, %v)", tc.Counts, tc.Exposures)
		got, err := RateHomogeneity(tc.Counts, tc.Exposures)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkInts(t, name+".Dropped", got.Dropped, tc.Dropped)
		if !tc.Defined {
			if !math.IsNaN(got.Stat) || !math.IsNaN(got.P) || got.Reason == "" || got.Expected != nil {
				t.Errorf("%s: got %+v, want NaN values and a Reason", name, got)
			}
			continue
		}
		if got.Reason != "" {
			t.Errorf("%s: Reason %q, want none", name, got.Reason)
		}
		check(t, name+".Stat", got.Stat, tc.Stat)
		check(t, name+".P", got.P, tc.P)
		check(t, name+".G", got.G, tc.G)
		check(t, name+".GP", got.GP, tc.GP)
		check(t, name+".DF", got.DF, tc.DF)
		check(t, name+".N", got.N, tc.N)
		check(t, name+".MinExpected", got.MinExpected, tc.MinExpected)
		checkSlice(t, name+".Expected", got.Expected, tc.Expected)
		if got.Below5 != tc.Below5 {
			t.Errorf("%s.Below5 = %d, want %d", name, got.Below5, tc.Below5)
		}
	}
}

// Reference: the sum of scipy.stats.multinomial.pmf over every outcome whose
// X² reaches the observed one, in gen.py; tolerance relTol. The Monte Carlo
// estimate (forced by an enumeration limit of 0) must be within 3 standard
// errors plus 1/(B+1) of that exact p-value; where gen.py has none (too many
// outcomes), within 3 standard errors plus 0.01 of the asymptotic p-value
// of scipy.stats.chisquare, as the counts there are large.
func TestRateHomogeneityExactOracle(t *testing.T) {
	const draws = 20000
	for _, tc := range loadOracle(t).RateTests {
		name := fmt.Sprintf("RateHomogeneityExact(%v, %v)", tc.Counts, tc.Exposures)
		got, err := RateHomogeneityExact(tc.Counts, tc.Exposures, draws, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkInts(t, name+".Dropped", got.Dropped, tc.Dropped)
		if !tc.Defined {
			if !math.IsNaN(got.P) || got.Reason == "" {
				t.Errorf("%s: got %+v, want NaN and a Reason", name, got)
			}
			continue
		}
		check(t, name+".Stat", got.Stat, tc.Stat)
		want, se := float64(tc.ExactP), 0.0
		if math.IsNaN(want) {
			if got.Method != "monte-carlo" {
				t.Errorf("%s: method %q for %g outcomes, want monte-carlo", name, got.Method, tc.Outcomes)
			}
			want = float64(tc.P)
			se = 0.01
		} else {
			if got.Method != "exact" || got.Outcomes != tc.Outcomes {
				t.Errorf("%s: method %q over %g outcomes, want exact over %g", name, got.Method, got.Outcomes, tc.Outcomes)
			}
			check(t, name+".P", got.P, tc.ExactP)
			if got, err = rateExact(tc.Counts, tc.Exposures, draws, 1, 0); err != nil || got.Method != "monte-carlo" {
				t.Fatalf("%s forced to sample: method %q, %v", name, got.Method, err)
			}
			se = 1.0 / (draws + 1)
		}
		se += 3 * math.Sqrt(want*(1-want)/draws)
		if math.Abs(got.P-want) > se {
			t.Errorf("%s: Monte Carlo P = %g, want %g ± %g", name, got.P, want, se)
		}
		if got.Method == "monte-carlo" && (got.Draws != draws || got.Seed != 1 || got.P != float64(1+got.Exceed)/float64(draws+1)) {
			t.Errorf("%s: %+v: P is not (1+Exceed)/(Draws+1)", name, got)
		}
	}
}
