package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func seedInput(t *testing.T) *Input {
	t.Helper()
	docs := fixture.Seeds(t)
	in := &Input{Comparison: fixture.Compare(t, docs, "outlet"), Evidence: NewEvidenceSample(2, 40),
		Dropped: map[string]DroppedCount{}, Axis: [2]string{"critical", "kremlin"}}
	for _, d := range docs {
		in.Evidence.Add(d.Score.Outlet, d.Doc, d.Score)
	}
	return in
}

// TestSectionsGolden pins every table of the seed comparison in each
// format: the terminal table, Markdown and CSV. Refresh with -update and
// read the diff.
func TestSectionsGolden(t *testing.T) {
	c := seedInput(t).Comparison
	for _, tt := range []struct {
		f    Format
		file string
	}{{FormatTable, "seeds.tables.txt"}, {FormatMarkdown, "seeds.tables.md"}, {FormatCSV, "seeds.tables.csv"}} {
		var b bytes.Buffer
		for _, s := range Sections(c) {
			b.WriteString("# " + s.Name + ": " + s.Title + "\n")
			if err := s.Table.Write(&b, tt.f); err != nil {
				t.Fatal(err)
			}
			for _, n := range s.Notes {
				b.WriteString("# " + n + "\n")
			}
			b.WriteString("\n")
		}
		fixture.Golden(t, filepath.Join("testdata", "golden", tt.file), b.Bytes(), *update)
	}
}

// TestWriteDir writes a report and checks that its parts agree: every
// chart in both formats, a CSV for every table that parses with as many
// columns in every row, results.json that reads back to the comparison,
// Markdown whose images exist, and a page that holds every chart inline.
func TestWriteDir(t *testing.T) {
	in := seedInput(t)
	dir := t.TempDir()
	files, err := WriteDir(dir, in)
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, f := range files {
		has[f] = true
	}
	specs := ReportCharts(in)
	for _, s := range specs {
		for _, ext := range []string{".svg", ".png"} {
			if !has["charts/"+s.Name+ext] {
				t.Errorf("no charts/%s%s", s.Name, ext)
			}
		}
	}
	for _, s := range Sections(in.Comparison) {
		f, err := os.Open(filepath.Join(dir, "tables", s.Name+".csv"))
		if err != nil {
			t.Error(err)
			continue
		}
		rows, err := csv.NewReader(f).ReadAll() // also checks every row has the header's width
		f.Close()
		if err != nil {
			t.Errorf("tables/%s.csv: %v", s.Name, err)
		} else if len(rows) != 1+len(s.Table.Rows) {
			t.Errorf("tables/%s.csv: %d rows, want %d", s.Name, len(rows), 1+len(s.Table.Rows))
		}
	}
	js, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back compare.Comparison
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteJSON(&again, &back); err != nil {
		t.Fatal(err)
	}
	if again.String() != string(js) {
		t.Error("results.json does not read back to the same comparison")
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]int{}
	for _, m := range regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(string(md), -1) {
		shown[m[1]]++
		if _, err := os.Stat(filepath.Join(dir, m[1])); err != nil {
			t.Errorf("report.md links a missing chart: %v", err)
		}
	}
	for _, s := range specs {
		if n := shown["charts/"+s.Name+".png"]; n != 1 {
			t.Errorf("report.md shows chart %s %d times, want once", s.Name, n)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range specs {
		if !strings.Contains(string(page), `id="chart-`+s.Name+`"><svg`) {
			t.Errorf("index.html has no inline chart %s", s.Name)
		}
	}
	for _, bad := range []string{"<script", " src=", `href="http`, "url("} {
		if strings.Contains(string(page), bad) {
			t.Errorf("index.html has %q: it must run nothing and fetch nothing", bad)
		}
	}
}
