/* Tests over the project's own synthetic filings (samples/ and
 * tests/fixtures/, described in tests/fixtures/EXPECTED.md): each dialect
 * and edge case, whole and streamed. */
#include <dirent.h>
#include <stdlib.h>

#include "../common/equiv.h"
#include "../common/strip.h"
#include "test.h"

static edgr_parser *P;
static char *buf;
static size_t len;

/* Parse the first submission of a file from the source tree. */
static const edgr_submission *load(const char *rel, unsigned flags, edgr_status *rc)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", EDGR_SOURCE_DIR, rel);
    free(buf);
    buf = read_file(path, &len);
    if (!buf) {
        fprintf(stderr, "  cannot read %s\n", path);
        test_failures++;
        buf = malloc(1);
        len = 0;
    }
    if (!P) P = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used;
    edgr_status r = edgr_parse(P, buf, len, 0, flags | EDGR_PARSE_DECODE, &s, &used);
    if (rc) *rc = r;
    return s;
}

static int diag_with(const edgr_submission *s, edgr_diag_code code)
{
    for (size_t i = 0; i < s->diag_count; i++)
        if (s->diags[i].code == code) return 1;
    return 0;
}

TEST(every_fixture_streams_like_it_parses)
{
    static const char *const dirs[] = {"samples", "tests/fixtures"};
    for (int d = 0; d < 2; d++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", EDGR_SOURCE_DIR, dirs[d]);
        DIR *dp = opendir(dir);
        CHECK(dp != NULL);
        if (!dp) continue;
        struct dirent *e;
        while ((e = readdir(dp))) {
            if (e->d_name[0] == '.' || strstr(e->d_name, ".md")) continue;
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t n;
            char *b = read_file(path, &n);
            if (!P) P = edgr_parser_new();
            jbuf whole = {0}, one = {0}, rnd = {0};
            json_whole(P, b, n, &whole);
            json_stream(b, n, 1, 0, &one);
            json_stream(b, n, 0, 7, &rnd);
            int same = (!whole.p && !one.p) || (whole.p && one.p && !strcmp(whole.p, one.p));
            int same2 = (!whole.p && !rnd.p) || (whole.p && rnd.p && !strcmp(whole.p, rnd.p));
            if (!same || !same2) fprintf(stderr, "  %s: stream differs from whole\n", e->d_name);
            CHECK(same && same2);
            free(whole.p);
            free(one.p);
            free(rnd.p);
            free(b);
        }
        closedir(dp);
    }
}

TEST(sample_8k_txt_and_nc_agree)
{
    const edgr_submission *s = load("samples/0009900001-17-000001.txt", 0, NULL);
    CHECK(s->container == EDGR_C_SEC_DOCUMENT && s->doc_count == 2 && s->diag_count == 0);
    CHECK_GET(s, "items.0", "7.01");
    CHECK_GET(s, "items.1", "9.01");
    CHECK_GET(s, "filer.company_data.conformed_name", "Halcyon Meadow Therapeutics, Inc.");
    CHECK_GET(s, "filer.company_data.assigned_sic", "2834");
    CHECK_GET(s, "filer.former_company.1.date_changed", "2008-07-22");
    CHECK_GET(s, "acceptance_datetime", "2017-03-14T16:15:02");
    CHECK_SPAN(s->docs[1].type, "EX-99.1");
    CHECK(s->docs[0].format == EDGR_FMT_HTML && s->docs[1].format == EDGR_FMT_HTML);
    char *a = json_of(s, EDGR_JSON_NO_SOURCE | EDGR_JSON_NO_DOCS);
    s = load("samples/0009900001-17-000001.nc", 0, NULL);
    CHECK(s->container == EDGR_C_SUBMISSION && s->dialect == EDGR_DIALECT_TAG && s->doc_count == 2);
    char *b = json_of(s, EDGR_JSON_NO_SOURCE | EDGR_JSON_NO_DOCS);
    char *cut = strstr(a, ",\"acceptance_datetime\":\"2017-03-14T16:15:02\"");
    CHECK(cut != NULL);
    if (cut) memmove(cut, cut + 44, strlen(cut + 44) + 1);
    CHECK(strcmp(a, b) == 0);
    free(a);
    free(b);
}

