package compare

import (
	"math"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// Comparison is everything `framing compare` reports.
type Comparison struct {
	Lexicon framing.LexiconRef `json:"lexicon"`
	By      string             `json:"by"`
	// Voices are the voices whose hits the counts, shares, tests, index
	// and distinctive terms count (--voice; "own" by default).
	Voices      token.VoiceSet    `json:"voices"`
	Corpus      CorpusSummary     `json:"corpus"`
	Settings    Options           `json:"settings"`
	Groups      []GroupInfo       `json:"groups"`
	Rates       []Rate            `json:"rates"`
	Index       []IndexRow        `json:"index"`
	Concepts    []ConceptResult   `json:"concepts"`
	Distance    Distance          `json:"distance"`
	CA          CAResult          `json:"correspondence"`
	Distinctive []DistinctiveTerm `json:"distinctive"`
	// TermScores are every matched term's log-odds z-score in every group
	// that used it, against the rest: the points of the distinctive terms
	// chart, of which Distinctive lists the top.
	TermScores []DistinctiveTerm `json:"term_scores"`
	Timeline   []TimelinePoint   `json:"timeline"`
	// Reliability is every group's sourcing indicators, and a test of each
	// share and rate across groups.
	Reliability Reliabilities `json:"reliability"`
	// Multiplicity says how the p-values to read were adjusted: one
	// family of every concept's test and every indicator's.
	Multiplicity Multiplicity `json:"multiplicity"`
}

// Multiplicity is the family of tests adjusted together: their names
// ("concept war", "indicator hedge_rate"), how many had a p-value, and the
// method.
type Multiplicity struct {
	Method string   `json:"method"`
	Family []string `json:"family"`
	Tests  int      `json:"tests"`
}

// Reliabilities are the groups' reliability indicators.
type Reliabilities struct {
	Groups []GroupReliability `json:"groups"`
	Tests  []IndicatorTest    `json:"tests"`
}

// GroupReliability is one group's sourcing counts and indicators.
type GroupReliability struct {
	Group      string                           `json:"group"`
	Counts     reliability.Counts               `json:"counts"`
	Indicators map[string]reliability.Indicator `json:"indicators"`
}

// IndicatorTest tests whether a share or rate indicator differs between
// groups: a share as the groups × (counted, not counted) table, a rate as
// the groups' counts against their own-voice tokens (chi-square goodness of
// fit; no Cramér's V).
type IndicatorTest struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // "share" or "rate"
	TableTest
}

// CorpusSummary accounts for the documents behind a comparison.
type CorpusSummary struct {
	Read    int            `json:"read"`
	Scored  int            `json:"scored"`
	Skipped map[string]int `json:"skipped"`
}

// GroupInfo describes one group.
type GroupInfo struct {
	Name      string              `json:"name"`
	Documents int                 `json:"documents"`
	Tokens    framing.TokenCounts `json:"tokens"`
	Undated   int                 `json:"undated"` // documents left out of the timeline
}

// Rate is a label's own-voice hits per PerTokens own-voice tokens of a group,
// with an exact Poisson interval.
type Rate struct {
	Group  string    `json:"group"`
	Label  string    `json:"label"`
	Count  int       `json:"count"`
	Tokens int       `json:"tokens"`
	Rate   stats.Num `json:"rate"`
	Lo     stats.Num `json:"lo"`
	Hi     stats.Num `json:"hi"`
}

// IndexRow is a group's framing index with its interval. Method says how
// the interval was made: "bootstrap" over documents, or "counts" (Wilson, for
// groups with too few documents to resample).
type IndexRow struct {
	Group  string    `json:"group"`
	Pos    int       `json:"pos"`
	Neg    int       `json:"neg"`
	Index  stats.Num `json:"index"`
	Lo     stats.Num `json:"lo"`
	Hi     stats.Num `json:"hi"`
	Method string    `json:"method"`
	Draws  int       `json:"draws,omitempty"`
	Usable int       `json:"usable,omitempty"`
	Seed   uint64    `json:"seed,omitempty"`
	Note   string    `json:"note,omitempty"`
}

// Share is a label's share of a concept's own-voice hits in a group, with a
// Wilson interval.
type Share struct {
	P  stats.Num `json:"p"`
	Lo stats.Num `json:"lo"`
	Hi stats.Num `json:"hi"`
}

// Test is one test of independence of groups and labels.
type Test struct {
	Stat      stats.Num `json:"stat"`
	DF        stats.Num `json:"df"`
	P         stats.Num `json:"p"`
	PAdjusted stats.Num `json:"p_adjusted"` // Benjamini-Hochberg across the run's family (Comparison.Multiplicity)
}

