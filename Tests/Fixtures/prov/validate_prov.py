#!/usr/bin/env python3
"""Validates a footage PROV-JSON export with the `prov` package (https://pypi.org/project/prov/).

Usage: validate_prov.py FILE

Reads the document, serializes it and reads it back, and unifies it (neither may change the record count), and
prints one JSON object on stdout: the number of records of each kind and every relation as [kind, first, second]
(PROV-JSON names: wasDerivedFrom, used, …), with qualified names written prefix:local. Exits 2 when the `prov`
module is missing, 1 when the document does not survive the round trip or unification, 0 otherwise.
"""
import io
import json
import sys

try:
    from prov.model import ProvDocument
except ImportError:
    print("the python module 'prov' is not installed", file=sys.stderr)
    sys.exit(2)


# PROV-DM record names as PROV-JSON calls them.
JSON_NAMES = {
    "Derivation": "wasDerivedFrom", "Generation": "wasGeneratedBy", "Usage": "used",
    "Attribution": "wasAttributedTo", "Association": "wasAssociatedWith", "Invalidation": "wasInvalidatedBy",
    "Entity": "entity", "Activity": "activity", "Agent": "agent",
}


def name(qualified):
    if qualified is None:
        return None
    return "%s:%s" % (qualified.namespace.prefix, qualified.localpart)


def main(path):
    with open(path, encoding="utf-8") as f:
        document = ProvDocument.deserialize(f, format="json")
    records = document.get_records()
    again = ProvDocument.deserialize(io.StringIO(document.serialize(format="json")), format="json")
    if len(again.get_records()) != len(records):
        print("round trip changed the number of records: %d then %d" % (len(records), len(again.get_records())),
              file=sys.stderr)
        return 1
    if document != again:
        print("round trip changed the document", file=sys.stderr)
        return 1
    # unified() merges the records that share an identifier; every identifier here is made once, so nothing merges.
    unified = document.unified()
    if len(unified.get_records()) != len(records):
        print("unified() changed the number of records: %d then %d" % (len(records), len(unified.get_records())),
              file=sys.stderr)
        return 1
    counts = {}
    relations = []
    for record in records:
        kind = record.get_type().localpart
        kind = JSON_NAMES.get(kind, kind)
        counts[kind] = counts.get(kind, 0) + 1
        if record.is_relation():
            arguments = [value for _, value in record.formal_attributes[:2]]
            relations.append([kind] + [name(value) for value in arguments])
    print(json.dumps({"records": len(records), "counts": counts, "relations": relations}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
