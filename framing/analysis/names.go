package analysis

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

// nameRule tells a name in quotation marks (ЧВК «Вагнер») from a
// quotation, by a language pack's lang.QuotedNames.
type nameRule struct {
	maxWords int
	// heads are the head words and their inflected forms, lower case.
	heads map[string]bool
}

func newNameRule(p *lang.Pack) *nameRule {
	n := p.Quotes.Names
	if n.MaxWords <= 0 {
		return nil
	}
	r := &nameRule{maxWords: n.MaxWords, heads: map[string]bool{}}
	tk := token.NewTokenizer() // heads in the normal form of the text's tokens
	for _, h := range n.Heads {
		for _, t := range tk.Tokenize(h) {
			for _, f := range p.Inflection.Forms(t.Norm) {
				r.heads[f] = true
			}
		}
	}
	return r
}

// names takes out of quotes the spans that enclose a name: the words of a
// name are the voice around it, and a name is no one's quotation.
func (r *nameRule) names(text string, toks []token.Token, quotes []Span) []Span {
	if r == nil {
		return quotes
	}
	kept := quotes[:0]
	for _, sp := range quotes {
		if !r.isName(text, toks, sp) {
			kept = append(kept, sp)
		}
	}
	return kept
}

// isName applies the rule of lang.QuotedNames to the quotation span sp,
// marks included.
func (r *nameRule) isName(text string, toks []token.Token, sp Span) bool {
	_, open := utf8.DecodeRuneInString(text[sp.Start:])
	_, closeSize := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
	if sp.End-closeSize < sp.Start+open {
		return false
	}
	inner := text[sp.Start+open : sp.End-closeSize]
	words, firstWord := fieldsUpTo(inner, r.maxWords+1)
	if words == 0 || words > r.maxWords || strings.ContainsAny(inner, ".,!?:;…\n") {
		return false
	}
	if w, ok := wordBefore(text, toks, sp.Start); ok && r.heads[w.Norm] {
		return true
	}
	first, _ := utf8.DecodeRuneInString(firstWord)
	if !unicode.IsUpper(first) || !strings.ContainsFunc(firstWord, unicode.IsLower) {
		return false
	}
	// Speech is introduced by a colon, or followed by the author's dash,
	// after a comma or not: «Нет», — ответил он; «Нет» — ответил он.
	rest := strings.TrimLeftFunc(text[sp.End:], unicode.IsSpace)
	if r, _ := utf8.DecodeRuneInString(rest); r == ',' {
		rest = rest[1:]
	}
	after := firstNonSpace(rest)
	return lastNonSpace(text[:sp.Start]) != ':' && after != '—' && after != '–'
}

// fieldsUpTo counts the fields of s as strings.Fields splits it (runs of
// runes that are not unicode.IsSpace), up to limit, and returns the first:
// without the slice of all of them, since a quotation is a name only when
// it has a few.
func fieldsUpTo(s string, limit int) (n int, first string) {
	start := -1 // of the field being read
	for i, r := range s {
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			if n == 1 {
				first = s[start:i]
			}
			start = -1
		case !space && start < 0:
			if n++; n == limit {
				return n, first
			}
			start = i
		}
	}
	if n == 1 && start >= 0 {
		first = s[start:]
	}
	return n, first
}

// wordBefore is the token that ends right before offset i, across spaces
// only: its Norm is the word in the tokenizer's normal form (case, ё,
// apostrophes), as the head words are kept.
func wordBefore(text string, toks []token.Token, i int) (token.Token, bool) {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End > i }) - 1
	if k < 0 || strings.Trim(text[toks[k].End:i], " \u00A0") != "" {
		return token.Token{}, false
	}
	return toks[k], true
}

func lastNonSpace(s string) rune {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstNonSpace(s string) rune {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
