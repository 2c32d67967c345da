/* Unit tests of the header model: both dialects, their mixtures, values. */
#include <stdlib.h>

#include "test.h"

static edgr_parser *P;

static const edgr_submission *parse(const char *text)
{
    if (!P) P = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used;
    edgr_parse(P, text, strlen(text), 0, EDGR_PARSE_DECODE, &s, &used);
    return s;
}

static int has_diag(const edgr_submission *s, edgr_diag_code code)
{
    for (size_t i = 0; i < s->diag_count; i++)
        if (s->diags[i].code == code) return 1;
    return 0;
}

#define TAB_HEADER                                                                    \
    "<SEC-DOCUMENT>0009900001-17-000001.txt : 20170308\n"                             \
    "<SEC-HEADER>0009900001-17-000001.hdr.sgml : 20170308\n"                          \
    "<ACCEPTANCE-DATETIME>20170308160221\n"                                            \
    "ACCESSION NUMBER:\t\t0009900001-17-000001\n"                                     \
    "CONFORMED SUBMISSION TYPE:\t8-K\n"                                               \
    "PUBLIC DOCUMENT COUNT:\t\t1\n"                                                   \
    "CONFORMED PERIOD OF REPORT:\t20170308\n"                                         \
    "ITEM INFORMATION:\t\tRegulation FD Disclosure\n"                                 \
    "ITEM INFORMATION:\t\tFinancial Statements and Exhibits\n"                        \
    "FILED AS OF DATE:\t\t20170308\n"                                                 \
    "DATE AS OF CHANGE:\t\t20170308\n"                                                \
    "\nFILER:\n\n\tCOMPANY DATA:\t\n"                                                 \
    "\t\tCOMPANY CONFORMED NAME:\t\t\tNorthwind Tidal Energy, Inc.\n"                 \
    "\t\tCENTRAL INDEX KEY:\t\t\t0009900001\n"                                        \
    "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tPHARMACEUTICAL PREPARATIONS [2834]\n"   \
    "\t\tEIN:\t\t\t\t043321804\n"                                                     \
    "\t\tSTATE OF INCORPORATION:\t\t\tDE\n"                                           \
    "\t\tFISCAL YEAR END:\t\t\t1231\n"                                                \
    "\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t8-K\n\t\tSEC ACT:\t\t1934 Act\n"           \
    "\t\tSEC FILE NUMBER:\t001-99999\n\t\tFILM NUMBER:\t\t17000001\n"                 \
    "\n\tBUSINESS ADDRESS:\t\n\t\tSTREET 1:\t\t1 HARBOR WAY\n\t\tCITY:\t\t\tPORTLAND\n" \
    "\t\tSTATE:\t\t\tME\n\t\tZIP:\t\t\t04101\n\t\tBUSINESS PHONE:\t\t207-555-0100\n"  \
    "\n\tFORMER COMPANY:\t\n\t\tFORMER CONFORMED NAME:\tNORTHWIND TIDAL INC\n"        \
    "\t\tDATE OF NAME CHANGE:\t20050617\n"                                            \
    "\n\tFORMER COMPANY:\t\n\t\tFORMER CONFORMED NAME:\tTIDAL HORIZONS INC\n"         \
    "\t\tDATE OF NAME CHANGE:\t20040211\n"                                            \
    "</SEC-HEADER>\n"

TEST(tab_dialect_model_and_values)
{
    const edgr_submission *s = parse(TAB_HEADER "</SEC-DOCUMENT>\n");
    CHECK(s && s->container == EDGR_C_SEC_DOCUMENT && s->dialect == EDGR_DIALECT_TAB);
    CHECK_GET(s, "accession_number", "0009900001-17-000001");
    CHECK_GET(s, "type", "8-K");
    CHECK_GET(s, "public_document_count", "1");
    CHECK_GET(s, "period", "2017-03-08");
    CHECK_GET(s, "items.0", "7.01");
    CHECK_GET(s, "items.1", "9.01");
    CHECK_GET(s, "acceptance_datetime", "2017-03-08T16:02:21");
    CHECK_GET(s, "filer.0.company_data.conformed_name", "Northwind Tidal Energy, Inc.");
    CHECK_GET(s, "filer.company_data.assigned_sic", "2834");
    CHECK_GET(s, "filer.company_data.irs_number", "043321804"); /* EIN: the 2025 spelling */
    CHECK_GET(s, "filer.filing_values.act", "34");
    CHECK_GET(s, "filer.business_address.phone", "207-555-0100");
    CHECK_GET(s, "filer.former_company.1.former_conformed_name", "TIDAL HORIZONS INC");
    CHECK_GET(s, "filer.former_company.1.date_changed", "2004-02-11");
    CHECK(s->diag_count == 0);
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "\"items\":[\"7.01\",\"9.01\"]") != NULL);
    CHECK(strstr(j, "\"public_document_count\":1,") != NULL);
    CHECK(strstr(j, "\"former_company\":[{") != NULL);
    free(j);
}

