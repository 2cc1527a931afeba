package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// driversChart is what drives each group's framing index: a diverging
// stacked bar per group, one segment per concept, as long as the concept's
// contribution (its positive less its negative pole hits, over all the
// group's pole hits; compare.IndexDriver), right of zero when it pulls
// towards the positive pole, left when towards the negative. A group's
// segments add up to its index over all its pole hits, (pos − neg) /
// (pos + neg), marked ♦: the index compare estimates, whatever its
// interval (stats.RatioInterval). Groups are in the index chart's order, concepts
// in the lexicon's, each in one colour throughout.
func driversChart(c *compare.Comparison, opt Options) *Chart {
	title := "What drives the framing index: each concept's contribution, by group, own voice"
	w := 7 * vg.Inch
	if len(c.Index) == 0 {
		return message(title, "no groups", w, 2*vg.Inch)
	}
	if len(c.Drivers) == 0 {
		return message(title, "no pole hits in any group", w, 2*vg.Inch)
	}
	lay := layDrivers(c)
	if lay.drawn == 0 {
		return noData(title, &lay.left, w)
	}
	label := "contribution to the framing index: − towards the negative pole, + towards the positive"
	if opt.Axis[0] != "" && opt.Axis[1] != "" {
		label = fmt.Sprintf("contribution to the framing index: − towards %s terms, + towards %s terms", opt.Axis[0], opt.Axis[1])
	}
	p := newPlot(title, label, "")
	bars := &diverging{rows: lay.rows, colors: lay.colors}
	p.Add(vline{x: 0}, bars)
	p.NominalY(lay.names...)
	p.Y.Min, p.Y.Max = -0.6, float64(len(lay.names))-0.4
	p.X.Min, p.X.Max = min(-1, lay.lo)-0.04, max(1, lay.hi)+0.04
	p.X.Tick.Marker = plot.ConstantTicks(indexTicks)
	if lay.lo < -1 || lay.hi > 1 { // only where the data are not what compare makes
		p.X.Tick.Marker = roundTicks{}
	}
	leg := newLegend()
	var widest vg.Length
	for j, cn := range lay.concepts {
		leg.Add(cn, swatch{lay.colors[j]})
		widest = max(widest, leg.TextStyle.Width(cn))
	}
	const mark = "index of all pole hits"
	leg.Add(mark, diamondThumb{})
	widest = max(widest, leg.TextStyle.Width(mark))
	h := max(1.4*vg.Inch+vg.Length(len(lay.names))*0.3*vg.Inch, legendHeight(&leg, len(lay.concepts)+1)+vg.Inch)
	pw := widest + leg.ThumbnailWidth + 3*vg.Points(tickSize)
	ch := withPanel(p, w, h, pw, func(c draw.Canvas) {
		leg.Draw(draw.Crop(c, 0, 0, 0, -vg.Points(titleSize)*3))
	})
	caption := "segments: each concept's (pos − neg) / all the group's pole hits; they add up to the group's index over all its pole hits, (pos − neg) / (pos + neg), ♦"
	ch.captionLeftOut(caption, &lay.left, nil)
	ch.plot, ch.bars = p, bars
	return ch
}

// driverLayout is the drivers chart laid out in data units.
type driverLayout struct {
	rows     []driverRow // bottom up
	names    []string    // the rows' names, bottom up
	concepts []string
	colors   []color.Color // of the concepts
	lo, hi   float64       // the ends of the bars
	left     leftOut
	drawn    int // segments and index marks laid out
}

// driverRow is one group's bar: its segments, and its index over all its
// pole hits, (pos − neg) / (pos + neg), if drawn.
type driverRow struct {
	group string
	segs  []driverSeg
	index float64
	mark  bool // the index is drawn
}

// driverSeg is a concept's part of a bar, from one end to the other in
// data units: to − from is its contribution.
type driverSeg struct {
	concept  int
	from, to float64
}

