package main

import (
	"fmt"
	"io"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/report"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	corpusOptions
	framing.CompareOptions
	Format  string
	By      string
	Tallies []string
	Paths   []string
}

func newCompareCmd(env Env) *cobra.Command {
	o := &compareOptions{CompareOptions: framing.DefaultCompareOptions()}
	cmd := &cobra.Command{
		Use:   "compare [flags] PATH... | --tally FILE...",
		Short: "Compare groups (outlets) by the labels they use, with statistics",
		Long: `compare groups the documents (by outlet, or --by any manifest field) and
compares the groups' own-voice use of each concept's labels:

  - counts and shares of each label within its concept, with Wilson intervals;
  - a Pearson chi-square and a G-test of groups against labels, with Cramér's V
    (and its bias-corrected form); when an expected count is below 5, Fisher's
    exact test (2x2) or a Monte Carlo p-value (seeded, reproducible);
  - Benjamini-Hochberg adjusted p-values across the concepts compared;
  - rates per 1,000 own-voice tokens with exact Poisson intervals (JSON);
  - the framing index per group with an interval (bootstrap over documents,
    or from counts for small groups: the output says which);
  - Jensen-Shannon distances between groups, correspondence analysis (JSON),
    and the labels and terms that set each group apart (log-odds with an
    informative Dirichlet prior, Monroe, Colaresi and Quinn 2008).

It reads a corpus like 'score', or tallies written by 'score --format tally'
and merged with 'merge'; both give the same numbers, byte for byte.`,
		Example: `  framing compare testdata/seeds
  framing compare --by outlet_group --manifest m.csv DIR
  framing compare --format json DIR > stats.json
  framing compare --concept war --format markdown DIR
  framing compare --tally all.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if len(args) == 0 && len(o.Tallies) == 0 {
				return usagef("give a corpus PATH or --tally FILE")
			}
			if len(args) > 0 && len(o.Tallies) > 0 {
				return usagef("give a corpus PATH or --tally FILE, not both")
			}
			if len(o.Tallies) > 0 && cmd.Flags().Changed("by") {
				return usagef("--by applies when reading a corpus; a tally is grouped when it is written (score --format tally --by FIELD)")
			}
			return o.run(env)
		},
	}
	o.addFlags(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "", "output `format`: table, markdown or json (default: table on a terminal, else json)")
	f.StringVar(&o.By, "by", "outlet", "group documents by this `field`: outlet, date, or any manifest or metadata field")
	f.StringSliceVar(&o.Tallies, "tally", nil, "read tally `files` (merged) instead of a corpus")
	f.StringVar(&o.Concept, "concept", "", "compare one `concept` only")
	f.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the Monte Carlo test and the bootstrap")
	f.IntVar(&o.MonteCarlo, "draws", o.MonteCarlo, "simulated tables for Monte Carlo p-values")
	f.IntVar(&o.Bootstrap, "bootstrap", o.Bootstrap, "bootstrap resamples for framing index intervals")
	f.Float64Var(&o.Conf, "conf", o.Conf, "confidence level of intervals")
	f.IntVar(&o.Top, "top", o.Top, "distinctive labels and terms to list per group")
	return cmd
}

func (o *compareOptions) run(env Env) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtMarkdown, fmtJSON})
	if err != nil {
		return err
	}
	if o.Conf <= 0 || o.Conf >= 1 || o.MonteCarlo < 1 || o.Bootstrap < 1 {
		return usagef("--conf must be in (0, 1), --draws and --bootstrap at least 1")
	}
	var t *framing.Tally
	if len(o.Tallies) > 0 {
		if t, err = readTallies(o.Tallies); err != nil {
			return err
		}
	} else {
		m, err := o.matcher()
		if err != nil {
			return err
		}
		t = framing.NewTally(m, o.By)
		sum, man, err := o.scoreCorpus(env, o.Paths, m, func(_ framing.Document, s *framing.Score) error {
			t.Add(s)
			return nil
		})
		if err != nil {
			return err
		}
		t.AddSummary(sum)
		finish(env, sum, man)
	}
	c, err := framing.Compare(t, o.CompareOptions)
	if err != nil {
		return err
	}
	if format == fmtJSON {
		return writeJSON(env.Out, c)
	}
	return writeComparison(env.Out, c, report.Format(format))
}

// writeComparison prints the comparison for people: a header line, then
// the report's sections, each a title, a table and its notes.
func writeComparison(w io.Writer, c *framing.Comparison, f report.Format) error {
	skipped := 0
	for _, n := range c.Corpus.Skipped {
		skipped += n
	}
	fmt.Fprintf(w, "lexicon %s %s (hash %.12s); %s by %s; read %d, scored %d, skipped %d\n",
		c.Lexicon.Name, c.Lexicon.Version, c.Lexicon.Hash, plural(len(c.Groups), "group", "groups"), c.By, c.Corpus.Read, c.Corpus.Scored, skipped)
	for _, s := range report.Sections(c) {
		if f == report.FormatMarkdown {
			fmt.Fprintf(w, "\n## %s\n\n", s.Title)
		} else {
			fmt.Fprintf(w, "\n%s\n", s.Title)
		}
		if len(s.Table.Rows) > 0 {
			if err := s.Table.Write(w, f); err != nil {
				return err
			}
			if f == report.FormatMarkdown {
				fmt.Fprintln(w) // a line right under a Markdown table would be read as a row
			}
		}
		for _, n := range s.Notes {
			fmt.Fprintln(w, n)
		}
	}
	return nil
}
