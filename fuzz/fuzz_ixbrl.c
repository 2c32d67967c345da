/* libFuzzer: the inline XBRL reader (src/xbrl/ixbrl.c) and what it shares
 * with the instance reader (model.c, resources.c, value.c, transform.c).
 * The input is read as an inline document whatever it holds: the first
 * byte picks the preamble put before it (none; the ix and ixt namespaces
 * declared, so that short inputs reach the facts).  Oracles: every fact's
 * strings are NUL-terminated where they say; a numeric fact's value is a
 * canonical decimal unless it is untransformed; offsets are inside the
 * input; every fact writes as JSON; reading twice gives the same facts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/xbrl.h"

static const char PREAMBLE[] =
    "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "
    "xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" "
    "xmlns:ixt-sec=\"http://www.sec.gov/inlineXBRL/transformation/2015-08-31\" "
    "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "
    "xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\">";

static int canonical(const char *v)
{
    const char *p = v;
    if (*p == '-') p++;
    if (!*p) return 0;
    if (p[0] == '0' && p[1] && p[1] != '.') return 0; /* a leading zero */
    int point = 0;
    for (; *p; p++) {
        if (*p == '.' && !point) point = 1;
        else if (*p < '0' || *p > '9') return 0;
    }
    if (point && (p[-1] == '0' || p[-1] == '.')) return 0; /* trailing zeros */
    if (!strcmp(v, "-0")) return 0;
    return 1;
}

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
    edgr_xbrl *x = NULL, *y = NULL;
    if (edgr_xbrl_read(in, n, NULL, &x) == EDGR_ERR_NOMEM) {
        free(in);
        return 0;
    }
    for (size_t i = 0; x && i < edgr_xbrl_count(x); i++) {
        const edgr_xbrl_fact *f = edgr_xbrl_fact_at(x, i);
        if (f->offset > n) __builtin_trap();
        if (f->kind == EDGR_XBRL_NUMERIC && f->value && !f->untransformed && !canonical(f->value)) __builtin_trap();
        if (f->value) (void)strlen(f->value);
        if (f->context && f->context->nmembers && !f->context->members) __builtin_trap();
        for (size_t k = 0; k < f->nfootnotes; k++) (void)strlen(f->footnotes[k]);
        if (edgr_xbrl_write_fact(x, i, (unsigned)i & 3, ignore, NULL) != EDGR_OK) __builtin_trap();
    }
    for (size_t i = 0; x && i < edgr_xbrl_problem_count(x); i++)
        if (!edgr_xbrl_problem_at(x, i)->message) __builtin_trap();
    if (edgr_xbrl_read(in, n, NULL, &y) == EDGR_OK && x && y) {
        if (edgr_xbrl_count(x) != edgr_xbrl_count(y)) __builtin_trap();
        for (size_t i = 0; i < edgr_xbrl_count(x); i++) {
            const char *a = edgr_xbrl_fact_at(x, i)->value, *b = edgr_xbrl_fact_at(y, i)->value;
            if ((a == NULL) != (b == NULL) || (a && strcmp(a, b))) __builtin_trap();
        }
    }
    edgr_xbrl_free(x);
    edgr_xbrl_free(y);
    free(in);
    return 0;
}
