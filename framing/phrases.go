package framing

import (
	"unicode"

	"github.com/framingkit/framing/token"
)

// phrasesOf counts the words and two-word phrases of tokens in the voices
// of set: the vocabulary a group's distinctive phrases are found in, the
// lexicon's terms or not (Scattertext's "all phrases"). A word is a token
// with a letter (numbers are left out); a phrase is two such words next to
// each other in one sentence and one voice.
func phrasesOf(tokens []token.Token, set token.VoiceSet) map[string]int {
	out := map[string]int{}
	prev := -1 // index of the last counted word, -1 after a break
	for i, t := range tokens {
		if !set.Has(t.Voice) || !hasLetter(t.Norm) {
			prev = -1
			continue
		}
		out[t.Norm]++
		if prev >= 0 && prev == i-1 && tokens[prev].Sentence == t.Sentence && tokens[prev].Voice == t.Voice {
			out[tokens[prev].Norm+" "+t.Norm]++
		}
		prev = i
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
