package stats

import (
	"math"
	"math/big"
	"slices"
	"testing"
)

// FuzzTokenRatio feeds the TokenSums of small sets of arbitrary documents to
// TokenRatioInterval, for each group, and to QuasiHomogeneity: neither may
// panic; an interval is NaN, with Reason set, exactly when its group has no
// tokens, and otherwise holds the estimate, 0 ≤ Lo ≤ Estimate ≤ Hi (Hi ≤ 1
// for a share); Reason is set exactly when Deff is NaN; DeffUsed ≥ 1; Deff
// agrees with the residuals k − p̂n summed document by document in exact
// rational arithmetic; P is NaN, with Reason set, or in [0, 1].
//
// data is read as documents of three bytes: group (mod 4), hits, tokens. The
// tokens are multiplied by 2^(scale mod 24), and so are the hits of a share,
// which are at most the tokens (hits mod tokens + 1); a rate's document
// without tokens has no hits. At most 24 documents.
func FuzzTokenRatio(f *testing.F) {
	f.Add(uint8(95), false, uint8(0), []byte{0, 12, 200, 0, 0, 175, 0, 1, 250, 1, 3, 150, 1, 2, 140, 1, 4, 210})
	f.Add(uint8(95), true, uint8(0), []byte{0, 5, 8, 0, 0, 6, 0, 1, 10, 1, 3, 9, 1, 4, 7, 2, 1, 5, 2, 0, 7})
	f.Add(uint8(90), false, uint8(3), []byte{0, 1, 10, 0, 2, 20, 1, 3, 10, 1, 6, 20})
	f.Add(uint8(50), true, uint8(20), []byte{0, 3, 3, 0, 5, 5, 1, 2, 2, 3, 0, 0})
	f.Add(uint8(99), false, uint8(0), []byte{0, 0, 100, 1, 0, 50, 2, 0, 0})
	f.Add(uint8(1), true, uint8(23), []byte{0, 255, 255, 1, 1, 255})
	f.Add(uint8(95), false, uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, confb uint8, share bool, scale uint8, data []byte) {
		conf := float64(confb%99+1) / 100
		v := PoissonVariance
		if share {
			v = BinomialVariance
		}
		m := math.Ldexp(1, int(scale%24))
		docs := make([][][2]float64, 4)
		for i := 0; i+3 <= len(data) && i < 3*24; i += 3 {
			g, k, n := int(data[i]%4), float64(data[i+1]), float64(data[i+2])
			switch {
			case share:
				k = math.Mod(k, n+1) * m
			case n == 0:
				k = 0
			}
			docs[g] = append(docs[g], [2]float64{k, n * m})
		}
		sums := make([]TokenSums, len(docs))
		var dropped []int
		for g := range docs {
			s := tokenSumsOf(docs[g])
			sums[g] = s
			if !(s.N > 0) {
				dropped = append(dropped, g)
			}
			r := TokenRatioInterval(s, v, conf)
			if r.Units != s.D {
				t.Errorf("group %d: Units = %v, want %v", g, r.Units, s.D)
			}
			if !(s.N > 0) {
				if !math.IsNaN(r.Estimate) || !math.IsNaN(r.Lo) || !math.IsNaN(r.Hi) || r.Reason == "" {
					t.Errorf("group %d without tokens: %+v", g, r)
				}
				continue
			}
			slack := 1e-12 * r.Estimate
			if !(0 <= r.Lo && r.Lo <= r.Estimate+slack && r.Estimate <= r.Hi+slack) || share && r.Hi > 1 {
				t.Errorf("group %d: %v outside [%v, %v] (%v, %+v)", g, r.Estimate, r.Lo, r.Hi, docs[g], r)
			}
			if !(r.DeffUsed >= 1) {
				t.Errorf("group %d: DeffUsed = %v (%v)", g, r.DeffUsed, docs[g])
			}
			if math.IsNaN(r.Deff) != (r.Reason != "") {
				t.Errorf("group %d: Deff = %v with Reason %q (%v)", g, r.Deff, r.Reason, docs[g])
			}
			if !math.IsNaN(r.Deff) {
				if want := exactDeff(docs[g], v); !closeTo(r.Deff, want, 1e-12, 0) {
					t.Errorf("group %d: Deff = %.17g, want %.17g from the documents (%v)", g, r.Deff, want, docs[g])
				}
			}
		}
		q := QuasiHomogeneity(sums, v)
		if !slices.Equal(q.Dropped, dropped) {
			t.Errorf("Dropped = %v, want %v", q.Dropped, dropped)
		}
		switch {
		case math.IsNaN(q.P):
			if q.Reason == "" {
				t.Errorf("P = NaN without a reason: %+v (%v)", q, docs)
			}
		case q.P < 0 || q.P > 1 || !(q.F >= 0) || !(q.Phi > 0) || !(q.DF1 >= 1) || !(q.DF2 >= 1) || q.Reason != "":
			t.Errorf("QuasiHomogeneity = %+v (%v)", q, docs)
		}
	})
}

// exactDeff is the design effect of documents (k, n) computed from the
// documents: Σ_i (k_i − p̂ n_i)² in rational arithmetic, then
// D/(D−1) · rss/N² / (v(p̂)/N).
func exactDeff(docs [][2]float64, v Variance) float64 {
	var d, k, n float64
	for _, x := range docs {
		if x[1] > 0 {
			d, k, n = d+1, k+x[0], n+x[1]
		}
	}
	p := new(big.Rat).Quo(ratOf(k), ratOf(n))
	rss := new(big.Rat)
	for _, x := range docs {
		e := new(big.Rat).Mul(p, ratOf(x[1]))
		e.Sub(ratOf(x[0]), e)
		rss.Add(rss, e.Mul(e, e))
	}
	r, _ := rss.Float64()
	pf, _ := p.Float64()
	return d / (d - 1) * r / (n * n) / (v.v(pf) / n)
}

func ratOf(x float64) *big.Rat { return new(big.Rat).SetFloat64(x) }
