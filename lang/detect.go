package lang

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Undetermined is the language code of a text whose language could not be
// told (ISO 639-2 "und").
const Undetermined = "und"

// detectSample is how much of a text Detect reads: an article's language
// shows in its first paragraphs (4 KB is some 2,000 Cyrillic or 4,000
// Latin letters, and reading more only costs time on every document).
const detectSample = 4 << 10

// Detect names the language of text among the built-in packs: the script
// most of its letters are written in chooses the packs of that script; of
// several, the one whose own letters and common words the text has most of
// (a letter counts for two words). It is Undetermined when no pack has the
// script or the evidence ties, as it may in a short text.
func Detect(text string) string {
	if len(text) > detectSample {
		cut := detectSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut-- // do not end inside a letter
		}
		text = text[:cut]
	}
	packs, err := builtins()
	if err != nil {
		panic(err)
	}
	script := dominantScript(text, packs)
	var cands []*Pack
	for _, code := range Languages() {
		if p := packs[code]; p.Detect.Script == script {
			cands = append(cands, p)
		}
	}
	switch len(cands) {
	case 0:
		return Undetermined
	case 1:
		return cands[0].Language
	}
	scores := candidateScores(text, script, cands)
	best, bestScore, tie := Undetermined, 0, false
	for i, p := range cands {
		switch score := scores[i]; {
		case score > bestScore:
			best, bestScore, tie = p.Language, score, false
		case score == bestScore:
			tie = true
		}
	}
	if tie || bestScore == 0 {
		return Undetermined
	}
	return best
}

// candidateScores is each candidate's evidence in text lower-cased: two for
// each of its own letters, one for each of its common words (a word being
// a run of letters and apostrophes), each list entry counted as often as
// it is listed. One pass counts the letters and words the candidates name,
// without the lower-cased copy, the list of words and the map of every
// word that made a Russian document's detection a tenth of its scoring;
// candidateScoresSlow, kept as the test's reference, does it that way.
func candidateScores(text, script string, cands []*Pack) []int {
	ev := evidenceOf(script, cands)
	if ev == nil {
		return candidateScoresSlow(text, cands)
	}
	letters := make([]int, len(ev.letterRunes))
	words := make([]int, len(ev.words))
	var word []byte // the word being read, lower-cased, while it may be listed
	long := false   // the word is longer than any listed: no need to keep it
	endWord := func() {
		if !long && len(word) > 0 {
			if k, ok := ev.words[string(word)]; ok {
				words[k]++
			}
		}
		word, long = word[:0], false
	}
	for i := 0; i < len(text); {
		r, size := decodeAt(text, i)
		i += size
		if 0x400 <= r && r < 0x500 {
			// A character of the Cyrillic block, most of a Russian or
			// Ukrainian text: lower-cased, numbered among the letters
			// and told a letter by one table.
			c := &ev.cyrillicLower[r-0x400]
			if c.letter >= 0 {
				letters[c.letter]++
			}
			if !c.isLetter {
				endWord()
			} else if !long {
				if word = append(word, c.utf8[0], c.utf8[1]); len(word) > ev.longest {
					long = true
				}
			}
			continue
		}
		r = Lower(r)
		if k := ev.letter(r); k >= 0 {
			letters[k]++
		}
		if IsLetter(r) || r == '\'' || r == '’' {
			if !long {
				if word = utf8.AppendRune(word, r); len(word) > ev.longest {
					long = true
				}
			}
			continue
		}
		endWord()
	}
	endWord()
	scores := make([]int, len(cands))
	for i := range cands {
		for _, k := range ev.letterLists[i] {
			scores[i] += 2 * letters[k]
		}
		for _, k := range ev.wordLists[i] {
			scores[i] += words[k]
		}
	}
	return scores
}

