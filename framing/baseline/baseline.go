package baseline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// Format is the version of the baseline file format.
const Format = 3 // 2: counts by voice (reported, distanced, negated), the voices counted; 3: group index intervals with documents as the unit (no min_bootstrap)

// Baseline is the scores of one corpus under one lexicon. Every map is
// written with sorted keys, so two baselines diff line by line.
type Baseline struct {
	Format    int     `json:"format"`
	Tool      string  `json:"tool"`
	Lexicon   Lexicon `json:"lexicon"`
	Corpus    Corpus  `json:"corpus"`
	Options   Options `json:"options"`
	Groups    []Unit  `json:"groups"`    // by name
	Documents []Unit  `json:"documents"` // by id
	// Checksum is the SHA-256 of the file's JSON with this field empty: a
	// baseline edited by hand or cut short is refused, not half-read.
	Checksum string `json:"checksum"`
}

// Lexicon identifies the lexicon and lists its terms, so that a check can
// name the terms added or removed since the baseline.
type Lexicon struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Hash    string `json:"hash"`
	lexicon.Inventory
}

// Corpus identifies the documents.
type Corpus struct {
	// Hash is the SHA-256 of the documents' hashes in id order.
	Hash    string         `json:"hash"`
	Read    int            `json:"read"`
	Scored  int            `json:"scored"`
	Skipped map[string]int `json:"skipped"`
	// Documents maps each document id to the SHA-256 of its text and
	// metadata, so a check can name the documents that changed.
	Documents map[string]string `json:"documents"`
}

// Options are the settings that change scores or their intervals.
type Options struct {
	By        string  `json:"by"`
	Conf      float64 `json:"conf"`
	Seed      uint64  `json:"seed"`
	Bootstrap int     `json:"bootstrap"`
	PerTokens float64 `json:"per_tokens"`
	// Voices are the voices whose hits the rates, shares and index count.
	Voices token.VoiceSet `json:"voices"`
}

// DefaultOptions are those of `framing compare`.
func DefaultOptions() Options {
	c := compare.DefaultOptions()
	return Options{By: "outlet", Conf: c.Conf, Seed: c.Seed, Bootstrap: c.Bootstrap, PerTokens: c.PerTokens, Voices: token.OwnVoice}
}

// Unit is the scores of one group or one document. Label and category
// counts and rates list only what is not zero; shares list the labels of
// the concepts the unit has own-voice hits of.
type Unit struct {
	Name       string                        `json:"name"`
	Documents  int                           `json:"documents"`
	Tokens     framing.TokenCounts           `json:"tokens"`
	Labels     map[string]framing.VoiceCount `json:"labels"`
	Categories map[string]framing.VoiceCount `json:"categories"`
	Rates      map[string]stats.Num          `json:"rates"`  // own-voice hits per PerTokens own tokens
	Shares     map[string]stats.Num          `json:"shares"` // of the concept's own-voice hits
	Pos        int                           `json:"pos"`
	Neg        int                           `json:"neg"`
	Index      stats.Num                     `json:"index"`
	Lo         stats.Num                     `json:"lo"`
	Hi         stats.Num                     `json:"hi"`
	// Interval says how Lo and Hi were made: for a group, with documents
	// as the unit, "cluster-bootstrap-t" or "beta-binomial-profile"
	// (compare.IndexRow); for a document, "counts" (Wilson).
	Interval string `json:"interval"`
}

// Compute scores the documents of docs with m and makes their baseline.
// The summary accounts for every document read.
func Compute(ctx context.Context, docs framing.Docs, m *lexicon.Matcher, run framing.Options, opt Options) (*Baseline, framing.Summary, error) {
	bb := NewBuilder(m, opt)
	sum, err := framing.Run(ctx, docs, m, run, bb.Add)
	if err != nil {
		return nil, sum, err
	}
	b, err := bb.Finish(sum)
	return b, sum, err
}

// Builder makes a baseline from the results of a run, for a caller that
// runs framing.Run itself: Add is its sink, Finish takes the summary.
type Builder struct {
	b      *Baseline
	t      *framing.Tally
	labels []lexicon.LabelInfo
	cats   []string
	opt    Options
}

// NewBuilder starts the baseline of a run with lexicon m.
func NewBuilder(m *lexicon.Matcher, opt Options) *Builder {
	if opt.Voices == 0 {
		opt.Voices = token.OwnVoice
	}
	t := framing.NewTally(m, opt.By)
	t.Voices = opt.Voices
	return &Builder{
		b: &Baseline{Format: Format, Tool: "framing " + framing.Version, Lexicon: lexiconOf(m), Options: opt,
			Corpus: Corpus{Skipped: map[string]int{}, Documents: map[string]string{}}},
		t: t, labels: m.Labels(), cats: m.Categories(), opt: opt,
	}
}

// Add pins one scored document.
func (bb *Builder) Add(r *framing.Result) error {
	b, s := bb.b, r.Score
	bb.t.Add(s)
	name := s.ID
	if _, dup := b.Corpus.Documents[name]; dup {
		name = s.ID + " @ " + s.Source // ids repeat in the corpus: tell them apart by place
	}
	b.Corpus.Documents[name] = docHash(s, r.Doc.Text)
	b.Documents = append(b.Documents, documentUnit(name, s, bb.labels, bb.cats, bb.opt))
	return nil
}

// Note is the run summary's note of the builder's tally (framing.Tally.Note).
func (bb *Builder) Note() string { return bb.t.Note() }