TEST(pem_1997_text_10k)
{
    const edgr_submission *s = load("samples/0009900002-97-000003.txt", 0, NULL);
    CHECK(s->pem && s->container == EDGR_C_SEC_DOCUMENT && s->doc_count == 2);
    CHECK_GET(s, "type", "10-K");
    CHECK_GET(s, "sros", "NASD");
    CHECK_GET(s, "filer.company_data.assigned_sic", "2211");
    CHECK(edgr_find(s, "acceptance_datetime") < 0);
    CHECK(s->docs[0].filename.len == 0 && s->docs[0].format == EDGR_FMT_TEXT);
    CHECK_SPAN(s->docs[1].type, "EX-27");
    CHECK(s->diag_count == 0);
}

TEST(uuencoded_gif_with_stripped_lines)
{
    const edgr_submission *s = load("samples/0009900003-19-000010.txt", 0, NULL);
    CHECK(s->doc_count == 2 && s->docs[1].format == EDGR_FMT_UUENCODED);
    CHECK(s->docs[1].decoded_size == 1984);
    CHECK_SPAN(s->docs[1].uu_name, "logo.gif");
    edgr_buf out = {0};
    CHECK(edgr_document_decode(&s->docs[1], 0, &out) == EDGR_OK);
    CHECK(out.len == 1984 && memcmp(out.data, "GIF89a", 6) == 0 && out.data[1983] == ';');
    edgr_buf_free(&out);
}

TEST(multi_filer_with_tag_lines)
{
    const edgr_submission *s = load("samples/0009900004-23-000020.txt", 0, NULL);
    CHECK(edgr_find(s, "filer.2") >= 0 && edgr_find(s, "filer.3") < 0);
    CHECK(edgr_find(s, "depositor_cik") >= 0);
    CHECK(edgr_find(s, "group_members.1") >= 0);
    CHECK(s->diag_count == 0);
}

TEST(line_endings_crlf_and_bare_cr)
{
    const edgr_submission *s = load("tests/fixtures/crlf.txt", 0, NULL);
    CHECK(s->doc_count == 2 && s->diag_count == 0);
    CHECK_GET(s, "accession_number", "0009900010-18-000101");
    CHECK(s->docs[0].body.len && s->docs[0].body.ptr[s->docs[0].body.len - 1] != '\r');
    s = load("tests/fixtures/bare_cr.nc", 0, NULL);
    CHECK(s->container == EDGR_C_SUBMISSION && s->doc_count == 2 && s->diag_count == 0);
    CHECK_GET(s, "accession_number", "0009900011-25-000007");
}

TEST(concatenated_submissions_each_reported)
{
    load("tests/fixtures/concatenated.txt", 0, NULL);
    jbuf j = {0};
    json_whole(P, buf, len, &j);
    CHECK(j.subs == 2 && j.errors == 0);
    CHECK(j.p && strstr(j.p, "0009900012-21-000001") && strstr(j.p, "0009900029-21-000002"));
    free(j.p);
}

TEST(truncated_file_keeps_what_is_there)
{
    const edgr_submission *s = load("tests/fixtures/truncated.txt", 0, NULL);
    CHECK(s->doc_count == 2 && !s->docs[0].truncated && s->docs[1].truncated);
    CHECK(diag_with(s, EDGR_D_TRUNCATED) && s->errors == 0);
    CHECK(s->diags[0].offset == len); /* the warning names the offset where it stopped */
}

TEST(ims_1994_with_pem)
{
    const edgr_submission *s = load("tests/fixtures/ims_1994.txt", 0, NULL);
    CHECK(s->container == EDGR_C_IMS_DOCUMENT && s->pem);
    CHECK(edgr_find(s, "confirming_copy") >= 0);
    CHECK_GET(s, "filer.filing_values.act", "34");
    CHECK_GET(s, "filer.company_data.assigned_sic", "3571");
}

