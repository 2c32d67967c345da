#!/usr/bin/env python3
"""A local stand-in for the SEC's servers, for edgr fetch's tests.

    sec_server.py build ROOT [--big-mb N] [--shared DIR]
        Writes a tree under EDGAR's paths: synthetic submissions of fictional
        companies (CIKs 0009900280-0009900289) under Archives/edgar/data/,
        quarterly and daily index files naming them, and Feed archives
        (YYYYMMDD.nc.tar.gz) made of them -- one of N MB (default 5) for the
        resume tests, and a day of 60 filings of one more fictional filer
        (CIK 0009900307) for storing an archive as it arrives.  With --shared, the corpus's submissions go into one
        more Feed archive too.  The JSON API's submissions of the same
        companies go under submissions/CIK##########.json (data.sec.gov's
        paths share ROOT), and the nightly zips of them under
        Archives/edgar/daily-index/bulkdata/submissions.zip (ended as a
        zip64 one, as the SEC's is) and
        Archives/edgar/daily-index/xbrl/companyfacts.zip.

    sec_server.py serve --root ROOT --log LOG [--script SCRIPT]
                  --port-file FILE [--shared DIR] [--lifetime SECONDS]
        Serves ROOT on 127.0.0.1 on a free port (written to FILE once it
        listens), HTTP/1.1 with keep-alive.  Every request is logged to LOG
        as one JSON line: n (1-based), t (arrival, epoch seconds), peer
        (client port: one per connection), method, path, the request headers
        the tests check (user_agent, range, if_range, if_none_match,
        if_modified_since, accept_encoding), then status, bytes and fault.

        What it honours: ETag (a hash of the content) and Last-Modified (the
        mtime); If-None-Match / If-Modified-Since answer 304; Range with
        If-Range (a strong ETag or the exact Last-Modified; a mismatch gets
        the whole file with 200; a start past the end 416); gzip
        Content-Encoding for text when asked (never with a Range).  A
        missing path is a 403 with S3's AccessDenied XML, as the SEC answers.

        SCRIPT (re-read when it changes) holds faults, one JSON object a
        line; the first rule that matches a request and has uses left plays:
          {"path": "/Archives/...", "n": 20, "times": 1, "fault": F, ...}
        ("path" and/or "n", the request number; "times" -1 = always), F one
        of: accessdenied; 404 (S3's NoSuchKey, as data.sec.gov answers
        for a CIK it lacks); block (403 + the "Undeclared Automated Tool"
        page), block200 (the same with 200), ratepage / ratepage200 (the
        "Request Rate Threshold Exceeded" page); 429 (with "retry_after":
        seconds or a date, if given); 503 (the maintenance page); reset (the
        connection is reset before an answer); cut ("pct": the body stops at
        that share of its declared length, default 40); stall (the same, then
        "delay" seconds of silence, default 3, before the close); slow
        ("delay" seconds before the answer, at most 30).

        Fault bodies and headers are those the SEC sent (../shared/corpus/
        http/*.response.json and their bodies, ../shared/corpus/html/ for the
        block pages) when --shared has them, else synthetic ones of the same
        shape.  The server stops after --lifetime seconds (default 300) in
        any case, so a test that dies leaves nothing running.
"""
import argparse
import base64
import email.utils
import glob
import gzip
import hashlib
import io
import json
import os
import random
import socket
import socketserver
import struct
import sys
import tarfile
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler

CIKS = [9900280 + i for i in range(10)]
NAMES = [
    "Quillfeather Robotics Inc",
    "Marrowgate Shipping Co",
    "Obsidian Lantern Holdings Corp",
    "Pellucid Orchard Foods Inc",
    "Tamarack Vale Energy LLC",
    # 64 characters: overflows form.idx's 62-character name column
    "WINTERBOURNE CONSOLIDATED AGRICULTURAL AND TIMBER PARTNERS LTD B",
    "Cobalt Heron Biosciences Inc",
    "Fennimore & Drake Capital Trust",
    "Ashgrove  &  Pike Brewing Co",
    "Lodestar Quay Minerals Corp",
]
FORMS = ["10-K", "8-K", "10-Q", "1-A POS", "8-K", "SC 13D/A", "10-K", "8-K", "DEF 14A", "8-K"]


# ---------------------------------------------------------------- the tree


