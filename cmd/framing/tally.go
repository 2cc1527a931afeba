package main

import (
	"errors"
	"fmt"
	"io"
	"os"
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
	return framing.ParseTally(path, data)
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
	var output string
	cmd := &cobra.Command{
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
			return redirect(env, output, func(env Env) error { return framing.WriteTally(env.Out, t) })
		},
	}
	outputFlag(cmd.Flags(), &output)
	return cmd
}
