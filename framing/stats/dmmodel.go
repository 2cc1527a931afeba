package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// This file fits the Dirichlet-multinomial model by maximum likelihood and
// computes profile-likelihood intervals of its shares; DirichletMultinomialFit
// and BetaBinomialFit (k = 2) are built on it.
//
// Unit i has label counts y_i (k labels) and m_i = Σ_l y_il hits. Given its
// own label probabilities, drawn from a Dirichlet distribution with mean π
// and precision α₀ = Σ α_l, its counts are multinomial. With γ = 1/α₀ the
// log-likelihood is (Griffiths 1973; Mosimann 1962)
//
//	ℓ(π, γ) = Σ_i [ c_i + Σ_l Σ_{r<y_il} ln(π_l + rγ) − Σ_{r<m_i} ln(1 + rγ) ],
//
// c_i = ln(m_i!/Π_l y_il!), equal to the lgamma form
// Σ_i [c_i + ln Γ(α₀) − ln Γ(m_i+α₀) + Σ_l (ln Γ(y_il+α_l) − ln Γ(α_l))],
// α_l = π_l/γ, but smooth at γ = 0, where it is the multinomial likelihood.
// The intra-class correlation is ρ = γ/(1+γ) = 1/(α₀+1) ∈ [0, 1]: Var(y_il) =
// m_i π_l(1−π_l)[1 + (m_i−1)ρ].
//
// The fit profiles γ out. For fixed γ, ℓ is a sum of concave functions of
// each π_l, maximised on the simplex where every label with counts has the
// same derivative ∂ℓ/∂π_l = λ: Newton's method on λ, and on each π_l(λ),
// converges monotonically because both are convex decreasing functions
// started on their left. The profile ℓ*(γ) is scanned on a grid of ρ, and
// its stationary points are found as roots of ∂ℓ/∂γ (by the envelope
// theorem the derivative of the profile), by Brent's method; the highest
// wins. ρ̂ = 0 when ∂ℓ/∂γ ≤ 0 at γ = 0. ρ → 1 is the limit in which each unit
// is one draw of a single label: ℓ → −∞ if a unit has hits of two labels;
// if every unit has a single label ("pure" data), each unit's term
// Σ_{r<m} ln((π_l + rγ)/(1 + rγ)) increases with γ, so the supremum is the
// limit ℓ → Σ_i ln π_{label of i} and ρ̂ = 1.
//
// The profile-likelihood interval of π_j at level conf is the set of p with
// 2[ℓ̂ − max_{γ, π: π_j = p} ℓ] ≤ χ²₁(conf) (Venzon and Moolgavkar 1988),
// whose ends are found by Brent's method.

// dmModel holds the units with hits of one group.
type dmModel struct {
	k      int
	y      [][]float64 // distinct vectors of the units with hits
	w      []float64   // their multiplicities
	m      []float64   // their totals
	total  []float64   // hits of each label
	first  []float64   // units with a hit of each label (Σ w [y_l > 0])
	units  float64     // units with hits
	lconst float64     // Σ w ln(m!/Π y!)
	pure   bool        // every unit has hits of a single label
	unitOf []float64   // for pure data: the units of each label
}

func newDMModel(y [][]float64, w []float64, k int) *dmModel {
	d := &dmModel{k: k, total: make([]float64, k), first: make([]float64, k), unitOf: make([]float64, k), pure: true}
	for i, v := range y {
		var m float64
		labels, last := 0, 0
		for l, x := range v {
			m += x
			if x > 0 {
				labels++
				last = l
			}
		}
		if m == 0 {
			continue
		}
		d.y = append(d.y, v)
		d.w = append(d.w, w[i])
		d.m = append(d.m, m)
		d.units += w[i]
		lg, _ := math.Lgamma(m + 1)
		for l, x := range v {
			d.total[l] += w[i] * x
			if x > 0 {
				d.first[l] += w[i]
			}
			lx, _ := math.Lgamma(x + 1)
			lg -= lx
		}
		d.lconst += w[i] * lg
		if labels > 1 {
			d.pure = false
		} else {
			d.unitOf[last] += w[i]
		}
	}
	return d
}

// loglik returns ℓ(π, γ); γ = +Inf is the limit ρ → 1.
func (d *dmModel) loglik(pi []float64, g float64) float64 {
	if math.IsInf(g, 1) {
		if !d.pure {
			return math.Inf(-1)
		}
		ll := d.lconst
		for l, n := range d.unitOf {
			if n > 0 {
				ll += n * math.Log(pi[l])
			}
		}
		return ll
	}
	ll := d.lconst
	for i, v := range d.y {
		s := -lnRising(1, d.m[i], g)
		for l, x := range v {
			if x > 0 {
				s += lnRising(pi[l], x, g)
			}
		}
		ll += d.w[i] * s
	}
	return ll
}

