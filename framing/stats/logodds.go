package stats

import "math"

// LogOdds holds, for each label w, the log-odds ratio of Monroe, Colaresi and
// Quinn (2008) between two groups, its approximate variance and its z-score.
type LogOdds struct {
	// Delta is δ_w, a difference of log-odds in natural-log units
	// (nepers); positive when the first group uses w more.
	Delta []float64
	// Var is the approximate variance σ²(δ_w).
	Var []float64
	// Z is δ_w/σ(δ_w), approximately standard normal when the groups do
	// not differ in their use of w.
	Z []float64
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// LogOddsDirichlet returns the log-odds ratios with informative Dirichlet
// prior of Monroe, Colaresi and Quinn (2008, §3.5, "Fightin' Words") between
// the label counts yi and yj of two groups, with prior pseudo-counts alpha:
//
//	δ_w  = ln[(y_iw+α_w)/(n_i+α_0−y_iw−α_w)] − ln[(y_jw+α_w)/(n_j+α_0−y_jw−α_w)]
//	σ²_w ≈ 1/(y_iw+α_w) + 1/(y_jw+α_w)
//	z_w  = δ_w / σ_w
//
// where n_i = Σ_w y_iw, n_j = Σ_w y_jw and α_0 = Σ_w α_w. InformativePrior
// builds the prior the paper recommends. Labels with y_iw + α_w = 0 and
// y_jw + α_w = 0 have NaN values; the values of a label are also NaN when one
// of its counts or its prior is negative, NaN or infinite. LogOddsDirichlet
// panics if the three slices differ in length.
//
// Reference: Monroe BL, Colaresi MP, Quinn KM (2008) Fightin' words: lexical
// feature selection and evaluation for identifying the content of political
// conflict. Political Analysis 16:372–403, eqs. 16, 20 and 22.
func LogOddsDirichlet(yi, yj, alpha []float64) LogOdds {
	if len(yi) != len(yj) || len(yi) != len(alpha) {
		panic("stats: slices of unequal length")
	}
	k := len(yi)
	res := LogOdds{Delta: make([]float64, k), Var: make([]float64, k), Z: make([]float64, k)}
	var ni, nj, a0 float64
	for w := range k {
		ni += yi[w]
		nj += yj[w]
		a0 += alpha[w]
	}
	for w := range k {
		if !validCount(yi[w]) || !validCount(yj[w]) || !validCount(alpha[w]) {
			res.Delta[w], res.Var[w], res.Z[w] = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		ai, aj := yi[w]+alpha[w], yj[w]+alpha[w]
		d := math.Log(ai/(ni+a0-ai)) - math.Log(aj/(nj+a0-aj))
		v := 1/ai + 1/aj
		res.Delta[w], res.Var[w], res.Z[w] = d, v, d/math.Sqrt(v)
	}
	return res
}

// InformativePrior returns the informative Dirichlet prior of Monroe et al.
// (2008, §3.5.3) for a table: pseudo-counts in proportion to each label's
// share of the whole table, scaled to total a0,
//
//	α_w = a0 · n_w / N,
//
// n_w being the total count of label w and N the grand total. a0 is the
// weight of the prior in counts. If a0 is 0, the default is used: the mean
// count of a group, a0 = N/G for G groups, so that the prior weighs as much as
// one typical group whatever the size of the corpus. A table without counts
// has a NaN prior. An invalid count returns a *CountError. InformativePrior
// panics if a0 is negative or NaN or the rows have unequal lengths.
func InformativePrior(table [][]float64, a0 float64) ([]float64, error) {
	if !(a0 >= 0) || math.IsInf(a0, 1) {
		panic("stats: a0 is not a finite non-negative number")
	}
	ncols, err := checkTable(table)
	if err != nil {
		return nil, err
	}
	prior := make([]float64, ncols)
	var total float64
	for _, row := range table {
		for j, x := range row {
			prior[j] += x
			total += x
		}
	}
	if a0 == 0 && len(table) > 0 {
		a0 = total / float64(len(table))
	}
	for j := range prior {
		prior[j] = a0 * prior[j] / total
	}
	return prior, nil
}

// LogOddsTable is the result of LogOddsVsRest.
type LogOddsTable struct {
	// Prior holds the pseudo-counts α_w of InformativePrior, totalling A0.
	Prior []float64
	A0    float64
	// Groups holds, for each row of the table, its comparison with the
	// sum of all other rows.
	Groups []LogOdds
	// Reason says why all the values are NaN; it is empty otherwise.
	Reason string
}

// LogOddsVsRest compares each group (row) of table with the rest of the table
// by LogOddsDirichlet: y_i is the row and y_j the sum of all other rows, and
// the prior is InformativePrior(table, a0) (a0 = 0 selects the default, the
// mean group total N/G). Positive z-scores mark the labels that a group uses
// more than the others.
//
// The values of a group are NaN, with its Reason set, when the group or the
// rest of the table has no counts. A label without counts has NaN values.
// Every value is NaN, with Reason set, when fewer than two labels have counts.
// An invalid count returns a *CountError. LogOddsVsRest panics if a0 is
// negative or NaN or the rows have unequal lengths.
func LogOddsVsRest(table [][]float64, a0 float64) (LogOddsTable, error) {
	prior, err := InformativePrior(table, a0)
	if err != nil {
		return LogOddsTable{}, err
	}
	res := LogOddsTable{Prior: prior, Groups: make([]LogOdds, len(table))}
	ncols := len(prior)
	colSum := make([]float64, ncols)
	rowSum := make([]float64, len(table))
	labels := 0
	for i, row := range table {
		for j, x := range row {
			colSum[j] += x
			rowSum[i] += x
		}
	}
	var total float64
	for j, s := range colSum {
		total += s
		res.A0 += prior[j]
		if s > 0 {
			labels++
		}
	}
	res.vsRest(table, rowSum, colSum, total, labels, func(row, rest []float64, _ float64) LogOdds {
		return LogOddsDirichlet(row, rest, prior)
	})
	return res, nil
}

// vsRest fills res.Groups with each row compared with the rest of the
// table by one, or with NaN values and the reason when it cannot be: fewer
// than two labels with counts (res.Reason), a group without counts, or
// no other group with any.
func (res *LogOddsTable) vsRest(table [][]float64, rowSum, colSum []float64, total float64, labels int, one func(row, rest []float64, n float64) LogOdds) {
	ncols := len(colSum)
	nanGroup := func(reason string) LogOdds {
		return LogOdds{Delta: nanSlice(ncols), Var: nanSlice(ncols), Z: nanSlice(ncols), Reason: reason}
	}
	if labels < 2 {
		res.Reason = "fewer than two labels have counts"
		if total == 0 {
			res.Reason = "table has no counts"
			res.A0 = math.NaN()
		}
		for i := range res.Groups {
			res.Groups[i] = nanGroup(res.Reason)
		}
		return
	}
	rest := make([]float64, ncols)
	for i, row := range table {
		switch {
		case rowSum[i] == 0:
			res.Groups[i] = nanGroup("group has no counts")
			continue
		case rowSum[i] == total:
			res.Groups[i] = nanGroup("the other groups have no counts")
			continue
		}
		for j := range rest {
			rest[j] = colSum[j] - row[j]
		}
		res.Groups[i] = one(row, rest, rowSum[i])
	}
}
