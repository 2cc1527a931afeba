package corpus

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// TestStringField: each value decodes as json.Unmarshal decodes it, the
// one-letter escapes here and the rest by json.
func TestStringField(t *testing.T) {
	for _, tc := range []struct {
		raw, want string
		ok        bool
	}{
		{`"plain"`, "plain", true},
		{`""`, "", true},
		{`"two\n\nparagraphs, a \"quote\", a \\ and a \/"`, "two\n\nparagraphs, a \"quote\", a \\ and a /", true},
		{`"\b\f\r\t"`, "\b\f\r\t", true},
		{`"Ле\u0301нин \ud83d\ude00 \ud800"`, "Ле\u0301нин 😀 \ufffd", true}, // \u: json's surrogate rules
		{`"«Вагнер» — ЧВК"`, "«Вагнер» — ЧВК", true},
		{`12`, "", false},
		{`null`, "", true}, // json leaves the string as it was
	} {
		var got string
		ok := stringField(rawField(tc.raw), &got)
		if ok != tc.ok || got != tc.want {
			t.Errorf("stringField(%s) = %q, %v; want %q, %v", tc.raw, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzStringField: for any string, its JSON literal (as json.Marshal
// writes it, and with the escapes a scraper may write instead) decodes to
// what json.Unmarshal gives.
func FuzzStringField(f *testing.F) {
	for _, s := range []string{"", "a\nb", `"\/`, "\u2028<>&", "\x00\x1f", "Ё\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the reader refuses lines of invalid UTF-8 before
		}
		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, lit := range [][]byte{raw, []byte(`"` + s + `"`)} {
			var want, got string
			wantErr := json.Unmarshal(lit, &want)
			if wantErr != nil {
				continue // not a valid literal: the reader has refused its line
			}
			if !stringField(lit, &got) || got != want {
				t.Fatalf("stringField(%s) = %q; json.Unmarshal gives %q", lit, got, want)
			}
		}
	})
}