TEST(fragment_header_only_and_index_headers)
{
    const edgr_submission *s = load("tests/fixtures/fragment.txt", 0, NULL);
    CHECK(s->container == EDGR_C_FRAGMENT && s->doc_count == 2 && s->node_count == 1);
    CHECK(s->diag_count == 0);
    s = load("tests/fixtures/header_only.hdr.sgml", 0, NULL);
    CHECK(s->container == EDGR_C_SEC_HEADER && s->doc_count == 0 && s->diag_count == 0);
    CHECK_GET(s, "accession_number", "0009900016-24-000031");
    s = load("tests/fixtures/index_headers.html", 0, NULL);
    CHECK(s->container == EDGR_C_INDEX_HEADERS && s->diag_count == 0);
    CHECK_GET(s, "accession_number", "0009900017-24-000044");
}

TEST(header_variants_from_fixtures)
{
    const edgr_submission *s = load("tests/fixtures/double_spaced_header.txt", 0, NULL);
    CHECK(edgr_find(s, "private_to_public") >= 0 && s->diag_count == 0);
    s = load("tests/fixtures/reporting_owner_1998.txt", 0, NULL);
    CHECK(edgr_find(s, "reporting_owner.0") >= 0 && edgr_find(s, "subject_company.0") >= 0);
    CHECK(s->diag_count == 0);
    s = load("tests/fixtures/serial_company_2000.txt", 0, NULL);
    CHECK(edgr_find(s, "serial_company.0.company_data.cik") >= 0 && s->diag_count == 0);
    s = load("tests/fixtures/series_classes.nc", 0, NULL);
    CHECK(edgr_find(s, "series_and_classes_contracts_data.existing_series_and_classes_contracts.series.1.class_contract.1.class_contract_ticker_symbol") >= 0);
    s = load("tests/fixtures/unknown_keys.txt", 0, NULL);
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "\"FAVORITE COLOR\"") && strstr(j, "\"MADE-UP-TAG\""));
    free(j);
    s = load("tests/fixtures/pre2004_8k.txt", 0, NULL);
    CHECK_GET(s, "items.0", "5");
    CHECK_GET(s, "items.1", "7");
}

TEST(wrappers_and_charsets)
{
    const edgr_submission *s = load("tests/fixtures/wrappers.txt", 0, NULL);
    CHECK(s->doc_count == 4);
    int pdf = -1, xml = 0, xbrl = 0;
    for (size_t i = 0; i < s->doc_count; i++) {
        if (s->docs[i].format == EDGR_FMT_PDF) pdf = (int)i;
        xml += s->docs[i].format == EDGR_FMT_XML;
        xbrl += s->docs[i].format == EDGR_FMT_XBRL;
    }
    CHECK(pdf >= 0 && xml >= 1 && xbrl >= 1);
    if (pdf >= 0) {
        CHECK(s->docs[pdf].decoded_size == 642);
        edgr_buf out = {0};
        edgr_document_decode(&s->docs[pdf], 0, &out);
        CHECK(out.len == 642 && memcmp(out.data, "%PDF-1.4", 8) == 0);
        edgr_buf_free(&out);
    }
    for (size_t i = 0; i < s->doc_count; i++) {
        const edgr_span b = s->docs[i].body;
        /* no wrapper line survives in a body */
        CHECK(!(b.len >= 5 && (!memcmp(b.ptr, "<XML>", 5) || !memcmp(b.ptr, "<PDF>", 5))));
        CHECK(!(b.len >= 6 && !memcmp(b.ptr + b.len - 6, "</XML>", 6)));
    }
    s = load("tests/fixtures/cp1252.txt", 0, NULL);
    CHECK(s->docs[0].charset == EDGR_CS_CP1252);
    edgr_buf u = {0};
    CHECK(edgr_document_decode(&s->docs[0], EDGR_DECODE_UTF8, &u) == EDGR_OK);
    u.data[u.len - 1] = '\0';
    CHECK(strstr(u.data, "Company\xe2\x80\x99s") != NULL);
    edgr_buf_free(&u);
}

