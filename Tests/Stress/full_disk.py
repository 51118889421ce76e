#!/usr/bin/env python3
"""`footage register --copy --keyframes` on the samples when there is no room: under file size limits swept from
tiny to ample (`ulimit -f`, any user), and, when run as root, in a small tmpfs filled to the brim. Each run must
either succeed or fail with exit 1 and a clear message (never die of a signal), leave the catalogue consistent with
no temporary file and nothing half recorded, and a run with room afterwards must complete it.

usage: full_disk.py FOOTAGE [--step KB]
"""

import argparse
import os
import shutil
import subprocess
import tempfile

import checks

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Media", "samples")
COMMAND = ["register", os.path.abspath(SAMPLES), "--copy", "--keyframes", "--jobs", "1"]
# What footage says when a write fails for want of room (a copy, an image, or SQLite's commit).
NO_ROOM = ("disk is full or a file size limit was reached", "the disk is full, a file size limit was reached",
           "database or disk is full")


def judge(status, err, what):
    """Problems with one run that had too little room."""
    if status < 0:
        return [f"{what}: killed by signal {-status}"]
    if status not in (0, 1):
        return [f"{what}: exit {status}: {err.strip()[-500:]}"]
    if status == 1 and not any(text in err for text in NO_ROOM):
        return [f"{what}: failed without saying there was no room: {err.strip()[-500:]}"]
    return []


def after(footage, root, what):
    """Consistent, nothing left over, and a run with room completes the work."""
    problems = [f"{what}: {p}" for p in checks.consistent(footage, root)]
    problems += [f"{what}: left behind {p}" for p in checks.leftovers(root)]
    status, _, err = checks.run([footage, *COMMAND, "--catalog", root])
    if status != 0:
        problems.append(f"{what}: the run with room failed: {err.strip()[-500:]}")
    problems += [f"{what}, completed: {p}" for p in checks.consistent(footage, root)]
    if len(checks.clips(footage, root)) != 4:
        problems.append(f"{what}: not 4 clips once completed")
    return problems


def size_limits(footage, step):
    """Sweeps `ulimit -f` from 8 KB to past the largest sample (1.2 MB), each in a new catalogue."""
    problems, outcomes = [], {"succeeded": 0, "failed cleanly": 0}
    for kilobytes in range(8, 1400, step):
        root = tempfile.mkdtemp(prefix="footage-fsize-")
        try:
            checks.run([footage, "init", root])
            script = f'ulimit -f {kilobytes}; exec "$0" "$@"'
            status, _, err = checks.run(["bash", "-c", script, footage, *COMMAND, "--catalog", root])
            found = judge(status, err, f"ulimit -f {kilobytes}")
            outcomes["succeeded" if status == 0 else "failed cleanly"] += not found
            problems += found + after(footage, root, f"ulimit -f {kilobytes}")
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print(f"full disk  file size limits 8–1400 KB every {step} KB: {outcomes['succeeded']} runs succeeded, "
          f"{outcomes['failed cleanly']} failed with a clear message")
    return problems


def small_filesystems(footage):
    """A tmpfs of each size, the catalogue in it; after the run it is enlarged, checked and completed."""
    if os.geteuid() != 0:
        print("full disk  tmpfs: skipped (needs root to mount)")
        return []
    problems, outcomes = [], {"succeeded": 0, "failed cleanly": 0}
    sizes = [256, 512, 768, 1024, 1536, 2048, 3072, 4096, 5120, 6144, 8192]
    for kilobytes in sizes:
        mount = tempfile.mkdtemp(prefix="footage-tmpfs-")
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", mount], check=True)
        try:
            root = os.path.join(mount, "case")
            checks.run([footage, "init", root])
            status, _, err = checks.run([footage, *COMMAND, "--catalog", root])
            found = judge(status, err, f"tmpfs {kilobytes} KB")
            outcomes["succeeded" if status == 0 else "failed cleanly"] += not found
            subprocess.run(["mount", "-o", "remount,size=64m", mount], check=True)
            problems += found + after(footage, root, f"tmpfs {kilobytes} KB")
        finally:
            subprocess.run(["umount", mount], check=False)
            os.rmdir(mount)
    print(f"full disk  tmpfs of {sizes[0]}–{sizes[-1]} KB: {outcomes['succeeded']} runs succeeded, "
          f"{outcomes['failed cleanly']} failed with a clear message")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("footage")
    parser.add_argument("--step", type=int, default=24, help="KB between file size limits")
    args = parser.parse_args()
    footage = os.path.abspath(args.footage)
    failures = size_limits(footage, args.step) + small_filesystems(footage)
    checks.finish("full disk", failures)


if __name__ == "__main__":
    main()