// Exact is the small-sample p-value of a test: for a table, the exact
// conditional test of Freeman and Halton with tables ordered by X² (every
// table with the observed margins enumerated), or its Monte Carlo estimate
// with the seed and draws used when there are more than
// stats.MaxExactTables; for a rate, the exact multinomial test, or its Monte
// Carlo estimate when there are too many outcomes to sum.
type Exact struct {
	Method string `json:"method"` // "freeman-halton", "multinomial" (exact) or "monte-carlo"
	// Tables is how many tables Freeman-Halton enumerated.
	Tables    int       `json:"tables,omitempty"`
	P         stats.Num `json:"p"`
	PAdjusted stats.Num `json:"p_adjusted"`
	Seed      uint64    `json:"seed,omitempty"`
	Draws     int       `json:"draws,omitempty"`
}

// ConceptResult compares the groups' use of one concept's labels, in the
// voices counted (Comparison.Voices).
type ConceptResult struct {
	ID     string             `json:"id"`
	Labels []lexicon.LabelKey `json:"labels"`
	Groups []string           `json:"groups"`
	Counts [][]int            `json:"counts"` // group × label, the voices counted
	// ByVoice are the same hits in every voice, and those negated.
	ByVoice [][]framing.VoiceCount `json:"by_voice"`
	Shares  [][]Share              `json:"shares"`
	TableTest
	Distance [][]stats.Num `json:"distance"` // Jensen-Shannon between groups, this concept's labels
}

// TableTest is the test of independence of a groups × categories table:
// Pearson's chi-square and the G-test, Cramér's V, and when an expected
// count is small, the exact Freeman-Halton test or its Monte Carlo
// estimate (see Exact).
type TableTest struct {
	ChiSquare   Test      `json:"chi_square"`
	GTest       Test      `json:"g_test"`
	CramersV    stats.Num `json:"cramers_v"`
	CramersVBC  stats.Num `json:"cramers_v_corrected"`
	MinExpected stats.Num `json:"min_expected"`
	Below5      int       `json:"cells_expected_below_5"`
	Exact       *Exact    `json:"exact,omitempty"`
	// PValue names the p-value to read: "exact" when an expected count is
	// below 5, "none" when the test is undefined (Note says why), else
	// "chi-square".
	PValue string `json:"p_value"`
	Note   string `json:"note,omitempty"`
}

// Primary is the p-value to read.
func (t *TableTest) Primary() float64 {
	if t.PValue == "exact" && t.Exact != nil {
		return float64(t.Exact.P)
	}
	return float64(t.ChiSquare.P)
}

// SetAdjusted records the adjusted p-value of the one to read.
func (t *TableTest) SetAdjusted(p float64) {
	if t.PValue == "exact" && t.Exact != nil {
		t.Exact.PAdjusted = stats.Num(p)
		t.ChiSquare.PAdjusted, t.GTest.PAdjusted = stats.Num(math.NaN()), stats.Num(math.NaN())
		return
	}
	t.ChiSquare.PAdjusted = stats.Num(p)
	t.GTest.PAdjusted = stats.Num(math.NaN())
}

// Distance is the Jensen-Shannon distance (base 2) between the groups'
// own-voice distributions over all labels, with additive smoothing Alpha.
type Distance struct {
	Groups []string      `json:"groups"`
	Alpha  float64       `json:"alpha"`
	Matrix [][]stats.Num `json:"matrix"`
}

// CAResult is the correspondence analysis of the group × label table.
// A group without own-voice hits of the labels compared, and a label no
// group used, have no place on the map: they are left out, each named with
// the reason, and Groups and Labels list the rows and columns of the
// coordinates.
type CAResult struct {
	Groups        []string      `json:"groups"`
	Labels        []string      `json:"labels"`
	Inertia       []stats.Num   `json:"inertia"`
	Share         []stats.Num   `json:"share"`
	RowCoords     [][]stats.Num `json:"group_coords"`
	ColCoords     [][]stats.Num `json:"label_coords"`
	GroupsLeftOut []LeftOut     `json:"groups_left_out"`
	LabelsLeftOut []LeftOut     `json:"labels_left_out"`
	Note          string        `json:"note,omitempty"`
}

// LeftOut is a group or label left out of a result, and why.
type LeftOut struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// DistinctiveTerm is a label or matched term that sets a group apart from
// the rest: the log-odds ratio with informative Dirichlet prior (Monroe,
// Colaresi and Quinn 2008) and its z-score.
type DistinctiveTerm struct {
	Group string    `json:"group"`
	Kind  string    `json:"kind"` // "label" or "term"
	Name  string    `json:"name"`
	Count int       `json:"count"`
	Delta stats.Num `json:"delta"`
	Z     stats.Num `json:"z"`
}

// TimelinePoint is a group's framing index in one ISO week, own voice, with
// the interval from its counts (a week holds too few documents for a
// bootstrap).
type TimelinePoint struct {
	Group     string    `json:"group"`
	Week      string    `json:"week"`  // ISO 8601 week, "2023-W25"
	Start     string    `json:"start"` // its Monday, "2023-06-19"
	Documents int       `json:"documents"`
	Pos       int       `json:"pos"`
	Neg       int       `json:"neg"`
	Index     stats.Num `json:"index"`
	Lo        stats.Num `json:"lo"`
	Hi        stats.Num `json:"hi"`
}
