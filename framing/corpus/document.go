package corpus

// Document is one article as read from the corpus, before analysis.
type Document struct {
	// ID is the `id` field of JSONL/CSV input, else the file's path relative
	// to the directory it was found in, without extension ("001_83aa...").
	ID string
	// Source says where the document came from: a path, and for JSONL and
	// CSV the 1-based line ("corpus.jsonl:17").
	Source string
	// Line is that line (0 for a document that is a whole file).
	Line int
	// Outlet, Date, URL and Title are the well-known metadata fields; empty
	// when unknown. Date is as written (ISO 8601 expected).
	Outlet, Date, URL, Title string
	// Lang is the document's language as its source gives it (a `lang`
	// field or manifest column: "en", "ru", "uk"); "" when it does not, and
	// the pipeline detects it.
	Lang string
	// Meta holds every other field of the input row and of the manifest,
	// by field name.
	Meta map[string]string
	// Text is the article as written, byte for byte.
	Text string
	// validText is Text as the reader that made the document found it
	// valid UTF-8 (a JSONL line is checked whole before it is decoded), so
	// that Check need not read it again: a tenth of reading a Russian
	// corpus. A Text set anew is not it, and is checked.
	validText string
}

// Set sets the field named k to v: a well-known field (outlet, date, url,
// title, lang) to its place, any other to Meta. It is how every reader and the
// manifest name a document's fields, so that a field means the same from
// every source.
func (d *Document) Set(k, v string) {
	switch k {
	case "outlet":
		d.Outlet = v
	case "date":
		d.Date = v
	case "url":
		d.URL = v
	case "title":
		d.Title = v
	case "lang":
		d.Lang = v
	default:
		if d.Meta == nil {
			d.Meta = map[string]string{}
		}
		d.Meta[k] = v
	}
}
