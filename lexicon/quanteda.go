package lexicon

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/framingkit/framing/internal/yamllimit"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// ImportQuanteda reads a quanteda dictionary in YAML: top-level keys become
// concepts and their keys labels; a top-level key with a list of its own
// becomes a concept with one label of the same name. Patterns are quanteda
// globs: a trailing * maps to framing's; a ? or a * elsewhere has no
// equivalent and is reported with its line, as are deeper nesting and a
// pattern already under another label (framing counts a word for one
// label). Regular-expression dictionaries cannot be told from the file:
// they are read as globs, which is what quanteda's default valuetype is.
func ImportQuanteda(file, name string, data []byte) (*Lexicon, []ImportNote, error) {
	f, err := yamllimit.Parse(data)
	var le *yamllimit.Error
	if errors.As(err, &le) {
		return nil, nil, fmt.Errorf("%s:%v", file, le)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not YAML: %v", file, err)
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, nil, fmt.Errorf("%s: empty dictionary", file)
	}
	top, ok := pairsOf(f.Docs[0].Body)
	if !ok {
		return nil, nil, fmt.Errorf("%s:%d: a quanteda dictionary is a mapping of keys", file, posOf(f.Docs[0].Body).Line)
	}
	im := &quantedaImport{l: &Lexicon{Name: name, Version: "1", Language: "en", File: file}, file: file,
		ids: map[string]bool{}, owner: map[string]string{}, tk: token.NewTokenizer()}
	for _, p := range top {
		if c, ok := im.concept(p); ok {
			im.l.Concepts = append(im.l.Concepts, c)
		}
	}
	return im.l, im.notes, nil
}

// quantedaImport is the state of one ImportQuanteda.
type quantedaImport struct {
	l     *Lexicon
	file  string
	notes []ImportNote
	ids   map[string]bool   // concept ids taken
	owner map[string]string // term → label id, for duplicates
	tk    *token.Tokenizer
}

func (im *quantedaImport) note(line int, format string, args ...any) {
	im.notes = append(im.notes, ImportNote{im.file, line, fmt.Sprintf(format, args...)})
}

// concept reads a top-level key: a concept, with a label of its own name
// when it holds a list, else with a label for each of its keys. ok is
// false when nothing of it can be kept.
func (im *quantedaImport) concept(p *ast.MappingValueNode) (c Concept, ok bool) {
	cid := categoryID(keyString(p.Key), im.ids)
	c = Concept{ID: cid, About: fmt.Sprintf("quanteda key %q, imported from %s", keyString(p.Key), im.file), Pos: posOf(p)}
	switch v := yamllimit.Unwrap(p.Value).(type) {
	case *ast.SequenceNode:
		lb := Label{ID: cid, Pos: posOf(p)}
		im.terms(&lb, cid+"."+cid, v)
		c.Labels = append(c.Labels, lb)
	case *ast.MappingNode, *ast.MappingValueNode:
		inner, _ := pairsOf(v)
		labelIDs := map[string]bool{}
		for _, q := range inner {
			lid := categoryID(keyString(q.Key), labelIDs)
			seq, ok := yamllimit.Unwrap(q.Value).(*ast.SequenceNode)
			if !ok {
				im.note(posOf(q).Line, "%s.%s: nesting deeper than two levels has no equivalent (concepts hold labels): left out", cid, lid)
				continue
			}
			lb := Label{ID: lid, Pos: posOf(q)}
			im.terms(&lb, cid+"."+lid, seq)
			c.Labels = append(c.Labels, lb)
		}
	default:
		im.note(posOf(p).Line, "%s: want a list of patterns or keys, have %s: left out", cid, kindOf(p.Value))
		return c, false
	}
	var kept []Label
	for _, lb := range c.Labels {
		if len(lb.Terms) > 0 {
			kept = append(kept, lb)
		} else {
			im.note(lb.Pos.Line, "%s.%s: no pattern left: label left out", cid, lb.ID)
		}
	}
	c.Labels = kept
	return c, len(kept) > 0
}

