package reliability

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/internal/threadtime"
	"github.com/framingkit/framing/lexicon"
)

// BenchmarkMeasure measures the sourcing of a corpus's documents, analysed
// beforehand: Measure alone, one Measurer per language as a scorer has.
// The corpus is FRAMING_BENCH_CORPUS's first 5 MB (FRAMING_BENCH_MB) (go run ./bench/gen -mb
// 20 > c.jsonl), else the seeds and testdata/ruuk. hot=true reads each
// document's tokens (untimed) before measuring it, as a run has just made
// them; hot=false measures documents one after another, their tokens
// long out of the cache.
func BenchmarkMeasure(b *testing.B) {
	ins, size := benchInputs(b)
	sm := builtinStateMedia(b)
	measurers := map[string]*Measurer{}
	for _, hot := range []bool{false, true} {
		b.Run(fmt.Sprintf("hot=%v", hot), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, in := range ins {
					m := measurers[in.pack.Language]
					if m == nil {
						m = NewMeasurer(in.pack, sm)
						measurers[in.pack.Language] = m
					}
					if hot {
						// As in a run, where the document's tokens were
						// just made and matched: in the cache.
						b.StopTimer()
						warm(in)
						b.StartTimer()
					}
					m.Measure(in.text, in.an, in.hits, in.loaded, in.outlet)
				}
			}
		})
	}
}

// warmth is what warm reads, kept so that the reading is not optimised
// away.
var warmth int

// warm reads every token of a document, as the scorer's steps before the
// measures have.
func warm(in input) {
	for _, t := range in.an.Tokens {
		warmth += len(t.Norm) + len(t.Form) + int(t.Voice) + int(t.Sentence)
	}
}

// builtinStateMedia is the state media of the built-in outlets list.
func builtinStateMedia(tb testing.TB) *StateMedia {
	tb.Helper()
	outlets, err := corpus.BuiltinOutlets()
	if err != nil {
		tb.Fatal(err)
	}
	sm, err := NewStateMedia(outlets)
	if err != nil {
		tb.Fatal(err)
	}
	return sm
}

// BenchmarkMeasureAgainstReference measures each document with Measure and
// with the measures as they were (refMeasure), in turn, its tokens read
// just before each (as in BenchmarkMeasure/hot=true), and reports the time
// of each and their ratio: taken document by document, and in the CPU time
// of the thread, the ratio holds when the machine's speed drifts or other
// programs take its processors. The garbage collector's background work is
// in neither (the reference allocates more).
func BenchmarkMeasureAgainstReference(b *testing.B) {
	ins, size := benchInputs(b)
	sm := builtinStateMedia(b)
	type rules struct {
		m   *Measurer
		ref *refWords
		enc lexicon.Encoded
	}
	langs := map[string]*rules{}
	var took [2]time.Duration // Measure's, refMeasure's
	b.SetBytes(int64(size))
	runtime.LockOSThread() // for threadtime.Now
	defer runtime.UnlockOSThread()
	if _, ok := threadtime.Now(); !ok {
		b.Skip("no thread CPU clock here: a wall-clock comparison on a shared machine would mislead")
	}
	for b.Loop() {
		for k, in := range ins {
			r := langs[in.pack.Language]
			if r == nil {
				r = &rules{m: NewMeasurer(in.pack, sm), ref: newRefWords(in.pack)}
				langs[in.pack.Language] = r
			}
			for j := range 2 {
				which := (k + j) % 2 // each goes first every other document
				warm(in)
				start, _ := threadtime.Now()
				if which == 0 {
					r.m.Measure(in.text, in.an, in.hits, in.loaded, in.outlet)
				} else {
					refMeasure(r.ref, sm, &r.enc, in.text, in.an, in.hits, in.loaded, in.outlet)
				}
				end, _ := threadtime.Now()
				took[which] += end - start
			}
		}
	}
	b.ReportMetric(float64(took[0].Nanoseconds())/float64(b.N), "measure-ns/op")
	b.ReportMetric(float64(took[1].Nanoseconds())/float64(b.N), "reference-ns/op")
	b.ReportMetric(float64(took[0])/float64(took[1]), "measure/reference")
}

// benchInputs are the documents the benchmarks measure, analysed, and
// their bytes.
func benchInputs(b *testing.B) (ins []input, size int) {
	paths := []string{"../../testdata/seeds", "../../testdata/ruuk"}
	if p := os.Getenv("FRAMING_BENCH_CORPUS"); p != "" {
		paths = []string{p}
	}
	limit := 5 << 20
	if mb, err := strconv.Atoi(os.Getenv("FRAMING_BENCH_MB")); err == nil {
		limit = mb << 20
	}
	p := newPreparer(b)
	for _, d := range readCorpus(b, limit, paths...) {
		ins = append(ins, p.prepare(b, d.Text, d.Lang, d.Outlet))
		size += len(d.Text)
	}
	return ins, size
}
