package chart

import (
	"fmt"
	"math"
	"time"

	"github.com/framingkit/framing/framing/compare"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// timelineChart is each group's framing index week by week: a line per
// group through the weeks that have pole hits.
func timelineChart(c *compare.Comparison, opt Options) *Chart {
	title := "Framing index by week and group, own voice"
	w, h := 7*vg.Inch, 4.5*vg.Inch
	undated := 0
	for _, g := range c.Groups {
		undated += g.Undated
	}
	tl := &lines{}
	gi := groupIndex(c)
	var first, last float64
	n := 0
	var left leftOut
	for _, pt := range c.Timeline {
		if math.IsNaN(float64(pt.Index)) {
			continue // a week with no pole hits: a gap
		}
		if !left.keep(float64(pt.Index)) || !left.within(float64(pt.Index), -1, 1) {
			continue
		}
		start, err := time.Parse(time.DateOnly, pt.Start)
		if err != nil {
			continue // Compare writes Start; a hand-edited file may not
		}
		x := float64(start.Unix())
		if n == 0 || x < first {
			first = x
		}
		if n == 0 || x > last {
			last = x
		}
		n++
		_, m := groupMark(gi[pt.Group])
		tl.add(pt.Group, x, float64(pt.Index), float64(pt.Lo), float64(pt.Hi), m)
	}
	if n == 0 && left.bad+left.outside > 0 {
		return noData(title, &left, w)
	}
	if n == 0 {
		why := "no dated documents with own-voice hits on the axis"
		if undated > 0 {
			why += fmt.Sprintf(" (%s undated)", plural(undated, "document"))
		}
		return message(title, why, w, 2*vg.Inch)
	}
	if first == last {
		return message(title, fmt.Sprintf("all dated documents fall in one week (%s): a timeline needs two", weekOf(c)), w, 2*vg.Inch)
	}
	const halfWeek = 3.5 * 24 * 3600
	first, last = first-halfWeek, last+halfWeek
	note := fmt.Sprintf("bars: %g%% interval of the week's pole hits; weeks with no pole hits are gaps", c.Settings.Conf*100)
	if undated > 0 {
		note += fmt.Sprintf("; %s without a readable date left out", plural(undated, "document"))
	}
	if len(tl.order) > maxLines {
		ch := smallMultiples(title, tl, first, last)
		ch.captionLeftOut(note, &left, nil)
		return ch
	}
	p := newPlot(title, "week (Monday of the ISO week)", "framing index (−1 … +1)")
	p.Add(hline{y: 0}, tl)
	p.X.Min, p.X.Max = first, last
	p.Y.Min, p.Y.Max = -1.05, 1.05
	p.Y.Tick.Marker = plot.ConstantTicks(indexTicks)
	p.X.Tick.Marker = weekTicks{max: 6}
	ch := withGroupLegend(p, c, w, h)
	ch.captionLeftOut(note, &left, nil)
	return ch
}

// weekOf is the week of the first timeline point.
func weekOf(c *compare.Comparison) string {
	for _, p := range c.Timeline {
		if !p.Index.IsNaN() {
			return p.Week
		}
	}
	return ""
}

// maxLines is the most groups one timeline panel shows; more get a panel
// each, since more lines in one panel cannot be told apart.
const maxLines = 6

// smallMultiples is one small timeline per group, all on the same axes, in
// rows of four.
func smallMultiples(title string, tl *lines, first, last float64) *Chart {
	const cols = 4
	rows := (len(tl.order) + cols - 1) / cols
	pw, ph := 1.9*vg.Inch, 1.45*vg.Inch
	w := vg.Length(cols)*pw + 0.4*vg.Inch
	h := vg.Length(rows)*ph + 0.6*vg.Inch
	head := newPlot(title, "", "")
	head.HideAxes()
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadTop: 0.45 * vg.Inch, PadLeft: 0.2 * vg.Inch, PadRight: 0.2 * vg.Inch, PadX: 0.1 * vg.Inch, PadY: 0.1 * vg.Inch}
	return &Chart{Title: title, W: w, H: h, draw: func(c draw.Canvas) {
		drawPlot(head, c)
		for i, g := range tl.order {
			p := newPlot(shorten(g, pw-0.2*vg.Inch), "", "")
			p.Title.TextStyle.Font.Size = vg.Points(tickSize)
			p.Title.Padding = vg.Points(3)
			for _, a := range []*plot.Axis{&p.X, &p.Y} {
				a.Tick.Label.Font.Size = vg.Points(cellSize - 1)
			}
			one := &lines{order: []string{g}, by: map[string]*series{g: tl.by[g]}}
			p.Add(hline{y: 0}, one)
			p.X.Min, p.X.Max = first, last
			p.Y.Min, p.Y.Max = -1.1, 1.1
			p.Y.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: -1, Label: "−1"}, {Value: 0, Label: "0"}, {Value: 1, Label: "+1"}})
			p.X.Tick.Marker = weekTicks{max: 2}
			drawPlot(p, tiles.At(c, i%cols, i/cols))
		}
	}}
}

