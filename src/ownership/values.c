/* Problems and values as edgr/ownership.h gives them (own_int.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "decimal.h"
#include "own_int.h"

int own_problem(arena *a, own_problems *p, uint64_t offset, const char *fmt, ...)
{
    if (p->capped) return 0;
    char msg[400];
    int capped = p->n + 1 >= OWN_MAX_PROBLEMS;
    if (capped) {
        snprintf(msg, sizeof msg, "more than %d problems: the rest are not said", OWN_MAX_PROBLEMS);
        p->capped = 1;
    } else {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
    }
    /* room for the cap's own line and a parse error after it: a limit
     * reached is never "out of memory" */
    if (arr_reserve(&p->items, &p->cap, p->n + 1, sizeof *p->items, OWN_MAX_PROBLEMS + 2)) return -1;
    const char *m = arena_dup(a, msg, strlen(msg));
    if (!m) return -1;
    p->items[p->n++] = (edgr_own_problem){.offset = offset, .message = m};
    return 0;
}

void own_problems_free(own_problems *p)
{
    free(p->items);
    memset(p, 0, sizeof *p);
}

edgr_status own_parse_failed(arena *a, own_problems *p, const xt_doc *t)
{
    if (t->failed == 3) return EDGR_ERR_NOMEM;
    /* the error is said whatever came before, past the cap too (own_problem
     * keeps a place for it; a 13F filing's documents share the list, and
     * are at most 64) */
    const char *m = arena_dup(a, t->error, strlen(t->error));
    if (!m || arr_reserve(&p->items, &p->cap, p->n + 1, sizeof *p->items, OWN_MAX_PROBLEMS + 128)) return EDGR_ERR_NOMEM;
    p->items[p->n++] = (edgr_own_problem){.offset = t->error_offset, .message = m};
    return t->failed == 2 ? EDGR_ERR_LIMIT : EDGR_ERR_DECODE;
}

const char *own_number(arena *a, const char *raw, int *bad)
{
    if (!raw) return NULL;
    xd x;
    size_t n = strlen(raw);
    /* "1,000" is how people write it; the schema says xsd:decimal, some filers do not */
    char plain[XD_TEXT_MAX + 1];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof plain - 1; i++)
        if (raw[i] != ',') plain[k++] = raw[i];
    if (n > XD_TEXT_MAX || xd_parse(plain, k, &x)) {
        *bad = 1;
        return raw;
    }
    char out[XD_TEXT_MAX + 1];
    size_t m = xd_format(&x, out);
    return arena_dup(a, out, m); /* NULL: out of memory */
}

const char *own_bool(const char *raw, int *bad)
{
    if (!raw) return NULL;
    if (!strcmp(raw, "1") || !strcmp(raw, "true") || !strcmp(raw, "TRUE") || !strcmp(raw, "True") || !strcmp(raw, "Y"))
        return "true";
    if (!strcmp(raw, "0") || !strcmp(raw, "false") || !strcmp(raw, "FALSE") || !strcmp(raw, "False") || !strcmp(raw, "N"))
        return "false";
    *bad = 1;
    return raw;
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

const char *own_date(arena *a, const char *raw)
{
    if (!raw) return NULL;
    size_t n = strlen(raw);
    /* MM-DD-YYYY */
    if (n == 10 && raw[2] == '-' && raw[5] == '-' && digits(raw, 2) && digits(raw + 3, 2) && digits(raw + 6, 4)) {
        char iso[11] = {raw[6], raw[7], raw[8], raw[9], '-', raw[0], raw[1], '-', raw[3], raw[4], 0};
        return arena_dup(a, iso, 10);
    }
    /* YYYY-MM-DD followed by a zone (Z, +hh:mm, -hh:mm) */
    if (n > 10 && raw[4] == '-' && raw[7] == '-' && digits(raw, 4) && digits(raw + 5, 2) && digits(raw + 8, 2) &&
        (raw[10] == 'Z' || raw[10] == '+' || raw[10] == '-') && n <= 16)
        return arena_dup(a, raw, 10);
    return raw;
}
