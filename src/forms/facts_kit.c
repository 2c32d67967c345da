/* The facts readers' kit (facts_int.h), one floor below the entry point
 * (facts.c) and the cover, signature and exhibit readers: the main
 * document's text as lines and cells, the string arena, growable arrays,
 * the small matchers the readers share, check-box marks and dates. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chars.h"
#include "facts_int.h"

/* ---- strings: facts are short; they live in the core's arena (arena.h),
 * reset for each filing and freed at once ---- */

const char *fx_str(fx_state *st, const char *p, size_t n)
{
    if (!p) return NULL;
    while (n && sc_is_space((unsigned char)*p)) { p++; n--; }
    while (n && sc_is_space((unsigned char)p[n - 1])) n--;
    if (!n) return NULL;
    char *out = arena_alloc(&st->strings, n + 1);
    if (!out) { st->nomem = 1; return NULL; }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (sc_is_space((unsigned char)p[i])) {
            if (k && out[k - 1] != ' ') out[k++] = ' ';
        } else {
            out[k++] = p[i];
        }
    }
    out[k] = 0;
    return out;
}

int fx_grow(fx_state *st, void **arr, size_t *cap, size_t n, size_t size)
{
    if (arr_reserve(arr, cap, n + 1, size, 0)) { st->nomem = 1; return -1; }
    return 0;
}

/* ---- text as lines and cells ---- */

static int cells_scan(const fx_doc *d, size_t i, fx_cell *cells)
{
    const char *p = d->t + d->lines[i].start, *e = p + d->lines[i].len;
    int k = 0;
    while (p < e && k < FX_MAX_CELLS) {
        const char *s = p;
        /* a cell ends at a tab or at two spaces in a row */
        while (p < e && *p != '\t' && !(*p == ' ' && p + 1 < e && p[1] == ' ')) p++;
        const char *ce = p;
        while (s < ce && sc_is_space((unsigned char)*s)) s++;
        while (ce > s && sc_is_space((unsigned char)ce[-1])) ce--;
        if (ce > s) cells[k++] = (fx_cell){s, (size_t)(ce - s)};
        while (p < e && (*p == '\t' || *p == ' ')) p++;
    }
    if (p < e && k == FX_MAX_CELLS) /* the rest joins the last cell */
        cells[k - 1].n = (size_t)(e - cells[k - 1].p);
    return k;
}

int fx_cells(const fx_doc *d, size_t i, fx_cell *cells)
{
    if (i < d->memo_lines) {
        uint32_t a = d->memo_at[i], b = d->memo_at[i + 1];
        memcpy(cells, d->memo + a, (b - a) * sizeof *cells);
        return (int)(b - a);
    }
    return cells_scan(d, i, cells);
}

/* Cut the first lines into cells once (see FX_MEMO_LINES). */
static void memo_cells(fx_state *st, fx_doc *d)
{
    if (!st->memo) st->memo = malloc((size_t)FX_MEMO_LINES * FX_MAX_CELLS * sizeof *st->memo);
    if (!st->memo_at) st->memo_at = malloc((FX_MEMO_LINES + 1) * sizeof *st->memo_at);
    if (!st->memo || !st->memo_at) return; /* no memo: cut as asked */
    size_t lines = d->nlines < FX_MEMO_LINES ? d->nlines : FX_MEMO_LINES;
    uint32_t k = 0;
    for (size_t i = 0; i < lines; i++) {
        st->memo_at[i] = k;
        k += (uint32_t)cells_scan(d, i, st->memo + k);
    }
    st->memo_at[lines] = k;
    d->memo = st->memo;
    d->memo_at = st->memo_at;
    d->memo_lines = lines;
}

int fx_blank(const fx_doc *d, size_t i)
{
    const char *p = d->t + d->lines[i].start;
    for (size_t j = 0; j < d->lines[i].len; j++)
        if (!sc_is_space((unsigned char)p[j])) return 0;
    return 1;
}

uint64_t fx_offset(const fx_doc *d, size_t i)
{
    return edgr_text_source_offset(d->text, d->lines[i].start);
}

/* Case-blind search.  It runs on every cell of every line of a filing
 * (exhibit and signature captions), so candidates for the first character
 * are found with memchr, once per case, instead of byte by byte. */
long fx_find(const char *p, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (!m || m > n) return m ? -1 : 0;
    int lo = fx_lower((unsigned char)needle[0]);
    int up = lo >= 'a' && lo <= 'z' ? lo - 32 : lo;
    const char *end = p + n - m + 1; /* candidates start before this */
    const char *a = memchr(p, lo, (size_t)(end - p));
    const char *b = up != lo ? memchr(p, up, (size_t)(end - p)) : NULL;
    while (a || b) {
        const char *c = !b || (a && a < b) ? a : b;
        if (fx_same(c + 1, needle + 1, m - 1)) return (long)(c - p); /* c[0] matches */
        if (c == a) a = c + 1 < end ? memchr(c + 1, lo, (size_t)(end - c - 1)) : NULL;
        else b = c + 1 < end ? memchr(c + 1, up, (size_t)(end - c - 1)) : NULL;
    }
    return -1;
}

