package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// Charts holds the rendered charts of a report by name ("index",
// "shares-war", ...): SVG for the HTML page, file paths for Markdown.
type Charts map[string]string

// WriteHTML writes the report as one self-contained HTML page: inline CSS
// and inline SVG charts, no scripts, no network fetches. html/template
// escapes every piece of text that comes from a document or a manifest.
func WriteHTML(w io.Writer, in *Input, svgs Charts) error {
	page, err := buildPage(in)
	if err != nil {
		return err
	}
	page.SVG = map[string]template.HTML{}
	for k, v := range svgs {
		// The SVG is ours, written by gonum/plot, which escapes the text
		// it draws (group names and terms come from the corpus).
		page.SVG[k] = template.HTML(v)
	}
	return htmlTemplate.Execute(w, page)
}

// page is the report's content, shaped for the templates.
type page struct {
	In        *Input
	C         *compare.Comparison
	Headlines []string
	Concepts  []conceptView
	Skipped   []kv
	Dropped   []droppedView
	Evidence  []evidenceGroup
	SVG       map[string]template.HTML
	// Sections are every section in the order the Markdown shows them:
	// Sections(C), then syndication when it was looked for.
	Sections []Section
	// Tables are the sections shown as plain tables, by name: tests,
	// rates, distance, timeline, skipped.
	Tables     map[string]*Section
	Indicators []reliability.IndicatorInfo
	// IndexTest is the test of the framing index across groups, in words;
	// Methods how each kind of number was made, one sentence each.
	IndexTest string
	Methods   []nameText
	// Title asks the report's question; Empty are the concepts without a
	// hit, folded into one line.
	Title string
	Empty []string
	// FoldGroups folds the table of what each group holds, which would
	// push the headline off the first screens.
	FoldGroups bool
	// NoOutlets says why a report whose groups are not outlets has no
	// per-outlet view; "" when it has one or its groups are outlets.
	NoOutlets string
}

// foldGroupsOver is the number of groups beyond which the table of what
// each group holds is folded: about a screen of rows.
const foldGroupsOver = 12

// HeadlineLevel is the adjusted p-value below which a concept's largest
// difference is a headline: a difference that survives the multiplicity
// correction of the run.
const HeadlineLevel = 0.05

// reportTitle asks the question the report answers: how the groups name
// the concepts that have hits.
func reportTitle(c *compare.Comparison, concepts []conceptView) string {
	who := fmt.Sprintf("%d groups (by %s)", len(c.Groups), c.By)
	if c.By == "outlet" {
		who = fmt.Sprintf("%d outlets", len(c.Groups))
	}
	var ids []string
	for _, v := range concepts {
		ids = append(ids, v.ID)
	}
	switch len(ids) {
	case 0:
		return fmt.Sprintf("How %s name the concepts of %s: no hits", who, c.Lexicon.Name)
	case 1:
		return fmt.Sprintf("How %s name %s", who, ids[0])
	}
	return fmt.Sprintf("How %s name %s and %s", who, strings.Join(ids[:len(ids)-1], ", "), ids[len(ids)-1])
}

type nameText struct{ Name, Text string }

type kv struct {
	Key   string
	Value int
}

type droppedView struct {
	Reason        string
	Lines, Tokens int
}

type conceptView struct {
	compare.ConceptResult
	Cols     []int // labels with any hit
	Headline string
	PValue   string
	Rows     []conceptRow
	// Note is the concept's note, "" when PValue says it already.
	Note string
}

type conceptRow struct {
	Group  string
	Docs   int
	Cells  []cellView
	Quoted string // quoted hits by label
}

type cellView struct {
	Count  int
	Share  string
	Anchor string // evidence anchor, "" when there is no snippet
	// ID is the cell's own id, which its evidence links back to; "" when
	// there is no snippet.
	ID string
}

type evidenceGroup struct {
	Group  string
	Labels []evidenceLabel
}

type evidenceLabel struct {
	Label    string
	Anchor   string
	Snippets []Snippet
	// Back is the id of the table cell that links here.
	Back string
}

// anchor is the id of the evidence of a group and label, and cellID the id
// of the table cell that counts its hits: built from their positions, so
// any text in a name is safe in an id.
func anchor(g, l int) string { return fmt.Sprintf("ev-%d-%d", g, l) }
func cellID(g, l int) string { return fmt.Sprintf("at-%d-%d", g, l) }

