/*
 * Item accuracy, printed by `make accuracy` (rules of labelling:
 * docs/labelling.md).
 *
 * Labelled items.  The hand labels (the .tsv files of tests/labels, one per batch)
 * give, for each item of each labelled document, the first and last words
 * of its body.  An item found by edgr is right when both its boundaries
 * match: its first words and its last words equal the label's, compared as
 * runs of ASCII letters and digits, case-insensitively.  Precision is right
 * over found, recall right over labelled, F1 their harmonic mean, printed
 * overall and in one row per form (as labelled: 10-K, 10-K405, 10-Q, 8-K
 * ...), per decade of the filing, and per layout:
 *   text, html   the document as stored (by its main document's format);
 *   stripped     the same file with every <...> tag removed, as scrapers
 *                keep it (built in memory);
 *   repeated     a complete submission three times in one file (the file,
 *                then its core twice more: only the first copy keeps
 *                a PEM preamble).
 * Items are what `edgr items` reports for the file: the main document of
 * every submission in it (an identical repeat reported three times counts
 * three times as found), or the file as a bare document.
 *
 * 8-K item codes.  Every 8-K of the corpus: the submissions/ whose header
 * says 8-K, the bare 8-K documents MANIFEST.tsv lists under html/, and any
 * document labelled as an 8-K.  The truth is the labels where the document
 * is labelled, else the header's items corrected by
 * tests/labels/8k-header-errata.tsv; a document with neither is listed as
 * unscorable.  Found: the distinct codes of the items with text.
 *
 * usage: accuracy [CORPUS_DIR] [-v] [-l LABELS_DIR]
 *   (defaults ../shared/corpus and the source tree's tests/labels)
 * Exit status 1 when a target is missed: labelled F1 overall < 0.98, F1 <
 * 0.95 in a row with at least 20 labelled items, 8-K code recall or
 * precision < 0.99.  0 when all are met, 77 when the corpus is absent.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/strip.h"
#include "edgr/edgr.h"
#include "edgr/items.h"
#include "edgr/text.h"

/* A test tool: out of memory ends the run with a message rather than a
 * NULL dereference. */
static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "accuracy: out of memory\n");
        exit(2);
    }
    return q;
}

enum { ROW_MIN_ITEMS = 20 };
static const double OVERALL_F1 = 0.98, ROW_F1 = 0.95, CODES_8K = 0.99;

static int verbose;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n < 0) { fclose(f); return NULL; }
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    fclose(f);
    if (b) b[n] = '\0';
    *len = (size_t)n;
    return b;
}

