package framing

import (
	"strings"
	"testing"
	"time"
)

// TestScoreIsLinear scores documents of hostile shapes at two sizes, n and
// 8n: a step that is linear in the text takes about 8 times as long on the
// larger one, a quadratic one about 64 times. The test fails above 24, a
// margin wide enough for a busy machine (each time is the best of five, the sizes taken in turns).
// Before quotation matching was made linear, 0.25, 0.5 and 1 MB of opening
// quotation marks without a closer took 3.7, 14.2 and 47.9 s.
func TestScoreIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times whole documents")
	}
	shapes := []struct{ name, unit string }{
		{"opening curly marks, never closed", "“a "},
		{"opening guillemets, never closed", "«a "},
		{"low marks, never closed", "„a "},
		{"opening straight marks, never closed", ` "a`},
		{"closing marks without openers", "a” "},
		{"nested guillemets and low marks", "«a „b "},
		{"quotations on dropped lines", "Share\n“invasion”\n"},
		{"short quotations", `He said “war”. `},
		{"one endless sentence", "invasion mutiny special military operation and "},
		{"lines of navigation", "All news\n"},
		{"repeated long lines", "the same line of eight words or more again\n"},
		{"blank lines", "\n\n\n\"a\n"},
		{"appeal markers", "support us donate monthly your support\n"},
		{"captions", "A photo. Valery Sharifulin / TASS\n"},
		// One endless sentence of attributions, names and labels: the
		// reliability rules look back and ahead within a sentence.
		{"attributions in one sentence", "and Peskov said "},
		{"pronoun attributions in one sentence", "and he said "},
		{"according to in one sentence", "according to "},
		{"capitalised names in one sentence", "Ivan Petrov Sergey "},
		{"state media in one sentence", "state media KCNA "},
		{"distancing in one sentence", "so-called "},
		{"the agency said", "the agency said "},
		{"generic sources", "Officials and "},
	}
	sc := NewScorer(builtinMatcher(t))
	// timeOf times one scoring of text.
	timeOf := func(text string) time.Duration {
		start := time.Now()
		sc.Score(Document{ID: "x", Text: text})
		return time.Since(start)
	}
	const n = 64 << 10
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			small := strings.Repeat(s.unit, n/len(s.unit))
			large := strings.Repeat(s.unit, 8*n/len(s.unit))
			// The best of five, taken in turns, so that a busy moment of
			// the machine slows both sizes alike or neither.
			a, b := time.Duration(1<<62), time.Duration(1<<62)
			for range 5 {
				a, b = min(a, timeOf(small)), min(b, timeOf(large))
			}
			if ratio := float64(b) / float64(max(a, time.Microsecond)); ratio > 24 {
				t.Errorf("%d bytes took %v, %d bytes %v: %.1f times as long for 8 times the text; want linear", len(small), a, len(large), b, ratio)
			}
		})
	}
}
