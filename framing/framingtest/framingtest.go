package framingtest

import (
	"context"
	"flag"
	"fmt"
	"github.com/framingkit/framing/framing/corpus"
	"os"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/baseline"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
)

// Check scores the corpus at corpusDir with the lexicon at lexiconPath (""
// for the built-in one) and compares the scores with the baseline at
// baselinePath, using the baseline's options and the default tolerances.
func Check(corpusDir, lexiconPath, baselinePath string) (*baseline.Result, error) {
	was, err := baseline.ReadFile(baselinePath)
	if err != nil {
		return nil, err
	}
	now, err := compute(corpusDir, lexiconPath, was.Options)
	if err != nil {
		return nil, err
	}
	return baseline.Diff(was, now, baseline.DefaultTolerances()), nil
}

func compute(corpusDir, lexiconPath string, opt baseline.Options) (*baseline.Baseline, error) {
	m, err := lexicon.LoadMatcher(lexiconPath)
	if err != nil {
		return nil, err
	}
	b, _, err := baseline.Compute(context.Background(), corpus.NewFiles([]string{corpusDir}, corpus.Options{}).All(), m, framing.Options{}, opt)
	return b, err
}

// CheckBaseline fails t with the table of every score that moved when the
// corpus at corpusDir, scored with the lexicon at lexiconPath ("" for the
// built-in one), no longer matches the baseline at baselinePath. Run the
// test with -update (when the test binary defines that flag, as golden-file
// tests do) or with FRAMING_UPDATE=1 to write the baseline anew instead.
func CheckBaseline(t testing.TB, corpusDir, lexiconPath, baselinePath string) {
	t.Helper()
	if updating() {
		opt := baseline.DefaultOptions()
		if was, err := baseline.ReadFile(baselinePath); err == nil {
			opt = was.Options
		}
		now, err := compute(corpusDir, lexiconPath, opt)
		if err != nil {
			t.Fatal(err)
			return // t may be a stand-in whose Fatal returns
		}
		if err := baseline.WriteFile(baselinePath, now); err != nil {
			t.Fatal(err)
			return
		}
		t.Logf("updated %s", baselinePath)
		return
	}
	res, err := Check(corpusDir, lexiconPath, baselinePath)
	if err != nil {
		t.Fatal(err)
		return
	}
	if res.OK() {
		return
	}
	var b strings.Builder
	if err := report.DriftTable(res).Write(&b, report.FormatTable); err != nil {
		t.Fatal(err)
		return
	}
	for _, c := range res.Causes {
		fmt.Fprintln(&b, c)
	}
	t.Errorf("%s: scores moved:\n%s%s\n(if the change is intended, rerun with -update or FRAMING_UPDATE=1)", baselinePath, b.String(), res.Verdict())
}

// updating reports whether the test binary was asked to rewrite baselines.
func updating() bool {
	if os.Getenv("FRAMING_UPDATE") == "1" {
		return true
	}
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}
