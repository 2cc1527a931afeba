package pdfcanvas

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// Stroke draws the outline of p in the line width, dash and colour set.
func (c *Canvas) Stroke(p vg.Path) {
	if c.want.width <= 0 {
		return // vg draws no line of width 0; PDF would draw a hairline
	}
	if !c.path(p) {
		return
	}
	c.syncLine()
	c.syncColor()
	c.doc.DrawPath("S")
}

// Fill fills p in the colour set, by the nonzero winding rule (as vgimg and
// SVG do).
func (c *Canvas) Fill(p vg.Path) {
	if !c.path(p) {
		return
	}
	c.syncColor()
	c.doc.DrawPath("f")
}

// path writes p into the page's current path, reporting whether it had
// anything to write. Nothing is painted until DrawPath: the state set
// between a path and its painting applies, so it may be set after.
func (c *Canvas) path(p vg.Path) bool {
	var (
		cur, start vg.Point // the current point and that of the open subpath
		open       bool     // whether there is a current point
	)
	moveTo := func(pt vg.Point) {
		c.doc.MoveTo(pt.X.Points(), c.y(pt.Y))
		cur, start, open = pt, pt, true
	}
	lineTo := func(pt vg.Point) {
		if !open {
			moveTo(pt)
			return
		}
		c.doc.LineTo(pt.X.Points(), c.y(pt.Y))
		cur = pt
	}
	cubeTo := func(c1, c2, pt vg.Point) {
		if !open {
			moveTo(cur)
		}
		c.doc.CurveBezierCubicTo(c1.X.Points(), c.y(c1.Y), c2.X.Points(), c.y(c2.Y), pt.X.Points(), c.y(pt.Y))
		cur = pt
	}
	for _, pc := range p {
		switch pc.Type {
		case vg.MoveComp:
			moveTo(pc.Pos)
		case vg.LineComp:
			lineTo(pc.Pos)
		case vg.ArcComp:
			segs := arc(pc.Pos, pc.Radius, pc.Start, pc.Angle)
			if first := segs[0][0]; !open || first != cur {
				lineTo(first) // as in vgimg and vgsvg: a line from the current point to the arc
			}
			for _, s := range segs[1:] {
				cubeTo(s[0], s[1], s[2])
			}
		case vg.CurveComp:
			switch len(pc.Control) {
			case 1:
				// PDF has no quadratic curve; this cubic is the same curve.
				q := pc.Control[0]
				cubeTo(lerp(cur, q, 2.0/3), lerp(pc.Pos, q, 2.0/3), pc.Pos)
			case 2:
				cubeTo(pc.Control[0], pc.Control[1], pc.Pos)
			default:
				panic(fmt.Sprintf("pdfcanvas: a curve with %d control points", len(pc.Control)))
			}
		case vg.CloseComp:
			if open {
				c.doc.ClosePath()
				cur = start
			}
		default:
			panic(fmt.Sprintf("pdfcanvas: unknown path component type %d", pc.Type))
		}
	}
	return open
}

// lerp is the point t of the way from a to b.
func lerp(a, b vg.Point, t vg.Length) vg.Point {
	return vg.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
}

// arc approximates the arc of the circle of centre ctr and radius r from
// angle start through angle sweep (radians, anticlockwise) by cubic Bézier
// curves of at most a quarter turn each. The first element holds only the
// arc's start point (in [0]); each of the others is a curve's two control
// points and its end.
//
// A curve of angle φ has its control points on the tangents at its ends,
// k = 4/3·tan(φ/4) radii away: the curve then meets the circle at its
// middle as well as at its ends, and strays from it by less than 0.03% of
// the radius for φ ≤ π/2 (Goldapp, "Approximation of circular arcs by
// cubic polynomials", Computer Aided Geometric Design 8(3), 1991).
func arc(ctr vg.Point, r vg.Length, start, sweep float64) [][3]vg.Point {
	at := func(theta float64) (pt, tangent vg.Point) {
		sin, cos := math.Sincos(theta)
		return vg.Point{X: ctr.X + r*vg.Length(cos), Y: ctr.Y + r*vg.Length(sin)},
			vg.Point{X: -r * vg.Length(sin), Y: r * vg.Length(cos)}
	}
	n := int(math.Ceil(math.Abs(sweep) / (math.Pi / 2)))
	phi := 0.0
	if n > 0 {
		phi = sweep / float64(n)
	}
	k := vg.Length(4.0 / 3 * math.Tan(phi/4))
	p0, t0 := at(start)
	out := [][3]vg.Point{{p0}}
	for i := 1; i <= n; i++ {
		p1, t1 := at(start + float64(i)*phi)
		out = append(out, [3]vg.Point{p0.Add(t0.Scale(k)), p1.Sub(t1.Scale(k)), p1})
		p0, t0 = p1, t1
	}
	return out
}
