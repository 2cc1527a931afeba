package stats

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// The reference values in testdata/oracle/documents.json were computed by
// testdata/oracle/documents.py with SciPy 1.10 and NumPy 1.24 (the file names
// the versions); see documents.py for the source of each section. Each test
// states its tolerance.

// dnum is a float64 that reads null as NaN and "+Inf"/"-Inf" as infinities.
type dnum float64

func (n *dnum) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "null":
		*n = dnum(math.NaN())
	case `"+Inf"`:
		*n = dnum(math.Inf(1))
	case `"-Inf"`:
		*n = dnum(math.Inf(-1))
	default:
		var f float64
		if err := json.Unmarshal(b, &f); err != nil {
			return err
		}
		*n = dnum(f)
	}
	return nil
}

type documentsOracle struct {
	FreemanHalton []struct {
		Table          [][]float64 `json:"table"`
		DroppedRows    []int       `json:"dropped_rows"`
		DroppedCols    []int       `json:"dropped_cols"`
		Stat           dnum        `json:"stat"`
		P              dnum        `json:"p"`
		PProbability   dnum        `json:"p_probability"`
		Tables         int         `json:"tables"`
		FisherP        *dnum       `json:"fisher_p"`
		OrderingsAgree bool        `json:"orderings_agree"`
	} `json:"freeman_halton"`
	Permutation []struct {
		Name        string        `json:"name"`
		Docs        [][][]float64 `json:"docs"`
		Draws       int           `json:"draws"`
		K           int           `json:"k"`
		Stat        dnum          `json:"stat"`
		P           dnum          `json:"p"`
		Units       int           `json:"units"`
		Assignments int           `json:"assignments"`
		Source      string        `json:"source"`
	} `json:"permutation"`
}

func loadDocumentsOracle(t *testing.T) *documentsOracle {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "oracle", "documents.json"))
	if err != nil {
		t.Fatal(err)
	}
	var o documentsOracle
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("documents.json: %v", err)
	}
	return &o
}

// closeTo reports whether got is within the relative tolerance rel of want,
// with the absolute floor abs; NaN matches NaN and infinities themselves.
func closeTo(got, want, rel, abs float64) bool {
	switch {
	case math.IsNaN(want) || math.IsNaN(got):
		return math.IsNaN(want) && math.IsNaN(got)
	case math.IsInf(want, 0) || math.IsInf(got, 0):
		return got == want
	}
	d := math.Abs(got - want)
	return d <= rel*math.Max(math.Abs(got), math.Abs(want)) || d <= abs
}

func expectClose(t *testing.T, what string, got float64, want dnum, rel, abs float64) {
	t.Helper()
	if !closeTo(got, float64(want), rel, abs) {
		t.Errorf("%s = %.17g, want %.17g (rel %g, abs %g)", what, got, float64(want), rel, abs)
	}
}

// Reference: exact rational enumeration in documents.py (itertools over all
// tables with the margins, probabilities and X² as fractions), and
// scipy.stats.fisher_exact for 2×2 tables: the probability-ordered p-value
// always, the X²-ordered one only where documents.py found that the two
// orderings select the same tables. Tolerance: relative 1e-9 (the Go sums
// are products of Loader's hypergeometric probabilities, exact to ~1e-14).
func TestFreemanHaltonOracle(t *testing.T) {
	o := loadDocumentsOracle(t)
	if len(o.FreemanHalton) < 8 {
		t.Fatalf("%d Freeman–Halton cases, want at least 8", len(o.FreemanHalton))
	}
	differ := 0
	for _, tc := range o.FreemanHalton {
		name := fmt.Sprintf("FreemanHalton(%v)", tc.Table)
		got, err := FreemanHalton(tc.Table)
		if err != nil {
			t.Fatal(err)
		}
		expectClose(t, name+".Stat", got.Stat, tc.Stat, 1e-12, 0)
		expectClose(t, name+".P", got.P, tc.P, 1e-9, 0)
		expectClose(t, name+".PProbability", got.PProbability, tc.PProbability, 1e-9, 0)
		if got.Tables != tc.Tables || got.Reason != "" {
			t.Errorf("%s: Tables %d, Reason %q; want %d tables", name, got.Tables, got.Reason, tc.Tables)
		}
		checkInts(t, name+".DroppedRows", got.DroppedRows, tc.DroppedRows)
		checkInts(t, name+".DroppedCols", got.DroppedCols, tc.DroppedCols)
		if tc.FisherP != nil {
			expectClose(t, name+".PProbability vs fisher_exact", got.PProbability, *tc.FisherP, 1e-9, 0)
			if tc.OrderingsAgree {
				expectClose(t, name+".P vs fisher_exact", got.P, *tc.FisherP, 1e-9, 0)
			}
			fe, _ := FisherExact2x2(tc.Table)
			expectClose(t, name+".PProbability vs FisherExact2x2", got.PProbability, dnum(fe.P), 1e-9, 0)
		}
		if math.Abs(float64(tc.P-tc.PProbability)) > 0.05 {
			differ++
		}
	}
	if differ < 2 {
		t.Errorf("only %d tables where the X² and probability orderings differ by more than 0.05", differ)
	}
}

// Reference: scipy.stats.permutation_test (exact, two groups) or exhaustive
// enumeration of the assignments of documents to groups (more groups), on the
// documents with hits. Exact p-values: relative 1e-9. Monte Carlo p-values
// (the cases with more arrangements than draws): within 4 binomial standard
// errors √(p(1−p)/B) of the exact value, plus the 1/(B+1) offset of the
// (1 + #)/(B + 1) formula, for each of three seeds.
func TestPermutationTestOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).Permutation {
		t.Run(tc.Name, func(t *testing.T) {
			u := UnitsOf(tc.Docs...)
			stat := LabelChiSquare
			if tc.K == 2 {
				stat = IndexChiSquare
			}
			for _, seed := range []uint64{1, 2, 3} {
				got, err := PermutationTest(u, stat, tc.Draws, seed)
				if err != nil {
					t.Fatal(err)
				}
				expectClose(t, "Stat", got.Stat, tc.Stat, 1e-9, 0)
				if got.Units != tc.Units || got.Reason != "" {
					t.Errorf("Units %d, Reason %q; want %d units", got.Units, got.Reason, tc.Units)
				}
				p := float64(tc.P)
				switch got.Method {
				case "exact":
					expectClose(t, "P", got.P, tc.P, 1e-9, 0)
				case "monte-carlo":
					se := math.Sqrt(p * (1 - p) / float64(tc.Draws))
					if d := math.Abs(got.P - p); d > 4*se+1/float64(tc.Draws+1) {
						t.Errorf("seed %d: P = %g, exact %g: off by %g, more than 4 SE (%g)", seed, got.P, p, d, se)
					}
				default:
					t.Errorf("Method %q", got.Method)
				}
			}
		})
	}
}
