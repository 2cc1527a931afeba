package corpus

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfig: settings by flag name, paths from the file's directory,
// unknown keys refused where they stand.
func TestConfig(t *testing.T) {
	for _, tc := range []struct {
		name, file, yaml string
		want             map[string]string
		err              string
	}{
		{"paths", "proj/framing.yaml", "lexicon: lex/my.yaml\nmanifest: /abs/m.csv\nby: outlet_group\n",
			map[string]string{"lexicon": filepath.Join("proj", "lex", "my.yaml"), "manifest": "/abs/m.csv", "by": "outlet_group"}, ""},
		{"empty", "framing.yaml", "", map[string]string{}, ""},
		{"unknown key", "framing.yaml", "by: x\ncolour: red\n", nil, "framing.yaml:2:1"},
		{"wrong kind", "framing.yaml", "by: [a, b]\n", nil, "framing.yaml:1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseConfig(tc.file, []byte(tc.yaml))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one at %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Flags(); !maps.Equal(got, tc.want) {
				t.Errorf("flags %v, want %v", got, tc.want)
			}
		})
	}
}

// FuzzConfig: no configuration file, however damaged, makes the reader
// panic; one that is read gives flags without empty values.
func FuzzConfig(f *testing.F) {
	f.Add([]byte("lexicon: my.yaml\nby: outlet\n"))
	f.Add([]byte("by: [x]\n"))
	f.Add([]byte("tolerance: index=0.02\nunit: hits\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig("framing.yaml", data)
		if err != nil {
			return
		}
		for k, v := range c.Flags() {
			if v == "" {
				t.Fatalf("flag %s with no value", k)
			}
		}
	})
}
