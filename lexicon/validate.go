package lexicon

import (
	"slices"
	"strings"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"

	"errors"
	"fmt"
	"regexp"
)

// idPattern is what concept, label and category ids look like: they become
// column names and JSON keys ("war.invasion").
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Validate checks what the YAML shape cannot: ids, duplicates, terms that
// cannot match or match the same text as another label's, and poles off the
// axis. Every problem is reported, each at its position.
func (l *Lexicon) Validate() error {
	v := &validator{lex: l, tk: token.NewTokenizer(), owner: map[string]termOwner{}}
	v.check()
	if len(v.errs) == 0 {
		return nil
	}
	v.errs.sort()
	return v.errs
}

type validator struct {
	lex   *Lexicon
	tk    *token.Tokenizer
	errs  ErrorList
	owner map[string]termOwner // term key → the label that has it
	// paths are the label terms with the forms each of their words
	// matches, to find two labels' terms that match the same words once
	// inflected.
	paths []termPath
	// group is the matching group of the labels being checked: "" for
	// the concepts matched together, a concept's id for one matched apart.
	// A term names one label within its group.
	group string
}

// termPath is a label term and the forms of each of its words.
type termPath struct {
	group      string
	label, key string
	term       Term
	forms      [][]string
}

type termOwner struct {
	label string
	pos   Pos
}

