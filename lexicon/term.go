package lexicon

import (
	"errors"
	"strings"

	"github.com/framingkit/framing/token"
)

// Word is one token of a compiled term.
type Word struct {
	// Text is the token's Norm, or its Form for a case-sensitive word.
	Text string
	// Glob makes the word match any token that starts with Text.
	Glob bool
	// Exact is a case-sensitive word: the term's case_sensitive, or a word
	// in capitals of a name (see CompileNames).
	Exact bool
}

// minGlobPrefix is the shortest prefix a glob may have: "in*" would match
// half the language.
const minGlobPrefix = 3

// Errors that Words returns; validation turns them into positioned messages.
var (
	ErrEmptyTerm   = errors.New("term is empty")
	ErrOnlyGlob    = errors.New("term is only a glob")
	ErrInnerGlob   = errors.New(`"*" may only end a word`)
	ErrShortGlob   = errors.New(`a glob needs at least 3 letters before "*"`)
	ErrNoWordToken = errors.New("term has no letters or digits")
)

// Words tokenises a term with the same tokeniser documents go through, so a
// term and the text it names always normalise alike. A trailing "*" on a
// whitespace-separated word makes the last token of that word a glob.
func Words(t *token.Tokenizer, term Term) ([]Word, error) {
	fields := strings.Fields(term.Text)
	if len(fields) == 0 {
		return nil, ErrEmptyTerm
	}
	var out []Word
	for _, f := range fields {
		glob := strings.HasSuffix(f, "*")
		body := strings.TrimSuffix(f, "*")
		if strings.Contains(body, "*") {
			return nil, ErrInnerGlob
		}
		if glob && strings.Trim(body, "*") == "" {
			return nil, ErrOnlyGlob
		}
		toks := t.Tokenize(body)
		if len(toks) == 0 {
			if glob {
				return nil, ErrOnlyGlob
			}
			continue // punctuation between words, such as a lone dash
		}
		for i, tk := range toks {
			w := Word{Text: tk.Norm}
			if term.CaseSensitive || term.capitalsExact && token.IsAllCaps(tk.Form) {
				w.Text, w.Exact = tk.Form, true
			}
			if glob && i == len(toks)-1 {
				if len([]rune(w.Text)) < minGlobPrefix {
					return nil, ErrShortGlob
				}
				w.Glob = true
			}
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil, ErrNoWordToken
	}
	return out, nil
}

// Key is a term's identity after normalisation: two terms with the same key
// match the same text. Case-sensitive terms are marked so that "SMO" (case
// sensitive) and "smo" stay apart.
func Key(words []Word, caseSensitive bool) string {
	var b strings.Builder
	if caseSensitive {
		b.WriteString("=")
	}
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		if w.Glob {
			b.WriteByte('*')
		}
	}
	return b.String()
}
