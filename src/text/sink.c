/* Text sinks and the edgr_text result (see sink.h). */
#include "sink.h"

#include <stdlib.h>

#include "charset.h"
#include "scratch.h"

size_t text_release_step = RELEASE_STEP;

/*
 * A streaming main sink hands out its text up to the last byte that is no
 * space and no line break, and keeps that byte and what follows: everything
 * that looks back at the text (a trailing space trimmed, the line breaks
 * owed counted, "at a line start?") stops at such a byte, so it reads the
 * same tail as it would in the whole text, and the bytes are the same.
 */
void sink_put_slow(tsink *s, const char *p, size_t n)
{
    edgr_buf *b = s->b;
    if (s->w && !s->w->failed && b->len >= TEXT_DRAIN) {
        size_t keep = b->len;
        while (keep > 0 && (b->data[keep - 1] == ' ' || b->data[keep - 1] == '\n')) keep--;
        if (keep > 1) {
            keep--; /* that byte stays */
            if (s->w->fn(s->w->user, b->data, keep)) {
                s->w->failed = 1;
                s->failed = 1;
                return;
            }
            memmove(b->data, b->data + keep, b->len - keep);
            b->len -= keep;
            s->flushed += keep;
        }
    }
    if (n <= b->cap - b->len) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
    } else if (buf_append(b, p, n, TEXT_CAP)) s->failed = 1;
}

void sink_anchor(tsink *s, size_t src)
{
    edgr_text *t = s->anchors;
    if (!t) return;
    size_t pos = sink_total(s);
    src += s->src_base;
    if (t->anchor_count) {
        edgr_text_anchor *last = &t->anchors[t->anchor_count - 1];
        if (last->text == pos) { last->src = src; return; }
        if (last->src == src) return; /* same source line: nothing to add */
    }
    if (arr_reserve(&t->anchors, &t->anchor_cap, t->anchor_count + 1, sizeof *t->anchors, 0)) {
        s->failed = 1;
        return;
    }
    t->anchors[t->anchor_count++] = (edgr_text_anchor){pos, src};
}

void sink_flush(tsink *s, size_t src)
{
    edgr_buf *b = s->b;
    if (s->pend_break) {
        if (b->len > s->base) {
            int have = 0;
            while (have < 2 && b->len - have > s->base && b->data[b->len - 1 - have] == '\n') have++;
            for (int i = have; i < s->pend_break; i++) sink_put(s, "\n", 1);
        }
        s->pend_break = 0;
        s->pend_space = 0;
    }
    if (sink_at_line_start(s)) {
        s->pend_space = 0;
        sink_anchor(s, src);
        if (s->bullet) {
            sink_put(s, s->bullet, s->bullet_len);
            s->bullet = NULL;
        }
    } else if (s->pend_space) {
        s->pend_space = 0;
        sink_put(s, " ", 1);
    }
}

void sink_codepoint(tsink *s, unsigned cp)
{
    char u[4];
    sink_put(s, u, utf8_encode(cp, u));
}

void text_finish(edgr_text *t, edgr_buf *b, int failed)
{
    t->src_end = 0; /* the converters set it */
    /* Marks of an earlier conversion must not outlive its text; plain text
     * adds its own after this. */
    if (t->priv) ((text_scratch *)t->priv)->pages.len = 0;
    if (!failed && buf_reserve(b, 1, TEXT_CAP) == 0) b->data[b->len] = '\0';
    else if (b->len && b->cap) b->data[--b->len] = '\0'; /* keep it a C string */
    t->data = b->data;
    t->len = b->data ? b->len : 0;
    t->cap = b->cap;
}

void edgr_text_free(edgr_text *t)
{
    if (!t) return;
    text_scratch_free(t->priv);
    free(t->data);
    free(t->anchors);
    *t = (edgr_text){0};
}

size_t edgr_text_source_offset(const edgr_text *t, size_t pos)
{
    if (!t || !t->anchor_count) return 0;
    size_t lo = 0, hi = t->anchor_count; /* first anchor with text > pos */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->anchors[mid].text <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo ? t->anchors[lo - 1].src : t->anchors[0].src;
}
