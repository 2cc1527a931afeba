package framing

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Dropped is a line of a document excluded from counts as boilerplate.
type Dropped struct {
	Line   int    // 1-based line number in the document's text
	Span          // the line's bytes, without its line break
	Reason string // metadata, navigation, related-link, appeal, caption, byline, copyright, repeated-line
}

// The heuristics below mark whole lines only, and only lines that look like
// site furniture by themselves; an ordinary sentence never matches one. They
// are conservative on purpose: a missed furniture line adds a few counts,
// while a dropped article line loses the outlet's words silently. Every
// dropped line is reported with its reason so a user can check.

// metadataLine is a scraper's header: " date 2023-06-25 https://...".
var metadataLine = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(https?://\S+))?\s*$`)

// navigation lines are whole lines of site navigation and widget labels.
var navigation = map[string]bool{
	"all news": true, "read more": true, "share": true, "share this": true, "subscribe": true,
	"advertisement": true, "related": true, "related news": true, "home": true, "menu": true,
	"skip to content": true, "most read": true, "latest news": true, "top stories": true,
	"comments": true, "print": true, "support us": true, "remind me later": true,
	"payment methods": true, "paiment methods": true, "donate": true, "sign up": true,
	"log in": true, "follow us": true, "newsletter": true, "more news": true,
	"not ready to support today": true, "back to top": true,
}

// relatedLink lines point to other articles: "Also Read: Rebel mercenaries…".
var relatedLink = regexp.MustCompile(`(?i)^\s*(also read|read also|read more|related|see also|more on this|watch|listen|recommended|you may also like|related articles?|related stories|read next)\s*[:|>»-]`)

// bylineLine is an author line ("By Jane Reporter", "By Jane Reporter and
// John Doe, Reuters"); "By" is capitalised and only names follow it, with
// at most a short tail after a comma or bar that does not end a sentence
// ("By Monday, the troops had gone." is not one).
var bylineLine = regexp.MustCompile(`^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*\s*(?:[,|•–—]\s*[^.!?]{0,40}[^.!?:\s])?$`)

// datelineLine is a publication line: "Posted on June 27, 2023 by Alex
// Writer", "Published 25 June 2023", "Updated: 4:05 pm". A date or time
// must follow the verb at once ("Published figures show…" is a sentence).
var datelineLine = regexp.MustCompile(`(?i)^(?:posted|published|updated|last updated|first published)(?:\s+on|\s+at|\s*:)?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s)`)

// copyrightLine is a site footer's notice: "Copyright 2023 Eastern Desk",
// "Copyright © …", "… All rights reserved." ("Copyright law changed" is a
// sentence: a ©, (c) or a year must follow the word).
var copyrightLine = regexp.MustCompile(`(?i)^(?:copyright\s*(?:©|\(c\)|\d{4})|\(c\)\s*\d{4})|all rights reserved`)

// maxBylineWords and maxFooterWords bound the lines these rules look at:
// an author, date or copyright line is short.
const (
	maxBylineWords = 15
	maxFooterWords = 25
)

// Appeal markers are phrases of donation, subscription and ad-blocker
// appeals, which address the reader about the site itself. One strong
// marker makes a line an appeal; weak ones, which ordinary news also uses
// ("monthly", "donation"), take two.
var (
	strongAppeal = []string{
		"support us", "your support", "we need your help", "favor to ask", "favour to ask",
		"ad-free", "become a member", "make a contribution", "support independent journalism",
		"support today", "reader-funded", "sign up for our newsletter", "donate now",
		"subscribe to our", "disable your ad blocker", "disable your adblocker",
	}
	weakAppeal = []string{
		"donate", "donation", "subscribe", "subscription", "help us", "per month", "a month",
		"monthly", "journalism", "paywall", "adblock", "ad blocker", "newsletter",
	}
	strongAppeals, weakAppeals = newMarkerSet(strongAppeal), newMarkerSet(weakAppeal)
)

// A caption ends in a credit: "... 2019. Valery Sharifulin / TASS",
// "Photo: Reuters", "(AP Photo/Jae C. Hong)", "© AFP", "Getty Images".
var (
	slashCredit = regexp.MustCompile(`\S\s+/\s+\p{Lu}[\p{L}\p{N} .&'-]{1,40}$`)
	photoCredit = regexp.MustCompile(`(?i)^(photo|photograph|image|picture)s?\s*(:|by\s|credit)|\((photo|image|picture)s?\s*(:|by\s|credit)|\bAP Photo\b|©|\bGetty Images\W*$`)
)

// boilerplate classifies the lines of text and returns those that are site
// furniture. The metadata line also yields the date and URL it gives.
func boilerplate(text string, quotes []Span) (dropped []Dropped, date, url string) {
	seen := map[uint64]bool{}
	var lowerBuf []byte
	firstContent := true
	var block []Dropped // consecutive non-blank lines, for appeal blocks
	var blockAppeals int
	flush := func() {
		// A block of lines mostly made of appeals is an appeal as a whole:
		// the sentence between two appeal lines belongs to them.
		if len(block) >= 3 && blockAppeals*2 > len(block) {
			for _, d := range block {
				d.Reason = "appeal"
				dropped = append(dropped, d)
			}
		} else {
			for _, d := range block {
				if d.Reason != "" {
					dropped = append(dropped, d)
				}
			}
		}
		block, blockAppeals = block[:0], 0
	}
	line := 0
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line++
		raw := strings.TrimRight(text[start:end], "\r")
		d := Dropped{Line: line, Span: Span{Start: start, End: start + len(raw)}}
		trimmed := strings.TrimSpace(raw)
		next := end + 1
		if trimmed == "" {
			flush()
			start = next
			continue
		}
		// The markers and caption words are ASCII: an ASCII lower case of
		// the line finds them, keeps offsets as they are, and reuses one
		// buffer. lower is a view of it, valid until the next line.
		lowerBuf = appendLowerASCII(lowerBuf[:0], trimmed)
		lower := unsafe.String(unsafe.SliceData(lowerBuf), len(lowerBuf))
		switch {
		case firstContent && metadataLine.MatchString(raw):
			m := metadataLine.FindStringSubmatch(raw)
			date, url = m[1], m[2]
			d.Reason = "metadata"
		case navigation[navKey(trimmed)]:
			d.Reason = "navigation"
		case relatedLink.MatchString(trimmed):
			d.Reason = "related-link"
		case isAppeal(lower, start+strings.Index(raw, trimmed), quotes):
			d.Reason = "appeal"
		case mayBeCaption(lower) && isCaption(trimmed):
			d.Reason = "caption"
		case isByline(trimmed, lower):
			d.Reason = "byline"
		case isCopyright(lower):
			d.Reason = "copyright"
		case strings.Count(trimmed, " ") >= minRepeatWords-1:
			key, words := lineKey(trimmed)
			if words >= minRepeatWords && seen[key] {
				d.Reason = "repeated-line"
			}
			seen[key] = true
		}
		firstContent = false
		if d.Reason == "appeal" || d.Reason == "navigation" {
			blockAppeals++
		}
		block = append(block, d)
		start = next
	}
	flush()
	return dropped, date, url
}

