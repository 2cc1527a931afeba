#!/usr/bin/env bash
# Times whole runs of framing on a synthetic JSONL corpus built from the seed
# articles (scripts/mkcorpus): wall time, throughput and peak memory of
# `framing score --format tally`, the full analysis without output cost.
#
#   scripts/time-run.sh          # a 20 MB corpus
#   scripts/time-run.sh 200      # a 200 MB corpus
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/framing" ./cmd/framing
go run ./scripts/mkcorpus -mb "$mb" > "$tmp/corpus.jsonl"
bytes=$(stat -c %s "$tmp/corpus.jsonl")
/usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/framing" score --format tally "$tmp/corpus.jsonl" > "$tmp/tally.json" 2> "$tmp/stderr"
read -r secs rss < "$tmp/time"
echo "corpus: $bytes bytes, $(tail -n 1 "$tmp/stderr")"
awk -v b="$bytes" -v s="$secs" -v r="$rss" 'BEGIN { printf "wall %.2f s, %.1f MB/s, peak RSS %.1f MB, %d cores\n", s, b / 1e6 / s, r / 1024, 0 }' | sed "s/, 0 cores/, $(nproc) cores/"
