package main

import (
	"strings"
	"testing"
)

// TestNumericFlags gives every numeric flag of every command values outside
// its range: each is a usage error (exit 2) that names the flag and the
// range allowed, before any work is done, and none panics (issue 14, item
// 20: compare --top -1 panicked with "slice bounds out of range").
func TestNumericFlags(t *testing.T) {
	seeds := "../../testdata/seeds"
	lex := "../../lexicon/testdata/good/minimal.yaml"
	// The commands, each with the arguments it needs besides the flag.
	commands := map[string][]string{
		"score":          {"score", "--format", "csv", seeds},
		"compare":        {"compare", "--format", "json", seeds},
		"report":         {"report", seeds, "-o", t.TempDir()},
		"plot":           {"plot", "index", seeds, "-o", t.TempDir() + "/i.svg"},
		"reliability":    {"reliability", "--format", "json", seeds},
		"baseline write": {"baseline", "write", seeds, "-o", t.TempDir() + "/b.json"},
		"check":          {"check", "--baseline", "../../testdata/seeds.baseline.json", seeds},
		"kwic":           {"kwic", "invasion", seeds},
		"lexicon diff":   {"lexicon", "diff", lex, lex, seeds},
	}
	analysis := []string{"compare", "report", "plot", "reliability"}
	corpus := append([]string{"score", "baseline write", "check", "kwic", "lexicon diff"}, analysis...)
	tests := []struct {
		flag     string
		commands []string
		bad      []string
		want     string // in the message
	}{
		{"--top", analysis, []string{"-1", "-1000000"}, "--top must be 0 or more"},
		{"--draws", analysis, []string{"0", "-1", "10000001", "9223372036854775807"}, "--draws must be from 1 to 10000000"},
		{"--bootstrap", append([]string{"baseline write"}, analysis...), []string{"0", "-5", "1000001"}, "--bootstrap must be from 1 to 1000000"},
		{"--conf", append([]string{"baseline write"}, analysis...), []string{"0", "1", "-0.5", "1.5", "NaN", "Inf", "-Inf"}, "--conf must be between 0 and 1"},
		{"--evidence", []string{"report"}, []string{"-1"}, "--evidence must be 0 or more"},
		{"--workers", corpus, []string{"-1", "1025", "9223372036854775807"}, "--workers must be from 0 (one per CPU) to 1024"},
		{"--context", []string{"kwic", "lexicon diff"}, []string{"-1"}, "--context must be 0 or more"},
		{"--tolerance", []string{"check"}, []string{"index=-1", "rate=NaN", "share=Inf", "count=-5%"}, "is not a number of 0 or more"},
		{"--seed", append([]string{"baseline write"}, analysis...), []string{"-1", "x", "1.5"}, "--seed"},
		{"--draws", analysis, []string{"x", "1.5"}, "--draws"},
	}
	for _, tt := range tests {
		for _, name := range tt.commands {
			for _, v := range tt.bad {
				args := append(append([]string{}, commands[name]...), tt.flag+"="+v)
				t.Run(name+" "+tt.flag+"="+v, func(t *testing.T) {
					code, out, errs := runCLI("", args...)
					if code != 2 || !strings.Contains(errs, tt.want) || out != "" {
						t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing on stdout and %q", code, out, errs, tt.want)
					}
					if strings.Contains(errs, "read ") {
						t.Errorf("the corpus was read before the flag was checked: %q", errs)
					}
				})
			}
		}
	}
}