def submission(cik, name, form, acc, date, extra=""):
    return (
        f"<SEC-DOCUMENT>{acc}.txt : {date}\n<SEC-HEADER>{acc}.hdr.sgml : {date}\n"
        f"<ACCEPTANCE-DATETIME>{date}120000\nACCESSION NUMBER:\t\t{acc}\n"
        f"CONFORMED SUBMISSION TYPE:\t{form}\nPUBLIC DOCUMENT COUNT:\t\t1\n"
        f"FILED AS OF DATE:\t\t{date}\nDATE AS OF CHANGE:\t\t{date}\n\nFILER:\n\n"
        f"\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t{name}\n"
        f"\t\tCENTRAL INDEX KEY:\t\t\t{cik:010d}\n\t\tSTATE OF INCORPORATION:\t\t\tDE\n\n"
        f"\tFILING VALUES:\n\t\tFORM TYPE:\t\t{form}\n\t\tSEC ACT:\t\t1934 Act\n"
        f"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>doc1.txt\n"
        f"<DESCRIPTION>{form}\n<TEXT>\n{name}\n\nThis is a synthetic filing of a fictional "
        f"company, made for edgr's tests.\n{extra}</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def tar_gz(path, members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1767600000
            t.addfile(ti, io.BytesIO(data))
    write(path, buf.getvalue())


def index_header(kind, date_desc):
    desc = {"master": "Master Index of EDGAR Dissemination Feed",
            "form": "Master Index of EDGAR Dissemination Feed by Form Type",
            "company": "Master Index of EDGAR Dissemination Feed by Company Name"}[kind]
    return (f"Description:           {desc}\nLast Data Received:    {date_desc}\n"
            "Comments:              webmaster@sec.gov\nAnonymous FTP:         ftp://ftp.sec.gov/edgar/\n"
            " \n \n \n")


def build(root, big_mb, shared):
    rows = []  # (cik, name, form, date, path)
    subs = []
    for i, cik in enumerate(CIKS):
        acc = f"{cik:010d}-26-{i + 1:06d}"
        date = f"202601{5 + (i % 2):02d}"
        body = submission(cik, NAMES[i], FORMS[i], acc, date, f"Line {i}.\n" * (20 + 40 * i)).encode()
        rel = f"edgar/data/{cik}/{acc}.txt"
        write(os.path.join(root, "Archives", rel), body)
        rows.append((cik, NAMES[i], FORMS[i], f"{date[:4]}-{date[4:6]}-{date[6:]}", date, rel))
        subs.append((acc, date, body))
    q = os.path.join(root, "Archives/edgar/full-index/2026/QTR1")
    master = index_header("master", "January 6, 2026") + "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n"
    master += "".join(f"{c}|{n}|{f}|{d}|{p}\n" for c, n, f, d, _, p in rows)
    write(os.path.join(q, "master.idx"), master)
    write(os.path.join(q, "master.gz"), gzip.compress(master.encode(), mtime=0))
    form = index_header("form", "January 6, 2026") + "Form Type   Company Name                                                  CIK         Date Filed  File Name\n" + "-" * 141 + "\n"
    for c, n, f, d, _, p in sorted(rows, key=lambda r: r[2]):
        # a name that fills its column is followed by two spaces, shifting the rest (as EDGAR does)
        form += f"{f:<12}{n if len(n) > 60 else n.ljust(62)}{'  ' if len(n) > 60 else ''}{c:<12}{d:<12}{p}\n"
    write(os.path.join(q, "form.idx"), form)
    company = index_header("company", "January 6, 2026") + "Company Name                                                  Form Type   CIK         Date Filed  File Name\n" + "-" * 141 + "\n"
    for c, n, f, d, _, p in sorted(rows, key=lambda r: r[1]):
        company += f"{n if len(n) > 60 else n.ljust(62)}{'  ' if len(n) > 60 else ''}{f:<12}{c:<12}{d:<12}{p}\n"
    write(os.path.join(q, "company.idx"), company)
    # daily indexes, one name of each era
    for date, name in (("20260105", "master.20260105.idx"), ("19960307", "master.960307.idx"),
                       ("19940610", "master.061094.idx")):
        y, m = date[:4], int(date[4:6])
        day = [r for r in rows if r[4] == date] or rows[:1]
        text = index_header("master", date) + "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n"
        text += "".join(f"{c}|{n}|{f}|{date}|{p}\n" for c, n, f, _, _, p in day)
        write(os.path.join(root, f"Archives/edgar/daily-index/{y}/QTR{(m - 1) // 3 + 1}/{name}"), text)
    feed = os.path.join(root, "Archives/edgar/Feed/2026/QTR1")
    for date in ("20260105", "20260106"):
        tar_gz(os.path.join(feed, f"{date}.nc.tar.gz"),
               [(f"{acc}.nc", body) for acc, d, body in subs if d == date])
    # the big one: one submission holding a base64 GRAPHIC of random bytes
    # (incompressible), so the archive is about big_mb MB
    rnd = random.Random(9900289)
    graphic = base64.encodebytes(rnd.randbytes(int(big_mb * 1024 * 1024 * 1.02)))
    big = submission(9900289, NAMES[9], "8-K", "0009900289-26-000099", "20260107",
                     graphic.decode()).encode()
    tar_gz(os.path.join(feed, "20260107.nc.tar.gz"), [("0009900289-26-000099.nc", big)])
    # a day of many: 60 filings of one fictional filer, each ~80 KB of
    # base64 noise, so that a transfer cut at 40% holds many whole ones
    many = []
    for k in range(1, 61):
        acc = f"0009900307-26-{k:06d}"
        noise = base64.encodebytes(rnd.randbytes(60 * 1024)).decode()
        many.append((f"{acc}.nc", submission(9900307, "Manifold Day Holdings Corp", "8-K", acc, "20260109",
                                              noise).encode()))
    tar_gz(os.path.join(feed, "20260109.nc.tar.gz"), many)
    api_json(root, rows)
    if shared and os.path.isdir(os.path.join(shared, "corpus/submissions")):
        members = []
        for p in sorted(glob.glob(os.path.join(shared, "corpus/submissions/*.txt")))[:40]:
            with open(p, "rb") as f:
                members.append((os.path.basename(p)[:-4] + ".nc", f.read()))
        tar_gz(os.path.join(feed, "20260108.nc.tar.gz"), members)


def submissions_json(i, cik, name, form, date_iso, path):
    """data.sec.gov/submissions/CIK##########.json of a fictional company:
    the SEC's shape (who it is, then filings.recent as parallel arrays)."""
    acc = path.rsplit("/", 1)[1][:-4]
    ticker = "".join(w[0] for w in name.split() if w[0].isalpha())[:4].upper() + "X"
    recent = {"accessionNumber": [acc], "filingDate": [date_iso], "reportDate": [""],
              "acceptanceDateTime": [date_iso + "T12:00:00.000Z"], "act": ["34"], "form": [form],
              "fileNumber": [f"001-{99000 + i:05d}"], "filmNumber": [f"26{990000 + i:06d}"], "items": [""],
              "core_type": [form], "size": [1000 + 41 * i], "isXBRL": [0], "isInlineXBRL": [0],
              "primaryDocument": ["doc1.txt"], "primaryDocDescription": [form]}
    return {"cik": f"{cik:010d}", "entityType": "operating", "sic": "9995",
            "sicDescription": "Non-Operating Establishments", "ownerOrg": "", "insiderTransactionForOwnerExists": 0,
            "insiderTransactionForIssuerExists": 0, "name": name, "tickers": [ticker], "exchanges": ["Nasdaq"],
            "ein": None, "lei": None, "description": "A fictional company of edgr's tests", "website": "",
            "investorWebsite": "", "category": "Non-accelerated filer", "fiscalYearEnd": "1231",
            "stateOfIncorporation": "DE", "stateOfIncorporationDescription": "DE",
            "addresses": {"mailing": {"street1": f"{100 + i} Test Lane", "city": "Nowhere", "stateOrCountry": "DE",
                                      "zipCode": "19999"}},
            "phone": None, "flags": "", "formerNames": [], "filings": {"recent": recent, "files": []}}


def companyfacts_json(i, cik, name):
    """data.sec.gov/api/xbrl/companyfacts/CIK##########.json's shape, made up:
    a few hundred quarterly values of one dei fact."""
    rnd = random.Random(cik)
    vals = [{"end": f"{2000 + q // 4}-{3 * (q % 4) + 3:02d}-{30 if q % 4 in (1, 2) else 31}",
             "val": rnd.randrange(10**6, 10**9), "accn": f"{cik:010d}-{q // 4:02d}-{q:06d}",
             "fy": 2000 + q // 4, "fp": f"Q{q % 4 + 1}", "form": "10-Q", "filed": f"{2000 + q // 4}-12-01"}
            for q in range(100 + 10 * i)]
    return {"cik": cik, "entityName": name, "facts": {"dei": {"EntityCommonStockSharesOutstanding": {
        "label": "Entity Common Stock, Shares Outstanding", "description": "Shares outstanding (synthetic).",
        "units": {"shares": vals}}}}}


def as_zip64(data):
    """The same zip ended as a zip64 one: a zip64 end record and its locator
    before the end record, which says 0xFFFF entries and 0xFFFFFFFF for the
    directory's size and place -- as the SEC's submissions.zip must (more
    than 65535 members), without writing 65536 of them."""
    eocd = data.rindex(b"PK\x05\x06")
    _, _, _, entries, _, cd_size, cd_at, _ = struct.unpack("<IHHHHIIH", data[eocd:eocd + 22])
    rec = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, entries, entries, cd_size, cd_at)
    loc = struct.pack("<IIQI", 0x07064B50, 0, eocd, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return data[:eocd] + rec + loc + end


def zip_of(path, members, zip64=False):
    """A zip as the SEC's: deflated JSON members, fixed times (the same bytes each build)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 6, 4, 25, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)
    data = as_zip64(buf.getvalue()) if zip64 else buf.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # what unzip would read
        assert z.testzip() is None and len(z.namelist()) == len(members)
    write(path, data)


def api_json(root, rows):
    subs, facts = [], []
    for i, (cik, name, form, date_iso, _, path) in enumerate(rows):
        member = f"CIK{cik:010d}.json"
        body = json.dumps(submissions_json(i, cik, name, form, date_iso, path), separators=(",", ":"))
        write(os.path.join(root, "submissions", member), body)
        subs.append((member, body))
        facts.append((member, json.dumps(companyfacts_json(i, cik, name), separators=(",", ":"))))
    bulk = os.path.join(root, "Archives/edgar/daily-index")
    zip_of(os.path.join(bulk, "bulkdata/submissions.zip"), subs, zip64=True)
    zip_of(os.path.join(bulk, "xbrl/companyfacts.zip"), facts)


# ---------------------------------------------------------------- answers


ACCESS_DENIED = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
                 b"<Message>Access Denied</Message><RequestId>EDGRTEST00000000</RequestId>"
                 b"<HostId>ZWRnciB0ZXN0IHNlcnZlcg==</HostId></Error>")
NO_SUCH_KEY = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
               b"<Message>The specified key does not exist.</Message><Key>edgr-test</Key>"
               b"<RequestId>EDGRTEST00000001</RequestId></Error>")
BLOCK_PAGE = (b"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html>\n<head>\n"
              b"<title>SEC.gov | Your Request Originates from an Undeclared Automated Tool</title>\n"
              b"</head>\n<body>\n<h1>U.S. Securities and Exchange Commission</h1>\n"
              b"<h2>Your Request Originates from an Undeclared Automated Tool</h2>\n"
              b"<p>To allow for equitable access to all users, SEC reserves the right to limit requests "
              b"originating from undeclared automated tools. Please declare your traffic by updating your "
              b"user agent to include company specific information.</p>\n"
              b"<p>Reference ID: 0.edgr.test</p>\n</body>\n</html>\n")
RATE_PAGE = (b"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html>\n<head>\n"
             b"<title>SEC.gov | Request Rate Threshold Exceeded</title>\n</head>\n<body>\n"
             b"<h2>You've Exceeded the SEC's Traffic Limit</h2>\n<p>Your request rate has exceeded the "
             b"SEC's maximum allowable requests per second. Your access to SEC.gov will be limited for "
             b"10 minutes.</p>\n</body>\n</html>\n")
MAINT_PAGE = (b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>SEC.gov | File Unavailable</title>\n"
              b"</head>\n<body>\n<h1>This page is temporarily unavailable</h1>\n<p>We are performing "
              b"maintenance. Please try again later.</p>\n</body>\n</html>\n")


class Recorded:
    """Bodies and headers of the SEC's real answers, read from --shared."""

    def __init__(self, shared):
        self.access_denied = (ACCESS_DENIED, {"Content-Type": "application/xml", "Server": "Apache",
                                              "x-amz-request-id": "EDGRTEST00000000"})
        self.maint = (MAINT_PAGE, {"Content-Type": "text/html", "Server": "AkamaiNetStorage",
                                   "Cache-Control": "max-age=0, no-cache, no-store"})
        self.block = BLOCK_PAGE
        self.rate = RATE_PAGE
        if not shared:
            return
        http = os.path.join(shared, "corpus/http")
        for status, attr in (("403", "access_denied"), ("503", "maint")):
            for rj in sorted(glob.glob(os.path.join(http, status + "-*.response.json"))):
                try:
                    with open(rj) as f:
                        meta = json.load(f)
                    with open(os.path.join(shared, "corpus", meta["body_file"]), "rb") as f:
                        body = f.read()
                except (OSError, ValueError, KeyError, TypeError):
                    continue
                keep = {k: v[0] for k, v in meta.get("headers", {}).items()
                        if k.lower() not in ("content-length", "connection", "date", "transfer-encoding",
                                             "etag", "last-modified", "accept-ranges", "vary")}
                setattr(self, attr, (body, keep))
                break
        for name, attr in (("SEC.AutomatedTool.html", "block"), ("rate-exceeded.html", "rate")):
            try:
                with open(os.path.join(shared, "corpus/html", name), "rb") as f:
                    setattr(self, attr, f.read())
            except OSError:
                pass


class Script:
    """The fault rules, re-read when the file changes."""

    def __init__(self, path):
        self.path, self.sig, self.rules, self.lock = path, None, [], threading.Lock()

    def match(self, n, path):
        with self.lock:
            if self.path:
                try:
                    st = os.stat(self.path)
                    sig = (st.st_mtime_ns, st.st_size, st.st_ino)
                except OSError:
                    sig = None
                if sig != self.sig:
                    self.sig, self.rules = sig, []
                    if sig:
                        with open(self.path) as f:
                            for line in f:
                                line = line.strip()
                                if line and not line.startswith("#"):
                                    r = json.loads(line)
                                    r.setdefault("times", 1)
                                    self.rules.append(r)
            for r in self.rules:
                if r["times"] == 0:
                    continue
                if "path" in r and r["path"] != path:
                    continue
                if "n" in r and r["n"] != n:
                    continue
                if "path" not in r and "n" not in r:
                    pass  # every request
                if r["times"] > 0:
                    r["times"] -= 1
                return dict(r)
        return None


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def handle_error(self, request, client_address):
        # a client killed mid-answer (the kill -9 tests) is no server error
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


TEXT_SUFFIXES = (".idx", ".txt", ".json", ".xml", ".htm", ".html")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "edgr-test-sec/1"
    sys_version = ""

    def setup(self):
        super().setup()
        # no Nagle: headers and body are two writes, and a delayed ACK would
        # hold the second for 40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # the JSON log replaces it
        pass

    def log_json(self, rec):
        srv = self.server
        with srv.log_lock:
            srv.log.write(json.dumps(rec) + "\n")
            srv.log.flush()

    def send(self, status, body, headers, rec, cut_pct=None, close=False, stall=0.0):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        rec["status"] = status
        if cut_pct is not None:
            part = body[: len(body) * int(cut_pct) // 100]
            rec["bytes"] = len(part)
            self.log_json(rec)
            self.wfile.write(part)
            self.wfile.flush()
            if stall:
                time.sleep(min(stall, 30.0))
            self.close_connection = True
            return
        rec["bytes"] = len(body)
        self.log_json(rec)
        self.wfile.write(body)

    def reset(self, rec):
        rec["status"] = 0
        rec["bytes"] = 0
        self.log_json(rec)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def do_GET(self):
        srv = self.server
        t = time.time()
        with srv.count_lock:
            srv.count += 1
            n = srv.count
        path = self.path.split("?", 1)[0]
        h = self.headers
        rec = {"n": n, "t": t, "peer": self.client_address[1], "method": "GET", "path": path,
               "user_agent": h.get("User-Agent"), "range": h.get("Range"), "if_range": h.get("If-Range"),
               "if_none_match": h.get("If-None-Match"), "if_modified_since": h.get("If-Modified-Since"),
               "accept_encoding": h.get("Accept-Encoding"), "fault": None}
        rule = srv.script.match(n, path)
        fault = rule["fault"] if rule else None
        rec["fault"] = fault
        rc = srv.recorded
        if fault == "slow":
            time.sleep(min(float(rule.get("delay", 1)), 30.0))
        if fault == "reset":
            return self.reset(rec)
        if fault == "accessdenied":
            return self.send(403, rc.access_denied[0], rc.access_denied[1], rec)
        if fault == "404":
            return self.send(404, NO_SUCH_KEY, {"Content-Type": "application/xml"}, rec)
        if fault in ("block", "block200", "ratepage", "ratepage200"):
            body = rc.block if fault.startswith("block") else rc.rate
            return self.send(200 if fault.endswith("200") else 403, body, {"Content-Type": "text/html"}, rec)
        if fault == "429":
            hd = {"Content-Type": "text/html"}
            if "retry_after" in rule:
                hd["Retry-After"] = str(rule["retry_after"])
            return self.send(429, b"<html><body>Too Many Requests</body></html>\n", hd, rec)
        if fault == "503":
            return self.send(503, rc.maint[0], rc.maint[1], rec, close=True)
        # a file
        rel = os.path.normpath(path.lstrip("/"))
        full = os.path.join(srv.root, rel)
        if rel.startswith("..") or os.path.isabs(rel) or not os.path.isfile(full):
            return self.send(403, rc.access_denied[0], rc.access_denied[1], rec)
        with open(full, "rb") as f:
            body = f.read()
        st = os.stat(full)
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        lm = email.utils.formatdate(int(st.st_mtime), usegmt=True)
        ctype = "text/plain" if path.endswith(TEXT_SUFFIXES) else "binary/octet-stream"
        hd = {"Content-Type": ctype, "ETag": etag, "Last-Modified": lm, "Accept-Ranges": "bytes"}
        inm, ims = h.get("If-None-Match"), h.get("If-Modified-Since")
        if inm is not None:
            tags = [x.strip() for x in inm.split(",")]
            if "*" in tags or etag in tags or etag[:-1] + '-gzip"' in tags:
                return self.send(304, b"", {"ETag": etag, "Last-Modified": lm}, rec)
        elif ims is not None:
            try:
                if int(st.st_mtime) <= email.utils.parsedate_to_datetime(ims).timestamp():
                    return self.send(304, b"", {"ETag": etag, "Last-Modified": lm}, rec)
            except (TypeError, ValueError):
                pass
        cut = rule.get("pct", 40) if fault in ("cut", "stall") else None
        stall = float(rule.get("delay", 3)) if fault == "stall" else 0.0
        rng = h.get("Range")
        if rng:
            ir = h.get("If-Range")
            honour = ir is None or ir == etag or (not ir.startswith(('"', "W/")) and ir == lm)
            if honour and rng.startswith("bytes=") and "," not in rng:
                a, _, b = rng[6:].partition("-")
                try:
                    start = int(a) if a else max(0, len(body) - int(b))
                    end = int(b) if a and b else len(body) - 1
                except ValueError:
                    start, end = 0, -1
                if start >= len(body):
                    hd2 = {"Content-Range": f"bytes */{len(body)}", "Content-Type": ctype}
                    return self.send(416, b"", hd2, rec)
                end = min(end, len(body) - 1)
                hd["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
                return self.send(206, body[start:end + 1], hd, rec, cut_pct=cut, stall=stall)
        ae = h.get("Accept-Encoding") or ""
        if "gzip" in ae and path.endswith(TEXT_SUFFIXES):
            body = gzip.compress(body, mtime=0)
            hd["Content-Encoding"] = "gzip"
            hd["Vary"] = "Accept-Encoding"
            hd["ETag"] = etag[:-1] + '-gzip"'
        return self.send(200, body, hd, rec, cut_pct=cut, stall=stall)

    def do_HEAD(self):
        self.send_error(405)


def serve(a):
    srv = Server(("127.0.0.1", 0), Handler)
    srv.root = os.path.abspath(a.root)
    srv.log = open(a.log, "a")
    srv.log_lock, srv.count_lock, srv.count = threading.Lock(), threading.Lock(), 0
    srv.script = Script(a.script)
    srv.recorded = Recorded(a.shared if a.shared and os.path.isdir(a.shared) else None)
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{srv.server_address[1]}\n")
    os.rename(tmp, a.port_file)
    stopper = threading.Timer(a.lifetime, srv.shutdown)
    stopper.daemon = True
    stopper.start()
    try:
        srv.serve_forever(poll_interval=0.2)
    finally:
        srv.server_close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("root")
    b.add_argument("--big-mb", type=float, default=5)
    b.add_argument("--shared")
    s = sub.add_parser("serve")
    s.add_argument("--root", required=True)
    s.add_argument("--log", required=True)
    s.add_argument("--script")
    s.add_argument("--port-file", required=True)
    s.add_argument("--shared")
    s.add_argument("--lifetime", type=float, default=300)
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.root, a.big_mb, a.shared)
    else:
        serve(a)


if __name__ == "__main__":
    sys.exit(main())
