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
		PMid        dnum          `json:"p_mid"`
		Units       int           `json:"units"`
		Assignments int           `json:"assignments"`
		Source      string        `json:"source"`
	} `json:"permutation"`
	ClusterBootstrap []struct {
		Name            string      `json:"name"`
		Docs            [][]float64 `json:"docs"`
		Label           int         `json:"label"`
		Index           bool        `json:"index"`
		Draws           int         `json:"draws"`
		Conf            float64     `json:"conf"`
		Estimate        dnum        `json:"estimate"`
		Units           int         `json:"units"`
		UnitsWithHits   int         `json:"units_with_hits"`
		Kind            string      `json:"kind"`
		Values          []float64   `json:"values"`
		Probs           []float64   `json:"probs"`
		Undefined       float64     `json:"undefined"`
		LoBand          [2]float64  `json:"lo_band"`
		HiBand          [2]float64  `json:"hi_band"`
		BCaLoBand       [2]float64  `json:"bca_lo_band"`
		BCaHiBand       [2]float64  `json:"bca_hi_band"`
		Acceleration    dnum        `json:"acceleration"`
		BiasCorrection  dnum        `json:"bias_correction"`
		SE              float64     `json:"se"`
		TValues         []dnum      `json:"t_values"`
		TProbs          []float64   `json:"t_probs"`
		TLoBand         [2]float64  `json:"t_lo_band"`
		THiBand         [2]float64  `json:"t_hi_band"`
		SciPyPercentile [2]float64  `json:"scipy_percentile"`
		SciPyBCa        [2]float64  `json:"scipy_bca"`
	} `json:"cluster_bootstrap"`
	BetaBinomial []struct {
		Name     string      `json:"name"`
		Docs     [][]float64 `json:"docs"`
		Label    int         `json:"label"`
		Index    bool        `json:"index"`
		Conf     float64     `json:"conf"`
		Estimate dnum        `json:"estimate"`
		Lo       dnum        `json:"lo"`
		Hi       dnum        `json:"hi"`
		Rho      dnum        `json:"rho"`
		LogLik   dnum        `json:"loglik"`
	} `json:"beta_binomial"`
	DirichletMultinomial []struct {
		Name   string      `json:"name"`
		Docs   [][]float64 `json:"docs"`
		Conf   float64     `json:"conf"`
		Shares []dnum      `json:"shares"`
		Lo     []dnum      `json:"lo"`
		Hi     []dnum      `json:"hi"`
		Rho    dnum        `json:"rho"`
		LogLik dnum        `json:"loglik"`
	} `json:"dirichlet_multinomial"`
	DesignEffect []struct {
		Name           string      `json:"name"`
		Docs           [][]float64 `json:"docs"`
		Label          int         `json:"label"`
		Index          bool        `json:"index"`
		Estimate       dnum        `json:"estimate"`
		VarCluster     dnum        `json:"var_cluster"`
		VarBinomial    dnum        `json:"var_binomial"`
		Deff           dnum        `json:"deff"`
		EffectiveHits  dnum        `json:"effective_hits"`
		EffectiveUnits dnum        `json:"effective_units"`
		Units          float64     `json:"units"`
	} `json:"design_effect"`
	RateDispersion []struct {
		Name          string      `json:"name"`
		Docs          [][]float64 `json:"docs"`
		Rate          dnum        `json:"rate"`
		Phi           dnum        `json:"phi"`
		EffectiveHits dnum        `json:"effective_hits"`
		Units         float64     `json:"units"`
	} `json:"rate_dispersion"`
	JSExact []struct {
		P     []float64 `json:"p"`
		Q     []float64 `json:"q"`
		SciPy dnum      `json:"scipy"`
		MP    dnum      `json:"mp"`
	} `json:"js_exact"`
	JSBootstrap []struct {
		Name      string      `json:"name"`
		A         [][]float64 `json:"a"`
		B         [][]float64 `json:"b"`
		Draws     int         `json:"draws"`
		Conf      float64     `json:"conf"`
		Distance  dnum        `json:"distance"`
		Values    []float64   `json:"values"`
		Probs     []float64   `json:"probs"`
		Undefined float64     `json:"undefined"`
	} `json:"js_bootstrap"`
	LogOddsConcept []struct {
		Table           [][]float64 `json:"table"`
		A0Arg           float64     `json:"a0_arg"`
		A0              dnum        `json:"a0"`
		Prior           []dnum      `json:"prior"`
		Groups          [][3][]dnum `json:"groups"`
		WithEmpty       [][]float64 `json:"with_empty"`
		WithEmptyResult struct {
			A0     dnum        `json:"a0"`
			Prior  []dnum      `json:"prior"`
			Groups [][3][]dnum `json:"groups"`
		} `json:"with_empty_result"`
	} `json:"logodds_concept"`
	TokenRatio []struct {
		Name      string         `json:"name"`
		Variance  string         `json:"variance"`
		Conf      float64        `json:"conf"`
		Groups    [][][2]float64 `json:"groups"`
		Intervals []struct {
			Units         float64 `json:"units"`
			Estimate      dnum    `json:"estimate"`
			Lo            dnum    `json:"lo"`
			Hi            dnum    `json:"hi"`
			Deff          dnum    `json:"deff"`
			DeffUsed      dnum    `json:"deff_used"`
			EffectiveHits dnum    `json:"effective_hits"`
		} `json:"intervals"`
		Test struct {
			X2      dnum  `json:"x2"`
			Phi     dnum  `json:"phi"`
			F       dnum  `json:"f"`
			DF1     dnum  `json:"df1"`
			DF2     dnum  `json:"df2"`
			P       dnum  `json:"p"`
			Dropped []int `json:"dropped"`
		} `json:"test"`
	} `json:"token_ratio"`
	CR2 []struct {
		Name          string      `json:"name"`
		Docs          [][]float64 `json:"docs"`
		Label         int         `json:"label"`
		Index         bool        `json:"index"`
		Conf          float64     `json:"conf"`
		UnitsWithHits int         `json:"units_with_hits"`
		Estimate      dnum        `json:"estimate"`
		Lo            dnum        `json:"lo"`
		Hi            dnum        `json:"hi"`
		SE            dnum        `json:"se"`
		DF            dnum        `json:"df"`
	} `json:"cr2"`
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
// documents with hits; the mid-p-values from the same enumeration (exact
// ties counted half). Exact p-values: relative 1e-9. Monte Carlo p-values
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
					expectClose(t, "PMid", got.PMid, tc.PMid, 1e-9, 0)
				case "monte-carlo":
					se := math.Sqrt(p * (1 - p) / float64(tc.Draws))
					if d := math.Abs(got.P - p); d > 4*se+1/float64(tc.Draws+1) {
						t.Errorf("seed %d: P = %g, exact %g: off by %g, more than 4 SE (%g)", seed, got.P, p, d, se)
					}
					pm := float64(tc.PMid)
					if d := math.Abs(got.PMid - pm); d > 4*math.Sqrt(pm*(1-pm)/float64(tc.Draws))+1/float64(tc.Draws+1) {
						t.Errorf("seed %d: PMid = %g, exact %g", seed, got.PMid, pm)
					}
				default:
					t.Errorf("Method %q", got.Method)
				}
			}
		})
	}
}

