package lexicon

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// tableAgrees checks that t finds in w exactly what the maps hold: the ids
// of w in vocab and vocabCase (or none) and their starts.
func tableAgrees(tb testing.TB, t *wordTable, vocab, vocabCase map[string]int32, starts, startsCase []uint64, w string) {
	tb.Helper()
	wantNorm, wantNormStarts := int32(-1), uint64(0)
	if id, ok := vocab[w]; ok {
		wantNorm, wantNormStarts = id, starts[id]
	}
	wantForm, wantFormStarts := int32(-1), uint64(0)
	if id, ok := vocabCase[w]; ok {
		wantForm, wantFormStarts = id, startsCase[id]
	}
	e := t.lookup(w)
	if e == nil {
		if wantNorm >= 0 || wantForm >= 0 {
			tb.Fatalf("lookup(%q) = nil; want norm %d, form %d", w, wantNorm, wantForm)
		}
		return
	}
	if e.word != w || e.norm != wantNorm || e.normStarts != wantNormStarts || e.form != wantForm || e.formStarts != wantFormStarts {
		tb.Fatalf("lookup(%q) = %+v; want norm %d %x, form %d %x", w, *e, wantNorm, wantNormStarts, wantForm, wantFormStarts)
	}
}

// randomWord is a word of 0 to 40 bytes of Latin letters, Cyrillic
// letters, an apostrophe or digits.
func randomWord(rng *rand.Rand) string {
	alphabets := []string{"abcdefghijklmnopqrstuvwxyz", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", "ABCSMOTASS'-0123456789"}
	letters := []rune(alphabets[rng.IntN(len(alphabets))])
	var b strings.Builder
	for range rng.IntN(14) {
		b.WriteRune(letters[rng.IntN(len(letters))])
	}
	return b.String()
}

// lookalikes are the words of w's length that differ from it in one
// byte: near w in any hash of a few of its bytes, and with the bytes the
// hash does not read, the same hash as w.
func lookalikes(w string) []string {
	var out []string
	for i := range len(w) {
		b := []byte(w)
		b[i] ^= 1 << (i % 7)
		out = append(out, string(b))
	}
	return out
}

// TestWordTableAgreesWithMaps: on random vocabularies (empty, a few words,
// thousands; Latin, Cyrillic, mixed, words sharing their length and first
// and last bytes) the table finds every word of them with the maps' ids
// and starts, and no other word.
func TestWordTableAgreesWithMaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for round := range 60 {
		size := []int{0, 1, 3, 40, 150, 2000}[round%6]
		vocab, vocabCase := map[string]int32{}, map[string]int32{}
		var pool []string
		add := func(v map[string]int32, w string) {
			if _, ok := v[w]; !ok {
				v[w] = int32(len(v))
			}
			pool = append(pool, w)
		}
		for range size {
			w := randomWord(rng)
			if rng.IntN(3) == 0 { // a long word of a shared stem
				w = "противопоставлени" + w + "еееееееее"
			}
			add(vocab, w)
			if rng.IntN(8) == 0 {
				add(vocabCase, strings.ToUpper(w))
			}
			if rng.IntN(4) == 0 {
				add(vocabCase, w) // a word in both maps
			}
		}
		starts, startsCase := make([]uint64, len(vocab)), make([]uint64, len(vocabCase))
		for i := range starts {
			starts[i] = rng.Uint64()
		}
		for i := range startsCase {
			startsCase[i] = rng.Uint64()
		}
		table := newWordTable(vocab, vocabCase, starts, startsCase)
		queries := []string{"", "a", "я", "the", "said"}
		for _, w := range pool {
			queries = append(queries, w, strings.ToUpper(w), strings.ToLower(w), w+"s", w[:len(w)/2])
			queries = append(queries, lookalikes(w)...)
		}
		for range 2000 {
			queries = append(queries, randomWord(rng))
		}
		for _, w := range queries {
			tableAgrees(t, &table, vocab, vocabCase, starts, startsCase, w)
		}
	}
}

// TestWordTableTellsCollidingWordsApart: a word whose hash has the home
// slot and the tag of a word of the table is found only when it is that
// word (two words found by a search among numbered words).
func TestWordTableTellsCollidingWordsApart(t *testing.T) {
	table := newWordTable(map[string]int32{}, nil, nil, nil)
	seen := map[[2]uint64]string{}
	for i := 0; ; i++ {
		if i == 1<<23 {
			t.Fatal("no two words collide")
		}
		w := fmt.Sprintf("w%d", i)
		h := table.hash(w)
		key := [2]uint64{uint64(table.home(h)), uint64(tagOf(h))}
		other, ok := seen[key]
		if !ok {
			seen[key] = w
			continue
		}
		table = newWordTable(map[string]int32{other: 0}, nil, []uint64{5}, nil)
		ho := table.hash(other)
		if table.home(h) != table.home(ho) || tagOf(h) != tagOf(ho) {
			t.Fatalf("%q and %q collide in one table and not in another of its size", w, other)
		}
		if e := table.find(h, w); e != nil {
			t.Fatalf("find(%q) = %+v, the entry of %q", w, *e, other)
		}
		if e := table.find(ho, other); e == nil || e.norm != 0 {
			t.Fatalf("find(%q) = %v", other, e)
		}
		return
	}
}

// FuzzWordTable: a vocabulary of the words of one input (split at spaces)
// and any word of another: the table and the maps agree.
func FuzzWordTable(f *testing.F) {
	f.Add("the of said according to", "said")
	f.Add("противопоставление противопоставлениe СМО", "противопоставлениe")
	f.Add("a b c", "")
	f.Fuzz(func(t *testing.T, words, query string) {
		if !utf8.ValidString(words) {
			return // tokens are valid UTF-8; the table does not care, the test's ToUpper would
		}
		vocab, vocabCase := map[string]int32{}, map[string]int32{}
		for _, w := range strings.Split(words, " ") {
			if _, ok := vocab[w]; !ok {
				vocab[w] = int32(len(vocab))
			}
			if u := strings.ToUpper(w); u != w {
				if _, ok := vocabCase[u]; !ok {
					vocabCase[u] = int32(len(vocabCase))
				}
			}
		}
		starts, startsCase := make([]uint64, len(vocab)), make([]uint64, len(vocabCase))
		for i := range starts {
			starts[i] = uint64(i) + 1
		}
		for i := range startsCase {
			startsCase[i] = uint64(i) << 32
		}
		table := newWordTable(vocab, vocabCase, starts, startsCase)
		for _, w := range append([]string{query, strings.ToUpper(query)}, lookalikes(query)...) {
			tableAgrees(t, &table, vocab, vocabCase, starts, startsCase, w)
		}
		for w := range vocab {
			tableAgrees(t, &table, vocab, vocabCase, starts, startsCase, w)
		}
	})
}
