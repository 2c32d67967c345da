/* The cover page: inline XBRL dei: facts first, the cover's text second, the
 * SEC header last.
 *
 * A cover page is a stack of values, each with its caption in parentheses on
 * the line below ("Delaware / (State or other jurisdiction of
 * incorporation)"), often three to a row.  With tables as TSV the caption row
 * and the value row have the same cells, so a caption's column picks its
 * value; when they do not line up, the value's shape decides (a file number
 * is 1-36598, an IRS number 04-3321804). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "facts_int.h"

/* ---- limits ---- */

/* The cover ends at the first item or part heading, or after this many
 * lines: the longest covers (a 10-K's, with its 12(b) table and check
 * boxes) run to about 250 lines of text.  FX_MEMO_LINES is sized on it. */
enum { COVER_LINES = 400 };
/* A value is looked for this many lines above or below its caption (rule
 * and blank lines counted, wrapped captions skipped). */
enum { VALUE_LINE_STEPS = 4 };
/* A value cell beside or above a caption (a state, a class of stock) is
 * at most this long; a longer one is a sentence of the cover. */
enum { VALUE_CELL_MAX = 60 };
/* An address spans at most this many lines above its caption, with at
 * most this many blank lines between them (each line its own paragraph). */
enum { ADDRESS_LINES = 4, ADDRESS_BLANKS = 2 };
/* Room for a joined address or telephone number; longer ones are cut at a
 * part's end. */
enum { ADDRESS_MAX = 1024, PHONE_MAX = 256 };
/* A 12(b) table lists at most this many securities. */
enum { SECURITY_ROWS = 60 };
/* "Emerging growth company ☐" is a short cell; the sentences around the
 * box that also name it are longer. */
enum { EGC_CELL_MAX = 60 };

/* ---- shapes ---- */

/* A commission file number: 1-36598, 001-36598, 333-123456-01. */
static int file_number_at(const char *p, size_t n, size_t *at, size_t *len)
{
    for (size_t i = 0; i < n; i++) {
        if (!sc_is_digit(p[i]) || (i && (sc_is_digit(p[i - 1]) || p[i - 1] == '-'))) continue;
        size_t j = i;
        while (j < n && sc_is_digit(p[j])) j++;
        if (j - i > 3 || j >= n || p[j] != '-') continue;
        size_t k = j + 1;
        while (k < n && sc_is_digit(p[k])) k++;
        if (k - j - 1 < 4 || k - j - 1 > 6) continue;
        if (k + 1 < n && p[k] == '-' && sc_is_digit(p[k + 1])) { /* -01 suffix */
            k++;
            while (k < n && sc_is_digit(p[k])) k++;
        }
        if (k < n && (sc_is_digit(p[k]) || sc_is_alpha_or_high((unsigned char)p[k]))) continue;
        *at = i;
        *len = k - i;
        return 1;
    }
    return 0;
}

/* An IRS employer identification number: 04-3321804. */
static int irs_at(const char *p, size_t n, size_t *at, size_t *len)
{
    for (size_t i = 0; i + 10 <= n; i++) {
        if (i && (sc_is_digit(p[i - 1]) || p[i - 1] == '-')) continue;
        if (!sc_is_digit(p[i]) || !sc_is_digit(p[i + 1]) || p[i + 2] != '-') continue;
        size_t k = i + 3;
        while (k < n && sc_is_digit(p[k])) k++;
        if (k - i - 3 != 7 || (k < n && (p[k] == '-' || sc_is_alpha_or_high((unsigned char)p[k])))) continue;
        *at = i;
        *len = 10;
        return 1;
    }
    return 0;
}

/* A telephone number: (608) 441-8120, 608-441-8120, 763.542.6000,
 * 1-800-555-1234, +1 (608) 441 8120. */
int fx_phone_at(const char *p, size_t n, size_t *at, size_t *len)
{
    for (size_t i = 0; i < n; i++) {
        if (!(p[i] == '(' || p[i] == '+' || sc_is_digit(p[i]))) continue;
        if (i && sc_is_digit(p[i - 1])) continue;
        size_t j = i, groups = 0, d = 0;
        size_t gl[5] = {0};
        while (j < n && groups < 5) {
            char c = p[j];
            if (sc_is_digit(c)) {
                d++;
                gl[groups]++;
            } else if (c == '(' || c == ')' || c == '-' || c == '.' || c == ' ' || c == '+') {
                if (gl[groups]) groups++;
            } else {
                break;
            }
            j++;
        }
        /* count the last group if the loop stopped inside it (a loop that
         * stopped after five groups has counted them all) */
        if (groups < 5 && gl[groups]) groups++;
        while (j > i && !sc_is_digit(p[j - 1])) j--;
        /* ten digits in 3-3-4 (after an optional 1), or an international number */
        int us = d >= 10 && d <= 11 && groups >= 3 && gl[groups - 1] == 4;
        int intl = p[i] == '+' && d >= 8 && d <= 15;
        if (!us && !intl) continue;
        *at = i;
        *len = j - i;
        return 1;
    }
    return 0;
}

/* ---- captions ---- */

enum { L_NONE, L_NAME, L_STATE, L_FILE, L_IRS, L_ADDR, L_ZIP, L_PHONE };

/* The phrases that make a caption, in the order caption_kind() weighs them. */
#define W(s) {s, sizeof s - 1}
static const struct { const char *s; size_t n; } CAPTION_WORDS[] = {
    W("former name"), W("former address"),                                      /* 0-1: none  */
    W("name of registrant"), W("name of the registrant"), W("exact name of"),  /* 2-4: name  */
    W("jurisdiction"), W("state of incorporation"), W("state or other"),        /* 5-7: state */
    W("commission file"), W("file number"), W("file no"),                       /* 8-10: file */
    W("i.r.s."), W("irs employer"), W("employer identification"), W("employer id"), /* 11-14 */
    W("address of principal"), W("principal executive off"),                    /* 15-16      */
    W("telephone number"),                                                      /* 17: phone  */
    W("zip code"), W("(zip)")};                                                 /* 18-19: zip */
