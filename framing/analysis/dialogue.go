package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dialogue finds the direct speech of dash dialogue, as Russian and
// Ukrainian write it: a paragraph that opens with a dash (— or –) is a
// speaker's words, and a dash between spaces after a comma, a sentence's
// end or an ellipsis turns to the author's words, the next such dash back:
//
//	— Мы продолжим, — заявил он. — Цели будут достигнуты.
//
// holds two spans of speech, each from its dash to the comma or period
// before the author's dash, and the author's "заявил он" between them.
// Paragraphs are those of Quotes. The spans are in text order.
func Dialogue(text string) []Span {
	var spans []Span
	blankLines := hasBlankLine(text)
	for start := 0; start < len(text); {
		end := paragraphEnd(text, start, blankLines)
		spans = dialogueIn(text, start, end, spans)
		start = end + 1
	}
	return spans
}

// paragraphEnd is the offset of the line break that ends the paragraph
// starting at start (len(text) for the last): every line break in a text
// without blank lines, else a break before a blank line.
func paragraphEnd(text string, start int, blankLines bool) int {
	for i := nextLineBreak(text, start); i >= 0; i = nextLineBreak(text, i+1) {
		if !blankLines || blankLineAt(text, i) {
			return i
		}
	}
	return len(text)
}

// dialogueIn appends the speech spans of the paragraph text[start:end] to
// spans, if it opens with a dash.
func dialogueIn(text string, start, end int, spans []Span) []Span {
	// A paragraph after a blank line starts at that line's break: skip it
	// with the spaces, or only a text's first paragraph could be speech.
	p := start
	for p < end && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' || text[p] == '\n') {
		p++
	}
	if !isDash(text, p) {
		return spans
	}
	speech, from := true, p // the span of speech starts with its dash
	for i := p + 1; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if (r == '—' || r == '–') && turns(text, start, i, end) {
			if speech {
				spans = append(spans, Span{Start: from, End: trimEnd(text, from, i)})
			} else {
				from = i
			}
			speech = !speech
		}
		i += size
	}
	if speech {
		spans = append(spans, Span{Start: from, End: trimEnd(text, from, end)})
	}
	return spans
}

// isDash reports an em or en dash at i.
func isDash(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == '—' || r == '–'
}

// turns reports whether the dash at i turns between speech and the
// author's words: spaces around it, and before it a comma, a sentence's
// end, an ellipsis or a closing quotation mark.
func turns(text string, start, i, end int) bool {
	size := utf8.RuneLen('—')
	if i+size < end {
		if after, _ := utf8.DecodeRuneInString(text[i+size:]); !unicode.IsSpace(after) {
			return false
		}
	}
	j := i
	for j > start && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == i { // no space before the dash: a hyphen-like dash in a word
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[start:j])
	return strings.ContainsRune(",.!?…»”\"", before)
}

// trimEnd is end less the spaces before it, not before from.
func trimEnd(text string, from, end int) int {
	for end > from && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	return end
}

// mergeSpans merges two lists of spans in text order into one, spans that
// overlap or touch made one.
func mergeSpans(a, b []Span) []Span {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	all := make([]Span, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var s Span
		if j >= len(b) || i < len(a) && a[i].Start <= b[j].Start {
			s, i = a[i], i+1
		} else {
			s, j = b[j], j+1
		}
		if n := len(all); n > 0 && s.Start <= all[n-1].End {
			all[n-1].End = max(all[n-1].End, s.End)
			continue
		}
		all = append(all, s)
	}
	return all
}
