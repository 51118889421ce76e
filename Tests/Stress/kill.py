#!/usr/bin/env python3
"""Kills `footage register` and `footage keyframes` with SIGKILL at random moments, many times, and checks after
each kill that the catalogue is consistent (SQLite's integrity_check, `footage verify`, nothing recorded twice),
then that running the same command again completes, removes what the killed runs left and says so, and records
nothing twice.

usage: kill.py FOOTAGE [--trials N] [--seed S]

The moments are drawn (seeded) uniformly over the time an uninterrupted run takes (the median of the runs seen);
a trial kills the same command one to three times in a row before letting it finish.
"""

import argparse
import collections
import os
import random
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

import checks

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Media", "samples")


def scenarios(samples):
    """name -> (set-up commands, the command that is killed, what must hold once it has completed)."""
    return {
        "register --copy --keyframes": ([], ["register", samples, "--copy", "--keyframes"], complete_copies),
        "register": ([], ["register", samples], complete_registration),
        "keyframes": ([["register", samples, "--no-fingerprint"]],
                      ["keyframes", "--mode", "interval", "--every", "1", "--sheet", "--clips-from-catalogue"],
                      complete_keyframes),
    }


def complete_registration(footage, root):
    clips = checks.clips(footage, root)
    return [] if len(clips) == 4 else [f"{len(clips)} clips after the re-run, not 4"]


def complete_copies(footage, root):
    problems = complete_registration(footage, root)
    copies = checks.query(root, "SELECT count(DISTINCT clip_id) FROM location WHERE kind = 'copy'")[0][0]
    extracted = checks.query(root, "SELECT count(DISTINCT clip_id) FROM extraction")[0][0]
    if copies != 4:
        problems.append(f"{copies} clips with an evidentiary copy, not 4")
    if extracted != 4:
        problems.append(f"{extracted} clips with keyframes, not 4")
    return problems


def complete_keyframes(footage, root):
    extracted = checks.query(root, "SELECT count(*) FROM extraction")[0][0]
    return [] if extracted == 4 else [f"{extracted} extractions, not 4"]


def command_line(footage, root, command):
    if "--clips-from-catalogue" in command:
        refs = [clip["sha256"] for clip in checks.clips(footage, root)]
        command = [word for word in command if word != "--clips-from-catalogue"] + refs
    return [footage, *command, "--catalog", root]


def new_catalogue(footage, setup):
    root = tempfile.mkdtemp(prefix="footage-stress-")
    status, _, err = checks.run([footage, "init", root])
    assert status == 0, err
    for command in setup:
        status, _, err = checks.run(command_line(footage, root, command))
        assert status == 0, err
    return root


def uninterrupted_seconds(footage, setup, command):
    """Three uninterrupted runs, each in a new catalogue: how long each took."""
    times = []
    for _ in range(3):
        root = new_catalogue(footage, setup)
        try:
            start = time.monotonic()
            status, _, err = checks.run(command_line(footage, root, command))
            assert status == 0, err
            times.append(time.monotonic() - start)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return times


def kill_once(argv, delay):
    """Starts argv in its own process group and kills the group after `delay` seconds. Returns None if it was
    killed, else how long it took to finish."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=delay)
        return time.monotonic() - start
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


def events(root):
    return checks.query(root, "SELECT count(*) FROM ledger")[0][0]


def trial(footage, name, setup, command, complete, durations, rng, tally):
    """One trial: kill the command one to three times, check after each kill, then let it finish and check."""
    root = new_catalogue(footage, setup)
    problems = []
    try:
        argv = command_line(footage, root, command)
        left = []
        before = events(root)
        at_kill = []
        for attempt in range(rng.choice([1, 1, 1, 2, 3])):
            # Moments are drawn over the median complete run; machine load varies, so first runs (whole work,
            # new catalogue) that finish before their kill join the durations the median is taken from.
            delay = rng.uniform(0, statistics.median(durations))
            finished = kill_once(argv, delay)
            if finished is None:
                tally["kills"] += 1
                at_kill.append(events(root))
            else:
                tally["finished before the kill"] += 1
                if attempt == 0:
                    durations.append(finished)
            problems += [f"after a kill at {delay:.3f} s: {p}" for p in checks.consistent(footage, root)]
            left = checks.leftovers(root)
            tally["leftovers seen"] += len(left)
            tally["kills leaving leftovers"] += bool(left)
        status, _, err = checks.run(argv)
        total = events(root) - before
        for count in at_kill:
            # Where the kills landed: the share of this work's ledger events committed when it died.
            share = (count - before) / total if total else 1.0
            tally["landed " + ("before any commit" if count == before else "after every commit" if share >= 1
                               else "between commits")] += 1
        if status != 0:
            problems.append(f"the re-run exited {status}: {err.strip()[-1000:]}")
        for path in left:
            if path not in err:
                problems.append(f"the re-run did not say it removed {path}")
        problems += [f"after the re-run: {p}" for p in checks.consistent(footage, root) + complete(footage, root)]
        problems += [f"left after the re-run: {path}" for path in checks.leftovers(root)]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    tally["trials"] += 1
    return [f"{name}: {p}" for p in problems]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("footage")
    parser.add_argument("--trials", type=int, default=60, help="trials per scenario")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    footage = os.path.abspath(args.footage)
    rng = random.Random(args.seed)
    failures = []
    for name, (setup, command, complete) in scenarios(os.path.abspath(SAMPLES)).items():
        durations = uninterrupted_seconds(footage, setup, command)
        tally = collections.Counter()
        for _ in range(args.trials):
            failures += trial(footage, name, setup, command, complete, durations, rng, tally)
        print(f"kill  {name}: {tally['trials']} trials, {tally['kills']} kills drawn over "
              f"{statistics.median(durations):.2f} s runs "
              f"({tally['finished before the kill']} runs finished first); kills landed before any commit "
              f"{tally['landed before any commit']}, between commits {tally['landed between commits']}, after every "
              f"commit {tally['landed after every commit']}; {tally['kills leaving leftovers']} kills left "
              f"{tally['leftovers seen']} temporary files or unrecorded folders, each removed by the next run",
              flush=True)
    checks.finish("kill", failures, f", seed {args.seed}")


if __name__ == "__main__":
    main()
