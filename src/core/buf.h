/* Growable byte buffers with a size cap, and a bump arena for small strings.
 *
 * Every buffer that input can grow has a cap, because hostile filings exist:
 * a push past the cap fails instead of eating the machine's memory. */
#ifndef EDGR_BUF_H
#define EDGR_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "edgr/edgr.h"

/* Make room for `extra` more bytes in b (len + extra <= cap_limit).
 * Returns 0 on success, -1 on overflow, cap or allocation failure; b is
 * unchanged on failure. */
int buf_reserve(edgr_buf *b, size_t extra, size_t cap_limit);
/* Append n bytes; same failure contract as buf_reserve. */
int buf_append(edgr_buf *b, const void *p, size_t n, size_t cap_limit);

/* A growable array of fixed-size items, reused across parses. */
typedef struct vec {
    void *items;
    size_t len, cap, size;
} vec;

/* Pointer to a new zeroed item at the end, or NULL (allocation failure).
 * Earlier item pointers may move. */
void *vec_push(vec *v);
void vec_free(vec *v);
#define VEC_AT(v, type, i) (((type *)(v)->items)[i])

/* Arena of small strings for one submission.  Chunks are kept and reused;
 * pointers stay valid until arena_reset(). */
typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;   /* chunk being filled                     */
    arena_chunk *spare;  /* chunks freed by reset, reused first    */
} arena;

char *arena_alloc(arena *a, size_t n);            /* NULL on failure */
const char *arena_dup(arena *a, const char *p, size_t n);
void arena_reset(arena *a);
void arena_free(arena *a);

#endif
