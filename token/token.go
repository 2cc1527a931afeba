package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Token is one word of a text. Start and End are byte offsets into the
// original text, which is never rewritten; Norm is what case-insensitive
// terms match and Form what case-sensitive terms match.
type Token struct {
	Start, End int
	// Norm is the word normalised (NFKC, apostrophes and dashes unified,
	// possessive 's removed) and case folded.
	Norm string
	// Form is the word normalised like Norm but with its case kept.
	Form string
	// Sentence numbers the sentence the token is in, from 0. A line break
	// always ends a sentence, so a headline never runs into the body.
	// Multi-word terms match only within one sentence.
	Sentence int32
	// Voice is whose words the token is (see framing/analysis).
	Voice Voice
}

// Tokenizer splits text into word tokens by Unicode word segmentation
// (UAX #29) and normalises each token. Punctuation, spaces and symbols are
// not tokens. A Tokenizer is not safe for concurrent use; make one per
// goroutine.
type Tokenizer struct {
	fold cases.Caser
	// unicodeOnly turns the fast path (appendFastWords) off, for the test
	// that proves both paths give the same tokens.
	unicodeOnly bool
	// lower remembers the lower case of capitalised ASCII words ("The",
	// "Russia", "KCNA"), so that a word met again costs no allocation.
	lower map[string]string
	// normal remembers the form and folded form of non-ASCII words:
	// normalising one takes NFKC, the punctuation and Cyrillic folds and
	// Unicode case folding, each a copy. Of Cyrillic text the fast path
	// asks only for the words that normalize changes or may change (see
	// plainLetter): capitalised ones, those with ё, with Latin letters.
	normal map[string]normalized
	// rules are the language's sentence rules (SetSentenceRules).
	rules SentenceRules
}

// SentenceRules are a language's exceptions to Unicode's sentence breaks
// (UAX #29), which end a sentence at every period before a capital.
type SentenceRules struct {
	// Abbreviations are words, in their matching form (Norm), after which a
	// period does not end a sentence ("т" of "т. е.", "тыс", "г").
	Abbreviations map[string]bool
	// Initials: a single capital letter and its period does not end a
	// sentence ("В. В. Путин").
	Initials bool
}

// maxLowerCache bounds the lower-case memory: past it, it starts over.
const maxLowerCache = 1 << 16

// normalized is a word's form and folded form, as normalize returns them.
type normalized struct{ form, folded string }

// asciiLowerCached is asciiLower through the tokenizer's memory.
func (t *Tokenizer) asciiLowerCached(w string) string {
	if !hasUpper(w) {
		return w
	}
	if l, ok := t.lower[w]; ok {
		return l
	}
	if t.lower == nil || len(t.lower) >= maxLowerCache {
		t.lower = make(map[string]string, 1024)
	}
	l := asciiLower(w)
	t.lower[strings.Clone(w)] = l // the key must not keep a document's text alive
	return l
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// NewTokenizer returns a Tokenizer.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{fold: cases.Fold()}
}

// SetSentenceRules gives the tokeniser a language's sentence rules.
func (t *Tokenizer) SetSentenceRules(r SentenceRules) { t.rules = r }

// Tokenize returns the word tokens of text in order.
func (t *Tokenizer) Tokenize(text string) []Token {
	// English news runs about six bytes a word; one allocation up front
	// saves the slice's growth steps.
	return t.Append(make([]Token, 0, len(text)/6+1), text)
}

// Append appends the word tokens of text to dst and returns it.
func (t *Tokenizer) Append(dst []Token, text string) []Token {
	sentence := int32(0)
	if n := len(dst); n > 0 {
		sentence = dst[n-1].Sentence + 1
	}
	ss := &sentenceIter{text: text}
	for ss.Next() {
		start := ss.Start()
		added := false
		if sent := ss.Value(); !t.unicodeOnly && (ss.Tabled() || fastSentence(sent)) {
			// Most sentences of English news are ASCII but for a few
			// typographic quotes, dashes and spaces, and most of Russian
			// and Ukrainian news Cyrillic with the same: their words are
			// found without the Unicode tables. The characters of the
			// sentence table (sbClass) are all of them, so a sentence it
			// split needs no look (TestFastLetters).
			n := len(dst)
			dst = t.appendFastWords(dst, sent, start, sentence)
			if len(dst) > n && !t.continues(sent, start, dst[len(dst)-1]) {
				sentence++
			}
			continue
		}
		ws := words.FromString(spaceNarrowNBSP(ss.Value()))
		for ws.Next() {
			w := ws.Value()
			if !IsWord(w) {
				continue
			}
			form, folded := t.normalize(w)
			if form == "" {
				continue
			}
			dst = append(dst, Token{
				Start:    start + ws.Start(),
				End:      start + ws.End(),
				Norm:     folded,
				Form:     form,
				Sentence: sentence,
			})
			added = true
		}
		if added && !t.continues(ss.Value(), start, dst[len(dst)-1]) {
			sentence++
		}
	}
	return dst
}

