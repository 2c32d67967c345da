/*
 * Items of a 10-K that names them in a cross-reference index.
 *
 * Filers that fold the 10-K into their annual report (banks, conglomerates,
 * many 1990s filers) have no "Item 7." headings.  A "Form 10-K
 * Cross-Reference Index" lists each item with the pages of the report that
 * answer it, and the report prints its page numbers on lines of their own:
 *
 * 1. The index is a caption naming a cross-reference, followed by rows that
 *    open with item codes and end with page references ("24-51",
 *    "12, 30-32", "F-1 – F-40"), a note ("Not applicable", "None"), a
 *    footnote marker ("(a)": the footnote under the index answers) or, in a
 *    last column, the name of a section of the report.
 * 2. Page-number lines, and the numbers the text layer dropped from 1990s
 *    text (pages.h), end pages.  The printed numbering is the heaviest run
 *    of them climbing by small steps, so stray numbers, roman-numbered
 *    front pages and "<PAGE> n" markers do not redirect it.
 * 3. An item's body is the text of its pages.  It starts at its own title
 *    when that heads a line of its first page, and stops where the next item
 *    starts on a page they share.  Several ranges give several spans.
 *
 * When the pages are not in this document (the report is an exhibit) or
 * carry no numbers, the index gives nothing rather than the wrong pages.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pages.h"
#include "scan.h"
#include "xref.h"

enum {
    MAX_PAGE = 1000,        /* page numbers as items_page_token reads them  */
    NPREFIX = 27,           /* none, "A-" .. "Z-"                           */
    MAX_GAP = 4,            /* unnumbered pages in a row (photos, dividers)  */
    ROW_MAX_LEN = 400,
    SCAN_LINES = 800,       /* how far past a caption rows are looked for   */
    MISSES_BEFORE_ROWS = 8, /* column headings between caption and rows     */
    MISSES_AFTER_ROWS = 4,  /* non-row lines that end the index             */
    MAX_CAPTIONS = 8,
    TAIL_WINDOW = 160,      /* references close a row: look this far back   */
    TAIL_TRIES = 32,
    PAGE_LINES = 400,       /* lines of a first page searched for a title   */
    MAX_ROWS = 256,
    MIN_ROWS = 3,
    FOOTNOTE_LINES = 30,
    HEADING_MAX = 100,      /* a section heading or title line is short    */
    ROW_TITLE_MAX = 160     /* an item's whole title on a line of its own   */
};

#define NO_LINE ((size_t)-1)

/* ------------------------------------------------------------------------
 * Reading rows.
 * ---------------------------------------------------------------------- */

/* A whole word (or "N/A") equal to the upper-case literal; its length. */
static size_t word_at(const char *s, size_t i, size_t e, const char *upper)
{
    size_t n = strlen(upper);
    if (e - i < n || !sc_eq_upper(s + i, n, upper)) return 0;
    if (i + n < e && sc_is_alnum((unsigned char)s[i + n])) return 0;
    return n;
}

/* Hyphen, U+2010-U+2015 (en and em dashes among them) or minus sign. */
static size_t dash_at(const char *s, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] == '-') return 1;
    if (e - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95) return 3;
    if (e - i >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92) return 3;
    return 0;
}

/* A page reference: "24" or "F-3" (capital letter, hyphen).  Its length,
 * 0 if none.  "3.5", "12%" and "10-K" are not pages. */
static size_t page_at(const char *s, size_t i, size_t e, int *prefix, int *num)
{
    size_t j = i;
    int p = 0, v = 0;
    if (j + 2 < e && s[j] >= 'A' && s[j] <= 'Z' && s[j + 1] == '-' && sc_is_digit((unsigned char)s[j + 2])) {
        p = s[j] - 'A' + 1;
        j += 2;
    }
    size_t d = j;
    uint64_t u;
    j += sc_parse_uint(s + j, e > j ? e - j : 0, 5, UINT64_MAX, &u);
    v = (int)u;
    if (j == d || (j < e && (sc_is_alnum((unsigned char)s[j]) || s[j] == '%'))) return 0;
    if (j + 1 < e && s[j] == '.' && sc_is_digit((unsigned char)s[j + 1])) return 0;
    if (j + 1 < e && s[j] == '-' && sc_is_alpha((unsigned char)s[j + 1])) return 0; /* 10-K */
    *prefix = p;
    *num = v;
    return j - i;
}

/* The words of a note that stands for the item's body. */
static size_t note_at(const char *s, size_t i, size_t e)
{
    static const char *const notes[] = {"NONE", "N/A", "INAPPLICABLE", "OMITTED", "RESERVED", "[RESERVED]"};
    static const char *const seconds[] = {"APPLICABLE", "REQUIRED", "USED"};
    size_t k, not = word_at(s, i, e, "NOT");
    for (size_t n = 0; n < sizeof notes / sizeof notes[0]; n++)
        if ((k = word_at(s, i, e, notes[n]))) return k;
    size_t j = not ? items_skip_blanks(s, i + not, e) : i;
    for (size_t n = 0; j > i + not && n < sizeof seconds / sizeof seconds[0]; n++)
        if ((k = word_at(s, j, e, seconds[n]))) return j + k - i;
    return 0;
}

/* A footnote marker: "(a)", "(1)", "(12)", "*", "**", dagger. */
static size_t marker_at(const char *s, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] == '(' && e - i >= 3 && u[2] == ')' && sc_is_alnum(u[1])) return 3;
    if (u[0] == '(' && e - i >= 4 && u[3] == ')' && sc_is_digit(u[1]) && sc_is_digit(u[2])) return 4;
    size_t j = 0;
    while (i + j < e && j < 3 && u[j] == '*') j++;
    if (j) return j;
    if (e - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA0 || u[2] == 0xA1)) return 3;
    return 0;
}

