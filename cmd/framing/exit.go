package main

import (
	"errors"
	"fmt"
)

// errFailed marks a run that printed its own failure report (lexicon
// examples that failed, say); exit status 1 without a further message.
var errFailed = errors.New("check failed")

// ErrDrift is returned by a check that found scores moved, after it printed
// what moved: a failure of that kind.
var ErrDrift = fmt.Errorf("scores drifted from the baseline: %w", errFailed)

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitCode is the only place that turns an error into a process status.
func exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFailed):
		return 1
	default: // bad usage or bad input; the message was printed to stderr
		return 2
	}
}
