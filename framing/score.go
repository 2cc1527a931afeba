package framing

import (
	"math"
	"sync"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"

	"github.com/framingkit/framing/lexicon"
)

// VoiceCount is a count split by voice, and the hits among them that the
// text denies ("not a special operation"), whatever their voice.
type VoiceCount struct {
	Own       int `json:"own"`
	Quoted    int `json:"quoted"`
	Reported  int `json:"reported"`
	Distanced int `json:"distanced"`
	Negated   int `json:"negated"`
}

// Of is the count of voice v.
func (c VoiceCount) Of(v token.Voice) int {
	switch v {
	case token.Own:
		return c.Own
	case token.Quoted:
		return c.Quoted
	case token.Reported:
		return c.Reported
	case token.Distanced:
		return c.Distanced
	}
	return 0
}

// In is the count of the voices of set.
func (c VoiceCount) In(set token.VoiceSet) int {
	n := 0
	for _, v := range token.Voices {
		if set.Has(v) {
			n += c.Of(v)
		}
	}
	return n
}

// add counts one hit of voice v.
func (c *VoiceCount) add(v token.Voice, negated bool) {
	switch v {
	case token.Own:
		c.Own++
	case token.Quoted:
		c.Quoted++
	case token.Reported:
		c.Reported++
	case token.Distanced:
		c.Distanced++
	}
	if negated {
		c.Negated++
	}
}

// Add adds o's counts to c.
func (c *VoiceCount) Add(o VoiceCount) {
	c.Own += o.Own
	c.Quoted += o.Quoted
	c.Reported += o.Reported
	c.Distanced += o.Distanced
	c.Negated += o.Negated
}

// TokenCounts are a document's word tokens by voice. Distanced are the
// words of distanced label hits, counted there and not in their clause's
// voice.
type TokenCounts struct {
	Own         int `json:"own"`
	Quoted      int `json:"quoted"`
	Reported    int `json:"reported"`
	Distanced   int `json:"distanced"`
	Boilerplate int `json:"boilerplate"`
}

// Prose are the words the outlet writes itself: own, reported and
// distanced; what the sourcing rates are per.
func (c TokenCounts) Prose() int { return c.Own + c.Reported + c.Distanced }

// In are the words of the voices of set.
func (c TokenCounts) In(set token.VoiceSet) int {
	// The same sum as VoiceCount.In, over the token counts.
	return VoiceCount{Own: c.Own, Quoted: c.Quoted, Reported: c.Reported, Distanced: c.Distanced}.In(set)
}

// Evidence is one hit as it stands in the text: what matched, where, and in
// whose voice. Text is the matched words exactly as written.
type Evidence struct {
	Label    string      `json:"label,omitempty"`    // concept.label, for a label hit
	Category string      `json:"category,omitempty"` // category id, for a category hit
	Term     string      `json:"term"`               // the lexicon term that matched
	Voice    token.Voice `json:"voice"`
	// Why says why the hit has its voice: "quoted: «…»", "reported: Putin
	// … described", "distanced: so-called"; empty for the own voice.
	Why string `json:"why,omitempty"`
	// Negated: the text denies the term ("not a special operation");
	// NegatedBy is the negation word.
	Negated   bool   `json:"negated,omitempty"`
	NegatedBy string `json:"negated_by,omitempty"`
	// Source is the bytes of the source of reported speech, when one was
	// found ("Vladimir Putin"); nil otherwise.
	Source *analysis.Span `json:"source,omitempty"`
	Start  int            `json:"start"` // byte offsets into the document's text
	End    int            `json:"end"`
	Text   string         `json:"text"`
	// Norm is the matched words normalised as the matcher saw them
	// ("putin regime" for "Putin’s regime"): the key distinctive-term
	// statistics count by.
	Norm string `json:"norm"`
}

