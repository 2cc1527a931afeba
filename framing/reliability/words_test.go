package reliability

import (
	"testing"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// TestSourcingWordsAreTokens: every sourcing word of the built-in packs is
// one token (a word the tokeniser splits could never be looked up), and
// is found by the token a text makes of it, however the pack writes it:
// ru's «ещё» by «еще», uk's «пʼятниця» by «п'ятниця», which the lists
// kept as written never matched.
func TestSourcingWordsAreTokens(t *testing.T) {
	tk := token.NewTokenizer()
	for _, language := range lang.Languages() {
		p, _ := lang.Builtin(language)
		w := newWords(p)
		s := p.Sourcing
		for _, list := range [][]string{s.According, s.PersonHeads, s.OutletHeads, s.OrgHeads, s.PersonPronouns, s.Pronouns,
			s.Determiners, s.Conjunctions, s.VerbSkips, s.TimeWords, s.TimePreps, s.Months, s.ClauseFollowers,
			s.GenericSources, s.CommonStarts, s.NameJoiners} {
			for _, word := range list {
				toks := tk.Tokenize(word)
				if len(toks) != 1 {
					t.Errorf("%s: sourcing word %q is %d tokens", language, word, len(toks))
					continue
				}
				if w.kind(toks[0].Norm) == 0 && w.kind(toks[0].Form) == 0 {
					t.Errorf("%s: sourcing word %q is not found by its token %q", language, word, toks[0].Norm)
				}
			}
		}
	}
	ru, _ := lang.Builtin("ru")
	uk, _ := lang.Builtin("uk")
	if !newWords(ru).is("еще", verbSkip) || !newWords(uk).is("п'ятниця", timeWord) {
		t.Error("«ещё» and «пʼятниця» are not found by the tokens a text makes of them")
	}
}
