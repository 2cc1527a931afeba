package corpus

import (
	"errors"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// NoMainText is the skip reason of an HTML page whose main text the
// extractor cannot find (an index page, a video page, an error page).
const NoMainText Reason = "no-main-text"

// fromHTML extracts an article from an HTML page with go-readability (a
// port of Firefox's Reader View): the main text without navigation, ads
// and donation boxes, as paragraphs (a blank line between blocks, so a
// headline never runs into its first sentence and quotation marks stay
// where they were), headed by the headline; and the title, date, URL and
// byline of the page's metadata. pageURL, when known (a WARC record's),
// helps it resolve the page. The error, when there is no main text, says
// why, for the skip.
func fromHTML(page string, pageURL string) (doc Document, err error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		// With a string to read, the parser's one error is its depth limit.
		if strings.Contains(err.Error(), "open stack of elements") {
			return doc, errors.New("the page nests its elements more than 512 deep, deeper than the HTML parser allows: no article text can be read from it")
		}
		return doc, errors.New("the page does not parse: " + err.Error())
	}
	meta := pageMeta(root) // before readability rewrites the tree
	var u *url.URL         // where relative links resolve from, when known
	for _, s := range []string{pageURL, meta.url} {
		if p, err := url.Parse(s); err == nil && p.Host != "" {
			u = p
			break
		}
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(root, u)
	if err != nil || art.Node == nil {
		return doc, errNoArticle
	}
	paras := strings.Split(strings.TrimSpace(blockText(art.Node)), "\n\n")
	paras = dropByline(paras, art.Byline())
	title := strings.Join(strings.Fields(art.Title()), " ")
	if title != "" && (len(paras) == 0 || !strings.HasPrefix(paras[0], title)) {
		// Readability leaves the headline out of the text; its words are
		// the outlet's own and among its most loaded.
		paras = append([]string{title}, paras...)
	}
	text := strings.Join(paras, "\n\n")
	if len(strings.Fields(text))-len(strings.Fields(title)) < minArticleWords {
		return doc, errNoArticle // a gallery's caption or a menu is not an article
	}
	doc = Document{Text: text, Title: title, URL: pageURL, Meta: map[string]string{}}
	if doc.URL == "" {
		doc.URL = meta.url
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		doc.Date = t.Format("2006-01-02")
	} else {
		doc.Date = meta.date
	}
	if b := art.Byline(); b != "" {
		doc.Meta["byline"] = b
	}
	if s := art.SiteName(); s != "" {
		doc.Meta["sitename"] = s
	}
	return doc, nil
}

// dropByline removes a paragraph among the first three that is only the
// byline ("By Jane Reporter"): metadata, not the outlet's words.
func dropByline(paras []string, byline string) []string {
	byline = strings.ToLower(strings.Join(strings.Fields(byline), " "))
	if byline == "" {
		return paras
	}
	for i := 0; i < len(paras) && i < 3; i++ {
		p := strings.ToLower(paras[i])
		if p == byline || p == "by "+byline {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

// pageMetadata is what a page's head says that Readability does not
// return: its canonical URL, and a publication date in a meta tag it does
// not read (<meta name="date">) or in a <time datetime> element.
type pageMetadata struct{ url, date string }

// dateMetaNames are the meta tags that carry a page's publication date, as
// news sites write them.
var dateMetaNames = map[string]bool{"date": true, "dc.date": true, "dc.date.issued": true, "dcterms.date": true,
	"pubdate": true, "publishdate": true, "publish-date": true, "article:published_time": true,
	"og:published_time": true, "datepublished": true, "sailthru.date": true, "parsely-pub-date": true}

func pageMeta(root *html.Node) pageMetadata {
	var m pageMetadata
	var timeDate string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := func(k string) string {
				for _, a := range n.Attr {
					if strings.EqualFold(a.Key, k) {
						return strings.TrimSpace(a.Val)
					}
				}
				return ""
			}
			switch n.Data {
			case "link":
				if strings.EqualFold(attr("rel"), "canonical") && m.url == "" {
					m.url = attr("href")
				}
			case "meta":
				key := strings.ToLower(attr("property") + attr("name") + attr("itemprop"))
				switch {
				case key == "og:url" && m.url == "":
					m.url = attr("content")
				case dateMetaNames[key] && m.date == "":
					m.date = isoDate(attr("content"))
				}
			case "time":
				if timeDate == "" {
					timeDate = isoDate(attr("datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if u, err := url.Parse(m.url); err != nil || !u.IsAbs() {
		m.url = "" // a relative canonical link names no page by itself
	}
	if m.date == "" {
		m.date = timeDate
	}
	return m
}

// isoDate is the YYYY-MM-DD a date attribute starts with, or "".
func isoDate(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// pageText decodes an HTML page's bytes to UTF-8 by the encoding its HTTP
// Content-Type (contentType, "" when unknown), byte-order mark or <meta>
// charset declares, as a browser does: older news sites still serve
// windows-1252 or windows-1251, and their curly quotation marks are bytes
// that are not UTF-8. A page that declares nothing and is valid UTF-8 is
// read as UTF-8 (the HTML standard's fallback would be windows-1252). name
// is the encoding used.
func pageText(data []byte, contentType string) (text, name string) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(data)) {
		return string(data), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return string(data), "utf-8" // left for the UTF-8 check to report
	}
	return string(out), name
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

// errNoArticle is why most pages without main text have none.
var errNoArticle = errors.New("the page has no article text the extractor can find (an index, a video or an error page?)")

// htmlSkip is the skip of a page without main text, and why.
func htmlSkip(file string, line int, why error) Skip {
	return Skip{File: file, Line: line, Reason: NoMainText, Msg: why.Error()}
}
