package analysis

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// Dropped is a part of a document excluded from counts: a line of site
// furniture, or a span the caller gave (another outlet's copy of a story).
type Dropped struct {
	Line   int    // 1-based line number in the document's text
	Span          // the bytes, without a line break
	Reason string // one of the Reason constants
}

// The reasons a part of a text is dropped.
const (
	ReasonMetadata     = "metadata"      // a scraper's metadata line (Input.Header)
	ReasonNavigation   = "navigation"    // a whole-line widget label
	ReasonRelatedLink  = "related-link"  // a link to another article
	ReasonAppeal       = "appeal"        // a donation, subscription or ad-blocker appeal
	ReasonCaption      = "caption"       // a photo caption or credit
	ReasonByline       = "byline"        // an author or publication line
	ReasonCopyright    = "copyright"     // a footer's copyright notice
	ReasonForeignAgent = "foreign-agent" // the notice Russian law requires of a "foreign agent"
	ReasonRepeatedLine = "repeated-line" // a verbatim repeat of an earlier long line
	ReasonSyndicated   = "syndicated"    // another outlet's copy of the story (Input.Exclude)
)

// The rules below mark whole lines only, and only lines that look like
// site furniture by themselves; an ordinary sentence never matches one. They
// are conservative on purpose: a missed furniture line adds a few counts,
// while a dropped article line loses the outlet's words silently. Every
// dropped line is reported with its reason so a user can check. What is
// language-specific about them (words, patterns) comes from a lang.Pack.

// Limits of the rules, in words: an author, date or copyright line is
// short; a caption is at most 60 words (30 for a credit marker anywhere in
// it); a line shorter than minRepeatWords may repeat legitimately ("Yes.",
// a dateline).
const (
	maxBylineWords  = 15
	maxFooterWords  = 25
	maxCaptionWords = 60
	maxCreditWords  = 30
	maxNoticeWords  = 80
	minRepeatWords  = 8
)

// The categories of LineRules' marker matcher.
const (
	strongAppeal = 0
	weakAppeal   = 1
)

// LineRules drops the lines of a text that are site furniture. It is not
// safe for concurrent use (it reuses its buffers); make one per goroutine.
type LineRules struct {
	pack       *lang.Pack
	navigation map[string]bool
	// markers finds the appeal phrases, on tokens: the lexicon's matcher,
	// so "ad-free" matches "ad free" and case never matters.
	markers *lexicon.Matcher
	enc     lexicon.Encoded
	hits    []lexicon.Hit
	lower   []byte
}

// NewLineRules compiles the boilerplate rules of a language pack.
func NewLineRules(p *lang.Pack) (*LineRules, error) {
	r := &LineRules{pack: p, navigation: map[string]bool{}}
	for _, n := range p.Boilerplate.Navigation {
		r.navigation[navKey(n)] = true
	}
	appeal := p.Boilerplate.Appeal
	m, err := lexicon.CompilePhrases(p.Language+" appeals", [][]string{strongAppeal: appeal.Strong, weakAppeal: appeal.Weak})
	if err != nil {
		return nil, err
	}
	r.markers = m
	return r, nil
}

