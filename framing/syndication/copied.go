package syndication

import "github.com/framingkit/framing/framing/analysis"

// Span is a byte range [Start, End) of a document's text.
type Span = analysis.Span

// Copied returns the byte spans of document id's text that are copy of an
// earlier member of its cluster, earlier by (order, id) and of another
// outlet: the token ranges of its shingles that also occur in such a member,
// merged where they overlap or touch, each span running from its first
// token's Start to its last token's End. Quoted tokens inside a copied run
// are inside the span, as they are inside the copy; text between two runs is
// not. The spans are in text order and do not overlap.
//
// Copied is nil for a document that is the first of its cluster, in no
// cluster, or not added. The clusters are those Clusters(opt) returns; they
// are computed once per opt and kept until the next Add. An id added more
// than once addresses the first document added under it.
func (x *Index) Copied(id string, opt Options) []Span {
	d, ok := x.byID[id]
	if !ok {
		return nil
	}
	l := x.link(opt)
	c := l.cluster[d]
	if c < 0 || l.members[c][0] == d {
		return nil
	}
	dd := &x.docs[d]
	earlier := func(e int32) bool {
		return l.cluster[e] == c && l.rank[e] < l.rank[d] && x.docs[e].outlet != dd.outlet
	}
	var spans []Span
	lastIdx := int32(0) // token index of the last token of spans' last run
	for k, s := range dd.hashes {
		if !x.anyHolder(s, earlier) {
			continue
		}
		first, last := dd.own[k], dd.own[k+ShingleWords-1]
		if n := len(spans); n > 0 && first.idx <= lastIdx+1 {
			spans[n-1].End = max(spans[n-1].End, int(last.end))
		} else {
			spans = append(spans, Span{Start: int(first.start), End: int(last.end)})
		}
		lastIdx = max(lastIdx, last.idx)
	}
	return spans
}
