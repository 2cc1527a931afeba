package reliability

import (
	"math"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
)

// Indicator is one reliability indicator of a document or a group: a share
// with its Wilson interval, a rate per 1,000 own-voice tokens with its exact
// Poisson interval, a balance from −1 to +1, or a count (no interval).
type Indicator struct {
	Name  string    `json:"name"`
	Kind  string    `json:"kind"` // "share", "rate", "balance" or "count"
	Value stats.Num `json:"value"`
	Lo    stats.Num `json:"lo"`
	Hi    stats.Num `json:"hi"`
	// K counts what the indicator counts, and N what it is out of:
	// sentences, tokens, attributions, citations (0 for a count).
	K int `json:"k"`
	N int `json:"n"`
	// Unit and Method say how Lo and Hi were made when a comparison sets
	// them: "documents" or "hits", and the method; empty for a document's
	// own indicators (the Wilson or exact Poisson interval of its counts).
	Unit   string `json:"unit,omitempty"`
	Method string `json:"method,omitempty"`
	// Note says why the indicator is n/a when the lexicon cannot measure
	// it ("the lexicon has no category attribution"); "" otherwise.
	Note string `json:"note,omitempty"`
}

// IndicatorInfo documents an indicator: what it is, the lexicon category
// behind it, what the literature reads it as, what to keep in mind, what it
// needs and how it is counted.
type IndicatorInfo struct {
	Name, Kind, Definition, Category, Literature, Caveat string
	// Needs are the lexicon categories the indicator counts with: a
	// lexicon without one of them cannot measure it (its counts would be
	// zero, or wrong: without attributions every short quotation is a
	// scare quote).
	Needs []string
	// Counts is what the indicator counts (k) and what it is out of (n),
	// from a document's or group's counts and own-voice and quoted tokens:
	// for a rate the own-voice tokens, for a balance the hits of both
	// sides, for a count nothing.
	Counts func(r Counts, own, quoted int) (k, n int)
	// OutOfTokens marks a share or rate counted out of tokens, nearly
	// unique to each document; GroupOnly one whose group value is not the
	// sum of its documents' (the most-cited source of a group is not the
	// sum of each document's most-cited), which has no document-level
	// statistics.
	OutOfTokens, GroupOnly bool
}

