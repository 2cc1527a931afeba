package lexicon

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

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

// decoder collects errors while it walks the tree.
type decoder struct {
	file string
	errs ErrorList
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	p := posOf(n)
	d.errs = append(d.errs, &Error{File: d.file, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) syntaxError(err error) {
	e := &Error{File: d.file, Line: 1, Col: 1, Msg: "invalid YAML", Err: err}
	var te interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &te) {
		if t := te.GetToken(); t != nil && t.Position != nil {
			e.Line, e.Col = max(1, t.Position.Line), max(1, t.Position.Column)
		}
		e.Msg = "invalid YAML: " + te.GetMessage()
	}
	d.errs = append(d.errs, e)
}

// posOf is where a node starts; for a key-value pair, where its key does.
func posOf(n ast.Node) Pos {
	if n == nil {
		return Pos{}
	}
	// A mapping's own token is a ':' inside it; a person looks for its first
	// key.
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && !m.IsFlowStyle {
		n = m.Values[0]
	}
	if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil {
		n = mv.Key
	}
	t := n.GetToken()
	if t == nil || t.Position == nil {
		return Pos{}
	}
	return Pos{Line: max(1, t.Position.Line), Col: max(1, t.Position.Column)}
}

// unwrap looks through anchors and tags to the node they decorate.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

// field is one key of a mapping, with its value node.
type field struct {
	key  string
	pair *ast.MappingValueNode
}

// mapping returns the pairs of a mapping node, reporting keys not in known
// and keys given twice. what names the mapping in messages.
func (d *decoder) mapping(n ast.Node, what string, known ...string) (map[string]*ast.MappingValueNode, bool) {
	n = unwrap(n)
	var pairs []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		pairs = v.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{v}
	default:
		d.errorf(n, "%s must be a mapping of keys (%s), not %s", what, strings.Join(known, ", "), kindOf(n))
		return nil, false
	}
	out := map[string]*ast.MappingValueNode{}
	for _, p := range pairs {
		k := keyString(p.Key)
		switch {
		case !slices.Contains(known, k):
			d.errorf(p.Key, "unknown key %q in %s (known: %s)", k, what, strings.Join(known, ", "))
		case out[k] != nil:
			d.errorf(p.Key, "key %q given twice in %s (first at %s)", k, what, posOf(out[k]))
		default:
			out[k] = p
		}
	}
	return out, true
}

func keyString(k ast.MapKeyNode) string {
	if k == nil {
		return ""
	}
	if s, ok := unwrap(k).(*ast.StringNode); ok {
		return s.Value
	}
	return k.String()
}

func kindOf(n ast.Node) string {
	switch unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode, nil:
		return "empty"
	case *ast.AliasNode:
		return "an alias"
	default:
		return "a scalar"
	}
}

// str decodes a scalar as a string. Numbers and booleans are taken as
// written ("version: 1.0" is "1.0").
func (d *decoder) str(n ast.Node, what string) (string, bool) {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return v.GetToken().Value, true
	case *ast.NullNode:
		d.errorf(n, "%s is empty", what)
	default:
		d.errorf(n, "%s must be a string, not %s", what, kindOf(n))
	}
	return "", false
}

// required reports a missing key at the mapping that lacks it.
func (d *decoder) required(m map[string]*ast.MappingValueNode, at ast.Node, what string, keys ...string) {
	for _, k := range keys {
		if m[k] == nil {
			d.errorf(at, "%s has no %s: (add one)", what, k)
		}
	}
}

// list returns the items of a sequence node.
func (d *decoder) list(n ast.Node, what string) ([]ast.Node, bool) {
	switch v := unwrap(n).(type) {
	case *ast.SequenceNode:
		return v.Values, true
	case *ast.NullNode:
		return nil, true
	default:
		d.errorf(n, "%s must be a list, not %s", what, kindOf(n))
		return nil, false
	}
}

func (d *decoder) lexicon(n ast.Node, l *Lexicon) {
	m, ok := d.mapping(n, "the lexicon", "lexicon", "version", "language", "about", "axis", "concepts", "categories")
	if !ok {
		return
	}
	d.required(m, n, "the lexicon", "lexicon", "version")
	if p := m["lexicon"]; p != nil {
		l.Name, _ = d.str(p.Value, "lexicon")
	}
	if p := m["version"]; p != nil {
		l.Version, _ = d.str(p.Value, "version")
	}
	if p := m["language"]; p != nil {
		l.Language, _ = d.str(p.Value, "language")
	}
	if p := m["about"]; p != nil {
		l.About, _ = d.str(p.Value, "about")
	}
	if p := m["axis"]; p != nil {
		if am, ok := d.mapping(p.Value, "axis", "negative", "positive"); ok {
			d.required(am, p.Value, "axis", "negative", "positive")
			l.Axis = &Axis{}
			if q := am["negative"]; q != nil {
				l.Axis.Negative, _ = d.str(q.Value, "axis negative")
			}
			if q := am["positive"]; q != nil {
				l.Axis.Positive, _ = d.str(q.Value, "axis positive")
			}
		}
	}
	if p := m["concepts"]; p != nil {
		items, ok := d.list(p.Value, "concepts")
		if ok && len(items) == 0 {
			d.errorf(p, "concepts is empty (add at least one concept)")
		}
		for _, it := range items {
			l.Concepts = append(l.Concepts, d.concept(it))
		}
	}
	if p := m["categories"]; p != nil {
		items, _ := d.list(p.Value, "categories")
		for _, it := range items {
			l.Categories = append(l.Categories, d.category(it))
		}
	}
}

