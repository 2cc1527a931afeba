package framing

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// TallyFormat is the version of the tally file format.
const TallyFormat = 7 // 2: weeks and undated documents; 3: reliability counts; 4: each group's documents_fingerprint; 5: documents and foreign-agent notices in the reliability counts; 6: voices (reported, distanced, negated counts; the voices the index counts); 7: units of evidence (units, unit_index for doc_index, unit_labels, unit_shares, unit_tokens, token_sums)

// LexiconRef names the lexicon that made a result.
type LexiconRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Hash    string `json:"hash"`
}

// RefOf returns the reference of a compiled lexicon.
func RefOf(m *lexicon.Matcher) LexiconRef {
	l := m.Lexicon()
	return LexiconRef{Name: l.Name, Version: l.Version, Hash: m.Hash()}
}

// Tally is the per-group sums of document scores. Every field is a sum or a
// count, so two tallies of disjoint parts of a corpus merge exactly, in any
// order and grouping: Merge is associative and commutative, and the same code
// serves as the map and combine steps of a distributed run. Each group
// carries the fingerprint of the documents it counted, so that Merge can
// refuse tallies that are not disjoint.
type Tally struct {
	Format  int        `json:"format"`
	Lexicon LexiconRef `json:"lexicon"`
	By      string     `json:"by"`
	// Voices are the voices whose label hits the framing index, the pole
	// counts and the distinctive terms count (--voice; own by default).
	Voices token.VoiceSet `json:"voices"`
	// Phrases says that the groups count every word and two-word phrase
	// of their documents (GroupTally.Phrases; Options.Phrases).
	Phrases bool `json:"phrases,omitempty"`
	// Labels are the lexicon's labels in lexicon order, each with its
	// pole; the file writes them as "labels" (concept.label) and "poles".
	Labels     []lexicon.LabelInfo `json:"-"`
	Categories []string            `json:"categories"`
	// Read and Skipped account for the documents of the run (read =
	// scored + skipped); Skipped is by reason.
	Read    int                    `json:"read"`
	Skipped map[string]int         `json:"skipped"`
	Groups  map[string]*GroupTally `json:"groups"`
	// fields are the metadata fields of the documents added, for CheckBy;
	// nil until a document is added (and in a tally read from a file).
	fields map[string]bool
	// shapeMemo is the lexicon's shape for folding units (Tally.shape).
	shapeMemo *shape
	// hashSpill holds the groups' fingerprints past their budget
	// (fingerprint.go); nil until a group is made.
	hashSpill *hashSpill
}

// builtinFields are the fields every document has, if empty: GroupOf reads
// them without metadata.
func builtinFields() []string { return []string{"outlet", "date", "url", "title", "id", "lang"} }

// FieldError says that no document has the field the documents were to be
// grouped by.
type FieldError struct {
	Field string
	// Have are the fields there are: the built-in ones, then the metadata
	// fields of the documents, sorted.
	Have []string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("no document has a field %s to group by (fields: %s)", e.Field, strings.Join(e.Have, ", "))
}

// CheckBy returns a *FieldError when the tally groups by a metadata field
// that no document added to it has: every document would be "unknown". A
// field some documents have is fine (the others are "unknown"), and so is
// a built-in field, or a tally that saw no document.
func (t *Tally) CheckBy() error {
	if t.fields == nil || t.fields[t.By] || slices.Contains(builtinFields(), t.By) {
		return nil
	}
	have := builtinFields()
	for _, k := range slices.Sorted(maps.Keys(t.fields)) {
		if !slices.Contains(have, k) { // a document may carry a built-in field as metadata too ("lang")
			have = append(have, k)
		}
	}
	return &FieldError{Field: t.By, Have: have}
}

