#!/usr/bin/env bash
# Issue targets for finding the same footage, measured side by side in one run:
#  1. fingerprinting two clips and comparing them: `footage match FILE FILE` (four samples a second and the content
#     anchors, as `register` samples) vs the reference vPDQ implementation (`pip install vpdq`: vpdq.computeHash with
#     seconds_per_hash=1 on both, then its match rule) on the same pairs (target <= 0.5x its time)
#  2. searching one clip's fingerprint (60 frames with their 7 variants: 480 hashes) in 1,000,000 frame hashes,
#     exact (target < 100 ms): `footage-bench index`
#  3. the search for every matching pair of generated fingerprints, as `footage match` over a catalogue does
#     (target: 10,000 clips under 30 s): `footage-bench all-pairs`, at sizes that finish (ALL_PAIRS_CLIPS)
# Usage: bash Benchmarks/match.sh PATH/TO/footage   (a release build; `make bench` passes it)
# Set FOOTAGE_REFERENCE_DIR to add the reference project's clips to the pairs.
set -euo pipefail
footage=$1
here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../Media/samples" && pwd)
. "$here/lib.sh"

pairs=("$samples/ministry-upload.mp4 $samples/pentagon-release.webm")
if [ -n "${FOOTAGE_REFERENCE_DIR:-}" ]; then
    v="$FOOTAGE_REFERENCE_DIR/videos"
    pairs+=("$v/chair-orig-22-sd-bar.mp4 $v/chair-22-with-small-logo-bar.mp4"
            "$v/pattern-hd-no-bar.mp4 $v/pattern-sd-with-small-logo-bar.mp4")
fi

echo "## fingerprint two clips and compare: footage match FILE FILE (4/s and anchors) vs vpdq (1/s)"
if python3 -c 'import vpdq' 2>/dev/null; then
    vpdq_match=$(mktemp)
    trap 'rm -f "$vpdq_match"' EXIT
    cat > "$vpdq_match" <<'PY'
import sys, vpdq
a, b = (vpdq.computeHash(path, seconds_per_hash=1) for path in sys.argv[1:3])
# The reference's rule: frames below quality 50 dropped, distance 31, shares in both directions.
qa = [f for f in a if f.quality >= 50]
qb = [f for f in b if f.quality >= 50]
def share(x, y):
    return sum(1 for f in x if any(vpdq.hamming_distance(f.hash, g.hash) <= 31 for g in y)) / max(1, len(x))
print(f"{share(qa, qb):.3f} {share(qb, qa):.3f}")
PY
    for pair in "${pairs[@]}"; do
        set -- $pair
        read -r a b r < <(side_by_side 5 vpdq "python3 $vpdq_match $1 $2" footage "$footage match $1 $2")
        echo "$(basename "$1") + $(basename "$2"): vpdq ${a}s  footage ${b}s  ratio ${r} (target <= 0.5)"
    done
else
    echo "vpdq is not installed (pip install vpdq, after apt-get install libavdevice-dev libavfilter-dev)"
    for pair in "${pairs[@]}"; do
        set -- $pair
        echo "$(basename "$1") + $(basename "$2"): footage $(median_seconds 5 "$footage" match "$1" "$2")s"
    done
fi

echo "## search one clip's fingerprint (480 hashes) in 1,000,000 frame hashes (target < 100 ms, exact)"
"$(dirname "$footage")/footage-bench" index --size 1000000 --queries 480 --repetitions 5

echo "## every pair of generated 30-second fingerprints (target: 10,000 clips under 30 s)"
for clips in ${ALL_PAIRS_CLIPS:-100 200 400}; do
    "$(dirname "$footage")/footage-bench" all-pairs --clips "$clips" --seconds 30
done
