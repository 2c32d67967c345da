/*
 * The readers the item segmenter's two paths share (items_kit.h): items.c,
 * which finds items by their headings, and xref.c, which finds them by a
 * 10-K's cross-reference index.  Both read a line table with these, so they
 * agree on what a blank, an item code, a Part heading, a page number or a
 * signature block is, and trim and place bodies the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "items_kit.h"
#include "scan.h"

/* A Part heading ("Part I - Financial Information") is at most this long;
 * a longer line that opens "Part II" is prose. */
enum { PART_HEADING_MAX = 100 };
/* A page number ("F-12", "xiv", "123"), once "Page " and dashes are off, is
 * at most this long, and its digits at most this many. */
enum { PAGE_TOKEN_MAX = 8, PAGE_DIGITS_MAX = 3 };

/* Width of a blank at p: ASCII blanks, and the Unicode spaces and
 * invisible characters HTML filings put in headings (no-break, thin and
 * zero-width spaces, BOM).  0 if none. */
size_t items_blank_at(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    /* '\n' only inside a heading joined from two lines (lone_heading_word) */
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') return 1;
    if (c == 0xC2 && end - p >= 2 && (unsigned char)p[1] == 0xA0) return 2;
    if (c == 0xE2 && end - p >= 3 && (unsigned char)p[1] == 0x80) {
        unsigned char d = (unsigned char)p[2];
        if (d <= 0x8B || d == 0xAF) return 3;         /* U+2000-U+200B, U+202F */
    }
    if (c == 0xEF && end - p >= 3 && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) return 3;
    return 0;
}

size_t items_skip_blanks(const char *s, size_t i, size_t e)
{
    size_t k;
    while (i < e && (k = items_blank_at(s + i, s + e))) i += k;
    return i;
}

/* The Regulation AB items an asset-backed issuer's 10-K gives in place of
 * Items 1-14 (General Instruction J), with the key that puts each where
 * the instruction places it: 1112(b)-1117 after Item 4 in Part I, 1119-1123
 * after Item 14 in Part III. */
static const struct { int number, key; } REG_AB[] = {
    {1112, 45}, {1114, 46}, {1115, 47}, {1117, 48}, {1119, 145}, {1122, 146}, {1123, 147},
};

/* "1112(b)", "1114(b)(2)": a Regulation AB item with its paragraph, or -1. */
static int reg_ab_code(const char *s, size_t *pos, size_t end, char code[16])
{
    size_t i = *pos;
    uint64_t u;
    if (sc_parse_uint(s + i, end - i, 4, UINT64_MAX, &u) != 4) return -1;
    int num = (int)u;
    i += 4;
    if (i < end && sc_is_digit((unsigned char)s[i])) return -1;
    int key = -1;
    for (size_t k = 0; k < sizeof REG_AB / sizeof REG_AB[0]; k++)
        if (REG_AB[k].number == num) key = REG_AB[k].key;
    if (key < 0) return -1;
    /* up to two paragraph marks: "(b)", "(2)" */
    for (int m = 0; m < 2 && i + 2 < end && s[i] == '(' && sc_is_alnum((unsigned char)s[i + 1]) && s[i + 2] == ')'; m++)
        i += 3;
    size_t n = i - *pos;
    memcpy(code, s + *pos, n); /* at most 4 + 6 bytes */
    code[n] = '\0';
    *pos = i;
    return key;
}

/* Parse an item code at s[*pos..end): "1A", "7.01", "9A(T)", "5".  Returns
 * the key in the form's order (see above; 8-K: 7.01 = 701, legacy 5 = 5),
 * or -1.  Sets *pos past the code and writes the code text. */
