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
	// Format is the version of this output (Format; schemas/compare.schema.json).
	Format  int                `json:"format"`
	Lexicon framing.LexiconRef `json:"lexicon"`
	By      string             `json:"by"`
	// Voices are the voices whose hits the counts, shares, tests, index
	// and distinctive terms count (--voice; "own" by default).
	Voices   token.VoiceSet `json:"voices"`
	Corpus   CorpusSummary  `json:"corpus"`
	Settings Options        `json:"settings"`
	Groups   []GroupInfo    `json:"groups"`
	Rates    []Rate         `json:"rates"`
	// CategoryRates are every group's rate of each category of the
	// lexicon (Rate.Label names the category).
	CategoryRates []Rate `json:"category_rates"`
	// Inference says what the p-values and intervals count as
	// independent, and how each kind was made.
	Inference Inference  `json:"inference"`
	Index     []IndexRow `json:"index"`
	// Drivers split each group's index by concept: what drives it.
	Drivers []IndexDriver `json:"index_drivers"`
	// IndexTest tests "every group has the same framing index".
	IndexTest   TableTest         `json:"index_test"`
	Concepts    []ConceptResult   `json:"concepts"`
	Distance    Distance          `json:"distance"`
	CA          CAResult          `json:"correspondence"`
	Distinctive []DistinctiveTerm `json:"distinctive"`
	// TermScores are every matched term's log-odds z-score in every group
	// that used it, against the rest: the points of the distinctive terms
	// chart, of which Distinctive lists the top.
	TermScores []DistinctiveTerm `json:"term_scores"`
	// Phrases are each group's distinctive words and two-word phrases
	// over all the corpus' phrases, the lexicon's or not, when the tally
	// counted them (--phrases): what the lexicon may not know yet.
	Phrases  []DistinctiveTerm `json:"distinctive_phrases,omitempty"`
	Timeline []TimelinePoint   `json:"timeline"`
	// Reliability is every group's sourcing indicators, and a test of each
	// share and rate across groups.
	Reliability Reliabilities `json:"reliability"`
	// Multiplicity says how the p-values to read were adjusted: one
	// family of every concept's test and every indicator's.
	Multiplicity Multiplicity `json:"multiplicity"`
}

// Format is the version of Comparison's JSON, `compare --format json` and a
// report's results.json: 2 since documents became the unit of evidence
// (issue 18), 1 before (the field came with it).
const Format = 2

