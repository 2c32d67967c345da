#!/usr/bin/env python3
"""offsets_check.py FILE NDJSON KEY: every line's "offset" falls just after
the start tag its KEY names (for edgr xbrl: "concept", the tag
<prefix:name ...>; for edgr ownership: "table").  Offsets are where the
start tag ends, so the tag is in the 600 bytes before.  Prints the count
and the bad ones; exit 1 when any is off."""
import json
import sys

data = open(sys.argv[1], "rb").read()
bad, n = [], 0
for line in open(sys.argv[2]):
    d = json.loads(line)
    n += 1
    o = d["offset"]
    tag = ("<" + d[sys.argv[3]]).encode()
    start = data.rfind(b"<", 0, o)
    if start < 0 or not data.startswith(tag, start) and tag not in data[max(0, o - 600):o]:
        bad.append((d[sys.argv[3]], o))
print(f"{n} offsets, {len(bad)} off: {bad[:3]}")
sys.exit(1 if bad or not n else 0)
