package framing

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/goccy/go-yaml"

	"github.com/framingkit/framing/lexicon"
)

// voiceEvalSets are the hand-labelled evaluation sets of issue 17 ("Voice
// beyond quotation marks"): sentences in English, Russian and Ukrainian,
// every label hit in them labelled with its voice (own, quoted, reported,
// distanced) and whether it is negated. eval.yaml's header gives the
// decision rules the labels follow. The rules were tuned while reading the
// misses of eval.yaml and then of tune2.yaml (a second set, weighted to
// reported speech, written without seeing the rules or the other sets);
// holdout.yaml was written by someone who saw neither the other sets'
// items nor the rules, and its misses were never tuned on: it measures the
// rules fresh.
//
// Minimum is the least precision and recall each voice, and negation,
// must reach on the whole set, pinned a little under what the rules reach
// (2026-12-06), so that a change that makes the rules worse fails here.
var voiceEvalSets = []struct {
	File    string
	Minimum map[string]struct{ Precision, Recall float64 }
}{
	{"../testdata/voice/eval.yaml", map[string]struct{ Precision, Recall float64 }{
		"own": {0.92, 0.98}, "quoted": {0.98, 0.98}, "reported": {0.98, 0.93}, "distanced": {0.98, 0.93}, "negated": {0.98, 0.95},
	}},
	{"../testdata/voice/tune2.yaml", map[string]struct{ Precision, Recall float64 }{
		"own": {0.93, 0.98}, "quoted": {0.98, 0.98}, "reported": {0.98, 0.95}, "distanced": {0.98, 0.98}, "negated": {0.98, 0.98},
	}},
	{"../testdata/voice/holdout.yaml", map[string]struct{ Precision, Recall float64 }{
		"own": {0.85, 0.96}, "quoted": {0.93, 0.98}, "reported": {0.95, 0.85}, "distanced": {0.98, 0.86}, "negated": {0.98, 0.85},
	}},
}

// voiceEvalVoices are the voices of the evaluation, in the order of the
// tables. A predicted voice outside them (boilerplate) is counted as
// voiceEvalOther.
var voiceEvalVoices = []string{"own", "quoted", "reported", "distanced"}

const voiceEvalOther = "other"

// voiceEvalMisses lists every hit whose predicted voice or negation differs
// from its label: go test ./framing -run TestVoiceEvaluation -v -args -voiceeval.misses
var voiceEvalMisses = flag.Bool("voiceeval.misses", false, "TestVoiceEvaluation: list every hit the rules get wrong")

// negatedOf is whether the scorer says a hit is negated.
func negatedOf(e Evidence) bool {
	return e.Negated
}

// voiceEvalHit is one labelled hit of an item.
type voiceEvalHit struct {
	// Match is the hit's text exactly as it stands in the item's text (as
	// Evidence.Text gives it); Occurrence says which occurrence, from 1
	// (default 1).
	Match      string `yaml:"match"`
	Occurrence int    `yaml:"occurrence"`
	Voice      string `yaml:"voice"`
	// Negated is a pointer so that a label that leaves it out is refused.
	Negated *bool  `yaml:"negated"`
	Why     string `yaml:"why"`
}

// voiceEvalItem is one sentence or short paragraph with its labelled hits.
type voiceEvalItem struct {
	Lang   string         `yaml:"lang"`
	Source string         `yaml:"source"`
	Text   string         `yaml:"text"`
	Hits   []voiceEvalHit `yaml:"hits"`
}

