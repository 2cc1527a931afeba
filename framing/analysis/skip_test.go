package analysis

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
)

// everyByte makes quotes and singleQuotes decode every rune, as they did
// before they learned to pass bytes that start no rune they act on.
var everyByte = func() (all [256]bool) {
	for i := range all {
		all[i] = true
	}
	return all
}()

// FuzzSkipsChangeNothing: on any text, the quotation finders that pass
// uninteresting bytes find exactly the spans and problems of the same
// finders decoding every rune, and the repeated-line key is the one of a
// rune-by-rune hash. The seeds mix every mark with invalid UTF-8 and
// letters of several scripts.
func FuzzSkipsChangeNothing(f *testing.F) {
	for _, s := range skipSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkSkips(t, text) })
}

// TestSkipsChangeNothing is the fuzz target's check on its seeds, for
// every go test run.
func TestSkipsChangeNothing(t *testing.T) {
	for _, s := range skipSeeds {
		checkSkips(t, s)
	}
}

var skipSeeds = []string{
	"",
	`He said "it is a \"war\"" and left.`,
	"“War,” he said. «Спецоперация» „Zitat“ „cytat”\n\nNext “open\n\n“continued” end.",
	"rock 'n' roll, the '90s, ‘quoted words’ and п’ять ‘unclosed\n‘next’",
	"\xe2\x80\x9c\xe2\x80\xff\xc2\xab\xc2\n\xe2\"\xd0\xe2\x80\x9d\xc2\xbb",
	"Фото: Иван Петров / ТАСС\n  Some   Long line, with  MANY words in it, repeated here!!  \nsome long line with many words in it repeated here",
	"\u00ad\u0301«„»“\n\n—'x'",
}

func checkSkips(t *testing.T, text string) {
	t.Helper()
	spans, problems := quotes(text, &quoteBytes)
	wantSpans, wantProblems := quotes(text, &everyByte)
	if !reflect.DeepEqual(spans, wantSpans) || !reflect.DeepEqual(problems, wantProblems) {
		t.Fatalf("quotes of %q: %v %v passing bytes, %v %v decoding every rune", text, spans, problems, wantSpans, wantProblems)
	}
	if got, want := singleQuotes(text, spans, &singleBytes), singleQuotes(text, spans, &everyByte); !reflect.DeepEqual(got, want) {
		t.Fatalf("single quotes of %q: %v passing bytes, %v decoding every rune", text, got, want)
	}
	key, n := lineKey(text)
	wantKey, wantN := runeLineKey(text)
	if key != wantKey || n != wantN {
		t.Fatalf("lineKey(%q) = %x, %d; rune by rune %x, %d", text, key, n, wantKey, wantN)
	}
}

// runeLineKey is lineKey written with a range loop over runes: the
// reference its byte loop must agree with.
func runeLineKey(s string) (key uint64, words int) {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	add := func(b byte) { h = (h ^ uint64(b)) * prime64 }
	inWord := false
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	for _, r := range s {
		if lang.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words > 0 {
				add(' ')
			}
			words++
			inWord = true
		}
		for _, b := range utf8.AppendRune(nil, lang.Lower(r)) {
			add(b)
		}
	}
	return h, words
}