// score returns ∂ℓ/∂γ at (π, γ), finite γ.
func (d *dmModel) score(pi []float64, g float64) float64 {
	var s float64
	for i, v := range d.y {
		t := -sRising(1, d.m[i], g)
		for l, x := range v {
			if x > 0 {
				t += sRising(pi[l], x, g)
			}
		}
		s += d.w[i] * t
	}
	return s
}

// dLabel returns ∂ℓ/∂π_l and −∂²ℓ/∂π_l² at π_l = a.
func (d *dmModel) dLabel(l int, a, g float64) (d1, d2 float64) {
	for i, v := range d.y {
		if x := v[l]; x > 0 {
			d1 += d.w[i] * dRising(a, x, g)
			d2 += d.w[i] * d2Rising(a, x, g)
		}
	}
	return d1, d2
}

// inner sets pi to the shares that maximise ℓ for fixed γ, with π_fixed = p
// when fixed ≥ 0. Labels without counts get no share, unless no other label
// can take the rest 1 − p, which is then spread evenly over them (it does
// not change ℓ).
func (d *dmModel) inner(g float64, fixed int, p float64, pi []float64) {
	clear(pi)
	target := 1.0
	if fixed >= 0 {
		pi[fixed] = p
		target = 1 - p
	}
	var free []int
	for l := range d.k {
		if l != fixed && d.total[l] > 0 {
			free = append(free, l)
		}
	}
	switch {
	case target <= 0:
		return
	case len(free) == 0:
		var rest []int
		for l := range d.k {
			if l != fixed {
				rest = append(rest, l)
			}
		}
		for _, l := range rest {
			pi[l] = target / float64(len(rest))
		}
		return
	case len(free) == 1:
		pi[free[0]] = target
		return
	case math.IsInf(g, 1):
		// ρ → 1: the shares of the units' labels.
		var n float64
		for _, l := range free {
			n += d.unitOf[l]
		}
		for _, l := range free {
			pi[l] = target * d.unitOf[l] / n
		}
		return
	}
	// Newton on λ for Σ_l π_l(λ) = target, each π_l(λ) solving
	// ∂ℓ/∂π_l = λ by Newton; both from the left (see the file comment).
	// π_l(λ) ≥ first_l/λ, so λ₀ = Σ first_l / target starts on the left.
	var lambda float64
	for _, l := range free {
		lambda += d.first[l]
	}
	lambda /= target
	for range 200 {
		var sum, slope float64
		for _, l := range free {
			a := d.first[l] / lambda
			var d2 float64
			for range 200 {
				var d1 float64
				d1, d2 = d.dLabel(l, a, g)
				step := (d1 - lambda) / d2
				a += step
				if step <= 1e-15*a {
					break
				}
			}
			pi[l] = a
			sum += a
			slope += 1 / d2 // dπ_l/dλ = −1/(∂²ℓ/∂π_l²)
		}
		h := sum - target
		step := h / slope
		lambda += step
		if h <= 1e-15*target || step <= 1e-15*lambda {
			break
		}
	}
	// Rounding: rescale so that the free shares sum to target exactly.
	var sum float64
	for _, l := range free {
		sum += pi[l]
	}
	for _, l := range free {
		pi[l] *= target / sum
	}
}

// The profile likelihood in γ is scanned for its stationary points at
// t = logit ρ = ln γ from gridLo to gridHi in steps of gridStep, then beyond
// in steps of 2 while ∂ℓ/∂γ stays positive, up to t = 40 (ρ = 1 − 4e-18).
const (
	gridLo   = -14.0
	gridHi   = 14.0
	gridStep = 0.7
)

// gammaOf returns γ = ρ/(1−ρ) for ρ = 1/(1+e^−t).
func gammaOf(t float64) float64 { return math.Exp(t) }

