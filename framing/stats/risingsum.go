package stats

import "math"

// This file holds the sums over r = 0 … n−1 of the terms of a rising
// factorial with step γ that the Dirichlet-multinomial likelihood is made of
// (Griffiths 1973; see dmModel):
//
//	lnRising(a, n, γ) = Σ ln(a + rγ)       = n ln γ + ln Γ(a/γ + n) − ln Γ(a/γ)
//	dRising(a, n, γ)  = Σ 1/(a + rγ)        (its derivative in a)
//	d2Rising(a, n, γ) = Σ 1/(a + rγ)²       (minus its second derivative in a)
//	sRising(a, n, γ)  = Σ r/(a + rγ)        (its derivative in γ)
//
// for a > 0, γ ≥ 0 and whole n ≥ 0. At γ = 0 they are the binomial terms
// n ln a, n/a, n/a², n(n−1)/(2a). Three regimes keep them accurate: the sum
// itself for n ≤ directMax (counts of one label in one document are small);
// for tiny steps, z = a/γ > 1e8·n, a Taylor expansion in γ/a whose first
// omitted term is below (n/z)³ ≤ 1e-24 relatively; otherwise the gamma
// function forms, with differences of log-gamma, digamma and trigamma values
// taken from their asymptotic series when z ≥ 16, where subtracting the
// functions' values would cancel.

const directMax = 64

// s1, s2, s3 return Σ r, Σ r², Σ r³ over r = 0 … n−1.
func s1(n float64) float64 { return n * (n - 1) / 2 }
func s2(n float64) float64 { return (n - 1) * n * (2*n - 1) / 6 }
func s3(n float64) float64 { h := s1(n); return h * h }

func tinyStep(a, n, g float64) bool { return a/g > 1e8*n }

func lnRising(a, n, g float64) float64 {
	switch {
	case n == 0:
		return 0
	case g == 0:
		return n * math.Log(a)
	case n <= directMax:
		var s float64
		for r := 0.0; r < n; r++ {
			s += math.Log(a + r*g)
		}
		return s
	case tinyStep(a, n, g):
		e := g / a
		return n*math.Log(a) + e*(s1(n)-e*(s2(n)/2-e*s3(n)/3))
	}
	return n*math.Log(g) + lnPoch(a/g, n)
}

func dRising(a, n, g float64) float64 {
	switch {
	case n == 0:
		return 0
	case g == 0:
		return n / a
	case n <= directMax:
		var s float64
		for r := 0.0; r < n; r++ {
			s += 1 / (a + r*g)
		}
		return s
	case tinyStep(a, n, g):
		e := g / a
		return (n - e*(s1(n)-e*s2(n))) / a
	}
	return digammaDiff(a/g, n) / g
}

func d2Rising(a, n, g float64) float64 {
	switch {
	case n == 0:
		return 0
	case g == 0:
		return n / (a * a)
	case n <= directMax:
		var s float64
		for r := 0.0; r < n; r++ {
			d := a + r*g
			s += 1 / (d * d)
		}
		return s
	case tinyStep(a, n, g):
		e := g / a
		return (n - e*(2*s1(n)-3*e*s2(n))) / (a * a)
	}
	z := a / g
	return (trigamma(z) - trigamma(z+n)) / (g * g)
}

func sRising(a, n, g float64) float64 {
	switch {
	case n == 0:
		return 0
	case g == 0:
		return s1(n) / a
	case n <= directMax:
		var s float64
		for r := 1.0; r < n; r++ {
			s += r / (a + r*g)
		}
		return s
	case tinyStep(a, n, g):
		e := g / a
		return (s1(n) - e*(s2(n)-e*s3(n))) / a
	}
	// Σ r/(a + rγ) = (n − a Σ 1/(a + rγ))/γ; z = a/γ ≤ 1e8·n here, so the
	// cancellation costs at most 8 digits.
	return (n - a*dRising(a, n, g)) / g
}

// lnPoch returns ln Γ(z+n) − ln Γ(z) for z > 0, n ≥ 0.
func lnPoch(z, n float64) float64 {
	if z >= 16 {
		return (z-0.5)*math.Log1p(n/z) + n*math.Log(z+n) - n + lgammaCorr(z+n) - lgammaCorr(z)
	}
	a, _ := math.Lgamma(z + n)
	b, _ := math.Lgamma(z)
	return a - b
}

// lgammaCorr returns ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π] for z ≥ 16, by
// its asymptotic series (first omitted term below 1/(1188 z⁹) < 1e-14).
func lgammaCorr(z float64) float64 {
	z2 := z * z
	return (1.0/12 - (1.0/360-(1.0/1260-1.0/(1680*z2))/z2)/z2) / z
}

// digammaDiff returns ψ(z+n) − ψ(z) for z > 0 and whole n ≥ 0, from the
// asymptotic series ψ(x) = ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) −
// 1/(252x⁶) + 1/(240x⁸) − … once z ≥ 16, after the recurrence
// ψ(z+1) = ψ(z) + 1/z below.
func digammaDiff(z, n float64) float64 {
	var s float64
	for z < 16 && n > 0 {
		s += 1 / z
		z++
		n--
	}
	if n == 0 {
		return s
	}
	x := z + n
	tail := func(x float64) float64 {
		x2 := 1 / (x * x)
		return x2 * x2 * (1.0/120 - x2*(1.0/252-x2/240))
	}
	return s + math.Log1p(n/z) + n/(2*z*x) + n*(2*z+n)/(12*z*z*x*x) + tail(x) - tail(z)
}

// trigamma returns ψ′(z) for z > 0: the recurrence ψ′(z) = ψ′(z+1) + 1/z² up
// to z ≥ 16, then the asymptotic series 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) +
// 1/(42x⁷) − 1/(30x⁹) (first omitted term below 5/(66x¹¹) < 1e-14).
func trigamma(z float64) float64 {
	var s float64
	for z < 16 {
		s += 1 / (z * z)
		z++
	}
	x2 := 1 / (z * z)
	return s + 1/z + x2/2 + x2/z*(1.0/6-x2*(1.0/30-x2*(1.0/42-x2/30)))
}