// layDrivers lays out the drivers of c: groups in the index chart's order,
// each concept's contribution stacked from zero outwards on its side, in
// the lexicon's order. Contributions that are not finite or lie beyond ±1
// are left out and counted.
func layDrivers(c *compare.Comparison) driverLayout {
	var lay driverLayout
	at := map[string]int{}
	for _, cr := range c.Concepts {
		if _, ok := at[cr.ID]; !ok {
			at[cr.ID] = len(lay.concepts)
			lay.concepts = append(lay.concepts, cr.ID)
		}
	}
	used := map[string]bool{}
	for _, d := range c.Drivers {
		if _, ok := at[d.Concept]; !ok { // a comparison edited by hand
			at[d.Concept] = len(lay.concepts)
			lay.concepts = append(lay.concepts, d.Concept)
		}
		used[d.Concept] = true
	}
	// Only concepts that drive some group, in the lexicon's order.
	var shown []string
	for _, cn := range lay.concepts {
		if used[cn] {
			shown = append(shown, cn)
		}
	}
	lay.concepts = shown
	for j := range lay.concepts {
		lay.colors = append(lay.colors, labelColor(j))
	}
	byGroup := map[string][]compare.IndexDriver{}
	for _, d := range c.Drivers {
		byGroup[d.Group] = append(byGroup[d.Group], d)
	}
	for _, r := range indexOrder(c) {
		row := driverRow{group: r.Group, index: stats.FramingIndex(float64(r.Pos), float64(r.Neg))}
		ds := byGroup[r.Group]
		slices.SortStableFunc(ds, func(a, b compare.IndexDriver) int {
			return slices.Index(lay.concepts, a.Concept) - slices.Index(lay.concepts, b.Concept)
		})
		var right, left float64
		for _, d := range ds {
			v := float64(d.Contribution)
			if !lay.left.keep(v) || !lay.left.within(v, -1, 1) {
				continue
			}
			j := slices.Index(lay.concepts, d.Concept)
			if v >= 0 {
				row.segs = append(row.segs, driverSeg{concept: j, from: right, to: right + v})
				right += v
			} else {
				row.segs = append(row.segs, driverSeg{concept: j, from: left, to: left + v})
				left += v
			}
			lay.drawn++
		}
		lay.lo, lay.hi = min(lay.lo, left), max(lay.hi, right)
		name := r.Group
		switch x := row.index; {
		case math.IsNaN(x):
			name += " (no pole hits)"
		case !lay.left.keep(x) || !lay.left.within(x, -1, 1):
			name += " (index left out)"
		default:
			row.mark = true
			lay.drawn++
		}
		lay.rows = append(lay.rows, row)
		lay.names = append(lay.names, name)
	}
	return lay
}

// diverging draws the drivers' bars, one row per y = 0, 1, ...: each
// segment in its concept's colour with its value written where it fits,
// and the index as a diamond.
type diverging struct {
	rows   []driverRow
	colors []color.Color
	// pitch is the distance between rows as last drawn, for tests.
	pitch vg.Length
}

func (d *diverging) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	d.pitch = trY(1) - trY(0)
	half := d.pitch * 0.35
	sty := textStyle(cellSize-1, color.Black)
	sty.XAlign = draw.XCenter
	for y, row := range d.rows {
		yc := trY(float64(y))
		r := half * 0.8 // the diamond's half-height
		xm := trX(row.index)
		for _, sg := range row.segs {
			x0, x1 := trX(min(sg.from, sg.to)), trX(max(sg.from, sg.to))
			col := d.colors[sg.concept]
			c.FillPolygon(col, rect(x0, yc-half, x1, yc+half))
			c.StrokeLines(draw.LineStyle{Color: bgColor, Width: vg.Points(0.75)}, append(rect(x0, yc-half, x1, yc+half), vg.Point{X: x0, Y: yc - half}))
			// The value where it fits, clear of the diamond.
			txt := signed(sg.to - sg.from)
			tw := sty.Width(txt)
			xc := (x0 + x1) / 2
			clear := !row.mark || xm+r < xc-tw/2-vg.Points(1) || xm-r > xc+tw/2+vg.Points(1)
			if tw+vg.Points(4) < x1-x0 && sty.Height(txt) < 2*half && clear {
				sty.Color = inkOn(col)
				c.FillText(sty, vg.Point{X: xc, Y: yc}, txt)
			}
		}
		if row.mark {
			diamond(c, vg.Point{X: xm, Y: yc}, r)
		}
	}
}

// signed writes a contribution with its sign, two decimals.
func signed(v float64) string {
	if v > 0 {
		return fmt.Sprintf("+%.2f", v)
	}
	return fmt.Sprintf("−%.2f", -v)
}

// diamond draws the index mark: a black diamond of half-height r, edged
// in white so that it shows on any segment.
func diamond(c draw.Canvas, at vg.Point, r vg.Length) {
	pts := []vg.Point{{X: at.X, Y: at.Y + r}, {X: at.X + r*0.7, Y: at.Y}, {X: at.X, Y: at.Y - r}, {X: at.X - r*0.7, Y: at.Y}}
	c.FillPolygon(color.Black, pts)
	c.StrokeLines(draw.LineStyle{Color: bgColor, Width: vg.Points(1)}, append(pts, pts[0]))
}

// diamondThumb is the legend's index mark.
type diamondThumb struct{}

func (diamondThumb) Thumbnail(c *draw.Canvas) {
	diamond(*c, c.Center(), (c.Max.Y-c.Min.Y)/2)
}
