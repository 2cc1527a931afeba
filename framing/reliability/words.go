package reliability

import (
	"strings"

	"github.com/framingkit/framing/lang"
)

// words are a language pack's sourcing words as sets, for the rules.
type words struct {
	according, personHeads, outletHeads, orgHeads        set
	personPronouns, pronouns, determiners, conjunctions  set
	verbSkips, timeWords, timePreps, months              set
	clauseFollowers, genericSources, commonStarts, joins set
	demonymEndings, possessives                          []string
}

// set is a word list for lookups.
type set map[string]bool

func setOf(list []string) set {
	s := set{}
	for _, w := range list {
		s[w] = true
	}
	return s
}

func newWords(p *lang.Pack) *words {
	s := p.Sourcing
	return &words{
		according: setOf(s.According), personHeads: setOf(s.PersonHeads), outletHeads: setOf(s.OutletHeads),
		orgHeads: setOf(s.OrgHeads), personPronouns: setOf(s.PersonPronouns), pronouns: setOf(s.Pronouns),
		determiners: setOf(s.Determiners), conjunctions: setOf(s.Conjunctions), verbSkips: setOf(s.VerbSkips),
		timeWords: setOf(s.TimeWords), timePreps: setOf(s.TimePreps), months: setOf(s.Months),
		clauseFollowers: setOf(s.ClauseFollowers), genericSources: setOf(s.GenericSources),
		commonStarts: setOf(s.CommonStarts), joins: setOf(s.NameJoiners),
		demonymEndings: s.DemonymEndings, possessives: s.Possessives,
	}
}

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
