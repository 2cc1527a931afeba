package framing

import (
	"maps"
	"testing"

	"github.com/framingkit/framing/token"
)

// TestPhrasesOf: words and two-word phrases of the voices counted, never
// across a sentence, a voice, a number or a word of another voice.
func TestPhrasesOf(t *testing.T) {
	tok := func(norm string, sentence int32, v token.Voice) token.Token {
		return token.Token{Norm: norm, Sentence: sentence, Voice: v}
	}
	own, quoted := token.Own, token.Quoted
	for _, tc := range []struct {
		name   string
		tokens []token.Token
		want   map[string]int
	}{
		{"empty", nil, map[string]int{}},
		{"one word", []token.Token{tok("war", 0, own)}, map[string]int{"war": 1}},
		{"a phrase", []token.Token{tok("the", 0, own), tok("war", 0, own), tok("war", 0, own)},
			map[string]int{"the": 1, "war": 2, "the war": 1, "war war": 1}},
		{"not across sentences", []token.Token{tok("went", 0, own), tok("on", 0, own), tok("kyiv", 1, own)},
			map[string]int{"went": 1, "on": 1, "went on": 1, "kyiv": 1}},
		{"not across voices", []token.Token{tok("so", 0, own), tok("called", 0, quoted), tok("operation", 0, own)},
			map[string]int{"so": 1, "operation": 1}},
		{"not across numbers", []token.Token{tok("day", 0, own), tok("12", 0, own), tok("of", 0, own)},
			map[string]int{"day": 1, "of": 1}},
		{"cyrillic", []token.Token{tok("специальная", 0, own), tok("операция", 0, own)},
			map[string]int{"специальная": 1, "операция": 1, "специальная операция": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := phrasesOf(tc.tokens, token.OwnVoice); !maps.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
