package lexicon

import (
	"fmt"
	"strings"

	"github.com/framingkit/framing/token"
)

// ExampleFailure is a lexicon example that did not behave as written.
type ExampleFailure struct {
	File  string
	Pos   Pos
	Label string // concept.label, or category.ID for a category's example
	Text  string
	// Match is true for an examples.match sentence that found no hit of the
	// label, false for an examples.nomatch sentence that found one.
	Match bool
	// Got lists the labels (or categories) the sentence did hit, for the
	// message.
	Got []string
}

func (f ExampleFailure) Error() string {
	what := "should match but did not"
	if !f.Match {
		what = "should not match but did"
	}
	hits := "none"
	if len(f.Got) > 0 {
		hits = strings.Join(f.Got, ", ")
	}
	return fmt.Sprintf("%s:%d:%d: %s: example %q %s (hits: %s)", f.File, f.Pos.Line, f.Pos.Col, f.Label, f.Text, what, hits)
}

// UntestedTerm is a term that none of its label's (or category's) match
// examples is matched by: nothing shows that it matches what it should.
type UntestedTerm struct {
	File  string
	Owner string // concept.label, or category.ID
	Term  TermInfo
}

func (u UntestedTerm) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: term %q (%s) has no example it matches (add a sentence with it to examples.match)",
		u.File, u.Term.Pos.Line, u.Term.Pos.Col, u.Owner, u.Term.Text, u.Term.Lang)
}

// ExampleResult counts the examples run, lists the failures, and the
// terms no match example tests.
type ExampleResult struct {
	Run      int
	Failures []ExampleFailure
	// Terms is the number of terms; Untested are those that no match
	// example of their label or category is matched by.
	Terms    int
	Untested []UntestedTerm
}

// TestExamples runs every label's and category's examples: each match
// sentence must yield a hit of its label, each nomatch sentence none. A
// term is tested when a match sentence's hit is by that term. Examples are
// matched as plain text, without quotation handling, so they test the
// terms alone, whatever their language: inflected forms are the
// lexicon's, not the text's.
func (m *Matcher) TestExamples() ExampleResult {
	res := ExampleResult{Terms: len(m.terms)}
	tk := token.NewTokenizer()
	tested := make([]bool, len(m.terms))
	var hits []Hit
	check := func(ex *Examples, owner string, id int, category bool) {
		if ex == nil {
			return
		}
		match, names := m.MatchLabels, func(h Hit) string { return m.labels[h.ID].ID }
		if category {
			match, names = m.MatchCategories, func(h Hit) string { return "category." + m.categories[h.ID] }
		}
		run := func(texts []string, pos []Pos, want bool) {
			for k, text := range texts {
				res.Run++
				hits = match(hits[:0], tk.Tokenize(text))
				got, hitNames := false, []string{}
				for _, h := range hits {
					if h.ID == id {
						got = true
						if want {
							tested[h.Term] = true
						}
					}
					hitNames = append(hitNames, names(h))
				}
				if got != want {
					f := ExampleFailure{File: m.lex.File, Label: owner, Text: text, Match: want, Got: hitNames}
					if k < len(pos) {
						f.Pos = pos[k]
					}
					res.Failures = append(res.Failures, f)
				}
			}
		}
		run(ex.Match, ex.MatchPos, true)
		run(ex.NoMatch, ex.NoMatchPos, false)
	}
	label := 0
	for _, c := range m.lex.Concepts {
		for _, lb := range c.Labels {
			check(lb.Examples, m.labels[label].ID, label, false)
			label++
		}
	}
	for i, c := range m.lex.Categories {
		check(c.Examples, "category."+c.ID, i, true)
	}
	for i, t := range m.terms {
		if tested[i] {
			continue
		}
		owner := ""
		if t.Category {
			owner = "category." + m.categories[t.Owner]
		} else {
			owner = m.labels[t.Owner].ID
		}
		res.Untested = append(res.Untested, UntestedTerm{File: m.lex.File, Owner: owner, Term: t})
	}
	return res
}
