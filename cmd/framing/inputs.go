package main

import (
	"fmt"
	"slices"

	"github.com/spf13/pflag"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/syndication"
	"github.com/framingkit/framing/lexicon"
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
	// Workers score in parallel; 0 is one per CPU.
	Workers int
	// FindCopies asks scoreCorpus to find syndicated stories; Clusters
	// holds them after it ran (also with Dedupe).
	FindCopies bool
	Clusters   []syndication.Cluster
}

func (o *corpusOptions) addFlags(fs *pflag.FlagSet) {
	o.lexiconOptions.addFlags(fs)
	fs.StringVar(&o.Manifest, "manifest", "", "manifest `file` (CSV or YAML) giving each document's outlet and other fields\n(default: manifest.yaml, manifest.yml or manifest.csv at the top of a corpus directory)")
	fs.StringVar(&o.Outlets, "outlets", "", "outlets YAML `file` naming outlets by their URL domains")
	fs.BoolVar(&o.Strict, "strict", false, "stop at the first skipped document instead of counting it and going on")
	fs.BoolVarP(&o.Quiet, "quiet", "q", false, "do not print each skipped document (the summary still counts them)")
	fs.IntVar(&o.Workers, "workers", 0, "documents scored in parallel (default: one per CPU); results are the same for any number")
	fs.BoolVar(&o.FindCopies, "syndication", false, "look for stories that several outlets ran (an index of about 20 bytes per own-voice word)")
	fs.BoolVar(&o.Dedupe, "dedupe", false, "count a story that several outlets ran (wire copy) once: later copies count only their own additions")
}

// scoreCorpus scores the corpus at paths with m, handing every document and
// its score to fn, with skip reports on stderr. The caller prints the summary
// (finish) once its own output is written.
func (o *corpusOptions) scoreCorpus(env Env, paths []string, m *lexicon.Matcher, fn func(framing.Document, *framing.Score) error) (framing.Summary, *corpus.Manifest, error) {
	ropt, man, err := o.runOptions(env)
	if err != nil {
		return framing.Summary{}, nil, err
	}
	so := syndication.DefaultOptions()
	var idx *syndication.Index
	switch {
	case o.Dedupe:
		if slices.Contains(paths, "-") {
			return framing.Summary{}, nil, usagef("--dedupe reads the corpus twice: give files, not standard input")
		}
		fmt.Fprintln(env.Err, "finding syndicated copy (first of two passes)")
		var exclude func(string) []framing.Span
		if idx, exclude, err = framing.Dedupe(paths, m, ropt, so); err != nil {
			return framing.Summary{}, nil, err
		}
		// The first pass reported skips and the manifest; say it once.
		ropt.Exclude, ropt.Corpus.OnSkip, ropt.Corpus.OnManifest = exclude, nil, nil
	case o.FindCopies:
		idx = syndication.NewIndex()
		ropt.Syndication = idx
	}
	bar := newProgress(env, paths)
	sum, err := framing.Run(paths, m, ropt, func(doc framing.Document, s *framing.Score) error {
		bar.add(len(doc.Text))
		return fn(doc, s)
	})
	bar.done()
	if idx != nil && err == nil {
		o.Clusters = idx.Clusters(so)
	}
	return sum, man, err
}

// runOptions loads the manifest and outlets files and wires skip reports to
// stderr.
func (o *corpusOptions) runOptions(env Env) (framing.RunOptions, *corpus.Manifest, error) {
	var opt framing.RunOptions
	var man *corpus.Manifest
	if o.Manifest != "" {
		m, err := corpus.LoadManifest(o.Manifest)
		if err != nil {
			return opt, nil, err
		}
		man = m
		opt.Corpus.Manifest = m
	}
	if o.Outlets != "" {
		out, err := corpus.LoadOutlets(o.Outlets)
		if err != nil {
			return opt, nil, err
		}
		opt.Outlets = out
	}
	opt.Corpus.Stdin = env.In
	if o.Workers < 0 || o.Workers > 1024 {
		return opt, nil, usagef("--workers must be from 0 (one per CPU) to 1024 (got %d)", o.Workers)
	}
	opt.Workers = o.Workers
	opt.Corpus.Strict = o.Strict
	opt.Corpus.OnSkip = func(s corpus.Skip) {
		if !o.Quiet {
			fmt.Fprintf(env.Err, "skipped %s [%s]\n", s.Error(), s.Reason)
		}
	}
	opt.Corpus.OnManifest = func(path string) {
		fmt.Fprintf(env.Err, "using manifest %s\n", path)
	}
	return opt, man, nil
}

// finish prints the run summary, and the manifest entries no document
// matched, to stderr.
func finish(env Env, sum framing.Summary, man *corpus.Manifest) {
	fmt.Fprintln(env.Err, sum.String())
	if sum.IgnoredFiles > 0 {
		fmt.Fprintf(env.Err, "ignored %d files that are not .txt, .jsonl, .ndjson, .csv, .html, .htm or .warc (or one of them as .gz or .zst)\n", sum.IgnoredFiles)
	}
	if man != nil {
		if un := man.Unmatched(); len(un) > 0 {
			fmt.Fprintf(env.Err, "manifest entries that matched no document: %d (first: %s)\n", len(un), un[0])
		}
	}
}
