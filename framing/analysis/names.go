package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
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
	for _, h := range n.Heads {
		for _, f := range p.Inflection.Forms(foldWord(h)) {
			r.heads[f] = true
		}
	}
	return r
}

// names takes out of quotes the spans that enclose a name: the words of a
// name are the voice around it, and a name is no one's quotation.
func (r *nameRule) names(text string, quotes []Span) []Span {
	if r == nil {
		return quotes
	}
	kept := quotes[:0]
	for _, sp := range quotes {
		if !r.isName(text, sp) {
			kept = append(kept, sp)
		}
	}
	return kept
}

// isName applies the rule of lang.QuotedNames to the quotation span sp,
// marks included.
func (r *nameRule) isName(text string, sp Span) bool {
	_, open := utf8.DecodeRuneInString(text[sp.Start:])
	_, closeSize := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
	if sp.End-closeSize < sp.Start+open {
		return false
	}
	inner := text[sp.Start+open : sp.End-closeSize]
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > r.maxWords || strings.ContainsAny(inner, ".,!?:;…\n") {
		return false
	}
	if r.heads[foldWord(wordBefore(text, sp.Start))] {
		return true
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	if !unicode.IsUpper(first) || !strings.ContainsFunc(words[0], unicode.IsLower) {
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

// wordBefore is the word that ends right before offset i, across spaces.
func wordBefore(text string, i int) string {
	end := i
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if r != ' ' && r != '\u00A0' {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != 'ʼ' {
			break
		}
		start -= size
	}
	return text[start:end]
}

// foldWord is a word as head words are listed: lower case, ё as е, and
// the Ukrainian apostrophes as '.
func foldWord(w string) string {
	w = strings.ToLower(w)
	return strings.NewReplacer("ё", "е", "’", "'", "ʼ", "'").Replace(w)
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
