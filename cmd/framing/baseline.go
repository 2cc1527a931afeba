package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/baseline"
	"github.com/framingkit/framing/report"
)

func newBaselineCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Pin the scores of a corpus under a lexicon, for framing check",
	}
	cmd.AddCommand(newBaselineWriteCmd(env))
	return cmd
}

type baselineWriteOptions struct {
	corpusOptions
	baseline.Options
	Out string
}

func newBaselineWriteCmd(env Env) *cobra.Command {
	o := &baselineWriteOptions{Options: baseline.DefaultOptions()}
	cmd := &cobra.Command{
		Use:   "write [flags] PATH... -o FILE",
		Short: "Write the baseline of a corpus: every score of every group and document",
		Long: `baseline write scores the corpus and writes a baseline: JSON with sorted keys,
diff-friendly, holding the tool version, the lexicon (name, version, hash and
terms), a hash of every document and of the corpus, the options that change
scores, and per group and per document the token counts, label and category
counts by voice, rates, shares and the framing index with its interval. A
checksum guards it: 'framing check' refuses a baseline edited by hand.`,
		Example: `  framing baseline write testdata/seeds -o testdata/seeds.baseline.json
  framing baseline write --lexicon my.yaml --by outlet_group DIR -o b.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("give a corpus PATH")
			}
			if o.Out == "" && env.OutIsTTY {
				return usagef("give -o FILE (or redirect standard output)")
			}
			o.Options.Voices = o.voiceSet()
			b, err := o.computeBaseline(env, args, o.Options)
			if err != nil {
				return byError(err)
			}
			if o.Out == "" {
				return baseline.Write(env.Out, b)
			}
			if err := baseline.WriteFile(o.Out, b); err != nil {
				return err
			}
			fmt.Fprintf(env.Err, "wrote %s: %s, %s\n", o.Out, report.Count(len(b.Groups), "group", "groups"), report.Count(len(b.Documents), "document", "documents"))
			return nil
		},
	}
	o.corpusOptions.addFlags(cmd.Flags())
	addBaselineFlags(cmd.Flags(), &o.Options)
	cmd.Flags().StringVarP(&o.Out, "output", "o", "", "baseline `file` to write (default: standard output, if it is not a terminal)")
	return cmd
}

// computeBaseline scores the corpus at paths into a baseline, reporting
// skipped documents and the run summary on stderr.
func (o *corpusOptions) computeBaseline(env Env, paths []string, opt baseline.Options) (*baseline.Baseline, error) {
	m, err := o.matcher()
	if err != nil {
		return nil, err
	}
	bb := baseline.NewBuilder(m, opt)
	sum, man, err := o.scoreCorpus(env, paths, m, nil, bb.Add)
	if err != nil {
		return nil, err
	}
	b, err := bb.Finish(sum)
	if err != nil {
		return nil, err
	}
	sum.AddNote(bb.Note())
	o.finish(env, sum, man)
	return b, nil
}

func addBaselineFlags(f *pflag.FlagSet, o *baseline.Options) {
	f.StringVar(&o.By, "by", o.By, "group documents by this `field`")
	f.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the bootstrap")
	f.IntVar(&o.Bootstrap, "bootstrap", o.Bootstrap, "resamples of the cluster bootstrap intervals of the groups' index")
	f.Float64Var(&o.Conf, "conf", o.Conf, "confidence level of intervals")
}

type checkOptions struct {
	corpusOptions
	Baseline  string
	Tolerance string
	Update    bool
	Format    string
}

func newCheckCmd(env Env) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check --baseline FILE [flags] PATH...",
		Short: "Score a corpus again and compare with its baseline; exit 1 on drift",
		Long: `check scores the corpus with the baseline's options and compares every cell
with the baseline: counts exactly, rates, shares and indices within a
tolerance (default 1e-9, float noise). It prints every cell that moved
(group or document, measure, was, now, change), largest first, what else
differs when it can tell (terms added to or removed from the lexicon,
documents added, removed or changed, options, tool version), and a verdict.

Exit status: 0 within tolerance, 1 drift, 2 bad input (a missing, damaged,
hand-edited or old-format baseline says so and how to write a new one).
--update accepts the new scores: it rewrites the baseline and exits 0.`,
		Example: `  framing check --baseline testdata/seeds.baseline.json testdata/seeds
  framing check --baseline b.json --tolerance index=0.02,rate=5% DIR
  framing check --baseline b.json --update DIR
  framing check --baseline b.json --format json DIR   # for CI bots
  framing check --baseline b.json --format github DIR # annotations in a GitHub Actions run
  framing check --baseline b.json --format junit DIR > check.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Baseline == "" {
				return usagef("give --baseline FILE (write one with framing baseline write)")
			}
			if len(args) == 0 {
				return usagef("give a corpus PATH")
			}
			return o.run(env, args)
		},
	}
	o.corpusOptions.addFlags(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&o.Baseline, "baseline", "", "baseline `file` written by framing baseline write")
	f.StringVar(&o.Tolerance, "tolerance", "", "`tolerances` per kind of measure: count, rate, share, index; a number is absolute, with % relative (index=0.02,rate=5%)")
	f.BoolVar(&o.Update, "update", false, "accept the new scores: rewrite the baseline")
	f.StringVar(&o.Format, "format", "", "output `format`: table, markdown, json, github (GitHub Actions annotations) or junit (JUnit XML for CI test reports)\n(default: table on a terminal, else markdown)")
	return cmd
}

