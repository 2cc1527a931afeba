package lexicon

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/token"

	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// testLexicon is a small lexicon with the overlaps the matching rules are
// about.
func testLexicon() *Lexicon {
	terms := func(ts ...string) []Term {
		var out []Term
		for _, t := range ts {
			out = append(out, Term{Text: t})
		}
		return out
	}
	return &Lexicon{
		Name: "test", Version: "1", Language: "en",
		Axis: &Axis{Negative: "critical", Positive: "kremlin"},
		Concepts: []Concept{
			{ID: "war", Labels: []Label{
				{ID: "special_operation", Pole: "kremlin", Terms: append(terms("special military operation", "special operation"), Term{Text: "SMO", CaseSensitive: true})},
				{ID: "invasion", Pole: "critical", Terms: terms("invasion", "invade*", "full-scale invasion")},
				{ID: "invader", Terms: terms("invader")},
				{ID: "war", Pole: "critical", Terms: terms("war in Ukraine")},
			}},
			{ID: "mutiny", Labels: []Label{
				{ID: "mutiny", Terms: terms("mutiny", "armed mutiny")},
				{ID: "rebellion", Terms: terms("rebellion", "armed rebellion")},
			}},
			{ID: "wagner", Labels: []Label{
				{ID: "group", Terms: terms("Wagner Group")},
				{ID: "pmc", Pole: "kremlin", Terms: terms("PMC Wagner", "Wagner PMC")},
			}},
			{ID: "legitimacy", Labels: []Label{
				{ID: "war_crimes", Pole: "critical", Terms: terms("war crime*")},
				{ID: "putin_regime", Pole: "critical", Terms: terms("Putin's regime")},
			}},
		},
		Categories: []Category{
			{ID: "hedge", Terms: terms("allegedly", "claimed")},
			{ID: "attribution", Terms: terms("claimed", "said", "according to")},
		},
	}
}

