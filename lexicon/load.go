package lexicon

import (
	"errors"
	"fmt"
	"os"

	"github.com/goccy/go-yaml/ast"

	"github.com/framingkit/framing/internal/yamllimit"
)

// Load reads and validates the lexicon file at path.
func Load(path string) (*Lexicon, error) {
	data, err := yamllimit.ReadFile(path)
	var le *yamllimit.Error
	switch {
	case errors.As(err, &le):
		return nil, ErrorList{{File: path, Line: le.Line, Col: le.Col, Msg: le.Message()}}
	case err != nil:
		return nil, ErrorList{{File: path, Msg: "cannot read lexicon: " + unwrapPathError(err), Err: err}}
	}
	return Parse(path, data)
}

func unwrapPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse decodes and validates a lexicon. file names it in errors. Decoding
// walks the YAML syntax tree itself, so that every problem, from an unknown
// key to a duplicate term, is reported at the line and column the parser
// gives for the offending node; all problems are reported at once. A file
// over the limits every YAML input keeps (its size, nesting and aliases;
// see yamllimit) is refused before it is parsed.
func Parse(file string, data []byte) (lex *Lexicon, err error) {
	// The YAML library has panicked on some malformed input (see the corpus
	// package's FuzzManifest); bad input must be an error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			lex, err = nil, ErrorList{{File: file, Line: 1, Col: 1, Msg: fmt.Sprintf("invalid YAML: %v", r)}}
		}
	}()
	d := &decoder{file: file}
	f, err := yamllimit.Parse(data)
	var le *yamllimit.Error
	switch {
	case errors.As(err, &le):
		return nil, ErrorList{{File: file, Line: le.Line, Col: le.Col, Msg: le.Message()}}
	case err != nil:
		d.syntaxError(err)
		return nil, d.errs
	}
	var body ast.Node
	for _, doc := range f.Docs {
		if doc.Body != nil {
			if body != nil {
				d.errorf(doc.Body, "a lexicon file holds one YAML document (remove the second)")
				break
			}
			body = doc.Body
		}
	}
	l := &Lexicon{File: file, Language: "en"}
	if body == nil {
		d.errs = append(d.errs, &Error{File: file, Line: 1, Col: 1, Msg: "lexicon file is empty (start with lexicon:, version: and concepts:)"})
		return nil, d.errs
	}
	d.lexicon(body, l)
	// Semantic checks run on whatever decoded, so one pass reports every
	// problem; a part that did not decode is empty and adds nothing.
	var verrs ErrorList
	if err := l.Validate(); err != nil {
		errors.As(err, &verrs)
	}
	errs := d.errs
	for _, e := range verrs {
		if e.Line == 0 {
			if len(d.errs) > 0 {
				continue // a whole-lexicon problem the decoder has reported at its place
			}
			e.Line, e.Col = 1, 1 // the top of the file, where the lexicon starts
		}
		errs = append(errs, e)
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, errs
	}
	return l, nil
}
