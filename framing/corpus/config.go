package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// ConfigNames are the names a configuration file may have, in the order
// they are looked for in a directory.
var ConfigNames = []string{"framing.yaml", ".framing.yaml"}

// Config is a project's settings, read from framing.yaml (or
// .framing.yaml) at the corpus's or the repository's root, so that a team
// runs every command with the same lexicon, manifest and grouping without
// repeating the flags. A flag given on the command line wins. Paths are
// relative to the file's directory.
type Config struct {
	Lexicon   string `yaml:"lexicon"`   // --lexicon
	Manifest  string `yaml:"manifest"`  // --manifest
	Outlets   string `yaml:"outlets"`   // --outlets
	By        string `yaml:"by"`        // --by
	Voice     string `yaml:"voice"`     // --voice
	Unit      string `yaml:"unit"`      // --unit
	Baseline  string `yaml:"baseline"`  // --baseline of check
	Tolerance string `yaml:"tolerance"` // --tolerance of check
	// File is where the configuration was read.
	File string `yaml:"-"`
}

// Flags are the configuration's settings by flag name, paths made
// relative to the current directory's view of the file's directory; empty
// settings are left out.
func (c *Config) Flags() map[string]string {
	dir := filepath.Dir(c.File)
	path := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	out := map[string]string{}
	for name, v := range map[string]string{
		"lexicon": path(c.Lexicon), "manifest": path(c.Manifest), "outlets": path(c.Outlets), "baseline": path(c.Baseline),
		"by": c.By, "voice": c.Voice, "unit": c.Unit, "tolerance": c.Tolerance,
	} {
		if v != "" {
			out[name] = v
		}
	}
	return out
}

// FindConfig returns the first configuration file in dirs (nil when there
// is none), read and checked: a key it does not know, or a value of the
// wrong kind, is an error at file:line:col.
func FindConfig(dirs ...string) (*Config, error) {
	for _, dir := range dirs {
		for _, name := range ConfigNames {
			file := filepath.Join(dir, name)
			if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return LoadConfig(file)
		}
	}
	return nil, nil
}

// LoadConfig reads the configuration file at file.
func LoadConfig(file string) (*Config, error) {
	data, err := readYAML(file, "")
	if err != nil {
		return nil, err
	}
	return ParseConfig(file, data)
}

// ParseConfig reads a configuration file's contents; file names it in
// errors and is where its relative paths start.
func ParseConfig(file string, data []byte) (*Config, error) {
	body, err := parseYAML(file, data, "")
	if err != nil {
		return nil, err
	}
	c := &Config{File: file}
	if err := decodeNode(file, body, c); err != nil {
		return nil, err
	}
	return c, nil
}
