/* Tables: cells collected while the HTML is read, laid out at </table> as
 * aligned text, Markdown or TSV. */
#ifndef EDGR_TEXT_TABLE_H
#define EDGR_TEXT_TABLE_H

#include "buf.h"
#include "scratch.h"
#include "sink.h"

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
