package baseline

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
)

// Kind is what a measure is, for its tolerance.
type Kind string

// The kinds of measure.
const (
	Count Kind = "count" // documents, tokens, hits: whole numbers
	Rate  Kind = "rate"  // hits per 1,000 own-voice tokens
	Share Kind = "share" // a label's share of its concept, 0 to 1
	Index Kind = "index" // the framing index and its interval, −1 to 1
)

// Kinds are all kinds, in the order tolerances are written.
var Kinds = []Kind{Count, Rate, Share, Index}

// Tolerance is how far a measure may move and still pass: by at most Abs,
// or by at most Rel times its baseline value (a fraction: 0.05 is 5%).
type Tolerance struct {
	Abs float64 `json:"abs,omitempty"`
	Rel float64 `json:"rel,omitempty"`
}

func (t Tolerance) String() string {
	if t.Rel > 0 {
		return strconv.FormatFloat(t.Rel*100, 'g', -1, 64) + "%"
	}
	return strconv.FormatFloat(t.Abs, 'g', -1, 64)
}

// Tolerances are the tolerance of each kind.
type Tolerances map[Kind]Tolerance

// DefaultTolerances compare counts exactly, and other measures to 1e-9:
// the same computation on another CPU may differ in the last bits of a
// float, never by more.
func DefaultTolerances() Tolerances {
	return Tolerances{Count: {}, Rate: {Abs: 1e-9}, Share: {Abs: 1e-9}, Index: {Abs: 1e-9}}
}

// ParseTolerances reads "index=0.02,rate=5%" over the defaults: a number
// is an absolute tolerance, a number with % a relative one.
func ParseTolerances(s string) (Tolerances, error) {
	t := DefaultTolerances()
	if strings.TrimSpace(s) == "" {
		return t, nil
	}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		kind := Kind(strings.TrimSpace(k))
		if !ok || !slices.Contains(Kinds, kind) {
			return nil, fmt.Errorf("tolerance %q: want KIND=VALUE with KIND one of count, rate, share, index (as in index=0.02,rate=5%%)", part)
		}
		v = strings.TrimSpace(v)
		rel := strings.HasSuffix(v, "%")
		x, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
		if err != nil || x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("tolerance %q: %q is not a number of 0 or more", part, v)
		}
		if rel {
			t[kind] = Tolerance{Rel: x / 100}
		} else {
			t[kind] = Tolerance{Abs: x}
		}
	}
	return t, nil
}

// within reports whether was → now stays within t. Undefined (NaN) equals
// only undefined.
func (t Tolerance) within(was, now float64) bool {
	wn, nn := math.IsNaN(was), math.IsNaN(now)
	if wn || nn {
		return wn && nn
	}
	d := math.Abs(now - was)
	return d <= t.Abs || (t.Rel > 0 && d <= t.Rel*math.Abs(was))
}

// Cell is one measure of one unit that moved.
type Cell struct {
	Scope   string    `json:"scope"` // "corpus", "group" or "document"
	Name    string    `json:"name"`
	Measure string    `json:"measure"` // "labels.war.invasion.own", "index", ...
	Kind    Kind      `json:"kind"`
	Was     stats.Num `json:"was"` // null: absent or undefined
	Now     stats.Num `json:"now"`
	Change  stats.Num `json:"change"` // now − was; null when either is null
}

// Result is a comparison of a baseline with the scores now.
type Result struct {
	Compared   int        `json:"compared"` // cells compared
	Drift      []Cell     `json:"drift"`    // cells beyond tolerance, largest change first
	Causes     []string   `json:"causes"`   // what differs besides the scores, when known
	Tolerances Tolerances `json:"tolerances"`
}

// OK reports whether every cell is within tolerance.
func (r *Result) OK() bool { return len(r.Drift) == 0 }

// Verdict is the result in one line.
func (r *Result) Verdict() string {
	if r.OK() {
		return fmt.Sprintf("ok: %d cells within tolerance of the baseline", r.Compared)
	}
	var groups, docs []string
	seen := map[string]bool{}
	for _, c := range r.Drift {
		k := c.Scope + "\x00" + c.Name
		if seen[k] {
			continue
		}
		seen[k] = true
		switch c.Scope {
		case "group":
			groups = append(groups, c.Name)
		case "document":
			docs = append(docs, c.Name)
		}
	}
	slices.Sort(groups)
	slices.Sort(docs)
	return fmt.Sprintf("drift: %d of %d cells moved beyond tolerance, in %s and %s", len(r.Drift), r.Compared,
		listOf(groups, "group", "groups"), listOf(docs, "document", "documents"))
}

