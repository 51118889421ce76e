"""`make stress`, tampering: random deletions and edits of random rows and columns of a catalogue, each made with
Python's own SQLite as anyone could, and each must make `footage verify` fail naming what changed.

A catalogue is built once (the samples registered with acquisitions, keyframes, fingerprints, the example article,
links, an assessment, a match, claim reviews); every trial copies it, changes one thing, and runs `footage verify --ledger-only`.
A change that leaves the stored value the same (an UPDATE to the value already there) is not a change and is drawn
again.

usage: tamper.py FOOTAGE [--trials N] [--seed S]
"""

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import run  # noqa: E402

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(REPOSITORY, "Media", "samples")
# Tables the ledger covers (Sources/FootageCatalog/LedgerCoverage.swift), with the columns that identify a row.
TABLES = {
    "clip": ["id"], "stream": ["clip_id", "stream_index"], "tag": ["id"], "location": ["id"], "acquisition": ["id"],
    "extraction": ["id"], "keyframe": ["id"], "fingerprint": ["clip_id"], "match": ["id"], "article": ["id"],
    "claim": ["id"], "link": ["id"], "assessment": ["id"], "verification": ["id"], "clip_title": ["id"],
    "claim_review": ["id"], "reviewer": ["id"], "review_url": ["id"],
}


def build(footage, root):
    def step(*arguments):
        status, out, err = run([footage, *arguments, "--catalog", root])
        if status != 0:
            sys.exit(f"building the catalogue: footage {' '.join(arguments)}: {err.strip()}")
        return out

    run([footage, "init", root])
    ministry = os.path.join(SAMPLES, "ministry-upload.mp4")
    step("register", ministry, "--source", "Ministry", "--platform", "YouTube", "--note", "first upload")
    step("register", os.path.join(SAMPLES, "pentagon-release.webm"), os.path.join(SAMPLES, "handheld-rotated.mov"),
         "--source", "Pentagon")
    step("keyframes", ministry, "--max", "4")
    step("article", "add", os.path.join(REPOSITORY, "Catalog", "examples", "convoy-strike.md"))
    step("link", "C2", ministry, "--stance", "supports", "--from", "2", "--to", "9", "--note", "the convoy")
    step("link", "C3", ministry, "--stance", "context")
    step("assess", ministry, "--category", "original", "--note", "matches the channel")
    step("verdict", "C2", "mostly-true", "--explanation", "The convoy is visible")
    step("claim", "dismiss", "C1", "--reason", "a summary, not a claim")
    step("claim", "edit", "C3", "Closer shots show burnt-out trucks.")
    step("config", "reviewer", "Example Checks", "--url", "https://checks.example.org")
    step("article", "review-url", "A1", "https://checks.example.org/convoy")
    step("title", ministry, "Ministry upload")
    step("match")
    step("verify")


def change(connection, rng):
    """One random change: a row deleted, or one column of one row set to another value. Returns its description."""
    while True:
        table = rng.choice(sorted(TABLES))
        rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
        if not rows:
            continue
        columns = [d[0] for d in connection.execute(f'SELECT * FROM "{table}" LIMIT 1').description]
        row = dict(zip(columns, rng.choice(rows)))
        key = " AND ".join(f'"{k}" = ?' for k in TABLES[table])
        arguments = [row[k] for k in TABLES[table]]
        if rng.random() < 0.3:
            connection.execute(f'DELETE FROM "{table}" WHERE {key}', arguments)
            return f"DELETE FROM {table} row {arguments}"
        column = rng.choice(columns)
        old = row[column]
        new = rng.choice([None, 0, 1, -1, 2.5, "", "x", "someone else", "2016-07-01T00:00:00.000Z",
                          (old + 1) if isinstance(old, (int, float)) else None,
                          (old + " ") if isinstance(old, str) else None,
                          (old[:-1] + ("0" if old[-1:] != "0" else "1")) if isinstance(old, str) and old else None])
        same_number = isinstance(new, (int, float)) and isinstance(old, (int, float)) and float(new) == float(old)
        if new == old or same_number:
            continue
        try:
            connection.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {key}', [new, *arguments])
        except sqlite3.DatabaseError:
            continue  # a NOT NULL, CHECK or UNIQUE constraint refused it: not a change anyone can make this way
        return f"UPDATE {table} SET {column} = {new!r} (was {str(old)[:40]!r}) WHERE {arguments}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("footage")
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        original = os.path.join(work, "original")
        build(options.footage, original)
        for trial in range(options.trials):
            copy = os.path.join(work, f"trial-{trial}")
            shutil.copytree(original, copy)
            connection = sqlite3.connect(os.path.join(copy, "Catalog", "catalog.sqlite"))
            connection.execute("PRAGMA foreign_keys = OFF")
            description = change(connection, rng)
            connection.commit()
            connection.close()
            status, out, err = run([options.footage, "verify", "--ledger-only", "--catalog", copy])
            if status != 1 or "PROBLEM" not in out:
                failures += 1
                print(f"FAIL tamper trial {trial}: {description}: verify exited {status}: {(out + err).strip()[-500:]}")
            shutil.rmtree(copy)
    print(f"tamper: {options.trials} random deletions and edits, {failures} not caught")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
