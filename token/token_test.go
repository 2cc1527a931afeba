package token

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want string // "norm/sentence" per token; the raw text is checked through offsets
	}{
		{"Wagner’s fighters", "wagner/0 fighters/0"},
		{"Wagner's fighters'", "wagner/0 fighters/0"},
		{"It’s", "it/0"},
		{"full-scale invasion", "full/0 scale/0 invasion/0"},
		{"SEOUL, June 25. /TASS/. North Korea’s", "seoul/0 june/0 25/0 tass/1 north/2 korea/2"},
		{"Headline\nBody text", "headline/0 body/1 text/1"},
		{"One.\n\nTwo", "one/0 two/1"},
		{"“Quoted,” he said.", "quoted/0 he/0 said/0"},
		{"Straße ΣΊΣΥΦΟΣ", "strasse/0 σίσυφοσ/0"},
		{"ｉｎｖａｓｉｏｎ ﬁght", "invasion/0 fight/0"},
		{"U.S. officials", "u.s/0 officials/0"},
		{"$10,000 a month 👍", "10,000/0 a/0 month/0"},
		{"10\u202f000 troops, «\u202fmot\u202f» and Wagner\u202f— fighters", "10/0 000/0 troops/0 mot/0 and/0 wagner/0 fighters/0"},
		{"", ""},
		{" \n\t ", ""},
	}
	tk := NewTokenizer()
	for _, tt := range tests {
		toks := tk.Tokenize(tt.text)
		var got []string
		for _, tok := range toks {
			got = append(got, fmt.Sprintf("%s/%d", tok.Norm, tok.Sentence))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "North Korea’s “armed rebellion” — allegedly."
	want := []string{"North", "Korea’s", "armed", "rebellion", "allegedly"}
	var got []string
	for _, tok := range NewTokenizer().Tokenize(text) {
		got = append(got, text[tok.Start:tok.End])
	}
	if !slices.Equal(got, want) {
		t.Errorf("token texts = %q, want %q", got, want)
	}
}

// Append numbers sentences on from the tokens already in dst, so texts
// appended one after another never join into one sentence.
func TestAppendContinuesSentences(t *testing.T) {
	tk := NewTokenizer()
	toks := tk.Append(tk.Tokenize("One two."), "Three")
	if toks[2].Sentence != toks[1].Sentence+1 {
		t.Errorf("appended text continues sentence %d, want a new one", toks[2].Sentence)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Wagner’s “armed mutiny”", "ｉｎｖａｓｉｏｎ", "a\nb. C", "\xff\xfe", "'s", "Straße",
		// Cyrillic: initials and abbreviations, ё, a Latin look-alike, a
		// stress mark, a soft hyphen, Ukrainian apostrophes.
		"В. В. Путин, т. е. в г. Москве, 5 тыс. чел.", "Вооружённый мятеж", "Вагнeр", "спецопера\u0301ция", "спец\u00adоперация", "з’їзд, пʼять, п'ять"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := NewTokenizer().Tokenize(text)
		last, sentence := 0, int32(0)
		for _, tok := range toks {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %+v out of order or range (last end %d, len %d)", tok, last, len(text))
			}
			if tok.Norm == "" || tok.Form == "" {
				t.Fatalf("token %+v has an empty form", tok)
			}
			if tok.Sentence < sentence {
				t.Fatalf("sentence numbers go back at %+v", tok)
			}
			if utf8.ValidString(text) && !utf8.ValidString(tok.Norm) {
				t.Fatalf("invalid UTF-8 norm %q from valid text", tok.Norm)
			}
			last, sentence = tok.End, tok.Sentence
		}
	})
}

