package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/syndication"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
)

type reliabilityOptions struct {
	analysisOptions
	Format    string
	Documents bool
	Ratings   string
}

func newReliabilityCmd(env Env) *cobra.Command {
	o := &reliabilityOptions{analysisOptions: *newAnalysisOptions()}
	cmd := &cobra.Command{
		Use:   "reliability [flags] PATH...",
		Short: "How outlets source what they say: attribution, quotation, named and anonymous sources, state-media labels",
		Long: `reliability measures, per document and per group, how the text sources
what it says (see the README's "Reliability indicators" for each definition,
the lexicon category behind it and its caveats):

  attribution_rate    own-voice sentences that attribute what they say
  quotation_share     tokens in direct quotation; quotations
  named_share, anonymous_share   attributions to named and to anonymous sources
  sources, top_source_share      distinct named sources; the most-cited one's share
  state_media_cited, state_media_labelled   citations of an outlet listed as state
                      media (--outlets, else the built-in list), and how many of
                      them say so ("state media", "the official news agency")
  distancing_rate     so-called, alleged, scare quotes per 1,000 tokens
  hedge_rate, booster_rate, certainty_balance   hedges against boosters
  loaded_density      own-voice hits of poled labels per 1,000 tokens

Each group's share and rate has an interval with documents as the unit
(a cluster bootstrap or beta-binomial model for shares out of sentences
and attributions; for rates and the quoted share, the exact interval at
the effective number of hits), and each is tested across groups
(permutation of documents, or a quasi-likelihood F test for ratios out of
tokens); --unit hits gives the hit-level Wilson and Poisson intervals and
tests. --syndication also lists the stories that
several outlets ran; --dedupe counts each of them once. --ratings joins your own rating of each
group (a CSV of group,rating; none is shipped) and reports Spearman's rank
correlation of the rating with each indicator.`,
		Example: `  framing reliability testdata/seeds
  framing reliability --documents --format markdown testdata/seeds
  framing reliability --by outlet_group --ratings my-ratings.csv DIR
  framing reliability --syndication DIR
  framing reliability --format json DIR > reliability.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(o.Tallies) > 0 {
				return usagef("reliability reads a corpus: per-document evidence is not in a tally (compare --tally has the group indicators)")
			}
			if err := o.check(cmd, args); err != nil {
				return err
			}
			return redirect(env, o.Output, func(env Env) error { return o.run(env, args) })
		},
	}
	o.addFlags(cmd.Flags())
	f := cmd.Flags()
	outputFlag(f, &o.Output)
	f.StringVar(&o.Format, "format", "", "output `format`: table, markdown, csv or json (default: table on a terminal, else json)")
	f.BoolVar(&o.Documents, "documents", false, "also list every document's indicators (JSON always has them)")
	f.StringVar(&o.Ratings, "ratings", "", "CSV `file` of group,rating: your own ratings of the groups, to correlate with the indicators")
	return cmd
}

// docReliability is one document's indicators, for output.
type docReliability struct {
	ID          string             `json:"id"`
	Outlet      string             `json:"outlet"`
	Group       string             `json:"group"`
	Reliability reliability.Report `json:"reliability"`
	byName      map[string]reliability.Indicator
}

// writeTables writes the reliability tables: groups, tests, copies, and
// with their flags documents and correlations.
func (o *reliabilityOptions) writeTables(env Env, tf report.Format, c *compare.Comparison, docs []docReliability, corr []compare.RatingCorrelation) error {
	fmt.Fprintf(env.Out, "lexicon %s %s (hash %.12s); %s by %s\n", c.Lexicon.Name, c.Lexicon.Version, c.Lexicon.Hash, report.Count(len(c.Groups), "group", "groups"), c.By)
	for _, s := range report.Sections(c) {
		if s.Name != "reliability" && s.Name != "reliability-tests" {
			continue
		}
		if err := writeSection(env.Out, s, tf); err != nil {
			return err
		}
	}
	if o.FindCopies || o.Dedupe {
		if err := writeSection(env.Out, report.SyndicationSection(o.Clusters), tf); err != nil {
			return err
		}
	}
	if o.Documents {
		t := &report.Table{Header: []string{"document", "group"}, Right: []bool{false, false}}
		for _, info := range reliability.IndicatorList {
			t.Header = append(t.Header, info.Name)
			t.Right = append(t.Right, true)
		}
		for _, d := range docs {
			row := []string{d.ID, d.Group}
			for _, info := range reliability.IndicatorList {
				in := d.byName[info.Name]
				row = append(row, indicatorValue(in))
			}
			t.Rows = append(t.Rows, row)
		}
		if err := writeSection(env.Out, report.Section{Title: "Documents (values; intervals in --format json)", Table: t}, tf); err != nil {
			return err
		}
	}
	if corr != nil {
		t := &report.Table{Header: []string{"indicator", "Spearman ρ", "p", "groups"}, Right: []bool{false, true, true, true}}
		for _, r := range corr {
			t.Rows = append(t.Rows, []string{r.Indicator, report.FormatFloat(float64(r.Rho), 2), report.FormatP(float64(r.P)), itoa(r.N)})
		}
		s := report.Section{Title: "Rank correlation of your ratings with each indicator, across groups", Table: t,
			Notes: []string{"Spearman's ρ with a t-approximation p-value; with few groups it says little."}}
		if err := writeSection(env.Out, s, tf); err != nil {
			return err
		}
	}
	return nil
}

func (o *reliabilityOptions) run(env Env, paths []string) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtMarkdown, fmtCSV, fmtJSON})
	if err != nil {
		return err
	}
	var ratings *compare.Ratings
	if o.Ratings != "" {
		if ratings, err = readRatings(o.Ratings); err != nil {
			return err
		}
	}
	var docs []docReliability
	_, t, err := o.collect(env, paths, func(s *framing.Score, m *lexicon.Matcher) {
		missing := reliability.MissingOf(m)
		ins := reliability.Indicators(s.Reliability, s.Tokens.Prose(), s.Tokens.Quoted, o.Conf, missing)
		d := docReliability{ID: s.ID, Outlet: s.Outlet, Group: framing.GroupOf(s, o.By),
			Reliability: reliability.NewReport(s.Reliability, s.Tokens.Prose(), s.Tokens.Quoted, o.Conf, missing), byName: map[string]reliability.Indicator{}}
		for _, in := range ins {
			d.byName[in.Name] = in
		}
		docs = append(docs, d)
	})
	if err != nil {
		return err
	}
	c, err := compare.Reliability(t, o.Options)
	if err != nil {
		return err
	}
	if len(c.Reliability.Groups) > 0 {
		for _, n := range report.IndicatorNotes(c.Reliability.Groups[0].Indicators) {
			fmt.Fprintln(env.Err, "note: "+n)
		}
	}
	corr := correlate(env, c, ratings)
	switch format {
	case fmtJSON:
		if docs == nil {
			docs = []docReliability{}
		}
		return writeJSON(env.Out, reliabilityJSON{
			Format: reliabilityFormat, Lexicon: c.Lexicon, By: c.By, Groups: c.Reliability.Groups, Tests: c.Reliability.Tests,
			Documents: docs, Syndication: o.Clusters, Correlations: corr})
	case fmtCSV:
		return writeReliabilityCSV(env.Out, c, docs)
	}
	return o.writeTables(env, tableFormat(env, format), c, docs, corr)
}

func nonNil(c []syndication.Cluster) []syndication.Cluster {
	if c == nil {
		return []syndication.Cluster{}
	}
	return c
}

func indicatorValue(in reliability.Indicator) string {
	if in.Kind == "count" {
		return report.FormatFloat(float64(in.Value), 0)
	}
	if in.Kind == "share" {
		return report.FormatFloat(float64(in.Value), 2)
	}
	return report.FormatFloat(float64(in.Value), 1)
}

// writeSection prints a titled table and its notes.
func writeSection(w io.Writer, s report.Section, f report.Format) error {
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
	return nil
}

// writeReliabilityCSV writes one row per group and per document, every
// indicator's value and interval in columns.
func writeReliabilityCSV(w io.Writer, c *compare.Comparison, docs []docReliability) error {
	cw := report.NewCSVWriter(w)
	head := []string{"scope", "name", "group"}
	for _, info := range reliability.IndicatorList {
		head = append(head, info.Name, info.Name+"_lo", info.Name+"_hi")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	row := func(scope, name, group string, byName map[string]reliability.Indicator) error {
		r := []string{scope, name, group}
		for _, info := range reliability.IndicatorList {
			in := byName[info.Name]
			r = append(r, csvFloat(float64(in.Value)), csvFloat(float64(in.Lo)), csvFloat(float64(in.Hi)))
		}
		return cw.Write(r)
	}
	for _, g := range c.Reliability.Groups {
		if err := row("group", g.Group, g.Group, g.Indicators); err != nil {
			return err
		}
	}
	for _, d := range docs {
		if err := row("document", d.ID, d.Group, d.byName); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// readRatings reads a CSV of group,rating.
func readRatings(path string) (*compare.Ratings, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return compare.ParseRatings(path, data)
}

// correlate is Spearman's ρ of the ratings with each indicator across the
// rated groups. It reports on stderr the rows that match no group, with the
// groups they may have meant, and the groups without a rating.
func correlate(env Env, c *compare.Comparison, ratings *compare.Ratings) []compare.RatingCorrelation {
	if ratings == nil {
		return nil
	}
	var names []string
	for _, g := range c.Reliability.Groups {
		names = append(names, g.Group)
	}
	rated, unmatched, unrated := ratings.Match(names)
	for _, u := range unmatched {
		hint := ""
		if len(u.Suggest) > 0 {
			hint = fmt.Sprintf(" (did you mean %s?)", orList(u.Suggest))
		}
		fmt.Fprintf(env.Err, "%s:%d: no group is called %s%s\n", ratings.File, u.Line, u.Group, hint)
	}
	if len(unmatched) > 0 {
		fmt.Fprintf(env.Err, "%s: %d of %s match no group: left out of the correlations\n", ratings.File, len(unmatched), report.Count(len(ratings.Rows), "row", "rows"))
	}
	if len(unrated) > 0 {
		fmt.Fprintf(env.Err, "no rating for %s: left out of the correlations\n", strings.Join(unrated, ", "))
	}
	return compare.Correlate(c.Reliability, rated)
}

// orList joins names as "a", "a or b", "a, b or c".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// reliabilityJSON is `framing reliability --format json`
// (schemas/reliability.schema.json), version reliabilityFormat.
type reliabilityJSON struct {
	Format       int                         `json:"format"`
	Lexicon      framing.LexiconRef          `json:"lexicon"`
	By           string                      `json:"by"`
	Groups       []compare.GroupReliability  `json:"groups"`
	Tests        []compare.IndicatorTest     `json:"tests"`
	Documents    []docReliability            `json:"documents"`
	Syndication  []syndication.Cluster       `json:"syndication,omitempty"`
	Correlations []compare.RatingCorrelation `json:"rating_correlations,omitempty"`
}

// reliabilityFormat is the version of reliabilityJSON: 2 since intervals
// and tests state their unit (issue 18).
const reliabilityFormat = 2
