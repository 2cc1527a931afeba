package reliability

import (
	"math/rand/v2"
	"testing"
)

// TestStateMediaAtMatchesMatcher: at, which asks the matcher only where
// the aliases' words may stand and shows it only the tokens that can hold
// one, finds at every token (own voice or not) the name the matcher finds
// there with the whole document encoded, under both outlets lists, on the
// fixtures, the tricky texts and generated news mangled with the names.
func TestStateMediaAtMatchesMatcher(t *testing.T) {
	p := newPreparer(t)
	var texts []string
	for _, d := range readCorpus(t, 0, "../../testdata/seeds", "../../testdata/ruuk") {
		texts = append(texts, d.Text)
	}
	texts = append(texts, trickyTexts...)
	sentences := seedSentences(t)
	lists := stateMediaLists(t)
	var names []string
	for _, l := range lists {
		names = append(names, l.aliases...)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	words := p.sourcingWords()
	for range 100 {
		for _, code := range []string{"en", "ru"} {
			texts = append(texts, mangle(rng, generated(rng, sentences[code], 20), words, names))
		}
	}
	for name, l := range lists {
		found := 0
		for k, text := range texts {
			in := p.prepare(t, text, "", "")
			toks := in.an.Tokens
			full := l.sm.names.Encode(toks, nil)
			d := &doc{toks: toks, sm: l.sm}
			d.sentences()
			for i := range toks {
				want, wantN := refAt(l.sm, full, i)
				got, gotN := d.nameAt(i)
				if got != want || gotN != wantN {
					t.Fatalf("%s outlets, text %d, token %d %q: at gives %q (%d tokens), the matcher %q (%d)", name, k, i, toks[i].Form, got, gotN, want, wantN)
				}
				if wantN > 0 {
					found++
				}
			}
		}
		if found == 0 {
			t.Errorf("%s outlets: no name found: the test tests nothing", name)
		}
	}
}

// TestShapesPassWordsAdded: a word added to a filter always passes it, in
// any script, of any length.
func TestShapesPassWordsAdded(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	letters := []rune("abcxyzABCXYZабвгдеёжАБВГДЕЁЖіїєґ’'-1")
	var f shapes
	var added []string
	for range 2000 {
		w := make([]rune, 1+rng.IntN(70))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		f.add(string(w))
		added = append(added, string(w))
	}
	for _, w := range added {
		if !f.has(w) {
			t.Fatalf("%q was added and does not pass", w)
		}
	}
	if f.has("") {
		t.Error(`"" passes`)
	}
	var empty shapes
	for _, w := range added {
		if empty.has(w) {
			t.Fatalf("%q passes an empty filter", w)
		}
	}
}
