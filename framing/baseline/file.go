package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/internal/textpos"
)

// Write writes b as indented JSON with its checksum.
func Write(w io.Writer, b *Baseline) error {
	sum, err := b.sum()
	if err != nil {
		return err
	}
	b.Checksum = sum
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// WriteFile writes b to path.
func WriteFile(path string, b *Baseline) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// regenerate is the advice every read error ends with.
const regenerate = "regenerate it with `framing baseline write CORPUS -o FILE`, or `framing check --baseline FILE --update CORPUS`"

// ReadError is a baseline file that cannot be used: missing, not JSON, cut
// short, of another format version, or changed since framing wrote it.
type ReadError struct {
	Path      string
	Line, Col int // 0 when the problem has no place
	Problem   string
}

func (e *ReadError) Error() string {
	at := e.Path
	if e.Line > 0 {
		at = fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col)
	}
	return fmt.Sprintf("baseline %s: %s; %s", at, e.Problem, regenerate)
}

// ReadFile reads and checks the baseline at path.
func ReadFile(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &ReadError{Path: path, Problem: "no such file"}
		}
		return nil, &ReadError{Path: path, Problem: err.Error()}
	}
	return Parse(path, data)
}

// Parse reads and checks a baseline: it must be JSON, of this format, and
// exactly as framing wrote it (its checksum matches).
func Parse(path string, data []byte) (*Baseline, error) {
	var head struct {
		Format *int   `json:"format"`
		Tool   string `json:"tool"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(path, data, err)
	}
	switch {
	case head.Format == nil || !strings.HasPrefix(head.Tool, "framing "):
		return nil, &ReadError{Path: path, Problem: "not a framing baseline (no \"format\" and \"tool\" fields: a tally, or another JSON file?)"}
	case *head.Format != Format:
		return nil, &ReadError{Path: path, Problem: fmt.Sprintf("baseline format %d, but this framing (%s) reads format %d", *head.Format, "framing "+framing.Version, Format)}
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, jsonError(path, data, err)
	}
	sum, err := b.sum()
	if err != nil {
		return nil, &ReadError{Path: path, Problem: err.Error()}
	}
	if b.Checksum != sum {
		return nil, &ReadError{Path: path, Problem: "its checksum does not match its content: it was edited by hand or damaged (a baseline is used only as framing wrote it)"}
	}
	return &b, nil
}

func jsonError(path string, data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		if int(se.Offset) >= len(data) {
			return &ReadError{Path: path, Problem: "cut short: the JSON ends before the baseline does"}
		}
		line, col := textpos.LineCol(data, int(se.Offset)-1) // Offset is just past the bad byte
		return &ReadError{Path: path, Line: line, Col: col, Problem: "not valid JSON: " + se.Error()}
	case errors.As(err, &te):
		line, col := textpos.LineCol(data, int(te.Offset))
		return &ReadError{Path: path, Line: line, Col: col, Problem: fmt.Sprintf("field %s holds a %s, not a %s", te.Field, te.Value, te.Type)}
	}
	return &ReadError{Path: path, Problem: err.Error()}
}
