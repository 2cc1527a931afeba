package main

import (
	"fmt"
	"io"
	"strings"

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

// writeComparison prints the comparison for people: one section per
// concept, the framing index, distances and distinctive terms.
func writeComparison(w io.Writer, c *framing.Comparison, f report.Format) error {
	// writeTable ends a Markdown table with a blank line: a line of text
	// right under it would be read as one more row.
	writeTable := func(t *report.Table) error {
		if err := t.Write(w, f); err != nil {
			return err
		}
		if f == report.FormatMarkdown {
			fmt.Fprintln(w)
		}
		return nil
	}
	heading := func(s string) {
		if f == report.FormatMarkdown {
			fmt.Fprintf(w, "\n## %s\n\n", s)
		} else {
			fmt.Fprintf(w, "\n%s\n", s)
		}
	}
	skipped := 0
	for _, n := range c.Corpus.Skipped {
		skipped += n
	}
	fmt.Fprintf(w, "lexicon %s %s (hash %.12s); %s by %s; read %d, scored %d, skipped %d\n",
		c.Lexicon.Name, c.Lexicon.Version, c.Lexicon.Hash, plural(len(c.Groups), "group", "groups"), c.By, c.Corpus.Read, c.Corpus.Scored, skipped)
	docs := map[string]int{}
	for _, g := range c.Groups {
		docs[g.Name] = g.Documents
	}
	pct := func(x framing.Num) string { return fmtFloat(float64(x)*100, 0) }
	for _, cr := range c.Concepts {
		heading(fmt.Sprintf("Concept %s: own-voice hits (share of the concept, %g%% Wilson interval)", cr.ID, c.Settings.Conf*100))
		var cols []int // labels with any hit, own or quoted
		for k := range cr.Labels {
			for r := range cr.Groups {
				if cr.Counts[r][k]+cr.Quoted[r][k] > 0 {
					cols = append(cols, k)
					break
				}
			}
		}
		t := &report.Table{Header: []string{"group", "docs"}, Right: []bool{false, true}}
		for _, k := range cols {
			t.Header = append(t.Header, strings.TrimPrefix(cr.Labels[k], cr.ID+"."))
			t.Right = append(t.Right, true)
		}
		t.Header = append(t.Header, "quoted")
		for r, g := range cr.Groups {
			row := []string{g, itoa(docs[g])}
			quoted := 0
			for _, k := range cols {
				s := cr.Shares[r][k]
				cell := itoa(cr.Counts[r][k])
				if !s.P.IsNaN() {
					cell += fmt.Sprintf(" (%s%% %s–%s)", pct(s.P), pct(s.Lo), pct(s.Hi))
				}
				row = append(row, cell)
				quoted += cr.Quoted[r][k]
			}
			t.Rows = append(t.Rows, append(row, itoa(quoted)))
		}
		if len(cols) == 0 {
			fmt.Fprintln(w, "no hits of this concept's labels")
			continue
		}
		if err := writeTable(t); err != nil {
			return err
		}
		fmt.Fprintln(w, testLine(cr))
		if cr.Note != "" && !cr.ChiSquare.Stat.IsNaN() {
			fmt.Fprintf(w, "note: %s\n", cr.Note)
		}
	}

	heading(fmt.Sprintf("Framing index, own voice: (positive - negative) / (positive + negative), %g%% interval", c.Settings.Conf*100))
	t := &report.Table{Header: []string{"group", "docs", "pos", "neg", "index", "interval", "method"}, Right: []bool{false, true, true, true, true}}
	for _, r := range c.Index {
		method := r.Method
		if r.Method == "bootstrap" {
			method = fmt.Sprintf("bootstrap, %d draws, seed %d", r.Draws, r.Seed)
		}
		if r.Note != "" {
			method += "; " + r.Note
		}
		t.Rows = append(t.Rows, []string{r.Group, itoa(docs[r.Group]), itoa(r.Pos), itoa(r.Neg), fmtFloat(float64(r.Index), 2),
			fmt.Sprintf("%s to %s", fmtFloat(float64(r.Lo), 2), fmtFloat(float64(r.Hi), 2)), method})
	}
	if err := writeTable(t); err != nil {
		return err
	}

	heading(fmt.Sprintf("Jensen-Shannon distance between groups (base 2, all labels compared, own voice, smoothing %g per label)", c.Distance.Alpha))
	t = &report.Table{Header: append([]string{"group"}, c.Distance.Groups...)}
	for i, g := range c.Distance.Groups {
		row := []string{g}
		for _, d := range c.Distance.Matrix[i] {
			row = append(row, fmtFloat(float64(d), 2))
		}
		t.Rows = append(t.Rows, row)
	}
	if err := writeTable(t); err != nil {
		return err
	}

	heading(fmt.Sprintf("Distinctive labels and terms (log-odds with informative Dirichlet prior, z against the rest, top %d)", c.Settings.Top))
	t = &report.Table{Header: []string{"group", "kind", "label or term", "count", "z"}, Right: []bool{false, false, false, true, true}}
	for _, d := range c.Distinctive {
		t.Rows = append(t.Rows, []string{d.Group, d.Kind, d.Name, itoa(d.Count), fmtFloat(float64(d.Z), 2)})
	}
	if len(t.Rows) == 0 {
		fmt.Fprintln(w, "n/a: needs at least two groups with hits")
		return nil
	}
	return writeTable(t)
}

// testLine states a concept's tests in one line, the p-value to read first.
func testLine(cr framing.ConceptResult) string {
	if cr.ChiSquare.Stat.IsNaN() {
		return "tests: n/a (" + cr.Note + ")"
	}
	p := func(x framing.Num) string { return fmtP(float64(x)) }
	s := fmt.Sprintf("chi-square X² = %s, df = %s, p = %s; G = %s, p = %s; Cramér's V = %s (bias-corrected %s)",
		fmtFloat(float64(cr.ChiSquare.Stat), 2), fmtFloat(float64(cr.ChiSquare.DF), 0), p(cr.ChiSquare.P),
		fmtFloat(float64(cr.GTest.Stat), 2), p(cr.GTest.P), fmtFloat(float64(cr.CramersV), 2), fmtFloat(float64(cr.CramersVBC), 2))
	if cr.Exact != nil {
		what := "Fisher exact p"
		if cr.Exact.Method == "monte-carlo" {
			what = fmt.Sprintf("Monte Carlo p (%d draws, seed %d)", cr.Exact.Draws, cr.Exact.Seed)
		}
		return fmt.Sprintf("%s = %s (BH-adjusted %s); %s", what, p(cr.Exact.P), p(cr.Exact.PAdjusted), s)
	}
	return s + fmt.Sprintf(" (BH-adjusted p = %s)", p(cr.ChiSquare.PAdjusted))
}
