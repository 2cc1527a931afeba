package stats

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Spearman is Spearman's rank correlation of x and y, pairs with a NaN
// left out: the Pearson correlation of their ranks, ties given their mean
// rank, with the two-sided p-value of t = ρ√((n−2)/(1−ρ²)) on n−2 degrees
// of freedom (as scipy.stats.spearmanr computes it). n is the pairs used; ρ
// and p are NaN with fewer than 3 pairs or when either side is constant.
func Spearman(x, y []float64) (rho, p float64, n int) {
	var xs, ys []float64
	for i := range min(len(x), len(y)) {
		if !math.IsNaN(x[i]) && !math.IsNaN(y[i]) {
			xs, ys = append(xs, x[i]), append(ys, y[i])
		}
	}
	n = len(xs)
	if n < 3 {
		return math.NaN(), math.NaN(), n
	}
	rx, ry := ranks(xs), ranks(ys)
	rho = stat.Correlation(rx, ry, nil)
	if math.IsNaN(rho) {
		return math.NaN(), math.NaN(), n
	}
	rho = math.Max(-1, math.Min(1, rho))
	df := float64(n - 2)
	if math.Abs(rho) == 1 {
		return rho, 0, n
	}
	t := rho * math.Sqrt(df/((1-rho)*(1+rho)))
	st := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	return rho, 2 * st.Survival(math.Abs(t)), n
}

// ranks gives each value its rank from 1, ties their mean rank.
func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mean
		}
		i = j + 1
	}
	return r
}
