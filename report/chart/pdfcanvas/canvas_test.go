package pdfcanvas

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/framingkit/framing/internal/poppler"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
)

// run runs a poppler program on pdf, written to a file that args name
// {pdf}, and returns what it wrote to stdout.
func run(t *testing.T, pdf []byte, name string, args ...string) []byte {
	t.Helper()
	exe := poppler.Tool(t, name)
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = slices.Clone(args)
	for i, a := range args {
		if a == "{pdf}" {
			args[i] = in
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v: %s", name, err, stderr.String())
	}
	return stdout.Bytes()
}

// face is the charts' typeface, Liberation Sans (the one gonum/plot draws
// with by default), in weight and at size points.
func face(t *testing.T, weight xfont.Weight, size vg.Length) font.Face {
	t.Helper()
	cache := font.NewCache(liberation.Collection())
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Weight: weight, Size: size}
	if !cache.Has(f) {
		t.Fatalf("no font %s", f.Name())
	}
	return cache.Lookup(f, size)
}

func write(t *testing.T, c *Canvas) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := c.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo says %d bytes, wrote %d", n, b.Len())
	}
	return b.Bytes()
}

// TestTextExtracts draws strings of every script the charts show, one a
// line, and checks that pdftotext reads back exactly those strings: the
// glyphs are in the PDF and mapped back to Unicode.
func TestTextExtracts(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       string // what pdftotext reads; text when ""
	}{
		{name: "russian", text: "Вестник Державы"},
		{name: "ukrainian", text: "«Дніпровська правда»"},
		// The letters in words: between lone narrow letters such as і
		// pdftotext drops the spaces (it does the same on Chromium's PDFs).
		{name: "ukrainian letters", text: "Їжак і Ґава: їжа, єдність, ґанок, Європа, Італія"},
		{name: "english", text: "Framing index by group, own voice"},
		{name: "minus and ellipsis", text: "framing index: −1 = only critical terms … +1 = only kremlin terms"},
		{name: "guillemets", text: "«»"},
		{name: "hard sign and dash", text: "Коммерсантъ — «Ведомости»"},
		{name: "PDF string delimiters", text: `(a) \ b) (`},
		{name: "outside the BMP", text: "📰 Новости", want: "\uFFFD Новости"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := New(8*vg.Inch, 1*vg.Inch)
			c.FillString(face(t, xfont.WeightNormal, 12), vg.Point{X: 10, Y: 30}, tt.text)
			got := strings.TrimSpace(string(run(t, write(t, c), "pdftotext", "-enc", "UTF-8", "{pdf}", "-")))
			want := tt.want
			if want == "" {
				want = tt.text
			}
			if got != want {
				t.Errorf("pdftotext read %q, want %q", got, want)
			}
		})
	}
}

// TestBaseline checks where text goes. pdftotext -bbox gives a word's box
// in points down from the page's top-left corner: its left edge is where
// the text starts, and its top the font's ascent above the baseline.
// Liberation Sans has an ascent of 1854/2048 em (its hhea table; Arial's
// metrics, which it copies); the tolerance is pdftotext's rounding of the
// box and fpdf's of the position, to 0.01 pt.
func TestBaseline(t *testing.T) {
	const h, ascent = 100, 1854.0 / 2048
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)"`)
	for _, tt := range []struct {
		at   vg.Point
		size vg.Length
	}{
		{vg.Point{X: 30, Y: 40}, 20},
		{vg.Point{X: 120.5, Y: 75.25}, 9},
		{vg.Point{X: 0, Y: 12}, 12},
	} {
		c := New(200, h)
		c.FillString(face(t, xfont.WeightNormal, tt.size), tt.at, "Hx")
		m := word.FindSubmatch(run(t, write(t, c), "pdftotext", "-bbox", "{pdf}", "-"))
		if m == nil {
			t.Fatalf("%v: pdftotext found no word", tt.at)
		}
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		top, _ := strconv.ParseFloat(string(m[2]), 64)
		baseline := h - (top + ascent*tt.size.Points()) // back to vg's y, up from the bottom
		if math.Abs(x-tt.at.X.Points()) > 0.02 || math.Abs(baseline-tt.at.Y.Points()) > 0.02 {
			t.Errorf("text at %v, size %v: starts at x %.3f, baseline at y %.3f", tt.at, tt.size, x, baseline)
		}
	}
}

// TestDeterministic: the same drawing gives the same bytes, with a fixed
// date in them, and a second WriteTo writes them again.
func TestDeterministic(t *testing.T) {
	draw := func() *Canvas {
		c := New(300, 200)
		busy(t, c)
		return c
	}
	a, b := draw(), draw()
	x, y := write(t, a), write(t, b)
	if !bytes.Equal(x, y) {
		t.Fatal("two renderings differ")
	}
	if again := write(t, a); !bytes.Equal(x, again) {
		t.Error("a second WriteTo wrote other bytes")
	}
	if !bytes.Contains(x, []byte("(D:20000101000000)")) {
		t.Error("no fixed creation date")
	}
}

// busy draws a bit of everything: text in two fonts, alpha, dashes, arcs,
// curves and an image.
func busy(t *testing.T, c *Canvas) {
	c.SetColor(color.NRGBA{R: 200, A: 128})
	var p vg.Path
	p.Move(vg.Point{X: 150, Y: 100})
	p.Arc(vg.Point{X: 150, Y: 100}, 40, 0, 5)
	p.Close()
	c.Fill(p)
	c.SetColor(color.Black)
	c.SetLineDash([]vg.Length{4, 2}, 1)
	c.SetLineWidth(2)
	var q vg.Path
	q.Move(vg.Point{X: 10, Y: 10})
	q.QuadTo(vg.Point{X: 50, Y: 80}, vg.Point{X: 100, Y: 10})
	q.CubeTo(vg.Point{X: 120, Y: 50}, vg.Point{X: 150, Y: 0}, vg.Point{X: 200, Y: 30})
	c.Stroke(q)
	c.Push()
	c.Translate(vg.Point{X: 250, Y: 20})
	c.Rotate(math.Pi / 2)
	c.FillString(face(t, xfont.WeightBold, 10), vg.Point{}, "Дніпровська правда")
	c.Pop()
	c.FillString(face(t, xfont.WeightNormal, 10), vg.Point{X: 10, Y: 180}, "Вестник Державы −1 … +1")
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(0, 0, color.RGBA{G: 255, A: 255})
	c.DrawImage(vg.Rectangle{Min: vg.Point{X: 10, Y: 100}, Max: vg.Point{X: 50, Y: 140}}, img)
}

// TestBalance: a Pop without its Push is a drawing bug, reported by
// WriteTo; a Push left open is closed by it.
func TestBalance(t *testing.T) {
	for _, tt := range []struct {
		name    string
		draw    func(c *Canvas)
		wantErr bool
	}{
		{"balanced", func(c *Canvas) { c.Push(); c.Pop() }, false},
		{"push left open", func(c *Canvas) { c.Push(); c.Push(); c.Pop() }, false},
		{"pop without push", func(c *Canvas) { c.Push(); c.Pop(); c.Pop() }, true},
	} {
		c := New(10, 10)
		tt.draw(c)
		if _, err := c.WriteTo(&bytes.Buffer{}); (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v", tt.name, err)
		}
	}
}
