package stats

import "math"

// DirichletMultinomial is the result of DirichletMultinomialFit.
type DirichletMultinomial struct {
	// Shares holds the maximum-likelihood mean share π̂_l of each label (they
	// sum to 1), and Lo and Hi its profile-likelihood interval.
	Shares, Lo, Hi []float64
	// Rho is the intra-class correlation ρ̂ = 1/(α̂₀+1) of the labels of hits
	// within a unit, in [0, 1]: 0 when hits are independent draws
	// (multinomial), 1 when every unit uses a single label. It is NaN when
	// not identified (no unit with two hits, or a single label with counts).
	Rho float64
	// Alpha holds the Dirichlet parameters α̂_l = π̂_l(1−ρ̂)/ρ̂ (+Inf when
	// ρ̂ = 0, 0 when ρ̂ = 1, NaN with Rho), whose sum is the precision α̂₀.
	Alpha []float64
	// LogLik is the maximised log-likelihood, in nats.
	LogLik float64
	// Units is the number of units of the group and UnitsWithHits the
	// number with a hit; only these enter the likelihood.
	Units, UnitsWithHits int
	// Reason says why values are NaN (Rho alone when it is not
	// identified); it is empty otherwise.
	Reason string
}

// DirichletMultinomialFit returns the maximum-likelihood fit of the
// Dirichlet-multinomial model to the label counts of one group's units, the
// model for few units with hits when hits cluster in units: each unit draws
// its own label probabilities from a Dirichlet distribution with mean π and
// precision α₀, and its hits from the multinomial distribution with those
// probabilities. Var(y_l) = m π_l(1−π_l)[1 + (m−1)ρ] for a unit of m hits,
// ρ = 1/(α₀+1) (Mosimann 1962).
//
// The log-likelihood, maximised over π and γ = 1/α₀ ≥ 0, is
//
//	ℓ = Σ_i [ln(m_i!/Π_l y_il!) + Σ_l Σ_{r<y_il} ln(π_l + rγ) − Σ_{r<m_i} ln(1 + rγ)]
//
// (Griffiths 1973), the usual ln Γ form written so that γ = 0 (ρ = 0) is the
// multinomial; units without hits contribute 0. Each share's interval at
// level conf is its profile-likelihood interval, the shares p with
// 2[ℓ̂ − max_{π_l = p} ℓ] ≤ χ²₁(conf) (Venzon and Moolgavkar 1988), so it
// stays inside [0, 1] and widens as ρ̂ grows. See dmmodel.go for the method.
// Boundaries: ρ̂ = 0 (the multinomial) when the likelihood does not increase
// from γ = 0; ρ̂ = 1 when every unit uses a single label and the likelihood
// keeps increasing; a label without counts has π̂ = 0 and Lo = 0.
//
// The values are NaN, with Reason set, when the group has no unit with a
// hit, the vectors have fewer than two labels, or a count is not a whole
// number. Invalid counts return a *CountError or a *UnitsError.
// DirichletMultinomialFit panics if conf is outside (0, 1) or group is not a
// group of u.
//
// References: Mosimann JE (1962) On the compound multinomial distribution,
// the multivariate β-distribution, and correlations among proportions.
// Biometrika 49:65–82. Griffiths DA (1973) Maximum likelihood estimation for
// the beta-binomial distribution and an application to the household
// distribution of the total number of cases of a disease. Biometrics
// 29:637–648. Venzon DJ, Moolgavkar SH (1988) A method for computing
// profile-likelihood-based confidence intervals. Appl Stat 37:87–94.
func DirichletMultinomialFit(u Units, group int, conf float64) (DirichletMultinomial, error) {
	checkConf(conf)
	return dmFit(u, group, conf)
}

// DirichletMultinomialPoint is DirichletMultinomialFit without the
// intervals (Lo and Hi are NaN): the estimates and ρ̂, at a fraction of the
// cost, for a caller that reports only the overdispersion.
func DirichletMultinomialPoint(u Units, group int) (DirichletMultinomial, error) {
	return dmFit(u, group, 0)
}

// dmFit fits the model, with the intervals at level conf unless conf is 0.
func dmFit(u Units, group int, conf float64) (DirichletMultinomial, error) {
	res := DirichletMultinomial{Rho: math.NaN(), LogLik: math.NaN()}
	k, groups, err := u.check()
	if err != nil {
		return res, err
	}
	if len(u.Types) > 0 && (group < 0 || group >= groups) {
		panic("stats: group outside Units.Count")
	}
	res.Shares, res.Lo, res.Hi, res.Alpha = nanSlice(k), nanSlice(k), nanSlice(k), nanSlice(k)
	var y [][]float64
	var w []float64
	whole := true
	for t, v := range u.Types {
		n := u.Count[t][group]
		if n == 0 {
			continue
		}
		res.Units += n
		hit := false
		for _, x := range v {
			if x != math.Trunc(x) {
				whole = false
			}
			if x > 0 {
				hit = true
			}
		}
		if hit {
			res.UnitsWithHits += n
			y = append(y, v)
			w = append(w, float64(n))
		}
	}
	switch {
	case res.UnitsWithHits == 0:
		res.Reason = "no unit of the group has a hit"
		return res, nil
	case k < 2:
		res.Reason = "fewer than two labels"
		return res, nil
	case !whole:
		res.Reason = "counts are not whole numbers"
		return res, nil
	}
	d := newDMModel(y, w, k)
	ll, gamma, pi := d.profile(-1, 0, -1)
	res.LogLik = ll
	copy(res.Shares, pi)
	for l := range k {
		if conf > 0 {
			res.Lo[l], res.Hi[l] = d.interval(l, ll, pi[l], gamma, conf)
		}
	}
	res.Rho, res.Reason = rhoOf(d, gamma)
	if !math.IsNaN(res.Rho) {
		for l := range k {
			res.Alpha[l] = pi[l] / gamma
		}
	}
	return res, nil
}

// rhoOf returns ρ = γ/(1+γ), or NaN with a reason when the data cannot
// identify it.
func rhoOf(d *dmModel, gamma float64) (float64, string) {
	labels, pair := 0, false
	for _, t := range d.total {
		if t > 0 {
			labels++
		}
	}
	for _, m := range d.m {
		if m >= 2 {
			pair = true
		}
	}
	switch {
	case labels < 2:
		return math.NaN(), "ρ is not identified: a single label has counts"
	case !pair:
		return math.NaN(), "ρ is not identified: no unit has two hits"
	case math.IsInf(gamma, 1):
		return 1, ""
	}
	return gamma / (1 + gamma), ""
}
