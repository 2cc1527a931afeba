package lexicon

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Inventory is what a lexicon counts with: the terms of every label
// ("war.invasion") and category ("category:hedge"), as written and sorted
// (a term that matches its inflected forms with " ~" and its language:
// "вторжение ~ru"), every label's pole (+1, -1, 0), and the concepts
// matched apart. Two inventories say what changed between two versions of
// a lexicon; a baseline keeps one for that.
type Inventory struct {
	Terms map[string][]string `json:"terms"`
	Poles map[string]int      `json:"poles"`
	Apart []string            `json:"apart,omitempty"`
}

// CategoryOwner is the inventory name of a category.
func CategoryOwner(id string) string { return "category:" + id }

// Inventory lists the matcher's terms by label and category.
func (m *Matcher) Inventory() Inventory {
	inv := Inventory{Terms: map[string][]string{}, Poles: map[string]int{}}
	for _, l := range m.labels {
		inv.Poles[l.ID] = l.Pole
		inv.Terms[l.ID] = []string{}
	}
	for _, c := range m.categories {
		inv.Terms[CategoryOwner(c)] = []string{}
	}
	for _, t := range m.terms {
		var owner string
		if t.Category {
			owner = CategoryOwner(m.categories[t.Owner])
		} else {
			owner = m.labels[t.Owner].ID
		}
		text := t.Text
		if t.Inflected {
			text += " ~" + t.Lang
		}
		inv.Terms[owner] = append(inv.Terms[owner], text)
	}
	for _, c := range m.lex.Concepts {
		if c.Apart {
			inv.Apart = append(inv.Apart, c.ID)
		}
	}
	for k := range inv.Terms {
		slices.Sort(inv.Terms[k])
	}
	return inv
}

// Change is one difference between two inventories.
type Change struct {
	What  string `json:"what"`  // "term added", "term removed", "term moved", "label added", "label removed", "pole", "matched apart", "matched with the others"
	Owner string `json:"owner"` // the label or category (for a move: where the term is now)
	Term  string `json:"term,omitempty"`
	From  string `json:"from,omitempty"` // a moved term's old owner; a pole's old value
	To    string `json:"to,omitempty"`   // a pole's new value
}

func (c Change) String() string {
	switch c.What {
	case "term moved":
		return fmt.Sprintf("%s: term moved here from %s: %q", c.Owner, c.From, c.Term)
	case "pole":
		return fmt.Sprintf("%s: pole %s → %s", c.Owner, c.From, c.To)
	case "label added", "label removed", "matched apart", "matched with the others":
		return fmt.Sprintf("%s: %s", c.Owner, c.What)
	}
	return fmt.Sprintf("%s: %s: %q", c.Owner, c.What, c.Term)
}

// DiffInventory lists what changed from a to b: owners added and removed,
// terms added, removed and moved between owners, and poles, in owner order.
func DiffInventory(a, b Inventory) []Change {
	// Where each term stands, to tell a move from a removal and an addition.
	whereA, whereB := owners(a), owners(b)
	var out []Change
	keys := slices.Sorted(maps.Keys(a.Terms))
	for k := range b.Terms {
		if _, ok := a.Terms[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, owner := range keys {
		ta, inA := a.Terms[owner]
		tb, inB := b.Terms[owner]
		switch {
		case !inA:
			out = append(out, Change{What: "label added", Owner: owner})
		case !inB:
			out = append(out, Change{What: "label removed", Owner: owner})
		}
		for _, t := range tb {
			if slices.Contains(ta, t) {
				continue
			}
			if from, ok := whereA[termKey(owner, t)]; ok && from != owner && whereB[termKey(owner, t)] == owner {
				out = append(out, Change{What: "term moved", Owner: owner, Term: t, From: from})
				continue
			}
			out = append(out, Change{What: "term added", Owner: owner, Term: t})
		}
		for _, t := range ta {
			if slices.Contains(tb, t) {
				continue
			}
			if to, ok := whereB[termKey(owner, t)]; ok && to != owner && whereA[termKey(owner, t)] == owner {
				continue // reported as moved, under its new owner
			}
			out = append(out, Change{What: "term removed", Owner: owner, Term: t})
		}
		if pa, pb := a.Poles[owner], b.Poles[owner]; inA && inB && pa != pb {
			out = append(out, Change{What: "pole", Owner: owner, From: strconv.Itoa(pa), To: strconv.Itoa(pb)})
		}
	}
	for _, c := range b.Apart {
		if !slices.Contains(a.Apart, c) {
			out = append(out, Change{What: "matched apart", Owner: c})
		}
	}
	for _, c := range a.Apart {
		if !slices.Contains(b.Apart, c) {
			out = append(out, Change{What: "matched with the others", Owner: c})
		}
	}
	return out
}

// owners maps each term to where it stands. Label terms and category terms
// are kept apart (categories may share words with labels and with each
// other), so a move is only ever from a label to a label or from a
// category to a category; a word in several categories keeps the first.
func owners(inv Inventory) map[string]string {
	m := map[string]string{}
	for _, owner := range slices.Sorted(maps.Keys(inv.Terms)) {
		for _, t := range inv.Terms[owner] {
			if _, ok := m[termKey(owner, t)]; !ok {
				m[termKey(owner, t)] = owner
			}
		}
	}
	return m
}

func termKey(owner, term string) string {
	if strings.HasPrefix(owner, "category:") {
		return "category\x00" + term
	}
	return "label\x00" + term
}
