/* The signature block: who signed, as what, when.
 *
 * Two layouts cover nearly every filing.  An 8-K's block is a column of
 * labelled lines ("By: /s/ Name", "Name: ...", "Title: ...", "Date: ...");
 * a 10-K adds a table of signers, one row each ("/s/ Name | Title | Date"),
 * often with the printed name on the row below.  Both are read from the last
 * SIGNATURE(S) heading that has a conformed signature ("/s/") after it. */
#include <stdlib.h>
#include <string.h>

#include "facts_int.h"

enum { MAX_SIGNERS = 200, BLOCK_LINES = 400 };

static int heading(const char *p, size_t n)
{
    while (n && (*p == ' ' || *p == '\t')) { p++; n--; } /* centred in text documents */
    while (n && (p[n - 1] == ':' || p[n - 1] == '.' || p[n - 1] == ' ')) n--;
    return (n == 9 && fx_starts(p, n, "signature")) || (n == 10 && fx_starts(p, n, "signatures"));
}

/* A conformed signature in a cell: the position just after "/s/" (or "s/"
 * at the start), or -1. */
static long conformed(const char *p, size_t n)
{
    long at = fx_find(p, n, "/s/");
    if (at >= 0) return at + 3;
    if (n > 2 && fx_starts(p, n, "s/ ")) return 2;
    return -1;
}

static int line_has_signature(const fx_doc *d, size_t i)
{
    return conformed(d->t + d->lines[i].start, d->lines[i].len) >= 0;
}

/* Where the block starts: the last heading with a "/s/" in the next lines;
 * failing that, the first "Pursuant to the requirements" paragraph with
 * one.  Returns the line after it, or -1. */
static long block_start(const fx_doc *d, uint64_t *off)
{
    long best = -1;
    for (size_t i = 0; i < d->nlines; i++) {
        if (!heading(d->t + d->lines[i].start, d->lines[i].len)) continue;
        for (size_t j = i + 1; j < d->nlines && j < i + 80; j++)
            if (line_has_signature(d, j)) { best = (long)i; break; }
    }
    if (best < 0) {
        for (size_t i = 0; i < d->nlines && best < 0; i++) {
            const char *p = d->t + d->lines[i].start;
            size_t n = d->lines[i].len;
            if (fx_find(p, n, "pursuant to the requirements") < 0 || fx_find(p, n, "signed") < 0) continue;
            for (size_t j = i + 1; j < d->nlines && j < i + 40; j++)
                if (line_has_signature(d, j)) { best = (long)i; break; }
        }
    }
    if (best >= 0) *off = fx_offset(d, (size_t)best);
    return best < 0 ? -1 : best + 1;
}

/* A cell that holds a date and little else. */
static int date_cell(const char *p, size_t n, char iso[11], size_t *at, size_t *len)
{
    if (!edgr_date_find(p, n, iso, at, len)) return 0;
    return n - *len < 12; /* "Dated: ", "Date:" and the like */
}

static void set_date(fx_state *st, const char **date, const char **iso, const char *p, size_t at,
                     size_t len, const char *isobuf)
{
    *date = fx_str(st, p + at, len);
    *iso = fx_str(st, isobuf, 10);
}

/* Drop a trailing comma and a leading "By:". */
static void clean(const char **p, size_t *n)
{
    while (*n && ((*p)[*n - 1] == ',' || (*p)[*n - 1] == ' ')) (*n)--;
    if (fx_starts(*p, *n, "by:")) { *p += 3; *n -= 3; }
    while (*n && **p == ' ') { (*p)++; (*n)--; }
}

static int has_letters(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')) return 1;
    return 0;
}

/* "(Date)", "Signature", "Name:" ...: captions of the block's columns. */
static int caption_word(const char *p, size_t n)
{
    static const char *const words[] = {"date", "dated", "signature", "signatures", "name", "title",
                                         "its", "(registrant)", "registrant"};
    while (n && (*p == '(' || *p == ' ')) { p++; n--; }
    while (n && (p[n - 1] == ')' || p[n - 1] == ':' || p[n - 1] == ' ')) n--;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && fx_starts(p, n, words[i])) return 1;
    return 0;
}

