package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// builtinPlus writes a copy of the built-in lexicon with old replaced by
// new, and returns its path.
func builtinPlus(t *testing.T, old, new string) string {
	t.Helper()
	src, err := os.ReadFile("../../lexicon/builtin/ru-ua-war.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), old, new, 1)
	if edited == string(src) && old != new {
		t.Fatalf("the built-in lexicon has no %q to edit", old)
	}
	path := filepath.Join(t.TempDir(), "lexicon.yaml")
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckAcceptance: a term added to a copy of the built-in lexicon that
// hits on the seeds makes check exit 1 and name the term, the outlet and the
// cells that moved; the copy without it passes again; --update accepts.
func TestCheckAcceptance(t *testing.T) {
	b := filepath.Join(t.TempDir(), "b.json")
	if code, _, errs := runCLI("", "baseline", "write", "-q", seeds, "-o", b); code != 0 {
		t.Fatalf("baseline write: exit %d: %s", code, errs)
	}
	plus := builtinPlus(t, `en: ["mercenar*"]`, `en: ["mercenar*", "fighters"]`)
	code, out, _ := runCLI("", "check", "-q", "--lexicon", plus, "--baseline", b, seeds)
	if code != 1 {
		t.Fatalf("check with a new term: exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{`wagner.mercenaries: term added: "fighters"`, "Voice of Nigeria", "labels.wagner.mercenaries.own", "drift: 11 of"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output does not say %q:\n%s", want, out)
		}
	}
	same := builtinPlus(t, `en: ["mercenar*"]`, `en: ["mercenar*"]`)
	if code, out, _ := runCLI("", "check", "-q", "--lexicon", same, "--baseline", b, seeds); code != 0 || !strings.HasPrefix(out, "ok: ") {
		t.Errorf("check without the term: exit %d:\n%s", code, out)
	}
	if code, out, _ := runCLI("", "check", "-q", "--lexicon", plus, "--baseline", b, "--update", seeds); code != 0 || !strings.Contains(out, "updated "+b) {
		t.Errorf("check --update: exit %d:\n%s", code, out)
	}
	if code, out, _ := runCLI("", "check", "-q", "--lexicon", plus, "--baseline", b, seeds); code != 0 {
		t.Errorf("check after --update: exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI("", "check", "-q", "--baseline", b, "--format", "json", "--tolerance", "count=1,rate=6,share=0.1,index=0.1", seeds)
	if code != 0 || !strings.Contains(out, `"ok": true`) {
		t.Errorf("check within wide tolerances: exit %d:\n%s", code, out)
	}
}

const seeds = "../../testdata/seeds"

// TestCheckBadBaseline: a baseline that cannot be used is exit 2 with what
// is wrong and how to write a new one, never a panic.
func TestCheckBadBaseline(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../testdata/seeds.baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"truncated.json": string(good[:len(good)/3]),
		"edited.json":    strings.Replace(string(good), `"scored": 5`, `"scored": 6`, 1),
		"version.json":   strings.Replace(string(good), `"format": 3`, `"format": 4`, 1),
		"tally.json":     `{"format": 2, "groups": {}}`,
		"garbage.json":   "not json at all",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		file, want string
	}{
		{"truncated.json", "cut short"},
		{"edited.json", "edited by hand or damaged"},
		{"version.json", "baseline format 4, but this framing"},
		{"tally.json", "not a framing baseline"},
		{"garbage.json", "garbage.json:1:2: not valid JSON"},
		{"missing.json", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, _, errs := runCLI("", "check", "-q", "--baseline", filepath.Join(dir, tt.file), seeds)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errs, tt.want) || !strings.Contains(errs, "framing baseline write") {
				t.Errorf("stderr %q, want %q and how to regenerate", errs, tt.want)
			}
		})
	}
	for _, args := range [][]string{
		{"check", seeds},
		{"check", "--baseline", "../../testdata/seeds.baseline.json"},
		{"check", "--baseline", "../../testdata/seeds.baseline.json", "--tolerance", "speed=1", seeds},
	} {
		if code, _, _ := runCLI("", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
