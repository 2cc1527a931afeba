package reliability

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/token"
)

// attributionSource finds who an attribution attributes to: after
// "according to"; else the noun phrase before the verb ("KCNA said", "state
// KCNA news agency said", "Prigozhin later confirmed"); else, when a comma
// or a quotation stands before the verb, the words after it ("said Peskov",
// "reported the Korean Central News Agency") or the sentence's subject
// ("Leif-Eric Easley, a professor in Seoul, said"). kind is "named",
// "person" (he, she, "the spokesman"), "pronoun" (it, they: the source
// named last), "reference" ("the agency"), "noun" (not an attribution:
// "the claims") or "unspecified".
func (d *doc) attributionSource(h Hit) (source, kind string) {
	toks, w := d.toks, d.w
	if w.is(toks[h.First].Norm, according) {
		return d.phraseSource(h.End, +1)
	}
	sent := toks[h.First].Sentence
	i := h.First - 1
	if i >= 0 && toks[i].Sentence == sent && w.is(toks[i].Norm, determiner) {
		return "", "noun"
	}
	// Skip the adverbs and auxiliaries between a subject and its verb, and
	// a time ("on Sunday").
	for i >= 0 && toks[i].Sentence == sent && toks[i].Voice.Prose() && !d.breakBefore(i+1) {
		switch k := w.kind(toks[i].Norm); {
		case k&verbSkip != 0:
			i--
			continue
		case k&timeWord != 0:
			i--
			if i >= 0 && w.is(toks[i].Norm, timePrep) {
				i--
			}
			continue
		}
		break
	}
	inverted := i < 0 || toks[i].Sentence != sent || !toks[i].Voice.Prose() || d.breakBefore(i+1) ||
		w.is(toks[i].Norm, conjunction) // "..., and noted": the sentence's subject
	if !inverted {
		return d.phraseSource(i, -1)
	}
	// After the verb, a name is the source only when it ends the clause
	// ("said Peskov.", "reported the Korean Central News Agency (KCNA)
	// after ..."); "said Russian President Vladimir Putin's invasion ..." is
	// what was said, and the source is the sentence's subject.
	if s, k, end := d.phraseSourceEnd(h.End, +1); k == "named" && d.endsClause(end) {
		return s, k
	}
	// The sentence's subject, looked for only here: most attributions
	// have their source before the verb.
	if subject := d.firstName(int(sent)); subject != "" {
		return subject, "named"
	}
	return "", "unspecified"
}

// endsClause reports whether token i ends a clause: the sentence ends, or
// punctuation or a time or place phrase follows.
func (d *doc) endsClause(i int) bool {
	toks := d.toks
	if i+1 >= len(toks) || toks[i+1].Sentence != toks[i].Sentence || d.breakBefore(i+1) {
		return true
	}
	return d.w.is(toks[i+1].Norm, clauseFollower|timeWord)
}

// breakBefore reports punctuation that parts token i from the one before
// it: a comma, colon, semicolon, opening bracket, dash or quotation mark
// ends a noun phrase. A closing bracket does not: "the Korean Central News
// Agency (KCNA) said".
func (d *doc) breakBefore(i int) bool {
	if i <= 0 || i >= len(d.toks) {
		return true
	}
	return breaks(d.text[d.toks[i-1].End:d.toks[i].Start])
}

// breakMarks are the marks breakBefore reads between two words.
const breakMarks = ",;:([—–\"“”«»"

// breaks reports whether the text between two words holds one of
// breakMarks. Most such gaps are a space: their ASCII bytes are tested one
// by one, and only a gap with another character is searched for the rest.
func breaks(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; {
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(gap[i:], breakMarks)
		case c == ',' || c == ';' || c == ':' || c == '(' || c == '[' || c == '"':
			return true
		}
	}
	return false
}

