package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
)

// Manifest gives documents their outlet and any other fields, by document id
// or by path. Its values override a document's own.
type Manifest struct {
	file    string
	entries map[string]map[string]string // key (id or path) → fields
	used    map[string]bool
}

// LoadManifest reads a manifest: CSV with a header row that has an id or a
// path column, or YAML `documents: [{id: ..., outlet: ..., ...}]`.
func LoadManifest(file string) (*Manifest, error) {
	m := &Manifest{file: file, entries: map[string]map[string]string{}, used: map[string]bool{}}
	var data []byte
	var err error
	switch strings.ToLower(path.Ext(file)) {
	case ".csv":
		if data, err = os.ReadFile(file); err != nil {
			return nil, fmt.Errorf("%s: %w", file, unwrapPath(err))
		}
		err = m.readCSV(data)
	case ".yaml", ".yml":
		if data, err = readYAML(file, manifestTooLarge); err != nil {
			return nil, err
		}
		err = m.readYAML(data)
	default:
		err = fmt.Errorf("%s: unknown manifest type (want .csv, .yaml or .yml)", file)
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// manifestTooLarge is what to do about a YAML manifest over the size or
// token limit of YAML files.
const manifestTooLarge = "write a manifest this large as CSV, which has no such limit"

// add adds an entry; where is its place in the file, for errors.
func (m *Manifest) add(where string, fields map[string]string) error {
	key := fields["id"]
	if key == "" {
		key = fields["path"]
	}
	if key == "" {
		return fmt.Errorf("%s: entry has neither id nor path (add one)", where)
	}
	if _, dup := m.entries[key]; dup {
		return fmt.Errorf("%s: %q is described twice", where, key)
	}
	m.entries[key] = fields
	return nil
}

func (m *Manifest) readCSV(data []byte) error {
	cr := csv.NewReader(bytes.NewReader(data))
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s:1: cannot read the header: %w", m.file, csvProblem(err))
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")))
	}
	if !slices.Contains(header, "id") && !slices.Contains(header, "path") {
		return fmt.Errorf("%s:1: the header needs an id or a path column (have: %s)", m.file, strings.Join(header, ", "))
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("%s:%d:%d: %w", m.file, pe.Line, pe.Column, pe.Err)
			}
			return fmt.Errorf("%s: %w", m.file, err)
		}
		line, _ := cr.FieldPos(0)
		fields := map[string]string{}
		for i, v := range rec {
			if header[i] != "" && v != "" {
				fields[header[i]] = v
			}
		}
		if err := m.add(fmt.Sprintf("%s:%d", m.file, line), fields); err != nil {
			return err
		}
	}
}

func csvProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readYAML parses the file once: the decoded entries and the positions
// their errors point at come from the same tree.
func (m *Manifest) readYAML(data []byte) error {
	body, err := parseYAML(m.file, data, manifestTooLarge)
	if err != nil {
		return err
	}
	var doc struct {
		Documents []map[string]any `yaml:"documents"`
	}
	if err := decodeNode(m.file, body, &doc); err != nil {
		return err
	}
	items := sequenceItems(mappingField(body, "documents"))
	for i, e := range doc.Documents {
		// An entry written out is an item of the list; one that an alias
		// or a merge made is reported at the list.
		at := mappingField(body, "documents")
		if i < len(items) {
			at = items[i]
		}
		fields := map[string]string{}
		for k, v := range e {
			switch v := v.(type) {
			case nil:
			case string:
				fields[k] = v
			case map[string]any, []any:
				where := at
				if f := mappingField(at, k); f != nil {
					where = f
				}
				p := nodePos(where)
				return fmt.Errorf("%s:%d:%d: document %d: field %q must be a plain value, not a list or mapping", m.file, p.Line, p.Column, i+1, k)
			default:
				fields[k] = fmt.Sprint(v)
			}
		}
		p := nodePos(at)
		if err := m.add(fmt.Sprintf("%s:%d:%d", m.file, p.Line, p.Column), fields); err != nil {
			return err
		}
	}
	return nil
}

// Apply fills doc's fields from the manifest entry that matches its id, or
// else its path relative to the corpus directory (with or without
// extension) or its base name. It reports whether an entry matched.
func (m *Manifest) Apply(doc *Document, rel string) bool {
	var fields map[string]string
	for _, key := range []string{doc.ID, rel, strings.TrimSuffix(rel, path.Ext(rel)), path.Base(rel)} {
		if key == "" || key == "." {
			continue
		}
		if f, ok := m.entries[key]; ok {
			fields = f
			m.used[key] = true
			break
		}
	}
	if fields == nil {
		return false
	}
	if doc.Meta == nil {
		doc.Meta = map[string]string{}
	}
	for k, v := range fields {
		if k != "id" && k != "path" {
			doc.Set(k, v)
		}
	}
	return true
}

// Unmatched lists the manifest entries no document has matched so far.
func (m *Manifest) Unmatched() []string {
	var out []string
	for k := range m.entries {
		if !m.used[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