TEST(bad_inputs_give_clear_results)
{
    edgr_status rc;
    const edgr_submission *s = load("tests/fixtures/not_edgar.txt", 0, &rc);
    CHECK(rc == EDGR_ERR_NOT_EDGAR && s && s->errors == 1 && s->diags[0].code == EDGR_D_NOT_EDGAR);
    load("tests/fixtures/empty.txt", 0, &rc);
    CHECK(rc == EDGR_ERR_EMPTY);
    s = load("tests/fixtures/uu_bad.txt", 0, &rc);
    CHECK(rc == EDGR_OK && s->doc_count == 2 && diag_with(s, EDGR_D_UUDECODE));
    for (size_t i = 0; i < s->diag_count; i++)
        if (s->diags[i].code == EDGR_D_UUDECODE) CHECK(s->diags[i].offset == 2748);
}

/* ---- regressions from review: stream and whole must agree ---------------- */

static char *cat3(const char *a, const char *mid, size_t midlen, const char *b, size_t *outlen)
{
    size_t la = strlen(a), lb = strlen(b);
    char *r = malloc(la + midlen + lb + 1);
    memcpy(r, a, la);
    memcpy(r + la, mid, midlen);
    memcpy(r + la + midlen, b, lb + 1);
    *outlen = la + midlen + lb;
    return r;
}

static int agree(const char *in, size_t n)
{
    if (!P) P = edgr_parser_new();
    jbuf w = {0};
    json_whole(P, in, n, &w);
    int ok = 1;
    static const size_t sizes[] = {1, 5, 7, 4096, 1 << 20, 0};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0] && ok; k++) {
        jbuf s = {0};
        json_stream(in, n, sizes[k], (unsigned)n, &s);
        if ((w.p == NULL) != (s.p == NULL) || (w.p && strcmp(w.p, s.p))) {
            fprintf(stderr, "  chunk %zu: stream differs\n", sizes[k]);
            ok = 0;
        }
        free(s.p);
    }
    free(w.p);
    return ok;
}

#define HDR "<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER:\t0009900099-20-000001\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>X\n<TEXT>\n"
#define TRL "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"

TEST(review_indented_closing_wrapper)
{
    const char *in = HDR "<XML>\n<a/>\n                    </XML>" TRL;
    CHECK(agree(in, strlen(in)));
    const edgr_submission *s;
    size_t used;
    edgr_parse(P, in, strlen(in), 0, 0, &s, &used);
    CHECK(s->doc_count == 1 && s->docs[0].body.len == 4);
}

TEST(review_long_blank_lead_before_begin)
{
    size_t n;
    char blank[9000];
    memset(blank, '\n', sizeof blank);
    char *in = cat3(HDR, blank, sizeof blank, "begin 644 a.bin\n#86)C\n`\nend" TRL, &n);
    CHECK(agree(in, n));
    free(in);
}

TEST(review_overlong_uu_line_does_not_resync_midline)
{
    size_t n;
    char junk[1030];
    memset(junk, 'A', sizeof junk);
    char *in = cat3(HDR "begin 644 a.bin\n", junk, sizeof junk, "#86)C\n#86)C\n`\nend" TRL, &n);
    CHECK(agree(in, n));
    const edgr_submission *s;
    size_t used;
    edgr_parse(P, in, n, 0, EDGR_PARSE_DECODE, &s, &used);
    CHECK(s->docs[0].decoded_size == 3); /* the junk and the first "#86)C" are one line */
    free(in);
}

TEST(review_structure_after_a_huge_line_is_not_a_new_line)
{
    size_t big = (2u << 20) - 145, n;
    char *junk = malloc(big);
    memset(junk, 'J', big);
    char *in = cat3(HDR "x" TRL, junk, big, "<DOCUMENT>\n<TYPE>EVIL\n<TEXT>\nboo\n</TEXT>\n</DOCUMENT>\n", &n);
    CHECK(agree(in, n));
    free(junk);
    free(in);
}

