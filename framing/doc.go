// Package framing scores news documents for framing, one at a time or as a
// stream: Run is the one loop over documents that every command of the
// framing tool, and its Beam runner, go through.
//
// A document flows through it in steps, each a package of its own:
//
//	corpus      the documents of a source (files, a stream, memory), and the
//	            rules every one must meet (corpus.Check)
//	analysis    tokens with offsets, quotations, dropped lines, the voice of
//	            every token (the language's words from a lang.Pack)
//	lexicon     the lexicon's terms matched on the tokens (one phrase
//	            matcher, for terms, markers and names alike)
//	reliability how the document sources what it says
//	Score       one document's counts by voice, its framing index and the
//	            evidence behind every count
//	Tally       the mergeable sums of a corpus's scores, by group
//
// Run decides which documents are skipped (and why) and names their
// outlets, so a program that uses it gets the numbers the framing tool
// prints. The comparison of groups is package compare; rendering (JSON,
// tables, charts, the report) is package report.
package framing
