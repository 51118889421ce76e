#!/usr/bin/env bash
# `make bench`: every benchmark, side by side with the tools people would otherwise run.
# Results are printed; copy them into Benchmarks/RESULTS.md with the date and machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
footage=$1
echo "# footage benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
bash "$here/register.sh" "$footage"
bash "$here/keyframes.sh" "$footage"
bash "$here/xref.sh" "$footage"
bash "$here/verify.sh" "$footage"
bash "$here/seal.sh" "$footage"
bash "$here/match.sh" "$footage"
bash "$here/report.sh" "$footage"
echo "## Claims and speakers (labelled articles)"
python3 "$here/claims.py" --footage "$footage"