// metadataLine matches a scraper's header: " date 2023-06-25 https://...".
// It is not language but a format, which the corpus readers read too.
var metadataLine = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(https?://\S+))?\s*$`)

// Header finds a scraper's metadata line at the start of text (its first
// line with words), and the date and URL it gives; ok is false when there
// is none.
func Header(text string) (line Span, date, url string, ok bool) {
	for start := 0; start < len(text); {
		raw, end := lineAt(text, start)
		if strings.TrimSpace(raw) != "" {
			m := metadataLine.FindStringSubmatch(raw)
			if m == nil {
				return Span{}, "", "", false
			}
			return Span{Start: start, End: start + len(raw)}, m[1], m[2], true
		}
		start = end + 1
	}
	return Span{}, "", "", false
}

// lineAt is the line of text that starts at byte start, without its line
// break and a carriage return before it, and the offset of its line break
// (the end of the text for the last line).
func lineAt(text string, start int) (raw string, end int) {
	end = strings.IndexByte(text[start:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += start
	}
	return strings.TrimRight(text[start:end], "\r"), end
}

// Drop classifies the lines of text and returns those that are site
// furniture, in order. toks are the text's tokens, quotes its quotations;
// header, when not empty, is a metadata line to drop as such.
func (r *LineRules) Drop(text string, toks []token.Token, quotes []Span, header Span) []Dropped {
	r.hits = r.markers.MatchCategoriesIn(r.hits[:0], r.markers.Encode(toks, &r.enc))
	r.enc.Release()
	var dropped []Dropped
	seen := map[uint64]bool{}
	var block []Dropped // consecutive non-blank lines, for appeal blocks
	var blockAppeals int
	flush := func() {
		// A block of lines mostly made of appeals is an appeal as a whole:
		// the sentence between two appeal lines belongs to them.
		if len(block) >= 3 && blockAppeals*2 > len(block) {
			for _, d := range block {
				d.Reason = ReasonAppeal
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
	line, hit := 0, 0
	for start := 0; start < len(text); {
		raw, end := lineAt(text, start)
		line++
		d := Dropped{Line: line, Span: Span{Start: start, End: start + len(raw)}}
		trimmed := strings.TrimSpace(raw)
		next := end + 1
		// The marker hits of this line: those before it belong to earlier
		// lines (hits never cross a line break, which ends a sentence).
		for hit < len(r.hits) && toks[r.hits[hit].First].Start < start {
			hit++
		}
		lineHits := hit
		for lineHits < len(r.hits) && toks[r.hits[lineHits].First].Start < end {
			lineHits++
		}
		if trimmed == "" {
			flush()
			start = next
			continue
		}
		d.Reason = r.classify(trimmed, d.Span == header && header != Span{}, r.hits[hit:lineHits], toks, quotes, seen)
		if d.Reason == ReasonAppeal || d.Reason == ReasonNavigation {
			blockAppeals++
		}
		block = append(block, d)
		start = next
	}
	flush()
	return dropped
}

// classify is the reason a trimmed line is furniture, or "". hits are the
// marker hits on it; seen holds the earlier long lines.
func (r *LineRules) classify(trimmed string, header bool, hits []lexicon.Hit, toks []token.Token, quotes []Span, seen map[uint64]bool) string {
	b := &r.pack.Boilerplate
	n := words(trimmed)
	// The cheap tests and the caption cues read a lower case of the line,
	// made in one reused buffer (ASCII lines, most of English news, without
	// the Unicode tables). lower is a view of it, valid until the next line;
	// no offset is taken from it. Only the rules of short lines read it
	// (at most maxNoticeWords), and most of an article's bytes are in longer
	// paragraphs, which skip it; lower case keeps the count of spaces, so
	// words(lower) is n.
	lower := ""
	if n <= maxNoticeWords {
		r.lower = appendLower(r.lower[:0], trimmed)
		lower = unsafe.String(unsafe.SliceData(r.lower), len(r.lower))
	}
	switch {
	case header:
		return ReasonMetadata
	case r.navigation[navKey(trimmed)]:
		return ReasonNavigation
	case b.RelatedLink.MatchString(trimmed):
		return ReasonRelatedLink
	case n <= maxNoticeWords && b.ForeignAgent.MayMatch(lower) && b.ForeignAgent.Pattern.MatchString(trimmed):
		return ReasonForeignAgent
	case isAppeal(hits, toks, quotes):
		return ReasonAppeal
	case n <= maxCaptionWords && r.mayBeCaption(lower) && r.isCaption(trimmed): // isCaption refuses longer lines
		return ReasonCaption
	case n <= maxBylineWords && (b.Byline.MayMatch(lower) && b.Byline.Pattern.MatchString(trimmed) ||
		b.Dateline.MayMatch(lower) && b.Dateline.Pattern.MatchString(trimmed)):
		return ReasonByline
	case n <= maxFooterWords && b.Copyright.MayMatch(lower) && b.Copyright.Pattern.MatchString(lower):
		return ReasonCopyright
	case n >= minRepeatWords:
		key, n := lineKey(trimmed)
		repeated := n >= minRepeatWords && seen[key]
		seen[key] = true
		if repeated {
			return ReasonRepeatedLine
		}
	}
	return ""
}

// words counts the space-separated words of a trimmed line.
func words(line string) int { return strings.Count(line, " ") + 1 }

// appendLower appends s to dst in lower case: A-Z by a byte test, and
// any other letter by Unicode's rules.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				dst = utf8.AppendRune(dst, lang.Lower(r))
			}
			return dst
		}
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
	for i := 0; i < len(s); {
		// ASCII letters and punctuation of a word, most of a line, in a
		// loop of their own.
		for inWord && i < len(s) {
			c := s[i]
			if c >= utf8.RuneSelf || c == ' ' || '\t' <= c && c <= '\r' {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			add(c)
			i++
		}
		if i == len(s) {
			break
		}
		// Bytes below utf8.RuneSelf are whole runes; the rest is decoded as
		// a range loop would (an invalid byte is utf8.RuneError).
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if lang.IsSpace(r) {
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
		n := utf8.EncodeRune(buf[:], lang.Lower(r))
		for _, b := range buf[:n] {
			add(b)
		}
	}
	return h, words
}

// isAppeal reports whether a line's marker hits hold one strong appeal
// phrase or two weak ones outside any quotation (a quoted "support us" is
// somebody's words, not the site's).
func isAppeal(hits []lexicon.Hit, toks []token.Token, quotes []Span) bool {
	var n [2]int
	for _, h := range hits {
		if !inSpans(quotes, toks[h.First].Start) {
			n[h.ID]++
		}
	}
	return n[strongAppeal] > 0 || n[weakAppeal] >= 2
}

// mayBeCaption is the pack's cheap test on a lower-cased line, which rules
// out most lines before the caption patterns run.
func (r *LineRules) mayBeCaption(lower string) bool {
	for _, s := range r.pack.Boilerplate.Caption.Cues {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// slashCredit is a credit at the end of a caption: "... 2019. Valery
// Sharifulin / TASS". It holds no word of any language.
var slashCredit = regexp.MustCompile(`\S\s+/\s+\p{Lu}[\p{L}\p{N} .&'-]{1,40}$`)

// isCaption reports whether a line is a photo caption or credit: it ends in
// a "Name / Agency" credit or carries a credit marker, and it is short.
func (r *LineRules) isCaption(line string) bool {
	words := words(line)
	if words > maxCaptionWords {
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
	return words <= maxCreditWords && r.pack.Boilerplate.Caption.Credit.MatchString(line)
}

// inSpans reports whether offset lies inside one of the sorted, disjoint
// spans.
func inSpans(spans []Span, offset int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > offset })
	return i < len(spans) && spans[i].Start <= offset
}
