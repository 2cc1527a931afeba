package stats

import (
	"math"
	"testing"
)

func TestBootstrapIndexReproducible(t *testing.T) {
	docs := [][2]float64{{3, 0}, {0, 2}, {5, 1}, {0, 0}, {1, 1}, {2, 4}, {7, 0}}
	a, err := BootstrapIndex(docs, 2000, 99, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := BootstrapIndex(docs, 2000, 99, 0.95)
	if math.Float64bits(a.Lo) != math.Float64bits(b.Lo) || math.Float64bits(a.Hi) != math.Float64bits(b.Hi) || a.Usable != b.Usable {
		t.Errorf("same seed gave %+v and %+v", a, b)
	}
	// The point estimate is the ratio of summed counts: (18−8)/(18+8).
	if want := 10.0 / 26; a.Index != want {
		t.Errorf("Index = %v, want %v", a.Index, want)
	}
	if !(a.Lo < a.Index && a.Index < a.Hi) || a.Lo < -1 || a.Hi > 1 {
		t.Errorf("interval [%v, %v] does not hold the index %v inside [-1, 1]", a.Lo, a.Hi, a.Index)
	}
	if a.Draws != 2000 || a.Seed != 99 || a.Usable > a.Draws || a.Usable < a.Draws-50 {
		t.Errorf("Draws %d, Usable %d, Seed %d", a.Draws, a.Usable, a.Seed)
	}
}

// When every document has the same counts, every resample has the same index,
// so the interval has zero width at the index (exact).
func TestBootstrapIndexEqualDocuments(t *testing.T) {
	docs := make([][2]float64, 25)
	for i := range docs {
		docs[i] = [2]float64{3, 1}
	}
	got, err := BootstrapIndex(docs, 500, 1, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if got.Index != 0.5 || got.Lo != 0.5 || got.Hi != 0.5 || got.Usable != 500 {
		t.Errorf("got %+v, want index and interval 0.5 with 500 usable draws", got)
	}
}

// With many documents the percentile interval should be close to the Wilson
// interval of the pooled counts when each document holds one hit: resampling
// documents is then resampling Bernoulli trials. Tolerance 0.01 on each bound,
// far above the Monte Carlo error of 4000 draws.
func TestBootstrapIndexOneHitPerDocument(t *testing.T) {
	var docs [][2]float64
	for i := range 1000 {
		if i%4 == 0 {
			docs = append(docs, [2]float64{0, 1})
		} else {
			docs = append(docs, [2]float64{1, 0})
		}
	}
	got, _ := BootstrapIndex(docs, 4000, 5, 0.95)
	_, lo, hi := FramingIndexCI(750, 250, 0.95)
	if math.Abs(got.Lo-lo) > 0.01 || math.Abs(got.Hi-hi) > 0.01 {
		t.Errorf("bootstrap [%v, %v], Wilson [%v, %v]", got.Lo, got.Hi, lo, hi)
	}
}

func TestBootstrapIndexNoHits(t *testing.T) {
	for _, docs := range [][][2]float64{nil, {{0, 0}, {0, 0}}} {
		got, err := BootstrapIndex(docs, 10, 1, 0.95)
		if err != nil || !math.IsNaN(got.Index) || !math.IsNaN(got.Lo) || got.Reason == "" {
			t.Errorf("BootstrapIndex(%v) = %+v, %v; want NaN with a Reason", docs, got, err)
		}
	}
	if _, err := BootstrapIndex([][2]float64{{1, -1}}, 10, 1, 0.95); err == nil {
		t.Error("negative count: no error")
	}
}

func TestQuantile7(t *testing.T) {
	// Values of numpy.percentile([1, 2, 4, 8], [0, 25, 50, 90, 100]), exact.
	x := []float64{1, 2, 4, 8}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 3}, {0.9, 6.8}, {1, 8}} {
		if got := quantile7(x, c.q); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("quantile7(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}
