package lang

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestBuiltinPacks(t *testing.T) {
	langs := Languages()
	if len(langs) == 0 || langs[0] != "en" {
		t.Fatalf("languages %v, want en among them", langs)
	}
	for _, code := range langs {
		p, ok := Builtin(code)
		if !ok || p.Language != code {
			t.Fatalf("Builtin(%q) = %v, %v", code, p, ok)
		}
		if len(p.Examples) == 0 {
			t.Errorf("%s: no examples (write lines and the reasons the rules must give them)", p.File)
		}
	}
	if _, ok := Builtin("xx"); ok {
		t.Errorf("Builtin(xx) found a pack")
	}
}

// TestParseErrors: every mistake in a pack is refused with the file, and
// the place or field, and what to do.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "language: en\nboilerplate:\n  navigaton: [home]\n", `p.yaml: [3:3] unknown field "navigaton"`},
		{"no language", "name: X\n", "p.yaml: language: missing"},
		{"bad pattern", "language: en\nboilerplate:\n  related_link: {starts: [see], pattern: '(unclosed'}\n", "p.yaml: boilerplate.related_link.pattern: error parsing regexp"},
		{"a pattern without its cheap test", "language: en\nboilerplate:\n  byline: {pattern: '^By'}\n", "p.yaml: boilerplate.byline: a pattern needs starts: or contains:"},
		{"cheap tests in upper case", "language: en\nboilerplate:\n  byline: {starts: [By], pattern: '^By'}\n", `p.yaml: boilerplate.byline: "By": the cheap tests read the line in lower case`},
		{"a phrase in a list of words", "language: en\nsourcing:\n  verb_skips: [also, has also]\n", `p.yaml: sourcing.verb_skips: "has also": the sourcing rules look up one token at a time`},
		{"a sourcing word in upper case", "language: en\nsourcing:\n  person_heads: [President]\n", `p.yaml: sourcing.person_heads: "President": tokens are looked up in lower case`},
		{"not YAML", "language: [en\n", "p.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"language: en\n", "language: en\nboilerplate: {navigation: [a]}\n", "language: [", "&a [*a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		p, err := Parse("f.yaml", []byte(data))
		if err == nil && p.Language == "" {
			t.Fatalf("a pack without a language parsed: %q", data)
		}
	})
}

// TestInflection: a word's stem and forms, worked out by hand from the
// packs' endings: the forms a declined word takes are matched, longer
// words that only share letters are not, and short words match only
// themselves.
func TestInflection(t *testing.T) {
	tests := []struct {
		lang, word, stem string
		forms, not       []string
	}{
		{"ru", "операция", "операц", []string{"операции", "операцию", "операцией", "операций"}, []string{"операционный", "операционная"}},
		{"ru", "киев", "киев", []string{"киева", "киеве", "киевом", "киеву"}, []string{"киевский", "киевлянин"}},
		{"ru", "мятеж", "мятеж", []string{"мятежа", "мятежом", "мятежи", "мятежей"}, []string{"мятежники", "мятежный"}},
		{"uk", "війна", "війн", []string{"війни", "війні", "війну", "війною"}, []string{"військо", "війська"}},
		{"uk", "окупанти", "окупант", []string{"окупантів", "окупантам", "окупантами"}, []string{"окупація"}},
		{"ru", "сво", "сво", []string{"сво"}, []string{"свое", "своя"}},
		{"en", "invasion", "invasion", []string{"invasion"}, []string{"invasions"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			p, ok := Builtin(tt.lang)
			if !ok {
				t.Fatalf("no pack %s", tt.lang)
			}
			if got := p.Inflection.Stem(tt.word); got != tt.stem {
				t.Errorf("stem %q, want %q", got, tt.stem)
			}
			forms := p.Inflection.Forms(tt.word)
			if forms[0] != tt.word {
				t.Errorf("first form %q, want the word", forms[0])
			}
			for _, f := range tt.forms {
				if !slices.Contains(forms, f) {
					t.Errorf("forms lack %q", f)
				}
			}
			for _, f := range tt.not {
				if slices.Contains(forms, f) {
					t.Errorf("forms have %q", f)
				}
			}
			for _, f := range forms {
				if !strings.HasPrefix(f, tt.stem) {
					t.Errorf("form %q does not start with the stem %q", f, tt.stem)
				}
			}
		})
	}
}

// lowerLine is a line lower-cased as the boilerplate rules lower it.
func lowerLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(Lower(r))
	}
	return b.String()
}

// A line rule's cheap tests must let through every line its pattern
// matches: they only save the pattern's work. Checked on each pack's
// examples of the rule, and on the Russian foreign-agent notice in the
// forms the law gives it, where the second test (the legal verb) keeps the
// pattern off the many lines about "иностранных дел".
func TestLineRulePrefilters(t *testing.T) {
	for _, code := range Languages() {
		p, _ := Builtin(code)
		rules := map[string][]LineRule{
			"foreign-agent": {p.Boilerplate.ForeignAgent},
			"related-link":  {p.Boilerplate.RelatedLink},
			"copyright":     {p.Boilerplate.Copyright},
			"byline":        {p.Boilerplate.Byline, p.Boilerplate.Dateline},
		}
		for _, ex := range p.Examples {
			rs, ok := rules[ex.Reason]
			if !ok {
				continue
			}
			lower := lowerLine(strings.TrimSpace(ex.Line))
			if !slices.ContainsFunc(rs, func(r LineRule) bool { return r.MayMatch(lower) }) {
				t.Errorf("%s: the cheap tests of the %s rule refuse its example %q", code, ex.Reason, ex.Line)
			}
		}
	}
	ru, _ := Builtin("ru")
	fa := ru.Boilerplate.ForeignAgent
	for _, tc := range []struct {
		line   string
		notice bool
	}{
		{"ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА", true},
		{"НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЁН И (ИЛИ) РАСПРОСТРАНЕН ИНОСТРАННЫМ АГЕНТОМ", true},
		{"Настоящий материал произведен иностранным агентом", true},
		{"Данное сообщение создано иностранным средством массовой информации", true},
		{"Министр иностранных дел России провёл переговоры.", false},
		{"Минюст признал издание иностранным агентом в прошлом году.", false},
		{"Сайт создан в 2014 году; иностранных инвесторов нет.", false},
	} {
		lower := lowerLine(tc.line)
		matched := fa.Pattern.MatchString(tc.line)
		if matched != tc.notice {
			t.Errorf("foreign-agent pattern on %q: %v, want %v", tc.line, matched, tc.notice)
		}
		if matched && !fa.MayMatch(lower) {
			t.Errorf("the cheap tests refuse the notice %q", tc.line)
		}
	}
	if fa.MayMatch(lowerLine("Министр иностранных дел России провёл переговоры.")) {
		t.Error("the cheap tests let the foreign minister through to the pattern")
	}
}

