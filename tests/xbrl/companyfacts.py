#!/usr/bin/env python3
"""The SEC's companyfacts, rebuilt by edgr from filings (issue 14 §4).

  companyfacts.py gen SEC.json DIR   write one synthetic submission per
        accession the document names: an inline XBRL document holding each
        fact the SEC lists for that accession (its concept, period, unit and
        value), dei:DocumentFiscalYearFocus and DocumentFiscalPeriodFocus
        from the entries' fy and fp, the form and filing date in the header.
        Generated here, from the corpus, at test time: nothing of the SEC's
        is kept in the repository.
  companyfacts.py cmp SEC.json OURS.json [KNOWN]
        compare the SEC's document with `edgr facts-of`'s: every entry
        (taxonomy, tag, unit, start, end, val, accn, fy, fp, form, filed,
        frame) as a multiset; prints the counts and the first differences;
        exit 1 when they differ.

  companyfacts.py cmp-filing SEC.json OURS.json ACCN
        a real filing's contribution: the SEC's entries of accession ACCN
        against edgr's from that filing alone (a bare document: no header,
        so form, filed and frame are not compared; taxonomy, tag, unit,
        start, end, val, fy, fp are).

The SEC's document's labels and descriptions are not compared (edgr leaves
them null). tsla_facts.json is written as a Python literal, not JSON; it is
read either way.
"""
import ast
import collections
import decimal
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        return json.loads(text, parse_float=decimal.Decimal)
    except json.JSONDecodeError:
        return ast.literal_eval(text)


def canonical(v):
    """A value as edgr writes it: a canonical decimal string."""
    d = decimal.Decimal(str(v)) if not isinstance(v, decimal.Decimal) else v
    if d == 0:
        return "0"
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def entries(doc):
    for tax, tags in doc["facts"].items():
        for tag, c in tags.items():
            for unit, lst in c["units"].items():
                for e in lst:
                    yield tax, tag, unit, e


NS = {"us-gaap": "http://fasb.org/us-gaap/2024", "dei": "http://xbrl.sec.gov/dei/2024",
      "srt": "http://fasb.org/srt/2024", "ifrs-full": "http://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full",
      "ecd": "http://xbrl.sec.gov/ecd/2024", "ffd": "http://xbrl.sec.gov/ffd/2024",
      "invest": "http://xbrl.sec.gov/invest/2013-01-31"}


def measure(part):
    return part if ":" in part else ("iso4217:" + part if part.isupper() and len(part) == 3 else "xbrli:" + part)


def unit_xml(uid, unit):
    if "/" in unit:
        n, d = unit.split("/", 1)
        return (f'<xbrli:unit id="{uid}"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>{measure(n)}'
                f'</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>{measure(d)}'
                f'</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>')
    return f'<xbrli:unit id="{uid}"><xbrli:measure>{measure(unit)}</xbrli:measure></xbrli:unit>'


def displayed(v):
    """The number as a filing shows it: digits grouped, the sign apart."""
    s = canonical(v).lstrip("-")
    whole, _, frac = s.partition(".")
    whole = "{:,}".format(int(whole))
    return whole + ("." + frac if frac else ""), canonical(v).startswith("-")


