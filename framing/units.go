package framing

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
)

// A unit of evidence is what document-level statistics resample and
// permute: a document, or with --dedupe a syndicated story's copies within
// one group, which are not independent of each other (Score.Unit). A group
// keeps its units as histograms of their count vectors and as sums of
// squares, so that tallies still merge by addition, exactly and in any
// order, and stay small however many documents they count.

// TokenSums are the sufficient statistics of a ratio of sums Σk/Σn over
// units whose denominator n is tokens (a label's rate, a sourcing rate, the
// share of quoted tokens): the units with tokens, Σk, Σn and the sums of
// squares and products Σk², Σkn, Σn², from which the cluster-robust
// variance of the ratio follows (see stats.RatioSums). They are whole
// numbers, so they add up exactly.
type TokenSums struct {
	Units int   `json:"units"`
	K     int64 `json:"k"`
	N     int64 `json:"n"`
	KK    int64 `json:"kk"`
	KN    int64 `json:"kn"`
	NN    int64 `json:"nn"`
}

// add adds one unit with k of n.
func (s *TokenSums) add(k, n int) {
	if n == 0 {
		return // no exposure: no part of a rate (k is 0 too)
	}
	s.Units++
	s.K += int64(k)
	s.N += int64(n)
	s.KK += int64(k) * int64(k)
	s.KN += int64(k) * int64(n)
	s.NN += int64(n) * int64(n)
}

func (s *TokenSums) merge(o TokenSums) {
	s.Units += o.Units
	s.K += o.K
	s.N += o.N
	s.KK += o.KK
	s.KN += o.KN
	s.NN += o.NN
}

// LabelSums are the TokenSums of a label's hits over the tokens of the
// counted voices.
func (g *GroupTally) LabelSums(label string) TokenSums { return g.hitSums(LabelSumsKey(label)) }

// CategorySums are the TokenSums of a category's hits over the tokens of
// the counted voices.
func (g *GroupTally) CategorySums(category string) TokenSums {
	return g.hitSums(CategorySumsKey(category))
}

// hitSums completes the hits' sums under key with the units' tokens.
func (g *GroupTally) hitSums(key string) TokenSums {
	s := g.TokenSums[key]
	s.Units, s.N, s.NN = g.UnitTokens.Units, g.UnitTokens.N, g.UnitTokens.NN
	return s
}

// addHits adds a unit's k hits in n tokens to the sums under key: only the
// hits' sums (K, KK, KN); the units, Σn and Σn² are UnitTokens', shared by
// every label and category (hitSums), so that those without hits take no
// room.
func (g *GroupTally) addHits(key string, k, n int) {
	s := g.TokenSums[key]
	s.K += int64(k)
	s.KK += int64(k) * int64(k)
	s.KN += int64(k) * int64(n)
	g.TokenSums[key] = s
}

// LabelSumsKey, CategorySumsKey and IndicatorSumsKey name a label's, a
// category's and an indicator's TokenSums in GroupTally.TokenSums.
func LabelSumsKey(label string) string       { return "label " + label }
func CategorySumsKey(category string) string { return "category " + category }
func IndicatorSumsKey(name string) string    { return "indicator " + name }

// unit is what one unit of evidence counts: its pole hits, its label hits
// and tokens in the counted voices, and every indicator's k of n (in the
// order of reliability.IndicatorList).
type unit struct {
	pos, neg   int
	labels     []int
	categories []int
	tokens     int
	indicators [][2]int
}

// unitOf fills u with the unit of one scored document, reusing its
// memory, and returns it.
func (t *Tally) unitOf(s *Score, u *unit) *unit {
	u.pos, u.neg, u.tokens = s.Pos, s.Neg, s.Tokens.In(t.Voices)
	u.labels = slices.Grow(u.labels[:0], len(t.Labels))[:len(t.Labels)]
	for i, c := range s.Labels {
		u.labels[i] = c.In(t.Voices)
	}
	u.categories = slices.Grow(u.categories[:0], len(t.Categories))[:len(t.Categories)]
	for i, c := range s.Categories {
		u.categories[i] = c.In(t.Voices)
	}
	u.indicators = slices.Grow(u.indicators[:0], len(reliability.IndicatorList))[:len(reliability.IndicatorList)]
	for i, info := range reliability.IndicatorList {
		k, n := info.Counts(s.Reliability, s.Tokens.Prose(), s.Tokens.Quoted)
		u.indicators[i] = [2]int{k, n}
	}
	return u
}

