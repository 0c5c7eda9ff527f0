#!/usr/bin/env python3
"""Check our JSON against the upstream tool's JSON for the same state.

Every object that names a device ("dev", "chardev", or a dax region's
"id") is collected from both outputs wherever it is nested, so shape
differences that are ours by design (always an array; no wrapper object)
do not matter, but facts do: each upstream object must appear in ours,
each of its keys must be present with the same value, and ours must not
list objects upstream did not.  Keys upstream does not print are allowed
only under this project's own names (OUR_PREFIXES), so an upstream key
printed in the wrong state is caught.

usage: json-compare.py UPSTREAM.json OURS.json
"""
import json
import sys

OUR_PREFIXES = ("memmap", "compound", "plan")


def identity(obj):
    if "dev" in obj:
        return ("dev", obj["dev"])
    if "chardev" in obj:
        return ("chardev", obj["chardev"])
    if "id" in obj and ("align" in obj or "devices" in obj):
        return ("dax-region", obj["id"])
    return None


def collect(node, found):
    if isinstance(node, list):
        for item in node:
            collect(item, found)
    elif isinstance(node, dict):
        ident = identity(node)
        if ident is not None:
            facts = {}
            for key, val in node.items():
                # A nested object naming a device is checked on its own;
                # any other ("health", "firmware") is a fact of this one.
                if isinstance(val, dict) and identity(val):
                    continue
                if isinstance(val, list) and any(
                        isinstance(v, dict) and identity(v) for v in val):
                    continue
                facts[key] = val
            found.setdefault(ident, []).append(facts)
        for val in node.values():
            if isinstance(val, (list, dict)):
                collect(val, found)


def load(path):
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else []


def main():
    upstream, ours = load(sys.argv[1]), load(sys.argv[2])
    up, me = {}, {}
    collect(upstream, up)
    collect(ours, me)
    errors = []
    for ident, objs in up.items():
        if ident not in me:
            errors.append(f"missing {ident}")
            continue
        for key, val in objs[0].items():
            if key not in me[ident][0]:
                errors.append(f"{ident}: missing key {key!r}")
            elif me[ident][0][key] != val:
                errors.append(f"{ident}: {key}: upstream {val!r}, "
                              f"ours {me[ident][0][key]!r}")
        for key in me[ident][0]:
            if key not in objs[0] and not key.startswith(OUR_PREFIXES):
                errors.append(f"{ident}: extra key {key!r}")
    for ident in me:
        if ident not in up:
            errors.append(f"extra {ident}")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