// terms reads a label's patterns into lb, noting those framing cannot
// express or already has under another label.
func (im *quantedaImport) terms(lb *Label, labelID string, seq *ast.SequenceNode) {
	for _, v := range seq.Values {
		line := posOf(v).Line
		s, ok := scalar(v)
		if !ok {
			im.note(line, "%s: a pattern that is not a string: left out", labelID)
			continue
		}
		pattern := strings.TrimSpace(s)
		bad := false
		for _, w := range strings.Fields(pattern) {
			if strings.Contains(w, "?") || strings.Contains(strings.TrimSuffix(w, "*"), "*") {
				bad = true
			}
		}
		if bad {
			im.note(line, "%s: pattern %q uses a ? or an inner * that framing's globs (a trailing * only) cannot express: left out", labelID, pattern)
			continue
		}
		term := strings.ToLower(pattern)
		ws, err := Words(im.tk, Term{Text: term})
		if err != nil || len(ws) == 0 {
			im.note(line, "%s: pattern %q has no word framing can match: left out", labelID, pattern)
			continue
		}
		key := Key(ws, false) // "invasion!" and "invasion" are one term to framing
		if prev, dup := im.owner[key]; dup {
			im.note(line, "%s: pattern %q is already under %s, and framing counts a word for one label: left out here", labelID, pattern, prev)
			continue
		}
		im.owner[key] = labelID
		lb.Terms = append(lb.Terms, Term{Text: term, Pos: Pos{Line: line, Col: 1}})
	}
}

func pairsOf(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch v := yamllimit.Unwrap(n).(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	}
	return nil, false
}

func scalar(n ast.Node) (string, bool) {
	switch v := yamllimit.Unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return v.GetToken().Value, true
	}
	return "", false
}

// ExportQuanteda writes l as a quanteda YAML dictionary: concepts as keys,
// their labels as keys below them, categories as keys of their own, terms
// as glob patterns. Case-sensitive terms cannot be marked in quanteda's
// format; they are written as they are and listed in the notes. A term
// that matches its inflected forms (Russian, Ukrainian) cannot be written
// as framing matches it either: each of its words becomes its shortest
// stem and a "*" ("вторжение" → "вторжен*"), which also matches longer
// words that share the stem; the term as written follows in a comment,
// and the notes count such terms by language.
func ExportQuanteda(w io.Writer, l *Lexicon) ([]ImportNote, error) {
	var b strings.Builder
	var notes []ImportNote
	tk := token.NewTokenizer()
	inflected := map[string]int{} // language → terms exported as stems
	fmt.Fprintf(&b, "# %s %s, exported by framing for quanteda (valuetype = \"glob\")\n", l.Name, l.Version)
	list := func(indent string, owner string, terms []Term) {
		written := map[string]bool{} // two languages' terms may share a stem
		for _, t := range terms {
			if t.CaseSensitive {
				notes = append(notes, ImportNote{l.File, t.Pos.Line, fmt.Sprintf("%s: term %q is case-sensitive, which quanteda's dictionary cannot say: exported as it is", owner, t.Text)})
			}
			if pattern, ok := stemPattern(tk, t); ok {
				inflected[t.Lang]++
				if !written[pattern] {
					written[pattern] = true
					fmt.Fprintf(&b, "%s- %s # %s (%s, inflected)\n", indent, strconv.Quote(pattern), t.Text, t.Lang)
				}
				continue
			}
			fmt.Fprintf(&b, "%s- %s\n", indent, strconv.Quote(t.Text))
		}
	}
	for _, c := range l.Concepts {
		fmt.Fprintf(&b, "%s:\n", c.ID)
		for _, lb := range c.Labels {
			fmt.Fprintf(&b, "  %s:\n", lb.ID)
			list("    ", c.ID+"."+lb.ID, lb.Terms)
		}
	}
	for _, c := range l.Categories {
		fmt.Fprintf(&b, "%s:\n", c.ID)
		list("  ", c.ID, c.Terms)
	}
	for _, code := range slices.Sorted(maps.Keys(inflected)) {
		notes = append(notes, ImportNote{l.File, 0, fmt.Sprintf("%d %s terms match their inflected forms, which a quanteda glob cannot list: each word is exported as its stem and *, which also matches longer words that share the stem (the term as written is in a comment)", inflected[code], code)})
	}
	for _, c := range l.Concepts {
		if c.Apart {
			notes = append(notes, ImportNote{l.File, c.Pos.Line, fmt.Sprintf("concept %s is matched apart from the others in framing (apart: true); quanteda looks every key up in one pass, so a word another key's phrase takes counts there only", c.ID)})
		}
	}
	_, err := io.WriteString(w, b.String())
	return notes, err
}

