package framingtest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing/framingtest"
)

// TestSeedsBaseline pins the built-in lexicon's scores on the seed corpus:
// the project uses the helper as a user would.
func TestSeedsBaseline(t *testing.T) {
	framingtest.CheckBaseline(t, "../../testdata/seeds", "", "../../testdata/seeds.baseline.json")
}

// TestCheckBaselineFails: a lexicon with one more term that hits on the
// seeds fails the helper with the term and the cells that moved.
func TestCheckBaselineFails(t *testing.T) {
	src, err := os.ReadFile("../../lexicon/builtin/ru-ua-war.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plus := strings.Replace(string(src), `en: ["mercenar*"]`, `en: ["mercenar*", "fighters"]`, 1)
	if plus == string(src) {
		t.Fatal("the built-in lexicon no longer has the line this test edits")
	}
	path := filepath.Join(t.TempDir(), "plus.yaml")
	if err := os.WriteFile(path, []byte(plus), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := framingtest.Check("../../testdata/seeds", path, "../../testdata/seeds.baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	if res.OK() {
		t.Fatal("a new term that hits did not move any score")
	}
	if !strings.Contains(strings.Join(res.Causes, "\n"), `wagner.mercenaries: term added: "fighters"`) {
		t.Errorf("causes do not name the new term: %q", res.Causes)
	}
	rec := &recorder{TB: t}
	framingtest.CheckBaseline(rec, "../../testdata/seeds", path, "../../testdata/seeds.baseline.json")
	if !strings.Contains(rec.msg, "labels.wagner.mercenaries.own") || !strings.Contains(rec.msg, "Voice of Nigeria") {
		t.Errorf("the failure does not show the cells that moved:\n%s", rec.msg)
	}
}

// recorder catches a helper's failure instead of failing the test.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msg += fmt.Sprintf(format, args...)
}

// Check compares a corpus's scores with its baseline; in a test, use
// CheckBaseline, which fails the test with the table of what moved.
func ExampleCheck() {
	res, err := framingtest.Check("../../testdata/seeds", "", "../../testdata/seeds.baseline.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.OK(), len(res.Drift))
	// Output: true 0
}

// CheckBaseline in a team's own test, next to its lexicon and corpus:
//
//	func TestLexiconBaseline(t *testing.T) {
//		framingtest.CheckBaseline(t, "testdata/corpus", "lexicon.yaml", "testdata/corpus.baseline.json")
//	}
//
// `FRAMING_UPDATE=1 go test` accepts a deliberate change. Here it runs on
// the seed corpus, with a stand-in for the test's t that prints failures.
func ExampleCheckBaseline() {
	t := &printer{}
	framingtest.CheckBaseline(t, "../../testdata/seeds", "", "../../testdata/seeds.baseline.json")
	fmt.Println("failed:", t.failed)
	// Output: failed: false
}

// printer stands in for a *testing.T outside a test: it prints failures.
type printer struct {
	testing.TB // not called: CheckBaseline uses only the methods below
	failed     bool
}

func (p *printer) Helper()                         {}
func (p *printer) Logf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (p *printer) Errorf(format string, args ...any) {
	p.failed = true
	fmt.Printf(format+"\n", args...)
}
func (p *printer) Fatal(args ...any) {
	p.failed = true
	fmt.Println(args...)
}
