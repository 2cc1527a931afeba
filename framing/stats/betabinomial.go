package stats

import "math"

// BetaBinomial is the result of BetaBinomialFit.
type BetaBinomial struct {
	// Estimate is the maximum-likelihood mean share p̂, or the framing
	// index 2p̂ − 1 (see Ratio), and Lo and Hi its profile-likelihood
	// interval.
	Estimate, Lo, Hi float64
	// Rho is the intra-class correlation ρ̂ = 1/(α̂+β̂+1) in [0, 1]; NaN when
	// not identified (no unit with two hits, or p̂ = 0 or 1).
	Rho float64
	// Alpha and Beta are the beta parameters α̂ = p̂(1−ρ̂)/ρ̂, β̂ = (1−p̂)(1−ρ̂)/ρ̂
	// (+Inf when ρ̂ = 0, 0 when ρ̂ = 1, NaN with Rho).
	Alpha, Beta float64
	// LogLik is the maximised log-likelihood, in nats.
	LogLik float64
	// Units is the number of units of the group and UnitsWithHits the
	// number with a hit (m > 0).
	Units, UnitsWithHits int
	// Reason says why values are NaN (Rho alone when it is not
	// identified); it is empty otherwise.
	Reason string
}

// BetaBinomialFit returns the maximum-likelihood fit of the beta-binomial
// model to one group's units for the share (or framing index) chosen by r:
// unit i has x_i successes among m_i hits (see Ratio); its own success
// probability is drawn from a beta distribution with mean p and intra-class
// correlation ρ = 1/(α+β+1), and x_i is binomial given it, so that
// Var(x_i) = m_i p(1−p)[1 + (m_i−1)ρ] (Williams 1975). It is the
// Dirichlet-multinomial model of DirichletMultinomialFit with the two labels
// {x, m−x}, with the same likelihood, method and boundaries:
//
//	ℓ = Σ_i [ln C(m_i, x_i) + Σ_{r<x_i} ln(p + rγ) + Σ_{r<m_i−x_i} ln(1−p + rγ) − Σ_{r<m_i} ln(1 + rγ)],
//
// γ = ρ/(1−ρ) (Griffiths 1973). ρ̂ = 0 reduces to the binomial, whose MLE is
// the pooled share; when every unit is all successes or all failures the
// likelihood may keep increasing towards ρ = 1, where each unit counts as one
// Bernoulli trial. The interval at level conf is the profile-likelihood
// interval of p, ρ profiled out, mapped to the index by 2p − 1 if r.Index.
// Units without hits do not enter the likelihood.
//
// It is the interval for groups with too few units with hits for
// ClusterBootstrap; see RatioInterval for the rule.
//
// The values are NaN, with Reason set, when the group has no unit with a hit
// or a count is not a whole number. Invalid counts return a *CountError or a
// *UnitsError. BetaBinomialFit panics if conf is outside (0, 1), group is not
// a group of u, or r does not fit the vectors.
//
// References: Griffiths DA (1973) Maximum likelihood estimation for the
// beta-binomial distribution and an application to the household
// distribution of the total number of cases of a disease. Biometrics
// 29:637–648. Williams DA (1975) The analysis of binary responses from
// toxicological experiments involving reproduction and teratogenicity.
// Biometrics 31:949–952. Venzon DJ, Moolgavkar SH (1988) A method for
// computing profile-likelihood-based confidence intervals. Appl Stat
// 37:87–94.
func BetaBinomialFit(u Units, group int, r Ratio, conf float64) (BetaBinomial, error) {
	checkConf(conf)
	nan := math.NaN()
	res := BetaBinomial{Estimate: nan, Lo: nan, Hi: nan, Rho: nan, Alpha: nan, Beta: nan, LogLik: nan}
	pairs, d, err := groupPairs(u, group, r)
	if err != nil {
		return res, err
	}
	res.Units = d
	var y [][]float64
	var w []float64
	for _, p := range pairs {
		if p.x != math.Trunc(p.x) || p.m != math.Trunc(p.m) {
			res.Reason = "counts are not whole numbers"
			return res, nil
		}
		if p.m > 0 {
			res.UnitsWithHits += p.n
			y = append(y, []float64{p.x, p.m - p.x})
			w = append(w, float64(p.n))
		}
	}
	if res.UnitsWithHits == 0 {
		res.Reason = "no unit of the group has a hit"
		return res, nil
	}
	model := newDMModel(y, w, 2)
	ll, gamma, pi := model.profile(-1, 0, -1)
	lo, hi := model.interval(0, ll, pi[0], gamma, conf)
	scale, shift := r.affine()
	res.Estimate = scale*pi[0] + shift
	res.Lo, res.Hi = scale*lo+shift, scale*hi+shift
	res.LogLik = ll
	res.Rho, res.Reason = rhoOf(model, gamma)
	if !math.IsNaN(res.Rho) {
		res.Alpha, res.Beta = pi[0]/gamma, pi[1]/gamma
	}
	return res, nil
}
