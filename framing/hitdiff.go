package framing

import (
	"cmp"
	"slices"
)

// HitChange is a hit that one lexicon finds in a document and another does
// not, or finds under another label.
type HitChange struct {
	Change string   `json:"change"` // "appears", "disappears" or "relabelled"
	Was    Evidence `json:"was"`    // the old lexicon's hit; zero when it appears
	Now    Evidence `json:"now"`    // the new lexicon's hit; zero when it disappears
}

// At is the hit's place in the text: the new hit's, or the old one's when
// it disappeared.
func (c HitChange) At() Evidence {
	if c.Change == "disappears" {
		return c.Was
	}
	return c.Now
}

// DiffHits compares the hits of one document scored with two lexicons.
// Label hits are matched by their span (a label takes each token once), so
// the same words under another label are relabelled; category hits by span
// and category. The result is in text order.
func DiffHits(was, now *Score) []HitChange {
	type key struct {
		start, end int
		category   string
	}
	keyOf := func(e Evidence) key { return key{e.Start, e.End, e.Category} }
	old := map[key]Evidence{}
	for _, h := range was.Hits {
		old[keyOf(h)] = h
	}
	var out []HitChange
	seen := map[key]bool{}
	for _, h := range now.Hits {
		k := keyOf(h)
		seen[k] = true
		o, ok := old[k]
		switch {
		case !ok:
			out = append(out, HitChange{Change: "appears", Now: h})
		case o.Label != h.Label:
			out = append(out, HitChange{Change: "relabelled", Was: o, Now: h})
		}
	}
	for _, h := range was.Hits {
		if !seen[keyOf(h)] {
			out = append(out, HitChange{Change: "disappears", Was: h})
		}
	}
	slices.SortStableFunc(out, func(a, b HitChange) int {
		return cmp.Or(cmp.Compare(a.At().Start, b.At().Start), cmp.Compare(a.At().End, b.At().End), cmp.Compare(a.Change, b.Change))
	})
	return out
}
