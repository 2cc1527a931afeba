//go:build unix

package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// readWithin reads paths like collect, but fails the test if Read has
// not returned after a few seconds: it is waiting on something.
func readWithin(t *testing.T, paths []string, opt Options) (docs, skips []string, sum Summary) {
	t.Helper()
	type result struct {
		docs, skips []string
		sum         Summary
		err         error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		opt.OnSkip = func(s Skip) { r.skips = append(r.skips, string(s.Reason)+" "+s.Error()) }
		r.sum, r.err = Read(paths, opt, func(d Document) error { r.docs = append(r.docs, d.ID); return nil })
		done <- r
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.docs, r.skips, r.sum
	case <-time.After(5 * time.Second):
		t.Fatalf("Read of %v has not returned after 5 s", paths)
	}
	return nil, nil, Summary{}
}

// TestWalkUnreadable: a dangling symbolic link, a link loop, and (but as
// root, who reads anything) a file and a folder without read permission
// are each one unreadable skip, counted once among the documents read:
// the summary said "read 4, scored 4, skipped 4" (issue 14.11).
func TestWalkUnreadable(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "An article.\n")
	if err := os.Symlink("nowhere.txt", filepath.Join(dir, "gone.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop.txt", filepath.Join(dir, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil { // a link to a file is read
		t.Fatal(err)
	}
	want := []string{
		"unreadable " + dir + "/gone.txt: no such file or directory",
		"unreadable " + dir + "/loop.txt: too many levels of symbolic links",
	}
	if os.Geteuid() != 0 {
		write("locked.txt", "Not for us.\n")
		if err := os.Chmod(filepath.Join(dir, "locked.txt"), 0); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(dir, "shut"), 0o755); err != nil {
			t.Fatal(err)
		}
		write("shut/b.txt", "Not for us either.\n")
		if err := os.Chmod(filepath.Join(dir, "shut"), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, "shut"), 0o755) })
		want = append(want, "unreadable "+dir+"/locked.txt: permission denied", "unreadable "+dir+"/shut: permission denied")
	} else {
		t.Log("running as root: no permission cases")
	}
	slices.Sort(want) // the walk's order
	docs, skips, sum := readWithin(t, []string{dir}, Options{})
	slices.Sort(docs)
	if !slices.Equal(docs, []string{"a", "link"}) || !slices.Equal(skips, want) {
		t.Errorf("documents %q, skips:\n%s\nwant:\n%s", docs, strings.Join(skips, "\n"), strings.Join(want, "\n"))
	}
	if sum.Read != len(docs)+len(want) || sum.Skipped[Unreadable] != len(want) {
		t.Errorf("summary %+v: want %d read, %d unreadable", sum, len(docs)+len(want), len(want))
	}
}
