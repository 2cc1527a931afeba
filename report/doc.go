// Package report renders results for people: terminal tables, Markdown and
// CSV tables (and, later, charts and the HTML report). It formats numbers it
// is given and never computes a statistic itself.
package report
