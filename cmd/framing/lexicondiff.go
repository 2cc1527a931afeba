package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
)

type lexiconDiffOptions struct {
	corpusOptions
	Format  string
	Context int
}

func newLexiconDiffCmd(env Env) *cobra.Command {
	o := &lexiconDiffOptions{}
	cmd := &cobra.Command{
		Use:   "diff [flags] OLD NEW [PATH...]",
		Short: "What changed between two lexicons, and on a corpus which hits it moves",
		Long: `diff lists the labels and categories added and removed, the terms added,
removed or moved between labels, and the poles changed from lexicon OLD to
lexicon NEW ("builtin" names the built-in one). Given a corpus, it scores
every document with both and lists each hit that appears, disappears or
changes label, with its voice and context, and a count per label.`,
		Example: `  framing lexicon diff old.yaml new.yaml
  framing lexicon diff builtin my.yaml testdata/seeds
  framing lexicon diff --format json old.yaml new.yaml DIR`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(env, args[0], args[1], args[2:])
		},
	}
	o.corpusOptions.addFlags(cmd.Flags())
	cmd.Flags().Lookup("lexicon").Hidden = true // the lexicons are the arguments
	cmd.Flags().StringVar(&o.Format, "format", "", "output `format`: table, markdown or json (default: table on a terminal, else markdown)")
	cmd.Flags().IntVar(&o.Context, "context", 50, "`characters` of context on each side of a hit")
	return cmd
}

// hitRow is one moved hit, for people and for JSON.
type hitRow struct {
	Doc    string `json:"doc"`
	Outlet string `json:"outlet"`
	Change string `json:"change"`
	Was    string `json:"was,omitempty"` // label or category:id
	Now    string `json:"now,omitempty"`
	Voice  string `json:"voice"`
	Left   string `json:"left"`
	Match  string `json:"match"`
	Right  string `json:"right"`
}

// labelMoves counts a label's moved hits.
type labelMoves struct {
	Label      string `json:"label"`
	Appears    int    `json:"appears"`
	Disappears int    `json:"disappears"`
}

func (o *lexiconDiffOptions) run(env Env, oldPath, newPath string, paths []string) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtJSON, fmtMarkdown})
	if err != nil {
		return err
	}
	was, err := lexicon.LoadMatcher(builtinName(oldPath))
	if err != nil {
		return err
	}
	now, err := lexicon.LoadMatcher(builtinName(newPath))
	if err != nil {
		return err
	}
	changes := lexicon.DiffInventory(was.Inventory(), now.Inventory())
	hits, summary, err := o.diffCorpus(env, was, now, paths)
	if err != nil {
		return err
	}
	if format == fmtJSON {
		if changes == nil {
			changes = []lexicon.Change{}
		}
		return writeJSON(env.Out, struct {
			Was     framing.LexiconRef `json:"was"`
			Now     framing.LexiconRef `json:"now"`
			Changes []lexicon.Change   `json:"changes"`
			Labels  []labelMoves       `json:"labels"`
			Hits    []hitRow           `json:"hits"`
		}{framing.RefOf(was), framing.RefOf(now), changes, summary, hits})
	}
	tf := tableFormat(env, format)
	wr, nr := framing.RefOf(was), framing.RefOf(now)
	fmt.Fprintf(env.Out, "lexicon %s %s (hash %.12s) → %s %s (hash %.12s): %s\n", wr.Name, wr.Version, wr.Hash, nr.Name, nr.Version, nr.Hash, report.Count(len(changes), "change", "changes"))
	if err := writeChanges(env, tf, changes); err != nil || len(paths) == 0 {
		return err
	}
	return writeMoves(env, tf, summary, hits)
}

// diffCorpus scores the corpus at paths under both lexicons, one analysis
// of each document counted twice, and lists the hits that appear or
// disappear, with the moves of each label or category, most moved first.
func (o *lexiconDiffOptions) diffCorpus(env Env, was, now *lexicon.Matcher, paths []string) ([]hitRow, []labelMoves, error) {
	hits := []hitRow{}
	moves := map[string]*labelMoves{}
	move := func(label string) *labelMoves {
		if moves[label] == nil {
			moves[label] = &labelMoves{Label: label}
		}
		return moves[label]
	}
	if len(paths) > 0 {
		alsoNow := func(opt *framing.Options) { opt.Also = []*lexicon.Matcher{now} }
		sum, man, err := o.scoreCorpus(env, paths, was, alsoNow, func(r *framing.Result) error {
			doc, s := r.Doc, r.Score
			for _, c := range framing.DiffHits(s, r.Also[0]) {
				at := c.At()
				hits = append(hits, hitRow{Doc: s.ID, Outlet: s.Outlet, Change: c.Change, Was: owner(c.Was), Now: owner(c.Now), Voice: at.Voice.String(),
					Left: report.LeftContext(doc.Text, at.Start, o.Context), Match: report.OneLine(at.Text), Right: report.RightContext(doc.Text, at.End, o.Context)})
				if l := owner(c.Was); l != "" {
					move(l).Disappears++
				}
				if l := owner(c.Now); l != "" {
					move(l).Appears++
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		o.finish(env, sum, man)
	}
	summary := []labelMoves{}
	for _, k := range slices.Sorted(maps.Keys(moves)) {
		summary = append(summary, *moves[k])
	}
	slices.SortStableFunc(summary, func(a, b labelMoves) int {
		return cmp.Compare(b.Appears+b.Disappears, a.Appears+a.Disappears)
	})
	return hits, summary, nil
}

// writeChanges is the table of the terms and poles that changed.
func writeChanges(env Env, tf report.Format, changes []lexicon.Change) error {
	if len(changes) == 0 {
		return nil
	}
	t := &report.Table{Header: []string{"label or category", "change", "term", "detail"}}
	for _, c := range changes {
		detail := ""
		switch c.What {
		case "term moved":
			detail = "from " + c.From
		case "pole":
			detail = c.From + " → " + c.To
		}
		t.Rows = append(t.Rows, []string{c.Owner, c.What, c.Term, detail})
	}
	return t.Write(env.Out, tf)
}

// writeMoves is the tables of the hits that moved on the corpus: by label,
// then each in its context.
func writeMoves(env Env, tf report.Format, summary []labelMoves, hits []hitRow) error {
	fmt.Fprintf(env.Out, "\non the corpus: %s moved\n", report.Count(len(hits), "hit", "hits"))
	if len(hits) == 0 {
		return nil
	}
	t := &report.Table{Header: []string{"label or category", "appears", "disappears"}, Right: []bool{false, true, true}}
	for _, m := range summary {
		t.Rows = append(t.Rows, []string{m.Label, itoa(m.Appears), itoa(m.Disappears)})
	}
	if err := t.Write(env.Out, tf); err != nil {
		return err
	}
	fmt.Fprintln(env.Out)
	t = &report.Table{Header: []string{"document", "outlet", "change", "was", "now", "voice", "in context"}}
	for _, h := range hits {
		t.Rows = append(t.Rows, []string{h.Doc, h.Outlet, h.Change, h.Was, h.Now, h.Voice, "…" + h.Left + "[" + h.Match + "]" + h.Right + "…"})
	}
	return t.Write(env.Out, tf)
}

// builtinName maps "builtin" to the empty path, which loads the built-in
// lexicon.
func builtinName(path string) string {
	if path == "builtin" {
		return ""
	}
	return path
}

// owner names what a hit counts for: its label, or its category.
func owner(e framing.Evidence) string {
	if e.Category != "" {
		return lexicon.CategoryOwner(e.Category)
	}
	return e.Label
}
