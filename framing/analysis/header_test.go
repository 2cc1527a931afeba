package analysis

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// refMetadataLine is the pattern metadataLine reads by hand, as it was.
var refMetadataLine = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(https?://\S+))?\s*$`)

func checkMetadataLine(t *testing.T, raw string) bool {
	t.Helper()
	date, url, ok := metadataLine(raw)
	m := refMetadataLine.FindStringSubmatch(raw)
	if ok != (m != nil) || ok && (date != m[1] || url != m[2]) {
		t.Fatalf("metadataLine(%q) = %q, %q, %v; the pattern: %q", raw, date, url, ok, m)
	}
	return ok
}

// TestMetadataLineAgreesWithPattern: on header lines and their near
// misses, built from parts at random, the hand-read header gives what the
// pattern gives.
func TestMetadataLineAgreesWithPattern(t *testing.T) {
	pick := func(rng *rand.Rand, parts ...string) string { return parts[rng.IntN(len(parts))] }
	rng := rand.New(rand.NewPCG(20261206, 4))
	matched := 0
	for range 200000 {
		raw := pick(rng, "", " ", "  ", "\t", "\f", "\r", "\n", "\v", "\u00a0", " \t") +
			pick(rng, "date", "date", "date", "Date", "dat", "dates", "datum", "") +
			pick(rng, " ", " ", "  ", "\t", "", "\v", "\u00a0", "\r") +
			pick(rng, "2023-06-25", "2023-06-25", "1999-12-31", "2023-6-25", "2023-06-2", "20230-06-25", "2023/06/25", "２０２３-06-25", "2023-06-25x", "abcd-ef-gh", "") +
			pick(rng, "", "", " ", "  ", "\t", "x", "\u00a0", "\r") +
			pick(rng, "", "https://example.org/a", "http://x", "https://", "http://", "http:/x", "ftp://x", "HTTPS://x", "https:// x", "https://a b", "https://a\xffb", "https://ü", "x") +
			pick(rng, "", "", " ", "\t ", "\u00a0", " x", "\r", "\v", "\xff")
		if checkMetadataLine(t, raw) {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d random lines are headers: the test misses the pattern", matched)
	}
}

// FuzzMetadataLine: on any line, the hand-read header gives what the
// pattern gives.
func FuzzMetadataLine(f *testing.F) {
	for _, s := range []string{" date 2023-06-25 https://example.com/a", "date 2023-06-25", "\tdate\t2023-06-25\thttp://x\t", "date 2023-06-25 https://", "date 2023-06-25 x", strings.Repeat(" ", 10)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) { checkMetadataLine(t, raw) })
}
