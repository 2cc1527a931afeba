package framing

import (
	"github.com/framingkit/framing/token"

	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/syndication"
	"github.com/framingkit/framing/lexicon"
	"golang.org/x/sync/semaphore"
)

// UnknownOutlet names the outlet of a document that has none in its fields,
// its manifest entry, or its URL's domain in the outlets file.
const UnknownOutlet = "unknown"

// NoContent is the skip reason of a document that has words but all of them
// on boilerplate lines: there is nothing of the article left to score.
const NoContent corpus.Reason = "no-content"

// RunOptions control Run.
type RunOptions struct {
	Corpus corpus.Options
	// Outlets names a document's outlet from its URL's domain when neither
	// the document nor the manifest does, and lists the state media the
	// reliability indicators look for; nil: the built-in list.
	Outlets *corpus.Outlets
	// Syndication, when not nil, indexes every scored document's own-voice
	// text, to find the stories that several outlets ran.
	Syndication *syndication.Index
	// Exclude, when not nil, gives the spans of a document not to count:
	// another outlet's copy of a story (see Dedupe). It is called from
	// several goroutines at once.
	Exclude func(id string) []Span
	// Workers score documents in parallel (0: one per CPU). The results,
	// and their order, are the same for any number.
	Workers int
	// MemoryBudget bounds, in bytes, the working memory of the documents in
	// flight together (0: DefaultMemoryBudget). Scoring a document takes
	// about WorkingMemoryPerByte times its size; a document waits until its
	// share is free, and one larger than the whole budget is scored alone.
	MemoryBudget int64
}

// DefaultMemoryBudget is the working memory of the documents in flight
// when RunOptions does not set one: room for a 64 MB document scored alone
// beside a few small ones, whatever the number of workers.
const DefaultMemoryBudget = 1 << 30

// WorkingMemoryPerByte is what scoring a document holds at once per byte
// of its text, measured: 14 on a 50 MB document of news (its tokens, 56
// bytes each, are 9 of them; matching, hits and evidence the rest), and 16
// with room to spare.
const WorkingMemoryPerByte = 16

// workingMemory is the share of the budget a document of n bytes takes: at
// most the whole budget, so that any document can run.
func workingMemory(n int, budget int64) int64 {
	return min(int64(n)*WorkingMemoryPerByte+minWorkingMemory, budget)
}

// minWorkingMemory is a document's share however short it is: its score,
// slices and maps.
const minWorkingMemory = 64 << 10

// Summary accounts for every document of a run: read = scored + skipped.
type Summary struct {
	Read    int
	Scored  int
	Skipped map[corpus.Reason]int
	// IgnoredFiles counts files in the corpus directories that are not
	// documents (unknown extensions).
	IgnoredFiles int
}

// TotalSkipped is the number of documents and rows skipped for any reason.
func (s Summary) TotalSkipped() int {
	n := 0
	for _, k := range s.Skipped {
		n += k
	}
	return n
}

