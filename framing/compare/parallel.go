package compare

import (
	"runtime"
	"sync"
)

// forEach runs f(0) … f(n−1), as many at once as there are CPUs, and
// returns the error of the lowest i that failed. The statistics of one
// group, concept or indicator do not depend on another's, and each seeds
// its own generator, so the results do not depend on the order; their
// Monte Carlo tests and bootstraps are most of a comparison's time.
func forEach(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = f(i)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
