package stats

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
)

// binomialRand against the binomial probabilities (logBinom, itself checked
// by FisherExact2x2's oracle tests): each frequency of 200000 draws within 5
// standard errors, for small and large n and both tails of p.
func TestBinomialRand(t *testing.T) {
	rng := newRand(3)
	for _, c := range []struct{ n, p float64 }{{10, 0.3}, {7, 0.95}, {1, 0.5}, {400, 0.02}, {60, 0.5}} {
		const draws = 200000
		freq := map[float64]int{}
		for range draws {
			x := binomialRand(rng, c.n, c.p, 1-c.p)
			if x < 0 || x > c.n || x != math.Trunc(x) {
				t.Fatalf("binomialRand(%v, %v) = %v", c.n, c.p, x)
			}
			freq[x]++
		}
		for x := 0.0; x <= c.n; x++ {
			p := math.Exp(logBinom(x, c.n, c.p, 1-c.p))
			se := math.Sqrt(p * (1 - p) / draws)
			if d := math.Abs(float64(freq[x])/draws - p); d > 5*se+1e-5 {
				t.Errorf("n %v p %v: P(%v) = %v, drawn %v", c.n, c.p, x, p, float64(freq[x])/draws)
			}
		}
	}
	if binomialRand(rng, 5, 0, 1) != 0 || binomialRand(rng, 5, 1, 0) != 5 || binomialRand(rng, 0, 0.5, 0.5) != 0 {
		t.Error("degenerate binomials")
	}
}

func TestMultinomialUnits(t *testing.T) {
	rng := newRand(9)
	n := []int{3, 0, 5, 2}
	c := make([]float64, 4)
	var mean [4]float64
	const draws = 50000
	for range draws {
		multinomialUnits(rng, n, 10, c)
		var s float64
		for i, x := range c {
			s += x
			mean[i] += x / draws
		}
		if s != 10 || c[1] != 0 {
			t.Fatalf("draw %v", c)
		}
	}
	// E[c_i] = n_i; SD of the mean √(n_i(1−n_i/10)/draws) < 0.01.
	for i, ni := range n {
		if math.Abs(mean[i]-float64(ni)) > 0.04 {
			t.Errorf("mean count of type %d = %v, want %d", i, mean[i], ni)
		}
	}
}

func TestClusterBootstrapEdges(t *testing.T) {
	share := Ratio{Label: 0}
	for _, c := range []struct {
		name string
		u    Units
	}{
		{"no units", Units{}},
		{"empty group", Units{Types: [][]float64{{1, 2}}, Count: [][]int{{0, 3}}}},
		{"no hits", UnitsOf([][]float64{{0, 0}, {0, 0}})},
	} {
		got, err := ClusterBootstrap(c.u, 0, share, 100, 1, 0.95)
		if err != nil || !math.IsNaN(got.Estimate) || !math.IsNaN(got.Lo) || got.Reason == "" {
			t.Errorf("%s: %+v, %v", c.name, got, err)
		}
	}
	// One unit: every resample is that unit; the intervals have no width,
	// and BCa has no jackknife.
	got, _ := ClusterBootstrap(UnitsOf([][]float64{{3, 1}}), 0, share, 100, 1, 0.95)
	if got.Estimate != 0.75 || got.Lo != 0.75 || got.Hi != 0.75 || got.TLo != 0.75 || got.THi != 0.75 || !math.IsNaN(got.BCaLo) || got.BCaReason == "" || got.Reason != "" {
		t.Errorf("one unit: %+v", got)
	}
	// Identical units: every resample has the estimate; z0 = 0, a = 0.
	var same [][]float64
	for range 12 {
		same = append(same, []float64{2, 1})
	}
	got, _ = ClusterBootstrap(UnitsOf(same), 0, Ratio{Index: true}, 200, 1, 0.9)
	want := 1.0 / 3
	if math.Abs(got.Estimate-want) > 1e-15 || got.Lo != got.Estimate || got.Hi != got.Estimate || got.BCaLo != got.Estimate || got.Acceleration != 0 || got.BiasCorrection != 0 || got.TLo != got.Estimate || got.THi != got.Estimate {
		t.Errorf("identical units: %+v", got)
	}
	// Huge counts.
	got, _ = ClusterBootstrap(UnitsOf([][]float64{{1e12, 3e12}, {2e12, 1e12}, {5e11, 5e11}}), 0, Ratio{Index: true}, 500, 1, 0.95)
	if !(got.Lo >= -1 && got.Lo <= got.Estimate && got.Estimate <= got.Hi && got.Hi <= 1) || got.Reason != "" {
		t.Errorf("huge: %+v", got)
	}
	var ce *CountError
	if _, err := ClusterBootstrap(Units{Types: [][]float64{{1, math.Inf(1)}}, Count: [][]int{{1}}}, 0, share, 10, 1, 0.95); !errors.As(err, &ce) {
		t.Errorf("infinite count: %v", err)
	}
}

