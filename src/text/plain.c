/*
 * Plain-text documents: the filings of the 1990s and early 2000s.
 *
 * They are already laid out for a line printer, so the text is kept as it
 * is, minus what only the printer needed: EDGAR's legacy table tags (<TABLE>
 * <CAPTION> <S> <C> <FN>, which mark columns and footnotes), <PAGE> markers
 * and form feeds, the page number that closes each page and the running
 * header that opens the next.  Tags inside a line become spaces of the same
 * width so the columns stay aligned.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "pages.h"
#include "scan.h"
#include "sink.h"
#include "table.h"

/* One line of the document: 16 bytes, as a document of short lines has
 * millions of them and all are held while the page furniture is found.
 * A line is at most PLINE_MAX_LEN bytes; a longer one (only in a document
 * of gigabytes) is read as several, cut there. */
typedef struct pline {
    size_t start;
    uint32_t len;      /* without the line break */
    unsigned char kind;
    unsigned char ff;  /* a text line with a form feed: a page starts here */
} pline;

#define PLINE_MAX_LEN UINT32_MAX

static inline size_t pl_end(const pline *l) { return l->start + l->len; }

/* L_PAGENO and L_PAGENO_TOP are dropped like L_DROP, but remembered as page
 * marks (pages.h): a page number closing or opening a page.  So is the
 * number of an L_PAGE line that has one: it opens its page. */
enum { L_TEXT = 0, L_BLANK, L_PAGE, L_TAGS, L_DROP, L_PAGENO, L_PAGENO_TOP };

/* Legacy tags, matched case-insensitively. */
static const char *const LEGACY[] = {"<PAGE>", "<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>",
                                     "<S>", "<C>", "<FN>", "</FN>", "</PAGE>"};

static size_t legacy_tag_at(const char *p, const char *end)
{
    if (*p != '<') return 0;
    for (size_t i = 0; i < sizeof LEGACY / sizeof LEGACY[0]; i++) {
        size_t n = strlen(LEGACY[i]);
        if ((size_t)(end - p) >= n && sc_eq_upper(p, n, LEGACY[i])) return n;
    }
    return 0;
}

static void trim(const char **p, const char **e)
{
    while (*p < *e && sc_is_space((unsigned char)**p)) (*p)++;
    while (*e > *p && sc_is_space((unsigned char)(*e)[-1])) (*e)--;
}

/* "12", "- 12 -", "Page 12", "F-3", "A-12", "ii", "(3)". */
static int is_page_number(const char *p, const char *e)
{
    trim(&p, &e);
    size_t n = (size_t)(e - p);
    if (n == 0 || n > 14) return 0;
    if (n > 5 && sc_starts_upper(p, n, "PAGE ")) { p += 5; trim(&p, &e); }
    while (p < e && (*p == '-' || *p == '(' || *p == ' ')) p++;
    while (e > p && (e[-1] == '-' || e[-1] == ')' || e[-1] == ' ')) e--;
    if (p == e) return 0;
    const char *q = p;
    if (q + 1 < e && sc_is_alpha((unsigned char)*q) && q[1] == '-')
        q += 2; /* F-3 */
    int digits = 0;
    while (q < e && sc_is_digit((unsigned char)*q)) { q++; digits++; }
    if (digits && digits <= 4 && q == e) return 1;
    if (digits) return 0;
    for (q = p; q < e; q++) /* roman numerals, lower case only (upper is a heading) */
        if (!strchr("ivxl", *q)) return 0;
    return (size_t)(e - p) <= 6;
}

static int line_eq(const char *base, const pline *a, const pline *b)
{
    const char *p = base + a->start, *e = base + pl_end(a), *q = base + b->start, *f = base + pl_end(b);
    trim(&p, &e);
    trim(&q, &f);
    return e - p == f - q && memcmp(p, q, (size_t)(e - p)) == 0;
}

/* Classify a line: only legacy tags (and blanks) is L_TAGS; a <PAGE> among
 * them makes it L_PAGE.  A <PAGE> line whose only text is a page number
 * ("<PAGE>   2", "<PAGE>3") is L_PAGE too, the number in [*num, *num_end). */
