package chart

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
)

// fuzzInput reads the numbers of a comparison from fuzzer bytes: each
// number is either one of the values that break axes (NaN, ±Inf, ±1e308,
// the float64 extremes, zero, a value repeated everywhere) or any float64.
type fuzzInput struct{ b []byte }

func (in *fuzzInput) byte() byte {
	if len(in.b) == 0 {
		return 0
	}
	c := in.b[0]
	in.b = in.b[1:]
	return c
}

var specials = []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e308, -1e308, math.MaxFloat64, -math.MaxFloat64,
	math.SmallestNonzeroFloat64, 0, 1, -1, 0.5, 1e-300, 1e100, -1e100, 3}

func (in *fuzzInput) float() float64 {
	s := in.byte()
	if int(s) < len(specials)*12 { // mostly the special values
		return specials[int(s)%len(specials)]
	}
	var raw [8]byte
	for i := range raw {
		raw[i] = in.byte()
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(raw[:]))
}

func (in *fuzzInput) num() stats.Num { return stats.Num(in.float()) }

func (in *fuzzInput) int() int {
	switch s := in.byte(); {
	case s < 200:
		return int(s % 50)
	case s < 230:
		return -int(s % 7)
	default:
		return int(in.byte()) << (s % 62)
	}
}

// fuzzComparison makes a comparison of well-formed shape (as Compare makes
// them) whose numbers come from data.
func fuzzComparison(data []byte) *compare.Comparison {
	in := &fuzzInput{b: data}
	ng, nl := int(in.byte()%5), int(in.byte()%5)
	c := &compare.Comparison{Settings: compare.DefaultOptions(), By: "outlet"}
	var groups, labels []string
	for g := range ng {
		groups = append(groups, fmt.Sprintf("group %d", g))
		c.Groups = append(c.Groups, compare.GroupInfo{Name: groups[g], Documents: in.int(), Undated: in.int()})
		iv := compare.Interval{Unit: compare.UnitHits, Method: "wilson"}
		if in.byte()%2 == 0 {
			iv = compare.Interval{Unit: compare.UnitDocuments, Method: "cluster-bootstrap-t"}
		}
		c.Index = append(c.Index, compare.IndexRow{Group: groups[g], Index: in.num(), Lo: in.num(), Hi: in.num(), Interval: iv})
	}
	var keys []lexicon.LabelKey
	for l := range nl {
		labels = append(labels, fmt.Sprintf("war.label%d", l))
		keys = append(keys, lexicon.LabelKey{Concept: "war", Label: fmt.Sprintf("label%d", l)})
	}
	cr := compare.ConceptResult{ID: "war", Labels: keys, Groups: groups}
	for range groups {
		counts, byVoice, shares := make([]int, nl), make([]framing.VoiceCount, nl), make([]compare.Share, nl)
		for l := range labels {
			counts[l] = in.int()
			byVoice[l] = framing.VoiceCount{Own: counts[l], Quoted: in.int()}
			shares[l] = compare.Share{P: in.num(), Lo: in.num(), Hi: in.num()}
		}
		cr.Counts, cr.ByVoice, cr.Shares = append(cr.Counts, counts), append(cr.ByVoice, byVoice), append(cr.Shares, shares)
	}
	c.Concepts = []compare.ConceptResult{cr}
	for _, g := range groups {
		for _, l := range labels {
			c.Rates = append(c.Rates, compare.Rate{Group: g, Label: l, Count: in.int(), Rate: in.num()})
		}
	}
	c.Distance = compare.Distance{Groups: groups, Alpha: 0.5}
	for range groups {
		row := make([]stats.Num, ng)
		for j := range row {
			row[j] = in.num()
		}
		c.Distance.Matrix = append(c.Distance.Matrix, row)
	}
	for range int(in.byte() % 9) {
		if ng == 0 {
			break
		}
		d := compare.DistinctiveTerm{Group: groups[int(in.byte())%ng], Kind: "term", Name: fmt.Sprintf("term %d", in.byte()), Count: in.int(), Z: in.num()}
		c.TermScores = append(c.TermScores, d)
		if in.byte()%2 == 0 {
			c.Distinctive = append(c.Distinctive, d)
		}
	}
	axes := int(in.byte() % 4)
	c.CA = compare.CAResult{Groups: groups, Labels: labels}
	for range axes {
		c.CA.Inertia = append(c.CA.Inertia, in.num())
		c.CA.Share = append(c.CA.Share, in.num())
	}
	for _, rows := range []*[][]stats.Num{&c.CA.RowCoords, &c.CA.ColCoords} {
		n := ng
		if rows == &c.CA.ColCoords {
			n = nl
		}
		for range n {
			r := make([]stats.Num, axes)
			for k := range r {
				r[k] = in.num()
			}
			*rows = append(*rows, r)
		}
	}
	starts := []string{"2023-06-19", "2023-06-26", "0001-01-01", "9999-12-27", "2023-W25", ""}
	for range int(in.byte() % 12) {
		if ng == 0 {
			break
		}
		c.Timeline = append(c.Timeline, compare.TimelinePoint{Group: groups[int(in.byte())%ng], Start: starts[int(in.byte())%len(starts)],
			Index: in.num(), Lo: in.num(), Hi: in.num()})
	}
	for _, g := range groups {
		gr := compare.GroupReliability{Group: g, Indicators: map[string]reliability.Indicator{}}
		for _, info := range reliability.IndicatorList {
			gr.Indicators[info.Name] = reliability.Indicator{Name: info.Name, Kind: info.Kind, Value: in.num(), Lo: in.num(), Hi: in.num()}
		}
		c.Reliability.Groups = append(c.Reliability.Groups, gr)
	}
	// Each group's drivers, and the pole hits whose index they add up to,
	// read last so that the inputs above keep their meaning.
	for g, name := range groups {
		c.Index[g].Pos, c.Index[g].Neg = in.int(), in.int()
		for k := range int(in.byte() % 4) {
			c.Drivers = append(c.Drivers, compare.IndexDriver{Group: name, Concept: []string{"war", "mutiny", "war", "other"}[k],
				Pos: in.int(), Neg: in.int(), Index: in.num(), Contribution: in.num()})
		}
	}
	return c
}

