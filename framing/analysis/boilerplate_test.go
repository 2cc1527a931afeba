package analysis

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/token"
)

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "line:reason"
		date string
		url  string
	}{
		{"metadata line sets date and URL", " date 2023-06-25 https://example.com/a-mutiny\n\nBody.", []string{"1:metadata"}, "2023-06-25", "https://example.com/a-mutiny"},
		{"metadata only on the first line", "Body.\n date 2023-06-25 https://example.com/x", nil, "", ""},
		{"metadata on the first line with words", "\n  \n date 2023-06-25\nBody.", []string{"3:metadata"}, "2023-06-25", ""},
		{"navigation", "All news\n\nHeadline\n\nBody text here.", []string{"1:navigation"}, "", ""},
		{"navigation needs the whole line", "All news outlets reported it.", nil, "", ""},
		{"related link", "Body.\nAlso Read: Rebel mercenaries end mutiny\nMore body.", []string{"2:related-link"}, "", ""},
		{"read more with a colon", "READ MORE: something else", []string{"1:related-link"}, "", ""},
		{"caption with slash credit", "Putin in Vladivostok on April 25, 2019. Valery Sharifulin / TASS\nBody.", []string{"1:caption"}, "", ""},
		{"photo credit", "Photo: Reuters\nBody.", []string{"1:caption"}, "", ""},
		{"a sentence with a slash is not a caption", "The ratio rose to 3 / 4 of all cases.", nil, "", ""},
		{"strong appeal", "Your support can help us fill the gap.", []string{"1:appeal"}, "", ""},
		{"one weak marker is not an appeal", "Monthly inflation rose to 7%.", nil, "", ""},
		{"two weak markers are", "Donate monthly to keep our newsroom going.", []string{"1:appeal"}, "", ""},
		{"a marker is a phrase, not a part of a word", "Critics who support usage limits spoke.", nil, "", ""},
		{"a marker with a hyphen matches without one", "Enjoy an ad free site.", []string{"1:appeal"}, "", ""},
		{"quoted appeal words are not an appeal", `"We need your help," the minister told allies.`, nil, "", ""},
		{"appeal block takes its middle line", "Enjoying ad-free content?\nWe changed our layout last week.\nSupport us", []string{"1:appeal", "2:appeal", "3:appeal"}, "", ""},
		{"repeated long line", "The vice minister stressed that he has no doubt at all here.\n\nThe vice minister stressed that he has no doubt at all here.", []string{"3:repeated-line"}, "", ""},
		{"short repeated lines are kept", "Yes.\nYes.", nil, "", ""},
		{"crlf", "All news\r\nBody.", []string{"1:navigation"}, "", ""},
		{"byline", "By Jane Reporter\nBody.", []string{"1:byline"}, "", ""},
		{"byline of two with an agency", "By Jane Reporter and John Doe, Reuters\nBody.", []string{"1:byline"}, "", ""},
		{"byline with a bar and date", "By Jane Reporter | June 25, 2023\nBody.", []string{"1:byline"}, "", ""},
		{"a sentence starting with By is not a byline", "By Monday, the troops had gone.", nil, "", ""},
		{"by in lower case is not a byline", "By the time they arrived it was over", nil, "", ""},
		{"posted on a date", "Posted on June 27, 2023 by Alex Writer\nBody.", []string{"1:byline"}, "", ""},
		{"updated with a time", "Updated: 4:05 pm, 25 June 2023\nBody.", []string{"1:byline"}, "", ""},
		{"published with a weekday", "Published Sunday, 25 June\nBody.", []string{"1:byline"}, "", ""},
		{"published as a word is not a dateline", "Published figures show inflation rose in 2023.", nil, "", ""},
		{"copyright footer", "Body.\nCopyright 2023 Eastern Desk. Proudly powered by a CMS.", []string{"2:copyright"}, "", ""},
		{"all rights reserved", "Body.\nThe Example Times. All rights reserved.", []string{"2:copyright"}, "", ""},
		{"copyright as a word is not a footer", "Copyright law in Russia changed in 2022.", nil, "", ""},
		{"a long line is never a byline", "Posted on June 27 2023 were photos of the columns that crossed the border and moved north towards the capital overnight", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := analyze(t, tt.text)
			dropped := an.Dropped
			_, date, url, _ := Header(tt.text)
			var got []string
			for _, d := range dropped {
				got = append(got, strconv.Itoa(d.Line)+":"+d.Reason)
				if line := tt.text[d.Start:d.End]; len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
					t.Errorf("dropped span %q includes the line break", line)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("dropped %q, want %q", got, tt.want)
			}
			if date != tt.date || url != tt.url {
				t.Errorf("date, url = %q, %q, want %q, %q", date, url, tt.date, tt.url)
			}
		})
	}
}

// analyze analyses text with the English pack, its metadata line found as
// the readers find it.
func analyze(t testing.TB, text string) *Analysis {
	t.Helper()
	a, err := New(lang.English())
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Text: text}
	if h, _, _, ok := Header(text); ok {
		in.Header = h
	}
	return a.Analyze(in)
}

// TestPackExamples runs the examples written in every built-in language
// pack: each line, alone in a text, gets the reason the pack says.
func TestPackExamples(t *testing.T) {
	for _, code := range lang.Languages() {
		p, _ := lang.Builtin(code)
		a, err := New(p)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		for _, ex := range p.Examples {
			t.Run(code+"/"+ex.Line, func(t *testing.T) {
				an := a.Analyze(Input{Text: ex.Line})
				got := ""
				if len(an.Dropped) > 0 {
					got = an.Dropped[0].Reason
				}
				if got != ex.Reason {
					t.Errorf("%s: %q is dropped as %q, want %q (\"\" is article text)", p.File, ex.Line, got, ex.Reason)
				}
			})
		}
	}
}

// TestNavigationEntries: a pack's navigation line is looked up by its
// repeated-line key, so spacing, case and trailing punctuation do not
// matter; one too long to be a line classify looks up, or with no word,
// is refused by name (the old key made them "", which every line over 40
// bytes had).
func TestNavigationEntries(t *testing.T) {
	for _, tc := range []struct {
		entry string
		line  string // dropped as navigation when entry is accepted
		err   bool
	}{
		{"All  News", "all news.", false},
		{"Все новости", " ВСЕ   НОВОСТИ ", false},
		{"...", "", true},
		{"a navigation label that runs over forty bytes", "", true},
	} {
		p := *lang.English()
		p.Boilerplate.Navigation = []string{tc.entry}
		r, err := NewLineRules(&p)
		if tc.err {
			if err == nil || !strings.Contains(err.Error(), strconv.Quote(tc.entry)) {
				t.Errorf("%q: error %v, want one naming the entry", tc.entry, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tc.entry, err)
		}
		text := "A sentence of the article itself, long enough.\n" + tc.line + "\nAnother sentence of it."
		got := r.Drop(text, token.NewTokenizer().Tokenize(text), nil, Span{})
		if len(got) != 1 || got[0].Reason != ReasonNavigation || got[0].Line != 2 {
			t.Errorf("%q: line %q dropped as %+v, want navigation", tc.entry, tc.line, got)
		}
	}
}
