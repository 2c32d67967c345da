/* What the two XBRL fuzz targets share: the input with its optional
 * preamble (the first byte picks it), and the oracles every fact must
 * meet, whichever reader made it. */
#ifndef EDGR_XBRL_FUZZ_H
#define EDGR_XBRL_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/xbrl.h"

/* data[1..size) after `preamble` when data[0] is odd; malloc'd, *n its
 * length; NULL for an empty input or no memory. */
static inline char *xf_input(const uint8_t *data, size_t size, const char *preamble, size_t *n)
{
    if (size < 1) return NULL;
    size_t pre = (data[0] & 1) ? strlen(preamble) : 0;
    *n = pre + size - 1;
    char *in = malloc(*n + 1);
    if (!in) return NULL;
    memcpy(in, preamble, pre);
    memcpy(in + pre, data + 1, size - 1);
    return in;
}

/* A canonical decimal: an optional '-', no leading zero, no exponent, no
 * trailing fractional zero, not "-0". */
static inline int xf_canonical(const char *v)
{
    const char *p = v;
    if (*p == '-') p++;
    if (!*p) return 0;
    if (p[0] == '0' && p[1] && p[1] != '.') return 0;
    int point = 0;
    for (; *p; p++) {
        if (*p == '.' && !point) point = 1;
        else if (*p < '0' || *p > '9') return 0;
    }
    if (point && (p[-1] == '0' || p[-1] == '.')) return 0;
    return strcmp(v, "-0") != 0;
}

static inline int xf_ignore(void *user, const char *p, size_t n)
{
    (void)user, (void)p, (void)n;
    return 0;
}

/* Every fact of x (read from n bytes): inside the input, numbers
 * canonical, strings whole, each written as JSON; every problem said. */
static inline void xf_check(const edgr_xbrl *x, size_t n)
{
    for (size_t i = 0; x && i < edgr_xbrl_count(x); i++) {
        const edgr_xbrl_fact *f = edgr_xbrl_fact_at(x, i);
        if (f->offset > n) __builtin_trap();
        if (f->kind == EDGR_XBRL_NUMERIC && f->value && !f->untransformed && !xf_canonical(f->value))
            __builtin_trap();
        if (f->value) (void)strlen(f->value);
        if (f->context && f->context->nmembers && !f->context->members) __builtin_trap();
        for (size_t k = 0; k < f->nfootnotes; k++) (void)strlen(f->footnotes[k]);
        if (edgr_xbrl_write_fact(x, i, (unsigned)i & 3, xf_ignore, NULL) != EDGR_OK) __builtin_trap();
    }
    for (size_t i = 0; x && i < edgr_xbrl_problem_count(x); i++)
        if (!edgr_xbrl_problem_at(x, i)->message) __builtin_trap();
}

#endif
