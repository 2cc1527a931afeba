package reliability

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadTime is the CPU time of the calling thread: unlike the wall clock,
// it does not run while the thread waits for a processor, so that on a
// busy machine a measured call is not charged for other programs' time.
// The caller locks its goroutine to its thread.
func threadTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		panic(err)
	}
	return time.Duration(ts.Nano())
}
