/* The text converters' scratch memory, kept in edgr_text.priv from one
 * conversion to the next: the open tables' cells, the layout buffers and the
 * page marks (pages.h).  It sits below table.c, which fills it, and sink.c,
 * which frees it with the edgr_text: it calls neither. */
#ifndef EDGR_TEXT_SCRATCH_H
#define EDGR_TEXT_SCRATCH_H

#include "buf.h"
#include "sink.h"

typedef struct tcell {
    size_t start, end; /* in table_lvl.text */
    unsigned col, span;
} tcell;

typedef struct trow {
    size_t first, n;   /* cells */
    size_t src;
} trow;

typedef struct lcell {
    size_t off, len;   /* in text_scratch.layout */
    unsigned col;      /* grid column, then logical column index */
    unsigned span;     /* grid columns covered (colspan) */
} lcell;

typedef struct lrow {
    size_t first, n;
    size_t src;
} lrow;

typedef struct table_lvl {
    edgr_buf text;       /* the cells' text, one after another          */
    vec rows, cells;     /* trow, tcell                                 */
    int in_row, in_cell;
    unsigned next_col;   /* grid column of the next cell (colspans add) */
    tsink cell;          /* writes into `text` for the open cell        */
    tsink *parent;       /* where the laid-out table goes               */
    size_t src;
} table_lvl;

enum { TEXT_MAX_TABLES = 24 };

/* Scratch memory kept in edgr_text.priv between conversions. */
typedef struct text_scratch {
    table_lvl tables[TEXT_MAX_TABLES];
    edgr_buf layout;     /* merged cell text of the table being laid out */
    vec lcells, lrows;
    edgr_buf line;
    vec pages;           /* text_page_mark (pages.h) of the last conversion */
} text_scratch;

text_scratch *text_scratch_new(void);
void text_scratch_free(void *priv);

#endif