// words counts the space-separated words of a trimmed line.
func words(line string) int { return strings.Count(line, " ") + 1 }

// isByline reports whether a line is an author or publication line; the
// cheap tests on its start rule out nearly every line before a pattern
// runs.
func isByline(line, lower string) bool {
	if words(line) > maxBylineWords {
		return false
	}
	switch {
	case strings.HasPrefix(line, "By "):
		return bylineLine.MatchString(line)
	case strings.HasPrefix(lower, "posted"), strings.HasPrefix(lower, "published"), strings.HasPrefix(lower, "updated"),
		strings.HasPrefix(lower, "last updated"), strings.HasPrefix(lower, "first published"):
		return datelineLine.MatchString(line)
	}
	return false
}

// isCopyright reports whether a lower-cased line is a copyright notice.
func isCopyright(lower string) bool {
	if words(lower) > maxFooterWords {
		return false
	}
	if !strings.HasPrefix(lower, "copyright") && !strings.HasPrefix(lower, "(c)") && !strings.Contains(lower, "all rights reserved") {
		return false
	}
	return copyrightLine.MatchString(lower)
}

// appendLowerASCII appends s to dst with A-Z in lower case.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// navKey reduces a short line to its words for the navigation lookup.
func navKey(s string) string {
	if len(s) > 40 {
		return ""
	}
	s = strings.ToLower(strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
	return strings.Join(strings.Fields(s), " ")
}

// lineKey is a line's identity for repeated-line detection: the FNV-1a
// hash of its words, lower case, one space apart, without trailing
// punctuation; and how many words it has. Hashing as it reads makes no
// strings: repeated lines are looked for on every long line.
func lineKey(s string) (key uint64, words int) {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	add := func(b byte) { h = (h ^ uint64(b)) * prime64 }
	inWord := false
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words > 0 {
				add(' ')
			}
			words++
			inWord = true
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			add(byte(r))
			continue
		}
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:n] {
			add(b)
		}
	}
	return h, words
}

