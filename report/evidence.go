package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/token"
)

// Snippet is one hit in context, for a reader to check a count by eye.
type Snippet struct {
	Doc   string      `json:"doc"`
	Voice token.Voice `json:"voice"`
	Start int         `json:"start"` // byte offset of the match in the document
	Left  string      `json:"left"`
	Match string      `json:"match"`
	Right string      `json:"right"`
}

// EvidenceSample keeps the first few snippets of every group and label, in
// corpus order: a capped sample, so its size is bounded by groups × labels,
// not by the corpus.
type EvidenceSample struct {
	PerCell int // snippets kept per group and label
	Context int // characters of context on each side
	cells   map[evidenceKey][]Snippet
}

type evidenceKey struct{ group, label string }

// NewEvidenceSample keeps up to perCell snippets per group and label, with
// context characters on each side.
func NewEvidenceSample(perCell, context int) *EvidenceSample {
	return &EvidenceSample{PerCell: perCell, Context: context, cells: map[evidenceKey][]Snippet{}}
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
			Left:  strings.Clone(LeftContext(doc.Text, h.Start, e.Context)),
			Match: strings.Clone(OneLine(h.Text)),
			Right: strings.Clone(RightContext(doc.Text, h.End, e.Context)),
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