func (v *validator) errorf(p Pos, format string, args ...any) {
	v.errs = append(v.errs, &Error{File: v.lex.File, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) check() {
	l := v.lex
	if l.Name == "" {
		v.errorf(Pos{}, "lexicon has no name (add lexicon: NAME)")
	}
	if l.Axis != nil {
		if l.Axis.Negative == "" || l.Axis.Positive == "" || l.Axis.Negative == l.Axis.Positive {
			v.errorf(Pos{}, "axis needs two different poles, negative and positive")
		}
	}
	if _, ok := lang.Builtin(l.Language); l.Language != "" && !ok {
		v.errorf(Pos{}, "language %q has no language pack (have: %s)", l.Language, strings.Join(lang.Languages(), ", "))
	}
	if len(l.Concepts) == 0 && len(l.Categories) == 0 {
		// A word-count dictionary (an imported LIWC one) is categories only.
		v.errorf(Pos{}, "lexicon has no concepts and no categories (add a concepts: list)")
	}
	concepts := map[string]Pos{}
	for _, c := range l.Concepts {
		v.id(c.ID, c.Pos, "concept")
		if p, dup := concepts[c.ID]; dup && c.ID != "" {
			v.errorf(c.Pos, "concept %q is already defined at %s", c.ID, p)
		}
		concepts[c.ID] = c.Pos
		if len(c.Labels) == 0 {
			v.errorf(c.Pos, "concept %q has no labels (add a labels: list)", c.ID)
		}
		labels := map[string]Pos{}
		for _, lb := range c.Labels {
			v.id(lb.ID, lb.Pos, "label")
			if p, dup := labels[lb.ID]; dup && lb.ID != "" {
				v.errorf(lb.Pos, "label %q is already defined in concept %q at %s", lb.ID, c.ID, p)
			}
			labels[lb.ID] = lb.Pos
			if lb.Pole != "" {
				switch {
				case l.Axis == nil:
					v.errorf(lb.PolePos, "pole %q but the lexicon has no axis (add axis: {negative: ..., positive: ...})", lb.Pole)
				case lb.Pole != l.Axis.Negative && lb.Pole != l.Axis.Positive:
					v.errorf(lb.PolePos, "pole %q is not on the axis (%s, %s)", lb.Pole, l.Axis.Negative, l.Axis.Positive)
				}
			}
			v.group = ""
			if c.Apart {
				v.group = c.ID
			}
			v.terms(lb.Terms, lb.Pos, "label", c.ID+"."+lb.ID, true)
		}
	}
	cats := map[string]Pos{}
	for _, c := range l.Categories {
		v.id(c.ID, c.Pos, "category")
		if p, dup := cats[c.ID]; dup && c.ID != "" {
			v.errorf(c.Pos, "category %q is already defined at %s", c.ID, p)
		}
		if _, clash := concepts[c.ID]; clash && c.ID != "" {
			v.errorf(c.Pos, "category %q has the id of a concept (rename one)", c.ID)
		}
		cats[c.ID] = c.Pos
		v.terms(c.Terms, c.Pos, "category", c.ID, false)
	}
	v.overlaps()
}

// overlaps reports two labels' terms that match the same words once
// inflected: "военная операция" and "военной операции" under two labels.
// (Terms the same as written are reported by terms.)
func (v *validator) overlaps() {
	byFirst := map[string][]int{} // a first word's form → the paths that have it
	for i, p := range v.paths {
		for _, f := range p.forms[0] {
			byFirst[f] = append(byFirst[f], i)
		}
	}
	// A pair (i, j), j > i, is met only while i is the outer path, once
	// for each first-word form the two share (a dozen, inflected), and
	// its checks do not depend on which: checkedBy[j] = i marks it done.
	checkedBy := make([]int, len(v.paths))
	for j := range checkedBy {
		checkedBy[j] = -1
	}
	for i, p := range v.paths {
		for _, f := range p.forms[0] {
			for _, j := range byFirst[f] {
				q := v.paths[j]
				if j <= i || checkedBy[j] == i || q.group != p.group || q.key == p.key || len(q.forms) != len(p.forms) {
					continue
				}
				checkedBy[j] = i
				if q.label == p.label {
					// Within a label, a term that is a form of another
					// ("мятежа" beside "мятеж") is matched by it already:
					// its hits would be the other's, and no example could
					// show that it matches.
					if formOf(q.forms, p.forms) {
						v.errorf(q.term.Pos, "term %q is an inflected form of term %q at %s, which matches it already (remove it)", q.term.Text, p.term.Text, p.term.Pos)
					}
					continue
				}
				if shared, ok := sharedForms(p.forms, q.forms); ok {
					v.errorf(q.term.Pos, "term %q of label %s and term %q of label %s at %s both match %q once inflected; a word counts for one label (write one with inflect: false, or remove it)",
						q.term.Text, q.label, p.term.Text, p.label, p.term.Pos, shared)
				}
			}
		}
	}
}

// formOf reports whether each word of term a, as written (its first
// form), is a form of term b's word.
func formOf(a, b [][]string) bool {
	for k := range a {
		if !slices.Contains(b[k], a[k][0]) {
			return false
		}
	}
	return true
}

// sharedForms is words that two terms' forms both match, when there are.
func sharedForms(a, b [][]string) (string, bool) {
	var words []string
	for k := range a {
		found := ""
		for _, f := range a[k] {
			if slices.Contains(b[k], f) {
				found = f
				break
			}
		}
		if found == "" {
			return "", false
		}
		words = append(words, found)
	}
	return strings.Join(words, " "), true
}

func (v *validator) id(id string, p Pos, what string) {
	if id == "" {
		return // reported as a missing key by the decoder
	}
	if !idPattern.MatchString(id) {
		v.errorf(p, "%s id %q must be lower case letters, digits and _ and start with a letter", what, id)
	}
}

// terms checks one label's or category's terms. Across labels a term may
// appear once; categories are matched apart from labels and from each other,
// so their terms are only checked within the category.
func (v *validator) terms(terms []Term, at Pos, what, owner string, label bool) {
	if len(terms) == 0 {
		v.errorf(at, "%s %q has no terms (add a terms: list)", what, owner)
		return
	}
	seen := map[string]Pos{}
	for _, t := range terms {
		ws, err := Words(v.tk, t)
		if err != nil {
			v.errorf(t.Pos, "term %q: %s", t.Text, termProblem(err))
			continue
		}
		key := Key(ws, t.CaseSensitive)
		if p, dup := seen[key]; dup {
			v.errorf(t.Pos, "term %q is given twice in %s %q (first at %s)", t.Text, what, owner, p)
			continue
		}
		seen[key] = t.Pos
		if !label {
			continue
		}
		if o, dup := v.owner[v.group+"\x00"+key]; dup {
			v.errorf(t.Pos, "term %q is already under label %s at %s (a term names one label)", t.Text, o.label, o.pos)
			continue
		}
		v.owner[v.group+"\x00"+key] = termOwner{label: owner, pos: t.Pos}
		if path, ok := pathOf(owner, key, t, ws); ok {
			path.group = v.group
			v.paths = append(v.paths, path)
		}
	}
}

func termProblem(err error) string {
	switch {
	case errors.Is(err, ErrEmptyTerm):
		return "term is empty (remove it)"
	case errors.Is(err, ErrOnlyGlob):
		return `a term cannot be only "*" (a glob ends a word: "invad*")`
	case errors.Is(err, ErrInnerGlob):
		return `"*" may only end a word ("invad*", not "in*vade")`
	case errors.Is(err, ErrShortGlob):
		return `a glob needs at least 3 letters before "*"`
	case errors.Is(err, ErrNoWordToken):
		return "term has no letters or digits"
	}
	return err.Error()
}

// pathOf is a label term's words and their forms; ok is false for a term
// with a glob, whose forms cannot be listed.
func pathOf(label, key string, t Term, ws []Word) (termPath, bool) {
	p := termPath{label: label, key: key, term: t}
	for _, w := range ws {
		if w.Glob {
			return p, false
		}
		p.forms = append(p.forms, wordForms(t, w))
	}
	return p, true
}
