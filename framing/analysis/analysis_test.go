package analysis

import (
	"strings"
	"testing"
)

// voices renders each token as word/voice.
func voices(text string, an *Analysis) string {
	var parts []string
	for _, t := range an.Tokens {
		parts = append(parts, text[t.Start:t.End]+"/"+t.Voice.String()[:1])
	}
	return strings.Join(parts, " ")
}

func TestAnalyzeVoices(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"own and quoted", `He said “it is war” today.`, "He/o said/o it/q is/q war/q today/r"},
		{"reported speech", `He said it was a war.`, "He/o said/o it/r was/r a/r war/r"},
		{"boilerplate line", "All news\nThe war.", "All/b news/b The/o war/o"},
		{"quote inside boilerplate stays boilerplate", "Also Read: “War” ends\nBody.", "Also/b Read/b War/b ends/b Body/o"},
		{"unclosed quote stays in the voice around it", "He said “war\nNext.", "He/o said/o war/r Next/o"},
		{"continued quote", "“War.\n“Peace,” he said.", "War/q Peace/q he/o said/o"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := voices(tt.text, analyze(t, tt.text)); got != tt.want {
				t.Errorf("voices = %q, want %q", got, tt.want)
			}
		})
	}
}
