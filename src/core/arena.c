/* The string arena (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
    arena_chunk *next;
    size_t used, cap;
    /* Aligned for any object; the strings that follow start here. */
    _Alignas(16) char data[];
};

enum { ARENA_CHUNK = 16 * 1024 };

char *arena_alloc(arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) return NULL;
    arena_chunk *c = a->head;
    if (!c || c->cap - c->used < need) {
        if (a->spare && a->spare->cap >= need) {
            c = a->spare;
            a->spare = c->next;
        } else {
            size_t cap = need > ARENA_CHUNK ? need : ARENA_CHUNK;
            if (cap > SIZE_MAX - sizeof *c) return NULL;
            c = malloc(sizeof *c + cap);
            if (!c) return NULL;
            c->cap = cap;
        }
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    char *p = c->data + c->used;
    c->used += need;
    return p;
}

const char *arena_dup(arena *a, const char *p, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, p, n);
    d[n] = '\0';
    return d;
}

void arena_reset(arena *a)
{
    while (a->head) {
        arena_chunk *c = a->head;
        a->head = c->next;
        c->next = a->spare;
        a->spare = c;
    }
}

static void free_chain(arena_chunk *c)
{
    while (c) {
        arena_chunk *n = c->next;
        free(c);
        c = n;
    }
}

void arena_free(arena *a)
{
    free_chain(a->head);
    free_chain(a->spare);
    a->head = a->spare = NULL;
}
