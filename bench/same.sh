#!/usr/bin/env bash
# Checks that the working tree writes the same bytes as a git revision: the
# proof a refactor asks for. It builds framing at REF (default HEAD) and from
# the working tree, runs both over the seeds, the test fixtures and a
# generated corpus of MB megabytes (default 20) in English and one of MB/4
# in Russian (bench/gen -lang ru), and compares every output
# byte for byte:
#
#   bench/same.sh                 # HEAD against the working tree, 20 MB corpus
#   bench/same.sh 0dd0ef4 200     # a revision, on the 200 MB bench corpus
#
# The outputs compared: score --format jsonl, csv and tally; compare
# --format json; reliability --format json; report's results.json and
# tables/*.csv; baseline write; the same with --dedupe on the fixtures; and
# the stderr run summaries. Exit 0 when all are the same, 1 with the
# differing outputs named (and their first differing lines) otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-HEAD}
mb=${2:-20}
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/ref" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/ref" "$ref" >/dev/null 2>&1
(cd "$tmp/ref" && go build -o "$tmp/old" ./cmd/framing)
go build -o "$tmp/new" ./cmd/framing
go run ./bench/gen -mb "$mb" > "$tmp/corpus.jsonl"
go run ./bench/gen -lang ru -mb "$(( (mb + 3) / 4 ))" > "$tmp/corpus-ru.jsonl"

# The corpora: the seeds, every fixture that reads as a corpus, and the
# generated ones.
corpora=(testdata/seeds testdata/ruuk testdata/web testdata/compressed testdata/hostile/articles.jsonl "$tmp/corpus.jsonl" "$tmp/corpus-ru.jsonl")

run() { # bin, outdir
  local bin=$1 out=$2 i=0
  mkdir -p "$out"
  for c in "${corpora[@]}"; do
    i=$((i + 1))
    # Each command may fail on a fixture (a bad input is exit 2); the
    # status is part of what is compared.
    { "$bin" score --quiet --format jsonl "$c" > "$out/$i.score.jsonl" 2> "$out/$i.score.err"; echo "exit $?" >> "$out/$i.score.err"; } || true
    { "$bin" score --quiet --format csv "$c" > "$out/$i.score.csv" 2>/dev/null; } || true
    { "$bin" score --quiet --format tally "$c" > "$out/$i.tally.json" 2>/dev/null; } || true
    { "$bin" compare --quiet --format json "$c" > "$out/$i.compare.json" 2> "$out/$i.compare.err"; echo "exit $?" >> "$out/$i.compare.err"; } || true
    { "$bin" reliability --quiet --format json "$c" > "$out/$i.reliability.json" 2>/dev/null; } || true
    { "$bin" baseline write --quiet "$c" -o "$out/$i.baseline.json" >/dev/null 2>&1; } || true
    if [ "${c#"$tmp"/corpus}" = "$c" ]; then # not a generated corpus
      { "$bin" score --quiet --dedupe --format tally "$c" > "$out/$i.dedupe.tally.json" 2>/dev/null; } || true
      { "$bin" report --quiet -o "$out/$i.report" "$c" >/dev/null 2>&1; } || true
      rm -rf "$out/$i.report/charts" "$out/$i.report/index.html" "$out/$i.report/report.md"
    fi
  done
  # The baseline records the tool's version, which differs by build.
  sed -i 's/"tool": "[^"]*"/"tool": "x"/; s/"checksum": "[^"]*"/"checksum": "x"/' "$out"/*.baseline.json 2>/dev/null || true
}
run "$tmp/old" "$tmp/out.old"
run "$tmp/new" "$tmp/out.new"
if diff -rq "$tmp/out.old" "$tmp/out.new" > "$tmp/diff"; then
  echo "same: $(find "$tmp/out.new" -type f | wc -l) outputs over ${#corpora[@]} corpora (the seeds, the fixtures, ${mb} MB generated and a Russian quarter of it) are byte-identical to $ref"
  exit 0
fi
echo "differ from $ref:"
cat "$tmp/diff"
grep '^Files' "$tmp/diff" | head -5 | while read -r _ a _ b _; do
  echo "--- $a"
  diff "$a" "$b" | head -6
done
exit 1
