package stats

import (
	"math"
	"math/rand/v2"
)

// Statistic chooses the statistic of PermutationTest.
type Statistic int

const (
	// LabelChiSquare is Pearson's X² of the groups × labels table of the
	// units' summed counts: the test of "every group uses the labels of
	// the concept in the same proportions".
	LabelChiSquare Statistic = iota
	// IndexChiSquare is, for units whose vectors are {pos, neg}, Pearson's
	// X² of the groups × {pos, neg} table of summed counts: the test of
	// "every group has the same framing index (Σpos − Σneg)/(Σpos + Σneg)",
	// since the index is an increasing function of the share of pos. It
	// is computed as LabelChiSquare, and requires vectors of length 2.
	IndexChiSquare
)

// Permutation is the result of PermutationTest.
type Permutation struct {
	// Stat is the observed statistic (dimensionless).
	Stat float64
	// P is the permutation p-value.
	P float64
	// PMid is Lancaster's mid-p-value, which counts the arrangements tied
	// with the observed statistic half: P minus half their probability.
	// It is not a p-value in the strict sense (its type I error may exceed
	// α a little) but is nearer the nominal level when the statistic takes
	// few values; the coverage study reports both.
	PMid float64
	// Method is "exact" when every arrangement was enumerated and
	// "monte-carlo" when arrangements were drawn at random.
	Method string
	// Arrangements is, for the exact method, the number of distinct
	// arrangements enumerated (tables of unit types × groups with the
	// observed margins); it is 0 for the Monte Carlo method, which is
	// used when there are more than Draws of them.
	Arrangements int
	// Exceed is, for the Monte Carlo method, the number of drawn
	// arrangements whose statistic reached Stat, and Ties the number of
	// them tied with it (within the tolerance).
	Exceed, Ties int
	// Draws and Seed are the draws asked for and the seed they would be
	// or were drawn with; Used the draws made, fewer than Draws when the
	// sequential rule stopped early (see PermutationTest).
	Draws, Used int
	Seed        uint64
	// Units is the number of units with a hit, which were permuted, and
	// UnitsWithoutHits the number of units with a zero vector, left out.
	Units, UnitsWithoutHits int
	// DroppedGroups are the groups without any unit with a hit and
	// DroppedLabels the labels without any count; both were left out.
	DroppedGroups, DroppedLabels []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// PermutationTest returns the permutation test of independence between the
// group of a unit and its label counts, with documents (or other independent
// units) as the unit of evidence, so that hits clustered within a unit are
// not counted as independent draws.
//
// The statistic (see Statistic) is Pearson's X² of the groups × labels table
// S of summed counts, S_gj = Σ_{units u of g} v_uj:
//
//	X² = Σ_gj (S_gj − E_gj)² / E_gj,  E_gj = S_g· S_·j / S_··.
//
// Under the null hypothesis the units are exchangeable between groups, and
// the reference distribution of X² is that of every reassignment of the
// units to the groups that keeps the number of units of each group (Pitman
// 1937; Good 2005, ch. 3). Units with a zero vector carry no label and leave
// every S unchanged; they are left out, so the test is conditional on the
// number of units with hits in each group (valid also when groups differ in
// how many of their documents mention the concept at all). Groups without a
// unit with hits and labels without counts are dropped.
//
// A reassignment is summarised by the table A of unit types × groups with
// the observed margins (units of each type, units of each group), whose
// probability under random reassignment is the multivariate hypergeometric
// P(A) = Π_t n_t! Π_g n_g! / (n! Π_tg A_tg!): the distribution FreemanHalton
// enumerates. When there are at most draws such tables, every one is
// enumerated and
//
//	P = Σ_{A : X²(A) ≥ (1 − 64ε) X²_obs} P(A)   (Method "exact"),
//
// the exact permutation p-value. Otherwise arrangements are drawn at random
// — tables by Patefield's algorithm, as in MonteCarloChiSquare, or, when
// that is cheaper (fewer units than about 20 times the cells of A), by
// shuffling the units — until SequentialExceedances of them reach the
// observed statistic or draws have been drawn, and (Method "monte-carlo")
//
//	P = h / L                                          stopped at the L-th draw by the h-th exceedance,
//	P = (1 + #{b : X²_b ≥ (1 − 64ε) X²_obs}) / (draws + 1)   otherwise,
//
// both valid p-values (Besag and Clifford 1991; Phipson and Smyth 2010):
// the sequential rule spends the draws where they decide something, a
// p-value near α or below, and stops early for a large one, whose relative
// Monte Carlo error is then about 1/√h. ε is the machine epsilon; the
// tolerance keeps ties from being lost to rounding. PMid is the mid-p-value
// (Lancaster 1961), with ties — statistics within a relative 64ε of X²_obs,
// the observed arrangement itself among them in the second formula —
// counted half. Random numbers come from rand.New(rand.NewPCG(seed, seed)).
// The work is bounded by draws times the number of cells of A or of units.
//
// The values are NaN, with Reason set, when there are no units with hits,
// fewer than two groups with them, or fewer than two labels with counts. An
// invalid count returns a *CountError or a *UnitsError. PermutationTest
// panics if draws < 1, if the histogram is malformed (see Units) or if stat
// is IndexChiSquare and the vectors are not of length 2.
//
// References: Besag J, Clifford P (1991) Sequential Monte Carlo p-values.
// Biometrika 78:301–304. Pitman EJG (1937) Significance tests which may be applied to
// samples from any populations. Suppl J R Stat Soc 4:119–130. Good P (2005)
// Permutation, Parametric, and Bootstrap Tests of Hypotheses, 3rd ed.
// Springer. Phipson B, Smyth GK (2010) Permutation p-values should never be
// zero. Stat Appl Genet Mol Biol 9:39. Lancaster HO (1961) Significance tests
// in discrete distributions. J Am Stat Assoc 56:223–234.
func PermutationTest(u Units, stat Statistic, draws int, seed uint64) (Permutation, error) {
	if draws < 1 {
		panic("stats: draws < 1")
	}
	res := Permutation{Stat: math.NaN(), P: math.NaN(), PMid: math.NaN(), Draws: draws, Seed: seed}
	k, groups, err := u.check()
	if err != nil {
		return res, err
	}
	if stat == IndexChiSquare && len(u.Types) > 0 && k != 2 {
		panic("stats: IndexChiSquare needs vectors {pos, neg} of length 2")
	}
	pt := newPermTable(u.compact(), k, groups)
	res.Units, res.UnitsWithoutHits = pt.units, pt.zeroUnits
	res.DroppedGroups, res.DroppedLabels = pt.droppedG, pt.droppedL
	switch {
	case pt.units == 0:
		res.Reason = "no unit has a hit"
		return res, nil
	case len(pt.groups) < 2:
		res.Reason = "fewer than two groups have units with hits"
		return res, nil
	case len(pt.labels) < 2:
		res.Reason = "fewer than two labels have counts"
		return res, nil
	}
	res.Stat = pt.stat(pt.obs)
	limit := (1 - 64*epsilon) * res.Stat
	tieHi := (1 + 64*epsilon) * res.Stat

	if n, complete := walkTables(pt.groupSize, pt.typeSize, draws, false, nil); complete {
		var total, tail, ties float64
		walkTables(pt.groupSize, pt.typeSize, draws, true, func(a [][]float64, lp float64) {
			p := math.Exp(lp)
			total += p
			if x2 := pt.stat(a); x2 >= limit {
				tail += p
				if x2 <= tieHi {
					ties += p
				}
			}
		})
		res.Method, res.Arrangements = "exact", n
		res.P = math.Min(tail/total, 1)
		res.PMid = math.Min((tail-ties/2)/total, 1)
		return res, nil
	}
	rng := newRand(seed)
	draw := pt.patefieldDraws(rng)
	if pt.units*(len(pt.labels)+2) < shuffleCellCost*len(pt.groups)*len(pt.types) {
		draw = pt.shuffleDraws(rng)
	}
	res.Method = "monte-carlo"
	for b := range draws {
		if x2 := draw(); x2 >= limit {
			res.Exceed++
			if x2 <= tieHi {
				res.Ties++
			}
		}
		if res.Exceed == SequentialExceedances {
			// Besag and Clifford's sequential p-value: the p-value is
			// settled well enough for a decision, and the draws left
			// would only refine a large one.
			used := float64(b + 1)
			res.Used = b + 1
			res.P = float64(res.Exceed) / used
			res.PMid = (float64(res.Exceed) - float64(res.Ties)/2) / used
			return res, nil
		}
	}
	res.Used = draws
	res.P = float64(1+res.Exceed) / float64(draws+1)
	res.PMid = (float64(res.Exceed-res.Ties) + float64(res.Ties+1)/2) / float64(draws+1)
	return res, nil
}

// permTable holds the units with hits of a histogram, arranged for the
// permutation test: the kept groups are the rows of an arrangement table A,
// the distinct nonzero types its columns.
type permTable struct {
	types     [][]float64 // kept labels of each distinct nonzero type
	groups    []int       // indices of the kept groups
	labels    []int       // indices of the kept labels
	groupSize []float64   // units with hits of each kept group
	typeSize  []float64   // units of each type
	obs       [][]float64 // observed arrangement, groups × types
	units     int
	zeroUnits int
	droppedG  []int
	droppedL  []int

	sum    [][]float64 // scratch: groups × labels summed counts
	exp    [][]float64 // scratch: expected counts
	rowSum []float64   // scratch
	colSum []float64   // scratch
}

func newPermTable(types []unitType, k, groups int) *permTable {
	pt := &permTable{}
	hitsOf := make([]int, groups)
	colSum := make([]float64, k)
	var nonzero []unitType
	for _, t := range types {
		zero := true
		for _, x := range t.v {
			if x != 0 {
				zero = false
			}
		}
		n := 0
		for _, c := range t.n {
			n += c
		}
		if zero {
			pt.zeroUnits += n
			continue
		}
		pt.units += n
		nonzero = append(nonzero, t)
		for g, c := range t.n {
			hitsOf[g] += c
		}
		for j, x := range t.v {
			colSum[j] += x * float64(n)
		}
	}
	for g, h := range hitsOf {
		if h > 0 {
			pt.groups = append(pt.groups, g)
			pt.groupSize = append(pt.groupSize, float64(h))
		} else {
			pt.droppedG = append(pt.droppedG, g)
		}
	}
	for j, s := range colSum {
		if s > 0 {
			pt.labels = append(pt.labels, j)
		} else {
			pt.droppedL = append(pt.droppedL, j)
		}
	}
	pt.obs = make([][]float64, len(pt.groups))
	for a := range pt.obs {
		pt.obs[a] = make([]float64, len(nonzero))
	}
	for b, t := range nonzero {
		v := make([]float64, len(pt.labels))
		for c, j := range pt.labels {
			v[c] = t.v[j]
		}
		pt.types = append(pt.types, v)
		n := 0
		for a, g := range pt.groups {
			pt.obs[a][b] = float64(t.n[g])
			n += t.n[g]
		}
		pt.typeSize = append(pt.typeSize, float64(n))
	}
	pt.sum = make([][]float64, len(pt.groups))
	pt.exp = make([][]float64, len(pt.groups))
	for a := range pt.sum {
		pt.sum[a] = make([]float64, len(pt.labels))
		pt.exp[a] = make([]float64, len(pt.labels))
	}
	pt.rowSum = make([]float64, len(pt.groups))
	pt.colSum = make([]float64, len(pt.labels))
	return pt
}

// SequentialExceedances is h of PermutationTest's sequential rule: the
// exceedances after which the Monte Carlo p-value h/L is settled (relative
// error about 1/√h = 10%) and drawing stops.
const SequentialExceedances = 100

// shuffleCellCost is about how many times longer Patefield's algorithm
// takes for one cell of an arrangement (a hypergeometric draw) than a
// shuffle takes for one unit and label: the Monte Carlo test shuffles the
// units when that is cheaper, as it is unless there are many more units than
// cells (a million documents of a few types).
const shuffleCellCost = 20

// patefieldDraws returns a function that draws one arrangement table with
// the observed margins by Patefield's algorithm and returns its statistic.
func (pt *permTable) patefieldDraws(rng *rand.Rand) func() float64 {
	a := make([][]float64, len(pt.groups))
	for g := range a {
		a[g] = make([]float64, len(pt.types))
	}
	colLeft := make([]float64, len(pt.types))
	return func() float64 {
		patefield(rng, pt.groupSize, pt.typeSize, a, colLeft)
		return pt.stat(a)
	}
}

// shuffleDraws returns a function that shuffles the units with hits
// (Fisher-Yates), gives each group its number of them in turn and returns
// the statistic: a draw from the same distribution of arrangements as
// Patefield's, at a cost that grows with the units rather than with the
// cells of the arrangement table.
func (pt *permTable) shuffleDraws(rng *rand.Rand) func() float64 {
	units := make([]int32, 0, pt.units)
	for t, n := range pt.typeSize {
		for range int(n) {
			units = append(units, int32(t))
		}
	}
	return func() float64 {
		for i := len(units) - 1; i > 0; i-- {
			j := rng.IntN(i + 1)
			units[i], units[j] = units[j], units[i]
		}
		next := 0
		for g, size := range pt.groupSize {
			s := pt.sum[g]
			clear(s)
			for _, t := range units[next : next+int(size)] {
				for j, x := range pt.types[t] {
					s[j] += x
				}
			}
			next += int(size)
		}
		return pt.statOfSums()
	}
}

// stat returns Pearson's X² of the groups × labels table of summed counts
// of arrangement a (groups × types). Every group has units with hits, so
// every row total is positive.
func (pt *permTable) stat(a [][]float64) float64 {
	for g, row := range a {
		s := pt.sum[g]
		clear(s)
		for t, n := range row {
			if n == 0 {
				continue
			}
			for j, x := range pt.types[t] {
				s[j] += n * x
			}
		}
	}
	return pt.statOfSums()
}

// statOfSums returns Pearson's X² of the table of summed counts in pt.sum.
func (pt *permTable) statOfSums() float64 {
	rowSum, colSum := pt.rowSum, pt.colSum
	clear(rowSum)
	clear(colSum)
	var total float64
	for g, s := range pt.sum {
		for j, x := range s {
			rowSum[g] += x
			colSum[j] += x
		}
		total += rowSum[g]
	}
	for g := range pt.exp {
		for j := range pt.exp[g] {
			pt.exp[g][j] = rowSum[g] * colSum[j] / total
		}
	}
	return pearson(pt.sum, pt.exp)
}
