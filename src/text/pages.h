/* Page numbers a converter removed from the text, kept for the item
 * segmenter: a 10-K laid out as an annual report names its items by page
 * (src/forms/xref.c), and 1990s text loses its page numbers in conversion. */
#ifndef EDGR_TEXT_PAGES_H
#define EDGR_TEXT_PAGES_H

#include <stddef.h>

#include "edgr/text.h"

typedef struct text_page_mark {
    size_t at;       /* text offset where the dropped line stood            */
    int top;         /* 1: it opened a page (after <PAGE>); 0: it closed one */
    char label[16];  /* the page number as printed: "24", "F-3", "- 7 -"    */
} text_page_mark;

/* The marks of the last conversion into t, in text order (none for HTML,
 * which keeps its page numbers as lines). */
const text_page_mark *text_page_marks(const edgr_text *t, size_t *n);

#endif
