/* libFuzzer: the Forms 3/4/5 reader (src/ownership/form345.c over the
 * SAX tree of xtree.c, libxml2).  The first byte picks a preamble (none,
 * or an <ownershipDocument> root, so short inputs reach issuers, owners,
 * tables and footnotes).  Oracles: a result whatever the bytes
 * (EDGR_ERR_DECODE with a problem when they are not XML, or not an
 * ownership document); offsets inside the input; every row and the
 * document write as JSON. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ownership_fuzz.h"

static const char PREAMBLE[] = "<?xml version=\"1.0\"?><ownershipDocument><documentType>4</documentType>";

static const edgr_own_problem *at(const void *x, size_t i) { return edgr_ownership_problem_at(x, i); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *in = xf_input(data, size, PREAMBLE, &n);
    if (!in) return 0;
    edgr_ownership *x = NULL;
    edgr_status st = edgr_ownership_read(in, n, NULL, &x);
    if (st != EDGR_ERR_NOMEM && !x) __builtin_trap();
    if (st == EDGR_ERR_DECODE && edgr_ownership_problem_count(x) == 0) __builtin_trap();
    const edgr_own_doc *d = edgr_ownership_doc(x);
    for (size_t i = 0; d && i < d->nrows; i++) {
        const edgr_own_row *r = &d->rows[i];
        if (r->offset > n || !edgr_own_kind_name(r->kind)) __builtin_trap();
        for (int f = 0; f < EDGR_OWN_NFIELDS; f++) of_value(r->f[f].value), of_value(r->f[f].footnotes);
        edgr_own_filing fi = {.struct_size = sizeof fi, .accession = "0009900309-26-000001"};
        if (edgr_ownership_write_row(x, i, &fi, xf_ignore, NULL) != EDGR_OK) __builtin_trap();
    }
    if (x && edgr_ownership_write_doc(x, NULL, xf_ignore, NULL) != EDGR_OK) __builtin_trap();
    if (x) of_problems(edgr_ownership_problem_count(x), at, x, n);
    edgr_ownership_free(x);
    free(in);
    return 0;
}
