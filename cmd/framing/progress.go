package main

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/framingkit/framing/framing/corpus"

	"github.com/schollz/progressbar/v3"
)

// progress shows a run's progress on stderr: documents, MB read, MB/s,
// and, when the input's size is known (files, not standard input), the
// share done and the time left. It shows only when stderr is a terminal;
// in a pipe or a log it is silent, so machine output and logs stay clean.
type progress struct {
	bar  *progressbar.ProgressBar
	docs int
}

func newProgress(env Env, paths []string) *progress {
	if !env.ErrIsTTY {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(inputSize(paths),
		progressbar.OptionSetWriter(env.Err),
		progressbar.OptionSetDescription("scoring"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// inputSize is the bytes of the corpus files at paths, -1 when unknown
// (standard input).
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == "-" {
			return -1
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil // the reader reports unreadable paths; the bar only estimates
			}
			if corpus.IsDocFile(path) {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	if n == 0 {
		return -1
	}
	return n
}

// add counts one document of size bytes.
func (p *progress) add(size int) {
	if p.bar == nil {
		return
	}
	p.docs++
	if p.docs%256 == 1 {
		p.bar.Describe(fmt.Sprintf("scoring: %d docs", p.docs))
	}
	_ = p.bar.Add(size) // a failed redraw is not worth stopping a run for
}

// above runs fn, which prints a line (a skipped document), above the bar:
// the bar is cleared first so the line starts at the left edge, and drawn
// again at the next document.
func (p *progress) above(fn func()) {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fn()
}

// stage shows, on a terminal, that a stage after scoring is under way
// ("statistics", "charts"): its name and the seconds it has taken, on a
// line of its own, cleared when the returned function is called.
func stage(env Env, name string) func() {
	if !env.ErrIsTTY {
		return func() {}
	}
	bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(env.Err), progressbar.OptionSetDescription(name),
		progressbar.OptionSpinnerType(14), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	_ = bar.RenderBlank()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				_ = bar.Add(1)
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		_ = bar.Finish()
		_ = bar.Clear()
	}
}

// done clears the bar before the summary is printed.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