TEST(review_empty_first_document_and_leading_zero_numbers)
{
    const char *in = HDR "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    CHECK(agree(in, strlen(in)));
    const edgr_submission *s;
    size_t used;
    const char *z = "<SEC-HEADER>\nPUBLIC DOCUMENT COUNT:\t007\n</SEC-HEADER>\n";
    if (!P) P = edgr_parser_new();
    edgr_parse(P, z, strlen(z), 0, 0, &s, &used);
    char *j = json_of(s, EDGR_JSON_NO_SOURCE);
    CHECK(strstr(j, "\"public_document_count\":\"007\"") != NULL);
    free(j);
}

TEST(review_hostile_header_node_count_is_capped)
{
    size_t lines = 400000, n = 0;
    char *in = malloc(lines * 2 + 64);
    n += (size_t)sprintf(in, "<SEC-HEADER>\n");
    for (size_t i = 0; i < lines; i++) in[n++] = 'A', in[n++] = '\n';
    n += (size_t)sprintf(in + n, "</SEC-HEADER>\n");
    if (!P) P = edgr_parser_new();
    const edgr_submission *s;
    size_t used;
    edgr_parse(P, in, n, 0, 0, &s, &used);
    CHECK(s->node_count <= 300000 && s->errors == 1);
    free(in);
}

/* Every input a fuzzer ever broke on stays here and is replayed: whole,
 * streamed, and through JSON and decoding (under ASan/UBSan in make check). */
TEST(fuzz_findings_replay)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/regress", EDGR_SOURCE_DIR);
    DIR *dp = opendir(dir);
    CHECK(dp != NULL);
    if (!dp) return;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.') continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len_;
        char *b = read_file(path, &len_);
        /* the fuzz target reads its first byte as flags */
        CHECK(b && len_ >= 1 && agree(b + 1, len_ - 1));
        /* and tries the stripped and the repeated variants (issue 10) */
        char *v;
        size_t vn;
        if (b && len_ >= 1 && !strip_tags(b + 1, len_ - 1, &v, &vn)) {
            if (!agree(v, vn)) fprintf(stderr, "  %s, stripped: stream differs from whole\n", e->d_name);
            CHECK(agree(v, vn));
            free(v);
        }
        if (b && len_ >= 1 && (v = malloc(2 * len_))) {
            memcpy(v, b + 1, len_ - 1);
            memcpy(v + len_ - 1, b + 1, len_ - 1);
            if (!agree(v, 2 * (len_ - 1))) fprintf(stderr, "  %s, twice: stream differs from whole\n", e->d_name);
            CHECK(agree(v, 2 * (len_ - 1)));
            free(v);
        }
        free(b);
        n++;
    }
    closedir(dp);
    CHECK(n >= 1);
}

TEST(text_starting_on_the_text_line)
{
    /* fuzz finding: "<TEXT>content" lost its first line when streamed */
    const char *in = HDR "</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>Y\n<TEXT>first line\nsecond\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    CHECK(agree(in, strlen(in)));
    const edgr_submission *s;
    size_t used;
    edgr_parse(P, in, strlen(in), 0, 0, &s, &used);
    CHECK(s->doc_count == 2);
    if (s->doc_count == 2) CHECK_SPAN(s->docs[1].body, "first line\nsecond");
}

TEST(sniff_resumes_where_it_stopped)
{
    /* 1 MB of blank lines before "begin", streamed a byte at a time: the
     * sniff used to rescan its whole head per chunk (minutes, now ms) */
    size_t blank = 1 << 20, n;
    char *lead = malloc(blank);
    memset(lead, '\n', blank);
    char *in = cat3(HDR, lead, blank, "begin 644 a.bin\n#86)C\n`\nend" TRL, &n);
    CHECK(agree(in, n));
    free(lead);
    free(in);
}

/* Issue 10: submissions whose SGML tags a mirror stripped (every <...>
 * removed, tests/common/strip.h).  The documents are recovered from the
 * bare type / sequence / filename lines, whole and streamed alike. */
