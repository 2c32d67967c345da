/* Exhibits: the EX-* documents of a submission and the exhibit table of its
 * main document, matched by number.
 *
 * The table is an 8-K's Item 9.01 "(d) Exhibits" list or a 10-K's exhibit
 * index: rows whose first cell is an exhibit number ("99.1", "10.2*",
 * "Exhibit 31.1", "101.INS") followed by a description.  Rows are only taken
 * after a caption that announces them ("Exhibit No.", "EXHIBIT INDEX", "(d)
 * Exhibits", "Item 9.01") so that numbered paragraphs elsewhere are not
 * mistaken for exhibits. */
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "facts_int.h"

/* The length of an exhibit number at the start of p: 1-3 digits, then up to
 * two ".digits" or ".LETTERS" parts, perhaps a letter ("10.1a"), perhaps
 * followed by footnote marks (cut).  0 if there is none, or if more text
 * follows without a space. */
static size_t exhibit_number(const char *p, size_t n, size_t *marks_end)
{
    size_t i = 0;
    while (i < n && sc_is_digit(p[i])) i++;
    if (i == 0 || i > 3) return 0;
    for (int parts = 0; parts < 2 && i + 1 < n && p[i] == '.'; parts++) {
        size_t j = i + 1;
        if (sc_is_digit(p[j])) while (j < n && sc_is_digit(p[j]) && j - i <= 4) j++;
        else while (j < n && sc_is_upper(p[j]) && j - i <= 4) j++;
        if (j == i + 1 || j - i > 4) break;
        i = j;
    }
    if (i < n && sc_is_alpha(p[i]) && (i + 1 == n || !sc_is_alpha(p[i + 1]))) i++; /* 10.1a, 3(i) is not */
    size_t num = i;
    /* footnote marks: * † ‡ # + ^ (and a trailing period: "99.1.") */
    for (;;) {
        if (i < n && (p[i] == '*' || p[i] == '#' || p[i] == '+' || p[i] == '^' || p[i] == '.' ||
                      p[i] == ')')) { i++; continue; }
        if (i + 3 <= n && !memcmp(p + i, "\xE2\x80", 2) && ((unsigned char)p[i + 2] == 0xA0 ||
                                                          (unsigned char)p[i + 2] == 0xA1)) { i += 3; continue; }
        break;
    }
    if (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '-' && p[i] != ':') return 0;
    *marks_end = i;
    return num;
}

/* The comparable form of a number: upper case, leading zeros of each part
 * dropped ("99.01" and "EX-99.1" are both "99.1"). */
static void norm(const char *p, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    if (n > 3 && (p[0] == 'E' || p[0] == 'e') && (p[1] == 'X' || p[1] == 'x') && p[2] == '-') { p += 3; n -= 3; }
    int part_start = 1;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = p[i];
        if (part_start && c == '0' && i + 1 < n && sc_is_digit(p[i + 1])) continue;
        part_start = c == '.';
        out[k++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    out[k] = 0;
}

/* A caption that starts an exhibit table. */
static int caption(const char *p, size_t n)
{
    if (fx_starts(p, n, "item 9.01") || fx_starts(p, n, "item 7.") || fx_find(p, n, "(d) exhibits") >= 0 ||
        fx_starts(p, n, "(c) exhibits"))
        return 1;
    if (n > 60) return 0;
    long at = fx_find(p, n, "exhibit");
    if (at < 0) return 0;
    return fx_find(p, n, "index") >= 0 || fx_find(p, n, "no") >= 0 || fx_find(p, n, "number") >= 0 ||
           fx_find(p, n, "description") >= 0 || fx_find(p, n, "exhibits") >= 0;
}

static void add_entry(fx_state *st, const fx_doc *d, size_t line, const char *num, size_t nn,
                      const char *title, size_t tn)
{
    char key[32], other[32];
    norm(num, nn, key, sizeof key);
    for (size_t i = 0; i < st->xe_n; i++) { /* an 8-K may list its exhibits twice */
        norm(st->xe[i].number, strlen(st->xe[i].number), other, sizeof other);
        if (!strcmp(key, other)) return;
    }
    if (fx_grow(st, (void **)&st->xe, &st->xe_cap, st->xe_n, sizeof *st->xe)) return;
    const char *t = title ? fx_str(st, title, tn) : NULL;
    const char *nm = fx_str(st, num, nn);
    if (!nm) return;
    st->xe[st->xe_n++] = (edgr_exhibit_entry){nm, t, fx_offset(d, line), -1};
}

/* Whether a line may hold a caption: every caption has "exhibit" or "item"
 * in it, in any case.  One pass over the bytes, so the lines of a long
 * document outside any exhibit list are not cut into cells (that was half
 * the time of edgr facts). */
static int may_caption(const char *p, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        unsigned char c = (unsigned char)p[i] | 0x20;
        if (c == 'x' && i > 0 && ((unsigned char)p[i - 1] | 0x20) == 'e') return 1;
        if (c == 'i' && ((unsigned char)p[i + 1] | 0x20) == 't' && ((unsigned char)p[i + 2] | 0x20) == 'e' &&
            ((unsigned char)p[i + 3] | 0x20) == 'm')
            return 1;
    }
    return 0;
}

