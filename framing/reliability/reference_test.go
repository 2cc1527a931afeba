package reliability

// The measures as they were before their speed work (commit c0d0a13): the
// reference the tests hold Measure to, document by document. Kept as it
// was, names prefixed with ref; do not change it to follow Measure.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// refAt is StateMedia.at as it was.
func refAt(sm *StateMedia, e *lexicon.Encoded, i int) (outlet string, n int) {
	h, ok := sm.names.CategoryAt(e, i)
	if !ok {
		return "", 0
	}
	return sm.outlets[h.ID], h.End - h.First
}

// refMeasure is Measure as it was: every step over every token, the
// state-media names encoded for the whole document (into enc's memory,
// when not nil, as the Measurer kept it), a map of the hits by category
// and new memory for every document.
func refMeasure(w *refWords, sm *StateMedia, enc *lexicon.Encoded, text string, an *analysis.Analysis, hits []Hit, loaded int, self string) Counts {
	d := &refDoc{text: text, toks: an.Tokens, an: an, w: w, sm: sm}
	d.names = sm.names.Encode(d.toks, enc)
	defer d.names.Release()
	d.sentences()
	r := Counts{Documents: 1, Loaded: loaded}
	for _, dr := range an.Dropped {
		if dr.Reason == analysis.ReasonForeignAgent {
			r.ForeignAgent = 1
			break
		}
	}
	byCat := map[string][]Hit{}
	for _, h := range hits {
		if h.Voice.Prose() {
			byCat[h.Category] = append(byCat[h.Category], h)
		}
	}
	r.Hedges = len(byCat[CatHedge])
	r.Boosters = len(byCat[CatBooster])
	r.Superlatives = len(byCat[CatSuperlative])
	r.Distancing = len(byCat[CatDistancing])
	for _, h := range byCat[CatDistancing] {
		words, start := d.span(h)
		r.Targets = append(r.Targets, DistancingTarget{Marker: words, Target: d.phraseAfter(h.End, 3), Start: start})
	}
	d.attributions(&r, byCat[CatAttribution], byCat[CatAnonymous])
	for _, s := range d.sents {
		if s.own {
			r.Sentences++
			if s.attributed {
				r.Attributed++
			}
		}
	}
	d.quotations(&r)
	d.stateMedia(&r, byCat[CatStateLabel], byCat[CatStateModifier], self)
	return r
}

// refDoc is one measurement: a document and what the rules know of it.
type refDoc struct {
	text  string
	toks  []token.Token
	an    *analysis.Analysis
	w     *refWords
	sm    *StateMedia
	names *lexicon.Encoded // the tokens encoded for the state-media names
	sents []refSentence
}

// refSentence is what the rules know of one sentence.
type refSentence struct {
	own, attributed bool
	start, end      int // indexes of its first and last tokens
	// firstName is its first capitalised run, the subject a pronoun
	// refers to, once named says it was looked for (firstName).
	firstName string
	named     bool
}

// sentences notes each sentence's first and last tokens and whether it has
// own words.
func (d *refDoc) sentences() {
	n := 0
	if len(d.toks) > 0 {
		n = int(d.toks[len(d.toks)-1].Sentence) + 1
	}
	d.sents = make([]refSentence, n)
	for i, t := range d.toks {
		st := &d.sents[t.Sentence]
		if i == 0 || d.toks[i-1].Sentence != t.Sentence {
			st.start = i
		}
		st.end = i
		if t.Voice.Prose() {
			st.own = true
		}
	}
}

// firstName is sentence s's first name, "" when there is none or there is
// no sentence s. It is looked for on first need: only the sentences of an
// attribution and the ones before them need it, and looking costs a
// capitalisation test of every word.
func (d *refDoc) firstName(s int) string {
	if s < 0 || s >= len(d.sents) {
		return ""
	}
	st := &d.sents[s]
	if st.named {
		return st.firstName
	}
	st.named = true
	for i := st.start; i <= st.end && int(d.toks[i].Sentence) == s; i++ { // a sentence without tokens has none
		if t := d.toks[i]; t.Voice.Prose() && d.isName(t) {
			if name, _, _ := d.capitalRun(i, +1, i, st.end); name != "" && !d.sentenceInitialOnly(i, name) {
				st.firstName = name
				break
			}
		}
	}
	return st.firstName
}

// span is the words a hit covers, as written, and where they start.
func (d *refDoc) span(h Hit) (words string, start int) {
	start = d.toks[h.First].Start
	return d.text[start:d.toks[h.End-1].End], start
}