// GroupTally is the sums of one group's documents.
type GroupTally struct {
	Documents  int          `json:"documents"`
	Tokens     TokenCounts  `json:"tokens"`
	Labels     []VoiceCount `json:"labels"`
	Categories []VoiceCount `json:"categories"`
	// Terms counts label hits in the counted voices, not negated, by the
	// words matched, normalised ("invaded", "special military
	// operation"), for distinctive terms.
	Terms map[string]int `json:"terms"`
	// Pos and Neg are hits on the axis' poles in the counted voices.
	Pos int `json:"pos"`
	Neg int `json:"neg"`
	// ConceptPoles splits Pos and Neg by concept ({pos, neg}): what drives
	// the group's index.
	ConceptPoles map[string][2]int `json:"concept_poles"`
	// Units are the group's units of evidence (units.go): its documents,
	// with --dedupe the copies of one syndicated story counting as one.
	Units int `json:"units"`
	// UnitIndex counts units by their "pos,neg" pair: what the
	// document-level interval and test of the framing index need, kept as
	// a histogram so that it merges by addition and stays small (a few
	// hundred distinct pairs however many documents).
	UnitIndex *Histogram `json:"unit_index"`
	// UnitLabels counts, for each concept, the units with a hit of it by
	// their vector of label counts in the counted voices ("2,0,1", labels
	// in lexicon order); units without a hit of the concept are not listed.
	UnitLabels map[string]*Histogram `json:"unit_labels"`
	// UnitShares counts, for each share indicator counted out of
	// sentences, attributions, citations or documents, the units by their
	// "k,n" (n > 0 only).
	UnitShares map[string]*Histogram `json:"unit_shares"`
	// UnitTokens sums the units' tokens in the counted voices (Units with
	// tokens, N, NN): the denominators of every label's rate.
	UnitTokens TokenSums `json:"unit_tokens"`
	// TokenSums are the sums of each label's hits (LabelSums) and of each
	// indicator counted out of tokens, by LabelSumsKey or
	// IndicatorSumsKey.
	TokenSums map[string]TokenSums `json:"token_sums"`
	// open are the units a run may still add documents to, by
	// Score.Unit, until Seal folds them.
	open map[string]*unit
	// Weeks counts documents and pole hits by ISO week of their date
	// ("2023-W25"), for the timeline; Undated counts documents with no
	// date that could be read, so none is dropped unseen.
	Weeks   map[string]WeekCount `json:"weeks,omitempty"`
	Undated int                  `json:"undated"`
	// Phrases counts the words and two-word phrases of the voices counted
	// when the tally counts them (Tally.Phrases).
	Phrases map[string]int `json:"phrases,omitempty"`
	// Reliability sums the documents' sourcing counts.
	Reliability reliability.Counts `json:"reliability"`
	// Fingerprint records the ids of the group's documents: kept with the
	// group, so a tally split by group (as a distributed run splits it)
	// keeps them exactly.
	Fingerprint Fingerprint `json:"documents_fingerprint"`
}

// NewTally returns an empty tally for lexicon m, grouping documents by the
// field by ("outlet", "date", "title", "url", or any metadata field).
func NewTally(m *lexicon.Matcher, by string) *Tally {
	t := &Tally{Format: TallyFormat, Lexicon: RefOf(m), By: by, Voices: token.OwnVoice, Categories: m.Categories(),
		Skipped: map[string]int{}, Groups: map[string]*GroupTally{}}
	if t.Categories == nil {
		t.Categories = []string{}
	}
	t.Labels = m.Labels()
	return t
}

// Poles are the poles of the tally's labels, in order.
func (t *Tally) Poles() []int {
	out := make([]int, len(t.Labels))
	for i, l := range t.Labels {
		out[i] = l.Pole
	}
	return out
}

// GroupOf returns the value of field by for a score; "unknown" when empty.
func GroupOf(s *Score, by string) string {
	var v string
	switch by {
	case "outlet":
		v = s.Outlet
	case "date":
		v = s.Date
	case "url":
		v = s.URL
	case "title":
		v = s.Title
	case "id":
		v = s.ID
	case "lang":
		v = s.Lang
	default:
		v = s.Meta[by]
	}
	if v == "" {
		return UnknownOutlet
	}
	return v
}

