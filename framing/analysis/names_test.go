package analysis

import (
	"testing"

	"github.com/framingkit/framing/lang"
)

// TestQuotedNames: in Russian and Ukrainian, a name in quotation marks is
// the author's words, a quotation is not, and the near misses stay
// quotations: speech of few words, an acronym in scare quotes, a quote a
// colon introduces or a dash follows, and lower-case words.
func TestQuotedNames(t *testing.T) {
	checkVoices(t, []voiceCase{
		{"ru", "after a head word", "Бойцы ЧВК «Вагнер» вошли в город.", "Бойцы/o ЧВК/o Вагнер/o вошли/o в/o город/o"},
		{"ru", "after an inflected head word", "Об этом пишет газеты «Известия» сотрудник.", "Об/o этом/o пишет/o газеты/o Известия/o сотрудник/o"},
		{"ru", "a head word lets a lower-case name through", "Операция «возмездие» началась.", "Операция/o возмездие/o началась/o"},
		{"ru", "a capitalised name mid-sentence", "Основатель «Вагнера» Евгений Пригожин выступил.", "Основатель/o Вагнера/o Евгений/o Пригожин/o выступил/o"},
		{"ru", "a name of two words at a sentence start", "«Единая Россия» поддержала закон.", "Единая/o Россия/o поддержала/o закон/o"},
		{"ru", "nested name inside a quotation stays quoted", "Он сказал: «Бойцы „Вагнера“ ушли».", "Он/o сказал/o Бойцы/q Вагнера/q ушли/q"},
		{"ru", "speech after a colon", "Песков ответил: «Нет».", "Песков/o ответил/o Нет/q"},
		{"ru", "speech with a comma and a dash", "«Мы победим», — заявил он.", "Мы/q победим/q заявил/o он/o"},
		{"ru", "speech followed by a dash", "«Никогда» — ответил министр.", "Никогда/q ответил/o министр/o"},
		{"ru", "an acronym in scare quotes stays quoted", "Так называемая «СВО» продолжается.", "Так/o называемая/o СВО/q продолжается/o"},
		{"ru", "lower case is a quotation", "Он назвал это «спецоперацией» в эфире.", "Он/o назвал/o это/o спецоперацией/q в/o эфире/o"},
		{"ru", "more words than a name", "Он сказал «Мы будем стоять до конца» вчера.", "Он/o сказал/o Мы/q будем/q стоять/q до/q конца/q вчера/r"},
		{"uk", "Ukrainian head word", "Бійці ПВК «Вагнер» відступили.", "Бійці/o ПВК/o Вагнер/o відступили/o"},
		{"uk", "Ukrainian head with an apostrophe", "Об’єднання «Свобода» заявило.", "Об’єднання/o Свобода/o заявило/o"},
		{"en", "English has no name rule", "The \"Wagner\" group left.", "The/o Wagner/q group/o left/o"},
	})
}

// voiceCase is a text in a language and the voice of each of its words,
// written by hand (voices).
type voiceCase struct {
	lang, name, text, want string
}

// checkVoices analyses each case's text with its language's rules and
// compares the words' voices with the case's.
func checkVoices(t *testing.T, cases []voiceCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			p, _ := lang.Builtin(tt.lang)
			a, err := New(p)
			if err != nil {
				t.Fatal(err)
			}
			if got := voices(tt.text, a.Analyze(Input{Text: tt.text})); got != tt.want {
				t.Errorf("voices\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
