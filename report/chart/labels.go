package chart

import (
	"cmp"
	"image/color"
	"slices"

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
	// prio orders labelling: higher first, so when labels would collide
	// the more important one is kept.
	prio float64
}

// scatter draws marks and labels as many as fit without overlapping each
// other or any mark: each label tries eight places around its mark, and is
// left out when none is free. Placed and Dropped tell what happened, for
// the caption and for tests.
type scatter struct {
	marks   []mark
	size    vg.Length // label type size
	placed  []vg.Rectangle
	dropped int
}

func (s *scatter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	s.placed, s.dropped = nil, 0
	var taken []vg.Rectangle
	pts := make([]vg.Point, len(s.marks))
	for i, m := range s.marks {
		pts[i] = vg.Point{X: trX(m.x), Y: trY(m.y)}
		r := m.glyph.Radius + vg.Points(1)
		taken = append(taken, vg.Rectangle{Min: vg.Point{X: pts[i].X - r, Y: pts[i].Y - r}, Max: vg.Point{X: pts[i].X + r, Y: pts[i].Y + r}})
	}
	for i, m := range s.marks {
		c.DrawGlyph(m.glyph, pts[i])
	}
	order := make([]int, 0, len(s.marks))
	for i, m := range s.marks {
		if m.label != "" {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(s.marks[b].prio, s.marks[a].prio) })
	for _, i := range order {
		m := s.marks[i]
		sty := textStyle(s.size, m.ink)
		w, h := sty.Width(m.label), sty.Height(m.label)
		gap := m.glyph.Radius + vg.Points(2)
		found := false
		for _, off := range labelOffsets(w, h, gap) {
			r := vg.Rectangle{Min: vg.Point{X: pts[i].X + off.X, Y: pts[i].Y + off.Y}}
			r.Max = vg.Point{X: r.Min.X + w, Y: r.Min.Y + h}
			if !inside(r, c.Rectangle) || slices.ContainsFunc(taken, func(t vg.Rectangle) bool { return overlaps(r, t) }) {
				continue
			}
			sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
			c.FillText(sty, vg.Point{X: r.Min.X, Y: r.Min.Y + sty.FontExtents().Descent}, m.label)
			taken = append(taken, r)
			s.placed = append(s.placed, r)
			found = true
			break
		}
		if !found {
			s.dropped++
		}
	}
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
