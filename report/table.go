package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Table is a header and rows of cells, ready to be written in any of the
// tabular formats.
type Table struct {
	Header []string
	Rows   [][]string
	// Align right-aligns the columns whose index is true (numbers).
	Right []bool
}

// Format is a tabular output format.
type Format string

// The tabular formats.
const (
	FormatTable Format = "table" // box-drawn table for a terminal
	// FormatTableColour is FormatTable with a coloured header and grey
	// rules, for a terminal that shows colour (never for a file or pipe).
	FormatTableColour Format = "table-colour"
	FormatMarkdown    Format = "markdown" // GitHub-flavoured Markdown, pipes escaped
	FormatCSV         Format = "csv"      // RFC 4180 via encoding/csv, formulas escaped (CSVCell)
)

// Write writes t to w in format f.
func (t *Table) Write(w io.Writer, f Format) error {
	switch f {
	case FormatCSV:
		cw := NewCSVWriter(w)
		if err := cw.Write(t.Header); err != nil {
			return err
		}
		for _, r := range t.Rows {
			if err := cw.Write(r); err != nil {
				return err
			}
		}
		return cw.Flush()
	case FormatMarkdown:
		return t.writeMarkdown(w)
	case FormatTable:
		return t.writeBox(w, false)
	case FormatTableColour:
		return t.writeBox(w, true)
	}
	return fmt.Errorf("unknown table format %q", f)
}

func (t *Table) writeBox(w io.Writer, colour bool) error {
	align := make([]tw.Align, len(t.Header))
	for i := range align {
		align[i] = tw.AlignLeft
		if i < len(t.Right) && t.Right[i] {
			align[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	}
	if colour {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewColorized(renderer.ColorizedConfig{
			Header:    renderer.Tint{FG: renderer.Colors{color.Bold, color.FgCyan}},
			Column:    renderer.Tint{FG: renderer.Colors{color.Reset}},
			Border:    renderer.Tint{FG: renderer.Colors{color.FgHiBlack}},
			Separator: renderer.Tint{FG: renderer.Colors{color.FgHiBlack}},
		})))
	}
	tab := tablewriter.NewTable(w, opts...)
	tab.Header(t.Header)
	if err := tab.Bulk(t.Rows); err != nil {
		return err
	}
	return tab.Render()
}

// writeMarkdown writes a Markdown table by hand: the format is three lines of
// rules, and escaping pipes and line breaks in cells is ours to get right.
func (t *Table) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" ")
			b.WriteString(escapeMarkdown(c))
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|")
	for i := range t.Header {
		if i < len(t.Right) && t.Right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownEscaper keeps a cell one cell (pipes, line breaks) and keeps
// HTML in corpus text from reaching a renderer that passes HTML through.
var markdownEscaper = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ", "&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