func TestMatchLabels(t *testing.T) {
	m := MustCompile(testLexicon())
	tk := token.NewTokenizer()
	tests := []struct {
		name string
		text string
		want []string // "label:matched text"
	}{
		{"longest wins", "an armed mutiny began", []string{"mutiny.mutiny:armed mutiny"}},
		{"counted once", "the armed rebellion, the rebellion", []string{"mutiny.rebellion:armed rebellion", "mutiny.rebellion:rebellion"}},
		{"multi-word", "the special military operation in Ukraine", []string{"war.special_operation:special military operation"}},
		{"shorter term when longer fails", "a special operation unit", []string{"war.special_operation:special operation"}},
		{"glob continues a token", "Russia invaded; it invades", []string{"war.invasion:invaded", "war.invasion:invades"}},
		{"glob prefix is literal", "invading forces", nil},
		{"glob needs its prefix", "they evaded it", nil},
		{"exact beats glob at equal length", "the invader", []string{"war.invader:invader"}},
		{"longer glob term beats shorter exact", "alleged war crimes", []string{"legitimacy.war_crimes:war crimes"}},
		{"case-insensitive by default", "the INVASION and Invasion", []string{"war.invasion:INVASION", "war.invasion:Invasion"}},
		{"case-sensitive term", "the SMO, not smo", []string{"war.special_operation:SMO"}},
		{"possessive matches the name", "PMC Wagner’s fighters and the Wagner Group's", []string{"wagner.pmc:PMC Wagner’s", "wagner.group:Wagner Group's"}},
		{"possessive in the term", "Putin’s regime and Putin's regime", []string{"legitimacy.putin_regime:Putin’s regime", "legitimacy.putin_regime:Putin's regime"}},
		{"hyphen in the term", "a full-scale invasion", []string{"war.invasion:full-scale invasion"}},
		{"en dash and em dash", "a full–scale invasion, a full—scale invasion", []string{"war.invasion:full–scale invasion", "war.invasion:full—scale invasion"}},
		{"full-width letters (NFKC)", "ｉｎｖａｓｉｏｎ", []string{"war.invasion:ｉｎｖａｓｉｏｎ"}},
		{"not across a sentence end", "It was special. Military operations followed.", nil},
		{"not across a line break", "special military\noperation", nil},
		{"quotes do not stop matching", "the “special military operation”", []string{"war.special_operation:special military operation"}},
		{"not inside other words", "warlike Ukrainian mutinyish", nil},
		{"empty text", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tk.Tokenize(tt.text)
			var got []string
			for _, h := range m.MatchLabels(nil, toks) {
				got = append(got, m.Labels()[h.ID].ID+":"+tt.text[toks[h.First].Start:toks[h.End-1].End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("MatchLabels(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchCategories(t *testing.T) {
	m := MustCompile(testLexicon())
	toks := token.NewTokenizer().Tokenize("He claimed, according to reports, that it was allegedly done.")
	var got []string
	for _, h := range m.MatchCategories(nil, toks) {
		got = append(got, m.Categories()[h.ID]+":"+m.Terms()[h.Term].Text)
	}
	// "claimed" is in two categories: one hit each.
	want := []string{"hedge:claimed", "attribution:claimed", "attribution:according to", "hedge:allegedly"}
	if !slices.Equal(got, want) {
		t.Errorf("MatchCategories = %q, want %q", got, want)
	}
}

func TestHash(t *testing.T) {
	base := MustCompile(testLexicon()).Hash()
	// Reordering and descriptions keep the hash.
	l := testLexicon()
	l.Concepts[0], l.Concepts[1] = l.Concepts[1], l.Concepts[0]
	l.Concepts[0].About = "a description"
	l.Concepts[1].Labels[0].Examples = &Examples{Match: []string{"the SMO"}}
	if got := MustCompile(l).Hash(); got != base {
		t.Errorf("reordered lexicon hash %s, want %s", got, base)
	}
	// Anything that can move a score changes it.
	changes := map[string]func(*Lexicon){
		"term added": func(l *Lexicon) {
			l.Concepts[0].Labels[1].Terms = append(l.Concepts[0].Labels[1].Terms, Term{Text: "incursion"})
		},
		"pole changed":   func(l *Lexicon) { l.Concepts[0].Labels[3].Pole = "" },
		"case changed":   func(l *Lexicon) { l.Concepts[0].Labels[0].Terms[2].CaseSensitive = false },
		"category term":  func(l *Lexicon) { l.Categories[0].Terms = l.Categories[0].Terms[:1] },
		"version bumped": func(l *Lexicon) { l.Version = "2" },
	}
	for name, change := range changes {
		l := testLexicon()
		change(l)
		if MustCompile(l).Hash() == base {
			t.Errorf("%s: hash unchanged", name)
		}
	}
}

func TestTermWords(t *testing.T) {
	tk := token.NewTokenizer()
	tests := []struct {
		term Term
		key  string
		err  error
	}{
		{Term{Text: "Special  Military Operation"}, "special military operation", nil},
		{Term{Text: "invade*"}, "invade*", nil},
		{Term{Text: "neo-Nazi*"}, "neo nazi*", nil},
		{Term{Text: "Putin’s regime"}, "putin regime", nil},
		{Term{Text: "SMO", CaseSensitive: true}, "=SMO", nil},
		{Term{Text: "  "}, "", ErrEmptyTerm},
		{Term{Text: "*"}, "", ErrOnlyGlob},
		{Term{Text: "in*vade"}, "", ErrInnerGlob},
		{Term{Text: "in*"}, "", ErrShortGlob},
		{Term{Text: "--"}, "", ErrNoWordToken},
	}
	for _, tt := range tests {
		ws, err := Words(tk, tt.term)
		if err != tt.err {
			t.Errorf("Words(%q) error %v, want %v", tt.term.Text, err, tt.err)
			continue
		}
		if err == nil {
			if got := Key(ws, tt.term.CaseSensitive); got != tt.key {
				t.Errorf("Key(Words(%q)) = %q, want %q", tt.term.Text, got, tt.key)
			}
		}
	}
}

// withoutShortcuts is m with the lookup shortcuts of finish turned off:
// no dense roots, no start bits, every glob tried; its tokens are encoded
// by the maps (encodePlain).
func withoutShortcuts(m *Matcher) *Matcher {
	c := *m
	clones := make(map[*node]*node) // shared nodes stay shared
	var clone func(n *node) *node
	clone = func(n *node) *node {
		if out, ok := clones[n]; ok {
			return out
		}
		out := &node{ends: n.ends, next: map[int32]*node{}, nextCase: map[int32]*node{}}
		clones[n] = out
		for id, to := range n.next {
			out.next[id] = clone(to)
		}
		for id, to := range n.nextCase {
			out.nextCase[id] = clone(to)
		}
		for _, g := range n.globs {
			out.globs = append(out.globs, globEdge{prefix: g.prefix, caseSensitive: g.caseSensitive, to: clone(g.to)})
		}
		return out
	}
	c.labelTrie, c.catTrie = clone(m.labelTrie), clone(m.catTrie)
	c.apartTries = nil
	for _, root := range m.apartTries {
		c.apartTries = append(c.apartTries, clone(root))
	}
	return &c
}

// TestShortcutsChangeNothing: on random texts made of the built-in
// lexicon's words, glob prefixes with endings, their capitalised forms,
// other words and sentence ends, the matcher finds exactly the hits it
// finds without its lookup shortcuts.
func TestShortcutsChangeNothing(t *testing.T) {
	m, err := CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	shortcutsChangeNothing(t, m, 3000)
}

// TestShortcutsChangeNothingGlobs: likewise for globs the built-in lexicon
// does not have: case-sensitive ones, more at one node than its index
// holds (maxIndexedGlobs), of three letters, Cyrillic ones sharing their
// first letters.
func TestShortcutsChangeNothingGlobs(t *testing.T) {
	l := testLexicon()
	var many []Term
	for i := range maxIndexedGlobs + 6 {
		many = append(many, Term{Text: fmt.Sprintf("war x%03d*", i)})
	}
	l.Concepts = append(l.Concepts, Concept{ID: "globs", Labels: []Label{
		{ID: "sensitive", Terms: []Term{{Text: "Wagn*", CaseSensitive: true}, {Text: "PMC Wag*", CaseSensitive: true}, {Text: "NATO*", CaseSensitive: true}}},
		{ID: "short", Terms: []Term{{Text: "mob*"}, {Text: "mobiliz*"}, {Text: "mobilization off*"}}},
		{ID: "cyrillic", Terms: []Term{{Text: "мобилиз*"}, {Text: "мобил*"}, {Text: "мост*"}, {Text: "Мос*", CaseSensitive: true}}},
		{ID: "many", Terms: many},
	}})
	l.Categories = append(l.Categories, Category{ID: "sensitive", Terms: []Term{{Text: "Said*", CaseSensitive: true}, {Text: "according tox*"}}})
	shortcutsChangeNothing(t, MustCompile(l), 3000)
}

// shortcutsChangeNothing checks m against itself without its shortcuts on
// rounds random texts.
func shortcutsChangeNothing(t *testing.T, m *Matcher, rounds int) {
	t.Helper()
	plain := withoutShortcuts(m)
	var pool []string
	for w := range m.vocab {
		pool = append(pool, w, upperFirst(w))
	}
	for w := range m.vocabCase {
		pool = append(pool, w, strings.ToLower(w))
	}
	seen := make(map[*node]bool) // the trie is a DAG: form edges share nodes
	var walk func(n *node)
	walk = func(n *node) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, g := range n.globs {
			if len(g.prefix) < 3 {
				t.Fatalf("glob %q*: mayGlob passes no word of fewer than three bytes", g.prefix)
			}
			pool = append(pool, g.prefix+"ed", g.prefix, upperFirst(g.prefix)+"s")
			walk(g.to)
		}
		for _, to := range n.next {
			walk(to)
		}
	}
	walk(m.labelTrie)
	walk(m.catTrie)
	for _, root := range m.apartTries {
		walk(root)
	}
	slices.Sort(pool) // map order would make the texts differ from run to run
	pool = append(pool, "the", "of", "Moscow", "é", "x", ".", ",", "’s", "'s", "—")
	rng := rand.New(rand.NewPCG(7, 11))
	tk := token.NewTokenizer()
	for range rounds {
		var b strings.Builder
		for range 5 + rng.IntN(40) {
			b.WriteString(pool[rng.IntN(len(pool))])
			b.WriteByte(' ')
		}
		toks := tk.Tokenize(b.String())
		for _, c := range []struct {
			name       string
			fast, slow func([]Hit, *Encoded) []Hit
		}{
			{"labels", m.MatchLabelsIn, plain.MatchLabelsIn},
			{"categories", m.MatchCategoriesIn, plain.MatchCategoriesIn},
		} {
			got := c.fast(nil, m.Encode(toks, nil))
			want := c.slow(nil, encodePlain(plain, toks))
			if !slices.Equal(got, want) {
				t.Fatalf("%s of %q: %v with the shortcuts, %v without", c.name, b.String(), got, want)
			}
		}
		fast, slow := m.Encode(toks, nil), encodePlain(plain, toks)
		for i := range toks {
			got, gotOK := m.CategoryAt(fast, i)
			want, wantOK := plain.CategoryAt(slow, i)
			if got != want || gotOK != wantOK {
				t.Fatalf("CategoryAt(%d) of %q: %v %v with the shortcuts, %v %v without", i, b.String(), got, gotOK, want, wantOK)
			}
		}
	}
}

// encodePlain is Encode by the maps, without the word table and starts:
// the reference the table and the start bits are held to. withoutShortcuts'
// roots have no bit, so match asks each token (mayStart).
func encodePlain(m *Matcher, toks []token.Token) *Encoded {
	e := &Encoded{toks: toks, codes: make([]wordCode, len(toks))}
	for i, t := range toks {
		c := wordCode{norm: -1, form: -1}
		if x, ok := m.vocab[t.Norm]; ok {
			c.norm = x
		}
		if x, ok := m.vocabCase[t.Form]; ok {
			c.form = x
		}
		e.codes[i] = c
	}
	return e
}

// upperFirst capitalises a word's first letter, whatever its script.
func upperFirst(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}