// shorten cuts s with an ellipsis to fit width w at the panel title size.
func shorten(s string, w vg.Length) string {
	sty := textStyle(tickSize, nil)
	if sty.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && sty.Width(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// weekTicks marks Mondays, labelling at most max of them so the dates stay
// apart; over more than maxWeekTicks weeks it marks only the labelled ones.
type weekTicks struct{ max int }

// maxWeekTicks is the most weeks a timeline axis marks each of: ten years.
const maxWeekTicks = 520

func (wt weekTicks) Ticks(lo, hi float64) []plot.Tick {
	const week = 7 * 24 * 3600
	if !drawable(lo) || !drawable(hi) || hi-lo > 1e6*week { // beyond any calendar a date is read from
		return nil
	}
	weeks := int((hi - lo) / week)
	step := 1
	for weeks/step >= wt.max {
		step *= 2
	}
	every := 1 // weeks between marks
	if weeks > maxWeekTicks {
		every = step
	}
	var out []plot.Tick
	start := time.Unix(int64(lo), 0).UTC()
	// The first Monday on or after lo.
	start = start.AddDate(0, 0, (8-int(start.Weekday()))%7)
	start = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	for i, t := 0, start; float64(t.Unix()) <= hi; i, t = i+every, t.AddDate(0, 0, 7*every) {
		tk := plot.Tick{Value: float64(t.Unix())}
		if i%step == 0 {
			tk.Label = t.Format("2 Jan 2006")
		}
		out = append(out, tk)
	}
	return out
}

// lines draws a line with marks per group, in the order groups were added.
type lines struct {
	order []string
	by    map[string]*series
}

type series struct {
	pts  []vg.Point   // data coordinates
	ivs  [][2]float64 // each point's interval, NaN when it has none
	line draw.LineStyle
	mark draw.GlyphStyle
}

func (l *lines) add(group string, x, y, lo, hi float64, m draw.GlyphStyle) {
	if l.by == nil {
		l.by = map[string]*series{}
	}
	s := l.by[group]
	if s == nil {
		s = &series{line: draw.LineStyle{Color: m.Color, Width: vg.Points(1.5)}, mark: m}
		l.by[group] = s
		l.order = append(l.order, group)
	}
	s.pts = append(s.pts, vg.Point{X: vg.Length(x), Y: vg.Length(y)})
	s.ivs = append(s.ivs, [2]float64{lo, hi})
}

func (l *lines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for k, g := range l.order {
		s := l.by[g]
		// The groups of one week stand a little apart, so that their
		// intervals do not hide each other.
		dodge := vg.Points(4) * vg.Length(float64(k)-float64(len(l.order)-1)/2)
		var path []vg.Point
		for _, pt := range s.pts {
			path = append(path, vg.Point{X: trX(float64(pt.X)) + dodge, Y: trY(float64(pt.Y))})
		}
		if len(path) > 1 {
			c.StrokeLines(s.line, path)
		}
		// Each week's interval, a thin bar in the group's colour, drawn
		// within the axis.
		bar := draw.LineStyle{Color: s.line.Color, Width: vg.Points(0.75)}
		for i, pt := range path {
			if i < len(s.ivs) && drawable(s.ivs[i][0]) && drawable(s.ivs[i][1]) && s.ivs[i][0] <= s.ivs[i][1] {
				lo, hi := max(s.ivs[i][0], p.Y.Min), min(s.ivs[i][1], p.Y.Max)
				c.StrokeLine2(bar, pt.X, trY(lo), pt.X, trY(hi))
			}
		}
		for _, pt := range path {
			c.DrawGlyph(s.mark, pt)
		}
	}
}