int items_parse_code(const char *s, size_t *pos, size_t end, edgr_form_kind kind, int legacy, char code[16])
{
    size_t i = *pos;
    if (kind == EDGR_FORM_10K && i + 3 < end && s[i] == '1' && s[i + 1] == '1' && sc_is_digit((unsigned char)s[i + 2]) &&
        sc_is_digit((unsigned char)s[i + 3]))
        return reg_ab_code(s, pos, end, code);
    uint64_t u;
    int digits = (int)sc_parse_uint(s + i, end > i ? end - i : 0, 3, UINT64_MAX, &u);
    int num = (int)u;
    i += (size_t)digits;
    if (!digits || (i < end && sc_is_digit((unsigned char)s[i]))) return -1;
    int key = -1;
    size_t n = 0;
    if (kind == EDGR_FORM_8K) {
        if (!legacy && i + 2 < end && s[i] == '.' && sc_is_digit((unsigned char)s[i + 1]) &&
            sc_is_digit((unsigned char)s[i + 2]) && !(i + 3 < end && sc_is_digit((unsigned char)s[i + 3]))) {
            int minor = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            if (num < 1 || num > 9 || minor < 1 || minor > 9) return -1;
            key = num * 100 + minor;
            memcpy(code, s + *pos, 4);
            n = 4;
            i += 3;
        } else if (legacy) {
            if (num < 1 || num > 13) return -1;
            if (i + 1 < end && s[i] == '.' && sc_is_digit((unsigned char)s[i + 1])) return -1;
            key = num;
            n = (size_t)digits;
            memcpy(code, s + *pos, n);
        } else return -1;
    } else {
        int letter = 0;
        if (i < end && ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'd') &&
            !(i + 1 < end && ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z'))) {
            letter = (s[i] | 32) - 'a' + 1;
            i++;
        }
        if (i + 2 < end && s[i] == '(' && (s[i + 1] | 32) == 't' && s[i + 2] == ')') i += 3; /* 9A(T) */
        if (num < 1 || (kind == EDGR_FORM_10K && num > 16) || (kind == EDGR_FORM_10Q && num > 6)) return -1;
        if (i < end && s[i] == '.' && i + 1 < end && sc_is_digit((unsigned char)s[i + 1])) return -1;
        key = num * 10 + letter;
        n = (size_t)digits;
        memcpy(code, s + *pos, n);
        if (letter) code[n++] = (char)('A' + letter - 1);
    }
    code[n] = '\0';
    *pos = i;
    return key;
}

int items_part_of_10k(int key)
{
    int num = key / 10;
    return num <= 4 ? 1 : num <= 9 ? 2 : num <= 14 ? 3 : 4;
}

/* "PART II", "Part I - Financial Information", "PART IV." -> 1..4, else 0. */
int items_part_heading(const char *s, size_t b, size_t e)
{
    if (e - b < 6 || e - b > PART_HEADING_MAX || !sc_eq_upper(s + b, 4, "PART")) return 0;
    size_t i = b + 4;
    if (i >= e || (!sc_is_blank((unsigned char)s[i]) && s[i] != '\n')) return 0;
    while (i < e && (sc_is_blank((unsigned char)s[i]) || s[i] == '\n')) i++;
    size_t r = i;
    while (i < e && (s[i] == 'I' || s[i] == 'V')) i++;
    if (i == r || (i < e && sc_is_alnum((unsigned char)s[i]))) return 0;
    size_t n = i - r;
    int part = 0;
    if (n == 1 && s[r] == 'I') part = 1;
    else if (n == 2 && s[r] == 'I' && s[r + 1] == 'I') part = 2;
    else if (n == 3 && memcmp(s + r, "III", 3) == 0) part = 3;
    else if (n == 2 && s[r] == 'I' && s[r + 1] == 'V') part = 4;
    if (!part) return 0;
    /* The numeral stands alone or is followed by a title or a dash, colon
     * or full stop.  "Part II, Item 8 of this report" and "Part II of the
     * Form" are prose that happens to open a line. */
    i = items_skip_blanks(s, i, e);
    if (i < e && (s[i] == ',' || s[i] == ';' || (s[i] >= 'a' && s[i] <= 'z'))) return 0;
    return part;
}

/* "SIGNATURE", "SIGNATURES", "Signatures:" or "POWER OF ATTORNEY" alone
 * on a line: what follows the last item. */
