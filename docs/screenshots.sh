#!/usr/bin/env bash
# Makes the README's screenshots of the HTML report: the seeds (5 outlets)
# and a generated corpus of 60 outlets, each the first screens of the page
# as a reader opens it, in headless Chromium.
#
#   docs/screenshots.sh          # writes docs/report-5.png and docs/report-60.png
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || {
  echo "no Chromium: apt-get install chromium" >&2
  exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/framing" ./cmd/framing
go run ./bench/gen -mb 3 > "$tmp/60.jsonl"
"$tmp/framing" report -q testdata/seeds -o "$tmp/r5" > /dev/null
"$tmp/framing" report -q "$tmp/60.jsonl" -o "$tmp/r60" > /dev/null
shot() { # report dir, png, height
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --window-size="1200,$3" --screenshot="$tmp/shot.png" "file://$1/index.html" 2> /dev/null
  mv "$tmp/shot.png" "$2"
}
shot "$tmp/r5" docs/report-5.png 2200
shot "$tmp/r60" docs/report-60.png 2600
echo "wrote docs/report-5.png and docs/report-60.png"
