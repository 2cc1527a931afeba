package reliability

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lang"
)

// TestMeasureMatchesReference holds Measure to the measures as they were
// (refMeasure), document by document and every field of the counts, the
// evidence included: the fixtures, generated news in English and Russian
// (seed sentences, as bench/gen assembles them) and the same mangled
// (words in other cases, sourcing words and outlet names put in, stray
// punctuation and line breaks), under the built-in outlets list and under
// one with Cyrillic names, lower-case words, globs and names inside names.
// One Measurer per language measures all of a list's documents in turn, as
// a scorer's does, so that nothing carries over from one to the next.
// FRAMING_MEASURE_CORPUS (paths joined by the list separator) adds a
// corpus: go run ./bench/gen -mb 2 > en2.jsonl.
func TestMeasureMatchesReference(t *testing.T) {
	p := newPreparer(t)
	docs := readCorpus(t, 0, "../../testdata/seeds", "../../testdata/ruuk", "../../testdata/hostile", "../../testdata/web")
	for i, text := range trickyTexts {
		docs = append(docs, corpus.Document{ID: fmt.Sprint("tricky", i), Text: text})
	}
	sentences := seedSentences(t)
	n := 400
	if testing.Short() {
		n = 60
	}
	rng := rand.New(rand.NewPCG(7, 11))
	outlets := []string{"", "Outlet 07"}
	var names []string // the aliases, and the outlets' names in other cases
	for _, l := range stateMediaLists(t) {
		outlets = append(outlets, l.sm.outlets...)
		names = append(names, l.aliases...)
		for _, o := range l.sm.outlets {
			names = append(names, strings.ToUpper(o), strings.ToLower(o))
		}
	}
	words := p.sourcingWords()
	for i := range n {
		for _, code := range []string{"en", "ru"} {
			text := generated(rng, sentences[code], 5+rng.IntN(40))
			docs = append(docs, corpus.Document{ID: fmt.Sprint(code, i), Text: text})
			docs = append(docs, corpus.Document{ID: fmt.Sprint(code, i, "m"), Text: mangle(rng, text, words, names),
				Outlet: outlets[rng.IntN(len(outlets))]})
		}
	}
	if paths := os.Getenv("FRAMING_MEASURE_CORPUS"); paths != "" {
		docs = append(docs, readCorpus(t, 0, filepath.SplitList(paths)...)...)
	}
	ins := make([]input, len(docs))
	for i, d := range docs {
		ins[i] = p.prepare(t, d.Text, d.Lang, d.Outlet)
	}
	// Sentences without tokens: the tokeniser makes none, but a sentence
	// is a number, and the measures take any in order.
	for i := range len(ins) / 4 {
		in := ins[i*4]
		an := *in.an
		an.Tokens = slices.Clone(an.Tokens)
		for k := range an.Tokens {
			an.Tokens[k].Sentence = 2*an.Tokens[k].Sentence + 1
		}
		in.an = &an
		docs, ins = append(docs, corpus.Document{ID: docs[i*4].ID + " (every other sentence empty)"}), append(ins, in)
	}
	for name, l := range stateMediaLists(t) {
		t.Run(name, func(t *testing.T) {
			sameAsReference(t, l.sm, docs, ins)
		})
	}
}

