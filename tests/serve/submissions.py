#!/usr/bin/env python3
"""submissions.py PORT CORPUS: /submissions/ of edgr serve (issue 16).

- The schema (tests/serve/submissions.schema.json, the shape of the SEC's
  bodies as its clients read them) first accepts every body the SEC served
  that is recorded in CORPUS/api/, then edgr's documents and pages.
- The fixtures' rules: the 24 keys in the SEC's order, Eastern times as
  UTC (EST, EDT, none), act empty before 2004-10-15, one item code on an
  8-K before 2004-08-23, the XSL path of an XML Form 4, formerNames.
- Paging: 3,100 filings of one CIK (recent 1,000, pages of 2,000) and 1,050
  of another in one year (all recent), every filing once, newest first.
- For every corpus filing whose SEC row is recorded in CORPUS/api/ (and
  ingested by run.sh): the served row equals the recorded one in the
  fields the issue names.  Skipped with a message without CORPUS.
One line per failure, a summary; exit 1 on any failure."""
import glob
import http.client
import json
import os
import re
import sys

import jsonschema
from checks import check, finish

port, corpus = int(sys.argv[1]), sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
schema = json.load(open(os.path.join(here, "submissions.schema.json")))
page_schema = {"$ref": "#/definitions/columns", "definitions": schema["definitions"]}
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)  # one keep-alive connection



def get(path):
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, r.read()


def valid(doc, sch):
    try:
        jsonschema.validate(doc, sch)
        return ""
    except jsonschema.ValidationError as e:
        return f"{e.message[:160]} at {list(e.absolute_path)[:4]}"


def same_lengths(cols):
    return len({len(v) for v in cols.values()}) == 1


SEC_KEYS = ["cik", "entityType", "sic", "sicDescription", "ownerOrg", "insiderTransactionForOwnerExists",
            "insiderTransactionForIssuerExists", "name", "tickers", "exchanges", "ein", "lei", "description",
            "website", "investorWebsite", "category", "fiscalYearEnd", "stateOfIncorporation",
            "stateOfIncorporationDescription", "addresses", "phone", "flags", "formerNames", "filings"]

# ---- the schema accepts what the SEC served
recorded = sorted(glob.glob(os.path.join(corpus, "api", "CIK*.json")))
for f in recorded:
    d = json.load(open(f))
    msg = valid(d, schema if "filings" in d else page_schema)
    check(f"schema rejects the SEC's own {os.path.basename(f)}: {msg}", not msg)
    if "filings" in d:
        check(f"{os.path.basename(f)}: the SEC's keys are the 24 in order", list(d) == SEC_KEYS)

# ---- the fixtures
st, b = get("/submissions/CIK0009900313.json")
d = json.loads(b) if st == 200 else {}
check(f"fixture: 200 ({st})", st == 200)
msg = valid(d, schema)
check(f"fixture: schema: {msg}", not msg)
check(f"fixture: the 24 keys in the SEC's order: {list(d)}", list(d) == SEC_KEYS)
check("fixture: ownerOrg, lei and website null", d.get("ownerOrg", 0) is None and d.get("lei", 0) is None and d.get("website", 0) is None)
check("fixture: cik as 10 digits, name of the newest filing",
      d.get("cik") == "0009900313" and d.get("name") == "Wrenfield Marine Lines, Inc.")
check(f"fixture: sicDescription as the SEC writes it: {d.get('sicDescription')}",
      d.get("sic") == "4412" and d.get("sicDescription") == "Deep Sea Foreign Transportation Of Freight")
check("fixture: addresses", d.get("addresses", {}).get("mailing", {}).get("street1") == "PO BOX 313" and
      d["addresses"]["business"]["street2"] == "PIER 3" and d["addresses"]["business"]["isForeignLocation"] == 0)
check(f"fixture: formerNames newest first, midnight Eastern in UTC: {d.get('formerNames')}", d.get("formerNames") == [
    {"name": "WRENFIELD CORDAGE CO", "from": "2003-06-05T04:00:00.000Z", "to": "2018-03-12T04:00:00.000Z"},
    {"name": "WRENFIELD ROPE & TWINE CO", "from": "2000-11-08T05:00:00.000Z", "to": "2003-06-05T04:00:00.000Z"}])
rec = d.get("filings", {}).get("recent", {})
want = {
    "accessionNumber": ["0009900313-24-000002", "0009900313-04-000011", "0009900313-00-000007"],
    "filingDate": ["2024-02-28", "2004-09-13", "2000-11-08"],
    "reportDate": ["2023-12-31", "2004-09-10", "2000-11-01"],
    # EST (+5), EDT (+4), and no acceptance time: midnight Eastern of the filing date
    "acceptanceDateTime": ["2024-02-28T22:15:01.000Z", "2004-09-13T20:30:15.000Z", "2000-11-08T05:00:00.000Z"],
    "act": ["34", "", ""],                 # none before 2004-10-15, as the SEC's rows
    "items": ["", "8.01,9.01", "5"],       # before 2004-08-23: the first code only
    "fileNumber": ["000-99313"] * 3, "filmNumber": ["24990313", "041029313", "759901"],
    "size": [os.path.getsize(os.path.join(here, "../fixtures/serve", a + ".txt")) for a in
             ["0009900313-24-000002", "0009900313-04-000011", "0009900313-00-000007"]],
    "primaryDocument": ["wml-20231231x10k.htm", "wrc8k.txt", ""],
    "primaryDocDescription": ["ANNUAL REPORT", "FORM 8-K", ""]}
for k, v in want.items():
    check(f"fixture: recent.{k} is {rec.get(k)}, want {v}", rec.get(k) == v)
