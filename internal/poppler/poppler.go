// Package poppler finds poppler-utils' programs (pdftotext, pdftoppm) for
// the tests of the PDF charts.
package poppler

import (
	"os"
	"os/exec"
	"testing"
)

// Tool finds one of poppler-utils' programs. Without it a test skips on a
// workstation and fails in CI (CI set), where .ci/run installs it.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("no %s on PATH: .ci/run installs it (apt-get install poppler-utils)", name)
	}
	t.Skipf("no %s on PATH: apt-get install poppler-utils to run this test", name)
	return ""
}
