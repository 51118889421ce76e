#!/bin/sh
# Times `footage report` on an article with 20 claims, 10 linked clips and 300 keyframes (the size of a large
# real case), and `footage export` of the same catalogue. Needs ffmpeg (to make clips with distinct bytes).
# Usage: sh Benchmarks/report.sh PATH/TO/footage   (a release build: make release)
set -eu
footage=${1:?usage: sh Benchmarks/report.sh PATH/TO/footage}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
f() { "$footage" "$@" --catalog "$work/case"; }

"$footage" init "$work/case" >/dev/null
mkdir "$work/clips"
# Ten copies of the 30-second sample, each remuxed with its own comment so that the bytes (and SHA-256) differ.
for i in 1 2 3 4 5 6 7 8 9 10; do
    ffmpeg -v error -i "$here/Media/samples/ministry-upload.mp4" -c copy -metadata comment="copy $i" \
        "$work/clips/clip-$i.mp4"
done
f register "$work/clips" --source "Benchmark publisher" --platform YouTube --published 2016-07-01 >/dev/null 2>&1
# Half the clips get an analyst's title; each clip gets a second acquisition record from another platform, as the
# report shows every record and puts them on its chronology.
for i in 1 2 3 4 5; do f title "$work/clips/clip-$i.mp4" "Benchmark release $i" >/dev/null; done
for i in 1 2 3 4 5 6 7 8 9 10; do
    f register "$work/clips/clip-$i.mp4" --source "Benchmark publisher" --platform X \
        --url "https://x.example/status/$i" --published 2016-07-02 --retrieved 2016-07-03 >/dev/null 2>&1
done
f keyframes "$work"/clips/*.mp4 --mode interval --every 1 --sheet >/dev/null 2>&1
f article add "$here/Catalog/examples/convoy-strike.md" >/dev/null
for i in $(seq 1 20); do
    f claim add A1 "Benchmark claim $i: the footage shows vehicle $i on the road." >/dev/null
done
# The article's own claims plus the 20 added: link the 20 added ones, two clips each, to ranges that together
# cover every keyframe.
claims=$(f claims A1 --json | sed -n 's/.*"id":"\(C[0-9]*\)".*"origin":"analyst".*/\1/p')
n=0
for claim in $claims; do
    n=$((n + 1))
    a=$(( (n - 1) % 10 + 1 )); b=$(( n % 10 + 1 ))
    f link "$claim" "$work/clips/clip-$a.mp4" --stance supports --from 0 --to 30 >/dev/null
    f link "$claim" "$work/clips/clip-$b.mp4" --stance context --from 5 --to 20 >/dev/null
done
# Each linked claim rated, and where its reviews are published, for the ClaimReview export.
for claim in $claims; do
    f verdict "$claim" mostly-true --explanation "The footage shows the vehicle on the road." >/dev/null
done
f config reviewer "Benchmark Checks" --url https://checks.example.org >/dev/null
f article review-url A1 https://checks.example.org/benchmark >/dev/null
f verify >/dev/null
keyframes=$(sqlite3 "$work/case/Catalog/catalog.sqlite" 'SELECT count(*) FROM keyframe' 2>/dev/null || echo '?')

now() { date +%s.%N; }
# The best of three runs, in seconds.
best_of_3() {
    times=
    for _ in 1 2 3; do
        start=$(now); "$@" >/dev/null 2>&1; end=$(now)
        times="$times $start $end"
    done
    echo "$times" | awk '{ best = -1; for (i = 1; i < NF; i += 2) { t = $(i + 1) - $i; if (best < 0 || t < best) best = t }
                           printf "%.3f", best }'
}
report=$(best_of_3 f report A1 -o "$work/report.html")
folder=$(best_of_3 f report A1 -o "$work/report-folder.html" --images-folder)
json=$(best_of_3 f export --format json -o "$work/export.json")
prov=$(best_of_3 f export --format prov-json -o "$work/prov.json")
claimreview=$(best_of_3 f export --format claimreview --article A1 -o "$work/claimreview.jsonld")
mkdir "$work/csv"
csv=$(best_of_3 f export --format csv --article A1 -o "$work/csv")
# Everything an editor and a publisher get for the article, one after the other: the report and every export.
everything() {
    f report A1 -o "$work/all.html" && f export --format json --article A1 -o "$work/all.json" &&
        f export --format prov-json --article A1 -o "$work/all.prov.json" &&
        f export --format claimreview --article A1 -o "$work/all.jsonld" &&
        f export --format csv --article A1 -o "$work/csv"
}
all=$(best_of_3 everything)
size=$(wc -c < "$work/report.html")
echo "catalogue: 1 article, $(f claims A1 --json | wc -l) claims (20 linked), 10 clips, $keyframes keyframes, 40 links"
echo "footage report A1 (pictures embedded):       ${report} s  ($size bytes)"
echo "footage report A1 --images-folder:           ${folder} s"
echo "footage export --format json:                ${json} s"
echo "footage export --format prov-json:           ${prov} s"
echo "footage export --format claimreview:         ${claimreview} s"
echo "footage export --format csv:                 ${csv} s"
echo "report and every export of the article:      ${all} s  (target: under 2 s)"
