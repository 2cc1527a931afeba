package lexicon

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"

	"github.com/framingkit/framing/lang"
)

// hashOf digests what can move a score: the lexicon's name and version, the
// axis, and for every label and category its id, pole and sorted term keys.
// Labels and categories are taken in id order, so reordering the file or
// editing descriptions, comments and examples keeps the hash.
func hashOf(l *Lexicon, m *Matcher) string {
	type entry struct {
		id   string
		pole int
		keys []string
	}
	labels := make([]entry, len(m.labels))
	for i, info := range m.labels {
		labels[i] = entry{id: info.ID, pole: info.Pole}
	}
	cats := make([]entry, len(m.categories))
	for i, id := range m.categories {
		cats[i] = entry{id: id}
	}
	inflected := map[string]bool{} // languages whose endings the terms read
	for _, t := range m.terms {
		es := labels
		if t.Category {
			es = cats
		}
		key := t.Key
		if t.Inflected {
			// An inflected term matches more than its words: its key
			// says so, and the endings it reads are hashed below. A term
			// that matches as written keeps the key it always had, so an
			// English lexicon's hash is what it was.
			key += " ~" + t.Lang
			inflected[t.Lang] = true
		}
		es[t.Owner].keys = append(es[t.Owner].keys, key)
	}

	h := sha256.New()
	fmt.Fprintf(h, "lexicon %q %q %q\n", l.Name, l.Version, l.Language)
	if l.Axis != nil {
		fmt.Fprintf(h, "axis %q %q\n", l.Axis.Negative, l.Axis.Positive)
	}
	for _, group := range []struct {
		kind    string
		entries []entry
	}{{"label", labels}, {"category", cats}} {
		slices.SortFunc(group.entries, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
		for _, e := range group.entries {
			slices.Sort(e.keys)
			fmt.Fprintf(h, "%s %q %d\n", group.kind, e.id, e.pole)
			for _, k := range e.keys {
				fmt.Fprintf(h, "\t%q\n", k)
			}
		}
	}
	for _, c := range l.Concepts {
		if c.Apart { // matched apart: the same terms count differently
			fmt.Fprintf(h, "apart %q\n", c.ID)
		}
	}
	for _, code := range slices.Sorted(maps.Keys(inflected)) {
		p, _ := lang.Builtin(code)
		fmt.Fprintf(h, "inflection %q %d %q\n", code, p.Inflection.MinStem, p.Inflection.Endings)
	}
	return hex.EncodeToString(h.Sum(nil))
}
