/* Growable buffers, arrays and vectors (see buf.h). */
#include "buf.h"

#include <stdlib.h>

int buf_reserve(edgr_buf *b, size_t extra, size_t cap_limit)
{
    if (extra > SIZE_MAX - b->len || b->len + extra > cap_limit) return BUF_LIMIT;
    size_t need = b->len + extra;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (cap > cap_limit) cap = cap_limit;
    char *d = realloc(b->data, cap);
    if (!d) return BUF_NOMEM;
    b->data = d;
    b->cap = cap;
    return 0;
}

int buf_append(edgr_buf *b, const void *p, size_t n, size_t cap_limit)
{
    if (n == 0) return 0;
    int rc = buf_reserve(b, n, cap_limit);
    if (rc) return rc;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return 0;
}

void edgr_buf_free(edgr_buf *b)
{
    if (!b) return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int arr_grow(void *items_at, size_t *cap, size_t need, size_t size, size_t max_items)
{
    if (need <= *cap) return 0;
    void *items; /* read and written through memcpy: any object pointer type */
    memcpy(&items, items_at, sizeof items);
    size_t most = SIZE_MAX / size;
    if (max_items && max_items < most) most = max_items;
    if (need > most) return BUF_LIMIT;
    size_t nc = *cap > most / 2 ? most : *cap * 2;
    if (nc < 16) nc = 16 < most ? 16 : most;
    if (nc < need) nc = need;
    void *n = realloc(items, nc * size);
    if (!n) return BUF_NOMEM;
    memcpy(items_at, &n, sizeof n);
    *cap = nc;
    return 0;
}

void *vec_push(vec *v)
{
    if (v->len == v->cap && arr_grow(&v->items, &v->cap, v->len + 1, v->size, v->max)) return NULL;
    char *slot = (char *)v->items + v->len * v->size;
    memset(slot, 0, v->size);
    v->len++;
    return slot;
}

void vec_free(vec *v)
{
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}