TEST(tag_dialect_gives_the_same_model)
{
    const char *nc =
        "<SUBMISSION>\n<ACCESSION-NUMBER>0009900001-17-000001\n<TYPE>8-K\n"
        "<PUBLIC-DOCUMENT-COUNT>1\n<PERIOD>20170308\n<ITEMS>7.01\n<ITEMS>9.01\n"
        "<FILING-DATE>20170308\n<DATE-OF-FILING-DATE-CHANGE>20170308\n<FILER>\n<COMPANY-DATA>\n"
        "<CONFORMED-NAME>Northwind Tidal Energy, Inc.\n<CIK>0009900001\n<ASSIGNED-SIC>2834\n"
        "<IRS-NUMBER>043321804\n<STATE-OF-INCORPORATION>DE\n<FISCAL-YEAR-END>1231\n"
        "</COMPANY-DATA>\n<FILING-VALUES>\n<FORM-TYPE>8-K\n<ACT>34\n<FILE-NUMBER>001-99999\n"
        "<FILM-NUMBER>17000001\n</FILING-VALUES>\n<BUSINESS-ADDRESS>\n<STREET1>1 HARBOR WAY\n"
        "<CITY>PORTLAND\n<STATE>ME\n<ZIP>04101\n<PHONE>207-555-0100\n</BUSINESS-ADDRESS>\n"
        "<FORMER-COMPANY>\n<FORMER-CONFORMED-NAME>NORTHWIND TIDAL INC\n<DATE-CHANGED>20050617\n"
        "</FORMER-COMPANY>\n<FORMER-COMPANY>\n<FORMER-CONFORMED-NAME>TIDAL HORIZONS INC\n"
        "<DATE-CHANGED>20040211\n</FORMER-COMPANY>\n</FILER>\n</SUBMISSION>\n";
    const edgr_submission *s = parse(nc);
    CHECK(s->container == EDGR_C_SUBMISSION && s->dialect == EDGR_DIALECT_TAG);
    char *tag = json_of(s, EDGR_JSON_NO_SOURCE);
    s = parse(TAB_HEADER "</SEC-DOCUMENT>\n");
    char *tab = json_of(s, EDGR_JSON_NO_SOURCE);
    /* the tab header also has acceptance_datetime; drop it and compare */
    char *a = strstr(tab, ",\"acceptance_datetime\":\"2017-03-08T16:02:21\"");
    CHECK(a != NULL);
    if (a) memmove(a, a + 44, strlen(a + 44) + 1);
    CHECK(strcmp(tag, tab) == 0);
    if (strcmp(tag, tab)) fprintf(stderr, "  tag: %s\n  tab: %s\n", tag, tab);
    free(tag);
    free(tab);
}

TEST(reporting_owner_tag_container_with_tab_lines_1998)
{
    const edgr_submission *s = parse(
        "<SEC-DOCUMENT>0009900010-98-000004.txt : 19981123\n"
        "<SEC-HEADER>0009900010-98-000004.hdr.sgml : 19981123\n"
        "ACCESSION NUMBER:\t\t0009900010-98-000004\nCONFORMED SUBMISSION TYPE:\t4\n"
        "PUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t19981120\n\n"
        "SUBJECT COMPANY:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tQUILL WORKS INC\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0009900011\n\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t4\n"
        "\t\tSEC ACT:\n"
        "<REPORTING-OWNER>\n\nCOMPANY DATA:\n\tCOMPANY CONFORMED NAME:\t\t\tPERRY ANNE\n"
        "\tCENTRAL INDEX KEY:\t\t\t0009900012\n\tSTANDARD INDUSTRIAL CLASSIFICATION:\t []\n"
        "<RELATIONSHIP>DIRECTOR\n\nFILING VALUES:\n\tFORM TYPE:\t\t4\n\n"
        "BUSINESS ADDRESS:\n\tCITY:\t\t\tSALEM\n</REPORTING-OWNER>\n</SEC-HEADER>\n"
        "</SEC-DOCUMENT>\n");
    CHECK_GET(s, "subject_company.company_data.conformed_name", "QUILL WORKS INC");
    CHECK_GET(s, "subject_company.filing_values.act", "");
    CHECK_GET(s, "reporting_owner.company_data.conformed_name", "PERRY ANNE");
    CHECK_GET(s, "reporting_owner.company_data.assigned_sic", "");
    CHECK_GET(s, "reporting_owner.filing_values.form_type", "4");
    CHECK_GET(s, "reporting_owner.business_address.city", "SALEM");
    CHECK(edgr_find(s, "reporting_owner.company_data.relationship") >= 0 ||
          edgr_find(s, "reporting_owner.relationship") >= 0);
    CHECK(s->diag_count == 0);
}

