package baseline

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/token"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
)

func matcher(testing.TB) *lexicon.Matcher { return lexicon.MustCompileBuiltin() }

// twoOutlets writes a corpus of three seed articles: two under outlet A,
// one under B.
func twoOutlets(t testing.TB) string {
	t.Helper()
	var lines []string
	for i, f := range []string{"000_9e5c9e65d14847af", "001_83aaf4e31fb8f90e", "002_edf5bcf857f3bcb7"} {
		text, err := os.ReadFile(filepath.Join("../../testdata/seeds", f+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		outlet := "A"
		if i == 2 {
			outlet = "B"
		}
		b, _ := json.Marshal(map[string]string{"id": f, "outlet": outlet, "date": "2023-06-25", "text": string(text)})
		lines = append(lines, string(b))
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func compute(t testing.TB, path string) *Baseline {
	t.Helper()
	b, _, err := Compute(context.Background(), corpus.NewFiles([]string{path}, corpus.Options{}).All(), matcher(t), framing.Options{}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestComputeAddsUp checks a baseline's group cells against its document
// cells, recomputed here from the definitions: counts add up, a rate is
// hits per 1,000 own tokens, a share is hits over the concept's hits, the
// index is (pos − neg)/(pos + neg).
func TestComputeAddsUp(t *testing.T) {
	b := compute(t, twoOutlets(t))
	if len(b.Groups) != 2 || len(b.Documents) != 3 || b.Corpus.Read != 3 || b.Corpus.Scored != 3 || len(b.Corpus.Documents) != 3 {
		t.Fatalf("groups %d, documents %d, corpus %+v", len(b.Groups), len(b.Documents), b.Corpus)
	}
	a := b.Groups[0]
	if a.Name != "A" || a.Documents != 2 {
		t.Fatalf("first group %q with %d documents, want A with 2", a.Name, a.Documents)
	}
	d0, d1 := b.Documents[0], b.Documents[1]
	if a.Tokens.Own != d0.Tokens.Own+d1.Tokens.Own || a.Pos != d0.Pos+d1.Pos || a.Neg != d0.Neg+d1.Neg {
		t.Errorf("group A's tokens or poles are not the sum of its documents'")
	}
	concept := map[string]int{}
	for l, c := range a.Labels {
		if c.Own != d0.Labels[l].Own+d1.Labels[l].Own || c.Quoted != d0.Labels[l].Quoted+d1.Labels[l].Quoted {
			t.Errorf("%s: group %+v, documents %+v and %+v", l, c, d0.Labels[l], d1.Labels[l])
		}
		concept[strings.SplitN(l, ".", 2)[0]] += c.Own
	}
	for l, c := range a.Labels {
		if c.Own == 0 {
			continue
		}
		if want := float64(c.Own) / float64(a.Tokens.Own) * 1000; math.Abs(float64(a.Rates[l])-want) > 1e-12 {
			t.Errorf("rate %s = %v, want %v", l, a.Rates[l], want)
		}
		if want := float64(c.Own) / float64(concept[strings.SplitN(l, ".", 2)[0]]); math.Abs(float64(a.Shares[l])-want) > 1e-12 {
			t.Errorf("share %s = %v, want %v", l, a.Shares[l], want)
		}
	}
	if want := float64(a.Pos-a.Neg) / float64(a.Pos+a.Neg); math.Abs(float64(a.Index)-want) > 1e-12 || a.Lo > a.Index || a.Hi < a.Index {
		t.Errorf("index %v [%v, %v], want %v inside", a.Index, a.Lo, a.Hi, want)
	}
}

func TestWriteParseRoundTrip(t *testing.T) {
	b := compute(t, twoOutlets(t))
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	back, err := Parse("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := Write(&again, back); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Error("a baseline read back does not write the same bytes")
	}
	if res := Diff(b, back, DefaultTolerances()); !res.OK() || res.Compared < 100 {
		t.Errorf("a baseline differs from itself read back: %s", res.Verdict())
	}
}

// TestParseRefuses: every way a baseline file can be unusable is refused
// with what is wrong, where when it can tell, and how to regenerate.
func TestParseRefuses(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, compute(t, twoOutlets(t))); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	tests := []struct {
		name, data, want string
	}{
		{"truncated", good[:len(good)/2], "cut short"},
		{"not JSON", "{\n  \"format\": 1,\n  oops\n}", "b.json:3:3: not valid JSON"},
		{"not JSON at the start", "not json", "b.json:1:2: not valid JSON"},
		{"hand-edited", strings.Replace(good, `"read": 3`, `"read": 4`, 1), "edited by hand or damaged"},
		{"other version", strings.Replace(good, `"format": 3`, `"format": 7`, 1), "baseline format 7, but this framing"},
		{"no format", `{"tool": "framing 1"}`, `not a framing baseline`},
		{"not ours", `{"format": 1, "tool": "other"}`, `not a framing baseline`},
		{"wrong type", strings.Replace(good, `"read": 3`, `"read": "three"`, 1), `field corpus.read holds a string`},
		{"empty", "", "cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("b.json", []byte(tt.data))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "regenerate it with `framing baseline write") {
				t.Errorf("error %q, want it to say %q and how to regenerate", err, tt.want)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

func TestParseTolerances(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		want Tolerance
		ok   bool
	}{
		{"", Index, Tolerance{Abs: 1e-9}, true},
		{"index=0.02", Index, Tolerance{Abs: 0.02}, true},
		{"index=0.02, rate=5%", Rate, Tolerance{Rel: 0.05}, true},
		{"count=2", Count, Tolerance{Abs: 2}, true},
		{"share=0", Share, Tolerance{}, true},
		{"index", Index, Tolerance{}, false},
		{"speed=1", Index, Tolerance{}, false},
		{"rate=-1", Index, Tolerance{}, false},
		{"rate=x%", Index, Tolerance{}, false},
		{"rate=NaN", Index, Tolerance{}, false},
	}
	for _, tt := range tests {
		got, err := ParseTolerances(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseTolerances(%q) error %v", tt.in, err)
			continue
		}
		if tt.ok && got[tt.kind] != tt.want {
			t.Errorf("ParseTolerances(%q)[%s] = %+v, want %+v", tt.in, tt.kind, got[tt.kind], tt.want)
		}
	}
}

func TestWithin(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		tol      Tolerance
		was, now float64
		want     bool
	}{
		{Tolerance{}, 3, 3, true},
		{Tolerance{}, 3, 4, false},
		{Tolerance{Abs: 1}, 3, 4, true},
		{Tolerance{Abs: 0.02}, 0.5, 0.53, false},
		{Tolerance{Rel: 0.05}, 10, 10.5, true},
		{Tolerance{Rel: 0.05}, 10, 10.6, false},
		{Tolerance{Rel: 0.05}, 0, 0.1, false},
		{Tolerance{Abs: 1}, nan, nan, true},
		{Tolerance{Abs: 1}, nan, 0, false},
		{Tolerance{Abs: 1}, 0, nan, false},
	}
	for _, tt := range tests {
		if got := tt.tol.within(tt.was, tt.now); got != tt.want {
			t.Errorf("%+v.within(%v, %v) = %v, want %v", tt.tol, tt.was, tt.now, got, tt.want)
		}
	}
}

// TestDiff edits copies of a baseline as a lexicon, corpus or option
// change would, and checks what Diff reports.
func TestDiff(t *testing.T) {
	base := compute(t, twoOutlets(t))
	clone := func() *Baseline {
		var buf bytes.Buffer
		if err := Write(&buf, base); err != nil {
			t.Fatal(err)
		}
		b, err := Parse("b.json", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	rate := func(b *Baseline) string {
		keys := slices.Sorted(maps.Keys(b.Groups[0].Rates))
		if len(keys) == 0 {
			t.Fatal("group A has no rates")
		}
		return keys[0]
	}
	tests := []struct {
		name    string
		edit    func(b *Baseline)
		tol     string
		drift   []string // scope/name/measure of the cells that moved
		causeIn string
	}{
		{"same", func(*Baseline) {}, "", nil, ""},
		{"rate moved", func(b *Baseline) { b.Groups[0].Rates[rate(b)] += 0.01 }, "", []string{"group/A/rate." + rate(base)}, ""},
		{"rate within absolute tolerance", func(b *Baseline) { b.Groups[0].Rates[rate(b)] += 0.01 }, "rate=0.02", nil, ""},
		{"count moved", func(b *Baseline) { b.Groups[1].Pos++ }, "", []string{"group/B/pos"}, ""},
		{"count within tolerance", func(b *Baseline) { b.Groups[1].Pos++ }, "count=1", nil, ""},
		{"document gone", func(b *Baseline) {
			delete(b.Corpus.Documents, b.Documents[2].Name)
			b.Documents = b.Documents[:2]
			b.Corpus.Hash = "other"
		}, "", []string{"document/002_edf5bcf857f3bcb7/present"}, "document 002_edf5bcf857f3bcb7 removed"},
		{"term added", func(b *Baseline) {
			b.Lexicon.Hash = "other"
			b.Lexicon.Terms["war.invasion"] = append(b.Lexicon.Terms["war.invasion"], "incursion")
		}, "", nil, `war.invasion: term added: "incursion"`},
		{"index undefined now", func(b *Baseline) { b.Groups[1].Index = stats.Num(math.NaN()) }, "index=1", []string{"group/B/index"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := clone()
			tt.edit(now)
			tol, err := ParseTolerances(tt.tol)
			if err != nil {
				t.Fatal(err)
			}
			res := Diff(base, now, tol)
			var got []string
			for _, c := range res.Drift {
				got = append(got, c.Scope+"/"+c.Name+"/"+c.Measure)
			}
			if strings.Join(got, " ") != strings.Join(tt.drift, " ") {
				t.Errorf("drift %v, want %v", got, tt.drift)
			}
			if tt.causeIn != "" && !strings.Contains(strings.Join(res.Causes, "\n"), tt.causeIn) {
				t.Errorf("causes %q, want one with %q", res.Causes, tt.causeIn)
			}
			if res.OK() != (len(tt.drift) == 0) {
				t.Errorf("OK = %v with drift %v", res.OK(), got)
			}
		})
	}
}

// TestOptionChanges: options that differ are named one by one, in words,
// never as a Go struct.
func TestOptionChanges(t *testing.T) {
	was := DefaultOptions()
	for _, tc := range []struct {
		edit func(*Options)
		want string
	}{
		{func(o *Options) { o.By = "lang" }, "by outlet in the baseline, now lang"},
		{func(o *Options) { o.Conf, o.Seed = 0.9, 7 }, "conf 0.95 in the baseline, now 0.9; seed 1 in the baseline, now 7"},
		{func(o *Options) { o.Voices = token.VoiceSet(1<<token.Own | 1<<token.Reported) }, "voices own in the baseline, now own+reported"},
	} {
		now := was
		tc.edit(&now)
		if got := optionChanges(was, now); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
