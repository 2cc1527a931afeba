package lexicon

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestParseBroken walks testdata/broken: each file lists the errors it must
// produce in "# want: line:col: message" comments, in file order. Adding a
// case is adding a file.
func TestParseBroken(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, line := range strings.Split(string(data), "\n") {
				if w, ok := strings.CutPrefix(line, "# want: "); ok {
					want = append(want, path+":"+w)
				}
			}
			slices.Sort(want)
			_, err = Parse(path, data)
			if err == nil {
				t.Fatalf("Parse accepted it; want %q", want)
			}
			got := strings.Split(err.Error(), "\n")
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestParseGood(t *testing.T) {
	l, err := Load("testdata/good/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := &Lexicon{
		Name: "minimal", Version: "0.1.0", Language: "en", File: "testdata/good/minimal.yaml",
		Axis: &Axis{Negative: "critical", Positive: "kremlin"},
		Concepts: []Concept{{
			ID: "war", About: "how the war is named", Pos: Pos{5, 9},
			Labels: []Label{
				{
					ID: "special_operation", Pole: "kremlin", Pos: Pos{8, 13}, PolePos: Pos{9, 15},
					Terms: []Term{{Text: "special military operation", Pos: Pos{10, 17}}, {Text: "SMO", CaseSensitive: true, Pos: Pos{10, 54}}},
					Examples: &Examples{
						Match: []string{"the special military operation"}, MatchPos: []Pos{{12, 19}},
						NoMatch: []string{"a special forces unit"}, NoMatchPos: []Pos{{13, 21}},
					},
				},
				{
					ID: "invasion", Pole: "critical", Pos: Pos{14, 13}, PolePos: Pos{15, 15},
					Terms: []Term{{Text: "invasion", Pos: Pos{16, 17}}, {Text: "invad*", Pos: Pos{16, 27}}},
				},
			},
		}},
		Categories: []Category{{ID: "hedge", Pos: Pos{18, 9}, Terms: []Term{{Text: "allegedly", Pos: Pos{19, 13}}}}},
	}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("Load =\n%+v\nwant\n%+v", l, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/no-such.yaml")
	if err == nil || err.Error() != "testdata/no-such.yaml: cannot read lexicon: no such file or directory" {
		t.Errorf("Load error %v", err)
	}
}

// The built-in lexicon must load, compile and pass its own examples.
func TestBuiltin(t *testing.T) {
	l, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	res := m.TestExamples()
	for _, f := range res.Failures {
		t.Error(f)
	}
	if res.Run == 0 {
		t.Error("the built-in lexicon has no examples")
	}
}