/* "Peter Oppenheimer Senior Vice President", "(Jon R. Moeller) Chairman",
 * "J. Duato, Chairman": the printed name before the title is cut. */
static void strip_name(const char *name, const char **p, size_t *n)
{
    if (!name) return;
    size_t nl = strlen(name), skip = **p == '(' ? 1 : 0;
    if (*n <= nl + skip || !fx_starts(*p + skip, *n - skip, name)) return;
    const char *q = *p + skip + nl;
    size_t r = *n - skip - nl;
    if (*q != ' ' && *q != ',' && *q != ')') return;
    while (r && (*q == ' ' || *q == ',' || *q == ')' || *q == '-')) { q++; r--; }
    if (r > 2 && !memcmp(q, "\xE2\x80\x93", 3)) { q += 3; r -= 3; } /* en dash */
    while (r && *q == ' ') { q++; r--; }
    *p = q;
    *n = r;
}

/* A title cut by a line end: "President and Chief Executive". */
static int unfinished(const char *t)
{
    static const char *const tails[] = {" and", " of", " the", " Executive", " Financial",
                                        " Operating", " Accounting", " Chief", " &", ","};
    size_t n = strlen(t);
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t l = strlen(tails[i]);
        if (n > l && fx_starts(t + n - l, l, tails[i])) return 1;
    }
    return 0;
}

static edgr_signer *new_signer(fx_state *st, const fx_doc *d, size_t line)
{
    if (st->sig_n >= MAX_SIGNERS) return NULL;
    if (fx_grow(st, (void **)&st->sig, &st->sig_cap, st->sig_n, sizeof *st->sig)) return NULL;
    edgr_signer *s = &st->sig[st->sig_n++];
    memset(s, 0, sizeof *s);
    s->offset = fx_offset(d, line);
    return s;
}

/* A cell this long is a paragraph of the block ("Pursuant to ..."), which
 * ends the signer before it. */
enum { PARAGRAPH_CELL = 160 };
/* A signer's date, printed name and title stand within these many lines of
 * its "/s/" line, unless on its row. */
enum { DATE_LINES = 4, TITLE_LINES = 6 };
/* Longer cells are not a name after "By:", a registrant's name, a title. */
enum { BY_NAME_MAX = 60, REGISTRANT_MAX = 100, TITLE_MAX = 200 };

/* The reader's state as it goes down the block. */
typedef struct sig_reader {
    fx_state *st;
    const fx_doc *d;
    edgr_signatures *sg;
    edgr_signer *s;              /* the signer being read, or NULL         */
    long cur;                    /* its index                              */
    int cur_lines;               /* lines since it started                 */
    int row_has_sig;             /* the line has a "/s/" cell              */
    const char *last_date, *last_iso;
    /* the date known when each signer started, for those without their own */
    const char *inherit[MAX_SIGNERS], *inherit_iso[MAX_SIGNERS];
} sig_reader;

/* A new signer from line i, inheriting the last date seen; 0, or -1 when
 * no more can be kept. */
static int start_signer(sig_reader *r, size_t i)
{
    if (!(r->s = new_signer(r->st, r->d, i))) return -1;
    r->cur = (long)(r->st->sig_n - 1);
    r->inherit[r->cur] = r->last_date;
    r->inherit_iso[r->cur] = r->last_iso;
    return 0;
}

/* "/s/ Name" (or "By: /s/ Name") starts a signer; so does an unconformed
 * "By: Name" unless the row has a "/s/" cell.  1 if cell *k was one (it
 * may take the next cell, *k then moves on), 0 if not, -1 to stop. */