static void copy_field(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void copy_span(char *dst, size_t cap, edgr_span v)
{
    size_t n = v.ptr ? v.len : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, v.ptr, n);
    dst[n] = '\0';
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ---- words ---- */

enum { NWORDS = 8, WLEN = 48 };
typedef struct words {
    int n;
    char w[NWORDS][WLEN];
} words;

static int alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'); }

/* The first (or last) up to `want` (<= NWORDS) words of [p, p+n), lower-cased. */
static void take_words(const char *p, size_t n, int from_end, int want, words *out)
{
    size_t starts[NWORDS], ends[NWORDS];
    int k = 0;
    if (want > NWORDS) want = NWORDS;
    if (!from_end) {
        for (size_t i = 0; i < n && k < want;) {
            while (i < n && !alnum((unsigned char)p[i])) i++;
            if (i >= n) break;
            size_t s = i;
            while (i < n && alnum((unsigned char)p[i])) i++;
            starts[k] = s, ends[k] = i, k++;
        }
    } else {
        for (size_t i = n; i > 0 && k < want;) {
            while (i > 0 && !alnum((unsigned char)p[i - 1])) i--;
            if (i == 0) break;
            size_t e = i;
            while (i > 0 && alnum((unsigned char)p[i - 1])) i--;
            starts[k] = i, ends[k] = e, k++;
        }
        for (int a = 0, b = k - 1; a < b; a++, b--) {
            size_t t = starts[a]; starts[a] = starts[b]; starts[b] = t;
            t = ends[a]; ends[a] = ends[b]; ends[b] = t;
        }
    }
    for (int i = 0; i < k; i++) {
        size_t len = ends[i] - starts[i];
        if (len >= WLEN) len = WLEN - 1;
        for (size_t j = 0; j < len; j++) out->w[i][j] = (char)tolower((unsigned char)p[starts[i] + j]);
        out->w[i][len] = '\0';
    }
    out->n = k;
}

/* `want` equals the first (or last) want->n words of `got` (its first or
 * last NWORDS words), and got has that many. */
static int words_match(const words *want, const words *got, int from_end)
{
    if (got->n < want->n) return 0;
    int off = from_end ? got->n - want->n : 0;
    for (int i = 0; i < want->n; i++)
        if (strcmp(want->w[i], got->w[off + i])) return 0;
    return 1;
}

static void words_print(const words *w, int from_end, int n)
{
    int a = from_end ? (w->n > n ? w->n - n : 0) : 0, b = from_end ? w->n : (w->n < n ? w->n : n);
    for (int i = a; i < b; i++) printf("%s%s", i > a ? " " : "", w->w[i]);
}

/* ---- what edgr reports for a file ---- */

typedef struct found {
    char code[16], part[4];
    words first, last;
} found;

typedef struct filing_info {
    int parsed;          /* a submission (not a bare document)          */
    int complete;        /* a complete submission (SEC-/IMS-DOCUMENT, .nc) */
    int html;            /* the main document is HTML                   */
    char type[24];       /* the header's form type                      */
    char date[16];       /* the header's filing date                    */
    char header_items[32][16];
    int nheader;
} filing_info;

typedef struct finder {
    edgr_parser *ps;
    edgr_text t;
    edgr_items it;
    edgr_buf body;
} finder;

/* The document the library reads a filing's items from. */
static const edgr_document *main_doc(const edgr_submission *s)
{
    long m = edgr_main_document(s, s->docs, s->doc_count);
    return m >= 0 ? &s->docs[m] : NULL;
}

static int push_items(finder *F, const edgr_document *d, edgr_form_kind kind, const char *date, found **out,
                      size_t *n, size_t *cap)
{
    if (edgr_document_text(d, NULL, &F->t) != EDGR_OK) return 0;
    if (edgr_items_find(&F->t, kind, date && date[0] ? date : NULL, &F->it) != EDGR_OK) return -1;
    for (size_t i = 0; i < F->it.count; i++) {
        if (*n == *cap) {
            found *nf = xrealloc(*out, (*cap = *cap ? *cap * 2 : 32) * sizeof **out);
            if (!nf) return -1;
            *out = nf;
        }
        found *f = &(*out)[(*n)++];
        copy_field(f->code, sizeof f->code, F->it.items[i].item);
        copy_field(f->part, sizeof f->part, F->it.items[i].part);
        edgr_item_text(&F->it, &F->t, i, &F->body);
        const char *b = F->body.data ? F->body.data : "";
        take_words(b, F->body.len, 0, NWORDS, &f->first);
        take_words(b, F->body.len, 1, NWORDS, &f->last);
    }
    return 0;
}

/* The items edgr reports for the bytes of a file, as `edgr items` walks it:
 * the main document of every submission in the file, or the whole file as
 * a bare document when it holds no submission.  `kind` < 0: the form of
 * each submission's header (8-K scoring). */
static int find_items(finder *F, const char *data, size_t len, int kind, filing_info *info, found **out,
                      size_t *n)
{
    size_t cap = 0, at = 0;
    int count = 0;
    *out = NULL;
    *n = 0;
    memset(info, 0, sizeof *info);
    while (at < len) {
        const edgr_submission *s = NULL;
        size_t used = 0;
        edgr_status st = edgr_parse(F->ps, data + at, len - at, at, EDGR_PARSE_DECODE, &s, &used);
        if (st == EDGR_ERR_EMPTY || st == EDGR_ERR_NOMEM) break;
        if (st == EDGR_ERR_NOT_EDGAR && count == 0) {
            edgr_document bare;
            edgr_document_bare(data, len, &bare);
            info->html = bare.format == EDGR_FMT_HTML;
            return push_items(F, &bare, kind < 0 ? EDGR_FORM_8K : (edgr_form_kind)kind, NULL, out, n, &cap);
        }
        if (s && s->container != EDGR_C_NONE) {
            edgr_span form = edgr_get(s, "type"), date = edgr_get(s, "filing_date");
            char datebuf[16];
            copy_span(datebuf, sizeof datebuf, date);
            const edgr_document *d = main_doc(s);
            if (count == 0) {
                info->parsed = 1;
                info->complete = s->container == EDGR_C_SEC_DOCUMENT || s->container == EDGR_C_IMS_DOCUMENT ||
                                 s->container == EDGR_C_SUBMISSION;
                info->html = d && d->format == EDGR_FMT_HTML;
                copy_span(info->type, sizeof info->type, form);
                copy_field(info->date, sizeof info->date, datebuf);
                for (int i = 0; i < 32; i++) {
                    char key[32];
                    snprintf(key, sizeof key, "items.%d", i);
                    edgr_span v = edgr_get(s, key);
                    if (!v.ptr) break;
                    if (!v.len || v.len >= 16) continue;
                    copy_span(info->header_items[info->nheader], 16, v);
                    int dup = 0;
                    for (int k = 0; k < info->nheader; k++)
                        dup |= !strcmp(info->header_items[k], info->header_items[info->nheader]);
                    if (!dup) info->nheader++;
                }
            }
            edgr_form_kind k = kind >= 0 ? (edgr_form_kind)kind
                                         : form.ptr ? edgr_form_kind_of(form.ptr, form.len) : EDGR_FORM_OTHER;
            if (d && k != EDGR_FORM_OTHER && push_items(F, d, k, datebuf, out, n, &cap)) return -1;
        }
        count++;
        if (st != EDGR_OK || used == 0) break;
        at += used;
    }
    return 0;
}

/* The stripped variant (what a mirror that removes every <...> tag keeps
 * of a file) is tests/common/strip.h's strip_tags(), the one the unit and
 * corpus tests and the fuzzers use. */

/* The repeated variant, as such downloads hold it: the file, then its
 * submission's core (the root line through the closing line) twice more;
 * only the first copy keeps a PEM preamble.  NULL if no core is found. */
static char *repeat_3(const char *p, size_t n, size_t *outn)
{
    static const char *const roots[3][2] = {{"<SEC-DOCUMENT>", "</SEC-DOCUMENT>"},
                                            {"<IMS-DOCUMENT>", "</IMS-DOCUMENT>"},
                                            {"<SUBMISSION>", "</SUBMISSION>"}};
    for (int r = 0; r < 3; r++) {
        const char *a = NULL, *z = NULL;
        size_t ra = strlen(roots[r][0]), rz = strlen(roots[r][1]);
        for (const char *q = p; q < p + n;) { /* each line start */
            size_t left = (size_t)(p + n - q);
            const char *eol = memchr(q, '\n', left);
            const char *next = eol ? eol + 1 : p + n;
            if (!a && left >= ra && !memcmp(q, roots[r][0], ra)) a = q;
            if (a && left >= rz && !memcmp(q, roots[r][1], rz)) z = next;
            q = next;
        }
        if (!a || !z || z <= a) continue;
        size_t core = (size_t)(z - a), first = n;
        char *o = malloc(first + 2 * core + 2);
        if (!o) return NULL;
        memcpy(o, p, first);
        size_t w = first;
        if (w && o[w - 1] != '\n') o[w++] = '\n';
        for (int c = 0; c < 2; c++) memcpy(o + w, a, core), w += core;
        o[w] = '\0';
        *outn = w;
        return o;
    }
    return NULL;
}

/* ---- labels ---- */

typedef struct label {
    char path[256], form[24], part[8], item[16];
    words first, last;
    int order;
} label;

typedef struct doc_note {
    char path[256];
    int year;
} doc_note;

static label *L;
static size_t nl, capl;
static doc_note *notes;
static size_t nnotes, capnotes;

/* "year=YYYY" in a comment, else its first year-like number 1993-2039. */
static int year_in_text(const char *s)
{
    const char *y = strstr(s, "year=");
    if (y && isdigit((unsigned char)y[5])) return atoi(y + 5);
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1]))) continue;
        size_t d = strspn(p, "0123456789");
        if (d == 4) {
            int v = atoi(p);
            if (v >= 1993 && v <= 2039) return v;
        }
        p += d - 1;
    }
    return 0;
}

