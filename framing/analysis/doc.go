// Package analysis takes a news text apart in steps, each with one job and
// its own tests, composed in one place (Analyzer):
//
//	tokens       sentences and normalised words, with byte offsets (package token)
//	quotations   direct quotation spans, marks included (Quotes)
//	boilerplate  lines of site furniture, by a language pack's words (LineRules)
//	voice        every token's voice: boilerplate, quoted or the outlet's own (Voices)
//
// The text itself is never rewritten: every token, quotation and dropped
// line points into it by byte offsets, so every count links back to the
// words as written.
package analysis
