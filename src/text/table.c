/*
 * Table layout.
 *
 * EDGAR tables are typeset for print: a "$" in its own cell before the
 * number, ")" or "%" in a cell after it, and empty spacer columns between
 * every pair of real ones.  Laid out naively that is unreadable, so empty
 * cells are dropped, currency and closing cells are joined to their number,
 * and the remaining cells are aligned on the grid columns that ever hold
 * text (colspans counted), so a row with a missing value keeps its other
 * values in their columns.
 */
#include "table.h"

#include <stdlib.h>

#include "chars.h"
#include "pages.h"
#include "styles.h"

/* WIDTH_CAP: the widest a column grows for alignment.  A line break in a
 * cell (a heading set on two lines with <br>) stays in the cell: Markdown
 * writes it as <br>, TSV and the text style as a space.  Only in the text
 * style, a row holding prose -- a cell past LONG_CELL characters with a
 * line break, unless it is a heading (at most HEAD_LINES lines of at most
 * WIDTH_CAP characters, none blank) -- is written cell by cell as
 * paragraphs: a grid would bury it, and signature blocks and notes keep
 * their lines. */
enum { MAX_COL = 1023, WIDTH_CAP = 40, LONG_CELL = 80, HEAD_LINES = 4 };

void table_begin(table_lvl *t, size_t src, tsink *parent)
{
    t->text.len = 0;
    t->rows.len = t->cells.len = 0;
    t->in_row = t->in_cell = 0;
    t->next_col = 0;
    t->parent = parent;
    t->src = src;
    t->cell = (tsink){0};
    t->cell.b = &t->text;
}

tsink *table_cell_sink(table_lvl *t) { return &t->cell; }

void table_end_cell(table_lvl *t)
{
    if (!t->in_cell) return;
    tcell *c = &VEC_AT(&t->cells, tcell, t->cells.len - 1);
    c->end = t->text.len;
    t->in_cell = 0;
    t->cell.base = t->text.len;
    t->cell.pend_space = t->cell.pend_break = 0;
    t->cell.bullet = NULL;
}

void table_end_row(table_lvl *t)
{
    table_end_cell(t);
    t->in_row = 0;
}

void table_begin_row(table_lvl *t, size_t src)
{
    table_end_row(t);
    trow *r = vec_push(&t->rows);
    if (!r) { t->cell.failed = 1; return; }
    r->first = t->cells.len;
    r->n = 0;
    r->src = src;
    t->in_row = 1;
    t->next_col = 0;
}

void table_begin_cell(table_lvl *t, size_t src, unsigned colspan, int header)
{
    (void)header;
    table_end_cell(t);
    if (!t->in_row) table_begin_row(t, src);
    if (t->cell.failed) return;
    tcell *c = vec_push(&t->cells);
    if (!c) { t->cell.failed = 1; return; }
    c->start = c->end = t->text.len;
    c->col = t->next_col > MAX_COL ? MAX_COL : t->next_col;
    c->span = colspan;
    t->next_col += colspan;
    VEC_AT(&t->rows, trow, t->rows.len - 1).n++;
    t->in_cell = 1;
    t->cell.base = t->text.len;
    t->cell.pend_space = t->cell.pend_break = 0;
}

void table_need_cell(table_lvl *t, size_t src)
{
    if (!t->in_cell) table_begin_cell(t, src, 1, 0);
}

/* ------------------------------------------------------------------------
 * Layout.
 * ---------------------------------------------------------------------- */

static int is_prefix_cell(const char *p, size_t n)
{
    return (n == 1 && (*p == '$' || *p == '(')) || (n == 2 && p[0] == '$' && p[1] == '(') ||
           (n == 3 && (memcmp(p, "\xE2\x82\xAC", 3) == 0)) ||            /* euro */
           (n == 2 && (memcmp(p, "\xC2\xA3", 2) == 0 || memcmp(p, "\xC2\xA5", 2) == 0));
}

static int is_suffix_cell(const char *p, size_t n)
{
    if (n == 0 || n > 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] != ')' && p[i] != '%') return 0;
    return 1;
}

/* Display width: code points, not bytes. */
static size_t width_of(const char *p, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) w += ((unsigned char)p[i] & 0xC0) != 0x80;
    return w;
}

static int is_numeric(const char *p, size_t n)
{
    int digit = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (sc_is_digit(c)) digit = 1;
        else if (c == ',' || c == '.' || c == '$' || c == '(' || c == ')' || c == '%' || c == '-' ||
                 c == ' ')
            continue;
        else if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
                 ((unsigned char)p[i + 2] == 0x94 || (unsigned char)p[i + 2] == 0x93))
            i += 2; /* em and en dashes stand for zero */
        else return 0;
    }
    return digit || n <= 3;
}

