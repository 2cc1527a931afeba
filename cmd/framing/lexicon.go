package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
	"github.com/spf13/cobra"
)

func newLexiconCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Show, validate and test lexicons",
		Example: `  framing lexicon show
  framing lexicon validate my.yaml
  framing lexicon test my.yaml
  framing lexicon diff old.yaml new.yaml testdata/seeds`,
	}
	cmd.AddCommand(newLexiconShowCmd(env), newLexiconValidateCmd(env), newLexiconTestCmd(env), newLexiconDiffCmd(env), newLexiconImportCmd(env), newLexiconExportCmd(env))
	return cmd
}

type lexiconShowOptions struct {
	lexiconOptions
	Format string
}

func newLexiconShowCmd(env Env) *cobra.Command {
	o := &lexiconShowOptions{}
	cmd := &cobra.Command{
		Use:   "show [flags] [FILE]",
		Short: "Print a lexicon's concepts, labels, poles and terms as a table",
		Example: `  framing lexicon show
  framing lexicon show --format markdown my.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Lexicon = args[0]
			}
			return o.run(env)
		},
	}
	o.addFlags(cmd.Flags())
	cmd.Flags().StringVar(&o.Format, "format", "", "output `format`: table, markdown, csv or json (default: table on a terminal, else csv)")
	return cmd
}

func (o *lexiconShowOptions) run(env Env) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtMarkdown, fmtJSON, fmtCSV})
	if err != nil {
		return err
	}
	m, err := o.matcher()
	if err != nil {
		return err
	}
	l := m.Lexicon()
	terms := map[string][]string{} // label or category id → terms as written
	for _, t := range m.Terms() {
		var owner string
		if t.Category {
			owner = "category." + m.Categories()[t.Owner]
		} else {
			owner = m.Labels()[t.Owner].ID
		}
		terms[owner] = append(terms[owner], t.Text)
	}
	type row struct {
		Kind  string   `json:"kind"`
		ID    string   `json:"id"`
		Pole  string   `json:"pole,omitempty"`
		Terms []string `json:"terms"`
	}
	var rows []row
	for _, c := range l.Concepts {
		for _, lb := range c.Labels {
			id := c.ID + "." + lb.ID
			rows = append(rows, row{"label", id, lb.Pole, terms[id]})
		}
	}
	for _, c := range l.Categories {
		rows = append(rows, row{"category", c.ID, "", terms["category."+c.ID]})
	}
	if format == fmtJSON {
		enc := json.NewEncoder(env.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Lexicon framing.LexiconRef `json:"lexicon"`
			Rows    []row              `json:"entries"`
		}{framing.RefOf(m), rows})
	}
	if format != fmtCSV {
		fmt.Fprintf(env.Out, "lexicon %s %s (%s), hash %s\n", l.Name, l.Version, l.Language, m.Hash()[:12])
		if l.Axis != nil {
			fmt.Fprintf(env.Out, "framing index = (%s - %s) / (%s + %s), own voice\n", l.Axis.Positive, l.Axis.Negative, l.Axis.Positive, l.Axis.Negative)
		}
	}
	t := &report.Table{Header: []string{"kind", "id", "pole", "terms"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Kind, r.ID, r.Pole, strings.Join(r.Terms, "; ")})
	}
	return t.Write(env.Out, tableFormat(env, format))
}

func newLexiconValidateCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check lexicon files; print file:line:col errors and exit 2 on any",
		Example: `  framing lexicon validate my.yaml
  framing lexicon validate lexicons/*.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bad := 0
			for _, path := range args {
				m, err := lexicon.LoadMatcher(path)
				if err != nil {
					fmt.Fprintln(env.Err, err)
					bad++
					continue
				}
				l := m.Lexicon()
				labels := len(m.Labels())
				fmt.Fprintf(env.Out, "%s: ok: lexicon %s %s, %s, %s, %s, %s, hash %s\n", path, l.Name, l.Version,
					report.Count(len(l.Concepts), "concept", "concepts"), report.Count(labels, "label", "labels"),
					report.Count(len(l.Categories), "category", "categories"), report.Count(len(m.Terms()), "term", "terms"), m.Hash()[:12])
			}
			if bad > 0 {
				return fmt.Errorf("%s of %d invalid", report.Count(bad, "lexicon", "lexicons"), len(args))
			}
			return nil
		},
	}
}

func newLexiconTestCmd(env Env) *cobra.Command {
	strict := false
	cmd := &cobra.Command{
		Use:   "test [FILE]",
		Short: "Run the examples written in a lexicon (default: the built-in one)",
		Long: `test runs every label's and category's examples: each examples.match
sentence must hit its label and each examples.nomatch sentence must not.
Failures are printed with the lexicon's file:line:col; the exit status is 1
when any fails.

A term is tested when one of its label's match sentences is matched by
that term (for a Russian or Ukrainian term, by one of its inflected forms).
Terms no example tests are listed; with --strict they fail the test too,
as they do for the built-in lexicon, whose every term in every language
has an example.`,
		Example: `  framing lexicon test
  framing lexicon test --strict my.yaml
  framing lexicon diff old.yaml new.yaml testdata/seeds`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := lexicon.LoadMatcher(optionalPath(args))
			if err != nil {
				return err
			}
			res := m.TestExamples()
			for _, f := range res.Failures {
				fmt.Fprintln(env.Out, f.Error())
			}
			for _, u := range res.Untested {
				fmt.Fprintln(env.Out, u.Error())
			}
			fmt.Fprintf(env.Out, "%s, %d failed; %d of %s tested by an example\n", report.Count(res.Run, "example", "examples"),
				len(res.Failures), res.Terms-len(res.Untested), report.Count(res.Terms, "term", "terms"))
			if len(res.Failures) > 0 || (strict && len(res.Untested) > 0) {
				return errFailed
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "fail when a term has no example it matches")
	return cmd
}

// optionalPath is the lexicon a command's optional argument names: "" (the
// built-in one) when there is none.
func optionalPath(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return ""
}
