package syndication

import (
	"github.com/framingkit/framing/token"

	"slices"
	"testing"
)

// Documents built from random text must never panic the index, and Copied
// must give sorted, disjoint spans inside the text.
func FuzzIndex(f *testing.F) {
	// Short seeds: the fuzzer minimises each new interesting input, and
	// with long ones that would take the whole run.
	f.Add(wireSentence+" who grow vegetables.", "Prices could climb.", "“"+wireSentence+"” said one.")
	f.Add("Our correspondent sends this report.", `"We are asking everyone to share the burden fairly," she said.`, "Farmers across the south are bracing for a hard summer.")
	f.Add("", "\"", "“a b c d e f g h i”")
	f.Add("a a a a a a a a a a a a", "a a a a a a a a a", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		// b+a and a again in a third outlet share a's text, so that
		// clusters form whenever a is long enough.
		stories := []story{
			{"1", "X", "2", a},
			{"2", "Y", "1", b + "\n\n" + a},
			{"3", "Z", "", c},
			{"4", "Y", "3", a + " " + c},
			{"1", "Z", "0", b}, // a duplicate id
		}
		tz := token.NewTokenizer()
		for _, voice := range []func(string, []token.Token) []bool{ownVoice, allOwn} {
			x := NewIndex()
			for _, s := range stories {
				toks := tz.Tokenize(s.text)
				x.Add(s.id, s.outlet, s.order, voiced(toks, voice(s.text, toks)))
			}
			for _, opt := range []Options{DefaultOptions(), {MinShared: 1}} {
				for _, cl := range x.Clusters(opt) {
					if len(cl.Outlets) < 2 || !slices.IsSorted(cl.Outlets) || !cl.Members[0].First {
						t.Fatalf("bad cluster %+v", cl)
					}
				}
				for i, s := range stories {
					spans := x.Copied(s.id, opt)
					if i == 4 {
						continue // the duplicate id addresses story 0
					}
					for j, sp := range spans {
						if sp.Start < 0 || sp.End > len(s.text) || sp.Start >= sp.End {
							t.Fatalf("doc %s: span %v outside text of %d bytes", s.id, sp, len(s.text))
						}
						if j > 0 && spans[j-1].End > sp.Start {
							t.Fatalf("doc %s: spans out of order or overlapping: %v", s.id, spans)
						}
					}
				}
			}
		}
	})
}
