package report

import (
	"bytes"
	"testing"
)

// TestCSVCell: a text cell a spreadsheet would run as a formula gets a ' in
// front (OWASP, "CSV Injection"); a number stays a number (issue 14, item
// 18).
func TestCSVCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+cmd", "'+cmd"},
		{"-cmd", "'-cmd"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-", "'-"},
		{"+", "'+"},
		{"-Inf", "'-Inf"},
		{"-0x1p3", "'-0x1p3"},
		{"-1+2", "'-1+2"},
		{"-0.5", "-0.5"},
		{"-1", "-1"},
		{"+3", "+3"},
		{"-1.5e-7", "-1.5e-7"},
		{"-.5", "-.5"},
		{"TASS", "TASS"},
		{"", ""},
		{"a=b", "a=b"},
		{"0.25", "0.25"},
	} {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTableCSVEscapes: the tables' CSV goes through CSVCell, header and
// cells.
func TestTableCSVEscapes(t *testing.T) {
	tab := &Table{Header: []string{"group", "=n"}, Rows: [][]string{{"@x", "-2"}, {"-y", "-0.25"}}}
	var b bytes.Buffer
	if err := tab.Write(&b, FormatCSV); err != nil {
		t.Fatal(err)
	}
	if want := "group,'=n\n'@x,-2\n'-y,-0.25\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