/* A range's end printed short: "124-26" is 124-126. */
static int full_range_end(int lo, int hi)
{
    if (hi >= lo) return hi;
    int p = 10;
    while (p <= hi) p *= 10;
    int full = lo - lo % p + hi;
    return full >= lo ? full : -1;
}

static void add_range(xref_range *r, int *n, int prefix, int lo, int hi)
{
    hi = full_range_end(lo, hi);
    if (hi < 0 || *n >= XREF_MAX_RANGES) return;
    r[*n] = (xref_range){prefix, lo, hi};
    (*n)++;
}

/* One page or range at i: its length, 0 if none. */
static size_t range_at(const char *s, size_t i, size_t e, xref_range *r, int *n)
{
    int p1, n1, p2, n2;
    size_t k = page_at(s, i, e, &p1, &n1);
    if (!k) return 0;
    size_t j = items_skip_blanks(s, i + k, e), d = 0;
    if (j < e && !(d = dash_at(s, j, e)) && !(d = word_at(s, j, e, "TO")) && !(d = word_at(s, j, e, "THROUGH")))
        d = 0;
    if (!d) {
        add_range(r, n, p1, n1, n1);
        return k;
    }
    size_t q = items_skip_blanks(s, j + d, e), m = q < e ? page_at(s, q, e, &p2, &n2) : 0;
    if (!m || (p2 && p2 != p1)) return 0; /* a dangling dash is no reference */
    add_range(r, n, p1, n1, n2);
    return q + m - i;
}

int xref_parse_refs(const char *s, size_t b, size_t e, xref_row *row)
{
    while (e > b && (s[e - 1] == '.' || sc_is_space((unsigned char)s[e - 1]))) e--;
    size_t i = items_skip_blanks(s, b, e), k;
    if (i >= e) return 0;
    if ((k = word_at(s, i, e, "PAGES")) || (k = word_at(s, i, e, "PAGE")) || (k = word_at(s, i, e, "PP"))) {
        i += k;
        if (i < e && s[i] == '.') i++;
        i = items_skip_blanks(s, i, e);
    }
    xref_range r[XREF_MAX_RANGES];
    int nr = 0, tokens = 0;
    size_t note_b = 0, note_e = 0, mark_b = 0, mark_e = 0;
    while (i < e) {
        if ((k = range_at(s, i, e, r, &nr))) {
        } else if ((k = note_at(s, i, e))) {
            if (!note_e) note_b = i;
            note_e = i + k;
        } else if ((k = marker_at(s, i, e))) {
            if (!mark_e) mark_b = i;
            mark_e = i + k;
        } else if (!tokens && (k = dash_at(s, i, e)) && items_skip_blanks(s, i + k, e) == e) {
            note_b = i; /* a lone dash in the page column: nothing there */
            note_e = i + k;
        } else return 0;
        tokens++;
        i = items_skip_blanks(s, i + k, e);
        if (i < e && (s[i] == ',' || s[i] == ';' || s[i] == '&')) i = items_skip_blanks(s, i + 1, e);
        else if ((k = word_at(s, i, e, "AND"))) i = items_skip_blanks(s, i + k, e);
    }
    if (!tokens) return 0;
    row->nranges = nr;
    memcpy(row->ranges, r, (size_t)nr * sizeof r[0]);
    if (nr) { /* "24, (a)": the pages, then the footnote */
        row->what = XREF_PAGES;
        row->note = mark_b;
        row->note_end = mark_e;
    } else if (note_e) row->what = XREF_NOTE, row->note = note_b, row->note_end = note_e;
    else if (mark_e) row->what = XREF_FOOTNOTE, row->note = mark_b, row->note_end = mark_e;
    else row->what = XREF_UNKNOWN; /* only ranges that run backwards */
    return 1;
}

/* The codes that open a row: "Item 7.", "Items 7 and 7A", bare "7A." when
 * a title follows.  Returns the offset after them, 0 if none. */
static size_t row_codes(const char *s, size_t b, size_t e, edgr_form_kind kind, xref_row *r)
{
    size_t i = b;
    int word = e - b >= 4 && sc_eq_upper(s + b, 4, "ITEM");
    if (word) {
        i += 4;
        if (i < e && (s[i] | 32) == 's') i++;
        if (i < e && sc_is_alnum((unsigned char)s[i])) return 0;
        i = items_skip_blanks(s, i, e);
        if (e - i > 3 && sc_eq_upper(s + i, 3, "NO.")) i = items_skip_blanks(s, i + 3, e);
    }
    for (;;) {
        char code[16];
        int key = items_parse_code(s, &i, e, kind, 0, code);
        if (key < 0) break;
        if (r->ncodes < XREF_MAX_CODES) {
            memcpy(r->codes[r->ncodes], code, sizeof code);
            r->keys[r->ncodes++] = key;
        }
        size_t j = items_skip_blanks(s, i, e), k;
        if (j < e && (s[j] == ',' || s[j] == '&')) j = items_skip_blanks(s, j + 1, e);
        else if ((k = word_at(s, j, e, "AND"))) j = items_skip_blanks(s, j + k, e);
        else break;
        if (j >= e || !sc_is_digit((unsigned char)s[j])) break;
        i = j;
    }
    if (!r->ncodes || (i < e && sc_is_alnum((unsigned char)s[i]))) return 0;
    if (!word) { /* a bare number is a code only with a title after it */
        size_t j = i < e && s[i] == '.' ? i + 1 : i, k = items_skip_blanks(s, j, e);
        if (k >= e || !sc_is_alpha((unsigned char)s[k])) return 0;
        if (j == i && k - i < 2 && s[i] != '\t') return 0; /* "7 percent": a number in prose */
    }
    return i;
}

