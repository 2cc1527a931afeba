package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	invopop "github.com/invopop/jsonschema"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
	"github.com/framingkit/framing/token"
)

// The JSON Schemas of framing's JSON outputs are schemas/*.schema.json,
// generated from the Go types that write them (invopop/jsonschema) and
// committed; `go test ./cmd/framing -run TestSchemas -update` writes them
// again. TestOutputsMatchSchemas then validates real outputs against the
// committed files with another library (santhosh-tekuri/jsonschema), so a
// type whose JSON differs from its fields (a custom marshaller, a null
// where a number was declared) fails.

// outputSchemas are the outputs and the types that write them.
var outputSchemas = []struct {
	file, title string
	v           any
}{
	{"score.schema.json", "framing score --format jsonl: one line per document", report.ScoreJSON{}},
	{"tally.schema.json", "framing score --format tally, framing merge", framing.TallyFile{}},
	{"compare.schema.json", "framing compare --format json, a report's results.json", compare.Comparison{}},
	{"reliability.schema.json", "framing reliability --format json", reliabilityJSON{}},
	{"check.schema.json", "framing check --format json", checkJSON{}},
}

// schemaOf reflects v's type into a JSON Schema.
func schemaOf(file, title string, v any) []byte {
	r := &invopop.Reflector{
		BaseSchemaID: "https://raw.githubusercontent.com/framingkit/framing/main/schemas/",
		Mapper: func(t reflect.Type) *invopop.Schema {
			switch t {
			case reflect.TypeFor[stats.Num]():
				// NaN and infinities are written as null: n/a.
				return &invopop.Schema{AnyOf: []*invopop.Schema{{Type: "number"}, {Type: "null"}}}
			case reflect.TypeFor[token.VoiceSet](), reflect.TypeFor[token.Voice](), reflect.TypeFor[lexicon.LabelKey]():
				return &invopop.Schema{Type: "string"}
			case reflect.TypeFor[framing.Fingerprint]():
				return new(invopop.Reflector).Reflect(framing.FingerprintFile{})
			case reflect.TypeFor[framing.Histogram]():
				// A histogram is written as an object of counts (its MarshalJSON).
				return &invopop.Schema{Type: "object", AdditionalProperties: &invopop.Schema{Type: "integer"}}
			}
			return nil
		},
	}
	s := r.Reflect(v)
	s.ID = invopop.ID("https://raw.githubusercontent.com/framingkit/framing/main/schemas/" + file)
	s.Title = title
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// TestSchemas: the committed schemas are the ones the types make.
func TestSchemas(t *testing.T) {
	for _, o := range outputSchemas {
		path := filepath.Join("..", "..", "schemas", o.file)
		got := schemaOf(o.file, o.title, o.v)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the schema of the types that write it: run go test ./cmd/framing -run TestSchemas -update and review the diff", path)
		}
	}
}

// compiled compiles a committed schema.
func compiled(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "schemas", file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(file, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(file)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestOutputsMatchSchemas validates real outputs, on the seeds and on a
// clustered corpus, against the committed schemas, and checks that each
// carries its format version.
func TestOutputsMatchSchemas(t *testing.T) {
	corpus := clusteredCorpus(t)
	dir := t.TempDir()
	tally := filepath.Join(dir, "t.json")
	for _, tc := range []struct {
		name, schema string
		args         []string
		lines        bool // JSONL: one document per line
	}{
		{"score", "score.schema.json", []string{"score", "--format", "jsonl", seeds}, true},
		{"tally", "tally.schema.json", []string{"score", "--format", "tally", "--phrases", "-o", tally, corpus}, false},
		{"compare", "compare.schema.json", []string{"compare", "--format", "json", seeds}, false},
		{"compare, clustered, phrases", "compare.schema.json", []string{"compare", "--format", "json", "--phrases", corpus}, false},
		{"compare, hits", "compare.schema.json", []string{"compare", "--format", "json", "--unit", "hits", corpus}, false},
		{"reliability", "reliability.schema.json", []string{"reliability", "--format", "json", "--documents", corpus}, false},
		{"check", "check.schema.json", []string{"check", "--format", "json", "--baseline", "../../testdata/seeds.baseline.json", seeds}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI("", append([]string{"-q"}[:0], tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if tc.name == "tally" {
				b, err := os.ReadFile(tally)
				if err != nil {
					t.Fatal(err)
				}
				out = string(b)
			}
			docs := []string{out}
			if tc.lines {
				docs = strings.Split(strings.TrimSpace(out), "\n")
			}
			s := compiled(t, tc.schema)
			for i, d := range docs {
				v, err := jsonschema.UnmarshalJSON(strings.NewReader(d))
				if err != nil {
					t.Fatalf("document %d: %v", i, err)
				}
				if err := s.Validate(v); err != nil {
					t.Fatalf("document %d does not match %s: %v", i, tc.schema, err)
				}
				if f, _ := v.(map[string]any)["format"].(json.Number); f == "" {
					t.Errorf("document %d carries no format version", i)
				}
			}
		})
	}
}
