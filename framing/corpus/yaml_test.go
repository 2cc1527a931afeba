package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// aliasBomb is a "billion laughs": anchored lists of ten aliases of the
// list before, each line indented by ind, so that levels levels expand to
// 10^levels values; a !!str tag on the last makes the YAML library expand
// it into one string.
func aliasBomb(ind string, levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%sl0: &l0 [laugh, laugh, laugh, laugh, laugh, laugh, laugh, laugh, laugh, laugh]\n", ind)
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "%sl%d: &l%d [%s]\n", ind, i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	fmt.Fprintf(&b, "%slaughs: !!str *l%d\n", ind, levels-1)
	return b.String()
}

// deepFlow nests n flow lists under key.
func deepFlow(key string, n int) string {
	return key + ": " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
}

// deepBlock nests n block mappings under key, one more space each.
func deepBlock(key string, n int) string {
	var b strings.Builder
	b.WriteString(key + ":\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
	}
	return b.String()
}

// oversize is a valid YAML file (top, then a comment) one byte over 16 MB.
func oversize(top string) string {
	const max = 16 << 20
	return top + "# " + strings.Repeat("x", max-len(top)-2) + "\n"
}

// TestYAMLLimits: no manifest or outlets file, however small, takes
// memory out of proportion to its size: an alias bomb, deep nesting and an
// oversize file are refused, at the line and column where they go over
// the limit, with what to do (issue 14.5). A billion laughs took 8.5 GB,
// nesting took memory quadratic in its depth.
func TestYAMLLimits(t *testing.T) {
	kinds := []struct {
		name, top string
		bomb      func(levels int) string
		load      func(path string) error
		large     string // what to do about a file too large, as a regular expression
	}{
		{"manifest", "documents: []\n", func(levels int) string { return "documents:\n  - id: a\n" + aliasBomb("    ", levels) },
			func(p string) error { _, err := LoadManifest(p); return err }, `write a manifest this large as CSV, which has no such limit`},
		{"outlets", "outlets: []\n", func(levels int) string {
			return strings.Replace(aliasBomb("", levels), "laughs: ", "outlets: [{name: a, group: ", 1) + "}]\n"
		},
			func(p string) error { _, err := LoadOutlets(p); return err }, `is it the right file\?`},
	}
	inputs := []struct {
		name string
		yaml func(top string, bomb func(int) string) string
		want string // a regular expression after "file:"
	}{
		{"alias bomb", func(_ string, bomb func(int) string) string { return bomb(6) }, `^\d+:\d+: aliases expand the YAML to over \d+ values, more than 10 times what it writes out \(write the values out instead of repeating an alias\)$`},
		{"deep flow lists", func(string, func(int) string) string { return deepFlow("deep", 20000) }, `^1:\d+: the YAML nests deeper than 64 levels \(is it the right file\?\)$`},
		{"deep block mappings", func(string, func(int) string) string { return deepBlock("deep", 2000) }, `^\d+:\d+: the YAML nests deeper than 64 levels \(is it the right file\?\)$`},
		{"oversize", func(top string, _ func(int) string) string { return oversize(top) }, `^2:\d+: the file is over 16 MB, the most read from a YAML file \(LARGE\)$`},
	}
	for _, k := range kinds {
		for _, in := range inputs {
			t.Run(k.name+"/"+in.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), k.name+".yaml")
				if err := os.WriteFile(path, []byte(in.yaml(k.top, k.bomb)), 0o644); err != nil {
					t.Fatal(err)
				}
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				err := k.load(path)
				runtime.ReadMemStats(&after)
				if err == nil {
					t.Fatal("loaded")
				}
				msg, ok := strings.CutPrefix(err.Error(), path+":")
				want := strings.Replace(in.want, "LARGE", k.large, 1)
				if !ok || !regexp.MustCompile(want).MatchString(msg) {
					t.Errorf("error %q, want %s:%s", err, path, want)
				}
				// The file itself (up to 16 MB, read once) and its tokens
				// up to the limit; never the expansion.
				if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
					t.Errorf("allocated %d MB", got>>20)
				}
			})
		}
	}
}