// dominantScript, with its early stop and its ASCII runs counted by table,
// names the script a plain count of every letter names, on random texts
// of Latin, Cyrillic, Greek, digits, punctuation and spaces in every mix.
func TestDominantScriptAgreesWithCount(t *testing.T) {
	packs, err := builtins()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range packs {
		if !slices.Contains(names, p.Detect.Script) {
			names = append(names, p.Detect.Script)
		}
	}
	slices.Sort(names)
	count := func(text string) string {
		best, n := "", 0
		for _, name := range names {
			k := 0
			for _, r := range text {
				if IsLetter(r) && unicode.Is(unicode.Scripts[name], r) {
					k++
				}
			}
			if k > n {
				best, n = name, k
			}
		}
		return best
	}
	// With the edges of the Cyrillic block's fast decoding: a lead byte
	// alone or before ASCII, marks and a sign that are not letters, the
	// block's last character, an old letter with a case.
	pieces := []string{"a", "Z", "ж", "Ё", "ї", "λ", "1", " ", ",", "’", "—", "\n", "é", "word ", "слово ", "\xd0", "\xd3a", "\u0483", "\u0482", "\u04ff", "Ѡ"}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 3000 {
		var b strings.Builder
		n := rng.IntN(3000)
		mix := []int{rng.IntN(len(pieces)), rng.IntN(len(pieces)), rng.IntN(len(pieces))}
		for b.Len() < n {
			if rng.IntN(4) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteString(pieces[mix[rng.IntN(len(mix))]])
			}
		}
		text := b.String()
		if got, want := dominantScript(text, packs), count(text); got != want {
			t.Fatalf("dominantScript(%.80q…) = %q, a count of every letter %q", text, got, want)
		}
	}
}

// BenchmarkDetect is the language detection of one document: an article
// repeated past the 4 KB that Detect reads, in English (the seed) and in
// Russian and Ukrainian (the test corpus), which have two candidates to
// tell apart.
func BenchmarkDetect(b *testing.B) {
	for _, tc := range []struct{ name, path string }{
		{"en", "../testdata/seeds/000_9e5c9e65d14847af.txt"},
		{"ru", "../testdata/ruuk/01_vestnik_derzhavy.txt"},
		{"uk", "../testdata/ruuk/05_dniprovska_pravda.txt"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			data, err := os.ReadFile(tc.path)
			if err != nil {
				b.Fatal(err)
			}
			text := strings.Repeat(string(data), 1+detectSample/len(data))
			if got := Detect(text); got != tc.name {
				b.Fatalf("%s detected as %s", tc.path, got)
			}
			b.SetBytes(detectSample)
			for b.Loop() {
				Detect(text)
			}
		})
	}
}

// TestCandidateScoresAgree: the one-pass evidence of candidateScores is
// candidateScoresSlow's (a lower-cased copy, a map of its words, a count
// of each letter) for the candidates of every script, on random texts of
// the candidates' own letters and common words in any case, other
// letters, apostrophes, punctuation and broken UTF-8.
func TestCandidateScoresAgree(t *testing.T) {
	packs, err := builtins()
	if err != nil {
		t.Fatal(err)
	}
	byScript := map[string][]*Pack{}
	for _, code := range Languages() {
		p := packs[code]
		byScript[p.Detect.Script] = append(byScript[p.Detect.Script], p)
	}
	pieces := []string{"a", "Z", "ж", "Ж", "ё", "Ё", "ї", "Ї", "і", "є", "ґ", "Ґ", "ы", "Ы", "э", "ъ", "λ", "1", " ", ",", "'", "’", "—", "\n", "é", "\xff", "\u0301",
		"\xd0", "\xd3a", "\u0483", "\u0482", "\u04ff", "Ѡ", "ѡ"}
	for _, p := range packs {
		for _, w := range p.Detect.Words {
			pieces = append(pieces, w, strings.ToUpper(w), " "+w+" ")
		}
		pieces = append(pieces, p.Detect.Letters...)
	}
	rng := rand.New(rand.NewPCG(11, 11))
	for script, cands := range byScript {
		if len(cands) < 2 {
			continue
		}
		if evidenceOf(script, cands) == nil {
			t.Fatalf("%s: the candidates' letters are not one lower-case letter each: the one pass is not used", script)
		}
		for range 3000 {
			var b strings.Builder
			for n := rng.IntN(600); b.Len() < n; {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			text := b.String()
			if got, want := candidateScores(text, script, cands), candidateScoresSlow(text, cands); !slices.Equal(got, want) {
				t.Fatalf("%s: candidateScores(%.80q…) = %v, the reference %v", script, text, got, want)
			}
		}
	}
}
