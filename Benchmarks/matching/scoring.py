"""Ground truth and scores for the matching evaluation: which pairs of clips share footage and where, pair recall,
false matches, offset error, and a segment-level micro-average precision in the manner of the Video Similarity
Challenge (precision and recall of predicted segments measured on both clips' time axes, VCSL-style)."""

from dataclasses import dataclass, field
from itertools import combinations

MINIMUM_SHARED = 1.0   # seconds of shared footage that make a pair a true pair


@dataclass
class Segment:
    a_start: float
    a_end: float
    b_start: float
    b_end: float

    def swapped(self):
        return Segment(self.b_start, self.b_end, self.a_start, self.a_end)


@dataclass
class Truth:
    a: str
    b: str
    offset: float                    # b's time minus a's time, for the same picture
    segments: list
    family: str                      # the transform that made the copy, or "copy+copy"


@dataclass
class Prediction:
    a: str
    b: str
    offset: float | None
    score: float
    segments: list = field(default_factory=list)

    def oriented(self, first):
        """The prediction with `first` as A."""
        if self.a == first:
            return self
        offset = None if self.offset is None else -self.offset
        return Prediction(self.b, self.a, offset, self.score, [s.swapped() for s in self.segments])


def shared_source(px, py):
    """The source seconds (lo, hi) that two pieces both show, or None when they show different sources; hi <= lo when
    they show none in common."""
    if px["source"] != py["source"]:
        return None
    lo = max(px["source_start"], py["source_start"])
    hi = min(px["source_start"] + px["copy_end"] - px["copy_start"],
             py["source_start"] + py["copy_end"] - py["copy_start"])
    return lo, hi


def marginal_pairs(clips):
    """Pairs that show some of the same source seconds, but less than MINIMUM_SHARED: neither a true pair to find
    nor a false match when found (a 2-second excerpt and a splice may share half a second)."""
    marginal = set()
    for x, y in combinations(sorted(clips, key=lambda c: c["name"]), 2):
        for px in x["pieces"]:
            for py in y["pieces"]:
                shared = shared_source(px, py)
                if shared and 0 < shared[1] - shared[0] < MINIMUM_SHARED:
                    marginal.add((x["name"], y["name"]))
    return marginal


def truths(clips):
    """Every pair of clips that show at least MINIMUM_SHARED seconds of the same source, keyed by sorted names."""
    found = {}
    for x, y in combinations(sorted(clips, key=lambda c: c["name"]), 2):
        segments = []
        for px in x["pieces"]:
            for py in y["pieces"]:
                shared = shared_source(px, py)
                if not shared or shared[1] - shared[0] < MINIMUM_SHARED:
                    continue
                lo, hi = shared
                ax = px["copy_start"] + lo - px["source_start"]
                bx = py["copy_start"] + lo - py["source_start"]
                segments.append(Segment(ax, ax + hi - lo, bx, bx + hi - lo))
        if segments:
            # Where two clips share footage at several offsets (splices), the longest shared stretch names it.
            longest = max(segments, key=lambda s: s.a_end - s.a_start)
            offset = longest.b_start - longest.a_start
            kinds = sorted(t for t in (x["transform"], y["transform"]) if t != "source")
            family = kinds[0] if len(kinds) == 1 else ("+".join(kinds) if kinds else "source+source")
            if len(kinds) == 2:
                family = "copy+copy"
            found[(x["name"], y["name"])] = Truth(x["name"], y["name"], offset, segments, family)
    return found


def length(intervals):
    """The total length of a union of intervals."""
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total


def intersection(first, second):
    """The length of the intersection of two unions of intervals."""
    total = 0.0
    for a0, a1 in first:
        for b0, b1 in second:
            total += max(0.0, min(a1, b1) - max(a0, b0))
    return total


def union(intervals):
    merged = []
    for start, stop in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([start, stop])
    return merged


def pair_overlap(predicted, truth):
    """(matched, predicted, true) seconds of one pair, summed over both clips' time axes."""
    matched = predicted_total = true_total = 0.0
    for side in ("a", "b"):
        p = union([(getattr(s, f"{side}_start"), getattr(s, f"{side}_end")) for s in predicted])
        t = union([(getattr(s, f"{side}_start"), getattr(s, f"{side}_end")) for s in truth]) if truth else []
        matched += intersection(p, t)
        predicted_total += length(p)
        true_total += length(t)
    return matched, predicted_total, true_total


def micro_average_precision(predictions, truth_by_pair):
    """Segment-level µAP: predictions are taken in decreasing score; after each, precision is the matched share of
    all predicted seconds and recall the matched share of all true seconds (both axes, all pairs); the average
    precision is the sum of precision times each step's gain in recall."""
    total_true = sum(pair_overlap([], t.segments)[2] for t in truth_by_pair.values())
    if total_true == 0:
        return 0.0
    by_pair, matched, predicted = {}, {}, {}
    ap, last_recall = 0.0, 0.0
    for item in sorted(predictions, key=lambda p: -p.score):
        key = tuple(sorted((item.a, item.b)))
        oriented = item.oriented(key[0])
        by_pair.setdefault(key, []).extend(oriented.segments)
        truth = truth_by_pair.get(key)
        m, p, _ = pair_overlap(by_pair[key], truth.segments if truth else [])
        matched[key], predicted[key] = m, p
        total_predicted = sum(predicted.values())
        precision = sum(matched.values()) / total_predicted if total_predicted else 0.0
        recall = sum(matched.values()) / total_true
        ap += precision * max(0.0, recall - last_recall)
        last_recall = max(last_recall, recall)
    return ap


def score(predictions, truth_by_pair, clips):
    """Pair recall by family, false matches, offset errors and µAP."""
    names = {c["name"] for c in clips}
    found = {}
    for item in predictions:
        if item.a in names and item.b in names:
            key = tuple(sorted((item.a, item.b)))
            if key not in found or item.score > found[key].score:
                found[key] = item.oriented(key[0])
    families = {}
    errors = []
    for key, truth in truth_by_pair.items():
        row = families.setdefault(truth.family, {"pairs": 0, "found": 0, "errors": []})
        row["pairs"] += 1
        if key in found:
            row["found"] += 1
            if found[key].offset is not None:
                error = abs(found[key].offset - truth.offset)
                row["errors"].append(error)
                errors.append(error)
    marginal = marginal_pairs(clips)
    false = sorted(key for key in found if key not in truth_by_pair and key not in marginal)
    return {
        "families": families,
        "pairs": len(truth_by_pair),
        "found": sum(1 for key in truth_by_pair if key in found),
        "false": false,
        "errors": errors,
        "map": micro_average_precision(list(found.values()), truth_by_pair),
    }
