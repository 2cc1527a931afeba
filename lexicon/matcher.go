package lexicon

import (
	"cmp"
	"slices"
	"strings"

	"github.com/framingkit/framing/token"
)

// Matcher finds the terms of a compiled lexicon in tokenised text. It is
// immutable after Compile and safe for concurrent use.
type Matcher struct {
	lex        *Lexicon
	labels     []LabelInfo
	categories []string
	terms      []TermInfo
	labelTrie  *node
	catTrie    *node
	// apartTries hold the labels of each concept matched apart (Concept.Apart).
	apartTries []*node
	hash       string
	maxWords   int
	// vocab and vocabCase number the exact words of all terms (by their
	// normalised and their case-kept form): a token is looked up once, by
	// string, and the tries are walked by number.
	vocab, vocabCase map[string]int32
	// normWords and formWords are filters of the words of vocab and
	// vocabCase: most tokens of a text are no term word, and are known
	// not to be in the vocabulary without a map lookup.
	normWords, formWords wordFilter
	// starts and startsCase hold, for each word of vocab and vocabCase, the
	// bits of the roots it takes an edge out of (node.bit); globRoots are
	// the roots with globs. Encode notes for every token the roots a term
	// of which may start there, so that each pass of match skips the
	// others with one test.
	starts, startsCase []uint64
	globRoots          []*node
}

// LabelInfo describes one label of a compiled lexicon.
type LabelInfo struct {
	Key LabelKey
	// ID is Key as outputs write it: "concept.label".
	ID string
	// Pole is +1 for the axis' positive pole, -1 for its negative pole, 0
	// for a label without a pole.
	Pole int
}

// TermInfo describes one term of a compiled lexicon.
type TermInfo struct {
	Text string // as written in the lexicon
	Key  string // normalised identity, see Key
	// Lang is the term's language; Inflected says it matches inflected
	// forms (see Inflects).
	Lang      string
	Inflected bool
	// Owner is the label index for label terms, the category index for
	// category terms.
	Owner    int
	Category bool
	Pos      Pos
}

// Hit is one match: tokens [First, End) of the matched text matched term
// Term, which belongs to label (or category) ID.
type Hit struct {
	ID         int
	Term       int
	First, End int
}

// Lexicon returns the lexicon the matcher was compiled from.
func (m *Matcher) Lexicon() *Lexicon { return m.lex }

// Labels lists the labels in lexicon order; Hit.ID of a label hit indexes it.
func (m *Matcher) Labels() []LabelInfo { return m.labels }

// Categories lists the category ids in lexicon order; Hit.ID of a category
// hit indexes it.
func (m *Matcher) Categories() []string { return m.categories }

// Terms lists every compiled term; Hit.Term indexes it.
func (m *Matcher) Terms() []TermInfo { return m.terms }

// Hash identifies the compiled lexicon: it changes exactly when something
// that can move a score changes (terms, labels, poles, categories, case),
// and not for comments, descriptions, examples or reordering.
func (m *Matcher) Hash() string { return m.hash }

// LabelIndex returns the index of label id ("concept.label"), or -1.
func (m *Matcher) LabelIndex(id string) int {
	for i, l := range m.labels {
		if l.ID == id {
			return i
		}
	}
	return -1
}

// MatchLabels appends the label hits in toks to dst. Matching runs left to
// right; at each token the longest term that starts there wins (at equal
// length, the one with more exact words), and the tokens it covers are not
// matched again, so every token counts at most once — except for a concept
// matched apart (Concept.Apart), whose labels are matched again on their
// own. Hits are in text order.
func (m *Matcher) MatchLabels(dst []Hit, toks []token.Token) []Hit {
	return m.MatchLabelsIn(dst, m.Encode(toks, nil))
}

// Encoded is a document's tokens with the matcher's id of each word: made
// once by Encode, it serves both MatchLabelsIn and MatchCategoriesIn.
type Encoded struct {
	toks       []token.Token
	norm, form []int32 // -1: a word no term has
	// starts are the bits of the roots (node.bit) a term of which may
	// start at each token.
	starts []uint64
}

// Encode looks every token up in the matcher's vocabulary, reusing e's
// memory when e is not nil.
func (m *Matcher) Encode(toks []token.Token, e *Encoded) *Encoded {
	if e == nil {
		e = &Encoded{}
	}
	e.toks = toks
	e.norm, e.form, e.starts = e.norm[:0], e.form[:0], e.starts[:0]
	for i := range toks {
		var starts uint64
		norm, form := toks[i].Norm, toks[i].Form
		id := int32(-1)
		if m.normWords.has(norm) {
			if x, ok := m.vocab[norm]; ok {
				id, starts = x, m.starts[x]
			}
		}
		e.norm = append(e.norm, id)
		cid := int32(-1)
		if len(m.vocabCase) > 0 && m.formWords.has(form) {
			if x, ok := m.vocabCase[form]; ok {
				cid, starts = x, starts|m.startsCase[x]
			}
		}
		e.form = append(e.form, cid)
		for _, root := range m.globRoots {
			if root.mayGlob(norm, form) {
				starts |= root.bit
			}
		}
		e.starts = append(e.starts, starts)
	}
	return e
}

