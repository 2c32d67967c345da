#!/usr/bin/env python3
"""check.py PORT EXPECT_DIR: edgr serve over loopback, the rules every
answer follows and the endpoints' bodies against the command line's
(EXPECT_DIR holds what edgr show / facts-of / insiders / holders printed).
Prints one line per failure and a summary; exit 1 on any failure."""
import gzip
import http.client
import json
import socket
import sys

from checks import check, finish

port, exp = int(sys.argv[1]), sys.argv[2]


def get(path, method="GET", headers=None, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    b = r.read()
    c.close()
    return r, b


def read(name):
    return open(f"{exp}/{name}", "rb").read()


# ---- the endpoints, as the command line prints them
r, b = get("/v1/filings/0009900309-26-000001")
check("filings: 200 and edgr show's JSON", r.status == 200 and json.loads(b) == json.loads(read("show.json")))
r, b = get("/api/xbrl/companyfacts/CIK0009900308.json")
check("companyfacts: edgr facts-of's", r.status == 200 and json.loads(b) == json.loads(read("facts.json")))
r, b = get("/api/xbrl/companyconcept/CIK0009900308/us-gaap/Revenues.json")
check("companyconcept: edgr facts-of --concept's", r.status == 200 and json.loads(b) == json.loads(read("concept.json")))
r, b = get("/api/xbrl/frames/us-gaap/EarningsPerShareBasic/USD-per-shares/CY2025.json")
check("frames: edgr frames'", r.status == 200 and json.loads(b) == json.loads(read("frames.json")))
r, b = get("/v1/insiders?cik=9900309&code=S")
want = [json.loads(l) for l in read("insiders.nd").splitlines()]
check("insiders: edgr insiders' rows", r.status == 200 and json.loads(b)["rows"] == want)
r, b = get("/v1/holdings?cusip=99309A101&period=2024Q4")
want = [json.loads(l) for l in read("holders.nd").splitlines()]
check("holdings: edgr holders' rows", r.status == 200 and json.loads(b)["rows"] == want)
r, b = get("/v1/insiders?cik=9900309&code=Z")
check("insiders: no row is an empty list", r.status == 200 and json.loads(b) == {"rows": []})

# /v1/search: edgr search --json's hits, the exact total, the facets
def nd(name):
    return [json.loads(l) for l in read(name).splitlines()]


r, b = get("/v1/search?q=notice")
d = json.loads(b) if r.status == 200 else {}
total = int(read("search-total"))
check("search: the hits of edgr search --json (rank)", d.get("hits") == nd("search-rank.nd"))
check(f"search: the exact total ({d.get('total')}, want {total}), no cap", d.get("total") == total and total > 4000)
fac = d.get("facets", {})
check("search: the facets add up to the total",
      sum(v["count"] for v in fac.get("type", [])) == total and sum(v["count"] for v in fac.get("year", [])) == total)
check(f"search: a company facet names the company: {fac.get('cik')}",
      all(v.get("name") for v in fac.get("cik", [])) and
      {v["value"] for v in fac.get("cik", [])} >= {"0009900315", "0009900316"})
r, b = get("/v1/search?q=notice&form=&cik=")
check("search: an empty argument is no filter (as an HTML form sends it)",
      r.status == 200 and json.loads(b).get("total") == total)
r, b = get("/v1/search?q=notice&cik=9900316&from=2024-03&to=2024-06&sort=date&limit=7&offset=3&facets=0")
d = json.loads(b) if r.status == 200 else {}
check("search: filters, sort by date, offset: edgr search's", d.get("hits") == nd("search-date.nd") and "total" not in d)
r, b = get("/v1/search?q=notice&limit=1000")
check("search: limit up to 1,000", r.status == 200 and len(json.loads(b)["hits"]) == 1000)
for path in ["/v1/search", "/v1/search?q=%22notice", "/v1/search?q=notice&limit=1001", "/v1/search?q=notice&limit=x",
             "/v1/search?q=notice&sort=size", "/v1/search?q=notice&from=2024-02-30"]:
    r, b = get(path)
    check(f"search: {path}: 400 with a sentence ({r.status})", r.status == 400 and json.loads(b).get("error"))
r, b = get("/v1/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
check(f"search: markup in the query is JSON text ({r.status})", r.status in (200, 400) and b.count(b"<img") <= 1)

# /LATEST/search-index: the SEC's full-text search answer, hits by document
docs = {(h["accession_number"], h["document"]) for h in
        (json.loads(l) for l in read("search-all.nd").splitlines())}
r, b = get("/LATEST/search-index?q=notice&size=5")
d = json.loads(b) if r.status == 200 else {}
hh = d.get("hits", {})
check(f"efts: the exact total of documents ({hh.get('total')}, want {len(docs)})",
      hh.get("total") == {"value": len(docs), "relation": "eq"})
SOURCE = ["ciks", "display_names", "form", "root_forms", "file_date", "period_ending", "file_type", "sequence",
          "adsh", "sics", "biz_states", "inc_states", "items"]
hits = hh.get("hits", [])
check("efts: _id accession:filename, _source with every key the issue names, a highlight",
      len(hits) == 5 and all(h["_id"] == f"{h['_source']['adsh']}:t{h['_id'].split(':t')[-1]}" and
                             all(k in h["_source"] for k in SOURCE) and "<mark>" in h["highlight"]["text"][0]
                             for h in hits))
check("efts: best first", [h["_score"] for h in hits] == sorted((h["_score"] for h in hits), reverse=True))
agg = d.get("aggregations", {})
check(f"efts: aggregations of form, entity, sic and state: {sorted(agg)}",
      {"form_filter", "entity_filter"} <= set(agg) and
      sum(x["doc_count"] for x in agg["form_filter"]["buckets"]) == len(docs))
r, b = get(f"/LATEST/search-index?q=notice&from={len(docs) - 3}&size=10")
check("efts: deep pages (no 10,000 cap): the last three", r.status == 200 and len(json.loads(b)["hits"]["hits"]) == 3)
r, b = get("/LATEST/search-index?q=notice&ciks=9900316&dateRange=custom&startdt=2024-03-01&enddt=2024-03-31&forms=8-K&size=1000")
d = json.loads(b) if r.status == 200 else {}
hs = d.get("hits", {}).get("hits", [])
check(f"efts: ciks, forms and a custom date range ({len(hs)})",
      hs and d["hits"]["total"]["value"] == len(hs) and
      all(h["_source"]["ciks"] == ["0009900316"] and "2024-03-01" <= h["_source"]["file_date"] <= "2024-03-31" and
          h["_source"]["form"] == "8-K" for h in hs))
r, b = get("/LATEST/search-index?q=notice&forms=10-K")
check("efts: a form with no hit: total 0", r.status == 200 and json.loads(b)["hits"]["total"]["value"] == 0)
for path in ["/LATEST/search-index", "/LATEST/search-index?q=notice&ciks=abc", "/LATEST/search-index?q=notice&dateRange=2w",
             "/LATEST/search-index?q=notice&size=0", "/LATEST/search-index?q=%22notice"]:
    r, b = get(path)
    check(f"efts: {path}: 400 with a sentence ({r.status})", r.status == 400 and json.loads(b).get("error"))

# an item's and a document's stored text, matches marked
r, b = get("/v1/filings/0009900315-19-000001/items/8.01?q=notice")
d = json.loads(b) if r.status == 200 else {}
check(f"items: the item's text with its matches marked: {d}",
      d.get("item") == "8.01" and d.get("document") == 1 and any("<mark>Notice</mark>" in t for t in d.get("text", [])))
r, b = get("/v1/filings/0009900315-19-000001/items/8.01?format=text")
check("items: format=text is the text alone", r.status == 200 and r.getheader("Content-Type").startswith("text/plain")
      and b.startswith(b"Item 8.01") and b"<mark>" not in b)
r, b = get("/v1/filings/0009900003-19-000010/items/8.01?format=html")
html = b.decode("utf-8", "replace") if r.status == 200 else ""
check(f"items: format=html is the item's own markup, read from the source ({r.status})",
      r.getheader("Content-Type") == "text/html" and "<" in html and ">" in html)
r, b = get("/v1/filings/0009900003-19-000010/items/8.01?format=markdown")
md = b.decode() if r.status == 200 else ""
r2, b2 = get("/v1/filings/0009900003-19-000010/items/8.01?format=text")
body = b2.decode().split("\n", 1) if r2.status == 200 else ["", "?"]
first = body[-1].split()[:6]  # the item's first words after its heading
check(f"items: format=markdown is its text, no markup ({r.status}): {md[:80]!r}",
      r.getheader("Content-Type").startswith("text/markdown") and "<P" not in md and all(w in md for w in first))
r, b = get("/v1/filings/0009900003-19-000010/documents/1?format=html")
check(f"items: format=html of a document points to /Archives/ ({r.status})", r.status == 400)
r, b = get("/v1/filings/0009900003-19-000010/items/5.02?format=html")
check(f"items: format=html of an item the filing lacks: 404 ({r.status})", r.status == 404)
r, b = get("/v1/filings/0009900315-19-000001/documents/1?q=%22other%20events%22")
d = json.loads(b) if r.status == 200 else {}
check("documents: a document's text, a phrase marked", any("<mark>Other Events</mark>" in t for t in d.get("text", [])))
for path, code in [("/v1/filings/0009900315-19-000001/items/2.02", 404), ("/v1/filings/0009900315-19-000001/documents/9", 404),
                   ("/v1/filings/0009900315-19-000001/documents/x", 400),
                   ("/v1/filings/0009900315-19-000001/items/8.01?format=pdf", 400),
                   ("/v1/filings/0009900315-19-000001/items/8.01?q=%22open", 400)]:
    r, b = get(path)
    check(f"items: {path}: {r.status}, want {code}", r.status == code and json.loads(b).get("error"))
r, b = get("/")
check("page: / is the HTML page, under default-src 'self'", r.status == 200 and
      r.getheader("Content-Type") == "text/html; charset=utf-8" and b.startswith(b"<!doctype html>") and
      r.getheader("Content-Security-Policy") == "default-src 'self'" and r.getheader("X-Content-Type-Options") == "nosniff")
for path, t in [("/app.js", "text/javascript"), ("/app.css", "text/css")]:
    r, b = get(path)
    check(f"page: {path} as {t}", r.status == 200 and r.getheader("Content-Type").startswith(t) and len(b) > 1000)

# the Archives paths: the folder, the submission's bytes, each document's
base = "/Archives/edgar/data/9900313/000990031324000002"
r, b = get(base + "/index.json")
d = json.loads(b) if r.status == 200 else {}
items = d.get("directory", {}).get("item", [])
check(f"archives: index.json lists the .txt and each document: {d}",
      [(i["name"], i["type"], i["size"]) for i in items] ==
      [("0009900313-24-000002.txt", "text.gif", ""), ("wml-20231231x10k.htm", "text.gif", str(len(read("wml.htm"))))] and
      all(i["last-modified"] == "2024-02-28 17:15:01" for i in items) and
      d["directory"]["name"] == base and d["directory"]["parent-dir"] == "/Archives/edgar/data/9900313")
r, b = get(base + "/0009900313-24-000002.txt")
check("archives: ACCESSION.txt is the bytes ingested", r.status == 200 and b == read("wml.txt") and
      r.getheader("Content-Type") == "text/plain")
r, b = get(base + "/wml-20231231x10k.htm")
check("archives: a document is its body as edgr cat --raw writes it, as text/html",
      r.status == 200 and b == read("wml.htm") and r.getheader("Content-Type") == "text/html")
r, b = get("/Archives/edgar/data/9900003/000990000319000010/logo.gif")
check("archives: a uuencoded image is served decoded, as image/gif",
      r.status == 200 and b == read("logo.gif") and b[:6] in (b"GIF89a", b"GIF87a") and r.getheader("Content-Type") == "image/gif")
for k in ("12", "13"):
    r, b = get(f"/Archives/edgar/data/9900003/0009900003190000{k}/0009900003-19-0000{k}.txt")
    check(f"archives: a filing ingested from {'a tar member' if k == '12' else 'a gzip file'}: its bytes",
          r.status == 200 and b == read(f"arch/0009900003-19-0000{k}.txt"))
    r, b = get(f"/Archives/edgar/data/9900003/0009900003190000{k}/logo.gif")
    check(f"archives: ... and its image, decoded", r.status == 200 and b == read("logo.gif"))
r, b = get("/Archives/edgar/data/9900003/000990000319000011/0009900003-19-000011.txt")
check(f"archives: a source gone since ingest: 404 with a sentence ({r.status} {b[:120]!r})",
      r.status == 404 and "cannot open the source" in json.loads(b)["error"])
r, b = get("/Archives/edgar/data/9900003/000990000319000011/index.json")
check("archives: its listing still comes from the store", r.status == 200)
for path, code in [(base.replace("9900313", "9900001") + "/index.json", 404), (base + "/nothing.htm", 404),
                   ("/Archives/edgar/data/9900313/0009900313-24-000002/index.json", 404),
                   ("/Archives/edgar/data/x/000990031324000002/index.json", 404)]:
    r, b = get(path)
    check(f"archives: {path}: {r.status}, want {code} with a sentence", r.status == code and json.loads(b).get("error"))

# tickers: the SEC's company_tickers.json, and type-ahead by ticker
r, b = get("/files/company_tickers.json")
d = json.loads(b) if r.status == 200 else {}
check(f"tickers: company_tickers.json in the SEC's shape: {d}",
      d.get("0") == {"cik_str": 9900021, "ticker": "QFR", "title": "Quillfeather Robotics Corp"} and
      d.get("1", {}).get("ticker") == "QFRW" and all(set(v) == {"cik_str", "ticker", "title"} for v in d.values()))
r, b = get("/v1/companies?q=qfrw")
cs = json.loads(b).get("companies", []) if r.status == 200 else []
check(f"companies: a ticker, in any case, finds its company first: {[c.get('cik') for c in cs]}",
      [c.get("cik") for c in cs] == ["0009900021"])
r, b = get("/submissions/CIK0009900021.json")
d = json.loads(b) if r.status == 200 else {}
check(f"submissions: tickers and exchanges of the cover page: {d.get('tickers')} {d.get('exchanges')}",
      d.get("tickers") == ["QFR", "QFRW"] and d.get("exchanges") == ["Nasdaq", "Nasdaq"])

r, b = get("/v1/companies?q=Quillfeather%20Instruments")
want = [json.loads(l) for l in read("company.nd").splitlines()]
check("companies: edgr company's", r.status == 200 and json.loads(b)["companies"] == want and len(want) == 1)
r, b = get("/v1/companies?q=Inc&limit=3")
cs = json.loads(b)["companies"] if r.status == 200 else []
check(f"companies: several, at most the limit, one object each ({len(cs)})",
      len(cs) == 3 and all(isinstance(c, dict) and "cik" in c for c in cs))
r, b = get("/v1/companies?q=nosuchcompanyatall")
check("companies: none is an empty list", r.status == 200 and json.loads(b) == {"companies": []})

# ---- errors: JSON sentences with their status
def error(path, status, method="GET", body=None):
    r, b = get(path, method, body=body)
    try:
        e = json.loads(b)["error"]
    except Exception:
        e = None
    return r, r.status == status and isinstance(e, str) and len(e) > 5

r, ok = error("/nothing/here", 404)
check("404 with a sentence", ok)
r, ok = error("/v1/filings/0009900309-99-999999", 404)
check("404 for a filing the store has not", ok)
r, ok = error("/v1/companies", 400)
check("400 without q", ok)
r, ok = error("/v1/insiders", 400)
check("400 without cik", ok)
r, ok = error("/v1/insiders?cik=abc", 400)
check("400 for a cik that is no number", ok)
r, ok = error("/api/xbrl/frames/us-gaap/Revenues/USD/CY20X5.json", 400)
check("400 for a period that is no frame", ok)
r, ok = error("/v1/insiders?cik=1", 405, "POST", b"x" * 100)
check("405 for POST", ok and r.getheader("Allow") == "GET, HEAD")
for m in ("PUT", "DELETE", "OPTIONS"):
    r, ok = error("/", 405, m)
    check(f"405 for {m}", ok)
r, ok = error("/v1/insiders?cik=1&x=" + "a" * 9000, 414)
check("414 past 8 KB", ok)

# ---- headers: CORS, ETag and 304, gzip, HEAD
r, b = get("/v1/holdings?cusip=99309A101")
etag = r.getheader("ETag")
check("Access-Control-Allow-Origin: *", r.getheader("Access-Control-Allow-Origin") == "*")
check("a strong ETag", etag and etag.startswith('"') and etag.endswith('"'))
r2, b2 = get("/v1/holdings?cusip=99309A101", headers={"If-None-Match": etag})
check("304 on If-None-Match", r2.status == 304 and b2 == b"")
r3, _ = get("/v1/holdings?cusip=99309A101&limit=1")
check("another target, another ETag", r3.getheader("ETag") != etag)
r4, z = get("/v1/holdings?cusip=99309A101", headers={"Accept-Encoding": "gzip"})
check("gzip when asked", r4.getheader("Content-Encoding") == "gzip" and gzip.decompress(z) == b)
check("no gzip unasked", r.getheader("Content-Encoding") is None)
rh, bh = get("/v1/holdings?cusip=99309A101", "HEAD")
check("HEAD: headers, no body", rh.status == 200 and bh == b"" and rh.getheader("Content-Length") == str(len(b)))

# ---- keep-alive: 200 requests on one connection
s = socket.create_connection(("127.0.0.1", port), timeout=10)
f = s.makefile("rb")
ok = True
for i in range(200):
    s.sendall(b"GET /v1/insiders?cik=9900309&limit=1 HTTP/1.1\r\nHost: x\r\n\r\n")
    status = f.readline()
    length = None
    while True:
        h = f.readline()
        if h in (b"\r\n", b""):
            break
        if h.lower().startswith(b"content-length:"):
            length = int(h.split(b":")[1])
    if not status.startswith(b"HTTP/1.1 200") or length is None or len(f.read(length)) != length:
        ok = False
        break
s.close()
check("200 requests on one keep-alive connection", ok)

finish("rules and endpoints")
