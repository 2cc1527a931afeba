package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// mark is a point of a scatter chart, with the label it may carry.
type mark struct {
	x, y  float64
	glyph draw.GlyphStyle
	label string
	ink   color.Color
	// prio orders drawing and labelling: higher first, so a more
	// important mark keeps its place and its label when others compete.
	prio float64
}

// spread is how a scatter keeps its marks from covering each other.
type spread int

const (
	// sideways sets a mark that would cover another beside it, at its own
	// y, as near its x as is free (a beeswarm): for a chart whose y is the
	// value read and whose x is a whole count.
	sideways spread = iota
	// nearest makes marks that coincide and look the same one mark
	// carrying all their labels, and moves a mark that would cover a
	// different one to the nearest free place, with a thin line to where
	// it belongs: for a map, where both coordinates are read.
	nearest
)

// scatter draws marks, none covering another (see spread), and labels as
// many as fit without overlapping each other or any mark: each label tries
// eight places around its mark, and is left out when none is free. After
// drawing, drawn, placed and dropped tell what happened, for the caption
// and for tests.
type scatter struct {
	marks  []mark
	size   vg.Length // label type size
	spread spread
	// drawn are the marks as drawn: one per marker, where it went.
	drawn []drawnMark
	// placed are the labels drawn, dropped the ones that did not fit.
	placed  []vg.Rectangle
	dropped []string
}

// drawnMark is a marker as drawn: its place on the canvas, where its data
// put it, and the labels it carries (more than one where marks coincided).
type drawnMark struct {
	at, home vg.Point
	glyph    draw.GlyphStyle
	labels   []string
	ink      color.Color
	// n is how many marks the marker stands for.
	n int
}

// markGap is the least space between two markers' edges.
const markGap = 0.5

// maxGrow is how many times its radius a marker standing for many marks
// grows at most.
const maxGrow = 3

func (s *scatter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	order := make([]int, len(s.marks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(s.marks[b].prio, s.marks[a].prio) })
	s.drawn, s.placed, s.dropped = nil, nil, nil
	// Marks that coincide and look the same are one marker: on a map
	// those less than a radius apart, elsewhere only those at one place.
	for _, i := range order {
		m := s.marks[i]
		home := vg.Point{X: trX(m.x), Y: trY(m.y)}
		near := m.glyph.Radius
		if s.spread == sideways {
			near = vg.Points(0.5)
		}
		k := slices.IndexFunc(s.drawn, func(d drawnMark) bool { return sameMark(d, m.glyph, home, near) })
		if k < 0 {
			s.drawn = append(s.drawn, drawnMark{home: home, glyph: m.glyph, ink: m.ink})
			k = len(s.drawn) - 1
		}
		s.drawn[k].n++
		if m.label != "" {
			s.drawn[k].labels = append(s.drawn[k].labels, m.label)
		}
	}
	for k := range s.drawn {
		d := &s.drawn[k]
		if s.spread == sideways && d.n > 1 {
			// Its area as many times a mark's as it stands for marks, so
			// that no term goes uncounted.
			d.glyph.Radius *= vg.Length(min(math.Sqrt(float64(d.n)), maxGrow))
		}
		d.at = s.free(s.drawn[:k], d.home, d.glyph.Radius, c.Rectangle)
	}
	lead := draw.LineStyle{Color: color.Gray{Y: 150}, Width: vg.Points(0.5)}
	for _, d := range s.drawn {
		if dist(d.at, d.home) > vg.Points(1) && s.spread == nearest {
			c.StrokeLine2(lead, d.home.X, d.home.Y, d.at.X, d.at.Y)
		}
	}
	var taken []vg.Rectangle
	for _, d := range s.drawn {
		c.DrawGlyph(d.glyph, d.at)
		r := d.glyph.Radius + vg.Points(1)
		taken = append(taken, vg.Rectangle{Min: vg.Point{X: d.at.X - r, Y: d.at.Y - r}, Max: vg.Point{X: d.at.X + r, Y: d.at.Y + r}})
	}
	// Labels in the order marks were drawn: the most important first.
	for _, d := range s.drawn {
		if len(d.labels) == 0 {
			continue
		}
		sty := textStyle(s.size, d.ink)
		// The labels of a marker on one line, or one a line where that
		// line would take more than half the width.
		label := strings.Join(d.labels, ", ")
		if sty.Width(label) > (c.Max.X-c.Min.X)/2 {
			label = strings.Join(d.labels, "\n")
		}
		w, h := sty.Width(label), sty.Height(label)
		r, far, ok := labelPlace(d, w, h, c.Rectangle, taken)
		if !ok {
			s.dropped = append(s.dropped, label)
			continue
		}
		if far {
			// A label set away from its marker has a line to it.
			to := vg.Point{X: max(r.Min.X, min(d.at.X, r.Max.X)), Y: max(r.Min.Y, min(d.at.Y, r.Max.Y))}
			from := d.at
			if l := dist(to, d.at); l > 0 {
				f := (d.glyph.Radius + vg.Points(0.5)) / l
				from = vg.Point{X: d.at.X + (to.X-d.at.X)*f, Y: d.at.Y + (to.Y-d.at.Y)*f}
			}
			c.StrokeLine2(lead, from.X, from.Y, to.X, to.Y)
		}
		// Lines flush towards the marker.
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		x := r.Min.X
		if r.Max.X <= d.at.X {
			sty.XAlign, x = draw.XRight, r.Max.X
		}
		c.FillText(sty, vg.Point{X: x, Y: r.Min.Y + sty.FontExtents().Descent}, label)
		taken = append(taken, r)
		s.placed = append(s.placed, r)
	}
}