static int classify(const char *p, const char *e, const char **num, const char **num_end)
{
    int page = 0, tags = 0;
    const char *run = NULL, *run_end = NULL; /* the one run of text between tags */
    *num = *num_end = NULL;
    if (memchr(p, '\f', (size_t)(e - p))) page = 1;
    while (p < e) {
        unsigned char c = (unsigned char)*p;
        if (sc_is_space(c) || c == '\f') { p++; continue; }
        size_t n = legacy_tag_at(p, e);
        if (!n) {
            if (run) return L_TEXT; /* text wins; a form feed in it is dropped */
            run = p;
            while (p < e && !(*p == '<' && legacy_tag_at(p, e))) p++;
            run_end = p;
            continue;
        }
        if (n == 6 && sc_eq_upper(p, 6, "<PAGE>")) page = 1;
        tags = 1;
        p += n;
    }
    if (run) {
        if (!page || !tags || !is_page_number(run, run_end)) return L_TEXT;
        *num = run;
        *num_end = run_end;
    }
    return page ? L_PAGE : tags ? L_TAGS : L_BLANK;
}

/* Hand the page marks noted while writing to the text's scratch (after
 * text_finish, which forgets the last conversion's), each at most at the
 * text's end.  Returns 1 on allocation failure. */
static int keep_page_marks(edgr_text *out, const vec *marks, size_t total)
{
    text_scratch *sc = out->priv;
    for (size_t i = 0; i < marks->len; i++) {
        if (!sc && !(sc = out->priv = text_scratch_new())) return 1;
        text_page_mark *m = vec_push(&sc->pages);
        if (!m) return 1;
        *m = VEC_AT(marks, text_page_mark, i);
        if (m->at > total) m->at = total;
    }
    return 0;
}

/* Write p..e: legacy tags as spaces of their width, form feeds and NULs
 * dropped, Windows-1252 converted; in Markdown cells '|' is escaped. */
static void put_text(tsink *s, const char *p, const char *e, edgr_charset charset, int md_cell)
{
    while (p < e) {
        const char *q = p;
        while (q < e && (unsigned char)*q < 0x80 && *q != '<' && *q != '\f' && *q != 0 &&
               !(md_cell && *q == '|'))
            q++;
        sink_put(s, p, (size_t)(q - p));
        p = q;
        if (p >= e) break;
        unsigned char c = (unsigned char)*p;
        size_t tn;
        if (c == '|') {
            sink_put(s, "\\|", 2);
            p++;
        } else if (c == '<' && (tn = legacy_tag_at(p, e))) {
            static const char spaces[] = "           ";
            sink_put(s, spaces, tn);
            p += tn;
        } else if (c == '<') {
            sink_put(s, p++, 1);
        } else if (c == '\f' || c == 0) {
            p++;
        } else if (charset == EDGR_CS_CP1252) {
            char u[3];
            sink_put(s, u, cp1252_to_utf8(c, u));
            p++;
        } else {
            const char *r = p;
            while (r < e && (unsigned char)*r >= 0x80) r++;
            sink_put(s, p, (size_t)(r - p));
            p = r;
        }
    }
}

/* ---- legacy tables as Markdown or TSV -------------------------------------
 *
 * A 1990s <TABLE> marks its columns on an <S> <C> <C> ... line: each tag
 * stands where a column starts.  For --tables markdown|tsv the rows (the
 * caption lines first, which are the header) are cut into cells there.
 * Text is cut into runs -- words with single spaces between them, so a
 * "$" and its number, or a heading spanning two columns, stay whole -- and
 * a run goes to the column it overlaps most; runs meeting in one column
 * are joined with a space.  Rule lines (----, ====) are dropped.  A table
 * whose marker line has fewer than two columns, or none, stays as laid out,
 * as do its footnotes (<FN>) and every table in the text style. */

enum { LT_MAX_COLS = 64, LT_MAX_RUNS = 256 };