static int signer_cell(sig_reader *r, size_t i, const fx_cell *c, int m, int *k)
{
    const char *p = c[*k].p;
    size_t n = c[*k].n;
    long sa = conformed(p, n);
    int by = sa < 0 && fx_starts(p, n, "by:");
    if (sa < 0 && !by) return 0;
    if (by && r->row_has_sig) return 1;
    const char *np = by ? p + 3 : p + sa;
    size_t nn = by ? n - 3 : n - (size_t)sa;
    clean(&np, &nn);
    if (!nn && *k + 1 < m) { np = c[*k + 1].p; nn = c[*k + 1].n; (*k)++; }
    if (by && (!nn || !has_letters(np, nn) || nn > BY_NAME_MAX)) return 1;
    if (start_signer(r, i)) return -1;
    r->cur_lines = 0;
    r->s->name = fx_str(r->st, np, nn);
    return 1;
}

/* "Name: ...": the signer's name (it starts one when none is open).  -1
 * to stop. */
static int name_cell(sig_reader *r, size_t i, const char *p, size_t n)
{
    const char *np = p + 5;
    size_t nn = n - 5;
    if (!r->s) {
        if (!(r->s = new_signer(r->st, r->d, i))) return -1;
    }
    if (r->cur < 0) {
        r->cur = (long)(r->st->sig_n - 1);
        r->inherit[r->cur] = r->last_date;
        r->inherit_iso[r->cur] = r->last_iso;
    }
    if (fx_find(np, nn, "title:") >= 0) return 0; /* "Name: Title:" captions */
    clean(&np, &nn);
    if (nn) r->s->name = fx_str(r->st, np, nn);
    return 0;
}

/* A date: the signer's when it stands near, else the block's. */
static void date_of(sig_reader *r, const char *p, size_t at, size_t len, const char iso[11])
{
    edgr_signer *s = r->s;
    if (s && !s->date_text && (r->row_has_sig || r->cur_lines < DATE_LINES))
        set_date(r->st, &s->date_text, &s->date, p, at, len, iso);
    else if (!r->sg->date_text && !s)
        set_date(r->st, &r->sg->date_text, &r->sg->date, p, at, len, iso);
    r->last_date = fx_str(r->st, p + at, len);
    r->last_iso = fx_str(r->st, iso, 10);
}

/* Before any signer: the registrant's name, not the wrapped lines of the
 * "Pursuant to ..." paragraph. */
static void registrant_cell(sig_reader *r, const char *p, size_t n)
{
    if (!r->sg->registrant && has_letters(p, n) && n <= REGISTRANT_MAX && !(p[0] >= 'a' && p[0] <= 'z') &&
        fx_find(p, n, "undersigned") < 0 && fx_find(p, n, "duly") < 0 && fx_find(p, n, "behalf") < 0 &&
        !fx_starts(p, n, "pursuant") && !fx_starts(p, n, "(registrant") && !fx_starts(p, n, "registrant") &&
        !fx_starts(p, n, "signature") && !fx_starts(p, n, "name") && !fx_starts(p, n, "title"))
        r->sg->registrant = fx_str(r->st, p, n);
}

/* After "/s/ Name": the printed name (skipped), then the title, which may
 * go on over the next cells ("(Principal Executive Officer)"; "Chief
 * Executive" / "Officer").  -1 to stop. */
static int title_cell(sig_reader *r, const char *p, size_t n)
{
    edgr_signer *s = r->s;
    if (s->name && strlen(s->name) == n && fx_starts(p, n, s->name)) return 0;
    if (fx_starts(p, n, "(registrant") || fx_starts(p, n, "(duly authorized")) return 0;
    if (!has_letters(p, n) || n > TITLE_MAX) return 0;
    strip_name(s->name, &p, &n);
    if (!n || !(r->row_has_sig || r->cur_lines < TITLE_LINES)) return 0;
    if (!s->title) {
        s->title = fx_str(r->st, p, n);
    } else if (r->row_has_sig || p[0] == '(' || unfinished(s->title)) {
        size_t tl = strlen(s->title);
        char *t = malloc(tl + n + 2);
        if (!t) { r->st->nomem = 1; return -1; }
        memcpy(t, s->title, tl);
        t[tl] = ' ';
        memcpy(t + tl + 1, p, n);
        s->title = fx_str(r->st, t, tl + 1 + n);
        free(t);
    }
    return 0;
}

