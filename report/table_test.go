package report

import (
	"bytes"
	"github.com/fatih/color"
	"strings"
	"testing"
)

func TestTableFormats(t *testing.T) {
	tab := &Table{
		Header: []string{"id", "text", "n"},
		Rows:   [][]string{{"a", "x | y", "1"}, {"b", "line\nbreak, \"q\"", "22"}},
		Right:  []bool{false, false, true},
	}
	tests := []struct {
		format Format
		want   string
	}{
		{FormatMarkdown, "| id | text | n |\n|---|---|---:|\n| a | x \\| y | 1 |\n| b | line break, \"q\" | 22 |\n"},
		{FormatCSV, "id,text,n\na,x | y,1\nb,\"line\nbreak, \"\"q\"\"\",22\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := tab.Write(&b, tt.format); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%q\nwant\n%q", tt.format, b.String(), tt.want)
		}
	}
}

func TestTableBox(t *testing.T) {
	tab := &Table{Header: []string{"id", "n"}, Rows: [][]string{{"a", "1"}, {"bb", "22"}}, Right: []bool{false, true}}
	var b bytes.Buffer
	if err := tab.Write(&b, FormatTable); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	// Border, header, rule, two rows, border; the header keeps its case and
	// numbers are right-aligned.
	if len(lines) != 6 || !strings.Contains(lines[1], "id") || !strings.Contains(lines[3], "│  1 │") {
		t.Errorf("box table:\n%s", b.String())
	}
}

func TestTableUnknownFormat(t *testing.T) {
	if err := (&Table{}).Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestTableColour: the colour format colours the header when colour is on,
// and the plain format never writes an escape sequence.
func TestTableColour(t *testing.T) {
	saved := color.NoColor
	defer func() { color.NoColor = saved }()
	color.NoColor = false // as on a terminal
	tab := &Table{Header: []string{"group", "n"}, Rows: [][]string{{"TASS", "3"}}}
	for _, tt := range []struct {
		f    Format
		want bool
	}{{FormatTableColour, true}, {FormatTable, false}} {
		var b strings.Builder
		if err := tab.Write(&b, tt.f); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), "\x1b["); got != tt.want {
			t.Errorf("%s: escape sequences %v, want %v:\n%s", tt.f, got, tt.want, b.String())
		}
		if !strings.Contains(b.String(), "TASS") {
			t.Errorf("%s: the cell is missing", tt.f)
		}
	}
}