/* Does the line hold the legacy tag `tag` (outside text)? */
static int line_has_tag(const char *p, const char *e, const char *tag)
{
    size_t n = strlen(tag);
    for (; p + n <= e; p++)
        if (*p == '<' && sc_eq_upper(p, n, tag)) return 1;
    return 0;
}

/* Display column of each byte: tabs to the next multiple of 8, UTF-8
 * continuation bytes take none. */
static size_t col_advance(size_t col, unsigned char c, edgr_charset cs)
{
    if (c == '\t') return (col / 8 + 1) * 8;
    if (cs != EDGR_CS_CP1252 && (c & 0xC0) == 0x80) return col;
    return col + 1;
}

/* The column starts of a marker line (<S> and <C> tags); their number. */
static size_t column_starts(const char *p, const char *e, edgr_charset cs, size_t *starts)
{
    size_t n = 0, col = 0;
    for (const char *q = p; q < e; q++) {
        if (*q == '<' && e - q >= 3 && (sc_eq_upper(q, 3, "<S>") || sc_eq_upper(q, 3, "<C>"))) {
            if (n < LT_MAX_COLS && (n == 0 || col > starts[n - 1])) starts[n++] = col;
            col += 3;
            q += 2;
            continue;
        }
        col = col_advance(col, (unsigned char)*q, cs);
    }
    return n;
}

typedef struct lrun {
    const char *p, *e;
    size_t col;
} lrun;

/* A rule line: only '-', '=', '_' and blanks (after tags). */
static int is_rule(const char *p, const char *e)
{
    int any = 0;
    while (p < e) {
        size_t tn = legacy_tag_at(p, e);
        if (tn) { p += tn; continue; }
        if (*p == '-' || *p == '=' || *p == '_') any = 1;
        else if (!sc_is_space((unsigned char)*p)) return 0;
        p++;
    }
    return any;
}

/* One row of `ncells` cells: the line cut into runs, each given to one of
 * the `ncols` columns that start at starts[]. */
static void table_row(tsink *s, const char *p, const char *e, edgr_charset cs,
                      const size_t *starts, size_t ncols, size_t ncells, int md)
{
    lrun runs[LT_MAX_RUNS];
    size_t nr = 0, col = 0;
    const char *q = p;
    while (q < e && nr < LT_MAX_RUNS) {
        size_t tn = legacy_tag_at(q, e);
        if (tn) { col += tn; q += tn; continue; }
        if (sc_is_space((unsigned char)*q) || *q == '\f' || *q == 0) {
            col = *q == '\f' || *q == 0 ? col : col_advance(col, (unsigned char)*q, cs);
            q++;
            continue;
        }
        lrun *r = &runs[nr++];
        r->p = q;
        size_t c0 = col, last = col;
        const char *end = q;
        int rest = nr == LT_MAX_RUNS; /* the last run takes the rest of the line */
        while (q < e) {
            if (*q == '<' && legacy_tag_at(q, e) && !rest) break;
            if ((*q == ' ' || *q == '\t') && !rest) {
                /* one space inside a run; two or a tab end it */
                if (*q == '\t' || q + 1 >= e || q[1] == ' ' || q[1] == '\t') break;
            }
            col = col_advance(col, (unsigned char)*q, cs);
            q++;
            if (!sc_is_space((unsigned char)q[-1])) end = q, last = col;
        }
        r->e = end;
        /* the column this run overlaps most (ties: the first) */
        size_t best = 0, best_ov = 0;
        for (size_t k = 0; k < ncols; k++) {
            size_t a = k ? starts[k] : 0, b = k + 1 < ncols ? starts[k + 1] : (size_t)-1;
            size_t lo = c0 > a ? c0 : a, hi = last < b ? last : b;
            size_t ov = hi > lo ? hi - lo : 0;
            if (ov > best_ov) best_ov = ov, best = k;
        }
        r->col = best;
    }
    if (md) sink_put(s, "|", 1);
    size_t i = 0;
    for (size_t k = 0; k < ncells; k++) {
        if (md) sink_put(s, " ", 1);
        else if (k) sink_put(s, "\t", 1);
        int first = 1;
        for (; i < nr && runs[i].col == k; i++) {
            if (!first) sink_put(s, " ", 1);
            put_text(s, runs[i].p, runs[i].e, cs, md);
            first = 0;
        }
        /* runs are in line order and columns only grow left to right, but
         * a run that overlapped nothing may come back to an earlier column */
        while (i < nr && runs[i].col < k) i++;
        if (md) sink_put(s, " |", 2);
    }
}