// attributions counts the attributions and their sources, in text order,
// remembering the last named source for a pronoun in a later sentence;
// then the anonymous phrases of sentences with no attribution verb.
func (d *refDoc) attributions(r *Counts, verbs, anonymous []Hit) {
	anonymousIn := map[int]bool{}
	for _, h := range anonymous {
		anonymousIn[int(d.toks[h.First].Sentence)] = true
	}
	var last refLastSource
	for _, h := range verbs {
		s := int(d.toks[h.First].Sentence)
		r.Attributions++
		words, start := d.span(h)
		if anonymousIn[s] { // an anonymous-source phrase in the sentence of the attribution
			r.Anonymous++
			d.sents[s].attributed = true
			r.Citations = append(r.Citations, Citation{Start: start, Words: words, Kind: "anonymous"})
			continue
		}
		source, kind := d.resolve(h, s, &last)
		if kind == "noun" {
			// "the claims", "the reports": a noun, not an attribution.
			r.Attributions--
			continue
		}
		d.sents[s].attributed = true
		r.Citations = append(r.Citations, Citation{Start: start, Words: words, Kind: kind, Source: source})
		if kind != "named" {
			r.Unspecified++
			continue
		}
		r.Named++
		if r.Sources == nil {
			r.Sources = map[string]int{}
		}
		r.Sources[source]++
		last.named, last.sentence = source, s
		if d.sm.isName[source] {
			last.outlet = source
		}
	}
	// "It is reported", "sources familiar with the matter": an anonymous
	// attribution with no attribution verb of its own in the sentence.
	for _, h := range anonymous {
		s := int(d.toks[h.First].Sentence)
		if d.sents[s].attributed {
			continue
		}
		d.sents[s].attributed = true
		r.Attributions++
		r.Anonymous++
		words, start := d.span(h)
		r.Citations = append(r.Citations, Citation{Start: start, Words: words, Kind: "anonymous"})
	}
}

// refLastSource is the named source of the last attribution, and the last
// outlet named as one: what a pronoun or "the agency" refers back to.
type refLastSource struct {
	named    string
	sentence int
	outlet   string
}

// resolve finds the source of the attribution h in sentence s: "named" with
// the name, "unspecified" with the description or "", or "noun" when h is
// no attribution.
func (d *refDoc) resolve(h Hit, s int, last *refLastSource) (source, kind string) {
	source, kind = d.attributionSource(h)
	switch kind {
	case "noun":
		return source, kind
	case "person":
		// "he said", "the spokesman added": the person quoted last, else
		// the nearest person's name before, in this sentence or the two
		// before it.
		if last.named != "" && last.sentence >= s-2 && strings.Contains(last.named, " ") && !d.sm.isName[last.named] {
			source, kind = last.named, "named"
		} else {
			source, kind = d.lastPerson(h.First), "named"
		}
	case "reference":
		// "the agency said": the outlet named last; "the ministry
		// said": the source named last.
		if d.w.outletHeads[source] && last.outlet != "" {
			source, kind = last.outlet, "named"
		} else {
			source, kind = "", "pronoun"
		}
	}
	if kind == "pronoun" {
		switch {
		case last.named != "" && last.sentence >= s-2:
			source, kind = last.named, "named"
		case d.firstName(s-1) != "":
			source, kind = d.firstName(s-1), "named"
		}
	}
	if source == "" || kind != "named" {
		kind = "unspecified"
	}
	return source, kind
}

// quotations counts the direct quotations outside dropped lines, and the
// scare quotes among them: one to four words in a sentence with no
// attribution.
func (d *refDoc) quotations(r *Counts) {
	toks, dropped := d.toks, d.an.Dropped
	// Quotes and dropped lines are both in text order: one merge, not a
	// scan of every dropped line per quotation.
	k := 0
	for _, q := range d.an.Quotes {
		for k < len(dropped) && dropped[k].End <= q.Start {
			k++
		}
		if k < len(dropped) && dropped[k].Start <= q.Start {
			continue // on a dropped line
		}
		r.Quotations++
		// The quotation's tokens: a binary search, not a scan, so a long
		// article with many quotations stays linear.
		first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Start })
		n := 0
		for i := first; i < len(toks) && toks[i].End <= q.End; i++ {
			n++
		}
		if n >= 1 && n <= 4 && !d.sents[toks[first].Sentence].attributed {
			r.ScareQuotes++
			r.Targets = append(r.Targets, DistancingTarget{Marker: "scare quotes", Target: d.text[q.Start:q.End], Start: q.Start})
		}
	}
}

