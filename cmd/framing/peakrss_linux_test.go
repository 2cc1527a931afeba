package main

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident memory of a finished process in bytes, as
// the kernel counts it (rusage's ru_maxrss, in kilobytes on Linux).
func peakRSS(ps *os.ProcessState) (int64, bool) {
	return ps.SysUsage().(*syscall.Rusage).Maxrss * 1024, true
}