// Reference, tiny cases: the exact bootstrap distribution enumerated in
// documents.py. A bound b estimated at level q from B draws must satisfy
// F(b) ≥ q − t and F(b−) ≤ q + t, F the exact distribution function of the
// resampled ratio given a hit, with t = 4√(q(1−q)/B) + 1/B (4 binomial
// standard errors of the level); the share of undefined resamples must be
// within 4 standard errors of its exact probability, and when that exceeds
// the tail (1−conf)/2 the interval must be refused.
//
// Reference, larger cases: 10⁶ resamples in documents.py, which also checks
// scipy.stats.bootstrap (percentile and BCa) against them. Each Go bound must
// lie between the reference quantiles at levels q ± t (t as above plus the
// reference's own error; for BCa plus the effect on the levels of the Monte
// Carlo error of z0, see documents.py), and within the width of that band of
// scipy.stats.bootstrap's own bound (10⁵ resamples, its own draws). The
// bootstrap-t bounds are checked the same way through the quantiles of
// t* = (p* − p̂)/se* they imply, with se from documents.py (exact
// distribution, or reference bands of t*). The acceleration, a deterministic
// jackknife, must match the direct transcription to a relative 1e-9; z0
// within 4 of its standard errors √(Φ(z0)(1−Φ(z0))/B)/φ(z0).
func TestClusterBootstrapOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).ClusterBootstrap {
		t.Run(tc.Name, func(t *testing.T) {
			u := UnitsOf(tc.Docs)
			r := Ratio{Index: tc.Index, Label: tc.Label}
			got, err := ClusterBootstrap(u, 0, r, tc.Draws, 17, tc.Conf)
			if err != nil {
				t.Fatal(err)
			}
			expectClose(t, "Estimate", got.Estimate, tc.Estimate, 1e-12, 1e-15)
			if got.Units != tc.Units || got.UnitsWithHits != tc.UnitsWithHits {
				t.Errorf("Units %d/%d, want %d/%d", got.Units, got.UnitsWithHits, tc.Units, tc.UnitsWithHits)
			}
			alpha := (1 - tc.Conf) / 2
			B := float64(tc.Draws)
			scale, shift := r.affine()
			share := func(v float64) float64 { return (v - shift) / scale }
			pHat := share(got.Estimate)
			if tc.Kind == "exact" {
				pu := tc.Undefined
				if d := math.Abs(float64(got.Undefined)/B - pu); d > 4*math.Sqrt(pu*(1-pu)/B)+1/B {
					t.Errorf("Undefined %d of %d, exact probability %g", got.Undefined, tc.Draws, pu)
				}
				if pu > alpha*1.2 {
					if !math.IsNaN(got.Lo) || got.Reason == "" {
						t.Errorf("undefined share %g above the tail: want a refusal, got %+v", pu, got)
					}
					return
				}
				if got.Reason != "" {
					t.Errorf("Reason %q", got.Reason)
				}
				cdf := func(b float64, strict bool) float64 {
					var f float64
					for i, v := range tc.Values {
						if v < b || !strict && v == b {
							f += tc.Probs[i]
						}
					}
					return f / (1 - pu)
				}
				for _, c := range []struct {
					what string
					b, q float64
				}{{"Lo", got.Lo, alpha}, {"Hi", got.Hi, 1 - alpha}} {
					tol := 4*math.Sqrt(c.q*(1-c.q)/B) + 1/B
					if cdf(c.b, false) < c.q-tol || cdf(c.b, true) > c.q+tol {
						t.Errorf("%s = %v: exact F = %v, F(−) = %v, want about %v ± %v", c.what, c.b, cdf(c.b, false), cdf(c.b, true), c.q, tol)
					}
				}
				// Bootstrap-t: the quantiles of t* implied by the bounds,
				// t = (p̂ − bound)/se on the share scale; a bound clipped
				// to the range only says the quantile is beyond it.
				tcdf := func(x float64, strict bool) float64 {
					var f float64
					slack := 1e-9 * math.Max(math.Abs(x), 1)
					for i, tv := range tc.TValues {
						v := float64(tv)
						if v < x-slack || !strict && v <= x+slack {
							f += tc.TProbs[i]
						}
					}
					return f / (1 - pu)
				}
				checkT := func(what string, bound, edge, q float64) {
					tol := 4*math.Sqrt(q*(1-q)/B) + 1/B
					tq := (pHat - bound) / tc.SE
					if bound == edge {
						// The quantile is at least (lower bound) or at most
						// (upper bound) the value that reaches the edge.
						if q > 0.5 && tcdf(tq, true) > q+tol || q < 0.5 && tcdf(tq, false) < q-tol {
							t.Errorf("%s clipped at %v, but the exact t quantile at %v does not reach %v", what, edge, q, tq)
						}
						return
					}
					if tcdf(tq, false) < q-tol || tcdf(tq, true) > q+tol {
						t.Errorf("%s = %v: implied t = %v has exact F = %v, F(−) = %v, want about %v ± %v", what, bound, tq, tcdf(tq, false), tcdf(tq, true), q, tol)
					}
				}
				checkT("TLo", share(got.TLo), 0, 1-alpha)
				checkT("THi", share(got.THi), 1, alpha)
				return
			}
			for _, c := range []struct {
				what  string
				bound float64
				band  [2]float64 // of the t quantile the bound is made of
			}{{"TLo", share(got.TLo), tc.THiBand}, {"THi", share(got.THi), tc.TLoBand}} {
				// The lower bound is p̂ minus the upper t quantile times se,
				// and vice versa.
				lo, hi := pHat-c.band[1]*tc.SE, pHat-c.band[0]*tc.SE
				if !(c.bound >= lo-1e-12 && c.bound <= hi+1e-12) {
					t.Errorf("%s = %v (share scale), outside the reference band [%v, %v]", c.what, c.bound, lo, hi)
				}
			}
			for _, c := range []struct {
				what  string
				b     float64
				band  [2]float64
				scipy float64
			}{
				{"Lo", got.Lo, tc.LoBand, tc.SciPyPercentile[0]}, {"Hi", got.Hi, tc.HiBand, tc.SciPyPercentile[1]},
				{"BCaLo", got.BCaLo, tc.BCaLoBand, tc.SciPyBCa[0]}, {"BCaHi", got.BCaHi, tc.BCaHiBand, tc.SciPyBCa[1]},
			} {
				if !(c.b >= c.band[0] && c.b <= c.band[1]) {
					t.Errorf("%s = %v, outside the reference band %v", c.what, c.b, c.band)
				}
				// Against scipy.stats.bootstrap itself (10⁵ resamples): the
				// two Monte Carlo estimates may differ by the width of the
				// band, about 4√2 of their standard errors.
				if w := c.band[1] - c.band[0]; math.Abs(c.b-c.scipy) > w {
					t.Errorf("%s = %v, scipy.stats.bootstrap %v: more than %v apart", c.what, c.b, c.scipy, w)
				}
			}
			expectClose(t, "Acceleration", got.Acceleration, tc.Acceleration, 1e-9, 1e-15)
			z0 := float64(tc.BiasCorrection)
			f := normalCDF(z0)
			se := math.Sqrt(f*(1-f)/B) * math.Sqrt(2*math.Pi) * math.Exp(z0*z0/2)
			if math.Abs(got.BiasCorrection-z0) > 4*se {
				t.Errorf("BiasCorrection %v, reference %v ± %v", got.BiasCorrection, z0, se)
			}
		})
	}
}

