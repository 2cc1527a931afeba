package analysis

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
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
	// The memory of one line and of one text, reused: the line read
	// once, and the text's long lines by their key (lineSet).
	line lineFold
	seen lineSet
}

// NewLineRules compiles the boilerplate rules of a language pack.
func NewLineRules(p *lang.Pack) (*LineRules, error) {
	r := &LineRules{pack: p, navigation: map[string]bool{}, seen: newLineSet()}
	var lf lineFold
	for _, n := range p.Boilerplate.Navigation {
		// Keyed as classify keys a line: by its repeated-line key.
		lf.fold(n)
		key := string(lf.keyBytes())
		if len(n) > maxNavigationBytes || key == "" {
			return nil, fmt.Errorf("%s pack: boilerplate navigation %q: a navigation line is a short widget label, of 1 to %d bytes with a word", p.Language, n, maxNavigationBytes)
		}
		r.navigation[key] = true
	}
	appeal := p.Boilerplate.Appeal
	m, err := lexicon.CompilePhrases(p.Language+" appeals", [][]string{strongAppeal: appeal.Strong, weakAppeal: appeal.Weak})
	if err != nil {
		return nil, err
	}
	r.markers = m
	return r, nil
}

// Header finds a scraper's metadata line at the start of text (its first
// line with words), and the date and URL it gives; ok is false when there
// is none.
func Header(text string) (line Span, date, url string, ok bool) {
	for start := 0; start < len(text); {
		raw, end := lineAt(text, start)
		if strings.TrimSpace(raw) != "" {
			date, url, ok := metadataLine(raw)
			if !ok {
				return Span{}, "", "", false
			}
			return Span{Start: start, End: start + len(raw)}, date, url, true
		}
		start = end + 1
	}
	return Span{}, "", "", false
}

// metadataLine reads a scraper's header, " date 2023-06-25 https://...":
// the line as a whole matches
//
//	^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(https?://\S+))?\s*$
//
// (\s the ASCII spaces of RE2, \t \n \f \r and ' '), and date and url
// are its groups. It is not language but a format, which the corpus
// readers read too; read by hand, since every document's first line is
// read twice.
func metadataLine(raw string) (date, url string, ok bool) {
	const spaces = "\t\n\f\r "
	rest, found := strings.CutPrefix(strings.TrimLeft(raw, spaces), "date")
	if !found {
		return "", "", false
	}
	s := strings.TrimLeft(rest, spaces)
	if len(s) == len(rest) || len(s) < len("2006-01-02") || !isDate(s[:10]) {
		return "", "", false
	}
	date, rest = s[:10], s[10:]
	s = strings.TrimLeft(rest, spaces)
	if s == "" {
		return date, "", true
	}
	scheme := ""
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(s, p) {
			scheme = p
		}
	}
	end := strings.IndexAny(s, spaces)
	if end < 0 {
		end = len(s)
	}
	if len(s) == len(rest) || scheme == "" || end == len(scheme) || strings.TrimLeft(s[end:], spaces) != "" {
		return "", "", false
	}
	return date, s[:end], true
}

// isDate reports whether s is ASCII digits as in 2006-01-02.
func isDate(s string) bool {
	for i := range len(s) {
		if c := s[i]; i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
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
		d.Reason = r.classify(trimmed, d.Span == header && header != Span{}, r.hits[hit:lineHits], toks, quotes)
		if d.Reason == ReasonAppeal || d.Reason == ReasonNavigation {
			blockAppeals++
		}
		block = append(block, d)
		start = next
	}
	flush()
	// The rules must not keep this text, nor a long line's memory, for
	// the next.
	r.seen.reset()
	r.line.release()
	return dropped
}

// classify is the reason a trimmed line is furniture, or "". hits are the
// marker hits on it; r.seen holds the earlier long lines of the text.
func (r *LineRules) classify(trimmed string, header bool, hits []lexicon.Hit, toks []token.Token, quotes []Span) string {
	b := &r.pack.Boilerplate
	n := words(trimmed)
	// The cheap tests and the caption cues read a lower case of the line,
	// made in one reused buffer with the repeated-line key (which the
	// navigation lines are looked up by too), in one reading of the line.
	// lower is a view of it, valid until the next line; no offset is taken
	// from it. Lower case keeps the count of spaces, so words(lower) is n.
	r.line.fold(trimmed)
	lower := unsafe.String(unsafe.SliceData(r.line.lower), len(r.line.lower))
	switch {
	case header:
		return ReasonMetadata
	case len(trimmed) <= maxNavigationBytes && r.navigation[string(r.line.keyBytes())]:
		return ReasonNavigation
	case b.RelatedLink.MayMatch(lower) && b.RelatedLink.Pattern.MatchString(trimmed):
		return ReasonRelatedLink
	case n <= maxNoticeWords && b.ForeignAgent.MayMatch(lower) && b.ForeignAgent.Pattern.MatchString(trimmed):
		return ReasonForeignAgent
	case isAppeal(hits, toks, quotes):
		return ReasonAppeal
	case n <= maxCaptionWords && r.isCaption(trimmed, lower, n):
		return ReasonCaption
	case n <= maxBylineWords && (b.Byline.MayMatch(lower) && b.Byline.Pattern.MatchString(trimmed) ||
		b.Dateline.MayMatch(lower) && b.Dateline.Pattern.MatchString(trimmed)):
		return ReasonByline
	case n <= maxFooterWords && b.Copyright.MayMatch(lower) && b.Copyright.Pattern.MatchString(lower):
		return ReasonCopyright
	case n >= minRepeatWords:
		// A line repeats an earlier one with its key; it is one of those
		// the next lines may repeat.
		if r.seen.add(trimmed, &r.line) && r.line.words >= minRepeatWords {
			return ReasonRepeatedLine
		}
	}
	return ""
}

// words counts the space-separated words of a trimmed line.
func words(line string) int { return strings.Count(line, " ") + 1 }

// maxNavigationBytes is the longest navigation line.
const maxNavigationBytes = 40

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

// slashCredit is a credit at the end of a caption: "... 2019. Valery
// Sharifulin / TASS". It holds no word of any language.
var slashCredit = regexp.MustCompile(`\S\s+/\s+\p{Lu}[\p{L}\p{N} .&'-]{1,40}$`)

// isCaption reports whether a line of n words is a photo caption or
// credit: it holds one of the pack's caption cues (lower is its lower
// case), and it ends in a "Name / Agency" credit, or it has at most
// maxCreditWords and carries a credit marker. A line of more words is a
// caption only by the credit at its end, which a glance at its last bytes
// rules out for most lines: that is tried before the cues. classify asks
// only of lines of at most maxCaptionWords.
func (r *LineRules) isCaption(line, lower string, n int) bool {
	if n > maxCreditWords {
		return slashCredited(line) && r.mayBeCaption(lower)
	}
	return r.mayBeCaption(lower) && (slashCredited(line) || r.pack.Boilerplate.Caption.Credit.MatchString(line))
}

// slashCredited reports whether a line ends in a "Name / Agency" credit.
func slashCredited(line string) bool {
	// A credit stands at the end of the line: look at its tail only, so the
	// cost per line does not grow with the line. The pattern needs a '/'.
	tail := line
	if len(tail) > 64 {
		tail = tail[len(tail)-64:]
	}
	last := line[len(line)-1]
	return last != '.' && last != '"' && strings.IndexByte(tail, '/') >= 0 && slashCredit.MatchString(tail)
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

// inSpans reports whether offset lies inside one of the sorted, disjoint
// spans.
func inSpans(spans []Span, offset int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > offset })
	return i < len(spans) && spans[i].Start <= offset
}
