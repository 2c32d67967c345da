/* libFuzzer: the container splitter, whole-buffer and streaming.  The first
 * byte picks flags and the chunk size for the stream, so the fuzzer explores
 * cuts at every position. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/common/equiv.h"
#include "../tests/common/strip.h"
#include "edgr/edgr.h"

/* the "source" the JSON writer is given */
static const edgr_json_source fuzz_src = {.struct_size = sizeof(edgr_json_source), .path = "fuzz"};

static int discard(void *u, const char *p, size_t n)
{
    (void)u;
    (void)p;
    (void)n;
    return 0;
}

static int on_data(void *u, const edgr_document *d, const char *p, size_t n)
{
    (void)u;
    (void)d;
    /* touch every byte handed out */
    volatile unsigned char x = 0;
    for (size_t i = 0; i < n; i++) x ^= (unsigned char)p[i];
    (void)x;
    return 0;
}

static int on_sub(void *u, const edgr_submission *s)
{
    (void)u;
    edgr_write_json(s, NULL, 0, discard, NULL);
    return 0;
}

static void one(unsigned sel, const char *buf, size_t len);

/* The input as it comes, with its tags stripped, and twice over (the
 * packaging variants of issue 10). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned sel = data[0];
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    one(sel, buf, len);
    char *v;
    size_t vn;
    if (!strip_tags(buf, len, &v, &vn)) {
        one(sel, v, vn);
        free(v);
    }
    if ((v = malloc(2 * len + 1))) {
        memcpy(v, buf, len);
        memcpy(v + len, buf, len);
        one(sel, v, 2 * len);
        free(v);
    }
    return 0;
}

static void one(unsigned sel, const char *buf, size_t len)
{

    static edgr_parser *p;
    if (!p) p = edgr_parser_new();
    unsigned flags = (sel & 1) ? EDGR_PARSE_DECODE : 0;
    if (sel & 2) flags |= EDGR_PARSE_HEADER_ONLY;
    size_t off = 0;
    edgr_buf body = {0};
    while (off < len) {
        const edgr_submission *s;
        size_t used;
        edgr_status rc = edgr_parse(p, buf + off, len - off, off, flags, &s, &used);
        if (rc == EDGR_ERR_EMPTY || rc == EDGR_ERR_NOMEM) break;
        edgr_write_json(s, &fuzz_src, EDGR_JSON_PRETTY, discard, NULL);
        for (size_t i = 0; i < s->doc_count; i++)
            edgr_document_decode(&s->docs[i], EDGR_DECODE_UTF8, &body);
        off += used;
        if (flags & EDGR_PARSE_HEADER_ONLY) break;
    }
    edgr_buf_free(&body);

    edgr_callbacks cb = {.struct_size = sizeof cb, .doc_data = on_data, .submission_end = on_sub};
    edgr_stream *st = edgr_stream_new(&cb, NULL, (sel & 2) ? EDGR_PARSE_HEADER_ONLY : 0);
    size_t chunk = (sel >> 2) + 1;
    for (size_t i = 0; i < len; i += chunk)
        if (edgr_stream_feed(st, buf + i, len - i < chunk ? len - i : chunk)) break;
    edgr_stream_finish(st);
    edgr_stream_free(st);

    /* the oracle: streaming and whole-buffer parses must agree exactly */
    jbuf whole = {0}, stream = {0};
    json_whole(p, buf, len, &whole);
    json_stream(buf, len, chunk, 0, &stream);
    if ((whole.p == NULL) != (stream.p == NULL) || (whole.p && strcmp(whole.p, stream.p)))
        __builtin_trap();
    free(whole.p);
    free(stream.p);
}