// Score is one document's counts. Label and category counts exclude
// boilerplate; hits on boilerplate lines are kept in Hits with voice
// "boilerplate" so a user can see what was left out.
type Score struct {
	ID, Source, Outlet, Date, URL, Title string
	// Lang is the document's language: its own field, else detected
	// (lang.Detect); "und" when neither tells.
	Lang string
	// Unit, when not "", is the unit of evidence the document belongs to
	// with others (Options.UnitOf: a syndicated story with --dedupe), which
	// document-level statistics count once; "" is the document alone.
	Unit   string
	Meta   map[string]string
	Tokens TokenCounts
	// Labels[i] counts hits of Matcher.Labels()[i]; Categories likewise.
	Labels     []VoiceCount
	Categories []VoiceCount
	// Pos and Neg are hits of labels on the axis' positive and negative
	// poles in the voices the scorer counts (own by default), not negated;
	// Index is (Pos-Neg)/(Pos+Neg), NaN when both are 0.
	Pos, Neg int
	Index    float64
	// Hits are the evidence of every label and category hit; with
	// Options.CountsOnly, only the label hits, each with its label,
	// voice, negation and Norm.
	Hits []Evidence
	// Phrases counts the words and two-word phrases (normalised, joined by
	// a space) of the voices counted, when the run counts them
	// (Options.Phrases); nil otherwise.
	Phrases       map[string]int
	Dropped       []DroppedLine
	QuoteProblems []analysis.QuoteProblem
	// Reliability is how the document sources what it says.
	Reliability reliability.Counts
}

// DroppedLine is a boilerplate line in a score's report.
type DroppedLine struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Tokens int    `json:"tokens"`
	Text   string `json:"text"`
}

// Scorer scores documents against one lexicon. It is not safe for
// concurrent use; make one per goroutine (they may share the Matcher).
type Scorer struct {
	m  *lexicon.Matcher
	sm *reliability.StateMedia
	// langs are the analysis and sourcing rules of each language met,
	// made on first need.
	langs map[string]*langRules
	// hits and catHits are the label and category hits of the document
	// being counted.
	hits, catHits []lexicon.Hit
	// last is the analysis of the last document scored, whose slices the
	// next document's analysis reuses.
	last *analysis.Analysis
	enc  lexicon.Encoded
	// reliability measures the sourcing of documents (Options.NoReliability
	// turns it off).
	reliability bool
	// voices are the voices whose hits count for the index.
	voices token.VoiceSet
	// phrases counts the phrases of the document (Options.Phrases).
	phrases bool
	// countsOnly keeps of each hit only what a tally reads
	// (Options.CountsOnly).
	countsOnly bool
}

// langRules are a language's analysis and sourcing rules.
type langRules struct {
	an      *analysis.Analyzer
	measure *reliability.Measurer
}

// NewScorer returns a Scorer for m that knows the built-in list of state
// media (NewScorerWith gives another).
func NewScorer(m *lexicon.Matcher) *Scorer { return NewScorerWith(m, builtinStateMedia()) }

// NewScorerWith returns a Scorer for m whose reliability measures look for
// the state media of sm.
func NewScorerWith(m *lexicon.Matcher, sm *reliability.StateMedia) *Scorer {
	return &Scorer{m: m, sm: sm, langs: map[string]*langRules{}, reliability: true, voices: token.OwnVoice}
}

// rules are the rules of a document's language: its pack's, or for a
// language without one, those of the pack of its script (lang.ForText).
func (s *Scorer) rules(doc Document) *langRules {
	pack := lang.ForText(doc.Lang, doc.Text)
	r := s.langs[pack.Language]
	if r == nil {
		an, err := analysis.New(pack)
		if err != nil {
			panic(err) // the built-in packs are tested: they compile
		}
		r = &langRules{an: an, measure: reliability.NewMeasurer(pack, s.sm)}
		s.langs[pack.Language] = r
	}
	return r
}

// builtinStateMedia compiles the built-in outlets list once.
var builtinStateMedia = sync.OnceValue(func() *reliability.StateMedia {
	o, err := corpus.BuiltinOutlets()
	if err != nil {
		panic(err) // the embedded file is tested: it cannot fail
	}
	sm, err := reliability.NewStateMedia(o)
	if err != nil {
		panic(err)
	}
	return sm
})

// SetVoices chooses the voices whose hits count for the framing index
// (token.OwnVoice by default).
func (s *Scorer) SetVoices(v token.VoiceSet) { s.voices = v }

