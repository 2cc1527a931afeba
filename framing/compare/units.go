package compare

import (
	"fmt"
	"maps"
	"slices"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// Units of evidence: what the document-level intervals and tests resample
// and permute (framing/units.go keeps them in the tally).

// Unit names what a comparison's p-values and intervals count as
// independent: documents (with --dedupe, a story's copies in one group as
// one), or hits (every hit a separate draw, the old methods, --unit hits).
const (
	UnitDocuments = "documents"
	UnitHits      = "hits"
)

// histUnits builds the stats.Units of several groups from their
// histograms of k counts, each group's other units (up to its Units) as
// zero vectors: every unit is resampled, those without a hit too. Types are
// sorted, so the result does not depend on the order of a map or of
// merged tallies.
func histUnits(t *framing.Tally, groups []string, k int, hist func(*framing.GroupTally) *framing.Histogram) (stats.Units, error) {
	byKey := map[string]*unitType{}
	zero := make([]int, k)
	zeroKey := framing.CountsKey(zero...)
	for gi, name := range groups {
		g := t.Groups[name]
		listed := 0
		for key, n := range hist(g).All() {
			v, err := framing.ParseCountsKey(key, k)
			if err != nil {
				return stats.Units{}, fmt.Errorf("group %q: %w", name, err)
			}
			listed += n
			addUnits(byKey, key, v, gi, n, len(groups))
		}
		if rest := g.Units - listed; rest > 0 {
			addUnits(byKey, zeroKey, zero, gi, rest, len(groups))
		}
	}
	es := slices.Collect(maps.Values(byKey))
	slices.SortFunc(es, func(a, b *unitType) int { return slices.Compare(a.v, b.v) })
	var u stats.Units
	for _, e := range es {
		v := make([]float64, k)
		for j, x := range e.v {
			v[j] = float64(x)
		}
		u.Types = append(u.Types, v)
		u.Count = append(u.Count, e.n)
	}
	return u, nil
}

// unitType is one count vector and its number of units in each group.
type unitType struct{ v, n []int }

// addUnits adds n units of vector v, whose histogram key is key (one key
// per vector: framing.CountsKey), to group g.
func addUnits(m map[string]*unitType, key string, v []int, g, n, groups int) {
	e := m[key]
	if e == nil {
		e = &unitType{v: v, n: make([]int, groups)}
		m[key] = e
	}
	e.n[g] += n
}

// inferenceOf states the unit of a comparison of t and its methods, one
// sentence each.
func inferenceOf(t *framing.Tally, opt Options) Inference {
	if opt.Unit == UnitHits {
		return Inference{Unit: UnitHits, Units: "every hit counts as a separate draw (--unit hits): the intervals and p-values are too narrow and too small when hits cluster in documents",
			Methods: map[string]string{
				"tests":            fmt.Sprintf("Pearson's chi-square test of the groups × labels table of hits; when an expected count is below %g, the exact Freeman-Halton test with tables ordered by X² (its Monte Carlo estimate, %d draws, seed %d, beyond %d cells)", opt.MinExpectedCut, opt.MonteCarlo, opt.Seed, maxExactCells),
				"index interval":   "Wilson score interval of the pole hits, mapped to the index",
				"share intervals":  "Wilson score interval of the label's hits among the concept's",
				"rate intervals":   "exact Poisson (Garwood) interval of the hits",
				"multiplicity":     "Benjamini-Hochberg over every concept's test, the index test and every indicator's",
				"distinctive":      "log-odds ratio with informative Dirichlet prior (Monroe et al. 2008), labels within their concept, full variance, hits as the unit",
				"distance and map": "Jensen-Shannon distance and correspondence analysis describe the shares of hits; no interval",
			}}
	}
	units := 0
	docs := 0
	for _, g := range t.Groups {
		units, docs = units+g.Units, docs+g.Documents
	}
	what := "a document"
	if units < docs {
		what = fmt.Sprintf("a document; the copies of a syndicated story in one group count as one unit (--dedupe): %d units of %d documents", units, docs)
	}
	return Inference{Unit: UnitDocuments, Units: what, Methods: map[string]string{
		"tests": fmt.Sprintf("permutation test: the documents with hits are shuffled between the groups, each keeping its number of them, and Pearson's X² of the summed counts is compared with its permutation distribution — exact when there are at most %d arrangements, else up to %d random arrangements (seed %d), stopped at the %d-th that reaches the observed X² (Besag and Clifford's sequential p-value, 100/draws: a large p-value needs no more)", opt.MonteCarlo, opt.MonteCarlo, opt.Seed, stats.SequentialExceedances),
		"index interval": fmt.Sprintf("documents resampled: a cluster bootstrap-t interval (%d resamples, seed %d) for groups with at least %d documents with hits; below that, the profile-likelihood interval of a beta-binomial model, which lets each document have its own mix of the poles — or, when one or two documents carry most hits (fewer than %g effective documents), the bias-reduced cluster-robust (CR2) interval with Bell-McCaffrey degrees of freedom; the estimate is always the index of the hits, (pos − neg)/(pos + neg)",
			opt.Bootstrap, opt.Seed, stats.MinBootstrapUnits, float64(stats.MinModelEffectiveUnits)),
		"share intervals":  fmt.Sprintf("as the index: cluster bootstrap-t from %d documents with hits of the concept, else beta-binomial profile likelihood, or CR2 when fewer than %g effective documents carry the hits", stats.MinBootstrapUnits, float64(stats.MinModelEffectiveUnits)),
		"rate intervals":   "exact Poisson (Garwood) interval at the effective number of hits: the hits divided by the design effect (the variance of the rate between documents over its Poisson variance) times Korn and Graubard's (t/z)² for few effective documents, taken as at least 1",
		"token ratios":     "sourcing rates and the share of quoted tokens: the same effective-number interval (Wilson for the share), tested by a quasi-likelihood F test whose dispersion comes from the documents within groups, on degrees of freedom from the groups' effective documents",
		"overdispersion":   "design effect: the variance of a share between documents (cluster-robust) over its variance if hits were independent; effective documents: (Σm)²/Σm², m a document's hits; ρ: intra-class correlation of the beta-binomial or Dirichlet-multinomial fit",
		"multiplicity":     "Benjamini-Hochberg over every concept's test, the index test and every indicator's",
		"distinctive":      "log-odds ratio with informative Dirichlet prior (Monroe et al. 2008), labels within their concept, full variance, prior from the groups with hits; it ranks, with hits as the unit",
		"distance and map": "Jensen-Shannon distance and correspondence analysis describe the shares of hits; no interval",
		"timeline":         "weekly index with the Wilson interval of the week's pole hits (hits as the unit: a week holds too few documents)",
	}}
}
