// Package spill keeps sorted runs of fixed-width keys in temporary files,
// so that state which grows with a corpus (the duplicate-id check, a
// tally's fingerprints) holds a fixed number of keys in memory and leaves
// the rest on disk, read back in order or a block at a time.
package spill
