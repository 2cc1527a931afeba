package chart

import (
	"fmt"
	"image/png"
	"io"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/report/chart/pdfcanvas"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Kind names a chart.
type Kind string

// The charts, in the order a report shows them.
const (
	Index    Kind = "index"
	Shares   Kind = "shares"
	Heatmap  Kind = "heatmap"
	Distinct Kind = "distinct"
	CA       Kind = "ca"
	Distance Kind = "distance"
	Timeline Kind = "timeline"
	// Reliability is the groups' sourcing indicators.
	Reliability Kind = "reliability"
	// Drivers is each concept's contribution to each group's index.
	Drivers Kind = "drivers"
)

// Kinds are all charts.
var Kinds = []Kind{Index, Shares, Heatmap, Distinct, CA, Distance, Timeline, Reliability, Drivers}

// ParseKind reads a chart name.
func ParseKind(s string) (Kind, error) {
	if k := Kind(s); slices.Contains(Kinds, k) {
		return k, nil
	}
	return "", fmt.Errorf("no chart %q (have: %s)", s, joinKinds())
}

func joinKinds() string {
	var s []string
	for _, k := range Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// Format is an output format of a chart.
type Format string

// Formats.
const (
	SVG Format = "svg"
	PNG Format = "png"
	PDF Format = "pdf"
)

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case SVG, PNG, PDF:
		return f, nil
	}
	return "", fmt.Errorf("no chart format %q (have: svg, png, pdf)", s)
}

// Options are what a chart needs beyond the comparison.
type Options struct {
	// Concept is the concept of a shares chart.
	Concept string
	// Axis names the framing index's poles, negative first ("" when the
	// lexicon has none: the axis is then labelled by sign only).
	Axis [2]string
}

// Chart is a drawn chart: its size and how to draw it on any canvas.
type Chart struct {
	Title string
	W, H  vg.Length
	// Note says why the chart has nothing to show, "" when it has data.
	Note string
	// LeftOut says how many points could not be drawn and why (values
	// that are not finite numbers), "" when none; the chart's caption
	// says it too.
	LeftOut string
	draw    func(c draw.Canvas)
	// labels are the chart's labelled scatters, if it has any, and plot
	// its one plot, if it is one: what tests check.
	labels []*scatter
	plot   *plot.Plot
	grid   *grid      // a heatmap's cells
	bars   *diverging // the drivers' bars
}

// Make draws chart kind of comparison c.
func Make(c *compare.Comparison, kind Kind, opt Options) (*Chart, error) {
	switch kind {
	case Index:
		return indexChart(c, opt), nil
	case Shares:
		return sharesChart(c, opt)
	case Heatmap:
		return rateHeatmap(c), nil
	case Distinct:
		return distinctChart(c), nil
	case CA:
		return caChart(c), nil
	case Distance:
		return distanceHeatmap(c), nil
	case Timeline:
		return timelineChart(c, opt), nil
	case Reliability:
		return reliabilityChart(c), nil
	case Drivers:
		return driversChart(c, opt), nil
	}
	return nil, fmt.Errorf("no chart %q (have: %s)", kind, joinKinds())
}

// pngDPI is the resolution of PNG charts: sharp on a high-density screen
// and in print.
const pngDPI = 144

// maxPNGSide caps a PNG's longer side in pixels: a heatmap of 60 groups is
// 30 inches wide, and at full resolution its image alone would take 70 MB.
const maxPNGSide = 3000

// dpi is the PNG resolution: pngDPI, less for a chart so large that its
// image would pass maxPNGSide.
func (ch *Chart) dpi() int {
	side := float64(max(ch.W, ch.H) / vg.Inch)
	if side*pngDPI <= maxPNGSide {
		return pngDPI
	}
	return max(48, int(maxPNGSide/side))
}

// Write writes the chart in format f. Output in every format depends only
// on the comparison: the same input gives the same bytes.
func (ch *Chart) Write(w io.Writer, f Format) error {
	var cv vg.CanvasWriterTo
	switch f {
	case SVG:
		cv = vgsvg.New(ch.W, ch.H)
	case PNG:
		cv = fastPNG{vgimg.NewWith(vgimg.UseWH(ch.W, ch.H), vgimg.UseDPI(ch.dpi()))}
	case PDF:
		cv = pdfcanvas.New(ch.W, ch.H) // vgpdf's cp1252 fonts cannot show Cyrillic
	default:
		return fmt.Errorf("no chart format %q (have: svg, png, pdf)", f)
	}
	dc := draw.New(cv)
	dc.FillPolygon(bgColor, []vg.Point{{X: dc.Min.X, Y: dc.Min.Y}, {X: dc.Max.X, Y: dc.Min.Y}, {X: dc.Max.X, Y: dc.Max.Y}, {X: dc.Min.X, Y: dc.Max.Y}})
	ch.draw(dc)
	_, err := cv.WriteTo(w)
	return err
}

