package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
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
					Terms: []Term{{Text: "special military operation", Lang: "en", Pos: Pos{10, 17}}, {Text: "SMO", CaseSensitive: true, Lang: "en", Pos: Pos{10, 54}}},
					Examples: &Examples{
						Match: []string{"the special military operation"}, MatchPos: []Pos{{12, 19}},
						NoMatch: []string{"a special forces unit"}, NoMatchPos: []Pos{{13, 21}},
					},
				},
				{
					ID: "invasion", Pole: "critical", Pos: Pos{14, 13}, PolePos: Pos{15, 15},
					Terms: []Term{{Text: "invasion", Lang: "en", Pos: Pos{16, 17}}, {Text: "invad*", Lang: "en", Pos: Pos{16, 27}}},
				},
			},
		}},
		Categories: []Category{{ID: "hedge", Pos: Pos{18, 9}, Terms: []Term{{Text: "allegedly", Lang: "en", Pos: Pos{19, 13}}}}},
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
	// Every term of every language is shown to match by an example of its
	// own (issue 16).
	for _, u := range res.Untested {
		t.Error(u)
	}
}

// TestParseLimits: no lexicon, however small, takes memory out of
// proportion to its size: an alias bomb, deep nesting and an oversize
// file are refused, at the line and column where they go over the limit
// (issue 14.5). Nesting 100,000 levels deep took 15 GB.
func TestParseLimits(t *testing.T) {
	const head = "lexicon: x\nversion: 1\n"
	var bomb strings.Builder
	bomb.WriteString(head + "l0: &l0 [laugh, laugh, laugh, laugh, laugh, laugh, laugh, laugh, laugh, laugh]\n")
	for i := 1; i < 8; i++ {
		fmt.Fprintf(&bomb, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	bomb.WriteString("about: !!str *l7\n")
	var block strings.Builder
	block.WriteString(head + "concepts:\n")
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&block, "%sk:\n", strings.Repeat(" ", i))
	}
	tests := []struct {
		name, yaml string
		want       string // a regular expression for the one error
	}{
		{"alias bomb", bomb.String(), `^f\.yaml:\d+:\d+: aliases expand the YAML to over \d+ values, more than 10 times what it writes out \(write the values out instead of repeating an alias\)$`},
		{"deep flow lists", head + "concepts: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", `^f\.yaml:3:\d+: the YAML nests deeper than 64 levels \(is it the right file\?\)$`},
		{"deep block mappings", block.String(), `^f\.yaml:\d+:\d+: the YAML nests deeper than 64 levels \(is it the right file\?\)$`},
		{"oversize", head + "# " + strings.Repeat("x", 16<<20-len(head)-2) + "\n", `^f\.yaml:3:\d+: the file is over 16 MB, the most read from a YAML file \(is it the right file\?\)$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Parse("f.yaml", []byte(tt.yaml))
			runtime.ReadMemStats(&after)
			if err == nil || !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Errorf("error %v, want %s", err, tt.want)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 32<<20 {
				t.Errorf("allocated %d MB", got>>20)
			}
		})
	}
	// Load reads no more of a file than the limit.
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte(tests[3].yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil || !strings.HasPrefix(err.Error(), path+":3:") {
		t.Errorf("Load: error %v, want %s:3:...", err, path)
	}
}
