package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
	"github.com/framingkit/framing/token"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	corpusOptions
	Conf   float64
	Format string
	By     string
	Paths  []string
}

func newScoreCmd(env Env) *cobra.Command {
	o := &scoreOptions{}
	cmd := &cobra.Command{
		Use:   "score [flags] PATH...",
		Short: "Count each document's lexicon terms, by voice",
		Long: `score reads the documents under PATH (directories of .txt files, .jsonl,
.ndjson or .csv files, or - for JSONL on stdin) and counts, for every
document, the hits of every label and category of the lexicon, split into
the outlet's own voice and quoted speech. Boilerplate lines (navigation,
related links, appeals, captions, metadata) are dropped and reported.

On a terminal it prints a table; in a pipe it writes JSONL, one object per
document. The run summary (read, scored, skipped by reason) goes to stderr.`,
		Example: `  framing score testdata/seeds
  framing score --format jsonl testdata/seeds > scores.jsonl
  framing score --manifest my.csv --format csv corpus/
  cat articles.jsonl | framing score --format jsonl -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			return redirect(env, o.Output, o.run)
		},
	}
	o.addFlags(cmd.Flags())
	cmd.Flags().StringVar(&o.Format, "format", "", "output `format`: table, markdown, csv, json, jsonl, or tally (mergeable per-group sums for framing merge and compare --tally)\n(default: table on a terminal, else jsonl)")
	cmd.Flags().Float64Var(&o.Conf, "conf", 0.95, "confidence level of the reliability indicators' intervals")
	cmd.Flags().StringVar(&o.By, "by", "outlet", "group `field` of --format tally: outlet, date, or any manifest or metadata field")
	outputFlag(cmd.Flags(), &o.Output)
	cmd.Flags().BoolVar(&o.Phrases, "phrases", false, "count every word and two-word phrase of the voices counted, for the phrases that set each group apart beyond the lexicon's terms (distinctive_phrases; a tally grows by the corpus' vocabulary)")
	return cmd
}

func (o *scoreOptions) run(env Env) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtMarkdown, fmtCSV, fmtJSON, fmtTally, fmtJSONL})
	if err != nil {
		return err
	}
	m, err := o.matcher()
	if err != nil {
		return err
	}
	var scores []*framing.Score
	tally := framing.NewTally(m, o.By)
	tally.Voices, tally.Phrases = o.voiceSet(), o.Phrases
	enc := json.NewEncoder(env.Out)
	enc.SetEscapeHTML(false)
	// Tallies and tables show no evidence: the run need not make it.
	countsOnly := func(opt *framing.Options) {
		opt.CountsOnly = format == fmtTally || format == fmtCSV || format == fmtTable || format == fmtMarkdown
	}
	sum, man, err := o.scoreCorpus(env, o.Paths, m, countsOnly, func(r *framing.Result) error {
		s := r.Score
		if format == fmtTally {
			tally.Add(s)
			return nil
		}
		if format == fmtJSONL {
			// Streamed in corpus order, which is deterministic: files in
			// lexical order, rows in file order.
			return enc.Encode(report.ScoreOf(s, m, o.Conf))
		}
		if format != fmtJSON {
			s.Hits = nil // tables and CSV do not show evidence; do not hold it
		}
		scores = append(scores, s)
		return nil
	})
	if err != nil {
		return err
	}
	sum.AddNote(tally.Note())
	slices.SortStableFunc(scores, func(a, b *framing.Score) int { return strings.Compare(a.ID, b.ID) })
	switch format {
	case fmtTally:
		if err := tally.CheckBy(); err != nil {
			o.finish(env, sum, man)
			return byError(err)
		}
		tally.AddSummary(sum)
		err = framing.WriteTally(env.Out, tally)
	case fmtJSON:
		err = writeScoresJSON(env, m, sum, scores, o.Conf)
	case fmtCSV:
		err = scoresCSV(m, scores, o.Conf).Write(env.Out, report.FormatCSV)
		var poles []int
		for _, l := range m.Labels() {
			poles = append(poles, l.Pole)
		}
		for _, n := range report.MissingNotes(reliability.MissingIndicators(m.Categories(), poles)) {
			fmt.Fprintln(env.Err, "note: "+n+" (empty reliability columns)")
		}
	case fmtTable, fmtMarkdown:
		err = scoresTable(m, scores).Write(env.Out, tableFormat(env, format))
	}
	if err != nil {
		return err
	}
	o.finish(env, sum, man)
	return nil
}

func writeScoresJSON(env Env, m *lexicon.Matcher, sum framing.Summary, scores []*framing.Score, conf float64) error {
	docs := make([]report.ScoreJSON, 0, len(scores))
	for _, s := range scores {
		docs = append(docs, report.ScoreOf(s, m, conf))
	}
	out := struct {
		Lexicon   framing.LexiconRef `json:"lexicon"`
		Summary   summaryJSON        `json:"summary"`
		Documents []report.ScoreJSON `json:"documents"`
	}{framing.RefOf(m), summaryOf(sum), docs}
	enc := json.NewEncoder(env.Out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

type summaryJSON struct {
	Read    int            `json:"read"`
	Scored  int            `json:"scored"`
	Skipped map[string]int `json:"skipped"`
}

func summaryOf(s framing.Summary) summaryJSON {
	out := summaryJSON{Read: s.Read, Scored: s.Scored, Skipped: map[string]int{}}
	for r, n := range s.Skipped {
		out.Skipped[string(r)] = n
	}
	return out
}

// scoresTable is the per-article overview: token counts, the index, and the
// labels each article uses in its own voice and in quotation.
func scoresTable(m *lexicon.Matcher, scores []*framing.Score) *report.Table {
	t := &report.Table{
		Header: []string{"id", "outlet", "date", "lang", "own", "quoted", "reported", "dropped", "index", "own voice", "quoted", "reported", "distanced"},
		Right:  []bool{false, false, false, false, true, true, true, true, true, false, false, false, false},
	}
	labels := m.Labels()
	for _, s := range scores {
		byVoice := map[token.Voice][]string{}
		for i, c := range s.Labels {
			for _, v := range token.Voices {
				if n := c.Of(v); n > 0 {
					byVoice[v] = append(byVoice[v], fmt.Sprintf("%s %d", labels[i].ID, n))
				}
			}
		}
		t.Rows = append(t.Rows, []string{
			s.ID, s.Outlet, s.Date, s.Lang,
			itoa(s.Tokens.Own), itoa(s.Tokens.Quoted), itoa(s.Tokens.Reported), itoa(s.Tokens.Boilerplate),
			fmtFloat(s.Index, 2), strings.Join(byVoice[token.Own], ", "), strings.Join(byVoice[token.Quoted], ", "),
			strings.Join(byVoice[token.Reported], ", "), strings.Join(byVoice[token.Distanced], ", "),
		})
	}
	return t
}

// scoresCSV is the wide table: one row per document, one column per label
// and category and voice, one per metadata field, and one per reliability
// indicator (its value; intervals are in the JSON).
func scoresCSV(m *lexicon.Matcher, scores []*framing.Score, conf float64) *report.Table {
	missing := reliability.MissingOf(m)
	metaKeys := map[string]bool{}
	for _, s := range scores {
		for k := range s.Meta {
			metaKeys[k] = true
		}
	}
	meta := slices.Sorted(maps.Keys(metaKeys))
	t := &report.Table{Header: []string{"id", "outlet", "date", "url", "lang", "source", "tokens_own", "tokens_quoted", "tokens_reported", "tokens_distanced", "tokens_boilerplate", "index", "pos", "neg"}}
	for _, k := range meta {
		t.Header = append(t.Header, "meta."+k)
	}
	for _, l := range m.Labels() {
		t.Header = append(t.Header, l.ID+".own", l.ID+".quoted", l.ID+".reported", l.ID+".distanced", l.ID+".negated")
	}
	for _, c := range m.Categories() {
		t.Header = append(t.Header, "category."+c+".own", "category."+c+".quoted", "category."+c+".reported")
	}
	for _, info := range reliability.IndicatorList {
		t.Header = append(t.Header, "reliability."+info.Name)
	}
	for _, s := range scores {
		row := []string{s.ID, s.Outlet, s.Date, s.URL, s.Lang, s.Source,
			itoa(s.Tokens.Own), itoa(s.Tokens.Quoted), itoa(s.Tokens.Reported), itoa(s.Tokens.Distanced), itoa(s.Tokens.Boilerplate),
			csvFloat(s.Index), itoa(s.Pos), itoa(s.Neg)}
		for _, k := range meta {
			row = append(row, s.Meta[k])
		}
		for _, c := range s.Labels {
			row = append(row, itoa(c.Own), itoa(c.Quoted), itoa(c.Reported), itoa(c.Distanced), itoa(c.Negated))
		}
		for _, c := range s.Categories {
			row = append(row, itoa(c.Own), itoa(c.Quoted), itoa(c.Reported))
		}
		for _, in := range reliability.Indicators(s.Reliability, s.Tokens.Prose(), s.Tokens.Quoted, conf, missing) {
			row = append(row, csvFloat(float64(in.Value)))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