// profile returns max_γ ℓ(π, γ) subject to π_fixed = p (fixed < 0: no
// constraint), with the maximising γ (+Inf for ρ = 1) and shares. With
// hint < 0 it scans the whole grid of γ; with hint ≥ 0 it searches from
// γ = hint for the nearest stationary point, in steps of a factor e, which
// the profile-likelihood intervals use from one share to the next.
func (d *dmModel) profile(fixed int, p, hint float64) (ll, gamma float64, pi []float64) {
	pi = make([]float64, d.k)
	try := make([]float64, d.k)
	best := math.Inf(-1)
	found := false
	consider := func(g float64) {
		d.inner(g, fixed, p, try)
		if v := d.loglik(try, g); !found || v > best {
			best, gamma, found = v, g, true
			copy(pi, try)
		}
	}
	if d.pure {
		// Each unit's term Σ_{r<m} ln((π_l + rγ)/(1 + rγ)) increases with γ
		// for every π: the supremum is the limit ρ → 1.
		consider(math.Inf(1))
		return best, gamma, pi
	}
	scoreAt := func(t float64) float64 {
		g := gammaOf(t)
		d.inner(g, fixed, p, try)
		return d.score(try, g)
	}
	scoreGamma := func(g float64) float64 {
		d.inner(g, fixed, p, try)
		return d.score(try, g)
	}
	d.inner(0, fixed, p, try)
	s0 := d.score(try, 0)
	if s0 <= 0 {
		consider(0)
	}
	if hint >= 0 {
		t := gridLo
		if hint > 0 {
			t = math.Max(math.Log(hint), gridLo)
		}
		s := scoreAt(t)
		for s > 0 {
			next := t + 1
			sn := scoreAt(next)
			if sn <= 0 {
				consider(gammaOf(brentRoot(scoreAt, t, next, s, sn, 1e-11)))
				return best, gamma, pi
			}
			if next > 40 {
				consider(gammaOf(next))
				return best, gamma, pi
			}
			t, s = next, sn
		}
		for t > gridLo {
			next := math.Max(t-1, gridLo)
			sn := scoreAt(next)
			if sn > 0 {
				consider(gammaOf(brentRoot(scoreAt, next, t, sn, s, 1e-11)))
				return best, gamma, pi
			}
			t, s = next, sn
		}
		if s0 > 0 {
			consider(brentRoot(scoreGamma, 0, gammaOf(t), s0, s, 1e-12*gammaOf(t)))
		}
		return best, gamma, pi
	}
	prevT, prevS := math.Inf(-1), s0
	for t := gridLo; ; {
		s := scoreAt(t)
		if prevS > 0 && s <= 0 {
			if math.IsInf(prevT, -1) {
				// Between γ = 0 and the first grid point: search in γ.
				consider(brentRoot(scoreGamma, 0, gammaOf(t), prevS, s, 1e-12*gammaOf(t)))
			} else {
				consider(gammaOf(brentRoot(scoreAt, prevT, t, prevS, s, 1e-11)))
			}
		}
		prevT, prevS = t, s
		switch {
		case t < gridHi:
			t += gridStep
		case s > 0 && t < 40:
			t += 2
		default:
			t = math.NaN()
		}
		if math.IsNaN(t) {
			break
		}
	}
	if !found {
		// Still increasing at t = 40 (ρ = 1 − 4e-18): the last point.
		consider(gammaOf(prevT))
	}
	return best, gamma, pi
}

// interval returns the profile-likelihood interval of π_j at level conf,
// given the maximum ℓ̂, π̂_j and γ̂.
func (d *dmModel) interval(j int, llHat, pHat, gammaHat, conf float64) (lo, hi float64) {
	crit := llHat - distuv.ChiSquared{K: 1}.Quantile(conf)/2
	hint := gammaHat
	if math.IsInf(hint, 1) {
		hint = 0
	}
	f := func(p float64) float64 {
		ll, g, _ := d.profile(j, p, hint)
		if !math.IsInf(g, 1) {
			hint = g
		}
		return ll - crit
	}
	// Lower end: none when label j has no counts (ℓ does not depend on a
	// share that no unit uses, so the profile is flat down to 0).
	lo = 0
	if d.total[j] > 0 {
		for s := 1; s <= 60; s++ {
			p := pHat * math.Pow(10, -float64(s)/2)
			if fp := f(p); fp < 0 {
				hiP := pHat
				if s > 1 {
					hiP = pHat * math.Pow(10, -float64(s-1)/2)
				}
				lo = brentRoot(f, p, hiP, fp, f(hiP), 1e-12*pHat)
				break
			}
		}
	}
	hi = 1
	rest := 0.0
	for l, t := range d.total {
		if l != j {
			rest += t
		}
	}
	if rest > 0 {
		q := 1 - pHat
		for s := 1; s <= 60; s++ {
			p := 1 - q*math.Pow(10, -float64(s)/2)
			if fp := f(p); fp < 0 {
				loP := pHat
				if s > 1 {
					loP = 1 - q*math.Pow(10, -float64(s-1)/2)
				}
				hi = brentRoot(f, loP, p, f(loP), fp, 1e-12*q)
				break
			}
		}
	}
	return lo, hi
}