// isAppeal reports whether a line (lower case) holds one strong appeal
// marker or two weak ones outside any quotation (a quoted "support us" is
// somebody's words, not the site's).
func isAppeal(lower string, offset int, quotes []Span) bool {
	if strongAppeals.count(lower, offset, quotes) > 0 {
		return true
	}
	return weakAppeals.count(lower, offset, quotes) >= 2
}

// markerSet finds appeal markers in a line in one pass. Most lines hold
// none, and a bit per pair of first bytes rules a position out with one
// test; searching for each marker in turn had cost a fifth of all scoring.
type markerSet struct {
	markers []string
	pairs   [1 << 16 / 64]uint64 // bit set: some marker starts with these two bytes
	first   map[uint16][]int     // the markers that start with a pair
}

func newMarkerSet(markers []string) *markerSet {
	ms := &markerSet{markers: markers, first: map[uint16][]int{}}
	for k, m := range markers {
		key := uint16(m[0])<<8 | uint16(m[1])
		ms.pairs[key/64] |= 1 << (key % 64)
		ms.first[key] = append(ms.first[key], k)
	}
	return ms
}

// count counts the markers found in line outside quotations (each marker's
// matches without overlap); offset is the line's position in the document.
func (ms *markerSet) count(line string, offset int, quotes []Span) int {
	n := 0
	var last []int // where each marker's last match ended
	var onStack [64]int
	for i := 0; i+1 < len(line); i++ {
		key := uint16(line[i])<<8 | uint16(line[i+1])
		if ms.pairs[key/64]&(1<<(key%64)) == 0 {
			continue
		}
		if last == nil {
			last = onStack[:0]
			if len(ms.markers) > len(onStack) {
				last = make([]int, 0, len(ms.markers))
			}
			last = last[:len(ms.markers)]
		}
		for _, k := range ms.first[key] {
			m := ms.markers[k]
			if i >= last[k] && strings.HasPrefix(line[i:], m) {
				last[k] = i + len(m)
				if !inSpans(quotes, offset+i) {
					n++
				}
			}
		}
	}
	return n
}

// minRepeatWords is the shortest line that counts as a repeat: short lines
// ("Yes.", a dateline) repeat legitimately.
const minRepeatWords = 8

// mayBeCaption is a cheap test on a lower-cased line that rules out most
// lines before the caption patterns run.
func mayBeCaption(lower string) bool {
	for _, s := range []string{" / ", "photo", "image", "picture", "©", "(c) ", "getty"} {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// isCaption reports whether a line is a photo caption or credit: it ends in
// a "Name / Agency" credit or carries a photo credit marker, and it is short.
func isCaption(line string) bool {
	words := strings.Count(line, " ") + 1
	if words > 60 {
		return false
	}
	// A credit stands at the end of the line: look at its tail only, so the
	// cost per line does not grow with the line.
	tail := line
	if len(tail) > 64 {
		tail = tail[len(tail)-64:]
	}
	if last := line[len(line)-1]; last != '.' && last != '"' && slashCredit.MatchString(tail) {
		return true
	}
	return words <= 30 && photoCredit.MatchString(line)
}

// inSpans reports whether offset lies inside one of the sorted, disjoint
// spans.
func inSpans(spans []Span, offset int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > offset })
	return i < len(spans) && spans[i].Start <= offset
}