TEST(serial_company_closed_by_tag_at_reduced_indent)
{
    const edgr_submission *s = parse(
        "<SEC-DOCUMENT>0009900020-00-003420.txt : 20001220\n"
        "<SEC-HEADER>0009900020-00-003420.hdr.sgml : 20001220\n"
        "ACCESSION NUMBER:\t\t0009900020-00-003420\nCONFORMED SUBMISSION TYPE:\t424B5\n"
        "FILER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tHARBOR MORTGAGE SECURITIES INC\n"
        "SERIAL COMPANY:\n\nCOMPANY DATA:\n\tCOMPANY CONFORMED NAME:\t\t\tHARBOR MORT SER 2000 8\n"
        "\tCENTRAL INDEX KEY:\t\t\t0009900021\n\nFILING VALUES:\n\tFORM TYPE:\t\t424B5\n"
        "</SERIAL-COMPANY>\n</SEC-HEADER>\n</SEC-DOCUMENT>\n");
    CHECK_GET(s, "filer.company_data.conformed_name", "HARBOR MORTGAGE SECURITIES INC");
    CHECK_GET(s, "serial_company.company_data.conformed_name", "HARBOR MORT SER 2000 8");
    CHECK_GET(s, "serial_company.filing_values.form_type", "424B5");
    CHECK(edgr_find(s, "filer.filing_values") < 0);
    CHECK(s->diag_count == 0);
}

TEST(unknown_keys_are_kept_not_dropped)
{
    const edgr_submission *s = parse(
        "<SEC-HEADER>x.hdr.sgml : 20200101\nACCESSION NUMBER:\t0009900030-20-000001\n"
        "FAVORITE COLOR:\tteal\n<MADE-UP-TAG>42\nFILER:\n\tCOMPANY DATA:\n"
        "\t\tSHOE SIZE:\t11\n</SEC-HEADER>\n");
    CHECK(s->container == EDGR_C_SEC_HEADER);
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "{\"key\":\"FAVORITE COLOR\",\"value\":\"teal\"}") != NULL);
    CHECK(strstr(j, "{\"key\":\"MADE-UP-TAG\",\"value\":\"42\"}") != NULL);
    CHECK(strstr(j, "\"company_data\":{\"unknown\":[{\"key\":\"SHOE SIZE\",\"value\":\"11\"}]}") != NULL);
    CHECK(has_diag(s, EDGR_D_UNKNOWN_KEY));
    free(j);
}

TEST(empty_values_flags_and_bad_values)
{
    const edgr_submission *s = parse(
        "<SEC-HEADER>x.hdr.sgml : 20200101\n<PRIVATE-TO-PUBLIC>\n<CONFIRMING-COPY>\n"
        "ACCESSION NUMBER:\t0009900031-20-000001\nPUBLIC DOCUMENT COUNT:\tmany\n"
        "FILED AS OF DATE:\t2020-13\nITEM INFORMATION:\n</SEC-HEADER>\n");
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "\"private_to_public\":true") != NULL);
    CHECK(strstr(j, "\"confirming_copy\":true") != NULL);
    CHECK(strstr(j, "\"public_document_count\":\"many\"") != NULL);
    CHECK(strstr(j, "\"filing_date\":\"2020-13\"") != NULL);
    CHECK(has_diag(s, EDGR_D_BAD_VALUE));
    free(j);
}

/* An ITEM INFORMATION line with no value names no item: it is not the
 * item "" (tests/fixtures/empty_item_8k.txt). */
