package yamllimit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/lexer"
)

// maxDepth is the deepest nesting depth finds in src.
func maxDepth(src string) int {
	var d depth
	deepest := 0
	for _, tk := range lexer.Tokenize(src) {
		deepest = max(deepest, d.add(tk))
	}
	return deepest
}

// TestDepth: the nesting counted from the tokens is the nesting written,
// within a level, for the shapes framing's files take and for the ways
// YAML has of writing them. The expected depths are counted by hand.
func TestDepth(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       int
	}{
		{"scalar", "x", 0},
		{"mapping", "a: 1\nb: 2\n", 1},
		{"flow list", "[a, [b, [c]]]", 3},
		{"flow in block", "a:\n  b: [1, {c: 2}]\n", 4},
		{"manifest", "documents:\n  - id: a\n    outlet: A\n  - id: b\n", 3},
		{"list in the column of its key", "documents:\n- id: a\n  outlet: A\n- id: b\nnext: 1\n", 3},
		{"lists on one line", "- - - x\n", 3},
		{"back out", "a:\n  b:\n    c: 1\nd: 2\n", 3},
		{"lexicon", "concepts:\n  - id: war\n    labels:\n      - id: x\n        terms: [a, {term: b}]\n", 7},
		{"explicit key", "? a\n: b\n", 2}, // a level over: the ":" is taken for a key's
		{"documents", "a:\n  b: 1\n---\nc: 1\n", 2},
		{"block scalar", "a: |\n      deep\n        text\nb: 1\n", 1},
	}
	for _, tt := range tests {
		if got := maxDepth(tt.yaml); got != tt.want {
			t.Errorf("%s: depth %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestLimits: each limit refuses a file over it at the place it goes over,
// and lets one at it through.
func TestLimits(t *testing.T) {
	lim := Limits{MaxBytes: 128, MaxTokens: 80, MaxDepth: 3, ExpandFactor: 10, MinExpand: 30}
	tests := []struct {
		name, yaml string
		want       string // the error, "" for none
	}{
		{"at every limit", "a: [b, [c]]\n", ""},
		{"size", "a: 1\n" + strings.Repeat("b", 124) + "\n", "2:124: the file is over 128 bytes, the most read from a YAML file (is it the right file?)"},
		{"size in runes", "a: 1\n" + strings.Repeat("é", 61) + "zz\n", "2:63: the file is over 128 bytes, the most read from a YAML file (is it the right file?)"},
		{"tokens", "[" + strings.Repeat("a,", 50) + "]", "1:81: the YAML has over 80 tokens (keys, values and marks), the most read from a YAML file (is it the right file?)"},
		{"flow depth", "a: [[[b]]]", "1:6: the YAML nests deeper than 3 levels (is it the right file?)"},
		{"block depth", "a:\n b:\n  c:\n   d: 1\n", "4:5: the YAML nests deeper than 3 levels (is it the right file?)"},
		{"aliases within the floor", "a: &a [x, x, x]\nb: [*a, *a, *a, *a]\n", ""},
		// Written: 26 values (1 + 7 + 7 + 7 + 4); expanded, d's first alias brings
		// the total to 1 + 7 + 32 + 157 + 2 + 156 = 355.
		{"alias bomb", "a: &a [x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b]\nd: [*c, *c]\n", "4:5: aliases expand the YAML to over 260 values, more than 10 times what it writes out (write the values out instead of repeating an alias)"},
		{"merge keys", "d: &d {x: 1, y: 2}\ne: [{<<: *d}, {<<: *d}]\n", ""},
		{"not YAML", "a: [", "parser"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lim.Parse([]byte(tt.yaml))
			var le *Error
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.want == "parser":
				if err == nil || errors.As(err, &le) {
					t.Errorf("error %v, want the parser's", err)
				}
			case tt.want != "" && (err == nil || !errors.As(err, &le) || le.Error() != tt.want):
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

// TestReadFile reads no more than the limit of a file, and says where it
// goes over.
func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(path, []byte("a: 1\nb: "+strings.Repeat("x", 1<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	lim := Defaults()
	lim.MaxBytes = 100
	_, err := lim.ReadFile(path)
	if want := "2:96: the file is over 100 bytes, the most read from a YAML file (is it the right file?)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if _, err := lim.ReadFile(path + ".missing"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v", err)
	}
	lim.MaxBytes = 2 << 20
	if data, err := lim.ReadFile(path); err != nil || len(data) != 1<<20+8 {
		t.Errorf("read %d bytes, error %v", len(data), err)
	}
}

// TestFramingFiles: the YAML files framing ships pass the default limits
// with room to spare.
func TestFramingFiles(t *testing.T) {
	for _, p := range []string{"../../lexicon/builtin/ru-ua-war.yaml", "../../framing/corpus/builtin/outlets.yaml", "../../testdata/seeds/manifest.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(data); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if d := maxDepth(string(data)); d > Defaults().MaxDepth/4 {
			t.Errorf("%s: depth %d", p, d)
		}
	}
}

func ExampleParse() {
	_, err := Parse([]byte("a: " + strings.Repeat("[", 100) + strings.Repeat("]", 100)))
	fmt.Println(err)
	// Output: 1:67: the YAML nests deeper than 64 levels (is it the right file?)
}

// FuzzParse: no input makes Parse panic, and a limit it refuses is placed
// in the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"a: [b, {c: d}]", "a: &a [x]\nb: [*a, *a]\n", "- - - x\n", "? a\n: b\n", "a:\n  b: |\n    c\n"} {
		f.Add([]byte(s))
	}
	lim := Limits{MaxBytes: 1 << 10, MaxTokens: 200, MaxDepth: 8, ExpandFactor: 10, MinExpand: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := lim.Parse(data)
		var le *Error
		if errors.As(err, &le) && (le.Line < 1 || le.Col < 1 || le.Msg == "") {
			t.Fatalf("error without a place: %+v", le)
		}
	})
}
