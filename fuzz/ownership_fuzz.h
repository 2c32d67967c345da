/* What the ownership and 13F fuzz targets share: the input with its
 * optional preamble (the first byte picks it), and the oracles every row
 * must meet.  Canonical decimals and the input helper are xbrl_fuzz.h's. */
#ifndef EDGR_OWNERSHIP_FUZZ_H
#define EDGR_OWNERSHIP_FUZZ_H

#include "edgr/ownership.h"
#include "xbrl_fuzz.h"

/* A number field is canonical unless a problem says it was kept as
 * written; so check only that it is whole text; booleans are "true" or
 * "false" or kept as written (a problem says so). */
static inline void of_value(const char *v)
{
    if (v) (void)strlen(v);
}

static inline void of_problems(size_t n, const edgr_own_problem *(*at)(const void *, size_t), const void *x, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        const edgr_own_problem *p = at(x, i);
        if (!p || !p->message || p->offset > len) __builtin_trap();
    }
}

#endif
