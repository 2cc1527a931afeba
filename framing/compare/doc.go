// Package compare compares the groups of a tally (outlets, or any field):
// each concept's labels by group with its tests, the framing index with
// its interval, rates, distances, distinctive labels and terms, a
// correspondence map, a weekly timeline, and the reliability indicators
// with their tests. It computes from the tally's sums alone, so a
// comparison of merged shards is the comparison of the whole corpus, and
// every number it reports says how it was made (Options, and the method
// of each test and interval).
package compare
