package framing

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
)

// The lexicon categories the reliability indicators read, by id. A lexicon
// without one of them cannot measure its indicators: they are n/a, with the
// reason (see MissingIndicators).
const (
	CatAttribution   = "attribution"
	CatAnonymous     = "anonymous_source"
	CatHedge         = "hedge"
	CatDistancing    = "distancing"
	CatBooster       = "booster"
	CatSuperlative   = "superlative"
	CatStateLabel    = "state_media_label"
	CatStateModifier = "state_media_modifier"
)

// Reliability is how a document sources what it says, as counts: every
// field but Targets and Citations is a sum, so a group's is the sum of its
// documents'. The indicators (rates and shares) are made from these by Indicators.
type Reliability struct {
	// Sentences are the sentences with own-voice words; Attributed those
	// of them with an own-voice attribution ("said", "according to").
	Sentences  int `json:"sentences"`
	Attributed int `json:"attributed"`
	// Quotations are the direct quotations outside boilerplate.
	Quotations int `json:"quotations"`
	// Attributions are own-voice attribution phrases, by their source:
	// a named person or organisation (a pronoun resolved to one counts as
	// named), an anonymous one ("sources said", "it is reported"), or a
	// description that names no one ("officials said", "state media
	// reported").
	Attributions int `json:"attributions"`
	Named        int `json:"named"`
	Anonymous    int `json:"anonymous"`
	Unspecified  int `json:"unspecified"`
	// Sources counts named attributions by source.
	Sources map[string]int `json:"sources"`
	// StateMediaCited counts own-voice mentions of an outlet listed as
	// state media; StateMediaLabelled those of them labelled as such
	// ("state media", "the official Korean Central News Agency").
	StateMediaCited    int `json:"state_media_cited"`
	StateMediaLabelled int `json:"state_media_labelled"`
	// Distancing counts own-voice distancing words ("so-called",
	// "alleged"); ScareQuotes short quotations (1 to 4 words) in a sentence
	// with no attribution: a phrase held at arm's length, not a quote.
	Distancing  int `json:"distancing"`
	ScareQuotes int `json:"scare_quotes"`
	// Hedges, Boosters and Superlatives are own-voice hits of those
	// categories; Loaded own-voice hits of labels on the axis' poles.
	Hedges       int `json:"hedges"`
	Boosters     int `json:"boosters"`
	Superlatives int `json:"superlatives"`
	Loaded       int `json:"loaded"`
	// Targets are what the document distances itself from, where that can
	// be seen, and Citations every attribution with the source found for
	// it: the evidence behind the counts, per document only.
	Targets   []DistancingTarget `json:"distancing_targets,omitempty"`
	Citations []Citation         `json:"citations,omitempty"`
}

// Citation is one own-voice attribution and the source it was read as.
type Citation struct {
	Start  int    `json:"start"`  // byte offset of the attribution words
	Words  string `json:"words"`  // "said", "according to"
	Kind   string `json:"kind"`   // "named", "anonymous" or "unspecified"
	Source string `json:"source"` // the name, or the description, or ""
}

// DistancingTarget is one distancing marker and what it is applied to.
type DistancingTarget struct {
	Marker string `json:"marker"` // "so-called", "alleged", or the scare quote
	Target string `json:"target"` // the words it qualifies, or the source of the claim
	Start  int    `json:"start"`  // byte offset of the marker
}

// Add adds o's counts to r (not its targets and citations).
func (r *Reliability) Add(o Reliability) {
	r.Sentences += o.Sentences
	r.Attributed += o.Attributed
	r.Quotations += o.Quotations
	r.Attributions += o.Attributions
	r.Named += o.Named
	r.Anonymous += o.Anonymous
	r.Unspecified += o.Unspecified
	if len(o.Sources) > 0 && r.Sources == nil {
		r.Sources = map[string]int{}
	}
	for k, n := range o.Sources {
		addCount(r.Sources, k, n) // a name cut from a document must not keep the document alive
	}
	r.StateMediaCited += o.StateMediaCited
	r.StateMediaLabelled += o.StateMediaLabelled
	r.Distancing += o.Distancing
	r.ScareQuotes += o.ScareQuotes
	r.Hedges += o.Hedges
	r.Boosters += o.Boosters
	r.Superlatives += o.Superlatives
	r.Loaded += o.Loaded
}

