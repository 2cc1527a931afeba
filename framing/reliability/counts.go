package reliability

import "strings"

// The lexicon categories the measures read, by id. A lexicon without one of
// them leaves its counts at zero.
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

// Counts is how a document sources what it says: every field but Targets
// and Citations is a sum, so a group's is the sum of its documents'. The
// indicators (rates and shares) are made from these.
type Counts struct {
	// Documents are the documents counted (1 for a document's own);
	// ForeignAgent those of them that carry the notice Russian law
	// requires of a "foreign agent" (dropped as boilerplate): who the
	// Russian state has labelled, a fact about the outlet and not a
	// measure of its sourcing.
	Documents    int `json:"documents"`
	ForeignAgent int `json:"foreign_agent"`
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
func (r *Counts) Add(o Counts) {
	r.Documents += o.Documents
	r.ForeignAgent += o.ForeignAgent
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
		// A copy of the key: a name cut from a document must not keep the
		// document alive, and Go stores the key of every assignment.
		r.Sources[strings.Clone(k)] += n
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
