package lexicon

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/framingkit/framing/token"
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
	// What each label should come back with: its terms in lower case
	// (quanteda patterns are case-insensitive), an inflected term as the
	// stem pattern it was exported as, once for two languages' terms with
	// one stem.
	want := map[string][]string{}
	tk := token.NewTokenizer()
	for _, c := range l.Concepts {
		for _, lb := range c.Labels {
			id := c.ID + "." + lb.ID
			for _, term := range lb.Terms {
				text := strings.ToLower(term.Text)
				if p, ok := stemPattern(tk, term); ok {
					text = p
				}
				if !slices.Contains(want[id], text) {
					want[id] = append(want[id], text)
				}
			}
			slices.Sort(want[id])
		}
	}
	b := MustCompile(back).Inventory()
	for k, v := range want {
		if strings.Join(v, "|") != strings.Join(b.Terms[k], "|") {
			t.Errorf("%s: exported %v, imported %v", k, v, b.Terms[k])
		}
	}
	if len(notes) != 0 {
		t.Errorf("notes on a clean round trip: %s", notesText(notes))
	}
}

// TestExportQuantedaInflected: a Russian or Ukrainian term that inflects
// is exported as its words' stems with "*", the term as written in a
// comment, one pattern for two languages' terms with the same stems, and
// a note per language says how many; exact terms stay as written.
func TestExportQuantedaInflected(t *testing.T) {
	l, err := Load("testdata/good/multilingual.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	notes, err := ExportQuanteda(&buf, l)
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`    - "специальн* военн* операц*" # специальная военная операция (ru, inflected)`,
		`    - "спецоперац*" # спецоперация (ru, inflected)`,
		`    - "СВО"`,
		`    - "вторг*"` + "\n",
		`    - "на Украине"` + "\n",
		`    - "Kyiv"` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, `"спецоперац*"`) != 1 {
		t.Errorf("the Russian and Ukrainian спецоперация were not exported once:\n%s", out)
	}
	text := notesText(notes)
	for _, want := range []string{"4 ru terms match their inflected forms", "5 uk terms match their inflected forms", `term "СВО" is case-sensitive`} {
		if !strings.Contains(text, want) {
			t.Errorf("notes lack %q:\n%s", want, text)
		}
	}
}

// TestWriteYAMLLanguages: a lexicon with terms in several languages, exact
// and case-sensitive ones among them, is written so that it reads back the
// same: the same inventory and hash.
func TestWriteYAMLLanguages(t *testing.T) {
	l, err := Load("testdata/good/multilingual.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, l); err != nil {
		t.Fatal(err)
	}
	back, err := Parse("written.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	a, b := MustCompile(l), MustCompile(back)
	if a.Hash() != b.Hash() {
		t.Errorf("hash %s written back as %s:\n%s", a.Hash(), b.Hash(), buf.String())
	}
	if d := DiffInventory(a.Inventory(), b.Inventory()); len(d) > 0 {
		t.Errorf("written back with changes %v", d)
	}
}
