package compare

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
)

// Ratings are a user's own ratings of groups, as read from File by
// ParseRatings. No ratings ship with framing; they are the user's.
type Ratings struct {
	File string
	Rows []Rating
}

// Rating is one row of a ratings file.
type Rating struct {
	Group string
	Value float64
	Line  int // in the file
}

// ParseRatings reads a ratings file: CSV with a header row of the columns
// group and rating (in either order, in any case), then a row per group.
// An unknown, repeated or missing column, a row without a group or with a
// rating that is not a finite number, and a group rated twice are errors at
// name:line (and column). name is the file, for messages.
func ParseRatings(name string, data []byte) (*Ratings, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	const want = "the columns are group,rating"
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: want a header row (group,rating) and a row per group", name)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch _, seen := col[h]; {
		case h != "group" && h != "rating":
			return nil, fmt.Errorf("%s:1:%d: unknown column %s (%s)", name, i+1, h, want)
		case seen:
			return nil, fmt.Errorf("%s:1:%d: column %s given twice", name, i+1, h)
		}
		col[h] = i
	}
	for _, c := range []string{"group", "rating"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s:1: no column %s (%s)", name, c, want)
		}
	}
	gc, rc := col["group"], col["rating"]
	out := &Ratings{File: name}
	first := map[string]int{} // group → line
	for i, row := range rows[1:] {
		line := i + 2
		if len(row) != len(rows[0]) || strings.TrimSpace(row[gc]) == "" {
			return nil, fmt.Errorf("%s:%d: want group,rating", name, line)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(row[rc]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s:%d:%d: rating %q is not a number", name, line, rc+1, row[rc])
		}
		g := row[gc]
		if l, dup := first[g]; dup {
			return nil, fmt.Errorf("%s:%d: %s is rated twice (first on line %d)", name, line, g, l)
		}
		first[g] = line
		out.Rows = append(out.Rows, Rating{Group: g, Value: v, Line: line})
	}
	return out, nil
}

// UnmatchedRating is a row whose group is none of the groups compared, with
// the groups it may have meant.
type UnmatchedRating struct {
	Rating
	Suggest []string
}

// Match joins the ratings to groups: the rating of each rated group, the
// rows that match no group (in file order, each with up to three groups it
// may have meant: the same name in another case, a name one of them
// contains, or one a few edits away), and the groups without a rating, in
// the order given.
func (r *Ratings) Match(groups []string) (rated map[string]float64, unmatched []UnmatchedRating, unrated []string) {
	rated = map[string]float64{}
	for _, row := range r.Rows {
		if slices.Contains(groups, row.Group) {
			rated[row.Group] = row.Value
			continue
		}
		unmatched = append(unmatched, UnmatchedRating{Rating: row, Suggest: nearGroups(row.Group, groups)})
	}
	for _, g := range groups {
		if _, ok := rated[g]; !ok {
			unrated = append(unrated, g)
		}
	}
	return rated, unmatched, unrated
}

// nearGroups are the groups that name may have meant, nearest first: at
// most three.
func nearGroups(name string, groups []string) []string {
	type near struct {
		group string
		dist  int
	}
	a := []rune(strings.ToLower(strings.TrimSpace(name)))
	var cands []near
	for _, g := range groups {
		b := []rune(strings.ToLower(g))
		d := editDistance(a, b)
		short := min(len(a), len(b))
		switch {
		case d == 0: // the same name but for case or spaces around it
		case short >= 3 && (strings.Contains(string(b), string(a)) || strings.Contains(string(a), string(b))):
			d = max(1, d/4) // "Moscow Times" for "The Moscow Times"
		case d > max(1, short/4):
			continue
		}
		cands = append(cands, near{g, d})
	}
	slices.SortStableFunc(cands, func(x, y near) int { return cmp.Or(cmp.Compare(x.dist, y.dist), cmp.Compare(x.group, y.group)) })
	var out []string
	for _, c := range cands[:min(3, len(cands))] {
		out = append(out, c.group)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// RatingCorrelation is Spearman's ρ of the users' ratings with one
// indicator, across the rated groups.
type RatingCorrelation struct {
	Indicator string    `json:"indicator"`
	Rho       stats.Num `json:"rho"`
	P         stats.Num `json:"p"`
	N         int       `json:"n"`
}

// Correlate is Spearman's ρ of the groups' ratings (rated, by group) with
// each indicator of r, across the rated groups, in the order of
// reliability.IndicatorList.
func Correlate(r Reliabilities, rated map[string]float64) []RatingCorrelation {
	var rs []float64
	var groups []GroupReliability
	for _, g := range r.Groups {
		if x, ok := rated[g.Group]; ok {
			rs = append(rs, x)
			groups = append(groups, g)
		}
	}
	var out []RatingCorrelation
	for _, info := range reliability.IndicatorList {
		var xs []float64
		for _, g := range groups {
			xs = append(xs, float64(g.Indicators[info.Name].Value))
		}
		rho, p, n := stats.Spearman(rs, xs)
		out = append(out, RatingCorrelation{Indicator: info.Name, Rho: stats.Num(rho), P: stats.Num(p), N: n})
	}
	return out
}
