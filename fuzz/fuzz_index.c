/* libFuzzer: the index parsers (edgr/fetch.h), whole and in chunks.  The
 * first byte picks the kind (auto or forced) and the chunk size; the rows
 * of both runs must agree, and every span must lie inside its line. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/fetch.h"

typedef struct {
    uint64_t rows, sum;
} tally;

static int on_row(void *u, const edgr_index_row *r)
{
    tally *t = u;
    const edgr_span f[] = {r->cik, r->company, r->form, r->date_filed, r->path, r->accession};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        for (size_t j = 0; j < f[i].len; j++) t->sum = t->sum * 31 + (unsigned char)f[i].ptr[j]; /* touch every byte */
    t->sum += r->offset + r->date + r->cik_num;
    t->rows++;
    return 0;
}

static void on_error(void *u, uint64_t off, const char *reason)
{
    (void)u;
    (void)off;
    if (!reason[0]) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned sel = data[0];
    const char *p = (const char *)data + 1;
    size_t n = size - 1;
    tally a = {0}, b = {0};
    edgr_index_options o = EDGR_INDEX_OPTIONS_INIT;
    o.kind = (edgr_index_kind)(sel % 5);
    o.on_row = on_row;
    o.on_error = on_error;
    o.user = &a;
    edgr_index_stats sa, sb;
    edgr_status ra = edgr_index_parse(p, n, &o, &sa);
    o.user = &b;
    edgr_index_parser *ix = edgr_index_new(&o);
    if (!ix) return 0;
    size_t chunk = 1 + (sel >> 3);
    edgr_status rb = EDGR_OK;
    for (size_t i = 0; i < n && rb == EDGR_OK; i += chunk) rb = edgr_index_feed(ix, p + i, n - i < chunk ? n - i : chunk);
    edgr_status fb = edgr_index_finish(ix);
    if (rb == EDGR_OK) rb = fb;
    edgr_index_get_stats(ix, &sb);
    edgr_index_free(ix);
    if (ra != rb || a.rows != b.rows || a.sum != b.sum || sa.rows != sb.rows || sa.bad_rows != sb.bad_rows) abort();
    return 0;
}