func (o *checkOptions) run(env Env, paths []string) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtJSON, fmtGitHub, fmtJUnit, fmtMarkdown})
	if err != nil {
		return err
	}
	tol, err := baseline.ParseTolerances(o.Tolerance)
	if err != nil {
		return usageError{err.Error()}
	}
	was, readErr := baseline.ReadFile(o.Baseline)
	opts := baseline.DefaultOptions()
	switch {
	case readErr == nil:
		opts = was.Options
		o.Voice = opts.Voices.String() // score as the baseline was
	case !o.Update:
		return readErr
	default:
		fmt.Fprintf(env.Err, "note: %v\nwriting a new baseline with the default options\n", readErr)
	}
	now, err := o.computeBaseline(env, paths, opts)
	var fe *framing.FieldError
	if errors.As(err, &fe) {
		return fmt.Errorf("%s groups by %s, a field no document has (fields: %s): write the baseline again (framing baseline write --by FIELD)", o.Baseline, fe.Field, strings.Join(fe.Have, ", "))
	}
	if err != nil {
		return err
	}
	if o.Update {
		if was != nil {
			res := baseline.Diff(was, now, tol)
			fmt.Fprintf(env.Out, "was %s\n", res.Verdict())
		}
		if err := baseline.WriteFile(o.Baseline, now); err != nil {
			return err
		}
		fmt.Fprintf(env.Out, "updated %s\n", o.Baseline)
		return nil
	}
	res := baseline.Diff(was, now, tol)
	if err := writeCheck(env, res, o.Baseline, format); err != nil {
		return err
	}
	if !res.OK() {
		return ErrDrift
	}
	return nil
}

// writeCheck prints a check: the cells that moved, the causes, the verdict.
func writeCheck(env Env, res *baseline.Result, path, format string) error {
	switch format {
	case fmtGitHub:
		return writeCheckGitHub(env.Out, res, path)
	case fmtJUnit:
		return writeCheckJUnit(env.Out, res, path)
	}
	if format == fmtJSON {
		return writeJSON(env.Out, checkJSON{Format: checkFormat, Baseline: path, OK: res.OK(), Verdict: res.Verdict(), Result: res})
	}
	var b bytes.Buffer
	if !res.OK() {
		if err := report.DriftTable(res).Write(&b, tableFormat(env, format)); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	for _, c := range res.Causes {
		fmt.Fprintln(&b, c)
	}
	fmt.Fprintln(&b, res.Verdict())
	_, err := env.Out.Write(b.Bytes())
	return err
}

// checkJSON is `framing check --format json` (schemas/check.schema.json),
// version checkFormat.
type checkJSON struct {
	Format   int    `json:"format"`
	Baseline string `json:"baseline"`
	OK       bool   `json:"ok"`
	Verdict  string `json:"verdict"`
	*baseline.Result
}

// checkFormat is the version of checkJSON.
const checkFormat = 1
