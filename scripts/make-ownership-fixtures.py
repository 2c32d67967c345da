#!/usr/bin/env python3
"""Write the fictional Form 4 and 13F filings of tests/fixtures/ownership
(issue 15).  Every company and person is made up; CIKs are in edgr's
fixture range (0009900309, 0009900310, 0009900311 ...).  Run from the
top of the tree: scripts/make-ownership-fixtures.py"""
import os

out = "tests/fixtures/ownership"
os.makedirs(out, exist_ok=True)


def header(acc, form, period, filed, parts, ndocs):
    return (f"<SEC-DOCUMENT>{acc}.txt : {filed}\n<SEC-HEADER>{acc}.hdr.sgml : {filed}\n"
            f"<ACCEPTANCE-DATETIME>{filed}161502\nACCESSION NUMBER:\t\t{acc}\n"
            f"CONFORMED SUBMISSION TYPE:\t{form}\nPUBLIC DOCUMENT COUNT:\t\t{ndocs}\n"
            f"CONFORMED PERIOD OF REPORT:\t{period}\nFILED AS OF DATE:\t\t{filed}\n"
            f"DATE AS OF CHANGE:\t\t{filed}\n\n" + parts + "</SEC-HEADER>\n")


def entity(role, name, cik, form, fileno, owner=False):
    data = "OWNER DATA" if owner else "COMPANY DATA"
    return (f"{role}:\n\n\t{data}:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t{name}\n"
            f"\t\tCENTRAL INDEX KEY:\t\t\t{cik}\n\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t{form}\n"
            f"\t\tSEC ACT:\t\t1934 Act\n\t\tSEC FILE NUMBER:\t{fileno}\n\t\tFILM NUMBER:\t\t26900001\n\n"
            f"\tMAIL ADDRESS:\t\n\t\tSTREET 1:\t\t12 ORCHARD LANE\n\t\tCITY:\t\t\tMILLBROOK\n"
            f"\t\tSTATE:\t\t\tVT\n\t\tZIP:\t\t\t05401\n\n")


def document(typ, seq, fname, desc, body, xml=True):
    wrap = f"<XML>\n{body}</XML>\n" if xml else body
    return (f"<DOCUMENT>\n<TYPE>{typ}\n<SEQUENCE>{seq}\n<FILENAME>{fname}\n<DESCRIPTION>{desc}\n"
            f"<TEXT>\n{wrap}</TEXT>\n</DOCUMENT>\n")


def val(tag, v, fns=(), ind="                "):
    inner = "" if v is None else f"<value>{v}</value>"
    inner += "".join(f'<footnoteId id="{f}"/>' for f in fns)
    return f"{ind}<{tag}>{inner}</{tag}>\n"


# ---- Form 4: 8 non-derivative and 2 derivative transactions ----------------
# (date, code, shares, price, A/D, owned after, D/I) -- all distinct, so a
# reader that pairs a date with another row's shares is caught.
ND = [
    ("2026-03-02", "P", "1000", "12.50", "A", "51000", "D"),
    ("2026-03-03", "S", "2000.0", "13.25", "D", "49000", "D"),
    ("2026-03-04", "A", "3000", "0", "A", "52000", "D"),
    ("2026-03-05", "F", "400", "14.10", "D", "51600", "D"),
    ("2026-03-06", "G", "500", None, "D", "51100", "I"),       # price: footnote only
    ("2026-03-09", "M", "6000", "5.00", "A", "57100", "D"),
    ("2026-03-10", "J", "700", "15.75", "D", "56400", "I"),
    ("2026-03-11", "C", "8000", "0.0001", "A", "64400", "D"),
]
rows = []
for i, (d, c, sh, pr, ad, after, di) in enumerate(ND):
    nature = val("natureOfOwnership", "By Foxglove Family Trust", ("F5",)) if di == "I" else ""
    rows.append(
        "        <nonDerivativeTransaction>\n"
        + val("securityTitle", "Common Stock", (), "            ")
        + val("transactionDate", d, ("F1",) if i == 0 else (), "            ")
        + "            <deemedExecutionDate></deemedExecutionDate>\n"
        + "            <transactionCoding>\n                <transactionFormType>4</transactionFormType>\n"
        + f"                <transactionCode>{c}</transactionCode>\n"
        + f"                <equitySwapInvolved>{'true' if i == 6 else ('0' if i % 2 else 'false')}</equitySwapInvolved>\n"
        + ('                <footnoteId id="F2"/>\n' if c == "S" else "")
        + "            </transactionCoding>\n"
        + "            <transactionAmounts>\n"
        + val("transactionShares", sh)
        + (val("transactionPricePerShare", None, ("F3",)) if pr is None else val("transactionPricePerShare", pr))
        + val("transactionAcquiredDisposedCode", ad)
        + "            </transactionAmounts>\n"
        + "            <postTransactionAmounts>\n" + val("sharesOwnedFollowingTransaction", after) + "            </postTransactionAmounts>\n"
        + "            <ownershipNature>\n" + val("directOrIndirectOwnership", di) + nature + "            </ownershipNature>\n"
        + "        </nonDerivativeTransaction>\n")
