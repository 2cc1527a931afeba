package report

import (
	"math"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/lexicon"
)

// ScoreJSON is the output contract of one scored document (`framing score
// --format jsonl`, and each score of `--format json`): every label of the
// lexicon as "concept.label" (zeros included), every category, the index
// null when it is undefined. Field order is fixed; maps are written with
// sorted keys.
type ScoreJSON struct {
	// Format is ScoreFormat, the version of this contract.
	Format        int                           `json:"format"`
	ID            string                        `json:"id"`
	Outlet        string                        `json:"outlet"`
	Date          string                        `json:"date"`
	URL           string                        `json:"url"`
	Title         string                        `json:"title,omitempty"`
	Lang          string                        `json:"lang"`
	Source        string                        `json:"source"`
	Meta          map[string]string             `json:"meta"`
	Tokens        framing.TokenCounts           `json:"tokens"`
	Labels        map[string]framing.VoiceCount `json:"labels"`
	Categories    map[string]framing.VoiceCount `json:"categories"`
	Index         *float64                      `json:"index"`
	Pos           int                           `json:"pos"`
	Neg           int                           `json:"neg"`
	Hits          []framing.Evidence            `json:"hits"`
	Dropped       []framing.DroppedLine         `json:"dropped"`
	QuoteProblems []analysis.QuoteProblem       `json:"quote_problems,omitempty"`
	Reliability   reliability.Report            `json:"reliability"`
}

// ScoreFormat is the version of ScoreJSON (schemas/score.schema.json).
const ScoreFormat = 1

// ScoreOf is s in the output contract; m is the lexicon that scored it,
// whose labels and categories name its counts. The indicators' intervals
// are at level conf.
func ScoreOf(s *framing.Score, m *lexicon.Matcher, conf float64) ScoreJSON {
	out := ScoreJSON{
		Format: ScoreFormat, ID: s.ID, Outlet: s.Outlet, Date: s.Date, URL: s.URL, Title: s.Title, Lang: s.Lang, Source: s.Source,
		Meta: s.Meta, Tokens: s.Tokens,
		Labels:     make(map[string]framing.VoiceCount, len(s.Labels)),
		Categories: make(map[string]framing.VoiceCount, len(s.Categories)),
		Pos:        s.Pos, Neg: s.Neg,
		Hits: s.Hits, Dropped: s.Dropped, QuoteProblems: s.QuoteProblems,
		Reliability: reliability.NewReport(s.Reliability, s.Tokens.Prose(), s.Tokens.Quoted, conf, reliability.MissingOf(m)),
	}
	if out.Meta == nil {
		out.Meta = map[string]string{}
	}
	if out.Hits == nil {
		out.Hits = []framing.Evidence{}
	}
	if out.Dropped == nil {
		out.Dropped = []framing.DroppedLine{}
	}
	for i, l := range m.Labels() {
		out.Labels[l.ID] = s.Labels[i]
	}
	for i, c := range m.Categories() {
		out.Categories[c] = s.Categories[i]
	}
	if !math.IsNaN(s.Index) {
		out.Index = &s.Index
	}
	return out
}
