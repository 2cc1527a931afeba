package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/syndication"
)

// IndicatorCell writes an indicator for a table: a share or rate with its
// interval, a balance likewise, a count as a whole number.
func IndicatorCell(in reliability.Indicator) string {
	switch {
	case in.Kind == "count":
		return FormatFloat(float64(in.Value), 0)
	case in.Value.IsNaN():
		return "n/a"
	case in.Kind == "share":
		return fmt.Sprintf("%s (%s–%s)", FormatFloat(float64(in.Value), 2), FormatFloat(float64(in.Lo), 2), FormatFloat(float64(in.Hi), 2))
	}
	return fmt.Sprintf("%s (%s–%s)", FormatFloat(float64(in.Value), 1), FormatFloat(float64(in.Lo), 1), FormatFloat(float64(in.Hi), 1))
}

// reliabilitySections are the groups' sourcing profile (an indicator a row,
// a group a column) and the tests of each indicator across groups.
func reliabilitySections(c *compare.Comparison) []Section {
	conf := c.Settings.Conf * 100
	t := &Table{Header: []string{"indicator"}, Right: []bool{false}}
	for _, g := range c.Reliability.Groups {
		t.Header = append(t.Header, g.Group)
		t.Right = append(t.Right, true)
	}
	for _, info := range reliability.IndicatorList {
		row := []string{info.Name}
		for _, g := range c.Reliability.Groups {
			row = append(row, IndicatorCell(g.Indicators[info.Name]))
		}
		t.Rows = append(t.Rows, row)
	}
	profile := Section{Name: "reliability", Title: fmt.Sprintf("Sourcing indicators by group, own voice (%g%% intervals, %s as the unit; rates per 1,000 tokens)", conf, c.Inference.Unit), Table: t}
	if len(c.Reliability.Groups) == 0 {
		profile.Table.Rows = nil
		profile.Notes = append(profile.Notes, "no groups")
	} else {
		profile.Notes = append(profile.Notes, IndicatorNotes(c.Reliability.Groups[0].Indicators)...)
	}

	tt := &Table{Header: append([]string{"indicator"}, testHeader[:6]...), Right: append([]bool{false}, testRight[:6]...)}
	var undefined []string
	for _, x := range c.Reliability.Tests {
		tt.Rows = append(tt.Rows, append([]string{x.Name}, testCells(x.TableTest)[:6]...))
		if math.IsNaN(x.Primary()) {
			undefined = append(undefined, fmt.Sprintf("%s (%s)", x.Name, orNoHits(x.Note)))
		}
	}
	tests := Section{Name: "reliability-tests", Title: "Do the groups differ? Each share and rate tested across groups; the p to read, its unit and method", Table: tt}
	if len(tt.Rows) == 0 {
		tests.Notes = append(tests.Notes, "n/a: needs at least two groups")
	}
	if len(undefined) > 0 {
		tests.Notes = append(tests.Notes, "n/a: "+strings.Join(undefined, "; "))
	}
	return []Section{profile, tests}
}

// IndicatorNotes say which of the indicators ins are n/a because the
// lexicon cannot measure them: MissingNotes of their notes.
func IndicatorNotes(ins map[string]reliability.Indicator) []string {
	missing := reliability.Missing{}
	for name, in := range ins {
		if in.Note != "" {
			missing[name] = in.Note
		}
	}
	return MissingNotes(missing)
}

// MissingNotes say which indicators a lexicon cannot measure, one line per
// reason, indicators in the order of reliability.IndicatorList: "n/a, the
// lexicon has no category attribution: attribution_rate, named_share,
// sources, top_source_share".
func MissingNotes(missing reliability.Missing) []string {
	var reasons []string
	names := map[string][]string{}
	for _, info := range reliability.IndicatorList {
		why := missing[info.Name]
		if why == "" {
			continue
		}
		if _, ok := names[why]; !ok {
			reasons = append(reasons, why)
		}
		names[why] = append(names[why], info.Name)
	}
	var out []string
	for _, why := range reasons {
		out = append(out, fmt.Sprintf("n/a, %s: %s", why, strings.Join(names[why], ", ")))
	}
	return out
}

// SyndicationSection lists the stories that several outlets ran: every
// cluster's documents, how much of each is text another outlet also ran,
// and which copy counts when syndicated copy is counted once.
func SyndicationSection(clusters []syndication.Cluster) Section {
	t := &Table{Header: []string{"story", "document", "outlet", "shared text", "counts when deduplicated"}, Right: []bool{true, false, false, true, false}}
	for k, c := range clusters {
		for _, m := range c.Members {
			counted := "its own additions"
			if m.First {
				counted = "all (first)"
			}
			t.Rows = append(t.Rows, []string{itoa(k + 1), m.ID, m.Outlet, fmt.Sprintf("%.0f%%", m.SharedFraction*100), counted})
		}
	}
	s := Section{Name: "syndication", Title: fmt.Sprintf("Syndicated copy: stories that several outlets ran (exact %d-word shingles of own-voice text)", syndication.ShingleWords), Table: t}
	if len(clusters) == 0 {
		s.Notes = append(s.Notes, "none found: no two outlets share a long run of the same own-voice text")
	} else {
		s.Notes = append(s.Notes, "--dedupe counts each story once: in full in its first outlet, and in each later outlet only the text it added.")
	}
	return s
}
