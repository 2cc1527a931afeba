package lexicon

import (
	_ "embed"
)

//go:embed builtin/ru-ua-war.yaml
var builtinRuUaWar []byte

// BuiltinName is the name under which the built-in lexicon's errors and
// examples are reported.
const BuiltinName = "builtin:ru-ua-war.yaml"

// BuiltinYAML returns the built-in lexicon's file, lexicon/builtin/ru-ua-war.yaml.
func BuiltinYAML() []byte { return append([]byte(nil), builtinRuUaWar...) }

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

// MustCompileBuiltin is CompileBuiltin for callers that cannot go on
// without the built-in lexicon, such as tests: the embedded file is tested,
// so it panics only on a broken build.
func MustCompileBuiltin() *Matcher {
	m, err := CompileBuiltin()
	if err != nil {
		panic(err)
	}
	return m
}
