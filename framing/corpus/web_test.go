package corpus

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestWeb reads HTML pages, a scraper's JSONL with an html field, and WARC
// files (plain, and gzip member per record): every article becomes a
// document with its title, date, URL and outlet; the image response, the
// photo gallery (twice in the WARC files, once as a page) and the cut
// record are counted skips.
func TestWeb(t *testing.T) {
	docs := map[string]Document{}
	var skips []string
	sum, err := readChecked([]string{"../../testdata/web"}, Options{OnSkip: func(s Skip) { skips = append(skips, string(s.Reason)+" "+s.File) }}, func(d Document) error {
		docs[d.ID] = d
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a := docs["article"]
	if a.Title != "North Korea backs Moscow over mutiny" || a.Date != "2023-06-25" || a.Meta["byline"] != "Jane Reporter" {
		t.Errorf("article: title %q, date %q, byline %q", a.Title, a.Date, a.Meta["byline"])
	}
	for _, gone := range []string{"Subscribe", "Donate", "rights reserved", "Most read"} {
		for id, d := range docs {
			if strings.Contains(d.Text, gone) {
				t.Errorf("%s: %q is page furniture, not article text", id, gone)
			}
		}
	}
	if !strings.Contains(a.Text, "mutiny, state media reported on Sunday.\n\n“The recent armed rebellion") {
		t.Errorf("article: paragraphs or quotation marks lost:\n%s", a.Text)
	}
	// A blog layout: share buttons, related posts inside the article, tags
	// and comments go; its publication line and footer stay for the
	// boilerplate rules of scoring (reasons byline and copyright).
	b := docs["blog"]
	if b.Date != "2023-06-27" || b.URL != "https://easterndesk.test/2023/06/27/why-the-mutiny-failed/" || b.Meta["byline"] != "Alex Writer" {
		t.Errorf("blog: date %q, url %q, byline %q", b.Date, b.URL, b.Meta["byline"])
	}
	for _, gone := range []string{"Share on", "Ten things", "Tags:", "staged coup", "Leave a Reply", "thoughts on"} {
		if strings.Contains(b.Text, gone) {
			t.Errorf("blog: %q is not the article:\n%s", gone, b.Text)
		}
	}
	if !strings.HasPrefix(b.Text, "Why the mutiny failed\n\n") || !strings.Contains(b.Text, `"Nobody came over to his side," one former officer told the desk.`) {
		t.Errorf("blog: headline or quotation lost:\n%s", b.Text)
	}
	// A windows-1252 page: its curly quotation marks and apostrophes are
	// bytes that are not UTF-8 until decoded by its declared charset.
	l := docs["legacy-1252"]
	if l.Meta["encoding"] != "windows-1252" || !strings.Contains(l.Text, "“The special military operation continues,” the Kremlin’s spokesman told reporters – a phrase") {
		t.Errorf("windows-1252 page: encoding %q, text:\n%s", l.Meta["encoding"], l.Text)
	}
	w := docs["urn:uuid:00000000-0000-0000-0000-000000000003"]
	if w.Outlet != "example-times.test" || w.Date != "2023-06-26" || w.URL != "https://www.example-times.test/world/north-korea-backs-moscow" || w.Meta["published"] != "2023-06-25" {
		t.Errorf("WARC response: outlet %q, date %q, url %q, published %q", w.Outlet, w.Date, w.URL, w.Meta["published"])
	}
	if _, ok := docs["urn:uuid:11111111-0000-0000-0000-000000000004"]; !ok {
		t.Error("the .warc.gz's second article is missing")
	}
	if docs["scraped-1"].Outlet != "The Example Times" || docs["scraped-1"].Title == "" {
		t.Errorf("JSONL html field: %+v", docs["scraped-1"])
	}
	want := map[Reason]int{NotHTML: 2, NoMainText: 3, Truncated: 1}
	if !reflect.DeepEqual(sum.Skipped, want) {
		t.Errorf("skipped %v, want %v:\n%s", sum.Skipped, want, strings.Join(skips, "\n"))
	}
	if n := len(docs); sum.Read != n+6 {
		t.Errorf("read %d, want %d documents and 6 skips", sum.Read, n)
	}
	var ids []string
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if len(ids) != 10 {
		t.Errorf("%d documents, want 10: %v", len(ids), ids)
	}
}
