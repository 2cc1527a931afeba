package analysis

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/framingkit/framing/token"
)

// FuzzBoilerplate runs every language's line rules on any text: dropped
// lines come in order, each one a whole line of the text with a reason,
// and names in quotation marks stay inside their quotation; and they are
// the lines the rules before their fast paths drop (refDrop). The seeds
// are furniture of the three languages' press.
func FuzzBoilerplate(f *testing.F) {
	for _, s := range []string{
		"Читайте также: В Москве открылась выставка\n\nТекст новости.",
		"ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА\n18+\nНовость.",
		"Фото: Иван Петров / ТАСС\nПодписывайтесь на наш Telegram\nРеклама\nПоделиться",
		"Читайте також: Київ отримав ППО\nФото: Укрінформ\nПідписуйтесь на наш канал",
		"Источник: РИА Новости\n© 2024 ООО «Медиа»",
		"газета «Известия» пишет, что ЧВК «Вагнер» ушла",
		"Also Read: x\n“War,” he said.",
		"\u00ad\u0301«„»“\n\n—",
	} {
		f.Add(s)
	}
	tk := token.NewTokenizer()
	rules := allLineRules(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := tk.Tokenize(text)
		quotes, _ := Quotes(text)
		for _, r := range rules {
			last := -1
			got := r.Drop(text, toks, quotes, Span{})
			if want := refDrop(r, text, toks, quotes, Span{}); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: Drop(%q)\n got %v\nwant %v", r.pack.Language, text, got, want)
			}
			for _, d := range got {
				if d.Start <= last || d.End < d.Start || d.End > len(text) || d.Reason == "" {
					t.Fatalf("dropped line %+v out of order or range (last start %d, len %d)", d, last, len(text))
				}
				if d.Start > 0 && text[d.Start-1] != '\n' && text[d.Start-1] != '\r' && text[d.Start-1] != ' ' && text[d.Start-1] != '\t' {
					t.Fatalf("dropped line %+v does not start a line of %q", d, text)
				}
				if utf8.ValidString(text) && !utf8.ValidString(text[d.Start:d.End]) {
					t.Fatalf("dropped line %+v cuts a character of %q", d, text)
				}
				last = d.Start
			}
		}
	})
}
