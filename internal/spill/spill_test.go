package spill

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// keysOf is n random keys of width bytes, sorted; few distinct values
// when small is set, so that runs share keys.
func keysOf(rng *rand.Rand, n, width int, small bool) [][]byte {
	keys := make([][]byte, n)
	for i := range keys {
		k := make([]byte, width)
		for j := range k {
			k[j] = byte(rng.Uint32())
			if small {
				k[j] &= 1
			}
		}
		keys[i] = k
	}
	slices.SortFunc(keys, bytes.Compare)
	return keys
}

func writeRun(t testing.TB, f *File, width int, keys [][]byte) Run {
	t.Helper()
	w := f.NewWriter(width)
	for _, k := range keys {
		w.Add(k)
	}
	r, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func create(t testing.TB) *File {
	t.Helper()
	f, err := Create()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkRuns reads every run back whole, key by key and a block at a
// time, and all of them merged, against the keys written (want).
func checkRuns(t *testing.T, runs []Run, want [][][]byte, bufBytes int) {
	t.Helper()
	var all [][]byte
	for i, r := range runs {
		if r.Len() != int64(len(want[i])) {
			t.Fatalf("run %d: %d keys, want %d", i, r.Len(), len(want[i]))
		}
		rd := r.NewReader(bufBytes)
		for j, k := range want[i] {
			got, ok := rd.Next()
			if !ok || !bytes.Equal(got, k) {
				t.Fatalf("run %d key %d: %x %v, want %x (%v)", i, j, got, ok, k, rd.Err())
			}
		}
		if got, ok := rd.Next(); ok || rd.Err() != nil {
			t.Fatalf("run %d: %x after its end (%v)", i, got, rd.Err())
		}
		for j := 0; j < len(want[i]); j += 3 {
			n := min(5, len(want[i])-j)
			block := make([]byte, n*r.width)
			if err := r.ReadKeys(block, int64(j)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(block, bytes.Join(want[i][j:j+n], nil)) {
				t.Fatalf("run %d: keys %d to %d read %x", i, j, j+n, block)
			}
		}
		all = append(all, want[i]...)
	}
	slices.SortFunc(all, bytes.Compare)
	m := Merge(runs, bufBytes)
	for j, k := range all {
		got, ok := m.Next()
		if !ok || !bytes.Equal(got, k) {
			t.Fatalf("merged key %d: %x %v, want %x (%v)", j, got, ok, k, m.Err())
		}
	}
	if got, ok := m.Next(); ok || m.Err() != nil {
		t.Fatalf("merged: %x after the end (%v)", got, m.Err())
	}
}

// TestRuns writes runs of several widths and sizes, some sharing one
// file and some not, some sharing keys, and reads them back with buffers
// of one key to more than a run.
func TestRuns(t *testing.T) {
	for _, tt := range []struct {
		name    string
		width   int
		sizes   []int
		small   bool
		oneFile bool
	}{
		{"none", 8, nil, false, true},
		{"one empty run", 8, []int{0}, false, true},
		{"one key", 16, []int{1}, false, true},
		{"two runs in one file", 8, []int{100, 37}, false, true},
		{"runs in files of their own", 16, []int{1000, 250, 3, 0, 64}, false, false},
		{"keys in several runs", 2, []int{300, 300, 300, 1}, true, true},
		{"odd width", 3, []int{500, 7, 77}, true, false},
		{"many runs", 8, slices.Repeat([]int{20}, 40), false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tt.width), uint64(len(tt.sizes))))
			var f *File
			var runs []Run
			var want [][][]byte
			for _, n := range tt.sizes {
				if f == nil || !tt.oneFile {
					f = create(t)
				}
				keys := keysOf(rng, n, tt.width, tt.small)
				runs = append(runs, writeRun(t, f, tt.width, keys))
				want = append(want, keys)
			}
			for _, buf := range []int{1, tt.width * 7, 1 << 16} {
				checkRuns(t, runs, want, buf)
			}
		})
	}
}