// IndicatorList describes the indicators in the order they are reported:
// the one table of what each is, what it needs and how it is counted.
var IndicatorList = []IndicatorInfo{
	{Name: "attribution_rate", Kind: "share", Definition: "own-voice sentences with an attribution (said, told, according to) / own-voice sentences", Category: CatAttribution,
		Literature: "attribution is the core sourcing norm of news writing (Zelizer 1989; Bell 1991): a lower rate means more assertion in the outlet's own name",
		Caveat:     "counts the attribution words, not whether the source supports the claim; a sentence of background facts needs none",
		Needs:      []string{CatAttribution},
		Counts:     func(r Counts, _, _ int) (int, int) { return r.Attributed, r.Sentences }},
	{Name: "quotation_share", Kind: "share", Definition: "tokens in direct quotation / article tokens (own + quoted)",
		Literature: "direct quotation lets a source speak in its own words and makes the report checkable (Bell 1991)",
		Caveat:     "a long verbatim relay of an official statement is also quotation: read it with named_share and top_source_share",
		Counts:     func(_ Counts, own, quoted int) (int, int) { return quoted, own + quoted }, OutOfTokens: true},
	{Name: "quotations", Kind: "count", Definition: "direct quotations outside boilerplate",
		Counts: func(r Counts, _, _ int) (int, int) { return r.Quotations, 0 }},
	{Name: "named_share", Kind: "share", Definition: "attributions to a named person or organisation / attributions", Category: CatAttribution,
		Literature: "named sources are accountable; readers judge anonymously sourced news less credible (Sternadori and Thorson 2009)",
		Caveat:     "the source is found by a heuristic (the name before the verb, after 'according to', a pronoun resolved to the source named last): check the citations in the JSON",
		Needs:      []string{CatAttribution},
		Counts:     func(r Counts, _, _ int) (int, int) { return r.Named, r.Attributions }},
	{Name: "anonymous_share", Kind: "share", Definition: "attributions to anonymous sources (sources said, it is reported) / attributions", Category: CatAnonymous,
		Literature: "anonymous sourcing lowers perceived credibility (Sternadori and Thorson 2009) and is restricted by newsroom codes",
		Caveat:     "'officials said' without names counts as unspecified, not anonymous",
		Needs:      []string{CatAttribution, CatAnonymous},
		Counts:     func(r Counts, _, _ int) (int, int) { return r.Anonymous, r.Attributions }},
	{Name: "sources", Kind: "count", Definition: "distinct named sources", Category: CatAttribution,
		Literature: "more distinct sources, more diverse sourcing",
		Caveat:     "name variants of one source count apart unless one is a listed outlet's alias",
		Needs:      []string{CatAttribution},
		Counts:     func(r Counts, _, _ int) (int, int) { return len(r.Sources), 0 }},
	{Name: "top_source_share", Kind: "share", Definition: "attributions to the most-cited named source / named attributions", Category: CatAttribution,
		Literature: "reliance on a single source (everything from KCNA) marks relayed rather than reported news",
		Caveat:     "few attributions make it jump: see its interval",
		Needs:      []string{CatAttribution},
		Counts:     func(r Counts, _, _ int) (int, int) { return r.topSource(), r.Named }, GroupOnly: true},
	{Name: "state_media_cited", Kind: "count", Definition: "own-voice mentions of an outlet listed as state media (--outlets, else the built-in list)",
		Caveat: "an outlet naming itself (a dateline) is not counted",
		Counts: func(r Counts, _, _ int) (int, int) { return r.StateMediaCited, 0 }},
	{Name: "state_media_labelled", Kind: "count", Definition: "of those, labelled as state media (state media KCNA, the official news agency)", Category: CatStateLabel,
		Literature: "labelling state media is the practice of independent outlets and platforms, and labels change how readers judge the content (Nassetta and Gross 2020)",
		Caveat:     "a label counts within three words before the name, four after it, or a modifier (state, official) right before it",
		Needs:      []string{CatStateLabel, CatStateModifier},
		Counts:     func(r Counts, _, _ int) (int, int) { return r.StateMediaLabelled, 0 }},
	{Name: "state_media_labelled_share", Kind: "share", Definition: "state_media_labelled / state_media_cited", Category: CatStateLabel,
		Literature: "see state_media_labelled",
		Needs:      []string{CatStateLabel, CatStateModifier},
		Counts:     func(r Counts, _, _ int) (int, int) { return r.StateMediaLabelled, r.StateMediaCited }},
	{Name: "distancing_rate", Kind: "rate", Definition: "distancing words (so-called, alleged) and scare quotes (a quotation of 1 to 4 words with no attribution) per 1,000 own-voice tokens", Category: CatDistancing,
		Literature: "marks a term or claim as someone else's and doubtful (Fairclough 1995): a sign of stance, not of quality",
		Caveat:     "whose claim is distanced is listed where it can be seen (distancing_targets in the JSON)",
		Needs:      []string{CatDistancing, CatAttribution},
		Counts:     func(r Counts, own, _ int) (int, int) { return r.Distancing + r.ScareQuotes, own }, OutOfTokens: true},
	{Name: "hedge_rate", Kind: "rate", Definition: "hedges (allegedly, may, unclear) per 1,000 own-voice tokens", Category: CatHedge,
		Literature: "hedges withhold full commitment to a claim (Hyland 1998): epistemic caution",
		Caveat:     "'may' counts only in lower case (not the month)",
		Needs:      []string{CatHedge},
		Counts:     func(r Counts, own, _ int) (int, int) { return r.Hedges, own }, OutOfTokens: true},
	{Name: "booster_rate", Kind: "rate", Definition: "boosters and superlatives (certainly, unprecedented) per 1,000 own-voice tokens", Category: CatBooster,
		Literature: "boosters close down alternatives (Hyland 1998); superlatives mark sensational style (Molek-Kozakowska 2013)",
		Needs:      []string{CatBooster, CatSuperlative},
		Counts:     func(r Counts, own, _ int) (int, int) { return r.Boosters + r.Superlatives, own }, OutOfTokens: true},
	{Name: "certainty_balance", Kind: "balance", Definition: "(boosters + superlatives − hedges) / (boosters + superlatives + hedges)", Category: CatBooster,
		Literature: "from −1 (only hedged) to +1 (only boosted)",
		Caveat:     "undefined without either",
		Needs:      []string{CatHedge, CatBooster, CatSuperlative},
		Counts: func(r Counts, _, _ int) (int, int) {
			boost := r.Boosters + r.Superlatives
			return boost, boost + r.Hedges
		}},
	{Name: "foreign_agent_notice", Kind: "share", Definition: "documents carrying the Russian \"foreign agent\" notice (ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ…) / documents",
		Literature: "Russian law since 2017 (media) and 2020 (persons) makes outlets and authors the Ministry of Justice lists as foreign agents print the notice; the register is the state's label, used against independent and exiled media",
		Caveat:     "says who the Russian state has labelled, not how the document is sourced; outlets outside Russia's reach often leave it out, and a reprint may carry another outlet's notice",
		Counts:     func(r Counts, _, _ int) (int, int) { return r.ForeignAgent, r.Documents }},
	{Name: "loaded_density", Kind: "rate", Definition: "own-voice hits of labels on the framing axis' poles per 1,000 own-voice tokens",
		Literature: "loaded, one-sided terms are a marker of biased language (Recasens, Danescu-Niculescu-Mizil and Jurafsky 2013)",
		Caveat:     "depends on the lexicon: only the terms it lists count",
		Counts:     func(r Counts, own, _ int) (int, int) { return r.Loaded, own }, OutOfTokens: true},
}