// StateMedia finds mentions of state-media outlets in tokens.
type StateMedia struct {
	names []aliasPattern
	// byFirst indexes the aliases by their first word, so that a token
	// that starts none (nearly all) costs one map lookup.
	byFirst map[string][]int
}

type aliasPattern struct {
	outlet string
	words  []string // Norm, or Form for an all-capitals alias
	caps   []bool
}

// NewStateMedia compiles the aliases of the outlets marked state media.
func NewStateMedia(outlets *corpus.Outlets) *StateMedia {
	sm := &StateMedia{byFirst: map[string][]int{}}
	if outlets == nil {
		return sm
	}
	tk := lexicon.NewTokenizer()
	for _, o := range outlets.StateMedia() {
		for _, a := range o.Aliases {
			p := aliasPattern{outlet: o.Name}
			for _, t := range tk.Tokenize(a) {
				caps := isAllCaps(t.Form)
				p.caps = append(p.caps, caps)
				if caps {
					p.words = append(p.words, t.Form)
				} else {
					p.words = append(p.words, t.Norm)
				}
			}
			if len(p.words) > 0 {
				sm.byFirst[p.words[0]] = append(sm.byFirst[p.words[0]], len(sm.names))
				sm.names = append(sm.names, p)
			}
		}
	}
	return sm
}