/* ---- check-box marks ---- */

size_t fx_mark(const char *p, size_t n, int *checked)
{
    static const struct { const char *s; int checked; } marks[] = {
        {"\xE2\x98\x90", 0}, /* ☐ */          {"\xE2\x98\x92", 1}, /* ☒ */
        {"\xE2\x98\x91", 1}, /* ☑ */          {"\xE2\x9C\x93", 1}, /* ✓ */
        {"\xE2\x9C\x94", 1}, /* ✔ */          {"\xE2\x9C\x97", 1}, /* ✗ */
        {"\xE2\x9C\x98", 1}, /* ✘ */          {"\xE2\x96\xA0", 1}, /* ■ */
        {"\xE2\x96\xA1", 0}, /* □ */          {"\xE2\x97\xBB", 0}, /* ◻ */
        {"\xE2\x97\xBC", 1}, /* ◼ */          {"\xE2\x9D\x91", 0}, /* ❑ */
        {"\xE2\x9D\x8F", 0}, /* ❏ */          {"\xE2\x8C\xA7", 1}, /* ⌧ */
        {"\xE2\x96\xA2", 0}, /* ▢ */          {"\xE2\x97\xBD", 0}, /* ◽ */
        /* Wingdings read as Latin-1: ý þ are checked boxes, ¨ an empty one */
        {"\xC3\xBD", 1},     /* ý */          {"\xC3\xBE", 1}, /* þ */
        {"\xC2\xA8", 0},     /* ¨ */
        /* Wingdings in the private use area (U+F0A8, U+F0FD, U+F0FE, U+F06F, U+F078) */
        {"\xEF\x82\xA8", 0}, {"\xEF\x83\xBD", 1}, {"\xEF\x83\xBE", 1},
        {"\xEF\x81\xAF", 0}, {"\xEF\x81\xB8", 1}, {"\xEF\x81\xB1", 0},
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t m = strlen(marks[i].s);
        if (m <= n && !memcmp(p, marks[i].s, m)) { *checked = marks[i].checked; return m; }
    }
    if (!n) return 0;
    /* bracketed: [ ], [X], (x), [_], [✓] */
    if (p[0] == '[' || p[0] == '(') {
        char close = p[0] == '[' ? ']' : ')';
        size_t j = 1;
        int inside = 0, x = 0;
        while (j < n && j < 6 && p[j] != close) {
            unsigned char c = (unsigned char)p[j];
            if (c == 'x' || c == 'X' || c == 0xE2 || c == '*' || c == '/') x = 1;
            else if (c != ' ' && c != '_' && c != 0x80 && c != 0x9C && c != 0x93 && c != 0x94) inside = 1;
            j++;
        }
        if (j < n && p[j] == close && !inside && (p[0] == '[' || j <= 3)) {
            *checked = x;
            return j + 1;
        }
        return 0;
    }
    /* a lone letter from a Wingdings font: o (empty box), x (checked), q (❑) */
    if ((p[0] == 'o' || p[0] == 'x' || p[0] == 'X' || p[0] == 'q') &&
        (n == 1 || sc_is_space((unsigned char)p[1]))) {
        *checked = p[0] == 'x' || p[0] == 'X';
        return 1;
    }
    return 0;
}

/* ---- dates ---- */

static const char *const MONTHS[12] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};

/* A month name or its first three letters or more ("Mar", "Sept.",
 * "DECEM") at p: 1..12, and its length in *len; 0 if none. */
static int month_at(const char *p, size_t n, size_t *len)
{
    size_t w = 0;
    while (w < n && sc_is_alpha(p[w])) w++;
    if (w < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(MONTHS[m]);
        if (w > full) continue;
        int ok = 1;
        for (size_t i = 0; i < w && ok; i++) ok = fx_lower((unsigned char)p[i]) == MONTHS[m][i];
        if (!ok) continue;
        *len = w + (w != full && w < n && p[w] == '.');
        return m + 1;
    }
    return 0;
}

static size_t digits(const char *p, size_t n, size_t max, int *v)
{
    uint64_t u;
    size_t i = sc_parse_uint(p, n, max, UINT64_MAX, &u);
    *v = (int)u;
    if (i < n && sc_is_digit(p[i])) return 0; /* too many digits */
    return i;
}

