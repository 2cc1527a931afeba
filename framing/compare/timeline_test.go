package compare

import (
	"testing"

	"github.com/framingkit/framing/framing"
)

// TestTimeline: documents land in the ISO week of their date, undated ones
// are counted apart, and a week's index is (pos - neg) / (pos + neg) of its
// documents' own sums.
func TestTimeline(t *testing.T) {
	base := seedScoreList(t)
	dates := []string{"2023-06-19", "2023-06-25T22:00:00Z", "2023-06-26", "", "not a date"}
	var scores []*framing.Score
	want := map[string]framing.WeekCount{} // week → sums, all in one group
	undated := 0
	for i, s := range base {
		c := *s
		c.Outlet = "one"
		c.Date = dates[i%len(dates)]
		scores = append(scores, &c)
		if d, ok := framing.ParseDate(c.Date); ok {
			w := want[framing.WeekKey(d)]
			w.Documents++
			w.Pos += c.Pos
			w.Neg += c.Neg
			want[framing.WeekKey(d)] = w
		} else {
			undated++
		}
	}
	cmp, err := Groups(tallyOf(t, scores, "outlet"), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Groups[0].Undated != undated || undated != 2 {
		t.Errorf("undated = %d, want %d (2)", cmp.Groups[0].Undated, undated)
	}
	var weeks []string
	for _, p := range cmp.Timeline {
		weeks = append(weeks, p.Week)
		w := want[p.Week]
		if p.Documents != w.Documents || p.Pos != w.Pos || p.Neg != w.Neg {
			t.Errorf("week %s: %+v, want %+v", p.Week, p, w)
		}
		if p.Pos+p.Neg > 0 {
			idx := float64(p.Pos-p.Neg) / float64(p.Pos+p.Neg)
			if float64(p.Index) != idx || float64(p.Lo) > idx || float64(p.Hi) < idx {
				t.Errorf("week %s: index %v [%v, %v], want %v inside", p.Week, p.Index, p.Lo, p.Hi, idx)
			}
		}
	}
	if got := jsonOf(t, weeks); got != `["2023-W25","2023-W26"]` {
		t.Errorf("weeks = %s", got)
	}
	if cmp.Timeline[0].Start != "2023-06-19" || cmp.Timeline[1].Start != "2023-06-26" {
		t.Errorf("week starts %s, %s", cmp.Timeline[0].Start, cmp.Timeline[1].Start)
	}
}