// Finish makes the baseline of the documents added and the run's summary.
func (bb *Builder) Finish(sum framing.Summary) (*Baseline, error) {
	b, t, opt := bb.b, bb.t, bb.opt
	if err := t.CheckBy(); err != nil {
		return nil, err
	}
	t.AddSummary(sum)
	cmp := compare.DefaultOptions()
	cmp.Conf, cmp.Seed, cmp.Bootstrap, cmp.PerTokens = opt.Conf, opt.Seed, opt.Bootstrap, opt.PerTokens
	rows, err := compare.IndexRows(t, cmp)
	if err != nil {
		return nil, err
	}
	b.Corpus.Read, b.Corpus.Scored = t.Read, t.Scored()
	maps.Copy(b.Corpus.Skipped, t.Skipped)
	b.Groups = groupUnits(t, rows, bb.labels, bb.cats, opt)
	sort.Slice(b.Documents, func(i, j int) bool { return b.Documents[i].Name < b.Documents[j].Name })
	h := sha256.New()
	for _, id := range slices.Sorted(maps.Keys(b.Corpus.Documents)) {
		fmt.Fprintf(h, "%s\x00%s\n", id, b.Corpus.Documents[id])
	}
	b.Corpus.Hash = hex.EncodeToString(h.Sum(nil))
	return b, nil
}

// lexiconOf is the baseline's record of lexicon m.
func lexiconOf(m *lexicon.Matcher) Lexicon {
	ref := framing.RefOf(m)
	return Lexicon{Name: ref.Name, Version: ref.Version, Hash: ref.Hash, Inventory: m.Inventory()}
}

// docHash is what identifies a document's content: its text and every
// field that can place it in a group.
func docHash(s *framing.Score, text string) string {
	h := sha256.New()
	fmt.Fprintf(h, "id\x00%s\noutlet\x00%s\ndate\x00%s\nurl\x00%s\ntitle\x00%s\n", s.ID, s.Outlet, s.Date, s.URL, s.Title)
	for _, k := range slices.Sorted(maps.Keys(s.Meta)) {
		fmt.Fprintf(h, "meta:%s\x00%s\n", k, s.Meta[k])
	}
	fmt.Fprintf(h, "text\x00%s", text)
	return hex.EncodeToString(h.Sum(nil))
}

func documentUnit(name string, s *framing.Score, labels []lexicon.LabelInfo, cats []string, opt Options) Unit {
	u := newUnit(name, 1, s.Tokens, s.Pos, s.Neg)
	u.fill(labels, cats, s.Labels, s.Categories, opt)
	idx, lo, hi := stats.FramingIndexCI(float64(s.Pos), float64(s.Neg), opt.Conf)
	u.Index, u.Lo, u.Hi, u.Interval = stats.Num(idx), stats.Num(lo), stats.Num(hi), "counts"
	return u
}

// groupUnits are the groups of t, in the order of their index rows.
func groupUnits(t *framing.Tally, rows []compare.IndexRow, labels []lexicon.LabelInfo, cats []string, opt Options) []Unit {
	out := []Unit{}
	for _, row := range rows {
		g := t.Groups[row.Group]
		u := newUnit(row.Group, g.Documents, g.Tokens, g.Pos, g.Neg)
		u.fill(labels, cats, g.Labels, g.Categories, opt)
		u.Index, u.Lo, u.Hi, u.Interval = row.Index, row.Lo, row.Hi, row.Method
		out = append(out, u)
	}
	return out
}

func newUnit(name string, docs int, tok framing.TokenCounts, pos, neg int) Unit {
	return Unit{Name: name, Documents: docs, Tokens: tok, Pos: pos, Neg: neg,
		Labels: map[string]framing.VoiceCount{}, Categories: map[string]framing.VoiceCount{},
		Rates: map[string]stats.Num{}, Shares: map[string]stats.Num{}}
}

// fill sets u's label and category counts, those that are not zero, and
// the rates and shares of its labels. u.Tokens must be set.
func (u *Unit) fill(labels []lexicon.LabelInfo, cats []string, labelCounts, catCounts []framing.VoiceCount, opt Options) {
	own := make([]int, len(labels)) // in the voices counted
	for i, c := range labelCounts {
		own[i] = c.In(opt.Voices)
		if c != (framing.VoiceCount{}) {
			u.Labels[labels[i].ID] = c
		}
	}
	for i, c := range catCounts {
		if c != (framing.VoiceCount{}) {
			u.Categories[cats[i]] = c
		}
	}
	u.rates(labels, own, u.Tokens.In(opt.Voices), opt.PerTokens)
	u.shares(labels, own)
}

// rates are own-voice hits per per own tokens, of the labels with hits.
func (u *Unit) rates(labels []lexicon.LabelInfo, own []int, tokens int, per float64) {
	for i, n := range own {
		if n > 0 {
			u.Rates[labels[i].ID] = stats.Num(stats.Rate(float64(n), float64(tokens), per))
		}
	}
}

// shares are each label's share of its concept's own-voice hits, for the
// concepts with any: the point of stats.Wilson, n / total.
func (u *Unit) shares(labels []lexicon.LabelInfo, own []int) {
	total := map[string]int{}
	for i, n := range own {
		total[labels[i].Key.Concept] += n
	}
	for i, n := range own {
		if tot := total[labels[i].Key.Concept]; tot > 0 {
			u.Shares[labels[i].ID] = stats.Num(stats.Proportion(float64(n), float64(tot)))
		}
	}
}

// canonical is the baseline's JSON with its checksum field empty: what the
// checksum is taken over.
func (b *Baseline) canonical() ([]byte, error) {
	c := *b
	c.Checksum = ""
	return json.MarshalIndent(&c, "", "  ")
}

func (b *Baseline) sum() (string, error) {
	data, err := b.canonical()
	if err != nil {
		return "", err
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:]), nil
}