func (d *decoder) concept(n ast.Node) Concept {
	var c Concept
	m, ok := d.mapping(n, "concept", "id", "about", "labels")
	if !ok {
		return c
	}
	d.required(m, n, "concept", "id", "labels")
	if p := m["id"]; p != nil {
		c.ID, _ = d.str(p.Value, "concept id")
		c.Pos = posOf(p.Value)
	}
	if p := m["about"]; p != nil {
		c.About, _ = d.str(p.Value, "about")
	}
	if p := m["labels"]; p != nil {
		items, _ := d.list(p.Value, "labels")
		for _, it := range items {
			c.Labels = append(c.Labels, d.label(it))
		}
		if len(items) == 0 {
			c.Pos = posOf(p)
		}
	}
	return c
}

func (d *decoder) label(n ast.Node) Label {
	var lb Label
	m, ok := d.mapping(n, "label", "id", "about", "pole", "terms", "examples")
	if !ok {
		return lb
	}
	d.required(m, n, "label", "id")
	lb.Pos = posOf(n)
	if p := m["id"]; p != nil {
		lb.ID, _ = d.str(p.Value, "label id")
		lb.Pos = posOf(p.Value)
	}
	if p := m["about"]; p != nil {
		lb.About, _ = d.str(p.Value, "about")
	}
	if p := m["pole"]; p != nil {
		lb.Pole, _ = d.str(p.Value, "pole")
		lb.PolePos = posOf(p.Value)
	}
	if p := m["terms"]; p != nil {
		lb.Terms = d.terms(p.Value)
	}
	if p := m["examples"]; p != nil {
		lb.Examples = d.examples(p.Value)
	}
	return lb
}

func (d *decoder) category(n ast.Node) Category {
	var c Category
	m, ok := d.mapping(n, "category", "id", "about", "terms")
	if !ok {
		return c
	}
	d.required(m, n, "category", "id")
	c.Pos = posOf(n)
	if p := m["id"]; p != nil {
		c.ID, _ = d.str(p.Value, "category id")
		c.Pos = posOf(p.Value)
	}
	if p := m["about"]; p != nil {
		c.About, _ = d.str(p.Value, "about")
	}
	if p := m["terms"]; p != nil {
		c.Terms = d.terms(p.Value)
	}
	return c
}

func (d *decoder) terms(n ast.Node) []Term {
	items, _ := d.list(n, "terms")
	var out []Term
	for _, it := range items {
		t := Term{Pos: posOf(it)}
		switch unwrap(it).(type) {
		case *ast.MappingNode, *ast.MappingValueNode:
			m, ok := d.mapping(it, "term", "term", "case_sensitive")
			if !ok {
				continue
			}
			d.required(m, it, "term", "term")
			if p := m["term"]; p != nil {
				t.Text, _ = d.str(p.Value, "term")
				t.Pos = posOf(p.Value)
			}
			if p := m["case_sensitive"]; p != nil {
				b, ok := unwrap(p.Value).(*ast.BoolNode)
				if !ok {
					d.errorf(p.Value, "case_sensitive must be true or false")
				} else {
					t.CaseSensitive = b.Value
				}
			}
		default:
			var ok bool
			if t.Text, ok = d.str(it, "term"); !ok {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func (d *decoder) examples(n ast.Node) *Examples {
	ex := &Examples{}
	if _, null := unwrap(n).(*ast.NullNode); null {
		return ex
	}
	m, ok := d.mapping(n, "examples", "match", "nomatch")
	if !ok {
		return ex
	}
	read := func(key string) (texts []string, pos []Pos) {
		p := m[key]
		if p == nil {
			return nil, nil
		}
		items, _ := d.list(p.Value, "examples "+key)
		for _, it := range items {
			if s, ok := d.str(it, "example"); ok {
				texts = append(texts, s)
				pos = append(pos, posOf(it))
			}
		}
		return texts, pos
	}
	ex.Match, ex.MatchPos = read("match")
	ex.NoMatch, ex.NoMatchPos = read("nomatch")
	return ex
}
