package pdfcanvas

import (
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestArc checks the Bézier curves that stand for arcs against the circle:
// every point of every curve within 2.8e-4 radii of it (the maximum radial
// error of this approximation of a quarter circle is 2.7e-4, Goldapp 1991,
// and less for shorter curves), the first curve starting and the last
// ending where the arc does, and no curve longer than a quarter turn.
func TestArc(t *testing.T) {
	ctr := vg.Point{X: 40, Y: -7}
	const r = 25
	for _, tt := range []struct {
		name         string
		start, sweep float64
		curves       int
	}{
		{"none", 1, 0, 0},
		{"quarter", 0, math.Pi / 2, 1},
		{"just over a quarter", 0, math.Pi/2 + 1e-9, 2},
		{"clockwise", math.Pi, -3, 2},
		{"full circle", 0.3, 2 * math.Pi, 4},
		{"more than a turn", 0, 5 * math.Pi, 10},
		{"small", 2, 0.01, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			segs := arc(ctr, r, tt.start, tt.sweep)
			if got := len(segs) - 1; got != tt.curves {
				t.Fatalf("%d curves, want %d", got, tt.curves)
			}
			on := func(theta float64) vg.Point {
				sin, cos := math.Sincos(theta)
				return vg.Point{X: ctr.X + r*vg.Length(cos), Y: ctr.Y + r*vg.Length(sin)}
			}
			if d := dist(segs[0][0], on(tt.start)); d > 1e-9 {
				t.Errorf("starts %g from the arc's start", d)
			}
			if d := dist(segs[len(segs)-1][2], on(tt.start+tt.sweep)); tt.curves > 0 && d > 1e-9 {
				t.Errorf("ends %g from the arc's end", d)
			}
			from := segs[0][0]
			for _, s := range segs[1:] {
				for i := 0; i <= 100; i++ {
					p := bezier(from, s[0], s[1], s[2], float64(i)/100)
					if e := math.Abs(dist(p, ctr)-r) / r; e > 2.8e-4 {
						t.Fatalf("a point %.2g radii off the circle", e)
					}
				}
				from = s[2]
			}
		})
	}
}

func dist(a, b vg.Point) float64 { return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)) }

// bezier is the point t of the cubic Bézier curve p0, c1, c2, p1.
func bezier(p0, c1, c2, p1 vg.Point, t float64) vg.Point {
	u := 1 - t
	w0, w1, w2, w3 := vg.Length(u*u*u), vg.Length(3*u*u*t), vg.Length(3*u*t*t), vg.Length(t*t*t)
	return vg.Point{X: w0*p0.X + w1*c1.X + w2*c2.X + w3*p1.X, Y: w0*p0.Y + w1*c1.Y + w2*c2.Y + w3*p1.Y}
}
