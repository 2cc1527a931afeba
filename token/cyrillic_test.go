package token

import (
	"fmt"
	"strings"
	"testing"
)

func TestCyrillicNormalisation(t *testing.T) {
	tests := []struct {
		name, text, want string // want: the tokens' Norm, one space apart
	}{
		{"ё is е", "Ещё вооружённый мятеж", "еще вооруженный мятеж"},
		{"capital Ё", "ЁЛКА", "елка"},
		{"stress marks", "войне́ операци́я", "войне операция"},
		{"soft hyphen", "спец\u00ADоперация", "спецоперация"},
		{"a word joiner inside a word", "Ки\u2060ев", "киев"},
		{"a zero-width space parts words (UAX #29)", "Ки\u200Bев", "ки ев"},
		{"Latin letters in a Cyrillic word", "Kиeв и Kиев", "киев и киев"},
		{"Latin i in a Ukrainian word", "Kиїв вiйна", "київ війна"},
		{"Latin words stay Latin", "Kyiv Kiev", "kyiv kiev"},
		{"Ukrainian apostrophes", "з’їзд п'ять мʼясо", "з'їзд п'ять м'ясо"},
		{"offsets keep the text", "вооружённый", "вооруженный"},
	}
	tk := NewTokenizer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tk.Tokenize(tt.text) {
				got = append(got, tok.Norm)
				if w := tt.text[tok.Start:tok.End]; w == "" {
					t.Errorf("token %+v points at nothing", tok)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("norms %q, want %q", g, tt.want)
			}
		})
	}
}

// TestFoldCyrillicKeepsOtherWords: a word with nothing to fold is returned
// as it is, not copied.
func TestFoldCyrillicKeepsOtherWords(t *testing.T) {
	for _, w := range []string{"война", "Straße", "café", "війна", "Київ"} {
		if got := foldCyrillic(w); got != w {
			t.Errorf("foldCyrillic(%q) = %q", w, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { foldCyrillic("специальная") }); n != 0 {
		t.Errorf("%v allocations for a word with nothing to fold", n)
	}
}

func TestSentenceRules(t *testing.T) {
	ru := SentenceRules{Abbreviations: map[string]bool{"т": true, "е": true, "тыс": true, "г": true}, Initials: true}
	tests := []struct {
		name  string
		rules SentenceRules
		text  string
		want  string // sentence numbers of the tokens
	}{
		{"initials join the name", ru, "Как заявил В. В. Путин, операция идет.", "0 0 0 0 0 0 0"},
		{"without the rules they part it", SentenceRules{}, "Как заявил В. В. Путин, операция идет.", "0 0 0 1 2 2 2"},
		{"an abbreviation before a capital", ru, "Погибли 5 тыс. Человек ушли.", "0 0 0 0 0"},
		{"a sentence's end", ru, "Операция идет. Войска стоят.", "0 0 1 1"},
		{"a line break always ends one", ru, "Заявил В.\nПутин", "0 0 1"},
		{"an English initial with the rules", SentenceRules{Initials: true}, "George W. Bush spoke.", "0 0 0 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := NewTokenizer()
			tk.SetSentenceRules(tt.rules)
			var got []string
			for _, tok := range tk.Tokenize(tt.text) {
				got = append(got, fmt.Sprint(tok.Sentence))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("sentences %q, want %q", g, tt.want)
			}
		})
	}
}
