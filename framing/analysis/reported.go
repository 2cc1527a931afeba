package analysis

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// The kinds of voice cue, in the order of the pack's lists (lang.Voice).
const (
	CueSpeech = iota
	CueAccording
	CueBlocker
	CueRelative
	CueDistancing
	CueNegation
	CueNotNegation
	CueTail
	CueNaming
	CueComplement
	CueFiller
	CueArticle
	numCueKinds
)

// wordKind reports the kinds of cue that are single words, looked up by a
// token's normal form where a rule asks (wordSets) instead of found and
// kept for every token: fillers and articles are among a text's commonest
// words.
func wordKind(kind int) bool {
	switch kind {
	case CueBlocker, CueRelative, CueNotNegation, CueTail, CueComplement, CueFiller, CueArticle:
		return true
	}
	return false
}

// wordSets are the single-word cue lists by kind, in normal form.
type wordSets [numCueKinds]map[string]bool

func (w *wordSets) has(kind int, t token.Token) bool { return w != nil && w[kind][t.Norm] }

// Cue is a word of the voice rules found in a text: tokens [First, End).
type Cue struct {
	Kind       int
	First, End int
}

// Reported is a stretch of indirect speech: its tokens' bytes, the bytes
// of its source when one was found ("Putin", "the Kremlin"), and the cue
// that reports it ("described", "according to").
type Reported struct {
	Span
	Source Span
	Cue    string
}

// maxTailTokens is the longest comma-set clause read as an attribution
// added to a statement ("…, the ministry said." «…, заявил Песков.»).
const maxTailTokens = 12

// maxNameObject is how far after a naming verb its complement word is
// looked for: "described the actions of the Wagner Group PMC as …".
const maxNameObject = 10

// maxNegationGap is how many tokens may stand between a negation and the
// term it denies: "not a special operation", "is not really a war".
const maxNegationGap = 3

// voiceRules find reported speech, distancing and negation by the pack's
// words (lang.Voice).
type voiceRules struct {
	m   *lexicon.Matcher
	enc lexicon.Encoded
	// heads are the words that start a source's name (the pack's person,
	// outlet and organisation heads): «сообщает агентство …».
	heads map[string]bool
	// complementEndings end the word that starts what a naming verb names
	// something (lang.Voice.ComplementEndings).
	complementEndings []string
	// scratch is the memory of one sentence, reused.
	scratch sentence
	// words are the single-word cues (wordKind); hits is the matcher's
	// memory, reused.
	words wordSets
	hits  []lexicon.Hit
}

// complementCase reports whether a word has an ending of the case a naming
// verb's complement takes (the Russian and Ukrainian instrumental).
func (r *voiceRules) complementCase(norm string) bool {
	for _, e := range r.complementEndings {
		if strings.HasSuffix(norm, e) && utf8.RuneCountInString(norm) > utf8.RuneCountInString(e)+2 {
			return true
		}
	}
	return false
}

// newVoiceRules compiles a pack's voice words; nil when it has none.
func newVoiceRules(p *lang.Pack) (*voiceRules, error) {
	v := p.Voice
	if len(v.Speech)+len(v.According)+len(v.Distancing)+len(v.Negation) == 0 {
		return nil, nil
	}
	lists := [numCueKinds][]string{
		CueSpeech: v.Speech, CueAccording: v.According, CueBlocker: v.Blockers, CueRelative: v.Relatives,
		CueDistancing: v.Distancing, CueNegation: v.Negation, CueNotNegation: v.NotNegation, CueTail: v.Tail,
		CueNaming: v.Naming, CueComplement: v.Complement, CueFiller: v.NegationFillers, CueArticle: v.ComplementArticles,
	}
	r := &voiceRules{complementEndings: v.ComplementEndings}
	phrases := make([][]string, numCueKinds)
	tk := token.NewTokenizer()
	for kind, list := range lists {
		if !wordKind(kind) {
			phrases[kind] = list
			continue
		}
		r.words[kind] = map[string]bool{}
		for _, w := range list {
			toks := tk.Tokenize(w)
			if len(toks) != 1 {
				return nil, fmt.Errorf("%s: voice: %q: one word, please (this list is looked up word by word)", p.File, w)
			}
			r.words[kind][toks[0].Norm] = true
		}
	}
	m, err := lexicon.CompilePhrases(p.Language+" voice", phrases)
	if err != nil {
		return nil, err
	}
	r.m = m
	heads := map[string]bool{}
	for _, list := range [][]string{p.Sourcing.PersonHeads, p.Sourcing.OutletHeads, p.Sourcing.OrgHeads} {
		for _, w := range list {
			for _, f := range p.Inflection.Forms(strings.ToLower(w)) {
				heads[f] = true
			}
		}
	}
	r.heads = heads
	return r, nil
}

