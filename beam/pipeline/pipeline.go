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
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, *framing.Tally), func(*framing.Tally), error](&scoreFileFn{})
	register.Emitter2[string, *framing.Tally]()
	register.Emitter1[*framing.Tally]()
	register.Combiner3[*framing.Tally, *framing.Tally, *framing.Tally](&mergeFn{})
	register.Function2x1[string, *framing.Tally, *framing.Tally](dropKey)
	register.Function1x2[*framing.Tally, string, error](ForTextio)
	beam.RegisterType(reflect.TypeOf((*scoreFileFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*mergeFn)(nil)).Elem())
	// A tally goes between workers in its file format.
	beam.RegisterCoder(reflect.TypeOf((*framing.Tally)(nil)), encodeTally, decodeTally)
}

// Build adds the analysis of the files matching glob to the pipeline and
// returns the merged tally.
func Build(s beam.Scope, glob string, opt Options) beam.PCollection {
	s = s.Scope("framing")
	optJSON, _ := json.Marshal(opt)
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob), fileio.ReadUncompressed())
	// Each file's documents are scored and tallied on a worker; the tally of
	// each group, and the run's counts, go on keyed by group.
	groups, counts := beam.ParDo2(s, &scoreFileFn{Options: string(optJSON)}, files)
	perGroup := beam.CombinePerKey(s, &mergeFn{}, groups)
	all := beam.Flatten(s, beam.ParDo(s, dropKey, perGroup), counts)
	return beam.Combine(s, &mergeFn{}, all)
}

// ForTextio writes the merged tally as `framing score --format tally`
// does, less the final newline, which textio.Write puts back: the file
// written is then the CLI's, byte for byte.
func ForTextio(t *framing.Tally) (string, error) {
	var b bytes.Buffer
	if err := framing.WriteTally(&b, t); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// dropKey leaves a group's merged tally.
func dropKey(_ string, t *framing.Tally) *framing.Tally { return t }

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

func (f *scoreFileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emitGroup func(string, *framing.Tally), emitCounts func(*framing.Tally)) error {
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
		emitGroup(g, one)
	}
	counts := framing.NewTally(f.matcher, f.opt.By)
	counts.Read, counts.Skipped = t.Read, t.Skipped
	emitCounts(counts)
	return nil
}

// mergeFn merges tallies with Tally.Merge: sums, so the runner may combine
// them in any order and grouping and the result is the same. It merges the
// values themselves; the coder turns them into bytes only between workers.
type mergeFn struct{}

func (mergeFn) CreateAccumulator() *framing.Tally { return nil }

func (mergeFn) AddInput(acc, in *framing.Tally) (*framing.Tally, error) { return merge(acc, in) }

func (mergeFn) MergeAccumulators(a, b *framing.Tally) (*framing.Tally, error) { return merge(a, b) }

func (mergeFn) ExtractOutput(acc *framing.Tally) *framing.Tally { return acc }

// merge adds b into a fresh copy of a's sums when a is nil (an input is the
// runner's, not ours to change), else into a.
func merge(a, b *framing.Tally) (*framing.Tally, error) {
	switch {
	case b == nil:
		return a, nil
	case a == nil:
		a = b.Empty()
	}
	if err := a.Merge(b); err != nil {
		return nil, err
	}
	return a, nil
}

// encodeTally and decodeTally are the tally's coder: its file format.
func encodeTally(t *framing.Tally) ([]byte, error) { return json.Marshal(t) }

func decodeTally(data []byte) (*framing.Tally, error) { return framing.ParseTally("tally", data) }