// FuzzASCIIPath is the differential test of the fast path (ASCII, the
// characters of fastRune and the letters of fastLetter): for any text, the
// tokens are those of the Unicode path (UAX #29 segmentation and normalize
// throughout), field for field.
func FuzzASCIIPath(f *testing.F) {
	for _, s := range []string{
		"U.S. officials said on Sunday.", "3,000.5 troops; 1.5m people", "Note:This is a:b", "don't stop, soldiers' march",
		"_a_ __ a_1 _9", "x'.y 3'.4 a..b 1,,2 a:.b", "Russia's \"special military operation\" went on.\nNew line",
		"SMO... the (U.S.) and 'Kyiv'", "e.g. i.e. Mr. Smith", "Wagner’s “armed mutiny”", "tab\there\r\nCRLF",
		// The non-ASCII characters of the fast path, and some that must
		// leave it: ‘ ’ join letters and digits (MidNumLet), the rest never.
		"North Korea’s “armed rebellion” — allegedly…", "don’t ‘stop’, soldiers’ march; it’S", "1’000 a’1 1’a ’s’ a’’b a’.b 3.’4",
		"the 1990s–2000s, «Kyiv» „quoted“ €5 £3 20°C • item", "Mr.\u00a0Smith said. A.\u00a0B. Jones", "a’b’c’s x‘y ‘‘", "_’_ a_’b 9’_",
		"café Straße Москва’s", "soft\u00adhyphen", "stre\u0301ss a’\u0301b", "👍’s a’👍", "narrow\u202fspace", "mid\u00b7dot", "zw\u200dj",
		"invalid \xe2\x80 utf8’s", "a\xe2\x80\x99",
		// Russian and Ukrainian: letters join as ASCII ones do (WB5–13b),
		// mixed scripts, ё and the Latin look-alikes that normalize folds,
		// ʼ (a letter), and what must leave the fast path: a combining
		// breve after И (decomposed Й), a stress mark, U+0482 (a sign) and
		// U+0483 (a combining mark).
		"В. В. Путин, т. е. в г. Москве, 5 тыс. чел.", "Вооружённый мятеж ЁЛКА ещё", "«Вагнер» — ЧВК; 2023-го, 5-й",
		"Kиeв и Kиев, Twitterе, iPhone’ом, Путин's", "з’їзд, пʼять, п'ять, ʼ, Ґанок ґудзик Євген їжак Іван",
		"a.б б:в 1,5 1.000,5 б'в б’в б‘в б’’в б.:в б_1 _б_", "ИИ\u0306 Й й\u0306", "спецопера\u0301ция", "\u0482 б\u0483в Ѣѣ ӁӂӾӿ Ԁ",
		"Ї\u0308 ї ЇЇ Ѐ ѐ ѝ Ѝ", "д\xd0 \xd0\x80\xd3\xbf\xca\xbc\xd2\x89",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fast := NewTokenizer().Tokenize(text)
		slow := &Tokenizer{fold: cases.Fold(), unicodeOnly: true}
		want := slow.Tokenize(text)
		if len(fast) != len(want) {
			t.Fatalf("%q: %d tokens, the Unicode path %d:\n%+v\n%+v", text, len(fast), len(want), fast, want)
		}
		for i := range want {
			if fast[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, the Unicode path's %+v", text, i, fast[i], want[i])
			}
		}
	})
}

// TestASCIIPathRandom compares the two paths on many random strings made
// of the characters the fast path's word rules treat apart, so every rule
// meets every neighbour, a quarter of them with a character that must
// send the sentence to the Unicode path; the fuzz target then explores
// beyond.
func TestASCIIPathRandom(t *testing.T) {
	fastAlphabet := []rune("aZq09_:,;.'\" \n\t!?()-/SMOs\u00a0£°€«»–—‘’‘’“”„•…")
	// é, ß, a soft hyphen (Format), combining acute (Extend), ZWJ, an
	// emoji, the narrow no-break space (ExtendNumLet), the middle dot
	// (MidLetter), the prime, and invalid UTF-8.
	fallback := []string{"é", "ß", "\u00ad", "\u0301", "\u200d", "👍", "\u202f", "\u00b7", "′", "\xe2\x80"}
	checkFastPathRandom(t, 29, fastAlphabet, fallback)
}

