// Package chart draws the charts of a comparison with gonum/plot: the
// framing index, label shares, rate and distance heatmaps, distinctive
// terms, the correspondence analysis map and the timeline. It computes no
// statistic; every number comes from a compare.Comparison.
package chart
