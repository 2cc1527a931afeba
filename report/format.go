package report

import (
	"math"
	"strconv"
)

// FormatP formats a p-value for people: 3 significant digits, "< 0.0001"
// below that, "n/a" when undefined.
func FormatP(p float64) string {
	switch {
	case math.IsNaN(p):
		return "n/a"
	case p < 1e-4:
		return "< 0.0001"
	}
	return strconv.FormatFloat(p, 'g', 3, 64)
}

// FormatFloat formats a statistic with prec decimals, "n/a" when undefined.
func FormatFloat(x float64, prec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(x, 'f', prec, 64)
}

// CSVFloat formats a statistic for machines: empty when undefined, full
// precision otherwise.
func CSVFloat(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// Count writes n with its noun: "1 line", "3 lines".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
