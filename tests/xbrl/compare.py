#!/usr/bin/env python3
"""compare.py INLINE.ndjson INSTANCE.ndjson: the facts `edgr xbrl` read from
an inline XBRL document against those it read from the SEC's instance
extracted from it.  A fact is compared by concept (namespace and name),
period, entity, dimensions, unit, value and decimals.  Numbers must be the
same string (edgr writes them canonically); text is compared with markup
taken out of escaped values and white space left out, since the instance
holds a text block as escaped XHTML (where a tag stands between two words)
and the inline document as elements (whose text nodes join).

Prints "numeric N/M text N/M" (facts of the instance found in the inline
document) and each difference; exit 1 when there is one."""
import html
import json
import re
import sys
from collections import Counter

TAG = re.compile(r"<[^>]*>")


def text_key(v):
    if v is None:
        return None
    if "<" in v:
        v = TAG.sub(" ", v)
    v = html.unescape(v)
    return "".join(v.split())


def key(f):
    period = f.get("period") or {}
    dims = tuple(sorted((f.get("dimensions") or {}).items(), key=lambda kv: kv[0]))
    dims = tuple((k, json.dumps(v, sort_keys=True) if isinstance(v, dict) else v) for k, v in dims)
    value = f.get("value")
    if f.get("kind") == "text":
        value = text_key(value)
    ent = f.get("entity") or {}
    return (f.get("kind"), f.get("ns"), f.get("name"), period.get("instant"), period.get("start"),
            period.get("end"), ent.get("scheme"), ent.get("id"), dims, f.get("unit"), value, f.get("decimals"),
            bool(f.get("nil")))


def load(path):
    with open(path, encoding="utf-8") as fp:
        return [json.loads(line) for line in fp if line.strip()]


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    ka, kb = Counter(key(f) for f in a), Counter(key(f) for f in b)
    bad = 0
    out = []
    for kind in ("numeric", "text"):
        total = sum(n for k, n in kb.items() if k[0] == kind)
        found = sum(min(n, ka.get(k, 0)) for k, n in kb.items() if k[0] == kind)
        out.append(f"{kind} {found}/{total}")
    print(" ".join(out), f"inline {len(a)} instance {len(b)}")
    for k in sorted((kb - ka).keys(), key=str)[:10]:
        print("  only in the instance:", k[:11])
        bad = 1
    for k in sorted((ka - kb).keys(), key=str)[:10]:
        print("  only in the inline document:", k[:11])
        bad = 1
    if ka != kb:
        bad = 1
    sys.exit(bad)


if __name__ == "__main__":
    main()