// labelPlace is where a w × h label of marker d goes: the first free
// place, inside bounds and over nothing taken, of eight around the
// marker, then of eight further out, ring by ring (far: a line must join
// it to its marker); ok is false when none is free.
func labelPlace(d drawnMark, w, h vg.Length, bounds vg.Rectangle, taken []vg.Rectangle) (r vg.Rectangle, far, ok bool) {
	for ring, out := range []float64{0, 6, 12, 20, 30} {
		gap := d.glyph.Radius + vg.Points(2+out)
		for _, off := range labelOffsets(w, h, gap) {
			r := vg.Rectangle{Min: vg.Point{X: d.at.X + off.X, Y: d.at.Y + off.Y}}
			r.Max = vg.Point{X: r.Min.X + w, Y: r.Min.Y + h}
			if inside(r, bounds) && !slices.ContainsFunc(taken, func(t vg.Rectangle) bool { return overlaps(r, t) }) {
				return r, ring > 0, true
			}
		}
	}
	return vg.Rectangle{}, false, false
}

// sameMark reports whether a mark of glyph g at p would be drawn on d as
// the same marker: the same shape, colour and size, less than near apart.
func sameMark(d drawnMark, g draw.GlyphStyle, p vg.Point, near vg.Length) bool {
	return d.glyph.Shape == g.Shape && d.glyph.Radius == g.Radius && rgba(d.glyph.Color) == rgba(g.Color) && dist(d.home, p) < near
}

// free is the place nearest home where a marker of radius r covers none
// drawn so far, inside bounds where it can be: along the row for sideways,
// anywhere for nearest.
func (s *scatter) free(placed []drawnMark, home vg.Point, r vg.Length, bounds vg.Rectangle) vg.Point {
	clear := func(p vg.Point) bool {
		for _, d := range placed {
			if dist(p, d.at) < r+d.glyph.Radius+vg.Points(markGap)-1e-9 {
				return false
			}
		}
		return true
	}
	within := func(p vg.Point) bool {
		return p.X-r >= bounds.Min.X && p.X+r <= bounds.Max.X && p.Y-r >= bounds.Min.Y && p.Y+r <= bounds.Max.Y
	}
	// first is the nearest of cands that is clear, inside bounds if one is.
	first := func(cands []vg.Point) (vg.Point, bool) {
		slices.SortStableFunc(cands, func(a, b vg.Point) int { return cmp.Compare(dist(a, home), dist(b, home)) })
		out, ok := vg.Point{}, false
		for _, p := range cands {
			if clear(p) {
				if within(p) {
					return p, true
				}
				if !ok {
					out, ok = p, true
				}
			}
		}
		return out, ok
	}
	if s.spread == sideways {
		// A marker at this height is kept out of an interval of x about
		// every marker near it: the nearest free place is home or an end
		// of such an interval.
		cands := []vg.Point{home}
		for _, d := range placed {
			reach := r + d.glyph.Radius + vg.Points(markGap)
			if dy := home.Y - d.at.Y; math.Abs(float64(dy)) < float64(reach) {
				dx := vg.Length(math.Sqrt(float64(reach*reach-dy*dy))) + 1e-6
				cands = append(cands, vg.Point{X: d.at.X - dx, Y: home.Y}, vg.Point{X: d.at.X + dx, Y: home.Y})
			}
		}
		if p, ok := first(cands); ok {
			return p
		}
		return home // cannot happen: the outermost end is always clear
	}
	if clear(home) && within(home) {
		return home
	}
	// Rings about home, a point apart: each marker drawn blocks a disc of
	// a few points, so rings reaching past all of them find a place.
	var fallback *vg.Point
	const around = 24
	for k := 1; k <= 20*(len(placed)+1); k++ {
		ring := make([]vg.Point, around)
		for a := range ring {
			t := 2 * math.Pi * float64(a) / around
			ring[a] = vg.Point{X: home.X + vg.Points(float64(k)*math.Cos(t)), Y: home.Y + vg.Points(float64(k)*math.Sin(t))}
		}
		if p, ok := first(ring); ok {
			if within(p) {
				return p
			}
			if fallback == nil {
				fallback = &p
			}
		}
	}
	if fallback != nil {
		return *fallback
	}
	return home
}

func dist(a, b vg.Point) vg.Length {
	return vg.Length(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}

// droppedNote tells, once the chart is drawn, how many labels did not fit.
func (s *scatter) droppedNote() string { return droppedNote(len(s.dropped)) }

// droppedNote says that n labels could not be written, "" when none.
func droppedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %s not written where they would overlap", plural(n, "label"))
}

// labelOffsets are where a w × h label may go relative to its mark, as the
// offset of its lower left corner: right, left, above, below, then the
// corners.
func labelOffsets(w, h, gap vg.Length) []vg.Point {
	return []vg.Point{
		{X: gap, Y: -h / 2}, {X: -gap - w, Y: -h / 2},
		{X: -w / 2, Y: gap}, {X: -w / 2, Y: -gap - h},
		{X: gap * 0.7, Y: gap * 0.7}, {X: -gap*0.7 - w, Y: gap * 0.7},
		{X: gap * 0.7, Y: -gap*0.7 - h}, {X: -gap*0.7 - w, Y: -gap*0.7 - h},
	}
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func inside(r, in vg.Rectangle) bool {
	return r.Min.X >= in.Min.X && r.Max.X <= in.Max.X && r.Min.Y >= in.Min.Y && r.Max.Y <= in.Max.Y
}
