package lexicon

import (
	"slices"
	"strings"
	"testing"
)

func TestDiffInventory(t *testing.T) {
	a := Inventory{
		Terms: map[string][]string{
			"war.invasion":     {"invasion", "invaded"},
			"war.war":          {"war"},
			"mutiny.coup":      {"coup"},
			"category:hedge":   {"allegedly", "reportedly"},
			"category:sources": {"said"},
		},
		Poles: map[string]int{"war.invasion": -1, "war.war": -1, "mutiny.coup": 0},
	}
	b := Inventory{
		Terms: map[string][]string{
			"war.invasion":     {"invad*", "invasion"},
			"war.war":          {"war", "coup"},
			"war.smo":          {"special military operation"},
			"category:hedge":   {"allegedly"},
			"category:sources": {"said"},
		},
		Poles: map[string]int{"war.invasion": -1, "war.war": 0, "war.smo": 1},
	}
	var got []string
	for _, c := range DiffInventory(a, b) {
		got = append(got, c.String())
	}
	want := []string{
		`category:hedge: term removed: "reportedly"`,
		`mutiny.coup: label removed`,
		`war.invasion: term added: "invad*"`,
		`war.invasion: term removed: "invaded"`,
		`war.smo: label added`,
		`war.smo: term added: "special military operation"`,
		`war.war: term moved here from mutiny.coup: "coup"`,
		`war.war: pole -1 → 0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := DiffInventory(a, a); len(d) != 0 {
		t.Errorf("an inventory differs from itself: %v", d)
	}
}

func TestInventoryOfBuiltin(t *testing.T) {
	m, err := CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	inv := m.Inventory()
	// The terms as written in lexicon/builtin/ru-ua-war.yaml, sorted; the
	// poles from its axis (negative: critical → -1, positive: kremlin → +1;
	// a label without a pole → 0).
	for _, c := range []struct {
		owner string
		terms []string
		pole  int
	}{
		{"wagner.mercenaries", []string{"mercenar*", "найманець ~uk", "найманці ~uk", "наёмник ~ru"}, -1},
		{"wagner.pmc", []string{"PMC", "PMC Wagner", "Wagner PMC", "private military companies", "private military company"}, +1},
		{"wagner.chvk", []string{"ПВК ~uk", "ПВК Вагнер ~uk", "ЧВК ~ru", "ЧВК Вагнер ~ru", "приватна військова компанія ~uk", "частная военная компания ~ru"}, 0},
		{"wagner.paramilitary", []string{"paramilitaries", "paramilitary", "военизированный ~ru", "воєнізований ~uk", "напіввійськовий ~uk", "полувоенный ~ru"}, 0},
	} {
		if got := inv.Terms[c.owner]; !slices.Equal(got, c.terms) {
			t.Errorf("%s: terms %q, want %q", c.owner, got, c.terms)
		}
		if got, ok := inv.Poles[c.owner]; !ok || got != c.pole {
			t.Errorf("%s: pole %d (listed: %v), want %d", c.owner, got, ok, c.pole)
		}
	}
	// A category: its terms, no pole.
	hedge := inv.Terms[CategoryOwner("hedge")]
	for _, w := range []string{"allegedly", "reportedly", "apparently"} {
		if !slices.Contains(hedge, w) {
			t.Errorf("category:hedge lacks %q: %q", w, hedge)
		}
	}
	if _, ok := inv.Poles[CategoryOwner("hedge")]; ok {
		t.Errorf("category:hedge has a pole")
	}
}