/* Where a title ends before its references: no dot leader, no blanks. */
static size_t title_end_before(const char *s, size_t b, size_t p)
{
    while (p > b && (s[p - 1] == '.' || sc_is_space((unsigned char)s[p - 1]))) p--;
    return p;
}

/* Cells of a text-table row: runs of two blanks or a dot leader part them.
 * The last of several is the section a row names; the first its title. */
static int section_cell(const char *s, size_t b, size_t e, size_t *first_end, size_t *last)
{
    int cells = 1;
    for (size_t i = b; i + 1 < e; i++) {
        int gap = (sc_is_blank((unsigned char)s[i]) && sc_is_blank((unsigned char)s[i + 1])) ||
                  (i + 2 < e && s[i] == '.' && s[i + 1] == '.' && s[i + 2] == '.');
        if (!gap) continue;
        size_t j = i;
        while (j < e && (sc_is_blank((unsigned char)s[j]) || s[j] == '.')) j++;
        if (j >= e) break;
        if (cells == 1) *first_end = title_end_before(s, b, i);
        *last = j;
        cells++;
        i = j;
    }
    return cells >= 2;
}

/* Title, then references or a section name, on [b, e). */
static void read_rest(const char *s, size_t b, size_t e, xref_row *r)
{
    r->title = b;
    r->title_end = e;
    /* The earliest start from which the rest of the row is references, in
     * a bounded window so that a hostile row stays linear. */
    int tries = 0;
    for (size_t p = e - b > TAIL_WINDOW ? e - TAIL_WINDOW : b; p < e && tries < TAIL_TRIES; p++) {
        if (p > b && !sc_is_blank((unsigned char)s[p - 1]) && s[p - 1] != '.' && (unsigned char)s[p - 1] < 0x80)
            continue;
        if (sc_is_blank((unsigned char)s[p]) || s[p] == '.') continue;
        tries++;
        if (xref_parse_refs(s, p, e, r)) {
            r->title_end = title_end_before(s, b, p);
            return;
        }
    }
    size_t first_end = e, last = e;
    if (section_cell(s, b, e, &first_end, &last)) {
        r->title_end = first_end;
        r->what = XREF_SECTION;
        r->note = last;
        r->note_end = e;
    }
}

int xref_parse_row(const char *s, size_t b, size_t e, edgr_form_kind kind, xref_row *row)
{
    memset(row, 0, sizeof *row);
    if (e - b > ROW_MAX_LEN) return 0;
    size_t i = row_codes(s, b, e, kind, row), k;
    if (!i) return 0;
    for (;;) { /* "Item 7. ", "Item 7 - ", "Item 7: " */
        i = items_skip_blanks(s, i, e);
        if (i < e && (s[i] == '.' || s[i] == ':')) i++;
        else if (i < e && (k = dash_at(s, i, e))) i += k;
        else break;
    }
    read_rest(s, i, e, row);
    return 1;
}

int xref_caption(const char *s, size_t b, size_t e)
{
    if (e - b < 14 || e - b > HEADING_MAX) return 0;
    /* every line of a document comes here: look for "cross" before
     * reading words (a tenth of the segmenter's time otherwise) */
    size_t c = b;
    while (c + 5 <= e && !((s[c] | 32) == 'c' && (s[c + 1] | 32) == 'r' && (s[c + 2] | 32) == 'o' &&
                           (s[c + 3] | 32) == 's' && (s[c + 4] | 32) == 's'))
        c++;
    if (c + 5 > e) return 0;
    size_t pos = b, ws = b, we = b, words = 0, cross = 0;
    int named = 0;
    while (next_word(s, &pos, e, &ws, &we)) {
        words++;
        if (word_eq(s + ws, we - ws, "cross", 5)) cross = words;
        else if (cross && cross + 1 == words && word_eq(s + ws, we - ws, "reference", 9)) named = 1;
        else if (word_eq(s + ws, we - ws, "crossreference", 14)) named = 1;
    }
    /* "Cross-Reference Index .... 180" is a table of contents entry */
    return named && words <= 10 && !sc_is_digit((unsigned char)s[we - 1]);
}

/* ------------------------------------------------------------------------
 * Finding the index.
 * ---------------------------------------------------------------------- */

static int located(const xref_row *r) { return r->what != XREF_UNKNOWN; }

/* A line after a row that belongs to it: the rest of a wrapped title, its
 * references, or more references. */
static int continue_row(const seg *g, size_t i, xref_row *cur)
{
    const char *s = g->s;
    const tline *l = &g->lines[i];
    if (l->end - l->start > 160) return 0;
    xref_row more;
    memset(&more, 0, sizeof more);
    if (cur->what == XREF_PAGES) {
        if (!xref_parse_refs(s, l->start, l->end, &more) || more.what != XREF_PAGES) return 0;
        for (int k = 0; k < more.nranges && cur->nranges < XREF_MAX_RANGES; k++)
            cur->ranges[cur->nranges++] = more.ranges[k];
        return 1;
    }
    if (cur->what == XREF_NOTE && cur->title_end <= cur->title && cur->note < cur->note_end && s[cur->note] == '[') {
        /* "Item 6." / "[Reserved]" / a dash, one cell a line: the bracket
         * was the title, the dash on this line is the note */
        read_rest(s, l->start, l->end, &more);
        if (more.what != XREF_NOTE) return 0;
        cur->title = cur->note;
        cur->title_end = cur->note_end;
        cur->note = more.note;
        cur->note_end = more.note_end;
        return 1;
    }
    if (cur->what != XREF_UNKNOWN) return 0;
    read_rest(s, l->start, l->end, &more);
    if (more.what != XREF_UNKNOWN && more.what != XREF_SECTION) {
        if (more.title_end > more.title) cur->title_end = more.title_end;
        cur->what = more.what;
        cur->note = more.note;
        cur->note_end = more.note_end;
        cur->nranges = more.nranges;
        memcpy(cur->ranges, more.ranges, sizeof more.ranges);
        return 1;
    }
    /* A row's own title may be long ("Market for Registrant's Common
     * Equity, ...": 105 characters) when it stands on a line of its own
     * under the code, as in a tag-stripped index; a wrapped rest is short. */
    size_t longest = cur->title_end > cur->title ? HEADING_MAX : ROW_TITLE_MAX;
    if (l->end - l->start > longest || s[l->end - 1] == '.') return 0;
    if (cur->title_end <= cur->title) cur->title = l->start;
    cur->title_end = l->end; /* the title wraps */
    return 1;
}

