/* The arena of small strings for one submission (the builder's). */
#ifndef EDGR_ARENA_H
#define EDGR_ARENA_H

#include <stddef.h>

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
