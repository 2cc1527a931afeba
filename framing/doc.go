// Package framing analyses news documents for framing: it splits a text into
// tokens that know their voice (the outlet's own or quoted) and whether they
// are site furniture, matches a lexicon over them, and scores each document.
package framing