func listOf(names []string, one, many string) string {
	switch len(names) {
	case 0:
		return "no " + many
	case 1:
		return one + " " + names[0]
	}
	const show = 5
	s := many + " " + strings.Join(names[:min(show, len(names))], ", ")
	if len(names) > show {
		s += fmt.Sprintf(" and %d more", len(names)-show)
	}
	return s
}

// Diff compares the baseline was with the scores now, cell by cell.
func Diff(was, now *Baseline, tol Tolerances) *Result {
	r := &Result{Tolerances: tol, Drift: []Cell{}, Causes: []string{}}
	d := differ{r: r, tol: tol}
	d.scope("corpus", "corpus")
	d.count("read", float64(was.Corpus.Read), float64(now.Corpus.Read))
	d.count("scored", float64(was.Corpus.Scored), float64(now.Corpus.Scored))
	for _, k := range union(was.Corpus.Skipped, now.Corpus.Skipped) {
		d.count("skipped."+k, float64(was.Corpus.Skipped[k]), float64(now.Corpus.Skipped[k]))
	}
	d.units("group", was.Groups, now.Groups)
	d.units("document", was.Documents, now.Documents)
	slices.SortStableFunc(r.Drift, func(a, b Cell) int {
		return cmp.Or(cmp.Compare(size(b), size(a)), cmp.Compare(a.Scope, b.Scope), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Measure, b.Measure))
	})
	r.Causes = causes(was, now)
	return r
}

// size orders drift: a cell that appeared or disappeared first, then by
// how far it moved.
func size(c Cell) float64 {
	if c.Change.IsNaN() {
		return math.Inf(1)
	}
	return math.Abs(float64(c.Change))
}

type differ struct {
	r         *Result
	tol       Tolerances
	scopeName string
	name      string
}

func (d *differ) scope(scope, name string) { d.scopeName, d.name = scope, name }

func (d *differ) cell(kind Kind, measure string, was, now float64) {
	d.r.Compared++
	if d.tol[kind].within(was, now) {
		return
	}
	d.r.Drift = append(d.r.Drift, Cell{Scope: d.scopeName, Name: d.name, Measure: measure, Kind: kind,
		Was: stats.Num(was), Now: stats.Num(now), Change: stats.Num(now - was)})
}

func (d *differ) count(measure string, was, now float64) { d.cell(Count, measure, was, now) }

func (d *differ) units(scope string, was, now []Unit) {
	w, n := byName(was), byName(now)
	for _, name := range union(w, n) {
		d.scope(scope, name)
		a, inA := w[name]
		b, inB := n[name]
		if !inA || !inB {
			// A whole unit came or went: one cell says so.
			d.count("present", present(inA), present(inB))
			continue
		}
		d.unit(a, b)
	}
}

func present(in bool) float64 {
	if in {
		return 1
	}
	return 0
}

