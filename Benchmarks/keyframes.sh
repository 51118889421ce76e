#!/usr/bin/env bash
# Issue targets for keyframes, measured side by side in one run on a 2-minute 1080p H.264 clip with a 2 s GOP:
#   footage keyframes --mode key (JPEG, PDQ included)  <= 1.0x  ffmpeg -skip_frame nokey ... -q:v 3 OUT%04d.jpg
#                                                      <= 0.15x ffmpeg -i IN -f null - (a full decode)
#   PDQ alone: <= 1 ms per 512x512 frame on one core
#   several clips at once use both cores: two clips take about the wall time of one
#   one still a second (interval mode) against ffmpeg's fps filter (no target; what skipping to keyframes saves)
# Usage: bash Benchmarks/keyframes.sh PATH/TO/footage
set -euo pipefail
footage=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clip="$work/k1080.mp4"
ffmpeg -v error -f lavfi -i testsrc2=s=1920x1080:r=30 -t 120 -c:v libx264 -preset veryfast -g 60 -keyint_min 60 \
    -sc_threshold 0 -pix_fmt yuv420p "$clip"
cp "$clip" "$work/k1080-b.mp4"; printf 'x' >> "$work/k1080-b.mp4"
echo "## keyframes: 120 s 1080p H.264, GOP 2 s ($(du -h "$clip" | cut -f1))"
skip="rm -rf $work/ff && mkdir $work/ff && ffmpeg -v error -skip_frame nokey -i $clip -fps_mode passthrough -q:v 3 $work/ff/%04d.jpg"
ours="rm -rf $work/ours && $footage keyframes $clip --out $work/ours"
read -r a b r < <(side_by_side 5 ffmpeg "$skip" footage "$ours")
echo "ffmpeg -skip_frame nokey: ${a}s ($(ls $work/ff | wc -l) jpg)  footage keyframes --mode key: ${b}s ($(ls $work/ours | wc -l) jpg + PDQ)  ratio: ${r} (target <= 1.0)"
read -r a b r < <(side_by_side 3 decode "ffmpeg -v error -i $clip -f null -" footage "$ours")
echo "ffmpeg full decode: ${a}s  footage keyframes: ${b}s  ratio: ${r} (target <= 0.15)"
"$(dirname "$footage")/footage-bench" pdq --size 512 --iterations 3000 | sed 's/^/PDQ alone, one core: /'
read -r a b r < <(side_by_side 3 one "rm -rf $work/o1 && $footage keyframes $clip --out $work/o1" two "rm -rf $work/o2 && $footage keyframes $clip $work/k1080-b.mp4 --out $work/o2")
echo "one clip: ${a}s  two clips at once: ${b}s  ratio: ${r} (2.0 would mean no parallelism)"
every="rm -rf $work/fe && mkdir $work/fe && ffmpeg -v error -i $clip -vf fps=1 -q:v 3 $work/fe/%04d.jpg"
oursEvery="rm -rf $work/oe && $footage keyframes $clip --mode interval --every 1 --out $work/oe"
read -r a b r < <(side_by_side 3 ffmpeg "$every" footage "$oursEvery")
echo "one still a second: ffmpeg -vf fps=1: ${a}s ($(ls $work/fe | wc -l) jpg)  footage --mode interval --every 1: ${b}s ($(ls $work/oe | wc -l) jpg + PDQ)  ratio: ${r}"