DV = [
    ("2026-03-09", "M", "6000", "0", "D", "5.00", "2024-01-15", "2033-01-15", "34000"),
    ("2026-03-12", "A", "9000", "0", "A", "16.40", None, "2036-03-12", "43000"),   # exercise date: footnote only
]
drows = []
for d, c, sh, pr, ad, cx, ex, exp, after in DV:
    drows.append(
        "        <derivativeTransaction>\n"
        + val("securityTitle", "Stock Option (right to buy)", (), "            ")
        + val("conversionOrExercisePrice", cx, (), "            ")
        + val("transactionDate", d, (), "            ")
        + "            <transactionCoding>\n                <transactionFormType>4</transactionFormType>\n"
        + f"                <transactionCode>{c}</transactionCode>\n                <equitySwapInvolved>0</equitySwapInvolved>\n"
        + "            </transactionCoding>\n"
        + "            <transactionAmounts>\n" + val("transactionShares", sh) + val("transactionPricePerShare", pr)
        + val("transactionAcquiredDisposedCode", ad) + "            </transactionAmounts>\n"
        + (val("exerciseDate", None, ("F4",), "            ") if ex is None else val("exerciseDate", ex, (), "            "))
        + val("expirationDate", exp, (), "            ")
        + "            <underlyingSecurity>\n" + val("underlyingSecurityTitle", "Common Stock")
        + val("underlyingSecurityShares", sh) + "            </underlyingSecurity>\n"
        + "            <postTransactionAmounts>\n" + val("sharesOwnedFollowingTransaction", after) + "            </postTransactionAmounts>\n"
        + "            <ownershipNature>\n" + val("directOrIndirectOwnership", "D") + "            </ownershipNature>\n"
        + "        </derivativeTransaction>\n")

owner = lambda cik, name, director, officer, title: f"""    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>{cik}</rptOwnerCik>
            <rptOwnerName>{name}</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerAddress>
            <rptOwnerStreet1>12 ORCHARD LANE</rptOwnerStreet1>
            <rptOwnerStreet2></rptOwnerStreet2>
            <rptOwnerCity>MILLBROOK</rptOwnerCity>
            <rptOwnerState>VT</rptOwnerState>
            <rptOwnerZipCode>05401</rptOwnerZipCode>
            <rptOwnerStateDescription></rptOwnerStateDescription>
        </reportingOwnerAddress>
        <reportingOwnerRelationship>
            <isDirector>{director}</isDirector>
            <isOfficer>{officer}</isOfficer>
            <isTenPercentOwner>0</isTenPercentOwner>
            <isOther>0</isOther>
{f'            <officerTitle>{title}</officerTitle>' + chr(10) if title else ''}        </reportingOwnerRelationship>
    </reportingOwner>
"""

form4 = f"""<?xml version="1.0"?>
<ownershipDocument>

    <schemaVersion>X0508</schemaVersion>

    <documentType>4</documentType>

    <periodOfReport>2026-03-12</periodOfReport>

    <notSubjectToSection16>0</notSubjectToSection16>

    <aff10b5One>true</aff10b5One>

    <issuer>
        <issuerCik>0009900309</issuerCik>
        <issuerName>Quillfeather Instruments Inc.</issuerName>
        <issuerTradingSymbol>QFI</issuerTradingSymbol>
    </issuer>

{owner("0009900311", "Marrow Juniper T", "1", "true", "Chief Operating Officer")}{owner("0009900312", "Foxglove Family Trust", "false", "0", None)}
    <nonDerivativeTable>
{''.join(rows)}    </nonDerivativeTable>

    <derivativeTable>
{''.join(drows)}    </derivativeTable>

    <footnotes>
        <footnote id="F1">The first purchase was made under a trading plan adopted
            on 2025-11-03 &amp; meant to satisfy Rule 10b5-1(c).</footnote>
        <footnote id="F2">Sold to cover the exercise price.</footnote>
        <footnote id="F3">A gift: no price.</footnote>
        <footnote id="F4">The option vests in three equal parts, the first on 2027-03-12.</footnote>
        <footnote id="F5">The reporting person is a trustee.</footnote>
    </footnotes>

    <remarks>Exhibit 24: power of attorney.</remarks>

    <ownerSignature>
        <signatureName>/s/ Juniper T. Marrow</signatureName>
        <signatureDate>2026-03-13</signatureDate>
    </ownerSignature>
    <ownerSignature>
        <signatureName>/s/ Juniper T. Marrow, trustee</signatureName>
        <signatureDate>2026-03-13-05:00</signatureDate>
    </ownerSignature>
</ownershipDocument>
"""
acc = "0009900309-26-000001"
hdr = header(acc, "4", "20260312", "20260313",
             entity("REPORTING-OWNER", "Marrow Juniper T", "0009900311", "4", "001-99309", True)
             + entity("REPORTING-OWNER", "Foxglove Family Trust", "0009900312", "4", "001-99309", True)
             + "ISSUER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tQuillfeather Instruments Inc.\n"
               "\t\tCENTRAL INDEX KEY:\t\t\t0009900309\n\t\tSTATE OF INCORPORATION:\t\t\tDE\n\n", 2)
