// Package threadtime reads the CPU time of the calling thread, for tests
// and benchmarks that compare two pieces of code on a shared machine:
// unlike the wall clock, it does not run while the thread waits for a
// processor, so a measured call is not charged for other programs' time.
// The caller locks its goroutine to its thread (runtime.LockOSThread).
package threadtime
