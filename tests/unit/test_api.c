/* The public API's rules for growing (edgr.h, "Growing structs") and its
 * status codes. */
#include <stdlib.h>

#include "edgr/text.h"
#include "test.h"

TEST(api_version_matches_header)
{
    CHECK(!strcmp(edgr_version(), EDGR_VERSION_STR));
    CHECK(edgr_version_num() == EDGR_VERSION_NUM);
    CHECK(EDGR_VERSION_NUM == 0x000300);
    CHECK(!strcmp(edgr_strerror(EDGR_ERR_NOT_FOUND), "not found"));
    CHECK(strcmp(edgr_strerror(EDGR_ERR_NOT_FOUND), edgr_strerror(EDGR_ERR_ARG)));
}

/* A newer caller's options: this release's struct and a field after it. */
typedef struct later_options {
    edgr_text_options v1;
    int later_field;
} later_options;

TEST(api_text_options_struct_size)
{
    const char *html = "<p>One</p><table><tr><td>a</td><td>b</td></tr></table>";
    size_t n = strlen(html);
    edgr_text t = {0};
    edgr_text_options zero = {0};
    CHECK(edgr_html_to_text(html, n, EDGR_CS_ASCII, &zero, &t) == EDGR_ERR_ARG);
    CHECK(edgr_plain_to_text("x\n", 2, EDGR_CS_ASCII, &zero, &t) == EDGR_ERR_ARG);
    edgr_document d;
    edgr_document_bare(html, n, &d);
    CHECK(edgr_document_text(&d, &zero, &t) == EDGR_ERR_ARG);
    edgr_text_options o = EDGR_TEXT_OPTIONS_INIT;
    CHECK(o.struct_size == sizeof o && o.tables == EDGR_TABLES_TEXT);
    o.tables = EDGR_TABLES_TSV;
    CHECK(edgr_html_to_text(html, n, EDGR_CS_ASCII, &o, &t) == EDGR_OK);
    CHECK(t.data && strstr(t.data, "a\tb"));
    later_options lo = {.v1 = {.struct_size = sizeof lo, .tables = EDGR_TABLES_TSV}, .later_field = 1};
    CHECK(edgr_html_to_text(html, n, EDGR_CS_ASCII, &lo.v1, &t) == EDGR_OK);
    CHECK(t.data && strstr(t.data, "a\tb"));
    edgr_text_free(&t);
}

static int count_sub(void *user, const edgr_submission *s)
{
    (void)s;
    ++*(int *)user;
    return 0;
}

TEST(api_callbacks_struct_size)
{
    edgr_callbacks cb = {.submission_end = count_sub};
    CHECK(edgr_stream_new(&cb, NULL, 0) == NULL); /* struct_size not set */
    edgr_callbacks ok = EDGR_CALLBACKS_INIT;
    CHECK(ok.struct_size == sizeof ok && !ok.header && !ok.submission_end);
    ok.submission_end = count_sub;
    int subs = 0;
    edgr_stream *st = edgr_stream_new(&ok, &subs, 0);
    CHECK(st != NULL);
    const char *in = "<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER:\t0009900160-25-000001\n"
                     "</SEC-HEADER>\n</SEC-DOCUMENT>\n";
    CHECK(edgr_stream_feed(st, in, strlen(in)) == EDGR_OK);
    CHECK(edgr_stream_finish(st) == EDGR_OK);
    CHECK(subs == 1);
    edgr_stream_free(st);
}

/* Accession numbers in either form, and the store's sha256: keys. */
TEST(api_accession_normalize)
{
    char out[EDGR_KEY_SIZE];
    const char *dashed = "0009900001-17-000001";
    CHECK(edgr_accession_normalize(dashed, strlen(dashed), 0, out) == 1);
    CHECK(strcmp(out, dashed) == 0);
    CHECK(edgr_accession_normalize("000990000117000001", 18, 0, out) == 1);
    CHECK(strcmp(out, dashed) == 0);
    /* a prefix of a longer string: only n bytes are read */
    CHECK(edgr_accession_normalize("000990000117000001.txt", 18, 0, out) == 1);
    CHECK(strcmp(out, dashed) == 0);
    const char *bad[] = {"", "0009900001-17-00000", "0009900001-17-0000011", "00099000011700000",
                         "0009900001_17-000001", "000990000117000x01", "0009900001-1-7000001",
                         "sha256:0123456789abcdef0123"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(edgr_accession_normalize(bad[i], strlen(bad[i]), 0, out) == 0);
    /* keys: only with EDGR_ACCESSION_KEYS, in any case, written lower */
    const char *key = "SHA256:0123456789ABCDEF0123";
    CHECK(edgr_accession_normalize(key, strlen(key), EDGR_ACCESSION_KEYS, out) == 1);
    CHECK(strcmp(out, "sha256:0123456789abcdef0123") == 0);
    CHECK(strlen(out) == EDGR_KEY_SIZE - 1);
    CHECK(edgr_accession_normalize("000990000117000001", 18, EDGR_ACCESSION_KEYS, out) == 1);
    CHECK(strcmp(out, dashed) == 0);
    const char *badkey[] = {"sha256:0123456789abcdef012", "sha256:0123456789abcdef01234",
                            "sha256:0123456789abcdeg0123", "sha257:0123456789abcdef0123",
                            "sha2560123456789abcdef01234"};
    for (size_t i = 0; i < sizeof badkey / sizeof *badkey; i++)
        CHECK(edgr_accession_normalize(badkey[i], strlen(badkey[i]), EDGR_ACCESSION_KEYS, out) == 0);
    CHECK(edgr_accession_normalize(NULL, 0, 0, out) == 0);
}

/* Windows-1252 to UTF-8 in pieces, byte by byte (edgr cat streams it). */
TEST(api_cp1252_to_utf8)
{
    char out[3 * 8];
    size_t n = edgr_cp1252_to_utf8("Caf\xe9 \x80\x81", 7, out);
    CHECK(n == 11 && !memcmp(out, "Caf\xc3\xa9 \xe2\x82\xac\xc2\x81", 11));
    CHECK(edgr_cp1252_to_utf8("", 0, out) == 0);
}
