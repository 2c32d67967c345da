/* libFuzzer target: the item segmenter on arbitrary text, for every form
 * kind and both 8-K numberings, plus edgr_item_text on every item found.
 * The input goes through the plain-text converter first (the segmenter's
 * input is always a converter's output) and also straight in as HTML. */
#include <stddef.h>
#include <stdint.h>

#include "edgr/items.h"
#include "edgr/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static edgr_text t;
    static edgr_items it;
    static edgr_buf body;
    for (int conv = 0; conv < 2; conv++) {
        if (conv == 0) edgr_plain_to_text((const char *)data, size, EDGR_CS_CP1252, NULL, &t);
        else edgr_html_to_text((const char *)data, size, EDGR_CS_UTF8, NULL, &t);
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
    return 0;
}
