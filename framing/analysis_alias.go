package framing

import "github.com/framingkit/framing/framing/analysis"

// Names of the analysis package that the rest of framing uses.
type (
	Span         = analysis.Span
	Analysis     = analysis.Analysis
	QuoteProblem = analysis.QuoteProblem
)

// ReasonSyndicated is the reason of text dropped as another outlet's copy.
const ReasonSyndicated = analysis.ReasonSyndicated
