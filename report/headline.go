package report

import (
	"fmt"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/stats"
)

// Headline states, for one concept, its largest difference between groups:
// the label whose own-voice share differs most between two groups, with the
// p-value to read for the concept. It picks from numbers already computed.
func Headline(cr compare.ConceptResult) string {
	bestK, hiR, loR := -1, -1, -1
	var bestGap float64
	for k := range cr.Labels {
		h, l := -1, -1
		for r := range cr.Groups {
			p := cr.Shares[r][k].P
			if p.IsNaN() {
				continue
			}
			if h < 0 || p > cr.Shares[h][k].P {
				h = r
			}
			if l < 0 || p < cr.Shares[l][k].P {
				l = r
			}
		}
		if h < 0 || h == l {
			continue
		}
		if gap := float64(cr.Shares[h][k].P - cr.Shares[l][k].P); gap > bestGap {
			bestK, hiR, loR, bestGap = k, h, l, gap
		}
	}
	if bestK < 0 {
		return fmt.Sprintf("%s: no difference between groups to report (%s).", cr.ID, orNoHits(cr.Note))
	}
	label := cr.Labels[bestK].Label
	pct := func(x stats.Num) string { return fmt.Sprintf("%.0f%%", float64(x)*100) }
	return fmt.Sprintf("%s: %q is %s of %s's own-voice %s hits and %s of %s's (%s).",
		cr.ID, label, pct(cr.Shares[hiR][bestK].P), cr.Groups[hiR], cr.ID, pct(cr.Shares[loR][bestK].P), cr.Groups[loR], PValueText(cr))
}

func orNoHits(note string) string {
	if note == "" {
		return "no own-voice hits"
	}
	return note
}

// PValueText names a concept's p-value to read, with its adjustment.
func PValueText(cr compare.ConceptResult) string {
	if cr.Exact != nil {
		name := fmt.Sprintf("exact p (Freeman-Halton, tables ordered by X², %d tables)", cr.Exact.Tables)
		if cr.Exact.Method == "monte-carlo" {
			name = fmt.Sprintf("Monte Carlo p (%d draws, seed %d; too many tables to enumerate)", cr.Exact.Draws, cr.Exact.Seed)
		}
		return fmt.Sprintf("%s = %s (BH-adjusted %s)", name, FormatP(float64(cr.Exact.P)), FormatP(float64(cr.Exact.PAdjusted)))
	}
	if cr.ChiSquare.P.IsNaN() {
		return "no test: " + orNoHits(cr.Note)
	}
	return fmt.Sprintf("chi-square p = %s (BH-adjusted %s)", FormatP(float64(cr.ChiSquare.P)), FormatP(float64(cr.ChiSquare.PAdjusted)))
}