/* If line i opens a legacy table with column markers, where it ends (the
 * </TABLE> or <FN> line, or n); else 0. */
static size_t legacy_table_end(const char *txt, const pline *L, size_t i, size_t n,
                               edgr_charset cs)
{
    if (L[i].kind != L_TAGS || !line_has_tag(txt + L[i].start, txt + pl_end(&L[i]), "<TABLE>")) return 0;
    int marked = 0;
    size_t j = i + 1;
    for (; j < n; j++) {
        const char *p = txt + L[j].start, *e = txt + pl_end(&L[j]);
        if (line_has_tag(p, e, "</TABLE>") || line_has_tag(p, e, "<FN>") ||
            line_has_tag(p, e, "<TABLE>"))
            break;
        size_t starts[LT_MAX_COLS];
        if (line_has_tag(p, e, "<C>") && column_starts(p, e, cs, starts) >= 2) marked = 1;
    }
    return marked ? j : 0;
}

/* The state of one conversion: the document, its lines once classified,
 * and the text written so far. */
typedef struct plain {
    const char *txt;
    size_t len;
    edgr_charset cs;
    edgr_table_style style;
    vec lines;       /* pline */
    vec marks;       /* text_page_mark, as written */
    text_release rel; /* the bytes before the line being written are let go */
    edgr_buf b;      /* the text */
    tsink s;         /* writes into b, with anchors */
    int blank;       /* a blank line before the next text line */
} plain;

/* Cut the document into lines ('\n', '\r' or "\r\n") and classify each.
 * Returns 0 when out of memory. */
static int read_lines(plain *c)
{
    const char *txt = c->txt;
    size_t len = c->len;
    for (size_t i = 0; i < len;) {
        size_t j = i, cap = len - i > PLINE_MAX_LEN ? i + PLINE_MAX_LEN : len;
        while (j < cap && txt[j] != '\n' && txt[j] != '\r') j++;
        pline *l = vec_push(&c->lines);
        if (!l) return 0;
        l->start = i;
        l->len = (uint32_t)(j - i);
        const char *num, *num_end;
        l->kind = (unsigned char)classify(txt + i, txt + j, &num, &num_end);
        l->ff = l->kind == L_TEXT && memchr(txt + i, '\f', j - i) != NULL;
        if (j == cap && j < len && txt[j] != '\n' && txt[j] != '\r') { i = j; continue; } /* cut */
        if (j < len && txt[j] == '\r' && j + 1 < len && txt[j + 1] == '\n') j++;
        i = j + 1;
    }
    return 1;
}

/* Page furniture: the page number before each break, a page number or
 * running header after it.  A header is running when the same line opens
 * at least two pages. */
static void mark_page_breaks(const char *txt, pline *L, size_t n)
{
    size_t first_after_prev = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (L[i].kind != L_PAGE && !(L[i].kind == L_TEXT && L[i].ff)) continue;
        size_t b = i;
        while (b > 0 && L[b - 1].kind == L_BLANK) b--;
        if (b > 0 && L[b - 1].kind == L_TEXT && is_page_number(txt + L[b - 1].start, txt + pl_end(&L[b - 1])))
            L[b - 1].kind = L_PAGENO;
        size_t a = L[i].kind == L_PAGE ? i + 1 : i;
        while (a < n && (L[a].kind == L_BLANK || L[a].kind == L_TAGS)) a++;
        if (a >= n || L[a].kind != L_TEXT) continue;
        if (is_page_number(txt + L[a].start, txt + pl_end(&L[a]))) { L[a].kind = L_PAGENO_TOP; continue; }
        if (first_after_prev != (size_t)-1 && line_eq(txt, &L[a], &L[first_after_prev])) {
            L[a].kind = L_DROP;
            if (L[first_after_prev].kind == L_TEXT) L[first_after_prev].kind = L_DROP;
        }
        first_after_prev = a;
    }
}