// Voices are the voices whose hits count for the framing index.
func (s *Scorer) Voices() token.VoiceSet { return s.voices }

// Matcher returns the matcher the scorer counts with.
func (s *Scorer) Matcher() *lexicon.Matcher { return s.m }

// Score analyses doc and counts its hits. Date and URL fall back to the
// text's metadata line when the document has none.
func (s *Scorer) Score(doc Document) *Score {
	doc = prepare(doc)
	return s.count(doc, s.analyze(doc, nil, true))
}

// analyze takes doc apart, with the byte spans in exclude counted nowhere:
// another outlet's copy of a syndicated story (analysis.Input.Exclude).
// With reuse, the analysis writes over the last one's memory.
func (s *Scorer) analyze(doc Document, exclude []analysis.Span, reuse bool) *analysis.Analysis {
	in := analysis.Input{Text: doc.Text, Exclude: exclude}
	if header, _, _, ok := analysis.Header(doc.Text); ok {
		in.Header = header
	}
	var last *analysis.Analysis
	if reuse {
		last = s.reusable()
	}
	an := s.rules(doc).an.AnalyzeInto(last, in)
	s.last = nil
	if reuse {
		s.last = an
	}
	return an
}

// count scores an analysed document: its tokens by voice, and, with a
// lexicon, its hits, index and sourcing. The analysis is not changed, so
// scorers of other lexicons may count it too.
func (s *Scorer) count(doc Document, an *analysis.Analysis) *Score {
	sc := &Score{
		ID: doc.ID, Source: doc.Source, Outlet: doc.Outlet, Date: doc.Date, URL: doc.URL, Title: doc.Title,
		Lang: doc.Lang, Meta: doc.Meta,
	}
	for _, t := range an.Tokens {
		switch t.Voice {
		case token.Own:
			sc.Tokens.Own++
		case token.Quoted:
			sc.Tokens.Quoted++
		case token.Reported:
			sc.Tokens.Reported++
		case token.Boilerplate:
			sc.Tokens.Boilerplate++
		}
	}
	for _, d := range an.Dropped {
		sc.Dropped = append(sc.Dropped, DroppedLine{Line: d.Line, Reason: d.Reason, Tokens: an.TokensIn(d.Span), Text: doc.Text[d.Start:d.End]})
	}
	sc.QuoteProblems = an.QuoteProblems
	sc.Index = math.NaN()
	if s.m == nil {
		return sc
	}
	enc := s.m.Encode(an.Tokens, &s.enc) // one lookup per token serves labels and categories
	defer enc.Release()
	s.hits = s.m.MatchLabelsIn(s.hits[:0], enc)
	s.catHits = s.m.MatchCategoriesIn(s.catHits[:0], enc)
	room := len(s.hits) + len(s.catHits)
	if s.countsOnly {
		room = len(s.hits)
	}
	sc.Hits = make([]Evidence, 0, room) // the room of every hit, once
	s.countLabels(sc, doc.Text, an)
	catHits := s.countCategories(sc, doc.Text, an)
	sc.Index = Index(sc.Pos, sc.Neg)
	if s.phrases {
		sc.Phrases = phrasesOf(an.Tokens, s.voices)
	}
	if s.reliability {
		sc.Reliability = s.rules(doc).measure.Measure(doc.Text, an, catHits, sc.Pos+sc.Neg, doc.Outlet)
	}
	return sc
}

// countLabels counts the label hits of a document (s.hits) by voice, and
// those on the axis' poles, keeping each as evidence.
func (s *Scorer) countLabels(sc *Score, text string, an *analysis.Analysis) {
	labels := s.m.Labels()
	sc.Labels = make([]VoiceCount, len(labels))
	for _, h := range s.hits {
		v, marker := hitVoice(text, an, h)
		e := s.evidence(text, an, h, v, marker, labels[h.ID].ID, "")
		if v == token.Distanced {
			// The term's words leave the voice of their clause.
			for _, t := range an.Tokens[h.First:h.End] {
				switch t.Voice {
				case token.Own:
					sc.Tokens.Own--
				case token.Quoted: // scare quotes after the marker
					sc.Tokens.Quoted--
				case token.Reported:
					sc.Tokens.Reported--
				default:
					continue
				}
				sc.Tokens.Distanced++
			}
		}
		sc.Hits = append(sc.Hits, e)
		sc.Labels[h.ID].add(v, e.Negated)
		if s.voices.Has(v) && !e.Negated {
			switch labels[h.ID].Pole {
			case +1:
				sc.Pos++
			case -1:
				sc.Neg++
			}
		}
	}
}

