package chart

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framingkit/framing/internal/fixture"
	"github.com/framingkit/framing/internal/poppler"
)

// TestPDF draws every chart of the seeds as PDF: each is a PDF, and the
// same comparison, computed twice, gives the same bytes.
func TestPDF(t *testing.T) {
	a, b := allCharts(t, seedComparison(t)), allCharts(t, seedComparison(t))
	for name := range a {
		t.Run(name, func(t *testing.T) {
			var x, y bytes.Buffer
			if err := a[name].Write(&x, PDF); err != nil {
				t.Fatal(err)
			}
			if err := b[name].Write(&y, PDF); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(x.Bytes(), []byte("%PDF-")) {
				t.Fatalf("not a PDF: %.20q", x.Bytes())
			}
			if !bytes.Equal(x.Bytes(), y.Bytes()) {
				t.Error("two renderings differ")
			}
		})
	}
}

// TestPDFText draws the seeds' charts with the outlets renamed in Russian
// and Ukrainian, and checks with pdftotext that the PDF holds the names, and
// the minus sign and ellipsis of the index's axis, as text: what vgpdf's
// single-byte fonts turned into mojibake.
func TestPDFText(t *testing.T) {
	pdftotext := poppler.Tool(t, "pdftotext")
	names := map[string]string{
		"TASS":                 "ТАСС",
		"Sputnik":              "«Вестник Державы»",
		"Forum of Free Russia": "«Дніпровська правда»",
		"Voice of Nigeria":     "Їжак і Ґава",
		"The Moscow Times":     "Європейська Коммерсантъ",
	}
	var docs []fixture.Doc
	for _, d := range fixture.Seeds(t) {
		s := *d.Score
		n, ok := names[s.Outlet]
		if !ok {
			t.Fatalf("seed outlet %q has no Cyrillic name here", s.Outlet)
		}
		s.Outlet = n
		docs = append(docs, fixture.Doc{Doc: d.Doc, Score: &s})
	}
	charts := allCharts(t, fixture.Compare(t, docs, "outlet"))
	for name, ch := range charts {
		if name != "index" && !strings.HasPrefix(name, "shares-") {
			continue // the charts that name every outlet on one line each
		}
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := ch.Write(&b, PDF); err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(t.TempDir(), name+".pdf")
			if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-enc", "UTF-8", in, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			want := []string{ch.Title}
			if ch.Note != "" {
				want = append(want, ch.Note) // the seeds do not name every concept
			} else {
				for _, n := range names {
					want = append(want, n)
				}
			}
			if name == "index" {
				want = append(want, "−1 = only critical terms … +1 = only kremlin terms")
			}
			for _, w := range want {
				if !strings.Contains(string(out), w) {
					t.Errorf("pdftotext does not find %q in:\n%s", w, out)
				}
			}
		})
	}
}