// at returns the state outlet an alias names at toks[i:], and the tokens it
// covers; the longest alias wins.
func (sm *StateMedia) at(toks []lexicon.Token, i int) (outlet string, n int) {
	cands := sm.byFirst[toks[i].Norm]
	if toks[i].Form != toks[i].Norm {
		cands = append(cands[:len(cands):len(cands)], sm.byFirst[toks[i].Form]...)
	}
	for _, k := range cands {
		p := sm.names[k]
		if len(p.words) <= n || i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p.words {
			t := toks[i+k]
			got := t.Norm
			if p.caps[k] {
				got = t.Form
			}
			if got != w || t.Sentence != toks[i].Sentence {
				ok = false
				break
			}
		}
		if ok {
			outlet, n = p.outlet, len(p.words)
		}
	}
	return outlet, n
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// catHit is a category hit's place: tokens [first, end).
type catHit struct {
	cat        string
	first, end int
	voice      Voice
}

// span is the bytes of text the hit covers, as written, and where they start.
func (h catHit) span(text string, toks []lexicon.Token) (words string, start int) {
	start = toks[h.first].Start
	return text[start:toks[h.end-1].End], start
}

// reliability measures a document's sourcing from its analysis and its
// category hits.
func reliability(text string, an *Analysis, hits []catHit, sm *StateMedia, loaded int, self string) Reliability {
	r := Reliability{Loaded: loaded}
	toks := an.Tokens
	// Per sentence: has own words, has an own attribution.
	type sentence struct {
		own, attributed bool
		end             int    // index of its last token
		firstName       string // its first capitalised run: the subject a pronoun refers to
	}
	nsent := 0
	if len(toks) > 0 {
		nsent = toks[len(toks)-1].Sentence + 1
	}
	sents := make([]sentence, nsent)
	for i, t := range toks {
		sents[t.Sentence].end = i
	}
	sent := func(i int) *sentence { return &sents[i] }
	for i, t := range toks {
		if an.Voices[i] == Own {
			sent(t.Sentence).own = true
		}
	}
	byCat := map[string][]catHit{}
	for _, h := range hits {
		if h.voice == Own {
			byCat[h.cat] = append(byCat[h.cat], h)
		}
	}
	r.Hedges = len(byCat[CatHedge])
	r.Boosters = len(byCat[CatBooster])
	r.Superlatives = len(byCat[CatSuperlative])
	r.Distancing = len(byCat[CatDistancing])
	for _, h := range byCat[CatDistancing] {
		words, start := h.span(text, toks)
		r.Targets = append(r.Targets, DistancingTarget{Marker: words, Target: phraseAfter(text, an, h.end, 3), Start: start})
	}

	// Attributions and their sources, in text order, remembering the last
	// named source for a pronoun in a later sentence.
	anonymous := byCat[CatAnonymous]
	lastNamed, lastNamedSentence, lastOutlet := "", -1, ""
	for i := range toks {
		st := &sents[toks[i].Sentence]
		if st.firstName == "" && an.Voices[i] == Own && isName(toks[i]) {
			if name, _, _ := capitalRun(text, toks, an, i, +1, i, st.end); name != "" && !sentenceInitialOnly(toks, i, name) {
				st.firstName = name
			}
		}
	}
	firstName := func(s int) string {
		if s < 0 || s >= len(sents) {
			return ""
		}
		return sents[s].firstName
	}
	for _, h := range byCat[CatAttribution] {
		s := toks[h.first].Sentence
		r.Attributions++
		words, start := h.span(text, toks)
		if overlapsAny(h, anonymous, toks) {
			r.Anonymous++
			sent(s).attributed = true
			r.Citations = append(r.Citations, Citation{Start: start, Words: words, Kind: "anonymous"})
			continue
		}
		source, kind := attributionSource(text, toks, an, h, sm, firstName(s))
		if kind == "noun" {
			// "the claims", "the reports": a noun, not an attribution.
			r.Attributions--
			continue
		}
		switch kind {
		case "person":
			// "he said", "the spokesman added": the person quoted last, else
			// the nearest person's name before, in this sentence or the two
			// before it.
			if lastNamed != "" && lastNamedSentence >= s-2 && strings.Contains(lastNamed, " ") && !sm.isOutlet(lastNamed) {
				source, kind = lastNamed, "named"
			} else {
				source, kind = lastPerson(text, toks, an, h.first), "named"
			}
		case "reference":
			// "the agency said": the outlet named last; "the ministry
			// said": the source named last.
			if outletHeads[source] && lastOutlet != "" {
				source, kind = lastOutlet, "named"
			} else {
				source, kind = "", "pronoun"
			}
		}
		if kind == "pronoun" {
			switch {
			case lastNamed != "" && lastNamedSentence >= s-2:
				source, kind = lastNamed, "named"
			case firstName(s-1) != "":
				source, kind = firstName(s-1), "named"
			}
		}
		if source == "" {
			kind = "unspecified"
		}
		sent(s).attributed = true
		if kind != "named" {
			kind = "unspecified"
		}
		r.Citations = append(r.Citations, Citation{Start: start, Words: words, Kind: kind, Source: source})
		switch kind {
		case "named":
			r.Named++
			if r.Sources == nil {
				r.Sources = map[string]int{}
			}
			r.Sources[source]++
			lastNamed, lastNamedSentence = source, s
			if sm.isOutlet(source) {
				lastOutlet = source
			}
		default:
			r.Unspecified++
		}
	}
	// "It is reported", "sources familiar with the matter": an anonymous
	// attribution with no attribution verb of its own in the sentence.
	for _, h := range anonymous {
		s := toks[h.first].Sentence
		if sent(s).attributed {
			continue
		}
		sent(s).attributed = true
		r.Attributions++
		r.Anonymous++
		words, start := h.span(text, toks)
		r.Citations = append(r.Citations, Citation{Start: start, Words: words, Kind: "anonymous"})
	}
	for _, s := range sents {
		if s.own {
			r.Sentences++
			if s.attributed {
				r.Attributed++
			}
		}
	}

	// Quotations, and scare quotes among them.
	dropped := func(start int) bool {
		for _, d := range an.Dropped {
			if d.Start <= start && start < d.End {
				return true
			}
		}
		return false
	}
	for _, q := range an.Quotes {
		if dropped(q.Start) {
			continue
		}
		r.Quotations++
		// The quotation's tokens: a binary search, not a scan, so a long
		// article with many quotations stays linear.
		first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Start })
		n := 0
		for i := first; i < len(toks) && toks[i].End <= q.End; i++ {
			n++
		}
		if n >= 1 && n <= 4 && !sent(toks[first].Sentence).attributed {
			r.ScareQuotes++
			r.Targets = append(r.Targets, DistancingTarget{Marker: "scare quotes", Target: text[q.Start:q.End], Start: q.Start})
		}
	}

	// State media: own-voice mentions, labelled when a label stands next to
	// the name or in apposition just after it.
	labels := byCat[CatStateLabel]
	modifiers := byCat[CatStateModifier]
	lastOutlet, lastEnd, lastLabelled := "", 0, false
	for i := 0; i < len(toks); i++ {
		if an.Voices[i] != Own {
			continue
		}
		outlet, n := sm.at(toks, i)
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
			if labelledNear(labels, modifiers, toks, i, i+n) && !lastLabelled {
				r.StateMediaLabelled++
				lastLabelled = true
			}
			lastEnd = i + n - 1
			i += n - 1
			continue
		}
		r.StateMediaCited++
		lastLabelled = labelledNear(labels, modifiers, toks, i, i+n)
		if lastLabelled {
			r.StateMediaLabelled++
		}
		lastOutlet, lastEnd = outlet, i+n-1
		i += n - 1
	}
	return r
}

