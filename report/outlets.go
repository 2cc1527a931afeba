package report

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
)

// OutletView is each outlet's framing index in a report whose groups are
// not outlets (grouped by country, by week, by a manifest's outlet_group):
// where each outlet stands within the groups the report compares. Its
// intervals are made as the groups' are.
type OutletView struct {
	// By is the report's grouping, which the view is beside.
	By string
	// Index is one row per outlet, outlets by name.
	Index []compare.IndexRow
	// Documents are each outlet's documents; Groups the report's groups
	// its documents fall in, sorted.
	Documents map[string]int
	Groups    map[string][]string
}

// OutletCollector gathers the per-outlet view while a corpus is scored:
// each document counts in a tally by outlet and names the group it falls
// in under the report's grouping.
type OutletCollector struct {
	by     string
	tally  *framing.Tally
	groups map[string]map[string]bool
}

// NewOutletCollector collects into t, an empty tally grouped by outlet
// that counts the voices the report's tally counts, for a report grouped
// by the field by.
func NewOutletCollector(t *framing.Tally, by string) *OutletCollector {
	return &OutletCollector{by: by, tally: t, groups: map[string]map[string]bool{}}
}

// Add counts one scored document.
func (o *OutletCollector) Add(s *framing.Score) {
	o.tally.Add(s)
	outlet, group := framing.GroupOf(s, "outlet"), framing.GroupOf(s, o.by)
	// Keys are cloned, and set only when new, as the tally's are: a name
	// may share memory with its document, and every assignment to a map
	// stores its key.
	gs := o.groups[outlet]
	if gs == nil {
		gs = map[string]bool{}
		o.groups[strings.Clone(outlet)] = gs
	}
	if !gs[group] {
		gs[strings.Clone(group)] = true
	}
}

// View computes every outlet's framing index with the comparison's
// options.
func (o *OutletCollector) View(opt compare.Options) (*OutletView, error) {
	rows, err := compare.IndexRows(o.tally, opt)
	if err != nil {
		return nil, err
	}
	v := &OutletView{By: o.by, Index: rows, Documents: map[string]int{}, Groups: map[string][]string{}}
	for name, g := range o.tally.Groups {
		v.Documents[name] = g.Documents
		v.Groups[name] = slices.Sorted(maps.Keys(o.groups[name]))
	}
	return v, nil
}

// maxGroupsNamed is how many of an outlet's groups its row names before
// it says how many more: an outlet spans every week of a timeline.
const maxGroupsNamed = 4

// OutletSection is the per-outlet view as a table: the index table with
// the groups each outlet falls in.
func OutletSection(v *OutletView, conf float64) Section {
	t := indexTable(v.Index, v.Documents)
	t.Header = slices.Insert(slices.Clone(t.Header), 1, "in "+v.By)
	t.Header[0] = "outlet"
	t.Right = slices.Insert(slices.Clone(t.Right), 1, false)
	for i, r := range v.Index {
		t.Rows[i] = slices.Insert(t.Rows[i], 1, namedGroups(v.Groups[r.Group]))
	}
	return Section{Name: "outlets", Table: t,
		Title: fmt.Sprintf("Framing index by outlet, own voice, %g%% interval: the outlets within the groups by %s", conf*100, v.By),
		Notes: []string{fmt.Sprintf("This report groups documents by %s; each outlet's index here counts all its documents, whichever group they fall in.", v.By)}}
}

// namedGroups lists an outlet's groups, the first maxGroupsNamed by name.
func namedGroups(gs []string) string {
	if len(gs) <= maxGroupsNamed {
		return strings.Join(gs, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(gs[:maxGroupsNamed], ", "), len(gs)-maxGroupsNamed)
}

// comparison is the view as a comparison of outlets, for the index chart:
// the outlets as groups, with c's settings.
func (v *OutletView) comparison(c *compare.Comparison) *compare.Comparison {
	oc := &compare.Comparison{By: "outlet", Index: v.Index, Settings: c.Settings, Lexicon: c.Lexicon, Voices: c.Voices}
	for _, r := range v.Index {
		oc.Groups = append(oc.Groups, compare.GroupInfo{Name: r.Group, Documents: v.Documents[r.Group]})
	}
	return oc
}
