package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// The line rules as they were before their fast paths (the lower-cased
// copy and the key in one reading, the needles found in one pass, the
// first-rune test of anchored patterns): the reference the tests hold
// LineRules.Drop to, on random and real-looking text of every language.

// refDrop is LineRules.Drop with refClassify.
func refDrop(r *LineRules, text string, toks []token.Token, quotes []Span, header Span) []Dropped {
	var enc lexicon.Encoded
	hits := r.markers.MatchCategoriesIn(nil, r.markers.Encode(toks, &enc))
	enc.Release()
	var dropped []Dropped
	seen := map[uint64]bool{}
	var block []Dropped
	var blockAppeals int
	flush := func() {
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
		for hit < len(hits) && toks[hits[hit].First].Start < start {
			hit++
		}
		lineHits := hit
		for lineHits < len(hits) && toks[hits[lineHits].First].Start < end {
			lineHits++
		}
		if trimmed == "" {
			flush()
			start = next
			continue
		}
		d.Reason = refClassify(r, trimmed, d.Span == header && header != Span{}, hits[hit:lineHits], toks, quotes, seen)
		if d.Reason == ReasonAppeal || d.Reason == ReasonNavigation {
			blockAppeals++
		}
		block = append(block, d)
		start = next
	}
	flush()
	return dropped
}

func refClassify(r *LineRules, trimmed string, header bool, hits []lexicon.Hit, toks []token.Token, quotes []Span, seen map[uint64]bool) string {
	b := &r.pack.Boilerplate
	n := words(trimmed)
	lower := ""
	if n <= maxNoticeWords {
		lower = refLower(trimmed)
	}
	switch {
	case header:
		return ReasonMetadata
	case r.navigation[refNavKey(trimmed)]:
		return ReasonNavigation
	case b.RelatedLink.Pattern.MatchString(trimmed):
		return ReasonRelatedLink
	case n <= maxNoticeWords && b.ForeignAgent.MayMatch(lower) && b.ForeignAgent.Pattern.MatchString(trimmed):
		return ReasonForeignAgent
	case isAppeal(hits, toks, quotes):
		return ReasonAppeal
	case n <= maxCaptionWords && refMayBeCaption(r, lower) && refIsCaption(r, trimmed):
		return ReasonCaption
	case n <= maxBylineWords && (b.Byline.MayMatch(lower) && b.Byline.Pattern.MatchString(trimmed) ||
		b.Dateline.MayMatch(lower) && b.Dateline.Pattern.MatchString(trimmed)):
		return ReasonByline
	case n <= maxFooterWords && b.Copyright.MayMatch(lower) && b.Copyright.Pattern.MatchString(lower):
		return ReasonCopyright
	case n >= minRepeatWords:
		key, n := runeLineKey(trimmed)
		repeated := n >= minRepeatWords && seen[key]
		seen[key] = true
		if repeated {
			return ReasonRepeatedLine
		}
	}
	return ""
}

// refLower is the line in lower case, rune by rune.
func refLower(s string) string {
	var dst []byte
	for _, r := range s {
		dst = utf8.AppendRune(dst, lang.Lower(r))
	}
	return string(dst)
}

func refMayBeCaption(r *LineRules, lower string) bool {
	for _, s := range r.pack.Boilerplate.Caption.Cues {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// refNavKey reduces a short line to its words for the navigation lookup.
func refNavKey(s string) string {
	if len(s) > 40 {
		return ""
	}
	s = strings.ToLower(strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
	return strings.Join(strings.Fields(s), " ")
}

func refIsCaption(r *LineRules, line string) bool {
	words := words(line)
	if words > maxCaptionWords {
		return false
	}
	tail := line
	if len(tail) > 64 {
		tail = tail[len(tail)-64:]
	}
	if last := line[len(line)-1]; last != '.' && last != '"' && slashCredit.MatchString(tail) {
		return true
	}
	return words <= maxCreditWords && r.pack.Boilerplate.Caption.Credit.MatchString(line)
}
