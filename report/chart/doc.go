// Package chart draws the charts of a comparison with gonum/plot: the
// framing index and what drives it, label shares, rate and distance
// heatmaps, distinctive terms, the correspondence analysis map, the
// timeline and the sourcing indicators. It computes no statistic; every
// number comes from a compare.Comparison.
package chart