// spaceNarrowNBSP writes each narrow no-break space (U+202F) of s as three
// ASCII spaces, its length in UTF-8. UAX #29 makes it ExtendNumLet, which
// joins the words around it, for Mongolian; the press uses it as a space
// (between the digits of "10 000", inside French guillemets, before a
// dash), and NFKC then turned it into a space inside one token: "wagner "
// matched no term. Offsets stay those of s, and no word holds a space, so
// each word's text is s's.
func spaceNarrowNBSP(s string) string {
	if !strings.Contains(s, "\u202f") {
		return s
	}
	return strings.ReplaceAll(s, "\u202f", "   ")
}

// continues reports whether the sentence that Unicode's rules end after
// the segment seg (at byte start of the text), whose last word is last,
// goes on in the next: the segment ends in a period right after an
// abbreviation or an initial of the language's rules, on the same line.
func (t *Tokenizer) continues(seg string, start int, last Token) bool {
	if len(t.rules.Abbreviations) == 0 && !t.rules.Initials {
		return false
	}
	rest := seg[last.End-start:]
	if !strings.HasPrefix(rest, ".") || strings.TrimLeft(rest[1:], " \t\u00a0") != "" {
		return false
	}
	if t.rules.Abbreviations[last.Norm] {
		return true
	}
	r, size := utf8.DecodeRuneInString(last.Form)
	return t.rules.Initials && size == len(last.Form) && unicode.IsUpper(r)
}

// The word classes of UAX #29 that the fast path knows (Unicode Standard
// Annex #29, Word_Break property), as bits: those of ASCII, ALetter for
// the Cyrillic letters and ʼ (fastLetter), and MidNumLet for the
// typographic apostrophes. The rest of ASCII and every other character of
// fastRune is Other (or space and line breaks, which join nothing a word
// needs). Two more bits tell an ASCII letter from a two-byte one, for the
// forms of a word (appendFastWords).
const (
	wbLetter uint16 = 1 << iota
	wbDigit
	wbUnderscore  // ExtendNumLet
	wbMidLetter   // ':'
	wbMidNum      // ',' ';'
	wbMidNumLet   // '.' '‘' '’'
	wbSingleQuote // '\''
	wbASCII       // with wbLetter: an ASCII letter
	wbTwoByte     // with wbLetter: a letter of fastLetter, two bytes long

	wbOther uint16 = 0
	// wbWord are the classes that join each other with nothing between:
	// letters, digits and underscores (WB5, WB8–10, WB13a–b).
	wbWord = wbLetter | wbDigit | wbUnderscore
	// wbBetweenLetters join two letters (WB6–7), wbBetweenDigits two
	// digits (WB11–12).
	wbBetweenLetters = wbMidLetter | wbMidNumLet | wbSingleQuote
	wbBetweenDigits  = wbMidNum | wbMidNumLet | wbSingleQuote
)

// wbClass is the class of each byte of a sentence that fastSentence
// accepts. The first bytes of the two-byte characters it admits, D0–D3
// (U+0400–U+04FF) and CA (U+02BC), are only ever those of letters
// (fastLetter); a byte of any other multi-byte character is Other, which is
// its character's class but for ‘ and ’ (isCurlyQuote), and so is every
// continuation byte, so that a word never starts inside a character.
var wbClass = func() (c [256]uint16) {
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-'a'+'A'] = wbLetter|wbASCII, wbLetter|wbASCII
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = wbDigit
	}
	c['_'], c[':'], c[','], c[';'], c['.'], c['\''] = wbUnderscore, wbMidLetter, wbMidNum, wbMidNum, wbMidNumLet, wbSingleQuote
	for _, b := range []byte{0xD0, 0xD1, 0xD2, 0xD3, 0xCA} {
		c[b] = wbLetter | wbTwoByte
	}
	return c
}()

