#!/usr/bin/env python3
"""Checks a PROV-JSON document against the PROV-CONSTRAINTS rules that matter for footage's exports
(https://www.w3.org/TR/prov-constraints/). The `prov` package reads and unifies documents but has no constraints
validator; this is a small one, on the Python standard library alone.

Usage: check_prov_constraints.py FILE

Rules checked:
- typing: every identifier is declared once, as exactly one of entity, activity or agent (footage's documents never
  make an agent an entity, though PROV would allow it), no relation shares an identifier with any record, and each
  relation's arguments are declared records of the kinds PROV-DM gives its positions (constraint 50's typing, and 55's
  disjointness of entities and activities);
- uniqueness: an entity is generated at most once and invalidated at most once (constraints 34-35 with the ordering
  of generations and invalidations, 43-44, read strictly: two generations of one entity are refused, not merged);
- ordering, where times are given: an activity starts no later than it ends (constraint 37); generations, usages and
  invalidations happen within their activity's start and end (38-40); an entity is generated no later than it is
  used or invalidated, and used no later than it is invalidated (43-46); a derived entity is generated no earlier
  than the entity it is derived from (47);
- footage's own reading of a usage without a time: footage's activities are ledger events, which use what existed
  when they started, so an entity used by an activity is generated no later than that activity's start.
- derivations name entities that the document declares.

Prints one JSON object: {"ok", "problems", "records"}; exits 1 when any rule is broken, 0 otherwise.
"""
import json
import sys
from datetime import datetime

ELEMENTS = ("entity", "activity", "agent")

# Each relation's arguments and the kind of record each one names.
RELATIONS = {
    "wasGeneratedBy": {"prov:entity": "entity", "prov:activity": "activity"},
    "used": {"prov:activity": "activity", "prov:entity": "entity"},
    "wasInvalidatedBy": {"prov:entity": "entity", "prov:activity": "activity"},
    "wasStartedBy": {"prov:activity": "activity", "prov:trigger": "entity", "prov:starter": "activity"},
    "wasEndedBy": {"prov:activity": "activity", "prov:trigger": "entity", "prov:ender": "activity"},
    "wasInformedBy": {"prov:informed": "activity", "prov:informant": "activity"},
    "wasDerivedFrom": {"prov:generatedEntity": "entity", "prov:usedEntity": "entity", "prov:activity": "activity"},
    "wasAttributedTo": {"prov:entity": "entity", "prov:agent": "agent"},
    "wasAssociatedWith": {"prov:activity": "activity", "prov:agent": "agent", "prov:plan": "entity"},
    "actedOnBehalfOf": {"prov:delegate": "agent", "prov:responsible": "agent", "prov:activity": "activity"},
    "wasInfluencedBy": {},
    "specializationOf": {"prov:specificEntity": "entity", "prov:generalEntity": "entity"},
    "alternateOf": {"prov:alternate1": "entity", "prov:alternate2": "entity"},
    "hadMember": {"prov:collection": "entity", "prov:entity": "entity"},
}


def instant(value):
    """A PROV time (xsd:dateTime, written as text or as {"$": text, "type": "xsd:dateTime"}) as a datetime."""
    if isinstance(value, dict):
        value = value.get("$")
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def records(section):
    """A section's records as (id, attributes): PROV-JSON may give a list of records under one id."""
    for identifier, body in (section or {}).items():
        for attributes in body if isinstance(body, list) else [body]:
            yield identifier, attributes


