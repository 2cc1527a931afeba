package analysis

import (
	"slices"
	"sort"
	"strings"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// Input is a text to analyse and what its reader knows about it.
type Input struct {
	Text string
	// Header is a scraper's metadata line at the start of Text (see
	// Header), dropped as "metadata"; the zero Span when there is none.
	Header Span
	// Exclude are spans not to count, dropped as "syndicated": another
	// outlet's copy of a story counted in an earlier outlet's document.
	Exclude []Span
}

// Analysis is a text taken apart: its word tokens, each with its offsets
// into the text and its voice, the quotation spans, and the parts dropped
// from counts.
type Analysis struct {
	Tokens        []token.Token
	Quotes        []Span
	QuoteProblems []QuoteProblem
	Dropped       []Dropped
	// Reported are the stretches of indirect speech, in order; Cues the
	// voice words found (speech verbs, distancing markers, negations).
	Reported []Reported
	Cues     []Cue
	// words are the language's single-word voice cues (wordKind).
	words *wordSets
}

// Analyzer takes texts apart, one step after another:
//
//	tokens      token.Tokenizer: sentences and normalised words, with offsets
//	quotations  Quotes: direct quotation spans, marks included, less names in
//	            quotation marks (ЧВК «Вагнер»); Dialogue: dash dialogue, in
//	            languages that write it
//	            SingleQuotes: ‘single’ quotation marks that open and close
//	            like quotes, apostrophes left alone
//	boilerplate LineRules: lines of site furniture, by the language pack
//	voice       Voices: Boilerplate, else Quoted, else Own, on every token;
//	            then report: Reported for indirect speech, by the pack's
//	            speech verbs and frames (see report)
//
// It is not safe for concurrent use; make one per goroutine.
type Analyzer struct {
	tok   *token.Tokenizer
	lines *LineRules
	// dialogue: the language writes dash dialogue (lang.Quotes).
	dialogue bool
	// names tells names in quotation marks from quotations; nil for a
	// language that does not write names so.
	names *nameRule
	// voice finds reported speech, distancing and negation; nil for a
	// language without the words.
	voice *voiceRules
}

// New returns an Analyzer for text in the language of pack p.
func New(p *lang.Pack) (*Analyzer, error) {
	lines, err := NewLineRules(p)
	if err != nil {
		return nil, err
	}
	tok := token.NewTokenizer()
	rules := token.SentenceRules{Abbreviations: map[string]bool{}, Initials: p.Sentences.Initials}
	for _, a := range p.Sentences.Abbreviations {
		for _, t := range tok.Tokenize(a) {
			rules.Abbreviations[t.Norm] = true
		}
	}
	tok.SetSentenceRules(rules)
	voice, err := newVoiceRules(p)
	if err != nil {
		return nil, err
	}
	return &Analyzer{tok: tok, lines: lines, dialogue: p.Quotes.DashDialogue, names: newNameRule(p), voice: voice}, nil
}

// Analyze takes in apart.
func (a *Analyzer) Analyze(in Input) *Analysis { return a.AnalyzeInto(nil, in) }

// AnalyzeInto is Analyze writing over the token slice of reuse, when not
// nil: for a caller that analyses one document after another and is done
// with the last analysis. The token slice is most of what an analysis
// allocates, nine bytes per byte of text.
func (a *Analyzer) AnalyzeInto(reuse *Analysis, in Input) *Analysis {
	an := &Analysis{}
	if reuse != nil {
		an.Tokens = a.tok.Append(reuse.Tokens[:0], in.Text)
	} else {
		an.Tokens = a.tok.Tokenize(in.Text)
	}
	an.Quotes, an.QuoteProblems = Quotes(in.Text)
	an.Quotes = a.names.names(in.Text, an.Tokens, an.Quotes)
	if a.dialogue {
		an.Quotes = mergeSpans(an.Quotes, Dialogue(in.Text))
	}
	an.Quotes = mergeSpans(an.Quotes, SingleQuotes(in.Text, an.Quotes))
	an.Dropped = a.lines.Drop(in.Text, an.Tokens, an.Quotes, in.Header)
	if len(in.Exclude) > 0 {
		for _, sp := range in.Exclude {
			an.Dropped = append(an.Dropped, Dropped{Line: 1 + strings.Count(in.Text[:sp.Start], "\n"), Span: sp, Reason: ReasonSyndicated})
		}
		// Voices walks the dropped spans in text order.
		slices.SortStableFunc(an.Dropped, func(x, y Dropped) int { return x.Start - y.Start })
	}
	Voices(an.Tokens, an.Quotes, an.Dropped)
	if a.voice != nil {
		an.Cues, an.words = a.voice.cues(an.Tokens), &a.voice.words
		an.Reported = a.voice.report(in.Text, an.Tokens, an.Cues)
	}
	return an
}

// Voices gives every token its voice: Boilerplate when it starts inside a
// dropped span, else Quoted inside a quotation, else Own. Tokens, quotes
// and dropped spans are all in text order, so it is one merge.
func Voices(toks []token.Token, quotes []Span, dropped []Dropped) {
	q, d := 0, 0
	for i := range toks {
		t := &toks[i]
		for q < len(quotes) && quotes[q].End <= t.Start {
			q++
		}
		for d < len(dropped) && dropped[d].End <= t.Start {
			d++
		}
		switch {
		case d < len(dropped) && dropped[d].Start <= t.Start:
			t.Voice = token.Boilerplate
		case q < len(quotes) && quotes[q].Start <= t.Start:
			t.Voice = token.Quoted
		default:
			t.Voice = token.Own
		}
	}
}

// VoiceAt returns the voice at byte offset off of the analysed text.
func (an *Analysis) VoiceAt(off int) token.Voice {
	i := sort.Search(len(an.Tokens), func(i int) bool { return an.Tokens[i].End > off })
	if i < len(an.Tokens) && an.Tokens[i].Start <= off {
		return an.Tokens[i].Voice
	}
	return token.Own
}

// TokensIn counts the tokens that start inside span.
func (an *Analysis) TokensIn(span Span) int {
	lo := sort.Search(len(an.Tokens), func(i int) bool { return an.Tokens[i].Start >= span.Start })
	hi := sort.Search(len(an.Tokens), func(i int) bool { return an.Tokens[i].Start >= span.End })
	return hi - lo
}
