#!/usr/bin/env bash
# Runs each libFuzzer target of footage-fuzz (built with -sanitize=fuzzer by `make fuzz`) for SECONDS, starting from
# the seeds below and from what earlier runs kept in .build-fuzz/corpus/TARGET. Inputs that crash, leak or break a
# parser's promise go to .build-fuzz/crashes/TARGET/; replay one with a normal build:
#   swift run footage-fuzz TARGET .build-fuzz/crashes/TARGET/crash-…
# Usage: Fuzz/run.sh FUZZ_BINARY [SECONDS] [TARGET…]   Exit status 1 when any target found something.
set -uo pipefail
binary=$1
seconds=${2:-60}
shift $(( $# > 1 ? 2 : 1 ))
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/.build-fuzz
articles="$root/Tests/Fixtures/articles $root/Catalog/examples"

# target | seed folders | dictionary | largest input (bytes). The worker-answer seeds were written by
# `footage-bench messages Media/samples/ministry-upload.mp4 --save-seeds Fuzz/seeds/worker-answer`.
plan() {
    cat <<PLAN
article-markdown|$articles|markdown|16384
article-text|$articles $root/Fuzz/seeds/claims|text|16384
article-html|$articles|html|16384
article-jsonld|$articles|json|16384
claims|$root/Fuzz/seeds/claims $articles|text|4096
iso6709|$root/Fuzz/seeds/iso6709||128
time|$root/Fuzz/seeds/time||64
metadata|$root/Fuzz/seeds/metadata||4096
sidecar|$root/Media/samples/ministry-upload.info.json|json|16384
worker-answer|$root/Fuzz/seeds/worker-answer||16384
PLAN
}

found=0
while IFS='|' read -r target seeds dictionary maxlen; do
    if [ $# -gt 0 ] && [[ " $* " != *" $target "* ]]; then continue; fi
    mkdir -p "$work/corpus/$target" "$work/crashes/$target" "$work/seeds/$target"
    # libFuzzer reads seed folders, not single files: each seed file is copied into one folder.
    for seed in $seeds; do
        if [ -d "$seed" ]; then cp "$seed"/* "$work/seeds/$target/"; else cp "$seed" "$work/seeds/$target/"; fi
    done
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1
             -artifact_prefix="$work/crashes/$target/")
    if [ -n "$dictionary" ]; then options+=(-dict="$root/Fuzz/dictionaries/$dictionary.dict"); fi
    log=$work/crashes/$target.log
    # Swift's own crash reporter would hold the process while it symbolicates; libFuzzer reports instead.
    SWIFT_BACKTRACE=enable=no FOOTAGE_FUZZ_TARGET=$target \
        "$binary" "${options[@]}" "$work/corpus/$target" "$work/seeds/$target" > "$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    kept=$(ls "$work/corpus/$target" | wc -l)
    crashes=$(ls "$work/crashes/$target" | wc -l)
    if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        found=1
        echo "$target: FOUND something after ${runs:-?} runs ($crashes inputs in $work/crashes/$target, log $log)"
        grep -m 3 -E 'Fatal error|broken promise|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)' "$log" | sed 's/^/    /'
    else
        echo "$target: ${runs:-?} runs in ${seconds} s, corpus $kept inputs, nothing found"
    fi
done < <(plan)
exit $found
