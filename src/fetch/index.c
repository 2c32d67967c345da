/* EDGAR index files (master, xbrl, form, company): one pass over chunks,
 * rows handed out as spans into the input.  The rules are in edgr/fetch.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/fetch.h"

enum { ST_HEADER = 0, ST_ROWS = 1, ST_DONE = 2 };

struct edgr_index_parser {
    edgr_index_options opt;
    int state;
    edgr_status status;     /* sticky: the error that ended the parse */
    edgr_index_kind kind;   /* detected or forced                     */
    int xbrl;               /* "XBRL" in the Description line          */
    size_t col_second;      /* heading column of the second field (form.idx:
                               Company Name; company.idx: Form Type)  */
    unsigned header_lines;
    uint64_t pos;           /* offset of the next byte to be fed       */
    uint64_t line_no;       /* lines seen so far                      */
    uint64_t rows, bad_rows;
    /* a line that began in an earlier chunk */
    size_t carry_len;
    uint64_t carry_off;
    int carry_over;         /* the line outgrew carry: skipped          */
    char msg[160];
    char carry[EDGR_INDEX_MAX_LINE];
};

/* reason + more (NULL: nothing) */
static void report(edgr_index_parser *p, uint64_t off, const char *reason, const char *more)
{
    if (!p->opt.on_error) return;
    snprintf(p->msg, sizeof p->msg, "%s%s", reason, more ? more : "");
    p->opt.on_error(p->opt.user, p->opt.base_offset + off, p->msg);
}

static int is_sp(char c) { return c == ' ' || c == '\t'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static edgr_span span(const char *s, size_t n) { return (edgr_span){s, n}; }

static edgr_span trim(edgr_span s)
{
    while (s.len && is_sp(s.ptr[0])) s.ptr++, s.len--;
    while (s.len && is_sp(s.ptr[s.len - 1])) s.len--;
    return s;
}

static int starts(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(s, lit, k) == 0;
}

/* first occurrence of lit in s[n]; n if absent */
static size_t find(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, lit, k) == 0) return i;
    return n;
}

edgr_status edgr_index_accession(edgr_span path, edgr_span *out)
{
    if (!path.ptr || !out) return EDGR_ERR_ARG;
    size_t end = path.len, b = end;
    while (b && path.ptr[b - 1] != '/') b--;
    const char *s = path.ptr + b;
    size_t n = end - b;
    if (n >= 4 && memcmp(s + n - 4, ".txt", 4) == 0) n -= 4;
    if (n != 20 || s[10] != '-' || s[13] != '-') return EDGR_ERR_NOT_FOUND;
    for (size_t i = 0; i < 20; i++)
        if (i != 10 && i != 13 && !is_digit(s[i])) return EDGR_ERR_NOT_FOUND;
    *out = span(s, 20);
    return EDGR_OK;
}

