<SUBMISSION>
<ACCESSION-NUMBER>0009900001-17-000001
<TYPE>8-K
<PUBLIC-DOCUMENT-COUNT>2
<PERIOD>20170314
<ITEMS>7.01
<ITEMS>9.01
<FILING-DATE>20170314
<DATE-OF-FILING-DATE-CHANGE>20170314
<FILER>
<COMPANY-DATA>
<CONFORMED-NAME>Halcyon Meadow Therapeutics, Inc.
<CIK>0009900001
<ASSIGNED-SIC>2834
<IRS-NUMBER>990417731
<STATE-OF-INCORPORATION>DE
<FISCAL-YEAR-END>1231
</COMPANY-DATA>
<FILING-VALUES>
<FORM-TYPE>8-K
<ACT>34
<FILE-NUMBER>001-99001
<FILM-NUMBER>17990412
</FILING-VALUES>
<BUSINESS-ADDRESS>
<STREET1>4100 LARKSPUR QUAY ROAD
<STREET2>SUITE 210
<CITY>ALDER FALLS
<STATE>MA
<ZIP>01999
<PHONE>617-555-0142
</BUSINESS-ADDRESS>
<MAIL-ADDRESS>
<STREET1>4100 LARKSPUR QUAY ROAD
<STREET2>SUITE 210
<CITY>ALDER FALLS
<STATE>MA
<ZIP>01999
</MAIL-ADDRESS>
<FORMER-COMPANY>
<FORMER-CONFORMED-NAME>HALCYON MEADOW PHARMA CORP
<DATE-CHANGED>20120315
</FORMER-COMPANY>
<FORMER-COMPANY>
<FORMER-CONFORMED-NAME>MEADOWBROOK BIOLOGICS INC
<DATE-CHANGED>20080722
</FORMER-COMPANY>
</FILER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>hmt-20170314x8k.htm
<DESCRIPTION>8-K
<TEXT>
<HTML>
<HEAD>
     <TITLE>Form 8-K</TITLE>
</HEAD>
<BODY STYLE="font: 10pt Times New Roman, Times, Serif">

<P STYLE="margin: 0pt; text-align: center"><B>UNITED STATES<BR>
SECURITIES AND EXCHANGE COMMISSION</B><BR>
Washington, D.C. 20549</P>

<P STYLE="margin: 12pt 0 0; text-align: center"><B>FORM 8-K</B></P>

<P STYLE="margin: 12pt 0 0; text-align: center"><B>CURRENT REPORT<BR>
Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934</B></P>

<P STYLE="margin: 12pt 0 0; text-align: center">Date of Report (Date of earliest event reported): March 14, 2017</P>

<P STYLE="margin: 12pt 0 0; text-align: center"><B>HALCYON MEADOW THERAPEUTICS, INC.</B><BR>
(<I>Exact name of registrant as specified in its charter</I>)</P>

<TABLE CELLSPACING="0" CELLPADDING="0" STYLE="width: 100%; font: 10pt Times New Roman, Times, Serif">
<TR STYLE="vertical-align: top">
    <TD STYLE="width: 33%; text-align: center"><B>Delaware</B><BR>(State or other jurisdiction<BR>of incorporation)</TD>
    <TD STYLE="width: 34%; text-align: center"><B>001-99001</B><BR>(Commission<BR>File Number)</TD>
    <TD STYLE="width: 33%; text-align: center"><B>99-0417731</B><BR>(IRS Employer<BR>Identification No.)</TD></TR>
</TABLE>

<P STYLE="margin: 12pt 0 0; text-align: center">4100 Larkspur Quay Road, Suite 210<BR>
Alder Falls, Massachusetts 01999<BR>
(Address of principal executive offices, including zip code)</P>