// Reference: the ln Γ form of the beta-binomial log-likelihood maximised with
// scipy.optimize in documents.py (a profile in ρ by minimize_scalar), and its
// profile-likelihood interval by brentq. Tolerance: 1e-6 absolute on the
// estimate, the bounds and ρ (SciPy's nested bounded searches locate a
// maximum to about 1e-8), 1e-9 on the maximised log-likelihood. ρ̂ = 0 and
// ρ̂ = 1 are boundaries both sides find exactly.
func TestBetaBinomialFitOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).BetaBinomial {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := BetaBinomialFit(UnitsOf(tc.Docs), 0, Ratio{Index: tc.Index, Label: tc.Label}, tc.Conf)
			if err != nil {
				t.Fatal(err)
			}
			expectClose(t, "Estimate", got.Estimate, tc.Estimate, 0, 1e-6)
			expectClose(t, "Lo", got.Lo, tc.Lo, 0, 1e-6)
			expectClose(t, "Hi", got.Hi, tc.Hi, 0, 1e-6)
			expectClose(t, "LogLik", got.LogLik, tc.LogLik, 1e-9, 1e-9)
			if !math.IsNaN(got.Rho) {
				expectClose(t, "Rho", got.Rho, tc.Rho, 0, 1e-6)
			}
		})
	}
}

