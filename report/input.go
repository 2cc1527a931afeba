package report

import (
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/syndication"
)

// Input is what a report shows: the comparison, the evidence behind its
// counts, and the account of what was read, skipped and dropped.
type Input struct {
	Comparison *compare.Comparison
	Evidence   *EvidenceSample
	// Dropped counts boilerplate by reason: lines and tokens.
	Dropped map[string]DroppedCount
	// Axis names the framing index's poles, negative first; empty when the
	// lexicon has no axis.
	Axis [2]string
	// Syndication is the stories several outlets ran; nil when not looked
	// for (a report from tallies).
	Syndication []syndication.Cluster
	// Deduplicated says syndicated copy was counted once.
	Deduplicated bool
	// Outlets is each outlet's index when the groups are not outlets; nil
	// when they are, or when the report is made from tallies.
	Outlets *OutletView
}

// DroppedCount is the boilerplate dropped for one reason.
type DroppedCount struct {
	Lines  int `json:"lines"`
	Tokens int `json:"tokens"`
}
