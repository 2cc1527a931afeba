// Package token splits text into word tokens: Unicode word and sentence
// segmentation (UAX #29), each token normalised for matching (NFKC, case
// folding, apostrophes and dashes unified) and keeping its byte offsets into
// the text as written, its sentence, and its voice once the analysis has
// given it one. Lexicon terms and documents go through the same tokeniser,
// so a term and the text it names always normalise alike.
package token