// String is the run summary line: "read 5, scored 4, skipped 1 (empty 1)".
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d, scored %d, skipped %d", s.Read, s.Scored, s.TotalSkipped())
	if len(s.Skipped) > 0 {
		var parts []string
		for _, r := range slices.Sorted(maps.Keys(s.Skipped)) {
			parts = append(parts, fmt.Sprintf("%s %d", r, s.Skipped[r]))
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	return b.String()
}

// Dedupe reads the corpus at paths once to find syndicated stories, and
// returns the index and the Exclude function of RunOptions that counts each
// story once: in its earliest outlet, with every later copy counting only
// its own additions (its intro, its closing). Skipped documents are
// reported in this pass; the second pass should not report them again.
func Dedupe(paths []string, m *lexicon.Matcher, opt RunOptions, so syndication.Options) (*syndication.Index, func(string) []Span, error) {
	idx := syndication.NewIndex()
	opt.Syndication, opt.Exclude = idx, nil
	if _, err := Run(paths, m, opt, func(Document, *Score) error { return nil }); err != nil {
		return nil, nil, err
	}
	// The index answers one caller at a time; the workers of the second
	// pass ask at once, so the answers are made here, up front.
	copied := map[string][]Span{}
	for _, c := range idx.Clusters(so) {
		for _, mb := range c.Members {
			for _, sp := range idx.Copied(mb.ID, so) {
				copied[mb.ID] = append(copied[mb.ID], Span{Start: sp.Start, End: sp.End})
			}
		}
	}
	exclude := func(id string) []Span { return copied[id] }
	return idx, exclude, nil
}

// Run reads the corpus at paths and scores every document with m, handing
// each document and its score to yield in corpus order. Skipped documents go to
// opt.Corpus.OnSkip and are counted; yield returning an error stops the run.
func Run(paths []string, m *lexicon.Matcher, opt RunOptions, yield func(Document, *Score) error) (Summary, error) {
	return run(func(copts corpus.Options, fn func(corpus.Document) error) (corpus.Summary, error) {
		return corpus.Read(paths, copts, fn)
	}, m, opt, yield)
}

// RunStream is Run over one document file read from in (see
// corpus.ReadStream): for files that are not on this machine, such as a
// Beam pipeline's.
func RunStream(name, rel string, in io.Reader, m *lexicon.Matcher, opt RunOptions, yield func(Document, *Score) error) (Summary, error) {
	return run(func(copts corpus.Options, fn func(corpus.Document) error) (corpus.Summary, error) {
		return corpus.ReadStream(name, rel, in, copts, fn)
	}, m, opt, yield)
}

// source reads documents with the given options, handing each to fn.
type source func(copts corpus.Options, fn func(corpus.Document) error) (corpus.Summary, error)

func run(read source, m *lexicon.Matcher, opt RunOptions, yield func(Document, *Score) error) (Summary, error) {
	workers := opt.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	copts := opt.Corpus
	var skipMu sync.Mutex // the reader and the collector both report skips
	if onSkip := copts.OnSkip; onSkip != nil {
		copts.OnSkip = func(s corpus.Skip) {
			skipMu.Lock()
			defer skipMu.Unlock()
			onSkip(s)
		}
	}

	// The reader hands documents, numbered, to the workers; the collector
	// (this goroutine) puts their scores back in corpus order and yields
	// them. slots bounds the documents in flight, so memory stays flat
	// however long the corpus and however slow one document.
	type job struct {
		seq int
		doc Document
		mem int64 // its share of the memory budget
	}
	type result struct {
		seq int
		mem int64
		doc Document
		sc  *Score
		own []bool // own-voice tokens, for the syndication index
		tok []token.Token
	}
	sm := builtinStateMedia()
	if opt.Outlets != nil {
		var err error
		if sm, err = reliability.NewStateMedia(opt.Outlets); err != nil {
			return Summary{}, err
		}
	}
	budget := opt.MemoryBudget
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	mem := semaphore.NewWeighted(budget)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	inFlight := 4 * workers
	jobs := make(chan job, inFlight)
	results := make(chan result, inFlight)
	slots := make(chan struct{}, inFlight)
	stop := make(chan struct{}) // closed when the collector gives up
	var cs corpus.Summary
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		cs, readErr = read(copts, func(doc corpus.Document) error {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return errStopped
			}
			// Documents take their memory in corpus order, and the
			// collector gives it back in that order, so an earlier document
			// never waits for a later one.
			w := workingMemory(len(doc.Text), budget)
			if mem.Acquire(ctx, w) != nil {
				return errStopped
			}
			jobs <- job{seq, doc, w}
			seq++
			return nil
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := NewScorerWith(m, sm)
			for j := range jobs {
				var exclude []Span
				if opt.Exclude != nil {
					exclude = opt.Exclude(j.doc.ID)
				}
				r := result{seq: j.seq, mem: j.mem, doc: j.doc, sc: s.ScoreExcluding(j.doc, exclude)}
				if opt.Syndication != nil {
					r.tok = slices.Clone(s.last.Tokens) // the scorer reuses its own
					r.own = make([]bool, len(s.last.Tokens))
					for i, t := range s.last.Tokens {
						r.own[i] = t.Voice == Own
					}
				}
				s.dropLarge()
				results <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	sum := Summary{Skipped: map[corpus.Reason]int{}}
	var err error
	pending := map[int]result{}
	next := 0
	handle := func(r result) error {
		sc := r.sc
		if sc.Tokens.Own+sc.Tokens.Quoted == 0 {
			sum.Skipped[NoContent]++
			skip := corpus.Skip{File: r.doc.Source, Reason: NoContent, Msg: "no article text left after dropping boilerplate lines"}
			if copts.OnSkip != nil {
				copts.OnSkip(skip)
			}
			if copts.Strict {
				return skip
			}
			return nil
		}
		if sc.Outlet == "" && opt.Outlets != nil && sc.URL != "" {
			if o, ok := opt.Outlets.ByURL(sc.URL); ok {
				sc.Outlet = o.Name
			}
		}
		if sc.Outlet == "" {
			sc.Outlet = UnknownOutlet
		}
		if opt.Syndication != nil {
			opt.Syndication.Add(sc.ID, sc.Outlet, sc.Date, r.tok, r.own)
		}
		sum.Scored++
		return yield(r.doc, sc)
	}
	for r := range results {
		if err != nil {
			<-slots // draining after a failure: free the reader to see stop
			mem.Release(r.mem)
			continue
		}
		pending[r.seq] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			err = handle(p)
			mem.Release(p.mem)
			if err != nil {
				close(stop)
				cancel()
				break
			}
		}
	}
	if err == nil && readErr != nil && !errors.Is(readErr, errStopped) {
		err = readErr
	}
	sum.Read = cs.Read
	sum.IgnoredFiles = cs.IgnoredFiles
	for r, n := range cs.Skipped {
		sum.Skipped[r] += n
	}
	return sum, err
}

// errStopped ends the reader when the collector has stopped.
var errStopped = errors.New("run stopped")
