package corpus

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/framingkit/framing/internal/yamllimit"
)

// readYAML reads a YAML file, but no more than a YAML file may be (see
// yamllimit); large, when not "", is what to do about a file too large.
func readYAML(file, large string) ([]byte, error) {
	data, err := yamllimit.ReadFile(file)
	var le *yamllimit.Error
	switch {
	case errors.As(err, &le):
		return nil, yamlError(file, err, large)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", file, unwrapPath(err))
	}
	return data, nil
}

// parseYAML parses a YAML file once, within the limits on its size,
// nesting and aliases that every YAML input keeps (see yamllimit), and
// returns the body of its one document (nil for an empty file): decoding
// it (decodeNode) and finding where its parts are written use the same
// tree. large, when not "", is what to do about a file too large.
func parseYAML(file string, data []byte, large string) (body ast.Node, err error) {
	f, err := yamllimit.Parse(data)
	if err != nil {
		return nil, yamlError(file, err, large)
	}
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if body != nil {
			p := nodePos(doc.Body)
			return nil, fmt.Errorf("%s:%d:%d: a second YAML document (the file holds one: remove the second or merge them)", file, p.Line, p.Column)
		}
		body = doc.Body
	}
	return body, nil
}

// decodeNode decodes a parsed body into v strictly (unknown keys are
// errors).
func decodeNode(file string, body ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s:1:1: cannot decode YAML: %v", file, r)
		}
	}()
	if body == nil {
		return nil
	}
	if err := yaml.NodeToValue(body, v, yaml.DisallowUnknownField()); err != nil {
		return yamlError(file, err, "")
	}
	return nil
}

// yamlError is an error of the YAML library, or a limit it goes over, as
// file:line:col: message, at the token it names; large, when not "",
// is what to do about a file too large.
func yamlError(file string, err error, large string) error {
	var le *yamllimit.Error
	if errors.As(err, &le) {
		e := *le
		if large != "" && (e.Limit == yamllimit.Size || e.Limit == yamllimit.Tokens) {
			e.Advice = large
		}
		return fmt.Errorf("%s:%v", file, &e)
	}
	var te interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &te) {
		if t := te.GetToken(); t != nil && t.Position != nil {
			return fmt.Errorf("%s:%d:%d: %s", file, max(1, t.Position.Line), max(1, t.Position.Column), te.GetMessage())
		}
		return fmt.Errorf("%s:1:1: %s", file, te.GetMessage())
	}
	return fmt.Errorf("%s:1:1: %v", file, err)
}

// nodePos is where a node is written; for a block mapping, where its first
// key is (the mapping's own token is a ':' inside it).
func nodePos(n ast.Node) token.Position {
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && !m.IsFlowStyle {
		n = m.Values[0]
	}
	if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil {
		n = mv.Key
	}
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return token.Position{Line: 1, Column: 1}
	}
	p := *n.GetToken().Position
	p.Line, p.Column = max(1, p.Line), max(1, p.Column)
	return p
}

// mappingField returns the value node of key in a mapping node, or nil.
func mappingField(n ast.Node, key string) ast.Node {
	var pairs []*ast.MappingValueNode
	switch v := yamllimit.Unwrap(n).(type) {
	case *ast.MappingNode:
		pairs = v.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{v}
	}
	for _, p := range pairs {
		if p.Key != nil && p.Key.GetToken() != nil && p.Key.GetToken().Value == key {
			return p.Value
		}
	}
	return nil
}

// sequenceItems returns the items of a sequence node, or nil.
func sequenceItems(n ast.Node) []ast.Node {
	if s, ok := yamllimit.Unwrap(n).(*ast.SequenceNode); ok {
		return s.Values
	}
	return nil
}

// decodeYAML parses and decodes a YAML file strictly.
func decodeYAML(file string, data []byte, v any) error {
	body, err := parseYAML(file, data, "")
	if err != nil {
		return err
	}
	return decodeNode(file, body, v)
}
