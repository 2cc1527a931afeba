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
		cr.ID, label, pct(cr.Shares[hiR][bestK].P), cr.Groups[hiR], cr.ID, pct(cr.Shares[loR][bestK].P), cr.Groups[loR], PValueText(cr.TableTest))
}

func orNoHits(note string) string {
	if note == "" {
		return "no own-voice hits"
	}
	return note
}

// PValueText names a test's p-value to read — its method and unit — with
// its adjustment.
func PValueText(tt compare.TableTest) string {
	adjusted := func(p stats.Num) string { return fmt.Sprintf("BH-adjusted %s", FormatP(float64(p))) }
	switch {
	case tt.PValue == "permutation" && tt.Permutation != nil:
		pt := tt.Permutation
		how := fmt.Sprintf("exact, %d arrangements", pt.Arrangements)
		if pt.Method == "monte-carlo" {
			how = fmt.Sprintf("%d random arrangements, seed %d", pt.Draws, pt.Seed)
			if pt.StoppedAt > 0 {
				how += fmt.Sprintf(", stopped at %d reaching the observed X²", pt.StoppedAt)
			}
		}
		return fmt.Sprintf("permutation p = %s (documents as the unit, %d documents with hits; %s; %s)", FormatP(float64(pt.P)), pt.Units, how, adjusted(pt.PAdjusted))
	case tt.PValue == "quasi-f" && tt.QuasiF != nil:
		q := tt.QuasiF
		return fmt.Sprintf("quasi-F p = %s (documents as the unit; F = %s on %s and %s df, dispersion %s; %s)", FormatP(float64(q.P)),
			FormatFloat(float64(q.F), 2), FormatFloat(float64(q.DF1), 0), FormatFloat(float64(q.DF2), 0), FormatFloat(float64(q.Phi), 2), adjusted(q.PAdjusted))
	case tt.PValue == "exact" && tt.HitLevel != nil && tt.HitLevel.Exact != nil:
		ex := tt.HitLevel.Exact
		name := fmt.Sprintf("exact p (Freeman-Halton, tables ordered by X², %d tables", ex.Tables)
		switch ex.Method {
		case "monte-carlo":
			name = fmt.Sprintf("Monte Carlo p (%d draws, seed %d", ex.Draws, ex.Seed)
		case "multinomial":
			name = "exact multinomial p ("
		}
		return fmt.Sprintf("%s; hits as the unit) = %s (%s)", name, FormatP(float64(ex.P)), adjusted(ex.PAdjusted))
	case tt.PValue == "chi-square" && tt.HitLevel != nil:
		return fmt.Sprintf("chi-square p = %s (hits as the unit; %s)", FormatP(float64(tt.HitLevel.ChiSquare.P)), adjusted(tt.HitLevel.ChiSquare.PAdjusted))
	}
	return "no test: " + orNoHits(tt.Note)
}
