package stats

import "math/rand/v2"

// newRand returns the generator behind every random draw of the package:
// PCG with both seed words set to seed.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed))
}
