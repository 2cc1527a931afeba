package framing

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseRatings reads a user's own ratings of groups: CSV with a header row
// and then group,rating rows (more columns are ignored). name is the file,
// for messages. No ratings ship with framing; they are the user's.
func ParseRatings(name string, data []byte) (map[string]float64, error) {
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
	if len(rows) < 2 || len(rows[0]) < 2 {
		return nil, fmt.Errorf("%s: want a header row (group,rating) and a row per group", name)
	}
	out := map[string]float64{}
	for i, row := range rows[1:] {
		line := i + 2
		if len(row) < 2 || strings.TrimSpace(row[0]) == "" {
			return nil, fmt.Errorf("%s:%d: want group,rating", name, line)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(row[1]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s:%d:2: rating %q is not a number", name, line, row[1])
		}
		if _, dup := out[row[0]]; dup {
			return nil, fmt.Errorf("%s:%d: %q is rated twice", name, line, row[0])
		}
		out[row[0]] = v
	}
	return out, nil
}
