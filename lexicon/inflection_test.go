package lexicon

import (
	"slices"
	"strings"
	"testing"

	"github.com/framingkit/framing/token"
)

// TestInflectedTerms: a Russian or Ukrainian term matches its inflected
// forms, written out here by hand for each, and not longer words that
// only begin like it.
func TestInflectedTerms(t *testing.T) {
	l, err := Load("testdata/good/multilingual.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string // labels hit, in order
	}{
		{"специальная военная операция", "war.special_operation"},
		{"в ходе специальной военной операции", "war.special_operation"},
		{"участники специальных военных операций", "war.special_operation"},
		{"о спецоперации и спецоперацией", "war.special_operation war.special_operation"},
		{"цели СВО", "war.special_operation"},
		{"цели сво", ""},
		{"спеціальної військової операції", "war.special_operation"},
		{"special military operation", "war.special_operation"},
		{"после вторжения и вторжением", "war.invasion war.invasion"},
		{"войска вторглись", "war.invasion"},
		{"повномасштабного вторгнення", "war.invasion"},
		{"в Киеве, из Киева, к Киеву", "kyiv.kiev kyiv.kiev kyiv.kiev"},
		{"киевский режим", ""},
		{"у Києві та до Києва", "kyiv.kyiv kyiv.kyiv"},
		{"на Украине", "kyiv.na_ukraine"},
		{"на Украину", ""},
		{"операционный зал военной части", ""},
		{"вооружённая операция", ""},
	}
	tk := token.NewTokenizer()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, h := range m.MatchLabels(nil, tk.Tokenize(tt.text)) {
				got = append(got, m.Labels()[h.ID].ID)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("labels %q, want %q", g, tt.want)
			}
		})
	}
}

// TestInflectedOverlap: two labels' terms that match the same words once
// inflected are refused, with both places.
func TestInflectedOverlap(t *testing.T) {
	src := `lexicon: x
version: "1"
concepts:
  - id: war
    labels:
      - id: a
        terms: {ru: ["военная операция"]}
      - id: b
        terms: {ru: ["военной операции"]}
      - id: c
        terms: {ru: [{term: "военную операцию", inflect: false}], uk: ["війна"]}
      - id: d
        terms: {ru: ["вторжение", "вторжения", "вторгнуться"]}
`
	_, err := Parse("x.yaml", []byte(src))
	if err == nil {
		t.Fatal("two labels' terms with the same inflected forms were accepted")
	}
	for _, want := range []string{`x.yaml:9:22: term "военной операции" of label war.b and term "военная операция" of label war.a at 7:22 both match "военная операция" once inflected`, `x.yaml:11:29: term "военную операцию" of label war.c`,
		`x.yaml:13:35: term "вторжения" is an inflected form of term "вторжение" at 13:22, which matches it already (remove it)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error\n%v\nwant one containing\n%s", err, want)
		}
	}
	// Each pair once, though a, b and c share a dozen first-word forms.
	if n, m := strings.Count(err.Error(), "once inflected"), strings.Count(err.Error(), "is an inflected form"); n != 3 || m != 1 {
		t.Errorf("%d overlaps and %d inflected forms reported, want 3 and 1:\n%v", n, m, err)
	}
}

// TestLanguageKeys: terms are listed under a language a pack exists for.
func TestLanguageKeys(t *testing.T) {
	src := "lexicon: x\nversion: \"1\"\nconcepts:\n  - id: war\n    labels:\n      - id: a\n        terms: {ua: [\"війна\"]}\n"
	_, err := Parse("x.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), `x.yaml:7:17: unknown key "ua" in terms (known: en, ru, uk)`) {
		t.Errorf("error %v, want the unknown language at its place", err)
	}
	src = "lexicon: x\nversion: \"1\"\nlanguage: ua\nconcepts:\n  - id: war\n    labels:\n      - id: a\n        terms: [\"війна\"]\n"
	if _, err := Parse("x.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), `language "ua" has no language pack (have: en, ru, uk)`) {
		t.Errorf("error %v, want the unknown lexicon language", err)
	}
}

// TestInflectionInHash: whether a term inflects changes the hash; an
// English lexicon's hash is as it was before terms had languages.
func TestInflectionInHash(t *testing.T) {
	base := "lexicon: x\nversion: \"1\"\nconcepts:\n  - id: war\n    labels:\n      - id: a\n        terms: %s\n"
	hash := func(terms string) string {
		l, err := Parse("x.yaml", []byte(strings.Replace(base, "%s", terms, 1)))
		if err != nil {
			t.Fatal(err)
		}
		return MustCompile(l).Hash()
	}
	inflected, exact := hash(`{ru: ["война"]}`), hash(`{ru: [{term: "война", inflect: false}]}`)
	if inflected == exact {
		t.Error("a term's inflection does not change the hash")
	}
	if got := hash(`["war"]`); got != hash(`{en: ["war"]}`) {
		t.Error("an English term's hash depends on how its language is written")
	}
	if !slices.Contains([]string{inflected, exact}, hash(`{ru: ["война"]}`)) {
		t.Error("the hash is not stable")
	}
}

// TestLongInflectedPhrase: a phrase of many inflected words compiles at
// once. Each word's forms are edges into one node, so the trie is a DAG,
// and a walk that did not remember the nodes it had seen took (forms)^words
// steps: the built-in lexicon's four-word Russian phrases took 9 s.
func TestLongInflectedPhrase(t *testing.T) {
	words := strings.Repeat("военная ", 12)
	l, err := Parse("long.yaml", []byte(`lexicon: long
version: 1.0.0
concepts:
  - id: c
    labels:
      - id: l
        terms: {ru: ["`+strings.TrimSpace(words)+`"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	hits := m.MatchLabels(nil, token.NewTokenizer().Tokenize(strings.Repeat("военной ", 12)))
	if len(hits) != 1 {
		t.Errorf("%d hits, want 1", len(hits))
	}
}
