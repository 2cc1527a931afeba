package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing/corpus"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
)

// cliTally is what `framing score --format tally` writes for paths: the
// CLI's own reading and tallying, in-process.
func cliTally(t *testing.T, manifest string, paths ...string) string {
	t.Helper()
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	var copt corpus.Options
	if manifest != "" {
		copt.Manifest = mustManifest(t, manifest)
	}
	tl := framing.NewTally(m, "outlet")
	docs := corpus.NewFiles(paths, copt).All()
	sum, err := framing.Run(context.Background(), docs, m, framing.Options{}, func(r *framing.Result) error {
		tl.Add(r.Score)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tl.AddSummary(sum)
	var b bytes.Buffer
	if err := framing.WriteTally(&b, tl); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// checkBeam runs the pipeline on Prism and checks, in the pipeline, that
// its one output is want, byte for byte.
func checkBeam(t *testing.T, glob string, opt Options, want string) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	out := beam.ParDo(s, ForTextio, Build(s, glob, opt))
	passert.Equals(s, out, want)
	if _, err := prism.Execute(t.Context(), p); err != nil {
		t.Fatalf("the pipeline's tally is not the CLI's: %v", err)
	}
}

// TestSeeds: the pipeline's tally of the seed articles, with their
// manifest, is the CLI's, byte for byte.
func TestSeeds(t *testing.T) {
	want := cliTally(t, "../../testdata/seeds/manifest.yaml", "../../testdata/seeds")
	checkBeam(t, "../../testdata/seeds/*.txt", Options{Manifest: "../../testdata/seeds/manifest.yaml", By: "outlet"}, want)
}

// TestManyFiles: a corpus of many JSONL files, some gzip-compressed, some
// with bad lines and empty texts, is tallied as the CLI tallies it, skips
// counted alike.
func TestManyFiles(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var texts []string
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	n := 0
	for file := range 12 {
		var b bytes.Buffer
		for line := range 9 {
			switch (file + line) % 11 {
			case 3:
				b.WriteString("{not json\n")
				continue
			case 7:
				b.WriteString(`{"id": "e` + strconv.Itoa(n) + `", "text": "   "}` + "\n")
				n++
				continue
			}
			js, _ := json.Marshal(map[string]string{"id": "d" + strconv.Itoa(n), "outlet": "outlet " + strconv.Itoa(n%7),
				"date": "2023-06-2" + strconv.Itoa(n%9), "text": texts[n%len(texts)]})
			b.Write(js)
			b.WriteByte('\n')
			n++
		}
		if err := os.WriteFile(filepath.Join(dir, "part-"+strconv.Itoa(100+file)+".jsonl"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := cliTally(t, "", dir)
	if !strings.Contains(want, `"bad-json"`) || !strings.Contains(want, `"empty"`) {
		t.Fatal("the corpus did not make the skips it was written to make")
	}
	checkBeam(t, filepath.Join(dir, "*.jsonl"), Options{By: "outlet"}, want)
}
