package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
)

// Span is a byte range [Start, End) of a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// QuoteProblem is a quotation mark that could not be paired; its text is
// treated as the outlet's own voice.
type QuoteProblem struct {
	Offset int    `json:"offset"` // byte offset of the mark
	Msg    string `json:"msg"`    // what was wrong
}

// openQuote is a quotation mark waiting for its closer.
type openQuote struct {
	at     int  // byte offset of the opening mark
	open   rune // the mark as written
	closer rune // the mark that closes it
}

// closerFor maps each opening mark to its closing mark. „ is closed by “ in
// German typography and by ” in Polish; both are accepted (see Quotes).
var closerFor = map[rune]rune{
	'“': '”',
	'„': '“',
	'«': '»',
	'"': '"',
}

// Quotes returns the spans of direct quotation in text, marks included, in
// order and without overlap (a nested quotation is inside its outer span).
//
// Curly marks “ ”, guillemets « » and low-high „ “ pair unambiguously; a
// straight " opens or closes by what stands around it (after a space or at
// a line start it opens, before a space or punctuation it closes). A
// quotation may run over paragraphs in news style: a paragraph that ends
// inside a quotation continues it when the next paragraph opens with a
// quotation mark. Paragraphs are separated by blank lines in text that has
// any, else by every line break (a single break in text with blank lines is
// a wrapped line). A quotation still open at a paragraph end that does not
// continue is not a quotation: its mark is reported as a problem and its
// words stay in the outlet's voice, because hiding an outlet's own words is
// the worse error for a framing count.
func Quotes(text string) (spans []Span, problems []QuoteProblem) {
	return quotes(text, false)
}

