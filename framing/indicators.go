package framing

import (
	"math"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing/stats"
)

// Indicator is one reliability indicator of a document or a group: a share
// with its Wilson interval, a rate per 1,000 own-voice tokens with its exact
// Poisson interval, a balance from −1 to +1, or a count (no interval).
type Indicator struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // "share", "rate", "balance" or "count"
	Value Num    `json:"value"`
	Lo    Num    `json:"lo"`
	Hi    Num    `json:"hi"`
	// K counts what the indicator counts, and N what it is out of:
	// sentences, tokens, attributions, citations (0 for a count).
	K int `json:"k"`
	N int `json:"n"`
	// Note says why the indicator is n/a when the lexicon cannot measure
	// it ("the lexicon has no category attribution"); "" otherwise.
	Note string `json:"note,omitempty"`
}

// IndicatorInfo documents an indicator: what it is, the lexicon category
// behind it, what the literature reads it as, and what to keep in mind.
type IndicatorInfo struct {
	Name, Kind, Definition, Category, Literature, Caveat string
}

// IndicatorList describes the indicators in the order they are reported.
var IndicatorList = []IndicatorInfo{
	{"attribution_rate", "share", "own-voice sentences with an attribution (said, told, according to) / own-voice sentences", CatAttribution,
		"attribution is the core sourcing norm of news writing (Zelizer 1989; Bell 1991): a lower rate means more assertion in the outlet's own name",
		"counts the attribution words, not whether the source supports the claim; a sentence of background facts needs none"},
	{"quotation_share", "share", "tokens in direct quotation / article tokens (own + quoted)", "",
		"direct quotation lets a source speak in its own words and makes the report checkable (Bell 1991)",
		"a long verbatim relay of an official statement is also quotation: read it with named_share and top_source_share"},
	{"quotations", "count", "direct quotations outside boilerplate", "", "", ""},
	{"named_share", "share", "attributions to a named person or organisation / attributions", CatAttribution,
		"named sources are accountable; readers judge anonymously sourced news less credible (Sternadori and Thorson 2009)",
		"the source is found by a heuristic (the name before the verb, after 'according to', a pronoun resolved to the source named last): check the citations in the JSON"},
	{"anonymous_share", "share", "attributions to anonymous sources (sources said, it is reported) / attributions", CatAnonymous,
		"anonymous sourcing lowers perceived credibility (Sternadori and Thorson 2009) and is restricted by newsroom codes",
		"'officials said' without names counts as unspecified, not anonymous"},
	{"sources", "count", "distinct named sources", CatAttribution, "more distinct sources, more diverse sourcing", "name variants of one source count apart unless one is a listed outlet's alias"},
	{"top_source_share", "share", "attributions to the most-cited named source / named attributions", CatAttribution,
		"reliance on a single source (everything from KCNA) marks relayed rather than reported news",
		"few attributions make it jump: see its interval"},
	{"state_media_cited", "count", "own-voice mentions of an outlet listed as state media (--outlets, else the built-in list)", "", "", "an outlet naming itself (a dateline) is not counted"},
	{"state_media_labelled", "count", "of those, labelled as state media (state media KCNA, the official news agency)", CatStateLabel,
		"labelling state media is the practice of independent outlets and platforms, and labels change how readers judge the content (Nassetta and Gross 2020)",
		"a label counts within three words before the name, four after it, or a modifier (state, official) right before it"},
	{"state_media_labelled_share", "share", "state_media_labelled / state_media_cited", CatStateLabel, "see state_media_labelled", ""},
	{"distancing_rate", "rate", "distancing words (so-called, alleged) and scare quotes (a quotation of 1 to 4 words with no attribution) per 1,000 own-voice tokens", CatDistancing,
		"marks a term or claim as someone else's and doubtful (Fairclough 1995): a sign of stance, not of quality",
		"whose claim is distanced is listed where it can be seen (distancing_targets in the JSON)"},
	{"hedge_rate", "rate", "hedges (allegedly, may, unclear) per 1,000 own-voice tokens", CatHedge,
		"hedges withhold full commitment to a claim (Hyland 1998): epistemic caution", "'may' counts only in lower case (not the month)"},
	{"booster_rate", "rate", "boosters and superlatives (certainly, unprecedented) per 1,000 own-voice tokens", CatBooster,
		"boosters close down alternatives (Hyland 1998); superlatives mark sensational style (Molek-Kozakowska 2013)", ""},
	{"certainty_balance", "balance", "(boosters + superlatives − hedges) / (boosters + superlatives + hedges)", CatBooster,
		"from −1 (only hedged) to +1 (only boosted)", "undefined without either"},
	{"loaded_density", "rate", "own-voice hits of labels on the framing axis' poles per 1,000 own-voice tokens", "",
		"loaded, one-sided terms are a marker of biased language (Recasens, Danescu-Niculescu-Mizil and Jurafsky 2013)",
		"depends on the lexicon: only the terms it lists count"},
}

