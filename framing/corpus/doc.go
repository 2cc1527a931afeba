// Package corpus streams news documents from directories of text files,
// JSONL and CSV files or standard input, and attaches metadata from a
// manifest; it never holds a whole corpus in memory.
package corpus