// isOutlet reports whether name is a listed state outlet's name.
func (sm *StateMedia) isOutlet(name string) bool {
	for _, p := range sm.names {
		if p.outlet == name {
			return true
		}
	}
	return false
}

// personHeads are the nouns by which an article refers back to a person.
var personHeads = map[string]bool{"president": true, "minister": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "leader": true, "governor": true, "mayor": true, "commander": true, "ambassador": true,
	"official": true, "diplomat": true, "professor": true, "analyst": true, "founder": true, "chief": true}

// outletHeads are the nouns by which an article refers back to an outlet.
var outletHeads = map[string]bool{"agency": true, "newspaper": true, "broadcaster": true, "channel": true, "outlet": true, "daily": true}

// lastPerson is the nearest name of a person before token end, in its
// sentence or the two before: a run of at least two capitalised words
// ("Dmitry Peskov", "Deputy Foreign Minister Im Chung Il") that is not a
// modifier of a common noun ("North Korean diplomat"); "" when there is
// none.
func lastPerson(text string, toks []lexicon.Token, an *Analysis, end int) string {
	s := toks[end].Sentence
	for j := end - 1; j >= 0 && toks[j].Sentence >= s-2; j-- {
		if an.Voices[j] != Own || !isName(toks[j]) {
			continue
		}
		name, a, b := capitalRun(text, toks, an, j, -1, sentenceStart(toks, j), j)
		modifier := b+1 < len(toks) && toks[b+1].Sentence == toks[b].Sentence && !isCapitalised(toks[b+1].Form) && demonym(toks[b].Norm)
		acronym := false // "PMC Wagner": an organisation, not a person
		for k := a; k <= b; k++ {
			acronym = acronym || isAllCaps(toks[k].Form)
		}
		if b-a+1 >= 2 && !modifier && !acronym {
			return name
		}
		j = a // the run's words are taken
	}
	return ""
}