func (t *Tally) group(name string) *GroupTally {
	g := t.Groups[name]
	if g == nil {
		g = &GroupTally{
			Labels: make([]VoiceCount, len(t.Labels)), Categories: make([]VoiceCount, len(t.Categories)),
			Terms: map[string]int{}, Weeks: map[string]WeekCount{}, Reliability: reliability.Counts{Sources: map[string]int{}},
		}
		g.initUnits()
		g.ConceptPoles = map[string][2]int{}
		if t.hashSpill == nil {
			t.hashSpill = newHashSpill(defaultHashBudget)
		}
		t.hashSpill.keep(&g.Fingerprint)
		t.Groups[name] = g
	}
	return g
}

// Add adds one scored document.
func (t *Tally) Add(s *Score) {
	t.Read++
	if t.fields == nil {
		t.fields = map[string]bool{}
	}
	for k := range s.Meta {
		if !t.fields[k] {
			t.fields[strings.Clone(k)] = true // a key cut from a document must not keep it alive
		}
	}
	one := &GroupTally{
		Documents: 1, Tokens: s.Tokens, Labels: s.Labels, Categories: s.Categories, Pos: s.Pos, Neg: s.Neg,
		// add takes the counts, not the per-document targets and citations,
		// and copies the source names.
		Reliability: s.Reliability,
	}
	one.Fingerprint.Add(s.ID)
	if t.Phrases {
		one.Phrases = s.Phrases
	}
	g := t.group(GroupOf(s, t.By))
	g.add(one)
	// The document's week, terms and concept poles go straight into its
	// group's maps: a map of each for one document cost a run more than
	// the counting.
	if d, ok := ParseDate(s.Date); ok {
		if g.Weeks == nil {
			g.Weeks = map[string]WeekCount{}
		}
		k := WeekKey(d)
		w := g.Weeks[k]
		w.Documents++
		w.Pos += s.Pos
		w.Neg += s.Neg
		g.Weeks[k] = w
	} else {
		g.Undated++
	}
	sh := t.shape()
	for _, h := range s.Hits {
		if h.Label == "" || !t.Voices.Has(h.Voice) || h.Negated {
			continue
		}
		addCount(g.Terms, h.Norm, 1)
		if lp, ok := sh.poles[h.Label]; ok && lp.pole != 0 {
			if g.ConceptPoles == nil {
				g.ConceptPoles = map[string][2]int{}
			}
			cp := g.ConceptPoles[lp.concept]
			if lp.pole > 0 {
				cp[0]++
			} else {
				cp[1]++
			}
			g.ConceptPoles[lp.concept] = cp
		}
	}
	// The document's unit goes straight into the group's histograms and
	// sums, or waits with its story's other copies.
	if s.Unit == "" {
		g.fold(t.unitOf(s, &sh.unit), sh)
		return
	}
	if g.open == nil {
		g.open = map[string]*unit{}
	}
	if mine := g.open[s.Unit]; mine != nil {
		mine.merge(t.unitOf(s, &sh.unit))
	} else {
		g.open[strings.Clone(s.Unit)] = t.unitOf(s, &unit{}) // kept until Seal: memory of its own
	}
}

// initUnits makes the maps of a group's units.
func (g *GroupTally) initUnits() {
	g.UnitIndex, g.UnitLabels, g.UnitShares = &Histogram{}, map[string]*Histogram{}, map[string]*Histogram{}
	g.TokenSums = map[string]TokenSums{}
}