#undef W

/* The phrases that start with c (lower case), as bits of CAPTION_WORDS. */
static uint32_t words_starting(int c)
{
    switch (c) {
    case 'f': return 1u << 0 | 1u << 1 | 1u << 9 | 1u << 10;
    case 'n': return 1u << 2 | 1u << 3;
    case 'e': return 1u << 4 | 1u << 13 | 1u << 14;
    case 'j': return 1u << 5;
    case 's': return 1u << 6 | 1u << 7;
    case 'c': return 1u << 8;
    case 'i': return 1u << 11 | 1u << 12;
    case 'a': return 1u << 15;
    case 'p': return 1u << 16;
    case 't': return 1u << 17;
    case 'z': return 1u << 18;
    case '(': return 1u << 19;
    default: return 0;
    }
}

/* Which caption a cell is.  One pass over the cell notes every phrase in
 * it (nineteen searches of each cell were a tenth of ingest's time), then
 * the phrases are weighed in order. */
static int caption_kind(const char *p, size_t n)
{
    uint32_t found = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)p[i];
        uint32_t cand = words_starting(fx_lower(c)) & ~found;
        while (cand) {
            int w = __builtin_ctz(cand);
            cand &= cand - 1;
            size_t len = CAPTION_WORDS[w].n; /* its first letter matches */
            if (len <= n - i && fx_same(p + i + 1, CAPTION_WORDS[w].s + 1, len - 1)) found |= 1u << w;
        }
    }
    if (!found || found & 0x3u) return L_NONE;
    if (found & 0x1cu) return L_NAME;
    if (found & 0xe0u) return L_STATE;
    if (found & 0x700u) return L_FILE;
    if (found & 0x7800u) return L_IRS;
    if (found & 0x18000u) return L_ADDR;
    if (found & 0x20000u) return L_PHONE;
    return L_ZIP; /* bits 18-19 */
}

/* A line that is all captions (or caption continuations): skipped when
 * looking for the values above a caption that wraps. */
static int caption_line(const fx_doc *d, size_t i)
{
    fx_cell c[FX_MAX_CELLS];
    int m = fx_cells(d, i, c);
    if (!m) return 0;
    for (int k = 0; k < m; k++) {
        if (caption_kind(c[k].p, c[k].n) != L_NONE) continue;
        /* "(or organization)": a caption's second line; "(608) 441-8120" is not */
        size_t a, l;
        if (c[k].p[0] != '(' || fx_phone_at(c[k].p, c[k].n, &a, &l)) return 0;
    }
    return 1;
}

/* A blank line, or one drawn with - _ = * (1990s text covers). */
static int rule_line(const fx_doc *d, size_t i)
{
    const char *p = d->t + d->lines[i].start;
    for (size_t j = 0; j < d->lines[i].len; j++)
        if (!(p[j] == ' ' || p[j] == '\t' || p[j] == '-' || p[j] == '_' || p[j] == '=' || p[j] == '*'))
            return 0;
    return 1;
}

/* A state, province or country that companies are incorporated in. */
static int jurisdiction(const char *p, size_t n)
{
    static const char *const names[] = {
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
        "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
        "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
        "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
        "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
        "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Guam", "Virgin Islands",
        "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Nova Scotia", "Ontario",
        "Quebec", "Canada", "Cayman Islands", "Bermuda", "Bahamas", "Marshall Islands", "Jersey",
        "Guernsey", "Isle of Man", "England", "Scotland", "United Kingdom", "Ireland",
        "Netherlands", "Luxembourg", "Switzerland", "Germany", "France", "Israel", "Panama",
        "Liberia", "Singapore", "Hong Kong", "China", "Japan", "Australia", "Mexico", "Brazil",
        "Curacao", "Gibraltar", "Cyprus", "Greece", "Italy", "Spain", "Sweden", "Denmark",
        "Norway", "Finland", "Belgium", "India", "Taiwan", "Korea", "Malta", "Mauritius"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        long at = fx_find(p, n, names[i]);
        size_t l = strlen(names[i]);
        if (at >= 0 && (at == 0 || !sc_is_alpha_or_high((unsigned char)p[at - 1])) &&
            ((size_t)at + l == n || !sc_is_alpha_or_high((unsigned char)p[at + (long)l])))
            return 1;
    }
    return 0;
}

/* The text before a caption's "(" in its own cell: "Delaware (State or
 * other jurisdiction of incorporation)". */
static int before_caption(const char *p, size_t n, size_t *len)
{
    const char *q = memchr(p, '(', n);
    if (!q || q == p) return 0;
    size_t l = (size_t)(q - p);
    while (l && p[l - 1] == ' ') l--;
    if (!l || caption_kind(p, l) != L_NONE) return 0;
    *len = l;
    return 1;
}

/* The second line of a caption that wraps: "of incorporation)",
 * "Number)", "Identification No.)". */
static int caption_tail(const fx_doc *d, size_t i)
{
    fx_cell c[FX_MAX_CELLS];
    int m = fx_cells(d, i, c);
    for (int k = 0; k < m; k++) {
        const char *p = c[k].p;
        size_t n = c[k].n;
        if (p[n - 1] == ')' && memchr(p, '(', n) == NULL) return 1;
        if (fx_find(p, n, "incorporation") >= 0 || fx_find(p, n, "identification") >= 0) return 1;
    }
    return 0;
}

/* The nearest non-blank line before (dir -1) or after (dir 1) line i that is
 * not a caption line, within two lines; -1 if none. */
