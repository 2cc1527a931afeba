package analysis

import (
	"slices"
	"testing"
)

// quoted returns the text of each span.
func quoted(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     []string
		problems int
	}{
		{"curly", `He said “we will win” and left.`, []string{"“we will win”"}, 0},
		{"straight", `He said "we will win" and left.`, []string{`"we will win"`}, 0},
		{"straight closing before punctuation", `their "combat merits.".`, []string{`"combat merits."`}, 0},
		{"guillemets", `Il a dit «nous gagnerons» hier.`, []string{"«nous gagnerons»"}, 0},
		{"low-high German", `Er sagte „wir siegen“ gestern.`, []string{"„wir siegen“"}, 0},
		{"low-high Polish", `Powiedział „wygramy” wczoraj.`, []string{"„wygramy”"}, 0},
		{"two quotations", `“A” then “B”.`, []string{"“A”", "“B”"}, 0},
		{"nested curly in straight", `"He called it “a crime” today," she said.`, []string{`"He called it “a crime” today,"`}, 0},
		{"nested guillemets and low-high", `«Он сказал „нет“ вчера»`, []string{"«Он сказал „нет“ вчера»"}, 0},
		{"apostrophes are not quotes", `Russia’s army and Wagner's men`, nil, 0},
		{"continued over paragraphs", "“First paragraph of the quote.\n“Second one ends here,” he said.", []string{"“First paragraph of the quote.\n“Second one ends here,”"}, 0},
		{"continued with straight marks", "\"First.\n\n\"Second,\" he said.", []string{"\"First.\n\n\"Second,\""}, 0},
		{"unclosed at paragraph end is not a quote", "He said “we will win.\nThe next paragraph is the outlet's.", nil, 1},
		{"unclosed at text end", `He said “we will win`, nil, 1},
		{"stray closing mark", `a stray ” mark`, nil, 1},
		{"wrapped line inside a quotation", "He said “we will\nwin” today.\n\nNext paragraph.", []string{"“we will\nwin”"}, 0},
		{"unbalanced straight", `5" screen and "a quote"`, []string{`"a quote"`}, 1},
		{"empty", ``, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, problems := Quotes(tt.text)
			if got := quoted(tt.text, spans); !slices.Equal(got, tt.want) {
				t.Errorf("Quotes(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if len(problems) != tt.problems {
				t.Errorf("Quotes(%q) problems = %v, want %d", tt.text, problems, tt.problems)
			}
		})
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{`“a” "b" «c» „d“`, "“a\n“b”", `"""`, "«„»“", "a\"b\"c",
		"«Мы называем это „специальной операцией“», — заявил он.", "ЧВК «Вагнер» и газета «Известия»", "«незакрытая цитата\n\nдальше"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans, problems := Quotes(text)
		last := 0
		for _, s := range spans {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, last, text)
			}
			last = s.End
		}
		for _, p := range problems {
			if p.Offset < 0 || p.Offset >= len(text) {
				t.Fatalf("problem offset %d outside %q", p.Offset, text)
			}
		}
	})
}