// fastPNG writes a PNG at zlib's fastest level: compressing at the default
// level took a third of a report's time, for files a fifth smaller.
type fastPNG struct{ *vgimg.Canvas }

func (c fastPNG) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	err := enc.Encode(cw, c.Image())
	return cw.n, err
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// InlineFrom is the chart as an <svg> element to put in an HTML page, made
// from svg, the chart's SVG as Write wrote it (drawing a chart is most of
// its cost, so a caller that writes the SVG file passes those bytes). The
// element shows at scale times the chart's size in points (the viewBox
// keeps the drawing); the XML declaration and comment before it are cut.
func (ch *Chart) InlineFrom(svg []byte, scale float64) (string, error) {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	size := fmt.Sprintf(`<svg width="%.*gpt" height="%.*gpt"`, 5, ch.W.Points(), 5, ch.H.Points())
	if !strings.HasPrefix(s, size) {
		return "", fmt.Errorf("chart %q: the SVG does not start with its size (%s)", ch.Title, s[:min(len(s), 60)])
	}
	return fmt.Sprintf(`<svg width="%.1fpt" height="%.1fpt"`, ch.W.Points()*scale, ch.H.Points()*scale) + s[len(size):], nil
}

// plotChart is a chart that is one plot.
func plotChart(p *plot.Plot, w, h vg.Length) *Chart {
	return &Chart{Title: p.Title.Text, W: w, H: h, draw: func(c draw.Canvas) { drawPlot(p, c) }}
}

// withPanel is a chart of plot p with a panel of width pw to its right (a
// legend or a colour scale), drawn by panel.
func withPanel(p *plot.Plot, w, h, pw vg.Length, panel func(c draw.Canvas)) *Chart {
	return &Chart{Title: p.Title.Text, W: w + pw, H: h, draw: func(c draw.Canvas) {
		drawPlot(p, draw.Crop(c, 0, -pw, 0, 0))
		panel(draw.Crop(c, c.Max.X-c.Min.X-pw, 0, 0, 0))
	}}
}

// caption adds small grey text under the chart, in as many lines as it
// takes at the chart's width (see wrapClauses); more, if not nil, adds to
// it what is known only once the chart is drawn (a count of labels left
// out, which it has room for).
func (ch *Chart) caption(s string, more func() string) {
	const line, pad = 12, 4
	sty := textStyle(tickSize, textGrey)
	width := ch.W - 12
	lines := strings.Split(wrapClauses(s, sty, width), "\n")
	if more != nil && sty.Width(lines[len(lines)-1]+droppedNote(1000)) > width {
		lines = append(lines, "")
	}
	ph := vg.Length(len(lines))*line + pad
	inner := ch.draw
	ch.H += ph
	ch.draw = func(c draw.Canvas) {
		inner(draw.Crop(c, 0, 0, ph, 0))
		text := s // a chart may be drawn more than once: add to a copy
		if more != nil {
			text += more()
		}
		sty.XAlign, sty.YAlign = draw.XRight, draw.YBottom
		c.FillText(sty, vg.Point{X: c.Max.X - 6, Y: c.Min.Y + pad}, wrapClauses(text, sty, width))
	}
}

// wrapClauses breaks s into lines that fit width w in style sty: between
// its clauses (parts separated by "; "), so that each clause reads whole
// on one line, and within a clause between words only where the clause
// alone is wider than w.
func wrapClauses(s string, sty text.Style, w vg.Length) string {
	var lines []string
	line := ""
	for i, cl := range strings.Split(s, "; ") {
		switch {
		case i == 0:
			line = cl
		case sty.Width(line+"; "+cl+";") <= w: // room for the ";" that may end it
			line += "; " + cl
		default:
			lines = append(lines, line+";")
			line = cl
		}
	}
	lines = append(lines, line)
	return wrap(strings.Join(lines, "\n"), sty, w)
}

// captionLeftOut adds to the chart's caption, s, how many points l left
// out; it adds a caption for that alone when s is "" and points were left
// out, and none when neither.
func (ch *Chart) captionLeftOut(s string, l *leftOut, more func() string) {
	ch.LeftOut = l.note()
	switch {
	case s != "" && ch.LeftOut != "":
		s += "; " + ch.LeftOut
	case s == "":
		s = ch.LeftOut
	}
	if s != "" || more != nil {
		ch.caption(s, more)
	}
}

// message is a chart with nothing to plot: its title and why.
func message(title, why string, w, h vg.Length) *Chart {
	p := newPlot(title, "", "")
	p.HideAxes()
	return &Chart{Title: title, W: w, H: h, Note: why, draw: func(c draw.Canvas) {
		drawPlot(p, c)
		sty := textStyle(labelSize, textGrey)
		sty.XAlign = draw.XCenter
		c.FillText(sty, c.Center(), why)
	}}
}
