package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown with PNG charts (paths
// relative to the report), for a repository or a paper's appendix: the same
// content as the HTML page.
func WriteMarkdown(w io.Writer, in *Input, pngs Charts) error {
	c := in.Comparison
	page, err := buildPage(in)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", escapeText(page.Title))
	fmt.Fprintf(&b, "Lexicon **%s** %s (hash `%.12s`); groups by `%s`; own voice unless said otherwise.\n\n", c.Lexicon.Name, c.Lexicon.Version, c.Lexicon.Hash, c.By)
	b.WriteString("## What was analysed\n\n")
	fmt.Fprintf(&b, "Read %d documents, scored %d, skipped %s.\n\n", c.Corpus.Read, c.Corpus.Scored, joinKV(page.Skipped))
	var dropped []string
	for _, d := range page.Dropped {
		dropped = append(dropped, fmt.Sprintf("%s: %s, %s", d.Reason, Count(d.Lines, "line", "lines"), Count(d.Tokens, "token", "tokens")))
	}
	if len(dropped) == 0 {
		dropped = []string{"nothing"}
	}
	fmt.Fprintf(&b, "Dropped as boilerplate: %s.\n\n", strings.Join(dropped, "; "))
	b.WriteString("## Headline\n\n")
	if p, ok := pngs["index"]; ok {
		fmt.Fprintf(&b, "![Framing index per group](%s)\n\n", p)
	}
	for _, h := range page.Headlines {
		fmt.Fprintf(&b, "- %s\n", escapeText(h))
	}
	b.WriteString("\n")
	if page.NoOutlets != "" {
		fmt.Fprintf(&b, "%s\n\n", escapeText(page.NoOutlets))
	}
	for _, s := range page.Sections {
		fmt.Fprintf(&b, "## %s\n\n", s.Title)
		for _, name := range sectionCharts(s.Name) {
			if p, ok := pngs[name]; ok {
				fmt.Fprintf(&b, "![%s](%s)\n\n", name, p)
			}
		}
		if len(s.Table.Rows) > 0 {
			if err := s.Table.Write(&b, FormatMarkdown); err != nil {
				return err
			}
			b.WriteString("\n")
		}
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "%s\n\n", escapeText(n))
		}
	}
	b.WriteString("## Evidence\n\n")
	for _, g := range page.Evidence {
		fmt.Fprintf(&b, "### %s\n\n", escapeText(g.Group))
		for _, l := range g.Labels {
			fmt.Fprintf(&b, "**%s**\n\n", l.Label)
			for _, sn := range l.Snippets {
				fmt.Fprintf(&b, "- _%s_ … %s**%s**%s … (%s)\n", sn.Voice, escapeText(sn.Left), escapeText(sn.Match), escapeText(sn.Right), escapeText(snippetSource(sn)))
			}
			b.WriteString("\n")
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// sectionCharts are the charts shown with a section's table; the index
// chart is the headline's.
func sectionCharts(section string) []string {
	if id, ok := strings.CutPrefix(section, "concept-"); ok {
		return []string{"shares-" + id}
	}
	switch section {
	case "distinctive":
		return []string{"distinct"}
	case "rates":
		return []string{"heatmap"}
	case "distance":
		return []string{"distance", "ca"}
	case "timeline":
		return []string{"timeline"}
	case "reliability":
		return []string{"reliability"}
	case "outlets":
		return []string{"outlets"}
	case "drivers":
		return []string{"drivers"}
	}
	return nil
}

func joinKV(kvs []kv) string {
	if len(kvs) == 0 {
		return "none"
	}
	var parts []string
	for _, x := range kvs {
		parts = append(parts, fmt.Sprintf("%d (%s)", x.Value, x.Key))
	}
	return strings.Join(parts, ", ")
}

// markdownText escapes what Markdown would read as markup in document text,
// and the HTML that Markdown renderers pass through.
func escapeText(s string) string { return markdownText.Replace(s) }

var markdownText = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`,
)

// snippetSource names a snippet's document for a reader: title, outlet,
// date, id and URL, those it has.
func snippetSource(sn Snippet) string {
	var parts []string
	for _, p := range []string{sn.Title, sn.Outlet, sn.Date, sn.Doc, sn.URL} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}
