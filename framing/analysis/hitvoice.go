package analysis

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/token"
)

// The voice of a hit beyond its words' voice: distancing and negation
// read the cues right before it; Why says what gave it its voice.

// DistancedBy returns the distancing marker right before the hit whose
// first token is first ("so-called", «так называемая»), if there is one.
func (an *Analysis) DistancedBy(text string, first int) (string, bool) {
	for c := range an.cuesEndingBefore(first, 2) {
		// Right before it, or with an article between: "what it calls a
		// special military operation".
		if c.Kind == CueDistancing && (c.End == first || an.cueAt(CueFiller, c.End)) {
			return text[an.Tokens[c.First].Start:an.Tokens[c.End-1].End], true
		}
	}
	return "", false
}

// MarkerVoice is the voice of the distancing marker of DistancedBy: a
// quotation after a marker outside it ("so-called «…»") is scare quotes.
func (an *Analysis) MarkerVoice(first int) token.Voice {
	for c := range an.cuesEndingBefore(first, 2) {
		if c.Kind == CueDistancing {
			return an.Tokens[c.First].Voice
		}
	}
	return token.Own
}

// NegatedBy returns the negation that denies the hit whose first token is
// first: a negation word at most maxNegationGap tokens before it, in its
// clause, not followed by a word that makes it no denial ("not only").
func (an *Analysis) NegatedBy(text string, first int) (string, bool) {
	for c := range an.cuesEndingBefore(first, maxNegationGap+1) {
		if c.Kind != CueNegation || an.Tokens[c.First].Sentence != an.Tokens[first].Sentence {
			continue
		}
		if an.cueAt(CueNotNegation, c.End) || breakBetween(text, an.Tokens[c.End-1].End, an.Tokens[first].Start) {
			continue
		}
		fillers := true // "not a war", not "not to prosecute PMC Wagner"
		for i := c.End; i < first; i++ {
			fillers = fillers && an.cueAt(CueFiller, i)
		}
		if !fillers {
			continue
		}
		return text[an.Tokens[c.First].Start:an.Tokens[c.End-1].End], true
	}
	return "", false
}

// cuesEndingBefore are the cues that end within within tokens before
// first (End in [first-within+1, first]), nearest first. A hit asks for
// them three times (distancing, its marker's voice, negation): they are
// yielded, not collected.
func (an *Analysis) cuesEndingBefore(first, within int) iter.Seq[Cue] {
	return func(yield func(Cue) bool) {
		hi, _ := slices.BinarySearchFunc(an.Cues, first, func(c Cue, i int) int { return c.First - i })
		for k := hi - 1; k >= 0 && an.Cues[k].First >= first-within-4; k-- {
			if c := an.Cues[k]; c.End <= first && c.End > first-within && !yield(c) {
				return
			}
		}
	}
}

func (an *Analysis) cueAt(kind, i int) bool {
	if wordKind(kind) {
		return i >= 0 && i < len(an.Tokens) && an.words.has(kind, an.Tokens[i])
	}
	k, _ := slices.BinarySearchFunc(an.Cues, i, func(c Cue, i int) int { return c.First - i })
	for ; k < len(an.Cues) && an.Cues[k].First == i; k++ {
		if an.Cues[k].Kind == kind {
			return true
		}
	}
	return false
}

// ReportedAt is the stretch of reported speech holding byte offset off.
func (an *Analysis) ReportedAt(off int) (Reported, bool) {
	k, found := slices.BinarySearchFunc(an.Reported, off, func(r Reported, off int) int { return r.Start - off })
	if !found {
		k-- // the stretch starting before off
	}
	if k >= 0 && k < len(an.Reported) && an.Reported[k].Start <= off && off < an.Reported[k].End {
		return an.Reported[k], true
	}
	return Reported{}, false
}

// QuoteAt is the quotation holding byte offset off.
func (an *Analysis) QuoteAt(off int) (Span, bool) {
	k, _ := slices.BinarySearchFunc(an.Quotes, off, func(s Span, off int) int {
		if s.End <= off {
			return -1
		}
		if s.Start > off {
			return 1
		}
		return 0
	})
	if k < len(an.Quotes) && an.Quotes[k].Start <= off && off < an.Quotes[k].End {
		return an.Quotes[k], true
	}
	return Span{}, false
}

// Why says why a hit at byte offset off of text has voice v: the marks
// of its quotation, the source and cue of its reported speech, the
// distancing marker; "" for the own voice.
func (an *Analysis) Why(text string, off int, v token.Voice, marker string) string {
	switch v {
	case token.Quoted:
		if q, ok := an.QuoteAt(off); ok {
			open, _ := utf8.DecodeRuneInString(text[q.Start:])
			closeMark, _ := utf8.DecodeLastRuneInString(text[q.Start:q.End])
			if open == '—' || open == '–' {
				return "quoted: dash dialogue"
			}
			return "quoted: " + string(open) + "…" + string(closeMark)
		}
		return "quoted"
	case token.Reported:
		if r, ok := an.ReportedAt(off); ok {
			if r.Source.End > r.Source.Start {
				return "reported: " + shorten(text[r.Source.Start:r.Source.End]) + " … " + r.Cue
			}
			return "reported: " + r.Cue
		}
		return "reported"
	case token.Distanced:
		return "distanced: " + marker
	}
	return ""
}

// shorten keeps a source's first and last word when it is long: its
// fields (strings.Fields), each without the punctuation around it but for
// apostrophes, one space apart, or the first and last of more than three.
// It runs once per reported hit shown as evidence, on a source of a few
// words.
func shorten(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' && r != '’' })
	}
	if len(f) <= 3 {
		return strings.Join(f, " ")
	}
	return f[0] + " … " + f[len(f)-1]
}
