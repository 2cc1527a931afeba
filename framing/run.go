package framing

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
	"golang.org/x/sync/semaphore"
)

// UnknownOutlet names the outlet of a document that has none in its fields,
// its manifest entry, or its URL's domain in the outlets file.
const UnknownOutlet = "unknown"

// NoContent is the skip reason of a document that has words but all of them
// on boilerplate lines: there is nothing of the article left to score.
const NoContent corpus.Reason = "no-content"

// Docs is a stream of documents, what Run reads: a corpus on disk
// (corpus.Files), one file from elsewhere (corpus.Stream), documents in
// memory (Documents), a Beam element's. A corpus.Skip error is an input
// that is no document, which Run counts and reports; any other error ends
// the run.
type Docs = iter.Seq2[Document, error]

// Documents is a stream of documents held in memory.
func Documents(docs ...Document) Docs {
	return func(yield func(Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// Options control Run.
type Options struct {
	// Workers score documents in parallel (0: one per CPU). The results,
	// and their order, are the same for any number.
	Workers int
	// MemoryBudget bounds, in bytes, the working memory of the documents in
	// flight together (0: DefaultMemoryBudget). Scoring a document takes
	// about WorkingMemoryPerByte times its size; a document waits until its
	// share is free, and one larger than the whole budget is scored alone.
	MemoryBudget int64
	// Strict ends the run at the first skipped input, with the skip as the
	// error.
	Strict bool
	// OnSkip is told of every skipped input, one at a time; may be nil.
	OnSkip func(corpus.Skip)
	// Outlets names a document's outlet from its URL's domain when neither
	// the document nor the manifest does, and lists the state media the
	// reliability measures look for; nil: the built-in list.
	Outlets *corpus.Outlets
	// Exclude, when not nil, gives the spans of a document not to count:
	// another outlet's copy of a story (see syndication.Dedupe). It is
	// called from several goroutines at once.
	Exclude func(id string) []analysis.Span
	// Phrases counts every phrase of one or two words in the voices
	// counted (Score.Phrases), for the phrases that set a group apart
	// beyond the lexicon's terms.
	Phrases bool
	// UnitOf, when not nil, names the unit of evidence a document belongs
	// to with others (Score.Unit; "" for none): with --dedupe, the copies
	// of a syndicated story, which are not independent evidence. It is
	// called from several goroutines at once.
	UnitOf func(id string) string
	// Also are more lexicons to score every document with, on the same
	// analysis (Result.Also), as `lexicon diff` compares two.
	Also []*lexicon.Matcher
	// KeepAnalysis hands each document's analysis to the sink
	// (Result.Analysis), which then owns it; without it the workers reuse
	// its memory for the next document.
	KeepAnalysis bool
	// NoReliability leaves the sourcing measures out, for a caller that
	// does not show them.
	NoReliability bool
	// CountsOnly is for a sink that only counts the scores (Tally.Add, the
	// tables of scores): a label hit keeps what a tally reads of it (its
	// label, voice, negation and matched words), not its text, why or
	// source, and category hits are counted but not kept as evidence.
	// Building every hit's evidence was a tenth of a run.
	CountsOnly bool
	// Voices are the voices whose label hits count for the framing index
	// (Score.Pos, Neg); zero is token.OwnVoice.
	Voices token.VoiceSet
}

// DefaultMemoryBudget is the working memory of the documents in flight
// when Options does not set one: room for a 64 MB document scored alone
// beside a few small ones, whatever the number of workers.
const DefaultMemoryBudget = 1 << 30

// WorkingMemoryPerByte is what scoring a document holds at once per byte
// of its text, measured: 14 on a 50 MB document of news (its tokens, 56
// bytes each, are 9 of them; matching, hits and evidence the rest), and 16
// with room to spare.
const WorkingMemoryPerByte = 16

// Result is one scored document.
type Result struct {
	Doc   Document
	Score *Score
	// Also are its scores under Options.Also, in that order.
	Also []*Score
	// Analysis is the document's analysis, with Options.KeepAnalysis.
	Analysis *analysis.Analysis
}

// Summary accounts for every input of a run: read = scored + skipped.
type Summary struct {
	Read    int
	Scored  int
	Skipped map[corpus.Reason]int
	// Languages counts the documents scored by language.
	Languages map[string]int
	// Notes say what a run could not do as it meant to, no result changing:
	// Run notes a duplicate-id check that kept every id in memory because
	// no temporary file could be written, and a caller adds those of the
	// tallies it filled (AddNote, Tally.Note).
	Notes []string
}

// AddNote adds note to the summary's notes unless it is empty.
func (s *Summary) AddNote(note string) {
	if note != "" {
		s.Notes = append(s.Notes, note)
	}
}

// TotalSkipped is the number of documents and rows skipped for any reason.
func (s Summary) TotalSkipped() int {
	n := 0
	for _, k := range s.Skipped {
		n += k
	}
	return n
}

// String is the run summary line: "read 5, scored 4, skipped 1 (empty 1);
// languages: en 4".
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
	if len(s.Languages) > 0 {
		var parts []string
		for _, l := range slices.Sorted(maps.Keys(s.Languages)) {
			parts = append(parts, fmt.Sprintf("%s %d", l, s.Languages[l]))
		}
		fmt.Fprintf(&b, "; languages: %s", strings.Join(parts, ", "))
	}
	return b.String()
}

// Run scores every document of docs with m, and hands each result to sink
// in the order of docs. It is the one loop over documents: every command
// of framing, and the Beam pipeline, go through it, so that a document is
// skipped, given its outlet and scored the same way everywhere. m may be
// nil: the documents are analysed, not scored (Result.Score holds their
// identity and token counts). Skipped inputs go to opt.OnSkip and are
// counted; an error from sink or ctx ends the run.
func Run(ctx context.Context, docs Docs, m *lexicon.Matcher, opt Options, sink func(*Result) error) (Summary, error) {
	sm := builtinStateMedia()
	if opt.Outlets != nil {
		var err error
		if sm, err = reliability.NewStateMedia(opt.Outlets); err != nil {
			return Summary{}, err
		}
	}
	r := newRun(ctx, opt)
	defer r.cancel()
	go r.read(docs)
	var wg sync.WaitGroup
	for range r.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.work(m, sm)
		}()
	}
	go func() {
		wg.Wait()
		close(r.results)
	}()
	err := r.collect(sink)
	if err == nil {
		// The results are all in, so the reader has ended (its jobs
		// closed before the last worker did): its notes are complete.
		r.sum.Notes = r.notes
		err = r.readErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return r.sum, err
}

// run is the state of one Run. The reader hands documents, numbered, to
// the workers; the collector puts their results back in order. slots bound
// the documents in flight, and mem their working memory, so that memory
// stays flat however long the corpus and however long one document.
type run struct {
	ctx     context.Context
	cancel  context.CancelFunc
	opt     Options
	workers int
	budget  int64
	mem     *semaphore.Weighted
	slots   chan struct{}
	jobs    chan job
	results chan result
	// skips carries the reader's skips to the collector, in corpus order
	// with the documents: the collector counts and reports them all.
	sum     Summary
	readErr error
	// ids are the document ids read, for the duplicate check: the reader
	// checks each document in corpus order (corpus.Check), before any
	// work is spent on it.
	ids corpus.IDs
	// notes are the reader's for the summary (Summary.Notes).
	notes []string
}

type job struct {
	seq  int
	doc  Document
	skip *corpus.Skip // not a document: an input skipped by the source
	mem  int64        // its share of the memory budget
}

type result struct {
	job
	res *Result
}

func newRun(ctx context.Context, opt Options) *run {
	workers := opt.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	budget := opt.MemoryBudget
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	inFlight := 4 * workers
	ctx, cancel := context.WithCancel(ctx)
	return &run{
		ctx: ctx, cancel: cancel, opt: opt, workers: workers, budget: budget,
		mem:     semaphore.NewWeighted(budget),
		slots:   make(chan struct{}, inFlight),
		jobs:    make(chan job, inFlight),
		results: make(chan result, inFlight),
		sum:     Summary{Skipped: map[corpus.Reason]int{}, Languages: map[string]int{}},
	}
}

// read numbers the documents and skips of docs and hands them on.
func (r *run) read(docs Docs) {
	defer close(r.jobs)
	defer func() {
		// The reader is the one user of the ids: done with them when it
		// ends, before the jobs close, so the collector sees the note.
		if err := r.ids.SpillErr(); err != nil {
			r.notes = append(r.notes, fmt.Sprintf("the duplicate-id check kept every document id in memory: %v", err))
		}
		r.ids.Close()
	}()
	seq := 0
	for doc, err := range docs {
		var skip corpus.Skip
		if err != nil && !errors.As(err, &skip) {
			r.readErr = err
			return
		}
		if err == nil {
			if s, ok := corpus.Check(doc, &r.ids); !ok {
				if r.ids.Err() != nil {
					r.readErr = r.ids.Err()
					return
				}
				skip, err = s, s
			}
		}
		select {
		case r.slots <- struct{}{}:
		case <-r.ctx.Done():
			return
		}
		j := job{seq: seq, doc: doc}
		if err != nil {
			j.skip = &skip
		} else {
			// Documents take their memory in corpus order, and the
			// collector gives it back in that order, so an earlier document
			// never waits for a later one.
			j.mem = min(int64(len(doc.Text))*WorkingMemoryPerByte+minWorkingMemory, r.budget)
			if r.mem.Acquire(r.ctx, j.mem) != nil {
				return
			}
		}
		r.jobs <- j
		seq++
	}
}

// minWorkingMemory is a document's share however short it is: its score,
// slices and maps.
const minWorkingMemory = 64 << 10

// work scores the jobs with a scorer of its own.
func (r *run) work(m *lexicon.Matcher, sm *reliability.StateMedia) {
	s := NewScorerWith(m, sm)
	s.reliability = !r.opt.NoReliability
	s.phrases = r.opt.Phrases
	s.countsOnly = r.opt.CountsOnly
	if r.opt.Voices != 0 {
		s.voices = r.opt.Voices
	}
	also := make([]*Scorer, len(r.opt.Also))
	for i, a := range r.opt.Also {
		also[i] = NewScorerWith(a, sm)
		also[i].reliability = !r.opt.NoReliability
		also[i].voices = s.voices
	}
	for j := range r.jobs {
		if j.skip != nil {
			r.results <- result{job: j}
			continue
		}
		doc := prepare(j.doc)
		var exclude []analysis.Span
		if r.opt.Exclude != nil {
			exclude = r.opt.Exclude(doc.ID)
		}
		res := &Result{Doc: doc}
		an := s.analyze(doc, exclude, !r.opt.KeepAnalysis)
		res.Score = s.count(doc, an)
		if r.opt.UnitOf != nil {
			res.Score.Unit = r.opt.UnitOf(doc.ID)
		}
		for _, a := range also {
			res.Also = append(res.Also, a.count(doc, an))
		}
		if r.opt.KeepAnalysis {
			res.Analysis = an
		}
		s.dropLarge()
		r.results <- result{job: j, res: res}
	}
}

// collect puts the results back in corpus order and hands them on.
func (r *run) collect(sink func(*Result) error) error {
	var err error
	pending := map[int]result{}
	next := 0
	for res := range r.results {
		if err != nil {
			<-r.slots // draining after a failure: free the reader to see the end
			r.mem.Release(res.mem)
			continue
		}
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-r.slots
			err = r.handle(p, sink)
			r.mem.Release(p.mem)
			if err != nil {
				r.cancel()
				break
			}
		}
	}
	return err
}

