package stats

import "math"

// MinBootstrapUnits is the rule R of RatioInterval: the fewest units with
// hits for which a group's interval comes from ClusterBootstrap (its
// bootstrap-t interval); below it, from BetaBinomialFit. The coverage study
// in testdata/coverage chose it: below about 30 units with hits no bootstrap
// interval covers 95% in every scenario, while the beta-binomial does until
// its model fails with many units (mixed documents, 100 per group).
const MinBootstrapUnits = 30

// MinModelEffectiveUnits is the rule E of RatioInterval: below MinBootstrapUnits
// units with hits, a group whose hits rest on fewer effective units than
// this (Kish's (Σm)²/Σm²: one document carries most of them) takes its
// interval from ClusterRobustCR2 rather than BetaBinomialFit, whose model
// of one intra-class correlation for documents of every size fails there
// (90% coverage in the study's scenario c, against 94% for CR2 with its
// Bell-McCaffrey degrees of freedom).
const MinModelEffectiveUnits = 3

// RatioCI is the result of RatioInterval.
type RatioCI struct {
	// Method is "cluster-bootstrap", "cluster-robust-cr2" or
	// "beta-binomial".
	Method string
	// Estimate is the share or framing index (see Ratio) of the group's
	// hits, Σx/Σm, whatever the method, and Lo, Hi its interval.
	Estimate, Lo, Hi float64
	// Units is the number of units of the group and UnitsWithHits the
	// number with a hit.
	Units, UnitsWithHits int
	// EffectiveUnits is Kish's effective number of units (Σm)²/Σm² (see
	// DesignEffect): near 1 when one unit carries most hits, where no
	// interval in the coverage study reaches its nominal level.
	EffectiveUnits float64
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// UseClusterBootstrap reports whether RatioInterval takes the interval of a
// group with unitsWithHits units with hits from ClusterBootstrap (at least
// MinBootstrapUnits) rather than from BetaBinomialFit.
func UseClusterBootstrap(unitsWithHits int) bool {
	return unitsWithHits >= MinBootstrapUnits
}

// RatioInterval returns the interval at level conf of a group's share or
// framing index (see Ratio) with documents as the unit of evidence, by a
// rule the coverage study in testdata/coverage chose:
//
//   - at least MinBootstrapUnits units with hits: the bootstrap-t interval
//     of ClusterBootstrap (draws resamples, seed), which covers 93–96% from
//     30 units with hits on, where the percentile and BCa intervals cover
//     91–94%;
//   - fewer, with hits resting on fewer than MinModelEffectiveUnits
//     effective units (one document carries most of them): the CR2
//     interval of ClusterRobustCR2;
//   - otherwise — or when every unit with hits has the same share, which
//     leaves nothing to resample and no variance between units (a
//     bootstrap would give an interval of no width; Reason says so) — the
//     profile-likelihood interval of BetaBinomialFit, whose model carries
//     the clustering when there are too few units to resample.
//
// The values are NaN, with Reason set, when the group has no hit. Invalid
// counts return a *CountError or a *UnitsError. RatioInterval panics as
// ClusterBootstrap does.
func RatioInterval(u Units, group int, r Ratio, draws int, seed uint64, conf float64) (RatioCI, error) {
	res, err := RatioIntervals(u, group, []Ratio{r}, draws, seed, conf)
	return res[0], err
}

// RatioIntervals is RatioInterval for several ratios of one group's units
// (the shares of a concept's labels): those that take the bootstrap share
// its resamples (ClusterBootstraps).
func RatioIntervals(u Units, group int, rs []Ratio, draws int, seed uint64, conf float64) ([]RatioCI, error) {
	checkConf(conf)
	if draws < 1 {
		panic("stats: draws < 1")
	}
	out := make([]RatioCI, len(rs))
	var boot []int
	for k, r := range rs {
		res, bootstrap, err := ratioByModel(u, group, r, conf)
		out[k] = res
		if err != nil {
			return out, err
		}
		if bootstrap {
			boot = append(boot, k)
		}
	}
	if len(boot) == 0 {
		return out, nil
	}
	var brs []Ratio
	for _, k := range boot {
		brs = append(brs, rs[k])
	}
	bs, err := ClusterBootstraps(u, group, brs, draws, seed, conf)
	for i, k := range boot {
		b := bs[i]
		out[k].Method = "cluster-bootstrap"
		out[k].Estimate, out[k].Lo, out[k].Hi, out[k].Reason = b.Estimate, b.TLo, b.THi, b.Reason
	}
	return out, err
}

// ratioByModel is RatioInterval's rule for one ratio: the interval when it
// is not the bootstrap's, or bootstrap true when it is.
func ratioByModel(u Units, group int, r Ratio, conf float64) (res RatioCI, bootstrap bool, err error) {
	nan := math.NaN()
	res = RatioCI{Estimate: nan, Lo: nan, Hi: nan, EffectiveUnits: nan}
	pairs, d, err := groupPairs(u, group, r)
	if err != nil {
		return res, false, err
	}
	res.Units = d
	var x, m, mm float64
	for _, p := range pairs {
		if p.m > 0 {
			res.UnitsWithHits += p.n
		}
		x += float64(p.n) * p.x
		m += float64(p.n) * p.m
		mm += float64(p.n) * p.m * p.m
	}
	if res.UnitsWithHits == 0 {
		res.Reason = "no unit of the group has a hit"
		return res, false, nil
	}
	res.EffectiveUnits = m * m / mm
	// Units that all have the same share leave nothing to resample: every
	// resample has that share and the interval would have no width,
	// although documents that agree so far are no proof that every
	// document does. The beta-binomial model gives the interval then.
	if UseClusterBootstrap(res.UnitsWithHits) && !sameShare(pairs) {
		return res, true, nil
	}
	if res.EffectiveUnits < MinModelEffectiveUnits {
		c, err := ClusterRobustCR2(u, group, r, conf)
		if err != nil || c.Reason == "" {
			res.Method = "cluster-robust-cr2"
			res.Estimate, res.Lo, res.Hi = c.Estimate, c.Lo, c.Hi
			return res, false, err
		}
		// One unit with hits, or all of one share: no variance between
		// units to estimate; the model's interval.
	}
	b, err := BetaBinomialFit(u, group, r, conf)
	res.Method = "beta-binomial"
	if UseClusterBootstrap(res.UnitsWithHits) {
		res.Reason = "every unit has the same share: nothing to resample"
	}
	res.Lo, res.Hi = b.Lo, b.Hi
	if math.IsNaN(b.Lo) {
		res.Estimate, res.Reason = b.Estimate, b.Reason
		return res, false, err
	}
	// The estimate is the ratio of the group's hits, as with every other
	// method — what the counts beside it give and what a framing index's
	// concepts add up to; the model gives the interval. The model's own
	// estimate, the mean share of a document, weights documents more
	// evenly and can differ a little: should the ratio of hits fall
	// outside the interval, the interval is widened to hold it, and
	// Reason says so.
	scale, shift := r.affine()
	res.Estimate = scale*(x/m) + shift
	if res.Estimate < res.Lo || res.Estimate > res.Hi {
		res.Lo, res.Hi = math.Min(res.Lo, res.Estimate), math.Max(res.Hi, res.Estimate)
		res.Reason = "interval widened to hold the ratio of hits, outside the beta-binomial model's interval for its mean share"
	}
	return res, false, err
}

// sameShare reports whether every pair with a hit has the same share x/m
// (compared as x·m' = x'·m, exactly for whole counts).
func sameShare(pairs []pair) bool {
	var first *pair
	for i := range pairs {
		p := &pairs[i]
		if p.m == 0 {
			continue
		}
		if first == nil {
			first = p
		} else if p.x*first.m != first.x*p.m {
			return false
		}
	}
	return true
}