static long value_line(const fx_doc *d, size_t i, int dir, size_t lo, size_t hi)
{
    long j = (long)i;
    for (int steps = 0; steps < VALUE_LINE_STEPS; steps++) {
        j += dir;
        if (j < (long)lo || j >= (long)hi) return -1;
        if (rule_line(d, (size_t)j)) continue;
        if (caption_line(d, (size_t)j)) {
            if (dir < 0) continue; /* a caption that wraps onto two lines */
            return -1;
        }
        return j;
    }
    return -1;
}

typedef struct found {
    const char *p;
    size_t n;
    size_t line;
} found;

typedef int (*shape_fn)(const char *p, size_t n, size_t *at, size_t *len);

/* The value of a shaped fact (file number, IRS number, phone) for the caption
 * in cell k of line i: after the caption in its own cell, then in the same
 * column above, anywhere in the line above, then below. */
static int shaped(const fx_doc *d, size_t i, int k, size_t lo, size_t hi, shape_fn shape, found *out)
{
    fx_cell c[FX_MAX_CELLS], v[FX_MAX_CELLS];
    int m = fx_cells(d, i, c);
    size_t at, len;
    for (int j = k; j < m; j++) /* "Commission File Number: 001-36743" */
        if (shape(c[j].p, c[j].n, &at, &len)) { *out = (found){c[j].p + at, len, i}; return 1; }
    for (int dir = -1; dir <= 1; dir += 2) {
        long vl = value_line(d, i, dir, lo, hi);
        if (vl < 0) continue;
        int mv = fx_cells(d, (size_t)vl, v);
        if (mv == m && shape(v[k].p, v[k].n, &at, &len)) {
            *out = (found){v[k].p + at, len, (size_t)vl};
            return 1;
        }
        for (int j = 0; j < mv; j++)
            if (shape(v[j].p, v[j].n, &at, &len)) { *out = (found){v[j].p + at, len, (size_t)vl}; return 1; }
    }
    return 0;
}

/* A cell that can be a name: letters, no caption, not a number. */
static int wordy(const char *p, size_t n)
{
    size_t a, l;
    if (!n || p[0] == '(' || caption_kind(p, n) != L_NONE) return 0;
    if (file_number_at(p, n, &a, &l) || irs_at(p, n, &a, &l) || fx_phone_at(p, n, &a, &l)) return 0;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) letters += sc_is_alpha_or_high((unsigned char)p[i]);
    return letters >= 2;
}

static const char *const NOT_A_NAME[] = {"date of report", "commission file", "form 8-k", "form 10-k",
                                         "form 10-q", "current report", "quarterly report",
                                         "annual report", "pursuant to", "securities and exchange",
                                         "transition period", "fiscal year", "for the quarterly",
                                         "earliest event"};

static void set(fx_state *st, const fx_doc *d, edgr_fact *f, const char *p, size_t n, size_t line)
{
    if (f->value) return;
    f->value = fx_str(st, p, n);
    if (f->value) {
        f->source = EDGR_FACT_TEXT;
        f->offset = fx_offset(d, line);
    }
}

/* The address: the lines above its caption back to a blank or caption line
 * (at most four), joined with ", "; a "(Zip Code)" column joins with " ". */
static void address(fx_state *st, const fx_doc *d, size_t i, int k, int m, int zipk, edgr_facts *f)
{
    size_t lines[ADDRESS_LINES], count = 0, blanks = 0;
    for (size_t j = i; j > 0 && count < ADDRESS_LINES;) {
        j--;
        if (rule_line(d, j)) { /* each line of the address may be its own paragraph */
            if (++blanks > ADDRESS_BLANKS) break;
            continue;
        }
        blanks = 0;
        if (caption_line(d, j) || caption_tail(d, j)) break;
        fx_cell v[FX_MAX_CELLS];
        int mv = fx_cells(d, j, v);
        if (!wordy(v[0].p, v[0].n) && !(mv == m && m > 1 && wordy(v[k].p, v[k].n))) {
            /* a line of digits only (a zip code on its own) still belongs */
            if (!(mv >= 1 && sc_is_digit(v[0].p[0]) && count)) break;
        }
        lines[count++] = j;
    }
    if (!count && i + 1 < d->nlines && !fx_blank(d, i + 1)) { /* caption above the value */
        fx_cell v[FX_MAX_CELLS];
        if (fx_cells(d, i + 1, v) && wordy(v[0].p, v[0].n)) lines[count++] = i + 1;
    }
    if (!count) return;
    char buf[ADDRESS_MAX];
    size_t bl = 0;
    for (size_t li = count; li-- > 0;) {
        size_t j = lines[li];
        fx_cell v[FX_MAX_CELLS];
        int mv = fx_cells(d, j, v);
        for (int c = 0; c < mv; c++) {
            if (mv == m && m > 1 && c != k && c != zipk) continue;
            /* a phone number sharing the row is not part of the address */
            size_t a, l;
            if (fx_phone_at(v[c].p, v[c].n, &a, &l) && a == 0) continue;
            const char *sep = bl == 0 ? "" : (c == 0 || (mv == m && c == k)) && buf[bl - 1] != ',' ? ", " : " ";
            size_t sl = strlen(sep);
            if (bl + sl + v[c].n >= sizeof buf) break;
            memcpy(buf + bl, sep, sl);
            bl += sl;
            memcpy(buf + bl, v[c].p, v[c].n);
            bl += v[c].n;
        }
    }
    if (bl) {
        f->cover.address.value = fx_str(st, buf, bl);
        if (f->cover.address.value) {
            f->cover.address.source = EDGR_FACT_TEXT;
            f->cover.address.offset = fx_offset(d, lines[count - 1]);
        }
    }
}

