package analysis

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// TestDropAgreesWithReference: on thousands of random texts made of the
// real-looking lines of the three languages and the packs' own words,
// mutated, the line rules of every language drop exactly the lines the
// rules before their fast paths drop (refDrop), for the same reasons,
// with one LineRules reused from text to text, and with every long line
// given the same hash.
func TestDropAgreesWithReference(t *testing.T) {
	lines, phrases := realLines(t), packPhrases()
	rng := rand.New(rand.NewPCG(20261206, 1))
	tk := token.NewTokenizer()
	rules := allLineRules(t)
	// Rules whose lines all have one hash: every long line after the
	// first of a text is told from the others by its key alone.
	colliding := allLineRules(t)
	for _, r := range colliding {
		r.seen.hash = func([]byte) uint64 { return 42 }
	}
	n := 4000
	if testing.Short() {
		n = 500
	}
	dropped := map[string]int{}
	for range n {
		text := randomText(rng, lines, phrases)
		for _, d := range checkDrop(t, tk, rules, text) {
			dropped[d.Reason]++
		}
		checkDrop(t, tk, colliding, text)
	}
	// The texts must reach every rule, or the test proves little.
	for _, reason := range []string{ReasonMetadata, ReasonNavigation, ReasonRelatedLink, ReasonAppeal, ReasonCaption, ReasonByline, ReasonCopyright, ReasonForeignAgent, ReasonRepeatedLine} {
		if dropped[reason] < n/200 {
			t.Errorf("only %d lines dropped as %s: the random texts miss the rule", dropped[reason], reason)
		}
	}
	t.Logf("dropped by reason: %v", dropped)
}

func allLineRules(t testing.TB) []*LineRules {
	t.Helper()
	var rules []*LineRules
	for _, code := range lang.Languages() {
		p, _ := lang.Builtin(code)
		r, err := NewLineRules(p)
		if err != nil {
			t.Fatal(err)
		}
		rules = append(rules, r)
	}
	return rules
}

// checkDrop compares Drop with refDrop on text for every rule set, and
// returns what they dropped.
func checkDrop(t testing.TB, tk *token.Tokenizer, rules []*LineRules, text string) []Dropped {
	t.Helper()
	toks := tk.Tokenize(text)
	quotes, _ := Quotes(text)
	var header Span
	if h, _, _, ok := Header(text); ok {
		header = h
	}
	var all []Dropped
	for _, r := range rules {
		got := r.Drop(text, toks, quotes, header)
		want := refDrop(r, text, toks, quotes, header)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Drop(%q)\n got %v\nwant %v", r.pack.Language, text, got, want)
		}
		all = append(all, got...)
	}
	return all
}
