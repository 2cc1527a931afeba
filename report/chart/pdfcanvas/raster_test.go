package pdfcanvas

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestRaster draws shapes on a 100×100 pt page, has pdftoppm render it at
// 72 dpi (a pixel a point) and checks the colour inside and outside each
// shape: where vg's origin, transforms, Push and Pop, colours, alpha, line
// widths, dashes, arcs and images put things. Points are sampled away from
// edges, so antialiasing does not matter; colours may differ by 2 in 255
// for the renderer's rounding.
func TestRaster(t *testing.T) {
	var (
		red   = color.RGBA{R: 255, A: 255}
		blue  = color.RGBA{B: 255, A: 255}
		white = color.RGBA{R: 255, G: 255, B: 255, A: 255}
		black = color.RGBA{A: 255}
	)
	square := func(x0, y0, x1, y1 vg.Length) vg.Path {
		return vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}.Path()
	}
	type probe struct {
		x, y vg.Length // vg's coordinates, up from the bottom left
		want color.RGBA
	}
	for _, tt := range []struct {
		name   string
		draw   func(c *Canvas)
		probes []probe
	}{
		{"origin at bottom left", func(c *Canvas) {
			c.SetColor(red)
			c.Fill(square(10, 10, 30, 30))
		}, []probe{{20, 20, red}, {20, 80, white}, {80, 20, white}}},
		{"translate", func(c *Canvas) {
			c.SetColor(red)
			c.Translate(vg.Point{X: 50, Y: 0})
			c.Fill(square(10, 10, 30, 30))
		}, []probe{{70, 20, red}, {20, 20, white}}},
		{"rotate anticlockwise", func(c *Canvas) {
			c.SetColor(red)
			c.Rotate(math.Pi / 2) // (x, y) → (−y, x)
			c.Fill(square(60, -30, 80, -10))
		}, []probe{{20, 70, red}, {70, 20, white}}},
		{"scale", func(c *Canvas) {
			c.SetColor(red)
			c.Scale(2, 3)
			c.Fill(square(10, 10, 20, 20)) // 20–40 across, 30–60 up
		}, []probe{{30, 45, red}, {15, 45, white}, {30, 25, white}, {45, 45, white}}},
		{"pop restores colour and transform", func(c *Canvas) {
			c.SetColor(red)
			c.Push()
			c.SetColor(blue)
			c.Translate(vg.Point{X: 50, Y: 50})
			c.Fill(square(0, 0, 20, 20))
			c.Pop()
			c.Fill(square(0, 0, 20, 20))
			c.SetColor(blue) // blue again after the Pop: must be written again
			c.Fill(square(0, 80, 20, 100))
		}, []probe{{60, 60, blue}, {10, 10, red}, {10, 90, blue}}},
		{"alpha over white", func(c *Canvas) {
			c.SetColor(color.NRGBA{B: 255, A: 128}) // half blue: (127, 127, 255) on white
			c.Fill(square(10, 10, 30, 30))
			c.SetColor(color.RGBA{B: 128, A: 128}) // the same, premultiplied
			c.Fill(square(60, 10, 80, 30))
		}, []probe{{20, 20, color.RGBA{127, 127, 255, 255}}, {70, 20, color.RGBA{127, 127, 255, 255}}}},
		{"line width and dash", func(c *Canvas) {
			c.SetLineWidth(6)
			c.SetLineDash([]vg.Length{10, 10}, 0)
			var p vg.Path
			p.Move(vg.Point{X: 0, Y: 50})
			p.Line(vg.Point{X: 100, Y: 50})
			c.Stroke(p)
		}, []probe{{5, 50, black}, {15, 50, white}, {25, 50, black}, {5, 55, white}}},
		{"dash of zeros draws solid", func(c *Canvas) {
			c.SetLineWidth(6)
			c.SetLineDash([]vg.Length{0, 0}, 0)
			var p vg.Path
			p.Move(vg.Point{X: 0, Y: 50})
			p.Line(vg.Point{X: 100, Y: 50})
			c.Stroke(p)
		}, []probe{{5, 50, black}, {15, 50, black}, {50, 50, black}}},
		{"width 0 draws nothing", func(c *Canvas) {
			c.SetLineWidth(0)
			var p vg.Path
			p.Move(vg.Point{X: 0, Y: 50})
			p.Line(vg.Point{X: 100, Y: 50})
			c.Stroke(p)
		}, []probe{{50, 50, white}}},
		{"arc", func(c *Canvas) {
			// A quarter disc: from the centre, the arc from 0 to π/2, back.
			c.SetColor(red)
			var p vg.Path
			p.Move(vg.Point{X: 20, Y: 20})
			p.Arc(vg.Point{X: 20, Y: 20}, 60, 0, math.Pi/2)
			p.Close()
			c.Fill(p)
		}, []probe{
			{50, 50, red},
			{20 + 57*math.Sqrt2/2, 20 + 57*math.Sqrt2/2, red}, // at 45°, 3 pt inside the arc
			{20 + 63*math.Sqrt2/2, 20 + 63*math.Sqrt2/2, white},
			{10, 50, white}, {50, 10, white},
		}},
		{"circle, clockwise", func(c *Canvas) {
			c.SetColor(red)
			var p vg.Path
			p.Arc(vg.Point{X: 50, Y: 50}, 30, 0, -2*math.Pi)
			p.Close()
			c.Fill(p)
		}, []probe{{50, 50, red}, {50, 78, red}, {50, 82, white}, {22, 50, red}, {18, 50, white}}},
		{"quadratic curve", func(c *Canvas) {
			// Its middle is halfway to the control point: at (50, 50).
			c.SetColor(red)
			var p vg.Path
			p.Move(vg.Point{X: 0, Y: 0})
			p.QuadTo(vg.Point{X: 50, Y: 100}, vg.Point{X: 100, Y: 0})
			p.Close()
			c.Fill(p)
		}, []probe{{50, 46, red}, {50, 54, white}, {10, 14, red}, {10, 22, white}}},
		{"image upright", func(c *Canvas) {
			img := image.NewRGBA(image.Rect(0, 0, 2, 2))
			img.Set(0, 0, red) // top left
			img.Set(1, 0, blue)
			img.Set(0, 1, black)
			img.Set(1, 1, white)
			c.SetColor(color.NRGBA{A: 10}) // the colour's alpha is not the image's
			c.DrawImage(vg.Rectangle{Min: vg.Point{X: 10, Y: 10}, Max: vg.Point{X: 90, Y: 50}}, img)
		}, []probe{{30, 40, red}, {70, 40, blue}, {30, 20, black}, {70, 20, white}, {50, 70, white}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := New(100, 100)
			tt.draw(c)
			img, err := png.Decode(bytes.NewReader(run(t, write(t, c), "pdftoppm", "-r", "72", "-png", "-singlefile", "{pdf}")))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 100 {
				t.Fatalf("page rendered as %v, want 100×100", b)
			}
			for _, p := range tt.probes {
				// The pixel whose square holds the point, counted down from the top.
				got := color.RGBAModel.Convert(img.At(int(p.x), int(100-p.y))).(color.RGBA)
				if !near(got, p.want) {
					t.Errorf("at (%v, %v): %s, want %s", p.x, p.y, rgb(got), rgb(p.want))
				}
			}
		})
	}
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) bool { return math.Abs(float64(x)-float64(y)) <= 2 }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func rgb(c color.RGBA) string { return fmt.Sprintf("rgb(%d, %d, %d)", c.R, c.G, c.B) }
