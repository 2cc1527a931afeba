#!/usr/bin/env bash
# Runs framing, ripgrep and the Python Aho-Corasick reference on the same
# generated corpus, ROUNDS times interleaved, and prints MB/s, ratios and
# peak memory (/usr/bin/time). One command from a fresh clone:
#
#   bench/compare.sh            # a 200 MB corpus, 3 rounds
#   bench/compare.sh 50         # 50 MB
#   ROUNDS=5 FLAT_MB=800 bench/compare.sh   # and framing's peak memory on 800 MB
#   GEN_LANG=ru bench/compare.sh            # a Russian corpus (bench/gen -lang ru)
#
# It also times `framing report` on the corpus (scoring, statistics, charts
# and pages) against `framing score`, and prints what the report adds.
# framing does the whole analysis (tokens, voice, boilerplate, categories,
# reliability, tally); ripgrep counts the lexicon's terms as one
# case-insensitive whole-word alternation; the Python reference counts them
# with pyahocorasick over lower-cased tokens. It installs ripgrep and
# python3-ahocorasick from Debian when they are missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
rounds=${ROUNDS:-3}
need() {
  if ! eval "$1" >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
  fi
}
need "command -v rg" ripgrep
need "/usr/bin/python3 -c 'import ahocorasick'" python3-ahocorasick
need "test -x /usr/bin/time" time
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/framing" ./cmd/framing
go run ./bench/gen -lang "${GEN_LANG:-en}" -mb "$mb" > "$tmp/corpus.jsonl"
bytes=$(stat -c %s "$tmp/corpus.jsonl")
"$tmp/framing" lexicon show --format json > "$tmp/lexicon.json"
/usr/bin/python3 bench/pyref/rgpattern.py "$tmp/lexicon.json" > "$tmp/pattern.txt"

run() { # name, command...
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$tmp/t" "$@" > "$tmp/out.$name" 2> /dev/null
  echo "$name $(cat "$tmp/t")" >> "$tmp/times"
}
for r in $(seq "$rounds"); do
  run framing "$tmp/framing" score --quiet --format tally "$tmp/corpus.jsonl"
  run framing-1worker "$tmp/framing" score --quiet --workers 1 --format tally "$tmp/corpus.jsonl"
  run framing-report "$tmp/framing" report --quiet -o "$tmp/report" "$tmp/corpus.jsonl"
  run ripgrep rg --count-matches -i -w -f "$tmp/pattern.txt" "$tmp/corpus.jsonl"
  run python /usr/bin/python3 bench/pyref/count.py "$tmp/lexicon.json" "$tmp/corpus.jsonl"
done
if [ -n "${FLAT_MB:-}" ]; then
  go run ./bench/gen -lang "${GEN_LANG:-en}" -mb "$FLAT_MB" > "$tmp/big.jsonl"
  /usr/bin/time -f '%e %M' -o "$tmp/t" "$tmp/framing" score --quiet --format tally "$tmp/big.jsonl" > /dev/null 2>&1
  echo "framing-${FLAT_MB}MB $(cat "$tmp/t")" >> "$tmp/times"
  big=$(stat -c %s "$tmp/big.jsonl")
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(go version | cut -d' ' -f3), $(rg --version | head -1)"
echo "corpus: $mb MB generated, ${GEN_LANG:-en} ($bytes bytes), $rounds rounds interleaved; median wall time"
awk -v bytes="$bytes" -v big="${big:-0}" -v flat="${FLAT_MB:-}" '
  { t[$1] = t[$1] " " $2; m[$1] = ($3 > m[$1] ? $3 : m[$1]) }
  function median(s,   a, n, i, j, x) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }; return a[int((n + 1) / 2)] }
  END {
    rg = bytes / 1e6 / median(t["ripgrep"])
    printf "| %-16s | %8s | %9s | %12s |\n", "tool", "MB/s", "vs ripgrep", "peak RSS MB"
    printf "|%s|%s|%s|%s|\n", "------------------", "---------:", "----------:", "-------------:"
    n = split("framing framing-1worker ripgrep python", order, " ")
    for (i = 1; i <= n; i++) { k = order[i]; s = bytes / 1e6 / median(t[k]); printf "| %-16s | %8.1f | %9.2fx | %12.1f |\n", k, s, s / rg, m[k] / 1024 }
    if (flat != "") { k = "framing-" flat "MB"; s = big / 1e6 / median(t[k]); printf "| %-16s | %8.1f | %9s | %12.1f |\n", k, s, "", m[k] / 1024 }
    printf "\nframing report: %.2f s against %.2f s for framing score (+%.0f %%), peak RSS %.1f MB\n", median(t["framing-report"]), median(t["framing"]), 100 * (median(t["framing-report"]) / median(t["framing"]) - 1), m["framing-report"] / 1024
  }' "$tmp/times"
