package lang

import (
	"slices"
	"strings"
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
	lower := strings.Map(Lower, text)
	words := map[string]int{}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !IsLetter(r) && r != '\'' && r != '’' }) {
		words[w]++
	}
	best, bestScore, tie := Undetermined, 0, false
	for _, p := range cands {
		score := 0
		for _, l := range p.Detect.Letters {
			score += 2 * strings.Count(lower, l)
		}
		for _, w := range p.Detect.Words {
			score += words[w]
		}
		switch {
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
		r, size := utf8.DecodeRuneInString(text[i:])
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