func TestClusterBootstrapPanics(t *testing.T) {
	u := UnitsOf([][]float64{{1, 2, 3}})
	for name, call := range map[string]func(){
		"draws": func() { ClusterBootstrap(u, 0, Ratio{}, 0, 1, 0.95) },
		"conf":  func() { ClusterBootstrap(u, 0, Ratio{}, 10, 1, 1) },
		"group": func() { ClusterBootstrap(u, 1, Ratio{}, 10, 1, 0.95) },
		"label": func() { ClusterBootstrap(u, 0, Ratio{Label: 3}, 10, 1, 0.95) },
		"index": func() { ClusterBootstrap(u, 0, Ratio{Index: true}, 10, 1, 0.95) },
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

// The same seed gives the same result; the index is 2·share − 1 of pos, draw
// for draw (relative 1e-12); and the interval agrees, within Monte Carlo
// error (0.02 on each bound, about 4 standard errors of a bound with 4000
// draws here), with BootstrapIndex, which resamples documents one by one.
func TestClusterBootstrapConsistency(t *testing.T) {
	docs := [][]float64{{3, 0}, {0, 2}, {5, 1}, {0, 0}, {1, 1}, {2, 4}, {7, 0}, {1, 0}, {0, 1}, {2, 2}, {4, 1}, {0, 3}, {1, 0}, {0, 0}, {3, 3}}
	u := UnitsOf(docs)
	idx, _ := ClusterBootstrap(u, 0, Ratio{Index: true}, 4000, 8, 0.95)
	again, _ := ClusterBootstrap(u, 0, Ratio{Index: true}, 4000, 8, 0.95)
	if idx != again {
		t.Errorf("same seed: %+v and %+v", idx, again)
	}
	sh, _ := ClusterBootstrap(u, 0, Ratio{Label: 0}, 4000, 8, 0.95)
	for _, c := range [][2]float64{{idx.Estimate, sh.Estimate}, {idx.Lo, sh.Lo}, {idx.Hi, sh.Hi}, {idx.BCaLo, sh.BCaLo}, {idx.BCaHi, sh.BCaHi}} {
		if math.Abs(c[0]-(2*c[1]-1)) > 1e-12 {
			t.Errorf("index %v, 2·share−1 = %v", c[0], 2*c[1]-1)
		}
	}
	pairs := make([][2]float64, len(docs))
	for i, d := range docs {
		pairs[i] = [2]float64{d[0], d[1]}
	}
	old, _ := BootstrapIndex(pairs, 4000, 8, 0.95)
	if math.Abs(old.Lo-idx.Lo) > 0.045 || math.Abs(old.Hi-idx.Hi) > 0.045 || old.Index != idx.Estimate {
		t.Errorf("BootstrapIndex [%v, %v], ClusterBootstrap [%v, %v]", old.Lo, old.Hi, idx.Lo, idx.Hi)
	}
}

// quantileInf does not interpolate between infinite order statistics.
func TestQuantileInf(t *testing.T) {
	inf := math.Inf(1)
	x := []float64{-inf, -inf, -1, 0, 2, inf}
	for _, c := range []struct{ q, want float64 }{{0, -inf}, {0.1, -inf}, {0.3, -inf}, {0.5, -0.5}, {0.9, inf}, {1, inf}, {0.7, 1}} {
		if got := quantileInf(x, c.q); got != c.want {
			t.Errorf("quantileInf(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}

// skipSampler draws what unitSampler draws, idle types aside, and
// unitSampler (no type idle) what multinomialUnits draws, both ways: the
// mean count of each busy type is its number of units, with the
// multinomial's variance n_i(1 − n_i/total), and the busy types never take
// more than total units (all of them when none is idle).
func TestSkipSampler(t *testing.T) {
	for _, tc := range []struct {
		n    []int
		idle []bool
	}{
		{[]int{3, 0, 5, 2}, []bool{false, true, true, false}},         // units one by one
		{[]int{400, 1, 0, 250}, []bool{true, false, true, false}},     // busy units one by one
		{[]int{40, 900, 700, 600}, []bool{false, true, false, false}}, // binomials
		{[]int{4, 6}, []bool{false, false}},                           // none idle: unitSampler, one by one
		{[]int{4000, 1, 0, 2500}, []bool{false, false, false, false}}, // none idle: unitSampler, binomials
	} {
		total := 0
		for _, x := range tc.n {
			total += x
		}
		rng := newRand(5)
		c := make([]float64, len(tc.n))
		mean := make([]float64, len(tc.n))
		sq := make([]float64, len(tc.n))
		draw := skipSampler(tc.n, total, tc.idle)
		const draws = 20000
		for range draws {
			draw(rng, c)
			var s float64
			for i, x := range c {
				s += x
				mean[i] += x / draws
				sq[i] += x * x / draws
				if tc.idle[i] && x != 0 && slices.Contains(tc.idle, false) {
					t.Fatalf("n %v: idle type %d drawn %v times", tc.n, i, x)
				}
			}
			if s > float64(total) || !slices.Contains(tc.idle, true) && s != float64(total) {
				t.Fatalf("n %v: %v units drawn of %d", tc.n, s, total)
			}
		}
		for i, ni := range tc.n {
			if tc.idle[i] {
				continue
			}
			v := float64(ni) * (1 - float64(ni)/float64(total))
			if sd := math.Sqrt(v / draws); math.Abs(mean[i]-float64(ni)) > 5*sd+1e-12 {
				t.Errorf("n %v: mean count of type %d = %v, want %d ± %v", tc.n, i, mean[i], ni, sd)
			}
			// The variance's sampling SD is about v·√(2/draws) for counts
			// near normal.
			if got := sq[i] - mean[i]*mean[i]; math.Abs(got-v) > 5*v*math.Sqrt(2.0/draws)+1e-9 {
				t.Errorf("n %v: variance of type %d's count = %v, want %v", tc.n, i, got, v)
			}
		}
	}
}

// The shares of a concept's labels bootstrapped together are the shares
// bootstrapped one by one: the same resamples, drawn once.
func TestClusterBootstrapsShareResamples(t *testing.T) {
	rng := newRand(9)
	var docs [][]float64
	for range 60 {
		v := make([]float64, 3)
		if rng.IntN(3) > 0 { // a third of the documents without a hit
			for k := range v {
				v[k] = float64(rng.IntN(4))
			}
		}
		docs = append(docs, v)
	}
	u := UnitsOf(docs)
	rs := []Ratio{{Label: 0}, {Label: 1}, {Label: 2}}
	together, err := ClusterBootstraps(u, 0, rs, 999, 3, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for k, r := range rs {
		alone, err := ClusterBootstrap(u, 0, r, 999, 3, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(alone) != fmt.Sprint(together[k]) {
			t.Errorf("label %d: together %+v, alone %+v", k, together[k], alone)
		}
	}
	cis, err := RatioIntervals(u, 0, rs, 999, 3, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for k, ci := range cis {
		if ci.Method != "cluster-bootstrap" || ci.Lo != together[k].TLo || ci.Hi != together[k].THi {
			t.Errorf("label %d: RatioIntervals %+v, bootstrap-t [%v, %v]", k, ci, together[k].TLo, together[k].THi)
		}
	}
}

// below is uniform on [0, n): every value of a small range is drawn
// equally often, within Monte Carlo error, including a range whose size
// does not divide 2³² and one of a single value.
func TestBelow(t *testing.T) {
	rng := newRand(11)
	for _, n := range []uint32{1, 3, 7, 1000} {
		counts := make([]float64, n)
		const draws = 200000
		for range draws {
			v := below(rng, uint32(rng.Uint64()), n)
			if v >= n {
				t.Fatalf("below(%d) = %d", n, v)
			}
			counts[v]++
		}
		p := 1 / float64(n)
		sd := math.Sqrt(draws * p * (1 - p))
		for v, c := range counts {
			if math.Abs(c-draws*p) > 5*sd+1e-9 {
				t.Errorf("below(%d): %v draws of %d, want %v ± %v", n, c, v, draws*p, sd)
			}
		}
	}
}