ex24 = "Power of attorney.\n\nJuniper T. Marrow appoints the Quillfeather Instruments corporate secretary.\n"
with open(f"{out}/{acc}.txt", "w") as f:
    f.write(f"{hdr}" + document("4", 1, "form4.xml", "PRIMARY DOCUMENT", form4)
            + document("EX-24", 2, "ex24.txt", "POWER OF ATTORNEY", ex24, xml=False) + "</SEC-DOCUMENT>\n")
with open(f"{out}/form4.xml", "w") as f:
    f.write(form4)

# The same with the XML cut short inside the 9th row: an error naming the
# byte offset, the 8 rows before it kept.
cut = form4.index("<derivativeTransaction>") + 200
with open(f"{out}/form4-broken.xml", "w") as f:
    f.write(form4[:cut] + "<<</ownershipDocument>\n")

# ---- Form 4 of 1999: a text table, not to be read -----------------------
acc = "0009900309-99-000002"
text4 = """                                FORM 4

               STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

1. Name and Address of Reporting Person:  Marrow, Juniper T.
2. Issuer Name and Ticker Symbol:  Quillfeather Instruments Inc. (QFI)

<TABLE>
<CAPTION>
Title of Security   Date        Code   Amount    (A)/(D)   Price
<S>                 <C>         <C>    <C>       <C>       <C>
Common Stock        03/02/99    P      1,000     A         $12.50
</TABLE>
"""
hdr = header(acc, "4", "19990331", "19990405",
             "SUBJECT COMPANY:\t\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tQUILLFEATHER INSTRUMENTS INC\n"
             "\t\tCENTRAL INDEX KEY:\t\t\t0009900309\n\n"
             + entity("REPORTING-OWNER", "MARROW JUNIPER T", "0009900311", "4", "001-99309"), 1)
with open(f"{out}/{acc}.txt", "w") as f:
    f.write(hdr + document("4", 1, "form4.txt", "FORM 4", text4, xml=False) + "</SEC-DOCUMENT>\n")

# ---- 13F-HR: one table in dollars, the same in thousands ----------------
# (issuer, class, cusip, price, shares, put/call); values in dollars are
# price x shares, multiples of 1,000 so that the thousands copy is exact.
POS = [
    ("QUILLFEATHER INSTRUMENTS INC", "COM", "99309A101", 12, 50000, None),
    ("BRAMBLEWOOD RAIL CO", "COM", "99309B102", 85, 12000, None),
    ("CINDERHOLLOW MINING LTD", "SHS", "G99309103", 7, 90000, None),
    ("DAPPLEGATE FOODS CORP", "CL A", "99309D104", 240, 3000, None),
    ("EMBERLY BIOSCIENCE INC", "COM", "99309E105", 31, 20000, "Put"),
    ("FERNWICK BANCORP", "COM", "99309F106", 56, 15000, None),
    ("GLOAMING SOFTWARE INC", "COM", "99309G107", 410, 2000, None),
    ("HAZELMERE UTILITIES CO", "NOTE 3.5% 2031", "99309HAB8", None, 500000, None),  # principal
]


