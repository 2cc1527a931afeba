package lexicon

import (
	"fmt"

	"github.com/framingkit/framing/token"
)

// ExampleFailure is a lexicon example that did not behave as written.
type ExampleFailure struct {
	File  string
	Pos   Pos
	Label string // concept.label
	Text  string
	// Match is true for an examples.match sentence that found no hit of the
	// label, false for an examples.nomatch sentence that found one.
	Match bool
	// Got lists the labels the sentence did hit, for the message.
	Got []string
}

func (f ExampleFailure) Error() string {
	what := "should match but did not"
	if !f.Match {
		what = "should not match but did"
	}
	return fmt.Sprintf("%s:%d:%d: %s: example %q %s (hits: %v)", f.File, f.Pos.Line, f.Pos.Col, f.Label, f.Text, what, f.Got)
}

// ExampleResult counts the examples run and lists the failures.
type ExampleResult struct {
	Run      int
	Failures []ExampleFailure
}

// TestExamples runs every label's examples: each match sentence must yield a
// hit of its label, each nomatch sentence none. Examples are matched as
// plain text, without quotation handling, so they test the terms alone.
func (m *Matcher) TestExamples() ExampleResult {
	var res ExampleResult
	tk := token.NewTokenizer()
	var hits []Hit
	label := 0
	for _, c := range m.lex.Concepts {
		for _, lb := range c.Labels {
			id := label
			label++
			if lb.Examples == nil {
				continue
			}
			check := func(texts []string, pos []Pos, want bool) {
				for k, text := range texts {
					res.Run++
					hits = m.MatchLabels(hits[:0], tk.Tokenize(text))
					got, names := false, []string{}
					for _, h := range hits {
						got = got || h.ID == id
						names = append(names, m.labels[h.ID].ID)
					}
					if got != want {
						f := ExampleFailure{File: m.lex.File, Label: m.labels[id].ID, Text: text, Match: want, Got: names}
						if k < len(pos) {
							f.Pos = pos[k]
						}
						res.Failures = append(res.Failures, f)
					}
				}
			}
			check(lb.Examples.Match, lb.Examples.MatchPos, true)
			check(lb.Examples.NoMatch, lb.Examples.NoMatchPos, false)
		}
	}
	return res
}