// Reference: the ln Γ form of the Dirichlet-multinomial log-likelihood
// maximised with scipy.optimize (BFGS from several starts, polished by
// Nelder–Mead) in documents.py, and the profile-likelihood interval of each
// share by brentq over that maximisation. Tolerance: 1e-6 absolute on shares,
// bounds and ρ, 1e-9 on the log-likelihood.
func TestDirichletMultinomialFitOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).DirichletMultinomial {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := DirichletMultinomialFit(UnitsOf(tc.Docs), 0, tc.Conf)
			if err != nil {
				t.Fatal(err)
			}
			for l := range tc.Shares {
				expectClose(t, fmt.Sprintf("Shares[%d]", l), got.Shares[l], tc.Shares[l], 0, 1e-6)
				expectClose(t, fmt.Sprintf("Lo[%d]", l), got.Lo[l], tc.Lo[l], 0, 1e-6)
				expectClose(t, fmt.Sprintf("Hi[%d]", l), got.Hi[l], tc.Hi[l], 0, 1e-6)
			}
			expectClose(t, "Rho", got.Rho, tc.Rho, 0, 1e-6)
			expectClose(t, "LogLik", got.LogLik, tc.LogLik, 1e-9, 1e-9)
		})
	}
}

// Reference: direct NumPy on the expanded documents in documents.py.
// Tolerance: relative 1e-12 from the units (DesignEffectOf), 1e-9 from the
// sums (RatioSums.DesignEffect, whose Σx² − 2p̂Σxm + p̂²Σm² cancels).
func TestDesignEffectOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).DesignEffect {
		t.Run(tc.Name, func(t *testing.T) {
			u := UnitsOf(tc.Docs)
			r := Ratio{Index: tc.Index, Label: tc.Label}
			direct, err := DesignEffectOf(u, 0, r)
			if err != nil {
				t.Fatal(err)
			}
			sums, _ := RatioSumsOf(u, 0, r)
			for _, c := range []struct {
				name string
				got  DesignEffect
				tol  float64
			}{{"DesignEffectOf", direct, 1e-12}, {"RatioSums.DesignEffect", sums.DesignEffect(), 1e-9}} {
				expectClose(t, c.name+".Estimate", c.got.Estimate, tc.Estimate, c.tol, 1e-15)
				expectClose(t, c.name+".VarCluster", c.got.VarCluster, tc.VarCluster, c.tol, 0)
				expectClose(t, c.name+".VarBinomial", c.got.VarBinomial, tc.VarBinomial, c.tol, 0)
				expectClose(t, c.name+".Deff", c.got.Deff, tc.Deff, c.tol, 0)
				expectClose(t, c.name+".EffectiveHits", c.got.EffectiveHits, tc.EffectiveHits, c.tol, 0)
				expectClose(t, c.name+".EffectiveUnits", c.got.EffectiveUnits, tc.EffectiveUnits, c.tol, 0)
				if c.got.Units != tc.Units {
					t.Errorf("%s.Units = %v, want %v", c.name, c.got.Units, tc.Units)
				}
			}
		})
	}
}