// add adds o's sums to g; g and o have the same labels and categories.
func (g *GroupTally) add(o *GroupTally) {
	g.Documents += o.Documents
	g.Tokens.Own += o.Tokens.Own
	g.Tokens.Quoted += o.Tokens.Quoted
	g.Tokens.Reported += o.Tokens.Reported
	g.Tokens.Distanced += o.Tokens.Distanced
	g.Tokens.Boilerplate += o.Tokens.Boilerplate
	for i, c := range o.Labels {
		g.Labels[i].Add(c)
	}
	for i, c := range o.Categories {
		g.Categories[i].Add(c)
	}
	for k, n := range o.Terms {
		addCount(g.Terms, k, n)
	}
	if len(o.Phrases) > 0 && g.Phrases == nil {
		g.Phrases = map[string]int{}
	}
	for k, n := range o.Phrases {
		addCount(g.Phrases, k, n)
	}
	g.Pos += o.Pos
	g.Neg += o.Neg
	for k, p := range o.ConceptPoles {
		if g.ConceptPoles == nil {
			g.ConceptPoles = map[string][2]int{}
		}
		sum := g.ConceptPoles[k]
		g.ConceptPoles[k] = [2]int{sum[0] + p[0], sum[1] + p[1]}
	}
	g.Units += o.Units
	g.UnitIndex.merge(o.UnitIndex) // a nil histogram (a document's) adds nothing
	for _, pair := range []struct{ to, from map[string]*Histogram }{{g.UnitLabels, o.UnitLabels}, {g.UnitShares, o.UnitShares}} {
		for name, h := range pair.from {
			if pair.to[name] == nil {
				pair.to[name] = &Histogram{}
			}
			pair.to[name].merge(h)
		}
	}
	g.UnitTokens.merge(o.UnitTokens)
	for k, s := range o.TokenSums {
		sum := g.TokenSums[k]
		sum.merge(s)
		g.TokenSums[k] = sum
	}
	for k, u := range o.open {
		if g.open == nil {
			g.open = map[string]*unit{}
		}
		if mine := g.open[k]; mine != nil {
			mine.merge(u)
		} else {
			g.open[k] = u.clone()
		}
	}
	if g.Weeks == nil && len(o.Weeks) > 0 {
		g.Weeks = map[string]WeekCount{}
	}
	for k, w := range o.Weeks {
		sum := g.Weeks[k]
		sum.Documents += w.Documents
		sum.Pos += w.Pos
		sum.Neg += w.Neg
		g.Weeks[k] = sum
	}
	g.Undated += o.Undated
	g.Reliability.Add(o.Reliability)
	g.Fingerprint.union(&o.Fingerprint)
}

// AddSummary counts the documents a run skipped.
func (t *Tally) AddSummary(sum Summary) {
	for r, n := range sum.Skipped {
		t.Skipped[string(r)] += n
		t.Read += n
	}
}

// addCount adds n to m[k] with a copy of k as the key. A key cut from a
// document's text would keep the whole text alive, and checking for a new
// key is not enough: Go stores the key of every assignment to a string-keyed
// map, an existing entry's too.
func addCount(m map[string]int, k string, n int) {
	m[strings.Clone(k)] += n
}

// Merge adds o into t. Both must come from the same lexicon (by hash),
// group by the same field and have counted no document in common (an
// *OverlapError says how many they share); t is left as it was when Merge
// refuses.
func (t *Tally) Merge(o *Tally) error {
	switch {
	case o.Format != t.Format:
		return fmt.Errorf("tally format %d, want %d", o.Format, t.Format)
	case o.Lexicon.Hash != t.Lexicon.Hash:
		return fmt.Errorf("tallies come from different lexicons (%s %s, hash %.12s; %s %s, hash %.12s): score both with the same lexicon",
			t.Lexicon.Name, t.Lexicon.Version, t.Lexicon.Hash, o.Lexicon.Name, o.Lexicon.Version, o.Lexicon.Hash)
	case o.By != t.By:
		return fmt.Errorf("tallies group by different fields (%q, %q)", t.By, o.By)
	case o.Voices != t.Voices && t.Voices != 0 && o.Voices != 0: // zero: an empty accumulator, which takes the other's
		return fmt.Errorf("tallies count different voices (%s, %s): score both with the same --voice", t.Voices, o.Voices)
	case o.Phrases != t.Phrases && len(o.Groups) > 0 && len(t.Groups) > 0:
		return fmt.Errorf("one tally counts phrases and the other does not: score both with or without --phrases")
	case len(o.Labels) != len(t.Labels) || len(o.Categories) != len(t.Categories):
		return fmt.Errorf("tallies have different labels or categories")
	}
	for name, og := range o.Groups {
		if og == nil || len(og.Labels) != len(t.Labels) || len(og.Categories) != len(t.Categories) {
			return fmt.Errorf("group %q does not have the tally's %d labels and %d categories", name, len(t.Labels), len(t.Categories))
		}
	}
	mine, err := t.allHashes()
	if err != nil {
		return err
	}
	theirs, err := o.allHashes()
	if err != nil {
		return err
	}
	if n := shared(mine, theirs); n > 0 {
		return &OverlapError{Shared: n}
	}
	if t.Voices == 0 {
		t.Voices = o.Voices
	}
	t.Phrases = t.Phrases || o.Phrases
	t.Read += o.Read
	for r, n := range o.Skipped {
		t.Skipped[r] += n
	}
	if o.fields != nil && t.fields == nil {
		t.fields = map[string]bool{}
	}
	for k := range o.fields {
		t.fields[k] = true
	}
	for name, og := range o.Groups {
		t.group(name).add(og)
	}
	return nil
}