def gen(doc, out):
    cik = "%010d" % int(doc["cik"])
    name = doc["entityName"]
    by_accn = collections.defaultdict(list)
    for tax, tag, unit, e in entries(doc):
        by_accn[e["accn"]].append((tax, tag, unit, e))
    os.makedirs(out, exist_ok=True)
    for accn, facts in sorted(by_accn.items()):
        e0 = facts[0][3]
        filed = e0["filed"].replace("-", "")
        ctx, units, body = {}, {}, []

        def context(start, end):
            k = (start, end)
            if k not in ctx:
                ctx[k] = "c-%d" % (len(ctx) + 1)
            return ctx[k]

        def unit_id(u):
            if u not in units:
                units[u] = "u-%d" % (len(units) + 1)
            return units[u]

        first = context(None, e0["end"])
        hidden = []
        if e0.get("fy") is not None:
            hidden.append(f'<ix:nonNumeric name="dei:DocumentFiscalYearFocus" contextRef="{first}">{e0["fy"]}</ix:nonNumeric>')
        if e0.get("fp") is not None:
            hidden.append(f'<ix:nonNumeric name="dei:DocumentFiscalPeriodFocus" contextRef="{first}">{e0["fp"]}</ix:nonNumeric>')
        for i, (tax, tag, unit, e) in enumerate(facts):
            c = context(e.get("start"), e["end"])
            shown, neg = displayed(e["val"])
            sign = ' sign="-"' if neg else ""
            body.append(f'<p>{tag}: <ix:nonFraction name="{tax}:{tag}" contextRef="{c}" unitRef="{unit_id(unit)}" '
                        f'decimals="INF" format="ixt:num-dot-decimal"{sign} id="f-{i + 1}">{shown}</ix:nonFraction></p>')
        ents = (f'<xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">{cik}</xbrli:identifier>'
                '</xbrli:entity>')
        contexts = []
        for (start, end), cid in ctx.items():
            period = (f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>" if start
                      else f"<xbrli:instant>{end}</xbrli:instant>")
            contexts.append(f'<xbrli:context id="{cid}">{ents}<xbrli:period>{period}</xbrli:period></xbrli:context>')
        xmlns = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items())
        html = "\n".join([
            "<?xml version='1.0' encoding='ASCII'?>",
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
            'xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" '
            'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
            + xmlns + ">",
            "<head><title>synthetic</title></head><body>",
            '<div style="display:none"><ix:header><ix:hidden>', *hidden, "</ix:hidden><ix:resources>",
            *contexts, *(unit_xml(uid, u) for u, uid in units.items()),
            "</ix:resources></ix:header></div>", *body, "</body></html>"])
        form = e0["form"]
        sub = "\n".join([
            f"<SEC-DOCUMENT>{accn}.txt : {filed}", f"<SEC-HEADER>{accn}.hdr.sgml : {filed}",
            f"ACCESSION NUMBER:\t\t{accn}", f"CONFORMED SUBMISSION TYPE:\t{form}", "PUBLIC DOCUMENT COUNT:\t\t1",
            f"FILED AS OF DATE:\t\t{filed}", "", "FILER:", "", "\tCOMPANY DATA:\t",
            f"\t\tCOMPANY CONFORMED NAME:\t\t\t{name}", f"\t\tCENTRAL INDEX KEY:\t\t\t{cik}", "</SEC-HEADER>",
            "<DOCUMENT>", f"<TYPE>{form}", "<SEQUENCE>1", f"<FILENAME>doc-{accn}.htm", "<TEXT>", "<XBRL>", html,
            "</XBRL>", "</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>", ""])
        with open(os.path.join(out, accn + ".txt"), "w", encoding="utf-8") as f:
            f.write(sub)
    return len(by_accn)


def key(tax, tag, unit, e):
    return (tax, tag, unit, e.get("start"), e["end"], canonical(e["val"]), e["accn"],
            e.get("fy"), e.get("fp"), e["form"], e["filed"], e.get("frame"))


def report(what, a, b, note=""):
    """Print the counts of two multisets of entries and their first
    differences; return (missing, extra)."""
    missing, extra = a - b, b - a
    print(f"{what}: {sum(a.values())} SEC entries{note}, {sum(b.values())} edgr's, "
          f"{sum(missing.values())} missing, {sum(extra.values())} extra")
    for k in list(missing)[:5]:
        print("  SEC only: ", k)
    for k in list(extra)[:5]:
        print("  edgr only:", k)
    return missing, extra


def cmp(sec, ours, known_frames=0):
    """known_frames: the count of entries allowed to differ in their frame
    alone, no more and no fewer (tsla_facts.json's 26: an older snapshot
    of the SEC's data, src/xbrl/frames.h)."""
    a = collections.Counter(key(*x) for x in entries(sec))
    b = collections.Counter(key(*x) for x in entries(ours))
    frames = sum(1 for k in a.elements() if k[-1])
    missing, extra = report(f"companyfacts {sec.get('entityName')}", a, b, f" ({frames} with a frame)")
    if not missing and not extra:
        return 0
    only_frame = collections.Counter(k[:-1] for k in missing.elements()) == \
        collections.Counter(k[:-1] for k in extra.elements())
    if known_frames and only_frame and sum(missing.values()) == known_frames:
        print(f"  the {known_frames} known: they differ in their frame alone (the SEC's older snapshot)")
        return 0
    return 1


def cmp_filing(sec, ours, accn):
    def k(tax, tag, unit, e):
        return (tax, tag, unit, e.get("start"), e["end"], canonical(e["val"]), e.get("fy"), e.get("fp"))
    a = collections.Counter(k(*x) for x in entries(sec) if x[3]["accn"] == accn)
    b = collections.Counter(k(*x) for x in entries(ours))
    missing, extra = report(f"companyfacts {sec.get('entityName')}, filing {accn}", a, b)
    return 0 if sum(a.values()) and not missing and not extra else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "gen":
        print(gen(load(sys.argv[2]), sys.argv[3]))
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "cmp":
        sys.exit(cmp(load(sys.argv[2]), load(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) == 5 else 0))
    elif len(sys.argv) == 5 and sys.argv[1] == "cmp-filing":
        sys.exit(cmp_filing(load(sys.argv[2]), load(sys.argv[3]), sys.argv[4]))
    else:
        sys.exit(__doc__)
