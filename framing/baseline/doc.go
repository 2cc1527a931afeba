// Package baseline pins the scores of a corpus under a lexicon, so that a
// change to the lexicon, the corpus or the tool that moves a score is seen:
// Compute makes a baseline, Write and Read store it as diff-friendly JSON
// with a checksum, and Diff compares two within tolerances and says why they
// differ when it can tell.
package baseline
