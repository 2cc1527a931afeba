// Package corpus streams news documents from files (text, JSONL, CSV,
// HTML pages, WARC crawls, any of them compressed), directories of them or
// standard input, attaches metadata from a manifest, and skips, counting
// by reason, every input it cannot make a document of; it never holds a
// whole corpus in memory. Files and Stream are sources for framing.Run;
// Check is the rule every document of any source must meet.
package corpus
