package syndication

import (
	"cmp"
	"slices"
)

// Options say when two documents are copies of one story.
//
// The values are taken as given: the zero Options links any two documents of
// different outlets that share a single shingle. Start from DefaultOptions.
type Options struct {
	MinShared   int     // distinct shingles two documents must share to be linked (default 10)
	MinFraction float64 // ... and that share of the shorter document's distinct shingles (default 0.2)
}

// DefaultOptions returns the options for news.
//
// Ten shingles need a run of 17 identical own-voice words, longer than stock
// phrases and datelines. A fifth of the shorter document keeps apart two long
// stories that share only one stock paragraph, such as a background box,
// while a short wire brief inside a longer roundup still links.
func DefaultOptions() Options {
	return Options{MinShared: 10, MinFraction: 0.2}
}

// Member is one document of a cluster.
type Member struct {
	ID, Outlet     string
	Shingles       int     // its own-voice shingles
	Shared         int     // of those, how many occur in another member of the cluster of another outlet
	SharedFraction float64 // Shared / Shingles (0 when Shingles is 0)
	// First marks the cluster's earliest member by (order, id): the one whose
	// text counts when deduplicating.
	First bool
}

// Cluster is documents of at least two different outlets that share running
// text.
type Cluster struct {
	Members []Member // ordered by (order, id)
	Outlets []string // distinct, sorted
}

// Anchors is the number of a shingle's first holders every other holder is
// paired with when counting shared shingles (see pairCounts).
const Anchors = 16

// linking is the result of linking the documents with one Options.
type linking struct {
	opt      Options
	clusters []Cluster
	members  [][]int32 // the documents of clusters[c], in member order
	cluster  []int32   // per document, its cluster, or -1
	rank     []int32   // per document, its place in (order, id, insertion) order
}

// Clusters links every two documents of different outlets that share at
// least opt.MinShared distinct shingles and at least opt.MinFraction of the
// shorter one's distinct shingles, and returns the connected groups that have
// members from at least two outlets, ordered by their first member's
// (order, id). Distinct shingles are counted so that a paragraph repeated
// within one document counts once.
//
// Documents of the same outlet are never linked directly, since an outlet
// repeating its own boilerplate is not syndication, but they can end up in
// one cluster through other outlets.
func (x *Index) Clusters(opt Options) []Cluster {
	l := x.link(opt)
	out := make([]Cluster, len(l.clusters))
	for i, c := range l.clusters {
		// A copy, so that a caller's edits cannot reach the memo.
		out[i] = Cluster{Members: slices.Clone(c.Members), Outlets: slices.Clone(c.Outlets)}
	}
	return out
}

// link returns the linking for opt, reusing the last one when it fits.
func (x *Index) link(opt Options) *linking {
	if x.memo != nil && x.memo.opt == opt {
		return x.memo
	}
	n := len(x.docs)
	byRank := make([]int32, n)
	for i := range byRank {
		byRank[i] = int32(i)
	}
	slices.SortFunc(byRank, func(a, b int32) int {
		da, db := &x.docs[a], &x.docs[b]
		return cmp.Or(cmp.Compare(da.order, db.order), cmp.Compare(da.id, db.id), cmp.Compare(a, b))
	})
	l := &linking{opt: opt, cluster: make([]int32, n), rank: make([]int32, n)}
	for r, d := range byRank {
		l.rank[d] = int32(r)
		l.cluster[d] = -1
	}

	uf := newUnionFind(n)
	minShared := max(opt.MinShared, 1)
	for pair, shared := range x.pairCounts() {
		a, b := int32(pair>>32), int32(pair&0xFFFFFFFF)
		// Division, not a product, so that a share on the boundary (12 of
		// 60 against 0.2) rounds to the same float as the option.
		shorter := min(x.docs[a].distinct, x.docs[b].distinct)
		if int(shared) >= minShared && float64(shared)/float64(shorter) >= opt.MinFraction {
			uf.union(a, b)
		}
	}

	// Walking the documents in rank order yields members in order and
	// clusters ordered by their first member.
	group := make(map[int32]int) // union-find root → index in groups
	var groups [][]int32
	for _, d := range byRank {
		root := uf.find(d)
		g, ok := group[root]
		if !ok {
			g = len(groups)
			group[root] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], d)
	}
	for _, g := range groups {
		// Every link joins two outlets, so a group of two or more has two.
		if len(g) < 2 {
			continue
		}
		var outlets []string
		for _, d := range g {
			outlets = append(outlets, x.docs[d].outlet)
		}
		slices.Sort(outlets)
		outlets = slices.Compact(outlets)
		c := int32(len(l.clusters))
		for _, d := range g {
			l.cluster[d] = c
		}
		l.members = append(l.members, g)
		l.clusters = append(l.clusters, Cluster{Outlets: outlets})
	}
	for c, g := range l.members {
		ms := make([]Member, len(g))
		for i, d := range g {
			ms[i] = x.member(l, d)
		}
		ms[0].First = true
		l.clusters[c].Members = ms
	}
	x.memo = l
	return l
}

// member describes document d of its cluster in l.
func (x *Index) member(l *linking, d int32) Member {
	dd := &x.docs[d]
	c := l.cluster[d]
	other := func(e int32) bool { return l.cluster[e] == c && x.docs[e].outlet != dd.outlet }
	m := Member{ID: dd.id, Outlet: dd.outlet, Shingles: len(dd.hashes)}
	for _, s := range dd.hashes {
		if x.anyHolder(s, other) {
			m.Shared++
		}
	}
	if m.Shingles > 0 {
		m.SharedFraction = float64(m.Shared) / float64(m.Shingles)
	}
	return m
}

// pairCounts counts the distinct shingles each two documents of different
// outlets share, keyed by the lower document number in the high 32 bits.
func (x *Index) pairCounts() map[uint64]int32 {
	counts := make(map[uint64]int32)
	var holders []int32
	for s, rest := range x.more {
		// Documents are posted in the order added, so holders ascend.
		holders = append(holders[:0], x.first[s])
		holders = append(holders, rest...)
		// A shingle that many documents hold would cost a count for every
		// pair of them: n² for a wire story run a thousand times. Its
		// holders are paired with its first Anchors holders only; linking
		// needs connections, not every pair, and a copy meets the story's
		// first publications through them.
		for i, a := range holders[:min(len(holders), Anchors)] {
			for _, b := range holders[i+1:] {
				if x.docs[a].outlet != x.docs[b].outlet {
					counts[uint64(a)<<32|uint64(b)]++
				}
			}
		}
	}
	return counts
}