static int label_cmp(const void *a, const void *b)
{
    const label *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : x->order - y->order;
}

static int tsv_name(const struct dirent *e)
{
    size_t l = strlen(e->d_name);
    return l > 4 && !strcmp(e->d_name + l - 4, ".tsv") && strcmp(e->d_name, "8k-header-errata.tsv");
}

static int load_labels(const char *dir)
{
    struct dirent **names;
    int nn = scandir(dir, &names, tsv_name, alphasort);
    if (nn < 0) return -1;
    int order = 0;
    for (int f = 0; f < nn; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[f]->d_name);
        free(names[f]);
        FILE *fp = fopen(path, "r");
        if (!fp) continue;
        char line[8192];
        while (fgets(line, sizeof line, fp)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] == '#') {
                /* "# path: notes" describes one document */
                const char *p = line + 1;
                while (*p == ' ') p++;
                const char *colon = strstr(p, ": ");
                if (!colon || memchr(p, ' ', (size_t)(colon - p)) || colon - p >= 256) continue;
                if (nnotes == capnotes) notes = xrealloc(notes, (capnotes = capnotes ? capnotes * 2 : 64) * sizeof *notes);
                doc_note *d = &notes[nnotes++];
                memcpy(d->path, p, (size_t)(colon - p));
                d->path[colon - p] = '\0';
                d->year = year_in_text(colon + 2);
                continue;
            }
            if (!line[0]) continue;
            char *col[6];
            int k = 0;
            char *p = line;
            while (k < 6) {
                col[k++] = p;
                char *tab = strchr(p, '\t');
                if (!tab) break;
                *tab = '\0';
                p = tab + 1;
            }
            if (k < 6) continue;
            if (nl == capl) L = xrealloc(L, (capl = capl ? capl * 2 : 256) * sizeof *L);
            label *lb = &L[nl++];
            memset(lb, 0, sizeof *lb);
            copy_field(lb->path, sizeof lb->path, col[0]);
            copy_field(lb->form, sizeof lb->form, col[1]);
            copy_field(lb->part, sizeof lb->part, col[2]);
            copy_field(lb->item, sizeof lb->item, col[3]);
            const char *first = strcmp(col[4], "-") ? col[4] : "", *last = strcmp(col[5], "-") ? col[5] : "";
            take_words(first, strlen(first), 0, NWORDS, &lb->first);
            take_words(last, strlen(last), 1, NWORDS, &lb->last);
            lb->order = order++;
        }
        fclose(fp);
    }
    free(names);
    if (nl) qsort(L, nl, sizeof *L, label_cmp);
    return 0;
}

