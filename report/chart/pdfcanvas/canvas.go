package pdfcanvas

import (
	"bytes"
	"image/color"
	"io"
	"math"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
)

// Canvas draws on a one-page PDF document the size of the chart, one PDF
// unit a point. Its zero value is not usable; call New.
//
// fpdf places everything from the page's top-left corner with y growing
// down, and turns each y into the PDF's own bottom-up h−y as it writes it.
// The canvas hands fpdf h−y for vg's y, so the two flips cancel: the PDF
// content stream is in vg's coordinates, and vg's transforms go into it
// unchanged as cm operators.
type Canvas struct {
	doc  *fpdf.Fpdf
	w, h vg.Length

	// want is the graphics state vg asked for, have the one the PDF is in.
	// Setters change want alone; drawing brings have up to want first, so
	// that the many SetColor calls of a plot that draw nothing write
	// nothing.
	want, have gstate
	stack      []saved

	fonts  map[string]string // font name to its fpdf family
	images int               // images so far, to name the next

	// out and err are what the first WriteTo made: the document, or why
	// there is none.
	out     []byte
	err     error
	written bool
}

// gstate is the part of the PDF graphics state that vg sets.
type gstate struct {
	width  vg.Length
	dash   []vg.Length
	offset vg.Length
	rgb    [3]int // 0–255, not premultiplied
	alpha  float64
}

// saved is a state pushed by Push. The PDF's q saves have, and its Q
// restores it.
type saved struct{ want, have gstate }

// New returns a canvas of w×h.
func New(w, h vg.Length) *Canvas {
	doc := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: w.Points(), Ht: h.Points()},
	})
	doc.SetCompression(true)
	doc.SetCatalogSort(true) // fonts in a fixed order, not a map's
	// fpdf stamps the time of writing otherwise, and the same chart must
	// give the same bytes.
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	doc.SetCreationDate(date)
	doc.SetModificationDate(date)
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	// AddPage writes fpdf's current line width into the page; make it vg's
	// initial one, so the page starts in exactly the state vg.Initialize
	// describes (the PDF's own defaults give the rest: black, opaque,
	// solid).
	initial := gstate{width: 1, alpha: 1}
	doc.SetLineWidth(initial.width.Points())
	doc.AddPage()
	// Transforms need an open q in fpdf; this one is closed by WriteTo.
	doc.TransformBegin()
	return &Canvas{doc: doc, w: w, h: h, want: initial, have: initial, fonts: map[string]string{}}
}

// Size returns the page's width and height.
func (c *Canvas) Size() (w, h vg.Length) { return c.w, c.h }

// SetLineWidth sets the width of stroked lines; lines of width 0 or less
// are not drawn.
func (c *Canvas) SetLineWidth(w vg.Length) { c.want.width = w }

// SetLineDash sets the dash pattern, lengths of dashes and gaps in turn, and
// how far into it lines start.
func (c *Canvas) SetLineDash(pattern []vg.Length, offset vg.Length) {
	c.want.dash = slices.Clone(pattern) // the caller may reuse its slice
	c.want.offset = offset
}

// SetColor sets the colour of lines, fills and text; nil is black.
func (c *Canvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	// RGBA is premultiplied by alpha; PDF wants the colour itself and the
	// alpha apart, as SVG does.
	r, g, b, a := col.RGBA()
	c.want.rgb = [3]int{unpremultiply(r, a), unpremultiply(g, a), unpremultiply(b, a)}
	c.want.alpha = float64(a) / math.MaxUint16
}

// unpremultiply turns a premultiplied 16-bit component into an 8-bit one.
func unpremultiply(v, a uint32) int {
	if a == 0 {
		return 0
	}
	return int((v*0xff + a/2) / a)
}

// Rotate rotates what is drawn next by rad radians, anticlockwise.
func (c *Canvas) Rotate(rad float64) {
	sin, cos := math.Sincos(rad)
	c.doc.Transform(fpdf.TransformMatrix{A: cos, B: sin, C: -sin, D: cos})
}

// Translate moves what is drawn next by pt.
func (c *Canvas) Translate(pt vg.Point) {
	c.doc.Transform(fpdf.TransformMatrix{A: 1, D: 1, E: pt.X.Points(), F: pt.Y.Points()})
}

// Scale scales what is drawn next by x horizontally and y vertically.
func (c *Canvas) Scale(x, y float64) {
	c.doc.Transform(fpdf.TransformMatrix{A: x, D: y})
}

// Push saves the line width, dash, colour and transforms, for Pop to
// restore.
func (c *Canvas) Push() {
	c.stack = append(c.stack, saved{c.want, c.have})
	c.doc.TransformBegin()
}

// Pop restores the state saved by the last Push.
func (c *Canvas) Pop() {
	if len(c.stack) == 0 {
		// A drawing bug, made an error of WriteTo rather than a Q that
		// closes the base q of New, which fpdf needs open for transforms.
		c.doc.SetErrorf("pdfcanvas: Pop without a Push")
		return
	}
	s := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	c.doc.TransformEnd()
	c.want, c.have = s.want, s.have
}

// y turns vg's y, up from the bottom, into fpdf's, down from the top; fpdf
// turns it back as it writes it.
func (c *Canvas) y(y vg.Length) float64 { return (c.h - y).Points() }

// syncColor brings the PDF's colour and alpha up to what vg asked for.
func (c *Canvas) syncColor() {
	if c.have.rgb != c.want.rgb {
		r, g, b := c.want.rgb[0], c.want.rgb[1], c.want.rgb[2]
		c.doc.SetDrawColor(r, g, b)
		c.doc.SetFillColor(r, g, b)
		// fpdf wraps text in its own colour when text and fill colours
		// differ; keeping them equal lets text take the fill colour in
		// effect, which is the one Pop restores.
		c.doc.SetTextColor(r, g, b)
		c.have.rgb = c.want.rgb
	}
	c.syncAlpha(c.want.alpha)
}

// syncAlpha sets the PDF's alpha, for strokes and fills alike.
func (c *Canvas) syncAlpha(a float64) {
	if c.have.alpha != a {
		c.doc.SetAlpha(a, "Normal")
		c.have.alpha = a
	}
}

// syncLine brings the PDF's line width and dash up to what vg asked for.
func (c *Canvas) syncLine() {
	if c.have.width != c.want.width {
		c.doc.SetLineWidth(c.want.width.Points())
		c.have.width = c.want.width
	}
	if !slices.Equal(c.have.dash, c.want.dash) || c.have.offset != c.want.offset {
		var d []float64
		for _, l := range c.want.dash {
			d = append(d, l.Points())
		}
		if !slices.ContainsFunc(d, func(l float64) bool { return l != 0 }) {
			d = nil // PDF forbids a pattern of zeros; draw the line solid
		}
		c.doc.SetDashPattern(d, c.want.offset.Points())
		c.have.dash, c.have.offset = c.want.dash, c.want.offset
	}
}

// WriteTo writes the PDF document to w. The first call closes the
// document: nothing drawn after it shows, and later calls write the same
// bytes again.
func (c *Canvas) WriteTo(w io.Writer) (int64, error) {
	if !c.written {
		c.written = true
		for range c.stack {
			c.Pop() // close what a drawing left pushed, or fpdf refuses to write
		}
		c.doc.TransformEnd()
		var b bytes.Buffer
		c.err = c.doc.Output(&b)
		c.out = b.Bytes()
	}
	if c.err != nil {
		return 0, c.err
	}
	n, err := w.Write(c.out)
	return int64(n), err
}