// TestCyrillicPathRandom is TestASCIIPathRandom in Russian and Ukrainian:
// lower-case and capital letters, ё and Ё, the Ukrainian є і ї ґ and
// their capitals, ʼ, letters of the block beyond both alphabets (Ѣ, Ӂ,
// ѐ, ѝ), the Latin look-alikes that foldCyrillic turns Cyrillic, and the
// possessive s, among the punctuation that joins letters and digits or
// parts them; a quarter of the strings hold a character that must send
// the sentence to the Unicode path: a combining breve (a decomposed Й or
// ї), a combining diaeresis, a stress mark, U+0482 (a sign) and U+0483 (a
// combining mark) of the block, a letter past it (U+0500), a soft hyphen,
// and a broken Cyrillic byte sequence.
func TestCyrillicPathRandom(t *testing.T) {
	alphabet := []rune("аажжяЯДдЖёЁіІїЇєЄґҐʼѢѣӁѐѝaeoKsS1_:,;.'’‘ \n«»—\u00a0-")
	fallback := []string{"И\u0306", "\u0306", "і\u0308", "\u0301", "\u0482", "\u0483", "\u0500", "\u00ad", "\xd0", "\xd2\x89"}
	checkFastPathRandom(t, 1251, alphabet, fallback)
}

// checkFastPathRandom compares the fast path with the Unicode path on
// 100,000 random strings of alphabet, a quarter of them with one of
// fallback in, half of them with sentence rules.
func checkFastPathRandom(t *testing.T, seed uint64, fastAlphabet []rune, fallback []string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed))
	fast := NewTokenizer()
	slow := &Tokenizer{fold: cases.Fold(), unicodeOnly: true}
	// Every other string is split with sentence rules, so that a period
	// after "s", "M", "Mr", "Д" or "жя" continues the sentence (continues)
	// on both paths alike.
	rules := SentenceRules{Abbreviations: map[string]bool{"s": true, "mr": true, "д": true, "жя": true}, Initials: true}
	fastRules, slowRules := NewTokenizer(), &Tokenizer{fold: cases.Fold(), unicodeOnly: true}
	fastRules.SetSentenceRules(rules)
	slowRules.SetSentenceRules(rules)
	for n := range 100000 {
		r := make([]string, 1+rng.IntN(40))
		for i := range r {
			r[i] = string(fastAlphabet[rng.IntN(len(fastAlphabet))])
		}
		if rng.IntN(4) == 0 {
			r[rng.IntN(len(r))] = fallback[rng.IntN(len(fallback))]
		}
		text := strings.Join(r, "")
		got, want := fast.Tokenize(text), slow.Tokenize(text)
		if n%2 == 1 {
			got, want = fastRules.Tokenize(text), slowRules.Tokenize(text)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, the Unicode path %d:\n%+v\n%+v", text, len(got), len(want), got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, the Unicode path's %+v", text, i, got[i], want[i])
			}
		}
	}
}

