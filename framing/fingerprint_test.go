package framing

import (
	"encoding/json"
	"testing"
)

// FuzzFingerprint: no input panics the reader, and what it accepts is
// written back to the same bytes it reads again.
func FuzzFingerprint(f *testing.F) {
	for _, s := range []string{`{"count": 0, "hashes": ""}`, `{"count": 1, "hashes": "AQ=="}`, `{"count": 2, "hashes": "AQA="}`, `{"count": 1, "hashes": "gA=="}`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var fp Fingerprint
		if err := json.Unmarshal(data, &fp); err != nil {
			return
		}
		a, err := json.Marshal(fp)
		if err != nil {
			t.Fatal(err)
		}
		var back Fingerprint
		if err := json.Unmarshal(a, &back); err != nil {
			t.Fatalf("%s: written, not read back: %v", a, err)
		}
		if b, _ := json.Marshal(back); string(a) != string(b) || back.Count() != fp.Count() {
			t.Fatalf("%s read back as %s", a, b)
		}
	})
}
