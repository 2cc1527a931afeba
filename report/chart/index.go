package chart

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/framingkit/framing/framing/compare"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// indexChart is the framing index of every group with its interval: one
// row per group, lowest index at the bottom, a line at zero.
func indexChart(c *compare.Comparison, opt Options) *Chart {
	by := cmp.Or(c.By, "group")
	title := fmt.Sprintf("Framing index by %s, own voice, with %g%% intervals", by, c.Settings.Conf*100)
	w := 7 * vg.Inch
	if len(c.Index) == 0 {
		return message(title, "no groups", w, 2*vg.Inch)
	}
	rows := indexOrder(c)
	p := newPlot(title, axisLabel(opt.Axis), "")
	gi := groupIndex(c)
	docs := map[string]int{}
	for _, g := range c.Groups {
		docs[g.Name] = g.Documents
	}
	var names []string
	iv := &intervals{}
	var left leftOut
	for y, r := range rows {
		name := fmt.Sprintf("%s (%s)", r.Group, plural(docs[r.Group], "doc"))
		x := float64(r.Index)
		switch {
		case math.IsNaN(x):
			name = fmt.Sprintf("%s (%s, no pole hits)", r.Group, plural(docs[r.Group], "doc"))
		case !left.keep(x) || !left.within(x, -1, 1):
			name = fmt.Sprintf("%s (%s, left out)", r.Group, plural(docs[r.Group], "doc"))
		}
		names = append(names, name)
		if !drawable(x) || x < -1 || x > 1 {
			continue
		}
		_, mark := groupMark(gi[r.Group])
		iv.rows = append(iv.rows, interval{y: float64(y), x: x, lo: float64(r.Lo), hi: float64(r.Hi), mark: mark, open: r.Unit == compare.UnitHits})
	}
	p.Add(vline{x: 0}, iv)
	p.NominalY(names...)
	p.X.Min, p.X.Max = -1.08, 1.08 // room for a mark at ±1
	p.Y.Min, p.Y.Max = -0.6, float64(len(rows))-0.4
	p.X.Tick.Marker = plot.ConstantTicks(indexTicks)
	h := 1.3*vg.Inch + vg.Length(len(rows))*0.3*vg.Inch
	ch := plotChart(p, w, h)
	caption := ""
	if len(iv.rows) > 0 && slices.ContainsFunc(iv.rows, func(r interval) bool { return r.open }) {
		caption = "dashed: interval with hits as the unit (--unit hits), too narrow when hits cluster in documents"
	}
	ch.captionLeftOut(caption, &left, nil)
	return ch
}

// indexOrder is the comparison's index rows from the bottom of the chart
// up: lowest index first, those without one below them, out of the way.
func indexOrder(c *compare.Comparison) []compare.IndexRow {
	rows := slices.Clone(c.Index)
	slices.SortStableFunc(rows, func(a, b compare.IndexRow) int {
		an, bn := a.Index.IsNaN(), b.Index.IsNaN()
		switch {
		case an && bn:
			return cmp.Compare(a.Group, b.Group)
		case an:
			return -1
		case bn:
			return 1
		}
		return cmp.Or(cmp.Compare(a.Index, b.Index), cmp.Compare(a.Group, b.Group))
	})
	return rows
}

var indexTicks = []plot.Tick{{Value: -1, Label: "−1"}, {Value: -0.5, Label: "−0.5"}, {Value: 0, Label: "0"}, {Value: 0.5, Label: "+0.5"}, {Value: 1, Label: "+1"}}

// axisLabel says what the ends of the index axis mean.
func axisLabel(axis [2]string) string {
	if axis[0] == "" || axis[1] == "" {
		return "framing index: (positive − negative) / (positive + negative)"
	}
	return fmt.Sprintf("framing index: −1 = only %s terms … +1 = only %s terms", axis[0], axis[1])
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// groupIndex is each group's position in the comparison: what its colour
// and mark come from, so they are the same in every chart.
func groupIndex(c *compare.Comparison) map[string]int {
	m := map[string]int{}
	for i, g := range c.Groups {
		m[g.Name] = i
	}
	return m
}

// interval is a point with a horizontal interval bar.
type interval struct {
	y, x, lo, hi float64
	mark         draw.GlyphStyle
	// open marks an interval with hits as the unit, which does not allow
	// for hits clustering in documents: drawn dashed.
	open bool
}

// intervals draws points with horizontal interval bars.
type intervals struct{ rows []interval }

func (iv *intervals) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range iv.rows {
		y := trY(r.y)
		line := draw.LineStyle{Color: r.mark.Color, Width: vg.Points(1.5)}
		if drawable(r.lo) && drawable(r.hi) && r.lo <= r.hi {
			// An interval reaching past the axis ends at its edge.
			r.lo, r.hi = max(r.lo, p.X.Min), min(r.hi, p.X.Max)
			cap := vg.Points(4)
			c.StrokeLine2(line, trX(r.lo), y-cap, trX(r.lo), y+cap)
			c.StrokeLine2(line, trX(r.hi), y-cap, trX(r.hi), y+cap)
			if r.open {
				line.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
			}
			c.StrokeLine2(line, trX(r.lo), y, trX(r.hi), y)
		}
		c.DrawGlyph(r.mark, vg.Point{X: trX(r.x), Y: y})
	}
}

// vline is a dashed reference line at x.
type vline struct{ x float64 }

func (l vline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	c.StrokeLine2(gridLine, trX(l.x), c.Min.Y, trX(l.x), c.Max.Y)
}

// hline is a dashed reference line at y.
type hline struct{ y float64 }

func (l hline) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	c.StrokeLine2(gridLine, c.Min.X, trY(l.y), c.Max.X, trY(l.y))
}