/* Blanks between a date's words: spaces, tabs, no-break spaces (UTF-8). */
static size_t spaces(const char *p, size_t n)
{
    size_t i = 0;
    for (;;) {
        if (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
        else if (i + 1 < n && (unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xA0) i += 2;
        else return i;
    }
}

static int valid(int y, int m, int d) { return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

static int date_at(const char *p, size_t n, int *y, int *m, int *d, size_t *len)
{
    size_t i = 0, k;
    int a, b, c;
    int mon = month_at(p, n, &k);
    if (mon) { /* March 8, 2017 */
        i = k;
        i += spaces(p + i, n - i);
        if (!(k = digits(p + i, n - i, 2, &a))) return 0;
        i += k;
        if (i + 2 <= n && (fx_starts(p + i, n - i, "st") || fx_starts(p + i, n - i, "nd") ||
                           fx_starts(p + i, n - i, "rd") || fx_starts(p + i, n - i, "th")))
            i += 2;
        i += spaces(p + i, n - i);
        if (i < n && p[i] == ',') i++;
        i += spaces(p + i, n - i);
        if ((k = digits(p + i, n - i, 4, &b)) != 4) return 0;
        *y = b, *m = mon, *d = a, *len = i + k;
        return valid(*y, *m, *d);
    }
    if (!(k = digits(p, n, 4, &a))) return 0;
    i = k;
    if (k == 4 && i < n && p[i] == '-') { /* 2017-03-08 */
        size_t k2 = digits(p + i + 1, n - i - 1, 2, &b);
        if (k2 != 2 || i + 3 >= n || p[i + 3] != '-') return 0;
        size_t k3 = digits(p + i + 4, n - i - 4, 2, &c);
        if (k3 != 2) return 0;
        *y = a, *m = b, *d = c, *len = i + 6;
        return valid(a, b, c);
    }
    if (k <= 2 && i < n && p[i] == '/') { /* 03/08/2017, 3/8/17 */
        size_t k2 = digits(p + i + 1, n - i - 1, 2, &b);
        if (!k2 || i + 1 + k2 >= n || p[i + 1 + k2] != '/') return 0;
        size_t at = i + 2 + k2, k3 = digits(p + at, n - at, 4, &c);
        if (k3 != 2 && k3 != 4) return 0;
        if (k3 == 2) c += c < 70 ? 2000 : 1900;
        *y = c, *m = a, *d = b, *len = at + k3;
        return valid(c, a, b);
    }
    if (k <= 2) { /* 8 March 2017 */
        i += spaces(p + i, n - i);
        if (!(mon = month_at(p + i, n - i, &k))) return 0;
        i += k;
        i += spaces(p + i, n - i);
        if (i < n && p[i] == ',') i++;
        i += spaces(p + i, n - i);
        if ((k = digits(p + i, n - i, 4, &b)) != 4) return 0;
        *y = b, *m = mon, *d = a, *len = i + k;
        return valid(b, mon, a);
    }
    return 0;
}

int edgr_date_find(const char *p, size_t n, char iso[11], size_t *at, size_t *len)
{
    if (!p) return 0;
    for (size_t i = 0; i < n; i++) {
        /* dates start at a word boundary */
        if (i && (sc_is_alpha(p[i - 1]) || sc_is_digit(p[i - 1]))) continue;
        if (!sc_is_alpha(p[i]) && !sc_is_digit(p[i])) continue;
        int y, m, d;
        size_t l;
        if (date_at(p + i, n - i, &y, &m, &d, &l)) {
            iso[0] = (char)('0' + y / 1000), iso[1] = (char)('0' + y / 100 % 10);
            iso[2] = (char)('0' + y / 10 % 10), iso[3] = (char)('0' + y % 10), iso[4] = '-';
            iso[5] = (char)('0' + m / 10), iso[6] = (char)('0' + m % 10), iso[7] = '-';
            iso[8] = (char)('0' + d / 10), iso[9] = (char)('0' + d % 10), iso[10] = 0;
            if (at) *at = i;
            if (len) *len = l;
            return 1;
        }
    }
    return 0;
}

const char *edgr_fact_source_name(edgr_fact_source s)
{
    switch (s) {
    case EDGR_FACT_TEXT: return "text";
    case EDGR_FACT_IXBRL: return "ixbrl";
    case EDGR_FACT_HEADER: return "header";
    default: return "none";
    }
}

/* ---- the text as lines ---- */

void fx_doc_lines(fx_state *st, fx_doc *d)
{
    size_t nl = 0;
    for (size_t i = 0; i <= d->n; i++) {
        if (i < d->n && d->t[i] != '\n') continue;
        size_t start = 0;
        if (nl) start = st->lines[nl - 1].start + st->lines[nl - 1].len + 1;
        if (i == d->n && start >= d->n) break;
        if (fx_grow(st, (void **)&st->lines, &st->line_cap, nl, sizeof *st->lines)) break;
        st->lines[nl++] = (fx_line){start, i - start};
    }
    d->lines = st->lines;
    d->nlines = nl;
    memo_cells(st, d);
}