// demonym reports a word that looks like a nationality adjective
// ("Korean", "Turkish", "Chinese"): before a common noun, a modifier.
func demonym(w string) bool {
	for _, suf := range []string{"an", "ese", "ish", "i", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// labelledNear reports whether a state-media label ends at most three
// tokens before the mention [first, end) or starts at most four after it,
// in its sentence ("state media KCNA", "KCNA, the state news agency"), or a
// modifier ("state", "official") stands right before it or inside it
// ("state KCNA news agency", "the official Korean Central News Agency").
func labelledNear(labels, modifiers []catHit, toks []lexicon.Token, first, end int) bool {
	s := toks[first].Sentence
	for _, h := range labels {
		if toks[h.first].Sentence != s {
			continue
		}
		if (h.end <= first && first-h.end <= 3) || (h.first >= end && h.first-end <= 4) {
			return true
		}
	}
	for _, h := range modifiers {
		if toks[h.first].Sentence == s && h.end <= first && first-h.end <= 1 {
			return true
		}
	}
	return false
}

func overlapsAny(h catHit, others []catHit, toks []lexicon.Token) bool {
	s := toks[h.first].Sentence
	for _, o := range others {
		if toks[o.first].Sentence == s {
			return true // an anonymous-source phrase in the sentence of the attribution
		}
	}
	return false
}

// attributionSource finds who an attribution attributes to: after
// "according to"; else the noun phrase before the verb ("KCNA said", "state
// KCNA news agency said", "Prigozhin later confirmed"); else, when a comma
// or a quotation stands before the verb, the words after it ("said Peskov",
// "reported the Korean Central News Agency") or the sentence's subject
// ("Leif-Eric Easley, a professor in Seoul, said"). kind is "named",
// "pronoun" (he, she, it, they, or "the agency": the source named last),
// "noun" (not an attribution: "the claims") or "unspecified".
func attributionSource(text string, toks []lexicon.Token, an *Analysis, h catHit, sm *StateMedia, subject string) (source, kind string) {
	if toks[h.first].Norm == "according" {
		return phraseSource(text, toks, an, h.end, +1, sm)
	}
	i := h.first - 1
	if i >= 0 && toks[i].Sentence == toks[h.first].Sentence && determiners[toks[i].Norm] {
		return "", "noun"
	}
	// Skip the adverbs and auxiliaries between a subject and its verb, and
	// a time ("on Sunday").
	for i >= 0 && toks[i].Sentence == toks[h.first].Sentence && an.Voices[i] == Own && !breakBefore(text, toks, i+1) {
		switch {
		case verbSkips[toks[i].Norm]:
			i--
			continue
		case timeWords[toks[i].Norm]:
			i--
			if i >= 0 && timePreps[toks[i].Norm] {
				i--
			}
			continue
		}
		break
	}
	inverted := i < 0 || toks[i].Sentence != toks[h.first].Sentence || an.Voices[i] != Own || breakBefore(text, toks, i+1) ||
		conjunctions[toks[i].Norm] // "..., and noted": the sentence's subject
	if !inverted {
		return phraseSource(text, toks, an, i, -1, sm)
	}
	// After the verb, a name is the source only when it ends the clause
	// ("said Peskov.", "reported the Korean Central News Agency (KCNA)
	// after ..."); "said Russian President Vladimir Putin's invasion ..." is
	// what was said, and the source is the sentence's subject.
	if s, k, end := phraseSourceEnd(text, toks, an, h.end, +1, sm); k == "named" && endsClause(text, toks, end) {
		return s, k
	}
	if subject != "" {
		return subject, "named"
	}
	return "", "unspecified"
}

// endsClause reports whether token i ends a clause: the sentence ends, or
// punctuation or a time or place phrase follows.
func endsClause(text string, toks []lexicon.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Sentence != toks[i].Sentence || breakBefore(text, toks, i+1) {
		return true
	}
	return clauseFollowers[toks[i+1].Norm] || timeWords[toks[i+1].Norm]
}

var clauseFollowers = map[string]bool{"on": true, "in": true, "at": true, "after": true, "late": true, "early": true, "last": true, "earlier": true, "later": true}

// breakBefore reports punctuation that parts token i from the one before
// it: a comma, colon, semicolon, opening bracket, dash or quotation mark
// ends a noun phrase. A closing bracket does not: "the Korean Central News
// Agency (KCNA) said".
func breakBefore(text string, toks []lexicon.Token, i int) bool {
	if i <= 0 || i >= len(toks) {
		return true
	}
	return strings.ContainsAny(text[toks[i-1].End:toks[i].Start], ",;:([—–\"“”«»")
}

var verbSkips = map[string]bool{"also": true, "later": true, "then": true, "had": true, "has": true, "have": true,
	"was": true, "were": true, "is": true, "has also": true, "earlier": true, "again": true, "further": true,
	"previously": true, "repeatedly": true, "once": true, "first": true, "subsequently": true}

var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true, "weekend": true, "week": true}

var timePreps = map[string]bool{"on": true, "last": true, "this": true, "at": true, "over": true, "the": true}

var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "its": true, "his": true, "her": true, "their": true}