/* ---- the year of a document ---- */

static int year_of_yy(int yy) { return yy >= 93 ? 1900 + yy : 2000 + yy; }

static int digits_at(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* From the path: an accession number NNNNNNNNNN-YY-NNNNNN, else "_YYYY_",
 * else a date YYYY-MM-DD or YYYYMMDD in the name. */
static int year_from_path(const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i + 20 <= n; i++)
        if ((i == 0 || !isdigit((unsigned char)path[i - 1])) && digits_at(path + i, 10) && path[i + 10] == '-' &&
            digits_at(path + i + 11, 2) && path[i + 13] == '-' && digits_at(path + i + 14, 6) &&
            !isdigit((unsigned char)path[i + 20]))
            return year_of_yy((path[i + 11] - '0') * 10 + path[i + 12] - '0');
    const char *name = base_name(path);
    n = strlen(name);
    for (size_t i = 0; i + 6 <= n; i++)
        if (name[i] == '_' && digits_at(name + i + 1, 4) && name[i + 5] == '_') return atoi(name + i + 1);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (i && isdigit((unsigned char)name[i - 1])) continue;
        if (!digits_at(name + i, 4)) continue;
        int y = (name[i] - '0') * 1000 + (name[i + 1] - '0') * 100 + (name[i + 2] - '0') * 10 + name[i + 3] - '0', m = -1;
        if (i + 10 <= n && name[i + 4] == '-' && digits_at(name + i + 5, 2) && name[i + 7] == '-' &&
            digits_at(name + i + 8, 2))
            m = atoi(name + i + 5);
        else if (digits_at(name + i + 4, 4) && !isdigit((unsigned char)name[i + 8]))
            m = (name[i + 4] - '0') * 10 + name[i + 5] - '0';
        if (y >= 1993 && y <= 2039 && m >= 1 && m <= 12) return y;
    }
    return 0;
}

static int year_of(const char *path, const filing_info *info)
{
    if (info->parsed && strlen(info->date) >= 4 && digits_at(info->date, 4)) return atoi(info->date);
    int y = year_from_path(path);
    if (y) return y;
    for (size_t i = 0; i < nnotes; i++)
        if (!strcmp(notes[i].path, path) && notes[i].year) return notes[i].year;
    return 0;
}

/* ---- rows ---- */

typedef struct stats {
    long docs, labelled, found, right;
} stats;

typedef struct row {
    char name[48];
    int group; /* 0 overall, 1 form, 2 decade, 3 layout */
    stats s;
} row;

enum { MAX_TABLE_ROWS = 128 };
static row rows[MAX_TABLE_ROWS];
static int nrows;

static stats *row_of(int group, const char *name)
{
    for (int i = 0; i < nrows; i++)
        if (rows[i].group == group && !strcmp(rows[i].name, name)) return &rows[i].s;
    if (nrows == MAX_TABLE_ROWS) { /* forms, decades and layouts: far fewer */
        fprintf(stderr, "accuracy: more than %d rows; \"%s\" counted in the last\n", MAX_TABLE_ROWS, name);
        return &rows[MAX_TABLE_ROWS - 1].s;
    }
    row *r = &rows[nrows++];
    memset(r, 0, sizeof *r);
    r->group = group;
    copy_field(r->name, sizeof r->name, name);
    return &r->s;
}

static void add(stats *a, const stats *b)
{
    a->docs += b->docs, a->labelled += b->labelled, a->found += b->found, a->right += b->right;
}

