package baseline

import (
	"bytes"
	"testing"
)

// FuzzParse: no input makes Parse panic, and whatever it accepts writes
// back to a file it accepts again.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"format": 1}`))
	f.Add([]byte(`{"format": 1, "checksum": "x", "groups": [{"name": "A", "index": null}]}`))
	f.Add([]byte(`{"format"`))
	var buf bytes.Buffer
	if err := Write(&buf, &Baseline{Format: Format}); err == nil {
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("f.json", data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Write(&out, b); err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("f.json", out.Bytes()); err != nil {
			t.Fatalf("accepted, but not once written back: %v", err)
		}
	})
}

// FuzzParseTolerances: no input panics, and an accepted one has no
// negative or undefined tolerance.
func FuzzParseTolerances(f *testing.F) {
	for _, s := range []string{"", "index=0.02,rate=5%", "count=1", "x", "rate=%", "share=1e309"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tol, err := ParseTolerances(s)
		if err != nil {
			return
		}
		for k, v := range tol {
			if !(v.Abs >= 0) || !(v.Rel >= 0) || v.Abs > 1e308 || v.Rel > 1e306 {
				t.Fatalf("%q: %s tolerance %+v", s, k, v)
			}
		}
	})
}
