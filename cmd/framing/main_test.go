package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/framingkit/framing/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/ with the current output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"framing": func() { os.Exit(run(systemEnv(), os.Args[1:])) },
	})
}

// framingExe is the framing program of the tests that run it themselves:
// the test binary, which testscript.Main set up under that name.
func framingExe(t *testing.T) string {
	t.Helper()
	exe, err := exec.LookPath("framing")
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// TestScripts runs the end-to-end scenarios in testdata/script/*.txtar: the
// built binary on real files, stdin and pipes. $SEEDS is the seed corpus,
// $TESTDATA the repository's testdata folder and $LEXICON the built-in
// lexicon's file.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEEDS", filepath.Join(root, "seeds"))
			env.Setenv("TESTDATA", root)
			env.Setenv("LEXICON", filepath.Join(root, "..", "lexicon", "builtin", "ru-ua-war.yaml"))
			return nil
		},
		UpdateScripts: *update,
	})
}

// runCLI runs the command in-process with captured streams.
func runCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(Env{In: strings.NewReader(stdin), Out: &out, Err: &errb}, args)
	return code, out.String(), errb.String()
}

// TestGolden pins the seed scores. The golden files were checked by hand
// against the article texts (see testdata/golden/README.md); refresh them
// with `go test ./cmd/framing -update` and read the diff before committing.
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"seeds.score.jsonl", []string{"score", "--format", "jsonl", "../../testdata/seeds"}},
		{"seeds.score.csv", []string{"score", "--format", "csv", "../../testdata/seeds"}},
		{"seeds.score.md", []string{"score", "--format", "markdown", "../../testdata/seeds"}},
		{"seeds.kwic.special_operation.md", []string{"kwic", "--format", "markdown", "--voice", "all", "war.special_operation", "../../testdata/seeds"}},
		{"seeds.compare.md", []string{"compare", "--format", "markdown", "../../testdata/seeds"}},
		{"seeds.compare.json", []string{"compare", "--format", "json", "../../testdata/seeds"}},
		{"seeds.compare.csv", []string{"compare", "--format", "csv", "../../testdata/seeds"}},
		{"seeds.reliability.md", []string{"reliability", "--documents", "--format", "markdown", "../../testdata/seeds"}},
		{"seeds.reliability.json", []string{"reliability", "--format", "json", "../../testdata/seeds"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errs := runCLI("", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			fixture.Golden(t, filepath.Join("../../testdata/golden", tt.golden), []byte(out), *update)
		})
	}
}

// TestExitCodes checks the one mapping from outcomes to process status.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		code    int
		errWant string
	}{
		{"help", []string{"--help"}, 0, ""},
		{"score seeds", []string{"score", "--format", "csv", "../../testdata/seeds"}, 0, "read 5, scored 5, skipped 0"},
		{"missing path", []string{"score", "--format", "csv", "no/such/dir"}, 2, "no/such/dir"},
		{"bad format", []string{"score", "--format", "xml", "../../testdata/seeds"}, 2, `--format "xml"`},
		{"unknown flag", []string{"score", "--bogus", "x"}, 2, "unknown flag"},
		{"unknown command", []string{"bogus"}, 2, "unknown command"},
		{"no paths", []string{"score"}, 2, "requires at least 1 arg"},
		{"builtin lexicon examples pass", []string{"lexicon", "test"}, 0, ""},
		{"broken lexicon", []string{"lexicon", "validate", "../../testdata/broken/lexicon-unknown-key.yaml"}, 2, "lexicon-unknown-key.yaml:"},
		{"failing examples", []string{"lexicon", "test", "../../testdata/broken/lexicon-failing-example.yaml"}, 1, ""},
		{"score with broken lexicon", []string{"score", "--lexicon", "../../testdata/broken/lexicon-unknown-key.yaml", "../../testdata/seeds"}, 2, "lexicon-unknown-key.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCLI("", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.errWant) {
				t.Errorf("stderr %q does not contain %q", errs, tt.errWant)
			}
		})
	}
}

// TestBrokenInputs: every malformed lexicon in the repository is refused
// with file:line:col and exit 2, and every malformed corpus file is read
// with its bad rows counted and reported, exit 0. Nothing panics.
func TestBrokenInputs(t *testing.T) {
	lexicons, _ := filepath.Glob("../../lexicon/testdata/broken/*.yaml")
	more, _ := filepath.Glob("../../testdata/broken/lexicon-unknown-key.yaml")
	for _, path := range append(lexicons, more...) {
		code, _, errs := runCLI("", "lexicon", "validate", path)
		if code != 2 || !strings.Contains(errs, path+":") {
			t.Errorf("lexicon validate %s: exit %d, stderr %q; want 2 and file:line:col", path, code, errs)
		}
	}
	for _, path := range []string{"../../framing/corpus/testdata/rows.jsonl", "../../framing/corpus/testdata/rows.csv", "../../framing/corpus/testdata/utf8.jsonl"} {
		code, _, errs := runCLI("", "score", "--format", "csv", path)
		if code != 0 || !strings.Contains(errs, "skipped "+path+":") || !strings.Contains(errs, ", skipped ") {
			t.Errorf("score %s: exit %d, stderr %q; want 0 with each skip reported and counted", path, code, errs)
		}
	}
}
