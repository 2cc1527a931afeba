package corpus

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestParseObject: lines of each shape split as json.Unmarshal splits
// them, by the one-pass path (flat) or by json (not flat), and the errors
// are json's.
func TestParseObject(t *testing.T) {
	for _, tc := range []struct {
		line string
		flat bool
	}{
		{`{"id":"a1","outlet":"TASS","text":"He said \"no\".\n\nThen…","n":-12.5e+3,"ok":true,"x":null}`, true},
		{` { "text" : "a" , "id" : 7 } ` + "\r\n", true},
		{`{}`, true},
		{`{"text":"a","text":"b"}`, true}, // the later wins, as in json
		{`{"text":"\u00e9\ud83d\ude00"}`, true},
		{`{"te\u0078t":"a"}`, false},               // an escaped key: json's
		{`{"meta":{"a":[1,2]},"text":"a"}`, false}, // nested: json's
		{`{"text":"a",}`, false},
		{`{"text":"a"} x`, false},
		{`{"n":01}`, false},
		{`{"n":1.}`, false},
		{`{"n":-}`, false},
		{`{"s":"tab	inside"}`, false},
		{`{"s":"\x"}`, false},
		{`{"s":"\u12g4"}`, false},
		{`{"b":tru}`, false},
		{`{"a":"b"`, false},
		{`null`, false},
		{`[1]`, false},
		{``, false},
	} {
		var want map[string]rawField
		wantErr := json.Unmarshal([]byte(tc.line), &want)
		got, err := parseObject([]byte(tc.line))
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("%s: error %v, json's %v", tc.line, err, wantErr)
		}
		if !maps.EqualFunc(got, want, func(a, b rawField) bool { return string(a) == string(b) }) {
			t.Errorf("%s: %q, json gives %q", tc.line, got, want)
		}
		if _, flat := flatObject([]byte(tc.line)); flat != tc.flat {
			t.Errorf("%s: flat %v, want %v", tc.line, flat, tc.flat)
		}
	}
}

// FuzzParseObject is the differential test of the one-pass path: whatever
// the line, a line it splits is one json.Unmarshal reads without error
// into the same keys and value bytes.
func FuzzParseObject(f *testing.F) {
	for _, s := range []string{
		`{"id":"a1","text":"x\ny \"q\" \u0416","n":-0.5E-2,"t":true,"f":false,"z":null}`,
		`{ "a" : 1 ,"b":"2"}`, `{"a":{"b":1}}`, `{"a":[]}`, `{}`, ` {}` + "\n", `{"a":1e5}`, `{"a":"\/\b\f\r\t"}`,
		`{"a":0}`, `{"a":-0.0}`, `{"a":"b","a":"c"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) {
			return // the reader refuses it before
		}
		got, flat := flatObject(line)
		var want map[string]rawField
		wantErr := json.Unmarshal(line, &want)
		if !flat {
			return
		}
		if wantErr != nil {
			t.Fatalf("%q: split, but json says %v", line, wantErr)
		}
		if !maps.EqualFunc(got, want, func(a, b rawField) bool { return string(a) == string(b) }) {
			t.Fatalf("%q: %q, json gives %q", line, got, want)
		}
	})
}

// TestCheckTrustsOnlyTheTextRead: a JSONL document's text, which the
// reader found valid UTF-8 with its line, passes Check without being read
// again; a text set anew afterwards, valid or not, is checked as any
// other.
func TestCheckTrustsOnlyTheTextRead(t *testing.T) {
	var docs []Document
	line := `{"id":"a","title":"Заголовок","text":"Текст \u00e9 и \"цитата\".\nДальше."}` + "\n"
	if _, err := ReadStream("in.jsonl", "", strings.NewReader(line), Options{}, func(d Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil || len(docs) != 1 {
		t.Fatalf("read %d documents, %v", len(docs), err)
	}
	read := docs[0]
	if read.validText != read.Text || read.Text == "" {
		t.Fatalf("the reader did not mark its text valid: %q", read.Text)
	}
	for _, tc := range []struct {
		name string
		text string
		mark bool // the text marked as the reader's, valid
		want string
	}{
		{"as read", read.Text, false, ""},
		{"set anew, invalid", "abc \xff def", false, string(InvalidUTF8)},
		{"set anew, valid", "a valid text", false, ""},
		{"set anew, same bytes elsewhere", strings.Clone(read.Text), false, ""},
		// Only the mark is read, not the text again: what the reader
		// marks must be valid (jsonlLine checks the line first).
		{"marked, not read again", "abc \xff def", true, ""},
	} {
		d := read
		d.Text = tc.text
		if tc.mark {
			d.validText = d.Text
		}
		var ids IDs
		s, ok := Check(d, &ids)
		if got := string(s.Reason); ok != (tc.want == "") || got != tc.want {
			t.Errorf("%s: Check gives %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}
