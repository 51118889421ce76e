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
    --source "Pentagon (US Department of Defense)" --platform "defense.gov" \
    --url "https://www.defense.gov/" --published 2016-07-01 --retrieved 2016-07-02 --by demo
# Two unrelated clips, registered as a folder walk would find them.
run register "$samples/handheld-rotated.mov" "$samples/checkpoint-cctv.ts" --by demo
# The two releases from different sources share footage: which seconds, and at what offset.
run match "$samples/ministry-upload.mp4"

run list clips

# Keyframes: the I-frames of both releases, with exact times, PDQ hashes and a contact sheet each.
run keyframes "$samples/ministry-upload.mp4" "$samples/pentagon-release.webm" --sheet --by demo
run show "$samples/ministry-upload.mp4"

# The article (the project's own example, in Catalog/examples/) is split into claims.
run article add "$root/Catalog/examples/convoy-strike.md" --by demo
article=$("$footage" list articles --json --catalog "$root" | head -1 | sed 's/.*"id":"\([^"]*\)".*/\1/')
claim_of() { "$footage" claims "$article" --json --catalog "$root" | grep -F "$1" | head -1 | sed 's/.*"id":"\(C[0-9]*\)".*/\1/'; }
upload=$(claim_of "posted on YouTube")
released=$(claim_of "have released footage")
strike=$(claim_of "lead and rear vehicles")
# Evidence links: which seconds of which clip bear on which claim. Links are history and are never merged,
# so the demo adds them only on its first run in a catalogue.
if ! "$footage" xref "$upload" --json --catalog "$root" | grep -q '"has_evidence":true'; then
    run link "$upload" "$samples/ministry-upload.mp4" --stance supports --from 0 --to 30 --confidence high \
        --note "the upload itself: a column of vehicles on a desert road, then strikes" --by demo
    run link "$released" "$samples/pentagon-release.webm" --stance supports --from 0 --to 22 --confidence medium \
        --note "the Pentagon's release shows the same strike footage" --by demo
    run link "$strike" "$samples/pentagon-release.webm" --stance context --from 0:02 --to 0:09.5 --confidence low \
        --note "strikes visible; which vehicles were hit first cannot be told at this resolution" --by demo
    # Claim review: a verdict on what the footage bears on, and who publishes the reviews, where.
    run verdict "$released" true --by demo --explanation "The Pentagon's release is registered, and its strike \
footage is the same as the ministry's upload from 0:08 on"
    run verdict "$strike" unproven --by demo --explanation "Strikes on the column are visible, but the release is \
too coarse to tell which vehicles were hit first"
    run config reviewer "Example Checks" --url https://checks.example.org --by demo
    run article review-url "$article" https://checks.example.org/reviews/convoy-strike --by demo
    # A clip with neither a title tag nor a sidecar gets the analyst's title (a ledger event, like a link).
    run title "$samples/checkpoint-cctv.ts" "Checkpoint camera, unrelated to the strike" --by demo
fi
run xref "$article"
run search Garver
run log --limit 12
run verify
# The report an editor reads: page one (claims at a glance, same footage, chronology), details, appendix of hashes.
mkdir -p "$root/Catalog/reports"
run report "$article" -o "$root/Catalog/reports/$article.html"
# A checkpoint to publish or send elsewhere; later `footage verify --since LINE` proves the ledger only grew since.
run seal --by demo
