package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/report/chart"
)

// WriteJSON writes v as indented JSON with <, > and & left as they are
// (the text is data, not HTML): the form of `framing compare --format
// json` and of a report's results.json, which are the same bytes.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Files lists what WriteDir wrote, relative to its directory.
type Files []string

// ChartSpec is one chart of the report: its file stem and how to make it.
type ChartSpec struct {
	Name    string // "index", "shares-war", ...
	Kind    chart.Kind
	Concept string
	// Outlets draws the per-outlet view (Input.Outlets), not the groups.
	Outlets bool
}

// ReportCharts are the charts a report shows, in order: the index and
// what drives it, the shares of every concept with a hit (a concept without one gets no blank
// chart), then the heatmap, distinctive terms, the map, the distances, the
// timeline, the sourcing indicators and, when the groups are not outlets,
// the index by outlet.
func ReportCharts(in *Input) []ChartSpec {
	c := in.Comparison
	specs := []ChartSpec{{Name: "index", Kind: chart.Index}, {Name: "drivers", Kind: chart.Drivers}}
	for _, cr := range c.Concepts {
		if hasHits(cr) {
			specs = append(specs, ChartSpec{Name: "shares-" + cr.ID, Kind: chart.Shares, Concept: cr.ID})
		}
	}
	for _, k := range []chart.Kind{chart.Heatmap, chart.Distinct, chart.CA, chart.Distance, chart.Timeline, chart.Reliability} {
		specs = append(specs, ChartSpec{Name: string(k), Kind: k})
	}
	if in.Outlets != nil {
		specs = append(specs, ChartSpec{Name: "outlets", Kind: chart.Index, Outlets: true})
	}
	return specs
}

// pageScale is how much larger than their size in points the charts show
// in the HTML page, so that their text reads as large as the page's.
const pageScale = 1.3

// WriteDir writes the whole report into dir: index.html (one
// self-contained page), report.md with charts/*.png, charts/*.svg,
// tables/*.csv (every table the report shows) and results.json (what
// `framing compare --format json` writes).
func WriteDir(dir string, in *Input) (Files, error) {
	var files Files
	write := func(rel string, data []byte) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		files = append(files, rel)
		return nil
	}
	svgs, pngs := Charts{}, Charts{}
	// Charts are drawn in parallel, one per CPU: drawing is most of a
	// report's own time.
	specs := ReportCharts(in)
	out := make([]drawn, len(specs))
	errs := make([]error, len(specs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, s := range specs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = drawChart(in, s)
		}()
	}
	wg.Wait()
	for i, s := range specs {
		if errs[i] != nil {
			return files, fmt.Errorf("chart %s: %w", s.Name, errs[i])
		}
		for _, f := range []struct {
			ext  string
			data []byte
		}{{"svg", out[i].svg}, {"png", out[i].png}} {
			rel := filepath.ToSlash(filepath.Join("charts", s.Name+"."+f.ext))
			if err := write(rel, f.data); err != nil {
				return files, err
			}
			if f.ext == "png" {
				pngs[s.Name] = rel
			}
		}
		svgs[s.Name] = out[i].inline
	}
	sections := Sections(in.Comparison)
	if in.Outlets != nil {
		sections = append(sections, OutletSection(in.Outlets, in.Comparison.Settings.Conf))
	}
	for _, s := range sections {
		var b bytes.Buffer
		if err := s.Table.Write(&b, FormatCSV); err != nil {
			return files, err
		}
		if err := write(filepath.ToSlash(filepath.Join("tables", s.Name+".csv")), b.Bytes()); err != nil {
			return files, err
		}
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, in.Comparison); err != nil {
		return files, err
	}
	if err := write("results.json", js.Bytes()); err != nil {
		return files, err
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, in, pngs); err != nil {
		return files, err
	}
	if err := write("report.md", md.Bytes()); err != nil {
		return files, err
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, in, svgs); err != nil {
		return files, err
	}
	return files, write("index.html", page.Bytes())
}

// drawn is one chart of a report in the forms it is written in: the SVG
// and PNG files, and the <svg> element of the HTML page.
type drawn struct {
	svg, png []byte
	inline   string
}

// drawChart draws the chart of spec s once and writes it in every form.
func drawChart(in *Input, s ChartSpec) (drawn, error) {
	c := in.Comparison
	if s.Outlets {
		c = in.Outlets.comparison(c)
	}
	ch, err := chart.Make(c, s.Kind, chart.Options{Concept: s.Concept, Axis: in.Axis})
	if err != nil {
		return drawn{}, err
	}
	var sv, pn bytes.Buffer
	if err := ch.Write(&sv, chart.SVG); err != nil {
		return drawn{}, err
	}
	if err := ch.Write(&pn, chart.PNG); err != nil {
		return drawn{}, err
	}
	inline, err := ch.InlineFrom(sv.Bytes(), pageScale)
	if err != nil {
		return drawn{}, err
	}
	return drawn{svg: sv.Bytes(), png: pn.Bytes(), inline: inline}, nil
}

// hasHits reports whether any group has a hit of the concept, in any
// voice.
func hasHits(cr compare.ConceptResult) bool {
	for _, row := range cr.ByVoice {
		for _, c := range row {
			if c.In(allVoices) > 0 {
				return true
			}
		}
	}
	return false
}
