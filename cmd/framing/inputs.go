package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"slices"

	"github.com/dustin/go-humanize"

	"github.com/spf13/pflag"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/syndication"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// lexiconOptions select the lexicon a command uses.
type lexiconOptions struct {
	Lexicon string
}

func (o *lexiconOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Lexicon, "lexicon", "", "lexicon YAML `file` (default: the built-in ru-ua-war)")
}

// matcher loads and compiles the chosen lexicon.
func (o *lexiconOptions) matcher() (*lexicon.Matcher, error) {
	return lexicon.LoadMatcher(o.Lexicon)
}

// corpusOptions are the flags of every command that reads a corpus.
type corpusOptions struct {
	lexiconOptions
	Manifest string
	Outlets  string
	Strict   bool
	Quiet    bool
	// Dedupe counts a syndicated story once (two passes over the corpus).
	Dedupe bool
	// Output is the file a data command writes to instead of standard
	// output (-o; "" for standard output).
	Output string
	// Phrases counts every word and two-word phrase, for the distinctive
	// phrases beyond the lexicon (commands that compare groups).
	Phrases bool
	// Workers score in parallel; 0 is one per CPU.
	Workers int
	// Memory is the working-memory budget of the documents in flight, as
	// written ("1GiB", "512MB"); "" is framing.DefaultMemoryBudget.
	Memory string
	// FindCopies asks scoreCorpus to find syndicated stories; Clusters
	// holds them after it ran (also with Dedupe).
	FindCopies bool
	Clusters   []syndication.Cluster
	// Voice names the voices the framing index counts ("own",
	// "own+reported"); voices is it read.
	Voice  string
	voices token.VoiceSet
	// ignored counts the files of the last run that are not documents.
	ignored int
}

func (o *corpusOptions) addFlags(fs *pflag.FlagSet) {
	o.lexiconOptions.addFlags(fs)
	fs.StringVar(&o.Manifest, "manifest", "", "manifest `file` (CSV or YAML) giving each document's outlet and other fields\n(default: manifest.yaml, manifest.yml or manifest.csv at the top of a corpus directory)")
	fs.StringVar(&o.Outlets, "outlets", "", "outlets YAML `file` naming outlets by their URL domains")
	fs.BoolVar(&o.Strict, "strict", false, "stop at the first skipped document instead of counting it and going on")
	fs.BoolVarP(&o.Quiet, "quiet", "q", false, "do not print each skipped document (the summary still counts them)")
	fs.IntVar(&o.Workers, "workers", 0, "documents scored in parallel (default: one per CPU); results are the same for any number")
	fs.StringVar(&o.Memory, "memory", "", "working-memory `budget` of the documents scored at once, e.g. 512MiB or 4GB (default 1GiB);\na document takes about 16 bytes per byte of its text, and one larger than the budget is scored alone")
	if fs.Lookup("voice") == nil { // kwic's --voice is what to show
		fs.StringVar(&o.Voice, "voice", "own", "`voices` whose hits count for the framing index, pole counts and distinctive terms, joined by +:\nown, reported (indirect speech), quoted, distanced (\"so-called …\"); e.g. own+reported")
	}
	fs.BoolVar(&o.FindCopies, "syndication", false, "look for stories that several outlets ran (an index of about 20 bytes per own-voice word)")
	fs.BoolVar(&o.Dedupe, "dedupe", false, "count a story that several outlets ran (wire copy) once: later copies count only their own additions")
}

// scoreCorpus scores the corpus at paths with m, handing every result to
// fn, with skip reports on stderr: the one way a command reads a corpus
// (it goes through framing.Run). tune, when not nil, sets a command's own
// run options (lexicons to compare, analyses to keep). The caller prints
// the summary (finish) once its own output is written.
func (o *corpusOptions) scoreCorpus(env Env, paths []string, m *lexicon.Matcher, tune func(*framing.Options), fn func(*framing.Result) error) (framing.Summary, *corpus.Manifest, error) {
	ropt, copt, man, err := o.runOptions(env)
	if err != nil {
		return framing.Summary{}, nil, err
	}
	if tune != nil {
		tune(&ropt)
	}
	ctx := context.Background()
	so := syndication.DefaultOptions()
	var idx *syndication.Index
	switch {
	case o.Dedupe:
		if slices.Contains(paths, "-") {
			return framing.Summary{}, nil, usagef("--dedupe reads the corpus twice: give files, not standard input")
		}
		fmt.Fprintln(env.Err, "finding syndicated copy (first of two passes)")
		var exclude func(string) []analysis.Span
		if idx, exclude, err = syndication.Dedupe(ctx, corpus.NewFiles(paths, copt).All(), ropt, so); err != nil {
			return framing.Summary{}, nil, err
		}
		// The first pass reported skips and the manifest; say it once.
		ropt.Exclude, ropt.OnSkip, copt.OnManifest = exclude, nil, nil
		ropt.UnitOf = syndication.UnitOf(idx.Clusters(so))
	case o.FindCopies:
		idx = syndication.NewIndex()
		ropt.KeepAnalysis = true
	}
	files := corpus.NewFiles(paths, copt)
	bar := newProgress(env, paths)
	if onSkip := ropt.OnSkip; onSkip != nil {
		// A skipped document's line goes above the progress bar, not
		// into it.
		ropt.OnSkip = func(s corpus.Skip) { bar.above(func() { onSkip(s) }) }
	}
	sum, err := framing.Run(ctx, files.All(), m, ropt, func(r *framing.Result) error {
		bar.add(len(r.Doc.Text))
		if o.FindCopies && !o.Dedupe {
			idx.Add(r.Score.ID, r.Score.Outlet, r.Score.Date, r.Analysis.Tokens)
		}
		return fn(r)
	})
	bar.done()
	o.ignored = files.Summary().IgnoredFiles
	if idx != nil && err == nil {
		o.Clusters = idx.Clusters(so)
	}
	return sum, man, err
}