/* The last page's number, when the document ends with it. */
static void mark_last_page_number(const char *txt, pline *L, size_t n)
{
    size_t b = n;
    while (b > 0 && (L[b - 1].kind == L_BLANK || L[b - 1].kind == L_TAGS || L[b - 1].kind == L_PAGE)) b--;
    if (b > 0 && L[b - 1].kind == L_TEXT && is_page_number(txt + L[b - 1].start, txt + pl_end(&L[b - 1])))
        L[b - 1].kind = L_PAGENO;
}

/* A page number dropped (or on a <PAGE> line) is noted as it goes by,
 * with where its line would have stood in the text: its bytes are let go
 * as the text is written (opt->release). */
static void note_page_mark(plain *c, const pline *l)
{
    if (l->kind != L_PAGENO && l->kind != L_PAGENO_TOP && l->kind != L_PAGE) return;
    const char *p = c->txt + l->start, *e = c->txt + pl_end(l), *num, *num_end;
    if (l->kind == L_PAGE) {
        classify(p, e, &num, &num_end);
        if (!num || num_end <= num) return; /* no number on it */
        p = num;
        e = num_end;
    }
    text_page_mark *m = vec_push(&c->marks);
    if (!m) { c->s.failed = 1; return; }
    trim(&p, &e);
    size_t len = (size_t)(e - p) < sizeof m->label ? (size_t)(e - p) : sizeof m->label - 1;
    memcpy(m->label, p, len);
    m->label[len] = '\0';
    m->at = sink_total(&c->s);
    m->top = l->kind != L_PAGENO;
}

/* The columns of the table's first marker line (for the caption) into
 * starts[]; returns how many, and the most any marker line has in *most. */
static size_t first_columns(const plain *c, size_t i, size_t tend, size_t *starts, size_t *most)
{
    const pline *L = c->lines.items;
    size_t spare[LT_MAX_COLS], cur = 0;
    *most = 0;
    for (size_t j = i + 1; j < tend; j++) {
        const char *p = c->txt + L[j].start, *e = c->txt + pl_end(&L[j]);
        if (!line_has_tag(p, e, "<C>")) continue;
        size_t k = column_starts(p, e, c->cs, cur ? spare : starts);
        if (k > *most) *most = k;
        if (!cur && k >= 2) cur = k;
    }
    return cur;
}

/* The legacy table on lines i..tend as grid rows (markdown or TSV), each
 * row in the columns of the marker line before it. */
static void write_legacy_table(plain *c, size_t i, size_t tend)
{
    pline *L = c->lines.items;
    size_t starts[LT_MAX_COLS], spare[LT_MAX_COLS], most;
    size_t cur = first_columns(c, i, tend, starts, &most);
    int md = c->style == EDGR_TABLES_MARKDOWN;
    int header = 1;
    for (size_t j = i + 1; j < tend; j++) {
        pline *r = &L[j];
        note_page_mark(c, r);
        const char *p = c->txt + r->start, *e = c->txt + pl_end(r);
        size_t k;
        if (line_has_tag(p, e, "<C>") && (k = column_starts(p, e, c->cs, spare)) >= 2) {
            memcpy(starts, spare, k * sizeof *starts);
            cur = k;
        }
        if (r->kind != L_TEXT || is_rule(p, e)) continue;
        if (sink_total(&c->s)) sink_put(&c->s, header ? "\n\n" : "\n", header ? 2 : 1);
        sink_anchor(&c->s, r->start);
        table_row(&c->s, p, e, c->cs, starts, cur, most, md);
        while (c->b.len && c->b.data[c->b.len - 1] == ' ') c->b.len--;
        if (header && md) {
            sink_put(&c->s, "\n|", 2);
            for (size_t col = 0; col < most; col++) sink_put(&c->s, " --- |", 6);
        }
        header = 0;
    }
    c->blank = 1;
}

