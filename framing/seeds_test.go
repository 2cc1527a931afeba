package framing

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

const seedsDir = "../testdata/seeds"

func builtinMatcher(testing.TB) *lexicon.Matcher { return lexicon.MustCompileBuiltin() }

// seedScores scores the seed corpus with its manifest, by outlet.
func seedScores(t *testing.T) (map[string]*Score, *lexicon.Matcher) {
	t.Helper()
	m := builtinMatcher(t)
	out := map[string]*Score{}
	sum, err := runFiles([]string{seedsDir}, m, Options{}, func(_ Document, s *Score) error {
		out[s.Outlet] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 5 || sum.Scored != 5 || sum.TotalSkipped() != 0 {
		t.Fatalf("summary %s, want 5 read and scored", sum)
	}
	return out, m
}

// TestSeedsVoice is the acceptance test of the core: in their own words
// (own voice, or their report of what officials said), TASS and Sputnik
// call the war a special military operation and never an invasion; the
// other three call it an invasion or a war and use "special military
// operation" only inside quotations, where it is counted as quoted. (Both
// agencies write "special military operation" only in reported speech:
// "…, the vice minister stressed", "…, the spokesman added".)
func TestSeedsVoice(t *testing.T) {
	scores, m := seedScores(t)
	smo, inv, war := m.LabelIndex("war.special_operation"), m.LabelIndex("war.invasion"), m.LabelIndex("war.war")
	prose := token.VoiceSet(1<<token.Own | 1<<token.Reported)
	for _, outlet := range []string{"TASS", "Sputnik"} {
		s := scores[outlet]
		if s.Labels[smo].In(prose) == 0 {
			t.Errorf("%s: special operation in own or reported voice = 0, want > 0", outlet)
		}
		if n := s.Labels[inv].In(prose); n != 0 {
			t.Errorf("%s: invasion in own or reported voice = %d, want 0", outlet, n)
		}
	}
	for _, outlet := range []string{"Forum of Free Russia", "Voice of Nigeria", "The Moscow Times"} {
		s := scores[outlet]
		if s.Labels[smo].Own != 0 {
			t.Errorf("%s: special operation in own voice = %d, want 0", outlet, s.Labels[smo].Own)
		}
		if s.Labels[smo].Quoted == 0 {
			t.Errorf("%s: special operation quoted = 0, want > 0 (quoted hits must be reported)", outlet)
		}
		if s.Labels[inv].Own+s.Labels[war].Own == 0 {
			t.Errorf("%s: invasion or war in own voice = 0, want > 0", outlet)
		}
	}
}

// TestSeedsBoilerplateAddsNothing removes the furniture lines from the raw
// texts by hand and checks that every label and category count is the same
// as when the analyser drops them itself.
func TestSeedsBoilerplateAddsNothing(t *testing.T) {
	m := builtinMatcher(t)
	cases := []struct {
		file  string
		lines []string // exact lines to cut
	}{
		{"002_edf5bcf857f3bcb7.txt", []string{"Also Read: Rebel mercenaries end mutiny, withdraw from southern Russia"}},
		{"003_8f3ecf46fba057ec.txt", []string{" date 2023-06-25 https://sputnikglobe.com/20230625/north-korea-supports-russias-leadership-in-situation-with-wagner-mutiny-attempt-1111457577.html"}},
		{"004_50b5ccfc07a95ed9.txt", []string{
			"Enjoying ad-free content?",
			"Since July 1, 2024, we have disabled all ads to improve your reading experience.",
			"This commitment costs us $10,000 a month. Your support can help us fill the gap.",
			"Support us",
			"Our journalism is banned in Russia. We need your help to keep providing you with the truth.",
			"North Korean Leader Kim Jong Un (L) and Russia's President Vladimir Putin in Vladivostok on April 25, 2019. Valery Sharifulin / TASS",
			`… we have a small favor to ask. As you may have heard, The Moscow Times, an independent news source for over 30 years, has been unjustly branded as a "foreign agent" by the Russian government. This blatant attempt to silence our voice is a direct assault on the integrity of journalism and the values we hold dear.`,
			"We, the journalists of The Moscow Times, refuse to be silenced. Our commitment to providing accurate and unbiased reporting on Russia remains unshaken. But we need your help to continue our critical mission.",
			"Your support, no matter how small, makes a world of difference. If you can, please support us monthly starting from just $2. It's quick to set up, and you can be confident that you're making a significant impact every month by supporting open, independent journalism. Thank you.",
			"paiment methods", "Not ready to support today?", "Remind me later.", "Read more",
		}},
		{"001_83aaf4e31fb8f90e.txt", []string{"All news"}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(seedsDir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(raw), "\n")
			kept := lines[:0:0]
			cut := 0
			for _, l := range lines {
				if slices.Contains(tc.lines, strings.TrimRight(l, " \r")) || slices.Contains(tc.lines, l) {
					cut++
					continue
				}
				kept = append(kept, l)
			}
			if cut != len(tc.lines) {
				t.Fatalf("cut %d lines, want %d: the fixture changed", cut, len(tc.lines))
			}
			s := NewScorer(m)
			full := s.Score(Document{ID: "full", Text: string(raw)})
			clean := s.Score(Document{ID: "clean", Text: strings.Join(kept, "\n")})
			if !slices.Equal(full.Labels, clean.Labels) || !slices.Equal(full.Categories, clean.Categories) {
				for i, l := range m.Labels() {
					if full.Labels[i] != clean.Labels[i] {
						t.Errorf("%s: with furniture %+v, without %+v", l.ID, full.Labels[i], clean.Labels[i])
					}
				}
				for i, c := range m.Categories() {
					if full.Categories[i] != clean.Categories[i] {
						t.Errorf("category %s: with furniture %+v, without %+v", c, full.Categories[i], clean.Categories[i])
					}
				}
			}
			var reasons []string
			for _, d := range full.Dropped {
				reasons = append(reasons, d.Reason)
			}
			if len(full.Dropped) < len(tc.lines) {
				t.Errorf("dropped %d lines (%v), want at least %d", len(full.Dropped), reasons, len(tc.lines))
			}
		})
	}
}

// TestSeedsOutletNotFromCredit: The Moscow Times' caption credit "/ TASS"
// must not make its article TASS's.
func TestSeedsOutletNotFromCredit(t *testing.T) {
	m := builtinMatcher(t)
	var outlets []string
	_, err := runFiles([]string{filepath.Join(seedsDir, "004_50b5ccfc07a95ed9.txt")}, m, Options{}, func(_ Document, s *Score) error {
		outlets = append(outlets, s.Outlet)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(outlets, []string{UnknownOutlet}) {
		t.Errorf("outlet of the Moscow Times file alone = %q, want %q", outlets, UnknownOutlet)
	}
}

// runFiles runs the pipeline over the corpus files at paths, handing each
// document and its score to fn.
func runFiles(paths []string, m *lexicon.Matcher, opt Options, fn func(Document, *Score) error) (Summary, error) {
	docs := corpus.NewFiles(paths, corpus.Options{}).All()
	return Run(context.Background(), docs, m, opt, func(r *Result) error { return fn(r.Doc, r.Score) })
}