// runOptions loads the manifest and outlets files and wires skip reports to
// stderr: the options of the run and of its corpus reader.
func (o *corpusOptions) runOptions(env Env) (framing.Options, corpus.Options, *corpus.Manifest, error) {
	var opt framing.Options
	var copt corpus.Options
	var man *corpus.Manifest
	voices := token.OwnVoice
	if o.Voice != "" {
		v, err := token.ParseVoiceSet(o.Voice)
		if err != nil {
			return opt, copt, nil, usagef("%v", err)
		}
		voices = v
	}
	o.voices, opt.Voices = voices, voices
	opt.Phrases = o.Phrases
	if o.Manifest != "" {
		m, err := corpus.LoadManifest(o.Manifest)
		if err != nil {
			return opt, copt, nil, err
		}
		man = m
		copt.Manifest = m
	}
	if o.Outlets != "" {
		out, err := corpus.LoadOutlets(o.Outlets)
		if err != nil {
			return opt, copt, nil, err
		}
		opt.Outlets = out
	}
	copt.Stdin = env.In
	if o.Workers < 0 || o.Workers > 1024 {
		return opt, copt, nil, usagef("--workers must be from 0 (one per CPU) to 1024 (got %d)", o.Workers)
	}
	opt.Workers = o.Workers
	budget, err := memoryBudget(o.Memory)
	if err != nil {
		return opt, copt, nil, err
	}
	opt.MemoryBudget = budget
	limitHeap(budget)
	opt.Strict = o.Strict
	opt.OnSkip = func(s corpus.Skip) {
		if !o.Quiet {
			fmt.Fprintf(env.Err, "skipped %s [%s]\n", s.Error(), s.Reason)
		}
	}
	copt.OnManifest = func(path string) {
		fmt.Fprintf(env.Err, "using manifest %s\n", path)
	}
	return opt, copt, man, nil
}

// finish prints the run summary, the files that were no documents, and
// the manifest entries no document matched, to stderr.
func (o *corpusOptions) finish(env Env, sum framing.Summary, man *corpus.Manifest) {
	fmt.Fprintln(env.Err, sum.String())
	for _, n := range sum.Notes {
		fmt.Fprintf(env.Err, "note: %s\n", n)
	}
	if o.ignored > 0 {
		fmt.Fprintf(env.Err, "ignored %d files that are not %s\n", o.ignored, corpus.DocFileKinds)
	}
	if man != nil {
		if un := man.Unmatched(); len(un) > 0 {
			fmt.Fprintf(env.Err, "manifest entries that matched no document: %d (first: %s)\n", len(un), un[0])
		}
	}
}

// memoryBudget reads --memory: "" is framing.DefaultMemoryBudget.
func memoryBudget(flag string) (int64, error) {
	if flag == "" {
		return framing.DefaultMemoryBudget, nil
	}
	n, err := humanize.ParseBytes(flag)
	if err != nil || n < 16<<20 || n > 1<<50 {
		return 0, usagef("--memory %q: give a size from 16MiB up, such as 512MiB or 4GB", flag)
	}
	return int64(n), nil
}

// heapHeadroom is the memory the program needs besides the documents in
// flight: the lexicon, the tallies, the reader's buffers, the runtime.
const heapHeadroom = 256 << 20

// limitHeap sets the Go runtime's soft memory limit to the budget and the
// headroom, unless GOMEMLIMIT sets it: the garbage collector then collects
// before the heap grows past the limit, instead of letting it double what
// is live (a 50 MB document would otherwise take over 1 GB).
func limitHeap(budget int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(budget + heapHeadroom)
}

// voiceSet is --voice read; runOptions reports a bad one before any work.
func (o *corpusOptions) voiceSet() token.VoiceSet {
	v, err := token.ParseVoiceSet(o.Voice)
	if err != nil {
		return token.OwnVoice
	}
	return v
}