// Release lets go of the tokens e was made from, and of its own slices
// when they are large: an Encoded kept for the next document must not keep
// a long document's memory alive.
func (e *Encoded) Release() {
	e.toks = nil
	if cap(e.norm) > maxKeptIDs {
		e.norm, e.form, e.starts = nil, nil, nil
	}
}

// maxKeptIDs bounds the slices Release keeps for reuse.
const maxKeptIDs = 1 << 18

// CategoryAt returns the longest category term that starts at token i of
// e, as MatchCategories would find it there were no match before it; ok is
// false when none does. Among terms of equal length, the one compiled first
// wins.
func (m *Matcher) CategoryAt(e *Encoded, i int) (h Hit, ok bool) {
	best := longest(m.catTrie, e, i)
	if best.n == 0 {
		return Hit{}, false
	}
	t := best.node.ends[0]
	return Hit{ID: m.terms[t].Owner, Term: int(t), First: i, End: i + best.n}, true
}

// MatchLabelsIn is MatchLabels on encoded tokens.
func (m *Matcher) MatchLabelsIn(dst []Hit, e *Encoded) []Hit {
	start := len(dst)
	dst = m.match(dst, e, m.labelTrie, false)
	if len(m.apartTries) == 0 {
		return dst
	}
	for _, root := range m.apartTries {
		dst = m.match(dst, e, root, false)
	}
	// Each pass is in text order; the passes are merged by start, a hit of
	// the main pass first at one start.
	slices.SortStableFunc(dst[start:], func(a, b Hit) int { return cmp.Compare(a.First, b.First) })
	return dst
}

// MatchCategoriesIn is MatchCategories on encoded tokens.
func (m *Matcher) MatchCategoriesIn(dst []Hit, e *Encoded) []Hit {
	return m.match(dst, e, m.catTrie, true)
}

// MatchCategories appends the category hits in toks to dst, with the same
// longest-match rule as MatchLabels applied among category terms only. A
// term in several categories yields one hit per category.
func (m *Matcher) MatchCategories(dst []Hit, toks []token.Token) []Hit {
	return m.MatchCategoriesIn(dst, m.Encode(toks, nil))
}

func (m *Matcher) match(dst []Hit, e *Encoded, root *node, all bool) []Hit {
	for i := 0; i < len(e.toks); {
		if root.bit != 0 && e.starts[i]&root.bit == 0 || root.bit == 0 && !root.mayStart(e, i) {
			i++
			continue
		}
		best := longest(root, e, i)
		if best.n == 0 {
			i++
			continue
		}
		for k, t := range best.node.ends {
			if k > 0 && !all {
				break
			}
			dst = append(dst, Hit{ID: m.terms[t].Owner, Term: int(t), First: i, End: i + best.n})
		}
		i += best.n
	}
	return dst
}

// mayStart tells whether a term of root's trie may start at token i of e:
// the first step of walk, without its call. Most tokens of a text start
// no term, and every pass of match (labels, each concept matched apart,
// categories) asks for every token. The root holds no term end (a term
// has a word), so a token that takes no edge out of it starts nothing.
func (root *node) mayStart(e *Encoded, i int) bool {
	if id := e.norm[i]; id >= 0 && root.child(id) != nil {
		return true
	}
	if id := e.form[i]; id >= 0 && root.nextCase[id] != nil {
		return true
	}
	t := &e.toks[i]
	return len(root.globs) > 0 && root.mayGlob(t.Norm, t.Form)
}

// child is the node word id leads to from n, or nil.
func (n *node) child(id int32) *node {
	if n.dense != nil {
		return n.dense[id]
	}
	return n.next[id]
}

// candidate is a term end reached from a start token: n tokens long with
// exact exact-word steps.
type candidate struct {
	node     *node
	n, exact int
}

func (c candidate) better(d candidate) bool {
	return c.n > d.n || c.n == d.n && c.exact > d.exact
}

// longest finds the best term end starting at toks[i]. The search is a walk
// of the trie bounded by the longest term, so its cost per token does not
// depend on the number of terms.
func longest(root *node, e *Encoded, i int) candidate {
	w := walker{e: e, i: i}
	w.walk(root, i, 0)
	return w.best
}

// walker is the state of one longest-match search. A plain struct with a
// method, not a recursive closure: the closure cost an allocation per
// token.
type walker struct {
	e    *Encoded
	i    int
	best candidate
}

func (w *walker) walk(n *node, j, exact int) {
	if len(n.ends) > 0 {
		if c := (candidate{n, j - w.i, exact}); c.better(w.best) {
			w.best = c
		}
	}
	toks := w.e.toks
	if j >= len(toks) || toks[j].Sentence != toks[w.i].Sentence {
		return
	}
	t := &toks[j]
	if id := w.e.norm[j]; id >= 0 {
		if to := n.child(id); to != nil {
			w.walk(to, j+1, exact+1)
		}
	}
	if id := w.e.form[j]; id >= 0 {
		if to := n.nextCase[id]; to != nil {
			w.walk(to, j+1, exact+1)
		}
	}
	if len(n.globs) == 0 || !n.mayGlob(t.Norm, t.Form) {
		return
	}
	for _, g := range n.globs {
		s := t.Norm
		if g.caseSensitive {
			s = t.Form
		}
		if strings.HasPrefix(s, g.prefix) {
			w.walk(g.to, j+1, exact)
		}
	}
}
