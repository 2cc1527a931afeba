package lexicon

import _ "embed"

// Schema is the JSON Schema of the lexicon YAML format (draft 2020-12),
// published as lexicon/schema/lexicon.schema.json: editors' YAML language
// servers check and complete a lexicon from it. It checks the shape of a
// file; Validate checks the rest (unique ids, poles on the axis, terms that
// compile).
//
//go:embed schema/lexicon.schema.json
var Schema []byte

// SchemaURL is where Schema is published, for a file's
// "# yaml-language-server: $schema=" line.
const SchemaURL = "https://raw.githubusercontent.com/framingkit/framing/main/lexicon/schema/lexicon.schema.json"

// Starter is a commented lexicon to start one's own from (`framing lexicon
// init`): one concept, three labels, a category, examples, and the schema
// line.
//
//go:embed schema/starter.yaml
var Starter []byte