/* A text or blank line, as it is: blank lines collapse into one. */
static void write_line(plain *c, const pline *l)
{
    const char *p = c->txt + l->start, *e = c->txt + pl_end(l);
    while (e > p && sc_is_space((unsigned char)e[-1])) e--;
    if (p == e) {
        c->blank = 1;
        return;
    }
    if (sink_total(&c->s)) sink_put(&c->s, c->blank ? "\n\n" : "\n", c->blank ? 2 : 1);
    c->blank = 0;
    sink_anchor(&c->s, l->start);
    /* a long line in pieces cut after a blank (no legacy tag or
     * multi-byte character spans one), its bytes let go as it is written */
    while ((size_t)(e - p) > text_release_step && c->rel.fn) {
        const char *q = p + text_release_step;
        while (q > p && q[-1] != ' ' && q[-1] != '\t') q--;
        if (q == p) break; /* one word of megabytes: whole */
        put_text(&c->s, p, q, c->cs, 0);
        p = q;
        text_release_upto(&c->rel, p);
    }
    put_text(&c->s, p, e, c->cs, 0);
    /* tags replaced by spaces may leave blanks at the end */
    while (c->b.len && c->b.data[c->b.len - 1] == ' ') c->b.len--;
}

/* The kept lines, in order; legacy tables as grids when asked for. */
static void write_text(plain *c)
{
    pline *L = c->lines.items;
    size_t n = c->lines.len;
    int grid = c->style == EDGR_TABLES_MARKDOWN || c->style == EDGR_TABLES_TSV;
    for (size_t i = 0; i < n && !c->s.failed; i++) {
        pline *l = &L[i];
        text_release_upto(&c->rel, c->txt + l->start);
        note_page_mark(c, l);
        size_t tend = grid ? legacy_table_end(c->txt, L, i, n, c->cs) : 0;
        if (tend) {
            write_legacy_table(c, i, tend);
            i = tend - 1;
            continue;
        }
        if (l->kind == L_TEXT || l->kind == L_BLANK) write_line(c, l);
    }
    if (sink_total(&c->s)) sink_put(&c->s, "\n", 1);
}

edgr_status plain_to_text_w(const char *txt, size_t len, edgr_charset charset, const edgr_text_options *opt,
                            edgr_text *out, text_writer *w)
{
    if (!out || (!txt && len) || (opt && opt->struct_size < TEXT_OPTIONS_MIN_SIZE)) return EDGR_ERR_ARG;
    out->anchor_count = 0;
    plain c = {.txt = txt ? txt : "", .len = len, .cs = charset,
               .style = opt ? opt->tables : EDGR_TABLES_TEXT, .lines = {.size = sizeof(pline)},
               .marks = {.size = sizeof(text_page_mark)}};
    c.rel = text_release_of(opt, c.txt);
    /* out of memory while reading the lines: those read so far are still
     * written, and the caller gets that text with EDGR_ERR_NOMEM */
    int failed = !read_lines(&c);
    if (!failed) mark_page_breaks(c.txt, c.lines.items, c.lines.len);
    mark_last_page_number(c.txt, c.lines.items, c.lines.len);
    c.b = text_as_buf(out);
    c.s = (tsink){.b = &c.b, .anchors = out, .w = w};
    write_text(&c);
    failed |= c.s.failed;
    text_finish(out, &c.b, failed);
    if (!failed) failed = keep_page_marks(out, &c.marks, c.s.flushed + out->len);
    vec_free(&c.lines);
    vec_free(&c.marks);
    out->src_end = len;
    return failed ? EDGR_ERR_NOMEM : EDGR_OK;
}

edgr_status edgr_plain_to_text(const char *txt, size_t len, edgr_charset charset,
                               const edgr_text_options *opt, edgr_text *out)
{
    return plain_to_text_w(txt, len, charset, opt, out, NULL);
}
