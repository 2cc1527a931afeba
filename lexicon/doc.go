// Package lexicon loads, validates and compiles framing lexicons: contested
// concepts named by competing labels, each label a list of terms, plus flat
// word-list categories. Its Matcher is the one phrase matcher of framing:
// it finds a lexicon's terms, a language pack's markers (CompilePhrases)
// and outlets' names (CompileNames) in tokens made by package token, the
// tokeniser that terms and documents both go through, so the two can never
// disagree.
package lexicon
