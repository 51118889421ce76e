#!/usr/bin/env python3
"""Scores footage's claim extraction against the labelled articles in Benchmarks/claims.

Each article NAME.md has its labels in NAME.json: {"claims": [{"starts": first words of the sentence,
"kinds": [...], "figures": [numbers, null for a vague quantity] (optional), "speaker": {"name": a name or a
list of accepted names, "kind": "person" | "organization" | null} (only for attributed claims)}]}. A sentence
not listed is not a claim.

The articles are imported with `footage article add --json` into a temporary catalogue, as a user would, and
the claim rows it prints are compared with the labels:
  claims      precision and recall of the extracted sentences;
  kinds       of the sentences found, the share whose kinds are exactly the labelled ones;
  figures     of the labelled sentences found with a `figures` label, the share whose figure values match;
  speaker     of the sentences found that are attributed (in the labels or in the extraction), the share whose
              speaker name matches (case and spacing ignored), and the share whose name and kind both match.

The articles directly in Benchmarks/claims are the development set (written while the rules were built); those in
Benchmarks/claims/held-out were written afterwards and scored without changing the rules for them.

Usage: Benchmarks/claims.py [--footage PATH] [--json]   (stdlib only; prints a Markdown table, or one JSON object)
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "claims")


def normalise(text):
    return " ".join(text.split()).casefold()


def extract(footage, catalog, path):
    out = subprocess.run(
        [footage, "article", "add", path, "--catalog", catalog, "--json"],
        check=True, capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [row for row in rows if "idx" in row]


def score_article(rows, labels):
    counts = dict(extracted=len(rows), expected=len(labels), matched=0, kinds=0, figures_total=0, figures=0,
                  speakers_total=0, speaker_names=0, speakers=0)
    mistakes = []
    used = set()
    for label in labels:
        prefix = normalise(label["starts"])
        found = next((i for i, row in enumerate(rows) if i not in used and normalise(row["text"]).startswith(prefix)),
                     None)
        if found is None:
            mistakes.append(f"missed: {label['starts']}")
            continue
        used.add(found)
        row = rows[found]
        details = row.get("details") or {}
        counts["matched"] += 1
        if sorted(row["kinds"]) == sorted(label["kinds"]):
            counts["kinds"] += 1
        else:
            mistakes.append(f"kinds {sorted(row['kinds'])} for {label['kinds']}: {label['starts']}")
        if "figures" in label:
            counts["figures_total"] += 1
            values = [figure.get("value") for figure in details.get("figures", [])]
            if values == label["figures"]:
                counts["figures"] += 1
            else:
                mistakes.append(f"figures {values} for {label['figures']}: {label['starts']}")
        speaker = label.get("speaker")
        name = row.get("attribution")
        if speaker is None and name is None:
            continue
        counts["speakers_total"] += 1
        accepted = speaker["name"] if speaker and isinstance(speaker["name"], list) else [speaker and speaker["name"]]
        name_right = speaker is not None and name is not None and normalise(name) in map(normalise, accepted)
        kind_right = speaker is not None and details.get("speaker_kind") == speaker.get("kind")
        counts["speaker_names"] += name_right
        counts["speakers"] += name_right and kind_right
        if not (name_right and kind_right):
            expected = f"{accepted[0]} ({speaker.get('kind')})" if speaker else "none"
            mistakes.append(f"speaker {name!r} ({details.get('speaker_kind')}) for {expected}: {label['starts']}")
    for i, row in enumerate(rows):
        if i not in used:
            mistakes.append(f"extra: {row['text'][:60]}")
    return counts, mistakes


def ratio(part, whole):
    return part / whole if whole else 1.0


def summary(counts):
    return {
        "claim_precision": ratio(counts["matched"], counts["extracted"]),
        "claim_recall": ratio(counts["matched"], counts["expected"]),
        "kind_accuracy": ratio(counts["kinds"], counts["matched"]),
        "figure_accuracy": ratio(counts["figures"], counts["figures_total"]),
        "speaker_name_accuracy": ratio(counts["speaker_names"], counts["speakers_total"]),
        "speaker_accuracy": ratio(counts["speakers"], counts["speakers_total"]),
    }


def score_set(footage, catalog, folder, verbose):
    """Scores every labelled article in `folder`: (totals, Markdown rows)."""
    names = sorted(name[:-3] for name in os.listdir(folder) if name.endswith(".md"))
    totals = {}
    lines = []
    for name in names:
        with open(os.path.join(folder, name + ".json"), encoding="utf-8") as f:
            labels = json.load(f)["claims"]
        rows = extract(footage, catalog, os.path.join(folder, name + ".md"))
        counts, mistakes = score_article(rows, labels)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        s = summary(counts)
        lines.append(f"| {name} | {counts['expected']} | {counts['extracted']} | {s['claim_precision']:.2f} | "
                     f"{s['claim_recall']:.2f} | {s['kind_accuracy']:.2f} | {s['speaker_accuracy']:.2f} |")
        if verbose:
            for mistake in mistakes:
                print(f"{name}: {mistake}", file=sys.stderr)
    result = summary(totals)
    result.update(articles=len(names), expected=totals["expected"], extracted=totals["extracted"],
                  attributed=totals["speakers_total"])
    return result, lines


MEASURES = [("claim_precision", "claim precision"), ("claim_recall", "claim recall"),
            ("kind_accuracy", "kinds exact (of claims found)"),
            ("figure_accuracy", "figures exact (of labelled claims found)"),
            ("speaker_name_accuracy", "speaker name"), ("speaker_accuracy", "speaker name and kind")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(HERE)
    parser.add_argument("--footage", default=os.environ.get("FOOTAGE_BINARY", os.path.join(root, ".build/debug/footage")))
    parser.add_argument("--json", action="store_true", help="print the totals of each set as one JSON object")
    parser.add_argument("--verbose", action="store_true", help="list every mistake on stderr")
    args = parser.parse_args()

    sets = [("development", LABELS), ("held_out", os.path.join(LABELS, "held-out"))]
    results = {}
    with tempfile.TemporaryDirectory() as catalog:
        subprocess.run([args.footage, "init", catalog], check=True, capture_output=True)
        for name, folder in sets:
            results[name] = score_set(args.footage, catalog, folder, args.verbose)
    if args.json:
        print(json.dumps({name: result for name, (result, _) in results.items()}, sort_keys=True))
        return
    print("| article | labelled claims | extracted | precision | recall | kinds exact | speaker (name and kind) |")
    print("|---|---|---|---|---|---|---|")
    for name, (_, lines) in results.items():
        print("\n".join(line if name == "development" else line.replace("| ", "| held-out/", 1) for line in lines))
    print()
    print("| measure | development set | held-out set |")
    print("|---|---|---|")
    for key, label in MEASURES:
        print(f"| {label} | {results['development'][0][key]:.3f} | {results['held_out'][0][key]:.3f} |")
    for name, (result, _) in results.items():
        print(f"\n{name}: {result['articles']} articles, {result['expected']} labelled claims, "
              f"{result['extracted']} extracted, {result['attributed']} attributed claims scored for the speaker.")


if __name__ == "__main__":
    main()
