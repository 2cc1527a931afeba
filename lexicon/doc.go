// Package lexicon loads, validates and compiles framing lexicons: contested
// concepts named by competing labels, each label a list of terms, plus flat
// word-list categories; it also owns the tokeniser and normaliser that both
// terms and documents go through, so the two can never disagree.
package lexicon