// TestNoName: on Unix the file has no name once made, so nothing is left
// in the directory, even by a crash; a missing directory is an error that
// says to set TMPDIR.
func TestNoName(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	f := create(t)
	writeRun(t, f, 8, [][]byte{make([]byte, 8)})
	left, _ := os.ReadDir(dir)
	if runtime.GOOS != "windows" && len(left) > 0 {
		t.Errorf("%d files left in the temporary directory while open", len(left))
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("%d files left in the temporary directory after Close", len(left))
	}
	t.Setenv("TMPDIR", dir+"/missing")
	if _, err := Create(); err == nil || !strings.Contains(err.Error(), "TMPDIR") || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing temporary directory: %v", err)
	}
}

// TestWriteFails: a run that cannot be written is an error saying what to
// do, the file takes no run after it, and the runs before still read.
func TestWriteFails(t *testing.T) {
	f := create(t)
	key := binary.BigEndian.AppendUint64(nil, 7)
	good := writeRun(t, f, 8, [][]byte{key})
	// A file that refuses writes, as a full disk does.
	ro, err := os.Open(f.h.f.Name())
	if err != nil && os.IsNotExist(err) {
		// The name is gone (Unix): reopen what the descriptor points at.
		ro, err = os.Open("/proc/self/fd/" + strconv.Itoa(int(f.h.f.Fd())))
	}
	if err != nil {
		t.Skip("cannot reopen the file read-only here:", err)
	}
	rw := f.h.f
	f.h.f = ro
	w := f.NewWriter(8)
	for range writeBuffer/8 + 1 {
		w.Add(key)
	}
	if _, err := w.Finish(); err == nil || !strings.Contains(err.Error(), "TMPDIR") {
		t.Errorf("a write refused: %v", err)
	}
	w = f.NewWriter(8)
	w.Add(key)
	if _, err := w.Finish(); err == nil {
		t.Error("a file whose write failed took another run")
	}
	checkRuns(t, []Run{good}, [][][]byte{{key}}, 8)
	ro.Close()
	f.h.f = rw
}

// TestReadFails: a run whose file is gone is an error, for the reader and
// the merge, not a short run.
func TestReadFails(t *testing.T) {
	f := create(t)
	r := writeRun(t, f, 8, keysOf(rand.New(rand.NewPCG(1, 1)), 10, 8, false))
	f.Close()
	rd := r.NewReader(64)
	if _, ok := rd.Next(); ok || rd.Err() == nil {
		t.Error("read a closed file")
	}
	m := Merge([]Run{r}, 64)
	if _, ok := m.Next(); ok || m.Err() == nil {
		t.Error("merged a closed file")
	}
}

// FuzzRuns: keys cut from the input into runs (of one or several files)
// read back as written and merge into the sorted whole, against slices.
func FuzzRuns(f *testing.F) {
	f.Add([]byte("\x08\x03hello, world: some bytes to cut into keys"), uint8(3), uint16(9))
	f.Add([]byte("\x01\x00aaaaaaaabbbbbbbbaaaaaaaa"), uint8(1), uint16(1))
	f.Add([]byte{}, uint8(0), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, cuts uint8, buf uint16) {
		if len(data) < 2 {
			return
		}
		width, files := int(data[0]%17)+1, data[1]%3
		data = data[2:]
		var keys [][]byte
		for len(data) >= width {
			keys = append(keys, data[:width])
			data = data[width:]
		}
		// Cut the keys into cuts+1 runs, at places the input chooses.
		rng := rand.New(rand.NewPCG(uint64(cuts), uint64(len(keys))))
		var want [][][]byte
		for range cuts {
			if len(keys) == 0 {
				break
			}
			n := rng.IntN(len(keys) + 1)
			want = append(want, keys[:n])
			keys = keys[n:]
		}
		want = append(want, keys)
		var runs []Run
		var file *File
		for i, w := range want {
			w = slices.Clone(w)
			slices.SortFunc(w, bytes.Compare)
			want[i] = w
			if file == nil || files == 0 || (files == 1 && i%2 == 0) {
				file = create(t)
			}
			runs = append(runs, writeRun(t, file, width, w))
		}
		checkRuns(t, runs, want, int(buf))
	})
}