/* The cells of line i, in order.  -1 to stop. */
static int read_line(sig_reader *r, size_t i, const fx_cell *c, int m)
{
    for (int k = 0; k < m; k++) {
        const char *p = c[k].p;
        size_t n = c[k].n, at, len;
        char iso[11];
        if (caption_word(p, n)) continue;
        int got = signer_cell(r, i, c, m, &k);
        if (got) {
            if (got < 0) return -1;
            continue;
        }
        if (fx_starts(p, n, "name:")) {
            if (name_cell(r, i, p, n)) return -1;
        } else if (fx_starts(p, n, "title:") || fx_starts(p, n, "its:")) {
            size_t skip = fx_starts(p, n, "its:") ? 4 : 6;
            if (r->s && !r->s->title) r->s->title = fx_str(r->st, p + skip, n - skip);
        } else if (date_cell(p, n, iso, &at, &len)) {
            date_of(r, p, at, len, iso);
        } else if (!r->s) {
            registrant_cell(r, p, n);
        } else if (title_cell(r, p, n)) {
            return -1;
        }
    }
    return 0;
}

/* Signers without a date take the one known when they started, else the
 * block's; the block without one takes the last seen.  "CELLECTAR
 * BIOSCIENCES, INC." may end in a colon or "(Registrant)". */
static void finish(sig_reader *r)
{
    fx_state *st = r->st;
    edgr_signatures *sg = r->sg;
    for (size_t i = 0; i < st->sig_n; i++) {
        edgr_signer *s = &st->sig[i];
        if (s->date_text) continue;
        if (i < MAX_SIGNERS && r->inherit[i]) { s->date_text = r->inherit[i]; s->date = r->inherit_iso[i]; }
        else if (sg->date_text) { s->date_text = sg->date_text; s->date = sg->date; }
    }
    if (!sg->date_text && r->last_date && st->sig_n) { sg->date_text = r->last_date; sg->date = r->last_iso; }
    if (sg->registrant) {
        const char *reg = sg->registrant;
        long at = fx_find(reg, strlen(reg), "(registrant");
        if (at > 0) sg->registrant = fx_str(st, reg, (size_t)at);
    }
}

void fx_signatures(fx_state *st, const fx_doc *d, edgr_facts *f)
{
    edgr_signatures *sg = &f->signatures;
    long start = block_start(d, &sg->offset);
    if (start < 0) return;
    size_t end = d->nlines;
    if (end > (size_t)start + BLOCK_LINES) end = (size_t)start + BLOCK_LINES;
    sig_reader *r = calloc(1, sizeof *r);
    if (!r) { st->nomem = 1; return; }
    *r = (sig_reader){.st = st, .d = d, .sg = sg, .cur = -1};
    for (size_t i = (size_t)start; i < end; i++) {
        const char *lp = d->t + d->lines[i].start;
        size_t ln = d->lines[i].len;
        if (fx_starts(lp, ln, "exhibit index") || fx_starts(lp, ln, "index to exhibits")) break;
        if (fx_blank(d, i)) continue;
        fx_cell c[FX_MAX_CELLS];
        int m = fx_cells(d, i, c);
        if (m == 1 && c[0].n > PARAGRAPH_CELL) { r->cur = -1; continue; } /* a paragraph */
        r->row_has_sig = line_has_signature(d, i);
        r->s = r->cur >= 0 ? &st->sig[r->cur] : NULL;
        if (read_line(r, i, c, m)) { free(r); return; }
        if (r->cur >= 0) r->cur_lines++;
    }
    finish(r);
    free(r);
}