// evidence numbers the letters and words some candidates' detection
// lists name, for candidateScores, and gives each candidate's lists as
// those numbers.
type evidence struct {
	words                  map[string]int
	letterLists, wordLists [][]int
	// letterRunes are the letters in their numbers' order, and cyrillic
	// the number of each character of the Cyrillic block (-1 for none): a
	// text's every character is looked for among them.
	letterRunes []rune
	cyrillic    [0x100]int8
	// longest is the length in bytes of the longest listed word: a
	// longer word is not kept.
	longest int
	// cyrillicLower is, for each character of the Cyrillic block, what
	// candidateScores asks of its lower case: its number among the
	// letters, whether it is a letter, and its UTF-8 bytes (two: Lower
	// keeps the block's characters in it).
	cyrillicLower [0x100]cyrillicChar
}

type cyrillicChar struct {
	letter   int8
	isLetter bool
	utf8     [2]byte
}

// decodeAt decodes the character of text at i and its size, those of the
// Cyrillic block (U+0400–U+04FF, two bytes: most of a Russian or
// Ukrainian text) without the general decoder.
func decodeAt(text string, i int) (rune, int) {
	c := text[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1
	case 0xD0 <= c && c <= 0xD3 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// letter is r's number among the letters, -1 when it is none of them.
func (ev *evidence) letter(r rune) int {
	if 0x400 <= r && r < 0x500 {
		return int(ev.cyrillic[r-0x400])
	}
	for k, l := range ev.letterRunes {
		if l == r {
			return k
		}
	}
	return -1
}

// evidenceMemo holds the evidence of the candidates of each script met:
// the built-in packs of a script are always the same candidates.
var evidenceMemo sync.Map

// evidenceOf is the evidence cands, the packs of script, name; nil when a
// letter of theirs is not one lower-case character, which candidateScores
// cannot count in one pass (or there are more letters than an int8).
func evidenceOf(script string, cands []*Pack) *evidence {
	if ev, ok := evidenceMemo.Load(script); ok {
		return ev.(*evidence)
	}
	ev := newEvidence(cands)
	evidenceMemo.Store(script, ev)
	return ev
}

func newEvidence(cands []*Pack) *evidence {
	ev := &evidence{words: map[string]int{}}
	number := map[rune]int{}
	for _, p := range cands {
		var letters, words []int
		for _, l := range p.Detect.Letters {
			r, size := utf8.DecodeRuneInString(l)
			if size != len(l) || r == utf8.RuneError || Lower(r) != r {
				return nil
			}
			if _, ok := number[r]; !ok {
				number[r] = len(ev.letterRunes)
				ev.letterRunes = append(ev.letterRunes, r)
			}
			letters = append(letters, number[r])
		}
		for _, w := range p.Detect.Words {
			if _, ok := ev.words[w]; !ok {
				ev.words[w] = len(ev.words)
			}
			ev.longest = max(ev.longest, len(w))
			words = append(words, ev.words[w])
		}
		ev.letterLists, ev.wordLists = append(ev.letterLists, letters), append(ev.wordLists, words)
	}
	if len(ev.letterRunes) > math.MaxInt8 {
		return nil
	}
	for i := range ev.cyrillic {
		ev.cyrillic[i] = -1
	}
	for k, r := range ev.letterRunes {
		if 0x400 <= r && r < 0x500 {
			ev.cyrillic[r-0x400] = int8(k)
		}
	}
	for i := range ev.cyrillicLower {
		lower := Lower(rune(0x400 + i))
		b := utf8.AppendRune(nil, lower)
		if len(b) != 2 {
			return nil // not two bytes: not this table (none is)
		}
		ev.cyrillicLower[i] = cyrillicChar{letter: int8(ev.letter(lower)), isLetter: IsLetter(lower), utf8: [2]byte{b[0], b[1]}}
	}
	return ev
}

// candidateScoresSlow is candidateScores by a lower-cased copy of text,
// its words in a map and a count of each letter: the reference the one
// pass is tested against.
func candidateScoresSlow(text string, cands []*Pack) []int {
	lower := strings.Map(Lower, text)
	words := map[string]int{}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !IsLetter(r) && r != '\'' && r != '’' }) {
		words[w]++
	}
	scores := make([]int, len(cands))
	for i, p := range cands {
		for _, l := range p.Detect.Letters {
			scores[i] += 2 * strings.Count(lower, l)
		}
		for _, w := range p.Detect.Words {
			scores[i] += words[w]
		}
	}
	return scores
}