def infotable(divide):
    s = ('<?xml version="1.0" encoding="UTF-8"?>\n<informationTable xmlns="http://www.sec.gov/edgar/document/thirteenf/informationtable"'
         ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
    total = 0
    for name, cls, cusip, price, shares, pc in POS:
        value = (price * shares) if price else 498000
        value //= divide
        total += value
        s += (f"  <infoTable>\n    <nameOfIssuer>{name}</nameOfIssuer>\n    <titleOfClass>{cls}</titleOfClass>\n"
              f"    <cusip>{cusip}</cusip>\n    <value>{value}</value>\n    <shrsOrPrnAmt>\n"
              f"      <sshPrnamt>{shares}</sshPrnamt>\n      <sshPrnamtType>{'PRN' if not price else 'SH'}</sshPrnamtType>\n"
              f"    </shrsOrPrnAmt>\n" + (f"    <putCall>{pc}</putCall>\n" if pc else "")
              + "    <investmentDiscretion>SOLE</investmentDiscretion>\n"
              f"    <votingAuthority>\n      <Sole>{shares}</Sole>\n      <Shared>0</Shared>\n      <None>0</None>\n"
              "    </votingAuthority>\n  </infoTable>\n")
    return s + "</informationTable>\n", total


def primary(period_mdy, entries, total, schema):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/thirteenffiler" xmlns:com="http://www.sec.gov/edgar/common">
  {f'<schemaVersion>{schema}</schemaVersion>' if schema else ''}
  <headerData>
    <submissionType>13F-HR</submissionType>
    <filerInfo>
      <liveTestFlag>LIVE</liveTestFlag>
      <filer>
        <credentials>
          <cik>0009900310</cik>
          <ccc>XXXXXXXX</ccc>
        </credentials>
      </filer>
      <periodOfReport>{period_mdy}</periodOfReport>
    </filerInfo>
  </headerData>
  <formData>
    <coverPage>
      <reportCalendarOrQuarter>{period_mdy}</reportCalendarOrQuarter>
      <isAmendment>false</isAmendment>
      <filingManager>
        <name>Thistledown Capital Partners LP</name>
        <address>
          <com:street1>40 LANTERN ROW</com:street1>
          <com:city>HARBORVIEW</com:city>
          <com:stateOrCountry>ME</com:stateOrCountry>
          <com:zipCode>04101</com:zipCode>
        </address>
      </filingManager>
      <reportType>13F HOLDINGS REPORT</reportType>
      <form13FFileNumber>028-99310</form13FFileNumber>
      <provideInfoForInstruction5>N</provideInfoForInstruction5>
    </coverPage>
    <signatureBlock>
      <name>Wren Alder</name>
      <title>Chief Compliance Officer</title>
      <phone>207-555-0110</phone>
      <signature>/s/ Wren Alder</signature>
      <city>Harborview</city>
      <stateOrCountry>ME</stateOrCountry>
      <signatureDate>02-10-2025</signatureDate>
    </signatureBlock>
    <summaryPage>
      <otherIncludedManagersCount>0</otherIncludedManagersCount>
      <tableEntryTotal>{entries}</tableEntryTotal>
      <tableValueTotal>{total}</tableValueTotal>
      <isConfidentialOmitted>false</isConfidentialOmitted>
    </summaryPage>
  </formData>
</edgarSubmission>
"""


def f13(acc, divide, filed, period, period_mdy, schema, entries=None, total_delta=0):
    table, total = infotable(divide)
    p = primary(period_mdy, entries if entries is not None else len(POS), total + total_delta, schema)
    hdr = header(acc, "13F-HR", period, filed, entity("FILER", "Thistledown Capital Partners LP", "0009900310",
                                                      "13F-HR", "028-99310"), 2)
    with open(f"{out}/{acc}.txt", "w") as f:
        f.write(hdr + document("13F-HR", 1, "primary_doc.xml", "", p)
                + document("INFORMATION TABLE", 2, "infotable.xml", "", table) + "</SEC-DOCUMENT>\n")
    return table


dollars = f13("0009900310-25-000001", 1, "20250210", "20241231", "12-31-2024", "X0202")
f13("0009900310-25-000002", 1000, "20250211", "20241231", "12-31-2024", "X0202")
# a 2021 filing in thousands, with no schema version: decided by its prices
f13("0009900310-22-000003", 1000, "20220210", "20211231", "12-31-2021", None)
# the summary page disagrees with the rows: warnings, rows still given
f13("0009900310-25-000004", 1, "20250212", "20241231", "12-31-2024", "X0202", entries=9, total_delta=1000)
with open(f"{out}/infotable-dollars.xml", "w") as f:
    f.write(dollars)

# a 13F-HR of 2010 with its table as text: header facts, rows not read
acc = "0009900310-10-000005"
hdr = header(acc, "13F-HR", "20091231", "20100212", entity("FILER", "THISTLEDOWN CAPITAL PARTNERS LP", "0009900310",
                                                           "13F-HR", "028-99310"), 1)
text13f = """                               FORM 13F INFORMATION TABLE
NAME OF ISSUER               TITLE OF CLASS   CUSIP      VALUE (x$1000)  SHRS OR PRN AMT
QUILLFEATHER INSTRUMENTS INC COM              99309A101        600          50,000 SH
"""
with open(f"{out}/{acc}.txt", "w") as f:
    f.write(hdr + document("13F-HR", 1, "form13f.txt", "FORM 13F", text13f, xml=False) + "</SEC-DOCUMENT>\n")
