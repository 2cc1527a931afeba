package main

import (
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/framingkit/framing/report"
)

// The output formats; each command accepts the subset it can write.
const (
	fmtTable    = "table"
	fmtMarkdown = "markdown"
	fmtCSV      = "csv"
	fmtJSON     = "json"
	fmtJSONL    = "jsonl"
	fmtTally    = "tally"
)

// chooseFormat resolves the --format flag: empty means a table on a
// terminal and JSONL (or CSV, for commands without JSONL) in a pipe.
func chooseFormat(env Env, flag string, allowed []string) (string, error) {
	if flag == "" {
		if env.OutIsTTY {
			return fmtTable, nil
		}
		return allowed[len(allowed)-1], nil
	}
	if !slices.Contains(allowed, flag) {
		return "", usagef("--format %q is not one of %s", flag, strings.Join(allowed, ", "))
	}
	return flag, nil
}

// tableFormat is the report format of --format f: a table in colour on a
// terminal that has not asked for none (NO_COLOR, https://no-color.org).
func tableFormat(env Env, f string) report.Format {
	if f == fmtTable && env.OutIsTTY && os.Getenv("NO_COLOR") == "" {
		return report.FormatTableColour
	}
	return report.Format(f)
}

// fmtFloat formats a statistic for people: "n/a" when undefined.
func fmtFloat(x float64, prec int) string { return report.FormatFloat(x, prec) }

// csvFloat formats a statistic for machines: empty when undefined.
func csvFloat(x float64) string { return report.CSVFloat(x) }

func itoa(n int) string { return strconv.Itoa(n) }
