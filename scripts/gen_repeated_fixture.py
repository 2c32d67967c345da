# Writes tests/fixtures/repeated.txt: one synthetic 8-K submission (fictional
# Larkmoor Rail Holdings, CIK 0009900062) three times over, byte for byte, as
# some downloads hold it; only the first copy has its PEM preamble.
# Usage: python3 scripts/gen_repeated_fixture.py > tests/fixtures/repeated.txt
import sys
T = "\t"
pem = """-----BEGIN PRIVACY-ENHANCED MESSAGE-----
Proc-Type: 2001,MIC-CLEAR
Originator-Name: webmaster@www.sec.gov
Originator-Key-Asymmetric:
 MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen
 TWSM7vrzLADbmYQaionwg5sDW3P6oaM5D3tdezXMm7z1T+B+twIDAQAB
MIC-Info: RSA-MD5,RSA,
 Q2l0ZWQgbm90aGluZzogdGhpcyBpcyBhIHN5bnRoZXRpYyBmaXh0dXJlLg==

"""
core = f"""<SEC-DOCUMENT>0009900062-24-000007.txt : 20240305
<SEC-HEADER>0009900062-24-000007.hdr.sgml : 20240305
<ACCEPTANCE-DATETIME>20240305163011
ACCESSION NUMBER:{T}{T}0009900062-24-000007
CONFORMED SUBMISSION TYPE:{T}8-K
PUBLIC DOCUMENT COUNT:{T}{T}1
CONFORMED PERIOD OF REPORT:{T}20240305
ITEM INFORMATION:{T}{T}Results of Operations and Financial Condition
ITEM INFORMATION:{T}{T}Financial Statements and Exhibits
FILED AS OF DATE:{T}{T}20240305
DATE AS OF CHANGE:{T}{T}20240305

FILER:

{T}COMPANY DATA:{T}
{T}{T}COMPANY CONFORMED NAME:{T}{T}{T}Larkmoor Rail Holdings Corp
{T}{T}CENTRAL INDEX KEY:{T}{T}{T}0009900062
{T}{T}STANDARD INDUSTRIAL CLASSIFICATION:{T}RAILROADS, LINE-HAUL OPERATING [4011]
{T}{T}IRS NUMBER:{T}{T}{T}{T}990623456
{T}{T}STATE OF INCORPORATION:{T}{T}{T}DE
{T}{T}FISCAL YEAR END:{T}{T}{T}1231

{T}FILING VALUES:
{T}{T}FORM TYPE:{T}{T}8-K
{T}{T}SEC ACT:{T}{T}1934 Act
{T}{T}SEC FILE NUMBER:{T}001-99062
{T}{T}FILM NUMBER:{T}{T}24699062
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>lrh-8k_20240305.htm
<DESCRIPTION>8-K
<TEXT>
<html><body>
<p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>
<p>FORM 8-K</p>
<p>CURRENT REPORT</p>
<p>Larkmoor Rail Holdings Corp</p>
<p><b>Item 2.02 Results of Operations and Financial Condition</b></p>
<p>On March 5, 2024, Larkmoor Rail Holdings Corp reported carloads up 6% for the fourth quarter.</p>
<p><b>Item 9.01 Financial Statements and Exhibits</b></p>
<p>(d) Exhibits: none.</p>
<p>SIGNATURES</p>
<p>/s/ Oswin Hale, Chief Financial Officer</p>
</body></html>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""
sys.stdout.write(pem + core + "-----END PRIVACY-ENHANCED MESSAGE-----\n" + core + core)
