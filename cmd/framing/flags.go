package main

import (
	"math"
	"regexp"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// numRange is the values a numeric flag allows: from min to max (no upper
// bound when max is +Inf), the ends excluded when open.
type numRange struct {
	min, max float64
	open     bool
	say      string // the range in words, for the message
}

func (r numRange) allows(v float64) bool {
	if r.open {
		return v > r.min && v < r.max
	}
	return v >= r.min && v <= r.max
}

// numericFlags are the ranges of the numeric flags, by name: one table for
// every command, so a flag means the same everywhere. The upper bounds keep
// a mistyped value from running for hours or taking all memory.
func numericFlags() map[string]numRange {
	inf := math.Inf(1)
	return map[string]numRange{
		"top":       {0, inf, false, "0 or more"},
		"draws":     {1, 10_000_000, false, "from 1 to 10000000"},
		"bootstrap": {1, 1_000_000, false, "from 1 to 1000000"},
		"conf":      {0, 1, true, "between 0 and 1 (0.95 for 95% intervals), both excluded"},
		"evidence":  {0, inf, false, "0 or more"},
		"window":    {0, 200, false, "from 0 to 200 words"},
		"workers":   {0, 1024, false, "from 0 (one per CPU) to 1024"},
		"context":   {0, inf, false, "0 or more"},
	}
}

// checkFlags refuses, before a command runs, a numeric flag outside its
// range.
func checkFlags(cmd *cobra.Command) error {
	ranges := numericFlags()
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		r, ok := ranges[f.Name]
		if !ok || err != nil {
			return
		}
		v, perr := strconv.ParseFloat(f.Value.String(), 64)
		if perr != nil || !r.allows(v) {
			err = usagef("--%s must be %s (got %s)", f.Name, r.say, f.Value.String())
		}
	})
	return err
}

// badValue matches pflag's message for a value it cannot parse.
var badValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag`)

// flagError rewrites pflag's errors for people: a value that is no number
// says what the flag wants, not how strconv failed.
func flagError(cmd *cobra.Command, err error) error {
	m := badValue.FindStringSubmatch(err.Error())
	if m == nil {
		return usageError{err.Error()}
	}
	f := cmd.Flags().Lookup(m[2])
	if f == nil {
		return usageError{err.Error()}
	}
	want := "a number"
	switch f.Value.Type() {
	case "int", "int64":
		want = "a whole number"
	case "uint64", "uint":
		want = "a whole number, 0 or more"
	case "bool":
		want = "true or false"
	}
	if r, ok := numericFlags()[f.Name]; ok {
		want += ", " + r.say
	}
	return usagef("--%s %s: want %s", f.Name, m[1], want)
}