// Title is the indicator's name for a reader: "attribution_rate" is
// "Attribution rate".
func (info IndicatorInfo) Title() string {
	t := strings.ReplaceAll(info.Name, "_", " ")
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// topSource is the number of attributions to the most-cited named source.
func (r Counts) topSource() int {
	top := 0
	for _, n := range r.Sources {
		top = max(top, n)
	}
	return top
}

// Missing are the indicators a lexicon cannot measure, by name, each with
// the reason: what Indicators then reports as n/a.
type Missing map[string]string

// MissingIndicators are the indicators that a lexicon with these category
// ids and label poles (+1, −1 or 0 per label) cannot measure: those whose
// categories it lacks, and loaded_density when no label is on a pole.
func MissingIndicators(categories []string, poles []int) Missing {
	have := map[string]bool{}
	for _, c := range categories {
		have[c] = true
	}
	out := Missing{}
	for _, info := range IndicatorList {
		var lacks []string
		for _, c := range info.Needs {
			if !have[c] {
				lacks = append(lacks, c)
			}
		}
		switch len(lacks) {
		case 0:
		case 1:
			out[info.Name] = "the lexicon has no category " + lacks[0]
		default:
			out[info.Name] = "the lexicon has no categories " + strings.Join(lacks, ", ")
		}
	}
	if !slices.ContainsFunc(poles, func(p int) bool { return p != 0 }) {
		out["loaded_density"] = "the lexicon has no labels on the framing axis' poles"
	}
	return out
}

// Indicators makes the indicators of r, for a document or a group with own
// and quoted tokens, intervals at level conf, in the order of
// IndicatorList. An indicator in missing is n/a: NaN, with the reason as
// its Note.
func Indicators(r Counts, own, quoted int, conf float64, missing Missing) []Indicator {
	out := make([]Indicator, 0, len(IndicatorList))
	for _, info := range IndicatorList {
		k, n := info.Counts(r, own, quoted)
		in := indicator(info, k, n, conf)
		if why := missing[info.Name]; why != "" {
			nan := stats.Num(math.NaN())
			in.Value, in.Lo, in.Hi, in.Note = nan, nan, nan, why
		}
		out = append(out, in)
	}
	return out
}

// indicator makes the indicator info of k out of n, by its kind.
func indicator(info IndicatorInfo, k, n int, conf float64) Indicator {
	in := Indicator{Name: info.Name, Kind: info.Kind, K: k, N: n}
	var v, lo, hi float64
	switch info.Kind {
	case "share":
		v, lo, hi = stats.Wilson(float64(k), float64(n), conf)
	case "rate":
		v, lo, hi = stats.PoissonRateCI(float64(k), float64(n), 1000, conf)
	case "balance":
		v, lo, hi = stats.FramingIndexCI(float64(k), float64(n-k), conf)
	case "count":
		v, lo, hi = float64(k), math.NaN(), math.NaN()
	default:
		panic("reliability: indicator " + info.Name + " has kind " + info.Kind)
	}
	in.Value, in.Lo, in.Hi = stats.Num(v), stats.Num(lo), stats.Num(hi)
	return in
}

// Report is a document's or a group's reliability as the outputs show it:
// the counts, and the indicators by name.
type Report struct {
	Counts
	Indicators map[string]Indicator `json:"indicators"`
}

// NewReport makes the report of counts r with own and quoted tokens,
// intervals at level conf, n/a where a lexicon cannot measure (missing).
func NewReport(r Counts, own, quoted int, conf float64, missing Missing) Report {
	out := Report{Counts: r, Indicators: map[string]Indicator{}}
	if out.Sources == nil {
		out.Sources = map[string]int{}
	}
	for _, in := range Indicators(r, own, quoted, conf, missing) {
		out.Indicators[in.Name] = in
	}
	return out
}

// MissingOf is MissingIndicators of a compiled lexicon.
func MissingOf(m *lexicon.Matcher) Missing {
	var poles []int
	for _, l := range m.Labels() {
		poles = append(poles, l.Pole)
	}
	return MissingIndicators(m.Categories(), poles)
}