TEST(empty_item_information_is_no_item)
{
    size_t n;
    char *p = read_file(EDGR_SOURCE_DIR "/tests/fixtures/empty_item_8k.txt", &n);
    CHECK(p != NULL);
    if (!p) return;
    if (!P) P = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used;
    CHECK(edgr_parse(P, p, n, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    CHECK_GET(s, "items.0", "7");
    CHECK(edgr_get(s, "items.1").ptr == NULL);
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "\"items\":[\"7\"]") != NULL);
    free(j);
    /* the tag dialect: an empty <ITEMS> too */
    s = parse("<SUBMISSION>\n<ACCESSION-NUMBER>0009900072-04-000020\n<TYPE>8-K\n<ITEMS>\n<ITEMS>7\n"
              "<FILING-DATE>20040615\n</SUBMISSION>\n");
    CHECK_GET(s, "items.0", "7");
    CHECK(edgr_get(s, "items.1").ptr == NULL);
    free(p);
}

TEST(sic_bracket_wrapped_to_next_line)
{
    /* seen in 2000 headers: "[3281" then "]\t\tIRS NUMBER:..." */
    const edgr_submission *s = parse(
        "<SEC-HEADER>x.hdr.sgml : 20000101\nFILER:\n\tCOMPANY DATA:\n"
        "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t [3281\n]\t\tIRS NUMBER:\t\t\t\t030153200\n"
        "</SEC-HEADER>\n");
    CHECK_GET(s, "filer.company_data.assigned_sic", "3281");
    CHECK_GET(s, "filer.company_data.irs_number", "030153200");
    CHECK(s->diag_count == 0);
}

TEST(deep_and_hostile_nesting_is_bounded)
{
    size_t n = 200000;
    char *buf = malloc(n + 64);
    size_t o = (size_t)sprintf(buf, "<SUBMISSION>\n");
    while (o + 20 < n) o += (size_t)sprintf(buf + o, "<FILER>\n<SERIES>\n");
    buf[o] = '\0';
    const edgr_submission *s = parse(buf);
    CHECK(s != NULL && s->container == EDGR_C_SUBMISSION);
    char *j = json_of(s, 0);
    CHECK(j != NULL);
    free(j);
    free(buf);
}

TEST(empty_header_streamed_without_a_buffer)
{
    /* fuzz finding: a stream whose header is empty parsed a NULL region */
    const char *in = "<SUBMISSION>\n<DOCUMENT>\n<TYPE>X\n<TEXT>\nhi\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n";
    edgr_stream *st = edgr_stream_new(NULL, NULL, 0);
    CHECK(edgr_stream_feed(st, in, 13) == EDGR_OK);
    CHECK(edgr_stream_feed(st, in + 13, strlen(in) - 13) == EDGR_OK);
    CHECK(edgr_stream_finish(st) == EDGR_OK);
    edgr_stream_free(st);
    st = edgr_stream_new(NULL, NULL, 0);
    CHECK(edgr_stream_finish(st) == EDGR_ERR_NOT_EDGAR);
    edgr_stream_free(st);
}

TEST(json_strings_are_valid_utf8)
{
    /* valid UTF-8 passes, stray bytes are read as Windows-1252, a sequence
     * cut at the end of the value too, control characters are escaped */
    const edgr_submission *s = parse(
        "<SEC-HEADER>x.hdr.sgml : 20200101\nFILER:\n\tCOMPANY DATA:\n"
        "\t\tCOMPANY CONFORMED NAME:\tCaf\xc3\xa9 Noir\x92s \x01" "Co \xc3\n</SEC-HEADER>\n");
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "\"conformed_name\":\"Caf\xc3\xa9 Noir\xe2\x80\x99s \\u0001Co \xc3\x83\"") != NULL);
    free(j);
}

/* Found by the store, whose document rows record each document's byte range:
 * every document but the last had end == 0. */
TEST(every_document_ends_past_its_closing_tag)
{
    static const char text[] = TAB_HEADER
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\none\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\ntwo\n</TEXT>\n</DOCUMENT>\n"
        "</SEC-DOCUMENT>\n";
    const edgr_submission *s = parse(text);
    CHECK(s && s->doc_count == 2);
    const char *second = strstr(text, "<DOCUMENT>\n<TYPE>EX-99.1");
    const char *last_close = strstr(second, "</DOCUMENT>\n");
    CHECK(s->docs[0].end == (uint64_t)(second - text));
    CHECK(s->docs[1].end == (uint64_t)(last_close + 12 - text));
    /* and a document that is never closed ends where the next begins */
    static const char open[] = TAB_HEADER
        "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\none\n</TEXT>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\ntwo\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    s = parse(open);
    CHECK(s && s->doc_count == 2);
    CHECK(s->docs[0].end == (uint64_t)(strstr(open, "<DOCUMENT>\n<TYPE>EX") - open));
}
