package report

import (
	"reflect"

	"bytes"
	"strings"
	"testing"

	"github.com/fatih/color"
	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/lexicon"
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

// TestLongTable: the tidy table has a row for every group, label and
// voice, and its counts are the comparison's.
func TestLongTable(t *testing.T) {
	c := &compare.Comparison{
		Groups: []compare.GroupInfo{{Name: "A", Tokens: framing.TokenCounts{Own: 200, Quoted: 0, Reported: 40}}},
		Concepts: []compare.ConceptResult{{ID: "war", Labels: []lexicon.LabelKey{{Concept: "war", Label: "invasion"}, {Concept: "war", Label: "smo"}}, Groups: []string{"A"},
			Counts: [][]int{{3, 1}}, ByVoice: [][]framing.VoiceCount{{{Own: 3}, {Own: 1, Quoted: 2, Reported: 1}}},
			Shares: [][]compare.Share{{{P: 0.75, Lo: 0.3, Hi: 0.95}, {P: 0.25, Lo: 0.05, Hi: 0.7}}}}},
	}
	tab := LongTable(c)
	want := [][]string{
		{"A", "war", "invasion", "own", "3", "200", "15", "0.75", "0.3", "0.95"},
		{"A", "war", "invasion", "quoted", "0", "0", "", "", "", ""},
		{"A", "war", "invasion", "reported", "0", "40", "0", "", "", ""},
		{"A", "war", "invasion", "distanced", "0", "0", "", "", "", ""},
		{"A", "war", "smo", "own", "1", "200", "5", "0.25", "0.05", "0.7"},
		{"A", "war", "smo", "quoted", "2", "0", "", "", "", ""},
		{"A", "war", "smo", "reported", "1", "40", "25", "", "", ""},
		{"A", "war", "smo", "distanced", "0", "0", "", "", "", ""},
	}
	if !reflect.DeepEqual(tab.Rows, want) {
		t.Errorf("rows\n%v\nwant\n%v", tab.Rows, want)
	}
}
