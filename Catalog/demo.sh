#!/bin/sh
# `make demo`: the main job on the embedded default catalogue (this repository's folder).
# Registers the sample footage with its acquisition records, then shows what was catalogued and checks it.
# Usage: sh Catalog/demo.sh PATH/TO/footage CATALOG_FOLDER
set -eu
footage=$1
root=$2
samples="$root/Media/samples"
run() {
    printf '\n$ footage %s\n' "$*"
    "$footage" "$@" --catalog "$root"
}

"$footage" init "$root"

# The ministry's YouTube upload: the yt-dlp sidecar beside it is read automatically.
run register "$samples/ministry-upload.mp4" \
    --source "Iraqi Ministry of Defence" --platform YouTube \
    --retrieved 2016-07-02 --note "downloaded with yt-dlp from the ministry's channel" --by demo
# The Pentagon's release of the same strikes.
run register "$samples/pentagon-release.webm" \
    --source "US Department of Defense" --platform "Pentagon press release" \
    --url "https://www.defense.gov/" --published 2016-07-01 --retrieved 2016-07-02 --by demo
# Two unrelated clips, registered as a folder walk would find them.
run register "$samples/handheld-rotated.mov" "$samples/checkpoint-cctv.ts" --by demo

run list clips
run show "$samples/ministry-upload.mp4"
run log
run verify
