package lang

import (
	"strings"
	"testing"
)

func TestBuiltinPacks(t *testing.T) {
	langs := Languages()
	if len(langs) == 0 || langs[0] != "en" {
		t.Fatalf("languages %v, want en among them", langs)
	}
	for _, code := range langs {
		p, ok := Builtin(code)
		if !ok || p.Language != code {
			t.Fatalf("Builtin(%q) = %v, %v", code, p, ok)
		}
		if len(p.Examples) == 0 {
			t.Errorf("%s: no examples (write lines and the reasons the rules must give them)", p.File)
		}
	}
	if _, ok := Builtin("xx"); ok {
		t.Errorf("Builtin(xx) found a pack")
	}
}

// TestParseErrors: every mistake in a pack is refused with the file, and
// the place or field, and what to do.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "language: en\nboilerplate:\n  navigaton: [home]\n", `p.yaml: [3:3] unknown field "navigaton"`},
		{"no language", "name: X\n", "p.yaml: language: missing"},
		{"bad pattern", "language: en\nboilerplate:\n  related_link: '(unclosed'\n", "p.yaml: boilerplate.related_link: error parsing regexp"},
		{"a pattern without its cheap test", "language: en\nboilerplate:\n  byline: {pattern: '^By'}\n", "p.yaml: boilerplate.byline: a pattern needs starts: or contains:"},
		{"cheap tests in upper case", "language: en\nboilerplate:\n  byline: {starts: [By], pattern: '^By'}\n", `p.yaml: boilerplate.byline: "By": the cheap tests read the line in lower case`},
		{"not YAML", "language: [en\n", "p.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"language: en\n", "language: en\nboilerplate: {navigation: [a]}\n", "language: [", "&a [*a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		p, err := Parse("f.yaml", []byte(data))
		if err == nil && p.Language == "" {
			t.Fatalf("a pack without a language parsed: %q", data)
		}
	})
}
