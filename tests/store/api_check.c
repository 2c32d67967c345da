/*
 * The store's public API: "not found" is EDGR_ERR_NOT_FOUND, a query whose
 * struct_size is not set is refused, and messages name the query's fields,
 * never a command-line flag (the library has no command line).
 *
 * usage: store_api_check SAMPLE.txt   (exit 0 when every check holds)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/store.h"

static int checks, failures;

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(c)) {                                                                                \
            failures++;                                                                            \
            fprintf(stderr, "store_api_check: %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c); \
        }                                                                                          \
    } while (0)

static int no_flag(const char *msg) { return msg && !strstr(msg, "--") && !strstr(msg, "edgr "); }

static int discard(void *u, const char *p, size_t n)
{
    (void)u, (void)p, (void)n;
    return 0;
}

static int count_hit(void *u, const edgr_hit *h)
{
    if (h->accession_number && h->type && h->conformed_name && h->document > 0) ++*(int *)u;
    return 0;
}

/* edgr_store_index_select's rows: how many, and the last one's CIK and
 * accession number. */
typedef struct plan_seen {
    int n;
    char cik[16], acc[32];
} plan_seen;

static int on_plan(void *user, const edgr_index_entry *e)
{
    plan_seen *p = user;
    p->n++;
    snprintf(p->cik, sizeof p->cik, "%.*s", (int)e->cik.len, e->cik.ptr);
    snprintf(p->acc, sizeof p->acc, "%.*s", (int)e->accession_number.len, e->accession_number.ptr);
    return 0;
}

