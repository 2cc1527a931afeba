package lang

import (
	"embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

// Pack is what the analysis rules read for one language. Its YAML form
// mirrors these types field for field (see packs/en.yaml).
type Pack struct {
	// Language is the ISO 639-1 code: "en", "ru", "uk".
	Language string `yaml:"language"`
	Name     string `yaml:"name"`
	// Detect says how to tell a text in this language from the others.
	Detect Detection `yaml:"detect"`
	// Sentences are the language's sentence rules.
	Sentences Sentences `yaml:"sentences"`
	// Quotes are its quotation conventions beyond quotation marks.
	Quotes Quotes `yaml:"quotes"`
	// Inflection is how a lexicon term of the language matches its
	// inflected forms.
	Inflection  Inflection  `yaml:"inflection"`
	Boilerplate Boilerplate `yaml:"boilerplate"`
	Sourcing    Sourcing    `yaml:"sourcing"`
	// Voice are the words that tell reported speech, distancing and
	// negation.
	Voice Voice `yaml:"voice"`
	// Examples are lines and the boilerplate reason each must get ("" for
	// article text); the tests run them for every pack.
	Examples []Example `yaml:"examples"`

	// File is where the pack was read from, for messages.
	File string `yaml:"-"`
}

// Voice are a language's words for the voice rules beyond quotation
// marks (framing/analysis). Each list is phrases, matched on tokens like
// lexicon terms (a trailing * is any ending: "заявил*").
type Voice struct {
	// Speech are verbs of saying and naming: the clause after one is the
	// source's, reported ("Putin announced", "Moscow calls it", «заявил»).
	Speech []string `yaml:"speech"`
	// According are frames whose source follows them and whose statement
	// is the rest of the sentence: "according to X, …", «по словам X, …».
	// At the end of a sentence ("…, according to X.") the statement is
	// what comes before.
	According []string `yaml:"according"`
	// Blockers, right after a speech verb, make it no report of what
	// follows: "said nothing about", "called for", "called on".
	Blockers []string `yaml:"blockers"`
	// Relatives open a relative clause: a speech verb in one ("which
	// Moscow calls …") reports only to the clause's end.
	Relatives []string `yaml:"relatives"`
	// Distancing markers, right before a term, name it to reject it:
	// "so-called", "self-proclaimed", «так называемая».
	Distancing []string `yaml:"distancing"`
	// Negation words before a term in its clause deny it: "not", «не».
	Negation []string `yaml:"negation"`
	// NotNegation, right after a negation word, make it no denial: "not
	// only", «не только».
	NotNegation []string `yaml:"not_negation"`
	// Naming are the speech verbs that name something ("described X as
	// Y"): after one, a Complement word ("as") starts the source's words,
	// and X before it stays in the voice around it.
	Naming     []string `yaml:"naming"`
	Complement []string `yaml:"complement"`
	// ComplementEndings, for languages that mark a name by its case
	// («назвал X вооружённым мятежом»: the instrumental), end the word
	// where the name starts.
	ComplementEndings []string `yaml:"complement_endings"`
	// ComplementArticles start a naming verb's complement after its object
	// ("considers the invasion a proxy war", "calls it a special military
	// operation"): the article and what follows are the source's.
	ComplementArticles []string `yaml:"complement_articles"`
	// NegationFillers may stand between a negation word and the term it
	// denies: "not a", "not really a", «не является».
	NegationFillers []string `yaml:"negation_fillers"`
	// Tail are words that may follow a speech verb that closes a sentence
	// as its attribution: "…, the ministry said in a statement".
	Tail []string `yaml:"tail"`
}

// Detection is what tells a language from the others written in its script:
// the letters only it has, and its commonest words.
type Detection struct {
	// Script is the Unicode script the language is written in: "Latin",
	// "Cyrillic".
	Script string `yaml:"script"`
	// Letters are letters of the script that this language has and the
	// others of the script do not (Ukrainian і ї є ґ, Russian ы э ъ ё).
	Letters []string `yaml:"letters"`
	// Words are its commonest short words, which few other languages share.
	Words []string `yaml:"words"`
}

// Sentences are a language's sentence rules beyond Unicode's.
type Sentences struct {
	// Abbreviations are words (lower case, without their period) after
	// which a period does not end a sentence: "т" of "т. е.", "г", "тыс".
	Abbreviations []string `yaml:"abbreviations"`
	// Initials: a single capital letter and its period (an initial: "В. В.
	// Путин") does not end a sentence.
	Initials bool `yaml:"initials"`
}

// Quotes are a language's quotation conventions beyond quotation marks.
type Quotes struct {
	// DashDialogue: a paragraph that opens with a dash is direct speech,
	// and a dash between spaces after a comma or a sentence's end turns to
	// the author's words and back (— Мы победим, — заявил он. — Скоро.).
	DashDialogue bool `yaml:"dash_dialogue"`
	// Names are the quotation marks that enclose a name, not someone's
	// words: ЧВК «Вагнер», газета «Известия», партия «Единая Россия».
	Names QuotedNames `yaml:"names"`
}

// QuotedNames tells a name in quotation marks from a quotation, for
// languages that write names of organisations, media and works in them.
// A quotation of at most MaxWords words is a name, in the voice around
// it, when the word before it is one of Heads (in any of its inflected
// forms: "ЧВК «Вагнер»", "газеты «Известия»"), or when it looks like a
// name and not like speech: its first word starts with a capital and has
// a small letter (so «СВО» and «НЕТ» stay quotations), it holds no
// sentence punctuation (. , ! ? : ; …), no colon introduces it and no dash
// follows it, after a comma or not ("«Нет», — ответил он"). MaxWords 0
// turns the rule off.
type QuotedNames struct {
	MaxWords int      `yaml:"max_words"`
	Heads    []string `yaml:"heads"`
}

// Inflection is how a lexicon term of the language matches its inflected
// forms: a word of at least MinStem letters matches itself, and any of its
// stems followed by any of Endings, a stem being the word or the word less
// one of Endings that leaves at least MinStem letters. "операция" (stems
// "операция", "операци", "операц") so matches "операции", "операцию",
// "операцией"; "Киев" matches "Киева" and "Киеве" but not "Киевский".
type Inflection struct {
	Endings []string `yaml:"endings"`
	MinStem int      `yaml:"min_stem"`
}

// Inflects reports whether the language's terms match inflected forms.
func (in Inflection) Inflects() bool { return len(in.Endings) > 0 }

// Stem is the shortest stem of word (see Inflection): every form of the
// word starts with it. A word shorter than MinStem letters is its own.
func (in Inflection) Stem(word string) string {
	stem := word
	if !in.Inflects() || utf8.RuneCountInString(word) < in.MinStem {
		return stem
	}
	for _, e := range in.Endings {
		if s, ok := strings.CutSuffix(word, e); ok && utf8.RuneCountInString(s) >= in.MinStem && len(s) < len(stem) {
			stem = s
		}
	}
	return stem
}

// Forms are the forms a word of a term matches, the word first; a word
// shorter than MinStem letters matches only itself. word is lower case.
func (in Inflection) Forms(word string) []string {
	out := []string{word}
	if !in.Inflects() || utf8.RuneCountInString(word) < in.MinStem {
		return out
	}
	seen := map[string]bool{word: true}
	stems := []string{word}
	for _, e := range in.Endings {
		if stem, ok := strings.CutSuffix(word, e); ok && utf8.RuneCountInString(stem) >= in.MinStem && !seen[stem] {
			seen[stem] = true
			stems = append(stems, stem)
		}
	}
	// A stem alone is not a form (it is marked seen above): «найбільш»
	// is not «найбільший», nor «операц» a word. The price is the
	// genitive plural without ending (войн, угроз), listed where needed.
	for _, stem := range stems {
		for _, e := range in.Endings {
			if f := stem + e; !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// Boilerplate holds the words and patterns of the rules that drop site
// furniture, line by line.
type Boilerplate struct {
	// Navigation lines are whole-line widget labels ("All news").
	Navigation []string `yaml:"navigation"`
	// RelatedLink matches the start of a line that points to another
	// article ("Also Read: …"); its starts are the pattern's phrases.
	RelatedLink LineRule `yaml:"related_link"`
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
	// ForeignAgent is the notice that Russian law requires of media it
	// lists as "foreign agents": dropped from counts, and counted as a
	// sourcing indicator of the document.
	ForeignAgent LineRule `yaml:"foreign_agent"`
}

// LineRule is a pattern for a whole line with the cheap tests that rule a
// line out before the pattern runs: the lower-cased line starts with one of
// Starts or contains one of Contains, and, when AlsoContains is given,
// contains one of those too. Each must hold of every line the pattern
// matches (TestLineRulePrefilters checks the pack's examples).
type LineRule struct {
	Starts   []string `yaml:"starts"`
	Contains []string `yaml:"contains"`
	// AlsoContains is a second test, for a rule whose first word is common
	// in text the pattern does not match ("иностранных дел" against the
	// foreign-agent notice).
	AlsoContains []string `yaml:"also_contains"`
	Pattern      Pattern  `yaml:"pattern"`
}

// MayMatch is the rule's cheap test on a lower-cased line.
func (r LineRule) MayMatch(lower string) bool {
	return (hasPrefix(lower, r.Starts) || containsAny(lower, r.Contains)) &&
		(len(r.AlsoContains) == 0 || containsAny(lower, r.AlsoContains))
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
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
		"boilerplate.related_link.pattern": &b.RelatedLink.Pattern, "boilerplate.caption.credit": &b.Caption.Credit,
		"boilerplate.byline.pattern": &b.Byline.Pattern, "boilerplate.dateline.pattern": &b.Dateline.Pattern,
		"boilerplate.copyright.pattern": &b.Copyright.Pattern, "boilerplate.foreign_agent.pattern": &b.ForeignAgent.Pattern,
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
	for field, rule := range map[string]LineRule{"boilerplate.related_link": b.RelatedLink, "boilerplate.byline": b.Byline, "boilerplate.dateline": b.Dateline, "boilerplate.copyright": b.Copyright, "boilerplate.foreign_agent": b.ForeignAgent} {
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
	if p.Inflection.Inflects() && p.Inflection.MinStem < 2 {
		bad("inflection.min_stem", "give the shortest stem, 2 letters or more (3 or 4 keeps short words apart)")
	}
	switch p.Detect.Script {
	case "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Armenian", "Georgian":
	case "":
		bad("detect.script", "missing (the Unicode script the language is written in, such as Latin or Cyrillic)")
	default:
		if unicode.Scripts[p.Detect.Script] == nil {
			bad("detect.script", "%q is not a Unicode script name (Latin, Cyrillic, ...)", p.Detect.Script)
		}
	}
	sc := p.Sourcing
	for field, words := range map[string][]string{
		"sourcing.according": sc.According, "sourcing.person_heads": sc.PersonHeads, "sourcing.outlet_heads": sc.OutletHeads,
		"sourcing.org_heads": sc.OrgHeads, "sourcing.person_pronouns": sc.PersonPronouns, "sourcing.pronouns": sc.Pronouns,
		"sourcing.determiners": sc.Determiners, "sourcing.conjunctions": sc.Conjunctions, "sourcing.verb_skips": sc.VerbSkips,
		"sourcing.time_words": sc.TimeWords, "sourcing.time_preps": sc.TimePreps, "sourcing.months": sc.Months,
		"sourcing.clause_followers": sc.ClauseFollowers, "sourcing.generic_sources": sc.GenericSources,
		"sourcing.common_starts": sc.CommonStarts, "sourcing.name_joiners": sc.NameJoiners,
	} {
		for _, w := range words {
			switch {
			case strings.ContainsFunc(w, unicode.IsSpace) || w == "":
				bad(field, "%q: the sourcing rules look up one token at a time, so only a single word can match; give one word", w)
			case w != strings.ToLower(w):
				bad(field, "%q: tokens are looked up in lower case; write it so", w)
			}
		}
	}
	if b.Caption.Credit.Source != "" && len(b.Caption.Cues) == 0 {
		bad("boilerplate.caption", "a credit pattern needs cues:, the cheap test that rules most lines out")
	}
	return errors.Join(errs...)
}
