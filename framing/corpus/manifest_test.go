package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeManifest writes a YAML manifest of n entries and returns its path.
func writeManifest(t testing.TB, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("documents:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: doc-%06d\n    outlet: Outlet %d\n    date: 2024-01-02\n", i, i%7)
	}
	path := filepath.Join(t.TempDir(), "manifest.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLoadManifestLinear: loading twice the entries costs about twice the
// work, counted in allocations (a count, unlike a time, does not depend on
// the machine). Finding each entry's line by parsing the file again made it
// four times (issue 14.3).
func TestLoadManifestLinear(t *testing.T) {
	allocs := func(n int) float64 {
		path := writeManifest(t, n)
		return testing.AllocsPerRun(1, func() {
			if _, err := LoadManifest(path); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(500), allocs(1000)
	if ratio := large / small; ratio > 2.5 {
		t.Errorf("500 entries: %.0f allocations, 1000: %.0f (%.1f times); want about twice", small, large, ratio)
	}
}

// TestLoadManifestLarge loads 20,000 entries, every one found with its
// line: quadratic loading took an hour on this, past the test timeout.
func TestLoadManifestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1.3 MB manifest")
	}
	const n = 20000
	m, err := LoadManifest(writeManifest(t, n))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.entries) != n {
		t.Fatalf("%d entries, want %d", len(m.entries), n)
	}
	d := Document{ID: "doc-019999"}
	if !m.Apply(&d, "") || d.Outlet != "Outlet 0" || d.Date != "2024-01-02" {
		t.Errorf("the last entry: %+v", d)
	}
}

// TestManifestEntryLine: an error about an entry names the entry's line.
func TestManifestEntryLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.yaml")
	data := "documents:\n  - id: a\n    outlet: A\n  - id: b\n  - id: a\n    outlet: again\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadManifest(path)
	if want := path + `:5:5: "a" is described twice`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func BenchmarkLoadManifest(b *testing.B) {
	path := writeManifest(b, 20000)
	for b.Loop() {
		if _, err := LoadManifest(path); err != nil {
			b.Fatal(err)
		}
	}
}
