#!/usr/bin/env bash
# Development-set evaluation of a tokenvet binary.
#
# usage: devset.sh BIN OUT
#   BIN  tokenvet binary to measure
#   OUT  output folder (created): SARIF logs, mapped logs, scores, scan logs
#
# (a) manifest set: scans $DEVSET_WORK/manifest-tree (written by
#     ../shared/eval/extract.sh) from its root, maps hardcoded-token/<type>
#     rule ids to hardcoded-token, scores with score.py: all rows, Go rows
#     only, JS/TS rows only.
# (b) real-world set: scans each repository under $DEVSET_WORK/repos from
#     its root, maps the same way, scores with score_repos.py.
# One scan at a time (the machine has 2 cores). README.md says how to
# build DEVSET_WORK.
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BIN OUT" >&2
  exit 2
fi
BIN=$(readlink -f "$1")
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
W=${DEVSET_WORK:?set DEVSET_WORK to the folder holding manifest-tree/ and repos/ (see README.md)}
EVAL=${DEVSET_EVAL:-$HERE/../../../../shared/eval}
TREE=$W/manifest-tree
REPOS=$W/repos
LOGS=$OUT/logs
[ -x "$BIN" ] || { echo "not an executable: $BIN" >&2; exit 2; }
[ -d "$TREE" ] || { echo "no manifest tree at $TREE (run extract.sh)" >&2; exit 2; }
mkdir -p "$OUT/repos" "$LOGS"
"$BIN" version > "$OUT/version.txt" 2>&1 || true

# scan DIR SARIF NAME: scan DIR from its root; exit 0 or 1 is a finished scan.
scan() {
  local dir=$1 sarif=$2 name=$3 rc
  echo "scanning $name ..." >&2
  local t0=$SECONDS
  ( cd "$dir" && TOKENVET_NO_RESULT_CACHE=1 "$BIN" scan --no-cache --tests --format sarif -o "$sarif" ./... ) \
    > "$LOGS/$name.stdout" 2> "$LOGS/$name.stderr"
  rc=$?
  echo "  $name: exit $rc, $((SECONDS - t0)) s" >&2
  if [ $rc -gt 1 ] || [ ! -s "$sarif" ]; then
    echo "  SCAN FAILED for $name (exit $rc); see $LOGS/$name.stderr:" >&2
    tail -5 "$LOGS/$name.stderr" >&2
    return 1
  fi
  return 0
}

status=0

# (a) manifest set
if scan "$TREE" "$OUT/manifest.sarif" manifest; then
  python3 "$HERE/map_sarif.py" "$OUT/manifest.sarif" "$OUT/manifest.mapped.sarif"
  python3 "$EVAL/score.py" "$OUT/manifest.mapped.sarif" "$TREE" --manifest "$EVAL/manifest.tsv" > "$OUT/manifest.score.txt"
  python3 "$EVAL/score.py" "$OUT/manifest.mapped.sarif" "$TREE" --manifest "$EVAL/manifest.tsv" \
    --only-ext .go > "$OUT/manifest.go.score.txt"
  python3 "$EVAL/score.py" "$OUT/manifest.mapped.sarif" "$TREE" --manifest "$EVAL/manifest.tsv" \
    --only-ext .js,.ts,.jsx,.tsx,.vue,.html > "$OUT/manifest.js.score.txt"
  # misses / false alarms, for reading
  python3 "$EVAL/score.py" "$OUT/manifest.mapped.sarif" "$TREE" --manifest "$EVAL/manifest.tsv" --misses \
    > "$OUT/manifest.misses.txt"
  python3 "$EVAL/score.py" "$OUT/manifest.mapped.sarif" "$TREE" --manifest "$EVAL/manifest.tsv" --json \
    > "$OUT/manifest.score.json"
else
  status=1
fi

# (b) real-world set
for r in $(tail -n +2 "$EVAL/realworld.tsv" | cut -f2 | awk '!seen[$0]++'); do
  d=$REPOS/$r
  name=${r/\//_}
  if [ ! -d "$d" ]; then
    echo "  no tree for $r at $d (run materialise.py)" >&2; status=1; continue
  fi
  if scan "$d" "$OUT/repos/$name.raw.sarif.json" "$name"; then
    python3 "$HERE/map_sarif.py" "$OUT/repos/$name.raw.sarif.json" "$OUT/repos/$name.sarif"
  else
    status=1
  fi
done
python3 "$EVAL/score_repos.py" "$EVAL/realworld.tsv" "$OUT/repos" > "$OUT/repos.score.txt"
python3 "$EVAL/score_repos.py" "$EVAL/realworld.tsv" "$OUT/repos" --json > "$OUT/repos.score.json"

for f in manifest.score.txt manifest.go.score.txt manifest.js.score.txt repos.score.txt; do
  [ -f "$OUT/$f" ] && { echo "== $f"; cat "$OUT/$f"; }
done
exit $status
