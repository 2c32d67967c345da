/* Unit tests of the core's building blocks: scanners, uudecode, charsets,
 * item codes, the schema. */
#include <stdlib.h>

#include "charset.h"
#include "eastern.h"
#include "items.h"
#include "scan.h"
#include "schema.h"
#include "test.h"
#include "uudecode.h"

TEST(text_end_found_only_at_line_start)
{
    const char *s = "abc</TEXT>\nxyz\n</TEXT>\n";
    const char *q = scan_text_end(s, s + strlen(s), 1);
    CHECK(q && q - s == 15);
    const char *t = "</TEXT>";
    CHECK(scan_text_end(t, t + 7, 1) == t);
    CHECK(scan_text_end(t, t + 7, 0) == NULL);
    const char *cr = "body\r</TEXT>\r";
    CHECK(scan_text_end(cr, cr + strlen(cr), 1) == cr + 5);
    const char *lower = "x\n</text>\n";
    CHECK(scan_text_end(lower, lower + strlen(lower), 1) == NULL);
}

TEST(text_end_long_inputs_every_alignment)
{
    /* the vector loop and the tail loop must agree at every position */
    char buf[300];
    for (int at = 1; at < 280; at++) {
        memset(buf, 'X', sizeof buf);
        for (int i = 0; i < (int)sizeof buf; i += 7) buf[i] = '<';
        memcpy(buf + at, "</TEXT>", 7);
        buf[at - 1] = '\n';
        const char *q = scan_text_end(buf, buf + sizeof buf, 0);
        CHECK(q == buf + at);
    }
}

TEST(uudecode_full_and_stripped_lines)
{
    /* "Cat" uuencoded: #0V%T ; with a stripped line the trailing zeros vanish */
    const char *enc = "#0V%T\n`\nend\n";
    char out[128];
    uu_state st = {0};
    size_t used;
    size_t n = uu_decode(enc, strlen(enc), 1, out, sizeof out, &st, &used);
    CHECK(n == 3 && memcmp(out, "Cat", 3) == 0 && st.done && !st.bad);
    /* four zero bytes: "$" then four chars of zero; written as "$````" or
     * stripped to "$" by EDGAR: both must give 4 zero bytes */
    const char *z1 = "$````````\nend\n", *z2 = "$\nend\n";
    uu_state s1 = {0}, s2 = {0};
    char o1[64], o2[64];
    size_t n1 = uu_decode(z1, strlen(z1), 1, o1, sizeof o1, &s1, &used);
    size_t n2 = uu_decode(z2, strlen(z2), 1, o2, sizeof o2, &s2, &used);
    CHECK(n1 == 4 && n2 == 4);
    CHECK(memcmp(o1, "\0\0\0\0", 4) == 0 && memcmp(o2, "\0\0\0\0", 4) == 0);
}

TEST(uudecode_line_endings_and_garbage)
{
    const char *crlf = "#0V%T\r\n`\r\nend\r\n";
    const char *cr = "#0V%T\r`\rend\r";
    const char *bad = "#0V%T\nthis line is far too long to be a uuencoded line of three bytes\nend\n";
    char out[64];
    size_t used;
    uu_state a = {0}, b = {0}, c = {0};
    CHECK(uu_decode(crlf, strlen(crlf), 1, out, sizeof out, &a, &used) == 3 && a.done);
    CHECK(uu_decode(cr, strlen(cr), 1, out, sizeof out, &b, &used) == 3 && b.done);
    CHECK(uu_decode(bad, strlen(bad), 1, out, sizeof out, &c, &used) == 3 && c.bad == 1 && c.done);
}

TEST(uudecode_output_full_makes_caller_grow)
{
    /* two full 45-byte lines into a 64-byte buffer: one line, then stop */
    char enc[200];
    snprintf(enc, sizeof enc, "M%s\nM%s\nend\n",
             "````````````````````````````````````````````````````````````",
             "````````````````````````````````````````````````````````````");
    char out[64];
    uu_state st = {0};
    size_t used;
    size_t n = uu_decode(enc, strlen(enc), 1, out, sizeof out, &st, &used);
    CHECK(n == 45 && !st.done && used == 62);
}

TEST(uu_begin_line)
{
    const char *name;
    size_t nl;
    const char *s = "\nbegin 644 logo.jpg\nM...";
    size_t skip = uu_begin(s, strlen(s), &name, &nl);
    CHECK(skip == 20 && nl == 8 && memcmp(name, "logo.jpg", 8) == 0);
    CHECK(uu_begin("beginning of text", 17, &name, &nl) == 0);
    CHECK(uu_begin("begin 9z9 x", 11, &name, &nl) == 0);
}

