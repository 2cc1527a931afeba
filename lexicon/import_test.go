package lexicon

import (
	"github.com/framingkit/framing/token"

	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

func notesText(notes []ImportNote) string {
	var s []string
	for _, n := range notes {
		s = append(s, n.String())
	}
	return strings.Join(s, "\n")
}

// TestImportLIWC: categories, wildcards and phrases come over; the
// conditional form, the emoticon and the empty category are reported with
// their lines; the result is a valid lexicon that matches.
func TestImportLIWC(t *testing.T) {
	data, err := os.ReadFile("../testdata/dictionaries/liwc-sample.dic")
	if err != nil {
		t.Fatal(err)
	}
	l, notes, err := ImportLIWC("liwc-sample.dic", "liwc_sample", data)
	if err != nil {
		t.Fatal(err)
	}
	got := notesText(notes)
	for _, want := range []string{
		`liwc-sample.dic:13: entry "like": category "(02 134)2/1" is a conditional LIWC form`,
		`liwc-sample.dic:14: entry ":)" has no word`,
		`liwc-sample.dic:5: category "unused" has no entries`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("notes do not say %q:\n%s", want, got)
		}
	}
	m := MustCompile(mustLoadWritten(t, l))
	inv := m.Inventory()
	want := map[string][]string{
		"category:sourcing":  {"according to", "report*", "said", "sources said"},
		"category:hedge":     {"allegedly", "may", "report*"},
		"category:anonymous": {"officials who asked not to be named", "sources said"},
	}
	for k, v := range want {
		if strings.Join(inv.Terms[k], "|") != strings.Join(v, "|") {
			t.Errorf("%s: %v, want %v", k, inv.Terms[k], v)
		}
	}
	var got2 []string
	for _, h := range m.MatchCategories(nil, token.NewTokenizer().Tokenize("Sources said the army was allegedly reporting losses.")) {
		got2 = append(got2, m.Categories()[h.ID]+":"+m.Terms()[h.Term].Text)
	}
	slices.Sort(got2)
	if want := "anonymous:sources said|hedge:allegedly|hedge:report*|sourcing:report*|sourcing:sources said"; strings.Join(got2, "|") != want {
		t.Errorf("hits %v, want %s", got2, want)
	}
}

func TestImportLIWCErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"said\t1\n", "d.dic:1: a LIWC dictionary starts with a % line"},
		{"%\nx\tsourcing\n%\n", `d.dic:2: want a category line "NUMBER<tab>NAME"`},
		{"%\n1\ta\n1\tb\n%\n", "d.dic:3: category number 1 is defined twice"},
		{"%\n1\ta\n%\nsaid\t7\n", "d.dic:4: entry \"said\" names category 7"},
		{"%\n1\ta\n2\tb\n", "the category header is not closed"},
	} {
		_, _, err := ImportLIWC("d.dic", "d", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

// TestImportQuanteda: keys become concepts and labels; patterns framing
// cannot express, duplicates and deep nesting are reported by line.
func TestImportQuanteda(t *testing.T) {
	data, err := os.ReadFile("../testdata/dictionaries/quanteda-sample.yml")
	if err != nil {
		t.Fatal(err)
	}
	l, notes, err := ImportQuanteda("q.yml", "q", data)
	if err != nil {
		t.Fatal(err)
	}
	got := notesText(notes)
	for _, want := range []string{
		`q.yml:15: wagner.pmc: pattern "*wagner" uses a ? or an inner *`,
		`q.yml:17: wagner.fighters: pattern "fighter?" uses a ? or an inner *`,
		`q.yml:18: wagner.fighters: pattern "invasion" is already under war.invasion`,
		`q.yml:19: wagner.deeper: nesting deeper than two levels`,
		`wagner.fighters: no pattern left`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("notes do not say %q:\n%s", want, got)
		}
	}
	inv := MustCompile(mustLoadWritten(t, l)).Inventory()
	for k, v := range map[string][]string{
		"war.invasion": {"invad*", "invasion"}, "war.special_operation": {"smo", "special military operation"},
		"mutiny.mutiny": {"armed rebellion", "mutiny"}, "wagner.pmc": {"pmc wagner"},
	} {
		if strings.Join(inv.Terms[k], "|") != strings.Join(v, "|") {
			t.Errorf("%s: %v, want %v", k, inv.Terms[k], v)
		}
	}
}

// TestExportQuantedaRoundTrip: a lexicon exported for quanteda and imported
// back has the same terms under the same labels.
func TestExportQuantedaRoundTrip(t *testing.T) {
	l, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l.Categories = nil // categories share words with labels: a quanteda key each would collide
	var buf bytes.Buffer
	if _, err := ExportQuanteda(&buf, l); err != nil {
		t.Fatal(err)
	}
	back, notes, err := ImportQuanteda("export.yml", "ru-ua-war", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	a, b := MustCompile(l).Inventory(), MustCompile(back).Inventory()
	for k, v := range a.Terms {
		var lower []string
		for _, t := range v {
			lower = append(lower, strings.ToLower(t))
		}
		slices.Sort(lower) // quanteda patterns are case-insensitive: they come back lower case
		if strings.Join(lower, "|") != strings.Join(b.Terms[k], "|") {
			t.Errorf("%s: exported %v, imported %v", k, v, b.Terms[k])
		}
	}
	if len(notes) != 0 {
		t.Errorf("notes on a clean round trip: %s", notesText(notes))
	}
}