int items_signature_heading(const char *s, size_t b, size_t e)
{
    while (e > b && (s[e - 1] == ':' || s[e - 1] == '.')) e--;
    return (e - b == 9 && sc_eq_upper(s + b, 9, "SIGNATURE")) ||
           (e - b == 10 && sc_eq_upper(s + b, 10, "SIGNATURES")) ||
           (e - b == 17 && sc_eq_upper(s + b, 17, "POWER OF ATTORNEY"));
}

/* A page number, alone or closing a line after a gap: "12", "F-3", "ii",
 * "Page 4", "- 7 -".  Used for page furniture and table-of-contents rows. */
int items_page_token(const char *s, size_t b, size_t e)
{
    while (b < e && (s[b] == '-' || s[b] == '(' || sc_is_blank((unsigned char)s[b]))) b++;
    while (e > b && (s[e - 1] == '-' || s[e - 1] == ')' || s[e - 1] == '.' || sc_is_blank((unsigned char)s[e - 1]))) e--;
    {   /* "1 of 2" */
        size_t i = b;
        while (i < e && sc_is_digit((unsigned char)s[i])) i++;
        if (i > b && i - b <= 3 && e - i >= 4 && e - i <= 7 && sc_starts_upper(s + i, e - i, " OF ")) {
            size_t k = i + 4;
            while (k < e && sc_is_digit((unsigned char)s[k])) k++;
            if (k == e) return 1;
        }
    }
    if (e - b > 5 && sc_eq_upper(s + b, 5, "PAGE ")) b += 5;
    if (b >= e || e - b > PAGE_TOKEN_MAX) return 0;
    size_t i = b;
    if (i + 1 < e && sc_is_alpha((unsigned char)s[i]) && s[i + 1] == '-') i += 2;
    size_t d = i;
    while (i < e && sc_is_digit((unsigned char)s[i])) i++;
    if (i == e && i > d && i - d <= PAGE_DIGITS_MAX) return 1;
    if (i > d) return 0;
    for (i = b; i < e; i++)
        if (!strchr("ivxIVX", s[i])) return 0;
    return e - b <= 5;
}

/* Trim furniture and blank lines from both ends of [b, e) (text offsets),
 * using the line table. */
void items_trim_body(const seg *g, size_t *pb, size_t *pe)
{
    size_t b = *pb, e = *pe;
    /* line index of b: first line with start >= b, or containing b */
    size_t lo = 0, hi = g->nlines;
    while (lo < hi) { size_t m = (lo + hi) / 2; if (g->lines[m].end < b) lo = m + 1; else hi = m; }
    for (size_t i = lo; i < g->nlines && g->lines[i].start < e; i++) {
        const tline *l = &g->lines[i];
        size_t ls = l->start > b ? l->start : b;
        if (l->end <= ls) continue;                 /* blank (or consumed) */
        if (g->furniture[i] && ls == l->start) continue;
        b = ls;
        break;
    }
    lo = 0, hi = g->nlines;
    while (lo < hi) { size_t m = (lo + hi) / 2; if (g->lines[m].start < e) lo = m + 1; else hi = m; }
    for (size_t i = lo; i-- > 0;) {
        const tline *l = &g->lines[i];
        if (l->end <= b) { e = b; break; }
        if (l->start >= e || l->end == l->start) continue;
        if (g->furniture[i] && l->start >= b) continue;
        e = l->end < e ? l->end : e;
        break;
    }
    if (e < b) e = b;
    *pb = b;
    *pe = e;
}

int items_push(edgr_items *out, const edgr_item *it)
{
    if (arr_reserve(&out->items, &out->cap, out->count + 1, sizeof *out->items, 0)) return -1;
    out->items[out->count++] = *it;
    return 0;
}

/* The source offset just past the text that ends at `pos`: where the next
 * line comes from, or the end of the source. */
uint64_t items_source_after(const seg *g, const edgr_text *t, size_t pos)
{
    size_t lo = 0, hi = g->nlines;
    while (lo < hi) { size_t m = (lo + hi) / 2; if (g->lines[m].end < pos) lo = m + 1; else hi = m; }
    for (size_t i = lo + 1; i < g->nlines; i++)
        if (g->lines[i].start >= pos && g->lines[i].end > g->lines[i].start)
            return edgr_text_source_offset(t, g->lines[i].start);
    return t->src_end;
}

