package corpus

import (
	"net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// NoMainText is the skip reason of an HTML page whose main text the
// extractor cannot find (an index page, a video page, an error page).
const NoMainText Reason = "no-main-text"

// fromHTML extracts an article from an HTML page with go-trafilatura: the
// main text without navigation, ads and donation boxes, as paragraphs (a
// blank line between blocks, so a headline never runs into its first
// sentence and quotation marks stay where they were), and the title, date,
// URL and byline it finds. pageURL, when known (a WARC record's), helps it
// resolve the page. ok is false when there is no main text.
func fromHTML(page string, pageURL string) (doc Document, ok bool) {
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(strings.NewReader(page), opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return doc, false
	}
	text := strings.TrimSpace(blockText(res.ContentNode))
	if len(strings.Fields(text)) < minArticleWords {
		return doc, false // a gallery's caption or a menu is not an article
	}
	doc = Document{Text: text, Title: res.Metadata.Title, URL: res.Metadata.URL, Meta: map[string]string{}}
	if pageURL != "" {
		doc.URL = pageURL
	}
	if !res.Metadata.Date.IsZero() {
		doc.Date = res.Metadata.Date.Format("2006-01-02")
	}
	if res.Metadata.Author != "" {
		doc.Meta["byline"] = res.Metadata.Author
	}
	if res.Metadata.Sitename != "" {
		doc.Meta["sitename"] = res.Metadata.Sitename
	}
	return doc, true
}

// minArticleWords is the fewest words an extracted page needs to count as
// an article: less is a gallery caption, a menu, an error message.
const minArticleWords = 20

// blockElements end a paragraph of the extracted text.
var blockElements = map[string]bool{"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "section": true, "article": true, "table": true, "tr": true, "ul": true, "ol": true, "head": true, "main": true}

// blockText is the text of an HTML tree with a blank line between blocks
// and a line break for <br>.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.Data == "br" {
				b.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	// Collapse the runs of blank lines the nesting makes, and the spaces
	// HTML source carries around its lines.
	var out []string
	for _, para := range strings.Split(b.String(), "\n\n") {
		lines := strings.Split(para, "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
		if p := strings.TrimSpace(strings.Join(lines, "\n")); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// htmlSkip is the skip of a page without main text.
func htmlSkip(file string, line int) Skip {
	return Skip{File: file, Line: line, Reason: NoMainText, Msg: "the page has no article text the extractor can find (an index, a video or an error page?)"}
}