int edgr_date_valid(uint32_t d)
{
    unsigned y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || day < 1) return 0;
    static const unsigned char mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > mdays[m - 1]) return 0;
    if (m == 2 && day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

int edgr_date_quarter(uint32_t d)
{
    return edgr_date_valid(d) ? (int)((d / 100 % 100 - 1) / 3 + 1) : 0;
}

/* YYYYMMDD or YYYY-MM-DD; 0 if neither */
static uint32_t parse_date(edgr_span s)
{
    char dig[8];
    size_t k = 0;
    if (s.len == 8) {
        memcpy(dig, s.ptr, 8);
        k = 8;
    } else if (s.len == 10 && s.ptr[4] == '-' && s.ptr[7] == '-') {
        memcpy(dig, s.ptr, 4);
        memcpy(dig + 4, s.ptr + 5, 2);
        memcpy(dig + 6, s.ptr + 8, 2);
        k = 8;
    }
    if (k != 8) return 0;
    uint32_t v = 0;
    for (size_t i = 0; i < 8; i++) {
        if (!is_digit(dig[i])) return 0;
        v = v * 10 + (uint32_t)(dig[i] - '0');
    }
    return edgr_date_valid(v) ? v : 0;
}

/* Checks the fields and hands the row out; `last` = the input's last line
 * with no newline (a failure there is most likely a cut). */
static void deliver(edgr_index_parser *p, edgr_index_row *r, uint64_t off, int last)
{
    const char *cut = last ? " (the last line, without a newline: cut short?)" : "";
    const char *why = NULL;
    r->cik = trim(r->cik);
    r->company = trim(r->company);
    r->form = trim(r->form);
    r->date_filed = trim(r->date_filed);
    r->path = trim(r->path);
    if (r->cik.len == 0 || r->cik.len > 10) why = "CIK is not 1 to 10 digits";
    for (size_t i = 0; !why && i < r->cik.len; i++)
        if (!is_digit(r->cik.ptr[i])) why = "CIK is not 1 to 10 digits";
    if (!why && r->form.len == 0) why = "no form type";
    if (!why && !(r->date = parse_date(r->date_filed))) why = "date filed is not a date (YYYY-MM-DD or YYYYMMDD)";
    if (!why && edgr_index_accession(r->path, &r->accession) != EDGR_OK)
        why = "file name names no accession (edgar/data/CIK/NNNNNNNNNN-YY-NNNNNN.txt)";
    if (why) {
        p->bad_rows++;
        report(p, off, why, cut);
        return;
    }
    r->cik_num = 0;
    for (size_t i = 0; i < r->cik.len; i++) r->cik_num = r->cik_num * 10 + (uint64_t)(r->cik.ptr[i] - '0');
    r->kind = p->kind;
    r->offset = p->opt.base_offset + off;
    r->line = p->line_no;
    p->rows++;
    if (p->opt.on_row && p->opt.on_row(p->opt.user, r)) {
        p->status = EDGR_ERR_ABORTED;
        p->state = ST_DONE;
    }
}

static void pipe_row(edgr_index_parser *p, const char *s, size_t n, uint64_t off, int last)
{
    /* CIK | company (anything, even a '|') | form | date | file name:
     * the first bar and the last three */
    size_t nb = 0, first = n, r1 = n, r2 = n, r3 = n;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '|') {
            if (first == n) first = i;
            r3 = r2, r2 = r1, r1 = i;
            nb++;
        }
    if (nb < 4) {
        char k[96];
        snprintf(k, sizeof k, "truncated row: %zu of 5 fields", nb + 1);
        p->bad_rows++;
        report(p, off, k, last ? " (the last line, without a newline)" : NULL);
        return;
    }
    edgr_index_row r = {0};
    r.cik = span(s, first);
    r.company = span(s + first + 1, r3 - first - 1);
    r.form = span(s + r3 + 1, r2 - r3 - 1);
    r.date_filed = span(s + r2 + 1, r1 - r2 - 1);
    r.path = span(s + r1 + 1, n - r1 - 1);
    deliver(p, &r, off, last);
}

/* form.idx / company.idx: by fields (see edgr/fetch.h) */
static void column_row(edgr_index_parser *p, const char *s, size_t n, uint64_t off, int last)
{
    size_t e = n, w[3][2]; /* the last three words: [start, end) */
    for (int k = 2; k >= 0; k--) {
        while (e && is_sp(s[e - 1])) e--;
        size_t b = e;
        while (b && !is_sp(s[b - 1])) b--;
        if (b == e) {
            p->bad_rows++;
            report(p, off, "truncated row: fewer than 5 fields", last ? " (the last line, without a newline)" : NULL);
            return;
        }
        w[k][0] = b, w[k][1] = e;
        e = b;
    }
    edgr_index_row r = {0};
    r.cik = span(s + w[0][0], w[0][1] - w[0][0]);
    r.date_filed = span(s + w[1][0], w[1][1] - w[1][0]);
    r.path = span(s + w[2][0], w[2][1] - w[2][0]);
    size_t m = w[0][0];
    while (m && is_sp(s[m - 1])) m--;   /* s[0..m): form and company */
    if (p->kind == EDGR_INDEX_FORM) {
        size_t g = find(s, m, "  ");
        /* a form that fills its column leaves one space before the name:
         * the heading's column decides, over a gap inside the name */
        if (p->col_second && p->col_second < m && s[p->col_second - 1] == ' ' && (g == m || g >= p->col_second))
            g = p->col_second;
        r.form = span(s, g);
        r.company = span(s + g, m - g);
    } else {
        size_t g = m; /* the last gap of two spaces or more */
        for (size_t i = m; i-- > 1;)
            if (s[i] == ' ' && s[i - 1] == ' ') {
                g = i + 1;
                break;
            }
        if (g == m && p->col_second && p->col_second < m) g = p->col_second;
        if (g == m) g = 0, m = 0; /* no gap, no column: no form (reported) */
        r.company = span(s, g);
        r.form = span(s + g, m - g);
    }
    deliver(p, &r, off, last);
}

