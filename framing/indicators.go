package framing

import (
	"math"

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

// Indicators makes the indicators of r, for a document or a group with
// token counts tok, intervals at level conf.
func Indicators(r Reliability, tok TokenCounts, conf float64) []Indicator {
	share := func(name string, k, n int) Indicator {
		p, lo, hi := stats.Wilson(float64(k), float64(n), conf)
		return Indicator{Name: name, Kind: "share", Value: Num(p), Lo: Num(lo), Hi: Num(hi), K: k, N: n}
	}
	rate := func(name string, k int) Indicator {
		v, lo, hi := stats.PoissonRateCI(float64(k), float64(tok.Own), 1000, conf)
		return Indicator{Name: name, Kind: "rate", Value: Num(v), Lo: Num(lo), Hi: Num(hi), K: k, N: tok.Own}
	}
	count := func(name string, k int) Indicator {
		nan := Num(math.NaN())
		return Indicator{Name: name, Kind: "count", Value: Num(k), Lo: nan, Hi: nan, K: k}
	}
	top := 0
	for _, n := range r.Sources {
		top = max(top, n)
	}
	boost := r.Boosters + r.Superlatives
	b, blo, bhi := stats.FramingIndexCI(float64(boost), float64(r.Hedges), conf)
	return []Indicator{
		share("attribution_rate", r.Attributed, r.Sentences),
		share("quotation_share", tok.Quoted, tok.Own+tok.Quoted),
		count("quotations", r.Quotations),
		share("named_share", r.Named, r.Attributions),
		share("anonymous_share", r.Anonymous, r.Attributions),
		count("sources", len(r.Sources)),
		share("top_source_share", top, r.Named),
		count("state_media_cited", r.StateMediaCited),
		count("state_media_labelled", r.StateMediaLabelled),
		share("state_media_labelled_share", r.StateMediaLabelled, r.StateMediaCited),
		rate("distancing_rate", r.Distancing+r.ScareQuotes),
		rate("hedge_rate", r.Hedges),
		rate("booster_rate", boost),
		{Name: "certainty_balance", Kind: "balance", Value: Num(b), Lo: Num(blo), Hi: Num(bhi), K: boost, N: boost + r.Hedges},
		rate("loaded_density", r.Loaded),
	}
}