// Reference: direct NumPy in documents.py. Tolerance as TestDesignEffectOracle.
func TestRateDispersionOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).RateDispersion {
		t.Run(tc.Name, func(t *testing.T) {
			direct, err := RateDispersionOf(UnitsOf(tc.Docs), 0)
			if err != nil {
				t.Fatal(err)
			}
			var s RateSums
			for _, d := range tc.Docs {
				s.Add(d[0], d[1], 1)
			}
			for _, c := range []struct {
				name string
				got  RateDispersion
				tol  float64
			}{{"RateDispersionOf", direct, 1e-12}, {"RateSums.Dispersion", s.Dispersion(), 1e-9}} {
				expectClose(t, c.name+".Rate", c.got.Rate, tc.Rate, c.tol, 0)
				expectClose(t, c.name+".Phi", c.got.Phi, tc.Phi, c.tol, 0)
				expectClose(t, c.name+".EffectiveHits", c.got.EffectiveHits, tc.EffectiveHits, c.tol, 0)
				if c.got.Units != tc.Units {
					t.Errorf("%s.Units = %v, want %v", c.name, c.got.Units, tc.Units)
				}
			}
		})
	}
}

// Reference: a 50-digit mpmath evaluation of the definition (relative 1e-12,
// exact 0 for proportional vectors) and scipy.spatial.distance.jensenshannon
// (base=2), relative 1e-9: SciPy's double-precision sum is itself off by
// 5e-10 on the nearly equal pair.
func TestJensenShannonExactOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).JSExact {
		got := JensenShannonExact(tc.P, tc.Q)
		name := fmt.Sprintf("JensenShannonExact(%v, %v)", tc.P, tc.Q)
		expectClose(t, name+" vs mpmath", got, tc.MP, 1e-12, 0)
		expectClose(t, name+" vs SciPy", got, tc.SciPy, 1e-9, 0)
		if tc.MP == 0 && got != 0 {
			t.Errorf("%s = %v, want exactly 0", name, got)
		}
	}
}

