package compare

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
)

// TestParseRatings: a header of exactly the columns group and rating (in
// any order, any case); an unknown or missing column is an error with
// file:line and the columns wanted (issue 14, item 15: any header was taken).
func TestParseRatings(t *testing.T) {
	tests := []struct {
		in, err string
		n       int
	}{
		{"group,rating\nTASS,1\nSputnik,2.5\n", "", 2},
		{"Rating, Group\n1,TASS\n", "", 1},
		{"\ufeffgroup,rating\nTASS,1\n", "", 1},
		{"group,rating,note\nTASS,1,state\n", "r.csv:1:3: unknown column note (the columns are group,rating)", 0},
		{"outlet,score\nTASS,1\n", "r.csv:1:1: unknown column outlet (the columns are group,rating)", 0},
		{"group\nTASS\n", "r.csv:1: no column rating (the columns are group,rating)", 0},
		{"group,group\nTASS,1\n", "r.csv:1:2: column group given twice", 0},
		{"group,rating\n", "want a header row (group,rating) and a row per group", 0},
		{"group,rating\nTASS,x\n", "r.csv:2:2: rating \"x\" is not a number", 0},
		{"rating,group\nx,TASS\n", "r.csv:2:1: rating \"x\" is not a number", 0},
		{"group,rating\nTASS,1\nTASS,2\n", "r.csv:3: TASS is rated twice (first on line 2)", 0},
		{"group,rating\n,1\n", "r.csv:2: want group,rating", 0},
		{"group,rating\nTASS\n", "r.csv:2: want group,rating", 0},
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
		case tt.err == "" && len(got.Rows) != tt.n:
			t.Errorf("%q: %d ratings, want %d", tt.in, len(got.Rows), tt.n)
		}
	}
}

// TestRatingsMatch: every row is joined to a group or reported with the
// groups it could have meant (the same name in another case, or a near
// one); the groups without a rating are named (issue 14, item 15: a row
// that matched no group was not reported).
func TestRatingsMatch(t *testing.T) {
	r, err := ParseRatings("r.csv", []byte("group,rating\nTASS,1\nTass,2\nSputnk,3\nMoscow Times,4\nZzz,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	rated, unmatched, unrated := r.Match([]string{"Sputnik", "TASS", "The Moscow Times", "Voice of Nigeria"})
	if len(rated) != 1 || rated["TASS"] != 1 {
		t.Errorf("rated %v, want TASS only", rated)
	}
	want := []struct {
		group   string
		line    int
		suggest string
	}{{"Tass", 3, "TASS"}, {"Sputnk", 4, "Sputnik"}, {"Moscow Times", 5, "The Moscow Times"}, {"Zzz", 6, ""}}
	if len(unmatched) != len(want) {
		t.Fatalf("unmatched %+v, want %d rows", unmatched, len(want))
	}
	for i, w := range want {
		u := unmatched[i]
		if u.Group != w.group || u.Line != w.line || strings.Join(u.Suggest, ",") != w.suggest {
			t.Errorf("unmatched %d = %+v, want %s on line %d, suggesting %q", i, u, w.group, w.line, w.suggest)
		}
	}
	if strings.Join(unrated, ",") != "Sputnik,The Moscow Times,Voice of Nigeria" {
		t.Errorf("unrated %v", unrated)
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
		for _, r := range got.Rows {
			if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) || r.Group == "" || r.Line < 2 {
				t.Fatalf("%+v accepted", r)
			}
		}
		got.Match([]string{"TASS", "Sputnik", ""})
	})
}

// TestCompareLexiconLacks: scored with a lexicon that has hedges only, the
// groups' attribution rate is n/a with the reason, and so is its test.
func TestCompareLexiconLacks(t *testing.T) {
	m, err := lexicon.LoadMatcher("../../lexicon/testdata/good/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tl := framing.NewTally(m, "outlet")
	sc := framing.NewScorer(m)
	for i, d := range [][2]string{{"A", "The invasion went on, the ministry said, allegedly."}, {"B", "The special military operation, officials said."}} {
		tl.Add(sc.Score(framing.Document{ID: fmt.Sprint(i), Outlet: d[0], Text: d[1]}))
	}
	c, err := Reliability(tl, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	const why = "the lexicon has no category attribution"
	for _, g := range c.Reliability.Groups {
		if in := g.Indicators["attribution_rate"]; !in.Value.IsNaN() || in.Note != why {
			t.Errorf("%s: attribution_rate %v, note %q; want n/a, %q", g.Group, in.Value, in.Note, why)
		}
		if in := g.Indicators["hedge_rate"]; in.Value.IsNaN() || in.Note != "" {
			t.Errorf("%s: hedge_rate %v, note %q; want a rate", g.Group, in.Value, in.Note)
		}
	}
	for _, tt := range c.Reliability.Tests {
		if tt.Name == "attribution_rate" && (!math.IsNaN(tt.Primary()) || tt.Note != why) {
			t.Errorf("attribution_rate test: p %v, note %q; want n/a, %q", tt.Primary(), tt.Note, why)
		}
	}
	js := jsonOf(t, c.Reliability.Groups[0].Indicators["attribution_rate"])
	if !strings.Contains(js, `"value":null`) || !strings.Contains(js, `"note":"`+why+`"`) {
		t.Errorf("JSON %s, want value null and the note", js)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
