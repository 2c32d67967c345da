/* libFuzzer target: the store.  The input is parsed as a submission, built
 * into a record (text, items, facts, hashes) and put into an in-memory
 * store; then its first line is used as a search query with filters, so
 * the query reader and FTS5's errors are fuzzed on a store with rows. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/store.h"

/* The views' JSON, discarded: what is looked at is that building it, on
 * whatever was stored, neither crashes nor leaks. */
static int sink_write(void *user, const char *p, size_t n)
{
    (void)user;
    (void)p;
    (void)n;
    return 0;
}

static int count(void *user, const edgr_hit *h)
{
    (void)h;
    (*(long *)user)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static edgr_store *st;
    static edgr_parser *p;
    static unsigned runs;
    if (st && ++runs % 256 == 0) { /* a fresh store now and then: memory stays flat */
        edgr_store_close(st);
        st = NULL;
    }
    if (!st) st = edgr_store_open(":memory:", 0, NULL, 0);
    if (!p) p = edgr_parser_new();
    if (!st || !p) return 0;
    const char *in = (const char *)data;
    const edgr_submission *s = NULL;
    size_t used = 0;
    if (edgr_parse(p, in, size, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK && s) {
        edgr_source src = {.struct_size = sizeof src, .path = "fuzz", .length = size};
        edgr_record *r = NULL;
        if (edgr_record_build(s, &src, &r) == EDGR_OK) {
            edgr_put_result res;
            if (edgr_store_begin(st) == EDGR_OK) {
                if (edgr_store_put(st, r, size & 1, &res) == EDGR_OK) edgr_store_commit(st);
                else edgr_store_rollback(st);
            }
            edgr_record_free(r);
        }
    }
    /* the first line, as a query; its length picks the filters */
    size_t n = 0;
    while (n < size && n < 200 && in[n] != '\n' && in[n] != 0) n++;
    char q[201];
    memcpy(q, in, n);
    q[n] = 0;
    edgr_query query = {.struct_size = sizeof query, .match = q, .limit = 5};
    if (n % 3 == 1) query.type = "8-K";
    if (n % 5 == 2) query.item = "7.01";
    if (n % 7 == 3) query.company = q;
    if (n % 11 == 4) query.sort_by_date = 1;
    long hits = 0;
    edgr_store_search(st, &query, count, &hits);
    /* the SEC's views of the XBRL facts stored: of the filing's company,
     * and the first line as a concept (the store keeps every run's) */
    if (s) {
        edgr_span cik = edgr_get(s, "cik");
        char c[16] = "";
        if (cik.ptr && cik.len < sizeof c) memcpy(c, cik.ptr, cik.len);
        if (c[0]) {
            edgr_store_company_facts(st, c, NULL, 0, sink_write, NULL);
            edgr_store_company_facts(st, c, q, 0, sink_write, NULL);
        }
        edgr_store_frame(st, q[0] ? q : "Revenues", "USD", n % 2 ? "CY2025" : "CY2025Q4I", 0, sink_write, NULL);
    }
    return 0;
}