// TestFastRunes holds fastRune's characters to what appendFastWords
// assumes of them, against the uax29 library and the Unicode tables: ‘
// and ’ join two letters and two digits (MidNumLet) and NFKC keeps them;
// every other one is Other, joined to nothing; none is a letter or a
// number. It also checks that the list is what the comment says.
func TestFastRunes(t *testing.T) {
	segments := func(s string) []string {
		var segs []string
		for ws := words.FromString(s); ws.Next(); {
			segs = append(segs, ws.Value())
		}
		return segs
	}
	var known []rune
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !fastRune(r) {
			continue
		}
		known = append(known, r)
		c := string(r)
		if unicode.IsLetter(r) || unicode.IsNumber(r) || IsWord(c) {
			t.Errorf("%U is a letter or a number", r)
		}
		if c == "‘" || c == "’" {
			if !isCurlyQuote(c) || norm.NFKC.String(c) != c || unifyPunct(r) != '\'' {
				t.Errorf("%U: isCurlyQuote %v, NFKC %q, unifyPunct %q", r, isCurlyQuote(c), norm.NFKC.String(c), unifyPunct(r))
			}
			for _, s := range []string{"a" + c + "b", "1" + c + "2"} {
				if got := segments(s); !slices.Equal(got, []string{s}) {
					t.Errorf("%q segments as %q, want one word (MidNumLet)", s, got)
				}
			}
			for _, s := range []string{"_" + c + "_", "a" + c + "1", "1" + c + "a"} {
				if got := segments(s); len(got) != 3 {
					t.Errorf("%q segments as %q, want three (MidNumLet)", s, got)
				}
			}
			continue
		}
		if isCurlyQuote(c) {
			t.Errorf("isCurlyQuote(%q)", c)
		}
		for _, s := range []string{"a" + c + "b", "1" + c + "2", "_" + c + "_", "a" + c + "1", "a" + c + c + "b"} {
			if got := segments(s); len(got) != len([]rune(s)) {
				t.Errorf("%q segments as %q, want every character apart (Other)", s, got)
			}
		}
	}
	if want := []rune("\u00a0£«°»–—‘’“”„•…€"); !slices.Equal(known, want) {
		t.Errorf("fastRune knows %q, want %q", string(known), string(want))
	}
}