// phraseSource reads the noun phrase at token i in direction dir (-1: back
// from the verb to a determiner or punctuation; +1: on from "according
// to"), within the sentence and the own voice, at most six words. It is
// named when it holds a state outlet's alias or an acronym, or ends at the
// verb (starts after "according to") in a capitalised name, or is an
// organisation ("Russia's foreign ministry"); a pronoun, or a determiner and
// an organisation noun ("the agency"), refers back.
func phraseSource(text string, toks []lexicon.Token, an *Analysis, i, dir int, sm *StateMedia) (source, kind string) {
	source, kind, _ = phraseSourceEnd(text, toks, an, i, dir, sm)
	return source, kind
}

// phraseSourceEnd is phraseSource that also returns the index of the last
// token of the source it names.
func phraseSourceEnd(text string, toks []lexicon.Token, an *Analysis, i, dir int, sm *StateMedia) (source, kind string, end int) {
	if i < 0 || i >= len(toks) || an.Voices[i] != Own {
		return "", "unspecified", i
	}
	s := toks[i].Sentence
	if dir < 0 && pronouns[toks[i].Norm] {
		if toks[i].Norm == "he" || toks[i].Norm == "she" {
			return "", "person", i
		}
		return "", "pronoun", i
	}
	lo, hi := i, i
	det := false
	for k, j := 0, i; k < 6 && j >= 0 && j < len(toks) && toks[j].Sentence == s && an.Voices[j] == Own; k, j = k+1, j+dir {
		if j != i && ((dir < 0 && breakBefore(text, toks, j+1)) || (dir > 0 && breakBefore(text, toks, j))) {
			break
		}
		if determiners[toks[j].Norm] || conjunctions[toks[j].Norm] {
			if dir > 0 && j == i && determiners[toks[j].Norm] {
				lo, hi = j+1, j+1 // "according to the ..."
				continue
			}
			det = dir < 0 && determiners[toks[j].Norm]
			break
		}
		if dir < 0 {
			lo = j
		} else {
			hi = j
		}
	}
	if lo > hi || hi >= len(toks) {
		return "", "unspecified", i
	}
	for j := lo; j <= hi; j++ {
		if outlet, n := sm.at(toks, j); n > 0 && j+n-1 <= hi {
			return outlet, "named", j + n - 1
		}
	}
	for j := lo; j <= hi; j++ {
		if isAllCaps(toks[j].Form) {
			return toks[j].Form, "named", j
		}
	}
	// The capitalised name at the phrase's near end: "Kremlin spokesman
	// Dmitry Peskov said", "according to Kim Yo Jong".
	edge := hi
	if dir > 0 {
		edge = lo
	}
	if name, a, b := capitalRun(text, toks, an, edge, dir, lo, hi); name != "" && !sentenceInitialOnly(toks, edge, name) {
		if dir > 0 {
			return name, "named", b
		}
		return name, "named", a
	}
	if orgHeads[toks[hi].Norm] {
		// "Russia's foreign ministry said": an organisation, named by its
		// country or its own name.
		for j := lo; j < hi; j++ {
			if isCapitalised(toks[j].Form) && !sentenceInitialOnly(toks, j, toks[j].Form) {
				return text[toks[j].Start:toks[hi].End], "named", hi
			}
		}
		if det {
			if personHeads[toks[hi].Norm] {
				return "", "person", hi // "the spokesman added"
			}
			return toks[hi].Norm, "reference", hi // "the agency said": the source named before
		}
	}
	return text[toks[lo].Start:toks[hi].End], "unspecified", hi
}

var conjunctions = map[string]bool{"and": true, "but": true, "or": true, "while": true, "which": true, "who": true, "that": true}

func sentenceStart(toks []lexicon.Token, i int) int {
	for i > 0 && toks[i-1].Sentence == toks[i].Sentence {
		i--
	}
	return i
}

