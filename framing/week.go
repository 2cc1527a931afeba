package framing

import (
	"fmt"
	"strings"
	"time"
)

// WeekCount is one week of a group's documents: how many, and their
// own-voice hits on the axis' poles. Sums, so tallies still merge by
// addition.
type WeekCount struct {
	Documents int `json:"documents"`
	Pos       int `json:"pos"`
	Neg       int `json:"neg"`
}

// dateLayouts are the ways a document's date is read, ISO 8601 first; a
// time zone, if given, is kept, so a date is the day the outlet saw.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05Z0700",
}

// ParseDate reads a document's date; ok is false when it is empty or in no
// known layout.
func ParseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// WeekKey is the ISO 8601 week of t ("2023-W25"): weeks start on Monday
// and the first week of a year holds its first Thursday.
func WeekKey(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// WeekStart is the Monday of an ISO week key, for a chart's time axis.
func WeekStart(key string) (time.Time, error) {
	var y, w int
	if n, err := fmt.Sscanf(key, "%4d-W%2d", &y, &w); n != 2 || err != nil || w < 1 || w > 53 {
		return time.Time{}, fmt.Errorf("week %q is not YYYY-Www", key)
	}
	// 4 January is always in week 1; step back to its Monday.
	jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	start := monday.AddDate(0, 0, 7*(w-1))
	if WeekKey(start) != key {
		return time.Time{}, fmt.Errorf("week %q does not exist", key)
	}
	return start, nil
}
