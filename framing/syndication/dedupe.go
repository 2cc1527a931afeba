package syndication

import (
	"context"

	"github.com/framingkit/framing/framing"
)

// Dedupe reads docs once, analysed but not scored, to find syndicated
// stories, and returns the index and the Exclude function of
// framing.Options that counts each story once: in its earliest outlet,
// with every later copy counting only its own additions (its intro, its
// closing). opt is the run's options; its skips are reported in this pass,
// so the second should not report them again.
func Dedupe(ctx context.Context, docs framing.Docs, opt framing.Options, so Options) (*Index, func(string) []Span, error) {
	idx := NewIndex()
	opt.Exclude, opt.KeepAnalysis, opt.Also = nil, true, nil
	_, err := framing.Run(ctx, docs, nil, opt, func(r *framing.Result) error {
		idx.Add(r.Score.ID, r.Score.Outlet, r.Score.Date, r.Analysis.Tokens)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// The index answers one caller at a time; the workers of the second
	// pass ask at once, so the answers are made here, up front.
	copied := map[string][]Span{}
	for _, c := range idx.Clusters(so) {
		for _, mb := range c.Members {
			copied[mb.ID] = idx.Copied(mb.ID, so)
		}
	}
	return idx, func(id string) []Span { return copied[id] }, nil
}

// UnitOf names the unit of evidence of each document of the clusters (see
// framing.Options.UnitOf): the copies of one story are one unit within a
// group, named after the story's earliest copy; "" for a document in no
// cluster.
func UnitOf(clusters []Cluster) func(id string) string {
	units := map[string]string{}
	for _, c := range clusters {
		if len(c.Members) == 0 {
			continue
		}
		story := "story " + c.Members[0].ID
		for _, mb := range c.Members {
			units[mb.ID] = story
		}
	}
	return func(id string) string { return units[id] }
}