// TestFastLetters holds fastLetter's letters to what appendFastWords
// assumes of them, against the uax29 library, the Unicode tables and
// normalize: in the Cyrillic block (U+0400–U+04FF) and for ʼ, fastLetter
// admits exactly the characters whose Word_Break class is ALetter;
// fastSentence and fastTwoByte agree with fastLetter on every character
// and every two bytes; and plainLetter's letters are those it says,
// each of which, and each pair and string of which, normalize returns as
// it is, both forms (NFKC keeps them, they are their own case folding,
// foldCyrillic leaves them).
func TestFastLetters(t *testing.T) {
	segments := func(s string) int {
		n := 0
		for ws := words.FromString(s); ws.Next(); {
			n++
		}
		return n
	}
	// isALetter tells ALetter from the classes that join a letter too:
	// Numeric (not joined across an apostrophe), MidLetter and the like
	// (not joined at the start), Extend and Format (absorbed, WB4, but not
	// joined at the start) and ExtendNumLet (not joined across an
	// apostrophe).
	isALetter := func(c string) bool {
		return segments(c+"a") == 1 && segments("a"+c) == 1 && segments(c+"1") == 1 && segments("1"+c) == 1 &&
			segments("a'"+c) == 1 && segments(c+"'a") == 1 && segments("1,"+c) == 3
	}
	for _, c := range []string{"a", "Z"} {
		if !isALetter(c) {
			t.Fatalf("isALetter(%q) is false", c)
		}
	}
	for _, c := range []string{"1", "_", ":", "'", "\u0301", "\u00ad", " ", "-", "\u0483"} {
		if isALetter(c) {
			t.Fatalf("isALetter(%q) is true", c)
		}
	}
	for r := rune(0x0400); r <= 0x04FF; r++ {
		if c := string(r); fastLetter(r) != isALetter(c) {
			t.Errorf("%U %q: fastLetter %v, ALetter by the library %v", r, c, fastLetter(r), isALetter(c))
		}
	}
	if !fastLetter('ʼ') || !isALetter("ʼ") {
		t.Errorf("U+02BC: fastLetter %v, ALetter by the library %v", fastLetter('ʼ'), isALetter("ʼ"))
	}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if got, want := fastSentence(string(r)), utf8.ValidRune(r) && (fastRune(r) || fastLetter(r)); got != want {
			t.Errorf("fastSentence(%U) = %v, want %v", r, got, want)
		}
		if _, ok := sbClass(r); ok && utf8.ValidRune(r) && !fastSentence(string(r)) {
			t.Errorf("%U is in the sentence table but not on the fast path: Append needs fastSentence on a sentence the table split", r)
		}
		if !fastLetter(r) {
			continue
		}
		c := string(r)
		if !unicode.IsLetter(r) || len(c) != 2 || wbClass[c[0]] != wbLetter|wbTwoByte || wbClass[c[1]] != wbOther || !twoByteIn(&fastTwoByte, c, 0) {
			t.Errorf("%U: IsLetter %v, %d bytes, classes %d %d, twoByteIn %v", r, unicode.IsLetter(r), len(c), wbClass[c[0]], wbClass[c[1]], twoByteIn(&fastTwoByte, c, 0))
		}
	}
	for b0 := 0xC0; b0 < 0xE0; b0++ {
		for b1 := range 256 {
			s := string([]byte{byte(b0), byte(b1)})
			r, _ := utf8.DecodeRuneInString(s)
			valid := utf8.ValidString(s)
			if got, want := twoByteIn(&fastTwoByte, s, 0), valid && (fastLetter(r) || fastRune(r)); got != want {
				t.Errorf("twoByteIn(fastTwoByte, % x) = %v, want %v", s, got, want)
			}
			if got, want := fastSentence(s), valid && (fastLetter(r) || fastRune(r)); got != want {
				t.Errorf("fastSentence(% x) = %v, want %v", s, got, want)
			}
		}
	}

	var plain []rune
	for r := range rune(len(plainLetter)) {
		if plainLetter[r] {
			plain = append(plain, r)
		}
	}
	if want := []rune("абвгдежзийклмнопрстуфхцчшщъыьэюяѐђѓєѕіїјљњћќѝўџґ"); !slices.Equal(plain, want) {
		t.Errorf("plainLetter's letters are %q, want %q", string(plain), string(want))
	}
	fold := cases.Fold()
	for _, r := range plain {
		if c := string(r); !fastLetter(r) || fold.String(c) != c || norm.NFKC.String(c) != c {
			t.Errorf("%U: fastLetter %v, case folding %q, NFKC %q", r, fastLetter(r), fold.String(c), norm.NFKC.String(c))
		}
	}
	// The rest of a plain word: digits, the underscore, and the
	// punctuation that joins letters or digits.
	parts := append(plain, []rune("09_:.,;'")...)
	tk := NewTokenizer()
	checkPlain := func(w string) {
		if form, folded := tk.normalize(w); form != w || folded != w {
			t.Fatalf("normalize(%q) = %q, %q", w, form, folded)
		}
	}
	for _, a := range parts {
		for _, b := range parts {
			checkPlain(string([]rune{a, b}))
		}
	}
	rng := rand.New(rand.NewPCG(866, 866))
	for range 20000 {
		w := make([]rune, 1+rng.IntN(16))
		for i := range w {
			w[i] = parts[rng.IntN(len(parts))]
		}
		checkPlain(string(w))
	}
	// Words that normalize changes: the fast path must not take them for
	// plain ones.
	for _, w := range []string{"Путин", "ещё", "Kиев", "путин's", "пʼять", "Ѣ", "б’в", "кA", "Ӂ"} {
		form, folded := tk.normalize(w)
		toks := tk.Tokenize(w)
		if form == w && folded == w || len(toks) != 1 || toks[0].Form != form || toks[0].Norm != folded {
			t.Errorf("%q: normalize gives %q, %q, the fast path %+v", w, form, folded, toks)
		}
	}
}

// TestNarrowNBSPIsASpace: a narrow no-break space separates words as
// spaces do: the tokens of a text are those of the text with three spaces
// in its place, field for field (its UTF-8 length, so offsets agree).
func TestNarrowNBSPIsASpace(t *testing.T) {
	alphabet := []string{"a", "Z", "9", "’", "'", ".", ",", " ", "\u202f", "\u00a0", "—", "«", "»", "ж", "\n", "_"}
	rng := rand.New(rand.NewPCG(202, 202))
	tk := NewTokenizer()
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		got, want := tk.Tokenize(text), tk.Tokenize(strings.ReplaceAll(text, "\u202f", "   "))
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, with spaces %d:\n%+v\n%+v", text, len(got), len(want), got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, with spaces %+v", text, i, got[i], want[i])
			}
		}
	}
}
