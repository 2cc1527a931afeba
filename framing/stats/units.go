package stats

import (
	"fmt"
	"math"
)

// Units are the independent units of evidence — documents, or clusters of
// syndicated copies of one document — of several groups, kept as a histogram
// of their count vectors:
//
//   - Types[t] is one vector of k counts (for a concept with k labels, the
//     own-voice count of each label in the unit; for the framing index,
//     {pos, neg}). Every type has the same length k.
//   - Count[t][g] is the number of units of group g whose vector is Types[t].
//     Every Count[t] has the same length, the number of groups.
//
// Types may repeat and zero vectors (units without a hit) may be present: two
// histograms merge by appending their types. Unit counts are ints because a
// unit is whole: no rounding can creep into the sizes of groups, and adding
// histograms is exact.
//
// Types of unequal length, a Count of a length other than len(Types), or
// Count rows of unequal length are programming errors and panic. A count in
// Types that is negative, NaN or infinite is bad data and returns a
// *CountError (Row the type, Col the label); a negative number of units
// returns a *UnitsError.
type Units struct {
	Types [][]float64
	Count [][]int
}

// UnitsError reports a negative number of units in Units.Count.
type UnitsError struct {
	Type, Group, Count int
}

func (e *UnitsError) Error() string {
	return fmt.Sprintf("stats: %d units of type %d in group %d (a number of units cannot be negative)", e.Count, e.Type, e.Group)
}

// UnitsOf builds the histogram of the units of several groups: docs[g] holds
// one count vector per unit of group g. Equal vectors are merged into one
// type, in the order of first appearance. UnitsOf panics if the vectors
// differ in length.
func UnitsOf(docs ...[][]float64) Units {
	var u Units
	index := map[string]int{}
	k := -1
	for g, group := range docs {
		for _, v := range group {
			if k < 0 {
				k = len(v)
			} else if len(v) != k {
				panic("stats: unit vectors of unequal length")
			}
			key := vectorKey(v)
			t, ok := index[key]
			if !ok {
				t = len(u.Types)
				index[key] = t
				u.Types = append(u.Types, append([]float64(nil), v...))
				u.Count = append(u.Count, make([]int, len(docs)))
			}
			u.Count[t][g]++
		}
	}
	return u
}

// vectorKey returns a map key that tells vectors apart by their exact bits
// (with −0 read as 0).
func vectorKey(v []float64) string {
	b := make([]byte, 0, 8*len(v))
	for _, x := range v {
		bits := math.Float64bits(x + 0)
		for s := 0; s < 64; s += 8 {
			b = append(b, byte(bits>>s))
		}
	}
	return string(b)
}

// check panics on a malformed histogram and returns the error for the first
// bad count. It returns the vector length k and the number of groups (both 0
// when there are no types).
func (u Units) check() (k, groups int, err error) {
	if len(u.Count) != len(u.Types) {
		panic("stats: Units.Count and Units.Types differ in length")
	}
	if len(u.Types) == 0 {
		return 0, 0, nil
	}
	k, groups = len(u.Types[0]), len(u.Count[0])
	for t := range u.Types {
		if len(u.Types[t]) != k {
			panic("stats: unit vectors of unequal length")
		}
		if len(u.Count[t]) != groups {
			panic("stats: Units.Count rows of unequal length")
		}
	}
	for t, v := range u.Types {
		for j, x := range v {
			if !validCount(x) {
				return k, groups, &CountError{Row: t, Col: j, Value: x}
			}
		}
		for g, n := range u.Count[t] {
			if n < 0 {
				return k, groups, &UnitsError{Type: t, Group: g, Count: n}
			}
		}
	}
	return k, groups, nil
}

// unitType is one distinct vector with its number of units in each group.
type unitType struct {
	v []float64
	n []int
}

// compact merges equal vectors of a checked histogram, keeps only the types
// that some group has, and returns them in the order of first appearance.
func (u Units) compact() []unitType {
	index := map[string]int{}
	var out []unitType
	for t, v := range u.Types {
		total := 0
		for _, n := range u.Count[t] {
			total += n
		}
		if total == 0 {
			continue
		}
		key := vectorKey(v)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, unitType{v: v, n: make([]int, len(u.Count[t]))})
		}
		for g, n := range u.Count[t] {
			out[i].n[g] += n
		}
	}
	return out
}

// Ratio chooses the ratio of sums over a group's units that an interval, a
// model or a design effect is about. Both kinds are a share p = Σx/Σm of
// "successes" x among m hits in each unit, reported either as p or through
// the affine map p ↦ 2p − 1:
//
//   - Index false: the share of label Label among all the labels of the
//     concept, x = v[Label] and m = Σ_j v[j], a proportion in [0, 1].
//   - Index true: the framing index (Σpos − Σneg)/(Σpos + Σneg) of units whose
//     vectors are {pos, neg}; x = pos, m = pos + neg and the index is 2p − 1,
//     in [−1, 1]. Label is ignored.
//
// A Label outside the vectors, or Index with vectors of a length other than
// 2, is a programming error and panics.
type Ratio struct {
	Index bool
	Label int
}

// pair is the (x, m) of n units, for one group and one Ratio.
type pair struct {
	x, m float64
	n    int
}

// affine returns the scale and shift that map a share p to the reported
// value scale·p + shift.
func (r Ratio) affine() (scale, shift float64) {
	if r.Index {
		return 2, -1
	}
	return 1, 0
}

// xm returns the (x, m) of a vector under r; it panics if r does not fit k.
func (r Ratio) xm(v []float64) (x, m float64) {
	if r.Index {
		return v[0], v[0] + v[1]
	}
	for _, c := range v {
		m += c
	}
	return v[r.Label], m
}

// check panics unless r fits vectors of length k.
func (r Ratio) check(k int) {
	switch {
	case r.Index && k != 2:
		panic("stats: framing index ratio needs vectors {pos, neg} of length 2")
	case !r.Index && (r.Label < 0 || r.Label >= k):
		panic("stats: ratio label outside the unit vectors")
	}
}

// groupPairs checks u and returns the (x, m) pairs of group g under r, merged
// by value, with the number of units of the group. It panics if g is not a
// group of u or r does not fit the vectors; a histogram without types has no
// groups, and any g is then accepted and has no units.
func groupPairs(u Units, g int, r Ratio) ([]pair, int, error) {
	pairs, _, d, err := groupPairsOf(u, g, r)
	return pairs, d, err
}

// groupPairsOf is groupPairs that also says which pair each of the group's
// unit types went into: of[j] for the j-th type with units in group g, in
// the order of u.Types.
func groupPairsOf(u Units, g int, r Ratio) (out []pair, of []int, d int, err error) {
	k, groups, err := u.check()
	if err != nil {
		return nil, nil, 0, err
	}
	if len(u.Types) == 0 {
		return nil, nil, 0, nil
	}
	if g < 0 || g >= groups {
		panic("stats: group outside Units.Count")
	}
	r.check(k)
	index := map[[2]float64]int{}
	for t, v := range u.Types {
		n := u.Count[t][g]
		if n == 0 {
			continue
		}
		d += n
		x, m := r.xm(v)
		key := [2]float64{x + 0, m + 0}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, pair{x: x, m: m})
		}
		out[i].n += n
		of = append(of, i)
	}
	return out, of, d, nil
}