// phraseSource reads the noun phrase at token i in direction dir (-1: back
// from the verb to a determiner or punctuation; +1: on from "according
// to"), within the sentence and the own voice, at most six words. It is
// named when it holds a state outlet's alias or an acronym, or ends at the
// verb (starts after "according to") in a capitalised name, or is an
// organisation ("Russia's foreign ministry"); a pronoun, or a determiner and
// an organisation noun ("the agency"), refers back.
func (d *doc) phraseSource(i, dir int) (source, kind string) {
	source, kind, _ = d.phraseSourceEnd(i, dir)
	return source, kind
}

// phraseSourceEnd is phraseSource that also returns the index of the last
// token of the source it names.
func (d *doc) phraseSourceEnd(i, dir int) (source, kind string, end int) {
	toks, w := d.toks, d.w
	if i < 0 || i >= len(toks) || !toks[i].Voice.Prose() {
		return "", "unspecified", i
	}
	if dir < 0 {
		if k := w.kind(toks[i].Norm); k&pronoun != 0 {
			if k&personPronoun != 0 {
				return "", "person", i
			}
			return "", "pronoun", i
		}
	}
	lo, hi, det := d.phrase(i, dir)
	if lo > hi || hi >= len(toks) {
		return "", "unspecified", i
	}
	for j := lo; j <= hi; j++ {
		if outlet, n := d.nameAt(j); n > 0 && j+n-1 <= hi {
			return outlet, "named", j + n - 1
		}
	}
	for j := lo; j <= hi; j++ {
		if token.IsAllCaps(toks[j].Form) {
			return toks[j].Form, "named", j
		}
	}
	// The capitalised name at the phrase's near end: "Kremlin spokesman
	// Dmitry Peskov said", "according to Kim Yo Jong".
	edge := hi
	if dir > 0 {
		edge = lo
	}
	if name, a, b := d.capitalRun(edge, dir, lo, hi); name != "" && !d.sentenceInitialOnly(edge, name) {
		if dir > 0 {
			return name, "named", b
		}
		return name, "named", a
	}
	if head := w.kind(toks[hi].Norm); head&orgHead != 0 {
		// "Russia's foreign ministry said": an organisation, named by its
		// country or its own name.
		for j := lo; j < hi; j++ {
			if isCapitalised(toks[j].Form) && !d.sentenceInitialOnly(j, toks[j].Form) {
				return d.text[toks[j].Start:toks[hi].End], "named", hi
			}
		}
		if det {
			if head&personHead != 0 {
				return "", "person", hi // "the spokesman added"
			}
			return toks[hi].Norm, "reference", hi // "the agency said": the source named before
		}
	}
	return d.text[toks[lo].Start:toks[hi].End], "unspecified", hi
}

// phrase is the noun phrase at token i in direction dir, tokens [lo, hi]:
// at most six own-voice words of the sentence, up to punctuation, a
// determiner or a conjunction; det says a determiner stopped it on the way
// back ("the agency").
func (d *doc) phrase(i, dir int) (lo, hi int, det bool) {
	toks, w := d.toks, d.w
	s := toks[i].Sentence
	lo, hi = i, i
	for k, j := 0, i; k < 6 && j >= 0 && j < len(toks) && toks[j].Sentence == s && toks[j].Voice.Prose(); k, j = k+1, j+dir {
		if j != i && ((dir < 0 && d.breakBefore(j+1)) || (dir > 0 && d.breakBefore(j))) {
			break
		}
		if k := w.kind(toks[j].Norm); k&(determiner|conjunction) != 0 {
			if dir > 0 && j == i && k&determiner != 0 {
				lo, hi = j+1, j+1 // "according to the ..."
				continue
			}
			det = dir < 0 && k&determiner != 0
			break
		}
		if dir < 0 {
			lo = j
		} else {
			hi = j
		}
	}
	return lo, hi, det
}

