package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// bellMcCaffreyDF's closed form agrees with forming A = Ω^½ Mᵀ C M Ω^½
// entry by entry and taking its traces.
func TestBellMcCaffreyClosedForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for trial := range 50 {
		n := 2 + rng.IntN(12)
		m := make([]float64, n)
		var sm float64
		for i := range m {
			m[i] = float64(1 + rng.IntN(1+trial))
			sm += m[i]
		}
		h, c := make([]float64, n), make([]float64, n)
		for i := range m {
			h[i] = m[i] / sm
			c[i] = m[i] * m[i] / ((1 - h[i]) * sm * sm)
		}
		var trA, trA2 float64
		for a := range n {
			for b := range n {
				var s float64
				for i := range n {
					mia, mib := -h[a], -h[b]
					if i == a {
						mia++
					}
					if i == b {
						mib++
					}
					s += c[i] * mia / math.Sqrt(m[a]) * mib / math.Sqrt(m[b])
				}
				if a == b {
					trA += s
				}
				trA2 += s * s
			}
		}
		if want, got := trA*trA/trA2, bellMcCaffreyDF(m, h, c); math.Abs(got-want) > 1e-9*want {
			t.Errorf("m %v: df %v, want %v", m, got, want)
		}
	}
}

// The edges of ClusterRobustCR2: NaN with a reason, never a panic.
func TestClusterRobustCR2Edges(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs [][]float64
		want string
	}{
		{"no hits", [][]float64{{0, 0}, {0, 0}}, "no unit"},
		{"one unit with hits", [][]float64{{2, 1}, {0, 0}}, "one unit with hits"},
		{"same share", [][]float64{{1, 1}, {2, 2}}, "same share"},
	} {
		got, err := ClusterRobustCR2(UnitsOf(tc.docs), 0, Ratio{Index: true}, 0.95)
		if err != nil || !math.IsNaN(got.Lo) || !contains(got.Reason, tc.want) {
			t.Errorf("%s: %+v %v", tc.name, got, err)
		}
	}
	got, _ := ClusterRobustCR2(UnitsOf([][]float64{{3, 1}, {0, 2}, {1, 1}, {5, 0}}), 0, Ratio{Index: true}, 0.95)
	if !(got.Lo <= got.Estimate && got.Estimate <= got.Hi && got.Lo >= -1 && got.Hi <= 1 && got.DF > 0) {
		t.Errorf("%+v", got)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