static int diag_says(const edgr_submission *s, const char *words)
{
    for (size_t i = 0; i < s->diag_count; i++)
        if (strstr(s->diags[i].message, words)) return 1;
    return 0;
}

static void check_streams_alike(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", EDGR_SOURCE_DIR, rel);
    size_t n;
    char *b = read_file(path, &n);
    CHECK(b != NULL);
    if (!b) return;
    if (!P) P = edgr_parser_new();
    jbuf whole = {0}, one = {0}, rnd = {0};
    json_whole(P, b, n, &whole);
    json_stream(b, n, 1, 0, &one);
    json_stream(b, n, 0, 7, &rnd);
    int same = whole.p && one.p && rnd.p && !strcmp(whole.p, one.p) && !strcmp(whole.p, rnd.p);
    if (!same) fprintf(stderr, "  %s: stream differs from whole\n", rel);
    CHECK(same);
    free(whole.p);
    free(one.p);
    free(rnd.p);
    free(b);
}

TEST(stripped_1997_text_10k_recovers_its_document)
{
    const edgr_submission *s = load("tests/fixtures/items/10k-1997-text-stripped.txt", 0, NULL);
    CHECK(s && s->stripped);
    CHECK(s->container == EDGR_C_SEC_DOCUMENT && s->doc_count == 1 && s->errors == 0);
    CHECK_GET(s, "accession_number", "0009900007-97-000012");
    CHECK_GET(s, "filer.0.company_data.cik", "0009900007");
    CHECK(!edgr_get(s, "unknown").ptr); /* no text line taken for a header key */
    if (s->doc_count == 1) {
        CHECK_SPAN(s->docs[0].type, "10-K");
        CHECK(s->docs[0].sequence == 1 && s->docs[0].format == EDGR_FMT_TEXT);
        CHECK(s->docs[0].stripped && s->docs[0].text.len > 5000);
    }
    CHECK(diag_says(s, "tags stripped"));
    check_streams_alike("tests/fixtures/items/10k-1997-text-stripped.txt");
}

TEST(stripped_html_10k_recovers_main_document_and_exhibits)
{
    const edgr_submission *s = load("tests/fixtures/items/10k-2023-html-stripped.txt", 0, NULL);
    CHECK(s && s->stripped && s->doc_count == 3 && s->errors == 0);
    CHECK_GET(s, "type", "10-K");
    CHECK_GET(s, "public_document_count", "3");
    if (s->doc_count == 3) {
        static const char *const types[] = {"10-K", "EX-21.1", "EX-23.1"};
        static const char *const names[] = {"qfrb-20221231.htm", "qfrb-ex211.htm", "qfrb-ex231.txt"};
        for (int i = 0; i < 3; i++) {
            CHECK_SPAN(s->docs[i].type, types[i]);
            CHECK_SPAN(s->docs[i].filename, names[i]);
            CHECK(s->docs[i].sequence == i + 1);
            CHECK(s->docs[i].format == EDGR_FMT_TEXT); /* no markup left to read */
        }
        /* the main document ends where the exhibit's type line begins */
        CHECK(s->docs[0].end == s->docs[1].offset);
        CHECK(memcmp(buf + s->docs[1].offset, "EX-21.1\n2\n", 10) == 0);
        CHECK(s->docs[2].text.len > 0 && memcmp(s->docs[2].text.ptr, "Exhibit 23.1", 12) == 0);
    }
    /* the warning names where the variant was recognised */
    for (size_t i = 0; i < s->diag_count; i++)
        if (strstr(s->diags[i].message, "tags stripped")) CHECK(s->diags[i].offset == s->docs[0].offset);
    check_streams_alike("tests/fixtures/items/10k-2023-html-stripped.txt");
    /* header only: the header ends at the first document's type line */
    s = load("tests/fixtures/items/10k-2023-html-stripped.txt", EDGR_PARSE_HEADER_ONLY, NULL);
    CHECK(s && s->doc_count == 0);
    CHECK(s && memcmp(buf + s->header_end, "10-K\n1\n", 7) == 0);
}