static int push_row(xref_index *x, size_t *cap, const xref_row *r)
{
    if (arr_reserve(&x->rows, cap, x->nrows + 1, sizeof *x->rows, 0)) return -1;
    x->rows[x->nrows++] = *r;
    return 0;
}

/* The rows after the caption on line `cap_line`.  Returns -1 on allocation
 * failure. */
static int scan_index(const seg *g, edgr_form_kind kind, size_t cap_line, xref_index *x)
{
    const char *s = g->s;
    size_t cap = 0, stop = g->nlines - cap_line > SCAN_LINES ? cap_line + SCAN_LINES : g->nlines;
    int part = 0, misses = 0, cont = 0;
    xref_row *cur = NULL;
    x->nrows = 0;
    x->first_line = x->last_line = cap_line;
    for (size_t i = cap_line + 1; i < stop; i++) {
        const tline *l = &g->lines[i];
        if (l->end == l->start) continue;
        if (g->furniture[i]) {
            /* a row's page column on a line of its own (a tag-stripped
             * index) may look like a page number */
            if (cur && !located(cur) && cont < 2 && continue_row(g, i, cur)) {
                cont++;
                cur->last_line = i;
                misses = 0, x->last_line = i;
            }
            continue;
        }
        int p = items_part_heading(s, l->start, l->end);
        if (p) { part = p; cur = NULL; continue; }
        if (items_signature_heading(s, l->start, l->end)) break;
        xref_row r;
        if (x->nrows < MAX_ROWS && xref_parse_row(s, l->start, l->end, kind, &r)) {
            r.line = r.last_line = i;
            r.part = part;
            if (push_row(x, &cap, &r)) return -1;
            cur = &x->rows[x->nrows - 1];
            cont = 0;
            /* A row that names no place yet may be a heading of the body
             * after the index: it extends the index only once located. */
            if (x->nrows == 1) misses = 0; /* the column headings before it were no misses after rows */
            if (located(cur)) misses = 0, x->last_line = i;
            else if (++misses > MISSES_AFTER_ROWS) break;
            continue;
        }
        if (cur && cont < 2 && continue_row(g, i, cur)) {
            cont++;
            cur->last_line = i;
            if (located(cur)) misses = 0, x->last_line = i;
            continue;
        }
        cur = NULL;
        if (++misses > (x->nrows ? MISSES_AFTER_ROWS : MISSES_BEFORE_ROWS)) break;
    }
    size_t k = 0; /* rows never located were no rows */
    for (size_t i = 0; i < x->nrows; i++)
        if (located(&x->rows[i])) x->rows[k++] = x->rows[i];
    x->nrows = k;
    return 0;
}

/* Enough rows, and some of them say where their item is. */
static int usable(const xref_index *x)
{
    size_t located = 0;
    for (size_t i = 0; i < x->nrows; i++)
        located += x->rows[i].what == XREF_PAGES || x->rows[i].what == XREF_SECTION;
    return x->nrows >= MIN_ROWS && located >= 2;
}

int xref_find(const seg *g, edgr_form_kind kind, xref_index *x)
{
    memset(x, 0, sizeof *x);
    if (kind != EDGR_FORM_10K && kind != EDGR_FORM_10Q) return 0;
    xref_index cur = {0};
    int tries = 0;
    for (size_t i = 0; i < g->nlines && tries < MAX_CAPTIONS; i++) {
        const tline *l = &g->lines[i];
        if (!xref_caption(g->s, l->start, l->end)) continue;
        tries++;
        if (scan_index(g, kind, i, &cur)) { free(cur.rows); xref_free(x); return -1; }
        /* A table of contents may name the index too; the index is the
         * caption with the most rows. */
        if (usable(&cur) && cur.nrows > x->nrows) {
            xref_index t = *x;
            *x = cur;
            cur = t;
        }
    }
    free(cur.rows);
    return x->nrows > 0;
}

void xref_free(xref_index *x)
{
    if (!x) return;
    free(x->rows);
    memset(x, 0, sizeof *x);
}

/* ------------------------------------------------------------------------
 * Pages.
 * ---------------------------------------------------------------------- */

typedef struct pmark {
    size_t at, end;        /* the number's text; empty if the text layer dropped it */
    size_t after, before;  /* lines after it start at `after`, lines before end at `before` */
    int key;               /* prefix * MAX_PAGE + number; -1 unnumbered ("ii") */
    int top;               /* it opens its page (1990s "<PAGE>" then "24")     */
} pmark;

int xref_page_number(const char *s, size_t b, size_t e, int *prefix, int *num)
{
    if (b >= e || !items_page_token(s, b, e)) return 0;
    *prefix = 0;
    *num = -1;
    while (b < e && (s[b] == '-' || s[b] == '(' || sc_is_blank((unsigned char)s[b]))) b++;
    if (e - b > 5 && sc_eq_upper(s + b, 5, "PAGE ")) b = items_skip_blanks(s, b + 5, e);
    int p, v;
    if (b < e && page_at(s, b, e, &p, &v) && v < MAX_PAGE) {
        *prefix = p;
        *num = v;
    }
    return 1;
}

/* The page number closing a running footer ("Harbor Lantern | 2023 Annual
 * Report | 24"). */
