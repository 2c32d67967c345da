#!/usr/bin/env python3
"""labels.py LABELS CORPUS EDGR: the hand-checked rows of tests/labels/
ownership.tsv against edgr ownership / edgr holdings.  A row's field is
compared as text (numbers as edgr writes them: JSON numbers, canonical
decimals); "null" means the value is given by footnote only."""
import json
import subprocess
import sys
from collections import defaultdict

labels, corpus, edgr = sys.argv[1:4]
want = defaultdict(list)
for line in open(labels):
    if line.startswith("file\t") or not line.strip():
        continue
    f, row, field, value = line.rstrip("\n").split("\t")
    want[f].append((int(row), field, value))


def text(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ",".join(v)
    return str(v)


checked = bad = 0
for f, items in sorted(want.items()):
    cmd = "holdings" if any(k in ("cusip", "name_of_issuer", "value") for _, k, _ in items) else "ownership"
    out = subprocess.run([edgr, cmd, "-q", "--format", "json", f"{corpus}/{f}"], capture_output=True, text=True).stdout
    rows = [json.loads(l) for l in out.splitlines()]
    for row, field, value in items:
        checked += 1
        r = rows[row] if row < len(rows) else None
        if r is None:
            got = "(no row)"
        else:
            key, sub = field, None
            if field.startswith("voting_"):
                key, sub = "voting", field[len("voting_"):]
            got = r.get(key, "(absent)") if sub is None else r.get("voting", {}).get(sub, "(absent)")
            got = text(got) if got != "(absent)" else got
        # numbers: 8.880 and 8.88 are one number
        same = got == value
        if not same:
            try:
                same = float(got) == float(value) and got.lstrip("-").replace(".", "").isdigit()
            except ValueError:
                pass
        if not same:
            bad += 1
            print(f"{f} row {row} {field}: labelled {value!r}, edgr {got!r}")
print(f"labels: {checked} fields of {len(want)} files checked, {bad} differ")
sys.exit(1 if bad else 0)