// Scored is the number of documents the tally holds.
func (t *Tally) Scored() int {
	n := 0
	for _, g := range t.Groups {
		n += g.Documents
	}
	return n
}

// Check reports a tally read from a file that is not internally consistent.
func (t *Tally) Check() error {
	if t.Format != TallyFormat {
		return fmt.Errorf("tally format %d, want %d", t.Format, TallyFormat)
	}
	if t.Voices == 0 {
		return fmt.Errorf("tally counts no voices")
	}
	concepts := t.concepts()
	for name, g := range t.Groups {
		if g == nil || len(g.Labels) != len(t.Labels) || len(g.Categories) != len(t.Categories) {
			return fmt.Errorf("group %q does not have the tally's %d labels and %d categories", name, len(t.Labels), len(t.Categories))
		}
		if g.Terms == nil {
			g.Terms = map[string]int{}
		}
		if g.ConceptPoles == nil {
			g.ConceptPoles = map[string][2]int{}
		}
		pos, neg := 0, 0
		for concept, p := range g.ConceptPoles {
			if !slices.ContainsFunc(concepts, func(c conceptLabels) bool { return c.id == concept }) || p[0] < 0 || p[1] < 0 {
				return fmt.Errorf("group %q: concept_poles %s: no such concept, or a negative count", name, concept)
			}
			pos, neg = pos+p[0], neg+p[1]
		}
		if pos != g.Pos || neg != g.Neg {
			return fmt.Errorf("group %q has %d and %d pole hits but concept_poles counts %d and %d", name, g.Pos, g.Neg, pos, neg)
		}
		if g.UnitIndex == nil || g.UnitLabels == nil || g.UnitShares == nil || g.TokenSums == nil {
			return fmt.Errorf("group %q has no units of evidence (unit_index, unit_labels, unit_shares, token_sums)", name)
		}
		if err := g.checkUnits(concepts); err != nil {
			return fmt.Errorf("group %q: %w", name, err)
		}
		dated := 0
		for k, w := range g.Weeks {
			if _, err := WeekStart(k); err != nil {
				return fmt.Errorf("group %q: %w", name, err)
			}
			dated += w.Documents
		}
		if dated+g.Undated != g.Documents {
			return fmt.Errorf("group %q has %d documents but its weeks count %d and %d are undated", name, g.Documents, dated, g.Undated)
		}
		if n := g.Fingerprint.Count(); n != g.Documents {
			return fmt.Errorf("group %q has %d documents but its fingerprint holds %d", name, g.Documents, n)
		}
	}
	if t.Skipped == nil {
		t.Skipped = map[string]int{}
	}
	return nil
}

// Empty returns a tally of no documents with t's lexicon, labels,
// categories and grouping: what t merges into.
func (t *Tally) Empty() *Tally {
	return &Tally{Format: t.Format, Lexicon: t.Lexicon, By: t.By, Phrases: t.Phrases, Labels: t.Labels, Categories: t.Categories,
		Skipped: map[string]int{}, Groups: map[string]*GroupTally{}}
}
