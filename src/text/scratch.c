/* The converters' scratch memory (see scratch.h). */
#include "scratch.h"

#include <stdlib.h>

#include "pages.h"

text_scratch *text_scratch_new(void)
{
    text_scratch *sc = calloc(1, sizeof *sc);
    if (!sc) return NULL;
    for (int i = 0; i < TEXT_MAX_TABLES; i++) {
        sc->tables[i].rows.size = sizeof(trow);
        sc->tables[i].cells.size = sizeof(tcell);
    }
    sc->lcells.size = sizeof(lcell);
    sc->lrows.size = sizeof(lrow);
    sc->pages.size = sizeof(text_page_mark);
    return sc;
}

const text_page_mark *text_page_marks(const edgr_text *t, size_t *n)
{
    const text_scratch *sc = t ? t->priv : NULL;
    *n = sc ? sc->pages.len : 0;
    return sc ? sc->pages.items : NULL;
}

void text_scratch_free(void *priv)
{
    text_scratch *sc = priv;
    if (!sc) return;
    for (int i = 0; i < TEXT_MAX_TABLES; i++) {
        edgr_buf_free(&sc->tables[i].text);
        vec_free(&sc->tables[i].rows);
        vec_free(&sc->tables[i].cells);
    }
    edgr_buf_free(&sc->layout);
    edgr_buf_free(&sc->line);
    vec_free(&sc->lcells);
    vec_free(&sc->lrows);
    vec_free(&sc->pages);
    free(sc);
}
