package framing

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/framingkit/framing/internal/threadtime"
)

// TestScoreIsLinear scores documents of hostile shapes at two sizes, n and
// 8n: a step that is linear in the text takes about 8 times as long on the
// larger one, a quadratic one about 64 times. The test fails above 24, a
// margin wide enough for a busy machine (each time is the CPU time of the
// test's thread, the best of five, the sizes taken in turns).
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
		{"trailing attributions in one sentence", "the war, the ministry said, "},
		{"naming verbs in one sentence", "Moscow calls it a special military operation and "},
		{"relative clauses in one sentence", "invasion, which Moscow calls an operation, "},
		{"Russian attributions in one sentence", "операция, заявил Песков, "},
		{"single quotes never closed", "‘a "},
		{"apostrophes and single quotes", "rock 'n' roll 'war' soldiers' "},
		{"negations in one sentence", "not a war and no invasion "},
		{"the agency said", "the agency said "},
		{"generic sources", "Officials and "},
	}
	sc := NewScorer(builtinMatcher(t))
	// timeOf is the CPU time of one scoring of text on this thread: what
	// other processes do to the machine leaves it nearly alone, where it
	// would stretch wall time.
	timeOf := func(t *testing.T, text string) time.Duration {
		start := threadTime(t)
		sc.Score(Document{ID: "x", Text: text})
		return threadTime(t) - start
	}
	const n = 64 << 10
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			runtime.LockOSThread() // the thread clock must be one thread's
			defer runtime.UnlockOSThread()
			small := strings.Repeat(s.unit, n/len(s.unit))
			large := strings.Repeat(s.unit, 8*n/len(s.unit))
			// The best of five, taken in turns, so that a busy moment of
			// the machine slows both sizes alike or neither.
			a, b := time.Duration(1<<62), time.Duration(1<<62)
			for range 5 {
				a, b = min(a, timeOf(t, small)), min(b, timeOf(t, large))
			}
			if ratio := float64(b) / float64(max(a, time.Microsecond)); ratio > 24 {
				t.Errorf("%d bytes took %v, %d bytes %v: %.1f times as long for 8 times the text; want linear", len(small), a, len(large), b, ratio)
			}
		})
	}
}

// threadTime is the CPU time the calling thread has used; the test is
// skipped where it cannot be read.
func threadTime(t *testing.T) time.Duration {
	d, ok := threadtime.Now()
	if !ok {
		t.Skip("no thread CPU clock here")
	}
	return d
}