// quotes is Quotes decoding only the runes that start with one of
// quoteBytes, or, with every, every rune (the tests check that passing
// the others changes nothing).
func quotes(text string, every bool) (spans []Span, problems []QuoteProblem) {
	var stack []openQuote
	// open counts the quotations on the stack by their closer, so that a
	// mark nothing on the stack waits for is known at once: searching the
	// stack for it made a text of opening marks without closers quadratic.
	// A search that finds its quotation pops what it passed, so searches
	// cost, in all, no more than the marks pushed.
	var open waiting
	push := func(q openQuote) {
		stack = append(stack, q)
		open[slot(q.closer)]++
		if q.open == '„' {
			open[slot('”')]++ // „ is closed by ” as well (Polish)
		}
	}
	closeAt := func(k, end int) {
		for _, q := range stack[k:] {
			open[slot(q.closer)]--
			if q.open == '„' {
				open[slot('”')]--
			}
		}
		spans = closeQuote(spans, &stack, k, end)
	}
	// Text with blank lines between paragraphs may wrap lines inside one;
	// text without them has one paragraph a line.
	blankLines := hasBlankLine(text)
	marks := newNextByte(text, quoteBytes)
	for i := 0; i < len(text); {
		if !every {
			// No rune the loop acts on starts before the next of quoteBytes.
			if i = marks.from(i); i == len(text) {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if len(stack) > 0 && !(blankLines && !blankLineAt(text, i)) {
				next, nextSize := nextParagraphStart(text, i)
				if next >= 0 && isOpeningAt(text, next, stack[0].open) {
					// Continued quotation: skip the repeated opening mark.
					i = next + nextSize
					continue
				}
				for _, q := range stack {
					problems = append(problems, QuoteProblem{Offset: q.at, Msg: "quotation not closed by the end of its paragraph"})
				}
				stack = stack[:0]
				open = waiting{}
			}
		case r == '"':
			before, after := runeBefore(text, i), runeAfter(text, i+size)
			opens := opensAt(before, after)
			top := -1
			if n := len(stack); n > 0 && stack[n-1].closer == '"' {
				top = n - 1
			}
			switch {
			case top >= 0 && (!opens || closesAt(before, after)):
				closeAt(top, i+size)
			case opens:
				push(openQuote{at: i, open: r, closer: '"'})
			default:
				problems = append(problems, QuoteProblem{Offset: i, Msg: "closing quotation mark without an opening one"})
			}
		case r == '”' || r == '“' || r == '»':
			if k := findCloser(stack, &open, r); k >= 0 {
				closeAt(k, i+size)
			} else if c, ok := closerFor[r]; ok && r != '”' {
				push(openQuote{at: i, open: r, closer: c})
			} else {
				problems = append(problems, QuoteProblem{Offset: i, Msg: "closing quotation mark without an opening one"})
			}
		case r == '„' || r == '«':
			push(openQuote{at: i, open: r, closer: closerFor[r]})
		}
		i += size
	}
	for _, q := range stack {
		problems = append(problems, QuoteProblem{Offset: q.at, Msg: "quotation not closed by the end of the text"})
	}
	return spans, problems
}

// quoteBytes are the bytes that start a rune Quotes acts on: a line break,
// ", and the lead bytes of “ ” „ (E2) and « » (C2). Other bytes are passed
// without decoding: a lead byte is never part of another rune, so a rune
// Quotes acts on starts at the same offset either way, even in invalid
// UTF-8.
const quoteBytes = "\n\"\xC2\xE2"

// findCloser returns the index of the innermost open quotation that r
// closes, or -1. „ accepts ” as well as “. open counts the quotations on
// the stack that each mark closes.
func findCloser(stack []openQuote, open *waiting, r rune) int {
	if open[slot(r)] == 0 {
		return -1
	}
	for k := len(stack) - 1; k >= 0; k-- {
		q := stack[k]
		if q.closer == r || q.open == '„' && r == '”' {
			return k
		}
	}
	return -1
}

// waiting counts open quotations by the mark that closes them (slot).
type waiting [4]int

// slot numbers the closing marks: ” “ » and ".
func slot(closer rune) int {
	switch closer {
	case '”':
		return 0
	case '“':
		return 1
	case '»':
		return 2
	}
	return 3
}

// closeQuote closes stack[k] (and any quotations opened inside it) at end;
// only an outermost quotation becomes a span.
func closeQuote(spans []Span, stack *[]openQuote, k, end int) []Span {
	if k == 0 {
		spans = append(spans, Span{Start: (*stack)[0].at, End: end})
	}
	*stack = (*stack)[:k]
	return spans
}

// hasBlankLine reports whether text separates paragraphs by blank lines.
func hasBlankLine(text string) bool {
	for i := nextLineBreak(text, 0); i >= 0; i = nextLineBreak(text, i+1) {
		if blankLineAt(text, i) {
			return true
		}
	}
	return false
}

// nextLineBreak is the offset of the first '\n' of text at or after i,
// or -1.
func nextLineBreak(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return -1
}

// blankLineAt reports whether the line break at i is followed by a line of
// nothing but spaces (or the end of the text).
func blankLineAt(text string, i int) bool {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// nextParagraphStart returns the offset and size of the first non-space rune
// after the line break at i, or -1.
func nextParagraphStart(text string, i int) (int, int) {
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !lang.IsSpace(r) {
			return j, size
		}
		j += size
	}
	return -1, 0
}

// isOpeningAt reports whether the mark at text[j] opens a quotation of the
// same style as open.
func isOpeningAt(text string, j int, open rune) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	return r == open
}

func runeBefore(text string, i int) rune {
	if i == 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func runeAfter(text string, i int) rune {
	if i >= len(text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// opensAt says whether a straight quote between before and after looks like
// an opening mark: it follows a space, a line start or opening punctuation,
// and a word or another mark follows it.
func opensAt(before, after rune) bool {
	return (lang.IsSpace(before) || unicode.Is(unicode.Ps, before) || unicode.Is(unicode.Pi, before) || before == '-' || before == '—' || before == '–' || before == '/') &&
		!lang.IsSpace(after)
}

// closesAt says whether a straight quote looks like a closing mark: a word
// or punctuation stands before it and a space, punctuation or the end after.
func closesAt(before, after rune) bool {
	return !lang.IsSpace(before) && (lang.IsSpace(after) || unicode.IsPunct(after))
}