// cues finds the voice words of a text's tokens, in token order.
func (r *voiceRules) cues(toks []token.Token) []Cue {
	r.hits = r.m.MatchCategoriesIn(r.hits[:0], r.m.Encode(toks, &r.enc))
	r.enc.Release()
	cues := make([]Cue, len(r.hits))
	for i, h := range r.hits {
		cues[i] = Cue{Kind: h.ID, First: h.First, End: h.End}
	}
	if cap(r.hits) > maxKeptCues {
		r.hits = nil // a long document's memory goes with it
	}
	slices.SortStableFunc(cues, func(a, b Cue) int { return a.First - b.First })
	return cues
}

// maxKeptCues bounds the matcher memory a rule set keeps for the next
// document.
const maxKeptCues = 1 << 14

// maxInvertedSource is the longest source after its verb at a sentence's
// end: «Об этом сообщает агентство Интерфакс», "said Dmitry Peskov".
const maxInvertedSource = 4

// report marks the tokens of indirect speech Reported, sentence by
// sentence, and returns the stretches with their sources. The scope is
// conservative: the clause after a speech verb to the sentence's end (to
// the clause's end when the verb is in a relative clause: "which Moscow
// calls …"); the sentence after a leading "according to X," and before a
// trailing ", according to X." or ", X said."; never a token already in
// a quotation or dropped. A verb followed by a blocker ("said nothing
// about") reports nothing.
func (r *voiceRules) report(text string, toks []token.Token, cues []Cue) []Reported {
	var out []Reported
	// Only a sentence with a speech verb or a frame in the own voice has
	// anything to report (reportSentence passes every other cue): the
	// others, most of a text, are passed without their scratch. A sentence
	// marks only its own words, so the sentences may be taken in any
	// order, and each is taken as its words stand before it.
	for k := 0; k < len(cues); {
		c := cues[k]
		if c.Kind != CueSpeech && c.Kind != CueAccording || toks[c.First].Voice != token.Own {
			k++
			continue
		}
		s0, s1 := sentenceAround(toks, c.First)
		for k > 0 && cues[k-1].First >= s0 {
			k-- // the sentence's first cue
		}
		out = r.reportSentence(text, toks, cues[k:], s0, s1, out)
		for k < len(cues) && cues[k].First < s1 {
			k++
		}
	}
	// The scratch must not keep this document's tokens alive for the next.
	r.scratch.toks = nil
	if cap(r.scratch.kinds) > maxKeptCues {
		r.scratch = sentence{}
	}
	// The runs of a sentence's cues come in cue order; ReportedAt searches
	// them by offset.
	slices.SortFunc(out, func(x, y Reported) int { return x.Start - y.Start })
	return out
}

// sentenceAround is the sentence of token i, toks[s0:s1]: the run of
// tokens with its Sentence.
func sentenceAround(toks []token.Token, i int) (s0, s1 int) {
	s0, s1 = i, i+1
	for s0 > 0 && toks[s0-1].Sentence == toks[i].Sentence {
		s0--
	}
	for s1 < len(toks) && toks[s1].Sentence == toks[i].Sentence {
		s1++
	}
	return s0, s1
}

// sentence is the scratch of one sentence toks[s0:s1] under the report
// rules, made in one pass so that each rule costs O(1) a cue: the cue
// kinds starting at each word, its comma-set clause, and the next word not
// yet marked (a path-compressed pointer, so marking a stretch already
// marked costs nothing: a sentence of a thousand "said" is linear).
type sentence struct {
	toks     []token.Token
	words    *wordSets
	s0, s1   int
	kinds    []uint32
	seg0     []int32
	seg1     []int32
	nextFree []int32
}

