/* Test helper: parse an input whole and as a stream cut into chunks, and
 * render both as JSON lines, so tests can demand they agree byte for byte.
 * Header-only on purpose: both test programs include it once. */
#ifndef EDGR_TEST_EQUIV_H
#define EDGR_TEST_EQUIV_H

#include <stdlib.h>
#include <string.h>

#include "edgr/edgr.h"

typedef struct jbuf {
    char *p;
    size_t n, cap;
    int subs, errors;
} jbuf;

static int jbuf_write(void *u, const char *p, size_t n)
{
    jbuf *b = u;
    if (b->n + n + 2 > b->cap) {
        b->cap = (b->n + n + 2) * 2;
        char *np = realloc(b->p, b->cap);
        if (!np) return 1;
        b->p = np;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static void jbuf_sub(jbuf *b, const edgr_submission *s)
{
    if (s->container == EDGR_C_NONE) {
        b->errors += s->errors;
        return;
    }
    edgr_write_json(s, NULL, 0, jbuf_write, b); /* diagnostics included */
    jbuf_write(b, "\n", 1);
    b->subs++;
    b->errors += s->errors;
}

/* Whole-buffer parse of every submission in buf. */
static void json_whole(edgr_parser *p, const char *buf, size_t len, jbuf *out)
{
    size_t off = 0;
    while (off < len) {
        const edgr_submission *s;
        size_t used;
        edgr_status rc = edgr_parse(p, buf + off, len - off, off, EDGR_PARSE_DECODE, &s, &used);
        if (rc == EDGR_ERR_EMPTY || rc == EDGR_ERR_NOMEM || rc == EDGR_ERR_ARG) break;
        jbuf_sub(out, s);
        off += used;
    }
}

static int on_stream_sub(void *u, const edgr_submission *s)
{
    jbuf_sub(u, s);
    return 0;
}

/* Streaming parse, fed `chunk` bytes at a time (0: sizes from a cheap
 * pseudo-random sequence seeded by `seed`). */
static void json_stream(const char *buf, size_t len, size_t chunk, unsigned seed, jbuf *out)
{
    edgr_callbacks cb = {.struct_size = sizeof cb, .submission_end = on_stream_sub};
    edgr_stream *st = edgr_stream_new(&cb, out, 0);
    size_t off = 0;
    unsigned x = seed * 2654435761u + 1;
    while (off < len) {
        size_t n = chunk;
        if (!n) {
            x = x * 1103515245u + 12345u;
            n = 1 + (x >> 8) % 70000;
        }
        if (n > len - off) n = len - off;
        if (edgr_stream_feed(st, buf + off, n)) break;
        off += n;
    }
    edgr_stream_finish(st);
    edgr_stream_free(st);
}

#endif