static void registrant(fx_state *st, const fx_doc *d, size_t i, size_t lo, edgr_facts *f)
{
    fx_cell c[FX_MAX_CELLS];
    int m = fx_cells(d, i, c);
    /* "Exact name of registrant as specified in its charter: NAME" */
    for (int k = 0; k < m; k++) {
        long colon = fx_find(c[k].p, c[k].n, "charter):");
        if (colon < 0) colon = fx_find(c[k].p, c[k].n, "charter:");
        if (colon >= 0) {
            const char *p = memchr(c[k].p + colon, ':', c[k].n - (size_t)colon);
            size_t rest = c[k].n - (size_t)(p - c[k].p) - 1;
            if (rest > 1 && wordy(p + 1, rest)) { set(st, d, &f->cover.registrant, p + 1, rest, i); return; }
        }
    }
    for (int k = 0; k < m; k++) {
        size_t bl;
        if (caption_kind(c[k].p, c[k].n) == L_NAME && before_caption(c[k].p, c[k].n, &bl) &&
            wordy(c[k].p, bl)) {
            set(st, d, &f->cover.registrant, c[k].p, bl, i);
            return;
        }
    }
    long vl = value_line(d, i, -1, lo, i);
    if (vl < 0) return;
    fx_cell v[FX_MAX_CELLS];
    int mv = fx_cells(d, (size_t)vl, v);
    if (!mv) return;
    const char *p = v[0].p;
    size_t n = (size_t)(v[mv - 1].p + v[mv - 1].n - p);
    if (mv == m && m > 1) { /* the name's column of a row of values */
        for (int k = 0; k < m; k++)
            if (caption_kind(c[k].p, c[k].n) == L_NAME) { p = v[k].p; n = v[k].n; }
    }
    if (!wordy(p, n)) return;
    for (size_t j = 0; j < sizeof NOT_A_NAME / sizeof NOT_A_NAME[0]; j++)
        if (fx_find(p, n, NOT_A_NAME[j]) >= 0) return;
    if (memchr(p, ':', n)) return;
    set(st, d, &f->cover.registrant, p, n, (size_t)vl);
}

/* The end of the cover: the first item or part heading, or COVER_LINES. */
static size_t cover_end(const fx_doc *d)
{
    size_t lim = d->nlines < COVER_LINES ? d->nlines : COVER_LINES;
    for (size_t i = 3; i < lim; i++) {
        const char *p = d->t + d->lines[i].start;
        size_t n = d->lines[i].len;
        if (fx_starts(p, n, "item ") && n > 5 && sc_is_digit(p[5])) return i;
        if (fx_starts(p, n, "part i") && (n == 6 || p[6] == ' ' || p[6] == '\t' || p[6] == '.' || p[6] == '-'))
            return i;
    }
    return lim;
}

/* ---- check boxes ---- */

/* The mark of a box whose text is cell k of line i: at the start of the
 * cell, alone in the cell before, or alone on the line above. */
static int box_mark_before(const fx_doc *d, size_t i, const fx_cell *c, int k, int *checked)
{
    if (fx_mark(c[k].p, c[k].n, checked)) return 1;
    if (k > 0 && fx_mark(c[k - 1].p, c[k - 1].n, checked) == c[k - 1].n) return 1;
    if (k == 0 && i > 0) {
        fx_cell v[FX_MAX_CELLS];
        int mv = fx_cells(d, i - 1, v);
        if (mv == 1 && fx_mark(v[0].p, v[0].n, checked) == v[0].n) return 1;
    }
    return 0;
}

static void box(const fx_doc *d, size_t lo, size_t hi, const char *const *keys, edgr_checkbox *b)
{
    for (size_t i = lo; i < hi; i++) {
        fx_cell c[FX_MAX_CELLS];
        int m = fx_cells(d, i, c);
        for (int k = 0; k < m; k++) {
            int hit = 0;
            for (const char *const *key = keys; *key && !hit; key++) hit = fx_find(c[k].p, c[k].n, *key) >= 0;
            if (!hit) continue;
            int checked;
            if (box_mark_before(d, i, c, k, &checked)) {
                b->value = checked;
                b->source = EDGR_FACT_TEXT;
                b->offset = fx_offset(d, i);
            }
            return; /* the first mention is the box; never guess from a later one */
        }
    }
}

/* "Emerging growth company ☐": the mark follows the words (in the cell or
 * the next one) or precedes them. */
static void egc_box(const fx_doc *d, size_t lo, size_t hi, edgr_checkbox *b)
{
    for (size_t i = lo; i < hi; i++) {
        fx_cell c[FX_MAX_CELLS];
        int m = fx_cells(d, i, c);
        for (int k = 0; k < m; k++) {
            static const char egc[] = "emerging growth company";
            long at = fx_find(c[k].p, c[k].n, egc);
            if (at < 0) continue;
            /* the sentences around the box mention it too */
            if (c[k].n > EGC_CELL_MAX || fx_find(c[k].p, c[k].n, "if an") >= 0 || fx_find(c[k].p, c[k].n, "whether") >= 0)
                continue;
            int checked;
            const char *after = c[k].p + at + (sizeof egc - 1);
            size_t an = c[k].n - (size_t)at - (sizeof egc - 1);
            while (an && (*after == ' ' || *after == ':')) { after++; an--; }
            if ((an && fx_mark(after, an, &checked)) ||
                (k + 1 < m && fx_mark(c[k + 1].p, c[k + 1].n, &checked) == c[k + 1].n) ||
                box_mark_before(d, i, c, k, &checked)) {
                b->value = checked;
                b->source = EDGR_FACT_TEXT;
                b->offset = fx_offset(d, i);
            }
            return;
        }
    }
}

/* ---- Section 12(b) table ---- */