// capitalRun is the run of capitalised own-voice words through token i,
// growing away from the verb (dir), within [lo, hi], as written, with the
// tokens it spans; "" when token i is not capitalised or is a time word.
// "of" and "for" may join two capitalised words ("Ministry of Defence").
func capitalRun(text string, toks []lexicon.Token, an *Analysis, i, dir, lo, hi int) (name string, first, last int) {
	if i < lo || i > hi || !isName(toks[i]) || an.Voices[i] != Own {
		return "", i, i
	}
	a, b := i, i
	for j := i + dir; j >= lo && j <= hi; j += dir {
		// "Prigozhin's Telegram": an owner and what he owns are two names.
		if (dir > 0 && possessive(text, toks[j-1])) || (dir < 0 && possessive(text, toks[j])) {
			break
		}
		if isName(toks[j]) {
			a, b = min(a, j), max(b, j)
			continue
		}
		w := toks[j].Form
		if (w == "of" || w == "for") && j+dir >= lo && j+dir <= hi && isName(toks[j+dir]) {
			continue
		}
		break
	}
	// "The North Korean ...": a sentence's first word is capitalised for
	// its place, not as a name.
	for a < b && a == sentenceStart(toks, a) && (determiners[toks[a].Norm] || pronouns[toks[a].Norm] || commonStarts[toks[a].Norm]) {
		a++
	}
	name = text[toks[a].Start:toks[b].End]
	for _, p := range []string{"’s", "'s"} {
		name = strings.TrimSuffix(name, p) // "North Korea's" names North Korea
	}
	return name, a, b
}

// possessive reports a word written with a possessive 's.
func possessive(text string, t lexicon.Token) bool {
	w := text[t.Start:t.End]
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// isName reports a capitalised word that is not a day or a month.
func isName(t lexicon.Token) bool {
	return isCapitalised(t.Form) && !timeWords[t.Norm] && !months[t.Norm]
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// sentenceInitialOnly reports a run that is one ordinary word capitalised
// only because it starts the sentence ("The", "It", "Officials").
func sentenceInitialOnly(toks []lexicon.Token, i int, name string) bool {
	return !strings.Contains(name, " ") && (genericSources[toks[i].Norm] ||
		i == sentenceStart(toks, i) && (determiners[toks[i].Norm] || pronouns[toks[i].Norm] || commonStarts[toks[i].Norm]))
}

// genericSources are plural or generic nouns that name no one, wherever
// they stand: "Officials said", "Analysts say".
var genericSources = map[string]bool{"officials": true, "sources": true, "analysts": true, "experts": true, "witnesses": true,
	"residents": true, "observers": true, "diplomats": true, "authorities": true, "police": true, "critics": true,
	"officers": true, "soldiers": true, "people": true, "reports": true, "media": true, "insiders": true}

var commonStarts = map[string]bool{"in": true, "on": true, "at": true, "after": true, "but": true, "and": true, "as": true, "we": true, "i": true, "there": true, "also": true, "earlier": true, "meanwhile": true}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// phraseAfter is up to n words after token i, in the sentence: what a
// distancing word qualifies ("so-called [special military operation]").
func phraseAfter(text string, an *Analysis, i, n int) string {
	toks := an.Tokens
	if i >= len(toks) || (i > 0 && toks[i].Sentence != toks[i-1].Sentence) {
		return ""
	}
	hi := i
	for j := i; j < len(toks) && j < i+n && toks[j].Sentence == toks[i].Sentence; j++ {
		hi = j
	}
	return text[toks[i].Start:toks[hi].End]
}

// orgHeads are the nouns that make "Russia's foreign ministry" an
// organisation's name and "the agency" a reference to one; "North Korean
// state media" is a description.
var orgHeads = map[string]bool{
	"ministry": true, "government": true, "embassy": true, "office": true, "agency": true, "army": true,
	"military": true, "committee": true, "council": true, "court": true, "party": true, "parliament": true,
	"president": true, "minister": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"leader": true, "governor": true, "mayor": true, "commander": true, "company": true, "newspaper": true,
	"service": true, "department": true, "administration": true, "presidency": true, "kremlin": true,
}
