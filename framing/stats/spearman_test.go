package stats

import (
	"math"
	"testing"
)

func TestSpearmanUndefined(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		x, y []float64
		n    int
	}{
		{"two pairs", []float64{1, 2}, []float64{2, 1}, 2},
		{"constant side", []float64{1, 2, 3, 4}, []float64{5, 5, 5, 5}, 4},
		{"NaN leaves too few", []float64{1, nan, 3, nan}, []float64{1, 2, nan, 4}, 1},
	}
	for _, tt := range tests {
		rho, p, n := Spearman(tt.x, tt.y)
		if !math.IsNaN(rho) || !math.IsNaN(p) || n != tt.n {
			t.Errorf("%s: rho %v, p %v, n %d; want NaN, NaN, %d", tt.name, rho, p, n, tt.n)
		}
	}
}
