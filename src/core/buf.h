/* Growable byte buffers and arrays, each with a size cap (the string arena
 * of a submission is in arena.h).
 *
 * Every buffer that input can grow has a cap, because hostile filings exist:
 * a push past the cap fails instead of eating the machine's memory. */
#ifndef EDGR_BUF_H
#define EDGR_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "edgr/edgr.h"

/* What the growers below return: 0, or one of these (b is then unchanged). */
enum {
    BUF_NOMEM = -1, /* the allocation failed                              */
    BUF_LIMIT = -2  /* the cap would be passed (or size_t would overflow) */
};
/* The edgr_status of a grower's failure. */
static inline edgr_status buf_status(int rc)
{
    return rc == 0 ? EDGR_OK : rc == BUF_LIMIT ? EDGR_ERR_LIMIT : EDGR_ERR_NOMEM;
}

/* Make room for `extra` more bytes in b (len + extra <= cap_limit, the most
 * the buffer may ever hold: give every buffer that input grows a cap).
 * The capacity doubles, so appends cost amortised O(1). */
int buf_reserve(edgr_buf *b, size_t extra, size_t cap_limit);
/* Append n bytes; same contract as buf_reserve. */
int buf_append(edgr_buf *b, const void *p, size_t n, size_t cap_limit);

/* Make room for `need` items of `size` bytes in an array of *cap items
 * whose pointer (of any object pointer type: T *) is at items_at, at most
 * max_items of them (0: as many as size_t can count).  The arrays that
 * keep their own pointer, count and capacity (edgr_items, edgr_text's
 * anchors, the form readers') grow with this: arr_reserve(&a, &cap, n + 1,
 * sizeof *a, MAX).  Same contract as buf_reserve. */
int arr_grow(void *items_at, size_t *cap, size_t need, size_t size, size_t max_items);
static inline int arr_reserve(void *items_at, size_t *cap, size_t need, size_t size, size_t max_items)
{
    return need <= *cap ? 0 : arr_grow(items_at, cap, need, size, max_items);
}

/* A growable array of fixed-size items, reused across parses. */
typedef struct vec {
    void *items;
    size_t len, cap, size;
    size_t max;           /* most items it may hold; 0: no cap but memory */
} vec;

/* Pointer to a new zeroed item at the end, or NULL (allocation failure or
 * v->max reached).  Earlier item pointers may move. */
void *vec_push(vec *v);
void vec_free(vec *v);
#define VEC_AT(v, type, i) (((type *)(v)->items)[i])

#endif
