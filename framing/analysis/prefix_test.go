package analysis

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/framingkit/framing/lang"
)

// TestPrefixTestLetsThroughEveryMatch: the prefix test of each pack's
// related-link pattern lets through every line the pattern matches: the
// pack's related-link examples with every rune below 0x800 in place of
// each of their first five runes (and with spaces before them), and the
// article lines; and it refuses most article lines.
func TestPrefixTestLetsThroughEveryMatch(t *testing.T) {
	lines := realLines(t)
	for _, code := range lang.Languages() {
		p, _ := lang.Builtin(code)
		r, err := NewLineRules(p)
		if err != nil {
			t.Fatal(err)
		}
		if r.relatedLink == nil {
			t.Fatalf("%s: no prefix test of the related-link pattern %q", code, p.Boilerplate.RelatedLink.Source)
		}
		pattern := &p.Boilerplate.RelatedLink
		var examples []string
		for _, ex := range p.Examples {
			if ex.Reason == ReasonRelatedLink {
				examples = append(examples, strings.TrimSpace(ex.Line))
			}
		}
		if len(examples) == 0 {
			t.Fatalf("%s: no related-link examples", code)
		}
		check := func(line string) bool {
			t.Helper()
			matched := pattern.MatchString(line)
			if matched && !r.relatedLink.mayMatch(line) {
				t.Fatalf("%s: the pattern matches %q, the prefix test refuses it", code, line)
			}
			return matched
		}
		matched := 0
		for _, ex := range examples {
			for _, ex := range []string{ex, " " + ex, "\t" + ex, strings.ToUpper(ex)} {
				runes := []rune(ex)
				for j := range min(5, len(runes)) {
					for c := range rune(0x800) {
						if check(string(runes[:j]) + string(c) + string(runes[j+1:])) {
							matched++
						}
					}
				}
			}
		}
		refused := 0
		for _, l := range lines {
			l = strings.TrimSpace(l)
			check(l)
			if !r.relatedLink.mayMatch(l) {
				refused++
			}
		}
		t.Logf("%s: %d lines matched with another rune; %d of %d article lines refused", code, matched, refused, len(lines))
		if matched < 5*len(examples) || refused < len(lines)*3/4 {
			t.Errorf("%s: %d matches, %d of %d lines refused: the test is not tested, or refuses too little", code, matched, refused, len(lines))
		}
	}
}

// A pattern not anchored at the text's start, or one that matches the
// empty string, has no prefix test: any line may match it. One that is
// refuses what it cannot start with.
func TestPrefixTestOnlyOfAnchoredPatterns(t *testing.T) {
	for _, tc := range []struct {
		pattern  string
		anchored bool
	}{
		{`(?i)^\s*(read more|see also)\s*:`, true},
		{`^a|^b`, true},
		{`\Aab`, true},
		{`(?m)^ab`, false},
		{`ab`, false},
		{`^a|b`, false},
		{`^\s*`, false},
		{`^(a*)`, false},
		{`x^a`, false}, // never matches; a rune before \A is taken as unanchored
		{`(`, false},
	} {
		if got := newPrefixTest(tc.pattern) != nil; got != tc.anchored {
			t.Errorf("%q: prefix test %v, want %v", tc.pattern, got, tc.anchored)
		}
	}
	f := newPrefixTest(`(?i)^(s|k)x\b`)
	for _, c := range []struct {
		line string
		may  bool
	}{
		{"sx", true}, {"Sx", true}, {"\u017fx", true}, {"kx", true}, {"\u212ax", true}, {"SX!", true},
		{"tx", false}, {"sy", false}, {"s", true}, {"", true}, {"\xffx", true}, {"s\xff", true}, {"日本", true}, {"s日", true},
	} {
		if f.mayMatch(c.line) != c.may {
			t.Errorf("mayMatch(%q) = %v, want %v", c.line, !c.may, c.may)
		}
	}
}

// A pattern whose automaton has more states than a prefix test keeps is
// still tested right: the states past the bound are made each time.
func TestPrefixTestOfManyStates(t *testing.T) {
	pattern := `^(a|b)*a(a|b){12}c`
	re := regexp.MustCompile(pattern)
	f := newPrefixTest(pattern)
	rng := rand.New(rand.NewPCG(20261206, 5))
	refused := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteByte("ab"[rng.IntN(2)])
		}
		if rng.IntN(2) == 0 {
			b.WriteByte('c')
		}
		line := b.String()
		if re.MatchString(line) && !f.mayMatch(line) {
			t.Fatalf("the pattern matches %q, the prefix test refuses it", line)
		}
		if !f.mayMatch(line) {
			refused++
		}
	}
	if len(f.states) != maxPrefixStates || f.moves > maxPrefixMoves || refused == 0 {
		t.Errorf("%d states, %d moves, %d refused: the bounds are not reached or not kept", len(f.states), f.moves, refused)
	}
}
