package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// IDs is the set of document ids a run has read, to skip a second
// document with an id already read: 16 to 20 bytes per id (see idSet), the
// one thing a run keeps per document. The zero IDs is empty.
type IDs struct{ set idSet }

// Check applies the rules every document must meet, whatever its source:
// its text is valid UTF-8 and not empty, and its id is new (ids is the
// run's, and Check adds the id when the document passes). ok is false with
// the skip when the document breaks one.
func Check(doc Document, ids *IDs) (skip Skip, ok bool) {
	file := strings.TrimSuffix(doc.Source, fmt.Sprintf(":%d", doc.Line))
	if doc.Line == 0 {
		file = doc.Source
	}
	s := Skip{File: file, Line: doc.Line}
	k := idHash(doc.ID)
	switch {
	// A text the reader found valid is the same string still (compared
	// where it lies first, so at once) unless set anew.
	case doc.Text != doc.validText && !utf8.ValidString(doc.Text):
		s.Reason, s.Msg = InvalidUTF8, fmt.Sprintf("document %q is not valid UTF-8 (convert it, e.g. with iconv)", doc.ID)
	case strings.TrimSpace(doc.Text) == "":
		s.Reason, s.Msg = Empty, fmt.Sprintf("document %q has no text", doc.ID)
	case ids.set.has(k):
		s.Reason, s.Msg = DuplicateID, fmt.Sprintf("document id %q was already read (ids must be unique)", doc.ID)
	default:
		ids.set.add(k)
		return Skip{}, true
	}
	return s, false
}
