package framing

import (
	"testing"
	"time"
)

func TestWeekKey(t *testing.T) {
	// Expected weeks from the ISO 8601 calendar (checked against GNU date
	// +%G-W%V).
	tests := []struct {
		date, week, monday string
	}{
		{"2023-06-25", "2023-W25", "2023-06-19"},
		{"2023-06-26", "2023-W26", "2023-06-26"},
		{"2021-01-03", "2020-W53", "2020-12-28"},
		{"2024-12-30", "2025-W01", "2024-12-30"},
		{"2023-06-25T23:30:00+03:00", "2023-W25", "2023-06-19"},
		{"2023-06-25 08:00", "2023-W25", "2023-06-19"},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.date)
		if !ok {
			t.Fatalf("ParseDate(%q) failed", tt.date)
		}
		if got := WeekKey(d); got != tt.week {
			t.Errorf("WeekKey(%s) = %s, want %s", tt.date, got, tt.week)
		}
		start, err := WeekStart(tt.week)
		if err != nil {
			t.Fatal(err)
		}
		if got := start.Format(time.DateOnly); got != tt.monday {
			t.Errorf("WeekStart(%s) = %s, want %s", tt.week, got, tt.monday)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, s := range []string{"", "  ", "25/06/2023", "June 25, 2023", "2023-13-01"} {
		if _, ok := ParseDate(s); ok {
			t.Errorf("ParseDate(%q) ok, want not", s)
		}
	}
	for _, k := range []string{"2023-W00", "2023-W54", "2023-25", "2022-W53"} {
		if _, err := WeekStart(k); err == nil {
			t.Errorf("WeekStart(%q) = nil error", k)
		}
	}
}
