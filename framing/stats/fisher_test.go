package stats

import (
	"math"
	"math/big"
	"testing"
)

// FisherExact2x2 agrees with a brute-force sum over the support in exact
// rational arithmetic (math/big), for every 2×2 table with counts 0 to 9.
// This checks the search for the tails, including exact ties. Tolerance 1e-12
// relative.
func TestFisherExact2x2BruteForce(t *testing.T) {
	binom := func(n, k int64) *big.Int { return new(big.Int).Binomial(n, k) }
	for a := int64(0); a < 10; a++ {
		for b := int64(0); b < 10; b++ {
			for c := int64(0); c < 10; c++ {
				for d := int64(0); d < 10; d++ {
					r1, r2, c1 := a+b, c+d, a+c
					want := 1.0
					if r1 > 0 && r2 > 0 && c1 > 0 && b+d > 0 {
						total := binom(r1+r2, c1)
						prob := func(x int64) *big.Rat {
							num := new(big.Int).Mul(binom(r1, x), binom(r2, c1-x))
							return new(big.Rat).SetFrac(num, total)
						}
						thr := new(big.Rat).Mul(prob(a), new(big.Rat).SetFloat64(1+fisherRelTol))
						sum := new(big.Rat)
						for x := max(0, c1-r2); x <= min(r1, c1); x++ {
							if p := prob(x); p.Cmp(thr) <= 0 {
								sum.Add(sum, p)
							}
						}
						want, _ = sum.Float64()
					}
					tab := [][]float64{{float64(a), float64(b)}, {float64(c), float64(d)}}
					got, err := FisherExact2x2(tab)
					if err != nil || math.Abs(got.P-want) > 1e-12*want {
						t.Fatalf("FisherExact2x2(%v).P = %.17g, want %.17g (%v)", tab, got.P, want, err)
					}
				}
			}
		}
	}
}