// sentence makes the scratch of toks[s0:s1]; cues start with its first
// cue.
func (r *voiceRules) sentence(text string, toks []token.Token, cues []Cue, s0, s1 int) *sentence {
	n := s1 - s0
	sc := &r.scratch
	sc.s0, sc.s1, sc.toks, sc.words = s0, s1, toks, &r.words
	sc.kinds = slices.Grow(sc.kinds[:0], n)[:n]
	clear(sc.kinds)
	sc.seg0 = slices.Grow(sc.seg0[:0], n)[:n]
	sc.seg1 = slices.Grow(sc.seg1[:0], n)[:n]
	sc.nextFree = slices.Grow(sc.nextFree[:0], n+1)[:n+1]
	for k := 0; k < len(cues) && cues[k].First < s1; k++ {
		sc.kinds[cues[k].First-s0] |= 1 << cues[k].Kind
	}
	g0 := s0
	for i := s0; i < s1; i++ {
		if i > s0 && breakBetween(text, toks[i-1].End, toks[i].Start) {
			for j := g0; j < i; j++ {
				sc.seg1[j-s0] = int32(i)
			}
			g0 = i
		}
		sc.seg0[i-s0] = int32(g0)
	}
	for j := g0; j < s1; j++ {
		sc.seg1[j-s0] = int32(s1)
	}
	for i := range sc.nextFree {
		sc.nextFree[i] = int32(s0 + i)
	}
	return sc
}

func (sc *sentence) cueAt(kind, i int) bool {
	if i < sc.s0 || i >= sc.s1 {
		return false
	}
	if wordKind(kind) {
		return sc.words.has(kind, sc.toks[i])
	}
	return sc.kinds[i-sc.s0]&(1<<kind) != 0
}

func (sc *sentence) segment(i int) (int, int) { return int(sc.seg0[i-sc.s0]), int(sc.seg1[i-sc.s0]) }

// free is the first word at or after i not yet looked at by a mark.
func (sc *sentence) free(i int) int {
	root := i
	for int(sc.nextFree[root-sc.s0]) != root {
		root = int(sc.nextFree[root-sc.s0])
	}
	for i != root { // compress the path
		next := int(sc.nextFree[i-sc.s0])
		sc.nextFree[i-sc.s0] = int32(root)
		i = next
	}
	return root
}

// reportSentence applies the report rules to the sentence toks[s0:s1];
// cues start with its first cue.
func (r *voiceRules) reportSentence(text string, toks []token.Token, cues []Cue, s0, s1 int, out []Reported) []Reported {
	sc := r.sentence(text, toks, cues, s0, s1)
	// Frames first, so that «как заявил Песков, …» is sourced by its frame.
	for _, kind := range []int{CueAccording, CueSpeech} {
		for k := 0; k < len(cues) && cues[k].First < s1; k++ {
			c := cues[k]
			if c.Kind != kind || toks[c.First].Voice != token.Own {
				continue
			}
			cue := text[toks[c.First].Start:toks[c.End-1].End]
			g0, g1 := sc.segment(c.First)
			mark := func(a, b, src0, src1 int) {
				out = sc.mark(toks, a, b, src0, src1, cue, out)
			}
			switch {
			case kind == CueSpeech && c.End < s1 && sc.cueAt(CueBlocker, c.End) && !breakBetween(text, toks[c.End-1].End, toks[c.End].Start):
				// "said nothing about", "called for": no report.
			case c.First > s0 && toks[c.First-1].Voice == token.Quoted,
				g0 > s0 && toks[g0-1].Voice == token.Quoted && c.First-g0 <= 3:
				// "“…,” he said, and …", «— …, — сказал он, и …»: the verb
				// attributes the quotation before it; what follows is the
				// author's.
			case kind == CueSpeech && g0 > s0 && sc.cueAt(CueRelative, g0):
				// "…, which Moscow calls a special military operation, …"
				mark(c.End, g1, g0+1, c.First)
			case g0 > s0 && g1-g0 <= maxTailTokens && (kind == CueAccording || attributionTail(c, g0, g1, sc.cueAt)) && !(g1 < s1 && sc.cueAt(CueRelative, g1)):
				// An attribution set off by commas after (or inside) the
				// statement: the rest of the sentence is reported; the
				// source is the clause less its cue. (Not «Выступая в
				// Киеве, Блинкен заявил, что …»: the statement is the
				// "что" clause after it.)
				src0, src1 := g0, c.First
				if c.First == g0 {
					src0, src1 = c.End, g1
				}
				mark(s0, g0, src0, src1)
				mark(g1, s1, src0, src1)
			case kind == CueSpeech && r.invertedSource(toks, c.End, s1):
				// «Об этом сообщает агентство Интерфакс»: the verb's
				// subject follows it, and it reports nothing here.
			case kind == CueAccording:
				// A leading frame: its clause names the source, the rest
				// is the statement.
				mark(g1, s1, c.End, g1)
				if g1 == s1 { // no comma after the source: the words after the frame
					mark(c.End, s1, c.End, c.End)
				}
			default:
				from := c.End
				if sc.cueAt(CueNaming, c.First) {
					var ok bool
					if from, ok = r.nameStart(sc, toks, c, g1); !ok {
						break // the name is a quotation: "calls mutiny ‘betrayal’ as …"
					}
				}
				src0, src1 := g0, c.First
				if c.First == g0 && g0 > s0 {
					// "Easley, a professor in Seoul, said …": the subject
					// is the sentence's first clause.
					_, src1 = sc.segment(s0)
					src0 = s0
				}
				mark(from, s1, src0, src1)
			}
		}
	}
	return out
}