// fastRune reports the non-ASCII characters but letters that the fast
// path knows: the quotation marks, apostrophes, dashes, spaces and signs
// that English news puts in otherwise ASCII sentences (a quarter of the
// sentences of bench/gen's English corpus, with 44 % of its words, hold
// one and no other), and Russian and Ukrainian news in Cyrillic ones. None
// is a letter or a number, so none is a word alone (IsWord), and none is
// Extend, Format or ZWJ, which WB4 would let a word absorb. Their
// Word_Break class is Other, which no rule joins to anything a word holds,
// but for ‘ and ’, MidNumLet: only those two are ever inside a word, and
// NFKC leaves them as they are (it would not leave … or the no-break
// space). TestFastRunes checks this against the uax29 library and the
// Unicode tables. Not here, among others: U+202F (narrow no-break space)
// is ExtendNumLet and joins words, U+00B7 (middle dot) is MidLetter,
// U+00AD (soft hyphen) is Format.
func fastRune(r rune) bool {
	switch r {
	case '\u00a0', // no-break space
		'\u00a3', '\u00b0', '\u20ac', // £ ° €
		'\u00ab', '\u00bb', // « »
		'\u2013', '\u2014', // – —
		'\u2018', '\u2019', // ‘ ’
		'\u201c', '\u201d', '\u201e', // “ ” „
		'\u2022', '\u2026': // • …
		return true
	}
	return false
}

// fastLetter reports the non-ASCII letters the fast path knows: the
// Cyrillic block, U+0400–U+04FF, but for U+0482 (a sign, Other) and
// U+0483–U+0489 (combining marks, Extend, which WB4 lets a word absorb),
// and U+02BC, the modifier letter apostrophe of Ukrainian spelling
// ("пʼять"). Their Word_Break class is ALetter: they join as the ASCII
// letters do (TestFastLetters checks it against the uax29 library). The
// fast path gives the forms of a word with one of them itself only when
// normalize would return the word as it is (plainLetter), and asks
// normalize otherwise.
func fastLetter(r rune) bool {
	return 0x0400 <= r && r <= 0x04FF && !(0x0482 <= r && r <= 0x0489) || r == '\u02bc'
}

// fastTwoByte are the two-byte characters (U+0080–U+07FF) of fastLetter
// and fastRune, for twoByteIn.
var fastTwoByte = func() (t [0x800]bool) {
	for r := rune(utf8.RuneSelf); r < 0x800; r++ {
		t[r] = fastLetter(r) || fastRune(r)
	}
	return t
}()

// fastSentence reports whether appendFastWords can split s: every
// character of it is ASCII, a letter of fastLetter or one of fastRune's
// (and s is valid UTF-8).
func fastSentence(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if twoByteIn(&fastTwoByte, s, i) { // Cyrillic among them
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !fastRune(r) {
			return false // utf8.RuneError among them
		}
		i += size
	}
	return true
}

// isCurlyQuote reports whether s starts with ‘ (E2 80 98) or ’ (E2 80 99),
// the MidNumLet of fastRune's characters.
func isCurlyQuote(s string) bool {
	return len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)
}

// joinsAcross reports whether the character of class mid between
// characters of classes prev and next joins them: a colon, period,
// apostrophe or ‘ ’ between two letters (WB6–7: "U.S", "Russia's",
// "Korea’s", "з’їзд"), a comma, semicolon, period, apostrophe or ‘ ’
// between two digits (WB11–12: "3,000.5").
func joinsAcross(prev, mid, next uint16) bool {
	return prev&next&wbLetter != 0 && mid&wbBetweenLetters != 0 || prev&next&wbDigit != 0 && mid&wbBetweenDigits != 0
}

