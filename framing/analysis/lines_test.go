package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framingkit/framing/lang"
)

// Real-looking lines and random changes of them, for the tests that hold a
// fast path to the code it replaces: the seeds (English), the Russian and
// Ukrainian fixtures, the generator's Russian sentences, every pack's
// examples and words, mutated in case, spacing, script and length.

// realLines are the lines of the shipped articles of every language.
func realLines(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, glob := range []string{"../../testdata/seeds/*.txt", "../../testdata/ruuk/*.txt", "../../bench/gen/ru/*.txt"} {
		m, err := filepath.Glob(glob)
		if err != nil || len(m) == 0 {
			t.Fatalf("no files for %s: %v", glob, err)
		}
		files = append(files, m...)
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// packPhrases are the words and lines the packs' rules look for.
func packPhrases() []string {
	var out []string
	for _, code := range lang.Languages() {
		p, _ := lang.Builtin(code)
		b := &p.Boilerplate
		for _, ex := range p.Examples {
			out = append(out, ex.Line)
		}
		out = append(out, b.Navigation...)
		out = append(out, b.Appeal.Strong...)
		out = append(out, b.Appeal.Weak...)
		out = append(out, b.Caption.Cues...)
		for _, r := range []lang.LineRule{b.Byline, b.Dateline, b.Copyright, b.ForeignAgent} {
			out = append(out, r.Starts...)
			out = append(out, r.Contains...)
			out = append(out, r.AlsoContains...)
		}
		out = append(out, p.Voice.Speech...)
		out = append(out, p.Voice.According...)
		out = append(out, p.Voice.Distancing...)
	}
	return append(out, "Photo: Reuters", "Valery Sharifulin / TASS", "© 2023", "(c) 2024", "All rights reserved", "Getty Images",
		"Also Read:", "READ MORE »", "Читайте также —", "По теме:", "Фото: ТАСС", "Джерело: УНІАН", "Автор: Иван Петров",
		"Опубликовано 12.03.2023", "By Jane Reporter and John Doe, Reuters", "Posted on June 27, 2023")
}

// oddRunes are runes that test the edges of lower-casing, spacing and
// decoding: spaces other than ' ', letters whose lower case has another
// length or is outside their block, Cyrillic variant letters, marks,
// quotation marks, dashes and invalid bytes.
var oddRunes = []string{
	"\t", "\u00a0", "\u2003", "\u202f", "\u3000", "\u0085", "\u1680", "  ", " \t ", "\r", "\v", "\f",
	"\u0130", "\u212a", "\u017f", "\u023a", "\u023e", "\u1e9e", "\u03a3", "\u1c80", "\u1c82", "\u1c88", "\u0400", "\u040f", "\u0460", "\u04c0",
	"\u0301", "\u00ad", "\u200b", "«", "»", "„", "“", "”", "‘", "’", "'", "\"", "—", "–", "-", "/", " / ", ":", "(", ")", "©", "…", "!", "?", ".", ",",
	"\xff", "\xe2\x80", "\xd0", "\xc2", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\u10ffff", "😀",
}

// mutate changes a line at random.
func mutate(rng *rand.Rand, line string, phrases []string) string {
	for k := rng.IntN(4); k > 0; k-- {
		switch rng.IntN(12) {
		case 0:
			line = strings.ToUpper(line)
		case 1:
			line = strings.ToLower(line)
		case 2: // a pack's phrase at the start, the end or in the middle
			ph := phrases[rng.IntN(len(phrases))]
			switch rng.IntN(3) {
			case 0:
				line = ph + " " + line
			case 1:
				line = line + " " + ph
			default:
				i := strings.IndexByte(line, ' ')
				if i < 0 {
					i = len(line)
				}
				line = line[:i] + " " + ph + line[i:]
			}
		case 3, 4: // an odd rune in place of a byte or at the ends
			odd := oddRunes[rng.IntN(len(oddRunes))]
			switch i := rng.IntN(len(line) + 1); rng.IntN(3) {
			case 0:
				line = odd + line
			case 1:
				line += odd
			default:
				line = line[:i] + odd + line[min(i+1, len(line)):]
			}
		case 5: // some words only: the rules change at 8, 15, 25, 30, 60 and 80
			f := strings.Split(line, " ")
			n := []int{1, 2, 7, 8, 9, 15, 16, 25, 26, 30, 31, 60, 61, 80, 81}[rng.IntN(15)]
			line = strings.Join(f[:min(n, len(f))], " ")
		case 6: // more words: a line twice over
			line = line + " " + line
		case 7: // spaces of another kind
			sp := []string{"\t", "\u00a0", "  ", "\u2003", "\u202f"}[rng.IntN(5)]
			line = strings.Replace(line, " ", sp, 1+rng.IntN(3))
		case 8: // punctuation at the end
			line += []string{".", "!!", " .", "…", "»", "\"", ":", " -", ".\u00a0", " / TASS", " ©"}[rng.IntN(11)]
		case 9: // title case
			f := strings.Fields(line)
			for i, w := range f {
				if w != "" {
					f[i] = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			line = strings.Join(f, " ")
		case 10: // a few bytes cut off either end
			if n := rng.IntN(4); n < len(line) {
				if rng.IntN(2) == 0 {
					line = line[n:]
				} else {
					line = line[:len(line)-n]
				}
			}
		case 11: // Cyrillic letters for the Latin ones that look alike, or back
			line = strings.NewReplacer("a", "а", "o", "о", "e", "е", "c", "с").Replace(line)
		}
	}
	return line
}

// randomText joins real and pack lines, mutated, repeated now and then, with
// the line breaks of several conventions.
func randomText(rng *rand.Rand, lines, phrases []string) string {
	var b strings.Builder
	if rng.IntN(4) == 0 {
		b.WriteString(" date 2023-06-25 https://example.org/a\n\n")
	}
	var prev []string
	for k := 1 + rng.IntN(12); k > 0; k-- {
		var line string
		switch r := rng.IntN(10); {
		case r < 5:
			line = lines[rng.IntN(len(lines))]
		case r < 8:
			line = phrases[rng.IntN(len(phrases))]
		default:
			if len(prev) > 0 {
				line = prev[rng.IntN(len(prev))] // a repeat, changed or not
			} else {
				line = lines[rng.IntN(len(lines))]
			}
		}
		if rng.IntN(3) > 0 {
			line = mutate(rng, line, phrases)
		}
		prev = append(prev, line)
		b.WriteString(line)
		b.WriteString([]string{"\n", "\n\n", "\r\n", "\n  \n", "\n"}[rng.IntN(5)])
	}
	return b.String()
}
