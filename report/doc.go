// Package report renders results for people: terminal tables, Markdown and
// CSV tables, charts (package chart), the Markdown and HTML report, and the
// JSON contract of a scored document (ScoreOf). It formats numbers it
// is given and never computes a statistic itself.
package report
