package lexicon

import (
	"github.com/framingkit/framing/token"

	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ImportNote is something of a source dictionary that an import could not
// carry over, with its line: reported, never silently dropped.
type ImportNote struct {
	File string
	Line int
	Msg  string
}

func (n ImportNote) String() string { return fmt.Sprintf("%s:%d: %s", n.File, n.Line, n.Msg) }

// ImportLIWC reads a LIWC-style .dic dictionary: a header of numbered
// categories between two "%" lines, then one entry a line, a word or
// phrase (a trailing * a wildcard) followed by the numbers of its
// categories, separated by tabs or spaces. Each category becomes a
// category of the lexicon named name. Entries that cannot be carried over
// (LIWC's conditional "(02 134)125/464" forms, entries with no word) are
// listed in the notes with their line. A malformed header or an unknown
// category number is an error.
func ImportLIWC(file, name string, data []byte) (*Lexicon, []ImportNote, error) {
	l := &Lexicon{Name: name, Version: "1", Language: "en", File: file}
	var notes []ImportNote
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line, percents := 0, 0
	byNumber := map[string]int{} // category number → index in l.Categories
	ids := map[string]bool{}
	seen := map[[2]string]bool{} // (category, term) already added
	tk := token.NewTokenizer()
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			continue
		}
		if trimmed == "%" {
			percents++
			continue
		}
		switch percents {
		case 0:
			return nil, notes, fmt.Errorf("%s:%d: a LIWC dictionary starts with a %% line before its categories", file, line)
		case 1:
			num, cat, ok := cutField(trimmed)
			if !ok || !isNumber(num) {
				return nil, notes, fmt.Errorf("%s:%d: want a category line \"NUMBER<tab>NAME\", have %q", file, line, trimmed)
			}
			if _, dup := byNumber[num]; dup {
				return nil, notes, fmt.Errorf("%s:%d: category number %s is defined twice", file, line, num)
			}
			id := categoryID(cat, ids)
			byNumber[num] = len(l.Categories)
			l.Categories = append(l.Categories, Category{ID: id, About: fmt.Sprintf("LIWC category %s %q, imported from %s", num, cat, file), Pos: Pos{Line: line, Col: 1}})
		default:
			fields := strings.FieldsFunc(trimmed, func(r rune) bool { return r == '\t' })
			if len(fields) == 1 {
				// Spaces only: the word is the leading fields that are not
				// numbers (a phrase), the rest its categories.
				fields = splitSpaced(trimmed)
			}
			word := strings.TrimSpace(fields[0])
			ws, err := Words(tk, Term{Text: strings.ToLower(word)})
			if err != nil || len(ws) == 0 {
				notes = append(notes, ImportNote{file, line, fmt.Sprintf("entry %q has no word framing can match (punctuation or an emoticon): left out", word)})
				continue
			}
			wordKey := Key(ws, false)
			for _, f := range fields[1:] {
				f = strings.TrimSpace(f)
				if f == "" {
					continue
				}
				if !isNumber(f) {
					notes = append(notes, ImportNote{file, line, fmt.Sprintf("entry %q: category %q is a conditional LIWC form that has no equivalent here: left out", word, f)})
					continue
				}
				k, ok := byNumber[f]
				if !ok {
					return nil, notes, fmt.Errorf("%s:%d: entry %q names category %s, which the header does not define", file, line, word, f)
				}
				key := [2]string{l.Categories[k].ID, wordKey}
				if seen[key] {
					continue
				}
				seen[key] = true
				l.Categories[k].Terms = append(l.Categories[k].Terms, Term{Text: strings.ToLower(word), Pos: Pos{Line: line, Col: 1}})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, notes, fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	if percents < 2 {
		return nil, notes, fmt.Errorf("%s: the category header is not closed with a second %% line", file)
	}
	var kept []Category
	for _, c := range l.Categories {
		if len(c.Terms) == 0 {
			notes = append(notes, ImportNote{file, c.Pos.Line, fmt.Sprintf("category %q has no entries: left out", c.ID)})
			continue
		}
		kept = append(kept, c)
	}
	l.Categories = kept
	return l, notes, nil
}

func cutField(s string) (a, b string, ok bool) {
	i := strings.IndexAny(s, "\t ")
	if i < 0 {
		return "", "", false
	}
	return s[:i], strings.TrimSpace(s[i+1:]), strings.TrimSpace(s[i+1:]) != ""
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// splitSpaced splits "kind of 12 13" into "kind of", "12", "13".
func splitSpaced(s string) []string {
	f := strings.Fields(s)
	i := len(f)
	for i > 1 && !strings.ContainsAny(f[i-1], "abcdefghijklmnopqrstuvwxyz*") {
		i--
	}
	return append([]string{strings.Join(f[:i], " ")}, f[i:]...)
}

var notID = regexp.MustCompile(`[^a-z0-9_]+`)

// categoryID makes an id of a name ("Negative Emotion" → negative_emotion),
// unique among ids.
func categoryID(name string, ids map[string]bool) string {
	id := strings.Trim(notID.ReplaceAllString(strings.ToLower(name), "_"), "_")
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		id = "c_" + id
	}
	base := id
	for k := 2; ids[id]; k++ {
		id = fmt.Sprintf("%s_%d", base, k)
	}
	ids[id] = true
	return id
}