static int all_dashes(const char *s, size_t n)
{
    while (n && is_sp(s[n - 1])) n--;
    if (n < 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '-') return 0;
    return 1;
}

static void header_line(edgr_index_parser *p, const char *s, size_t n, uint64_t off)
{
    if (all_dashes(s, n)) {
        if (p->opt.kind != EDGR_INDEX_AUTO) p->kind = p->opt.kind;
        if (p->kind == EDGR_INDEX_MASTER && p->xbrl && p->opt.kind == EDGR_INDEX_AUTO) p->kind = EDGR_INDEX_XBRL;
        if (p->kind == EDGR_INDEX_AUTO) {
            report(p, off, "dashed line without a column heading before it (CIK|..., Form Type, Company Name)", NULL);
            p->status = EDGR_ERR_NOT_EDGAR;
            p->state = ST_DONE;
            return;
        }
        p->state = ST_ROWS;
        return;
    }
    if (++p->header_lines > EDGR_INDEX_MAX_HEADER_LINES) {
        report(p, off, "no dashed line in the first 64 lines: not an EDGAR index", NULL);
        p->status = EDGR_ERR_NOT_EDGAR;
        p->state = ST_DONE;
        return;
    }
    if (starts(s, n, "Description:") && find(s, n, "XBRL") < n) p->xbrl = 1;
    if (p->kind != EDGR_INDEX_AUTO) return; /* the first heading wins */
    if (starts(s, n, "CIK|")) {
        p->kind = EDGR_INDEX_MASTER;
    } else if (starts(s, n, "Form Type")) {
        p->kind = EDGR_INDEX_FORM;
        p->col_second = find(s, n, "Company Name");
        if (p->col_second == n) p->col_second = 0;
    } else if (starts(s, n, "Company Name")) {
        p->kind = EDGR_INDEX_COMPANY;
        p->col_second = find(s, n, "Form Type");
        if (p->col_second == n) p->col_second = 0;
    }
}

/* one line without its '\n' (a '\r' before it is dropped) */
static void do_line(edgr_index_parser *p, const char *s, size_t n, uint64_t off, int last)
{
    p->line_no++;
    if (n && s[n - 1] == '\r') n--;
    if (p->state == ST_HEADER) {
        header_line(p, s, n, off);
        return;
    }
    size_t k = n;
    while (k && (is_sp(s[k - 1]) || s[k - 1] == '\r')) k--;
    if (k == 0) return; /* blank lines (trailing ones) are not rows */
    edgr_index_kind kind = p->kind;
    if (kind == EDGR_INDEX_MASTER || kind == EDGR_INDEX_XBRL) pipe_row(p, s, k, off, last);
    else column_row(p, s, k, off, last);
}

edgr_index_parser *edgr_index_new(const edgr_index_options *opt)
{
    if (!opt || opt->struct_size < sizeof(edgr_index_options)) return NULL;
    if ((unsigned)opt->kind > EDGR_INDEX_XBRL) return NULL;
    edgr_index_parser *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->opt = *opt;
    p->opt.struct_size = sizeof p->opt;
    p->kind = EDGR_INDEX_AUTO;
    if (opt->kind != EDGR_INDEX_AUTO) p->kind = opt->kind;
    return p;
}