// indicatorNeeds are the lexicon categories an indicator counts with: a
// lexicon without one of them cannot measure it (its counts would be zero,
// or wrong: without attributions every short quotation is a scare quote).
// The indicators not listed need no category.
func indicatorNeeds(name string) []string {
	switch name {
	case "attribution_rate", "named_share", "sources", "top_source_share":
		return []string{CatAttribution}
	case "anonymous_share":
		return []string{CatAttribution, CatAnonymous}
	case "state_media_labelled", "state_media_labelled_share":
		return []string{CatStateLabel, CatStateModifier}
	case "distancing_rate":
		return []string{CatDistancing, CatAttribution}
	case "hedge_rate":
		return []string{CatHedge}
	case "booster_rate":
		return []string{CatBooster, CatSuperlative}
	case "certainty_balance":
		return []string{CatHedge, CatBooster, CatSuperlative}
	}
	return nil
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
		for _, c := range indicatorNeeds(info.Name) {
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

// MissingIndicators are the indicators the lexicon that scored s cannot
// measure.
func (s *Score) MissingIndicators() Missing {
	if s.matcher == nil {
		return nil
	}
	var poles []int
	for _, l := range s.matcher.Labels() {
		poles = append(poles, l.Pole)
	}
	return MissingIndicators(s.matcher.Categories(), poles)
}

// Indicators are the document's indicators, intervals at level conf, n/a
// where its lexicon cannot measure them.
func (s *Score) Indicators(conf float64) []Indicator {
	return Indicators(s.Reliability, s.Tokens, conf, s.MissingIndicators())
}

// Indicators makes the indicators of r, for a document or a group with
// token counts tok, intervals at level conf, in the order of IndicatorList.
// An indicator in missing is n/a: NaN, with the reason as its Note.
func Indicators(r Reliability, tok TokenCounts, conf float64, missing Missing) []Indicator {
	top := 0
	for _, n := range r.Sources {
		top = max(top, n)
	}
	boost := r.Boosters + r.Superlatives
	out := make([]Indicator, 0, len(IndicatorList))
	for _, info := range IndicatorList {
		// k counts what the indicator counts, n what it is out of: for a
		// rate the own-voice tokens, for a balance the hits of both sides,
		// for a count nothing.
		var k, n int
		switch info.Name {
		case "attribution_rate":
			k, n = r.Attributed, r.Sentences
		case "quotation_share":
			k, n = tok.Quoted, tok.Own+tok.Quoted
		case "quotations":
			k = r.Quotations
		case "named_share":
			k, n = r.Named, r.Attributions
		case "anonymous_share":
			k, n = r.Anonymous, r.Attributions
		case "sources":
			k = len(r.Sources)
		case "top_source_share":
			k, n = top, r.Named
		case "state_media_cited":
			k = r.StateMediaCited
		case "state_media_labelled":
			k = r.StateMediaLabelled
		case "state_media_labelled_share":
			k, n = r.StateMediaLabelled, r.StateMediaCited
		case "distancing_rate":
			k, n = r.Distancing+r.ScareQuotes, tok.Own
		case "hedge_rate":
			k, n = r.Hedges, tok.Own
		case "booster_rate":
			k, n = boost, tok.Own
		case "certainty_balance":
			k, n = boost, boost+r.Hedges
		case "loaded_density":
			k, n = r.Loaded, tok.Own
		default:
			panic("framing: indicator " + info.Name + " has no counts")
		}
		in := indicator(info, k, n, conf)
		if why := missing[info.Name]; why != "" {
			nan := Num(math.NaN())
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
		panic("framing: indicator " + info.Name + " has kind " + info.Kind)
	}
	in.Value, in.Lo, in.Hi = Num(v), Num(lo), Num(hi)
	return in
}
