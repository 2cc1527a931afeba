package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/framingkit/framing/framing/compare"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// caChart is the correspondence analysis map of groups and labels, on the
// first two dimensions, both axes on one scale.
func caChart(c *compare.Comparison) *Chart {
	title := "Correspondence analysis of groups and labels (symmetric map)"
	w, h := 7*vg.Inch, 6*vg.Inch
	ca := c.CA
	if ca.Note != "" || len(ca.Inertia) < 2 {
		why := ca.Note
		if why == "" {
			why = "fewer than two dimensions"
		}
		return message(title, "n/a: "+why, w, 2*vg.Inch)
	}
	dim := func(k int) string {
		share := "n/a"
		if sh := float64(ca.Share[k]); drawable(sh) {
			share = fmt.Sprintf("%.1f%%", sh*100)
		}
		return fmt.Sprintf("dimension %d (%s of inertia)", k+1, share)
	}
	p := newPlot(title, dim(0), dim(1))
	gi := groupIndex(c)
	sc := &scatter{size: tickSize, spread: nearest}
	var xr, yr span
	var left leftOut
	for i, g := range ca.Groups {
		if i >= len(ca.RowCoords) || len(ca.RowCoords[i]) < 2 || !left.keep(float64(ca.RowCoords[i][0]), float64(ca.RowCoords[i][1])) {
			continue
		}
		col, gm := groupMark(gi[g])
		x, y := float64(ca.RowCoords[i][0]), float64(ca.RowCoords[i][1])
		sc.marks = append(sc.marks, mark{x: x, y: y, glyph: gm, label: g, ink: col, prio: 2})
		xr.add(x)
		yr.add(y)
	}
	labelInk := color.Gray{Y: 80}
	for k, l := range ca.Labels {
		if k >= len(ca.ColCoords) || len(ca.ColCoords[k]) < 2 || !left.keep(float64(ca.ColCoords[k][0]), float64(ca.ColCoords[k][1])) {
			continue
		}
		x, y := float64(ca.ColCoords[k][0]), float64(ca.ColCoords[k][1])
		g := draw.GlyphStyle{Color: color.Gray{Y: 120}, Radius: vg.Points(2.5), Shape: draw.PyramidGlyph{}}
		sc.marks = append(sc.marks, mark{x: x, y: y, glyph: g, label: l, ink: labelInk, prio: 1 + math.Hypot(x, y)/1e6})
		xr.add(x)
		yr.add(y)
	}
	if len(sc.marks) == 0 {
		return noData(title, &left, w)
	}
	// One unit is as long across as up, as a map must be: the data area
	// takes the shape of the data, within bounds, and the shorter range
	// is widened to fit.
	xr.pad(0.12)
	yr.pad(0.12)
	const margin = 1.2 * vg.Inch
	dw := w - margin
	dh := dw * vg.Length(yr.width()/xr.width())
	switch {
	case dh > 7*vg.Inch:
		dh = 7 * vg.Inch
		xr.widen(yr.width() * float64(dw/dh))
	case dh < 3*vg.Inch:
		dh = 3 * vg.Inch
		yr.widen(xr.width() * float64(dh/dw))
	}
	h = dh + margin
	p.Add(hline{y: 0}, vline{x: 0}, sc)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xr.lo, xr.hi, yr.lo, yr.hi
	// One step on both axes, as one unit is as long on both.
	step := niceCeil(max(xr.width(), yr.width()) / 8)
	p.X.Tick.Marker, p.Y.Tick.Marker = roundTicks{step: step}, roundTicks{step: step}
	ch := withGroupLegend(p, c, w, h)
	ch.captionLeftOut("groups in colour, labels in grey (▲); marks set apart where they would cover each other"+notOnMap(ca.GroupsLeftOut), &left, sc.droppedNote)
	ch.labels, ch.plot = []*scatter{sc}, p
	return ch
}

// notOnMap says which groups the analysis left out and why, by reason,
// naming at most three of them: "" when none.
func notOnMap(out []compare.LeftOut) string {
	var s string
	for k := 0; k < len(out); {
		why := out[k].Reason
		var names []string
		for ; k < len(out) && out[k].Reason == why; k++ {
			names = append(names, out[k].Name)
		}
		list := strings.Join(names[:min(3, len(names))], ", ")
		if len(names) > 3 {
			list += fmt.Sprintf(" and %d more", len(names)-3)
		}
		s += fmt.Sprintf("; %s not on the map (%s): %s", plural(len(names), "group"), why, list)
	}
	return s
}

// span is a range of data values.
type span struct {
	lo, hi float64
	set    bool
}

func (s *span) add(v float64) {
	if !s.set {
		s.lo, s.hi, s.set = v, v, true
	}
	s.lo, s.hi = min(s.lo, v), max(s.hi, v)
}

func (s *span) width() float64 {
	if s.hi-s.lo <= 0 {
		return 1
	}
	return s.hi - s.lo
}

// pad widens the range by f of its width on each side.
func (s *span) pad(f float64) {
	d := s.width() * f
	s.lo, s.hi = s.lo-d, s.hi+d
}

// widen makes the range w wide about its middle, if it is narrower.
func (s *span) widen(w float64) {
	if s.width() >= w {
		return
	}
	mid := (s.lo + s.hi) / 2
	s.lo, s.hi = mid-w/2, mid+w/2
}

// withGroupLegend is plot p with a legend of the comparison's groups to its
// right.
func withGroupLegend(p *plot.Plot, c *compare.Comparison, w, h vg.Length) *Chart {
	leg := newLegend()
	var widest vg.Length
	for i, g := range c.Groups {
		_, m := groupMark(i)
		leg.Add(g.Name, glyphThumb{m})
		widest = max(widest, leg.TextStyle.Width(g.Name))
	}
	h = max(h, legendHeight(&leg, len(c.Groups))+vg.Inch)
	pw := widest + leg.ThumbnailWidth + 3*vg.Points(tickSize)
	return withPanel(p, w, h, pw, func(cv draw.Canvas) {
		leg.Draw(draw.Crop(cv, 0, 0, 0, -vg.Points(titleSize)*3))
	})
}

// glyphThumb is a legend thumbnail: a group's mark.
type glyphThumb struct{ g draw.GlyphStyle }

func (t glyphThumb) Thumbnail(c *draw.Canvas) { c.DrawGlyph(t.g, c.Center()) }
