package reliability

import (
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
	return sm, nil
}

// mentions finds the state outlets named in toks: the encoding that at
// reads.
func (sm *StateMedia) encode(toks []token.Token, e *lexicon.Encoded) *lexicon.Encoded {
	return sm.names.Encode(toks, e)
}

// at returns the state outlet an alias names at token i of e, and the
// tokens it covers; the longest alias wins.
func (sm *StateMedia) at(e *lexicon.Encoded, i int) (outlet string, n int) {
	h, ok := sm.names.CategoryAt(e, i)
	if !ok {
		return "", 0
	}
	return sm.outlets[h.ID], h.End - h.First
}

// isOutlet reports whether name is a listed state outlet's name.
func (sm *StateMedia) isOutlet(name string) bool { return sm.isName[name] }
