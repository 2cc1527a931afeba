// Package pipeline is framing's analysis as an Apache Beam pipeline: the
// same reading, scoring and tally code as the CLI, so a corpus too large
// for one machine gives the tally `framing score --format tally` would, to
// the byte, on any Beam runner (Prism locally; Flink, Spark, Dataflow).
package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths, on Prism and in tests
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
)

// Options are what every worker needs: files it can read itself (the
// lexicon, the manifest; "" for the built-in lexicon and no manifest) and
// the field documents are grouped by.
type Options struct {
	Lexicon  string `json:"lexicon"`
	Manifest string `json:"manifest"`
	By       string `json:"by"`
}

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, string), func(string), error](&scoreFileFn{})
	register.Emitter2[string, string]()
	register.Emitter1[string]()
	register.Combiner3[string, string, string](&mergeFn{})
	register.Function2x1[string, string, string](dropKey)
	register.Function1x1[string, string](ForTextio)
	beam.RegisterType(reflect.TypeOf((*scoreFileFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*mergeFn)(nil)).Elem())
}

// Build adds the analysis of the files matching glob to the pipeline and
// returns the merged tally as one JSON string, as the CLI writes it.
func Build(s beam.Scope, glob string, opt Options) beam.PCollection {
	s = s.Scope("framing")
	optJSON, _ := json.Marshal(opt)
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob), fileio.ReadUncompressed())
	// Each file's documents are scored and tallied on a worker; the tally of
	// each group, and the run's counts (key ""), go on keyed by group.
	groups, counts := beam.ParDo2(s, &scoreFileFn{Options: string(optJSON)}, files)
	perGroup := beam.CombinePerKey(s, &mergeFn{}, groups)
	all := beam.Flatten(s, beam.ParDo(s, dropKey, perGroup), counts)
	return beam.Combine(s, &mergeFn{}, all)
}

// ForTextio drops the tally's final newline, which textio.Write puts back:
// the file written is then the CLI's, byte for byte.
func ForTextio(tally string) string { return strings.TrimSuffix(tally, "\n") }

// dropKey leaves a group's merged tally.
func dropKey(_ string, tally string) string { return tally }

// scoreFileFn scores one file's documents into tallies: one per group,
// keyed by it, and one of the file's read and skipped counts.
type scoreFileFn struct {
	Options string // JSON of Options: what Beam serialises to the workers

	opt     Options
	matcher *lexicon.Matcher
	man     *corpus.Manifest
	docs    beam.Counter
	skipped beam.Counter
}

// Setup loads the lexicon and the manifest once per worker.
func (f *scoreFileFn) Setup() error {
	if err := json.Unmarshal([]byte(f.Options), &f.opt); err != nil {
		return err
	}
	m, err := lexicon.LoadMatcher(f.opt.Lexicon)
	if err != nil {
		return err
	}
	f.matcher = m
	if f.opt.Manifest != "" {
		if f.man, err = corpus.LoadManifest(f.opt.Manifest); err != nil {
			return err
		}
	}
	f.docs = beam.NewCounter("framing", "documents_scored")
	f.skipped = beam.NewCounter("framing", "documents_skipped")
	return nil
}

func (f *scoreFileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emitGroup func(string, string), emitCounts func(string)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer rc.Close()
	name := file.Metadata.Path
	t := framing.NewTally(f.matcher, f.opt.By)
	docs := corpus.NewStream(name, path.Base(name), rc, corpus.Options{Manifest: f.man})
	sum, err := framing.Run(ctx, docs.All(), f.matcher, framing.Options{Workers: 1}, func(r *framing.Result) error {
		t.Add(r.Score)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	t.AddSummary(sum)
	f.docs.Inc(ctx, int64(sum.Scored))
	f.skipped.Inc(ctx, int64(sum.TotalSkipped()))
	// The groups apart, so that the runner merges each on its own key; the
	// counts of the file on their own.
	names := make([]string, 0, len(t.Groups))
	for g := range t.Groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		one := framing.NewTally(f.matcher, f.opt.By)
		one.Groups[g] = t.Groups[g]
		js, err := encode(one)
		if err != nil {
			return err
		}
		emitGroup(g, js)
	}
	counts := framing.NewTally(f.matcher, f.opt.By)
	counts.Read, counts.Skipped = t.Read, t.Skipped
	js, err := encode(counts)
	if err != nil {
		return err
	}
	emitCounts(js)
	return nil
}

// mergeFn merges tallies with Tally.Merge: sums, so the runner may combine
// them in any order and grouping and the result is the same.
type mergeFn struct{}

func (mergeFn) CreateAccumulator() string { return "" }

func (mergeFn) AddInput(acc, in string) (string, error) { return merge(acc, in) }

func (mergeFn) MergeAccumulators(a, b string) (string, error) { return merge(a, b) }

func (mergeFn) ExtractOutput(acc string) string { return acc }

func merge(a, b string) (string, error) {
	switch {
	case a == "":
		return b, nil
	case b == "":
		return a, nil
	}
	ta, err := decode(a)
	if err != nil {
		return "", err
	}
	tb, err := decode(b)
	if err != nil {
		return "", err
	}
	if err := ta.Merge(tb); err != nil {
		return "", err
	}
	return encode(ta)
}

// encode writes a tally as `framing score --format tally` does.
func encode(t *framing.Tally) (string, error) {
	var b bytes.Buffer
	if err := report.WriteJSON(&b, t); err != nil {
		return "", err
	}
	return b.String(), nil
}

func decode(s string) (*framing.Tally, error) {
	var t framing.Tally
	if err := json.Unmarshal([]byte(s), &t); err != nil {
		return nil, err
	}
	if err := t.Check(); err != nil {
		return nil, err
	}
	return &t, nil
}
