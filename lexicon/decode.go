package lexicon

import (
	"github.com/framingkit/framing/internal/yamllimit"
	"github.com/framingkit/framing/lang"
	"github.com/goccy/go-yaml/ast"
)

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
	d.lang = l.Language
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
	m, ok := d.mapping(n, "concept", "id", "about", "labels", "apart")
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
	if p := m["apart"]; p != nil {
		c.Apart, _ = d.boolean(p.Value, "apart")
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
		lb.Terms = d.terms(p.Value, d.lang)
	}
	if p := m["examples"]; p != nil {
		lb.Examples = d.examples(p.Value)
	}
	return lb
}

func (d *decoder) category(n ast.Node) Category {
	var c Category
	m, ok := d.mapping(n, "category", "id", "about", "terms", "examples")
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
		c.Terms = d.terms(p.Value, d.lang)
	}
	if p := m["examples"]; p != nil {
		c.Examples = d.examples(p.Value)
	}
	return c
}

// terms reads a terms list, or a mapping of language codes to terms
// lists (terms: {en: [...], ru: [...]}); a plain list is in the lexicon's
// language.
func (d *decoder) terms(n ast.Node, language string) []Term {
	switch yamllimit.Unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		byLang, ok := d.mapping(n, "terms", lang.Languages()...)
		if !ok {
			return nil
		}
		var out []Term
		for _, p := range pairsInOrder(n) {
			code := keyString(p.Key)
			if byLang[code] == nil {
				continue
			}
			out = append(out, d.termList(p.Value, code)...)
		}
		return out
	}
	return d.termList(n, language)
}

// termList reads a list of terms written in language lang.
func (d *decoder) termList(n ast.Node, lang string) []Term {
	items, _ := d.list(n, "terms")
	var out []Term
	for _, it := range items {
		t := Term{Pos: posOf(it), Lang: lang}
		switch yamllimit.Unwrap(it).(type) {
		case *ast.MappingNode, *ast.MappingValueNode:
			m, ok := d.mapping(it, "term", "term", "case_sensitive", "inflect")
			if !ok {
				continue
			}
			d.required(m, it, "term", "term")
			if p := m["term"]; p != nil {
				t.Text, _ = d.str(p.Value, "term")
				t.Pos = posOf(p.Value)
			}
			if p := m["case_sensitive"]; p != nil {
				t.CaseSensitive, _ = d.boolean(p.Value, "case_sensitive")
			}
			if p := m["inflect"]; p != nil {
				inflect, ok := d.boolean(p.Value, "inflect")
				t.Exact = ok && !inflect
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

// boolean reads true or false.
func (d *decoder) boolean(n ast.Node, what string) (value, ok bool) {
	b, ok := yamllimit.Unwrap(n).(*ast.BoolNode)
	if !ok {
		d.errorf(n, "%s must be true or false", what)
		return false, false
	}
	return b.Value, true
}

func (d *decoder) examples(n ast.Node) *Examples {
	ex := &Examples{}
	if _, null := yamllimit.Unwrap(n).(*ast.NullNode); null {
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