// stemPattern is the glob pattern an inflected term is exported as: each
// word its shortest stem and "*" (a glob word as it is, an exact word as
// written); ok is false for a term that does not inflect.
func stemPattern(tk *token.Tokenizer, t Term) (string, bool) {
	if !Inflects(t) {
		return "", false
	}
	ws, err := Words(tk, t)
	if err != nil {
		return "", false
	}
	p, _ := lang.Builtin(t.Lang)
	parts := make([]string, len(ws))
	stemmed := false
	for i, w := range ws {
		switch {
		case w.Glob:
			parts[i] = w.Text + "*"
		case w.Exact || len(p.Inflection.Forms(w.Text)) == 1:
			parts[i] = w.Text
		default:
			parts[i] = p.Inflection.Stem(w.Text) + "*"
			stemmed = true
		}
	}
	return strings.Join(parts, " "), stemmed
}

// WriteYAML writes l in framing's lexicon format.
func WriteYAML(w io.Writer, l *Lexicon) error {
	var b strings.Builder
	q := strconv.Quote
	fmt.Fprintf(&b, "lexicon: %s\nversion: %s\nlanguage: %s\n", q(l.Name), q(l.Version), q(l.Language))
	if l.About != "" {
		fmt.Fprintf(&b, "about: %s\n", q(l.About))
	}
	if l.Axis != nil {
		fmt.Fprintf(&b, "axis: {negative: %s, positive: %s}\n", q(l.Axis.Negative), q(l.Axis.Positive))
	}
	entry := func(indent string, t Term) {
		switch {
		case t.CaseSensitive:
			fmt.Fprintf(&b, "%s- {term: %s, case_sensitive: true}\n", indent, q(t.Text))
		case t.Exact:
			fmt.Fprintf(&b, "%s- {term: %s, inflect: false}\n", indent, q(t.Text))
		default:
			fmt.Fprintf(&b, "%s- %s\n", indent, q(t.Text))
		}
	}
	// A plain list when every term is in the lexicon's language, else a
	// list under each language, in the order they first appear.
	terms := func(indent string, ts []Term) {
		fmt.Fprintf(&b, "%sterms:\n", indent)
		var langs []string
		for _, t := range ts {
			if code := cmp.Or(t.Lang, l.Language); !slices.Contains(langs, code) {
				langs = append(langs, code)
			}
		}
		if len(langs) <= 1 && (len(langs) == 0 || langs[0] == l.Language) {
			for _, t := range ts {
				entry(indent+"  ", t)
			}
			return
		}
		for _, code := range langs {
			fmt.Fprintf(&b, "%s  %s:\n", indent, code)
			for _, t := range ts {
				if cmp.Or(t.Lang, l.Language) == code {
					entry(indent+"    ", t)
				}
			}
		}
	}
	if len(l.Concepts) > 0 {
		b.WriteString("concepts:\n")
	}
	for _, c := range l.Concepts {
		fmt.Fprintf(&b, "  - id: %s\n", c.ID)
		if c.About != "" {
			fmt.Fprintf(&b, "    about: %s\n", q(c.About))
		}
		if c.Apart {
			b.WriteString("    apart: true\n")
		}
		b.WriteString("    labels:\n")
		for _, lb := range c.Labels {
			fmt.Fprintf(&b, "      - id: %s\n", lb.ID)
			if lb.Pole != "" {
				fmt.Fprintf(&b, "        pole: %s\n", q(lb.Pole))
			}
			terms("        ", lb.Terms)
		}
	}
	if len(l.Categories) > 0 {
		b.WriteString("categories:\n")
	}
	for _, c := range l.Categories {
		fmt.Fprintf(&b, "  - id: %s\n", c.ID)
		if c.About != "" {
			fmt.Fprintf(&b, "    about: %s\n", q(c.About))
		}
		terms("    ", c.Terms)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
