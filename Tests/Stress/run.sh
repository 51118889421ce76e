#!/usr/bin/env bash
# `make stress`: what `make test` checks with a few trials, run many times. Each script prints one summary line per
# scenario and a FAIL line per problem, and exits 1 if anything failed; this runs them all and fails if any did.
# usage: run.sh FOOTAGE [TRIALS] [SEED]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
footage=$1
trials=${2:-60}
seed=${3:-7}
echo "# footage stress, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, seed $seed"
status=0
python3 "$here/kill.py" "$footage" --trials "$trials" --seed "$seed" || status=1
python3 "$here/concurrency.py" "$footage" --rounds $(( trials / 3 )) --seed "$seed" || status=1
python3 "$here/full_disk.py" "$footage" || status=1
python3 "$here/tamper.py" "$footage" --trials "$trials" --seed "$seed" || status=1
exit $status
