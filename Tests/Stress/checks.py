"""What must hold of a catalogue folder after anything happened to the processes writing it.

Shared by the stress scripts in this folder. Each check returns a list of problems (empty when it holds), so a
trial can report everything that broke at once.
"""

import json
import os
import sqlite3
import subprocess
import sys

TEMPORARY_PREFIX = ".footage-tmp-"


def run(command, timeout=600, env=None):
    """Runs a command to its end; returns (exit status, stdout, stderr)."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    return done.returncode, done.stdout, done.stderr


def database(root):
    return os.path.join(root, "Catalog", "catalog.sqlite")


def query(root, sql):
    """Reads the catalogue with Python's own SQLite (read-only), as any other program could."""
    connection = sqlite3.connect(f"file:{database(root)}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def integrity(root):
    status, out, err = run(["sqlite3", database(root), "PRAGMA integrity_check"])
    if status != 0 or out.strip() != "ok":
        return [f"integrity_check: {out.strip() or err.strip()}"]
    return []


def verify(footage, root, extra=()):
    status, out, err = run([footage, "verify", "--catalog", root, *extra])
    if status != 0:
        return [f"verify exited {status}: {(out + err).strip()[-2000:]}"]
    return []


def leftovers(root):
    """Temporary names in Media/ and Catalog/, and keyframe folders that no extraction records."""
    found = []
    for folder in ("Media", "Catalog"):
        path = os.path.join(root, folder)
        found += [os.path.join(path, n) for n in os.listdir(path) if n.startswith(TEMPORARY_PREFIX)]
    keyframes = os.path.join(root, "Catalog", "keyframes")
    recorded = {row[0] for row in query(root, "SELECT folder FROM extraction")}
    for clip in os.listdir(keyframes):
        for name in os.listdir(os.path.join(keyframes, clip)):
            relative = f"Catalog/keyframes/{clip}/{name}"
            if name.startswith(".") or relative not in recorded:
                found.append(os.path.join(root, relative))
    return found


def duplicates(root):
    """Anything recorded twice that should be recorded once."""
    problems = []
    checks = {
        "clip": "SELECT sha256, count(*) FROM clip GROUP BY sha256 HAVING count(*) > 1",
        "location": "SELECT clip_id || ' ' || path, count(*) FROM location GROUP BY clip_id, path HAVING count(*) > 1",
        "extraction": "SELECT clip_id || ' ' || params, count(*) FROM extraction GROUP BY clip_id, params HAVING count(*) > 1",
        "registration event": "SELECT subject, count(*) FROM ledger WHERE action = 'clip.register' "
                              "GROUP BY subject HAVING count(*) > 1",
        "location event": "SELECT subject || ' ' || json_extract(payload, '$.path'), count(*) FROM ledger "
                          "WHERE action = 'location.add' GROUP BY 1 HAVING count(*) > 1",
        # The stress scripts never ask for a fingerprint again, so a second one is a duplicate.
        "fingerprint event": "SELECT subject, count(*) FROM ledger WHERE action = 'clip.fingerprint' "
                             "GROUP BY subject HAVING count(*) > 1",
        "keyframes event": "SELECT subject || ' ' || json_extract(payload, '$.params'), count(*) FROM ledger "
                           "WHERE action = 'keyframes.extract' GROUP BY 1 HAVING count(*) > 1",
    }
    for what, sql in checks.items():
        for key, count in query(root, sql):
            problems.append(f"{what} {key} recorded {count} times")
    return problems


def chain(root):
    """The ledger's sequence numbers run 1…n without gaps (verify checks the hashes)."""
    rows = query(root, "SELECT seq FROM ledger ORDER BY seq")
    if [r[0] for r in rows] != list(range(1, len(rows) + 1)):
        return ["ledger sequence numbers have gaps"]
    return []


def clips(footage, root):
    status, out, _ = run([footage, "list", "clips", "--json", "--catalog", root])
    return [json.loads(line) for line in out.splitlines() if line.strip()] if status == 0 else []


def consistent(footage, root):
    """Everything that must hold at any moment, whatever was interrupted."""
    return integrity(root) + verify(footage, root) + duplicates(root) + chain(root)


def finish(name, failures, note=""):
    """Prints each problem and the count, and exits 1 if there was any."""
    for failure in failures:
        print("FAIL  " + failure)
    print(f"{name}: {len(failures)} problem(s){note}")
    sys.exit(1 if failures else 0)
