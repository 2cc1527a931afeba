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
compares the groups' own-voice use of each concept's labels:

  - counts and shares of each label within its concept, with Wilson intervals;
  - a Pearson chi-square and a G-test of groups against labels, with Cramér's V
    (and its bias-corrected form); when an expected count is below 5, the exact
    Freeman-Halton test (tables ordered by X²) or, for large tables, its Monte
    Carlo estimate (seeded, reproducible);
  - Benjamini-Hochberg adjusted p-values, every concept and indicator one family;
  - rates per 1,000 own-voice tokens with exact Poisson intervals (JSON);
  - the framing index per group with an interval (bootstrap over documents,
    or from counts for small groups: the output says which), and week by
    week when documents have dates (JSON);
  - Jensen-Shannon distances between groups, correspondence analysis (JSON),
    and the labels and terms that set each group apart (log-odds with an
    informative Dirichlet prior, Monroe, Colaresi and Quinn 2008).

It reads a corpus like 'score', or tallies written by 'score --format tally'
and merged with 'merge'; both give the same numbers, byte for byte.`,
		Example: `  framing compare testdata/seeds
  framing compare --by outlet_group --manifest m.csv DIR
  framing compare --format json DIR > stats.json
  framing compare --concept war --format markdown DIR
  framing compare --voice own+reported testdata/seeds   # count reported speech too
  framing compare --tally all.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(cmd, args); err != nil {
				return err
			}
			return o.run(env, args)
		},
	}
	o.addFlags(cmd.Flags())
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
