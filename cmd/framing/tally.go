package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/report"
	"github.com/spf13/cobra"
)

// readTally reads and checks a tally file.
func readTally(path string) (*framing.Tally, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t framing.Tally
	if err := json.Unmarshal(data, &t); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := framing.LineCol(data, int(se.Offset)-1) // Offset is just past the bad byte
			return nil, fmt.Errorf("%s:%d:%d: not a tally: %v", path, line, col, se)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%s: not a tally: %s holds %s, want %s", path, orTop(te.Field), jsonKind(te.Value), jsonKindOf(te.Type))
		}
		return nil, fmt.Errorf("%s: not a tally: %v", path, err)
	}
	if err := t.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w (write tallies with framing score --format tally)", path, err)
	}
	return &t, nil
}

// orTop names a JSON field for a message: the document itself when "".
func orTop(field string) string {
	if field == "" {
		return "the file"
	}
	return field
}

// jsonKind is a JSON value's kind in words, from encoding/json's name of it.
func jsonKind(v string) string {
	switch v {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	return v
}

// jsonKindOf is the JSON kind a Go type is read from, in words.
func jsonKindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct, reflect.Pointer:
		return "an object"
	}
	return "a number"
}

// readTallies reads and merges tally files in the order given; tallies
// that counted a document in common are refused.
func readTallies(paths []string) (*framing.Tally, error) {
	var all *framing.Tally
	for i, p := range paths {
		t, err := readTally(p)
		if err != nil {
			return nil, err
		}
		if all == nil {
			all = t
			continue
		}
		if err := all.Merge(t); err != nil {
			var oe *framing.OverlapError
			if errors.As(err, &oe) {
				return nil, fmt.Errorf("%s shares %s with %s: the same shard twice, or shards that overlap (give each document's shard once)",
					p, report.Count(oe.Shared, "document id", "document ids"), strings.Join(paths[:i], ", "))
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return all, nil
}

func writeJSON(w io.Writer, v any) error { return report.WriteJSON(w, v) }

func newMergeCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "merge TALLY...",
		Short: "Merge tallies of corpus shards into one (exact, in any order)",
		Long: `merge adds tallies written by 'framing score --format tally' on parts of a
corpus. Tallies are sums, so the merge is exact and its order does not matter;
'framing compare --tally' on the merge equals 'framing compare' on the whole
corpus. All tallies must come from the same lexicon, group by the same field
and hold different documents: each tally carries a fingerprint of its
documents' ids, and tallies that share a document are refused.`,
		Example: `  framing score --format tally shard1/ > part1.json
  framing score --format tally shard2/ > part2.json
  framing merge part1.json part2.json > all.json
  framing compare --tally all.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := readTallies(args)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Err, "merged %s: %d documents in %d groups\n", report.Count(len(args), "tally", "tallies"), t.Scored(), len(t.Groups))
			return writeJSON(env.Out, t)
		},
	}
}
