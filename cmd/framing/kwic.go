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

type kwicOptions struct {
	corpusOptions
	Format  string
	Voice   string
	Context int
	Query   string
	Paths   []string
}

func newKwicCmd(env Env) *cobra.Command {
	o := &kwicOptions{}
	cmd := &cobra.Command{
		Use:   "kwic [flags] LABEL|CONCEPT|CATEGORY|TERM PATH...",
		Short: "Show every hit of a label, concept, category or term in context, with its voice",
		Long: `kwic (key word in context) lists every hit with the words around it, the
document, and the voice it stands in, so every count can be checked by eye.

The first argument is looked up in the lexicon as a label ("war.invasion",
or "invasion" when only one concept has such a label), a concept ("war": all
its labels), a category ("hedge") or a term of the lexicon ("invade*"). Any
other word or phrase is searched as an ad hoc term with the lexicon's
matching rules.`,
		Example: `  framing kwic invasion testdata/seeds
  framing kwic war --voice own testdata/seeds
  framing kwic "Kiev regime" --format csv corpus/`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Query, o.Paths = args[0], args[1:]
			return redirect(env, o.Output, o.run)
		},
	}
	// kwic's --voice chooses the hits to show (before addFlags, whose
	// --voice, the voices of the index, kwic has no use for).
	cmd.Flags().StringVar(&o.Voice, "voice", "own,quoted,reported,distanced", "voices to show: own, quoted, reported, distanced, boilerplate, or all (comma-separated)")
	o.addFlags(cmd.Flags())
	outputFlag(cmd.Flags(), &o.Output)
	cmd.Flags().StringVar(&o.Format, "format", "", "output `format`: table, markdown, csv, json or jsonl (default: table on a terminal, else jsonl)")
	cmd.Flags().IntVar(&o.Context, "context", 40, "characters of context on each side")
	return cmd
}

