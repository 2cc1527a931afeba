package analysis

import (
	"testing"
)

// TestVoiceRules: the voice of every word under the rules beyond
// quotation marks, written by hand for each case of issue 17 and its near
// misses (o own, q quoted, r reported, b boilerplate). Distancing and
// negation are properties of hits and are tested with the scorer.
func TestVoiceRules(t *testing.T) {
	checkVoices(t, []voiceCase{
		{"en", "a speech verb reports its clause", "Russia says its operation is on plan.", "Russia/o says/o its/r operation/r is/r on/r plan/r"},
		{"en", "a leading according to", "According to the Kremlin, the operation goes on.", "According/o to/o the/o Kremlin/o the/r operation/r goes/r on/r"},
		{"en", "a trailing attribution", "The operation goes on, the ministry said.", "The/r operation/r goes/r on/r the/o ministry/o said/o"},
		{"en", "a trailing attribution with a tail", "The mutiny is over, the Kremlin announced on Saturday.", "The/r mutiny/r is/r over/r the/o Kremlin/o announced/o on/o Saturday/o"},
		{"en", "a naming verb's object is not the source's", "Putin described the actions as a mutiny.", "Putin/o described/o the/o actions/o as/o a/r mutiny/r"},
		{"en", "a naming verb's complement after an article", "Moscow calls it a special operation.", "Moscow/o calls/o it/o a/r special/r operation/r"},
		{"en", "said nothing about is a topic", "He said nothing about the invasion.", "He/o said/o nothing/o about/o the/o invasion/o"},
		{"en", "called for is no naming", "Kyiv called for an end to the war.", "Kyiv/o called/o for/o an/o end/o to/o the/o war/o"},
		{"en", "a relative clause reports to its end", "The invasion, which Moscow calls an operation, goes on.", "The/o invasion/o which/o Moscow/o calls/o an/r operation/r goes/o on/o"},
		{"en", "a verb after a quotation attributes it", "“It is war,” he said, and the army moved.", "It/q is/q war/q he/o said/o and/o the/o army/o moved/o"},
		{"en", "spoke about is a topic", "Zelensky spoke about the invasion.", "Zelensky/o spoke/o about/o the/o invasion/o"},
		{"en", "single quotes in a headline", "Russia announces ‘military operation’ in Ukraine", "Russia/o announces/o military/q operation/q in/r Ukraine/r"},
		{"en", "apostrophes are no quotes", "Rock 'n' roll in the '90s: the soldiers' war.", "Rock/o n/o roll/o in/o the/o 90s/o the/o soldiers/o war/o"},
		{"en", "British quotes", "He called it 'a special operation' on Monday.", "He/o called/o it/o a/q special/q operation/q on/o Monday/o"},
		{"ru", "как заявил", "Как заявил Песков, операция идёт по плану.", "Как/o заявил/o Песков/o операция/r идёт/r по/r плану/r"},
		{"ru", "a trailing заявил", "Операция идёт по плану, заявил Песков.", "Операция/r идёт/r по/r плану/r заявил/o Песков/o"},
		{"ru", "the subject after the verb reports nothing", "Об этом сообщает агентство Интерфакс.", "Об/o этом/o сообщает/o агентство/o Интерфакс/o"},
		{"ru", "назвал names in the instrumental", "Путин назвал действия Пригожина вооружённым мятежом.", "Путин/o назвал/o действия/o Пригожина/o вооружённым/r мятежом/r"},
		{"ru", "говорил о is a topic", "Зеленский говорил о вторжении.", "Зеленский/o говорил/o о/o вторжении/o"},
		{"ru", "a leading clause before заявил, что", "Выступая в Киеве, Блинкен заявил, что агрессия провалилась.", "Выступая/o в/o Киеве/o Блинкен/o заявил/o что/r агрессия/r провалилась/r"},
		{"uk", "за словами", "За словами мера, окупанти відступили.", "За/o словами/o мера/o окупанти/r відступили/r"},
		{"uk", "апостроф не лапки", "Окупанти обстріляли п’ять сіл і з'їзд.", "Окупанти/o обстріляли/o п’ять/o сіл/o і/o з'їзд/o"},
		{"uk", "dash dialogue returns to the author", "— Ми вистоїмо, — сказав мер, і вагнерівці відійшли.", "Ми/q вистоїмо/q сказав/o мер/o і/o вагнерівці/o відійшли/o"},
	})
}

// FuzzSingleQuotes: single quotation spans are in order, within the text,
// start and end on a mark, and never overlap the double quotations.
func FuzzSingleQuotes(f *testing.F) {
	for _, s := range []string{"‘a’ 'b' rock 'n' roll '90s", "«x ‘y’ z»", "'abc\n\n'def'", "soldiers' ‘war’", "п’ять 'слів'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		outer, _ := Quotes(text)
		last := 0
		for _, s := range SingleQuotes(text, outer) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, last, text)
			}
			for _, o := range outer {
				if s.Start < o.End && o.Start < s.End {
					t.Fatalf("span %v overlaps the quotation %v in %q", s, o, text)
				}
			}
			last = s.End
		}
	})
}