// FuzzCharts draws every kind of chart of comparisons whose numbers are
// anything a float64 holds, in shapes from no group to several: no chart may
// panic, fail or run on (each drawing is bounded by a timeout: a drawing
// that does not finish fails the run rather than hanging it), and a chart
// that leaves points out says so.
//
//	go test -run '^$' -fuzz FuzzCharts -fuzztime 5m -fuzzminimizetime 5s ./report/chart
func FuzzCharts(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 2})                           // numbers all NaN
	f.Add(bytes.Repeat([]byte{3, 3, 1}, 60))      // +Inf
	f.Add(bytes.Repeat([]byte{4, 4, 3}, 60))      // 1e308
	f.Add(bytes.Repeat([]byte{4, 4, 11}, 60))     // identical values
	f.Add(bytes.Repeat([]byte{1, 1, 9, 7}, 60))   // one group, one label
	f.Add(bytes.Repeat([]byte{4, 3, 13, 14}, 60)) // ±1e100
	f.Add(bytes.Repeat([]byte{2, 4, 255, 1, 2, 3, 4, 5, 6, 7, 8}, 30))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := fuzzComparison(data)
		for i, kind := range Kinds {
			formats := []Format{SVG}
			// A chart of one run in eight also as PNG and PDF: they take
			// ten times as long, and the axes' trouble shows in any format.
			if len(data) > 0 && int(data[0])%64 == i {
				formats = append(formats, PNG, PDF)
			}
			for _, f := range formats {
				type result struct {
					ch  *Chart
					err error
				}
				done := make(chan result, 1)
				go func() {
					ch, err := Make(c, kind, Options{Concept: "war"})
					if err == nil {
						err = ch.Write(&bytes.Buffer{}, f)
					}
					done <- result{ch, err}
				}()
				select {
				case r := <-done:
					if r.err != nil {
						t.Fatalf("%s chart (%s): %v", kind, f, r.err)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("%s chart (%s) did not finish in 10s", kind, f)
				}
			}
		}
	})
}
