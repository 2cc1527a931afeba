package analysis

import "strings"

// nextByte finds the next byte of a text that is one of a few: a finder
// of quotation marks passes the bytes between without looking at each,
// by one strings.IndexByte per byte of the set, remembered until the
// search passes it.
type nextByte struct {
	text  string
	bytes string
	// at[k] is the offset of the first bytes[k] at or after the last
	// search, len(text) when there is none, -1 before the first search.
	at [4]int
}

// newNextByte returns the finder of the bytes (at most four) in text.
func newNextByte(text, bytes string) nextByte {
	if len(bytes) > 4 {
		panic("analysis: nextByte of more than four bytes")
	}
	return nextByte{text: text, bytes: bytes, at: [4]int{-1, -1, -1, -1}}
}

// from is the offset of the first byte of the set at or after i, or
// len(text).
func (n *nextByte) from(i int) int {
	next := len(n.text)
	for k := range len(n.bytes) {
		if n.at[k] < i {
			n.at[k] = len(n.text)
			if j := strings.IndexByte(n.text[i:], n.bytes[k]); j >= 0 {
				n.at[k] = i + j
			}
		}
		next = min(next, n.at[k])
	}
	return next
}