// Reference: the exact bootstrap distribution of documents.py (every pair of
// resamples). Tolerances as TestClusterBootstrapOracle: each bound within 4
// binomial standard errors of its level on the exact distribution function,
// the undefined share within 4 standard errors of its probability; the
// distance itself relative 1e-12 (mpmath).
func TestJensenShannonBootstrapOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).JSBootstrap {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := JensenShannonBootstrap(UnitsOf(tc.A, tc.B), 0, 1, tc.Draws, 5, tc.Conf)
			if err != nil {
				t.Fatal(err)
			}
			expectClose(t, "Distance", got.Distance, tc.Distance, 1e-12, 0)
			B := float64(tc.Draws)
			pu := tc.Undefined
			if d := math.Abs(float64(got.Undefined)/B - pu); d > 4*math.Sqrt(pu*(1-pu)/B)+1/B {
				t.Errorf("Undefined %d of %d, exact probability %g", got.Undefined, tc.Draws, pu)
			}
			cdf := func(b float64, strict bool) float64 {
				var f float64
				for i, v := range tc.Values {
					// The reference values are rounded to 15 digits.
					if v < b-1e-13 || !strict && v <= b+1e-13 {
						f += tc.Probs[i]
					}
				}
				return f / (1 - pu)
			}
			alpha := (1 - tc.Conf) / 2
			for _, c := range []struct {
				what string
				b, q float64
			}{{"Lo", got.Lo, alpha}, {"Hi", got.Hi, 1 - alpha}} {
				tol := 4*math.Sqrt(c.q*(1-c.q)/B) + 1/B
				if cdf(c.b, false) < c.q-tol || cdf(c.b, true) > c.q+tol {
					t.Errorf("%s = %v: exact F = %v, F(−) = %v, want about %v ± %v", c.what, c.b, cdf(c.b, false), cdf(c.b, true), c.q, tol)
				}
			}
		})
	}
}