// merge adds o's counts to u (two documents of one unit).
func (u *unit) merge(o *unit) {
	u.pos += o.pos
	u.neg += o.neg
	u.tokens += o.tokens
	for i := range u.labels {
		u.labels[i] += o.labels[i]
	}
	for i := range u.categories {
		u.categories[i] += o.categories[i]
	}
	for i := range u.indicators {
		u.indicators[i][0] += o.indicators[i][0]
		u.indicators[i][1] += o.indicators[i][1]
	}
}

// clone returns a copy of u that shares no memory with it.
func (u *unit) clone() *unit {
	c := *u
	c.labels = slices.Clone(u.labels)
	c.categories = slices.Clone(u.categories)
	c.indicators = slices.Clone(u.indicators)
	return &c
}

// shape is what folding a unit needs to know of the tally's lexicon: its
// concepts with their labels, which concept each label is in, and the
// TokenSums key of each label, category and indicator; made once per
// tally.
type shape struct {
	concepts      []conceptLabels
	conceptOf     []int
	sumsKeys      []string
	categoryKeys  []string
	indicatorKeys []string // by reliability.IndicatorList's order
	// poles are each label's concept and pole, by label id.
	poles map[string]labelPole
	// vector is fold's memory for a concept's label counts, and unit
	// Tally.Add's for a unit folded at once: a tally adds one document at
	// a time.
	vector []int
	unit   unit
}

type labelPole struct {
	concept string
	pole    int
}

// shape returns the tally's shape, made on first need.
func (t *Tally) shape() *shape {
	if t.shapeMemo == nil {
		sh := &shape{concepts: t.concepts(), conceptOf: make([]int, len(t.Labels))}
		for c, cl := range sh.concepts {
			for _, i := range cl.idx {
				sh.conceptOf[i] = c
			}
		}
		sh.poles = map[string]labelPole{}
		for _, l := range t.Labels {
			sh.sumsKeys = append(sh.sumsKeys, LabelSumsKey(l.ID))
			sh.poles[l.ID] = labelPole{l.Key.Concept, l.Pole}
		}
		for _, c := range t.Categories {
			sh.categoryKeys = append(sh.categoryKeys, CategorySumsKey(c))
		}
		for _, info := range reliability.IndicatorList {
			sh.indicatorKeys = append(sh.indicatorKeys, IndicatorSumsKey(info.Name))
		}
		t.shapeMemo = sh
	}
	return t.shapeMemo
}

// fold adds a closed unit to g's histograms and sums.
func (g *GroupTally) fold(u *unit, sh *shape) {
	g.Units++
	g.UnitIndex.Add(u.pos, u.neg)
	g.UnitTokens.add(0, u.tokens)
	last := -1 // the last concept with a hit, folded once
	for i, k := range u.labels {
		if k == 0 {
			continue
		}
		if c := sh.conceptOf[i]; c != last {
			// A unit without a hit of a concept carries none of its
			// labels and is not listed.
			last = c
			cl := sh.concepts[c]
			v := sh.vector[:0]
			for _, l := range cl.idx {
				v = append(v, u.labels[l])
			}
			sh.vector = v
			addHist(g.UnitLabels, cl.id, v...)
		}
		if u.tokens > 0 {
			g.addHits(sh.sumsKeys[i], k, u.tokens)
		}
	}
	for i, k := range u.categories {
		if k > 0 && u.tokens > 0 {
			g.addHits(sh.categoryKeys[i], k, u.tokens)
		}
	}
	for i, info := range reliability.IndicatorList {
		k, n := u.indicators[i][0], u.indicators[i][1]
		switch UnitsOf(info) {
		case UnitsHistogram:
			if n > 0 {
				addHist(g.UnitShares, info.Name, k, n)
			}
		case UnitsTokenSums:
			addSums(g.TokenSums, sh.indicatorKeys[i], k, n)
		}
	}
}

// UnitsKind says how a group keeps an indicator's units.
type UnitsKind int

const (
	// UnitsNone: no document-level statistics (a count, or a group value
	// that is not the sum of its documents').
	UnitsNone UnitsKind = iota
	// UnitsHistogram: a histogram of the units' (k, n), n counting
	// sentences, attributions, citations or documents (few distinct
	// pairs), for permutation tests and the cluster bootstrap.
	UnitsHistogram
	// UnitsTokenSums: TokenSums, n counting tokens (a pair nearly unique
	// to each document, so no histogram would stay small).
	UnitsTokenSums
)

// UnitsOf says how a group keeps the units of an indicator.
func UnitsOf(info reliability.IndicatorInfo) UnitsKind {
	switch {
	case info.GroupOnly || info.Kind == "count":
		return UnitsNone
	case info.OutOfTokens:
		return UnitsTokenSums
	}
	return UnitsHistogram
}