// sameAsReference measures every document with Measure and with
// refMeasure and reports the first few that differ.
func sameAsReference(t *testing.T, sm *StateMedia, docs []corpus.Document, ins []input) {
	t.Helper()
	measurers := map[string]*Measurer{}
	refWords := map[string]*refWords{}
	bad, cited := 0, 0
	for i, in := range ins {
		m := measurers[in.pack.Language]
		if m == nil {
			m = NewMeasurer(in.pack, sm)
			measurers[in.pack.Language] = m
			refWords[in.pack.Language] = newRefWords(in.pack)
		}
		got := m.Measure(in.text, in.an, in.hits, in.loaded, in.outlet)
		want := refMeasure(refWords[in.pack.Language], sm, nil, in.text, in.an, in.hits, in.loaded, in.outlet)
		cited += want.StateMediaCited
		if !reflect.DeepEqual(got, want) {
			if bad++; bad <= 3 {
				t.Errorf("document %s (%s, outlet %q):\n got %+v\nwant %+v", docs[i].ID, in.pack.Language, in.outlet, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d documents measured differently", bad, len(ins))
	}
	if cited == 0 {
		t.Error("no document cites a state outlet: the names are not tested")
	}
}

// stateMediaList is an outlets list's state media and their aliases.
type stateMediaList struct {
	sm      *StateMedia
	aliases []string
}

// stateMediaLists are the outlets lists the measures are compared under:
// the built-in one, and one that has what it lacks: Cyrillic names, a
// name in lower case, globs, names that start inside others ("Korean
// Central", "Central News", "News Agency" in "Korean Central News
// Agency"), a one-word name that starts a longer one, a name in capitals
// after a word in any case.
func stateMediaLists(t testing.TB) map[string]stateMediaList {
	t.Helper()
	builtin, err := corpus.BuiltinOutlets()
	if err != nil {
		t.Fatal(err)
	}
	other, err := corpus.ParseOutlets("other.yaml", []byte(`outlets:
  - {name: ТАСС, aliases: [ТАСС, ИТАР-ТАСС, Информационное агентство России], state_media: true}
  - {name: РИА Новости, aliases: [РИА Новости, РИА, риа новост*], state_media: true}
  - {name: Первый канал, aliases: [Первый канал, Первый], state_media: true}
  - {name: the agency, aliases: [the agency, said the], state_media: true}
  - {name: Korean, aliases: [Korean, Korean Central, north korea*, Russian State TV], state_media: true}
  - {name: Central News, aliases: [Central News, News Agency of the North], state_media: true}
  - {name: KCNA Watch, aliases: [KCNA Watch, Wagner PMC], state_media: true}
  - {name: Not State, aliases: [Kremlin], state_media: false}
`))
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]stateMediaList{}
	for name, o := range map[string]*corpus.Outlets{"builtin": builtin, "other": other} {
		sm, err := NewStateMedia(o)
		if err != nil {
			t.Fatal(err)
		}
		l := stateMediaList{sm: sm}
		for _, x := range o.StateMedia() {
			l.aliases = append(l.aliases, x.Aliases...)
		}
		lists[name] = l
	}
	return lists
}

// seedSentences are the sentences bench/gen builds its corpora of, by
// language: the seed articles' and bench/gen/ru's.
func seedSentences(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for code, dir := range map[string]string{"en": "../../testdata/seeds", "ru": "../../bench/gen/ru"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no sentences in %s (%v)", dir, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(data), "\n") {
				for _, s := range sentenceEnd.Split(strings.TrimSpace(line), -1) {
					if s != "" {
						out[code] = append(out[code], s)
					}
				}
			}
		}
	}
	return out
}

var sentenceEnd = regexp.MustCompile(`[.!?]["”»]?\s+`)

