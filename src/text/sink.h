/* Text sinks: where laid-out text goes, with white space and line breaks
 * owed rather than written, so that nothing trails a line and no blank line
 * opens a paragraph.  The HTML and plain-text converters share them. */
#ifndef EDGR_TEXT_SINK_H
#define EDGR_TEXT_SINK_H

#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "edgr/text.h"

/* Text output can legitimately be larger than its input (entities expand,
 * tables are padded) but never by much; this cap stops a hostile table. */
#define TEXT_CAP ((size_t)1 << 32)

/* Where a conversion that streams its text writes it (see
 * edgr_document_text_write): the main sink hands what is settled to `fn`
 * as the text grows, and keeps only a short tail. */
typedef struct text_writer {
    edgr_write_fn fn;
    void *user;
    int failed;            /* fn returned non-zero                        */
} text_writer;

/* The text a streaming main sink lets grow before it hands it out. */
enum { TEXT_DRAIN = 1 << 20 };

typedef struct tsink {
    edgr_buf *b;
    size_t base;           /* where this sink's text starts in b          */
    int pend_space;        /* one space owed before the next visible byte */
    int pend_break;        /* newlines owed: 1 = line break, 2 = blank    */
    const char *bullet;    /* list marker owed at the next line start     */
    size_t bullet_len;
    edgr_text *anchors;    /* record line-start anchors here, or NULL     */
    size_t src_base;       /* added to every anchor's source offset       */
    int failed;            /* an allocation failed                        */
    text_writer *w;        /* the main sink of a streaming conversion, or NULL */
    size_t flushed;        /* text handed to w before b's first byte      */
} tsink;

/* Pay what is owed (breaks, bullet, space) before visible text from source
 * offset `src`.  Called before every write of visible bytes. */
void sink_flush(tsink *s, size_t src);
/* Append bytes when b is full: a streaming main sink first hands out what
 * is settled (sink.c). */
void sink_put_slow(tsink *s, const char *p, size_t n);
/* Append visible bytes (after sink_flush). */
static inline void sink_put(tsink *s, const char *p, size_t n)
{
    edgr_buf *b = s->b;
    if (n <= b->cap - b->len) { /* room: cap never exceeds TEXT_CAP */
        if (n) memcpy(b->data + b->len, p, n);
        b->len += n;
    } else sink_put_slow(s, p, n);
}
/* The length of the text written so far, handed out or not. */
static inline size_t sink_total(const tsink *s) { return s->flushed + s->b->len; }
static inline void sink_space(tsink *s) { s->pend_space = 1; }
static inline void sink_break(tsink *s, int n)
{
    if (n > 2) n = 2;
    if (s->pend_break < n) s->pend_break = n;
}
/* 1 if nothing visible was written since the last line break. */
static inline int sink_at_line_start(const tsink *s)
{
    return s->b->len == s->base || s->b->data[s->b->len - 1] == '\n';
}
/* Record an anchor at the current end of the text. */
void sink_anchor(tsink *s, size_t src);
/* Write one code point as UTF-8 (no flush). */
void sink_codepoint(tsink *s, unsigned cp);

/* Move an edgr_buf's storage into / out of an edgr_text. */
static inline edgr_buf text_as_buf(edgr_text *t)
{
    edgr_buf b = {t->data, 0, t->cap};
    return b;
}
void text_finish(edgr_text *t, edgr_buf *b, int failed);

/* Telling the caller which input bytes were read for good (opt->release,
 * edgr_release_fn): at most every RELEASE_STEP bytes, so the calls cost
 * nothing beside the conversion and each gives back a good run of pages. */
enum { RELEASE_STEP = 4 << 20 };
/* RELEASE_STEP, but for the tests, which tell at every few bytes and
 * overwrite what they are told of (tests/corpus: the text must not change) */
extern size_t text_release_step;

typedef struct text_release {
    edgr_release_fn fn;    /* NULL: nobody asked                         */
    void *user;
    const char *from;      /* the first byte not told yet                */
} text_release;

/* The release asked for in opt (a struct_size of 0.2.0's has none). */
static inline text_release text_release_of(const edgr_text_options *opt, const char *input)
{
    text_release r = {NULL, NULL, input};
    if (opt && opt->struct_size >= sizeof *opt && opt->release) {
        r.fn = opt->release;
        r.user = opt->release_user;
    }
    return r;
}

/* Nothing before p is read again: tell, once RELEASE_STEP bytes wait. */
static inline void text_release_upto(text_release *r, const char *p)
{
    if (r->fn && (size_t)(p - r->from) >= text_release_step) {
        r->fn(r->user, r->from, p);
        r->from = p;
    }
}

/* The smallest struct_size of edgr_text_options accepted: 0.2.0's. */
#define TEXT_OPTIONS_MIN_SIZE offsetof(edgr_text_options, release)

/* The converters, streaming their text to w when it is not NULL (out then
 * holds only the tail not handed out yet). */
edgr_status html_to_text_w(const char *html, size_t len, edgr_charset charset, const edgr_text_options *opt,
                           edgr_text *out, text_writer *w);
edgr_status plain_to_text_w(const char *txt, size_t len, edgr_charset charset, const edgr_text_options *opt,
                            edgr_text *out, text_writer *w);

#endif
