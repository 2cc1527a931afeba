package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/framingkit/framing/framing/compare"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// rateHeatmap is every label's own-voice rate per 1,000 tokens in every
// group: labels down, groups across, the rate written in each cell.
func rateHeatmap(c *compare.Comparison) *Chart {
	per := c.Settings.PerTokens
	title := fmt.Sprintf("Label rates by group: own-voice hits per %s own-voice tokens", thousands(per))
	gi := groupIndex(c)
	var labels []string
	rowOf := map[string]int{}
	for _, r := range c.Rates {
		if _, ok := rowOf[r.Label]; !ok {
			rowOf[r.Label] = -1
			labels = append(labels, r.Label)
		}
	}
	used := map[string]bool{}
	for _, r := range c.Rates {
		if r.Count > 0 {
			used[r.Label] = true
		}
	}
	var rows []string
	for _, l := range labels {
		if used[l] {
			rowOf[l] = len(rows)
			rows = append(rows, l)
		}
	}
	if len(rows) == 0 {
		return message(title, "no own-voice hits", 7*vg.Inch, 2*vg.Inch)
	}
	vals := make([][]float64, len(rows))
	for i := range vals {
		vals[i] = make([]float64, len(c.Groups))
		for j := range vals[i] {
			vals[i][j] = math.NaN()
		}
	}
	for _, r := range c.Rates {
		if i := rowOf[r.Label]; i >= 0 {
			vals[i][gi[r.Group]] = float64(r.Rate)
		}
	}
	var cols []string
	for _, g := range c.Groups {
		cols = append(cols, g.Name)
	}
	if len(cols) > len(rows) {
		// More groups than labels: groups down the side, where a long
		// list of names reads better than across.
		rows, cols, vals = cols, rows, transpose(vals)
	}
	return gridChart(title, rows, cols, vals, fmt.Sprintf("hits per\n%s tokens", thousands(per)), "no tokens")
}

// distanceHeatmap is the Jensen-Shannon distance between every two groups.
func distanceHeatmap(c *compare.Comparison) *Chart {
	title := "Jensen-Shannon distance between groups' label use (0 same, 1 disjoint)"
	d := c.Distance
	if len(d.Groups) < 2 {
		return message(title, "n/a: needs at least two groups", 7*vg.Inch, 2*vg.Inch)
	}
	raw := make([][]float64, len(d.Groups))
	for i := range raw {
		raw[i] = make([]float64, len(d.Groups))
		for j := range raw[i] {
			raw[i][j] = float64(d.Matrix[i][j])
		}
	}
	// Groups ordered by similarity, so that groups that frame alike sit
	// together and blocks show, at 3 groups as at 60.
	order := similarityOrder(raw)
	names := make([]string, len(order))
	vals := make([][]float64, len(order))
	for a, i := range order {
		names[a] = d.Groups[i]
		vals[a] = make([]float64, len(order))
		for b, j := range order {
			vals[a][b] = raw[i][j]
		}
	}
	// The scale ends at the largest distance, not at 1, so that
	// differences among close groups show.
	return gridChart(title+", groups ordered by similarity", names, names, vals, "distance\n(base 2)", "")
}

// similarityOrder orders the rows of a distance matrix by average-linkage
// hierarchical clustering (UPGMA; Sokal and Michener 1958): the two closest
// clusters merge, again and again, and the order is the dendrogram's leaves
// from left to right, so every cluster is contiguous. A distance that is not
// a number counts as the largest, 1. Ties merge the earliest clusters
// first, so the order is deterministic.
func similarityOrder(d [][]float64) []int {
	type cluster struct{ members []int }
	var cs []cluster
	for i := range d {
		cs = append(cs, cluster{[]int{i}})
	}
	dist := func(a, b cluster) float64 {
		var s float64
		for _, i := range a.members {
			for _, j := range b.members {
				x := d[i][j]
				if x != x || math.IsInf(x, 0) {
					x = 1
				}
				s += x
			}
		}
		return s / float64(len(a.members)*len(b.members))
	}
	for len(cs) > 1 {
		bi, bj, best := 0, 1, math.Inf(1)
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				if x := dist(cs[i], cs[j]); x < best {
					bi, bj, best = i, j, x
				}
			}
		}
		merged := cluster{append(append([]int(nil), cs[bi].members...), cs[bj].members...)}
		cs[bi] = merged
		cs = append(cs[:bj], cs[bj+1:]...)
	}
	if len(cs) == 0 {
		return nil
	}
	return cs[0].members
}

