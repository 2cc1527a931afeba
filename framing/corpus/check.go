package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// IDs is the set of document ids a run has read, to skip a second
// document with an id already read, the one thing a run keeps per
// document: 16 to 20 bytes per id for the first 16,384, then about 1.3
// bytes per id in memory and 16 in temporary files (see idSet). The zero
// IDs is empty; Close frees its files.
type IDs struct {
	set idSet
	err error
}

// Err is the first temporary file of ids that could not be read back:
// Check could not tell whether a document's id is new, and the run must
// end with this error.
func (ids *IDs) Err() error { return ids.err }

// SpillErr says why the set keeps every id in memory, nil when it does
// not: a temporary file could not be made or written (a missing or
// read-only TMPDIR, a full disk). No answer changes; only memory grows.
func (ids *IDs) SpillErr() error { return ids.set.spillErr }

// Close removes the set's temporary files (if any); the set is empty
// after.
func (ids *IDs) Close() { ids.set.close() }

// Check applies the rules every document must meet, whatever its source:
// its text is valid UTF-8 and not empty, and its id is new (ids is the
// run's, and Check adds the id when the document passes). ok is false with
// the skip when the document breaks one. When the ids cannot be read back
// (ids.Err), ok is false with no reason: the run must end.
func Check(doc Document, ids *IDs) (skip Skip, ok bool) {
	if ids.err != nil {
		return Skip{}, false
	}
	switch {
	// A text the reader found valid is the same string still (compared
	// where it lies first, so at once) unless set anew.
	case doc.Text != doc.validText && !utf8.ValidString(doc.Text):
		return skipOf(doc, InvalidUTF8, fmt.Sprintf("document %q is not valid UTF-8 (convert it, e.g. with iconv)", doc.ID)), false
	case strings.TrimSpace(doc.Text) == "":
		return skipOf(doc, Empty, fmt.Sprintf("document %q has no text", doc.ID)), false
	}
	k := idHash(doc.ID)
	dup, err := ids.set.has(k)
	switch {
	case err != nil:
		ids.err = fmt.Errorf("the duplicate-id check: %w", err)
		return Skip{}, false
	case dup:
		return skipOf(doc, DuplicateID, fmt.Sprintf("document id %q was already read (ids must be unique)", doc.ID)), false
	}
	ids.set.add(k)
	return Skip{}, true
}

// skipOf is the skip of doc for reason: made only for a document skipped,
// not for every one Check passes.
func skipOf(doc Document, reason Reason, msg string) Skip {
	file := doc.Source
	if doc.Line != 0 {
		file = strings.TrimSuffix(doc.Source, fmt.Sprintf(":%d", doc.Line))
	}
	return Skip{File: file, Line: doc.Line, Reason: reason, Msg: msg}
}
