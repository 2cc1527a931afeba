package reliability

import (
	"strings"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// StateMedia finds mentions of state-media outlets by their aliases, with
// the lexicon's matcher: an alias's words in capitals ("KCNA", the "RIA"
// of "RIA Novosti") match only in capitals, its other words in any case.
// It is safe for concurrent use.
type StateMedia struct {
	names   *lexicon.Matcher // category i: the aliases of outlets[i]
	outlets []string
	isName  map[string]bool
	// words[k] are the k-th words of the aliases of more than k words, and
	// lasts[k] the last words of the aliases of k+1 words: the matcher
	// looks for a name only at tokens that may be an alias's words, in
	// the words that can hold one. Most tokens of a text start no name,
	// and a document of another script none at all.
	words, lasts []wordSet
}

// NewStateMedia compiles the aliases of the outlets marked state media;
// nil outlets: none.
func NewStateMedia(outlets *corpus.Outlets) (*StateMedia, error) {
	sm := &StateMedia{isName: map[string]bool{}}
	var lists [][]string
	if outlets != nil {
		for _, o := range outlets.StateMedia() {
			sm.outlets = append(sm.outlets, o.Name)
			sm.isName[o.Name] = true
			lists = append(lists, o.Aliases)
		}
	}
	m, err := lexicon.CompileNames("state media", lists)
	if err != nil {
		return nil, err
	}
	sm.names = m
	tk := token.NewTokenizer()
	for _, list := range lists {
		for _, alias := range list {
			if err := sm.addWords(tk, alias); err != nil {
				return nil, err
			}
		}
	}
	return sm, nil
}

// addWords notes the words of alias as the matcher keys them: by the
// token's normalised form, or its written form for a word matched in
// capitals (lexicon.Words either way), or as a glob's prefix.
func (sm *StateMedia) addWords(tk *token.Tokenizer, alias string) error {
	norm, err := lexicon.Words(tk, lexicon.Term{Text: alias})
	if err != nil {
		return err
	}
	form, err := lexicon.Words(tk, lexicon.Term{Text: alias, CaseSensitive: true})
	if err != nil {
		return err
	}
	n := max(len(norm), len(form))
	for len(sm.words) < n {
		sm.words, sm.lasts = append(sm.words, wordSet{}), append(sm.lasts, wordSet{})
	}
	for _, ws := range [][]lexicon.Word{norm, form} {
		for k, w := range ws {
			sm.words[k].add(w)
		}
		sm.lasts[len(ws)-1].add(ws[len(ws)-1])
	}
	return nil
}

// may reports whether an alias may stand at token i of toks, in the
// tokens before end: whether the tokens from i may be an alias's words up
// to its last. false means none does, and the matcher need not look.
func (sm *StateMedia) may(toks []token.Token, i, end int) bool {
	for k := 0; k < len(sm.words) && i+k < end; k++ {
		t := &toks[i+k]
		if !sm.words[k].may(t.Norm, t.Form) {
			return false
		}
		if sm.lasts[k].may(t.Norm, t.Form) {
			return true
		}
	}
	return false
}

// at returns the state outlet an alias names at token i of toks, and the
// tokens it covers; the longest alias wins. end is the end of token i's
// sentence (an alias ends in the sentence it starts in); e is memory for
// the matcher to reuse.
func (sm *StateMedia) at(toks []token.Token, i, end int, e *lexicon.Encoded) (outlet string, n int) {
	if !sm.may(toks, i, end) {
		return "", 0
	}
	// The matcher reads no further than the longest alias or the
	// sentence: the tokens from i that can hold one are all it needs to
	// see.
	window := toks[i:min(end, i+len(sm.words))]
	h, ok := sm.names.CategoryAt(sm.names.Encode(window, e), 0)
	if !ok {
		return "", 0
	}
	return sm.outlets[h.ID], h.End - h.First
}

// isOutlet reports whether name is a listed state outlet's name.
func (sm *StateMedia) isOutlet(name string) bool { return sm.isName[name] }

// wordSet is a filter of the words of aliases at one place: their shapes,
// and the prefixes of those that are globs, which pass every word they
// start.
type wordSet struct {
	words     shapes
	globs     []string
	globFirst [256 / 64]uint64
}

func (f *wordSet) add(w lexicon.Word) {
	switch {
	case !w.Glob:
		f.words.add(w.Text)
	case w.Text != "":
		f.globs = append(f.globs, w.Text)
		f.globFirst[w.Text[0]/64] |= 1 << (w.Text[0] % 64)
	}
}

// may reports whether a token with this normalised and written form may
// be one of the words: false means it is none.
func (f *wordSet) may(norm, form string) bool {
	return f.words.has(norm) || f.words.has(form) || len(f.globs) > 0 && f.globs2(norm, form)
}

// globs2 reports whether a glob may match either form of a token.
func (f *wordSet) globs2(norm, form string) bool { return f.glob(norm) || f.glob(form) }

func (f *wordSet) glob(w string) bool {
	if w == "" || f.globFirst[w[0]/64]&(1<<(w[0]%64)) == 0 {
		return false
	}
	for _, p := range f.globs {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
