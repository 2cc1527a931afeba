package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/report"
)

type reportOptions struct {
	analysisOptions
	Out string
}

func newReportCmd(env Env) *cobra.Command {
	o := &reportOptions{analysisOptions: *newAnalysisOptions()}
	o.Evidence = 5
	o.PerOutlet = true
	cmd := &cobra.Command{
		Use:   "report [flags] PATH... | --tally FILE...",
		Short: "Write the framing report: an HTML page, Markdown, charts, tables and JSON",
		Long: `report compares the groups of a corpus (as 'compare' does) and writes
everything into one directory:

  index.html    one self-contained page (inline CSS and SVG, no scripts, no
                network): what was analysed, the headline, one section per
                concept, distinctive terms, distances and map, methods, and
                the evidence behind every count, linked from the tables
  report.md     the same as Markdown, with PNG charts
  charts/       every chart as SVG and PNG
  tables/       every table as CSV
  results.json  what 'compare --format json' writes

Grouped by anything but the outlet (--by date, --by outlet_group), the
report also shows every outlet's framing index, with the groups its
documents fall in: the per-outlet view (tables/outlets.csv,
charts/outlets.svg).

Every piece of document text is escaped: articles come from the web.
From tallies (--tally) there is no text, so the report has no evidence.`,
		Example: `  framing report testdata/seeds -o out
  framing report --manifest m.csv --by outlet_group DIR -o out
  framing report --evidence 10 --seed 7 DIR -o out
  framing report --tally all.json -o out`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(cmd, args); err != nil {
				return err
			}
			return o.run(env, args)
		},
	}
	o.addFlags(cmd.Flags())
	f := cmd.Flags()
	f.StringVarP(&o.Out, "output", "o", "framing-report", "`directory` to write the report into (made if missing)")
	f.IntVar(&o.Evidence, "evidence", o.Evidence, "keyword-in-context snippets to show per group and label")
	f.IntVar(&o.Window, "window", o.Window, "words of context on each side of an evidence snippet (as quanteda's kwic window)")
	return cmd
}

func (o *reportOptions) run(env Env, paths []string) error {
	if st, err := os.Stat(o.Out); err == nil && !st.IsDir() {
		return usagef("-o %s is a file; give a directory", o.Out)
	}
	in, err := o.analyse(env, paths)
	if err != nil {
		return err
	}
	done := stage(env, "charts and tables")
	files, err := report.WriteDir(o.Out, in)
	done()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "wrote %d files to %s; open %s\n", len(files), o.Out, filepath.Join(o.Out, "index.html"))
	return nil
}
