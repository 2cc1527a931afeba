// Package testseeds gives tests and benchmarks the seed articles
// (testdata/seeds) as one text: a realistic sample of news whatever the
// package's place in the tree.
package testseeds
