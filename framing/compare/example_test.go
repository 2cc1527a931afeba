package compare_test

import (
	"context"
	"fmt"
	"log"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/lexicon"
)

// Compare two outlets: score their documents through the pipeline into a
// tally grouped by outlet, then compare the groups. Every number says how
// it was made and what it counts as independent: here documents, the
// index intervals from the beta-binomial model (each group has fewer
// documents with hits than a bootstrap needs) and the test of the index by
// permuting the four documents between the outlets.
func ExampleGroups() {
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		log.Fatal(err)
	}
	docs := framing.Documents(
		framing.Document{ID: "a1", Outlet: "Wire", Text: "Russia's invasion of Ukraine went on. The invasion began in 2022."},
		framing.Document{ID: "a2", Outlet: "Wire", Text: "The war in Ukraine went on."},
		framing.Document{ID: "b1", Outlet: "Agency", Text: "The special military operation went on."},
		framing.Document{ID: "b2", Outlet: "Agency", Text: "Kiev regime forces retreated during the special military operation."},
	)
	t := framing.NewTally(m, "outlet")
	sum, err := framing.Run(context.Background(), docs, m, framing.Options{}, func(r *framing.Result) error {
		t.Add(r.Score)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	t.AddSummary(sum)
	c, err := compare.Groups(t, compare.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	for _, row := range c.Index {
		fmt.Printf("%s: index %+.2f [%+.2f, %+.2f], %s, %s as the unit (%d kremlin, %d critical hits)\n",
			row.Group, float64(row.Index), float64(row.Lo), float64(row.Hi), row.Method, row.Unit, row.Pos, row.Neg)
	}
	it := c.IndexTest
	fmt.Printf("same index? %s p = %.3f, %s over %d arrangements of %d documents\n", it.PValue, float64(it.Permutation.P), it.Permutation.Method, it.Permutation.Arrangements, it.Permutation.Units)
	// Output:
	// Agency: index +1.00 [-0.23, +1.00], beta-binomial-profile, documents as the unit (3 kremlin, 0 critical hits)
	// Wire: index -1.00 [-1.00, +0.23], beta-binomial-profile, documents as the unit (0 kremlin, 3 critical hits)
	// same index? permutation p = 0.333, exact over 6 arrangements of 4 documents
}