static int footer_number(const char *s, size_t b, size_t e, int *prefix, int *num)
{
    size_t j = e;
    while (j > b && e - j < 4 && sc_is_digit((unsigned char)s[j - 1])) j--;
    if (j == e || j == b || sc_is_digit((unsigned char)s[j - 1])) return 0;
    uint64_t u;
    sc_parse_uint(s + j, e - j, 0, UINT64_MAX, &u);
    int v = (int)u;
    *prefix = 0;
    if (j >= b + 2 && s[j - 1] == '-' && s[j - 2] >= 'A' && s[j - 2] <= 'Z' &&
        (j - 2 == b || !sc_is_alnum((unsigned char)s[j - 3])))
        *prefix = s[j - 2] - 'A' + 1;
    else if (!sc_is_blank((unsigned char)s[j - 1]) && s[j - 1] != '|') return 0;
    *num = v;
    return 1;
}

static int key_of(int prefix, int num) { return num < 0 || num >= MAX_PAGE ? -1 : prefix * MAX_PAGE + num; }

/* The first line starting at or after text offset pos. */
static size_t line_from(const seg *g, size_t pos)
{
    size_t lo = 0, hi = g->nlines;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (g->lines[m].start < pos) lo = m + 1;
        else hi = m;
    }
    return lo;
}

static int cmp_mark(const void *a, const void *b)
{
    const pmark *x = a, *y = b;
    if (x->at != y->at) return (x->at > y->at) - (x->at < y->at);
    return x->top - y->top; /* a dropped closing number, then an opening one */
}

/* Page numbers in text order: page-number lines and footers outside the
 * index, and the numbers the text layer dropped. */
static int collect_marks(const seg *g, const edgr_text *t, const xref_index *x, pmark **out, size_t *n)
{
    size_t ndropped, cap = 0, k = 0;
    const text_page_mark *dropped = text_page_marks(t, &ndropped);
    for (size_t i = 0; i < g->nlines; i++) cap += g->furniture[i] != 0;
    cap += ndropped;
    pmark *pm = malloc((cap ? cap : 1) * sizeof *pm);
    if (!pm) return -1;
    for (size_t i = 0; i < g->nlines && k < cap; i++) {
        const tline *l = &g->lines[i];
        int p, v;
        if (!g->furniture[i] || (i >= x->first_line && i <= x->last_line)) continue;
        if (!xref_page_number(g->s, l->start, l->end, &p, &v) && !footer_number(g->s, l->start, l->end, &p, &v))
            continue;
        pm[k++] = (pmark){l->start, l->end, i + 1, i, key_of(p, v), 0};
    }
    for (size_t d = 0; d < ndropped && k < cap; d++) {
        int p = 0, v = -1;
        size_t at = dropped[d].at < g->n ? dropped[d].at : g->n, li = line_from(g, at);
        xref_page_number(dropped[d].label, 0, strlen(dropped[d].label), &p, &v);
        pm[k++] = (pmark){at, at, li, li, key_of(p, v), dropped[d].top};
    }
    qsort(pm, k, sizeof *pm, cmp_mark);
    *out = pm;
    *n = k;
    return 0;
}

/* Only blank lines and page furniture between two marks. */
static int adjacent(const seg *g, const pmark *a, const pmark *b)
{
    for (size_t i = a->after; i < b->before && i < g->nlines; i++)
        if (g->lines[i].end > g->lines[i].start && !g->furniture[i]) return 0;
    return 1;
}

/* A page closed by "24" and the next opened by "<PAGE> 31" or "Page 25" is
 * one break: keep the first number, the one that closes the page. */
static size_t one_mark_per_break(const seg *g, pmark *pm, size_t n)
{
    size_t k = 0;
    pmark prev = {0};
    for (size_t i = 0; i < n; i++) {
        pmark m = pm[i];
        int same_break = i && adjacent(g, &prev, &m);
        prev = m;
        if (same_break) {
            if (pm[k - 1].key < 0 && m.key >= 0) pm[k - 1].key = m.key, pm[k - 1].top = m.top;
            continue;
        }
        pm[k++] = m;
    }
    return k;
}

/* page_of[key]: the mark of each printed page, following the heaviest run
 * of numbers that climbs by at most MAX_GAP per mark, for each prefix.
 * Ties go to the later run: a report's pages 1-3 follow the cover's. */
static int number_pages(const pmark *pm, size_t n, int *page_of)
{
    size_t nk = (size_t)NPREFIX * MAX_PAGE;
    int *best = calloc(nk, sizeof *best), *best_at = malloc(nk * sizeof *best_at);
    int *score = malloc((n ? n : 1) * sizeof *score), *prev = malloc((n ? n : 1) * sizeof *prev);
    int top[NPREFIX] = {0}, top_at[NPREFIX];
    if (!best || !best_at || !score || !prev) {
        free(best); free(best_at); free(score); free(prev);
        return -1;
    }
    for (size_t k = 0; k < n; k++) {
        int key = pm[k].key, b = 0, from = -1;
        if (key < 0) continue;
        for (int d = 1; d <= MAX_GAP && key % MAX_PAGE >= d; d++)
            if (best[key - d] > b) b = best[key - d], from = best_at[key - d];
        score[k] = b + 1;
        prev[k] = from;
        if (score[k] >= best[key]) best[key] = score[k], best_at[key] = (int)k;
        if (score[k] >= top[key / MAX_PAGE]) top[key / MAX_PAGE] = score[k], top_at[key / MAX_PAGE] = (int)k;
    }
    for (size_t i = 0; i < nk; i++) page_of[i] = -1;
    for (int p = 0; p < NPREFIX; p++)
        if (top[p] >= 2) /* one number is not a numbering */
            for (int k = top_at[p]; k >= 0; k = prev[k]) page_of[pm[k].key] = k;
    free(best); free(best_at); free(score); free(prev);
    return 0;
}