// readVoiceEval reads the evaluation set strictly and checks every item
// and label: an unknown key, a missing field, a voice that is not one of
// the four, a match that is not in the text or a seed sentence that is not
// in its seed file is a mistake in the set.
func readVoiceEval(t *testing.T, voiceEvalFile string) []voiceEvalItem {
	t.Helper()
	data, err := os.ReadFile(voiceEvalFile)
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Items []voiceEvalItem `yaml:"items"`
	}
	if err := yaml.UnmarshalWithOptions(data, &set, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
		t.Fatalf("%s: %s", voiceEvalFile, yaml.FormatError(err, false, true))
	}
	if len(set.Items) == 0 {
		t.Fatalf("%s lists no items", voiceEvalFile)
	}
	seeds := map[string]string{}
	for i, it := range set.Items {
		where := voiceEvalWhere(i, it)
		switch it.Lang {
		case "en", "ru", "uk":
		default:
			t.Errorf("%s: lang %q: want en, ru or uk", where, it.Lang)
		}
		if it.Text == "" {
			t.Errorf("%s: no text", where)
		}
		switch {
		case it.Source == "constructed":
		case strings.HasPrefix(it.Source, "seeds/"):
			seed, ok := seeds[it.Source]
			if !ok {
				b, err := os.ReadFile(filepath.Join("../testdata", it.Source))
				if err != nil {
					t.Errorf("%s: %v", where, err)
				}
				seed = string(b)
				seeds[it.Source] = seed
			}
			if !strings.Contains(seed, it.Text) {
				t.Errorf("%s: the text is not in %s as written", where, it.Source)
			}
		default:
			t.Errorf("%s: source %q: want constructed or seeds/FILE", where, it.Source)
		}
		if len(it.Hits) == 0 {
			t.Errorf("%s: no hits labelled", where)
		}
		for j, h := range it.Hits {
			if h.Match == "" {
				t.Errorf("%s: hit %d: no match", where, j+1)
			}
			if !slices.Contains(voiceEvalVoices, h.Voice) {
				t.Errorf("%s: hit %q: voice %q: want one of %s", where, h.Match, h.Voice, strings.Join(voiceEvalVoices, ", "))
			}
			if h.Negated == nil {
				t.Errorf("%s: hit %q: negated missing", where, h.Match)
			}
			if strings.TrimSpace(h.Why) == "" {
				t.Errorf("%s: hit %q: why missing", where, h.Match)
			}
			if h.Occurrence < 0 {
				t.Errorf("%s: hit %q: occurrence %d", where, h.Match, h.Occurrence)
			}
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return set.Items
}

// voiceEvalWhere names an item in a message: its number, source and the
// start of its text.
func voiceEvalWhere(i int, it voiceEvalItem) string {
	text := strings.ReplaceAll(it.Text, "\n", " ")
	if r := []rune(text); len(r) > 70 {
		text = string(r[:70]) + "…"
	}
	return fmt.Sprintf("item %d (%s, %s) %q", i+1, it.Lang, it.Source, text)
}

// occurrenceAt is the byte offset of the n-th (from 1) occurrence of sub in
// s, or -1.
func occurrenceAt(s, sub string, n int) int {
	if n < 1 {
		n = 1
	}
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if n--; n == 0 {
			return off + i
		}
		off += i + len(sub)
	}
}

// voiceConfusion counts hits by true voice (row) and predicted voice
// (column), and negation by truth and prediction.
type voiceConfusion struct {
	m              map[string]map[string]int
	negTP, negFP   int
	negFN, negTN   int
	hits, negTrues int
}

func newVoiceConfusion() *voiceConfusion {
	c := &voiceConfusion{m: map[string]map[string]int{}}
	for _, v := range voiceEvalVoices {
		c.m[v] = map[string]int{}
	}
	return c
}

func (c *voiceConfusion) add(truth, pred string, negTruth, negPred bool) {
	if !slices.Contains(voiceEvalVoices, pred) {
		pred = voiceEvalOther
	}
	c.m[truth][pred]++
	c.hits++
	switch {
	case negTruth && negPred:
		c.negTP++
	case !negTruth && negPred:
		c.negFP++
	case negTruth && !negPred:
		c.negFN++
	default:
		c.negTN++
	}
	if negTruth {
		c.negTrues++
	}
}

// precisionRecall of voice v; ok is false where a denominator is 0
// (nothing predicted, or nothing true).
func (c *voiceConfusion) precisionRecall(v string) (p, r float64, pOK, rOK bool) {
	var predicted, truth int
	for _, t := range voiceEvalVoices {
		predicted += c.m[t][v]
	}
	for _, n := range c.m[v] {
		truth += n
	}
	hit := c.m[v][v]
	if predicted > 0 {
		p, pOK = float64(hit)/float64(predicted), true
	}
	if truth > 0 {
		r, rOK = float64(hit)/float64(truth), true
	}
	return
}

func (c *voiceConfusion) negationPrecisionRecall() (p, r float64, pOK, rOK bool) {
	if c.negTP+c.negFP > 0 {
		p, pOK = float64(c.negTP)/float64(c.negTP+c.negFP), true
	}
	if c.negTP+c.negFN > 0 {
		r, rOK = float64(c.negTP)/float64(c.negTP+c.negFN), true
	}
	return
}

func ratio(x float64, ok bool) string {
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.3f", x)
}

// String is the confusion matrix and the per-voice table.
func (c *voiceConfusion) String() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	cols := append(slices.Clone(voiceEvalVoices), voiceEvalOther)
	fmt.Fprint(w, "true \\ predicted\t")
	for _, p := range cols {
		fmt.Fprintf(w, "%s\t", p)
	}
	fmt.Fprint(w, "total\t\n")
	for _, t := range voiceEvalVoices {
		fmt.Fprintf(w, "%s\t", t)
		total := 0
		for _, p := range cols {
			fmt.Fprintf(w, "%d\t", c.m[t][p])
			total += c.m[t][p]
		}
		fmt.Fprintf(w, "%d\t\n", total)
	}
	fmt.Fprint(w, "\t\n")
	fmt.Fprint(w, "voice\ttrue\tpredicted\tcorrect\tprecision\trecall\t\n")
	for _, v := range voiceEvalVoices {
		var truth, predicted int
		for _, n := range c.m[v] {
			truth += n
		}
		for _, t := range voiceEvalVoices {
			predicted += c.m[t][v]
		}
		p, r, pOK, rOK := c.precisionRecall(v)
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%s\t%s\t\n", v, truth, predicted, c.m[v][v], ratio(p, pOK), ratio(r, rOK))
	}
	p, r, pOK, rOK := c.negationPrecisionRecall()
	fmt.Fprintf(w, "negated\t%d\t%d\t%d\t%s\t%s\t\n", c.negTrues, c.negTP+c.negFP, c.negTP, ratio(p, pOK), ratio(r, rOK))
	correct := 0
	for _, v := range voiceEvalVoices {
		correct += c.m[v][v]
	}
	w.Flush()
	fmt.Fprintf(&b, "voice accuracy %d/%d", correct, c.hits)
	if c.hits > 0 {
		fmt.Fprintf(&b, " = %.3f", float64(correct)/float64(c.hits))
	}
	return b.String()
}

