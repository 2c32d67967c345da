/* Whole filings for the commands that read what a filing says (text, items,
 * facts): those need a document's whole body at once, so a unit is read into
 * memory (a filing is at most tens of MB) and parsed whole.  A named file
 * with no EDGAR envelope (an .htm saved from EDGAR's folders) is read as one
 * bare document. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int append(edgr_buf *buf, const char *p, size_t n)
{
    if (buf->len + n > buf->cap) {
        size_t cap = buf->cap ? buf->cap : 65536;
        while (cap < buf->len + n) cap *= 2;
        char *d = realloc(buf->data, cap);
        if (!d) return -1;
        buf->data = d;
        buf->cap = cap;
    }
    memcpy(buf->data + buf->len, p, n);
    buf->len += n;
    return 0;
}

/* All of a unit's bytes.  A chunk is only valid until the next call to
 * u->next (a pipe's read buffer is reused), so every chunk is copied into
 * `buf` as it arrives -- except on a stable unit (a mapped file, bytes in
 * memory), whose chunks stay put: while they follow each other in memory
 * they are used where they lie, without a copy. */
static int slurp(unit *u, edgr_buf *buf, const char **data, size_t *len, sink *err)
{
    const char *p, *run = NULL; /* stable bytes not copied (yet) */
    size_t n, run_n = 0;
    char msg[256] = "";
    int r;
    buf->len = 0;
    while ((r = u->next(u, &p, &n, msg, sizeof msg)) == 1) {
        if (u->stable && buf->len == 0 && (!run || p == run + run_n)) {
            if (!run) run = p;
            run_n += n;
            continue;
        }
        if (run && append(buf, run, run_n)) goto nomem;
        run = NULL;
        run_n = 0;
        if (append(buf, p, n)) goto nomem;
    }
    if (r < 0) {
        sink_printf(err, "%s: %zu: %s\n", u->name, buf->len + run_n, msg);
        return -1;
    }
    /* no bytes at all: "" rather than NULL, since the caller computes
     * data + at before it looks at the length */
    if (run || buf->len == 0) { *data = run ? run : ""; *len = run_n; }
    else { *data = buf->data; *len = buf->len; }
    return 0;
nomem:
    sink_printf(err, "%s: 0: out of memory\n", u->name);
    return -1;
}

int nothing_to_show(const char *name, int walked, const opts *o, sink *err, uint64_t offset,
                    const char *fmt, ...)
{
    if (walked) err->skipped++;
    if (walked && o->quiet) return 0;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sink_printf(err, "%s: %llu: %s%s%s\n", name, (unsigned long long)offset, walked ? "warning: " : "",
                msg, walked ? ", skipped" : "");
    return !walked;
}

/* Bytes that are no document a filing folder holds as HTML or text: a NUL
 * byte, or more than one byte in BINARY_SHARE of control characters other
 * than blanks and line ends, in the first BINARY_HEAD bytes.  (A gzip or
 * tar too short for libarchive, an image, a file of zeros.) */
enum { BINARY_HEAD = 8192, BINARY_SHARE = 32 };

int bare_is_binary(const char *p, size_t n)
{
    size_t head = n < BINARY_HEAD ? n : BINARY_HEAD, ctl = 0;
    for (size_t i = 0; i < head; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0) return 1;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) ||
            c == 0x7f)
            ctl++;
    }
    return head && ctl * BINARY_SHARE > head;
}

int each_filing(unit *u, const opts *o, sink *err, filing_fn fn, void *user)
{
    edgr_buf buf = {0};
    const char *data = NULL;
    size_t len = 0;
    if (slurp(u, &buf, &data, &len, err)) { edgr_buf_free(&buf); return 1; }
    edgr_parser *ps = edgr_parser_new();
    if (!ps) { edgr_buf_free(&buf); sink_printf(err, "%s: 0: out of memory\n", u->name); return 1; }
    int failed = 0, count = 0;
    size_t at = 0;
    while (at < len || (len == 0 && count == 0)) {
        const edgr_submission *s = NULL;
        size_t used = 0;
        edgr_status st = edgr_parse(ps, data + at, len - at, at, EDGR_PARSE_DECODE, &s, &used);
        if (st == EDGR_ERR_EMPTY) {
            if (count == 0) { sink_printf(err, "%s: 0: empty input\n", u->name); failed = 1; }
            break;
        }
        if (st == EDGR_ERR_NOT_EDGAR && count == 0 && !u->walked) {
            /* a bare document: HTML or text, not binary data */
            if (bare_is_binary(data, len)) {
                sink_printf(err, "%s: 0: not an EDGAR submission or document (binary data)\n", u->name);
                failed = 1;
                break;
            }
            filing f = {.name = u->name, .src = unit_json_source(u), .sub = NULL, .data = data, .len = len,
                         .walked = u->walked};
            edgr_document_bare(data, len, &f.bare);
            f.docs = &f.bare;
            f.doc_count = 1;
            if (fn(user, &f)) failed = 1;
            break;
        }
        if (st == EDGR_ERR_NOMEM) { sink_printf(err, "%s: %zu: out of memory\n", u->name, at); failed = 1; break; }
        if (s) {
            if (submission_failed(u, s, err, o->quiet)) failed = 1;
            if (s->container != EDGR_C_NONE) {
                filing f = {.name = u->name, .src = unit_json_source(u), .sub = s, .docs = s->docs,
                            .doc_count = s->doc_count, .data = data, .len = len, .walked = u->walked};
                if (fn(user, &f)) failed = 1;
            }
        }
        count++;
        if (st != EDGR_OK || used == 0) break;
        at += used;
    }
    edgr_parser_free(ps);
    edgr_buf_free(&buf);
    return failed;
}
