package lang

import (
	"embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

// Pack is what the analysis rules read for one language. Its YAML form
// mirrors these types field for field (see packs/en.yaml).
type Pack struct {
	// Language is the ISO 639-1 code: "en", "ru", "uk".
	Language    string      `yaml:"language"`
	Name        string      `yaml:"name"`
	Boilerplate Boilerplate `yaml:"boilerplate"`
	Sourcing    Sourcing    `yaml:"sourcing"`
	// Examples are lines and the boilerplate reason each must get ("" for
	// article text); the tests run them for every pack.
	Examples []Example `yaml:"examples"`

	// File is where the pack was read from, for messages.
	File string `yaml:"-"`
}

// Boilerplate holds the words and patterns of the rules that drop site
// furniture, line by line.
type Boilerplate struct {
	// Navigation lines are whole-line widget labels ("All news").
	Navigation []string `yaml:"navigation"`
	// RelatedLink matches the start of a line that points to another
	// article ("Also Read: …").
	RelatedLink Pattern `yaml:"related_link"`
	// Appeal phrases: one strong one, or two weak ones, make a line a
	// donation or subscription appeal.
	Appeal struct {
		Strong []string `yaml:"strong"`
		Weak   []string `yaml:"weak"`
	} `yaml:"appeal"`
	// Caption: a line holding one of Cues (lower case) may be a photo
	// caption; Credit is a credit marker.
	Caption struct {
		Cues   []string `yaml:"cues"`
		Credit Pattern  `yaml:"credit"`
	} `yaml:"caption"`
	Byline    LineRule `yaml:"byline"`
	Dateline  LineRule `yaml:"dateline"`
	Copyright LineRule `yaml:"copyright"`
}

// LineRule is a pattern for a whole line with the cheap tests that rule a
// line out before the pattern runs: the lower-cased line starts with one of
// Starts or contains one of Contains.
type LineRule struct {
	Starts   []string `yaml:"starts"`
	Contains []string `yaml:"contains"`
	Pattern  Pattern  `yaml:"pattern"`
}

// MayMatch is the rule's cheap test on a lower-cased line.
func (r LineRule) MayMatch(lower string) bool {
	for _, s := range r.Starts {
		if strings.HasPrefix(lower, s) {
			return true
		}
	}
	for _, s := range r.Contains {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// Sourcing holds the words the attribution rules read to find who a
// sentence attributes its words to.
type Sourcing struct {
	According       []string `yaml:"according"`
	PersonHeads     []string `yaml:"person_heads"`
	OutletHeads     []string `yaml:"outlet_heads"`
	OrgHeads        []string `yaml:"org_heads"`
	PersonPronouns  []string `yaml:"person_pronouns"`
	Pronouns        []string `yaml:"pronouns"`
	Determiners     []string `yaml:"determiners"`
	Conjunctions    []string `yaml:"conjunctions"`
	VerbSkips       []string `yaml:"verb_skips"`
	TimeWords       []string `yaml:"time_words"`
	TimePreps       []string `yaml:"time_preps"`
	Months          []string `yaml:"months"`
	ClauseFollowers []string `yaml:"clause_followers"`
	GenericSources  []string `yaml:"generic_sources"`
	CommonStarts    []string `yaml:"common_starts"`
	NameJoiners     []string `yaml:"name_joiners"`
	DemonymEndings  []string `yaml:"demonym_endings"`
	Possessives     []string `yaml:"possessives"`
}

// Example is a line and the boilerplate reason it must get.
type Example struct {
	Line   string `yaml:"line"`
	Reason string `yaml:"reason"`
}

// Pattern is a regular expression of a pack, compiled when the pack loads.
type Pattern struct {
	Source string
	re     *regexp.Regexp
}

// UnmarshalYAML reads the pattern's source; Parse compiles it.
func (p *Pattern) UnmarshalYAML(b []byte) error {
	return yaml.Unmarshal(b, &p.Source)
}

// MatchString reports whether s matches; a pattern left empty matches
// nothing.
func (p *Pattern) MatchString(s string) bool {
	return p.re != nil && p.re.MatchString(s)
}

//go:embed packs/*.yaml
var packFiles embed.FS

// builtins parses the embedded packs once; they are tested, so an error is
// a bug in the build.
var builtins = sync.OnceValues(func() (map[string]*Pack, error) {
	entries, err := packFiles.ReadDir("packs")
	if err != nil {
		return nil, err
	}
	out := map[string]*Pack{}
	for _, e := range entries {
		data, err := packFiles.ReadFile("packs/" + e.Name())
		if err != nil {
			return nil, err
		}
		p, err := Parse("lang/packs/"+e.Name(), data)
		if err != nil {
			return nil, err
		}
		out[p.Language] = p
	}
	return out, nil
})

// Builtin returns the built-in pack of a language ("en"), and false when
// there is none.
func Builtin(language string) (*Pack, bool) {
	packs, err := builtins()
	if err != nil {
		panic(err) // the embedded packs are tested
	}
	p, ok := packs[language]
	return p, ok
}

// Languages lists the languages with a built-in pack, sorted.
func Languages() []string {
	packs, err := builtins()
	if err != nil {
		panic(err)
	}
	var out []string
	for l := range packs {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// English is the built-in English pack.
func English() *Pack {
	p, _ := Builtin("en")
	return p
}

// Parse decodes a pack strictly (an unknown key is an error), compiles its
// patterns and checks it; file names it in errors.
func Parse(file string, data []byte) (p *Pack, err error) {
	defer func() {
		if r := recover(); r != nil { // the YAML library has panicked on bad input
			p, err = nil, fmt.Errorf("%s: cannot decode YAML: %v", file, r)
		}
	}()
	p = &Pack{File: file}
	if err := yaml.UnmarshalWithOptions(data, p, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", file, yaml.FormatError(err, false, false))
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	return p, nil
}

// check compiles the patterns and finds what a pack must have.
func (p *Pack) check() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", p.File, field, fmt.Sprintf(format, args...)))
	}
	if p.Language == "" {
		bad("language", "missing (give the ISO 639-1 code, such as en)")
	}
	b := &p.Boilerplate
	for field, pat := range map[string]*Pattern{
		"boilerplate.related_link": &b.RelatedLink, "boilerplate.caption.credit": &b.Caption.Credit,
		"boilerplate.byline.pattern": &b.Byline.Pattern, "boilerplate.dateline.pattern": &b.Dateline.Pattern,
		"boilerplate.copyright.pattern": &b.Copyright.Pattern,
	} {
		if pat.Source == "" {
			continue // the rule is off for this language
		}
		re, err := regexp.Compile(pat.Source)
		if err != nil {
			bad(field, "%v", err)
			continue
		}
		pat.re = re
	}
	for field, rule := range map[string]LineRule{"boilerplate.byline": b.Byline, "boilerplate.dateline": b.Dateline, "boilerplate.copyright": b.Copyright} {
		if rule.Pattern.Source != "" && len(rule.Starts)+len(rule.Contains) == 0 {
			bad(field, "a pattern needs starts: or contains:, the cheap tests that rule most lines out")
		}
		for _, s := range append(slices.Clone(rule.Starts), rule.Contains...) {
			if s != strings.ToLower(s) {
				bad(field, "%q: the cheap tests read the line in lower case; write them so", s)
			}
		}
	}
	for _, s := range b.Caption.Cues {
		if s != strings.ToLower(s) {
			bad("boilerplate.caption.cues", "%q: the cues are tried on the line in lower case; write them so", s)
		}
	}
	if b.Caption.Credit.Source != "" && len(b.Caption.Cues) == 0 {
		bad("boilerplate.caption", "a credit pattern needs cues:, the cheap test that rules most lines out")
	}
	return errors.Join(errs...)
}