// kwicLine is one hit in context.
type kwicLine struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Label  string `json:"label"`
	Term   string `json:"term"`
	Voice  string `json:"voice"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Left   string `json:"left"`
	Match  string `json:"match"`
	Right  string `json:"right"`
}

func (o *kwicOptions) run(env Env) error {
	format, err := chooseFormat(env, o.Format, []string{fmtTable, fmtMarkdown, fmtCSV, fmtJSON, fmtJSONL})
	if err != nil {
		return err
	}
	voices, err := parseVoices(o.Voice)
	if err != nil {
		return err
	}
	m, err := o.matcher()
	if err != nil {
		return err
	}
	name := m.Lexicon().Name
	want, m, what, err := kwicSelect(m, o.Query)
	if err != nil {
		return err
	}
	if want != nil {
		fmt.Fprintf(env.Err, "lexicon %s: %q is the %s\n", name, o.Query, what)
	} else {
		fmt.Fprintf(env.Err, "%q is not a label, concept, category or term of lexicon %s: searching it as a term\n", o.Query, name)
		want = func(e framing.Evidence) bool { return e.Label != "" }
	}
	var lines []kwicLine
	enc := json.NewEncoder(env.Out)
	enc.SetEscapeHTML(false)
	docs := map[string]bool{} // documents with a hit shown
	shown := 0
	// kwic shows hits, not the sourcing measures: they are left out.
	noReliability := func(opt *framing.Options) { opt.NoReliability = true }
	sum, man, err := o.scoreCorpus(env, o.Paths, m, noReliability, func(r *framing.Result) error {
		s, text := r.Score, r.Doc.Text
		for _, h := range s.Hits {
			if !voices[h.Voice.String()] || !want(h) {
				continue
			}
			docs[s.ID] = true
			shown++
			l := kwicLine{ID: s.ID, Outlet: s.Outlet, Label: h.Label + h.Category, Term: h.Term, Voice: h.Voice.String(),
				Start: h.Start, End: h.End, Match: report.OneLine(h.Text),
				Left: report.LeftContext(text, h.Start, o.Context), Right: report.RightContext(text, h.End, o.Context)}
			if format == fmtJSONL {
				if err := enc.Encode(l); err != nil {
					return err
				}
				continue
			}
			lines = append(lines, l)
		}
		return nil
	})
	if err != nil {
		return err
	}
	switch format {
	case fmtJSON:
		if lines == nil {
			lines = []kwicLine{}
		}
		enc.SetIndent("", "  ")
		err = enc.Encode(lines)
	case fmtTable, fmtMarkdown, fmtCSV:
		t := &report.Table{Header: []string{"id", "outlet", "voice", "label", "left", "match", "right"}, Right: []bool{false, false, false, false, true}}
		if format == fmtCSV {
			t.Header = append(t.Header, "start", "end", "term")
		}
		for _, l := range lines {
			row := []string{l.ID, l.Outlet, l.Voice, l.Label, strings.TrimSpace(l.Left), l.Match, strings.TrimSpace(l.Right)} // the columns part them
			if format == fmtCSV {
				row = append(row, itoa(l.Start), itoa(l.End), l.Term)
			}
			t.Rows = append(t.Rows, row)
		}
		err = t.Write(env.Out, tableFormat(env, format))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Err, "%s in %s\n", report.Count(shown, "hit", "hits"), report.Count(len(docs), "document", "documents"))
	o.finish(env, sum, man)
	return nil
}

func parseVoices(s string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, v := range strings.Split(s, ",") {
		switch v = strings.TrimSpace(v); v {
		case "all":
			out["own"], out["quoted"], out["reported"], out["distanced"], out["boilerplate"] = true, true, true, true, true
		case "own", "quoted", "reported", "distanced", "boilerplate":
			out[v] = true
		default:
			return nil, usagef("--voice %q: want own, quoted, reported, distanced, boilerplate or all", v)
		}
	}
	return out, nil
}

// kwicSelect turns the query into a filter over hits. A query that names
// nothing in the lexicon is compiled into a one-term lexicon of its own, and
// the filter is nil.
func kwicSelect(m *lexicon.Matcher, q string) (func(framing.Evidence) bool, *lexicon.Matcher, string, error) {
	var exact, concept, bare []string
	for _, l := range m.Labels() {
		switch {
		case l.ID == q:
			exact = append(exact, l.ID)
		case l.Key.Concept == q:
			concept = append(concept, l.ID)
		}
		if l.Key.Label == q {
			bare = append(bare, l.ID)
		}
	}
	labels, what := exact, "label "+q
	switch {
	case len(exact) > 0:
	case len(concept) > 0:
		labels = concept
		what = fmt.Sprintf("concept %s (its %s: %s)", q, report.Count(len(concept), "label", "labels"), strings.Join(concept, ", "))
		if len(bare) > 0 {
			what += fmt.Sprintf("; for the label alone, give %s", strings.Join(bare, " or "))
		}
	case len(bare) > 0:
		labels = bare
		what = "label " + strings.Join(bare, ", ")
	}
	if len(labels) > 0 {
		set := map[string]bool{}
		for _, l := range labels {
			set[l] = true
		}
		return func(e framing.Evidence) bool { return set[e.Label] }, m, what, nil
	}
	for _, c := range m.Categories() {
		if c == q {
			return func(e framing.Evidence) bool { return e.Category == q }, m, "category " + q, nil
		}
	}
	for _, t := range m.Terms() {
		if strings.EqualFold(t.Text, q) {
			return func(e framing.Evidence) bool { return strings.EqualFold(e.Term, q) }, m, fmt.Sprintf("term %q", t.Text), nil
		}
	}
	adhoc := &lexicon.Lexicon{
		Name: "kwic", Version: "0", Language: m.Lexicon().Language,
		Concepts: []lexicon.Concept{{ID: "kwic", Labels: []lexicon.Label{{ID: "term", Terms: []lexicon.Term{{Text: q}}}}}},
	}
	am, err := lexicon.Compile(adhoc)
	if err != nil {
		return nil, nil, "", usagef("cannot search %q: %v", q, err)
	}
	return nil, am, "", nil
}
