package stats

import (
	"math"
	"slices"
)

// BenjaminiHochberg returns the p-values of p adjusted for the false discovery
// rate by the step-up procedure of Benjamini and Hochberg (1995):
//
//	q_(i) = min_{k ≥ i} min(1, m p_(k) / k)
//
// where p_(1) ≤ … ≤ p_(m) are the valid p-values in increasing order. A
// hypothesis is rejected at FDR level α when its adjusted value is at most α.
// The values agree with statsmodels' multipletests(method="fdr_bh") and R's
// p.adjust(method="BH").
//
// Entries that are NaN or outside [0, 1] are not p-values: they stay NaN in
// the result and are not counted in m. The input is not modified.
//
// Reference: Benjamini Y, Hochberg Y (1995) Controlling the false discovery
// rate: a practical and powerful approach to multiple testing. J R Stat Soc B
// 57:289–300.
func BenjaminiHochberg(p []float64) []float64 {
	adj := nanSlice(len(p))
	var order []int
	for i, v := range p {
		if v >= 0 && v <= 1 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case p[a] < p[b]:
			return -1
		case p[a] > p[b]:
			return 1
		}
		return 0
	})
	m := float64(len(order))
	running := 1.0
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		running = math.Min(running, p[i]*m/float64(k+1))
		adj[i] = running
	}
	return adj
}
