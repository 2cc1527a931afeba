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

func (n ImportNote) String() string {
	if n.Line == 0 { // a note about the whole file
		return fmt.Sprintf("%s: %s", n.File, n.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", n.File, n.Line, n.Msg)
}

// ImportLIWC reads a LIWC-style .dic dictionary: a header of numbered
// categories between two "%" lines, then one entry a line, a word or
// phrase (a trailing * a wildcard) followed by the numbers of its
// categories, separated by tabs or spaces. Each category becomes a
// category of the lexicon named name. Entries that cannot be carried over
// (LIWC's conditional "(02 134)125/464" forms, entries with no word) are
// listed in the notes with their line. A malformed header or an unknown
// category number is an error.
func ImportLIWC(file, name string, data []byte) (*Lexicon, []ImportNote, error) {
	im := &liwcImport{l: &Lexicon{Name: name, Version: "1", Language: "en", File: file}, file: file,
		byNumber: map[string]int{}, ids: map[string]bool{}, seen: map[[2]string]bool{}, tk: token.NewTokenizer()}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line, percents := 0, 0
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
		var err error
		switch percents {
		case 0:
			err = fmt.Errorf("%s:%d: a LIWC dictionary starts with a %% line before its categories", file, line)
		case 1:
			err = im.category(line, trimmed)
		default:
			err = im.entry(line, trimmed)
		}
		if err != nil {
			return nil, im.notes, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, im.notes, fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	if percents < 2 {
		return nil, im.notes, fmt.Errorf("%s: the category header is not closed with a second %% line", file)
	}
	var kept []Category
	for _, c := range im.l.Categories {
		if len(c.Terms) == 0 {
			im.notes = append(im.notes, ImportNote{file, c.Pos.Line, fmt.Sprintf("category %q has no entries: left out", c.ID)})
			continue
		}
		kept = append(kept, c)
	}
	im.l.Categories = kept
	return im.l, im.notes, nil
}

// liwcImport is the state of one ImportLIWC.
type liwcImport struct {
	l        *Lexicon
	file     string
	notes    []ImportNote
	byNumber map[string]int     // category number → index in l.Categories
	ids      map[string]bool    // category ids taken
	seen     map[[2]string]bool // (category, term) already added
	tk       *token.Tokenizer
}

// category reads a line of the header: "NUMBER<tab>NAME".
func (im *liwcImport) category(line int, trimmed string) error {
	num, cat, ok := cutField(trimmed)
	if !ok || !isNumber(num) {
		return fmt.Errorf("%s:%d: want a category line \"NUMBER<tab>NAME\", have %q", im.file, line, trimmed)
	}
	if _, dup := im.byNumber[num]; dup {
		return fmt.Errorf("%s:%d: category number %s is defined twice", im.file, line, num)
	}
	id := categoryID(cat, im.ids)
	im.byNumber[num] = len(im.l.Categories)
	im.l.Categories = append(im.l.Categories, Category{ID: id, About: fmt.Sprintf("LIWC category %s %q, imported from %s", num, cat, im.file), Pos: Pos{Line: line, Col: 1}})
	return nil
}

// entry reads a line of the body: a word or phrase and its categories.
func (im *liwcImport) entry(line int, trimmed string) error {
	fields := strings.FieldsFunc(trimmed, func(r rune) bool { return r == '\t' })
	if len(fields) == 1 {
		// Spaces only: the word is the leading fields that are not
		// numbers (a phrase), the rest its categories.
		fields = splitSpaced(trimmed)
	}
	word := strings.TrimSpace(fields[0])
	ws, err := Words(im.tk, Term{Text: strings.ToLower(word)})
	if err != nil || len(ws) == 0 {
		im.notes = append(im.notes, ImportNote{im.file, line, fmt.Sprintf("entry %q has no word framing can match (punctuation or an emoticon): left out", word)})
		return nil
	}
	wordKey := Key(ws, false)
	for _, f := range fields[1:] {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !isNumber(f) {
			im.notes = append(im.notes, ImportNote{im.file, line, fmt.Sprintf("entry %q: category %q is a conditional LIWC form that has no equivalent here: left out", word, f)})
			continue
		}
		k, ok := im.byNumber[f]
		if !ok {
			return fmt.Errorf("%s:%d: entry %q names category %s, which the header does not define", im.file, line, word, f)
		}
		key := [2]string{im.l.Categories[k].ID, wordKey}
		if im.seen[key] {
			continue
		}
		im.seen[key] = true
		im.l.Categories[k].Terms = append(im.l.Categories[k].Terms, Term{Text: strings.ToLower(word), Pos: Pos{Line: line, Col: 1}})
	}
	return nil
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
