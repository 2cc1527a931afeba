package chart

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/internal/fixture"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

var (
	update = flag.Bool("update", false, "rewrite the golden SVGs under testdata/golden")
	outDir = flag.String("out", "", "also write every chart as PNG into this directory, to look at")
)

func seedComparison(t testing.TB) *compare.Comparison {
	return fixture.Compare(t, fixture.Seeds(t), "outlet")
}

// manyGroups is a comparison of 60 outlets, half with Cyrillic names, each
// drawing the seed articles and the Russian and Ukrainian ones of
// testdata/ruuk (whose terms are Cyrillic) in its own proportions over
// eight weeks: what a real study's charts must stay readable at.
func manyGroups(t testing.TB) *compare.Comparison {
	t.Helper()
	docs := fixture.Seeds(t)
	ruuk := corpus.NewFiles([]string{filepath.Join(fixture.Root(), "testdata", "ruuk")}, corpus.Options{})
	if _, err := framing.Run(context.Background(), ruuk.All(), fixture.Matcher(t), framing.Options{}, func(r *framing.Result) error {
		docs = append(docs, fixture.Doc{Doc: r.Doc, Score: r.Score})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	names := []string{"Daily News", "Вестник Державы", "Evening Herald of the Republic", "Свободный голос", "Wire", "Дніпровська правда", "Observer", "Столичный телеграф"}
	out := fixture.Spread(docs, 60, 60, func(g int) string { return fmt.Sprintf("%02d %s", g, names[g%len(names)]) }, func(g int) int { return 4 + g%5 })
	return fixture.Compare(t, out, "outlet")
}

// allCharts are the charts of a comparison: one per kind, shares for every
// concept.
func allCharts(t *testing.T, c *compare.Comparison) map[string]*Chart {
	t.Helper()
	out := map[string]*Chart{}
	opt := Options{Axis: [2]string{"critical", "kremlin"}}
	for _, k := range Kinds {
		if k == Shares {
			for _, cr := range c.Concepts {
				o := opt
				o.Concept = cr.ID
				ch, err := Make(c, k, o)
				if err != nil {
					t.Fatal(err)
				}
				out["shares-"+cr.ID] = ch
			}
			continue
		}
		ch, err := Make(c, k, opt)
		if err != nil {
			t.Fatal(err)
		}
		out[string(k)] = ch
	}
	return out
}

func writeOut(t *testing.T, prefix string, charts map[string]*Chart) {
	t.Helper()
	if *outDir == "" {
		return
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, ch := range charts {
		var b bytes.Buffer
		if err := ch.Write(&b, PNG); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*outDir, prefix+name+".png"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGoldenSVG pins every chart of the seed comparison: SVG output is
// deterministic, so any change to a chart shows up here as a diff to look
// at (run with -update, then look at the files).
func TestGoldenSVG(t *testing.T) {
	charts := allCharts(t, seedComparison(t))
	writeOut(t, "seeds-", charts)
	for name, ch := range charts {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := ch.Write(&b, SVG); err != nil {
				t.Fatal(err)
			}
			fixture.Golden(t, filepath.Join("testdata", "golden", "seeds-"+name+".svg"), b.Bytes(), *update)
		})
	}
}

// TestDeterministic: the same comparison gives the same bytes, SVG and
// PNG, even from a second, independently computed comparison.
func TestDeterministic(t *testing.T) {
	a, b := allCharts(t, seedComparison(t)), allCharts(t, seedComparison(t))
	for name := range a {
		for _, f := range []Format{SVG, PNG} {
			var x, y bytes.Buffer
			if err := a[name].Write(&x, f); err != nil {
				t.Fatal(err)
			}
			if err := b[name].Write(&y, f); err != nil {
				t.Fatal(err)
			}
			if x.Len() == 0 || !bytes.Equal(x.Bytes(), y.Bytes()) {
				t.Errorf("%s %s: two renderings differ (or are empty)", name, f)
			}
		}
	}
}

// TestLabelsDoNotOverlap draws the labelled charts (the map and the
// distinctive terms) of the seeds and of 60 outlets and checks every
// placed label against every other and against the chart's edges, and
// every marker against every other and every label (checkMarkersApart).
func TestLabelsDoNotOverlap(t *testing.T) {
	for set, c := range map[string]*compare.Comparison{"seeds": seedComparison(t), "60 outlets": manyGroups(t)} {
		charts := allCharts(t, c)
		if set == "60 outlets" {
			writeOut(t, "many-", charts)
		}
		for _, name := range []string{"ca", "distinct"} {
			ch := charts[name]
			if err := ch.Write(&bytes.Buffer{}, SVG); err != nil {
				t.Fatal(err)
			}
			var placed []vg.Rectangle
			dropped := 0
			for _, sc := range ch.labels {
				placed = append(placed, sc.placed...)
				dropped += len(sc.dropped)
				checkMarkersApart(t, set+" "+name, sc)
			}
			if len(placed) == 0 {
				t.Fatalf("%s %s: no labels placed", set, name)
			}
			for i, a := range placed {
				if a.Min.X < 0 || a.Min.Y < 0 || a.Max.X > ch.W || a.Max.Y > ch.H {
					t.Errorf("%s %s: label %d outside the chart: %v", set, name, i, a)
				}
				for j, b := range placed[:i] {
					// Computed here, not with the placer's own predicate: two
					// labels overlap when their intersection has an area, its
					// width and height both positive (touching edges is fine).
					w := min(a.Max.X, b.Max.X) - max(a.Min.X, b.Min.X)
					h := min(a.Max.Y, b.Max.Y) - max(a.Min.Y, b.Min.Y)
					if w > 0 && h > 0 {
						t.Errorf("%s %s: labels %d and %d overlap", set, name, i, j)
					}
				}
			}
			t.Logf("%s %s: %d labels placed, %d left out", set, name, len(placed), dropped)
		}
	}
}

// checkMarkersApart fails when two markers of sc, as drawn, cover each
// other (their centres nearer than the sum of their radii), when a mark
// is not counted by exactly one marker, or a label is carried by other than
// one marker, or a marker's labels are neither written nor counted as left
// out.
func checkMarkersApart(t *testing.T, name string, sc *scatter) {
	t.Helper()
	n, labelled := 0, 0
	carried := map[string]int{}
	for i, a := range sc.drawn {
		for _, b := range sc.drawn[:i] {
			d := math.Hypot(float64(a.at.X-b.at.X), float64(a.at.Y-b.at.Y))
			if d < float64(a.glyph.Radius+b.glyph.Radius) {
				t.Errorf("%s: markers %v (%v) and %v (%v) cover each other, %.2f pt apart", name, a.labels, a.at, b.labels, b.at, d)
			}
		}
		n += a.n
		for _, l := range a.labels {
			carried[l]++
		}
		if len(a.labels) > 0 {
			labelled++
		}
	}
	if n != len(sc.marks) {
		t.Errorf("%s: markers stand for %d marks, want %d", name, n, len(sc.marks))
	}
	for _, m := range sc.marks {
		if m.label != "" && carried[m.label] != 1 {
			t.Errorf("%s: label %q carried by %d markers, want 1", name, m.label, carried[m.label])
		}
	}
	for _, r := range sc.placed {
		for _, a := range sc.drawn {
			// The point of the label's box nearest the marker's centre.
			x := max(r.Min.X, min(a.at.X, r.Max.X))
			y := max(r.Min.Y, min(a.at.Y, r.Max.Y))
			if math.Hypot(float64(x-a.at.X), float64(y-a.at.Y)) < float64(a.glyph.Radius) {
				t.Errorf("%s: a label %v covers marker %v at %v", name, r, a.labels, a.at)
			}
		}
	}
	if got := len(sc.placed) + len(sc.dropped); got != labelled {
		t.Errorf("%s: %d labels written or left out, want %d", name, got, labelled)
	}
}

func TestNothingToShow(t *testing.T) {
	// One outlet, one document without a single hit.
	d := fixture.Seeds(t)[0]
	s := *d.Score
	s.Outlet = "only"
	s.Labels = make([]framing.VoiceCount, len(s.Labels))
	s.Pos, s.Neg, s.Hits, s.Date = 0, 0, nil, ""
	c := fixture.Compare(t, []fixture.Doc{{Doc: d.Doc, Score: &s}}, "outlet")
	for name, ch := range allCharts(t, c) {
		if name == "index" || name == "reliability" {
			continue // a row saying "no pole hits", and a sourcing profile without framing hits, are what they show
		}
		if ch.Note == "" {
			t.Errorf("%s: no note saying why it is empty", name)
		}
		if err := ch.Write(&bytes.Buffer{}, SVG); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{{"index", true}, {"timeline", true}, {"drivers", true}, {"pie", false}, {"", false}} {
		if _, err := ParseKind(tt.in); (err == nil) != tt.ok {
			t.Errorf("ParseKind(%q) error %v", tt.in, err)
		}
	}
	for _, tt := range []struct {
		in string
		ok bool
	}{{"svg", true}, {"PNG", true}, {"pdf", true}, {"jpeg", false}} {
		if _, err := ParseFormat(tt.in); (err == nil) != tt.ok {
			t.Errorf("ParseFormat(%q) error %v", tt.in, err)
		}
	}
	if _, err := Make(seedComparison(t), Shares, Options{Concept: "nope"}); err == nil {
		t.Error("shares of an unknown concept: no error")
	}
}

func TestNiceCeil(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{{21.9, 25}, {0.37, 0.5}, {1, 1}, {0, 1}, {7, 10}, {150, 200}} {
		if got := niceCeil(tt.in); got != tt.want {
			t.Errorf("niceCeil(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestRoundTicks: the reliability panels' ticks fall on round steps and
// are written as briefly as the number allows, one way for every panel.
func TestRoundTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi, step float64
		want         string
	}{
		{0, 1, 0, "0 0.25 0.5 0.75 1"},
		{0, 50, 0, "0 20 40"},
		{-1, 1, 0, "-1 -0.5 0 0.5 1"},
		{0, 25, 0, "0 10 20"},
		{0, 0, 0, ""},
		{0, 1, 0.2, "0 0.2 0.4 0.6 0.8 1"}, // 3 × 0.2 is not 0.6 in float64
		{-0.3, 0.75, 0.1, "-0.3 -0.2 -0.1 0 0.1 0.2 0.3 0.4 0.5 0.6 0.7"},
	} {
		var got []string
		for _, tk := range (roundTicks{step: tc.step}).Ticks(tc.lo, tc.hi) {
			got = append(got, tk.Label)
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("ticks of [%g, %g]: %q, want %q", tc.lo, tc.hi, s, tc.want)
		}
	}
}

// TestSimilarityOrder: groups that are close end up next to each other,
// whatever their order in the matrix.
func TestSimilarityOrder(t *testing.T) {
	// Groups 0, 2, 4 frame alike (0.1 apart), 1 and 3 alike (0.2), the two
	// sets far apart (0.9); group 5 has no hits (NaN).
	n := 6
	d := make([][]float64, n)
	set := []int{0, 1, 0, 1, 0, 2}
	for i := range d {
		d[i] = make([]float64, n)
		for j := range d[i] {
			switch {
			case i == j:
			case set[i] == 2 || set[j] == 2:
				d[i][j] = math.NaN()
			case set[i] != set[j]:
				d[i][j] = 0.9
			case set[i] == 0:
				d[i][j] = 0.1
			default:
				d[i][j] = 0.2
			}
		}
	}
	order := similarityOrder(d)
	if len(order) != n {
		t.Fatalf("order %v", order)
	}
	pos := map[int]int{}
	for p, i := range order {
		pos[i] = p
	}
	contiguous := func(members ...int) bool {
		lo, hi := n, -1
		for _, m := range members {
			lo, hi = min(lo, pos[m]), max(hi, pos[m])
		}
		return hi-lo == len(members)-1
	}
	if !contiguous(0, 2, 4) || !contiguous(1, 3) {
		t.Errorf("order %v splits a set of close groups", order)
	}
	if got := similarityOrder(nil); len(got) != 0 {
		t.Errorf("no groups: %v", got)
	}
}

// TestCATicks: the map's ticks are round numbers, one step on both axes
// (1, 2, 2.5 or 5 times a power of ten), each written as briefly as the
// number allows, at 5 groups and at 60.
func TestCATicks(t *testing.T) {
	for set, c := range map[string]*compare.Comparison{"seeds": seedComparison(t), "60 outlets": manyGroups(t)} {
		ch := render(t, c, CA, SVG)
		steps := map[float64]bool{}
		for _, a := range []*plot.Axis{&ch.plot.X, &ch.plot.Y} {
			ticks := a.Tick.Marker.Ticks(a.Min, a.Max)
			if len(ticks) < 3 {
				t.Errorf("%s: %d ticks on [%g, %g], want 3 or more", set, len(ticks), a.Min, a.Max)
				continue
			}
			for i, tk := range ticks {
				if want := strconv.FormatFloat(tk.Value, 'f', -1, 64); tk.Label != want {
					t.Errorf("%s: tick %g written %q, want %q", set, tk.Value, tk.Label, want)
				}
				if i == 0 {
					continue
				}
				step := tk.Value - ticks[i-1].Value
				mant := step / math.Pow(10, math.Floor(math.Log10(step)))
				if !slices.ContainsFunc([]float64{1, 2, 2.5, 5}, func(m float64) bool { return math.Abs(m-mant) < 1e-9 }) {
					t.Errorf("%s: ticks %g and %g are %g apart, not a round step", set, ticks[i-1].Value, tk.Value, step)
				}
				steps[math.Round(step*1e9)/1e9] = true
			}
		}
		if len(steps) != 1 {
			t.Errorf("%s: tick steps %v, want one for both axes", set, steps)
		}
	}
}

// minLegible is the smallest type, in points, a chart may use for the
// names of its rows and columns.
const minLegible = 8

// TestHeatmapsAtScale: at 60 groups the distance heatmap's names are of a
// legible size and a line apart (down the side, and square to their 45°
// slant across), the cells do not write values too small to read, and
// the caption says so; the chart grows with the groups.
func TestHeatmapsAtScale(t *testing.T) {
	few, many := seedComparison(t), manyGroups(t)
	size := map[string]vg.Point{}
	for set, c := range map[string]*compare.Comparison{"seeds": few, "60 outlets": many} {
		for _, kind := range []Kind{Heatmap, Distance} {
			ch := render(t, c, kind, SVG)
			var b bytes.Buffer
			if err := ch.Write(&b, SVG); err != nil {
				t.Fatal(err)
			}
			name := set + " " + string(kind)
			for _, a := range []*plot.Axis{&ch.plot.X, &ch.plot.Y} {
				if sz := a.Tick.Label.Font.Size.Points(); sz < minLegible {
					t.Errorf("%s: names in %g pt type, want %d or more", name, sz, minLegible)
				}
			}
			line := func(a *plot.Axis) vg.Length { return a.Tick.Label.Height("Mg") }
			g := ch.grid
			if g.cellH < line(&ch.plot.Y) {
				t.Errorf("%s: rows %.1f pt apart, names %.1f pt high: they overlap", name, g.cellH.Points(), line(&ch.plot.Y).Points())
			}
			if across := g.cellW * vg.Length(math.Sin(ch.plot.X.Tick.Label.Rotation)); across < line(&ch.plot.X) {
				t.Errorf("%s: column names %.1f pt apart square to their slant, %.1f pt high: they overlap", name, across.Points(), line(&ch.plot.X).Points())
			}
			cols := len(g.vals[0])
			if want := cols <= maxWritten; g.written != want {
				t.Errorf("%s: %d columns, values written %v, want %v", name, cols, g.written, want)
			}
			if said := strings.Contains(b.String(), "values not written"); said == g.written {
				t.Errorf("%s: values written %v, and the caption says they are not: %v", name, g.written, said)
			}
			if set == "60 outlets" && kind == Distance && g.written {
				t.Errorf("%s: values written in cells of a 60 × 60 grid", name)
			}
			size[name] = vg.Point{X: ch.W, Y: ch.H}
		}
	}
	if a, b := size["seeds distance"], size["60 outlets distance"]; !(b.X > a.X && b.Y > a.Y) {
		t.Errorf("distance heatmap of 5 groups %v, of 60 %v: want it larger with more groups", a, b)
	}
}

// TestDrivers: the drivers chart lays each group's contributions end to
// end from zero, so that its bar reaches, net, the sum of its
// contributions in the comparison, which is (pos − neg) / (pos + neg) of
// its pole hits, where its ♦ stands; groups are in the index chart's
// order, lowest index at the bottom; and at 5 and at 60 groups the names
// are legible and a line apart, and the legend fits.
func TestDrivers(t *testing.T) {
	for set, c := range map[string]*compare.Comparison{"seeds": seedComparison(t), "60 outlets": manyGroups(t)} {
		sum := map[string]float64{}
		for _, d := range c.Drivers {
			sum[d.Group] += float64(d.Contribution)
		}
		counts := map[string][2]int{}
		for _, r := range c.Index {
			counts[r.Group] = [2]int{r.Pos, r.Neg}
		}
		lay := layDrivers(c)
		if len(lay.rows) != len(c.Index) {
			t.Fatalf("%s: %d rows for %d groups", set, len(lay.rows), len(c.Index))
		}
		prev := math.Inf(-1)
		for _, row := range lay.rows {
			// The segments of each side follow each other from zero out.
			var right, left, drawn float64
			for _, sg := range row.segs {
				v := sg.to - sg.from
				switch {
				case v >= 0 && sg.from == right:
					right = sg.to
				case v < 0 && sg.from == left:
					left = sg.to
				default:
					t.Errorf("%s %s: segment %v does not follow on its side (right end %g, left end %g)", set, row.group, sg, right, left)
				}
				drawn += v
			}
			pn := counts[row.group]
			if pn[0]+pn[1] == 0 {
				if row.mark || len(row.segs) > 0 {
					t.Errorf("%s %s: no pole hits, yet a bar or a mark", set, row.group)
				}
				continue
			}
			want := float64(pn[0]-pn[1]) / float64(pn[0]+pn[1])
			if math.Abs(drawn-sum[row.group]) > 1e-12 || math.Abs(right+left-want) > 1e-9 || !row.mark || math.Abs(row.index-want) > 1e-12 {
				t.Errorf("%s %s: bar adds up to %g (ends %g, %g), contributions to %g, mark at %g; want %g", set, row.group, drawn, left, right, sum[row.group], row.index, want)
			}
		}
		// Bottom up by the index chart's estimate.
		est := map[string]float64{}
		for _, r := range c.Index {
			est[r.Group] = float64(r.Index)
		}
		for _, row := range lay.rows {
			if x := est[row.group]; !math.IsNaN(x) {
				if x < prev {
					t.Errorf("%s: %s (index %g) above a group of index %g", set, row.group, x, prev)
				}
				prev = x
			}
		}

		ch := render(t, c, Drivers, SVG)
		y := &ch.plot.Y
		if sz := y.Tick.Label.Font.Size.Points(); sz < minLegible {
			t.Errorf("%s: names in %g pt type", set, sz)
		}
		if h := y.Tick.Label.Height("Mg"); ch.bars.pitch < h {
			t.Errorf("%s: rows %.1f pt apart, names %.1f pt high: they overlap", set, ch.bars.pitch.Points(), h.Points())
		}
		leg := newLegend()
		if need := legendHeight(&leg, len(lay.concepts)+1); need > ch.H {
			t.Errorf("%s: legend %v high in a chart %v high", set, need, ch.H)
		}
	}
}

// TestWrapClauses: a caption breaks between its clauses, each whole on
// one line where it fits, and between words only within a clause wider
// than the line.
func TestWrapClauses(t *testing.T) {
	sty := textStyle(tickSize, nil)
	w := sty.Width("groups in colour, labels in grey; marks set apart;")
	for _, tc := range []struct{ in, want string }{
		{"short; also short", "short; also short"},
		{"groups in colour, labels in grey; marks set apart; 1 group not on the map: D",
			"groups in colour, labels in grey; marks set apart;\n1 group not on the map: D"},
		{"groups in colour, labels in grey, marks set apart and more words",
			"groups in colour, labels in grey, marks set apart\nand more words"},
	} {
		if got := wrapClauses(tc.in, sty, w); got != tc.want {
			t.Errorf("wrapClauses(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The first 56 groups have marks of their own: no two share both colour
// and shape.
func TestGroupMarksDistinct(t *testing.T) {
	seen := map[string]int{}
	for i := range len(groupColors) * len(groupGlyphs) {
		c, g := groupMark(i)
		key := fmt.Sprintf("%v %T", c, g.Shape)
		if j, ok := seen[key]; ok {
			t.Errorf("groups %d and %d share the mark %s", j, i, key)
		}
		seen[key] = i
	}
	if len(seen) < 56 {
		t.Errorf("%d distinct marks, want 56", len(seen))
	}
}
