//go:build unix

package yamllimit

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadFilePipe: a named pipe is read as it comes, up to the limit.
func TestReadFilePipe(t *testing.T) {
	lim := Defaults()
	lim.MaxBytes = 100
	for _, tt := range []struct{ data, want string }{
		{"a: 1\n", ""},
		{"a: 1\nb: " + strings.Repeat("x", 200), "2:96: the file is over 100 bytes, the most read from a YAML file (is it the right file?)"},
	} {
		path := filepath.Join(t.TempDir(), "p.yaml")
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		go func() {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			f.WriteString(tt.data)
			f.Close()
		}()
		data, err := lim.ReadFile(path)
		switch {
		case tt.want == "" && (err != nil || string(data) != tt.data):
			t.Errorf("read %q, %v; want %q", data, err, tt.data)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("error %v, want %s", err, tt.want)
		}
	}
}