static int layout_put(text_scratch *sc, const char *p, size_t n)
{
    return buf_append(&sc->layout, p, n, TEXT_CAP);
}

/* Merge each row's cells into logical cells (see the comment at the top). */
static int merge_cells(table_lvl *t, text_scratch *sc)
{
    sc->layout.len = 0;
    sc->lcells.len = sc->lrows.len = 0;
    for (size_t r = 0; r < t->rows.len; r++) {
        trow *row = &VEC_AT(&t->rows, trow, r);
        lrow *lr = vec_push(&sc->lrows);
        if (!lr) return -1;
        lr->first = sc->lcells.len;
        lr->src = row->src;
        const char *pre = NULL;
        size_t pre_len = 0;
        unsigned pre_col = 0, pre_span = 1;
        for (size_t i = 0; i < row->n; i++) {
            tcell *c = &VEC_AT(&t->cells, tcell, row->first + i);
            size_t n = c->end - c->start;
            if (n == 0) continue; /* (text.data may be NULL then) */
            const char *p = t->text.data + c->start;
            if (is_prefix_cell(p, n)) {
                if (pre) { /* two prefixes in a row: the first stands alone */
                    lcell *l = vec_push(&sc->lcells);
                    if (!l) return -1;
                    *l = (lcell){sc->layout.len, pre_len, pre_col, pre_span};
                    if (layout_put(sc, pre, pre_len)) return -1;
                    lr->n++;
                }
                pre = p;
                pre_len = n;
                pre_col = c->col;
                pre_span = c->span;
                continue;
            }
            if (!pre && is_suffix_cell(p, n) && lr->n) {
                lcell *l = &VEC_AT(&sc->lcells, lcell, sc->lcells.len - 1);
                if (layout_put(sc, p, n)) return -1;
                l->len += n;
                continue;
            }
            lcell *l = vec_push(&sc->lcells);
            if (!l) return -1;
            l->off = sc->layout.len;
            l->col = c->col;
            l->span = c->span;
            if (pre && layout_put(sc, pre, pre_len)) return -1;
            if (layout_put(sc, p, n)) return -1;
            l->len = sc->layout.len - l->off;
            pre = NULL;
            lr->n++;
        }
        if (pre) {
            lcell *l = vec_push(&sc->lcells);
            if (!l) return -1;
            *l = (lcell){sc->layout.len, pre_len, pre_col, pre_span};
            if (layout_put(sc, pre, pre_len)) return -1;
            lr->n++;
        }
    }
    return 0;
}

/* Write a cell's text to the line, escaping for the style: a line break
 * is "<br>" in Markdown, else a space. */
static int line_cell(edgr_buf *line, const char *p, size_t n, edgr_table_style style)
{
    if (!n) return 0;
    if (buf_reserve(line, 4 * n, TEXT_CAP)) return -1; /* '|' doubles, '\n' is "<br>" */
    char *d = line->data + line->len;
    char prev = line->len ? d[-1] : 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\n' && style == EDGR_TABLES_MARKDOWN) {
            while (prev == ' ') d--, prev = d > line->data ? d[-1] : 0; /* no blank before <br> */
            memcpy(d, "<br>", 4);
            d += 4;
            prev = '>';
            while (i + 1 < n && p[i + 1] == ' ') i++; /* nor after it */
            continue;
        }
        if (c == '\n' || (c == '\t' && style == EDGR_TABLES_TSV)) c = ' ';
        if (c == ' ' && prev == ' ') continue;
        if (c == '|' && style == EDGR_TABLES_MARKDOWN) *d++ = '\\';
        *d++ = prev = c;
    }
    line->len = (size_t)(d - line->data);
    return 0;
}

/* A cell with a line break that must not go into the grid in the text
 * style (see LONG_CELL). */
static int is_prose_cell(const char *p, size_t n)
{
    if (n <= LONG_CELL || !memchr(p, '\n', n)) return 0;
    size_t lines = 0;
    for (const char *e = p + n; p < e;) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(e - p);
        if (++lines > HEAD_LINES || len == 0 || width_of(p, len) > WIDTH_CAP) return 1;
        if (!nl) break;
        p = nl + 1;
    }
    return 0; /* a heading set on a few short lines */
}

static int pad(edgr_buf *line, size_t n)
{
    if (!n) return 0; /* line->data may still be NULL */
    if (buf_reserve(line, n, TEXT_CAP)) return -1;
    memset(line->data + line->len, ' ', n);
    line->len += n;
    return 0;
}

