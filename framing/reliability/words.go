package reliability

import (
	"strings"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// words are a language pack's sourcing words, for the rules: each word
// with the lists it is in, so that one lookup of a token answers every
// question the rules ask of it there.
type words struct {
	kinds map[string]wordKind
	// listed filters the words of kinds: most tokens the rules ask
	// about are in no list.
	listed                      shapes
	demonymEndings, possessives []string
}

// wordKind is a set of the pack's sourcing lists, as bits.
type wordKind uint32

const (
	according wordKind = 1 << iota
	personHead
	outletHead
	orgHead
	personPronoun
	pronoun
	determiner
	conjunction
	verbSkip
	timeWord
	timePrep
	month
	clauseFollower
	genericSource
	commonStart
	// nameJoiner is looked up by a token's written form ("of", not "Of"),
	// every other list by its normalised form.
	nameJoiner
)

// newWords reads pack p's sourcing lists. Each word is kept as the rules
// meet it in a text: as its token's Norm (NFKC, ё as е, apostrophes
// unified, lower case), a name joiner as its Form. Kept as written, ru's
// «ещё» (Norm «еще») and uk's «пʼятниця» (Norm with ') never matched. A
// word that is not one token cannot match at all: the pack check refuses
// spaces, and TestSourcingWordsAreTokens the rest in the built-in packs.
func newWords(p *lang.Pack) *words {
	s := p.Sourcing
	w := &words{kinds: map[string]wordKind{}, demonymEndings: s.DemonymEndings, possessives: s.Possessives}
	tk := token.NewTokenizer()
	for _, l := range []struct {
		kind  wordKind
		words []string
	}{
		{according, s.According}, {personHead, s.PersonHeads}, {outletHead, s.OutletHeads}, {orgHead, s.OrgHeads},
		{personPronoun, s.PersonPronouns}, {pronoun, s.Pronouns}, {determiner, s.Determiners}, {conjunction, s.Conjunctions},
		{verbSkip, s.VerbSkips}, {timeWord, s.TimeWords}, {timePrep, s.TimePreps}, {month, s.Months},
		{clauseFollower, s.ClauseFollowers}, {genericSource, s.GenericSources}, {commonStart, s.CommonStarts},
		{nameJoiner, s.NameJoiners},
	} {
		for _, word := range l.words {
			if toks := tk.Tokenize(word); len(toks) == 1 {
				word = toks[0].Norm
				if l.kind == nameJoiner {
					word = toks[0].Form
				}
			}
			w.kinds[word] |= l.kind
			w.listed.add(word)
		}
	}
	return w
}

// kind is the lists word is in.
func (w *words) kind(word string) wordKind {
	if !w.listed.has(word) {
		return 0
	}
	return w.kinds[word]
}

// is reports whether word is in any of the lists k.
func (w *words) is(word string, k wordKind) bool { return w.kind(word)&k != 0 }

// demonym reports a word that looks like a nationality adjective
// ("Korean", "Turkish", "Chinese"): before a common noun, a modifier.
func (w *words) demonym(norm string) bool {
	for _, suf := range w.demonymEndings {
		if strings.HasSuffix(norm, suf) {
			return true
		}
	}
	return false
}

// trimPossessive cuts a possessive ending from a name ("North Korea's"
// names North Korea).
func (w *words) trimPossessive(name string) string {
	for _, p := range w.possessives {
		name = strings.TrimSuffix(name, p)
	}
	return name
}

// possessive reports a word written with a possessive ending.
func (w *words) possessive(written string) bool {
	for _, p := range w.possessives {
		if strings.HasSuffix(written, p) {
			return true
		}
	}
	return false
}
