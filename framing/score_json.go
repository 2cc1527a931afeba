package framing

import (
	"encoding/json"
	"math"
)

// scoreJSON is the output contract of one scored document (`framing score
// --format jsonl`). Field order is fixed; maps are written with sorted keys.
type scoreJSON struct {
	ID            string                `json:"id"`
	Outlet        string                `json:"outlet"`
	Date          string                `json:"date"`
	URL           string                `json:"url"`
	Title         string                `json:"title,omitempty"`
	Source        string                `json:"source"`
	Meta          map[string]string     `json:"meta"`
	Tokens        TokenCounts           `json:"tokens"`
	Labels        map[string]VoiceCount `json:"labels"`
	Categories    map[string]VoiceCount `json:"categories"`
	Index         *float64              `json:"index"`
	Pos           int                   `json:"pos"`
	Neg           int                   `json:"neg"`
	Hits          []Evidence            `json:"hits"`
	Dropped       []DroppedLine         `json:"dropped"`
	QuoteProblems []QuoteProblem        `json:"quote_problems,omitempty"`
	Reliability   reliabilityJSON       `json:"reliability"`
}

// reliabilityJSON is a document's or a group's reliability in the output
// contract: the counts, and the indicators by name.
type reliabilityJSON struct {
	Reliability
	Indicators map[string]Indicator `json:"indicators"`
}

// ReliabilityJSON is the document's reliability counts with its
// indicators, intervals at level conf, for JSON output.
func (s *Score) ReliabilityJSON(conf float64) any {
	return reliabilityOut(s.Reliability, s.Tokens, conf, s.MissingIndicators())
}

func reliabilityOut(r Reliability, tok TokenCounts, conf float64, missing Missing) reliabilityJSON {
	out := reliabilityJSON{Reliability: r, Indicators: map[string]Indicator{}}
	if out.Sources == nil {
		out.Sources = map[string]int{}
	}
	for _, in := range Indicators(r, tok, conf, missing) {
		out.Indicators[in.Name] = in
	}
	return out
}

// MarshalJSON writes the score in the documented output contract: every
// label of the lexicon as "concept.label" (zeros included), every category,
// and index null when it is undefined.
func (s *Score) MarshalJSON() ([]byte, error) {
	out := scoreJSON{
		ID: s.ID, Outlet: s.Outlet, Date: s.Date, URL: s.URL, Title: s.Title, Source: s.Source,
		Meta: s.Meta, Tokens: s.Tokens,
		Labels:     make(map[string]VoiceCount, len(s.Labels)),
		Categories: make(map[string]VoiceCount, len(s.Categories)),
		Pos:        s.Pos, Neg: s.Neg,
		Hits: s.Hits, Dropped: s.Dropped, QuoteProblems: s.QuoteProblems,
		Reliability: reliabilityOut(s.Reliability, s.Tokens, 0.95, s.MissingIndicators()),
	}
	if out.Meta == nil {
		out.Meta = map[string]string{}
	}
	if out.Hits == nil {
		out.Hits = []Evidence{}
	}
	if out.Dropped == nil {
		out.Dropped = []DroppedLine{}
	}
	for i, l := range s.matcher.Labels() {
		out.Labels[l.ID] = s.Labels[i]
	}
	for i, c := range s.matcher.Categories() {
		out.Categories[c] = s.Categories[i]
	}
	if !math.IsNaN(s.Index) {
		out.Index = &s.Index
	}
	return json.Marshal(out)
}