// lastPerson is the nearest name of a person before token end, in its
// sentence or the two before: a run of at least two capitalised words
// ("Dmitry Peskov", "Deputy Foreign Minister Im Chung Il") that is not a
// modifier of a common noun ("North Korean diplomat"); "" when there is
// none.
func (d *doc) lastPerson(end int) string {
	toks := d.toks
	s := toks[end].Sentence
	for j := end - 1; j >= 0 && j >= end-maxLookBack && toks[j].Sentence >= s-2; j-- {
		if !toks[j].Voice.Prose() || !d.isName(toks[j]) {
			continue
		}
		name, a, b := d.capitalRun(j, -1, d.sentenceStart(j), j)
		modifier := b+1 < len(toks) && toks[b+1].Sentence == toks[b].Sentence && !isCapitalised(toks[b+1].Form) && d.w.demonym(toks[b].Norm)
		acronym := false // "PMC Wagner": an organisation, not a person
		for k := a; k <= b; k++ {
			acronym = acronym || token.IsAllCaps(toks[k].Form)
		}
		if b-a+1 >= 2 && !modifier && !acronym {
			return name
		}
		j = a // the run's words are taken
	}
	return ""
}

// maxLookBack bounds how far back lastPerson looks for a name, in words:
// three sentences of news are well within it, and a bound keeps a text of
// one endless sentence linear.
const maxLookBack = 200

// sentenceStart is the index of the first token of token i's sentence,
// as sentences noted it: the rules ask it of many tokens of one sentence,
// and a walk back made a long sentence quadratic.
func (d *doc) sentenceStart(i int) int {
	return d.sents[d.toks[i].Sentence].start
}

// capitalRun is the run of capitalised own-voice words through token i,
// growing away from the verb (dir), within [lo, hi], as written, with the
// tokens it spans; "" when token i is not capitalised or is a time word.
// A joining word ("of", "for") may join two capitalised words ("Ministry
// of Defence").
func (d *doc) capitalRun(i, dir, lo, hi int) (name string, first, last int) {
	toks, w := d.toks, d.w
	if i < lo || i > hi || !d.isName(toks[i]) || !toks[i].Voice.Prose() {
		return "", i, i
	}
	a, b := i, i
	for j := i + dir; j >= lo && j <= hi; j += dir {
		// "Prigozhin's Telegram": an owner and what he owns are two names.
		if (dir > 0 && d.possessive(j-1)) || (dir < 0 && d.possessive(j)) {
			break
		}
		if d.isName(toks[j]) {
			a, b = min(a, j), max(b, j)
			continue
		}
		if w.is(toks[j].Form, nameJoiner) && j+dir >= lo && j+dir <= hi && d.isName(toks[j+dir]) {
			continue
		}
		break
	}
	// "The North Korean ...": a sentence's first word is capitalised for
	// its place, not as a name.
	for a < b && a == d.sentenceStart(a) && w.is(toks[a].Norm, determiner|pronoun|commonStart) {
		a++
	}
	return w.trimPossessive(d.text[toks[a].Start:toks[b].End]), a, b
}

// possessive reports token i written with a possessive ending.
func (d *doc) possessive(i int) bool {
	t := d.toks[i]
	return d.w.possessive(d.text[t.Start:t.End])
}

// isName reports a capitalised word that is not a day or a month.
func (d *doc) isName(t token.Token) bool {
	return isCapitalised(t.Form) && !d.w.is(t.Norm, timeWord|month)
}

// sentenceInitialOnly reports a run that is one ordinary word capitalised
// only because it starts the sentence ("The", "It", "Officials").
func (d *doc) sentenceInitialOnly(i int, name string) bool {
	if strings.Contains(name, " ") {
		return false
	}
	k := d.w.kind(d.toks[i].Norm)
	return k&genericSource != 0 || i == d.sentenceStart(i) && k&(determiner|pronoun|commonStart) != 0
}

// isCapitalised reports a word whose first letter is upper case.
func isCapitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z' // unicode.IsUpper, for ASCII
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
