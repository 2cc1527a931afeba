package stats

import (
	"encoding/json"
	"math"
	"strconv"
)

// Num is a statistic that may be undefined. It is written to JSON as a
// number, or null when it is NaN or infinite (JSON has no NaN), so an
// undefined value is never a silent 0.
type Num float64

// MarshalJSON writes null for NaN and infinities, else the shortest exact
// decimal.
func (x Num) MarshalJSON() ([]byte, error) {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// UnmarshalJSON reads null as NaN.
func (x *Num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*x = Num(math.NaN())
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*x = Num(f)
	return nil
}

// IsNaN reports whether x is undefined.
func (x Num) IsNaN() bool { return math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) }

// Nums converts xs.
func Nums(xs []float64) []Num {
	out := make([]Num, len(xs))
	for i, x := range xs {
		out[i] = Num(x)
	}
	return out
}

// NumRows converts rows.
func NumRows(rows [][]float64) [][]Num {
	out := make([][]Num, len(rows))
	for i, r := range rows {
		out[i] = Nums(r)
	}
	return out
}