// asciiLetter is 1 for the ASCII letters, 0 for the other ASCII bytes.
var asciiLetter = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	return t
}()

// dominantScript is the script of the packs that most letters of text are
// written in, "" when it has no letter of any.
func dominantScript(text string, packs map[string]*Pack) string {
	type script struct {
		name  string
		table *unicode.RangeTable
		n     int
	}
	var scripts []script
	for _, p := range packs {
		if !slices.ContainsFunc(scripts, func(s script) bool { return s.name == p.Detect.Script }) {
			scripts = append(scripts, script{name: p.Detect.Script, table: unicode.Scripts[p.Detect.Script]})
		}
	}
	// The scripts in a fixed order, so that a letter in two of them (none
	// today) always counts for the same one.
	slices.SortFunc(scripts, func(a, b script) int { return strings.Compare(a.name, b.name) })
	latin := slices.IndexFunc(scripts, func(s script) bool { return s.name == "Latin" })
	cyrillic := slices.IndexFunc(scripts, func(s script) bool { return s.name == "Cyrillic" })
	// lead is how many letters the script with most has over the one
	// with the next most.
	lead := func() int {
		first, second := 0, 0
		for _, s := range scripts {
			switch {
			case s.n > first:
				first, second = s.n, first
			case s.n > second:
				second = s.n
			}
		}
		return first - second
	}
	for i, check := 0, 512; i < len(text); {
		if i >= check {
			// A script whose lead over every other is more than the bytes
			// left, each at most one letter, wins whatever they hold.
			check += 512
			if lead() > len(text)-i {
				break
			}
		}
		if c := text[i]; c < utf8.RuneSelf {
			// A run of ASCII, most of a Latin text: a letter is Latin, the
			// rest is not a letter; counted by table, up to the next check.
			end := min(len(text), check)
			n := 0
			for ; i < end && text[i] < utf8.RuneSelf; i++ {
				n += int(asciiLetter[text[i]])
			}
			if latin >= 0 {
				scripts[latin].n += n
			}
			continue
		}
		r, size := decodeAt(text, i)
		i += size
		if !IsLetter(r) {
			continue
		}
		if cyrillic >= 0 && 0x0400 <= r && r <= 0x04FF { // the Cyrillic block, all of it Cyrillic script
			scripts[cyrillic].n++
			continue
		}
		for k := range scripts {
			if unicode.Is(scripts[k].table, r) {
				scripts[k].n++
				break
			}
		}
	}
	best, n := "", 0
	for _, s := range scripts {
		if s.n > n {
			best, n = s.name, s.n
		}
	}
	return best
}

// ForText is the pack to analyse a text in language code with: its own,
// or for an undetermined or unknown language the first pack, by code, of
// the script most of the text's letters are in, or English.
func ForText(code, text string) *Pack {
	if p, ok := Builtin(code); ok {
		return p
	}
	packs, err := builtins()
	if err != nil {
		panic(err)
	}
	script := dominantScript(text, packs)
	for _, c := range Languages() {
		if packs[c].Detect.Script == script {
			return packs[c]
		}
	}
	return English()
}

// Code is a language as a document's field gives it, as framing names it:
// lower case, its primary subtag ("ru-RU" and "ru_RU" are "ru"), and "ua"
// (a country code often written for the language) is Ukrainian, "uk". ""
// stays "".
func Code(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if s == "ua" {
		return "uk"
	}
	return s
}
