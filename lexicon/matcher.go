package lexicon

import (
	"cmp"
	"math/bits"
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
	// words is vocab and vocabCase with, for each word, the bits of the
	// roots it takes an edge out of (node.bit), as one table Encode looks a
	// token up in (see wordTable): Encode notes for every token the roots a
	// term of which may start there, so that each pass of match skips the
	// others with one test. globStarts are the bits of the roots a glob of
	// which is in a bucket (globBucket of globKeyLen bytes), globStartsCase
	// those of case-sensitive globs; hasGlobs and hasCaseGlobs tell whether
	// there are any.
	words                      wordTable
	globStarts, globStartsCase [globBuckets]uint64
	globKeyLen                 int
	hasGlobs, hasCaseGlobs     bool
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
	toks  []token.Token
	codes []wordCode // one a token
}

// wordCode is a token as the tries read it.
type wordCode struct {
	norm, form int32 // the ids of its Norm and Form; -1: a word no term has
	// starts are the bits of the roots (node.bit) a term of which may
	// start at the token.
	starts uint64
}

// Encode looks every token up in the matcher's vocabulary, reusing e's
// memory when e is not nil.
func (m *Matcher) Encode(toks []token.Token, e *Encoded) *Encoded {
	if e == nil {
		e = &Encoded{}
	}
	e.toks = toks
	e.codes = slices.Grow(e.codes[:0], len(toks))[:len(toks)]
	for i := range toks {
		t := &toks[i]
		c := wordCode{norm: -1, form: -1}
		// The filters' tests are written out here (one function of them
		// would not be inlined): most tokens are turned away by them, at
		// the cost of a few instructions, and only the others call out.
		if k, ok := m.words.normBits.slot(t.Norm); ok && m.words.normBits.set(k) {
			if w := m.words.lookup(t.Norm); w != nil {
				c.norm, c.starts = w.norm, w.normStarts
			}
		}
		// No case-sensitive word of Form's length (none at all in most
		// lexicons): no load.
		if m.words.formBits.mayHaveLength(t.Form) {
			if k, ok := m.words.formBits.slot(t.Form); ok && m.words.formBits.set(k) {
				if w := m.words.lookup(t.Form); w != nil {
					c.form = w.form
					c.starts |= w.formStarts
				}
			}
		}
		if m.hasGlobs {
			c.starts |= m.globStartsOf(&m.globStarts, t.Norm)
			if m.hasCaseGlobs {
				c.starts |= m.globStartsOf(&m.globStartsCase, t.Form)
			}
		}
		e.codes[i] = c
	}
	return e
}

// globStartsOf are the glob roots of starts (globStarts or
// globStartsCase) a glob of which may match a word that starts as w does.
func (m *Matcher) globStartsOf(starts *[globBuckets]uint64, w string) uint64 {
	if b, ok := globBucket(w, m.globKeyLen); ok {
		return starts[b]
	}
	return 0
}

// Release lets go of the tokens e was made from, and of its own slices
// when they are large: an Encoded kept for the next document must not keep
// a long document's memory alive.
func (e *Encoded) Release() {
	e.toks = nil
	if cap(e.codes) > maxKeptIDs {
		e.codes = nil
	}
}

// maxKeptIDs bounds the slices Release keeps for reuse.
const maxKeptIDs = 1 << 18

// CategoryAt returns the longest category term that starts at token i of
// e, as MatchCategories would find it there were no match before it; ok is
// false when none does. Among terms of equal length, the one compiled first
// wins.
func (m *Matcher) CategoryAt(e *Encoded, i int) (h Hit, ok bool) {
	if !m.catTrie.startsAt(e, i) { // most tokens: no walk
		return Hit{}, false
	}
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
	if root.bit == 0 {
		return m.matchEach(dst, e, root, all)
	}
	// The tokens a term may start at, 64 at a time as the bits of a word,
	// gathered without a branch: whether a token starts a walk was a
	// branch mispredicted on most of the two in five English tokens that
	// do ("the", "of", "in" start terms).
	shift := uint(bits.TrailingZeros64(root.bit))
	next := 0 // the first token after the last hit
	for base := 0; base < len(e.codes); base += 64 {
		var starts uint64
		for k, c := range e.codes[base:min(base+64, len(e.codes))] {
			starts |= (c.starts >> shift & 1) << k
		}
		for ; starts != 0; starts &= starts - 1 {
			i := base + bits.TrailingZeros64(starts)
			if i < next {
				continue
			}
			if n := m.hitsAt(&dst, e, root, all, i); n > 0 {
				next = i + n
			}
		}
	}
	return dst
}