/* The text of the page whose number is mark k. */
static void page_span(const pmark *pm, size_t n, size_t k, size_t len, size_t *b, size_t *e)
{
    if (pm[k].top) {
        *b = pm[k].end;
        *e = k + 1 < n ? pm[k + 1].at : len;
    } else {
        *b = k ? pm[k - 1].end : 0;
        *e = pm[k].at;
    }
}

/* ------------------------------------------------------------------------
 * Bodies.
 * ---------------------------------------------------------------------- */

typedef struct xspan {
    size_t b, e;
    size_t first_e;      /* end of the first page  */
    size_t last_b;       /* start of the last page */
    int row, refined;
} xspan;

typedef struct pages {
    const seg *g;
    const pmark *pm;
    size_t n;
    const int *page_of;
    size_t idx_b, idx_e; /* the index's text, which is no item's body */
    size_t text_after;   /* the first text (not furniture) after it    */
} pages;

static size_t first_text_from(const seg *g, size_t pos)
{
    for (size_t i = line_from(g, pos); i < g->nlines; i++)
        if (g->lines[i].end > g->lines[i].start && !g->furniture[i]) return g->lines[i].start;
    return g->n;
}

/* Cut the index out of [*b, *e): keep what follows it, or else what
 * precedes it. */
static int outside_index(const pages *pg, size_t *b, size_t *e)
{
    if (*e > pg->idx_b && *b < pg->idx_e) {
        if (pg->text_after < *e) *b = pg->idx_e;
        else *e = pg->idx_b;
    }
    return *b < *e;
}

/* The span of the pages of range r that this document numbers. */
static int range_span(const pages *pg, const xref_range *r, xspan *sp)
{
    int lo = r->lo, hi = r->hi < MAX_PAGE ? r->hi : MAX_PAGE - 1, first = -1, last = -1;
    for (int v = lo; v <= hi && lo < MAX_PAGE; v++) {
        int k = pg->page_of[r->prefix * MAX_PAGE + v];
        if (k < 0) continue;
        if (first < 0) first = k;
        last = k;
    }
    if (first < 0 || last < first) return 0;
    size_t b, e, fb, fe, lb, le;
    page_span(pg->pm, pg->n, (size_t)first, pg->g->n, &fb, &fe);
    page_span(pg->pm, pg->n, (size_t)last, pg->g->n, &lb, &le);
    b = fb;
    e = le;
    if (!outside_index(pg, &b, &e)) return 0;
    sp->b = b;
    sp->e = e;
    sp->first_e = fe < e ? fe : e;
    sp->last_b = lb > b ? lb : b;
    return 1;
}

/* The first words of a line equal the first words (up to four) of a title. */
static int opens_with_title(const char *s, size_t lb, size_t le, size_t tb, size_t te)
{
    size_t lp = lb, tp = tb, lws, lwe, tws, twe, n = 0;
    while (n < 4 && next_word(s, &tp, te, &tws, &twe)) {
        if (!next_word(s, &lp, le, &lws, &lwe) || !word_eq(s + lws, lwe - lws, s + tws, twe - tws)) return 0;
        n++;
    }
    return n > 0;
}

/* A heading line on [b, e) that opens with the row's title. */
static size_t title_line(const seg *g, size_t b, size_t e, const xref_row *r)
{
    size_t first = line_from(g, b);
    for (size_t i = first; i < g->nlines && g->lines[i].start < e && i - first < PAGE_LINES; i++) {
        const tline *l = &g->lines[i];
        if (l->end == l->start || g->furniture[i] || l->end - l->start > HEADING_MAX || g->s[l->end - 1] == '.')
            continue;
        if (opens_with_title(g->s, l->start, l->end, r->title, r->title_end)) return i;
    }
    return NO_LINE;
}

/* Start each row's first page at its title when a line there opens with
 * it; then end any item whose last page that title shares there. */
static void refine_shared_pages(const seg *g, const xref_index *x, xspan *sp, size_t nsp)
{
    for (size_t i = 0; i < nsp; i++) {
        if (i && sp[i - 1].row == sp[i].row) continue;
        size_t li = title_line(g, sp[i].b, sp[i].first_e, &x->rows[sp[i].row]);
        if (li != NO_LINE && g->lines[li].start > sp[i].b) {
            sp[i].b = g->lines[li].start;
            sp[i].refined = 1;
        }
    }
    for (size_t j = 0; j < nsp; j++) {
        if (!sp[j].refined) continue;
        for (size_t i = 0; i < nsp; i++) {
            xspan *a = &sp[i];
            if (a->row == sp[j].row || sp[j].b <= a->b || sp[j].b >= a->e) continue;
            /* nested (Item 7A inside Item 7's pages) is left alone */
            if (sp[j].b >= a->last_b && sp[j].e >= a->e) a->e = sp[j].b;
        }
    }
}

/* The footnote under the index that a marker row points to. */
static int footnote_span(const seg *g, const xref_index *x, const xref_row *r, size_t *b, size_t *e)
{
    const char *s = g->s;
    size_t mlen = r->note_end - r->note, seen = 0;
    for (size_t i = x->last_line + 1; i < g->nlines && seen < FOOTNOTE_LINES; i++) {
        const tline *l = &g->lines[i];
        if (l->end == l->start) continue;
        seen++;
        if (l->end - l->start <= mlen || memcmp(s + l->start, s + r->note, mlen)) continue;
        size_t tb = items_skip_blanks(s, l->start + mlen, l->end), te = l->end;
        if (tb >= l->end || s[tb] == '*') continue;
        for (size_t k = i + 1, n = 0; k < g->nlines && n < 5; k++, n++) {
            const tline *m = &g->lines[k];
            if (m->end == m->start || marker_at(s, m->start, m->end)) break;
            te = m->end;
        }
        *b = tb;
        *e = te;
        return 1;
    }
    return 0;
}

