package framing

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/framingkit/framing/internal/textpos"
)

// WriteTally writes t as `framing score --format tally` does: the tally
// file format, indented, text as it is.
func WriteTally(w io.Writer, t *Tally) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(t)
}

// ParseTally reads a tally file and checks it; name names it in errors,
// which say where a syntax error is (name:line:col) and what a field of the
// wrong kind holds.
func ParseTally(name string, data []byte) (*Tally, error) {
	var t Tally
	if err := json.Unmarshal(data, &t); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := textpos.LineCol(data, int(se.Offset)-1) // Offset is just past the bad byte
			return nil, fmt.Errorf("%s:%d:%d: not a tally: %v", name, line, col, se)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%s: not a tally: %s holds %s, want %s", name, orTop(te.Field), jsonKind(te.Value), jsonKindOf(te.Type))
		}
		return nil, fmt.Errorf("%s: not a tally: %v", name, err)
	}
	if err := t.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w (write tallies with framing score --format tally)", name, err)
	}
	return &t, nil
}

// orTop names a JSON field for a message: the document itself when "".
func orTop(field string) string {
	if field == "" {
		return "the file"
	}
	return field
}

// jsonKind is a JSON value's kind in words, from encoding/json's name of it.
func jsonKind(v string) string {
	switch v {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	return v
}

// jsonKindOf is the JSON kind a Go type is read from, in words.
func jsonKindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct, reflect.Pointer:
		return "an object"
	}
	return "a number"
}
