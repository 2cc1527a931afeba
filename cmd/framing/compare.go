package main

import (
	"fmt"
	"io"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/report"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	analysisOptions
	Format string
}

func newCompareCmd(env Env) *cobra.Command {
	o := &compareOptions{analysisOptions: *newAnalysisOptions()}
	cmd := &cobra.Command{
		Use:   "compare [flags] PATH... | --tally FILE...",
		Short: "Compare groups (outlets) by the labels they use, with statistics",
		Long: `compare groups the documents (by outlet, or --by any manifest field) and
compares the groups' own-voice use of each concept's labels. Documents are
the unit of evidence: hits cluster in documents (and in syndicated copies),
so every p-value and interval treats a document — with --dedupe, a story's
copies in one group — as one independent draw, and says so:

  - counts and shares of each label within its concept; intervals by a
    cluster bootstrap over documents (bootstrap-t) for groups with at least
    30 documents with hits, else the beta-binomial model's profile
    likelihood; the design effect, effective documents and intra-class
    correlation show how much the hits cluster;
  - each concept tested by permuting documents between groups (exact when
    the arrangements are few, else Monte Carlo, seeded); Cramér's V of the
    hits as an effect size;
  - the framing index per group with the same intervals, and one test of
    "the groups have the same index"; week by week when documents have
    dates (hit-level Wilson intervals: a week holds few documents);
  - rates per 1,000 own-voice tokens, their intervals at the effective
    number of hits (hits divided by the design effect);
  - Benjamini-Hochberg adjusted p-values, every concept, the index and every
    indicator one family, also under --concept;
  - Jensen-Shannon distances between groups, correspondence analysis (JSON),
    and the labels that set each group apart within each concept (log-odds
    with an informative Dirichlet prior, Monroe, Colaresi and Quinn 2008).

--unit hits gives the hit-level methods instead (chi-square, G, exact
Freeman-Halton, Wilson and Poisson intervals), labelled as such: they are
too confident when hits cluster in documents.

It reads a corpus like 'score', or tallies written by 'score --format tally'
and merged with 'merge'; both give the same numbers, byte for byte.`,
		Example: `  framing compare testdata/seeds
  framing compare --by outlet_group --manifest m.csv DIR
  framing compare --format json DIR > stats.json
  framing compare --concept war --format markdown DIR
  framing compare --voice own+reported testdata/seeds   # count reported speech too
  framing compare --dedupe DIR                           # a syndicated story is one unit
  framing compare --unit hits DIR                        # hit-level tests, labelled as such
  framing compare --tally all.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(cmd, args); err != nil {
				return err
			}
			return redirect(env, o.Output, func(env Env) error { return o.run(env, args) })
		},
	}
	o.addFlags(cmd.Flags())
	outputFlag(cmd.Flags(), &o.Output)
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "", "output `format`: table, markdown, csv (tidy: a row per group, label and voice) or json (default: table on a terminal, else json)")
	f.StringVar(&o.Concept, "concept", "", "compare one `concept` only")
	return cmd
}

func (o *compareOptions) run(env Env, paths []string) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtMarkdown, fmtCSV, fmtJSON})
	if err != nil {
		return err
	}
	in, err := o.analyse(env, paths)
	if err != nil {
		return err
	}
	switch format {
	case fmtJSON:
		return writeJSON(env.Out, in.Comparison)
	case fmtCSV:
		return report.LongTable(in.Comparison).Write(env.Out, report.FormatCSV)
	}
	return writeComparison(env.Out, in.Comparison, tableFormat(env, format))
}

// writeComparison prints the comparison for people: a header line, then
// the report's sections, each a title, a table and its notes.
func writeComparison(w io.Writer, c *compare.Comparison, f report.Format) error {
	skipped := 0
	for _, n := range c.Corpus.Skipped {
		skipped += n
	}
	fmt.Fprintf(w, "lexicon %s %s (hash %.12s); %s by %s; read %d, scored %d, skipped %d\n",
		c.Lexicon.Name, c.Lexicon.Version, c.Lexicon.Hash, report.Count(len(c.Groups), "group", "groups"), c.By, c.Corpus.Read, c.Corpus.Scored, skipped)
	for _, s := range report.Sections(c) {
		if err := writeSection(w, s, f); err != nil {
			return err
		}
	}
	return nil
}
