package framing

import (
	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/reliability"
)

// Names of the analysis package that the rest of framing uses.
type (
	Span         = analysis.Span
	Analysis     = analysis.Analysis
	QuoteProblem = analysis.QuoteProblem
)

// ReasonSyndicated is the reason of text dropped as another outlet's copy.
const ReasonSyndicated = analysis.ReasonSyndicated

// Names of the reliability package that the rest of framing uses.
type (
	Reliability      = reliability.Counts
	Citation         = reliability.Citation
	DistancingTarget = reliability.DistancingTarget
)

// The lexicon categories the reliability measures read.
const (
	CatAttribution   = reliability.CatAttribution
	CatAnonymous     = reliability.CatAnonymous
	CatHedge         = reliability.CatHedge
	CatDistancing    = reliability.CatDistancing
	CatBooster       = reliability.CatBooster
	CatSuperlative   = reliability.CatSuperlative
	CatStateLabel    = reliability.CatStateLabel
	CatStateModifier = reliability.CatStateModifier
)
