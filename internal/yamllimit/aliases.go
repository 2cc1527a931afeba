package yamllimit

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// checkAliases refuses a file whose aliases expand it to more than
// ExpandFactor times the values it writes out (or MinExpand), before
// anything decodes it: a decoder copies an alias's value wherever the
// alias stands, and the library's !!str tag turns a list into one string,
// so nine lines of ten aliases each would take gigabytes.
func (l Limits) checkAliases(f *ast.File) error {
	c := expansion{anchors: map[string]int64{}}
	for _, doc := range f.Docs {
		c.count(doc.Body, false)
	}
	if c.aliases == 0 {
		return nil
	}
	c = expansion{anchors: map[string]int64{}, limit: max(int64(l.ExpandFactor)*c.total, int64(l.MinExpand))}
	for _, doc := range f.Docs {
		if c.count(doc.Body, true); c.over != nil {
			return errorAt(c.over.GetToken(), Aliases, fmt.Sprintf("aliases expand the YAML to over %d values, more than %d times what it writes out", c.limit, l.ExpandFactor), "write the values out instead of repeating an alias")
		}
	}
	return nil
}

// expansion counts the values of a parsed file: each node one, and each
// alias as many as the value of its anchor, aliases in it expanded.
type expansion struct {
	anchors map[string]int64 // name → values of the anchor last defined with it
	total   int64            // values so far
	aliases int
	limit   int64          // when expanding: the most values allowed
	over    *ast.AliasNode // the alias that went over the limit
}

// count adds the values of n to the total, with its aliases expanded when
// expand is set, and returns them. Once over the limit it stops; the
// total cannot overflow, since it stops at the first alias past the
// limit, and every anchor's count is part of the total.
func (c *expansion) count(n ast.Node, expand bool) int64 {
	if n == nil || c.over != nil {
		return 0
	}
	switch v := n.(type) {
	case *ast.AliasNode:
		c.aliases++
		if !expand {
			c.total++
			return 1
		}
		s := int64(1)
		if v.Value != nil && v.Value.GetToken() != nil {
			if a, ok := c.anchors[v.Value.GetToken().Value]; ok {
				s = a
			}
		}
		c.total += s
		if c.total > c.limit {
			c.over = v
		}
		return s
	case *ast.AnchorNode:
		s := c.count(v.Value, expand)
		if v.Name != nil && v.Name.GetToken() != nil {
			c.anchors[v.Name.GetToken().Value] = s
		}
		return s
	case *ast.TagNode:
		return c.count(v.Value, expand)
	case *ast.MappingKeyNode:
		return c.count(v.Value, expand)
	case *ast.MappingValueNode:
		return c.count(v.Key, expand) + c.count(v.Value, expand)
	case *ast.MappingNode:
		c.total++
		s := int64(1)
		for _, p := range v.Values {
			s += c.count(p, expand)
		}
		return s
	case *ast.SequenceNode:
		c.total++
		s := int64(1)
		for _, it := range v.Values {
			s += c.count(it, expand)
		}
		return s
	default:
		c.total++
		return 1
	}
}
