package analysis

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// refReport is report as it was before it passed the sentences without a
// speech verb or frame: every sentence, in order, through reportSentence.
func refReport(r *voiceRules, text string, toks []token.Token, cues []Cue) []Reported {
	var out []Reported
	for s0 := 0; s0 < len(toks); {
		s1 := s0 + 1
		for s1 < len(toks) && toks[s1].Sentence == toks[s0].Sentence {
			s1++
		}
		lo, _ := slices.BinarySearchFunc(cues, s0, func(c Cue, i int) int { return c.First - i })
		out = r.reportSentence(text, toks, cues[lo:], s0, s1, out)
		s0 = s1
	}
	r.scratch.toks = nil
	slices.SortFunc(out, func(x, y Reported) int { return x.Start - y.Start })
	return out
}

// TestReportAgreesWithReference: on random texts of every language, made
// of the real-looking lines and the packs' voice words, report marks the
// tokens and returns the stretches that refReport does; the cues before
// a token are those the slice of them held; and breakBetween finds the
// breaks between tokens that reading runes finds.
func TestReportAgreesWithReference(t *testing.T) {
	lines, phrases := realLines(t), packPhrases()
	rng := rand.New(rand.NewPCG(20261206, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	var analyzers []*Analyzer
	for _, code := range lang.Languages() {
		p, _ := lang.Builtin(code)
		a, err := New(p)
		if err != nil {
			t.Fatal(err)
		}
		analyzers = append(analyzers, a)
	}
	reported := 0
	for range n {
		text := randomText(rng, lines, phrases)
		for _, a := range analyzers {
			reported += checkReport(t, a, text)
		}
	}
	if reported < n {
		t.Errorf("only %d stretches of reported speech in %d texts: the texts miss the rules", reported, n)
	}
}

// checkReport runs report and refReport on the analysis of text, from the
// voices before either, and returns how many stretches they found.
func checkReport(t testing.TB, a *Analyzer, text string) int {
	t.Helper()
	an := a.Analyze(Input{Text: text})
	toks := an.Tokens
	Voices(toks, an.Quotes, an.Dropped) // the voices before report
	want := refReport(a.voice, text, toks, an.Cues)
	wantVoices := voicesOf(toks)
	Voices(toks, an.Quotes, an.Dropped)
	got := a.voice.report(text, toks, an.Cues)
	if !reflect.DeepEqual(got, want) || !slices.Equal(voicesOf(toks), wantVoices) {
		t.Fatalf("report(%q)\n got %v\nwant %v\n voices %v\n  want %v", text, got, want, voicesOf(toks), wantVoices)
	}
	for i := 1; i < len(toks); i++ {
		from, to := toks[i-1].End, toks[i].Start
		if got, want := breakBetween(text, from, to), refBreakBetween(text, from, to); got != want {
			t.Fatalf("breakBetween(%q) = %v, rune by rune %v", text[from:to], got, want)
		}
	}
	for first := range toks {
		for _, within := range []int{2, maxNegationGap + 1} {
			if got, want := slices.Collect(an.cuesEndingBefore(first, within)), refCuesEndingBefore(an, first, within); !slices.Equal(got, want) {
				t.Fatalf("cuesEndingBefore(%d, %d) of %q: %v, want %v", first, within, text, got, want)
			}
		}
	}
	return len(got)
}

// refBreakBetween is breakBetween reading runes, as it did.
func refBreakBetween(text string, from, to int) bool {
	for _, r := range text[from:to] {
		switch r {
		case ',', ';', ':', '—', '–':
			return true
		}
	}
	return false
}

// refCuesEndingBefore is cuesEndingBefore as a slice, as it was.
func refCuesEndingBefore(an *Analysis, first, within int) []Cue {
	var out []Cue
	hi, _ := slices.BinarySearchFunc(an.Cues, first, func(c Cue, i int) int { return c.First - i })
	for k := hi - 1; k >= 0 && an.Cues[k].First >= first-within-4; k-- {
		if c := an.Cues[k]; c.End <= first && c.End > first-within {
			out = append(out, c)
		}
	}
	return out
}

func voicesOf(toks []token.Token) []token.Voice {
	v := make([]token.Voice, len(toks))
	for i, t := range toks {
		v[i] = t.Voice
	}
	return v
}
