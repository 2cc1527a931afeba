package lexicon

import (
	_ "embed"
	"fmt"
	"slices"
)

//go:embed builtin/ru-ua-war.yaml
var builtinRuUaWar []byte

// BuiltinName is the name under which the built-in lexicon's errors and
// examples are reported.
const BuiltinName = "builtin:ru-ua-war.yaml"

// Builtin returns the built-in lexicon, ru-ua-war: English coverage of
// Russia's war against Ukraine and the June 2023 Wagner mutiny.
func Builtin() (*Lexicon, error) {
	return Parse(BuiltinName, builtinRuUaWar)
}

// CompileBuiltin returns the built-in lexicon, compiled: the default of
// every command.
func CompileBuiltin() (*Matcher, error) {
	l, err := Builtin()
	if err != nil {
		return nil, err
	}
	return Compile(l)
}

// LoadLexicon loads (and validates) the lexicon at path; "" is the
// built-in one.
func LoadLexicon(path string) (*Lexicon, error) {
	if path == "" {
		return Builtin()
	}
	return Load(path)
}

// LoadMatcher loads and compiles the lexicon at path; "" is the built-in
// one.
func LoadMatcher(path string) (*Matcher, error) {
	l, err := LoadLexicon(path)
	if err != nil {
		return nil, err
	}
	return Compile(l)
}

// CompilePhrases builds a matcher of plain phrase lists, such as a
// language pack's markers: list i is category i of the matcher (a hit's ID
// is its list), every phrase matched with the rules of lexicon terms. The
// one phrase matcher serves lexicons, markers and names alike.
func CompilePhrases(name string, lists [][]string) (*Matcher, error) {
	return compileLists(name, lists, false)
}

// CompileNames is CompilePhrases for names, such as outlets': a word a name
// writes in capitals ("TASS", the "RIA" of "RIA Novosti") matches only in
// capitals, its other words in any case.
func CompileNames(name string, lists [][]string) (*Matcher, error) {
	return compileLists(name, lists, true)
}

func compileLists(name string, lists [][]string, capitalsExact bool) (*Matcher, error) {
	l := &Lexicon{Name: name, Version: "1", Language: "und", File: name}
	for i, list := range lists {
		c := Category{ID: fmt.Sprintf("list_%d", i)}
		for _, p := range list {
			t := Term{Text: p, capitalsExact: capitalsExact}
			// A phrase listed twice would count twice: a category term
			// ends where every category that has it ends.
			if !slices.Contains(c.Terms, t) {
				c.Terms = append(c.Terms, t)
			}
		}
		l.Categories = append(l.Categories, c)
	}
	// Not Compile: a list may be empty (a language without weak appeal
	// markers), which a lexicon may not; a bad phrase is still an error.
	return compile(l)
}
