/* Table styles for the library's own readers, beyond edgr_table_style. */
#ifndef EDGR_TEXT_STYLES_H
#define EDGR_TEXT_STYLES_H

#include "edgr/text.h"

/* TSV whose rows of prose (a cell of long or many lines: a signature block,
 * a note; see table.c) are written cell by cell, line by line, as in the
 * text style.  The facts readers (src/forms/facts.c) want TSV's cells in
 * captions and a signature block's lines as lines; `--tables tsv` keeps
 * every row on one line. */
#define EDGR_TABLES_TSV_PROSE_LINES ((edgr_table_style)16)

#endif