// Reference: the NumPy transcription in documents.py of Monroe et al. (2008)
// with the full variance. Tolerance relative 1e-12. The table with an empty
// group added must give the same values, bit for bit, to every other group.
func TestLogOddsWithinConceptOracle(t *testing.T) {
	for _, tc := range loadDocumentsOracle(t).LogOddsConcept {
		name := fmt.Sprintf("LogOddsWithinConcept(%v, %g)", tc.Table, tc.A0Arg)
		got, err := LogOddsWithinConcept(tc.Table, tc.A0Arg)
		if err != nil {
			t.Fatal(err)
		}
		expectClose(t, name+".A0", got.A0, tc.A0, 1e-12, 0)
		for w := range tc.Prior {
			expectClose(t, fmt.Sprintf("%s.Prior[%d]", name, w), got.Prior[w], tc.Prior[w], 1e-12, 0)
		}
		for i, g := range got.Groups {
			for w := range g.Z {
				expectClose(t, fmt.Sprintf("%s.Groups[%d].Delta[%d]", name, i, w), g.Delta[w], tc.Groups[i][0][w], 1e-12, 1e-15)
				expectClose(t, fmt.Sprintf("%s.Groups[%d].Var[%d]", name, i, w), g.Var[w], tc.Groups[i][1][w], 1e-12, 0)
				expectClose(t, fmt.Sprintf("%s.Groups[%d].Z[%d]", name, i, w), g.Z[w], tc.Groups[i][2][w], 1e-12, 1e-15)
			}
		}
		padded, _ := LogOddsWithinConcept(tc.WithEmpty, tc.A0Arg)
		if padded.A0 != got.A0 || padded.Groups[1].Reason == "" {
			t.Errorf("%s: with an empty group A0 %v (want %v), empty group %+v", name, padded.A0, got.A0, padded.Groups[1])
		}
		for i, g := range got.Groups {
			p := padded.Groups[i]
			if i > 0 {
				p = padded.Groups[i+1]
			}
			for w := range g.Z {
				if math.Float64bits(g.Z[w]) != math.Float64bits(p.Z[w]) || math.Float64bits(g.Var[w]) != math.Float64bits(p.Var[w]) {
					t.Errorf("%s: group %d label %d: z %v alone, %v with an empty group", name, i, w, g.Z[w], p.Z[w])
				}
			}
		}
		// And the reference agrees that nothing moved.
		for i := range tc.Groups {
			j := i
			if i > 0 {
				j = i + 1
			}
			for w := range tc.Groups[i][2] {
				if !closeTo(float64(tc.Groups[i][2][w]), float64(tc.WithEmptyResult.Groups[j][2][w]), 0, 0) {
					t.Errorf("%s: reference z moved with an empty group", name)
				}
			}
		}
	}
}

// tokenSumsOf returns the TokenSums of documents given as (k, n) pairs: D
// counts the documents with tokens.
func tokenSumsOf(docs [][2]float64) TokenSums {
	var s TokenSums
	for _, d := range docs {
		s.Add(d[0], d[1])
	}
	return s
}

