//go:build !linux

package main

import "os"

// peakRSS reports no peak: ru_maxrss is in kilobytes on Linux only (bytes
// on macOS, absent on Windows), and the bounds were measured on Linux.
func peakRSS(*os.ProcessState) (int64, bool) { return 0, false }
