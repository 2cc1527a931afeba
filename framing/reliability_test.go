package framing

import (
	"math"
	"strings"
	"testing"
)

// TestIndicators checks the indicators made from counts against their
// definitions, worked by hand.
func TestIndicators(t *testing.T) {
	r := Reliability{Sentences: 10, Attributed: 4, Quotations: 3, Attributions: 5, Named: 3, Anonymous: 1, Unspecified: 1,
		Sources: map[string]int{"KCNA": 2, "Peskov": 1}, StateMediaCited: 2, StateMediaLabelled: 1,
		Distancing: 1, ScareQuotes: 1, Hedges: 1, Boosters: 2, Superlatives: 1, Loaded: 4}
	tok := TokenCounts{Own: 400, Quoted: 100}
	got := map[string]float64{}
	for _, in := range Indicators(r, tok, 0.95) {
		got[in.Name] = float64(in.Value)
		if in.Kind != "count" && !(float64(in.Lo) <= float64(in.Value) && float64(in.Value) <= float64(in.Hi)) {
			t.Errorf("%s: %v outside its interval [%v, %v]", in.Name, in.Value, in.Lo, in.Hi)
		}
	}
	wantV := map[string]float64{
		"attribution_rate": 0.4, "quotation_share": 0.2, "quotations": 3, "named_share": 0.6, "anonymous_share": 0.2,
		"sources": 2, "top_source_share": 2.0 / 3, "state_media_cited": 2, "state_media_labelled": 1, "state_media_labelled_share": 0.5,
		"distancing_rate": 5, "hedge_rate": 2.5, "booster_rate": 7.5, "certainty_balance": 0.5, "loaded_density": 10,
	}
	if len(got) != len(IndicatorList) {
		t.Errorf("%d indicators, %d described", len(got), len(IndicatorList))
	}
	for name, w := range wantV {
		if d := got[name] - w; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s = %v, want %v", name, got[name], w)
		}
	}
}

func TestParseRatings(t *testing.T) {
	tests := []struct {
		in, err string
		n       int
	}{
		{"group,rating\nTASS,1\nSputnik,2.5\n", "", 2},
		{"group,rating,note\nTASS,1,state\n", "", 1},
		{"group,rating\n", "want a header row", 0},
		{"group,rating\nTASS,x\n", "r.csv:2:2: rating \"x\" is not a number", 0},
		{"group,rating\nTASS,1\nTASS,2\n", "r.csv:3: \"TASS\" is rated twice", 0},
		{"group,rating\n,1\n", "r.csv:2: want group,rating", 0},
		{"group,rating\n\"TASS,1\n", "r.csv:2:", 0},
		{"group,rating\nTASS,NaN\n", "not a number", 0},
	}
	for _, tt := range tests {
		got, err := ParseRatings("r.csv", []byte(tt.in))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && len(got) != tt.n:
			t.Errorf("%q: %d ratings, want %d", tt.in, len(got), tt.n)
		}
	}
}

// FuzzParseRatings: no input panics; what is accepted has finite ratings.
func FuzzParseRatings(f *testing.F) {
	for _, s := range []string{"group,rating\nTASS,1\n", "a,b\n\"x\ny\",2\n", "g,r\n,\n", "g\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseRatings("f.csv", data)
		if err != nil {
			return
		}
		for g, v := range got {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%q rated %v", g, v)
			}
		}
	})
}
