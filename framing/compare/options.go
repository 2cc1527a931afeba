package compare

import (
	"fmt"
	"math"
)

// Options are the settings of Compare. Every stochastic step takes
// its seed from here, so a comparison is reproducible bit for bit.
type Options struct {
	Conf       float64 `json:"conf"`        // confidence level of intervals (0.95)
	Seed       uint64  `json:"seed"`        // seed of the Monte Carlo test and the bootstrap
	MonteCarlo int     `json:"monte_carlo"` // draws of the permutation and Monte Carlo p-values
	Bootstrap  int     `json:"bootstrap"`   // resamples of the cluster bootstrap intervals
	// Unit is what p-values and intervals count as independent:
	// UnitDocuments (the default) or UnitHits, the hit-level methods.
	Unit           string  `json:"unit"`
	JSAlpha        float64 `json:"js_alpha"`     // additive smoothing of the Jensen-Shannon distance; 0 (the default): none, exact
	PriorA0        float64 `json:"prior_a0"`     // Dirichlet prior size of the log-odds (0: mean group total)
	Top            int     `json:"top"`          // distinctive labels and terms listed per group
	Concept        string  `json:"concept"`      // compare one concept only ("": all)
	PerTokens      float64 `json:"per_tokens"`   // rates per this many own-voice tokens (1000)
	MinExpectedCut float64 `json:"min_expected"` // below this expected count the exact or Monte Carlo p is the one to read (5)
}

// DefaultOptions are the defaults of `framing compare`.
func DefaultOptions() Options {
	return Options{Conf: 0.95, Seed: 1, MonteCarlo: 10000, Bootstrap: 2000, Unit: UnitDocuments,
		JSAlpha: 0, Top: 5, PerTokens: 1000, MinExpectedCut: 5}
}

// Check returns an error for settings no comparison can use: what a
// caller gets instead of a panic inside a statistic.
func (o Options) Check() error {
	ok := func(x float64) bool { return x >= 0 && !math.IsInf(x, 1) } // false for NaN
	switch {
	case !(o.Conf > 0 && o.Conf < 1):
		return fmt.Errorf("the confidence level must be between 0 and 1, both excluded (got %g)", o.Conf)
	case o.MonteCarlo < 1:
		return fmt.Errorf("the Monte Carlo draws must be 1 or more (got %d)", o.MonteCarlo)
	case o.Bootstrap < 1:
		return fmt.Errorf("the bootstrap resamples must be 1 or more (got %d)", o.Bootstrap)
	case o.Unit != UnitDocuments && o.Unit != UnitHits:
		return fmt.Errorf("the unit must be %s or %s (got %q)", UnitDocuments, UnitHits, o.Unit)
	case o.Top < 0:
		return fmt.Errorf("the top labels and terms must be 0 or more (got %d)", o.Top)
	case !(o.PerTokens > 0) || math.IsInf(o.PerTokens, 1):
		return fmt.Errorf("rates must be per a positive number of tokens (got %g)", o.PerTokens)
	case !ok(o.JSAlpha):
		return fmt.Errorf("the Jensen-Shannon smoothing must be 0 or more (got %g)", o.JSAlpha)
	case !ok(o.PriorA0):
		return fmt.Errorf("the log-odds prior size must be 0 or more (got %g)", o.PriorA0)
	case !ok(o.MinExpectedCut):
		return fmt.Errorf("the smallest expected count must be 0 or more (got %g)", o.MinExpectedCut)
	}
	return nil
}
