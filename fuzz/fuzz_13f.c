/* libFuzzer: the 13F reader (src/ownership/form13f.c): the bytes as a
 * primary document or an information table (the first byte's low bit
 * picks a preamble opening an <informationTable>), then the filing
 * finished: units decided, value_usd computed, totals checked.  Oracles:
 * a result whatever the bytes; value_usd a canonical decimal; offsets
 * inside the input; every row and the filing write as JSON. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ownership_fuzz.h"

static const char PREAMBLE[] =
    "<informationTable xmlns=\"http://www.sec.gov/edgar/document/thirteenf/informationtable\"><infoTable>";

static const edgr_own_problem *at(const void *x, size_t i) { return edgr_13f_problem_at(x, i); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *in = xf_input(data, size, PREAMBLE, &n);
    if (!in) return 0;
    edgr_13f *h = edgr_13f_new();
    if (!h) {
        free(in);
        return 0;
    }
    edgr_status st = edgr_13f_add(h, in, n, NULL);
    if (st == EDGR_ERR_DECODE && edgr_13f_problem_count(h) == 0) __builtin_trap();
    if (st != EDGR_ERR_NOMEM && edgr_13f_finish(h, (size > 1 && (data[0] & 2)) ? "20221231" : NULL) == EDGR_OK) {
        const edgr_13f_doc *d = edgr_13f_doc_of(h);
        for (size_t i = 0; i < d->nrows; i++) {
            const edgr_13f_row *r = &d->rows[i];
            if (r->offset > n) __builtin_trap();
            if (r->value_usd && !xf_canonical(r->value_usd)) __builtin_trap();
            if (edgr_13f_write_row(h, i, NULL, xf_ignore, NULL) != EDGR_OK) __builtin_trap();
        }
        if (edgr_13f_write_doc(h, NULL, xf_ignore, NULL) != EDGR_OK) __builtin_trap();
    }
    of_problems(edgr_13f_problem_count(h), at, h, n);
    edgr_13f_free(h);
    free(in);
    return 0;
}