<P STYLE="margin: 12pt 0 0; text-align: center">(617) 555-0142<BR>
(Registrant&#8217;s telephone number, including area code)</P>

<P STYLE="margin: 12pt 0 0">Check the appropriate box below if the Form 8-K filing is intended to simultaneously
satisfy the filing obligation of the registrant under any of the following provisions:</P>

<P STYLE="margin: 6pt 0 0 24pt">&#9744; Written communications pursuant to Rule 425 under the Securities Act<BR>
&#9744; Soliciting material pursuant to Rule 14a-12 under the Exchange Act<BR>
&#9744; Pre-commencement communications pursuant to Rule 14d-2(b) under the Exchange Act<BR>
&#9744; Pre-commencement communications pursuant to Rule 13e-4(c) under the Exchange Act</P>

<P STYLE="margin: 18pt 0 0"><B>Item 7.01 Regulation FD Disclosure.</B></P>

<P STYLE="margin: 6pt 0 0; text-align: justify">On March 14, 2017, Halcyon Meadow Therapeutics, Inc. (the
&#8220;Company&#8221;) issued a press release announcing that it will present interim data from its
Phase 2 trial of HMT-118 in chronic sinus inflammation at the Granite Bay Healthcare Conference.
A copy of the press release is furnished as Exhibit 99.1 to this Current Report on Form 8-K.</P>

<P STYLE="margin: 6pt 0 0; text-align: justify">The information in this Item 7.01, including Exhibit 99.1,
is furnished and shall not be deemed &#8220;filed&#8221; for purposes of Section 18 of the Securities
Exchange Act of 1934, as amended.</P>

<P STYLE="margin: 18pt 0 0"><B>Item 9.01 Financial Statements and Exhibits.</B></P>

<P STYLE="margin: 6pt 0 0">(d) Exhibits.</P>

<TABLE CELLSPACING="0" CELLPADDING="0" STYLE="width: 100%; font: 10pt Times New Roman, Times, Serif">
<TR STYLE="vertical-align: bottom">
    <TD STYLE="width: 15%; border-bottom: Black 1pt solid"><B>Exhibit No.</B></TD>
    <TD STYLE="width: 85%; border-bottom: Black 1pt solid"><B>Description</B></TD></TR>
<TR STYLE="vertical-align: top">
    <TD>99.1</TD>
    <TD>Press release of Halcyon Meadow Therapeutics, Inc. dated March 14, 2017</TD></TR>
</TABLE>

<P STYLE="margin: 18pt 0 0; text-align: center"><B>SIGNATURE</B></P>

<P STYLE="margin: 6pt 0 0; text-align: justify">Pursuant to the requirements of the Securities Exchange Act
of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned
hereunto duly authorized.</P>

<TABLE CELLSPACING="0" CELLPADDING="0" STYLE="width: 100%; font: 10pt Times New Roman, Times, Serif">
<TR STYLE="vertical-align: top">
    <TD STYLE="width: 50%">Date: March 14, 2017</TD>
    <TD STYLE="width: 50%">HALCYON MEADOW THERAPEUTICS, INC.<BR><BR>
    By: /s/ Imogen R. Castellane<BR>
    Name: Imogen R. Castellane<BR>
    Title: Chief Financial Officer</TD></TR>
</TABLE>

</BODY>
</HTML>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>hmt-20170314xex991.htm
<DESCRIPTION>EXHIBIT 99.1
<TEXT>
<HTML>
<HEAD>
     <TITLE>Exhibit 99.1</TITLE>
</HEAD>
<BODY STYLE="font: 10pt Times New Roman, Times, Serif">

<P STYLE="margin: 0pt; text-align: right"><B>Exhibit 99.1</B></P>

<P STYLE="margin: 12pt 0 0; text-align: center"><B>Halcyon Meadow Therapeutics to Present Interim Phase 2 Data
for HMT-118 at the Granite Bay Healthcare Conference</B></P>

<P STYLE="margin: 12pt 0 0; text-align: justify"><B>ALDER FALLS, Mass., March 14, 2017</B> &#8212; Halcyon
Meadow Therapeutics, Inc. (NASDAQ: HMTX), a clinical-stage company developing treatments for
chronic inflammatory airway disease, today announced that Chief Medical Officer Dr. Tobias Wren will
present interim results from the Company&#8217;s Phase 2 trial of HMT-118 on March 21, 2017 at
10:30 a.m. Eastern Time.</P>

<P STYLE="margin: 12pt 0 0; text-align: justify">&#8220;We are encouraged by what we have seen so far
in the first 40 patients,&#8221; said Dr. Wren. &#8220;Symptom scores improved in both dose groups
&amp; no serious adverse events were reported.&#8221;</P>

<P STYLE="margin: 12pt 0 0; text-align: justify">A live webcast of the presentation will be available
on the Investors &amp; Media page of the Company&#8217;s website.</P>

<P STYLE="margin: 12pt 0 0"><B>About Halcyon Meadow Therapeutics</B></P>

<P STYLE="margin: 6pt 0 0; text-align: justify">Halcyon Meadow Therapeutics, Inc. is a fictional
company used in test data for the edgr parser. Any resemblance to a real company is coincidental.</P>

<P STYLE="margin: 12pt 0 0"><B>Investor Contact:</B><BR>
Marisol Quint<BR>
(617) 555-0199<BR>
ir@halcyonmeadow.example</P>

</BODY>
</HTML>
</TEXT>
</DOCUMENT>
</SUBMISSION>
