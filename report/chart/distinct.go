package chart

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/framingkit/framing/framing/compare"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// distinctChart is the Fightin' Words plot (Monroe, Colaresi and Quinn
// 2008) as small multiples, a panel per group on the same axes: every
// term the group used, its log-odds z-score against the rest over its
// count, the group's top terms labelled. A panel holds one group's terms
// only, so that at 60 groups as at 3 no group's terms hide another's;
// terms of one count stand side by side, none covering another.
func distinctChart(c *compare.Comparison) *Chart {
	title := "Distinctive terms: log-odds z-score of each term, each group against the rest"
	if len(c.TermScores) == 0 {
		return message(title, "n/a: needs at least two groups with own-voice hits", 7*vg.Inch, 2*vg.Inch)
	}
	top := map[[2]string]bool{}
	for _, d := range c.Distinctive {
		if d.Kind == "term" {
			top[[2]string{d.Group, d.Name}] = true
		}
	}
	gi := groupIndex(c)
	byGroup := map[string]*scatter{}
	var groups []string
	// The z axis shows ±1.96 and every z; the count axis 1 to 2 at least.
	ylo, yhi, xmax := -2.2, 2.2, 2.0
	var left leftOut
	labelInk := color.Gray{Y: 40}
	for _, d := range c.TermScores {
		if !left.keep(float64(d.Z)) || !left.within(float64(d.Count), 1, maxDrawable) { // a log scale starts above 0
			continue
		}
		sc := byGroup[d.Group]
		if sc == nil {
			sc = &scatter{size: cellSize, spread: sideways}
			byGroup[d.Group] = sc
			groups = append(groups, d.Group)
		}
		_, g := groupMark(gi[d.Group])
		g.Radius = vg.Points(2.5)
		// The labelled terms first, so that they keep their place.
		m := mark{x: float64(d.Count), y: float64(d.Z), glyph: g, ink: labelInk, prio: float64(d.Z)}
		if top[[2]string{d.Group, d.Name}] {
			m.label, m.prio = d.Name, m.prio+2*maxDrawable
		}
		sc.marks = append(sc.marks, m)
		ylo, yhi = min(ylo, float64(d.Z)), max(yhi, float64(d.Z))
		xmax = max(xmax, float64(d.Count))
	}
	if len(groups) == 0 {
		return noData(title, &left, 7*vg.Inch)
	}
	// Groups in the comparison's order, any it does not know after them.
	slices.SortStableFunc(groups, func(a, b string) int {
		ia, oka := gi[a]
		ib, okb := gi[b]
		switch {
		case oka && okb:
			return cmp.Compare(ia, ib)
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Compare(a, b)
	})
	var scs []*scatter
	for _, g := range groups {
		scs = append(scs, byGroup[g])
	}
	ch := panels(title, "z-score of the log-odds ratio (up) by the term's own-voice hits in the group (across, log scale); dashed: z = ±1.96",
		groups, func(i int, pw vg.Length) *plot.Plot {
			p := panelPlot(shorten(groups[i], pw-0.2*vg.Inch))
			p.X.Scale = plot.LogScale{}
			p.X.Tick.Marker = logTicks{}
			p.Y.Tick.Marker = roundTicks{}
			p.Add(hline{y: 1.96}, hline{y: -1.96}, scs[i])
			p.X.Min, p.X.Max = 0.7, xmax*1.6
			pad := (yhi - ylo) * 0.08
			p.Y.Min, p.Y.Max = ylo-pad, yhi+pad
			return p
		})
	ch.captionLeftOut("labelled: each group's top terms; terms of one count set side by side, a larger mark for several at one place", &left, func() string {
		n := 0
		for _, sc := range scs {
			n += len(sc.dropped)
		}
		return droppedNote(n)
	})
	ch.labels = scs
	return ch
}

// panels is a chart of small multiples: a panel per name, drawn by the
// plot that panel(i, width) makes, in rows, under the title and a line
// saying what the axes are.
func panels(title, axes string, names []string, panel func(i int, pw vg.Length) *plot.Plot) *Chart {
	n := len(names)
	cols := 5
	switch {
	case n <= 3:
		cols = n
	case n <= 6:
		cols = 3
	case n <= 16:
		cols = 4
	}
	rows := (n + cols - 1) / cols
	pw, ph := 2.5*vg.Inch, 2.4*vg.Inch
	if cols == 5 {
		pw, ph = 2.3*vg.Inch, 2.3*vg.Inch
	}
	const head = 0.6 * vg.Inch
	w := max(vg.Length(cols)*pw+0.4*vg.Inch, textStyle(titleSize, nil).Width(title)+0.4*vg.Inch)
	h := vg.Length(rows)*ph + head
	top := newPlot(title, "", "")
	top.HideAxes()
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadTop: head, PadLeft: 0.2 * vg.Inch, PadRight: 0.2 * vg.Inch, PadX: 0.1 * vg.Inch, PadY: 0.1 * vg.Inch}
	return &Chart{Title: title, W: w, H: h, draw: func(c draw.Canvas) {
		drawPlot(top, c)
		sty := textStyle(cellSize, textGrey)
		sty.XAlign = draw.XCenter
		c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y - head + vg.Points(8)}, axes)
		for i := range names {
			drawPlot(panel(i, pw), tiles.At(c, i%cols, i/cols))
		}
	}}
}

// panelPlot is a plot for a small panel, titled title: small type.
func panelPlot(title string) *plot.Plot {
	p := newPlot(title, "", "")
	p.Title.TextStyle.Font.Size = vg.Points(tickSize)
	p.Title.Padding = vg.Points(3)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Label.Font.Size = vg.Points(cellSize - 1)
	}
	return p
}

// logTicks marks whole numbers on a log axis, all labelled, as many as
// stay apart: 1, 2, 3, 5, 10, 20, 30, 50, ... over up to one and a half
// decades, 1, 2, 5, 10, ... up to two and a half, powers of ten beyond.
type logTicks struct{}

func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	ms := []float64{1}
	switch decades := math.Log10(hi / max(lo, 1)); {
	case decades <= 1.5:
		ms = []float64{1, 2, 3, 5}
	case decades <= 2.5:
		ms = []float64{1, 2, 5}
	}
	var out []plot.Tick
	for p := 1.0; p <= hi && !math.IsInf(p, 1); p *= 10 {
		for _, m := range ms {
			if v := m * p; v >= lo && v <= hi {
				out = append(out, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
			}
		}
	}
	return out
}
