package lexicon

import (
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
	n := 0
	for _, ts := range inv.Terms {
		n += len(ts)
	}
	if n != len(m.Terms()) || len(inv.Poles) != len(m.Labels()) {
		t.Errorf("inventory has %d terms and %d poles; the matcher %d terms and %d labels", n, len(inv.Poles), len(m.Terms()), len(m.Labels()))
	}
}