func transpose(m [][]float64) [][]float64 {
	if len(m) == 0 {
		return nil
	}
	out := make([][]float64, len(m[0]))
	for j := range out {
		out[j] = make([]float64, len(m))
		for i := range m {
			out[j][i] = m[i][j]
		}
	}
	return out
}

func thousands(x float64) string {
	if x == 1000 {
		return "1,000"
	}
	return fmt.Sprint(x)
}

// maxWritten is the most columns a heatmap writes its values in: wider,
// a cell large enough for its number would make the chart too wide to
// take in, and the colour scale gives the values.
const maxWritten = 20

// gridChart is a heatmap of vals (rows × cols, rows listed top down) on a
// scale from 0 to the largest value, with a colour scale to its right. A
// NaN cell is grey and says nan; a cell whose value cannot be drawn (±Inf,
// beyond ±1e100) is grey, says n/a and is counted in the caption. Up to
// maxWritten columns every cell writes its value; more, and the cells are
// as small as the names of rows and columns allow, without their values,
// which the caption says.
func gridChart(title string, rows, cols []string, vals [][]float64, scale, nan string) *Chart {
	p := newPlot(title, "", "")
	// The first row at the top: y = 0 is the bottom.
	g := &grid{nan: nan, written: len(cols) <= maxWritten}
	var left leftOut
	top := 0.0
	var ynames []string
	for i := len(rows) - 1; i >= 0; i-- {
		ynames = append(ynames, rows[i])
		row := make([]float64, len(vals[i]))
		bad := make([]bool, len(vals[i]))
		for j, v := range vals[i] {
			row[j] = v
			switch {
			case math.IsNaN(v):
			case !left.keep(v):
				row[j], bad[j] = math.NaN(), true
			default:
				top = max(top, v)
			}
		}
		g.vals, g.bad = append(g.vals, row), append(g.bad, bad)
	}
	top = niceCeil(top)
	g.top = top
	p.Add(g)
	p.NominalX(cols...)
	p.NominalY(ynames...)
	p.X.Min, p.X.Max = -0.5, float64(len(cols))-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(len(rows))-0.5
	p.X.Tick.Label.Rotation = math.Pi / 4
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YTop
	p.X.Padding, p.Y.Padding = 0, 0

	tick := textStyle(tickSize, color.Black)
	var wideY, wideX vg.Length
	for _, r := range rows {
		wideY = max(wideY, tick.Width(r))
	}
	for _, c := range cols {
		wideX = max(wideX, tick.Width(c))
	}
	cell := textStyle(cellSize, color.Black)
	cellW := max(0.5*vg.Inch, cell.Width("000.00")+vg.Points(6))
	cellH := 0.26 * vg.Inch
	if !g.written {
		// Square cells, so that the names across, slanted at 45°, are a
		// line apart square to their slant (and those down the side more).
		cellW = (tick.Height("Mg") + vg.Points(2)) * math.Sqrt2
		cellH = cellW
	}
	w := wideY + vg.Length(len(cols))*cellW + 0.8*vg.Inch
	w = max(w, p.Title.TextStyle.Width(title)+0.4*vg.Inch)
	h := vg.Length(len(rows))*cellH + wideX*0.71 + 1.3*vg.Inch
	ch := withPanel(p, w, h, colourBarWidth, func(c draw.Canvas) {
		colourBar(draw.Crop(c, 0, 0, wideX*0.71+0.9*vg.Inch, -0.6*vg.Inch), top, scale)
	})
	caption := ""
	if !g.written {
		caption = fmt.Sprintf("%d columns: values not written in the cells, the colour scale gives them", len(cols))
		if nan != "" && slices.ContainsFunc(g.vals, func(r []float64) bool { return slices.ContainsFunc(r, math.IsNaN) }) {
			caption += "; grey: " + nan
		}
	}
	ch.captionLeftOut(caption, &left, nil)
	ch.plot, ch.grid = p, g
	return ch
}