static void securities_text(fx_state *st, const fx_doc *d, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++) {
        fx_cell h[FX_MAX_CELLS];
        int m = fx_cells(d, i, h);
        int title = -1, symbol = -1, exch = -1;
        for (int k = 0; k < m; k++) {
            if (title < 0 && fx_find(h[k].p, h[k].n, "title of each class") >= 0) title = k;
            else if (symbol < 0 && fx_find(h[k].p, h[k].n, "symbol") >= 0) symbol = k;
            else if (exch < 0 && fx_find(h[k].p, h[k].n, "exchange") >= 0) exch = k;
        }
        if (title < 0 || exch < 0 || h[title].n > VALUE_CELL_MAX) continue;
        for (size_t j = i + 1, rows = 0; j < hi && rows < SECURITY_ROWS; j++) {
            if (fx_blank(d, j)) {
                if (rows) break;
                continue;
            }
            fx_cell v[FX_MAX_CELLS];
            int mv = fx_cells(d, j, v);
            if (mv < 2) {
                if (rows || (mv == 1 && fx_starts(v[0].p, v[0].n, "none"))) break;
                continue;
            }
            /* the caption row wrapping ("Symbol(s)", "on which registered") */
            if (fx_find(v[mv - 1].p, v[mv - 1].n, "registered") >= 0 || fx_find(v[0].p, v[0].n, "symbol") >= 0)
                continue;
            if (fx_find(v[0].p, v[0].n, "section 12") >= 0 || fx_find(v[0].p, v[0].n, "indicate") >= 0) break;
            const char *t, *sy = NULL, *ex;
            if (mv == m) {
                t = fx_str(st, v[title].p, v[title].n);
                if (symbol >= 0) sy = fx_str(st, v[symbol].p, v[symbol].n);
                ex = fx_str(st, v[exch].p, v[exch].n);
            } else {
                t = fx_str(st, v[0].p, v[0].n);
                if (symbol >= 0 && mv >= 3) sy = fx_str(st, v[1].p, v[1].n);
                ex = fx_str(st, v[mv - 1].p, v[mv - 1].n);
            }
            if (fx_grow(st, (void **)&st->sec, &st->sec_cap, st->sec_n, sizeof *st->sec)) return;
            st->sec[st->sec_n++] = (edgr_security){t, sy, ex, EDGR_FACT_TEXT, fx_offset(d, j)};
            rows++;
        }
        return;
    }
}

/* ---- inline XBRL ---- */

typedef struct ix_ctx {
    char ref[64];
    const char *title, *symbol, *exchange;
    uint64_t offset;
} ix_ctx;

/* Securities of the 12(b) table the cover names: a class of stock, notes,
 * warrants, units, each in its own context; the longest real tables list
 * about twenty. */
enum { IX_MAX_CTX = 32 };
/* dei facts read from one page: a cover has a few dozen, so this bounds
 * the work on generated or nested junk without missing a real one. */
enum { IX_MAX_FACTS = 2000 };
/* The bytes of fact contents read as text, over the page's size: a cover's
 * dei values are short and each is read once, while the contents of nested
 * facts contain each other (see ixbrl). */
enum { IX_READ_PAGES = 4 };
/* ... plus this many bytes, for a page that is little but its facts. */
enum { IX_READ_SLACK = 65536 };
/* A fact's content is at most this long to be read: a value of the cover
 * (a name, an address line, a check box) is short even in the markup of a
 * filing agent; a longer content wraps other facts or a whole block. */
enum { IX_MAX_CONTENT = 16384 };

typedef struct ix_facts {
    edgr_fact name, state, file, irs, line1, line2, line3, city, prov, zip, area, local;
    edgr_checkbox boxes[5];
    ix_ctx ctx[IX_MAX_CTX];
    int nctx;
    size_t read_budget; /* bytes of content still to be read as text */
} ix_facts;

/* The title (0), symbol (1) or exchange (2) of a security. */
static const char **ctx_slot(ix_ctx *c, int which)
{
    return which == 0 ? &c->title : which == 1 ? &c->symbol : &c->exchange;
}

