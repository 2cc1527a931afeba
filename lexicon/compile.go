package lexicon

import (
	"fmt"
	"slices"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// node is a trie over words. Exact children are looked up by the word id
// of a token's Norm (or Form, for case-sensitive words); glob children are
// tried in order.
type node struct {
	next     map[int32]*node
	nextCase map[int32]*node
	// dense is next as a slice indexed by word id, for the two roots: every
	// token of a text starts a walk there, and a slice index is cheaper
	// than a map lookup.
	dense []*node
	globs []globEdge
	// globIdx finds the globs a token may match (nil: try them all).
	globIdx *globIndex
	// leaf is set on a node no edge goes out of, where a walk stops.
	leaf bool
	// bit is a root's bit in Encoded.starts, 0 for other nodes (and for
	// roots past the 64th, which test every token with mayStart).
	bit uint64
	// terms that end here: one for labels (duplicates are rejected when the
	// lexicon is validated), possibly several for categories sharing a word.
	ends []int32
}

type globEdge struct {
	prefix        string
	caseSensitive bool
	to            *node
}

// Compile validates l and builds its Matcher.
func Compile(l *Lexicon) (*Matcher, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return compile(l)
}

// compile builds the Matcher of a lexicon known to be valid, or of phrase
// lists (CompilePhrases).
func compile(l *Lexicon) (*Matcher, error) {
	tk := token.NewTokenizer()
	m := &Matcher{lex: l, labelTrie: &node{}, catTrie: &node{}, vocab: map[string]int32{}, vocabCase: map[string]int32{}}
	for _, c := range l.Concepts {
		root := m.labelTrie
		if c.Apart {
			root = &node{}
			m.apartTries = append(m.apartTries, root)
		}
		for _, lb := range c.Labels {
			key := LabelKey{Concept: c.ID, Label: lb.ID}
			info := LabelInfo{Key: key, ID: key.String()}
			if l.Axis != nil {
				switch lb.Pole {
				case l.Axis.Positive:
					info.Pole = +1
				case l.Axis.Negative:
					info.Pole = -1
				}
			}
			owner := len(m.labels)
			m.labels = append(m.labels, info)
			for _, t := range lb.Terms {
				if err := m.add(tk, root, t, owner, false); err != nil {
					return nil, err
				}
			}
		}
	}
	for i, c := range l.Categories {
		m.categories = append(m.categories, c.ID)
		for _, t := range c.Terms {
			if err := m.add(tk, m.catTrie, t, i, true); err != nil {
				return nil, err
			}
		}
	}
	m.finish()
	m.hash = hashOf(l, m)
	return m, nil
}

// finish builds the lookup shortcuts once every term is in: the roots'
// dense children and bits, the roots each word may start a term of, every
// node's glob index and leaf mark, and the word table. They change how
// fast a token is matched, never what matches.
func (m *Matcher) finish() {
	starts, startsCase := make([]uint64, len(m.vocab)), make([]uint64, len(m.vocabCase))
	var globRoots []*node
	for k, root := range append([]*node{m.labelTrie, m.catTrie}, m.apartTries...) {
		root.dense = make([]*node, len(m.vocab))
		for id, to := range root.next {
			root.dense[id] = to
		}
		if k >= 64 {
			continue
		}
		root.bit = 1 << k
		for id := range root.next {
			starts[id] |= root.bit
		}
		for id := range root.nextCase {
			startsCase[id] |= root.bit
		}
		if len(root.globs) > 0 {
			globRoots = append(globRoots, root)
		}
	}
	// The trie is a DAG: an inflected word's forms are edges into one
	// node, so a node is reached by many paths and is marked once, or a
	// phrase of k inflected words would be walked (forms)^k times.
	seen := make(map[*node]bool)
	var mark func(n *node)
	mark = func(n *node) {
		if seen[n] {
			return
		}
		seen[n] = true
		n.globIdx = newGlobIndex(n.globs)
		n.leaf = len(n.next) == 0 && len(n.nextCase) == 0 && len(n.globs) == 0
		for _, g := range n.globs {
			mark(g.to)
		}
		for _, to := range n.next {
			mark(to)
		}
		for _, to := range n.nextCase {
			mark(to)
		}
	}
	mark(m.labelTrie)
	mark(m.catTrie)
	for _, root := range m.apartTries {
		mark(root)
	}
	m.words = newWordTable(m.vocab, m.vocabCase, starts, startsCase)
	var rootGlobs []globEdge
	for _, root := range globRoots {
		rootGlobs = append(rootGlobs, root.globs...)
	}
	m.globKeyLen, m.hasGlobs = globKeyLen(rootGlobs), len(globRoots) > 0
	for _, root := range globRoots {
		for _, g := range root.globs {
			b, _ := globBucket(g.prefix, m.globKeyLen)
			// A glob is matched against a token's Norm, or its Form when
			// case-sensitive: most matchers have no such glob, and Encode
			// then reads no Form for them.
			if g.caseSensitive {
				m.globStartsCase[b] |= root.bit
				m.hasCaseGlobs = true
			} else {
				m.globStarts[b] |= root.bit
			}
		}
	}
}

// mayGlob reports whether a glob of n may match a token with this norm or
// form.
func (n *node) mayGlob(norm, form string) bool {
	return len(n.globs) > 0 && (n.globIdx == nil || n.globIdx.candidates(norm, form) != 0)
}

// MustCompile is Compile for lexicons known to be valid, such as tests' own.
func MustCompile(l *Lexicon) *Matcher {
	m, err := Compile(l)
	if err != nil {
		panic(err)
	}
	return m
}

func (m *Matcher) add(tk *token.Tokenizer, root *node, t Term, owner int, category bool) error {
	ws, err := Words(tk, t)
	if err != nil { // Validate has already reported it with its position
		return fmt.Errorf("lexicon: term %q: %w", t.Text, err)
	}
	id := int32(len(m.terms))
	m.terms = append(m.terms, TermInfo{Text: t.Text, Key: Key(ws, t.CaseSensitive), Lang: t.Lang, Inflected: Inflects(t),
		Owner: owner, Category: category, Pos: t.Pos})
	// The term's path through the trie: one node a word, or, for an
	// inflected word, an edge for each of its forms into one node. A form
	// another term has already taken leads to that term's node: the
	// frontier then holds both, and the rest of the term goes on from each.
	frontier := []*node{root}
	for _, w := range ws {
		var next []*node
		var shared *node // the node this word's new edges lead to
		for _, n := range frontier {
			for _, form := range wordForms(t, w) {
				to := n.childOr(w, form, m.wordID(form, w.Exact), &shared)
				if !slices.Contains(next, to) {
					next = append(next, to)
				}
			}
		}
		frontier = next
	}
	for _, n := range frontier {
		n.ends = append(n.ends, id)
	}
	m.maxWords = max(m.maxWords, len(ws))
	return nil
}

// Inflects reports whether term t matches inflected forms: a term of a
// language whose pack has declension endings, not case-sensitive and not
// written exact.
func Inflects(t Term) bool {
	if t.CaseSensitive || t.Exact || t.Lang == "" {
		return false
	}
	p, ok := lang.Builtin(t.Lang)
	return ok && p.Inflection.Inflects()
}

// wordForms are the forms word w of term t matches: its inflected forms
// in a term that inflects (globs and words in capitals excepted), else the
// word as written.
func wordForms(t Term, w Word) []string {
	if w.Glob || w.Exact || !Inflects(t) {
		return []string{w.Text}
	}
	p, _ := lang.Builtin(t.Lang)
	return p.Inflection.Forms(w.Text)
}

// wordID numbers an exact word of a term.
func (m *Matcher) wordID(w string, caseSensitive bool) int32 {
	v := m.vocab
	if caseSensitive {
		v = m.vocabCase
	}
	id, ok := v[w]
	if !ok {
		id = int32(len(v))
		v[w] = id
	}
	return id
}

// childOr returns n's child by word w written as form (its word id id),
// making it if there is none: a new edge leads to *shared, made on first
// need, so that the forms of one word lead to one node.
func (n *node) childOr(w Word, form string, id int32, shared **node) *node {
	if w.Glob {
		for _, g := range n.globs {
			if g.prefix == form && g.caseSensitive == w.Exact {
				return g.to
			}
		}
		to := newShared(shared)
		n.globs = append(n.globs, globEdge{prefix: form, caseSensitive: w.Exact, to: to})
		return to
	}
	m := &n.next
	if w.Exact {
		m = &n.nextCase
	}
	if *m == nil {
		*m = map[int32]*node{}
	}
	to := (*m)[id]
	if to == nil {
		to = newShared(shared)
		(*m)[id] = to
	}
	return to
}

// newShared is *shared, made when it is nil.
func newShared(shared **node) *node {
	if *shared == nil {
		*shared = &node{}
	}
	return *shared
}

// CompilePhrases builds a matcher of plain phrase lists, such as a
// language pack's markers: list i is category i of the matcher (a hit's ID
// is its list), every phrase matched with the rules of lexicon terms. The
// one phrase matcher serves lexicons, markers and names alike.
func CompilePhrases(name string, lists [][]string) (*Matcher, error) {
	return compileLists(name, lists, false)
}

// CompileNames is CompilePhrases for names, such as outlets': a word a name
// writes in capitals ("TASS", the "RIA" of "RIA Novosti") matches only in
// capitals, its other words in any case.
func CompileNames(name string, lists [][]string) (*Matcher, error) {
	return compileLists(name, lists, true)
}

func compileLists(name string, lists [][]string, capitalsExact bool) (*Matcher, error) {
	l := &Lexicon{Name: name, Version: "1", Language: "und", File: name}
	for i, list := range lists {
		c := Category{ID: fmt.Sprintf("list_%d", i)}
		for _, p := range list {
			t := Term{Text: p, capitalsExact: capitalsExact}
			// A phrase listed twice would count twice: a category term
			// ends where every category that has it ends.
			if !slices.Contains(c.Terms, t) {
				c.Terms = append(c.Terms, t)
			}
		}
		l.Categories = append(l.Categories, c)
	}
	// Not Compile: a list may be empty (a language without weak appeal
	// markers), which a lexicon may not; a bad phrase is still an error.
	return compile(l)
}