// stateMedia counts the own-voice mentions of state media, labelled when a
// label stands next to the name or in apposition just after it.
func (d *refDoc) stateMedia(r *Counts, labels, modifiers []Hit, self string) {
	toks := d.toks
	lastOutlet, lastEnd, lastLabelled := "", 0, false
	for i := 0; i < len(toks); i++ {
		if !toks[i].Voice.Prose() {
			continue
		}
		outlet, n := refAt(d.sm, d.names, i)
		switch {
		case n == 0:
			continue
		case strings.EqualFold(outlet, self):
			// An outlet naming itself (TASS's dateline "/TASS/") cites no one.
			i += n - 1
			continue
		case outlet == lastOutlet && i-lastEnd <= 1 && toks[i].Sentence == toks[lastEnd].Sentence:
			// "Korean Central News Agency (KCNA)": one citation, two names;
			// labelled if either is.
			if refLabelledNear(labels, modifiers, toks, i, i+n) && !lastLabelled {
				r.StateMediaLabelled++
				lastLabelled = true
			}
			lastEnd = i + n - 1
			i += n - 1
			continue
		}
		r.StateMediaCited++
		lastLabelled = refLabelledNear(labels, modifiers, toks, i, i+n)
		if lastLabelled {
			r.StateMediaLabelled++
		}
		lastOutlet, lastEnd = outlet, i+n-1
		i += n - 1
	}
}

// refLabelledNear reports whether a state-media label ends at most three
// tokens before the mention [first, end) or starts at most four after it,
// in its sentence ("state media KCNA", "KCNA, the state news agency"), or a
// modifier ("state", "official") stands right before it or inside it
// ("state KCNA news agency", "the official Korean Central News Agency").
func refLabelledNear(labels, modifiers []Hit, toks []token.Token, first, end int) bool {
	s := toks[first].Sentence
	// The hits of a category are in text order and do not overlap: only
	// those that end from three tokens before the mention on can count.
	for _, h := range refHitsFrom(labels, first-3) {
		if h.First > end+4 {
			break
		}
		if toks[h.First].Sentence != s {
			continue
		}
		if (h.End <= first && first-h.End <= 3) || (h.First >= end && h.First-end <= 4) {
			return true
		}
	}
	for _, h := range refHitsFrom(modifiers, first-1) {
		if h.End > first {
			break
		}
		if toks[h.First].Sentence == s && first-h.End <= 1 {
			return true
		}
	}
	return false
}

// refHitsFrom is the hits, in text order and without overlap, from the first
// that ends at token end or after it.
func refHitsFrom(hits []Hit, end int) []Hit {
	return hits[sort.Search(len(hits), func(k int) bool { return hits[k].End >= end }):]
}

// phraseAfter is up to n words after token i, in the sentence: what a
// distancing word qualifies ("so-called [special military operation]").
func (d *refDoc) phraseAfter(i, n int) string {
	toks := d.toks
	if i >= len(toks) || (i > 0 && toks[i].Sentence != toks[i-1].Sentence) {
		return ""
	}
	hi := i
	for j := i; j < len(toks) && j < i+n && toks[j].Sentence == toks[i].Sentence; j++ {
		hi = j
	}
	return d.text[toks[i].Start:toks[hi].End]
}

