package report

import (
	"encoding/csv"
	"io"
	"regexp"
)

// CSVWriter writes CSV records (RFC 4180, encoding/csv) with every cell
// passed through CSVCell: what every CSV output of framing is written with,
// so that no cell from a corpus runs as a formula when the file is opened
// in a spreadsheet.
type CSVWriter struct{ w *csv.Writer }

// NewCSVWriter returns a CSVWriter writing to w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{csv.NewWriter(w)} }

// Write writes one record, its cells escaped.
func (c *CSVWriter) Write(record []string) error {
	out := make([]string, len(record))
	for i, s := range record {
		out[i] = CSVCell(s)
	}
	return c.w.Write(out)
}

// Flush writes any buffered data and returns the first error of the writes.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// number is a decimal number as the CSV outputs write them ("-0.5", "-1",
// "1.5e-07"): a cell a spreadsheet reads as a number, not a formula.
var number = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// CSVCell escapes a cell that a spreadsheet would run as a formula: text
// starting with =, +, -, @, a tab or a carriage return gets a ' in front,
// as OWASP advises against CSV injection ("CSV Injection", OWASP
// Foundation). A number stays as it is, negative or not.
func CSVCell(s string) string {
	if s == "" || number.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
