#!/usr/bin/env python3
"""page.py SERVE_PORT DRIVER_PORT EXPECT_DIR SHOTS_DIR: the search page in
headless Chromium, driven over WebDriver (W3C, plain HTTP to chromedriver
on 127.0.0.1; no npm, no Selenium).  Checks the issue's points: company
type-ahead, a phrase search whose first 10 results are edgr search
--json's, a facet click, the preview's marks, the back button, a query of
markup shown as text, no horizontal scroll on a 390x844 phone screen;
screenshots kept in SHOTS_DIR.  Every wait is bounded.  One line per
failure, a summary; exit 1 on any failure."""
import base64
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from checks import check, finish

serve, driver, exp, shots = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
base = f"http://127.0.0.1:{serve}"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def wd(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{driver}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"{}").get("value")
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"WebDriver {method} {path}: {e.code} {e.read()[:300]!r}")


profile = tempfile.mkdtemp(prefix="edgr-chromium-")
caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
    "binary": "/usr/bin/chromium",
    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900"]}}}}
sid = wd("POST", "/session", caps)["sessionId"]
S = f"/session/{sid}"


def js(script, *args):
    return wd("POST", f"{S}/execute/sync", {"script": script, "args": list(args)})


def until(script, what, seconds=10):
    """Wait (at most `seconds`) until the script returns something true."""
    t = time.time()
    while time.time() - t < seconds:
        v = js(script)
        if v:
            return v
        time.sleep(0.1)
    check(f"page: {what}: not within {seconds} s", False)
    return None


def find(css):
    return wd("POST", f"{S}/element", {"using": "css selector", "value": css})[ELEMENT]


def type_into(css, text):
    wd("POST", f"{S}/element/{find(css)}/value", {"text": text})


def click(css):
    wd("POST", f"{S}/element/{find(css)}/click", {})


def shot(name):
    png = base64.b64decode(wd("GET", f"{S}/screenshot"))
    open(os.path.join(shots, name), "wb").write(png)


def hits():
    return js("return [...document.querySelectorAll('.hit')].map(h => h.dataset.open)")


def expected(name):
    out = []
    for line in open(os.path.join(exp, name)):
        h = json.loads(line)
        item = (h["part"] + "-" if h["part"] else "") + h["item"] if h["item"] else ""
        out.append(f"{h['accession_number']}:{h['document']}:{item}")
    return out


