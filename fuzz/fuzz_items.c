/* libFuzzer target: the item segmenter on arbitrary text, for every form
 * kind and both 8-K numberings, plus edgr_item_text on every item found.
 * The input goes through the plain-text converter first (the segmenter's
 * input is always a converter's output) and also straight in as HTML.
 *
 * Each input is also tried in the two packaging variants of issue 10: with
 * every <...> tag stripped (tests/common/strip.h) and repeated twice; each
 * variant is also parsed as a submission and every document's text (a
 * stripped document's decoded references included) is segmented. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/common/strip.h"
#include "edgr/items.h"
#include "edgr/text.h"

static edgr_text t;
static edgr_items it;
static edgr_buf body;

static void segment(void)
{
    for (int kind = EDGR_FORM_OTHER; kind <= EDGR_FORM_10Q; kind++) {
        const char *dates[2] = {"19990101", "20240101"};
        for (int d = 0; d < (kind == EDGR_FORM_8K ? 2 : 1); d++) {
            if (edgr_items_find(&t, (edgr_form_kind)kind, dates[d], &it) != EDGR_OK) continue;
            for (size_t i = 0; i < it.count; i++) {
                const edgr_item *x = &it.items[i];
                if (x->start > x->end || x->end > t.len || x->title + x->title_len > t.len)
                    __builtin_trap();
                edgr_item_text(&it, &t, i, &body);
            }
        }
    }
}

static void run(const char *data, size_t size)
{
    for (int conv = 0; conv < 2; conv++) {
        if (conv == 0) edgr_plain_to_text(data, size, EDGR_CS_CP1252, NULL, &t);
        else edgr_html_to_text(data, size, EDGR_CS_UTF8, NULL, &t);
        segment();
    }
    /* as a submission: every document's text */
    static edgr_parser *p;
    if (!p) p = edgr_parser_new();
    size_t off = 0;
    while (off < size) {
        const edgr_submission *s;
        size_t used;
        edgr_status rc = edgr_parse(p, data + off, size - off, off, EDGR_PARSE_DECODE, &s, &used);
        if (rc == EDGR_ERR_EMPTY || rc == EDGR_ERR_NOMEM || rc == EDGR_ERR_ARG) break;
        for (size_t i = 0; i < s->doc_count; i++) {
            if (edgr_document_text(&s->docs[i], NULL, &t) != EDGR_OK) continue;
            for (size_t a = 0; a < t.anchor_count; a++)
                if (t.anchors[a].src > size) __builtin_trap(); /* anchors are file offsets */
            segment();
        }
        off += used;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run((const char *)data, size);
    char *v;
    size_t vn;
    if (!strip_tags((const char *)data, size, &v, &vn)) {
        run(v, vn);
        free(v);
    }
    if ((v = malloc(2 * size + 1))) {
        memcpy(v, data, size);
        memcpy(v + size, data, size);
        run(v, 2 * size);
        free(v);
    }
    return 0;
}
