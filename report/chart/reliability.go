package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/reliability"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// reliabilityChart is the groups' sourcing profile: one small panel per
// share, rate or balance indicator, the groups down each panel, every value
// with its interval, in each group's colour.
func reliabilityChart(c *compare.Comparison) *Chart {
	title := fmt.Sprintf("Sourcing indicators by group, own voice, with %g%% intervals", c.Settings.Conf*100)
	var infos []reliability.IndicatorInfo
	for _, info := range reliability.IndicatorList {
		if info.Kind != "count" {
			infos = append(infos, info)
		}
	}
	groups := c.Reliability.Groups
	if len(groups) == 0 {
		return message(title, "no groups", 7*vg.Inch, 2*vg.Inch)
	}
	const cols = 3
	rows := (len(infos) + cols - 1) / cols
	tick := textStyle(cellSize, nil)
	var wide vg.Length
	for _, g := range groups {
		wide = max(wide, tick.Width(g.Group))
	}
	pw := max(2.4*vg.Inch, wide+1.3*vg.Inch)
	ph := 0.9*vg.Inch + vg.Length(len(groups))*0.2*vg.Inch
	w, h := vg.Length(cols)*pw+0.3*vg.Inch, vg.Length(rows)*ph+0.6*vg.Inch
	gi := groupIndex(c)
	head := newPlot(title, "", "")
	head.HideAxes()
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadTop: 0.45 * vg.Inch, PadLeft: 0.1 * vg.Inch, PadRight: 0.2 * vg.Inch, PadX: 0.15 * vg.Inch, PadY: 0.1 * vg.Inch}
	var names []string
	for y := len(groups) - 1; y >= 0; y-- { // the first group at the top
		names = append(names, groups[y].Group)
	}
	panels, left := reliabilityPanels(infos, groups, names, gi)
	ch := &Chart{Title: title, W: w, H: h, draw: func(cv draw.Canvas) {
		drawPlot(head, cv)
		for k, info := range infos {
			panels[k].draw(tiles.At(cv, k%cols, k/cols), info, names, pw)
		}
	}}
	ch.captionLeftOut("", &left, nil)
	return ch
}

// panel is one indicator's points, its axis (a share from 0 to 1, a
// balance from −1 to +1, a rate from 0 to its largest upper bound), and
// what it says when no group has a value.
type panel struct {
	iv     *intervals
	lo, hi float64
	na     string
}

// reliabilityPanels are the panels of the indicators of the groups, drawn
// in the order of names (the first group at the top); left counts the
// values that could not be placed.
func reliabilityPanels(infos []reliability.IndicatorInfo, groups []compare.GroupReliability, names []string, gi map[string]int) ([]panel, leftOut) {
	panels := make([]panel, len(infos))
	var left leftOut
	for k, info := range infos {
		pn := panel{iv: &intervals{}}
		switch info.Kind {
		case "share":
			pn.lo, pn.hi = 0, 1
		case "balance":
			pn.lo, pn.hi = -1, 1
		}
		top := 0.0
		for y := range names {
			g := groups[len(groups)-1-y]
			in := g.Indicators[info.Name]
			v := float64(in.Value)
			if math.IsNaN(v) || !left.keep(v) {
				continue // n/a: no group point; an infinite one is counted
			}
			if info.Kind != "rate" && !left.within(v, pn.lo, pn.hi) {
				continue
			}
			_, mark := groupMark(gi[g.Group])
			mark.Radius = vg.Points(2.5)
			pn.iv.rows = append(pn.iv.rows, interval{y: float64(y), x: v, lo: float64(in.Lo), hi: float64(in.Hi), mark: mark})
			top = max(top, v)
			if drawable(float64(in.Hi)) {
				top = max(top, float64(in.Hi))
			}
		}
		if info.Kind == "rate" {
			pn.lo, pn.hi = 0, niceCeil(math.Max(top, 1))
		}
		if len(pn.iv.rows) == 0 {
			pn.na = "n/a"
			if why := groups[0].Indicators[info.Name].Note; why != "" {
				pn.na += ":\n" + why // the lexicon cannot measure it
			}
		}
		panels[k] = pn
	}
	return panels, left
}

// draw draws the panel of an indicator in a tile of width pw.
func (pn panel) draw(tile draw.Canvas, info reliability.IndicatorInfo, names []string, pw vg.Length) {
	p := newPlot(info.Title(), unitOf(info.Kind), "")
	p.Title.TextStyle.Font.Size = vg.Points(tickSize)
	p.Title.Padding = vg.Points(3)
	p.X.Label.TextStyle.Font.Size = vg.Points(cellSize - 1)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Label.Font.Size = vg.Points(cellSize - 1)
	}
	p.Add(pn.iv)
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4
	p.X.Min, p.X.Max = pn.lo, pn.hi
	p.X.Tick.Marker = roundTicks{}
	if info.Kind == "balance" {
		p.Add(vline{x: 0})
	}
	drawPlot(p, tile)
	if pn.na != "" {
		sty := textStyle(cellSize-1, textGrey)
		sty.XAlign = draw.XCenter
		tile.FillText(sty, tile.Center(), wrap(pn.na, sty, pw-0.3*vg.Inch))
	}
}

// wrap breaks the lines of s between words so that each fits width w in
// style sty, where it can (a word longer than w keeps its own line).
func wrap(s string, sty text.Style, w vg.Length) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case sty.Width(line+" "+word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func unitOf(kind string) string {
	switch kind {
	case "rate":
		return "per 1,000 own-voice tokens"
	case "balance":
		return "−1 hedged … +1 boosted"
	}
	return "share"
}

// roundTicks marks an axis at round steps (1, 2, 2.5 or 5 times a power
// of ten, about four of them, or every step if step is set) labelled as
// briefly as the number allows, so that every chart writes its ticks one
// way: "0 25 50", "0 0.5 1".
type roundTicks struct{ step float64 }

func (rt roundTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	step := rt.step
	if !(step > 0) || (hi-lo)/step > maxTicks {
		step = niceCeil((hi - lo) / 4)
	}
	// A tick is a whole number of steps, rounded to the step's decimals:
	// 3 × 0.2 is 0.6000000000000001 in float64, and is to read 0.6.
	dec := max(0, 1-int(math.Floor(math.Log10(step))))
	var out []plot.Tick
	for v := math.Ceil(lo/step-1e-9) * step; v <= hi+step*1e-9; v += step {
		x := math.Round(v/step) * step // no drift from adding
		if math.Abs(x) < step*1e-9 {
			x = 0
		}
		if r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', dec, 64), 64); err == nil && !math.IsInf(r, 0) {
			x = r
		}
		out = append(out, plot.Tick{Value: x, Label: strconv.FormatFloat(x, 'f', -1, 64)})
	}
	return out
}
