package threadtime

import (
	"time"

	"golang.org/x/sys/unix"
)

// Now is the CPU time the calling thread has used; ok is false where it
// cannot be read.
func Now() (d time.Duration, ok bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