// countCategories counts the category hits of a document (s.catHits) by
// voice, keeping each as evidence, and returns them for the sourcing
// measures.
func (s *Scorer) countCategories(sc *Score, text string, an *analysis.Analysis) []reliability.Hit {
	cats := s.m.Categories()
	sc.Categories = make([]VoiceCount, len(cats))
	catHits := make([]reliability.Hit, 0, len(s.catHits))
	for _, h := range s.catHits {
		v := an.Tokens[h.First].Voice // a category word is read in its clause's voice
		catHits = append(catHits, reliability.Hit{Category: cats[h.ID], First: h.First, End: h.End, Voice: v})
		sc.Categories[h.ID].add(v, false)
		if !s.countsOnly {
			sc.Hits = append(sc.Hits, s.evidence(text, an, h, v, "", "", cats[h.ID]))
		}
	}
	return catHits
}

// maxReuseTokens bounds the token slice a scorer keeps from one document
// for the next: the slices of one long document (a 50 MB one has 8 million
// tokens, 450 MB) must not stay with a worker for the rest of the run.
const maxReuseTokens = 1 << 18

// dropLarge forgets the last analysis when its slices are too large to
// keep for the next document.
func (s *Scorer) dropLarge() {
	if s.reusable() == nil {
		s.last, s.hits, s.catHits = nil, nil, nil
	}
}

// reusable is the last analysis, for its slices to be written over, or nil
// when they are too large to keep.
func (s *Scorer) reusable() *analysis.Analysis {
	if s.last == nil || cap(s.last.Tokens) > maxReuseTokens {
		return nil
	}
	return s.last
}

// Index is the framing index (pos-neg)/(pos+neg): +1 when every poled hit is
// on the positive pole, -1 when every one is on the negative pole, NaN when
// there are none.
func Index(pos, neg int) float64 {
	if pos+neg == 0 {
		return math.NaN()
	}
	return float64(pos-neg) / float64(pos+neg)
}

// hitVoice is the voice of a label hit: its first token's (a term that a
// quotation mark cuts in two is the voice it starts in), or Distanced when
// the outlet's own or reported words set it off with a distancing marker
// ("so-called"), which it returns.
func hitVoice(text string, an *analysis.Analysis, h lexicon.Hit) (token.Voice, string) {
	v := an.Tokens[h.First].Voice
	// A term in scare quotes after a marker outside them ("so-called
	// «…»") is distanced too; a marker inside a quotation is the source's.
	if v.Prose() || v == token.Quoted && an.MarkerVoice(h.First).Prose() {
		if marker, ok := an.DistancedBy(text, h.First); ok {
			return token.Distanced, marker
		}
	}
	return v, ""
}

func (s *Scorer) evidence(text string, an *analysis.Analysis, h lexicon.Hit, v token.Voice, marker, label, category string) Evidence {
	toks := an.Tokens[h.First:h.End]
	start, end := toks[0].Start, toks[len(toks)-1].End
	norm := toks[0].Norm
	for _, t := range toks[1:] {
		norm += " " + t.Norm
	}
	// What a tally reads of a hit; the rest is for a reader of evidence.
	e := Evidence{Label: label, Category: category, Voice: v, Norm: norm}
	if label != "" && v != token.Boilerplate {
		e.NegatedBy, e.Negated = an.NegatedBy(text, h.First)
	}
	if s.countsOnly {
		return e
	}
	e.Term, e.Why = s.m.Terms()[h.Term].Text, an.Why(text, start, v, marker)
	e.Start, e.End, e.Text = start, end, text[start:end]
	if v == token.Reported {
		if r, ok := an.ReportedAt(start); ok && r.Source.End > r.Source.Start {
			src := r.Source
			e.Source = &src
		}
	}
	return e
}