check("fixture: no older pages", d.get("filings", {}).get("files") == [])
st, b = get("/submissions/CIK0009900309.json")
d = json.loads(b) if st == 200 else {}
r = d.get("filings", {}).get("recent", {})
check(f"Form 4: primaryDocument under its style sheet: {r.get('primaryDocument')}",
      r.get("primaryDocument", [""])[0] == "xslF345X05/form4.xml")
check(f"Form 4 issuer: ticker from its ownership filing, insiderTransactionForIssuerExists: {d.get('tickers')}",
      d.get("tickers") == ["QFI"] and d.get("insiderTransactionForIssuerExists") == 1)
for path, code in [("/submissions/CIK0009999999.json", 404), ("/submissions/CIK00099003130.json", 404),
                   ("/submissions/CIK0009900313-submissions-001.json", 404),
                   ("/submissions/CIK0009900313-submissions-000.json", 404), ("/submissions/", 404)]:
    st, b = get(path)
    check(f"{path}: {st}, want {code} with an error sentence", st == code and "error" in json.loads(b))

# ---- paging
st, b = get("/submissions/CIK0009900315.json")
d = json.loads(b) if st == 200 else {}
msg = valid(d, schema)
check(f"paging: schema: {msg}", not msg)
rec, files = d.get("filings", {}).get("recent", {}), d.get("filings", {}).get("files", [])
check(f"paging: recent holds the newest 1,000 ({len(rec.get('accessionNumber', []))})",
      len(rec.get("accessionNumber", [])) == 1000 and same_lengths(rec))
check(f"paging: two pages of 2,000 and 100: {files}",
      [(f["name"], f["filingCount"]) for f in files] ==
      [("CIK0009900315-submissions-001.json", 2000), ("CIK0009900315-submissions-002.json", 100)])
seen = list(rec.get("accessionNumber", []))
dates = list(rec.get("filingDate", []))
for f in files:
    st, b = get(f"/submissions/{f['name']}")
    p = json.loads(b) if st == 200 else {}
    msg = valid(p, page_schema)
    check(f"paging: {f['name']}: {st}, schema: {msg}", st == 200 and not msg and same_lengths(p))
    check(f"paging: {f['name']}: filingFrom/filingTo are its dates",
          p.get("filingDate") and f["filingFrom"] == min(p["filingDate"]) and f["filingTo"] == max(p["filingDate"]))
    seen += p.get("accessionNumber", [])
    dates += p.get("filingDate", [])
check(f"paging: every filing once ({len(seen)}, {len(set(seen))} distinct)", len(seen) == 3100 and len(set(seen)) == 3100)
check("paging: newest first across the pages", dates == sorted(dates, reverse=True))
st, b = get("/submissions/CIK0009900315-submissions-003.json")
check(f"paging: a page past the last: {st}", st == 404)
st, b = get("/submissions/CIK0009900316.json")
d = json.loads(b) if st == 200 else {}
rec = d.get("filings", {}).get("recent", {})
check(f"paging: a year of 1,050 filings is all recent ({len(rec.get('accessionNumber', []))})",
      len(rec.get("accessionNumber", [])) == 1050 and d["filings"]["files"] == [])

# ---- the corpus: served rows against the SEC's recorded rows
FIELDS = ["accessionNumber", "filingDate", "reportDate", "act", "form", "fileNumber", "filmNumber", "items",
          "size", "primaryDocument"]
compared, utc_rows = 0, []
if not recorded:
    print(f"serve: skipped the recorded SEC rows: {corpus}/api absent")
have = {os.path.basename(f)[:-4] for f in glob.glob(os.path.join(corpus, "submissions", "*.txt"))}
for f in recorded:
    d = json.load(open(f))
    cols = d["filings"]["recent"] if "filings" in d else d
    cik = os.path.basename(f)[3:13]
    for i, acc in enumerate(cols["accessionNumber"]):
        if acc not in have:
            continue
        st, b = get(f"/submissions/CIK{cik}.json")
        ours = json.loads(b)["filings"]["recent"] if st == 200 else {}
        if acc not in ours.get("accessionNumber", []):
            check(f"corpus {acc}: not served for CIK {cik}", False)
            continue
        j = ours["accessionNumber"].index(acc)
        compared += 1
        for k in FIELDS:
            check(f"corpus {acc} ({os.path.basename(f)}): {k} is {ours[k][j]!r}, the SEC's {cols[k][i]!r}",
                  ours[k][j] == cols[k][i])
        # acceptanceDateTime: UTC as the SEC's recent recordings; older
        # recordings wrote the header's Eastern time with a literal Z
        hdr = open(os.path.join(corpus, "submissions", acc + ".txt"), "rb").read(4096)
        m = re.search(rb"<ACCEPTANCE-DATETIME>(\d{14})", hdr)
        t = m.group(1).decode() if m else ""
        eastern_z = f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}.000Z"
        sec = cols["acceptanceDateTime"][i]
        utc_rows.append(sec == ours["acceptanceDateTime"][j])
        check(f"corpus {acc} ({os.path.basename(f)}): acceptanceDateTime {ours['acceptanceDateTime'][j]}, the SEC's {sec}"
              f" (neither UTC nor Eastern {eastern_z})", sec in (ours["acceptanceDateTime"][j], eastern_z))
        msg = valid(json.loads(b), schema)
        check(f"corpus CIK {cik}: schema: {msg}", not msg)
if recorded:
    check(f"corpus: recorded rows compared ({compared})", compared >= 5)

finish(f"submissions ({len(recorded)} recorded SEC bodies, {compared} corpus rows, acceptanceDateTime equal"
       f" in {sum(utc_rows)}, Eastern with a Z in the SEC's in {len(utc_rows) - sum(utc_rows)})")