// grid draws the cells of a heatmap at integer x and y.
type grid struct {
	vals [][]float64 // y × x
	bad  [][]bool    // the cells left out, y × x
	top  float64
	nan  string
	// written says whether the cells write their values.
	written bool
	// cellW and cellH are a cell's size as last drawn, for tests.
	cellW, cellH vg.Length
}

func (g *grid) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	g.cellW, g.cellH = trX(1)-trX(0), trY(1)-trY(0)
	sty := textStyle(cellSize, color.Black)
	sty.XAlign = draw.XCenter
	for y, row := range g.vals {
		for x, v := range row {
			x0, x1 := trX(float64(x)-0.5), trX(float64(x)+0.5)
			y0, y1 := trY(float64(y)-0.5), trY(float64(y)+0.5)
			fill, txt := sequential(v/g.top), cellText(v)
			switch {
			case g.bad[y][x]:
				fill, txt = color.Gray{Y: 220}, "n/a"
			case math.IsNaN(v):
				fill, txt = color.Gray{Y: 220}, g.nan
			}
			c.FillPolygon(fill, rect(x0, y0, x1, y1))
			c.StrokeLines(draw.LineStyle{Color: bgColor, Width: vg.Points(1)}, rect(x0, y0, x1, y1))
			if g.written {
				sty.Color = inkOn(fill)
				c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, txt)
			}
		}
	}
}

// cellText writes a heatmap value in at most three significant digits.
func cellText(v float64) string {
	switch {
	case v == 0:
		return "0"
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// niceCeil rounds the top of a scale up to 1, 2, 2.5 or 5 times a power
// of ten, so the scale's ticks are round numbers; 1 when there is nothing.
func niceCeil(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if x <= m*p*(1+1e-12) {
			return m * p
		}
	}
	return 10 * p
}

const colourBarWidth = 1.1 * vg.Inch

// colourBar draws the scale of a heatmap, 0 at the bottom and top at the
// top, with its name above.
func colourBar(c draw.Canvas, top float64, name string) {
	const steps = 64
	x0 := c.Min.X + vg.Points(8)
	x1 := x0 + vg.Points(12)
	hgt := c.Max.Y - c.Min.Y
	for i := range steps {
		y0 := c.Min.Y + hgt*vg.Length(i)/steps
		y1 := c.Min.Y + hgt*vg.Length(i+1)/steps
		c.FillPolygon(sequential((float64(i)+0.5)/steps), rect(x0, y0, x1, y1+vg.Points(0.3)))
	}
	c.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 120}, Width: vg.Points(0.5)}, append(rect(x0, c.Min.Y, x1, c.Max.Y), vg.Point{X: x0, Y: c.Min.Y}))
	sty := textStyle(tickSize, color.Black)
	// Round steps, four or more of them: where a large heatmap does not
	// write its values, the scale is what gives them.
	for _, t := range (safeTicks{roundTicks{step: niceCeil(top / 6)}}).Ticks(0, top) {
		y := c.Min.Y + hgt*vg.Length(t.Value/top)
		c.StrokeLine2(draw.LineStyle{Color: color.Black, Width: vg.Points(0.5)}, x1, y, x1+vg.Points(3), y)
		c.FillText(sty, vg.Point{X: x1 + vg.Points(5), Y: y}, t.Label)
	}
	sty.YAlign = draw.YBottom
	c.FillText(sty, vg.Point{X: c.Min.X + vg.Points(2), Y: c.Max.Y + vg.Points(6)}, name)
}
