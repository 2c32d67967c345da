/* Text sinks and the edgr_text result (see sink.h). */
#include "sink.h"

#include <stdlib.h>

#include "charset.h"
#include "scratch.h"

void sink_anchor(tsink *s, size_t src)
{
    edgr_text *t = s->anchors;
    if (!t) return;
    size_t pos = s->b->len;
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
