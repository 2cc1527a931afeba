package framing

import (
	"github.com/framingkit/framing/token"

	"slices"
	"sort"
	"strings"
)

// Analysis is a document's text taken apart: word tokens with offsets into
// the original text and the voice of each, the quotation spans, and the
// boilerplate lines that are excluded from counts.
type Analysis struct {
	Tokens []token.Token
	// Voices[i] is the voice of Tokens[i].
	Voices        []Voice
	Quotes        []Span
	QuoteProblems []QuoteProblem
	Dropped       []Dropped
	// Date and URL come from a scraper's metadata line, if the text has one.
	Date, URL string
}

// Analyzer turns texts into Analyses. It is not safe for concurrent use;
// make one per goroutine.
type Analyzer struct {
	tok *token.Tokenizer
}

// NewAnalyzer returns an Analyzer.
func NewAnalyzer() *Analyzer {
	return &Analyzer{tok: token.NewTokenizer()}
}

// Analyze tokenises text and gives every token its voice: Boilerplate on
// lines dropped as site furniture, else Quoted inside a direct quotation,
// else Own.
func (a *Analyzer) Analyze(text string) *Analysis { return a.AnalyzeExcluding(text, nil) }

// ReasonSyndicated is the reason of text dropped as another outlet's copy
// when syndicated stories are counted once (--dedupe).
const ReasonSyndicated = "syndicated"

// AnalyzeExcluding is Analyze with the byte spans in exclude dropped as
// well, with reason "syndicated": the copy of a story counted in an earlier
// outlet's document. Its tokens get voice Boilerplate and count nowhere.
func (a *Analyzer) AnalyzeExcluding(text string, exclude []Span) *Analysis {
	return a.analyzeInto(nil, text, exclude)
}

// analyzeInto is AnalyzeExcluding with the Tokens and Voices slices of
// reuse, when not nil, written over: for a caller that analyses one
// document after another and is done with the last analysis (a Scorer).
// The token slice is most of what scoring allocates, nine bytes per byte of
// text.
func (a *Analyzer) analyzeInto(reuse *Analysis, text string, exclude []Span) *Analysis {
	an := &Analysis{}
	if reuse != nil {
		an.Tokens = a.tok.Append(reuse.Tokens[:0], text)
		an.Voices = reuse.Voices[:0]
	} else {
		an.Tokens = a.tok.Tokenize(text)
	}
	an.Quotes, an.QuoteProblems = Quotes(text)
	an.Dropped, an.Date, an.URL = boilerplate(text, an.Quotes)
	if len(exclude) > 0 {
		for _, sp := range exclude {
			an.Dropped = append(an.Dropped, Dropped{Line: 1 + strings.Count(text[:sp.Start], "\n"), Span: sp, Reason: ReasonSyndicated})
		}
		// The voice merge below walks dropped spans in text order.
		sort.SliceStable(an.Dropped, func(i, j int) bool { return an.Dropped[i].Start < an.Dropped[j].Start })
	}
	an.Voices = slices.Grow(an.Voices[:0], len(an.Tokens))[:len(an.Tokens)]
	clear(an.Voices)
	// Tokens, quotes and dropped lines are all in text order: one merge.
	q, d := 0, 0
	for i, t := range an.Tokens {
		for q < len(an.Quotes) && an.Quotes[q].End <= t.Start {
			q++
		}
		for d < len(an.Dropped) && an.Dropped[d].End <= t.Start {
			d++
		}
		switch {
		case d < len(an.Dropped) && an.Dropped[d].Start <= t.Start:
			an.Voices[i] = Boilerplate
		case q < len(an.Quotes) && an.Quotes[q].Start <= t.Start:
			an.Voices[i] = Quoted
		}
	}
	return an
}

// VoiceAt returns the voice at byte offset off of the analysed text.
func (an *Analysis) VoiceAt(off int) Voice {
	i := sort.Search(len(an.Tokens), func(i int) bool { return an.Tokens[i].End > off })
	if i < len(an.Tokens) && an.Tokens[i].Start <= off {
		return an.Voices[i]
	}
	return Own
}