static void index_rows(fx_state *st, const fx_doc *d)
{
    size_t zone = 0; /* lines left in which a row counts */
    for (size_t i = 0; i < d->nlines && st->xe_n < 2000; i++) {
        /* outside a zone a line counts only as a caption */
        if (!zone && !may_caption(d->t + d->lines[i].start, d->lines[i].len)) continue;
        fx_cell c[FX_MAX_CELLS];
        int m = fx_cells(d, i, c);
        if (!m) continue;
        const char *p = c[0].p;
        size_t n = c[0].n;
        if (fx_starts(p, n, "signature") && n < 12) { zone = 0; continue; }
        if (fx_starts(p, n, "exhibit ") && n > 8 && sc_is_digit(p[8])) { p += 8; n -= 8; }
        else if (fx_starts(p, n, "ex. ") && n > 4 && sc_is_digit(p[4])) { p += 4; n -= 4; }
        size_t me, num = zone ? exhibit_number(p, n, &me) : 0;
        if (num) {
            const char *t = NULL;
            size_t tn = 0;
            if (me < n) { /* "99.1 Press release ..." in one cell */
                t = p + me;
                tn = n - me;
                while (tn && (*t == ' ' || *t == '-' || *t == ':' || *t == '\t')) { t++; tn--; }
                if (tn > 2 && !memcmp(t, "\xE2\x80\x94", 3)) { t += 3; tn -= 3; } /* em dash */
            } else if (m > 1) {
                t = c[1].p;
                tn = c[1].n;
            }
            int letters = 0;
            for (size_t j = 0; j < tn && !letters; j++) letters = sc_is_alpha(t[j]);
            if (letters) { /* a number alone is a page number more often than not */
                add_entry(st, d, i, p, num, t, tn);
                zone = 60;
                continue;
            }
        }
        for (int k = 0; k < m; k++)
            if (caption(c[k].p, c[k].n)) { zone = 60; break; }
        if (zone) zone--;
    }
}

void fx_exhibits(fx_state *st, const fx_doc *d, const edgr_document *docs, size_t doc_count,
                 edgr_facts *f)
{
    (void)f;
    for (size_t i = 0; i < doc_count; i++) {
        const edgr_document *dc = &docs[i];
        if (dc->type.len < 4 || !fx_starts(dc->type.ptr, dc->type.len, "ex-")) continue;
        if (fx_grow(st, (void **)&st->xd, &st->xd_cap, st->xd_n, sizeof *st->xd)) return;
        st->xd[st->xd_n++] = (edgr_exhibit_doc){
            .doc = i,
            .sequence = dc->sequence,
            .type = fx_str(st, dc->type.ptr, dc->type.len),
            .number = fx_str(st, dc->type.ptr + 3, dc->type.len - 3),
            .description = fx_str(st, dc->description.ptr, dc->description.len),
            .filename = fx_str(st, dc->filename.ptr, dc->filename.len),
            .listed = -1,
        };
    }
    index_rows(st, d);
    /* match: exact numbers first, then "EX-101.INS" to a row "101" */
    char a[32], b[32];
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < st->xd_n; i++) {
            edgr_exhibit_doc *x = &st->xd[i];
            if (x->listed >= 0 || !x->number) continue;
            norm(x->number, strlen(x->number), a, sizeof a);
            if (pass == 1) {
                char *dot = strchr(a, '.');
                if (!dot || !sc_is_alpha(dot[1])) continue;
                *dot = 0;
            }
            for (size_t j = 0; j < st->xe_n; j++) {
                norm(st->xe[j].number, strlen(st->xe[j].number), b, sizeof b);
                if (strcmp(a, b)) continue;
                if (pass == 0 && st->xe[j].exhibit_doc >= 0) continue;
                x->listed = (long)j;
                if (st->xe[j].exhibit_doc < 0) st->xe[j].exhibit_doc = (long)i;
                break;
            }
        }
    }
}
