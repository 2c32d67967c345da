/* libFuzzer: the XBRL instance reader (src/xbrl/instance.c, on libxml2).
 * The first byte picks a preamble (none, or an xbrli:xbrl root with the
 * usual namespaces, so that short inputs reach contexts, units, facts and
 * footnote links).  Oracles: a result whatever the bytes (EDGR_ERR_DECODE
 * with a problem when they are not XML); numeric values canonical unless
 * untransformed; every fact writes as JSON. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/xbrl.h"

static const char PREAMBLE[] =
    "<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:link=\"http://www.xbrl.org/2003/linkbase\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "
    "xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";

static int ignore(void *user, const char *p, size_t n)
{
    (void)user, (void)p, (void)n;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    size_t pre = (data[0] & 1) ? sizeof PREAMBLE - 1 : 0;
    size_t n = pre + size - 1;
    char *in = malloc(n + 1);
    if (!in) return 0;
    memcpy(in, PREAMBLE, pre);
    memcpy(in + pre, data + 1, size - 1);
    edgr_xbrl *x = NULL;
    edgr_status st = edgr_xbrl_read(in, n, NULL, &x);
    if (st != EDGR_ERR_NOMEM && !x) __builtin_trap();
    if (st == EDGR_ERR_DECODE && edgr_xbrl_problem_count(x) == 0) __builtin_trap();
    for (size_t i = 0; x && i < edgr_xbrl_count(x); i++) {
        const edgr_xbrl_fact *f = edgr_xbrl_fact_at(x, i);
        if (f->kind == EDGR_XBRL_NUMERIC && f->value && !f->untransformed &&
            (f->value[0] == '+' || strchr(f->value, 'e') || strchr(f->value, 'E')))
            __builtin_trap();
        if (edgr_xbrl_write_fact(x, i, 0, ignore, NULL) != EDGR_OK) __builtin_trap();
    }
    edgr_xbrl_free(x);
    free(in);
    return 0;
}
