// Package reliability measures how a news document sources what it says,
// from its analysis (tokens with their voices, quotations, dropped lines)
// and the hits of the lexicon's reliability categories: which sentences
// attribute their words, to whom (a named person or organisation, an
// anonymous or an unspecified source), which state media it cites and
// whether it labels them, and what it holds at arm's length. The counts are
// sums, so a group's are its documents' added up; the words the rules read
// (pronouns, titles, days) come from the language pack.
package reliability