// matchEach is match for a root without a bit in Encoded.starts, which
// asks every token.
func (m *Matcher) matchEach(dst []Hit, e *Encoded, root *node, all bool) []Hit {
	for i := 0; i < len(e.toks); {
		n := 0
		if root.mayStart(e, i) {
			n = m.hitsAt(&dst, e, root, all, i)
		}
		i += max(n, 1)
	}
	return dst
}

// hitsAt appends to *dst the hits of the longest term of root's trie that
// starts at token i (every category's, when all is set) and returns its
// length in tokens, 0 when none starts there.
func (m *Matcher) hitsAt(dst *[]Hit, e *Encoded, root *node, all bool, i int) int {
	best := longest(root, e, i)
	if best.n == 0 {
		return 0
	}
	for k, t := range best.node.ends {
		if k > 0 && !all {
			break
		}
		*dst = append(*dst, Hit{ID: m.terms[t].Owner, Term: int(t), First: i, End: i + best.n})
	}
	return best.n
}

// startsAt tells whether a term of root's trie may start at token i of e,
// by root's bit in Encoded.starts where it has one.
func (root *node) startsAt(e *Encoded, i int) bool {
	if root.bit != 0 {
		return e.codes[i].starts&root.bit != 0
	}
	return root.mayStart(e, i)
}

// mayStart tells whether a term of root's trie may start at token i of e:
// the first step of walk, without its call. Most tokens of a text start
// no term, and every pass of match (labels, each concept matched apart,
// categories) asks for every token. The root holds no term end (a term
// has a word), so a token that takes no edge out of it starts nothing.
func (root *node) mayStart(e *Encoded, i int) bool {
	c := &e.codes[i]
	if c.norm >= 0 && root.child(c.norm) != nil {
		return true
	}
	if c.form >= 0 && root.nextCase[c.form] != nil {
		return true
	}
	t := &e.toks[i]
	return root.mayGlob(t.Norm, t.Form)
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
	if n.leaf { // two nodes in three: a term ends here and none goes on
		return
	}
	toks := w.e.toks
	if j >= len(toks) || j > w.i && toks[j].Sentence != toks[w.i].Sentence {
		return
	}
	t, c := &toks[j], &w.e.codes[j]
	if c.norm >= 0 && len(n.next) > 0 {
		if to := n.child(c.norm); to != nil {
			w.walk(to, j+1, exact+1)
		}
	}
	if c.form >= 0 && len(n.nextCase) > 0 {
		if to := n.nextCase[c.form]; to != nil {
			w.walk(to, j+1, exact+1)
		}
	}
	if len(n.globs) == 0 {
		return
	}
	if n.globIdx == nil {
		for k := range n.globs {
			w.glob(&n.globs[k], t, j, exact)
		}
		return
	}
	for c := n.globIdx.candidates(t.Norm, t.Form); c != 0; c &= c - 1 {
		w.glob(&n.globs[bits.TrailingZeros64(c)], t, j, exact)
	}
}

// glob walks on from glob edge g when token t (token j) matches it.
func (w *walker) glob(g *globEdge, t *token.Token, j, exact int) {
	s := t.Norm
	if g.caseSensitive {
		s = t.Form
	}
	if strings.HasPrefix(s, g.prefix) {
		w.walk(g.to, j+1, exact)
	}
}
