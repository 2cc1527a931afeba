package lexicon

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/framingkit/framing/internal/yamllimit"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The decoder walks the YAML syntax tree itself, so that every problem is
// reported at the line and column the parser gives for the node.

// decoder collects errors while it walks the tree.
type decoder struct {
	file string
	errs ErrorList
	// lang is the lexicon's language, of terms listed without one.
	lang string
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

// field is one key of a mapping, with its value node.
type field struct {
	key  string
	pair *ast.MappingValueNode
}

// mapping returns the pairs of a mapping node, reporting keys not in known
// and keys given twice. what names the mapping in messages.
func (d *decoder) mapping(n ast.Node, what string, known ...string) (map[string]*ast.MappingValueNode, bool) {
	n = yamllimit.Unwrap(n)
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

// pairsInOrder are the pairs of a mapping node in the file's order (none
// for another node).
func pairsInOrder(n ast.Node) []*ast.MappingValueNode {
	switch v := yamllimit.Unwrap(n).(type) {
	case *ast.MappingNode:
		return v.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}
	}
	return nil
}

func keyString(k ast.MapKeyNode) string {
	if k == nil {
		return ""
	}
	if s, ok := yamllimit.Unwrap(k).(*ast.StringNode); ok {
		return s.Value
	}
	return k.String()
}

func kindOf(n ast.Node) string {
	switch yamllimit.Unwrap(n).(type) {
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
	switch v := yamllimit.Unwrap(n).(type) {
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
	switch v := yamllimit.Unwrap(n).(type) {
	case *ast.SequenceNode:
		return v.Values, true
	case *ast.NullNode:
		return nil, true
	default:
		d.errorf(n, "%s must be a list, not %s", what, kindOf(n))
		return nil, false
	}
}
