#!/usr/bin/env python3
"""Remove this project's own list keys from pretty-printed list output.

The keys removed are those the man pages name under "KEYS OF THIS
PROJECT" (Documentation/ndctl-list.adoc and daxctl-list.adoc, one
"`key`::" entry each), read from there so that what a comparison with
upstream tolerates is exactly what is documented.  Everything else is
left byte for byte: the output is read as the lines json-c's pretty
printer writes (one member a line), a removed member's line is dropped,
and where it was the last member of its object the comma it leaves on
the member before is taken away.

Usage: strip-extra-keys.py DOCS_DIR < OUTPUT > STRIPPED
       strip-extra-keys.py --list DOCS_DIR   (the keys, a JSON array)
"""
import json
import os
import re
import sys


def documented_keys(docs):
    keys = set()
    for page in ("ndctl-list.adoc", "daxctl-list.adoc"):
        in_section = False
        with open(os.path.join(docs, page), encoding="utf-8") as f:
            for line in f:
                if line.startswith("== "):
                    in_section = line.strip() == "== KEYS OF THIS PROJECT"
                    continue
                m = re.match(r"^`([a-z_]+)`::\s*$", line)
                if in_section and m:
                    keys.add(m.group(1))
    if not keys:
        sys.exit("strip-extra-keys: no KEYS OF THIS PROJECT in " + docs)
    return keys


def strip(text, keys):
    member = re.compile(r'^\s*"([^"\\]+)":')
    out = []
    for line in text.split("\n"):
        m = member.match(line)
        if m and m.group(1) in keys:
            if not line.endswith(",") and out and out[-1].endswith(","):
                out[-1] = out[-1][:-1]
            continue
        out.append(line)
    return "\n".join(out)


def main():
    if sys.argv[1] == "--list":
        print(json.dumps(sorted(documented_keys(sys.argv[2]))))
        return
    keys = documented_keys(sys.argv[1])
    data = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    sys.stdout.buffer.write(strip(data, keys).encode("utf-8",
                                                     "surrogateescape"))


if __name__ == "__main__":
    main()
