package reliability

import (
	"slices"
	"sort"
	"strings"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// Hit is a hit of a lexicon category: tokens [First, End) of a document.
type Hit struct {
	Category   string
	First, End int
	Voice      token.Voice
}

// Measurer measures the sourcing of documents in one language. It is not
// safe for concurrent use (it reuses its buffers); make one per goroutine.
type Measurer struct {
	// d is the document being measured, read with the Measurer's words
	// and state media; its slices are the last one's memory, written over.
	d doc
}

// NewMeasurer returns a Measurer that reads the sourcing words of pack p
// and looks for the state media of sm.
func NewMeasurer(p *lang.Pack, sm *StateMedia) *Measurer {
	return &Measurer{d: doc{w: newWords(p), sm: sm}}
}

// Measure measures a document's sourcing from its text, its analysis and
// its category hits (in text order). loaded is its own-voice hits of poled
// labels; self is its outlet, which does not cite itself.
func (m *Measurer) Measure(text string, an *analysis.Analysis, hits []Hit, loaded int, self string) Counts {
	d := &m.d
	d.start(text, an)
	defer d.done()
	r := Counts{Documents: 1, Loaded: loaded}
	for _, dr := range an.Dropped {
		if dr.Reason == analysis.ReasonForeignAgent {
			r.ForeignAgent = 1
			break
		}
	}
	d.groupHits(hits)
	r.Hedges = len(d.cats[catHedge])
	r.Boosters = len(d.cats[catBooster])
	r.Superlatives = len(d.cats[catSuperlative])
	r.Distancing = len(d.cats[catDistancing])
	for _, h := range d.cats[catDistancing] {
		words, start := d.span(h)
		r.Targets = append(r.Targets, DistancingTarget{Marker: words, Target: d.phraseAfter(h.End, 3), Start: start})
	}
	d.attributions(&r, d.cats[catAttribution], d.cats[catAnonymous])
	for _, s := range d.sents {
		if s.own {
			r.Sentences++
			if s.attributed {
				r.Attributed++
			}
		}
	}
	d.quotations(&r)
	d.stateMedia(&r, d.cats[catStateLabel], d.cats[catStateModifier], self)
	return r
}

// doc is one measurement: a document and what the rules know of it.
type doc struct {
	text string
	toks []token.Token
	an   *analysis.Analysis
	w    *words
	sm   *StateMedia
	// names is memory for the state-media matcher's encodings.
	names lexicon.Encoded
	sents []sentence
	// nameStarts are the own-voice tokens that may start a state outlet's
	// name (may be the first word of an alias), in order.
	nameStarts []int
	// cats are the own-voice hits of the categories the measures read,
	// by category (catAttribution, ...), in text order.
	cats [numCats][]Hit
}

// The categories the measures read, as indexes of doc.cats.
const (
	catAttribution = iota
	catAnonymous
	catHedge
	catDistancing
	catBooster
	catSuperlative
	catStateLabel
	catStateModifier
	numCats
)

// categoryIndex is category's index in doc.cats, -1 for a category the
// measures do not read.
func categoryIndex(category string) int {
	switch category {
	case CatAttribution:
		return catAttribution
	case CatAnonymous:
		return catAnonymous
	case CatHedge:
		return catHedge
	case CatDistancing:
		return catDistancing
	case CatBooster:
		return catBooster
	case CatSuperlative:
		return catSuperlative
	case CatStateLabel:
		return catStateLabel
	case CatStateModifier:
		return catStateModifier
	}
	return -1
}

// start readies d for a document, its slices emptied.
func (d *doc) start(text string, an *analysis.Analysis) {
	d.text, d.toks, d.an = text, an.Tokens, an
	d.sentences()
}

// done lets go of the document, and of memory too large to keep for the
// next one: a long document's must not stay with a worker for the rest of
// the run.
func (d *doc) done() {
	d.text, d.toks, d.an = "", nil, nil
	d.names.Release()
	if cap(d.sents) > maxKeptSentences {
		d.sents = nil
	}
	if cap(d.nameStarts) > maxKeptHits {
		d.nameStarts = nil
	}
	for c := range d.cats {
		if cap(d.cats[c]) > maxKeptHits {
			d.cats[c] = nil
		}
	}
}

// maxKeptSentences and maxKeptHits bound the memory a Measurer keeps from
// one document for the next.
const (
	maxKeptSentences = 1 << 16
	maxKeptHits      = 1 << 12
)

// groupHits puts the own-voice hits of each category the measures read in
// d.cats.
func (d *doc) groupHits(hits []Hit) {
	for c := range d.cats {
		d.cats[c] = d.cats[c][:0]
	}
	for _, h := range hits {
		if !h.Voice.Prose() {
			continue
		}
		if c := categoryIndex(h.Category); c >= 0 {
			d.cats[c] = append(d.cats[c], h)
		}
	}
}

// sentence is what the rules know of one sentence.
type sentence struct {
	own, attributed bool
	// anonymous says an own-voice anonymous-source phrase is in it.
	anonymous  bool
	start, end int // indexes of its first and last tokens
	// firstName is its first capitalised run, the subject a pronoun
	// refers to, once named says it was looked for (firstName).
	firstName string
	named     bool
}

// sentences notes each sentence's first and last tokens and whether it has
// own words (a sentence without tokens is the zero sentence), and the
// own-voice tokens that may start a state outlet's name: one pass over
// the tokens for both.
func (d *doc) sentences() {
	toks := d.toks
	n := 0
	if len(toks) > 0 {
		n = int(toks[len(toks)-1].Sentence) + 1
	}
	d.sents = slices.Grow(d.sents[:0], n)[:n]
	clear(d.sents)
	d.nameStarts = d.nameStarts[:0]
	var starts *wordSet // the first words of names
	if len(d.sm.words) > 0 {
		starts = &d.sm.words[0]
	}
	for i := 0; i < len(toks); {
		s, own := toks[i].Sentence, false
		j := i
		for ; j < len(toks) && toks[j].Sentence == s; j++ {
			if t := &toks[j]; t.Voice.Prose() {
				own = true
				// starts.may, written out: this is every own-voice
				// token's test.
				if starts != nil && (starts.words.has(t.Norm) || starts.words.has(t.Form) || len(starts.globs) > 0 && starts.globs2(t.Norm, t.Form)) {
					d.nameStarts = append(d.nameStarts, j)
				}
			}
		}
		d.sents[s] = sentence{own: own, start: i, end: j - 1}
		i = j
	}
}

// nameAt is the state outlet an alias names at token i, and the tokens it
// covers.
func (d *doc) nameAt(i int) (outlet string, n int) {
	return d.sm.at(d.toks, i, d.sents[d.toks[i].Sentence].end+1, &d.names)
}

// firstName is sentence s's first name, "" when there is none or there is
// no sentence s. It is looked for on first need: only the sentences of an
// attribution and the ones before them need it, and looking costs a
// capitalisation test of every word.
func (d *doc) firstName(s int) string {
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
func (d *doc) span(h Hit) (words string, start int) {
	start = d.toks[h.First].Start
	return d.text[start:d.toks[h.End-1].End], start
}

// attributions counts the attributions and their sources, in text order,
// remembering the last named source for a pronoun in a later sentence;
// then the anonymous phrases of sentences with no attribution verb.
func (d *doc) attributions(r *Counts, verbs, anonymous []Hit) {
	room := len(verbs) + len(anonymous) // citations at most
	for _, h := range anonymous {
		d.sents[d.toks[h.First].Sentence].anonymous = true
	}
	var last lastSource
	for _, h := range verbs {
		s := int(d.toks[h.First].Sentence)
		r.Attributions++
		words, start := d.span(h)
		if d.sents[s].anonymous { // an anonymous-source phrase in the sentence of the attribution
			r.Anonymous++
			d.sents[s].attributed = true
			cite(r, Citation{Start: start, Words: words, Kind: "anonymous"}, room)
			continue
		}
		source, kind := d.resolve(h, s, &last)
		if kind == "noun" {
			// "the claims", "the reports": a noun, not an attribution.
			r.Attributions--
			continue
		}
		d.sents[s].attributed = true
		cite(r, Citation{Start: start, Words: words, Kind: kind, Source: source}, room)
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
		if d.sm.isOutlet(source) {
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
		cite(r, Citation{Start: start, Words: words, Kind: "anonymous"}, room)
	}
}

// cite appends c to r's citations, with room for room of them made on
// the first: one allocation a document, not one for each doubling.
func cite(r *Counts, c Citation, room int) {
	if r.Citations == nil {
		r.Citations = make([]Citation, 0, room)
	}
	r.Citations = append(r.Citations, c)
}

// lastSource is the named source of the last attribution, and the last
// outlet named as one: what a pronoun or "the agency" refers back to.
type lastSource struct {
	named    string
	sentence int
	outlet   string
}

// resolve finds the source of the attribution h in sentence s: "named" with
// the name, "unspecified" with the description or "", or "noun" when h is
// no attribution.
func (d *doc) resolve(h Hit, s int, last *lastSource) (source, kind string) {
	source, kind = d.attributionSource(h)
	switch kind {
	case "noun":
		return source, kind
	case "person":
		// "he said", "the spokesman added": the person quoted last, else
		// the nearest person's name before, in this sentence or the two
		// before it.
		if last.named != "" && last.sentence >= s-2 && strings.Contains(last.named, " ") && !d.sm.isOutlet(last.named) {
			source, kind = last.named, "named"
		} else {
			source, kind = d.lastPerson(h.First), "named"
		}
	case "reference":
		// "the agency said": the outlet named last; "the ministry
		// said": the source named last.
		if d.w.is(source, outletHead) && last.outlet != "" {
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
func (d *doc) quotations(r *Counts) {
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
func (d *doc) stateMedia(r *Counts, labels, modifiers []Hit, self string) {
	toks := d.toks
	lastOutlet, lastEnd, lastLabelled := "", 0, false
	// A mention starts at an own-voice token that may start an alias
	// (sentences noted them, in order), and not inside the last one.
	next := 0
	for _, i := range d.nameStarts {
		if i < next {
			continue
		}
		outlet, n := d.nameAt(i)
		switch {
		case n == 0:
			continue
		case strings.EqualFold(outlet, self):
			// An outlet naming itself (TASS's dateline "/TASS/") cites no one.
			next = i + n
			continue
		case outlet == lastOutlet && i-lastEnd <= 1 && toks[i].Sentence == toks[lastEnd].Sentence:
			// "Korean Central News Agency (KCNA)": one citation, two names;
			// labelled if either is.
			if labelledNear(labels, modifiers, toks, i, i+n) && !lastLabelled {
				r.StateMediaLabelled++
				lastLabelled = true
			}
			lastEnd = i + n - 1
			next = i + n
			continue
		}
		r.StateMediaCited++
		lastLabelled = labelledNear(labels, modifiers, toks, i, i+n)
		if lastLabelled {
			r.StateMediaLabelled++
		}
		lastOutlet, lastEnd = outlet, i+n-1
		next = i + n
	}
}

// labelledNear reports whether a state-media label ends at most three
// tokens before the mention [first, end) or starts at most four after it,
// in its sentence ("state media KCNA", "KCNA, the state news agency"), or a
// modifier ("state", "official") stands right before it or inside it
// ("state KCNA news agency", "the official Korean Central News Agency").
func labelledNear(labels, modifiers []Hit, toks []token.Token, first, end int) bool {
	s := toks[first].Sentence
	// The hits of a category are in text order and do not overlap: only
	// those that end from three tokens before the mention on can count.
	for _, h := range hitsFrom(labels, first-3) {
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
	for _, h := range hitsFrom(modifiers, first-1) {
		if h.End > first {
			break
		}
		if toks[h.First].Sentence == s && first-h.End <= 1 {
			return true
		}
	}
	return false
}

// hitsFrom is the hits, in text order and without overlap, from the first
// that ends at token end or after it.
func hitsFrom(hits []Hit, end int) []Hit {
	return hits[sort.Search(len(hits), func(k int) bool { return hits[k].End >= end }):]
}

// phraseAfter is up to n words after token i, in the sentence: what a
// distancing word qualifies ("so-called [special military operation]").
func (d *doc) phraseAfter(i, n int) string {
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
