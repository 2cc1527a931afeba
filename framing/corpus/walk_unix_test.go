//go:build unix

package corpus

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
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
		r.sum, r.err = readChecked(paths, opt, func(d Document) error { r.docs = append(r.docs, d.ID); return nil })
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

// mkfifo makes a named pipe, and on cleanup opens it for writing and
// closes it, so that a reader blocked in opening it goes on.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	t.Cleanup(func() {
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
}

// TestWalkSpecialFiles: a named pipe, a socket or a symbolic link to a
// directory met in a corpus folder, whatever its name, is skipped and
// counted as not-a-file, never opened: opening a pipe waits for a writer,
// and the run hung with nothing said (issue 14.4).
func TestWalkSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("An article.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, filepath.Join(dir, "pipe.txt"))
	mkfifo(t, filepath.Join(dir, "pipe.jsonl.gz"))
	mkfifo(t, filepath.Join(dir, "pipe.md")) // not a document's name: ignored, as any such file
	l, err := net.Listen("unix", filepath.Join(dir, "socket.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(dir, "folder.txt")); err != nil {
		t.Fatal(err)
	}
	docs, skips, sum := readWithin(t, []string{dir}, Options{})
	want := []string{
		"not-a-file " + dir + "/folder.txt: a symbolic link to a directory, not a file (links to folders are not followed)",
		"not-a-file " + dir + "/pipe.jsonl.gz: a named pipe (FIFO), not a file: skipped, since reading one in a folder could wait forever (name it on the command line to read it)",
		"not-a-file " + dir + "/pipe.txt: a named pipe (FIFO), not a file: skipped, since reading one in a folder could wait forever (name it on the command line to read it)",
		"not-a-file " + dir + "/socket.csv: a socket, not a file",
	}
	if !slices.Equal(docs, []string{"a"}) || !slices.Equal(skips, want) {
		t.Errorf("documents %q, skips:\n%s\nwant:\n%s", docs, strings.Join(skips, "\n"), strings.Join(want, "\n"))
	}
	if sum.Read != 5 || sum.Skipped[NotAFile] != 4 || sum.IgnoredFiles != 1 {
		t.Errorf("summary %+v, want 5 read, 4 not-a-file, 1 ignored", sum)
	}
}

// TestReadNamedPipe: a named pipe named on the command line is read as the
// file its name says, as a shell's process substitution is.
func TestReadNamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wire.jsonl")
	mkfifo(t, path)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(`{"id":"p1","text":"Through a pipe."}` + "\n")
		f.Close()
	}()
	docs, skips, sum := readWithin(t, []string{path}, Options{})
	if !slices.Equal(docs, []string{"p1"}) || len(skips) != 0 || sum.Read != 1 {
		t.Errorf("documents %q, skips %q, read %d; want p1 alone", docs, skips, sum.Read)
	}
}

// TestWalkManifestPipe: a manifest.yaml in a folder that is a named pipe
// is refused, not waited on.
func TestWalkManifestPipe(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "manifest.yaml"))
	done := make(chan error, 1)
	go func() {
		_, err := readChecked([]string{dir}, Options{}, func(Document) error { return nil })
		done <- err
	}()
	select {
	case err := <-done:
		if want := dir + "/manifest.yaml: a named pipe (FIFO), not a file: a manifest found in a folder must be a file (give it with --manifest to read it)"; err == nil || err.Error() != want {
			t.Errorf("error %v, want %s", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read has not returned after 5 s")
	}
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
