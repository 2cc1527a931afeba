package stats

import "math"

// LogOddsWithinConcept compares each group (row) of a groups × labels table
// of one concept with the rest of the table by the log-odds ratio with
// informative Dirichlet prior of Monroe, Colaresi and Quinn (2008, §3.5),
// with the full variance of the log-odds ratio:
//
//	δ_w  = ln[(y_iw+α_w)/(n_i+α₀−y_iw−α_w)] − ln[(y_jw+α_w)/(n_j+α₀−y_jw−α_w)]
//	σ²_w = 1/(y_iw+α_w) + 1/(n_i+α₀−y_iw−α_w) + 1/(y_jw+α_w) + 1/(n_j+α₀−y_jw−α_w)
//	z_w  = δ_w / σ_w
//
// where y_i is the group's row, y_j the sum of the other rows, n_i, n_j
// their totals and α₀ = Σ_w α_w. δ is in nepers (natural-log units). σ²_w is
// the delta-method variance of each log-odds ln[(y+α)/(n+α₀−y−α)], 1/(y+α) +
// 1/(n+α₀−y−α), summed over the two groups; Monroe et al. drop the second
// term of each, which is small when a label is a small share of a large
// vocabulary (their eq. 20, LogOddsDirichlet), but within a concept of a few
// labels a label is a large share of its concept and the term is not small.
//
// The prior is α_w = a0 · n_w/N, n_w the total of label w and N the grand
// total; a0 = 0 selects the default a0 = N/G_hit, the mean total of the
// groups with counts. Groups without counts do not enter N, n_w or G_hit, so
// adding an empty group (an outlet that never mentions the concept) leaves
// every other group's values unchanged, bit for bit.
//
// The values of a group are NaN, with its Reason set, when the group or the
// rest of the table has no counts; a label without counts has NaN values.
// Every value is NaN, with Reason set, when fewer than two labels have
// counts. An invalid count returns a *CountError. LogOddsWithinConcept
// panics if a0 is negative or NaN or the rows have unequal lengths.
//
// Reference: Monroe BL, Colaresi MP, Quinn KM (2008) Fightin' words: lexical
// feature selection and evaluation for identifying the content of political
// conflict. Political Analysis 16:372–403.
func LogOddsWithinConcept(table [][]float64, a0 float64) (LogOddsTable, error) {
	if !(a0 >= 0) || math.IsInf(a0, 1) {
		panic("stats: a0 is not a finite non-negative number")
	}
	ncols, err := checkTable(table)
	if err != nil {
		return LogOddsTable{}, err
	}
	colSum := make([]float64, ncols)
	rowSum := make([]float64, len(table))
	var total float64
	hit := 0
	for i, row := range table {
		for j, x := range row {
			colSum[j] += x
			rowSum[i] += x
		}
		total += rowSum[i]
		if rowSum[i] > 0 {
			hit++
		}
	}
	res := LogOddsTable{Prior: make([]float64, ncols), Groups: make([]LogOdds, len(table))}
	if a0 == 0 && hit > 0 {
		a0 = total / float64(hit)
	}
	labels := 0
	for j, s := range colSum {
		res.Prior[j] = a0 * s / total
		res.A0 += res.Prior[j]
		if s > 0 {
			labels++
		}
	}
	res.vsRest(table, rowSum, colSum, total, labels, func(row, rest []float64, n float64) LogOdds {
		return logOddsFull(row, rest, res.Prior, n, total-n, res.A0)
	})
	return res, nil
}

// logOddsFull returns δ, the full variance and z of each label for the
// counts yi and yj (totals ni, nj) with prior alpha (total a0).
func logOddsFull(yi, yj, alpha []float64, ni, nj, a0 float64) LogOdds {
	k := len(yi)
	res := LogOdds{Delta: make([]float64, k), Var: make([]float64, k), Z: make([]float64, k)}
	for w := range k {
		if yi[w]+yj[w] == 0 {
			res.Delta[w], res.Var[w], res.Z[w] = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		ai, aj := yi[w]+alpha[w], yj[w]+alpha[w]
		bi, bj := ni+a0-ai, nj+a0-aj
		d := math.Log(ai/bi) - math.Log(aj/bj)
		v := 1/ai + 1/bi + 1/aj + 1/bj
		res.Delta[w], res.Var[w], res.Z[w] = d, v, d/math.Sqrt(v)
	}
	return res
}
