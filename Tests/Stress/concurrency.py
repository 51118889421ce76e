#!/usr/bin/env python3
"""Four `footage register` processes on overlapping folders of one catalogue at once, some with --copy and
--keyframes, while readers run `xref` and `search` in a loop: every process must exit 0, each clip must exist
once, and the ledger must be one unbroken chain (`footage verify`).

usage: concurrency.py FOOTAGE [--rounds N] [--seed S]

Each round uses a new catalogue. The folders overlap two ways: the same paths given to two processes, and the same
bytes at different paths (hard links), which must become one clip with several locations.
"""

import argparse
import os
import random
import shutil
import subprocess
import tempfile

import checks

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "Media", "samples")
ARTICLE = os.path.join(HERE, "..", "..", "Catalog", "examples", "convoy-strike.md")
NAMES = ["ministry-upload.mp4", "pentagon-release.webm", "checkpoint-cctv.ts", "handheld-rotated.mov"]


def folders(root):
    """Four folders, each holding (hard links to) two or three samples, every sample in at least two folders."""
    made = []
    for index in range(4):
        folder = os.path.join(root, "in", f"folder-{index}")
        os.makedirs(folder)
        for name in (NAMES[index], NAMES[(index + 1) % 4]) + ((NAMES[(index + 2) % 4],) if index % 2 else ()):
            os.link(os.path.join(SAMPLES, name), os.path.join(folder, name))
        made.append(folder)
    return made


def round_(footage, rng, number):
    root = tempfile.mkdtemp(prefix="footage-concurrency-")
    problems = []
    try:
        status, _, err = checks.run([footage, "init", root])
        assert status == 0, err
        status, _, err = checks.run([footage, "article", "add", ARTICLE, "--catalog", root])
        assert status == 0, err
        inputs = folders(root)
        writers = []
        for index in range(4):
            # Each writer takes its own folder and the next one (shared paths), in a random order.
            paths = [inputs[index], inputs[(index + 1) % 4]]
            rng.shuffle(paths)
            extra = rng.choice([[], ["--copy"], ["--keyframes"], ["--copy", "--keyframes"]])
            argv = [footage, "register", *paths, *extra, "--jobs", str(rng.choice([1, 2])), "--catalog", root]
            writers.append((argv, subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        readers = 0
        while any(process.poll() is None for _, process in writers):
            for argv in ([footage, "xref", "A1", "--catalog", root], [footage, "search", "convoy", "--catalog", root],
                         [footage, "list", "clips", "--catalog", root]):
                status, _, err = checks.run(argv)
                readers += 1
                if status != 0:
                    problems.append(f"reader {' '.join(argv[1:3])} exited {status}: {err.strip()}")
        for argv, process in writers:
            out, err = process.communicate()
            if process.returncode != 0:
                problems.append(f"writer {' '.join(argv[1:])} exited {process.returncode}: {err.strip()[-1500:]}")
        problems += checks.consistent(footage, root)
        clips = checks.clips(footage, root)
        if len(clips) != 4:
            problems.append(f"{len(clips)} clips, not 4")
        locations = checks.query(root, "SELECT count(*) FROM location WHERE kind = 'original'")[0][0]
        if locations != 10:
            problems.append(f"{locations} original locations, not the 10 distinct paths given")
        problems += [f"left behind: {path}" for path in checks.leftovers(root)]
        return [f"round {number}: {p}" for p in problems], readers
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("footage")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    footage = os.path.abspath(args.footage)
    rng = random.Random(args.seed)
    failures, readers = [], 0
    for number in range(1, args.rounds + 1):
        found, count = round_(footage, rng, number)
        failures += found
        readers += count
    print(f"concurrency  {args.rounds} rounds of 4 writers, {readers} reader runs meanwhile")
    checks.finish("concurrency", failures, f", seed {args.seed}")


if __name__ == "__main__":
    main()