// generated is a document of n sentences drawn from sentences, in
// paragraphs, as bench/gen writes them.
func generated(rng *rand.Rand, sentences []string, n int) string {
	var b strings.Builder
	for k := range n {
		b.WriteString(sentences[rng.IntN(len(sentences))])
		b.WriteString(". ")
		if k%4 == 3 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// mangle changes text where the rules look: words in other cases (upper,
// lower, title, alternating), the sourcing words and outlet names put in,
// punctuation and line breaks.
func mangle(rng *rand.Rand, text string, words, names []string) string {
	fields := strings.Fields(text)
	var out []string
	for _, f := range fields {
		switch rng.IntN(16) {
		case 7:
			f = alternateCase(f)
		case 0:
			f = strings.ToUpper(f)
		case 1:
			f = strings.ToLower(f)
		case 2:
			f = title(f)
		case 3:
			out = append(out, words[rng.IntN(len(words))])
		case 4:
			out = append(out, names[rng.IntN(len(names))])
		case 5:
			f += []string{",", ";", ":", " (", ")", " —", " «", "»", " \"", "\"", ".", "\n", "'s"}[rng.IntN(13)]
		case 6:
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// alternateCase writes w's letters in lower and upper case by turns,
// lower first: "oF", "сОоБщИл".
func alternateCase(w string) string {
	var b strings.Builder
	for i, r := range []rune(w) {
		if i%2 == 0 {
			r = unicode.ToLower(r)
		} else {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func title(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// sourcingWords are the words the rules read, of every pack, and the
// lexicon's category terms (attribution verbs, labels, hedges), each also
// capitalised: what mangle puts in.
func (p *preparer) sourcingWords() []string {
	var out []string
	for _, term := range p.m.Terms() {
		if term.Category {
			w := strings.TrimSuffix(term.Text, "*")
			out = append(out, w, title(w))
		}
	}
	for _, code := range []string{"en", "ru", "uk"} {
		pack, ok := lang.Builtin(code)
		if !ok {
			continue
		}
		s := pack.Sourcing
		for _, list := range [][]string{s.According, s.PersonHeads, s.OutletHeads, s.OrgHeads, s.PersonPronouns, s.Pronouns,
			s.Determiners, s.Conjunctions, s.VerbSkips, s.TimeWords, s.TimePreps, s.Months, s.ClauseFollowers,
			s.GenericSources, s.CommonStarts, s.NameJoiners} {
			for _, w := range list {
				out = append(out, w, title(w))
			}
		}
	}
	return out
}

// trickyTexts are texts written for the rules' edges: names that run
// into each other, a joining word in odd case, the cases of a pronoun's
// source, state outlets labelled and not, in English and Russian.
var trickyTexts = []string{
	`"We will win," said Dmitry Peskov. He added: "KCNA is right."`,
	`North Korea's official news agency KCNA said on Sunday, according to the Korean Central News Agency (KCNA).`,
	`The official Korean Central News Agency reported. State KCNA news agency said more. TASS, the state news agency, said so.`,
	`Агентство ТАСС сообщило, что РИА Новости и риа новостИ, по словам Первый канал, «правы».`,
	"MOSCOW, June 25. /TASS/. The Kremlin said.\n\nIt is reported that sources said the so-called \"vote\" failed.",
	`The Ministry oF Defence said the talks failed. The Ministry OF Defence said more. The Ministry Of Defence added.`,
	`Deputy Foreign Minister Im Chung Il met Dmitry Peskov. The spokesman said the talks failed. He added nothing.`,
	`Korean Central News Agency France said so. Central News Agency said it. The agency said the talks failed.`,
	`In Seoul, North Korean diplomat Kim said. On Sunday, Russia's foreign ministry said. Officials said.`,
	`ITAR-TASS reported; RIA Novosti reported — RT said, Russia Today said, said Russia-1 and Rossiya 1.`,
}

// FuzzMeasure holds Measure to refMeasure on any text, under both outlets
// lists, with the text's outlet one of the state media or none: go test
// -fuzz FuzzMeasure -fuzztime 60s ./framing/reliability.
func FuzzMeasure(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s, uint8(0))
	}
	p := newPreparer(f)
	lists := stateMediaLists(f)
	f.Fuzz(func(t *testing.T, text string, outlet uint8) {
		if !utf8.ValidString(text) {
			return // the corpus reader turns such a document away
		}
		for name, l := range lists {
			self := ""
			if k := int(outlet); k < len(l.sm.outlets) {
				self = l.sm.outlets[k]
			}
			in := p.prepare(t, text, "", self)
			got := NewMeasurer(in.pack, l.sm).Measure(in.text, in.an, in.hits, in.loaded, in.outlet)
			want := refMeasure(newRefWords(in.pack), l.sm, nil, in.text, in.an, in.hits, in.loaded, in.outlet)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s outlets, outlet %q, text %q:\n got %+v\nwant %+v", name, self, text, got, want)
			}
		}
	})
}
