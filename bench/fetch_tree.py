#!/usr/bin/env python3
"""bench/fetch.sh's data: an EDGAR-shaped tree made of the corpus's submissions.

    fetch_tree.py CORPUS ROOT [--copies N] [--filings M] [--small-kb K]

Under ROOT/Archives/edgar:
  Feed/2026/QTR1/20260105.nc.tar.gz  every corpus submission that has an
      accession number, N times (default 10), each copy with its own accession
      number (same length, so nothing else moves), as ACCESSION.nc members of
      one tar compressed by gzip -6 (the system's gzip when there is one);
  data/CIK/ACCESSION.txt  M (default 1000) small filings: the submissions of
      at most K KB (default 100), copied in turn, each with its own accession
      number;
  full-index/2026/QTR1/master.idx  those M filings, dated 2026-01-05.
Prints "feed_bytes=... feed_members=... filings=... filings_bytes=..."
(uncompressed submission bytes).  Reads the corpus at run time: nothing of it
goes into the repository.
"""
import argparse
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zlib

ACC = re.compile(rb"ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})")
FORM = re.compile(rb"CONFORMED SUBMISSION TYPE:\s*([^\r\n]*)")


def load(corpus):
    subs = []
    for p in sorted(glob.glob(os.path.join(corpus, "submissions", "*.txt"))):
        with open(p, "rb") as f:
            data = f.read()
        m = ACC.search(data[:65536])
        if not m:
            continue
        fm = FORM.search(data[:65536])
        form = fm.group(1).strip().decode("latin-1") if fm else "8-K"
        subs.append((m.group(1), form or "8-K", data))
    return subs


def renamed(data, old, k, i):
    """The submission with accession number 99CCCCCCCC-KK-IIIIII (a filer id no real agent has)."""
    cik = 9900000000 + (k * 1000 + i) % 100000000
    acc = b"%010d-%02d-%06d" % (cik, k % 100, i % 1000000)
    return cik, acc, data.replace(old, acc)


class GzipOut:
    """gzip -6 of what is written: the system's gzip on the other core, or zlib."""

    def __init__(self, path):
        self.f = open(path, "wb")
        self.proc = None
        if shutil.which("gzip"):
            self.proc = subprocess.Popen(["gzip", "-6", "-n", "-c"], stdin=subprocess.PIPE, stdout=self.f)
        else:
            self.z = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)

    def write(self, b):
        if self.proc:
            self.proc.stdin.write(b)
        else:
            self.f.write(self.z.compress(b))
        return len(b)

    def close(self):
        if self.proc:
            self.proc.stdin.close()
            if self.proc.wait() != 0:
                sys.exit("fetch_tree: gzip failed")
        else:
            self.f.write(self.z.flush())
        self.f.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("root")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--filings", type=int, default=1000)
    ap.add_argument("--small-kb", type=int, default=100)
    a = ap.parse_args()
    subs = load(a.corpus)
    if not subs:
        sys.exit("fetch_tree: no submission with an accession number under " + a.corpus)
    edgar = os.path.join(a.root, "Archives", "edgar")
    feed_dir = os.path.join(edgar, "Feed", "2026", "QTR1")
    os.makedirs(feed_dir, exist_ok=True)
    out = GzipOut(os.path.join(feed_dir, "20260105.nc.tar.gz"))
    feed_bytes = members = 0
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.USTAR_FORMAT) as t:
        for k in range(a.copies):
            for i, (old, _, data) in enumerate(subs):
                _, acc, body = renamed(data, old, k, i)
                ti = tarfile.TarInfo(acc.decode() + ".nc")
                ti.size = len(body)
                ti.mtime = 1767600000
                t.addfile(ti, io.BytesIO(body))
                feed_bytes += len(body)
                members += 1
    out.close()
    small = [s for s in subs if len(s[2]) <= a.small_kb * 1024]
    rows, filings_bytes = [], 0
    for n in range(a.filings):
        old, form, data = small[n % len(small)]
        k, i = 50 + n // len(small), n % len(small)  # copies 50.. : never one of the Feed's
        cik, acc, body = renamed(data, old, k, i)
        rel = f"edgar/data/{cik}/{acc.decode()}.txt"
        path = os.path.join(a.root, "Archives", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body)
        rows.append(f"{cik}|Bench Filer {cik}|{form.replace('|', ' ')}|2026-01-05|{rel}\n")
        filings_bytes += len(body)
    q = os.path.join(edgar, "full-index", "2026", "QTR1")
    os.makedirs(q, exist_ok=True)
    with open(os.path.join(q, "master.idx"), "w") as f:
        f.write("Description:           Master Index of EDGAR Dissemination Feed\n"
                "Last Data Received:    January 5, 2026\nComments:              webmaster@sec.gov\n"
                "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n \n \n \n"
                "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n")
        f.writelines(rows)
    print(f"feed_bytes={feed_bytes} feed_members={members} filings={len(rows)} filings_bytes={filings_bytes}")


if __name__ == "__main__":
    main()