// handle counts one result, skips a document with nothing left to score,
// names its outlet, and hands it to sink.
func (r *run) handle(p result, sink func(*Result) error) error {
	r.sum.Read++
	if p.skip != nil {
		return r.skip(*p.skip)
	}

	sc := p.res.Score
	if sc.Tokens.Prose()+sc.Tokens.Quoted == 0 {
		return r.skip(corpus.Skip{File: p.doc.Source, Reason: NoContent, Msg: "no article text left after dropping boilerplate lines"})
	}
	outlet := sc.Outlet
	if outlet == "" && r.opt.Outlets != nil && sc.URL != "" {
		if o, ok := r.opt.Outlets.ByURL(sc.URL); ok {
			outlet = o.Name
		}
	}
	if outlet == "" {
		outlet = UnknownOutlet
	}
	p.res.Doc.Outlet = outlet
	for _, s := range append([]*Score{sc}, p.res.Also...) {
		s.Outlet = outlet
	}
	r.sum.Scored++
	r.sum.Languages[sc.Lang]++
	return sink(p.res)
}

// skip counts and reports a skipped input; under Strict it ends the run.
func (r *run) skip(s corpus.Skip) error {
	r.sum.Skipped[s.Reason]++
	if r.opt.OnSkip != nil {
		r.opt.OnSkip(s)
	}
	if r.opt.Strict {
		return s
	}
	return nil
}

// prepare fills what a document's text says of it and its fields do not:
// its language, and the date and URL of a scraper's metadata line.
func prepare(doc Document) Document {
	doc.Lang = lang.Code(doc.Lang)
	if doc.Lang == "" {
		doc.Lang = lang.Detect(doc.Text)
	}
	if doc.Date != "" && doc.URL != "" {
		return doc
	}
	if _, date, url, ok := analysis.Header(doc.Text); ok {
		if doc.Date == "" {
			doc.Date = date
		}
		if doc.URL == "" {
			doc.URL = url
		}
	}
	return doc
}