func (d *differ) unit(a, b Unit) {
	d.count("documents", float64(a.Documents), float64(b.Documents))
	d.count("tokens.own", float64(a.Tokens.Own), float64(b.Tokens.Own))
	d.count("tokens.quoted", float64(a.Tokens.Quoted), float64(b.Tokens.Quoted))
	d.count("tokens.reported", float64(a.Tokens.Reported), float64(b.Tokens.Reported))
	d.count("tokens.distanced", float64(a.Tokens.Distanced), float64(b.Tokens.Distanced))
	d.count("tokens.boilerplate", float64(a.Tokens.Boilerplate), float64(b.Tokens.Boilerplate))
	for _, k := range union(a.Labels, b.Labels) {
		d.count("labels."+k+".own", float64(a.Labels[k].Own), float64(b.Labels[k].Own))
		d.count("labels."+k+".quoted", float64(a.Labels[k].Quoted), float64(b.Labels[k].Quoted))
		d.count("labels."+k+".reported", float64(a.Labels[k].Reported), float64(b.Labels[k].Reported))
		d.count("labels."+k+".distanced", float64(a.Labels[k].Distanced), float64(b.Labels[k].Distanced))
		d.count("labels."+k+".negated", float64(a.Labels[k].Negated), float64(b.Labels[k].Negated))
	}
	for _, k := range union(a.Categories, b.Categories) {
		d.count("categories."+k+".own", float64(a.Categories[k].Own), float64(b.Categories[k].Own))
		d.count("categories."+k+".quoted", float64(a.Categories[k].Quoted), float64(b.Categories[k].Quoted))
		d.count("categories."+k+".reported", float64(a.Categories[k].Reported), float64(b.Categories[k].Reported))
	}
	for _, k := range union(a.Rates, b.Rates) {
		d.cell(Rate, "rate."+k, float64(a.Rates[k]), float64(b.Rates[k])) // absent: no hits, rate 0
	}
	for _, k := range union(a.Shares, b.Shares) {
		d.cell(Share, "share."+k, numOr(a.Shares, k), numOr(b.Shares, k)) // absent: the concept had no hits
	}
	d.count("pos", float64(a.Pos), float64(b.Pos))
	d.count("neg", float64(a.Neg), float64(b.Neg))
	d.cell(Index, "index", float64(a.Index), float64(b.Index))
	d.cell(Index, "index.lo", float64(a.Lo), float64(b.Lo))
	d.cell(Index, "index.hi", float64(a.Hi), float64(b.Hi))
}

func numOr(m map[string]stats.Num, k string) float64 {
	if v, ok := m[k]; ok {
		return float64(v)
	}
	return math.NaN()
}

func byName(us []Unit) map[string]Unit {
	m := make(map[string]Unit, len(us))
	for _, u := range us {
		m[u.Name] = u
	}
	return m
}

// union is the keys of two maps, sorted.
func union[V1, V2 any](a map[string]V1, b map[string]V2) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// causes says what differs between the two baselines besides the scores:
// the tool, the lexicon (which terms), the corpus (which documents), the
// options.
func causes(was, now *Baseline) []string {
	out := []string{}
	if was.Tool != now.Tool {
		out = append(out, fmt.Sprintf("tool: the baseline was written by %s, this is %s", was.Tool, now.Tool))
	}
	wl, nl := was.Lexicon, now.Lexicon
	if wl.Hash != nl.Hash {
		out = append(out, fmt.Sprintf("lexicon: %s %s (hash %.12s) in the baseline, now %s %s (hash %.12s)", wl.Name, wl.Version, wl.Hash, nl.Name, nl.Version, nl.Hash))
		for _, c := range lexicon.DiffInventory(wl.Inventory, nl.Inventory) {
			out = append(out, "  "+c.String())
		}
		if wl.Name == nl.Name && wl.Version == nl.Version {
			out = append(out, fmt.Sprintf("warning: lexicon %s changed but its version is still %s: give the changed lexicon a new version, so that every result names the lexicon that made it", nl.Name, nl.Version))
		}
	}
	wc, nc := was.Corpus, now.Corpus
	if wc.Hash != nc.Hash {
		var added, removed, changed []string
		for _, id := range union(wc.Documents, nc.Documents) {
			a, inA := wc.Documents[id]
			b, inB := nc.Documents[id]
			switch {
			case !inA:
				added = append(added, id)
			case !inB:
				removed = append(removed, id)
			case a != b:
				changed = append(changed, id)
			}
		}
		out = append(out, fmt.Sprintf("corpus: %s added, %s removed, %s changed (text or metadata)",
			listOf(added, "document", "documents"), listOf(removed, "document", "documents"), listOf(changed, "document", "documents")))
	}
	if was.Options != now.Options {
		out = append(out, "options: "+optionChanges(was.Options, now.Options))
	}
	return out
}

// optionChanges lists the options that differ, "name was → now", in words
// a user can act on.
func optionChanges(was, now Options) string {
	var parts []string
	add := func(name string, a, b any) {
		if a != b {
			parts = append(parts, fmt.Sprintf("%s %v in the baseline, now %v", name, a, b))
		}
	}
	add("by", was.By, now.By)
	add("conf", was.Conf, now.Conf)
	add("seed", was.Seed, now.Seed)
	add("bootstrap", was.Bootstrap, now.Bootstrap)
	add("per_tokens", was.PerTokens, now.PerTokens)
	add("voices", was.Voices.String(), now.Voices.String())
	return strings.Join(parts, "; ")
}
