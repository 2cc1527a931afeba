package chart

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The guards of this file stand between the numbers of a comparison and
// gonum/plot, which must never be handed a value it cannot place: its tick
// search (talbotLinHanrahan, behind plot.DefaultTicks) never returns on a
// NaN or infinite axis range, panics on an empty one, and its transforms
// turn a range of zero width into NaN coordinates. Every chart leaves such
// points out and says how many (leftOut), and every plot is drawn through
// drawPlot, which makes its axes drawable whatever is set on them.

// maxDrawable is the largest magnitude a chart places on an axis. It is far
// beyond any statistic of a comparison, and small enough that differences,
// paddings and ratios of two such values stay finite.
const maxDrawable = 1e100

// drawable reports whether v can be placed on an axis.
func drawable(v float64) bool { return math.Abs(v) <= maxDrawable } // false for NaN and ±Inf

// leftOut counts the points of a chart that could not be drawn: bad ones,
// whose values are not drawable, and ones outside an axis whose range is
// fixed (the framing index's −1 … +1).
type leftOut struct{ bad, outside int }

// keep reports whether every value of a point is drawable, and counts the
// point as left out when one is not.
func (l *leftOut) keep(vs ...float64) bool {
	for _, v := range vs {
		if !drawable(v) {
			l.bad++
			return false
		}
	}
	return true
}

// within reports whether v lies in [lo, hi], and counts the point as left
// out when it does not.
func (l *leftOut) within(v, lo, hi float64) bool {
	if v >= lo && v <= hi {
		return true
	}
	l.outside++
	return false
}

// note says how many points were left out and why, "" when none was.
func (l *leftOut) note() string {
	var s []string
	if l.bad > 0 {
		s = append(s, fmt.Sprintf("%s left out: not a finite number (NaN or ±Inf) or beyond ±1e100", plural(l.bad, "point")))
	}
	if l.outside > 0 {
		s = append(s, fmt.Sprintf("%s left out: outside the axis", plural(l.outside, "point")))
	}
	return strings.Join(s, "; ")
}

// noData is the chart of title when every point was left out.
func noData(title string, l *leftOut, w vg.Length) *Chart {
	ch := message(title, "no data: "+l.note(), w, 2*vg.Inch)
	ch.LeftOut = l.note()
	return ch
}

// drawPlot draws p on c with drawable axes.
func drawPlot(p *plot.Plot, c draw.Canvas) {
	safeAxis(&p.X)
	safeAxis(&p.Y)
	p.Draw(c)
}

// minRelWidth is the narrowest axis, relative to the magnitude of its
// middle, that drawPlot lets through: narrower, and the ends are no longer
// apart in float64 once the axis is padded and transformed.
const minRelWidth = 1e-6

// safeAxis makes an axis range finite, ordered, of positive width (on a log
// scale, positive) and within ±maxDrawable, and its tick marker safe.
func safeAxis(a *plot.Axis) {
	lo, hi := a.Min, a.Max
	switch {
	case drawable(lo) && drawable(hi):
	case drawable(lo):
		hi = lo
	case drawable(hi):
		lo = hi
	default:
		lo, hi = -1, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	_, logScale := a.Scale.(plot.LogScale)
	if logScale {
		if !(hi > 0) {
			lo, hi = 1, 10
		}
		if !(lo > 0) {
			lo = hi / 10
		}
	}
	mid := lo/2 + hi/2
	if hi-lo < minRelWidth*math.Abs(mid) || hi == lo {
		half := math.Max(math.Abs(mid)*minRelWidth, 0.5)
		if logScale {
			lo, hi = mid/10, mid*10
		} else {
			lo, hi = mid-half, mid+half
		}
	}
	a.Min, a.Max = lo, hi
	if _, ok := a.Tick.Marker.(safeTicks); !ok {
		a.Tick.Marker = safeTicks{a.Tick.Marker}
	}
}

// maxTicks is the most ticks an axis draws.
const maxTicks = 200

// safeTicks is a tick marker that asks its own only for a drawable range
// and keeps at most maxTicks of its ticks, all within the range.
type safeTicks struct{ m plot.Ticker }

func (s safeTicks) Ticks(lo, hi float64) []plot.Tick {
	if s.m == nil || !drawable(lo) || !drawable(hi) || !(lo < hi) {
		return nil
	}
	var out []plot.Tick
	for _, t := range s.m.Ticks(lo, hi) {
		if t.Value >= lo && t.Value <= hi && len(out) < maxTicks {
			out = append(out, t)
		}
	}
	return out
}