/* The value of attribute `name` inside tag [p, e): its span, or 0. */
static int attr(const char *p, const char *e, const char *name, const char **v, size_t *vn)
{
    size_t nl = strlen(name);
    for (const char *q = p; q + nl < e; q++) {
        if (!(q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n' || q[-1] == '\r')) continue;
        if (!fx_starts(q, (size_t)(e - q), name)) continue;
        const char *r = q + nl;
        while (r < e && (*r == ' ' || *r == '\n' || *r == '\r' || *r == '\t')) r++;
        if (r >= e || *r != '=') continue;
        r++;
        while (r < e && (*r == ' ' || *r == '\n' || *r == '\r' || *r == '\t')) r++;
        if (r >= e) return 0;
        char quote = (*r == '"' || *r == '\'') ? *r++ : 0;
        const char *s = r;
        while (r < e && (quote ? *r != quote : !(*r == ' ' || *r == '>' || *r == '/'))) r++;
        *v = s;
        *vn = (size_t)(r - s);
        return 1;
    }
    return 0;
}

static int bool_value(const char *fmt, size_t fn, const char *v)
{
    if (fmt && fx_find(fmt, fn, "fixed-true") >= 0) return 1;
    if (fmt && fx_find(fmt, fn, "fixed-false") >= 0) return 0;
    if (!v) return -1;
    int checked;
    size_t vn = strlen(v);
    if (fx_mark(v, vn, &checked) == vn) return checked;
    if (fx_starts(v, vn, "true") || fx_starts(v, vn, "yes")) return 1;
    if (fx_starts(v, vn, "false") || fx_starts(v, vn, "no")) return 0;
    return -1;
}

static const char *const BOX_NAMES[5] = {"WrittenCommunications", "SolicitingMaterial",
                                         "PreCommencementTenderOffer",
                                         "PreCommencementIssuerTenderOffer",
                                         "EntityEmergingGrowthCompany"};

static void ix_one(fx_state *st, ix_facts *x, edgr_text *tmp, const edgr_document *doc, const char *name,
                   size_t nn, const char *ref, size_t rn, const char *fmt, size_t fn, const char *content,
                   size_t cn, uint64_t off)
{
    struct { const char *n; edgr_fact *f; } strs[] = {
        {"EntityRegistrantName", &x->name}, {"EntityIncorporationStateCountryCode", &x->state},
        {"EntityFileNumber", &x->file}, {"EntityTaxIdentificationNumber", &x->irs},
        {"EntityAddressAddressLine1", &x->line1}, {"EntityAddressAddressLine2", &x->line2},
        {"EntityAddressAddressLine3", &x->line3}, {"EntityAddressCityOrTown", &x->city},
        {"EntityAddressStateOrProvince", &x->prov}, {"EntityAddressPostalZipCode", &x->zip},
        {"CityAreaCode", &x->area}, {"LocalPhoneNumber", &x->local},
    };
    edgr_fact *target = NULL;
    int boxi = -1, seci = -1;
    for (size_t i = 0; i < sizeof strs / sizeof strs[0] && !target; i++)
        if (nn == strlen(strs[i].n) && fx_starts(name, nn, strs[i].n)) target = strs[i].f;
    for (int i = 0; i < 5 && !target && boxi < 0; i++)
        if (nn == strlen(BOX_NAMES[i]) && fx_starts(name, nn, BOX_NAMES[i])) boxi = i;
    if (!target && boxi < 0) {
        if (nn == strlen("Security12bTitle") && fx_starts(name, nn, "Security12bTitle")) seci = 0;
        else if (nn == strlen("TradingSymbol") && fx_starts(name, nn, "TradingSymbol")) seci = 1;
        else if (nn == strlen("SecurityExchangeName") && fx_starts(name, nn, "SecurityExchangeName")) seci = 2;
        else return;
    }
    if (target && target->value) return;
    if (boxi >= 0 && x->boxes[boxi].value >= 0) return;
    /* a security's context, and whether its slot is still free: asked
     * before the content is read, which is the costly part */
    int c = 0;
    if (seci >= 0) {
        while (c < x->nctx && !(strlen(x->ctx[c].ref) == rn && !memcmp(x->ctx[c].ref, ref, rn))) c++;
        if (c == x->nctx && (x->nctx == IX_MAX_CTX || rn >= sizeof x->ctx[0].ref)) return;
        if (c < x->nctx && *ctx_slot(&x->ctx[c], seci)) return;
    }
    /* the content is HTML: read it as text, if short enough to be a value
     * and within the page's budget */
    if (cn > IX_MAX_CONTENT) return;
    if (cn > x->read_budget) { x->read_budget = 0; return; }
    x->read_budget -= cn;
    const char *v = NULL;
    st->ix_work += cn;
    edgr_status ts = edgr_html_to_text(content, cn, doc->charset, NULL, tmp);
    if (ts == EDGR_ERR_NOMEM) st->nomem = 1;
    if (ts == EDGR_OK) v = fx_str(st, tmp->data, tmp->len);
    if (target) {
        if (v) *target = (edgr_fact){v, EDGR_FACT_IXBRL, off};
        return;
    }
    if (boxi >= 0) {
        int b = bool_value(fmt, fn, v);
        if (b >= 0) x->boxes[boxi] = (edgr_checkbox){b, EDGR_FACT_IXBRL, off};
        return;
    }
    if (!v) return;
    if (c == x->nctx) {
        memset(&x->ctx[c], 0, sizeof x->ctx[c]);
        memcpy(x->ctx[c].ref, ref, rn);
        x->ctx[c].offset = off;
        x->nctx++;
    }
    *ctx_slot(&x->ctx[c], seci) = v;
}

/* A dei: fact of the page in the order its open tag comes, with its
 * content [c, ce) once its close tag is seen (ce NULL until then). */
typedef struct ix_open {
    const char *lt, *c, *ce;
    const char *name, *ref, *fmt;
    size_t nn, rn, fn;
} ix_open;

/* The facts still open, innermost last, each with the nesting depth of its
 * content: its close tag is the first one seen at that depth. */
typedef struct ix_nest {
    size_t fact;
    long depth;
} ix_nest;

/* One pass over the main document's HTML for <ix:nonNumeric name="dei:...">
 * facts.  Facts nest, so a fact's content runs to the close tag that
 * matches its open tag: every open tag seen counts one level deeper, every
 * close tag one level out, and the facts still open are a stack that a
 * close tag at their depth ends.  The facts are then read in the order they
 * open (the first of each name wins), up to the first that never closes.
 * Each byte of the page is visited once, and the contents read as text are
 * short (IX_MAX_CONTENT) and held to IX_READ_PAGES times the page in all
 * (ix_one): 2,000 nested facts cost what 2,000 facts side by side do. */
static void ixbrl(fx_state *st, const edgr_document *doc, ix_facts *x)
{
    const char *p = doc->body.ptr, *e = p + doc->body.len;
    if (!p) return;
    st->ix_work += (uint64_t)(e - p);
    ix_open *facts = NULL;
    ix_nest *open = NULL;
    size_t nfacts = 0, cap_facts = 0, nopen = 0, cap_open = 0;
    long depth = 0;            /* open tags seen less close tags         */
    int budget = IX_MAX_FACTS; /* dei facts read; later ones are not     */
    int reading = 1;           /* 0: no later fact opens                  */
    const char *resume = p;    /* the next fact's open tag starts here on */
    size_t pending = SIZE_MAX; /* a fact whose open tag ends at `resume` */
    for (const char *lt; p < e && (lt = memchr(p, '<', (size_t)(e - p))) != NULL; p = lt + 1) {
        const char *r = lt + 1;
        if (pending != SIZE_MAX && lt > resume) { /* its content starts */
            if (fx_grow(st, (void **)&open, &cap_open, nopen, sizeof *open)) break;
            open[nopen++] = (ix_nest){pending, depth};
            pending = SIZE_MAX;
        }
        if (fx_starts(r, (size_t)(e - r), "/ix:nonnumeric")) {
            while (nopen && open[nopen - 1].depth == depth) facts[open[--nopen].fact].ce = lt;
            depth--;
            continue;
        }
        if (!fx_starts(r, (size_t)(e - r), "ix:nonnumeric")) continue;
        depth++;
        if (!reading || lt < resume) continue; /* inside the open tag of a fact */
        const char *te = memchr(r, '>', (size_t)(e - r));
        if (!te) { reading = 0; continue; }
        resume = te;
        const char *name;
        size_t nn;
        if (!attr(r, te, "name", &name, &nn) || nn < 5 || !fx_starts(name, nn, "dei:")) continue;
        if (--budget < 0) { reading = 0; continue; }
        if (fx_grow(st, (void **)&facts, &cap_facts, nfacts, sizeof *facts)) break;
        ix_open *f = &facts[nfacts];
        *f = (ix_open){.lt = lt, .c = te + 1, .name = name + 4, .nn = nn - 4, .ref = ""};
        attr(r, te, "contextref", &f->ref, &f->rn);
        attr(r, te, "format", &f->fmt, &f->fn);
        if (te[-1] == '/') f->c = f->ce = te; /* <ix:nonNumeric .../>: no content */
        else pending = nfacts;
        nfacts++;
    }
    edgr_text tmp = {0};
    for (size_t i = 0; i < nfacts && !st->nomem; i++) {
        const ix_open *f = &facts[i];
        if (!f->ce) break; /* never closes: it and the facts after it are unread */
        ix_one(st, x, &tmp, doc, f->name, f->nn, f->ref, f->rn, f->fmt, f->fn, f->c, (size_t)(f->ce - f->c),
               doc->body_offset + (uint64_t)(f->lt - doc->body.ptr));
    }
    edgr_text_free(&tmp);
    free(facts);
    free(open);
}

static void ix_apply(fx_state *st, ix_facts *x, edgr_facts *f)
{
    edgr_cover *cv = &f->cover;
    if (x->name.value) cv->registrant = x->name;
    if (x->state.value) cv->incorporation = x->state;
    if (x->file.value) cv->file_number = x->file;
    if (x->irs.value) cv->irs_number = x->irs;
    if (x->line1.value || x->city.value) {
        char buf[ADDRESS_MAX];
        size_t bl = 0;
        const edgr_fact *parts[] = {&x->line1, &x->line2, &x->line3, &x->city, &x->prov, &x->zip};
        for (size_t i = 0; i < 6; i++) {
            const char *v = parts[i]->value;
            if (!v) continue;
            const char *sep = !bl ? "" : i == 5 ? " " : ", ";
            size_t vl = strlen(v), sl = strlen(sep);
            if (bl + sl + vl >= sizeof buf) break;
            memcpy(buf + bl, sep, sl);
            memcpy(buf + bl + sl, v, vl);
            bl += sl + vl;
        }
        const edgr_fact *first = x->line1.value ? &x->line1 : &x->city;
        cv->address = (edgr_fact){fx_str(st, buf, bl), EDGR_FACT_IXBRL, first->offset};
    }
    if (x->local.value) {
        char buf[PHONE_MAX];
        const char *a = x->area.value;
        size_t al = a ? strlen(a) : 0;
        int paren = al == 3 && sc_is_digit(a[0]) && sc_is_digit(a[1]) && sc_is_digit(a[2]);
        int n = a ? snprintf(buf, sizeof buf, paren ? "(%s) %s" : "%s %s", a, x->local.value)
                  : snprintf(buf, sizeof buf, "%s", x->local.value);
        if (n > 0)
            cv->phone = (edgr_fact){fx_str(st, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1),
                                    EDGR_FACT_IXBRL, a ? x->area.offset : x->local.offset};
    }
    edgr_checkbox *boxes[5] = {&cv->written_communications, &cv->soliciting_material,
                               &cv->pre_commencement_tender_offer, &cv->pre_commencement_issuer_tender_offer,
                               &cv->emerging_growth_company};
    for (int i = 0; i < 5; i++)
        if (x->boxes[i].value >= 0) *boxes[i] = x->boxes[i];
    int any = 0;
    for (int c = 0; c < x->nctx; c++) any |= x->ctx[c].title != NULL;
    if (any) { /* XBRL's table replaces the text's */
        st->sec_n = 0;
        for (int c = 0; c < x->nctx; c++) {
            if (!x->ctx[c].title) continue;
            if (fx_grow(st, (void **)&st->sec, &st->sec_cap, st->sec_n, sizeof *st->sec)) return;
            st->sec[st->sec_n++] = (edgr_security){x->ctx[c].title, x->ctx[c].symbol, x->ctx[c].exchange,
                                                   EDGR_FACT_IXBRL, x->ctx[c].offset};
        }
    }
}

/* ---- the SEC header, last ---- */

static void from_header(fx_state *st, const edgr_submission *s, edgr_fact *f, const char *path, int irs)
{
    if (f->value || !s) return;
    long node = edgr_find(s, path);
    if (node < 0) return;
    edgr_span v = s->nodes[node].value;
    if (!v.ptr || !v.len) return;
    char buf[16];
    if (irs && v.len == 9) { /* 043321804 as written on covers: 04-3321804 */
        memcpy(buf, v.ptr, 2);
        buf[2] = '-';
        memcpy(buf + 3, v.ptr + 2, 7);
        f->value = fx_str(st, buf, 10);
    } else {
        f->value = fx_str(st, v.ptr, v.len);
    }
    if (f->value) {
        f->source = EDGR_FACT_HEADER;
        f->offset = s->nodes[node].offset;
    }
}

/* The state of incorporation for the caption in cell k of line i: before
 * the caption in its cell, in the same column above or below, or a
 * jurisdiction anywhere in the line above or below. */
static void incorporation(fx_state *st, const fx_doc *d, size_t i, const fx_cell *c, int k, int m, size_t lo,
                          size_t hi, edgr_cover *cv)
{
    size_t bl;
    if (before_caption(c[k].p, c[k].n, &bl) && jurisdiction(c[k].p, bl))
        set(st, d, &cv->incorporation, c[k].p, bl, i);
    for (int dir = -1; dir <= 1 && !cv->incorporation.value; dir += 2) {
        long vl = value_line(d, i, dir, lo, hi);
        if (vl < 0) continue;
        fx_cell w[FX_MAX_CELLS];
        int mv = fx_cells(d, (size_t)vl, w);
        if (mv == m && wordy(w[k].p, w[k].n) && w[k].n < VALUE_CELL_MAX && (jurisdiction(w[k].p, w[k].n) || m > 1)) {
            set(st, d, &cv->incorporation, w[k].p, w[k].n, (size_t)vl);
            continue;
        }
        for (int j = 0; j < mv; j++)
            if (w[j].n < VALUE_CELL_MAX && jurisdiction(w[j].p, w[j].n) && wordy(w[j].p, w[j].n)) {
                set(st, d, &cv->incorporation, w[j].p, w[j].n, (size_t)vl);
                break;
            }
    }
}

/* The cover's text, line by line: each caption cell calls for its value. */
static void captions(fx_state *st, const fx_doc *d, size_t lo, size_t hi, edgr_facts *f)
{
    edgr_cover *cv = &f->cover;
    for (size_t i = lo; i < hi; i++) {
        fx_cell c[FX_MAX_CELLS];
        int m = fx_cells(d, i, c);
        int zipk = -1;
        for (int k = 0; k < m; k++)
            if (caption_kind(c[k].p, c[k].n) == L_ZIP) zipk = k;
        for (int k = 0; k < m; k++) {
            found v;
            switch (caption_kind(c[k].p, c[k].n)) {
            case L_NAME:
                if (!cv->registrant.value) registrant(st, d, i, lo, f);
                break;
            case L_FILE:
                if (!cv->file_number.value && shaped(d, i, k, lo, hi, file_number_at, &v))
                    set(st, d, &cv->file_number, v.p, v.n, v.line);
                break;
            case L_IRS:
                if (!cv->irs_number.value && shaped(d, i, k, lo, hi, irs_at, &v))
                    set(st, d, &cv->irs_number, v.p, v.n, v.line);
                break;
            case L_PHONE:
                if (!cv->phone.value && shaped(d, i, k, lo, hi, fx_phone_at, &v))
                    set(st, d, &cv->phone, v.p, v.n, v.line);
                break;
            case L_ADDR:
                if (!cv->address.value) address(st, d, i, k, m, zipk, f);
                break;
            case L_STATE:
                if (!cv->incorporation.value) incorporation(st, d, i, c, k, m, lo, hi, cv);
                break;
            default:
                break;
            }
        }
    }
}

/* The check boxes of an 8-K's cover (Rules 425, 14a-12, 14d-2(b),
 * 13e-4(c)) and the emerging growth company box. */
static void boxes(const fx_doc *d, size_t lo, size_t hi, edgr_cover *cv)
{
    static const char *const k425[] = {"Rule 425", "230.425", NULL};
    static const char *const k14a[] = {"Rule 14a-12", "240.14a-12", NULL};
    static const char *const k14d[] = {"14d-2(b)", "14d-2 (b)", NULL};
    static const char *const k13e[] = {"13e-4(c)", "13e-4 (c)", NULL};
    box(d, lo, hi, k425, &cv->written_communications);
    box(d, lo, hi, k14a, &cv->soliciting_material);
    box(d, lo, hi, k14d, &cv->pre_commencement_tender_offer);
    box(d, lo, hi, k13e, &cv->pre_commencement_issuer_tender_offer);
    egc_box(d, lo, hi, &cv->emerging_growth_company);
}

/* The inline XBRL dei: facts of an HTML main document, read before its
 * text is made (so that the page can go as the text is made: the facts
 * keep copies); fx_cover puts them over the text's. */
void fx_inline_xbrl_read(fx_state *st, const edgr_document *main)
{
    free(st->ix);
    st->ix = NULL;
    if (!main || main->format != EDGR_FMT_HTML) return;
    ix_facts *x = calloc(1, sizeof *x);
    if (!x) { st->nomem = 1; return; }
    for (int i = 0; i < 5; i++) x->boxes[i].value = -1;
    x->read_budget = IX_READ_PAGES * main->body.len + IX_READ_SLACK;
    ixbrl(st, main, x);
    st->ix = x;
}

void fx_cover(fx_state *st, const fx_doc *d, const edgr_document *main, const edgr_submission *s,
              edgr_facts *f)
{
    size_t lo = 0, hi = cover_end(d);
    edgr_cover *cv = &f->cover;
    captions(st, d, lo, hi, f);
    boxes(d, lo, hi, cv);
    securities_text(st, d, lo, hi);
    (void)main;
    if (st->ix) {
        ix_apply(st, st->ix, f);
        free(st->ix);
        st->ix = NULL;
        if (st->nomem) return;
    }
    from_header(st, s, &cv->registrant, "filer.0.company_data.conformed_name", 0);
    from_header(st, s, &cv->file_number, "filer.0.filing_values.file_number", 0);
    from_header(st, s, &cv->irs_number, "filer.0.company_data.irs_number", 1);
    from_header(st, s, &cv->incorporation, "filer.0.company_data.state_of_incorporation", 0);
}