TEST(charset_detection)
{
    CHECK(charset_detect("plain", 5) == EDGR_CS_ASCII);
    CHECK(charset_detect("caf\xc3\xa9", 5) == EDGR_CS_UTF8);
    CHECK(charset_detect("it\x92s", 4) == EDGR_CS_CP1252);
    CHECK(charset_detect("\xed\xa0\x80", 3) == EDGR_CS_CP1252); /* surrogate */
    CHECK(charset_detect("\xc0\xaf", 2) == EDGR_CS_CP1252);     /* overlong  */
    char u[3];
    CHECK(cp1252_to_utf8(0x92, u) == 3 && memcmp(u, "\xe2\x80\x99", 3) == 0);
    CHECK(cp1252_to_utf8(0xe9, u) == 2 && memcmp(u, "\xc3\xa9", 2) == 0);
    CHECK(cp1252_to_utf8(0x81, u) == 2 && memcmp(u, "\xc2\x81", 2) == 0);
}

static const char *code(const char *title, const char *date, const char *form)
{
    static char b[16];
    size_t n = 0;
    const char *c = items_code(title, strlen(title), date, date ? strlen(date) : 0, form,
                               form ? strlen(form) : 0, &n);
    if (!c) return "";
    snprintf(b, sizeof b, "%.*s", (int)n, c);
    return b;
}

TEST(item_titles_to_codes)
{
    CHECK(!strcmp(code("Regulation FD Disclosure", "20170308", "8-K"), "7.01"));
    CHECK(!strcmp(code("Financial Statements and Exhibits", "20170308", "8-K"), "9.01"));
    /* the same titles before August 2004 carry the old numbers */
    CHECK(!strcmp(code("Other events", "19950519", "8-K"), "5"));
    CHECK(!strcmp(code("Financial statements and exhibits", "20030101", "8-K"), "7"));
    CHECK(!strcmp(code("Regulation FD Disclosure", "2003-05-01", "8-K"), "9"));
    CHECK(!strcmp(code("Results of Operations and Financial Condition", "20040101", "8-K"), "12"));
    /* non-canonical spellings */
    CHECK(!strcmp(code("Departure of Directors or Certain Officers; Election of Directors; "
                       "Appointment of Certain Officers: Compensatory Arrangements of Certain Officers",
                       "20240101", "8-K"), "5.02"));
    CHECK(!strcmp(code("Departure of Directors or Principal Officers; Election of Directors",
                       "20050101", "8-K"), "5.02"));
    /* codes pass through, unknown titles do not map */
    CHECK(!strcmp(code("3C.1", NULL, "D"), "3C.1"));
    CHECK(!strcmp(code("Something new", "20240101", "8-K"), ""));
    CHECK(!strcmp(code("Findings and Conclusions of a Third Party Due Diligence Report Obtained by the Issuer",
                       "20250101", "ABS-15G"), "2.01"));
}

