package corpus

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// collect reads paths and returns each document as a one-line summary and
// each skip as "file:line reason".
func collect(t *testing.T, paths []string, opt Options) (docs, skips []string, sum Summary, err error) {
	t.Helper()
	opt.OnSkip = func(s Skip) { skips = append(skips, fmt.Sprintf("%s:%d %s", s.File, s.Line, s.Reason)) }
	sum, err = readChecked(paths, opt, func(d Document) error {
		meta := ""
		for _, k := range slices.Sorted(maps.Keys(d.Meta)) {
			meta += " " + k + "=" + d.Meta[k]
		}
		line := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%q%s", d.ID, d.Source, d.Outlet, d.Date, d.URL, d.Title, d.Text, meta)
		if d.Lang != "" {
			line += "|" + d.Lang
		}
		docs = append(docs, line)
		return nil
	})
	return docs, skips, sum, err
}

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		paths   []string
		stdin   string
		docs    []string
		skips   []string
		read    int
		ignored int
	}{
		{
			name:  "directory with its manifest",
			paths: []string{"testdata/tree"},
			docs: []string{
				`a|testdata/tree/a.txt|Outlet A|2024-01-02|||"First article.\n" kind=state`,
				`sub/b|testdata/tree/sub/b.txt|Outlet B|2024-01-03|||"Second, in a folder.\n" kind=independent`,
			},
			skips:   []string{"testdata/tree/empty.txt:0 empty", "testdata/tree/latin1.txt:0 invalid-utf8"},
			read:    4,
			ignored: 1,
		},
		{
			name:  "file named directly has no manifest",
			paths: []string{"testdata/tree/a.txt"},
			docs:  []string{`a|testdata/tree/a.txt|||||"First article.\n"`},
			read:  1,
		},
		{
			name:  "jsonl",
			paths: []string{"testdata/rows.jsonl"},
			docs: []string{
				`r1|testdata/rows.jsonl:1|O1|2024-05-01|https://www.example.com/x|T|"T\n\nOne." score=3 section=world tags=["a","b"]`,
				`rows:3|testdata/rows.jsonl:3|||||"No id here."`,
			},
			skips: []string{
				"testdata/rows.jsonl:4 empty", "testdata/rows.jsonl:5 bad-json", "testdata/rows.jsonl:6 missing-text",
				"testdata/rows.jsonl:7 duplicate-id", "testdata/rows.jsonl:8 bad-json",
			},
			read: 7,
		},
		{
			name:  "invalid UTF-8 in a JSONL line",
			paths: []string{"testdata/utf8.jsonl"},
			docs:  []string{`u2|testdata/utf8.jsonl:2|||||"fine"`},
			skips: []string{"testdata/utf8.jsonl:1 invalid-utf8"},
			read:  2,
		},
		{
			name:  "csv",
			paths: []string{"testdata/rows.csv"},
			docs: []string{
				`c1|testdata/rows.csv:2|O1||||"Quoted, with comma"|en`,
				`c3|testdata/rows.csv:4|O2||||"Multi\nline"|en`,
				`rows:6|testdata/rows.csv:6|O3||||"No id"|en`,
			},
			skips: []string{"testdata/rows.csv:3 bad-csv-row"},
			read:  4,
		},
		{
			name:  "stdin",
			paths: []string{"-"},
			stdin: "{\"id\":\"s1\",\"text\":\"From stdin.\"}\n\n{bad\n",
			docs:  []string{`s1|stdin:1|||||"From stdin."`},
			skips: []string{"stdin:3 bad-json"},
			read:  2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, skips, sum, err := collect(t, tt.paths, Options{Stdin: strings.NewReader(tt.stdin)})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(docs, tt.docs) {
				t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n"), strings.Join(tt.docs, "\n"))
			}
			if !slices.Equal(skips, tt.skips) {
				t.Errorf("skips %q, want %q", skips, tt.skips)
			}
			if sum.Read != tt.read || sum.IgnoredFiles != tt.ignored {
				t.Errorf("read %d, ignored %d; want %d, %d", sum.Read, sum.IgnoredFiles, tt.read, tt.ignored)
			}
			total := 0
			for _, n := range sum.Skipped {
				total += n
			}
			if total != len(tt.skips) || sum.Read != len(docs)+total {
				t.Errorf("summary %+v does not account for %d docs and %d skips", sum, len(docs), len(skips))
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"missing path", []string{"testdata/nope"}, "testdata/nope: no such file or directory"},
		{"unknown type named directly", []string{"testdata/tree/notes.md"}, "testdata/tree/notes.md: unknown file type"},
		{"csv without text column", []string{"testdata/notext.csv"}, "testdata/notext.csv:1: the CSV header has no text column (have: id, body)"},
		{"stdin without a reader", []string{"-"}, "-: no standard input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readChecked(tt.paths, Options{}, func(Document) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadStrict(t *testing.T) {
	n := 0
	_, err := readChecked([]string{"testdata/rows.jsonl"}, Options{Strict: true}, func(Document) error { n++; return nil })
	var s Skip
	if err == nil || !strings.HasPrefix(err.Error(), "testdata/rows.jsonl:4: ") {
		t.Fatalf("strict error %v, want the first skip at line 4", err)
	}
	if !asSkip(err, &s) || s.Reason != Empty || n != 2 {
		t.Errorf("strict: skip %+v after %d documents, want empty after 2", s, n)
	}
}

func asSkip(err error, s *Skip) bool {
	sk, ok := err.(Skip)
	*s = sk
	return ok
}

func TestReadManifestOverride(t *testing.T) {
	m, err := LoadManifest("testdata/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs, _, _, err := collect(t, []string{"testdata/rows.jsonl", "testdata/tree"}, Options{Manifest: m})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`r1|testdata/rows.jsonl:1|From Manifest|2024-05-01|https://www.example.com/x|T|"T\n\nOne." region=east score=3 section=world tags=["a","b"]`,
		`rows:3|testdata/rows.jsonl:3|||||"No id here."`,
		`a|testdata/tree/a.txt|||||"First article.\n"`,
		`sub/b|testdata/tree/sub/b.txt|By Path||||"Second, in a folder.\n"`,
	}
	if !slices.Equal(docs, want) {
		t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n"), strings.Join(want, "\n"))
	}
	if un := m.Unmatched(); len(un) != 0 {
		t.Errorf("unmatched %q, want none", un)
	}
}

// TestReadStreams feeds 50,000 JSONL lines through a pipe: Read hands each
// on before the next is written, so nothing waits for the whole corpus.
func TestReadStreams(t *testing.T) {
	pr, pw := io.Pipe()
	const n = 50000
	go func() {
		for i := range n {
			fmt.Fprintf(pw, "{\"id\":\"d%d\",\"text\":\"text %d\"}\n", i, i)
		}
		pw.Close()
	}()
	i := 0
	sum, err := readChecked([]string{"-"}, Options{Stdin: pr}, func(d Document) error {
		if want := fmt.Sprintf("d%d", i); d.ID != want {
			return fmt.Errorf("document %d is %s, want %s", i, d.ID, want)
		}
		i++
		return nil
	})
	if err != nil || sum.Read != n || i != n {
		t.Fatalf("read %d (yielded %d), err %v; want %d", sum.Read, i, err, n)
	}
}

func TestLoadManifestErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"testdata/broken/manifest-dup.csv", `testdata/broken/manifest-dup.csv:3: "a" is described twice`},
		{"testdata/broken/manifest-noid.csv", "testdata/broken/manifest-noid.csv:1: the header needs an id or a path column"},
		{"testdata/broken/manifest-bad.yaml", `testdata/broken/manifest-bad.yaml:3:13: document 1: field "outlet" must be a plain value`},
		{"testdata/broken/manifest-syntax.yaml", "testdata/broken/manifest-syntax.yaml:3:4: value is not allowed in this context"},
		{"testdata/nope.csv", "testdata/nope.csv: no such file"},
	}
	for _, tt := range tests {
		_, err := LoadManifest(tt.file)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadManifest(%s) error %v, want it to contain %q", tt.file, err, tt.want)
		}
	}
}