func addHist(m map[string]*Histogram, name string, v ...int) {
	h := m[name]
	if h == nil {
		h = &Histogram{}
		m[name] = h
	}
	h.Add(v...)
}

func addSums(m map[string]TokenSums, name string, k, n int) {
	s := m[name]
	s.add(k, n)
	if s.Units > 0 {
		m[name] = s
	}
}

// conceptLabels is a concept and the indices of its labels, lexicon order.
type conceptLabels struct {
	id  string
	idx []int
}

// concepts are the tally's concepts with their labels, in lexicon order.
func (t *Tally) concepts() []conceptLabels {
	var out []conceptLabels
	for i, l := range t.Labels {
		if n := len(out); n == 0 || out[n-1].id != l.Key.Concept {
			out = append(out, conceptLabels{id: l.Key.Concept})
		}
		out[len(out)-1].idx = append(out[len(out)-1].idx, i)
	}
	return out
}

// Seal folds the units still open — the syndicated stories whose copies
// a run may still add to (Score.Unit) — into the groups' histograms and
// sums. Writing a tally and comparing it seal it; adding a copy of a story
// after that makes it a unit of its own.
func (t *Tally) Seal() {
	sh := t.shape()
	for _, g := range t.Groups {
		for _, k := range slices.Sorted(maps.Keys(g.open)) {
			g.fold(g.open[k], sh)
		}
		g.open = nil
	}
}

// CountsKey is the key of a count vector in a histogram: "3,0,1", the
// one key of that vector (ParseCountsKey reads no other form).
func CountsKey(v ...int) string {
	var b strings.Builder
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

// ParseCountsKey reads a histogram key back into its k counts.
func ParseCountsKey(key string, k int) ([]int, error) {
	parts := strings.Split(key, ",")
	if len(parts) != k {
		return nil, fmt.Errorf("key %q does not hold %d counts", key, k)
	}
	out := make([]int, k)
	for i, p := range parts {
		// Only the form CountsKey writes: no sign, no leading zero, so
		// that one vector has one key.
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p[0] == '+' || (p[0] == '0' && len(p) > 1) {
			return nil, fmt.Errorf("key %q does not hold %d counts", key, k)
		}
		out[i] = n
	}
	return out, nil
}

// checkUnits reports a group whose units do not add up: what a damaged or
// hand-edited tally file would hold.
func (g *GroupTally) checkUnits(concepts []conceptLabels) error {
	units := 0
	for k, n := range g.UnitIndex.All() {
		if _, err := ParseCountsKey(k, 2); err != nil || n < 0 {
			return fmt.Errorf("unit_index: %v", orBadCount(err, n))
		}
		units += n
	}
	if units != g.Units || g.Units > g.Documents {
		return fmt.Errorf("%d units of %d documents, but unit_index counts %d", g.Units, g.Documents, units)
	}
	sizes := map[string]int{}
	for _, c := range concepts {
		sizes[c.id] = len(c.idx)
	}
	for concept, h := range g.UnitLabels {
		k, ok := sizes[concept]
		if !ok {
			return fmt.Errorf("unit_labels: no concept %s in the tally's labels", concept)
		}
		if err := checkHist(h, k, g.Units); err != nil {
			return fmt.Errorf("unit_labels %s: %v", concept, err)
		}
	}
	for name, h := range g.UnitShares {
		if err := checkHist(h, 2, g.Units); err != nil {
			return fmt.Errorf("unit_shares %s: %v", name, err)
		}
		for key := range h.All() {
			v, _ := ParseCountsKey(key, 2)
			if v[0] > v[1] {
				return fmt.Errorf("unit_shares %s: %q counts more than it is out of", name, key)
			}
		}
	}
	for name, s := range g.TokenSums {
		if s.Units < 0 || s.Units > g.Units || s.K < 0 || s.N < 0 || s.KK < 0 || s.KN < 0 || s.NN < 0 {
			return fmt.Errorf("token_sums %s: counts out of range", name)
		}
	}
	return nil
}

func checkHist(h *Histogram, k, units int) error {
	sum := 0
	for key, n := range h.All() {
		if _, err := ParseCountsKey(key, k); err != nil || n < 0 {
			return orBadCount(err, n)
		}
		sum += n
	}
	if sum > units {
		return fmt.Errorf("counts %d units of %d", sum, units)
	}
	return nil
}

func orBadCount(err error, n int) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("a negative number of units (%d)", n)
}

// Stats returns the sums as stats reads them.
func (s TokenSums) Stats() stats.TokenSums {
	return stats.TokenSums{D: float64(s.Units), K: float64(s.K), N: float64(s.N), KK: float64(s.KK), KN: float64(s.KN), NN: float64(s.NN)}
}