static void too_long(edgr_index_parser *p)
{
    p->bad_rows += p->state == ST_ROWS;
    report(p, p->carry_off, "line longer than 4096 bytes: not an index row (skipped)", NULL);
    if (p->state == ST_HEADER) { /* a header line: counted, it cannot be the dashes */
        if (++p->header_lines > EDGR_INDEX_MAX_HEADER_LINES) {
            report(p, p->carry_off, "no dashed line in the first 64 lines: not an EDGAR index", NULL);
            p->status = EDGR_ERR_NOT_EDGAR;
            p->state = ST_DONE;
        }
    }
    p->line_no++;
}

edgr_status edgr_index_feed(edgr_index_parser *p, const char *data, size_t len)
{
    if (!p || (!data && len)) return EDGR_ERR_ARG;
    if (p->state == ST_DONE) return p->status;
    size_t i = 0;
    while (i < len && p->state != ST_DONE) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        if (p->carry_len || p->carry_over) {
            /* the rest of a line that began in an earlier chunk */
            size_t add = e - i;
            if (!p->carry_over && p->carry_len + add <= sizeof p->carry) {
                memcpy(p->carry + p->carry_len, data + i, add);
                p->carry_len += add;
            } else {
                p->carry_over = 1;
            }
            if (!nl) break;
            if (p->carry_over) too_long(p);
            else do_line(p, p->carry, p->carry_len, p->carry_off, 0);
            p->carry_len = 0;
            p->carry_over = 0;
        } else if (!nl) { /* a line the next chunk ends */
            p->carry_off = p->pos + i;
            if (e - i <= sizeof p->carry) {
                memcpy(p->carry, data + i, e - i);
                p->carry_len = e - i;
            } else {
                p->carry_over = 1;
            }
            break;
        } else if (e - i > EDGR_INDEX_MAX_LINE) {
            p->carry_off = p->pos + i;
            too_long(p);
        } else {
            do_line(p, data + i, e - i, p->pos + i, 0);
        }
        i = e + 1;
    }
    p->pos += len;
    return p->state == ST_DONE ? p->status : EDGR_OK;
}

edgr_status edgr_index_finish(edgr_index_parser *p)
{
    if (!p) return EDGR_ERR_ARG;
    if (p->state == ST_DONE) return p->status;
    if (p->carry_over) too_long(p);
    else if (p->carry_len) do_line(p, p->carry, p->carry_len, p->carry_off, 1);
    p->carry_len = 0;
    p->carry_over = 0;
    if (p->state == ST_DONE) return p->status;
    if (p->state == ST_HEADER) {
        if (p->pos == 0) {
            p->status = EDGR_ERR_EMPTY;
        } else {
            report(p, p->pos, "input ended before the dashed line: not an EDGAR index (or cut short)", NULL);
            p->status = EDGR_ERR_NOT_EDGAR;
        }
    }
    p->state = ST_DONE;
    return p->status;
}

void edgr_index_get_stats(const edgr_index_parser *p, edgr_index_stats *out)
{
    if (!out) return;
    memset(out, 0, sizeof *out);
    if (!p) return;
    out->rows = p->rows;
    out->bad_rows = p->bad_rows;
    out->bytes = p->pos;
    out->kind = p->state == ST_HEADER && p->opt.kind == EDGR_INDEX_AUTO ? EDGR_INDEX_AUTO : p->kind;
}

void edgr_index_free(edgr_index_parser *p) { free(p); }

edgr_status edgr_index_parse(const char *data, size_t len, const edgr_index_options *opt,
                             edgr_index_stats *stats)
{
    if (stats) memset(stats, 0, sizeof *stats);
    if (!data && len) return EDGR_ERR_ARG;
    if (!opt || opt->struct_size < sizeof(edgr_index_options)) return EDGR_ERR_ARG;
    edgr_index_parser *p = edgr_index_new(opt);
    if (!p) return (unsigned)opt->kind > EDGR_INDEX_XBRL ? EDGR_ERR_ARG : EDGR_ERR_NOMEM;
    edgr_status st = edgr_index_feed(p, data, len);
    edgr_status fin = edgr_index_finish(p);
    if (st == EDGR_OK) st = fin;
    edgr_index_get_stats(p, stats);
    edgr_index_free(p);
    return st;
}