// appendFastWords appends the words of a sentence that fastSentence
// accepts and that starts at byte offset off of the text, by the rules of
// UAX #29 for its characters: letters (ASCII and Cyrillic alike), digits
// and underscores join (wbWord); a character between two joins them as
// joinsAcross says; anything else breaks (WB999), and no other non-ASCII
// character of fastRune is part of a word. FuzzASCIIPath checks that the
// result is the Unicode path's.
func (t *Tokenizer) appendFastWords(dst []Token, s string, off int, sentence int32) []Token {
	for i := 0; i < len(s); {
		if wbClass[s[i]]&wbWord == 0 {
			i++ // the bytes of a multi-byte character are skipped one by one
			continue
		}
		// seen gathers the classes of the word's characters, notPlain
		// records a two-byte letter that is not plainLetter's, curly a ‘
		// or ’ inside.
		j, seen, notPlain, curly := i, wbOther, false, false
		for {
			// s[j] starts a character of wbWord.
			b := s[j]
			prev := wbClass[b]
			seen |= prev
			if j++; b >= utf8.RuneSelf {
				notPlain = notPlain || !plainLetter[twoByteRune(b, s[j])]
				j++
			}
			if j >= len(s) {
				break
			}
			mid := wbClass[s[j]]
			if mid&wbWord != 0 {
				continue
			}
			// Of the other characters only ASCII ones and ‘ ’ may join
			// the characters around them, and the byte after them
			// starts a character; any other is Other and ends the word.
			size := 1
			if isCurlyQuote(s[j:]) {
				mid, size = wbMidNumLet, 3
			}
			if j+size >= len(s) || !joinsAcross(prev, mid, wbClass[s[j+size]]) {
				break
			}
			curly = curly || size > 1
			j += size
		}
		w := s[i:j]
		if wbClass[s[i]] == wbUnderscore && !IsWord(w) {
			i = j
			continue
		}
		var form, folded string
		switch {
		case seen&wbTwoByte == 0 && !curly:
			form = stripPossessive(w)
			folded = t.asciiLowerCached(form)
		case !curly && !notPlain && seen&wbASCII == 0:
			// A plain word: see plainLetter.
			form, folded = w, w
		default:
			if form, folded = t.normalize(w); form == "" {
				i = j
				continue
			}
		}
		dst = append(dst, Token{Start: off + i, End: off + j, Norm: folded, Form: form, Sentence: sentence})
		i = j
	}
	return dst
}

// plainLetter are the two-byte characters (U+0080–U+07FF) of a plain
// word, which normalize returns as it is, both forms: the lower-case
// Cyrillic letters of the Russian and Ukrainian alphabets (U+0430–U+045F
// and ґ) but ё. A word of fastSentence whose letters are all of them and
// that holds no ASCII letter and no ‘ or ’ (the rest is digits,
// underscores and the ASCII punctuation a word holds) is plain: NFKC, the
// punctuation fold, case folding and stripPossessive (no s) leave it as
// it is, and so does foldCyrillic (no ё, no invisible character, no Latin
// look-alike). For a word with a capital, ё, a Latin letter, ‘ ’, ʼ or
// a letter from outside both alphabets the fast path asks normalize.
// TestFastLetters checks every letter, every pair and random words
// against normalize.
var plainLetter = func() (p [0x800]bool) {
	for r := 0x0430; r <= 0x045F; r++ {
		p[r] = r != 'ё'
	}
	p['ґ'] = true
	return p
}()

// IsWord reports whether a segment holds a letter or a digit; segments of
// spaces, punctuation, symbols and emoji are not words.
func IsWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
		i += size - 1
	}
	return false
}

// normalize returns the matching forms of one word: form keeps case, folded
// is case folded. ASCII words, the vast majority in English news, take a
// path without Unicode tables; the results are the same.
func (t *Tokenizer) normalize(w string) (form, folded string) {
	if isASCII(w) {
		form = stripPossessive(w)
		return form, t.asciiLowerCached(form)
	}
	if n, ok := t.normal[w]; ok {
		return n.form, n.folded
	}
	form = norm.NFKC.String(w)
	form = strings.Map(unifyPunct, form)
	form = foldCyrillic(form)
	form = stripPossessive(form)
	folded = t.fold.String(form)
	t.remember(w, form, folded)
	return form, folded
}

// remember keeps the forms of the non-ASCII word w in normalize's memory.
func (t *Tokenizer) remember(w, form, folded string) {
	if t.normal == nil || len(t.normal) >= maxLowerCache {
		t.normal = make(map[string]normalized, 1024)
	}
	// Clones, so that the memory keeps no document's text alive.
	t.normal[strings.Clone(w)] = normalized{strings.Clone(form), strings.Clone(folded)}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLower lower-cases an ASCII string, allocating only when it must.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// unifyPunct maps the apostrophes and dashes that typography and keyboards
// produce onto the ASCII apostrophe and hyphen.
func unifyPunct(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u02BC', '\u2032', '\uFF07':
		return '\''
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return '-'
	}
	return r
}

// stripPossessive removes an English possessive 's ("Wagner's" → "Wagner")
// so that terms match the possessive form of a name. Word segmentation keeps
// an inner apostrophe inside the word and leaves a trailing one out, so a
// plural possessive ("soldiers'") needs nothing.
func stripPossessive(w string) string {
	if n := len(w); n > 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
		return w[:n-2]
	}
	return w
}

// IsAllCaps reports a word of at least two letters, none of them lower
// case: an acronym such as "TASS" or "KCNA".
func IsAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}
