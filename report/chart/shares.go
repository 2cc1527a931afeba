package chart

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/framingkit/framing/framing/compare"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sharesChart is a concept's label shares per group, own voice: one
// stacked bar per group, each segment a label, its count written in it
// where it fits.
func sharesChart(c *compare.Comparison, opt Options) (*Chart, error) {
	var cr *compare.ConceptResult
	var ids []string
	for i := range c.Concepts {
		ids = append(ids, c.Concepts[i].ID)
		if c.Concepts[i].ID == opt.Concept {
			cr = &c.Concepts[i]
		}
	}
	if cr == nil {
		return nil, fmt.Errorf("no concept %q in the comparison (have: %s); name one with --concept", opt.Concept, strings.Join(ids, ", "))
	}
	title := fmt.Sprintf("How groups name “%s”: share of own-voice hits by label", cr.ID)
	w := 7 * vg.Inch
	var cols []int // labels with own-voice hits
	for k := range cr.Labels {
		for r := range cr.Groups {
			if cr.Counts[r][k] > 0 {
				cols = append(cols, k)
				break
			}
		}
	}
	if len(cols) == 0 {
		return message(title, "no own-voice hits of this concept's labels", w, 2*vg.Inch), nil
	}
	p := newPlot(title, "share of the concept's own-voice hits in the group (%)", "")
	colors := poleShades(cr, cols)
	sb := &stacked{}
	var names []string
	// The first group at the top: rows are drawn bottom up.
	for r := len(cr.Groups) - 1; r >= 0; r-- {
		total := 0 // of the positive counts: a share is of what was counted
		for _, k := range cols {
			total += max(cr.Counts[r][k], 0)
		}
		names = append(names, fmt.Sprintf("%s (%s)", cr.Groups[r], plural(total, "hit")))
		var segs []segment
		for j, k := range cols {
			if n := cr.Counts[r][k]; n > 0 {
				segs = append(segs, segment{n: n, share: float64(n) / float64(total), color: colors[j]})
			}
		}
		sb.rows = append(sb.rows, segs)
	}
	p.Add(sb)
	p.NominalY(names...)
	p.X.Min, p.X.Max = 0, 1
	p.X.Tick.Marker = plot.ConstantTicks(percentTicks)
	p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4

	leg := newLegend()
	var widest vg.Length
	for j, k := range cols {
		name := cr.Labels[k].Label
		if pole := poleOf(cr, k); pole != 0 && opt.Axis != [2]string{} {
			name += " (" + opt.Axis[(pole+1)/2] + ")"
		}
		leg.Add(name, swatch{colors[j]})
		widest = max(widest, leg.TextStyle.Width(name))
	}
	h := max(1.3*vg.Inch+vg.Length(len(names))*0.32*vg.Inch, legendHeight(&leg, len(cols))+vg.Inch)
	pw := widest + leg.ThumbnailWidth + 3*vg.Points(tickSize)
	return withPanel(p, w, h, pw, func(c draw.Canvas) {
		leg.Draw(draw.Crop(c, 0, 0, 0, -vg.Points(titleSize)*3))
	}), nil
}

var percentTicks = []plot.Tick{{Value: 0, Label: "0"}, {Value: 0.25, Label: "25"}, {Value: 0.5, Label: "50"}, {Value: 0.75, Label: "75"}, {Value: 1, Label: "100"}}

// poleShades are the colours of the labels cols of a concept: by pole
// (poleColors), the labels of one pole in turn through its shades; without
// poles (an old comparison), the qualitative labelColors.
func poleShades(cr *compare.ConceptResult, cols []int) []color.Color {
	out := make([]color.Color, len(cols))
	seen := map[int]int{}
	for j, k := range cols {
		if len(cr.Poles) != len(cr.Labels) {
			out[j] = labelColor(j)
			continue
		}
		pole := poleOf(cr, k)
		shades := poleColors[pole]
		out[j] = shades[seen[pole]%len(shades)]
		seen[pole]++
	}
	return out
}

// poleOf is label k's pole in cr, 0 when unknown.
func poleOf(cr *compare.ConceptResult, k int) int {
	if k < len(cr.Poles) {
		return max(-1, min(cr.Poles[k], 1))
	}
	return 0
}

// labelColor is the colour of the j-th label shown in a concept chart.
func labelColor(j int) color.Color { return labelColors[j%len(labelColors)] }

// legendHeight is the height of a legend of n entries.
func legendHeight(l *plot.Legend, n int) vg.Length {
	return vg.Length(n) * (l.TextStyle.Height("M") + l.Padding + vg.Points(2))
}

// swatch is a legend thumbnail: a filled box.
type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, rect(c.Min.X, c.Min.Y, c.Max.X, c.Max.Y-vg.Points(1)))
}

func rect(x0, y0, x1, y1 vg.Length) []vg.Point {
	return []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
}

type segment struct {
	n     int
	share float64
	color color.Color
}

// stacked draws horizontal stacked bars, one row per y = 0, 1, ...
type stacked struct{ rows [][]segment }

func (s *stacked) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	half := (trY(1) - trY(0)) * 0.35
	sty := textStyle(cellSize, color.Black)
	sty.XAlign = draw.XCenter
	for y, segs := range s.rows {
		at := 0.0
		for _, sg := range segs {
			x0, x1 := trX(at), trX(at+sg.share)
			yc := trY(float64(y))
			c.FillPolygon(sg.color, rect(x0, yc-half, x1, yc+half))
			c.StrokeLines(draw.LineStyle{Color: bgColor, Width: vg.Points(0.75)}, []vg.Point{{X: x1, Y: yc - half}, {X: x1, Y: yc + half}})
			if txt := fmt.Sprint(sg.n); sty.Width(txt)+vg.Points(4) < x1-x0 {
				sty.Color = inkOn(sg.color)
				c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: yc}, txt)
			}
			at += sg.share
		}
	}
}