static double prec(const stats *s) { return s->found ? (double)s->right / s->found : 0; }
static double rec(const stats *s) { return s->labelled ? (double)s->right / s->labelled : 0; }
static double f1(const stats *s)
{
    double p = prec(s), r = rec(s);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* "II-" before a code, nothing for an 8-K's part "-" */
#define PART(lb) (strcmp((lb)->part, "-") ? (lb)->part : ""), (strcmp((lb)->part, "-") ? "-" : "")

/* Score one file's items against its labels L[i, j); print the misses when
 * `show` (1: one line each, 2: with first/last want and got). */
static stats score(const char *what, size_t i, size_t j, const found *f, size_t nf, int show)
{
    stats s = {1, (long)(j - i), (long)nf, 0};
    edgr_form_kind kind = edgr_form_kind_of(L[i].form, strlen(L[i].form));
    for (size_t k = i; k < j; k++) {
        const label *lb = &L[k];
        const found *x = NULL;
        for (size_t m = 0; m < nf && !x; m++)
            if (!strcasecmp(f[m].code, lb->item) && (kind != EDGR_FORM_10Q || !strcmp(f[m].part, lb->part)))
                x = &f[m];
        if (!x) {
            if (show) printf("  %s%s %s%s%s: not found\n", what, lb->path, PART(lb), lb->item);
            continue;
        }
        int ok_first = lb->first.n ? words_match(&lb->first, &x->first, 0) : x->first.n == 0;
        int ok_last = lb->first.n ? words_match(&lb->last, &x->last, 1) : 1;
        if (ok_first && ok_last) { s.right++; continue; }
        if (!show) continue;
        printf("  %s%s %s%s%s: %s\n", what, lb->path, PART(lb), lb->item,
               !lb->first.n ? "not empty" : !ok_first && !ok_last ? "both boundaries differ"
                                          : !ok_first            ? "first words differ"
                                                                 : "last words differ");
        if (show < 2) continue;
        if (!ok_first) {
            printf("      first want: "); words_print(&lb->first, 0, NWORDS);
            printf("\n      first got:  "); words_print(&x->first, 0, lb->first.n ? lb->first.n : NWORDS);
            printf("\n");
        }
        if (!ok_last) {
            printf("      last want:  "); words_print(&lb->last, 1, NWORDS);
            printf("\n      last got:   "); words_print(&x->last, 1, lb->last.n);
            printf("\n");
        }
    }
    return s;
}

static const char *decade_name(int year, char *buf, size_t cap)
{
    if (year < 1990 || year > 2099) return "(no year)";
    snprintf(buf, cap, "%d0s", year / 10);
    return buf;
}

/* A bare document as its filing's complete submission holds it: a minimal
 * header (accession from the path when it has one, the labelled form) and
 * one <DOCUMENT>.  A mirror strips the submission, not the bare file, so
 * the stripped variant of a bare document is built from this. */
static char *wrap_bare(const char *p, size_t n, const char *form, const char *path, size_t *outn)
{
    char acc[21] = "0009999999-00-000001";
    for (const char *q = path; *q; q++) {
        int ok = 1;
        for (int k = 0; k < 20 && ok; k++) {
            char c = q[k];
            ok = (k == 10 || k == 13) ? c == '-' : (c >= '0' && c <= '9');
        }
        if (ok) { memcpy(acc, q, 20); break; }
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char head[1024];
    int h = snprintf(head, sizeof head,
                     "<SEC-DOCUMENT>%s.txt : \n<SEC-HEADER>%s.hdr.sgml : \n"
                     "ACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t%s\nPUBLIC DOCUMENT COUNT:\t\t1\n"
                     "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>1\n<FILENAME>%.200s\n<TEXT>\n",
                     acc, acc, acc, form, form, base);
    static const char tail[] = "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    if (h < 0 || (size_t)h >= sizeof head) return NULL;
    char *o = malloc((size_t)h + n + sizeof tail);
    if (!o) return NULL;
    memcpy(o, head, (size_t)h);
    memcpy(o + h, p, n);
    memcpy(o + h + n, tail, sizeof tail);
    *outn = (size_t)h + n + sizeof tail - 1;
    return o;
}

/* the stripped row split: complete submissions, the other files */
static stats stripped_split[2];

static void labelled(finder *F, const char *corpus)
{
    stats *overall = row_of(0, "overall");
    long unknown_year = 0;
    for (size_t i = 0; i < nl;) {
        size_t j = i;
        while (j < nl && !strcmp(L[j].path, L[i].path)) j++;
        char path[4096];
        if (!strncmp(L[i].path, "tests/", 6)) snprintf(path, sizeof path, "%s/%s", EDGR_SOURCE_DIR, L[i].path);
        else snprintf(path, sizeof path, "%s/%s", corpus, L[i].path);
        size_t len;
        char *data = slurp(path, &len);
        if (!data) {
            printf("  %s: cannot read (%zu labelled items not scored)\n", path, j - i);
            stats miss = {1, (long)(j - i), 0, 0};
            add(overall, &miss);
            add(row_of(1, L[i].form), &miss);
            i = j;
            continue;
        }
        int kind = (int)edgr_form_kind_of(L[i].form, strlen(L[i].form));
        if (kind == EDGR_FORM_OTHER) kind = EDGR_FORM_10K;
        filing_info info;
        found *f = NULL;
        size_t nf = 0;
        find_items(F, data, len, kind, &info, &f, &nf);
        stats s = score("", i, j, f, nf, verbose ? 2 : 1);
        if (verbose) printf("  %s: %ld of %zu right, %zu found\n", L[i].path, s.right, j - i, nf);
        int year = year_of(L[i].path, &info);
        char dec[16];
        if (!year) {
            unknown_year++;
            if (verbose) printf("  %s: no year (header, accession, name or comment)\n", L[i].path);
        }
        add(overall, &s);
        add(row_of(1, L[i].form), &s);
        add(row_of(2, decade_name(year, dec, sizeof dec)), &s);
        add(row_of(3, info.html ? "html" : "text"), &s);
        int complete = info.complete;
        free(f);

        /* stripped: every tag removed (from the submission that holds a
         * bare document) */
        size_t slen, wlen = len;
        char *st = NULL, *wrapped = complete ? NULL : wrap_bare(data, len, L[i].form, L[i].path, &wlen);
        if (!strip_tags(wrapped ? wrapped : data, wlen, &st, &slen)) {
            find_items(F, st, slen, kind, &info, &f, &nf);
            stats v = score("stripped ", i, j, f, nf, verbose ? 2 : 0);
            if (!verbose && v.right < v.labelled)
                printf("  stripped %s: %ld of %ld right, %zu found\n", L[i].path, v.right, v.labelled, nf);
            add(row_of(3, "stripped"), &v);
            add(&stripped_split[complete ? 0 : 1], &v);
            free(f);
            free(st);
        }
        free(wrapped);
        /* repeated: a complete submission three times in one file */
        size_t rlen;
        char *rep = complete ? repeat_3(data, len, &rlen) : NULL;
        if (complete && !rep) printf("  repeated %s: no submission core to repeat\n", L[i].path);
        if (rep) {
            {
                find_items(F, rep, rlen, kind, &info, &f, &nf);
                stats v = score("repeated ", i, j, f, nf, verbose ? 2 : 0);
                if (!verbose && (v.right < v.labelled || v.found > s.found))
                    printf("  repeated %s: %ld of %ld right, %zu found (%ld once)\n", L[i].path, v.right, v.labelled,
                           nf, s.found);
                add(row_of(3, "repeated"), &v);
                free(f);
                free(rep);
            }
        }
        free(data);
        i = j;
    }
    if (unknown_year) printf("  %ld labelled documents have no year (row \"(no year)\"; see docs/labelling.md)\n", unknown_year);
}

/* ---- 8-K item codes ---- */

static int in_set(char set[][16], int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (!strcasecmp(set[i], code)) return 1;
    return 0;
}

/* tests/labels/8k-header-errata.tsv: file, item, add|remove. */
typedef struct erratum {
    char file[128], item[16];
    int add;
} erratum;
static erratum errata[128];
static int nerrata;

static void load_errata(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/8k-header-errata.tsv", dir);
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[1024];
    while (fgets(line, sizeof line, f) && nerrata < 128) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *file = strtok(line, "\t"), *item = strtok(NULL, "\t"), *what = strtok(NULL, "\t\r\n");
        if (!file || !item || !what) continue;
        erratum *e = &errata[nerrata++];
        copy_field(e->file, sizeof e->file, file);
        copy_field(e->item, sizeof e->item, item);
        e->add = !strncmp(what, "add", 3);
    }
    fclose(f);
}

typedef struct eightk {
    char path[512]; /* relative to the corpus (or tests/...) */
} eightk;

static int manifest_8ks(const char *corpus, eightk **list, size_t *n, size_t *cap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/MANIFEST.tsv", corpus);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[16384];
    while (fgets(line, sizeof line, f)) {
        char *col[8];
        int k = 0;
        char *p = line;
        while (k < 8) {
            col[k++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        if (k < 8 || strcmp(col[0], "html")) continue;
        if (edgr_form_kind_of(col[6], strlen(col[6])) != EDGR_FORM_8K) continue;
        if (*n == *cap) *list = xrealloc(*list, (*cap = *cap ? *cap * 2 : 64) * sizeof **list);
        copy_field((*list)[(*n)++].path, sizeof (*list)->path, col[1]);
    }
    fclose(f);
    return 0;
}

typedef struct codes_stats {
    long filings, truth, found, hit;
} codes_stats;

static void eightk_codes(finder *F, const char *corpus, double *recall, double *precision)
{
    eightk *list = NULL;
    size_t n = 0, cap = 0;
    /* submissions/ whose header says 8-K (found when reading them) */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/submissions", corpus);
    struct dirent **names;
    int nn = scandir(dir, &names, NULL, alphasort);
    for (int k = 0; k < nn; k++) {
        if (names[k]->d_name[0] != '.') {
            if (n == cap) list = xrealloc(list, (cap = cap ? cap * 2 : 64) * sizeof *list);
            snprintf(list[n++].path, sizeof list->path, "submissions/%s", names[k]->d_name);
        }
        free(names[k]);
    }
    if (nn >= 0) free(names);
    size_t from_dir = n;
    manifest_8ks(corpus, &list, &n, &cap);
    /* and every document labelled as an 8-K */
    for (size_t i = 0; i < nl; i++) {
        if (edgr_form_kind_of(L[i].form, strlen(L[i].form)) != EDGR_FORM_8K) continue;
        if (i && !strcmp(L[i - 1].path, L[i].path)) continue;
        int seen = 0;
        for (size_t k = 0; k < n && !seen; k++) seen = !strcmp(list[k].path, L[i].path);
        if (seen) continue;
        if (n == cap) list = xrealloc(list, (cap = cap ? cap * 2 : 64) * sizeof *list);
        copy_field(list[n++].path, sizeof list->path, L[i].path);
    }

    codes_stats raw = {0}, fixed = {0}, by_src[2] = {{0}, {0}};
    long unscorable = 0, from_labels = 0;
    for (size_t k = 0; k < n; k++) {
        const char *rel = list[k].path;
        int dup = 0;
        for (size_t q = 0; q < k && !dup; q++) dup = !strcmp(list[q].path, rel);
        if (dup) continue;
        char path[4096];
        if (!strncmp(rel, "tests/", 6)) snprintf(path, sizeof path, "%s/%s", EDGR_SOURCE_DIR, rel);
        else snprintf(path, sizeof path, "%s/%s", corpus, rel);
        /* labels of this document */
        size_t li = 0;
        while (li < nl && strcmp(L[li].path, rel)) li++;
        size_t lj = li;
        while (lj < nl && !strcmp(L[lj].path, rel)) lj++;
        int labelled_8k = lj > li && edgr_form_kind_of(L[li].form, strlen(L[li].form)) == EDGR_FORM_8K;
        size_t len;
        char *data = slurp(path, &len);
        if (!data) { printf("  8-K %s: cannot read\n", rel); continue; }
        filing_info info;
        found *f = NULL;
        size_t nf = 0;
        find_items(F, data, len, labelled_8k || k >= from_dir ? EDGR_FORM_8K : -1, &info, &f, &nf);
        free(data);
        int header_8k = info.parsed && edgr_form_kind_of(info.type, strlen(info.type)) == EDGR_FORM_8K;
        if (k < from_dir && !header_8k && !labelled_8k) { free(f); continue; }
        char got[64][16];
        int ng = 0;
        for (size_t i = 0; i < nf && ng < 64; i++)
            if (f[i].first.n && !in_set(got, ng, f[i].code)) copy_field(got[ng++], 16, f[i].code);
        free(f);
        char truth[64][16];
        int nt = 0;
        const char *source;
        if (labelled_8k) {
            for (size_t i = li; i < lj && nt < 64; i++)
                if (!in_set(truth, nt, L[i].item)) copy_field(truth[nt++], 16, L[i].item);
            source = "labels";
            from_labels++;
        } else if (info.nheader) {
            const char *name = base_name(rel);
            for (int i = 0; i < info.nheader; i++) {
                int removed = 0;
                for (int e = 0; e < nerrata; e++)
                    removed |= !errata[e].add && !strcmp(errata[e].file, name) && !strcasecmp(errata[e].item, info.header_items[i]);
                if (!removed) copy_field(truth[nt++], 16, info.header_items[i]);
            }
            for (int e = 0; e < nerrata; e++)
                if (errata[e].add && !strcmp(errata[e].file, name) && !in_set(truth, nt, errata[e].item) && nt < 64)
                    copy_field(truth[nt++], 16, errata[e].item);
            source = "header";
        } else {
            unscorable++;
            printf("  8-K %s: unscorable (%s, not labelled); body", rel,
                   info.type[0] ? "the header lists no item" : "no header");
            for (int i = 0; i < ng; i++) printf(" %s", got[i]);
            printf("\n");
            continue;
        }
        if (info.nheader) { /* against the header as filed */
            int h = 0;
            for (int i = 0; i < info.nheader; i++) h += in_set(got, ng, info.header_items[i]);
            raw.filings++, raw.truth += info.nheader, raw.found += ng, raw.hit += h;
        }
        int hit = 0;
        for (int i = 0; i < nt; i++) hit += in_set(got, ng, truth[i]);
        codes_stats one = {1, nt, ng, hit};
        codes_stats *src = &by_src[info.type[0] ? 0 : 1];
        fixed.filings++, fixed.truth += nt, fixed.found += ng, fixed.hit += hit;
        src->filings += one.filings, src->truth += one.truth, src->found += one.found, src->hit += one.hit;
        if (hit != nt || hit != ng || verbose) {
            printf("  8-K %s: %s", rel, source);
            for (int i = 0; i < nt; i++) printf(" %s", truth[i]);
            printf("; body");
            for (int i = 0; i < ng; i++) printf(" %s", got[i]);
            printf("%s\n", hit != nt || hit != ng ? "  <- differs" : "");
        }
    }
    free(list);
    double r = fixed.truth ? (double)fixed.hit / fixed.truth : 0, p = fixed.found ? (double)fixed.hit / fixed.found : 0;
    printf("\n8-K item codes: %ld filings scored (%ld by their labels, %ld by their headers), %ld unscorable\n",
           fixed.filings, from_labels, fixed.filings - from_labels, unscorable);
    printf("8-K against the headers as filed:   %ld filings, recall %.4f  precision %.4f\n", raw.filings,
           raw.truth ? (double)raw.hit / raw.truth : 0, raw.found ? (double)raw.hit / raw.found : 0);
    for (int s = 0; s < 2; s++) {
        codes_stats *c = &by_src[s];
        printf("8-K %-30s %ld filings, %ld items, %ld found, %ld matched: recall %.4f  precision %.4f\n",
               s ? "bare documents:" : "submissions:", c->filings, c->truth, c->found, c->hit,
               c->truth ? (double)c->hit / c->truth : 0, c->found ? (double)c->hit / c->found : 0);
    }
    printf("8-K codes, labels or corrected headers (%d errata): recall %.4f  precision %.4f  (target >= %.2f each)\n",
           nerrata, r, p, CODES_8K);
    *recall = r;
    *precision = p;
}

/* ---- the table ---- */

static int row_order(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->group != y->group) return x->group - y->group;
    if (x->group == 3) {
        static const char *const order[] = {"text", "html", "stripped", "repeated"};
        int ix = 4, iy = 4;
        for (int i = 0; i < 4; i++) {
            if (!strcmp(x->name, order[i])) ix = i;
            if (!strcmp(y->name, order[i])) iy = i;
        }
        if (ix != iy) return ix - iy;
    }
    return strcmp(x->name, y->name);
}

static int print_table(char *missed, size_t cap)
{
    static const char *const group[] = {"", "form", "decade", "layout"};
    int ok = 1;
    size_t used = 0;
    missed[0] = '\0';
    qsort(rows, (size_t)nrows, sizeof *rows, row_order);
    printf("\nlabelled items (first and last %d words of each body)\n", NWORDS);
    printf("%-22s %5s %9s %6s %6s %9s %7s %7s\n", "", "docs", "labelled", "found", "right", "precision", "recall", "F1");
    for (int i = 0; i < nrows; i++) {
        row *r = &rows[i];
        char name[64];
        snprintf(name, sizeof name, "%s%s%s", group[r->group], r->group ? " " : "", r->name);
        double target = r->group == 0 ? OVERALL_F1 : r->s.labelled >= ROW_MIN_ITEMS ? ROW_F1 : 0;
        int miss = target > 0 && f1(&r->s) < target;
        printf("%-22s %5ld %9ld %6ld %6ld %9.4f %7.4f %7.4f%s", name, r->s.docs, r->s.labelled, r->s.found,
               r->s.right, prec(&r->s), rec(&r->s), f1(&r->s), miss ? "  <- MISSED" : "");
        if (r->group == 0) printf("  (target F1 >= %.2f; rows with >= %d items: >= %.2f)", OVERALL_F1, ROW_MIN_ITEMS, ROW_F1);
        printf("\n");
        if (miss) {
            ok = 0;
            int w = snprintf(missed + used, cap - used, "%s%s F1 %.4f < %.2f", used ? "; " : "", name, f1(&r->s), target);
            if (w > 0 && (size_t)w < cap - used) used += (size_t)w;
        }
    }
    return ok;
}

int main(int argc, char **argv)
{
    const char *corpus = "../shared/corpus", *labels_dir = EDGR_SOURCE_DIR "/tests/labels";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) verbose = 1;
        else if (!strcmp(argv[i], "-l") && i + 1 < argc) labels_dir = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: accuracy [CORPUS_DIR] [-v] [-l LABELS_DIR]\n");
            return 2;
        } else corpus = argv[i];
    }
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/MANIFEST.tsv", corpus);
    FILE *f = fopen(probe, "r");
    if (!f) {
        printf("accuracy: SKIPPED: no corpus at %s (set the path as the first argument)\n", corpus);
        return 77;
    }
    fclose(f);
    if (load_labels(labels_dir)) printf("accuracy: no label directory %s\n", labels_dir);
    load_errata(labels_dir);
    finder F = {0};
    F.ps = edgr_parser_new();
    if (!F.ps) return 2;
    double r, p;
    eightk_codes(&F, corpus, &r, &p);
    printf("\n");
    labelled(&F, corpus);
    char missed[4096];
    int ok = nl > 0 && print_table(missed, sizeof missed);
    if (!nl) snprintf(missed, sizeof missed, "no labels in %s", labels_dir);
    int codes_ok = r >= CODES_8K && p >= CODES_8K;
    if (!codes_ok) {
        size_t u = strlen(missed);
        snprintf(missed + u, sizeof missed - u, "%s8-K codes recall %.4f precision %.4f < %.2f", u ? "; " : "", r, p,
                 CODES_8K);
    }
    ok = ok && codes_ok;
    if (nl)
        printf("(layout stripped: complete submissions %ld items F1 %.4f; bare documents in their submission %ld items "
               "F1 %.4f)\n",
               stripped_split[0].labelled, f1(&stripped_split[0]), stripped_split[1].labelled, f1(&stripped_split[1]));
    printf("accuracy: %s%s\n", ok ? "all targets met" : "TARGET MISSED: ", ok ? "" : missed);
    edgr_parser_free(F.ps);
    edgr_text_free(&F.t);
    edgr_items_free(&F.it);
    edgr_buf_free(&F.body);
    free(L);
    free(notes);
    return ok ? 0 : 1;
}