/* Same words, case aside. */
static int same_words(const char *s, size_t ab, size_t ae, size_t bb, size_t be)
{
    size_t ws, we, xs, xe;
    for (;;) {
        int a = next_word(s, &ab, ae, &ws, &we), b = next_word(s, &bb, be, &xs, &xe);
        if (!a || !b) return a == b;
        if (!word_eq(s + ws, we - ws, s + xs, xe - xs)) return 0;
    }
}

/* The heading line of a section named by a row: after the index first
 * (an index at the front points forward), then before it. */
static size_t section_line(const seg *g, const xref_index *x, const xref_row *r)
{
    for (int pass = 0; pass < 2; pass++) {
        size_t from = pass ? 0 : x->last_line + 1, to = pass ? x->first_line : g->nlines;
        for (size_t i = from; i < to; i++) {
            const tline *l = &g->lines[i];
            if (l->end == l->start || g->furniture[i] || l->end - l->start > HEADING_MAX) continue;
            if (same_words(g->s, l->start, l->end, r->note, r->note_end)) return i;
        }
    }
    return NO_LINE;
}

/* A section runs to whatever starts next: another item's body, the index,
 * the signatures. */
static size_t section_end(const seg *g, const xref_index *x, const xspan *sp, size_t nsp, size_t b)
{
    size_t e = g->n;
    for (size_t i = 0; i < nsp; i++)
        if (sp[i].b > b && sp[i].b < e) e = sp[i].b;
    if (g->lines[x->first_line].start > b && g->lines[x->first_line].start < e) e = g->lines[x->first_line].start;
    for (size_t i = line_from(g, b) + 1; i < g->nlines && g->lines[i].start < e; i++)
        if (items_signature_heading(g->s, g->lines[i].start, g->lines[i].end)) return g->lines[i].start;
    return e;
}

/* ------------------------------------------------------------------------
 * Items.
 * ---------------------------------------------------------------------- */

enum { MAX_SECTIONS = 32 };

typedef struct entry {
    int key;               /* canonical order (10-Q: part * 1000 + key) */
    size_t row;
    int code;
} entry;

typedef struct built {
    int key;
    edgr_item it;
    size_t sp, nsp;        /* its pieces in the merged span array       */
} built;

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->key != y->key) return (x->key > y->key) - (x->key < y->key);
    return (x->row > y->row) - (x->row < y->row);
}

static int cmp_span(const void *a, const void *b)
{
    const xspan *x = a, *y = b;
    if (x->row != y->row) return (x->row > y->row) - (x->row < y->row);
    return (x->b > y->b) - (x->b < y->b);
}

static int cmp_built(const void *a, const void *b)
{
    const built *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static const char *part_name(int part)
{
    static const char *const names[] = {"", "I", "II", "III", "IV"};
    return part >= 1 && part <= 4 ? names[part] : "";
}

static int row_part(edgr_form_kind kind, const xref_row *r, int key)
{
    if (kind == EDGR_FORM_10Q) return r->part == 2 ? 2 : 1;
    return key == 140 && r->part == 4 ? 4 : items_part_of_10k(key); /* old Item 14 */
}

static int order_key(edgr_form_kind kind, int part, int key)
{
    return kind == EDGR_FORM_10Q ? part * 1000 + key : key;
}

/* The order key of an item found by its heading. */
static int heading_item_key(edgr_form_kind kind, const edgr_item *it)
{
    size_t pos = 0;
    char code[16];
    int key = items_parse_code(it->item, &pos, strlen(it->item), kind, 0, code);
    return order_key(kind, strcmp(it->part, "II") ? 1 : 2, key);
}

/* Bodies of the rows: page ranges, notes, footnotes, sections.  Returns the
 * number of spans, 0 when the page references do not fit the document. */
static size_t row_spans(const seg *g, const xref_index *x, const pages *pg, xspan *sp)
{
    size_t n = 0;
    int ranges = 0, resolved = 0;
    for (size_t r = 0; r < x->nrows; r++) {
        if (x->rows[r].what != XREF_PAGES) continue;
        for (int k = 0; k < x->rows[r].nranges; k++) {
            xspan s = {.row = (int)r};
            ranges++;
            if (range_span(pg, &x->rows[r].ranges[k], &s)) sp[n++] = s, resolved++;
        }
    }
    /* Pages this document does not number belong to another (an annual
     * report filed as an exhibit): better nothing than the wrong pages. */
    if (ranges && (resolved < 2 || resolved * 10 < ranges * 6)) return 0;
    refine_shared_pages(g, x, sp, n);
    size_t sections = n;
    int nsec = 0;
    for (size_t r = 0; r < x->nrows; r++) {
        const xref_row *row = &x->rows[r];
        xspan s = {.row = (int)r};
        if (row->what == XREF_NOTE) s.b = row->note, s.e = row->note_end;
        else if ((row->what == XREF_FOOTNOTE || (row->what == XREF_PAGES && row->note_end > row->note)) &&
                 footnote_span(g, x, row, &s.b, &s.e)) {
        } else if (row->what == XREF_SECTION && nsec < MAX_SECTIONS) {
            size_t li = section_line(g, x, row);
            nsec++;
            if (li == NO_LINE) continue;
            s.b = g->lines[li].start;
            s.refined = 1;
        } else continue;
        sp[n++] = s;
    }
    for (size_t i = sections; i < n; i++)
        if (x->rows[sp[i].row].what == XREF_SECTION) sp[i].e = section_end(g, x, sp, n, sp[i].b);
    for (size_t i = 0; i < n; i++) items_trim_body(g, &sp[i].b, &sp[i].e);
    return n;
}

/* Merge the pieces of one item (several rows may name it): in text order,
 * overlaps joined, empty ones dropped.  Returns how many are left. */
static size_t merge_pieces(xspan *p, size_t n)
{
    for (size_t i = 0; i < n; i++) p[i].row = 0; /* all one item's now */
    qsort(p, n, sizeof *p, cmp_span);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i].b >= p[i].e) continue;
        if (k && p[i].b <= p[k - 1].e) {
            if (p[i].e > p[k - 1].e) p[k - 1].e = p[i].e;
            continue;
        }
        p[k++] = p[i];
    }
    return k;
}

