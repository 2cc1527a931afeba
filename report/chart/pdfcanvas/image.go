package pdfcanvas

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
)

// DrawImage draws img scaled to fill rect, its top row at the top. Like
// vgimg and vgsvg, it ignores the colour set, alpha included.
//
// fpdf orders images of equal width in its output as a map gives them: a
// page with two different images of the same width in pixels may come out
// in either order. The charts draw none.
func (c *Canvas) DrawImage(rect vg.Rectangle, img image.Image) {
	size := rect.Size()
	if size.X <= 0 || size.Y <= 0 {
		return // fpdf would take a side of 0 to mean the image's own size
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		c.doc.SetErrorf("pdfcanvas: image: %v", err)
		return
	}
	c.images++
	name := fmt.Sprintf("image%d", c.images)
	opt := fpdf.ImageOptions{ImageType: "png"}
	c.doc.RegisterImageOptionsReader(name, opt, &b)
	c.Push() // the alpha of 1 is for the image alone
	c.syncAlpha(1)
	// fpdf places an image by its top-left corner.
	c.doc.ImageOptions(name, rect.Min.X.Points(), c.y(rect.Max.Y), size.X.Points(), size.Y.Points(), false, opt, 0, "")
	c.Pop()
}
