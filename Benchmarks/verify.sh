#!/usr/bin/env bash
# Issue target for verification: `footage verify --ledger-only` (the ledger replayed against every table, without
# re-hashing files) of a 100,000-clip catalogue under 30 s. The catalogue is made through the catalogue's API by
# `footage-bench catalogue`, so every row has its event with row images, as registering files gives.
# Usage: bash Benchmarks/verify.sh PATH/TO/footage [CLIPS]
set -euo pipefail
footage=$1
clips=${2:-100000}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
"$(dirname "$footage")/footage-bench" catalogue --clips "$clips" "$work" >/dev/null
echo "## verify: $clips synthetic clips made in $(( $(date +%s) - start )) s ($(du -sh "$work" | cut -f1))"
seconds=$(median_seconds 3 "$footage" verify --ledger-only --catalog "$work")
echo "footage verify --ledger-only: ${seconds}s median of 3 (target < 30)"
"$footage" verify --ledger-only --catalog "$work" | tail -1