static void fill_item(const seg *g, const edgr_text *t, edgr_form_kind kind, const xref_row *r, int c,
                      const xspan *p, size_t np, edgr_item *it)
{
    memset(it, 0, sizeof *it);
    memcpy(it->item, r->codes[c], sizeof it->item);
    strcpy(it->part, part_name(row_part(kind, r, r->keys[c])));
    it->heading = g->lines[r->line].start;
    it->title = r->title;
    it->title_len = r->title_end > r->title ? r->title_end - r->title : 0;
    while (it->title_len && strchr(".:;- \t\n", g->s[it->title + it->title_len - 1])) it->title_len--;
    it->start = p[0].b;
    it->end = p[np - 1].e;
    it->src_start = edgr_text_source_offset(t, it->start);
    it->src_end = items_source_after(g, t, it->end);
    it->combined = r->ncodes > 1;
    it->xref = 1;
}

/* One item per key named by the index, its pieces appended to `pieces`. */
static size_t build_items(const seg *g, const edgr_text *t, edgr_form_kind kind, const xref_index *x, xspan *sp,
                          size_t nsp, entry *en, built *out, xspan *pieces, size_t *npieces)
{
    size_t nen = 0, nb = 0;
    for (size_t r = 0; r < x->nrows; r++)
        for (int c = 0; c < x->rows[r].ncodes; c++)
            en[nen++] = (entry){order_key(kind, row_part(kind, &x->rows[r], x->rows[r].keys[c]), x->rows[r].keys[c]), r, c};
    qsort(en, nen, sizeof *en, cmp_entry);
    for (size_t a = 0; a < nen;) {
        size_t b = a, first = *npieces;
        while (b < nen && en[b].key == en[a].key) b++;
        for (size_t k = a; k < b; k++) /* a row named twice in a group adds its pieces once */
            if (k == a || en[k].row != en[k - 1].row)
                for (size_t i = 0; i < nsp; i++)
                    if ((size_t)sp[i].row == en[k].row) pieces[(*npieces)++] = sp[i];
        size_t np = merge_pieces(pieces + first, *npieces - first);
        *npieces = first + np;
        if (np) {
            built *o = &out[nb++];
            o->key = en[a].key;
            o->sp = first;
            o->nsp = np;
            fill_item(g, t, kind, &x->rows[en[a].row], en[a].code, pieces + first, np, &o->it);
        }
        a = b;
    }
    return nb;
}

int xref_items(const seg *g, const edgr_text *t, edgr_form_kind kind, const xref_index *x,
               const edgr_item *extra, size_t nextra, edgr_items *out, item_span **spans, size_t *nspans)
{
    *spans = NULL;
    *nspans = 0;
    if (!x->nrows) return 0;
    int ret = -1;
    pmark *pm = NULL;
    size_t npm = 0, cap = x->nrows * (XREF_MAX_RANGES + 1) + 1;
    int *page_of = malloc((size_t)NPREFIX * MAX_PAGE * sizeof *page_of);
    /* a row naming several items gives each of them its pieces */
    xspan *sp = malloc(cap * sizeof *sp), *pieces = malloc(cap * XREF_MAX_CODES * sizeof *pieces);
    entry *en = malloc(x->nrows * XREF_MAX_CODES * sizeof *en);
    built *bt = malloc((x->nrows * XREF_MAX_CODES + nextra + 1) * sizeof *bt);
    if (!page_of || !sp || !pieces || !en || !bt || collect_marks(g, t, x, &pm, &npm)) goto done;
    npm = one_mark_per_break(g, pm, npm);
    if (number_pages(pm, npm, page_of)) goto done;
    size_t idx_e = g->lines[x->last_line].end;
    pages pg = {g, pm, npm, page_of, g->lines[x->first_line].start, idx_e, first_text_from(g, idx_e)};
    size_t nsp = row_spans(g, x, &pg, sp), npieces = 0;
    size_t nx = nsp ? build_items(g, t, kind, x, sp, nsp, en, bt, pieces, &npieces) : 0, nb = nx;
    ret = 0;
    if (!nx) goto done;
    for (size_t i = 0; i < nextra; i++) { /* headings the index does not name */
        int key = heading_item_key(kind, &extra[i]), named = 0;
        for (size_t k = 0; k < nx && !named; k++) named = bt[k].key == key;
        if (!named) bt[nb++] = (built){key, extra[i], 0, 0};
    }
    qsort(bt, nb, sizeof *bt, cmp_built);
    size_t nmulti = 0;
    for (size_t i = 0; i < nb; i++) nmulti += bt[i].nsp > 1 ? bt[i].nsp : 0;
    item_span *is = nmulti ? malloc(nmulti * sizeof *is) : NULL;
    if (nmulti && !is) { ret = -1; goto done; }
    for (size_t i = 0; i < nb; i++) {
        if (items_push(out, &bt[i].it)) { free(is); ret = -1; goto done; }
        for (size_t k = 0; bt[i].nsp > 1 && k < bt[i].nsp; k++)
            is[(*nspans)++] = (item_span){out->count - 1, pieces[bt[i].sp + k].b, pieces[bt[i].sp + k].e};
    }
    *spans = is;
    ret = (int)nx;
done:
    free(pm);
    free(page_of);
    free(sp);
    free(pieces);
    free(en);
    free(bt);
    return ret;
}
