# Writes tests/fixtures/items/10k-2023-html.txt: a synthetic inline-XBRL 10-K
# (fictional Quillfeather Robotics, CIK 0009900061) with an HTML and a text
# exhibit, in exact EDGAR form.  Usage: python3 scripts/gen_10k_html_fixture.py > FILE
import sys
T = "\t"
hdr = f"""<SEC-DOCUMENT>0009900061-23-000004.txt : 20230224
<SEC-HEADER>0009900061-23-000004.hdr.sgml : 20230224
<ACCEPTANCE-DATETIME>20230224161502
ACCESSION NUMBER:{T}{T}0009900061-23-000004
CONFORMED SUBMISSION TYPE:{T}10-K
PUBLIC DOCUMENT COUNT:{T}{T}3
CONFORMED PERIOD OF REPORT:{T}20221231
FILED AS OF DATE:{T}{T}20230224
DATE AS OF CHANGE:{T}{T}20230224

FILER:

{T}COMPANY DATA:{T}
{T}{T}COMPANY CONFORMED NAME:{T}{T}{T}Quillfeather Robotics, Inc.
{T}{T}CENTRAL INDEX KEY:{T}{T}{T}0009900061
{T}{T}STANDARD INDUSTRIAL CLASSIFICATION:{T}GENERAL INDUSTRIAL MACHINERY & EQUIPMENT [3560]
{T}{T}IRS NUMBER:{T}{T}{T}{T}990612345
{T}{T}STATE OF INCORPORATION:{T}{T}{T}DE
{T}{T}FISCAL YEAR END:{T}{T}{T}1231

{T}FILING VALUES:
{T}{T}FORM TYPE:{T}{T}10-K
{T}{T}SEC ACT:{T}{T}1934 Act
{T}{T}SEC FILE NUMBER:{T}001-99061
{T}{T}FILM NUMBER:{T}{T}23699061

{T}BUSINESS ADDRESS:{T}
{T}{T}STREET 1:{T}{T}400 TINKER STREET
{T}{T}CITY:{T}{T}{T}GREYHAVEN
{T}{T}STATE:{T}{T}{T}OR
{T}{T}ZIP:{T}{T}{T}97999
{T}{T}BUSINESS PHONE:{T}{T}5035550161
</SEC-HEADER>
"""
hidden = []
for i, (name, val) in enumerate([
    ("dei:AmendmentFlag", "false"), ("dei:DocumentFiscalYearFocus", "2022"),
    ("dei:DocumentFiscalPeriodFocus", "FY"), ("dei:EntityCentralIndexKey", "0009900061"),
    ("dei:CurrentFiscalYearEndDate", "--12-31"), ("dei:EntityWellKnownSeasonedIssuer", "No"),
    ("dei:EntityVoluntaryFilers", "No"), ("dei:IcfrAuditorAttestationFlag", "true"),
    ("dei:AuditorName", "Bramble &amp; Finch LLP"), ("dei:AuditorLocation", "Greyhaven, Oregon"),
    ("dei:AuditorFirmId", "9961")]):
    hidden.append(f'<ix:nonNumeric contextRef="c-1" name="{name}" id="h-{i}">{val}</ix:nonNumeric>')
contexts = []
for i in range(1, 13):
    contexts.append(f'<xbrli:context id="c-{i}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0009900061</xbrli:identifier></xbrli:entity>\n<xbrli:period><xbrli:startDate>2022-01-01</xbrli:startDate>\n<xbrli:endDate>2022-12-31</xbrli:endDate></xbrli:period></xbrli:context>')

def p(text, bold=False):
    st = ' style="font-weight:bold"' if bold else ''
    return f'<p{st}><span style="font-family:Arial">{text}</span></p>'

def item(code, title, body):
    return p(f"Item&#160;{code}.&#160;&#160;{title}", bold=True) + "\n" + "\n".join(p(b) for b in body)