TEST(ordinary_submissions_are_not_taken_for_stripped)
{
    static const char *const files[] = {"tests/fixtures/items/10k-1997-text.txt",
                                        "tests/fixtures/items/10k-2023-html.txt",
                                        "samples/0009900002-97-000003.txt",
                                        "tests/fixtures/double_spaced_header.txt",
                                        "tests/fixtures/unknown_keys.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const edgr_submission *s = load(files[i], 0, NULL);
        CHECK(s && !s->stripped);
        for (size_t d = 0; s && d < s->doc_count; d++) CHECK(!s->docs[d].stripped);
    }
}

/* Issue 10: the same submission repeated in one file (same bytes; only the
 * first copy has its PEM preamble) is reported once, with a warning that
 * names the repeat count; whole and streamed alike. */
TEST(identical_repeats_reported_once)
{
    load("tests/fixtures/repeated.txt", 0, NULL);
    const edgr_submission *s;
    size_t used;
    CHECK(edgr_parse(P, buf, len, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    CHECK(used == len); /* the repeats are consumed with the first copy */
    CHECK(s->pem && s->doc_count == 1 && s->errors == 0);
    CHECK(diag_with(s, EDGR_D_REPEATED) && diag_says(s, "3 times"));
    jbuf j = {0};
    json_whole(P, buf, len, &j);
    CHECK(j.subs == 1);
    free(j.p);
    check_streams_alike("tests/fixtures/repeated.txt");
}

TEST(repeats_that_differ_stay_separate)
{
    load("tests/fixtures/repeated.txt", 0, NULL);
    /* one byte changed in the last copy's text: a different submission */
    char *hit = NULL;
    for (char *q = buf; (q = strstr(q, "carloads up 6%")); q++) hit = q;
    CHECK(hit != NULL);
    if (!hit) return;
    hit[12] = '7';
    jbuf j = {0}, st = {0};
    json_whole(P, buf, len, &j);
    json_stream(buf, len, 0, 3, &st);
    CHECK(j.subs == 2 && st.subs == 2); /* copies 1-2 are one, copy 3 is another */
    CHECK(j.p && st.p && !strcmp(j.p, st.p));
    CHECK(j.p && strstr(j.p, "repeated 2 times"));
    free(j.p);
    free(st.p);
    /* distinct accessions, as ever */
    load("tests/fixtures/concatenated.txt", 0, NULL);
    j = (jbuf){0};
    json_whole(P, buf, len, &j);
    CHECK(j.subs == 2 && !strstr(j.p, "repeated"));
    free(j.p);
}

/* The same file with its tags stripped: the stripped copies repeat too. */
TEST(stripped_identical_repeats_reported_once)
{
    load("tests/fixtures/repeated.txt", 0, NULL);
    char *v;
    size_t vn;
    CHECK(!strip_tags(buf, len, &v, &vn));
    jbuf j = {0}, st = {0};
    json_whole(P, v, vn, &j);
    json_stream(v, vn, 0, 5, &st);
    CHECK(j.subs == 1 && j.p && strstr(j.p, "repeated 3 times") && strstr(j.p, "\"stripped\":true"));
    CHECK(j.p && st.p && !strcmp(j.p, st.p));
    free(j.p);
    free(st.p);
    /* a copy that goes on past the first's end is not a repeat */
    char *w = malloc(vn + 16);
    CHECK(w != NULL);
    if (w) {
        memcpy(w, v, vn);
        memcpy(w + vn, "one more line\n", 14);
        j = (jbuf){0};
        st = (jbuf){0};
        json_whole(P, w, vn + 14, &j);
        json_stream(w, vn + 14, 1, 0, &st);
        CHECK(j.subs == 2 && j.p && strstr(j.p, "repeated 2 times") && strstr(j.p, "one more line") == NULL);
        CHECK(j.p && st.p && !strcmp(j.p, st.p));
        free(j.p);
        free(st.p);
        free(w);
    }
    free(v);
}
