package main

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress counts scored documents on stderr while a run goes on. It shows
// only when stderr is a terminal; in a pipe or a log it is silent, so
// machine output and logs stay clean. The corpus is streamed, so its size is
// unknown: the bar is a counter with a rate, not a percentage.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(env Env) *progress {
	if !env.ErrIsTTY {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(env.Err),
		progressbar.OptionSetDescription("scoring"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// add counts one document.
func (p *progress) add() {
	if p.bar != nil {
		_ = p.bar.Add(1) // a failed redraw of the counter is not worth stopping a run for
	}
}

// done clears the counter before the summary is printed.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
