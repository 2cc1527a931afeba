package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// CR2 is the result of ClusterRobustCR2.
type CR2 struct {
	// Estimate is the ratio of sums, a share or a framing index (see
	// Ratio), and Lo and Hi its interval.
	Estimate, Lo, Hi float64
	// SE is the bias-reduced cluster-robust standard error of the share
	// (on the share's scale, not the index's) and DF the Bell-McCaffrey
	// degrees of freedom of its t reference distribution.
	SE, DF float64
	// UnitsWithHits are the units the estimate rests on.
	UnitsWithHits int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// ClusterRobustCR2 returns the interval at level conf of one group's share
// or framing index (see Ratio) from the bias-reduced linearisation (CR2)
// variance of Bell and McCaffrey (2002), with their Satterthwaite degrees of
// freedom: the interval for few units of unequal sizes, where the usual
// cluster-robust variance is far too small because the largest unit
// dominates the estimate and its own residual (Imbens and Kolesár 2016;
// Pustejovsky and Tipton 2018).
//
// The share p̂ = Σx_i/Σm_i is the weighted mean of the units' shares
// y_i = x_i/m_i with weights m_i (units without hits carry no weight), so
// its hat values are h_i = m_i/Σm, and
//
//	V_CR2 = Σ_i (x_i − p̂ m_i)² / (1 − h_i) / (Σm)²,
//
// each squared residual inflated by its leverage. The degrees of freedom are
// those of the Satterthwaite approximation to V_CR2 under the working model
// of independent hits, Var(y_i) ∝ 1/m_i: with M = I − 1hᵀ the residual
// maker, Ω = diag(1/m_i) and C = diag(m_i²/((1 − h_i)(Σm)²)), the
// matrix A = Ω^½ Mᵀ C M Ω^½ has
//
//	DF = (tr A)² / tr(A²),
//
// and the interval is p̂ ± t_{DF, (1+conf)/2} √V_CR2, clipped to [0, 1] and
// mapped to the index by 2p − 1 if r.Index.
//
// SE, DF, Lo and Hi are NaN, with Reason set, when fewer than two units
// have hits, when every unit with hits has the same share (V_CR2 = 0), or
// when rounding makes a unit's leverage 1 (units of very unequal sizes);
// Estimate is NaN only when no unit has a hit. Invalid counts return a
// *CountError or a *UnitsError. ClusterRobustCR2 panics if conf is outside
// (0, 1), group is not a group of u, or r does not fit the vectors.
//
// References: Bell RM, McCaffrey DF (2002) Bias reduction in standard
// errors for linear regression with multi-stage samples. Surv Methodol
// 28:169–181. Imbens GW, Kolesár M (2016) Robust standard errors in small
// samples: some practical advice. Rev Econ Stat 98:701–712. Pustejovsky JE,
// Tipton E (2018) Small-sample methods for cluster-robust variance
// estimation and hypothesis testing in fixed effects models. J Bus Econ
// Stat 36:672–683.
func ClusterRobustCR2(u Units, group int, r Ratio, conf float64) (CR2, error) {
	checkConf(conf)
	nan := math.NaN()
	res := CR2{Estimate: nan, Lo: nan, Hi: nan, SE: nan, DF: nan}
	pairs, _, err := groupPairs(u, group, r)
	if err != nil {
		return res, err
	}
	// One entry per unit with hits: a histogram's n units of a type are n
	// units, each with its own leverage.
	var x, m []float64
	var sx, sm float64
	for _, p := range pairs {
		if p.m == 0 {
			continue
		}
		for range p.n {
			x, m = append(x, p.x), append(m, p.m)
		}
		sx += float64(p.n) * p.x
		sm += float64(p.n) * p.m
	}
	n := len(m)
	res.UnitsWithHits = n
	scale, shift := r.affine()
	if n == 0 {
		res.Reason = "no unit of the group has a hit"
		return res, nil
	}
	p := sx / sm
	res.Estimate = scale*p + shift
	if n < 2 {
		res.Reason = "one unit with hits: no variance between units"
		return res, nil
	}
	h := make([]float64, n)
	c := make([]float64, n)
	var v float64
	for i := range m {
		h[i] = m[i] / sm
		if h[i] >= 1 {
			res.Reason = "one unit holds (to rounding) every hit"
			return res, nil
		}
		c[i] = m[i] * m[i] / ((1 - h[i]) * sm * sm)
		e := x[i]/m[i] - p
		v += c[i] * e * e
	}
	if v == 0 {
		res.Reason = "every unit with hits has the same share: no variance between units"
		return res, nil
	}
	res.SE, res.DF = math.Sqrt(v), bellMcCaffreyDF(m, h, c)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: res.DF}.Quantile((1 + conf) / 2)
	res.Lo = scale*math.Max(p-t*res.SE, 0) + shift
	res.Hi = scale*math.Min(p+t*res.SE, 1) + shift
	return res, nil
}

// bellMcCaffreyDF is (tr A)²/tr(A²) for A = Ω^½ Mᵀ C M Ω^½ (see
// ClusterRobustCR2), in O(n) rather than by forming A: with G = Ω = diag(g),
// g_i = 1/m_i, and S = Σc_i,
//
//	B = Mᵀ C M = C + R,  R = −c hᵀ − h cᵀ + S h hᵀ = [c h] K [c h]ᵀ,  K = [[0, −1], [−1, S]],
//
// so tr A = Σ g_i B_ii and tr(A²) = tr(GBGB) = Σ g_i² c_i² + 2 Σ g_i² c_i R_ii
// + tr(KQKQ), Q the 2×2 matrix of the weighted products ⟨c,c⟩, ⟨c,h⟩,
// ⟨h,h⟩ with weights g.
func bellMcCaffreyDF(m, h, c []float64) float64 {
	var sc float64
	for _, x := range c {
		sc += x
	}
	var trA, dd, dr, qcc, qch, qhh float64
	for i := range m {
		g := 1 / m[i]
		rii := -2*c[i]*h[i] + sc*h[i]*h[i]
		trA += g * (c[i] + rii)
		dd += g * g * c[i] * c[i]
		dr += g * g * c[i] * rii
		qcc += g * c[i] * c[i]
		qch += g * c[i] * h[i]
		qhh += g * h[i] * h[i]
	}
	// KQ, then tr(KQ·KQ).
	k := [2][2]float64{{0, -1}, {-1, sc}}
	q := [2][2]float64{{qcc, qch}, {qch, qhh}}
	var kq [2][2]float64
	for a := range 2 {
		for b := range 2 {
			kq[a][b] = k[a][0]*q[0][b] + k[a][1]*q[1][b]
		}
	}
	rr := kq[0][0]*kq[0][0] + 2*kq[0][1]*kq[1][0] + kq[1][1]*kq[1][1]
	return trA * trA / (dd + 2*dr + rr)
}