def check(document):
    problems = []
    kinds = {}
    for kind in ELEMENTS:
        for identifier, _ in records(document.get(kind)):
            if identifier in kinds and kinds[identifier] != kind:
                problems.append("%s is both %s and %s" % (identifier, kinds[identifier], kind))
            elif identifier in kinds:
                problems.append("%s is declared twice as %s" % (identifier, kind))
            kinds[identifier] = kind
    starts, ends = {}, {}
    for identifier, attributes in records(document.get("activity")):
        start, end = instant(attributes.get("prov:startTime")), instant(attributes.get("prov:endTime"))
        if start is not None:
            starts[identifier] = start
        if end is not None:
            ends[identifier] = end
        if start is not None and end is not None and end < start:
            problems.append("activity %s ends (%s) before it starts (%s)" % (identifier, end, start))

    relation_ids = set()
    relations = {name: [] for name in RELATIONS}
    for name in document:
        if name in ELEMENTS or name == "prefix" or name == "bundle":
            continue
        if name not in RELATIONS:
            problems.append("unknown PROV-JSON section %s" % name)
            continue
        for identifier, attributes in records(document[name]):
            if identifier in kinds:
                problems.append("relation %s has the identifier of %s %s" % (name, kinds[identifier], identifier))
            if identifier in relation_ids and not identifier.startswith("_:"):
                problems.append("relation identifier %s is used twice" % identifier)
            relation_ids.add(identifier)
            for argument, kind in RELATIONS[name].items():
                value = attributes.get(argument)
                if value is None:
                    continue
                if kinds.get(value) != kind:
                    problems.append("%s %s: %s %s is %s, not a declared %s" % (
                        name, identifier, argument, value, kinds.get(value, "undeclared"), kind))
            relations[name].append(attributes)

    generated = {}
    for attributes in relations["wasGeneratedBy"]:
        entity, activity, time = attributes.get("prov:entity"), attributes.get("prov:activity"), \
            instant(attributes.get("prov:time"))
        if entity in generated:
            problems.append("entity %s is generated twice (by %s and %s)" % (entity, generated[entity][0], activity))
            continue
        generated[entity] = (activity, time)
        within(problems, "generation of %s" % entity, activity, time, starts, ends)
    invalidated = {}
    for attributes in relations["wasInvalidatedBy"]:
        entity, activity, time = attributes.get("prov:entity"), attributes.get("prov:activity"), \
            instant(attributes.get("prov:time"))
        if entity in invalidated:
            problems.append("entity %s is invalidated twice" % entity)
            continue
        invalidated[entity] = (activity, time)
        within(problems, "invalidation of %s" % entity, activity, time, starts, ends)
        born = generation_time(entity, generated, starts)
        if born is not None and time is not None and time < born:
            problems.append("entity %s is invalidated (%s) before it is generated (%s)" % (entity, time, born))

    for attributes in relations["used"]:
        activity, entity, time = attributes.get("prov:activity"), attributes.get("prov:entity"), \
            instant(attributes.get("prov:time"))
        within(problems, "usage of %s" % entity, activity, time, starts, ends)
        # Without a time of its own, a usage is at its activity's start (footage's reading, above).
        when = time if time is not None else starts.get(activity)
        born = generation_time(entity, generated, starts)
        if born is not None and when is not None and when < born:
            problems.append("%s uses %s at %s, before it is generated (%s)" % (activity, entity, when, born))
        gone = invalidated.get(entity, (None, None))[1]
        if gone is not None and when is not None and gone < when:
            problems.append("%s uses %s at %s, after it was invalidated (%s)" % (activity, entity, when, gone))

    for attributes in relations["wasDerivedFrom"]:
        new, old = attributes.get("prov:generatedEntity"), attributes.get("prov:usedEntity")
        for entity in (new, old):
            if kinds.get(entity) != "entity":
                problems.append("derivation of %s from %s names %s, which is not a declared entity" % (new, old, entity))
        new_time, old_time = generation_time(new, generated, starts), generation_time(old, generated, starts)
        if new_time is not None and old_time is not None and new_time < old_time:
            problems.append("%s is derived from %s but generated (%s) before it (%s)" % (new, old, new_time, old_time))

    counts = {name: len(list(records(document.get(name)))) for name in document if name != "prefix"}
    return problems, counts


def generation_time(entity, generated, starts):
    """When an entity was generated: its generation's time, else its generating activity's start."""
    if entity not in generated:
        return None
    activity, time = generated[entity]
    return time if time is not None else starts.get(activity)


def within(problems, what, activity, time, starts, ends):
    if time is None:
        return
    start, end = starts.get(activity), ends.get(activity)
    if start is not None and time < start:
        problems.append("%s at %s is before its activity %s starts (%s)" % (what, time, activity, start))
    if end is not None and time > end:
        problems.append("%s at %s is after its activity %s ends (%s)" % (what, time, activity, end))


def main(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    problems, counts = check(document)
    print(json.dumps({"ok": not problems, "problems": problems, "records": counts}, sort_keys=True))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