try:
    os.makedirs(shots, exist_ok=True)
    wd("POST", f"{S}/url", {"url": base + "/"})
    until("return document.readyState === 'complete' && !!document.getElementById('q')", "the page loads")
    check("page: no cookie set", js("return document.cookie") == "")

    # a phrase search: the first 10 results are edgr search --json's
    type_into("#q", '"other events"\n')
    until("return document.querySelectorAll('.hit').length >= 10", "results of a phrase search")
    want = expected("page-phrase.nd")
    got = hits()[:10]
    check(f"page: the first 10 results of \"other events\" are edgr search --json's: {got[:3]}... want {want[:3]}...",
          got == want[:10] and len(want) == 10)
    status = js("return document.getElementById('status').textContent")
    total = int(open(os.path.join(exp, "page-phrase-total")).read())
    check(f"page: the exact total in words: {status!r}, want {total:,} sections", f"of {total:,} sections" in status)
    check("page: the query is in the URL", "q=%22other+events%22" in js("return location.search"))
    check("page: every hit shows form, filed date, company and CIK, its section and a marked snippet",
          js("""return [...document.querySelectorAll('.hit')].every(h =>
                 h.querySelector('.form') && /filed \\d{4}-/.test(h.textContent) &&
                 h.querySelector('.company') && /CIK \\d{10}/.test(h.textContent) && h.querySelector('.section') &&
                 h.querySelector('.snippet mark'))"""))
    periods = [json.loads(l)["period"] for l in open(os.path.join(exp, "page-phrase.nd"))]
    shown = js("return [...document.querySelectorAll('.hit')].slice(0, 10).map(h => "
               "(h.querySelector('.period') || {}).textContent || null)")
    check(f"page: the period of report where the filing has one: {shown}",
          shown == [f"period {p}" if p else None for p in periods])
    shot("desktop-results.png")

    # a facet click refines; the back button undoes it
    before = hits()
    click("[data-facet=cik] button")
    until("return /cik=/.test(location.search) && document.querySelectorAll('.hit').length > 0", "a facet click")
    chosen = js("return new URLSearchParams(location.search).get('cik')")
    check(f"page: a facet click keeps that company's hits only ({chosen})", chosen and js(
        "return [...document.querySelectorAll('.hit .cik')].every(c => c.textContent.endsWith(arguments[0]))", chosen))
    check("page: the facet shows as a removable filter", js("return document.querySelectorAll('#chips .chip').length") == 1)
    wd("POST", f"{S}/back", {})
    until("return !/cik=/.test(location.search)", "the back button")
    until("return document.querySelectorAll('.hit').length >= 10", "results after back")
    check("page: back restores the unrefined results", hits() == before)

    # the preview of a hit: every match marked, next and previous
    click(".hit")
    until("return !document.getElementById('preview').hidden && "
          "document.querySelectorAll('#preview-text mark').length > 0", "the preview's marks")
    count = js("return document.getElementById('preview-count').textContent")
    check(f"page: the preview counts its marks: {count!r}", count.startswith("match 1 of"))
    click("#next-mark")
    nmarks = js("return document.querySelectorAll('#preview-text mark').length")
    if nmarks > 1:
        check("page: next match moves the current mark",
              js("return document.getElementById('preview-count').textContent").startswith("match 2 of"))
    check("page: the preview is in the URL", "open=" in js("return location.search"))
    shot("desktop-preview.png")
    wd("POST", f"{S}/back", {})
    until("return document.getElementById('preview').hidden", "back closes the preview")

    # company type-ahead
    type_into("#company", "Tarnhollow")
    until("return document.querySelectorAll('#suggest li').length > 0", "company type-ahead")
    names = js("return [...document.querySelectorAll('#suggest li')].map(l => l.textContent)")
    check(f"page: type-ahead lists the companies: {names}", any("Tarnhollow" in x for x in names))
    click("#suggest li")
    until("return /cik=/.test(location.search)", "choosing a company")

    # markup in the query is text
    wd("POST", f"{S}/url", {"url": base + "/?" + urllib.parse.urlencode({"q": "<img src=x onerror=alert(1)>"})})
    until("return document.getElementById('status').textContent && "
          "document.getElementById('status').textContent !== 'Searching…'", "the markup query's answer")
    check("page: a query of <img src=x onerror=alert(1)> is shown as text, no image made",
          js("return document.querySelectorAll('img').length") == 0 and
          js("return document.getElementById('q').value") == "<img src=x onerror=alert(1)>")
    with urllib.request.urlopen(base + "/", timeout=10) as r:
        check("page: served with Content-Security-Policy: default-src 'self'",
              r.headers.get("Content-Security-Policy") == "default-src 'self'")

    # the phone screen: no horizontal scroll
    wd("POST", f"{S}/window/rect", {"width": 390, "height": 844})
    wd("POST", f"{S}/url", {"url": base + "/?q=%22other+events%22"})
    until("return document.querySelectorAll('.hit').length >= 10", "results on a phone")
    sw = js("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(f"page: no horizontal scroll at 390x844 (scrollWidth {sw[0]}, width {sw[1]})", sw[0] <= sw[1])
    shot("phone-results.png")
    click(".hit")
    until("return !document.getElementById('preview').hidden && "
          "document.querySelectorAll('#preview-text mark').length > 0", "the preview on a phone")
    sw = js("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(f"page: the phone preview has no horizontal scroll either ({sw})", sw[0] <= sw[1])
    shot("phone-preview.png")
    logs = js("return window.__errors || []")
    check(f"page: no script error: {logs}", not logs)
finally:
    try:
        wd("DELETE", S)
    except Exception:
        pass

finish(f"the page in headless Chromium (screenshots in {shots})")
