package report

import (
	"github.com/framingkit/framing/framing/compare"

	"bytes"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
)

// hostileInput scores documents whose text and outlet names carry HTML, and
// compares them, as `framing report` does.
func hostileInput(t *testing.T) *Input {
	t.Helper()
	l, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m := lexicon.MustCompile(l)
	docs := []framing.Document{
		{ID: "x1", Outlet: `"><img src=x onerror=alert(1)>`, Text: `The invasion <script>alert(1)</script> went on, and officials were silent.`},
		{ID: "x2", Outlet: "<b>Bold</b>", Text: `Russia's special military operation "><img src=x onerror=alert(1)> continued.`},
	}
	s := framing.NewScorer(m)
	tally := framing.NewTally(m, "outlet")
	ev := NewEvidenceSample(3, 40)
	for _, d := range docs {
		sc := s.Score(d)
		tally.Add(sc)
		ev.Add(framing.GroupOf(sc, "outlet"), d, sc)
	}
	c, err := compare.Groups(tally, compare.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return &Input{Comparison: c, Evidence: ev, Dropped: map[string]DroppedCount{"navigation": {Lines: 1, Tokens: 2}}}
}

// TestHTMLEscapesDocumentText: text from documents and manifests reaches the
// page only as text. (The browser test checks the same in a real browser.)
func TestHTMLEscapesDocumentText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, hostileInput(t), Charts{"index": `<svg width="10" height="10"></svg>`}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>Bold"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Bold&lt;/b&gt;", `<svg width="10" height="10"></svg>`, `<a href="#ev-`, `id="ev-`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("the page has a script or an external reference")
	}
}

func TestMarkdownEscapesDocumentText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, hostileInput(t), Charts{"index": "charts/index.png"}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, bad := range []string{"<script>", "<img", "<b>"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"![Framing index per group](charts/index.png)", "## Evidence", "**invasion**"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}

func TestHeadline(t *testing.T) {
	in := hostileInput(t)
	for _, cr := range in.Comparison.Concepts {
		if cr.ID != "war" {
			continue
		}
		got := Headline(cr)
		if !strings.HasPrefix(got, `war: "`) || !strings.Contains(got, "100%") || !strings.Contains(got, "p") {
			t.Errorf("headline %q", got)
		}
	}
}
