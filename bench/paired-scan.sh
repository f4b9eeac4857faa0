#!/bin/bash
# Paired before/after scan timing on one tree: two builds of flagdebt (BASE, NEW: repository
# folders with packages/cli/dist built) scan TREE alternately (base, new, new, base, ...), each a
# fresh `flagdebt scan --format json` under GNU time. Prints "wall user sys" per run.
#   bench/paired-scan.sh BASE NEW TREE [PAIRS=4]
set -euo pipefail
BASE=$1 NEW=$2 TREE=$3 PAIRS=${4:-4}
run() { /usr/bin/time -f "%e %U %S" node "$1/packages/cli/dist/bin.js" scan "$TREE" --format json --now 2026-11-21 2>&1 >/dev/null | tail -1; }
for i in $(seq 1 "$PAIRS"); do
  if (( i % 2 )); then a=$(run "$BASE"); b=$(run "$NEW"); else b=$(run "$NEW"); a=$(run "$BASE"); fi
  echo "base $a | new $b"
done