items = [
 ("PART I", None), ("1", "Business", ["Quillfeather Robotics designs small warehouse robots that pick, pack and label parcels.", "We sell to regional distributors and lease fleets under three-year agreements."]),
 ("1A", "Risk Factors", ["Our results depend on a few large customers, and the loss of any one of them could harm us.", "Supply of servo motors is concentrated in two vendors."]),
 ("1B", "Unresolved Staff Comments", ["None."]),
 ("1C", "Cybersecurity", ["Our chief information officer oversees a program of risk assessment and incident response."]),
 ("2", "Properties", ["We lease a 90,000 square foot plant in Greyhaven, Oregon."]),
 ("3", "Legal Proceedings", ["We are not a party to any material pending legal proceeding."]),
 ("4", "Mine Safety Disclosures", ["Not applicable."]),
 ("PART II", None),
 ("5", "Market for Registrant&#8217;s Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities", ["Our common stock trades on the Nasdaq Global Market under the symbol QFRB."]),
 ("6", "[Reserved]", []),
 ("7", "Management&#8217;s Discussion and Analysis of Financial Condition and Results of Operations", ["Net sales rose 14% to $41.2 million as fleet leases grew.", "Gross margin fell to 38% from 41% on higher motor costs."]),
 ("7A", "Quantitative and Qualitative Disclosures About Market Risk", ["Our exposure to interest rate changes is limited to our revolving credit line."]),
 ("8", "Financial Statements and Supplementary Data", ["The financial statements follow the signature page of this report."]),
 ("9", "Changes in and Disagreements With Accountants on Accounting and Financial Disclosure", ["None."]),
 ("9A", "Controls and Procedures", ["Our disclosure controls and procedures were effective as of December&#160;31, 2022."]),
 ("9B", "Other Information", ["None."]),
 ("9C", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections", ["Not applicable."]),
 ("PART III", None),
 ("10", "Directors, Executive Officers and Corporate Governance", ["Incorporated by reference to our 2023 proxy statement."]),
 ("11", "Executive Compensation", ["Incorporated by reference to our 2023 proxy statement."]),
 ("12", "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters", ["Incorporated by reference to our 2023 proxy statement."]),
 ("13", "Certain Relationships and Related Transactions, and Director Independence", ["Incorporated by reference to our 2023 proxy statement."]),
 ("14", "Principal Accountant Fees and Services", ["Incorporated by reference to our 2023 proxy statement."]),
 ("PART IV", None),
 ("15", "Exhibits and Financial Statement Schedules", ["The exhibits listed below are filed with this report: 21.1 Subsidiaries; 23.1 Consent of Bramble &amp; Finch LLP."]),
 ("16", "Form 10-K Summary", ["None."]),
]
body = []
toc = ['<table>']
for code, title in [(c, t) for c, t, *_ in [(x[0], x[1]) for x in items] if t]:
    toc.append(f'<tr><td>Item {code}.</td><td>{title}</td><td>1</td></tr>')
toc.append('</table>')
for x in items:
    if x[1] is None:
        body.append(p(x[0], bold=True))
    else:
        body.append(item(*x))
main = ("<XBRL>\n<?xml version='1.0' encoding='ASCII'?>\n"
 '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance">\n'
 "<head><title>qfrb-20221231</title></head>\n<body>\n"
 '<div style="display:none"><ix:header><ix:hidden>\n' + "\n".join(hidden) + "\n</ix:hidden>\n<ix:resources>\n" + "\n".join(contexts) +
 "\n</ix:resources></ix:header></div>\n"
 + p("UNITED STATES<br/>SECURITIES AND EXCHANGE COMMISSION", True) + "\n" + p("Washington, D.C. 20549") + "\n"
 + p('FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c-1">10-K</ix:nonNumeric>', True) + "\n"
 + p("ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934") + "\n"
 + p("For the fiscal year ended December&#160;31, 2022") + "\n"
 + p('<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c-1">Quillfeather Robotics, Inc.</ix:nonNumeric>', True) + "\n"
 + p("(Exact name of registrant as specified in its charter)") + "\n"
 + p("TABLE OF CONTENTS", True) + "\n" + "\n".join(toc) + "\n"
 + "\n".join(body) + "\n"
 + p("SIGNATURES", True) + "\n" + p("Pursuant to the requirements of Section 13 or 15(d) of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf.") + "\n"
 + p("/s/ Imogen Tarrant<br/>Imogen Tarrant, Chief Executive Officer<br/>February 24, 2023") + "\n"
 + "</body>\n</html>\n</XBRL>\n")
ex21 = ("<html><body>\n" + p("Exhibit 21.1", True) + "\n" + p("SUBSIDIARIES OF QUILLFEATHER ROBOTICS, INC.", True) + "\n<table>\n<tr><td>Name</td><td>Jurisdiction</td></tr>\n<tr><td>Quillfeather Leasing LLC</td><td>Oregon</td></tr>\n</table>\n</body></html>\n")
ex23 = ("Exhibit 23.1\n\nCONSENT OF INDEPENDENT REGISTERED PUBLIC ACCOUNTING FIRM\n\nWe consent to the incorporation by reference of our report dated\nFebruary 24, 2023 in the registration statement on Form S-8 (No. 333-99061).\n\n/s/ Bramble & Finch LLP\nGreyhaven, Oregon\n")
def doc(t, seq, fn, desc, text):
    return f"<DOCUMENT>\n<TYPE>{t}\n<SEQUENCE>{seq}\n<FILENAME>{fn}\n<DESCRIPTION>{desc}\n<TEXT>\n{text}</TEXT>\n</DOCUMENT>\n"
out = hdr + doc("10-K", 1, "qfrb-20221231.htm", "10-K", main) + doc("EX-21.1", 2, "qfrb-ex211.htm", "SUBSIDIARIES", ex21) + doc("EX-23.1", 3, "qfrb-ex231.txt", "CONSENT OF AUDITORS", ex23) + "</SEC-DOCUMENT>\n"
sys.stdout.write(out)