/* One row of the grid, in `style`, into sc->line. */
static int grid_row(text_scratch *sc, lrow *lr, unsigned ncols, const size_t *widths,
                    const size_t *colpos, edgr_table_style style, unsigned *cells)
{
    *cells = 0;
    edgr_buf *line = &sc->line;
    line->len = 0;
    size_t content = 0;
    for (size_t i = 0; i < lr->n; i++) content += VEC_AT(&sc->lcells, lcell, lr->first + i).len;
    /* Padding beyond this means a hostile or absurd grid: stop aligning. */
    size_t budget = 4 * content + 400, width = 0;
    if (style == EDGR_TABLES_TEXT) {
        for (size_t i = 0; i < lr->n; i++) {
            lcell *l = &VEC_AT(&sc->lcells, lcell, lr->first + i);
            const char *p = sc->layout.data + l->off;
            size_t w = width_of(p, l->len);
            size_t target = colpos[l->col];
            if (is_numeric(p, l->len) && w < widths[l->col]) target += widths[l->col] - w;
            size_t need = width < target ? target - width : (i ? 2 : 0);
            if (need > budget) need = i ? 2 : 0;
            budget -= need < budget ? need : budget;
            if (pad(line, need)) return -1;
            size_t before = line->len;
            if (line_cell(line, p, l->len, style)) return -1;
            width += need + width_of(line->data + before, line->len - before);
        }
        return 0;
    }
    /* Markdown and TSV: every column, empty where the row has no cell. */
    size_t i = 0;
    int compact = (size_t)ncols * 3 > budget;
    if (style == EDGR_TABLES_MARKDOWN && buf_append(line, "|", 1, TEXT_CAP)) return -1;
    for (unsigned col = 0; col < ncols; col++) {
        lcell *l = i < lr->n ? &VEC_AT(&sc->lcells, lcell, lr->first + i) : NULL;
        int here = l && l->col == col;
        if (!here && compact) continue;
        ++*cells;
        if (style == EDGR_TABLES_MARKDOWN) {
            if (buf_append(line, " ", 1, TEXT_CAP)) return -1;
        } else if (col && line->len && buf_append(line, "\t", 1, TEXT_CAP)) return -1;
        else if (col && !line->len && !compact && buf_append(line, "\t", 1, TEXT_CAP)) return -1;
        if (here) {
            if (line_cell(line, sc->layout.data + l->off, l->len, style)) return -1;
            i++;
        }
        if (style == EDGR_TABLES_MARKDOWN && buf_append(line, " |", 2, TEXT_CAP)) return -1;
    }
    return 0;
}

static void put_line(tsink *s, text_scratch *sc, size_t src)
{
    edgr_buf *line = &sc->line;
    while (line->len && line->data[line->len - 1] == ' ') line->len--;
    if (!line->len) return;
    sink_break(s, 1);
    sink_flush(s, src);
    sink_put(s, line->data, line->len);
}

/* The grid a table is laid out on: the grid columns that hold text,
 * renumbered 0..ncols, their widths and where each starts (text style). */
typedef struct grid {
    size_t map[MAX_COL + 1]; /* grid column -> column, or NONE */
    unsigned maxc;           /* the highest grid column used */
    unsigned ncols;
    size_t most;             /* the most cells in a row */
    size_t widths[MAX_COL + 1], colpos[MAX_COL + 1];
} grid;

static const size_t NONE = (size_t)-1;

/* Which grid columns ever hold text, and the most cells in a row.  Cells
 * of one column count first.  A spanning cell ("2024" over the "$", number
 * and ")" columns) whose first column holds nothing else is moved to the
 * first column in its span that does, so a heading sits over its numbers. */
static void grid_columns(grid *g, text_scratch *sc)
{
    g->maxc = 0;
    for (size_t k = 0; k < sc->lcells.len; k++) {
        unsigned c = VEC_AT(&sc->lcells, lcell, k).col;
        if (c > g->maxc) g->maxc = c;
    }
    for (size_t c = 0; c <= g->maxc; c++) g->map[c] = NONE;
    g->most = 0;
    for (size_t r = 0; r < sc->lrows.len; r++) {
        lrow *lr = &VEC_AT(&sc->lrows, lrow, r);
        if (lr->n > g->most) g->most = lr->n;
        for (size_t i = 0; i < lr->n; i++) {
            lcell *l = &VEC_AT(&sc->lcells, lcell, lr->first + i);
            if (l->span <= 1) g->map[l->col] = 0;
        }
    }
    for (size_t k = 0; k < sc->lcells.len; k++) {
        lcell *l = &VEC_AT(&sc->lcells, lcell, k);
        if (l->span <= 1 || g->map[l->col] != NONE) continue;
        unsigned last = l->span > g->maxc - l->col ? g->maxc : l->col + l->span - 1;
        for (unsigned c = l->col + 1; c <= last; c++)
            if (g->map[c] != NONE) { l->col = c; break; }
        g->map[l->col] = 0;
    }
    g->ncols = 0;
    for (size_t c = 0; c <= g->maxc; c++)
        if (g->map[c] != NONE) g->map[c] = g->ncols++;
}

