package reliability

import (
	"syscall"
	"time"
	"unsafe"
)

// threadTime is the CPU time of the calling thread: unlike the wall clock,
// it does not run while the thread waits for a processor, so that on a
// busy machine a measured call is not charged for other programs' time.
// The caller locks its goroutine to its thread.
func threadTime() time.Duration {
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID
	var ts syscall.Timespec
	if _, _, errno := syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		panic(errno)
	}
	return time.Duration(ts.Nano())
}
