#!/usr/bin/env python3
"""count.py FILE: the rows an ownership or 13F file holds, counted without
edgr: the start tags of nonDerivativeTransaction, nonDerivativeHolding,
derivativeTransaction, derivativeHolding and infoTable (any prefix) in
the raw bytes, outside comments.  Prints "TABLE N" lines, sorted."""
import re
import sys
from collections import Counter

data = open(sys.argv[1], "rb").read()
data = re.sub(rb"<!--.*?-->", b"", data, flags=re.S)
tags = rb"nonDerivativeTransaction|nonDerivativeHolding|derivativeTransaction|derivativeHolding|infoTable"
c = Counter(m.group(2).decode() for m in re.finditer(rb"<([A-Za-z0-9_]+:)?(" + tags + rb")[\s>]", data))
for k in sorted(c):
    print(k, c[k])
