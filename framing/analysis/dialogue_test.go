package analysis

import (
	"slices"
	"testing"

	"github.com/framingkit/framing/lang"
)

func TestDialogue(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the speech spans' text
	}{
		{"speech, author, speech", "— Мы продолжим, — заявил он. — Цели будут достигнуты.", []string{"— Мы продолжим,", "— Цели будут достигнуты."}},
		{"speech then author", "— Мы продолжим! — воскликнул Песков.", []string{"— Мы продолжим!"}},
		{"an en dash", "– Ми переможемо, – заявив він.", []string{"– Ми переможемо,"}},
		{"a dash inside a sentence is no turn", "— Москва — столица, — сказал он.", []string{"— Москва — столица,"}},
		{"a paragraph without a dash first is prose", "Москва — столица России, — сказал он.", nil},
		{"each paragraph on its own line", "Он помолчал.\n— Да, — сказал он.\nПотом ушел.", []string{"— Да,"}},
		{"a question and the author's words to the end", "— Когда? — спросил журналист.", []string{"— Когда?"}},
		{"blank lines part paragraphs, a single break wraps", "— Мы продолжим\nработу, — заявил он.\n\nДалее текст.", []string{"— Мы продолжим\nработу,"}},
		{"nothing but a dash", "—", []string{"—"}},
		// Found by the hand-counted fixtures (testdata/ruuk): a paragraph
		// after a blank line was never speech.
		{"speech after a blank line", "Первый абзац.\n\n— Да, — сказал он.", []string{"— Да,"}},
		{"speech after a blank line, CRLF", "Первый абзац.\r\n\r\n— Так, — сказав він. — Ні.", []string{"— Так,", "— Ні."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Dialogue(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speech %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDialogueVoices: in a Russian text, the words of dash dialogue are
// quoted, the author's words his own, and «» quotations inside speech stay
// one quotation with it.
func TestDialogueVoices(t *testing.T) {
	p, _ := lang.Builtin("ru")
	a, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	text := "— Это «спецоперация», — заявил Песков. — Она продолжится.\n\nАрмия наступала."
	got := voices(text, a.Analyze(Input{Text: text}))
	want := "Это/q спецоперация/q заявил/o Песков/o Она/q продолжится/q Армия/o наступала/o"
	if got != want {
		t.Errorf("voices\n%s\nwant\n%s", got, want)
	}
}

func FuzzDialogue(f *testing.F) {
	for _, s := range []string{"— Да, — сказал он. — Нет.", "—\n— —", "– a, – b. – c", "— «a» — b",
		"— Це не війна, — заявив він. — Це вторгнення.", "Текст.\n\n— Реплика без автора\n\nТекст."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, s := range Dialogue(text) {
			if s.Start < last || s.End < s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, last, text)
			}
			last = s.End
		}
	})
}