// Inference states the unit of the comparison's p-values and intervals
// and the rule of each method, in words the report repeats.
type Inference struct {
	// Unit is "documents" or "hits" (Options.Unit).
	Unit string `json:"unit"`
	// Units says what one unit is.
	Units string `json:"units"`
	// Methods are the methods, one sentence each, by what they make.
	Methods map[string]string `json:"methods"`
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

// Rate is a label's hits per PerTokens tokens of a group, in the voices
// counted, with its interval: with documents as the unit, the exact Poisson
// interval at the effective number of hits (the hits divided by the design
// effect, at least 1: stats.TokenRatioInterval); with hits as the unit,
// the exact Poisson interval of the hits.
type Rate struct {
	Group  string    `json:"group"`
	Label  string    `json:"label"`
	Count  int       `json:"count"`
	Tokens int       `json:"tokens"`
	Rate   stats.Num `json:"rate"`
	Lo     stats.Num `json:"lo"`
	Hi     stats.Num `json:"hi"`
	Interval
	// DesignEffect is the variance of the rate between documents over its
	// Poisson variance (n/a without hits or with one document).
	DesignEffect stats.Num `json:"design_effect"`
}

// Interval says how an interval was made: the unit its uncertainty
// counts ("documents" or "hits") and the method.
type Interval struct {
	Unit   string `json:"unit"`
	Method string `json:"method"`
	Note   string `json:"note,omitempty"`
}

// IndexRow is a group's framing index with its interval (Interval says
// how it was made), and the overdispersion of its hits: the design effect
// and the effective number of documents.
type IndexRow struct {
	Group string    `json:"group"`
	Pos   int       `json:"pos"`
	Neg   int       `json:"neg"`
	Index stats.Num `json:"index"`
	Lo    stats.Num `json:"lo"`
	Hi    stats.Num `json:"hi"`
	Interval
	Draws int    `json:"draws,omitempty"`
	Seed  uint64 `json:"seed,omitempty"`
	// Dispersion is the overdispersion of the group's pole hits; nil with
	// hits as the unit.
	Dispersion *Dispersion `json:"dispersion,omitempty"`
}

// IndexDriver is one concept's part in a group's framing index: its pole
// hits, the index of those hits alone, and its contribution
// (pos − neg)/(Pos + Neg) over all the group's pole hits — the
// contributions of a group's concepts add up to its index.
type IndexDriver struct {
	Group        string    `json:"group"`
	Concept      string    `json:"concept"`
	Pos          int       `json:"pos"`
	Neg          int       `json:"neg"`
	Index        stats.Num `json:"index"`
	Contribution stats.Num `json:"contribution"`
}

// Dispersion is how a group's hits of a concept (or of the index poles)
// spread over its units: the units, those with hits, Kish's effective
// number of units (Σm)²/Σm² (m a unit's hits), the design effect — the
// variance of the shares between units over their variance if hits were
// independent, for a concept the summed variances of its labels' shares
// (stats.DesignEffect) — and the intra-class correlation of the
// Dirichlet-multinomial (or beta-binomial) fit. None with hits as the
// unit.
type Dispersion struct {
	Units          int       `json:"units"`
	UnitsWithHits  int       `json:"units_with_hits"`
	EffectiveUnits stats.Num `json:"effective_units"`
	DesignEffect   stats.Num `json:"design_effect"`
	Rho            stats.Num `json:"rho"`
}

// Share is a label's share of a concept's hits in a group, with its
// interval and how it was made.
type Share struct {
	P  stats.Num `json:"p"`
	Lo stats.Num `json:"lo"`
	Hi stats.Num `json:"hi"`
	Interval
}

// Test is one hit-level test of independence of groups and labels.
type Test struct {
	Stat      stats.Num `json:"stat"`
	DF        stats.Num `json:"df"`
	P         stats.Num `json:"p"`
	PAdjusted stats.Num `json:"p_adjusted"` // Benjamini-Hochberg across the run's family (Comparison.Multiplicity)
}

// Exact is the small-sample hit-level p-value of a test: for a table, the
// exact conditional test of Freeman and Halton with tables ordered by X²
// (every table with the observed margins enumerated), or its Monte Carlo
// estimate with the seed and draws used when there are more than
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

// PermutationTest is the document-level test of a table: documents (units)
// with hits permuted between the groups, each group keeping its number of
// them, and Pearson's X² of the groups × labels table of summed counts
// compared with its permutation distribution (stats.PermutationTest).
type PermutationTest struct {
	// Method is "exact" (every arrangement enumerated, Arrangements of
	// them) or "monte-carlo" (Draws arrangements drawn with Seed; when
	// StoppedAt is set, the draws stopped at that many exceedances of the
	// observed statistic and P is StoppedAt/Draws, Besag and Clifford's
	// sequential p-value).
	Method       string    `json:"method"`
	Stat         stats.Num `json:"stat"`
	P            stats.Num `json:"p"`
	PAdjusted    stats.Num `json:"p_adjusted"`
	PMid         stats.Num `json:"p_mid"` // Lancaster's mid-p, ties counted half: for reading, not for the family
	Arrangements int       `json:"arrangements,omitempty"`
	Draws        int       `json:"draws,omitempty"`
	StoppedAt    int       `json:"stopped_at_exceedances,omitempty"`
	Seed         uint64    `json:"seed,omitempty"`
	// Units are the units with hits permuted; UnitsWithoutHits the
	// others, which leave the table unchanged wherever they go.
	Units            int `json:"units"`
	UnitsWithoutHits int `json:"units_without_hits"`
}

// QuasiF is the document-level test of a ratio counted out of tokens (a
// rate, the share of quoted tokens): Pearson's X² of the groups' counts
// against a common ratio, divided by the dispersion φ of the documents'
// counts within groups, against the F distribution (stats.QuasiHomogeneity).
type QuasiF struct {
	X2        stats.Num `json:"x2"`
	Phi       stats.Num `json:"phi"`
	F         stats.Num `json:"f"`
	DF1       stats.Num `json:"df1"`
	DF2       stats.Num `json:"df2"`
	P         stats.Num `json:"p"`
	PAdjusted stats.Num `json:"p_adjusted"`
}

// HitLevel are the tests that count every hit as a separate draw (--unit
// hits): Pearson's chi-square and the G-test, and when an expected count is
// small, the exact Freeman-Halton test or its Monte Carlo estimate (see
// Exact).
type HitLevel struct {
	ChiSquare   Test      `json:"chi_square"`
	GTest       Test      `json:"g_test"`
	MinExpected stats.Num `json:"min_expected"`
	Below5      int       `json:"cells_expected_below_5"`
	Exact       *Exact    `json:"exact,omitempty"`
}

// ConceptResult compares the groups' use of one concept's labels, in the
// voices counted (Comparison.Voices).
type ConceptResult struct {
	ID     string             `json:"id"`
	Labels []lexicon.LabelKey `json:"labels"`
	// Poles are the labels' poles on the framing axis: +1 positive, −1
	// negative, 0 none.
	Poles  []int    `json:"poles"`
	Groups []string `json:"groups"`
	Counts [][]int  `json:"counts"` // group × label, the voices counted
	// ByVoice are the same hits in every voice, and those negated.
	ByVoice [][]framing.VoiceCount `json:"by_voice"`
	Shares  [][]Share              `json:"shares"`
	// Dispersion is each group's overdispersion of the concept's hits;
	// none with hits as the unit.
	Dispersion []Dispersion `json:"dispersion,omitempty"`
	TableTest
	Distance [][]stats.Num `json:"distance"` // Jensen-Shannon between groups' shares of hits, this concept's labels
	// Distinctive are the labels that set each group apart within the
	// concept (log-odds against the other groups' hits of the concept).
	Distinctive []DistinctiveTerm `json:"distinctive"`
}

// TableTest is the test of "the groups do not differ" for a groups ×
// categories table: with documents as the unit, a permutation test
// (PermutationTest) or for ratios out of tokens a quasi-likelihood F test
// (QuasiF); with hits as the unit, the hit-level tests (HitLevel). Cramér's
// V describes the table of hits (an effect size, not a test).
type TableTest struct {
	// Unit is what the p-value to read counts as independent:
	// "documents" or "hits".
	Unit string `json:"unit"`
	// PValue names the p-value to read: "permutation", "quasi-f",
	// "chi-square", "exact" (hits), or "none" when the test is undefined
	// (Note says why).
	PValue      string           `json:"p_value"`
	Permutation *PermutationTest `json:"permutation,omitempty"`
	QuasiF      *QuasiF          `json:"quasi_f,omitempty"`
	HitLevel    *HitLevel        `json:"hit_level,omitempty"`
	CramersV    stats.Num        `json:"cramers_v"`
	CramersVBC  stats.Num        `json:"cramers_v_corrected"`
	Note        string           `json:"note,omitempty"`
}

// Primary is the p-value to read (NaN when there is none).
func (t *TableTest) Primary() float64 {
	if p := t.primary(); p != nil {
		return float64(p.p)
	}
	return math.NaN()
}

// Adjusted is the adjusted p-value of the one to read (NaN when there is
// none).
func (t *TableTest) Adjusted() float64 {
	if p := t.primary(); p != nil {
		return float64(*p.adjusted)
	}
	return math.NaN()
}

// SetAdjusted records the adjusted p-value of the one to read.
func (t *TableTest) SetAdjusted(p float64) {
	if ref := t.primary(); ref != nil {
		*ref.adjusted = stats.Num(p)
	}
}

// pRef is a p-value and where its adjusted value goes.
type pRef struct {
	p        stats.Num
	adjusted *stats.Num
}

func (t *TableTest) primary() *pRef {
	switch {
	case t.PValue == "permutation" && t.Permutation != nil:
		return &pRef{t.Permutation.P, &t.Permutation.PAdjusted}
	case t.PValue == "quasi-f" && t.QuasiF != nil:
		return &pRef{t.QuasiF.P, &t.QuasiF.PAdjusted}
	case t.PValue == "exact" && t.HitLevel != nil && t.HitLevel.Exact != nil:
		return &pRef{t.HitLevel.Exact.P, &t.HitLevel.Exact.PAdjusted}
	case t.PValue == "chi-square" && t.HitLevel != nil:
		return &pRef{t.HitLevel.ChiSquare.P, &t.HitLevel.ChiSquare.PAdjusted}
	}
	return nil
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
	// InLexicon marks a phrase that the lexicon matched as a term.
	InLexicon bool `json:"in_lexicon,omitempty"`
}

// TimelinePoint is a group's framing index in one ISO week, in the voices
// counted, with the Wilson interval of its pole hits (hits as the unit: a
// week holds too few documents for the document-level methods).
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
	Interval
}
