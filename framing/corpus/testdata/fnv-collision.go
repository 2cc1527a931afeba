//go:build ignore

// Command fnv-collision finds two 16-hex-digit ids with the same 64-bit
// FNV-1a hash, for TestReadIDsSharingFNV: a Pollard rho search with
// distinguished points over f(x) = FNV-1a(hex(x)), about 2³² hashes (it
// found "53df47fbaff75327" and "60c4f0a17db34274" after 8.0 billion, in
// 13 minutes on one core):
//
//	go run testdata/fnv-collision.go
package main

import (
	"fmt"
	"time"
)

const hexDigits = "0123456789abcdef"

// f is the FNV-1a hash of x written as 16 hex digits.
func f(x uint64) uint64 {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	for i := 60; i >= 0; i -= 4 {
		h ^= uint64(hexDigits[(x>>uint(i))&15])
		h *= prime64
	}
	return h
}

// A point is distinguished when its low 24 bits are zero: a trail runs
// about 16 million steps to one.
const dpMask = 1<<24 - 1

type trail struct{ start, steps uint64 }

func main() {
	seen := map[uint64]trail{}
	t0 := time.Now()
	for s := uint64(1); ; s++ {
		start := s * 0x9E3779B97F4A7C15 // a fixed sequence of starts: the search is reproducible
		x, n := start, uint64(0)
		for x&dpMask != 0 || n == 0 {
			x, n = f(x), n+1
			if n > 1<<30 {
				break // a cycle without a distinguished point: start again
			}
		}
		if n > 1<<30 {
			continue
		}
		o, ok := seen[x]
		if !ok {
			seen[x] = trail{start, n}
			continue
		}
		// Two trails reach the same point: walk them in step from where
		// they are as far from it, to where they merge.
		a, b, na, nb := o.start, start, o.steps, n
		for ; na > nb; na-- {
			a = f(a)
		}
		for ; nb > na; nb-- {
			b = f(b)
		}
		if a == b {
			continue // one trail started on the other
		}
		for f(a) != f(b) {
			a, b = f(a), f(b)
		}
		fmt.Printf("%016x %016x share the FNV-1a hash %016x (%v)\n", a, b, f(a), time.Since(t0))
		return
	}
}
