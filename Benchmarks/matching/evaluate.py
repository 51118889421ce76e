"""Runs `footage` and the reference vPDQ on a corpus made by corpus.py and scores both against its labels: pair
recall by transform, false matches, offset error and segment µAP. Prints a Markdown table (and writes it with
--table FILE).

    python3 Benchmarks/matching/evaluate.py --corpus /tmp/match-corpus --footage .build-release/release/footage

vPDQ (`pip install vpdq`) hashes one frame a second, as footage samples; its rule is the reference's: frames below
quality 50 dropped, a frame matches within Hamming distance 31, and a pair matches when 80 % of either clip's frames
match the other's. It has no notion of offset or segment; its segments for µAP are the seconds around each matched
frame, on each clip's axis.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Prediction, Segment, score, truths  # noqa: E402

VPDQ_SHARE = 0.8
VPDQ_DISTANCE = 31


def footage_predictions(footage, clips):
    """Registers every clip in a new catalogue, then asks `footage match` for every pair; returns the predictions
    and the seconds it took."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([footage, "init", folder], check=True, capture_output=True)
        started = time.perf_counter()
        registered = subprocess.run([footage, "register", "--catalog", folder, "--json", *[c["path"] for c in clips]],
                                    capture_output=True, text=True)
        names = {}
        by_path = {c["path"]: c["name"] for c in clips}
        for line in registered.stdout.splitlines():
            row = json.loads(line)
            if row.get("sha256") and row.get("path") in by_path:
                names[row["sha256"]] = by_path[row["path"]]
        matched = subprocess.run([footage, "match", "--catalog", folder, "--json"], capture_output=True, text=True)
        seconds = time.perf_counter() - started
    predictions = []
    for line in matched.stdout.splitlines():
        row = json.loads(line)
        a, b = names.get(row.get("a")), names.get(row.get("b"))
        if not a or not b:
            continue
        segments = [Segment(s["a_start"], s["a_end"], s["b_start"], s["b_end"]) for s in row.get("segments", [])]
        overlap = row.get("overlap")
        prediction = Prediction(a, b, row.get("offset"), max(row.get("share_a", 0), row.get("share_b", 0)), segments)
        prediction.overlap = [Segment(overlap["a_start"], overlap["a_end"], overlap["b_start"], overlap["b_end"])] \
            if overlap else segments
        predictions.append(prediction)
    return predictions, seconds, registered.stderr + matched.stderr


def vpdq_predictions(clips):
    import numpy
    import vpdq

    started = time.perf_counter()
    hashes = {}
    for clip in clips:
        frames = [f for f in vpdq.computeHash(clip["path"], seconds_per_hash=1) if f.quality >= 50]
        words = numpy.array([[int(f.hex[i:i + 16], 16) for i in range(0, 64, 16)] for f in frames], dtype=numpy.uint64)
        hashes[clip["name"]] = (words.reshape(-1, 4), [f.timestamp for f in frames])
    hashing = time.perf_counter() - started
    predictions = []
    names = sorted(hashes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (wa, ta), (wb, tb) = hashes[a], hashes[b]
            if len(ta) == 0 or len(tb) == 0:
                continue
            distances = numpy.bitwise_count(wa[:, None, :] ^ wb[None, :, :]).sum(axis=2)
            close = distances <= VPDQ_DISTANCE
            matched_a, matched_b = close.any(axis=1), close.any(axis=0)
            share = max(matched_a.mean(), matched_b.mean())
            if share >= VPDQ_SHARE:
                segments = [Segment(t, t + 1, 0, 0) for t, hit in zip(ta, matched_a) if hit]
                segments += [Segment(0, 0, t, t + 1) for t, hit in zip(tb, matched_b) if hit]
                prediction = Prediction(a, b, None, float(share), segments)
                prediction.overlap = segments
                predictions.append(prediction)
    return predictions, hashing


def with_overlaps(predictions):
    return [Prediction(p.a, p.b, p.offset, p.score, p.overlap) for p in predictions]


def table(results, title):
    lines = [f"### {title}", "", "| transform | true pairs | footage found | footage offset error (median / max) "
             "| vPDQ found |", "|---|---|---|---|---|"]
    fam_f, fam_v = results["footage"]["families"], results["vpdq"]["families"]
    for family in sorted(fam_f):
        f, v = fam_f[family], fam_v.get(family, {"found": 0})
        errors = f["errors"]
        error = f"{median(errors):.2f} / {max(errors):.2f} s" if errors else "-"
        lines.append(f"| {family} | {f['pairs']} | {f['found']} | {error} | {v['found']} |")
    for name in ("footage", "vpdq"):
        r = results[name]
        errors = r["errors"]
        within = sum(1 for e in errors if e <= 0.1)
        lines.append("")
        lines.append(f"**{name}**: {r['found']} of {r['pairs']} true pairs ({100 * r['found'] / max(1, r['pairs']):.1f} %)"
                     f", {len(r['false'])} false matches, segment µAP {r['map']:.3f} (matched segments)"
                     + (f" / {r['map_overlap']:.3f} (overlap at the offset)" if "map_overlap" in r else "")
                     + (f", offsets within 0.1 s: {within} of {len(errors)}" if errors else "")
                     + f"; {r['seconds']:.0f} s")
        for pair in r["false"][:10]:
            lines.append(f"- false: {pair[0]} ~ {pair[1]}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--footage", required=True)
    parser.add_argument("--no-vpdq", action="store_true")
    parser.add_argument("--table", type=Path, help="also write the table to this file")
    options = parser.parse_args()
    labels = json.loads((options.corpus / "labels.json").read_text())
    clips = labels["clips"]
    truth = truths(clips)
    predictions, seconds, messages = footage_predictions(options.footage, clips)
    results = {"footage": score(predictions, truth, clips)}
    results["footage"]["map_overlap"] = score(with_overlaps(predictions), truth, clips)["map"]
    results["footage"]["seconds"] = seconds
    if options.no_vpdq:
        results["vpdq"] = {"families": {}, "found": 0, "pairs": len(truth), "false": [], "errors": [], "map": 0,
                           "seconds": 0}
    else:
        vpdq, hashing = vpdq_predictions(clips)
        results["vpdq"] = score(vpdq, truth, clips)
        results["vpdq"]["seconds"] = hashing
    text = table(results, f"Matching corpus: {len(clips)} clips, seed {labels['seed']}")
    print(text)
    if messages.strip():
        print("footage said:\n" + "\n".join(messages.strip().splitlines()[:20]), file=sys.stderr)
    if options.table:
        options.table.write_text(text)


if __name__ == "__main__":
    main()
