package lexicon

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the published lexicon schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlDoc reads a lexicon YAML file as the JSON value a schema validator
// sees.
func yamlDoc(t *testing.T, src []byte) any {
	t.Helper()
	js, err := yaml.YAMLToJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaAcceptsLexicons: the built-in lexicon and the starter are
// valid by the schema, and the starter is a working lexicon whose examples
// pass.
func TestSchemaAcceptsLexicons(t *testing.T) {
	s := compileSchema(t)
	for name, src := range map[string][]byte{"builtin": builtinRuUaWar, "starter": Starter} {
		if err := s.Validate(yamlDoc(t, src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	lex, err := Parse("starter.yaml", Starter)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(lex)
	if err != nil {
		t.Fatal(err)
	}
	if res := m.TestExamples(); len(res.Failures) > 0 || res.Run < 6 {
		t.Errorf("the starter's examples: %d run, failures %v", res.Run, res.Failures)
	}
	if !strings.HasPrefix(string(Starter), "# yaml-language-server: $schema="+SchemaURL+"\n") {
		t.Error("the starter does not name the schema for editors")
	}
}

// TestSchemaRefuses: what the loader refuses for its shape, the schema
// refuses too, so an editor flags it before a run.
func TestSchemaRefuses(t *testing.T) {
	s := compileSchema(t)
	for _, tc := range []struct{ name, yaml string }{
		{"no version", "lexicon: x\nconcepts: []\n"},
		{"unknown key", "lexicon: x\nversion: '1'\ncolour: red\n"},
		{"bad id", "lexicon: x\nversion: '1'\nconcepts: [{id: War, labels: [{id: a}]}]\n"},
		{"no labels", "lexicon: x\nversion: '1'\nconcepts: [{id: war}]\n"},
		{"unknown language", "lexicon: x\nversion: '1'\nlanguage: fr\n"},
		{"terms of an unknown language", "lexicon: x\nversion: '1'\nconcepts: [{id: war, labels: [{id: a, terms: {fr: [guerre]}}]}]\n"},
		{"term object without term", "lexicon: x\nversion: '1'\nconcepts: [{id: war, labels: [{id: a, terms: [{case_sensitive: true}]}]}]\n"},
		{"axis with one pole", "lexicon: x\nversion: '1'\naxis: {negative: a}\n"},
		{"examples misspelt", "lexicon: x\nversion: '1'\nconcepts: [{id: war, labels: [{id: a, examples: {matches: [x]}}]}]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.Validate(yamlDoc(t, []byte(tc.yaml))); err == nil {
				t.Error("the schema accepted it")
			}
			if _, err := Parse("x.yaml", []byte(tc.yaml)); err == nil {
				// The schema is no stricter than the loader.
				t.Error("the loader accepts it")
			}
		})
	}
	var v any
	if err := json.Unmarshal(Schema, &v); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
}