func TestOutletsByURL(t *testing.T) {
	o, err := LoadOutlets("testdata/outlets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ url, want string }{
		{"https://tass.com/politics/1", "TASS"},
		{"https://www.TASS.ru/x", "TASS"},
		{"http://news.tass.com/y", "TASS"},
		{"https://themoscowtimes.com/2023/06/25/a", "The Moscow Times"},
		{"https://nottass.com/", ""},
		{"not a url", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, _ := o.ByURL(tt.url)
		if got.Name != tt.want {
			t.Errorf("ByURL(%q) = %q, want %q", tt.url, got.Name, tt.want)
		}
	}
}

// TestBuiltinOutlets: the shipped state-media list parses, and its KCNA
// goes by the names the seed articles use.
func TestBuiltinOutlets(t *testing.T) {
	o, err := BuiltinOutlets()
	if err != nil {
		t.Fatal(err)
	}
	var kcna *Outlet
	for _, x := range o.StateMedia() {
		if x.Name == "KCNA" {
			kcna = &x
		}
	}
	if kcna == nil {
		t.Fatal("no KCNA in the built-in list")
	}
	for _, a := range []string{"KCNA", "Korean Central News Agency", "North Korean news agency"} {
		if !slices.Contains(kcna.Aliases, a) {
			t.Errorf("KCNA has no alias %q", a)
		}
	}
	if out, ok := o.ByURL("https://tass.com/politics/1"); !ok || out.Name != "TASS" {
		t.Errorf("tass.com names %q", out.Name)
	}
}

// TestBOM: a byte-order mark that starts a file, or a line of JSONL, is
// no text: JSONL from a file or standard input, and a text file, start
// after it. The first JSONL document was lost as bad-json (issue 14.10).
func TestBOM(t *testing.T) {
	const bom = "\ufeff"
	tests := []struct {
		name, file, data string
		docs             []string
	}{
		{"jsonl", "a.jsonl", bom + `{"id":"j1","text":"First."}` + "\n" + `{"id":"j2","text":"Second."}` + "\n", []string{`j1:"First."`, `j2:"Second."`}},
		{"jsonl with CRLF", "a.jsonl", bom + `{"id":"j1","text":"First."}` + "\r\n", []string{`j1:"First."`}},
		{"a line that is only a mark", "a.jsonl", bom + "\n" + `{"id":"j1","text":"First."}` + "\n", []string{`j1:"First."`}},
		{"jsonl files joined", "a.jsonl", `{"id":"j1","text":"First."}` + "\n" + bom + `{"id":"j2","text":"Second."}` + "\n", []string{`j1:"First."`, `j2:"Second."`}},
		{"stdin", "-", bom + `{"id":"s1","text":"From a pipe."}` + "\n", []string{`s1:"From a pipe."`}},
		{"text", "t.txt", bom + "Headline\n\nBody.\n", []string{`t:"Headline\n\nBody.\n"`}},
		{"csv", "c.csv", bom + "id,text\nc1,Row.\n", []string{`c1:"Row."`}},
		{"a mark inside the text stays", "m.txt", "Before" + bom + "after.\n", []string{`m:"Before\ufeffafter.\n"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Stdin: strings.NewReader(tt.data)}
			path := "-"
			if tt.file != "-" {
				path = filepath.Join(t.TempDir(), tt.file)
				if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var docs []string
			var skips []Skip
			opt.OnSkip = func(s Skip) { skips = append(skips, s) }
			if _, err := readChecked([]string{path}, opt, func(d Document) error { docs = append(docs, fmt.Sprintf("%s:%q", d.ID, d.Text)); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(docs, tt.docs) || len(skips) > 0 {
				t.Errorf("documents %q, skips %+v; want %q", docs, skips, tt.docs)
			}
		})
	}
}

// TestFieldKinds: a JSONL text that is not a string is skipped as
// bad-text, not scored as its JSON literal; a null is no field; an id may
// be a number, taken as written; the other well-known fields must be
// strings (issue 14.17).
func TestFieldKinds(t *testing.T) {
	tests := []struct {
		line string
		want string // the document as id:text, or the skip as "reason: message"
	}{
		{`{"id":"a","text":12345}`, `bad-text: "text" is a number, not a string`},
		{`{"id":"a","text":["invasion","war"]}`, `bad-text: "text" is an array, not a string`},
		{`{"id":"a","text":true}`, `bad-text: "text" is a boolean, not a string`},
		{`{"id":"a","text":{}}`, `bad-text: "text" is an object, not a string`},
		{`{"id":"a","text":null}`, `missing-text: object has no "text" (or "html") field`},
		{`{"id":"a","html":42}`, `bad-text: "html" is a number, not a string`},
		{`{"id":12345,"text":"Kyiv."}`, `12345:Kyiv.`},
		{`{"id":1.50e3,"text":"Kyiv."}`, `1.50e3:Kyiv.`},
		{`{"id":null,"text":"Kyiv."}`, `stdin:1:Kyiv.`},
		{`{"id":["a"],"text":"Kyiv."}`, `bad-field: "id" is an array, not a string or a number`},
		{`{"id":true,"text":"Kyiv."}`, `bad-field: "id" is a boolean, not a string or a number`},
		{`{"id":"a","text":"Kyiv.","outlet":{"name":"TASS"}}`, `bad-field: "outlet" is an object, not a string`},
		{`{"id":"a","text":"Kyiv.","date":20240105}`, `bad-field: "date" is a number, not a string (write it as one, e.g. "2024-01-05")`},
		{`{"id":"a","text":"Kyiv.","url":null,"title":null,"lang":"en"}`, `a:Kyiv.`},
		{`{"id":"a","text":"Kyiv.","lang":["en"]}`, `bad-field: "lang" is an array, not a string`},
		{`{"id":"a","text":"Kyiv.","title":7,"url":7}`, `bad-field: "url" is a number, not a string`},
		{`{"id":"a","text":"Kyiv.","score":7}`, `a:Kyiv.`}, // any other field is metadata, kept as written
	}
	for _, tt := range tests {
		var got []string
		opt := Options{Stdin: strings.NewReader(tt.line + "\n"), OnSkip: func(s Skip) { got = append(got, fmt.Sprintf("%s: %s", s.Reason, s.Msg)) }}
		sum, err := readChecked([]string{"-"}, opt, func(d Document) error { got = append(got, d.ID+":"+d.Text); return nil })
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, []string{tt.want}) || sum.Read != 1 {
			t.Errorf("%s: %q (read %d), want %q", tt.line, got, sum.Read, tt.want)
		}
	}
}

// TestHTMLTooDeep: a page nested deeper than the HTML parser allows is
// skipped as no-main-text, saying so.
func TestHTMLTooDeep(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 600) + "<p>" + strings.Repeat("Officials said the talks would go on. ", 10) + "</p></body></html>"
	var skips []Skip
	line := fmt.Sprintf(`{"id":"deep","html":%q}`, page)
	if _, err := readChecked([]string{"-"}, Options{Stdin: strings.NewReader(line), OnSkip: func(s Skip) { skips = append(skips, s) }}, func(Document) error { return nil }); err != nil {
		t.Fatal(err)
	}
	want := "stdin:1: the page nests its elements more than 512 deep, deeper than the HTML parser allows: no article text can be read from it"
	if len(skips) != 1 || skips[0].Reason != NoMainText || skips[0].Error() != want {
		t.Errorf("skips %+v, want %s", skips, want)
	}
}