// invertedSource reports whether toks[from:s1], what follows a speech verb
// to the sentence's end, is its subject: a few words starting with a
// capital, or a head word and a name.
func (r *voiceRules) invertedSource(toks []token.Token, from, s1 int) bool {
	if from >= s1 || s1-from > maxInvertedSource {
		return false
	}
	capital := func(i int) bool {
		first, _ := utf8.DecodeRuneInString(toks[i].Form)
		return unicode.IsUpper(first)
	}
	// A name, or a head word and a name: «агентство Интерфакс».
	return capital(from) || r.heads[toks[from].Norm] && from+1 < s1 && capital(from+1)
}

// attributionTail reports whether the speech verb c closes its clause
// [g0, g1) as an attribution does, rather than opening a statement: nothing
// after it ("…, the ministry said."), or the verb first and its subject
// after it ("…, said Peskov", «…, заявил Песков»), or only a phrase of
// the pack's tail words ("…, the ministry said in a statement").
func attributionTail(c Cue, g0, g1 int, cueAt func(kind, i int) bool) bool {
	after := g1 - c.End
	return after == 0 || c.First == g0 && after <= 4 || after <= 4 && cueAt(CueTail, c.End)
}

// mark marks the Own words of toks[a:b] Reported, and records each run of
// words it marked with the source toks[src0:src1] (none when empty). A
// word is looked at by one mark only: the runs never overlap, and a
// sentence costs its length in all.
func (sc *sentence) mark(toks []token.Token, a, b, src0, src1 int, cue string, out []Reported) []Reported {
	var source Span
	if src0 < src1 {
		source = Span{Start: toks[src0].Start, End: toks[src1-1].End}
	}
	run, prev := -1, -1 // the run being marked: its first and last word
	flush := func() {
		if run >= 0 {
			out = append(out, Reported{Span: Span{Start: toks[run].Start, End: toks[prev].End}, Source: source, Cue: cue})
			run = -1
		}
	}
	for i := sc.free(a); i < b; i = sc.free(i) {
		if run >= 0 && i != prev+1 { // words between were looked at before
			flush()
		}
		if toks[i].Voice == token.Own {
			toks[i].Voice = token.Reported
			if run < 0 {
				run = i
			}
			prev = i
		} else {
			flush()
		}
		sc.nextFree[i-sc.s0] = int32(i + 1)
	}
	flush()
	return out
}

// breakBetween reports whether the text between two tokens ends a clause:
// a comma, semicolon, colon or dash. Brackets do not: "the Korean Central
// News Agency (KCNA) said" is one clause.
func breakBetween(text string, from, to int) bool {
	// By bytes: ASCII bytes and the lead byte of the dashes start a rune
	// wherever they stand, so this finds what a range over the runes
	// finds, without decoding the letters between words.
	for i := from; i < to; i++ {
		switch text[i] {
		case ',', ';', ':':
			return true
		case "—"[0]: // and of –
			if strings.HasPrefix(text[i:to], "—") || strings.HasPrefix(text[i:to], "–") {
				return true
			}
		}
	}
	return false
}

// nameStart is where the source's words start after the naming verb c in
// its clause ending at g1: "described the actions as an armed mutiny"
// after "as"; "calls it a special military operation" at the article
// after the object; «назвал действия Пригожина вооружённым мятежом» at the
// first word in the instrumental. Without one, right after the verb. Not
// ok when a quotation comes first: the name is quoted, and nothing after
// it is the source's.
func (r *voiceRules) nameStart(sc *sentence, toks []token.Token, c Cue, g1 int) (int, bool) {
	for i := c.End; i < g1 && i < c.End+maxNameObject; i++ {
		if toks[i].Voice == token.Quoted {
			return 0, false
		}
		if sc.cueAt(CueComplement, i) {
			return i + 1, true
		}
		if r.complementCase(toks[i].Norm) || i > c.End && sc.cueAt(CueArticle, i) {
			return i, true
		}
	}
	return c.End, true
}
