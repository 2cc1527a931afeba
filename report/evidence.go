package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"
	"github.com/clipperhouse/uax29/v2/words"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/token"
)

// Snippet is one hit in context, for a reader to check a count by eye.
type Snippet struct {
	Doc string `json:"doc"`
	// Title, Outlet, Date and URL name the document for a reader.
	Title  string      `json:"title,omitempty"`
	Outlet string      `json:"outlet,omitempty"`
	Date   string      `json:"date,omitempty"`
	URL    string      `json:"url,omitempty"`
	Voice  token.Voice `json:"voice"`
	Start  int         `json:"start"` // byte offset of the match in the document
	Left   string      `json:"left"`
	Match  string      `json:"match"`
	Right  string      `json:"right"`
}

// EvidenceSample keeps the first few snippets of every group and label, in
// corpus order: a capped sample, so its size is bounded by groups × labels,
// not by the corpus.
type EvidenceSample struct {
	PerCell int // snippets kept per group and label
	Window  int // words of context on each side (quanteda's kwic window)
	cells   map[evidenceKey][]Snippet
}

type evidenceKey struct{ group, label string }

// NewEvidenceSample keeps up to perCell snippets per group and label, with
// window words on each side.
func NewEvidenceSample(perCell, window int) *EvidenceSample {
	return &EvidenceSample{PerCell: perCell, Window: window, cells: map[evidenceKey][]Snippet{}}
}

// Add samples the label hits of one scored document (own and quoted voice).
func (e *EvidenceSample) Add(group string, doc framing.Document, s *framing.Score) {
	for _, h := range s.Hits {
		if h.Label == "" || h.Voice == token.Boilerplate {
			continue
		}
		k := evidenceKey{group, h.Label}
		if len(e.cells[k]) >= e.PerCell {
			continue
		}
		// Copies: a snippet may be a slice of the document's text, and the
		// sample outlives the document.
		e.cells[k] = append(e.cells[k], Snippet{
			Doc: strings.Clone(s.ID), Voice: h.Voice, Start: h.Start,
			Title: strings.Clone(OneLine(s.Title)), Outlet: strings.Clone(s.Outlet), Date: strings.Clone(s.Date), URL: strings.Clone(s.URL),
			Left:  strings.Clone(LeftWords(doc.Text, h.Start, e.Window)),
			Match: strings.Clone(OneLine(h.Text)),
			Right: strings.Clone(RightWords(doc.Text, h.End, e.Window)),
		})
	}
}

// Snippets returns the sample of a group and label.
func (e *EvidenceSample) Snippets(group, label string) []Snippet {
	return e.cells[evidenceKey{group, label}]
}

// LeftContext returns up to n characters of text before offset off, on one
// line. A character is what a reader sees as one (a grapheme cluster,
// UAX #29): a letter with its stress mark is never cut from it.
func LeftContext(text string, off, n int) string {
	if n <= 0 {
		return ""
	}
	// The clusters of a window of runes before off, of which the last n
	// are kept; a window that starts inside a cluster (it does not reach
	// the text's start) loses its first, possibly partial, cluster.
	from := off
	for k := 0; k < 4*n+4 && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	var starts []int
	it := graphemes.FromString(text[from:off])
	for it.Next() {
		starts = append(starts, from+it.Start())
	}
	if from > 0 && len(starts) > 0 {
		starts = starts[1:]
	}
	start := off
	if len(starts) > 0 {
		start = starts[max(0, len(starts)-n)]
	}
	s := OneLine(text[start:off])
	if s != "" && endsSpace(text[start:off]) {
		s += " " // keep the space before the hit, so context and hit read as words
	}
	return s
}

// RightContext returns up to n characters (grapheme clusters, as
// LeftContext) of text after offset off, on one line.
func RightContext(text string, off, n int) string {
	end := off
	it := graphemes.FromString(text[off:])
	for k := 0; k < n && it.Next(); k++ {
		end = off + it.End()
	}
	s := OneLine(text[off:end])
	if s != "" && startsSpace(text[off:end]) {
		s = " " + s
	}
	return s
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// OneLine folds line breaks and runs of white space into single spaces.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// LeftWords returns the n words of text before offset off, with what stands
// between them, on one line: quanteda's kwic(window = n). Words are found
// by Unicode word segmentation (UAX #29), as the tokeniser finds them, so a
// window never cuts a word or a character in two.
func LeftWords(text string, off, n int) string {
	if n <= 0 {
		return ""
	}
	// A bounded stretch before off holds the window in any real text; the
	// segmentation starts at a line start or the stretch's first word
	// boundary.
	from := max(off-64*n-64, 0)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from++
	}
	var starts []int
	ws := words.FromString(text[from:off])
	for ws.Next() {
		if token.IsWord(ws.Value()) {
			starts = append(starts, from+ws.Start())
		}
	}
	if from > 0 && len(starts) > 0 {
		starts = starts[1:] // the first may be the tail of a word cut by the stretch
	}
	if len(starts) == 0 {
		return ""
	}
	return oneLineKeepEdges(text[starts[max(len(starts)-n, 0)]:off])
}

// RightWords returns the n words of text after offset off, with what
// stands between them, on one line (see LeftWords).
func RightWords(text string, off, n int) string {
	if n <= 0 {
		return ""
	}
	to := min(off+64*n+64, len(text))
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	end, count := off, 0
	ws := words.FromString(text[off:to])
	for ws.Next() && count < n {
		if token.IsWord(ws.Value()) {
			end = off + ws.End()
			count++
		}
	}
	return oneLineKeepEdges(text[off:end])
}

// oneLineKeepEdges is OneLine, but a space at either end stays (one), so
// that a window joins its hit as the text did.
func oneLineKeepEdges(s string) string {
	out := OneLine(s)
	if out == "" {
		return ""
	}
	if first, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(first) {
		out = " " + out
	}
	if last, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(last) {
		out += " "
	}
	return out
}
