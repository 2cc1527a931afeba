package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
	"github.com/spf13/cobra"
)

func newLexiconCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Show, validate and test lexicons",
		Example: `  framing lexicon init -o my.yaml
  framing lexicon show
  framing lexicon validate my.yaml
  framing lexicon test my.yaml
  framing lexicon diff old.yaml new.yaml testdata/seeds`,
	}
	cmd.AddCommand(newLexiconInitCmd(env), newLexiconShowCmd(env), newLexiconValidateCmd(env), newLexiconTestCmd(env), newLexiconDiffCmd(env), newLexiconImportCmd(env), newLexiconExportCmd(env))
	return cmd
}

type lexiconShowOptions struct {
	lexiconOptions
	Format string
	Lang   string
}

func newLexiconShowCmd(env Env) *cobra.Command {
	o := &lexiconShowOptions{}
	cmd := &cobra.Command{
		Use:   "show [flags] [FILE]",
		Short: "Print a lexicon's concepts, labels, poles and terms as a table",
		Long: `show lists every label and category with its pole and its terms, a row for
each language the lexicon has terms in. Terms of a language that declines
(ru, uk) match their inflected forms; those written to match only as they
stand (inflect: false, or case-sensitive) are marked "(exact)".`,
		Example: `  framing lexicon show
  framing lexicon show --lang ru
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
	cmd.Flags().StringVar(&o.Lang, "lang", "", "show only the terms of this `language` (en, ru, uk)")
	return cmd
}

// shownTerm is a term as lexicon show lists it.
type shownTerm struct {
	Text string `json:"text"`
	// Inflects: the term matches its inflected forms (lexicon.Inflects).
	Inflects bool `json:"inflects"`
	// exact marks a term of a declining language that does not inflect.
	exact bool
}

func (t shownTerm) String() string {
	if t.exact {
		return t.Text + " (exact)"
	}
	return t.Text
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
	type key struct{ owner, lang string }
	terms := map[key][]shownTerm{} // label or category id and language → terms as written
	langs := map[string]bool{}
	for _, t := range m.Terms() {
		var owner string
		if t.Category {
			owner = "category." + m.Categories()[t.Owner]
		} else {
			owner = m.Labels()[t.Owner].ID
		}
		code := cmp.Or(t.Lang, l.Language)
		p, ok := lang.Builtin(code)
		st := shownTerm{Text: t.Text, Inflects: t.Inflected, exact: ok && p.Inflection.Inflects() && !t.Inflected}
		terms[key{owner, code}] = append(terms[key{owner, code}], st)
		langs[code] = true
	}
	if o.Lang != "" && !langs[o.Lang] {
		return usagef("--lang %s: the lexicon has no terms in %s (it has %s)", o.Lang, o.Lang, strings.Join(slices.Sorted(maps.Keys(langs)), ", "))
	}
	// The lexicon's own language first, then the others in code order.
	order := slices.Sorted(maps.Keys(langs))
	if i := slices.Index(order, l.Language); i > 0 {
		order = append([]string{l.Language}, slices.Delete(order, i, i+1)...)
	}
	type row struct {
		Kind  string      `json:"kind"`
		ID    string      `json:"id"`
		Pole  string      `json:"pole,omitempty"`
		Lang  string      `json:"lang"`
		Terms []shownTerm `json:"terms"`
	}
	var rows []row
	add := func(kind, id, owner, pole string) {
		for _, code := range order {
			if ts := terms[key{owner, code}]; len(ts) > 0 && (o.Lang == "" || o.Lang == code) {
				rows = append(rows, row{kind, id, pole, code, ts})
			}
		}
	}
	for _, c := range l.Concepts {
		for _, lb := range c.Labels {
			id := c.ID + "." + lb.ID
			add("label", id, id, lb.Pole)
		}
	}
	for _, c := range l.Categories {
		add("category", c.ID, "category."+c.ID, "")
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
		fmt.Fprintf(env.Out, "lexicon %s %s (%s), hash %s\n", l.Name, l.Version, strings.Join(order, ", "), m.Hash()[:12])
		if l.Axis != nil {
			fmt.Fprintf(env.Out, "framing index = (%s - %s) / (%s + %s), own voice\n", l.Axis.Positive, l.Axis.Negative, l.Axis.Positive, l.Axis.Negative)
		}
	}
	t := &report.Table{Header: []string{"kind", "id", "pole", "lang", "terms"}}
	for _, r := range rows {
		var ts []string
		for _, st := range r.Terms {
			ts = append(ts, st.String())
		}
		t.Rows = append(t.Rows, []string{r.Kind, r.ID, r.Pole, r.Lang, strings.Join(ts, "; ")})
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
  framing lexicon test my.yaml || echo "an example failed"`,
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
