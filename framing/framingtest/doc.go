// Package framingtest pins a lexicon's scores on a corpus in `go test`: a
// team that maintains its own lexicon commits a baseline next to it, and a
// test fails with the table of every score that moved when someone edits
// the lexicon, until they accept the change with -update.
package framingtest
