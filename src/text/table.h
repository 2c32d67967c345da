/* Tables: cells collected while the HTML is read, laid out at </table> as
 * aligned text, Markdown or TSV. */
#ifndef EDGR_TEXT_TABLE_H
#define EDGR_TEXT_TABLE_H

#include "buf.h"
#include "sink.h"

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

void table_begin(table_lvl *t, size_t src, tsink *parent);
tsink *table_cell_sink(table_lvl *t);
void table_begin_row(table_lvl *t, size_t src);
void table_end_row(table_lvl *t);
void table_begin_cell(table_lvl *t, size_t src, unsigned colspan, int header);
void table_end_cell(table_lvl *t);
/* Open a row and a cell if text arrives outside any. */
void table_need_cell(table_lvl *t, size_t src);
/* Lay the table out into its parent sink.  Returns -1 on allocation failure. */
int table_end(table_lvl *t, edgr_table_style style, text_scratch *sc);

#endif