/* Move the cells to their columns and measure them: each column as wide
 * as its widest cell (up to WIDTH_CAP), two spaces between columns. */
static void grid_widths(grid *g, text_scratch *sc)
{
    memset(g->widths, 0, g->ncols * sizeof g->widths[0]);
    for (size_t k = 0; k < sc->lcells.len; k++) {
        lcell *l = &VEC_AT(&sc->lcells, lcell, k);
        l->col = (unsigned)g->map[l->col];
        size_t w = width_of(sc->layout.data + l->off, l->len);
        if (w > WIDTH_CAP) w = WIDTH_CAP;
        if (w > g->widths[l->col]) g->widths[l->col] = w;
    }
    size_t pos = 0;
    for (unsigned c = 0; c < g->ncols; c++) {
        g->colpos[c] = pos;
        pos += g->widths[c] + 2;
    }
}

/* A row's cells, each as a paragraph of its own. */
static void put_row_as_paragraphs(tsink *out, text_scratch *sc, const lrow *lr)
{
    for (size_t i = 0; i < lr->n; i++) {
        lcell *l = &VEC_AT(&sc->lcells, lcell, lr->first + i);
        sink_break(out, 1);
        sink_flush(out, lr->src);
        sink_put(out, sc->layout.data + l->off, l->len);
    }
}

/* A row holding prose (see LONG_CELL). */
static int is_prose_row(text_scratch *sc, const lrow *lr)
{
    for (size_t i = 0; i < lr->n; i++) {
        lcell *l = &VEC_AT(&sc->lcells, lcell, lr->first + i);
        if (is_prose_cell(sc->layout.data + l->off, l->len)) return 1;
    }
    return 0;
}

/* Markdown's delimiter row under the first row, `cells` columns wide. */
static int put_delimiter_row(tsink *out, text_scratch *sc, unsigned cells, size_t src)
{
    sc->line.len = 0;
    if (buf_append(&sc->line, "|", 1, TEXT_CAP)) return -1;
    for (unsigned c = 0; c < cells; c++)
        if (buf_append(&sc->line, " --- |", 6, TEXT_CAP)) return -1;
    put_line(out, sc, src);
    return 0;
}

/* The rows on the grid, in `style`; in the text style (and the facts
 * readers' TSV, styles.h) a row holding prose is written cell by cell. */
static int put_grid(tsink *out, text_scratch *sc, const grid *g, edgr_table_style style,
                    int prose_rows)
{
    int header = 1; /* Markdown: the delimiter row follows the first row written */
    for (size_t r = 0; r < sc->lrows.len; r++) {
        lrow *lr = &VEC_AT(&sc->lrows, lrow, r);
        if (!lr->n) continue;
        if (prose_rows && is_prose_row(sc, lr)) {
            put_row_as_paragraphs(out, sc, lr);
            continue;
        }
        unsigned cells = 0;
        if (grid_row(sc, lr, g->ncols, g->widths, g->colpos, style, &cells)) return -1;
        put_line(out, sc, lr->src);
        if (style == EDGR_TABLES_MARKDOWN && header) {
            header = 0;
            if (put_delimiter_row(out, sc, cells, lr->src)) return -1;
        }
    }
    return 0;
}

int table_end(table_lvl *t, edgr_table_style style, text_scratch *sc)
{
    int prose_rows = style == EDGR_TABLES_TEXT || style == EDGR_TABLES_TSV_PROSE_LINES;
    if (style == EDGR_TABLES_TSV_PROSE_LINES) style = EDGR_TABLES_TSV;
    table_end_row(t);
    tsink *out = t->parent;
    if (t->cell.failed || merge_cells(t, sc)) return -1;
    grid g;
    grid_columns(&g, sc);
    sink_break(out, 2);
    if (g.most <= 1) {
        /* A layout table (one cell a row): its cells are paragraphs. */
        for (size_t r = 0; r < sc->lrows.len; r++)
            put_row_as_paragraphs(out, sc, &VEC_AT(&sc->lrows, lrow, r));
    } else {
        grid_widths(&g, sc);
        if (put_grid(out, sc, &g, style, prose_rows)) return -1;
    }
    sink_break(out, 2);
    return out->failed ? -1 : 0;
}