// TestVoiceEvaluation scores every item of the evaluation set with the
// built-in lexicon, pairs each labelled hit with the scorer's label hit at
// the same offset, and measures the voice the scorer gives against the
// label: the confusion matrix and each voice's precision and recall, on
// the whole set and per language, are logged on every run. A label hit the
// set does not label, or a labelled hit the scorer does not find, is an
// error: the set must label exactly the lexicon's hits. The test fails
// when a voice, or negation, falls below its minimum in voiceEvalMinimum.
func TestVoiceEvaluation(t *testing.T) {
	for _, set := range voiceEvalSets {
		t.Run(filepath.Base(set.File), func(t *testing.T) { evaluateVoices(t, set.File, set.Minimum) })
	}
}

func evaluateVoices(t *testing.T, voiceEvalFile string, minimum map[string]struct{ Precision, Recall float64 }) {
	items := readVoiceEval(t, voiceEvalFile)
	sc := NewScorer(lexicon.MustCompileBuiltin())
	all := newVoiceConfusion()
	byLang := map[string]*voiceConfusion{}
	var langs []string
	var misses []string
	for i, it := range items {
		where := voiceEvalWhere(i, it)
		s := sc.Score(Document{ID: fmt.Sprintf("voice-eval-%03d", i+1), Text: it.Text, Lang: it.Lang})
		var found []Evidence
		for _, e := range s.Hits {
			if e.Label != "" {
				found = append(found, e)
			}
		}
		paired := make([]bool, len(found))
		labelled := map[int]string{}
		for _, h := range it.Hits {
			off := occurrenceAt(it.Text, h.Match, h.Occurrence)
			if off < 0 {
				t.Errorf("%s: %q (occurrence %d) is not in the text", where, h.Match, max(h.Occurrence, 1))
				continue
			}
			if prev, dup := labelled[off]; dup {
				t.Errorf("%s: %q and %q label the same offset %d", where, prev, h.Match, off)
				continue
			}
			labelled[off] = h.Match
			k := slices.IndexFunc(found, func(e Evidence) bool { return e.Start == off && e.Text == h.Match })
			if k < 0 {
				k = slices.IndexFunc(found, func(e Evidence) bool { return e.Start == off })
				if k >= 0 {
					t.Errorf("%s: labelled %q at byte %d, the scorer matched %q there (%s)", where, h.Match, off, found[k].Text, found[k].Label)
					paired[k] = true
				} else {
					t.Errorf("%s: labelled hit %q at byte %d: the scorer finds no label hit there", where, h.Match, off)
				}
				continue
			}
			paired[k] = true
			e := found[k]
			pred, negPred := e.Voice.String(), negatedOf(e)
			all.add(h.Voice, pred, *h.Negated, negPred)
			c := byLang[it.Lang]
			if c == nil {
				c = newVoiceConfusion()
				byLang[it.Lang] = c
				langs = append(langs, it.Lang)
			}
			c.add(h.Voice, pred, *h.Negated, negPred)
			if pred != h.Voice || negPred != *h.Negated {
				misses = append(misses, fmt.Sprintf("%s: %q (%s) true %s%s, predicted %s%s — %s",
					where, h.Match, e.Label, h.Voice, negMark(*h.Negated), pred, negMark(negPred), h.Why))
			}
		}
		for k, e := range found {
			if !paired[k] {
				t.Errorf("%s: unlabelled hit %q at byte %d (%s, %s)", where, e.Text, e.Start, e.Label, e.Voice)
			}
		}
	}
	t.Logf("%s: %d items, %d labelled hits\n\nall languages:\n%s", voiceEvalFile, len(items), all.hits, all)
	slices.Sort(langs)
	for _, l := range langs {
		t.Logf("%s:\n%s", l, byLang[l])
	}
	if *voiceEvalMisses {
		t.Logf("%d hits the rules get wrong:\n%s", len(misses), strings.Join(misses, "\n"))
	}
	for _, v := range append(slices.Clone(voiceEvalVoices), "negated") {
		lim := minimum[v]
		var p, r float64
		if v == "negated" {
			p, r, _, _ = all.negationPrecisionRecall()
		} else {
			p, r, _, _ = all.precisionRecall(v)
		}
		if p < lim.Precision {
			t.Errorf("%s: precision %.3f, below its minimum %.3f", v, p, lim.Precision)
		}
		if r < lim.Recall {
			t.Errorf("%s: recall %.3f, below its minimum %.3f", v, r, lim.Recall)
		}
	}
}

func negMark(neg bool) string {
	if neg {
		return " negated"
	}
	return ""
}