/* The pending URLs' last component, in order, into a string. */
static int on_pending_url(void *user, const edgr_journal_entry *e)
{
    char *out = user;
    const char *last = strrchr(e->url, '/');
    size_t n = strlen(out);
    snprintf(out + n, 64 - n, "%s ", last ? last + 1 : e->url);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: store_api_check SAMPLE.txt\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    static char buf[1 << 20];
    size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    CHECK(len > 0);

    /* the SHA-256 given in pieces is the SHA-256 of the whole, final once */
    char one[65], pieces[65];
    CHECK(edgr_sha256_hex(buf, len, one) == EDGR_OK);
    edgr_sha256 *h = edgr_sha256_new();
    CHECK(h != NULL);
    for (size_t at = 0; at < len; at += 1000) edgr_sha256_update(h, buf + at, len - at < 1000 ? len - at : 1000);
    CHECK(edgr_sha256_final(h, pieces) == EDGR_OK && !strcmp(one, pieces));
    CHECK(edgr_sha256_final(h, pieces) != EDGR_OK && !pieces[0]);
    edgr_sha256_free(h);
    edgr_sha256_free(NULL);

    char err[512] = "";
    /* not a regular file (a directory here; a FIFO would block): refused, readers and writers */
    CHECK(edgr_store_open(".", EDGR_STORE_READONLY, err, sizeof err) == NULL && strstr(err, "not a regular file"));
    CHECK(edgr_store_open(".", 0, err, sizeof err) == NULL && strstr(err, "not a regular file"));
    CHECK(edgr_store_open("/nonexistent/edgr-api-check.db", EDGR_STORE_READONLY, err, sizeof err) == NULL);
    CHECK(err[0] && no_flag(err));

    edgr_store *st = edgr_store_open(":memory:", 0, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return 1;

    /* one filing in */
    edgr_parser *p = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used = 0;
    CHECK(edgr_parse(p, buf, len, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    edgr_source src = {.struct_size = sizeof src, .path = argv[1], .offset = 0, .length = len};
    edgr_record *r = NULL;
    CHECK(edgr_record_build(s, &src, &r) == EDGR_OK);
    edgr_put_result res;
    CHECK(edgr_store_begin(st) == EDGR_OK && edgr_store_put(st, r, 0, &res) == EDGR_OK &&
          edgr_store_commit(st) == EDGR_OK);
    const char *acc = r ? edgr_record_accession(r) : "";

    /* no accession number in the submission: nothing to key it by */
    const char *bare = "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nHello\n</TEXT>\n</DOCUMENT>\n";
    edgr_record *r2 = NULL;
    CHECK(edgr_parse(p, bare, strlen(bare), 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    CHECK(edgr_record_build(s, &src, &r2) == EDGR_ERR_NOT_FOUND && r2 == NULL);

    /* a source whose struct_size is not set is refused */
    edgr_source unset = {0};
    unset.path = "x";
    CHECK(edgr_record_build(s, &unset, &r2) == EDGR_ERR_ARG && r2 == NULL);

    /* a key of the caller's, looked up in any case */
    const char *sha = "sha256:0123456789abcdef0123";
    CHECK(edgr_record_build_keyed(s, sha, &src, &r2) == EDGR_OK && r2);
    CHECK(edgr_store_begin(st) == EDGR_OK && edgr_store_put(st, r2, 0, &res) == EDGR_OK &&
          edgr_store_commit(st) == EDGR_OK);
    edgr_record_free(r2);
    CHECK(edgr_store_show(st, "SHA256:0123456789ABCDEF0123", 0, 0, discard, NULL) == EDGR_OK);
    CHECK(edgr_store_has(st, "Sha256:0123456789abcdef0123") == 1);

    /* found and not found */
    CHECK(edgr_store_show(st, acc, 0, 0, discard, NULL) == EDGR_OK);
    CHECK(edgr_store_show(st, "0009900160-99-000001", 0, 0, discard, NULL) == EDGR_ERR_NOT_FOUND);
    CHECK(no_flag(edgr_store_error(st)));
    CHECK(edgr_store_company(st, "no such company anywhere", 5, 0, discard, NULL) == EDGR_ERR_NOT_FOUND);
    edgr_source out = EDGR_SOURCE_INIT;
    CHECK(edgr_store_source(st, acc, &out) == EDGR_OK);
    CHECK(edgr_store_source(st, "0009900160-99-000001", &out) == EDGR_ERR_NOT_FOUND);
    edgr_source small = {0};
    CHECK(edgr_store_source(st, acc, &small) == EDGR_ERR_ARG);

    /* an accession number without its dashes is the same filing */
    char dashless[32] = "";
    for (size_t i = 0, j = 0; acc[i] && j + 1 < sizeof dashless; i++)
        if (acc[i] != '-') dashless[j++] = acc[i];
    CHECK(strlen(dashless) == 18);
    CHECK(edgr_store_show(st, dashless, 0, 0, discard, NULL) == EDGR_OK);
    CHECK(edgr_store_has(st, dashless) == edgr_store_has(st, acc) && edgr_store_has(st, acc) > 0);
    edgr_source out2 = EDGR_SOURCE_INIT;
    CHECK(edgr_store_source(st, dashless, &out2) == EDGR_OK && out2.length == len);
    CHECK(edgr_store_show(st, "0009900160990000019", 0, 0, discard, NULL) == EDGR_ERR_NOT_FOUND);
    CHECK(edgr_store_show(st, NULL, 0, 0, discard, NULL) == EDGR_ERR_ARG);

    /* queries: struct_size, and messages in the API's words */
    int n = 0;
    edgr_query q0 = {.match = "the"};
    CHECK(edgr_store_search(st, &q0, count_hit, &n) == EDGR_ERR_ARG);
    edgr_query q = EDGR_QUERY_INIT;
    q.match = "the";
    CHECK(edgr_store_search(st, &q, count_hit, &n) == EDGR_OK && n > 0);
    const char **bad[] = {&q.from, &q.to, &q.cik};
    for (int i = 0; i < 3; i++) {
        edgr_query b = EDGR_QUERY_INIT;
        b.match = "the";
        *(const char **)((char *)&b + ((char *)bad[i] - (char *)&q)) = "not-a-value";
        CHECK(edgr_store_search(st, &b, count_hit, &n) == EDGR_ERR_QUERY);
        CHECK(no_flag(edgr_store_error(st)));
    }
    /* impossible dates and empty filters: refused, naming the field */
    const char *dates[] = {"2020-13-45", "2021-02-30", "2019-02-29", "2020-00", ""};
    for (int i = 0; i < 5; i++) {
        edgr_query b = EDGR_QUERY_INIT;
        b.match = "the";
        b.from = dates[i];
        CHECK(edgr_store_search(st, &b, count_hit, &n) == EDGR_ERR_QUERY);
        CHECK(no_flag(edgr_store_error(st)) && strstr(edgr_store_error(st), "'from'"));
    }
    edgr_query leap = EDGR_QUERY_INIT;
    leap.match = "the";
    leap.to = "2020-02-29";
    CHECK(edgr_store_search(st, &leap, count_hit, &n) == EDGR_OK);
    edgr_query noname = EDGR_QUERY_INIT;
    noname.match = "the";
    noname.company = "";
    CHECK(edgr_store_search(st, &noname, count_hit, &n) == EDGR_ERR_QUERY);
    CHECK(no_flag(edgr_store_error(st)) && strstr(edgr_store_error(st), "'company'"));
    /* at most 64 terms and 4096 bytes */
    char many[1024] = "";
    for (int i = 0; i < 65; i++) snprintf(many + strlen(many), sizeof many - strlen(many), "%sw%d", i ? " OR " : "", i);
    edgr_query big = EDGR_QUERY_INIT;
    big.match = many;
    CHECK(edgr_store_search(st, &big, count_hit, &n) == EDGR_ERR_QUERY);
    CHECK(no_flag(edgr_store_error(st)) && strstr(edgr_store_error(st), "64"));
    char *longq = malloc(5000);
    CHECK(longq != NULL);
    if (longq) {
        memset(longq, 'm', 4999);
        longq[4999] = 0;
        big.match = longq;
        CHECK(edgr_store_search(st, &big, count_hit, &n) == EDGR_ERR_QUERY);
        CHECK(no_flag(edgr_store_error(st)) && strstr(edgr_store_error(st), "4096"));
        free(longq);
    }
    edgr_query neg = EDGR_QUERY_INIT;
    neg.match = "the";
    neg.limit = -1;
    CHECK(edgr_store_search(st, &neg, count_hit, &n) == EDGR_ERR_QUERY);
    CHECK(no_flag(edgr_store_error(st)));
    edgr_query empty = EDGR_QUERY_INIT;
    CHECK(edgr_store_search(st, &empty, count_hit, &n) == EDGR_ERR_QUERY);
    CHECK(no_flag(edgr_store_error(st)));

    /* a damaged input's filings taken back, by the path they were read from
     * (both filings above were put as read from argv[1]) */
    uint64_t removed = 9;
    CHECK(edgr_store_remove_source(st, argv[1], &removed) == EDGR_ERR_ARG && removed == 0); /* no transaction */
    CHECK(edgr_store_begin(st) == EDGR_OK);
    CHECK(edgr_store_remove_source(st, "/no/such/source", &removed) == EDGR_OK && removed == 0);
    CHECK(edgr_store_remove_source(st, argv[1], &removed) == EDGR_OK && removed == 2);
    CHECK(edgr_store_commit(st) == EDGR_OK);
    CHECK(edgr_store_has(st, acc) == 0 && edgr_store_has(st, sha) == 0);
    n = 0;
    edgr_status gone = edgr_store_search(st, &q, count_hit, &n); /* their text is gone from the index too */
    CHECK((gone == EDGR_OK || gone == EDGR_ERR_NOT_FOUND) && n == 0);

    edgr_record_free(r);
    edgr_parser_free(p);
    /* EDGAR's index (schema 3): entries replaced by path, CIK and type;
     * an index file's validators kept and given back */
    {
        edgr_index_entry e = EDGR_INDEX_ENTRY_INIT;
        e.cik = (edgr_span){"9900300", 7};
        e.conformed_name = (edgr_span){"INDEX WIDGET CO", 15};
        e.type = (edgr_span){"1-A POS", 7};
        e.filing_date = (edgr_span){"20260105", 8};
        e.path = (edgr_span){"edgar/data/9900300/0009900300-26-000001.txt", 43};
        e.accession_number = (edgr_span){"0009900300-26-000001", 20};
        CHECK(edgr_store_begin(st) == EDGR_OK);
        CHECK(edgr_store_index_put(st, &e) == EDGR_OK);
        CHECK(edgr_store_index_put(st, &e) == EDGR_OK); /* the same listing again: replaced */
        edgr_index_entry wrong = e;
        wrong.cik = (edgr_span){"99x", 3};
        CHECK(edgr_store_index_put(st, &wrong) == EDGR_ERR_ARG);
        wrong = e;
        wrong.filing_date = (edgr_span){"2026-13-40", 10};
        CHECK(edgr_store_index_put(st, &wrong) == EDGR_ERR_ARG);
        edgr_index_file ixf = EDGR_INDEX_FILE_INIT;
        ixf.url = "http://127.0.0.1/Archives/edgar/full-index/2026/QTR1/master.idx";
        ixf.etag = "\"abc\"";
        ixf.last_modified = "Sat, 27 Jun 2026 07:04:08 GMT";
        ixf.bytes = 1234;
        ixf.rows = 1;
        CHECK(edgr_store_index_file_put(st, &ixf) == EDGR_OK);
        CHECK(edgr_store_commit(st) == EDGR_OK);
        edgr_index_file g = EDGR_INDEX_FILE_INIT;
        CHECK(edgr_store_index_file_get(st, ixf.url, &g) == EDGR_OK);
        CHECK(g.etag && !strcmp(g.etag, "\"abc\"") && g.last_modified && g.bytes == 1234 && g.rows == 1 &&
              !g.sha256 && g.fetched_at && strlen(g.fetched_at) == 20);
        CHECK(edgr_store_index_file_get(st, "http://127.0.0.1/none", &g) == EDGR_ERR_NOT_FOUND);
        edgr_index_file unset_file = {0};
        CHECK(edgr_store_index_file_get(st, ixf.url, &unset_file) == EDGR_ERR_ARG);

        /* the plan (schema 4): by type, CIK (leading zeros or not) and date;
         * a second filer's listing of the same filing is one row */
        edgr_index_entry e2 = e;
        e2.cik = (edgr_span){"0009900301", 10};
        CHECK(edgr_store_begin(st) == EDGR_OK);
        CHECK(edgr_store_index_put(st, &e2) == EDGR_OK);
        CHECK(edgr_store_commit(st) == EDGR_OK);
        plan_seen ps = {0};
        edgr_index_query iq = EDGR_INDEX_QUERY_INIT;
        const char *types[] = {"1-A POS"}, *ciks[] = {"9900301"}, *bad_cik[] = {"12a"};
        iq.types = types;
        iq.ntypes = 1;
        CHECK(edgr_store_index_select(st, &iq, on_plan, &ps) == EDGR_OK && ps.n == 1 &&
              !strcmp(ps.cik, "0009900300") && !strcmp(ps.acc, "0009900300-26-000001"));
        iq.ciks = ciks;
        iq.nciks = 1;
        ps.n = 0;
        CHECK(edgr_store_index_select(st, &iq, on_plan, &ps) == EDGR_OK && ps.n == 1);
        iq.from = "2026-01-06";
        ps.n = 0;
        CHECK(edgr_store_index_select(st, &iq, on_plan, &ps) == EDGR_OK && ps.n == 0);
        iq.ciks = bad_cik;
        CHECK(edgr_store_index_select(st, &iq, on_plan, &ps) == EDGR_ERR_ARG);
        edgr_index_query unset_query = {0};
        CHECK(edgr_store_index_select(st, &unset_query, on_plan, &ps) == EDGR_ERR_ARG);

        /* the journal: put, get, the pending ones in planning order, and a
         * row keeps its place when its status changes */
        edgr_journal_entry j = EDGR_JOURNAL_ENTRY_INIT;
        j.url = "http://127.0.0.1/b";
        j.run = "filings";
        j.dest = "/tmp/b";
        j.status = "planned";
        CHECK(edgr_store_journal_put(st, &j) == EDGR_OK);
        j.url = "http://127.0.0.1/a";
        CHECK(edgr_store_journal_put(st, &j) == EDGR_OK);
        j.status = "fetched";
        j.sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        j.bytes = 0;
        j.attempts = 2;
        j.etag = "\"e1\"";
        CHECK(edgr_store_journal_put(st, &j) == EDGR_OK);
        j.status = "done";
        CHECK(edgr_store_journal_put(st, &j) == EDGR_ERR_ARG);
        edgr_journal_entry g2 = EDGR_JOURNAL_ENTRY_INIT;
        CHECK(edgr_store_journal_get(st, "http://127.0.0.1/a", &g2) == EDGR_OK && !strcmp(g2.status, "fetched") &&
              g2.attempts == 2 && g2.etag && !strcmp(g2.etag, "\"e1\"") && g2.sha256 && strlen(g2.sha256) == 64 &&
              !g2.reason && g2.updated_at && !strcmp(g2.dest, "/tmp/b") && !strcmp(g2.run, "filings"));
        CHECK(edgr_store_journal_get(st, "http://127.0.0.1/none", &g2) == EDGR_ERR_NOT_FOUND);
        char order[64] = "";
        CHECK(edgr_store_journal_pending(st, "filings", on_pending_url, order) == EDGR_OK &&
              !strcmp(order, "b a "));
        order[0] = 0;
        CHECK(edgr_store_journal_pending(st, "feed", on_pending_url, order) == EDGR_OK && !order[0]);
        j.status = "stored";
        CHECK(edgr_store_journal_put(st, &j) == EDGR_OK);
        CHECK(edgr_store_journal_pending(st, NULL, on_pending_url, order) == EDGR_OK && !strcmp(order, "b "));
    }
    edgr_store_close(st);
    printf("store api: %d checks, %d failed\n", checks, failures);
    return failures != 0;
}