// Reference: documents.py from the documents themselves (residuals k − p̂n,
// the design effect, X² and φ̂ as exact fractions; Garwood's interval by
// scipy.stats.chi2.ppf, Wilson's by statsmodels proportion_confint; p by
// scipy.stats.f.sf), the design effect checked there against statsmodels'
// cluster-robust GLM variance. Go works from the sums, its residual sum of
// squares exact (TokenSums.rss). Tolerance: relative 1e-12 on every value
// (the largest difference seen is 1.2e-15), no absolute floor: a design
// effect or φ̂ of documents all at their ratio is exactly 0, and φ̂ = 0 makes
// the test undefined. Reason must be set exactly when the reference leaves
// the design effect (interval) or p (test) undefined.
func TestTokenRatioOracle(t *testing.T) {
	const rel = 1e-12
	for _, tc := range loadDocumentsOracle(t).TokenRatio {
		t.Run(tc.Name, func(t *testing.T) {
			v := PoissonVariance
			if tc.Variance == "share" {
				v = BinomialVariance
			}
			sums := make([]TokenSums, len(tc.Groups))
			for g, docs := range tc.Groups {
				sums[g] = tokenSumsOf(docs)
				got, want := TokenRatioInterval(sums[g], v, tc.Conf), tc.Intervals[g]
				name := fmt.Sprintf("group %d: ", g)
				expectClose(t, name+"Estimate", got.Estimate, want.Estimate, rel, 0)
				expectClose(t, name+"Lo", got.Lo, want.Lo, rel, 0)
				expectClose(t, name+"Hi", got.Hi, want.Hi, rel, 0)
				expectClose(t, name+"Deff", got.Deff, want.Deff, rel, 0)
				expectClose(t, name+"DeffUsed", got.DeffUsed, want.DeffUsed, rel, 0)
				expectClose(t, name+"EffectiveHits", got.EffectiveHits, want.EffectiveHits, rel, 0)
				if got.Units != want.Units {
					t.Errorf("%sUnits = %v, want %v", name, got.Units, want.Units)
				}
				if undefined := math.IsNaN(float64(want.Deff)); (got.Reason != "") != undefined {
					t.Errorf("%sReason = %q with the reference's design effect %v", name, got.Reason, float64(want.Deff))
				}
			}
			got, want := QuasiHomogeneity(sums, v), tc.Test
			expectClose(t, "X2", got.X2, want.X2, rel, 0)
			expectClose(t, "Phi", got.Phi, want.Phi, rel, 0)
			expectClose(t, "F", got.F, want.F, rel, 0)
			expectClose(t, "DF1", got.DF1, want.DF1, 0, 0)
			expectClose(t, "DF2", got.DF2, want.DF2, rel, 0) // from the effective documents: not a whole number
			expectClose(t, "P", got.P, want.P, rel, 0)
			if fmt.Sprint(got.Dropped) != fmt.Sprint(want.Dropped) {
				t.Errorf("Dropped = %v, want %v", got.Dropped, want.Dropped)
			}
			if undefined := math.IsNaN(float64(want.P)); (got.Reason != "") != undefined {
				t.Errorf("Reason = %q with the reference's p %v", got.Reason, float64(want.P))
			}
		})
	}
}

// Reference: documents.py in the matrix form of the regression literature
// (WLS on an intercept with weights m, hat matrix, CR2 adjustment
// (1 − H_ii)^(−1/2), sandwich; Bell–McCaffrey degrees of freedom from the
// eigenvalues of Φ^½ (I − H)ᵀ C (I − H) Φ^½ by numpy.linalg.eigvalsh; t from
// scipy.stats.t.ppf polished by mpmath), checked there against exact
// fractions. Go uses the closed form and O(n) traces. Tolerance: relative
// 1e-9 on every value, no absolute floor (a clipped bound is exactly 0, 1 or
// ±1 on both sides). The largest difference seen is 5e-15; SciPy 1.10's own
// t quantile, unpolished, would be off by up to 6e-10 at non-integer degrees
// of freedom. Reason must be set exactly when the reference leaves the
// variance undefined (fewer than two units with hits, or every unit at the
// same share).
func TestCR2Oracle(t *testing.T) {
	const rel = 1e-9
	cases := loadDocumentsOracle(t).CR2
	if len(cases) < 10 {
		t.Fatalf("%d CR2 cases in documents.json", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ClusterRobustCR2(UnitsOf(tc.Docs), 0, Ratio{Index: tc.Index, Label: tc.Label}, tc.Conf)
			if err != nil {
				t.Fatal(err)
			}
			expectClose(t, "Estimate", got.Estimate, tc.Estimate, rel, 0)
			expectClose(t, "Lo", got.Lo, tc.Lo, rel, 0)
			expectClose(t, "Hi", got.Hi, tc.Hi, rel, 0)
			expectClose(t, "SE", got.SE, tc.SE, rel, 0)
			expectClose(t, "DF", got.DF, tc.DF, rel, 0)
			if got.UnitsWithHits != tc.UnitsWithHits {
				t.Errorf("UnitsWithHits = %d, want %d", got.UnitsWithHits, tc.UnitsWithHits)
			}
			if undefined := math.IsNaN(float64(tc.SE)); (got.Reason != "") != undefined {
				t.Errorf("Reason = %q with the reference's SE %v", got.Reason, float64(tc.SE))
			}
		})
	}
}
