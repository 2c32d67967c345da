/*
 * What the ownership (Forms 3/4/5) and 13F readers share: problems, and
 * the conversion of values as filed into the forms edgr/ownership.h
 * promises (canonical decimals, "true"/"false", ISO dates).
 */
#ifndef EDGR_OWN_INT_H
#define EDGR_OWN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "edgr/ownership.h"
#include "xtree.h"

enum { OWN_MAX_PROBLEMS = 1000 }; /* then one saying so, and silence */

typedef struct own_problems {
    edgr_own_problem *items;
    size_t n, cap;
    int capped;
} own_problems;

/* Add a problem (its message copied into `a`). -1 out of memory. */
int own_problem(arena *a, own_problems *p, uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void own_problems_free(own_problems *p);

/* The parse's failure as the last problem, and its status. */
edgr_status own_parse_failed(arena *a, own_problems *p, const xt_doc *t);

/* A number as filed -> its canonical decimal in `a`; NULL for NULL.  Text
 * that is no number is kept as it is and *bad set.  NULL for a non-NULL
 * `raw` (here and in own_date): out of memory. */
const char *own_number(arena *a, const char *raw, int *bad);
/* "1"/"true" -> "true", "0"/"false" -> "false"; other text kept, *bad set. */
const char *own_bool(const char *raw, int *bad);
/* An xsd:date with a time zone ("2022-12-13-05:00") -> its date; else as
 * it is.  MM-DD-YYYY (13F) -> YYYY-MM-DD. */
const char *own_date(arena *a, const char *raw);

/* The text of footnote id[0..n) of x ("" when empty), *found 1; or NULL,
 * *found 0, when the document gives no such footnote.  A binary search
 * (form345.c keeps the footnotes sorted by id). */
const char *own_footnote_text(const edgr_ownership *x, const char *id, size_t n, int *found);

#endif
