package syndication_test

import (
	"github.com/framingkit/framing/token"

	"fmt"

	"github.com/framingkit/framing/framing/syndication"
)

func ExampleIndex_Copied() {
	story := "Police in Castrel arrested two men on Sunday after a fire destroyed a grain store near the harbour, a spokeswoman said."
	docs := []struct{ id, outlet, date, text string }{
		{"b-7", "Bay News", "2023-07-03", "Another blow for the port. " + story},
		{"a-1", "Wire", "2023-07-02", story},
	}
	x := syndication.NewIndex()
	tz := token.NewTokenizer()
	for _, d := range docs {
		x.Add(d.id, d.outlet, d.date, tz.Tokenize(d.text)) // no quotes or boilerplate here: every word own voice
	}
	opt := syndication.Options{MinShared: 5, MinFraction: 0.5}
	for _, c := range x.Clusters(opt) {
		for _, m := range c.Members {
			fmt.Printf("%s %s first=%v shared=%d/%d\n", m.ID, m.Outlet, m.First, m.Shared, m.Shingles)
		}
	}
	for _, sp := range x.Copied("b-7", opt) {
		fmt.Printf("copied: %q\n", docs[0].text[sp.Start:sp.End])
	}
	// Output:
	// a-1 Wire first=true shared=14/14
	// b-7 Bay News first=false shared=14/19
	// copied: "Police in Castrel arrested two men on Sunday after a fire destroyed a grain store near the harbour, a spokeswoman said"
}
