// Package stats provides the statistics that compare how groups use competing
// labels, computed from count tables alone.
//
// A table is a [][]float64 whose rows are groups (outlets) and whose columns
// are labels; each cell counts how often a group used a label. Counts may be
// zero. A table whose rows have unequal lengths is a programming error and
// makes the functions panic with "stats: rows of unequal length", as do other
// arguments that only a program chooses: a confidence level outside (0, 1),
// fewer than one random draw, a negative smoothing or prior weight. A count
// that is negative, NaN or infinite is bad data: functions that take a table
// return a *CountError for it, and functions of scalars return NaN.
//
// A statistic that is undefined for the data at hand (no counts at all, a
// single group, a single label) is NaN, never a panic; where a function returns
// a struct, its Reason field says in words why the result is NaN.
//
// Functions that draw random numbers take an explicit seed and use the PCG
// generator of math/rand/v2, so a result is reproduced exactly by the same
// seed, draws and data.
//
// Reference values for the tests come from SciPy and statsmodels through the
// generator in testdata/oracle/gen.py.
package stats
