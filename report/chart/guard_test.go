package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/stats"
)

// renderTimeout bounds one chart's drawing in the tests below: a chart of
// the seeds takes milliseconds, so a chart still drawing after this long is
// one that never finishes (gonum/plot's tick search loops forever on a NaN
// or infinite axis range).
const renderTimeout = 20 * time.Second

// render makes and writes chart kind of c in format f, and fails the test
// if that does not finish within renderTimeout. It returns the chart.
func render(t testing.TB, c *compare.Comparison, kind Kind, f Format) *Chart {
	t.Helper()
	type result struct {
		ch  *Chart
		err error
	}
	done := make(chan result, 1)
	go func() {
		ch, err := Make(c, kind, Options{Concept: conceptOf(c), Axis: [2]string{"critical", "kremlin"}})
		if err == nil {
			err = ch.Write(&bytes.Buffer{}, f)
		}
		done <- result{ch, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("%s chart: %v", kind, r.err)
		}
		return r.ch
	case <-time.After(renderTimeout):
		t.Fatalf("%s chart (%s) did not finish in %v", kind, f, renderTimeout)
	}
	return nil
}

// conceptOf is the first concept of c, for a shares chart ("" if none).
func conceptOf(c *compare.Comparison) string {
	if len(c.Concepts) == 0 {
		return ""
	}
	return c.Concepts[0].ID
}

// poison sets every number a chart draws in c to v.
func poison(c *compare.Comparison, v float64) {
	n := stats.Num(v)
	for i := range c.Index {
		c.Index[i].Index, c.Index[i].Lo, c.Index[i].Hi = n, n, n
	}
	for i := range c.Rates {
		c.Rates[i].Rate = n
	}
	for i := range c.Drivers {
		c.Drivers[i].Index, c.Drivers[i].Contribution = n, n
	}
	for i := range c.Distance.Matrix {
		for j := range c.Distance.Matrix[i] {
			c.Distance.Matrix[i][j] = n
		}
	}
	for i := range c.TermScores {
		c.TermScores[i].Z = n
	}
	for _, rows := range [][][]stats.Num{c.CA.RowCoords, c.CA.ColCoords} {
		for _, r := range rows {
			for k := range r {
				r[k] = n
			}
		}
	}
	for k := range c.CA.Share {
		c.CA.Share[k] = n
	}
	for i := range c.Timeline {
		c.Timeline[i].Index = n
	}
	for _, g := range c.Reliability.Groups {
		for name, in := range g.Indicators {
			in.Value, in.Lo, in.Hi = n, n, n
			g.Indicators[name] = in
		}
	}
}

// TestChartsOfBadNumbers draws every chart of comparisons whose numbers are
// NaN, infinite, at the ends of float64, all the same, or of one group or
// none: every chart finishes, and a chart whose points were all left out
// says so instead of drawing nothing (issue 14, item 1).
func TestChartsOfBadNumbers(t *testing.T) {
	seeds := seedComparison(t)
	for _, tc := range []struct {
		name   string
		make   func() *compare.Comparison
		nodata bool // every point is left out: the chart says so
	}{
		{"NaN", func() *compare.Comparison { c := clone(t, seeds); poison(c, math.NaN()); return c }, false},
		{"+Inf", func() *compare.Comparison { c := clone(t, seeds); poison(c, math.Inf(1)); return c }, true},
		{"-Inf", func() *compare.Comparison { c := clone(t, seeds); poison(c, math.Inf(-1)); return c }, true},
		{"1e308", func() *compare.Comparison { c := clone(t, seeds); poison(c, 1e308); return c }, true},
		{"-1e308", func() *compare.Comparison { c := clone(t, seeds); poison(c, -1e308); return c }, true},
		{"identical", func() *compare.Comparison { c := clone(t, seeds); poison(c, 0.5); return c }, false},
		{"identical huge", func() *compare.Comparison { c := clone(t, seeds); poison(c, 1e90); return c }, false},
		{"tiny", func() *compare.Comparison { c := clone(t, seeds); poison(c, 1e-300); return c }, false},
		{"no groups", func() *compare.Comparison { return &compare.Comparison{Settings: compare.DefaultOptions()} }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, kind := range Kinds {
				c := tc.make()
				if kind == Shares && len(c.Concepts) == 0 {
					continue // a shares chart needs a concept to name
				}
				ch := render(t, c, kind, SVG)
				render(t, c, kind, PNG)
				if tc.nodata && (kind == CA || kind == Distinct || kind == Drivers) && !strings.Contains(ch.Note+ch.LeftOut, "left out") {
					t.Errorf("%s: note %q, left out %q; want the points left out counted", kind, ch.Note, ch.LeftOut)
				}
			}
		})
	}
}

// clone is a deep copy of c, through its JSON.
func clone(t testing.TB, c *compare.Comparison) *compare.Comparison {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var out compare.Comparison
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestLeftOutNote(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, ""}, {1, "1 point left out"}, {3, "3 points left out"}} {
		var l leftOut
		for range tt.n {
			l.keep(math.NaN())
		}
		if got := l.note(); !strings.HasPrefix(got, tt.want) || (tt.n == 0) != (got == "") {
			t.Errorf("%d left out: note %q, want %q…", tt.n, got, tt.want)
		}
	}
	if !(&leftOut{}).keep(1, -2, 1e99) {
		t.Error("finite values within range were left out")
	}
	var l leftOut
	if l.within(1.5, -1, 1) || !l.within(-1, -1, 1) || !strings.Contains(l.note(), "1 point left out: outside the axis") {
		t.Errorf("outside the axis: note %q", l.note())
	}
}

// TestReliabilityPanelSaysWhy: a panel of an indicator the lexicon cannot
// measure says so, with the reason, instead of standing empty (issue 14,
// item 13).
func TestReliabilityPanelSaysWhy(t *testing.T) {
	c := clone(t, seedComparison(t))
	const why = "the lexicon has no category attribution"
	for _, g := range c.Reliability.Groups {
		in := g.Indicators["attribution_rate"]
		in.Value, in.Lo, in.Hi, in.Note = stats.Num(math.NaN()), stats.Num(math.NaN()), stats.Num(math.NaN()), why
		g.Indicators["attribution_rate"] = in
	}
	ch := render(t, c, Reliability, SVG)
	var b bytes.Buffer
	if err := ch.Write(&b, SVG); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), why) {
		t.Error("the attribution_rate panel does not say why it is empty")
	}
}