// attributionSource finds who an attribution attributes to: after
// "according to"; else the noun phrase before the verb ("KCNA said", "state
// KCNA news agency said", "Prigozhin later confirmed"); else, when a comma
// or a quotation stands before the verb, the words after it ("said Peskov",
// "reported the Korean Central News Agency") or the sentence's subject
// ("Leif-Eric Easley, a professor in Seoul, said"). kind is "named",
// "person" (he, she, "the spokesman"), "pronoun" (it, they: the source
// named last), "reference" ("the agency"), "noun" (not an attribution:
// "the claims") or "unspecified".
func (d *refDoc) attributionSource(h Hit) (source, kind string) {
	toks, w := d.toks, d.w
	if w.according[toks[h.First].Norm] {
		return d.phraseSource(h.End, +1)
	}
	sent := toks[h.First].Sentence
	i := h.First - 1
	if i >= 0 && toks[i].Sentence == sent && w.determiners[toks[i].Norm] {
		return "", "noun"
	}
	// Skip the adverbs and auxiliaries between a subject and its verb, and
	// a time ("on Sunday").
	for i >= 0 && toks[i].Sentence == sent && toks[i].Voice.Prose() && !d.breakBefore(i+1) {
		switch {
		case w.verbSkips[toks[i].Norm]:
			i--
			continue
		case w.timeWords[toks[i].Norm]:
			i--
			if i >= 0 && w.timePreps[toks[i].Norm] {
				i--
			}
			continue
		}
		break
	}
	inverted := i < 0 || toks[i].Sentence != sent || !toks[i].Voice.Prose() || d.breakBefore(i+1) ||
		w.conjunctions[toks[i].Norm] // "..., and noted": the sentence's subject
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
func (d *refDoc) endsClause(i int) bool {
	toks := d.toks
	if i+1 >= len(toks) || toks[i+1].Sentence != toks[i].Sentence || d.breakBefore(i+1) {
		return true
	}
	return d.w.clauseFollowers[toks[i+1].Norm] || d.w.timeWords[toks[i+1].Norm]
}

// breakBefore reports punctuation that parts token i from the one before
// it: a comma, colon, semicolon, opening bracket, dash or quotation mark
// ends a noun phrase. A closing bracket does not: "the Korean Central News
// Agency (KCNA) said".
func (d *refDoc) breakBefore(i int) bool {
	if i <= 0 || i >= len(d.toks) {
		return true
	}
	return strings.ContainsAny(d.text[d.toks[i-1].End:d.toks[i].Start], ",;:([—–\"“”«»")
}

// phraseSource reads the noun phrase at token i in direction dir (-1: back
// from the verb to a determiner or punctuation; +1: on from "according
// to"), within the sentence and the own voice, at most six words. It is
// named when it holds a state outlet's alias or an acronym, or ends at the
// verb (starts after "according to") in a capitalised name, or is an
// organisation ("Russia's foreign ministry"); a pronoun, or a determiner and
// an organisation noun ("the agency"), refers back.
func (d *refDoc) phraseSource(i, dir int) (source, kind string) {
	source, kind, _ = d.phraseSourceEnd(i, dir)
	return source, kind
}

// phraseSourceEnd is phraseSource that also returns the index of the last
// token of the source it names.
func (d *refDoc) phraseSourceEnd(i, dir int) (source, kind string, end int) {
	toks, w := d.toks, d.w
	if i < 0 || i >= len(toks) || !toks[i].Voice.Prose() {
		return "", "unspecified", i
	}
	if dir < 0 && w.pronouns[toks[i].Norm] {
		if w.personPronouns[toks[i].Norm] {
			return "", "person", i
		}
		return "", "pronoun", i
	}
	lo, hi, det := d.phrase(i, dir)
	if lo > hi || hi >= len(toks) {
		return "", "unspecified", i
	}
	for j := lo; j <= hi; j++ {
		if outlet, n := refAt(d.sm, d.names, j); n > 0 && j+n-1 <= hi {
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
	if w.orgHeads[toks[hi].Norm] {
		// "Russia's foreign ministry said": an organisation, named by its
		// country or its own name.
		for j := lo; j < hi; j++ {
			if refIsCapitalised(toks[j].Form) && !d.sentenceInitialOnly(j, toks[j].Form) {
				return d.text[toks[j].Start:toks[hi].End], "named", hi
			}
		}
		if det {
			if w.personHeads[toks[hi].Norm] {
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
func (d *refDoc) phrase(i, dir int) (lo, hi int, det bool) {
	toks, w := d.toks, d.w
	s := toks[i].Sentence
	lo, hi = i, i
	for k, j := 0, i; k < 6 && j >= 0 && j < len(toks) && toks[j].Sentence == s && toks[j].Voice.Prose(); k, j = k+1, j+dir {
		if j != i && ((dir < 0 && d.breakBefore(j+1)) || (dir > 0 && d.breakBefore(j))) {
			break
		}
		if w.determiners[toks[j].Norm] || w.conjunctions[toks[j].Norm] {
			if dir > 0 && j == i && w.determiners[toks[j].Norm] {
				lo, hi = j+1, j+1 // "according to the ..."
				continue
			}
			det = dir < 0 && w.determiners[toks[j].Norm]
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
func (d *refDoc) lastPerson(end int) string {
	toks := d.toks
	s := toks[end].Sentence
	for j := end - 1; j >= 0 && j >= end-refMaxLookBack && toks[j].Sentence >= s-2; j-- {
		if !toks[j].Voice.Prose() || !d.isName(toks[j]) {
			continue
		}
		name, a, b := d.capitalRun(j, -1, d.sentenceStart(j), j)
		modifier := b+1 < len(toks) && toks[b+1].Sentence == toks[b].Sentence && !refIsCapitalised(toks[b+1].Form) && d.w.demonym(toks[b].Norm)
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

// refMaxLookBack bounds how far back lastPerson looks for a name, in words:
// three sentences of news are well within it, and a bound keeps a text of
// one endless sentence linear.
const refMaxLookBack = 200

// sentenceStart is the index of the first token of token i's sentence: a
// binary search (tokens are in sentence order), since the rules ask it of
// many tokens of one sentence and a walk back made a long sentence
// quadratic.
func (d *refDoc) sentenceStart(i int) int {
	s := d.toks[i].Sentence
	return sort.Search(i, func(k int) bool { return d.toks[k].Sentence >= s })
}

// capitalRun is the run of capitalised own-voice words through token i,
// growing away from the verb (dir), within [lo, hi], as written, with the
// tokens it spans; "" when token i is not capitalised or is a time word.
// A joining word ("of", "for") may join two capitalised words ("Ministry
// of Defence").
func (d *refDoc) capitalRun(i, dir, lo, hi int) (name string, first, last int) {
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
		if w.joins[toks[j].Form] && j+dir >= lo && j+dir <= hi && d.isName(toks[j+dir]) {
			continue
		}
		break
	}
	// "The North Korean ...": a sentence's first word is capitalised for
	// its place, not as a name.
	for a < b && a == d.sentenceStart(a) && (w.determiners[toks[a].Norm] || w.pronouns[toks[a].Norm] || w.commonStarts[toks[a].Norm]) {
		a++
	}
	return w.trimPossessive(d.text[toks[a].Start:toks[b].End]), a, b
}

// possessive reports token i written with a possessive ending.
func (d *refDoc) possessive(i int) bool {
	t := d.toks[i]
	return d.w.possessive(d.text[t.Start:t.End])
}

// isName reports a capitalised word that is not a day or a month.
func (d *refDoc) isName(t token.Token) bool {
	return refIsCapitalised(t.Form) && !d.w.timeWords[t.Norm] && !d.w.months[t.Norm]
}

// sentenceInitialOnly reports a run that is one ordinary word capitalised
// only because it starts the sentence ("The", "It", "Officials").
func (d *refDoc) sentenceInitialOnly(i int, name string) bool {
	w, norm := d.w, d.toks[i].Norm
	return !strings.Contains(name, " ") && (w.genericSources[norm] ||
		i == d.sentenceStart(i) && (w.determiners[norm] || w.pronouns[norm] || w.commonStarts[norm]))
}

func refIsCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// words are a language pack's sourcing words as sets, for the rules.
type refWords struct {
	according, personHeads, outletHeads, orgHeads        refSet
	personPronouns, pronouns, determiners, conjunctions  refSet
	verbSkips, timeWords, timePreps, months              refSet
	clauseFollowers, genericSources, commonStarts, joins refSet
	demonymEndings, possessives                          []string
}

// refSet is a word list for lookups.
type refSet map[string]bool

func refSetOf(list []string) refSet {
	s := refSet{}
	for _, w := range list {
		s[w] = true
	}
	return s
}

func newRefWords(p *lang.Pack) *refWords {
	s := p.Sourcing
	return &refWords{
		according: refSetOf(s.According), personHeads: refSetOf(s.PersonHeads), outletHeads: refSetOf(s.OutletHeads),
		orgHeads: refSetOf(s.OrgHeads), personPronouns: refSetOf(s.PersonPronouns), pronouns: refSetOf(s.Pronouns),
		determiners: refSetOf(s.Determiners), conjunctions: refSetOf(s.Conjunctions), verbSkips: refSetOf(s.VerbSkips),
		timeWords: refSetOf(s.TimeWords), timePreps: refSetOf(s.TimePreps), months: refSetOf(s.Months),
		clauseFollowers: refSetOf(s.ClauseFollowers), genericSources: refSetOf(s.GenericSources),
		commonStarts: refSetOf(s.CommonStarts), joins: refSetOf(s.NameJoiners),
		demonymEndings: s.DemonymEndings, possessives: s.Possessives,
	}
}

// demonym reports a word that looks like a nationality adjective
// ("Korean", "Turkish", "Chinese"): before a common noun, a modifier.
func (w *refWords) demonym(norm string) bool {
	for _, suf := range w.demonymEndings {
		if strings.HasSuffix(norm, suf) {
			return true
		}
	}
	return false
}

// trimPossessive cuts a possessive ending from a name ("North Korea's"
// names North Korea).
func (w *refWords) trimPossessive(name string) string {
	for _, p := range w.possessives {
		name = strings.TrimSuffix(name, p)
	}
	return name
}

// possessive reports a word written with a possessive ending.
func (w *refWords) possessive(written string) bool {
	for _, p := range w.possessives {
		if strings.HasSuffix(written, p) {
			return true
		}
	}
	return false
}
