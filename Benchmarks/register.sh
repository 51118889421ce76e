#!/usr/bin/env bash
# Issue targets for registering footage, measured side by side in one run:
#  1. registering 50 sample-sized files: footage register vs a shell loop of sha256sum + ffprobe (target <= 0.35x)
#  2. hashing a 1 GiB file: footage hash vs openssl dgst -sha256 (target >= 0.9x throughput, peak RSS < 64 MiB)
#  3. probing one file: footage probe --json vs ffprobe -show_format -show_streams -of json (target <= 0.5x)
#  4. what isolating media work in worker processes costs: register with workers vs FOOTAGE_ISOLATION=off
#     (everything in one process), with and without fingerprints (target: under 10 % more time), what forking
#     workers from the fork server saves against starting each one directly, and what coding one answer costs
#  5. what reading C2PA manifests costs: register with the C2PA library vs with it hidden (target: under 10 % more)
# Usage: bash Benchmarks/register.sh PATH/TO/footage   (a release build; `make bench` passes it)
set -euo pipefail
footage=$1
here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../Media/samples" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 50 distinct sample-sized files: the samples cycled, each with 8 extra bytes so every file has its own hash.
mkdir -p "$work/files"
i=0
for round in $(seq 1 13); do
    for f in "$samples"/*.mp4 "$samples"/*.webm "$samples"/*.mov "$samples"/*.ts; do
        [ $i -lt 50 ] || break
        ext=${f##*.}
        cp "$f" "$work/files/clip-$i.$ext"
        printf '%08d' $i >> "$work/files/clip-$i.$ext"
        i=$((i + 1))
    done
done
bytes=$(du -sb "$work/files" | cut -f1)
echo "## register: 50 files, $((bytes / 1024)) KiB in all"
baseline='for f in '"$work"'/files/*; do sha256sum "$f"; ffprobe -v error -show_format -show_streams -of json "$f"; done'
ours='rm -rf '"$work"'/cat && '"$footage"' init '"$work"'/cat >/dev/null && '"$footage"' register '"$work"'/files --no-fingerprint --catalog '"$work"'/cat --json'
read -r a b r < <(side_by_side 5 baseline "$baseline" footage "$ours")
echo "sha256sum+ffprobe loop: ${a}s  footage register: ${b}s  ratio: ${r} (target <= 0.35)"
# The same with the video fingerprint (register's default since matching landed): a full decode of every file.
withfp='rm -rf '"$work"'/cat && '"$footage"' init '"$work"'/cat >/dev/null && '"$footage"' register '"$work"'/files --catalog '"$work"'/cat --json'
read -r a b r < <(side_by_side 3 baseline "$baseline" footage "$withfp")
echo "with fingerprints (4 frames/s and content anchors, every picture decoded): sha256sum+ffprobe loop: ${a}s  footage register: ${b}s  ratio: ${r}"
read -r a b r < <(side_by_side 11 in-process "FOOTAGE_ISOLATION=off; export FOOTAGE_ISOLATION; $ours" isolated "$ours")
echo "isolation cost, register without fingerprints: one process ${a}s  media workers ${b}s  ratio: ${r} (target <= 1.10)"
# What the fork server saves: the same with every worker started as a new process.
read -r a b r < <(side_by_side 5 direct "FOOTAGE_FORK_SERVER=off; export FOOTAGE_FORK_SERVER; $ours" forked "$ours")
echo "workers started directly (FOOTAGE_FORK_SERVER=off) ${a}s  forked by the fork server ${b}s  ratio: ${r}"
read -r a b r < <(side_by_side 3 in-process "FOOTAGE_ISOLATION=off; export FOOTAGE_ISOLATION; $withfp" isolated "$withfp")
echo "isolation cost, register with fingerprints: one process ${a}s  media workers ${b}s  ratio: ${r} (target <= 1.10)"

# C2PA: the library hidden (FOOTAGE_C2PA_LIBRARY names nothing, so every clip is "not checked") against found. The
# samples carry no manifest: this is the cost of loading the library and looking for one in every MP4 and MOV.
nolib="FOOTAGE_C2PA_LIBRARY=/nonexistent; export FOOTAGE_C2PA_LIBRARY; $ours"
read -r a b r < <(side_by_side 11 without-c2pa "$nolib" with-c2pa "$ours")
echo "C2PA cost, register without fingerprints: library hidden ${a}s  manifests read ${b}s  ratio: ${r} (target <= 1.10)"
# Files that do carry manifests (the C2PA reference samples, when FOOTAGE_REFERENCE_DIR names them): validating one
# hashes the file once more.
if [ -n "${FOOTAGE_REFERENCE_DIR:-}" ] && [ -d "$FOOTAGE_REFERENCE_DIR/c2pa" ]; then
    refs="rm -rf $work/cat && $footage init $work/cat >/dev/null && $footage register $FOOTAGE_REFERENCE_DIR/c2pa --no-fingerprint --catalog $work/cat --json"
    read -r a b r < <(side_by_side 11 without-c2pa "FOOTAGE_C2PA_LIBRARY=/nonexistent; export FOOTAGE_C2PA_LIBRARY; $refs" with-c2pa "$refs")
    echo "C2PA cost, register the 4 C2PA reference samples (2 with manifests): library hidden ${a}s  manifests read ${b}s  ratio: ${r}"
fi

echo "## coding one worker answer (the ministry sample's probe): JSON against the binary messages used"
"$(dirname "$footage")/footage-bench" messages "$samples/ministry-upload.mp4"

echo "## hash: 1 GiB file"
head -c 1G /dev/urandom > "$work/big.bin"
cat "$work/big.bin" > /dev/null
read -r a b r < <(side_by_side 3 openssl "openssl dgst -sha256 $work/big.bin" footage "$footage hash $work/big.bin")
python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'openssl: {1.073741824/a:.2f} GB/s  footage hash: {1.073741824/b:.2f} GB/s  throughput ratio: {a/b:.3f} (target >= 0.9)')" "$a" "$b"
rss=$( { /usr/bin/time -f '%M' "$footage" hash "$work/big.bin" >/dev/null; } 2>&1 | tail -1)
echo "footage hash peak RSS: $((rss / 1024)) MiB (target < 64)"
rm -f "$work/big.bin"

echo "## probe: one file"
f="$samples/ministry-upload.mp4"
read -r a b r < <(side_by_side 21 ffprobe "ffprobe -v error -show_format -show_streams -of json $f" footage "$footage probe --json $f")
echo "ffprobe: ${a}s  footage probe: ${b}s  ratio: ${r} (target <= 0.5)"
read -r a b r < <(side_by_side 21 in-process "FOOTAGE_ISOLATION=off $footage probe --json $f" isolated "$footage probe --json $f")
echo "isolation cost, probe one file: one process ${a}s  media worker ${b}s  ratio: ${r}"
