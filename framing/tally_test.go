package framing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/framingkit/framing/token"
)

// seedScoreList scores the seed corpus once.
func seedScoreList(t *testing.T) []*Score {
	t.Helper()
	m := builtinMatcher(t)
	var out []*Score
	if _, err := runFiles([]string{seedsDir}, m, Options{}, func(_ Document, s *Score) error {
		out = append(out, s)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func tallyOf(t *testing.T, scores []*Score, by string) *Tally {
	t.Helper()
	tl := NewTally(builtinMatcher(t), by)
	for _, s := range scores {
		tl.Add(s)
	}
	return tl
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestTallyMergeProperties: for random splits of the seed scores (each
// document copied under new ids to make groups of several documents),
// merging the parts in any order and grouping gives exactly the tally of
// the whole.
func TestTallyMergeProperties(t *testing.T) {
	base := seedScoreList(t)
	var scores []*Score
	for k := range 4 {
		for _, s := range base {
			c := *s
			c.ID = fmt.Sprintf("%s#%d", s.ID, k)
			scores = append(scores, &c)
		}
	}
	whole := jsonOf(t, tallyOf(t, scores, "outlet"))
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 50 {
		parts := make([][]*Score, 1+rng.IntN(4))
		for _, s := range scores {
			k := rng.IntN(len(parts))
			parts[k] = append(parts[k], s)
		}
		tallies := make([]*Tally, len(parts))
		for k, p := range parts {
			tallies[k] = tallyOf(t, p, "outlet")
		}
		// Commutative: merge in a random order.
		rng.Shuffle(len(tallies), func(i, j int) { tallies[i], tallies[j] = tallies[j], tallies[i] })
		left := tallyOf(t, nil, "outlet")
		for _, p := range tallies {
			if err := left.Merge(p); err != nil {
				t.Fatal(err)
			}
		}
		if got := jsonOf(t, left); got != whole {
			t.Fatalf("trial %d: merge of %d parts differs from the whole", trial, len(parts))
		}
		// Associative: (a+b)+c == a+(b+c) for a three-way split.
		if len(tallies) == 3 {
			a, b, c := clone(t, tallies[0]), clone(t, tallies[1]), clone(t, tallies[2])
			ab := clone(t, a)
			must(t, ab.Merge(b))
			must(t, ab.Merge(c))
			bc := clone(t, b)
			must(t, bc.Merge(c))
			must(t, a.Merge(bc))
			if jsonOf(t, ab) != jsonOf(t, a) {
				t.Fatalf("trial %d: merge is not associative", trial)
			}
		}
	}
}

func clone(t *testing.T, tl *Tally) *Tally {
	t.Helper()
	var out Tally
	if err := json.Unmarshal([]byte(jsonOf(t, tl)), &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestTallyMergeRefusesOverlap: a tally knows which documents it counted
// (their ids' fingerprint), and a merge of two tallies that share documents
// is refused, saying how many, with the tally left as it was (issue 14,
// item 14: merge t1.json t1.json counted the shard twice).
func TestTallyMergeRefusesOverlap(t *testing.T) {
	scores := seedScoreList(t)
	for _, tt := range []struct {
		name   string
		a, b   []*Score
		shared int
	}{
		{"the same tally twice", scores, scores, 5},
		{"shards that overlap", scores[:3], scores[2:], 1},
		{"disjoint shards", scores[:2], scores[2:], 0},
	} {
		a, b := tallyOf(t, tt.a, "outlet"), tallyOf(t, tt.b, "outlet")
		before := jsonOf(t, a)
		err := a.Merge(b)
		var oe *OverlapError
		switch {
		case tt.shared == 0 && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.shared > 0 && (!errors.As(err, &oe) || oe.Shared != tt.shared):
			t.Errorf("%s: error %v, want %d shared ids", tt.name, err, tt.shared)
		case tt.shared > 0 && jsonOf(t, a) != before:
			t.Errorf("%s: a refused merge changed the tally", tt.name)
		}
	}
	// Through a file too: the fingerprint is written and read back.
	a := tallyOf(t, scores, "outlet")
	if err := a.Merge(clone(t, a)); err == nil || !strings.Contains(err.Error(), "share 5 document ids") {
		t.Errorf("merged a tally with its own copy: %v", err)
	}
}

// TestFingerprint: the ids' FNV-1a hashes, sorted, written as deltas in
// varints and base64 and read back the same; count and encoding checked.
func TestFingerprint(t *testing.T) {
	for _, ids := range [][]string{nil, {"a"}, {"b", "a", "c"}, {"same", "same"}, {"", "001_83aaf4e31fb8f90e"}} {
		var f Fingerprint
		for _, id := range ids {
			f.Add(id)
		}
		js, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var back Fingerprint
		if err := json.Unmarshal(js, &back); err != nil {
			t.Fatalf("%v: %s: %v", ids, js, err)
		}
		js2, _ := json.Marshal(back)
		if string(js) != string(js2) || back.Count() != len(ids) {
			t.Errorf("%v: %s read back as %s, %d ids", ids, js, js2, back.Count())
		}
		// Reference: the standard library's FNV-1a.
		for _, id := range ids {
			h := fnv.New64a()
			h.Write([]byte(id))
			if got := fnv1a(id); got != h.Sum64() {
				t.Errorf("fnv1a(%q) = %x, want %x", id, got, h.Sum64())
			}
		}
	}
	for _, bad := range []string{
		`{"count": 2, "hashes": "AQ=="}`,                             // one hash, count 2
		`{"count": 1, "hashes": "!!"}`,                               // not base64
		`{"count": 1, "hashes": "gA=="}`,                             // a varint cut short
		`{"count": 2, "hashes": "/////////////wH/////////////AQ=="}`, // deltas past 2^64
		`{"count": -1, "hashes": ""}`,
		`[]`,
	} {
		var f Fingerprint
		if err := json.Unmarshal([]byte(bad), &f); err == nil {
			t.Errorf("%s: read without error", bad)
		}
	}
}

func TestTallyMergeRefusesMismatch(t *testing.T) {
	a := tallyOf(t, nil, "outlet")
	b := tallyOf(t, nil, "outlet_group")
	if err := a.Merge(b); err == nil {
		t.Error("merged tallies grouped by different fields")
	}
	c := tallyOf(t, nil, "outlet")
	c.Lexicon.Hash = "other"
	if err := a.Merge(c); err == nil {
		t.Error("merged tallies of different lexicons")
	}
}

func TestTallyCheck(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	if err := clone(t, tl).Check(); err != nil {
		t.Fatalf("a written tally does not check: %v", err)
	}
	bad := clone(t, tl)
	bad.Groups["TASS"].UnitIndex = histogramOf(map[string]int{"x": 1})
	if err := bad.Check(); err == nil {
		t.Error("accepted a bad unit_index key")
	}
	bad = clone(t, tl)
	bad.Groups["TASS"].Documents = 7
	if err := bad.Check(); err == nil {
		t.Error("accepted documents that unit_index does not count")
	}
	bad = clone(t, tl)
	bad.Groups["TASS"].Fingerprint = Fingerprint{}
	if err := bad.Check(); err == nil || !strings.Contains(err.Error(), "fingerprint") {
		t.Errorf("accepted a group whose fingerprint does not count its documents: %v", err)
	}
}

func TestTallyCheckWeeks(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	bad := clone(t, tl)
	bad.Groups["TASS"].Weeks = map[string]WeekCount{"2023-25": {Documents: 1}}
	if err := bad.Check(); err == nil {
		t.Error("accepted a bad week key")
	}
	bad = clone(t, tl)
	bad.Groups["TASS"].Undated = 1
	if err := bad.Check(); err == nil {
		t.Error("accepted weeks and undated documents that do not add up")
	}
}

// TestTallyCheckBy: grouping by a metadata field no document has is an
// error naming the fields there are; a built-in field, a field some
// documents have, and a tally without documents are fine (issue 14, item
// 12).
func TestTallyCheckBy(t *testing.T) {
	scores := []*Score{
		{ID: "1", Outlet: "A", Meta: map[string]string{"desk": "politics", "lang": "en"}},
		{ID: "2", Outlet: "B", Meta: map[string]string{"lang": "ru"}},
	}
	for _, tt := range []struct {
		by, err string
		scores  []*Score
	}{
		{"outlet", "", scores},
		{"title", "", scores},
		{"desk", "", scores},
		{"lang", "", scores},
		{"stanse", "no document has a field stanse to group by (fields: outlet, date, url, title, id, lang, desk)", scores},
		{"stanse", "", nil},
	} {
		tl := &Tally{By: tt.by, Skipped: map[string]int{}, Groups: map[string]*GroupTally{}}
		for _, s := range tt.scores {
			tl.Add(s)
		}
		err := tl.CheckBy()
		var fe *FieldError
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("--by %s: %v", tt.by, err)
		case tt.err != "" && (!errors.As(err, &fe) || err.Error() != tt.err):
			t.Errorf("--by %s: error %v, want %q", tt.by, err, tt.err)
		}
	}
}

// TestCountsOnlyKeepsTallies: a run with Options.CountsOnly gives the
// same tallies, by outlet and by date, as a run that keeps every hit's
// evidence, on the seeds, the Russian and Ukrainian corpus and the hostile
// articles; its hits are the label hits, each with what the tally reads.
func TestCountsOnlyKeepsTallies(t *testing.T) {
	m := builtinMatcher(t)
	voices := token.VoiceSet(1<<token.Own | 1<<token.Reported) // both kinds of counts move
	for _, dir := range []string{seedsDir, ruukDir, "../testdata/hostile"} {
		t.Run(dir, func(t *testing.T) {
			run := func(countsOnly bool) []*Score {
				var out []*Score
				if _, err := runFiles([]string{dir}, m, Options{CountsOnly: countsOnly, Voices: voices}, func(_ Document, s *Score) error {
					out = append(out, s)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				return out
			}
			full, lean := run(false), run(true)
			labelHits := 0
			for i, s := range full {
				var want []Evidence
				for _, h := range s.Hits {
					if h.Label != "" {
						want = append(want, Evidence{Label: h.Label, Voice: h.Voice, Negated: h.Negated, NegatedBy: h.NegatedBy, Norm: h.Norm})
					}
				}
				labelHits += len(want)
				if got := lean[i].Hits; jsonOf(t, got) != jsonOf(t, want) && len(want)+len(got) > 0 {
					t.Errorf("%s: counts-only hits %s, want %s", s.ID, jsonOf(t, got), jsonOf(t, want))
				}
			}
			if labelHits == 0 {
				t.Fatalf("%s: no label hits: the test checks nothing", dir)
			}
			for _, by := range []string{"outlet", "date"} {
				a, b := NewTally(m, by), NewTally(m, by)
				a.Voices, b.Voices = voices, voices
				for i := range full {
					a.Add(full[i])
					b.Add(lean[i])
				}
				if x, y := jsonOf(t, a), jsonOf(t, b); x != y {
					t.Errorf("by %s: the tallies differ:\n%s\n%s", by, x, y)
				}
			}
		})
	}
}

// TestWriteTallyAsEncoded: WriteTally, which writes one group at a time,
// writes the bytes of encoding the whole tally at once, indented, on the
// seeds and the Russian and Ukrainian corpus by outlet and by date, with
// group names that JSON escapes, and on a tally of no document.
func TestWriteTallyAsEncoded(t *testing.T) {
	m := builtinMatcher(t)
	var scores []*Score
	for _, dir := range []string{seedsDir, ruukDir} {
		if _, err := runFiles([]string{dir}, m, Options{}, func(_ Document, s *Score) error {
			scores = append(scores, s)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	odd := []string{`A&B <News>`, "quote \" and \\ back", "tab\tand\u2028line", "Вестник", ""}
	for _, by := range []string{"outlet", "date", "none"} {
		tl := NewTally(m, "outlet")
		if by != "none" {
			tl = NewTally(m, by)
			for i, s := range scores {
				c := *s
				if by == "outlet" {
					c.Outlet = odd[i%len(odd)] + c.Outlet
				}
				tl.Add(&c)
			}
		}
		var whole bytes.Buffer
		enc := json.NewEncoder(&whole)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(tl); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteTally(&got, tl); err != nil {
			t.Fatal(err)
		}
		if got.String() != whole.String() {
			t.Errorf("by %s: WriteTally differs from the tally encoded whole:\n%s\n---\n%s", by, got.String(), whole.String())
		}
		if by != "none" && len(tl.Groups) < 2 {
			t.Errorf("by %s: %d groups: the test checks too little", by, len(tl.Groups))
		}
	}
}