func buildPage(in *Input) (*page, error) {
	c := in.Comparison
	p := &page{In: in, C: c, Tables: map[string]*Section{}, Indicators: reliability.IndicatorList, IndexTest: PValueText(c.IndexTest)}
	for _, k := range slices.Sorted(maps.Keys(c.Inference.Methods)) {
		p.Methods = append(p.Methods, nameText{k, c.Inference.Methods[k]})
	}
	p.Sections = Sections(c)
	if in.Syndication != nil {
		p.Sections = append(p.Sections, SyndicationSection(in.Syndication))
	}
	if in.Outlets != nil {
		p.Sections = append(p.Sections, OutletSection(in.Outlets, c.Settings.Conf))
	}
	for i := range p.Sections {
		p.Tables[p.Sections[i].Name] = &p.Sections[i]
	}
	for _, k := range slices.Sorted(maps.Keys(c.Corpus.Skipped)) {
		p.Skipped = append(p.Skipped, kv{k, c.Corpus.Skipped[k]})
	}
	for _, k := range slices.Sorted(maps.Keys(in.Dropped)) {
		d := in.Dropped[k]
		p.Dropped = append(p.Dropped, droppedView{k, d.Lines, d.Tokens})
	}
	groupIdx := map[string]int{}
	docs := map[string]int{}
	for i, g := range c.Groups {
		groupIdx[g.Name] = i
		docs[g.Name] = g.Documents
	}
	labelIdx := map[lexicon.LabelKey]int{}
	for _, cr := range c.Concepts {
		for _, l := range cr.Labels {
			labelIdx[l] = len(labelIdx)
		}
	}
	for _, cr := range c.Concepts {
		v := conceptView{ConceptResult: cr, Headline: Headline(cr), PValue: PValueText(cr.TableTest)}
		if !strings.Contains(v.PValue, cr.Note) {
			v.Note = cr.Note
		}
		for k := range cr.Labels {
			for r := range cr.Groups {
				if cr.ByVoice[r][k].In(allVoices) > 0 {
					v.Cols = append(v.Cols, k)
					break
				}
			}
		}
		for r, g := range cr.Groups {
			row := conceptRow{Group: g, Docs: docs[g]}
			for _, k := range v.Cols {
				cell := cellView{Count: cr.Counts[r][k], Share: sharePct(cr.Shares[r][k])}
				if in.Evidence != nil && len(in.Evidence.Snippets(g, cr.Labels[k].String())) > 0 {
					cell.Anchor, cell.ID = anchor(groupIdx[g], labelIdx[cr.Labels[k]]), cellID(groupIdx[g], labelIdx[cr.Labels[k]])
				}
				row.Cells = append(row.Cells, cell)
			}
			row.Quoted = OtherVoices(cr, r, c.Voices)
			v.Rows = append(v.Rows, row)
		}
		if len(v.Cols) == 0 {
			// No hit in any voice: folded into one line, not a section.
			p.Empty = append(p.Empty, cr.ID)
			continue
		}
		if adj := cr.Adjusted(); !math.IsNaN(adj) && adj < HeadlineLevel {
			p.Headlines = append(p.Headlines, v.Headline)
		}
		p.Concepts = append(p.Concepts, v)
	}
	p.Title = reportTitle(c, p.Concepts)
	p.FoldGroups = len(c.Groups) > foldGroupsOver
	if in.Outlets == nil && c.By != "outlet" {
		p.NoOutlets = fmt.Sprintf("No per-outlet view: the groups are by %s and the outlets were not kept (a tally keeps only its groups); a report made from the corpus shows each outlet's index.", c.By)
	}
	if in.Evidence != nil {
		for _, g := range c.Groups {
			eg := evidenceGroup{Group: g.Name}
			for _, cr := range c.Concepts {
				for _, l := range cr.Labels {
					if sn := in.Evidence.Snippets(g.Name, l.String()); len(sn) > 0 {
						eg.Labels = append(eg.Labels, evidenceLabel{Label: l.String(), Anchor: anchor(groupIdx[g.Name], labelIdx[l]), Snippets: sn, Back: cellID(groupIdx[g.Name], labelIdx[l])})
					}
				}
			}
			if len(eg.Labels) > 0 {
				p.Evidence = append(p.Evidence, eg)
			}
		}
	}
	return p, nil
}

func sharePct(s compare.Share) string {
	if s.P.IsNaN() {
		return ""
	}
	return fmt.Sprintf("%.0f%% (%.0f–%.0f)", float64(s.P)*100, float64(s.Lo)*100, float64(s.Hi)*100)
}

var funcs = template.FuncMap{
	"f2":      func(x stats.Num) string { return FormatFloat(float64(x), 2) },
	"p":       func(x stats.Num) string { return FormatP(float64(x)) },
	"hash":    func(h string) string { return h[:min(12, len(h))] },
	"voice":   func(v token.Voice) string { return v.String() },
	"label":   func(cr compare.ConceptResult, k int) string { return cr.Labels[k].Label },
	"svg":     func(m map[string]template.HTML, k string) template.HTML { return m[k] },
	"hasSVG":  func(m map[string]template.HTML, k string) bool { _, ok := m[k]; return ok },
	"concept": func(id string) string { return "shares-" + id },
	"right":   func(t *Table, i int) bool { return i < len(t.Right) && t.Right[i] },
	"pct":     func(x float64) string { return fmt.Sprintf("%g", x*100) },
	"count":   Count,
}

//go:embed templates/report.html
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(funcs).Parse(htmlSource))