TEST(schema_tab_and_tag_names_meet)
{
    CHECK(schema_lookup("COMPANY CONFORMED NAME", 22) == schema_lookup("CONFORMED-NAME", 14));
    CHECK(schema_lookup("EIN", 3) == schema_lookup("IRS-NUMBER", 10));
    CHECK(schema_lookup("IRS NUMBER", 10) == schema_lookup("IRS-NUMBER", 10));
    CHECK(schema_lookup("ISSUING ENTITY", 14) == schema_lookup("ISSUING_ENTITY", 14));
    CHECK(schema_lookup("STREET 1", 8) == schema_lookup("STREET1", 7));
    CHECK(schema_lookup("filed  by", 9) == schema_lookup("FILED-BY", 8));
    CHECK(schema_lookup("NOT A KEY", 9) == -1);
    CHECK(!strcmp(edgr_field_name((unsigned)schema_lookup("ASSIGNED-SIC", 12)), "assigned_sic"));
    /* every tag of the specification's section 3 has a field */
    static const char *const spec[] = {
        "ABS-ASSET-CLASS", "ABS-RULE", "ACCESSION-NUMBER", "ACT", "ACTION-DATE", "ASSIGNED-SIC",
        "BUSINESS-ADDRESS", "CATEGORY", "CIK", "CITY", "CLASS-CONTRACT-ID", "CLASS-CONTRACT-NAME",
        "CLASS-CONTRACT-TICKER-SYMBOL", "CLASS-CONTRACT", "COMPANY-DATA", "CONFIRMING-COPY",
        "CORRECTION", "DATE-CHANGED", "DATE-OF-FILING-DATE-CHANGE", "DELETION", "DEPOSITOR-CIK",
        "DEPOSITOR", "EFFECTIVENESS-DATE", "EXISTING-SERIES-AND-CLASSES-CONTRACTS", "FILE-NUMBER",
        "FILED-BY", "FILED-FOR", "FILED-PURSUANT-TO-GENERAL-INSTRUCTION-A2", "FILER", "FILING-DATE",
        "FILING-VALUES", "FILM-NUMBER", "FISCAL-YEAR-END", "FORM-TYPE", "FORMER-COMPANY",
        "FORMER-CONFORMED-NAME", "FORMER-NAME", "GROUP-MEMBERS", "IRS-NUMBER",
        "IS-FILER-A-NEW-REGISTRANT", "IS-FILER-A-WELL-KNOWN-SEASONED-ISSUER", "IS-FUND-24F2-ELIGIBLE",
        "ISSUER", "ISSUING-ENTITY-NAME", "ISSUING_ENTITY", "MA-I_INDIVIDUAL", "MAIL-ADDRESS",
        "MERGER-SERIES-AND-CLASSES-CONTRACTS", "MERGER", "MULTI-ACCESSION-NUMBERS",
        "NEW-CLASSES-CONTRACTS", "NEW-SERIES-AND-CLASSES-CONTRACTS", "NEW-SERIES",
        "NO-ANNUAL-ACTIVITY", "NO-INITIAL-PERIOD-ACTIVITY", "NO-QUARTERLY-ACTIVITY", "OWNER-CIK",
        "OWNER-DATA", "PAPER", "PERIOD-START", "PERIOD", "PHONE", "PREVIOUS-ACCESSION-NUMBER",
        "PRIVATE-TO-PUBLIC", "PUBLIC-DOCUMENT-COUNT", "PUBLIC-REFERENCE-ACC", "RECEIVED-DATE",
        "REFERENCE-462B", "REFERENCES-429", "REGISTERED-ENTITY", "RELATIONSHIP", "REPORTING-OWNER",
        "SECURITIZER", "SERIAL-COMPANY", "SERIES-AND-CLASSES-CONTRACTS-DATA", "SERIES-ID",
        "SERIES-NAME", "SERIES", "SIC", "SPONSOR-CIK", "STATE-OF-INCORPORATION", "STATE", "STREET1",
        "STREET2", "SUBJECT-COMPANY", "TIMESTAMP", "TYPE", "UNDERWRITER",
        "WITHDRAWN-ACCESSION-NUMBER", "ZIP", "CONFORMED-NAME", "ITEMS", "ACQUIRING-DATA",
        "TARGET-DATA", "CONFIRMING COPY"};
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++) {
        int f = schema_lookup(spec[i], strlen(spec[i]));
        if (f < 0) fprintf(stderr, "  spec tag %s has no field\n", spec[i]);
        CHECK(f >= 0);
    }
}

TEST(uudecode_output_larger_than_the_guess)
{
    /* EDGAR strips trailing spaces: a line "M" alone decodes to 45 zero
     * bytes, far more than 3/4 of its size; whole-buffer decoding stopped
     * after growing its buffer once (fuzz finding) */
    char body[4096];
    size_t n = (size_t)snprintf(body, sizeof body, "begin 644 z.bin\n");
    for (int i = 0; i < 400; i++) body[n++] = 'M', body[n++] = '\n';
    n += (size_t)snprintf(body + n, sizeof body - n, "`\nend\n");
    edgr_document d = {0};
    d.text.ptr = d.body.ptr = body;
    d.text.len = d.body.len = n;
    d.format = EDGR_FMT_UUENCODED;
    edgr_buf out = {0};
    CHECK(edgr_document_decode(&d, 0, &out) == EDGR_OK);
    CHECK(out.len == 400 * 45);
    edgr_buf_free(&out);
}

/* Diagnostics stop at 1000 a submission (EDGR_MAX_DIAGS), and the last one
 * says so: 1,500 unknown header keys gave 1,000 warnings and nothing about
 * the 500 others (issue 12). */
