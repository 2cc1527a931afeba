package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sans is the charts' typeface: Liberation Sans, which gonum/plot embeds,
// so text is measured the same on every machine (and matches Arial's
// metrics where a browser substitutes it in an SVG).
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Type sizes, points.
const (
	titleSize = 12
	labelSize = 10
	tickSize  = 9
	cellSize  = 8
)

// hex reads "#rrggbb".
func hex(s string) color.RGBA {
	var c color.RGBA
	c.A = 255
	for i, p := range []*uint8{&c.R, &c.G, &c.B} {
		*p = unhex(s[1+2*i])<<4 | unhex(s[2+2*i])
	}
	return c
}

func unhex(b byte) uint8 {
	switch {
	case b >= 'a':
		return b - 'a' + 10
	case b >= 'A':
		return b - 'A' + 10
	}
	return b - '0'
}

// groupColors is the Okabe-Ito palette (Okabe and Ito 2008, "Color
// Universal Design"), safe for the common colour-vision deficiencies;
// yellow is left out because it does not show on white.
var groupColors = []color.RGBA{
	hex("#0072B2"), // blue
	hex("#E69F00"), // orange
	hex("#009E73"), // bluish green
	hex("#D55E00"), // vermillion
	hex("#56B4E9"), // sky blue
	hex("#CC79A7"), // reddish purple
	hex("#000000"), // black
}

// groupGlyphs tell groups apart when there are more groups than colours:
// 7 colours × 8 shapes give 56 distinct marks (the filled square, filled
// triangle and ring come last, so the first 35 groups keep the marks they
// had); beyond, marks repeat, and the charts that show many groups at
// once name them (the map's labels, the rows of the others).
var groupGlyphs = []draw.GlyphDrawer{
	draw.CircleGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.PlusGlyph{}, draw.CrossGlyph{},
	draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{},
}

// groupMark is the colour and glyph of the i-th group of a comparison (in
// the comparison's order, groups sorted by name), the same in every chart.
func groupMark(i int) (color.Color, draw.GlyphStyle) {
	c := groupColors[i%len(groupColors)]
	return c, draw.GlyphStyle{Color: c, Radius: vg.Points(3.5), Shape: groupGlyphs[(i/len(groupColors))%len(groupGlyphs)]}
}

// labelColors is Paul Tol's "muted" qualitative scheme, also colour-blind
// safe, for the labels of a concept; a different set from the groups', so a
// label is never mistaken for a group.
var labelColors = []color.RGBA{
	hex("#332288"), hex("#88CCEE"), hex("#44AA99"), hex("#117733"), hex("#999933"),
	hex("#DDCC77"), hex("#CC6677"), hex("#882255"), hex("#AA4499"), hex("#DDDDDD"),
}

// poleColors colour the labels of a concept by their pole, so that a chart
// shows at a glance which side's words a group uses: warm for the positive
// pole, cool for the negative, greys for labels on neither; shades tell the
// labels of one pole apart. From Okabe and Ito's colour-blind-safe palette
// (vermillion, orange, reddish purple; blue, sky blue, bluish green).
var poleColors = map[int][]color.RGBA{
	+1: {hex("#D55E00"), hex("#E69F00"), hex("#CC79A7"), hex("#F0B27A")},
	-1: {hex("#0072B2"), hex("#56B4E9"), hex("#009E73"), hex("#8EC9E8")},
	0:  {hex("#7F7F7F"), hex("#B3B3B3"), hex("#4D4D4D"), hex("#D9D9D9")},
}

// sequential maps [0, 1] to ColorBrewer's single-hue "Blues", interpolated,
// for the heatmaps: white is zero, and lightness orders the values for
// every reader.
func sequential(v float64) color.Color {
	cs := blues
	switch {
	case v != v || v <= 0:
		return cs[0]
	case v >= 1:
		return cs[len(cs)-1]
	}
	x := v * float64(len(cs)-1)
	i := int(x)
	f := x - float64(i)
	a, b := rgba(cs[i]), rgba(cs[i+1])
	mix := func(p, q uint8) uint8 { return uint8(float64(p) + f*(float64(q)-float64(p)) + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

var blues = func() []color.Color {
	p, err := brewer.GetPalette(brewer.TypeSequential, "Blues", 9)
	if err != nil {
		panic(err) // a palette ColorBrewer has: cannot fail
	}
	return p.Colors()
}()

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// inkOn is black or white, whichever reads better on background c
// (relative luminance, WCAG 2).
func inkOn(c color.Color) color.Color {
	x := rgba(c)
	l := 0.2126*lin(x.R) + 0.7152*lin(x.G) + 0.0722*lin(x.B)
	if l > 0.18 {
		return color.Black
	}
	return color.White
}

func lin(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// textStyle is the charts' text at size pt.
func textStyle(pt vg.Length, c color.Color) text.Style {
	return text.Style{Color: c, Font: font.From(sans, pt), Handler: plot.DefaultTextHandler, XAlign: draw.XLeft, YAlign: draw.YCenter}
}

// legendStyle is the text of legends: aligned as plot.Legend expects.
func legendStyle() text.Style {
	return text.Style{Color: color.Black, Font: font.From(sans, tickSize), Handler: plot.DefaultTextHandler}
}

// newLegend is a legend for a side panel: top left, entries spaced.
func newLegend() plot.Legend {
	l := plot.NewLegend()
	l.TextStyle = legendStyle()
	l.Top, l.Left = true, true
	l.Padding = vg.Points(4)
	l.ThumbnailWidth = vg.Points(14)
	return l
}

// newPlot is a plot in the charts' type and sizes.
func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, titleSize)
	p.Title.Padding = vg.Points(8)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelSize)
		a.Tick.Label.Font = font.From(sans, tickSize)
	}
	p.X.Label.Text, p.Y.Label.Text = x, y
	p.Legend.TextStyle.Font = font.From(sans, tickSize)
	return p
}

// gridLine is the light line of a reference value (zero, ±1.96).
var gridLine = draw.LineStyle{Color: color.Gray{Y: 160}, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}

var (
	bgColor  = color.White
	textGrey = color.Gray{Y: 90}
)
