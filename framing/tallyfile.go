package framing

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"

	"github.com/framingkit/framing/internal/textpos"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// WriteTally writes t as `framing score --format tally` does: the tally
// file format, indented, text as it is. It writes one group at a time:
// encoding the whole tally at once held it three times over (the file's
// bytes, their compact copy and their indented copy), a few megabytes per
// hundred thousand documents at the very end of a run, which made a run's
// peak memory grow with its corpus. The bytes are those of encoding t
// whole (TestWriteTallyAsEncoded).
func WriteTally(w io.Writer, t *Tally) error {
	t.Seal() // a file holds closed units only
	f := t.file()
	groups := f.Groups
	if len(groups) == 0 {
		return encodeIndented(w, f, "")
	}
	// The file without its groups ends in "groups": {} and the closing
	// brace; the groups go between the braces, each indented as it is
	// there.
	f.Groups = map[string]*GroupTally{}
	var head bytes.Buffer
	if err := encodeIndented(&head, f, ""); err != nil {
		return err
	}
	const empty = "{}\n}\n"
	if !bytes.HasSuffix(head.Bytes(), []byte(empty)) {
		return fmt.Errorf("tally file: the groups are not the last field") // TallyFile's order is the format's
	}
	bw := bufio.NewWriter(w)
	bw.Write(head.Bytes()[:head.Len()-len(empty)])
	bw.WriteString("{")
	for i, name := range slices.Sorted(maps.Keys(groups)) { // as encoding/json orders a map's keys
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		if err := encodeIndented(bw, name, "    "); err != nil {
			return err
		}
		bw.WriteString(": ")
		if err := writeGroup(bw, groups[name]); err != nil {
			return err
		}
	}
	bw.WriteString("\n  }\n}\n")
	return bw.Flush()
}

// writeGroup writes a group as encodeIndented does, but for its
// fingerprint's hashes, which go from the fingerprint (and its runs on
// disk) straight to w: a group's hashes are some 12 bytes of base64 a
// document, and held whole and copied by the encoder they made a run's
// peak memory grow with its largest group. The group is encoded with an
// empty fingerprint, whose count and hashes are then filled in.
func writeGroup(w *bufio.Writer, g *GroupTally) error {
	c := *g
	c.Fingerprint = Fingerprint{}
	var b bytes.Buffer
	if err := encodeIndented(&b, &c, "    "); err != nil {
		return err
	}
	out := b.Bytes()
	const count, hashes = `"count": `, `"hashes": "`
	h := bytes.LastIndex(out, []byte(hashes+`"`))
	n := bytes.LastIndex(out[:max(h, 0)], []byte(count+"0,"))
	if h < 0 || n < 0 || len(bytes.TrimSpace(out[n+len(count)+2:h])) > 0 {
		return fmt.Errorf("tally file: no empty fingerprint in a group's JSON") // GroupTally's encoding is the format's
	}
	w.Write(out[:n+len(count)])
	w.WriteString(strconv.Itoa(g.Fingerprint.Count()))
	w.Write(out[n+len(count)+1 : h+len(hashes)])
	if err := g.Fingerprint.writeHashes(w); err != nil {
		return err
	}
	_, err := w.Write(out[h+len(hashes):])
	return err
}

// encodeIndented writes v as an indented part of a tally file whose lines
// start with prefix, without the encoder's closing newline when prefix is
// not "" (a part inside the file).
func encodeIndented(w io.Writer, v any, prefix string) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	out := b.Bytes()
	if prefix != "" {
		out = bytes.TrimSuffix(out, []byte("\n"))
	}
	_, err := w.Write(out)
	return err
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

// TallyFile is a tally as its file writes it: the labels and their poles
// as two lists, in the fields' order of the format. Tally's MarshalJSON
// and UnmarshalJSON go through it; the output schema is made from it.
type TallyFile struct {
	Format     int                    `json:"format"`
	Lexicon    LexiconRef             `json:"lexicon"`
	By         string                 `json:"by"`
	Voices     token.VoiceSet         `json:"voices"`
	Phrases    bool                   `json:"phrases,omitempty"`
	Labels     []lexicon.LabelKey     `json:"labels"`
	Poles      []int                  `json:"poles"`
	Categories []string               `json:"categories"`
	Read       int                    `json:"read"`
	Skipped    map[string]int         `json:"skipped"`
	Groups     map[string]*GroupTally `json:"groups"`
}

// MarshalJSON writes the tally file format. Group names and terms are
// written as they are, "<" and "&" included, as every JSON output of
// framing writes text.
func (t *Tally) MarshalJSON() ([]byte, error) {
	t.Seal() // a file holds closed units only
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t.file()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// file is t as its file holds it.
func (t *Tally) file() TallyFile {
	f := TallyFile{Format: t.Format, Lexicon: t.Lexicon, By: t.By, Voices: t.Voices, Phrases: t.Phrases, Labels: []lexicon.LabelKey{}, Poles: t.Poles(),
		Categories: t.Categories, Read: t.Read, Skipped: t.Skipped, Groups: t.Groups}
	for _, l := range t.Labels {
		f.Labels = append(f.Labels, l.Key)
	}
	return f
}

// UnmarshalJSON reads the tally file format (Check then checks it).
func (t *Tally) UnmarshalJSON(data []byte) error {
	var f TallyFile
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	if len(f.Poles) != len(f.Labels) {
		return fmt.Errorf("tally has %d labels but %d poles", len(f.Labels), len(f.Poles))
	}
	*t = Tally{Format: f.Format, Lexicon: f.Lexicon, By: f.By, Voices: f.Voices, Phrases: f.Phrases, Categories: f.Categories, Read: f.Read, Skipped: f.Skipped, Groups: f.Groups}
	for i, k := range f.Labels {
		t.Labels = append(t.Labels, lexicon.LabelInfo{Key: k, ID: k.String(), Pole: f.Poles[i]})
	}
	return nil
}
