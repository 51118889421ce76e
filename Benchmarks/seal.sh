#!/usr/bin/env bash
# Issue target for timestamped seals: `footage verify` of a catalogue holding 100 seals, each with an RFC 3161 token,
# under 1 s. The tokens come from the local authority the tests use (Tests/Fixtures/tsa/tsa_server.py: openssl ts
# -reply behind Python's http.server, on 127.0.0.1). Side by side: `verify` with the tokens, `verify` of the same
# catalogue without them, and what one would run instead, `openssl ts -verify` of each exported token in turn.
# Usage: bash Benchmarks/seal.sh PATH/TO/footage [SEALS]
set -euo pipefail
footage=$1
seals=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
python3 "$here/../Tests/Fixtures/tsa/tsa_server.py" "$work/tsa" > "$work/port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/tsa"
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.2; done
url="http://127.0.0.1:$(head -1 "$work/port")/good"
"$footage" init "$work/catalogue" >/dev/null
start=$(date +%s)
for i in $(seq "$seals"); do
    # An event between seals, so that each seal covers another head.
    "$footage" verify --ledger-only --catalog "$work/catalogue" >/dev/null
    "$footage" seal --tsa "$url" --tsa-ca "$work/tsa/ca.pem" --catalog "$work/catalogue" >/dev/null 2>&1
done
echo "## seal: $seals timestamped seals made in $(( $(date +%s) - start )) s"
"$footage" export --format seal -o "$work/export" --catalog "$work/catalogue" 2>/dev/null
cp -r "$work/catalogue" "$work/untimed"
sqlite3 "$work/untimed/Catalog/catalog.sqlite" "DELETE FROM seal_timestamp"
with=$(median_seconds 5 "$footage" verify --catalog "$work/catalogue")
without=$(median_seconds 5 "$footage" verify --catalog "$work/untimed")
openssl_loop="for t in $work/export/*.tst; do s=\${t%-tsa-*}; openssl ts -verify -data \$s.txt -in \$t -token_in -CAfile $work/export/ca.pem >/dev/null 2>&1; done"
baseline=$(median_seconds 3 bash -c "$openssl_loop")
echo "footage verify, $seals tokens: ${with}s median of 5 (target < 1)"
echo "footage verify, same seals without tokens: ${without}s median of 5"
echo "openssl ts -verify of each token in turn: ${baseline}s median of 3"
"$footage" verify --catalog "$work/catalogue" | tail -1
