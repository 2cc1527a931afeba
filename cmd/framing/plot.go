package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/report/chart"
)

type plotOptions struct {
	analysisOptions
	Out     string
	Format  string
	Concept string
}

func newPlotCmd(env Env) *cobra.Command {
	o := &plotOptions{analysisOptions: *newAnalysisOptions()}
	cmd := &cobra.Command{
		Use:   "plot CHART [flags] PATH... | --tally FILE...",
		Short: "Draw one chart: index, drivers, shares, heatmap, distinct, ca, distance, timeline or reliability",
		Long: `plot compares the groups of a corpus (as 'compare' does) and draws one chart:

  index     framing index per group with its interval, and a line at zero
  drivers   what drives each group's index: each concept's contribution
  shares    one concept's label shares per group, own voice (needs --concept)
  heatmap   own-voice rate of every label in every group, per 1,000 tokens
  distinct  distinctive terms: log-odds z-score against count (Fightin' Words),
            a panel per group
  ca        correspondence analysis map of groups and labels
  distance  Jensen-Shannon distance between every two groups
  timeline  framing index per group by ISO week (needs dated documents)
  reliability  the groups' sourcing indicators, a small panel each, with intervals

The format is --format, or else the extension of -o (svg, png, pdf). Each
is the same bytes for the same input; Cyrillic shows in all three.`,
		Example: `  framing plot index testdata/seeds -o index.svg
  framing plot shares --concept war --format png -o war.png testdata/seeds
  framing plot timeline --manifest m.csv DIR -o timeline.pdf
  framing plot heatmap --tally all.json -o heatmap.svg
  framing plot drivers testdata/seeds -o drivers.png`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := chart.ParseKind(args[0])
			if err != nil {
				return usageError{err.Error()}
			}
			if err := o.check(cmd, args[1:]); err != nil {
				return err
			}
			return o.run(env, kind, args[1:])
		},
	}
	o.addFlags(cmd.Flags())
	f := cmd.Flags()
	f.StringVarP(&o.Out, "output", "o", "", "output `file` (default: standard output, if it is not a terminal)")
	f.StringVar(&o.Format, "format", "", "chart `format`: svg, png or pdf (default: from -o's extension, else svg)")
	f.StringVar(&o.Concept, "concept", "", "the `concept` of a shares chart")
	return cmd
}

func (o *plotOptions) run(env Env, kind chart.Kind, paths []string) error {
	name := o.Format
	if name == "" {
		name = strings.TrimPrefix(filepath.Ext(o.Out), ".")
	}
	if name == "" {
		name = string(chart.SVG)
	}
	format, err := chart.ParseFormat(name)
	if err != nil {
		return usageError{err.Error()}
	}
	if o.Out == "" && env.OutIsTTY {
		return usagef("give -o FILE: a chart is not for a terminal")
	}
	if kind == chart.Shares && o.Concept == "" {
		return usagef("a shares chart is of one concept: give --concept ID (see framing lexicon show)")
	}
	in, err := o.analyse(env, paths)
	if err != nil {
		return err
	}
	ch, err := chart.Make(in.Comparison, kind, chart.Options{Concept: o.Concept, Axis: in.Axis})
	if err != nil {
		return usageError{err.Error()}
	}
	switch {
	case ch.Note != "":
		fmt.Fprintf(env.Err, "note: the %s chart has nothing to show: %s\n", kind, ch.Note)
	case ch.LeftOut != "":
		fmt.Fprintf(env.Err, "note: the %s chart: %s\n", kind, ch.LeftOut)
	}
	var b bytes.Buffer
	if err := ch.Write(&b, format); err != nil {
		return err
	}
	if o.Out == "" {
		_, err = env.Out.Write(b.Bytes())
		return err
	}
	return os.WriteFile(o.Out, b.Bytes(), 0o644)
}