TEST(diagnostics_cap_is_said)
{
    size_t cap = 1500 * 40 + 1024, n = 0;
    char *b = malloc(cap);
    CHECK(b != NULL);
    if (!b) return;
    n += (size_t)snprintf(b + n, cap - n, "<SEC-DOCUMENT>0009900305-21-000001.txt : 20210303\n"
                          "<SEC-HEADER>0009900305-21-000001.hdr.sgml : 20210303\n"
                          "ACCESSION NUMBER:\t\t0009900305-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n");
    for (int i = 0; i < 1500; i++) n += (size_t)snprintf(b + n, cap - n, "ODD KEY NUMBER %d:\tvalue\n", i);
    n += (size_t)snprintf(b + n, cap - n, "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nx\n"
                          "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
    edgr_parser *p = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used;
    CHECK(edgr_parse(p, b, n, 0, 0, &s, &used) == EDGR_OK && s);
    if (s) {
        CHECK(s->diag_count == 1000);
        CHECK(s->doc_count == 1);
        const edgr_diag *last = &s->diags[s->diag_count - 1];
        CHECK(last->code == EDGR_D_LIMIT && strstr(last->message, "not listed"));
        CHECK(s->diags[998].code == EDGR_D_UNKNOWN_KEY);
    }
    edgr_parser_free(p);
    free(b);
}

/* Eastern wall-clock time to UTC (src/core/eastern.c), at the edges of each
 * daylight-saving rule, and as the SEC's JSON writes the header's times. */
static const char *utc(const char *in)
{
    static char out[25];
    return eastern_to_utc(in, out) ? "ERR" : out;
}

TEST(eastern_to_utc_rules)
{
    /* the corpus: 0001214659-26-002941 accepted 20260306164618 (EST), and
     * the SEC's recent recording writes 2026-03-06T21:46:18.000Z */
    CHECK_STR(utc("20260306164618"), "2026-03-06T21:46:18.000Z");
    CHECK_STR(utc("2022-05-06T18:30:57"), "2022-05-06T22:30:57.000Z"); /* EDT */
    /* a date alone is midnight Eastern, as the SEC's pre-2001 rows and
     * formerNames show it */
    CHECK_STR(utc("2000-12-21"), "2000-12-21T05:00:00.000Z");
    CHECK_STR(utc("2022-09-19"), "2022-09-19T04:00:00.000Z");
    /* 2007 rules: 2nd Sunday of March (2026-03-08), 1st of November (2026-11-01) */
    CHECK_STR(utc("2026-03-08T01:59:59"), "2026-03-08T06:59:59.000Z");
    CHECK_STR(utc("2026-03-08T03:00:00"), "2026-03-08T07:00:00.000Z");
    CHECK_STR(utc("2026-11-01T01:30:00"), "2026-11-01T05:30:00.000Z"); /* twice: the first */
    CHECK_STR(utc("2026-11-01T02:00:00"), "2026-11-01T07:00:00.000Z");
    /* 1987-2006: 1st Sunday of April (2006-04-02), last of October (2006-10-29) */
    CHECK_STR(utc("2006-04-01"), "2006-04-01T05:00:00.000Z");
    CHECK_STR(utc("2006-04-03"), "2006-04-03T04:00:00.000Z");
    CHECK_STR(utc("2006-10-28"), "2006-10-28T04:00:00.000Z");
    CHECK_STR(utc("2006-10-30"), "2006-10-30T05:00:00.000Z");
    CHECK_STR(utc("2007-03-12"), "2007-03-12T04:00:00.000Z"); /* the new rule's first spring */
    /* 1967-1986: last Sunday of April; the energy-crisis year 1974 */
    CHECK_STR(utc("1986-04-26"), "1986-04-26T05:00:00.000Z");
    CHECK_STR(utc("1986-04-28"), "1986-04-28T04:00:00.000Z");
    CHECK_STR(utc("1974-02-01"), "1974-02-01T04:00:00.000Z");
    CHECK_STR(utc("1960-07-01"), "1960-07-01T05:00:00.000Z");
    /* across midnight, a month and a year */
    CHECK_STR(utc("1999-12-31T22:00:00"), "2000-01-01T03:00:00.000Z");
    CHECK_STR(utc("2024-02-29"), "2024-02-29T05:00:00.000Z");
    /* not a time */
    CHECK_STR(utc("2023-02-29"), "ERR");
    CHECK_STR(utc("2023-13-01"), "ERR");
    CHECK_STR(utc("2023-1-01"), "ERR");
    CHECK_STR(utc("20230101 12"), "ERR");
    CHECK_STR(utc(""), "ERR");
    CHECK_STR(utc(NULL), "ERR");
    CHECK(civil_days(1970, 1, 1) == 0);
    CHECK(civil_days(1969, 12, 31) == -1);
}
