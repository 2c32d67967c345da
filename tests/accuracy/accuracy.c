/*
 * Item accuracy, printed by `make accuracy`.
 *
 * 8-K: for every 8-K submission in the corpus, the header's item set
 * against the items found in the body with non-empty text (recall and
 * precision over all items).
 *
 * 10-K and 10-Q: the hand labels (tests/labels, one .tsv per labeller) give, for each item
 * of each labelled document, the first and last words of its body.  An item
 * found by edgr is right when both its boundaries match: its first words
 * and its last words equal the label's, compared as runs of ASCII letters
 * and digits, case-insensitively.  Item-level precision, recall and F1.
 *
 * usage: accuracy [CORPUS_DIR] [-v]    (default ../shared/corpus)
 * Exit status 1 when a target is missed (8-K recall or precision < 0.99,
 * 10-K/10-Q F1 < 0.97), 0 otherwise, 77 when the corpus is absent.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "edgr/edgr.h"
#include "edgr/items.h"
#include "edgr/text.h"

static int verbose;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
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

/* ---- words ---- */

enum { NWORDS = 8, WLEN = 48 };
typedef struct words {
    int n;
    char w[NWORDS][WLEN];
} words;

static int alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'); }

/* The first (or last) up to NWORDS words of [p, p+n). */
static void take_words(const char *p, size_t n, int from_end, int want, words *out)
{
    out->n = 0;
    if (want > NWORDS) want = NWORDS;
    /* collect word boundaries */
    size_t starts[4096], ends[4096];
    int k = 0;
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
        for (size_t j = 0; j < len; j++) out->w[i][j] = (char)(p[starts[i] + j] | 32);
        out->w[i][len] = '\0';
        /* letters are lower-cased; digits unaffected by | 32 */
    }
    out->n = k;
}

static int count_words(const char *p, size_t n)
{
    words w;
    take_words(p, n, 0, 1, &w);
    return w.n;
}

static int words_eq(const words *a, const words *b)
{
    if (a->n != b->n) return 0;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->w[i], b->w[i])) return 0;
    return 1;
}

static void words_print(const words *w)
{
    for (int i = 0; i < w->n; i++) printf("%s%s", i ? " " : "", w->w[i]);
}

/* ---- documents ---- */

typedef struct doc {
    char *data;
    size_t len;
    edgr_parser *ps;
    const edgr_submission *sub;
    edgr_document bare;
    const edgr_document *main;
    edgr_form_kind kind;
    char date[16];
} doc;

static int open_doc(const char *path, doc *d)
{
    memset(d, 0, sizeof *d);
    d->data = slurp(path, &d->len);
    if (!d->data) return -1;
    d->ps = edgr_parser_new();
    size_t used;
    if (edgr_parse(d->ps, d->data, d->len, 0, EDGR_PARSE_DECODE, &d->sub, &used) == EDGR_OK && d->sub &&
        d->sub->container != EDGR_C_NONE && d->sub->doc_count) {
        edgr_span form = edgr_get(d->sub, "type");
        d->kind = edgr_form_kind_of(form.ptr, form.len);
        edgr_span date = edgr_get(d->sub, "filing_date");
        if (date.ptr && date.len < sizeof d->date) memcpy(d->date, date.ptr, date.len);
        d->main = &d->sub->docs[0];
        for (size_t i = 0; i < d->sub->doc_count; i++)
            if (form.ptr && d->sub->docs[i].type.len == form.len &&
                !memcmp(d->sub->docs[i].type.ptr, form.ptr, form.len)) {
                d->main = &d->sub->docs[i];
                break;
            }
    } else {
        d->sub = NULL;
        edgr_document_bare(d->data, d->len, &d->bare);
        d->main = &d->bare;
    }
    return 0;
}

static void close_doc(doc *d)
{
    edgr_parser_free(d->ps);
    free(d->data);
}

/* ---- 8-K ---- */

static int in_set(char set[][16], int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(set[i], code)) return 1;
    return 0;
}

/* tests/labels/8k-header-errata.tsv: file, item, add|remove. */
typedef struct erratum {
    char file[128], item[16];
    int add;
} erratum;
static erratum errata[64];
static int nerrata;

static void load_errata(void)
{
    FILE *f = fopen(EDGR_SOURCE_DIR "/tests/labels/8k-header-errata.tsv", "r");
    if (!f) return;
    char line[1024];
    while (fgets(line, sizeof line, f) && nerrata < 64) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *file = strtok(line, "\t"), *item = strtok(NULL, "\t"), *what = strtok(NULL, "\t");
        if (!file || !item || !what) continue;
        erratum *e = &errata[nerrata++];
        copy_field(e->file, sizeof e->file, file);
        copy_field(e->item, sizeof e->item, item);
        e->add = !strncmp(what, "add", 3);
    }
    fclose(f);
}

static void eightk(const char *corpus, double *recall, double *precision)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/submissions", corpus);
    struct dirent **names;
    int nn = scandir(dir, &names, NULL, alphasort);
    long header_total = 0, found_total = 0, hit = 0, filings = 0, no_header_items = 0;
    long fixed_total = 0, fixed_hit = 0;
    load_errata();
    edgr_text t = {0};
    edgr_items it = {0};
    edgr_buf body = {0};
    for (int k = 0; k < nn; k++) {
        char path[8192], name[512];
        snprintf(name, sizeof name, "%s", names[k]->d_name);
        free(names[k]);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (name[0] == '.') continue;
        doc d;
        if (open_doc(path, &d)) continue;
        if (!d.sub || d.kind != EDGR_FORM_8K) { close_doc(&d); continue; }
        char header[32][16], fixed[32][16];
        int nh = 0, nfix = 0, unnamed = 0;
        for (int i = 0; i < 32; i++) {
            char key[32];
            snprintf(key, sizeof key, "items.%d", i);
            edgr_span v = edgr_get(d.sub, key);
            if (!v.ptr) break;
            if (!v.len) unnamed = 1; /* ITEM INFORMATION with no title */
            if (v.len && v.len < 16) {
                memcpy(header[nh], v.ptr, v.len);
                header[nh][v.len] = '\0';
                if (!in_set(header, nh, header[nh])) nh++;
            }
        }
        edgr_document_text(d.main, NULL, &t);
        edgr_items_find(&t, EDGR_FORM_8K, d.date[0] ? d.date : NULL, &it);
        if (!nh || unnamed) {
            /* The header cannot say which items the filing has. */
            no_header_items++;
            printf("  8-K %s: unscorable (header %s); body", name, nh ? "has an item without a title" : "lists no items");
            for (size_t i = 0; i < it.count; i++) printf(" %s", it.items[i].code);
            printf("\n");
            close_doc(&d);
            continue;
        }
        filings++;
        for (int i = 0; i < nh; i++) {
            int removed = 0;
            for (int e = 0; e < nerrata; e++)
                removed |= !errata[e].add && !strcmp(errata[e].file, name) && !strcmp(errata[e].item, header[i]);
            if (!removed) strcpy(fixed[nfix++], header[i]);
        }
        for (int e = 0; e < nerrata; e++)
            if (errata[e].add && !strcmp(errata[e].file, name) && !in_set(fixed, nfix, errata[e].item) && nfix < 32)
                strcpy(fixed[nfix++], errata[e].item);
        char found[64][16];
        int nf = 0;
        for (size_t i = 0; i < it.count && nf < 64; i++) {
            edgr_item *x = &it.items[i];
            edgr_item_text(&it, &t, i, &body);
            if (!count_words(body.data ? body.data : "", body.len)) continue;
            if (!in_set(found, nf, x->code)) strcpy(found[nf++], x->code);
        }
        int h = 0, hf = 0;
        for (int i = 0; i < nh; i++) h += in_set(found, nf, header[i]);
        for (int i = 0; i < nfix; i++) hf += in_set(found, nf, fixed[i]);
        header_total += nh;
        found_total += nf;
        hit += h;
        fixed_total += nfix;
        fixed_hit += hf;
        if (h != nh || h != nf || verbose) {
            printf("  8-K %s: header", name);
            for (int i = 0; i < nh; i++) printf(" %s", header[i]);
            printf("; body");
            for (int i = 0; i < nf; i++) printf(" %s", found[i]);
            printf("%s\n", h != nh || h != nf ? "  <- differs" : "");
        }
        close_doc(&d);
    }
    free(names);
    edgr_buf_free(&body);
    edgr_text_free(&t);
    edgr_items_free(&it);
    double raw_r = header_total ? (double)hit / header_total : 0, raw_p = found_total ? (double)hit / found_total : 0;
    *recall = fixed_total ? (double)fixed_hit / fixed_total : 0;
    *precision = found_total ? (double)fixed_hit / found_total : 0;
    printf("8-K: %ld filings scored (%ld unscorable: their header lists no item or an item without a title);\n"
           "     header items %ld, items found in the body with text %ld, matched %ld\n",
           filings, no_header_items, header_total, found_total, hit);
    printf("8-K against the headers as filed:        recall %.4f  precision %.4f\n", raw_r, raw_p);
    printf("8-K with the %d header errata corrected:  recall %.4f  precision %.4f  (target >= 0.99 each)\n",
           nerrata, *recall, *precision);
}

/* ---- labels ---- */

typedef struct label {
    char path[256], form[16], part[8], item[16];
    char first[512], last[512];
    int matched;
} label;


static int load_labels(const char *dir, label **out, size_t *n)
{
    DIR *dd = opendir(dir);
    if (!dd) return -1;
    struct dirent *e;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    char *files[64];
    int nfiles = 0;
    while ((e = readdir(dd)) && nfiles < 64) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".tsv")) files[nfiles++] = strdup(e->d_name);
    }
    closedir(dd);
    for (int f = 0; f < nfiles; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        free(files[f]);
        FILE *fp = fopen(path, "r");
        if (!fp) continue;
        char line[4096];
        while (fgets(line, sizeof line, fp)) {
            if (line[0] == '#' || line[0] == '\n') continue;
            line[strcspn(line, "\r\n")] = '\0';
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
            if (*n == cap) *out = realloc(*out, (cap = cap ? cap * 2 : 256) * sizeof **out);
            label *L = &(*out)[(*n)++];
            memset(L, 0, sizeof *L);
            copy_field(L->path, sizeof L->path, col[0]);
            copy_field(L->form, sizeof L->form, col[1]);
            copy_field(L->part, sizeof L->part, col[2]);
            copy_field(L->item, sizeof L->item, col[3]);
            copy_field(L->first, sizeof L->first, strcmp(col[4], "-") ? col[4] : "");
            copy_field(L->last, sizeof L->last, strcmp(col[5], "-") ? col[5] : "");
        }
        fclose(fp);
    }
    return 0;
}

static double labelled(const char *corpus, const char *labels_dir)
{
    label *L;
    size_t nl;
    if (load_labels(labels_dir, &L, &nl) || !nl) {
        printf("10-K/10-Q: no labels in %s\n", labels_dir);
        return 0;
    }
    long correct = 0, found_total = 0, files = 0;
    edgr_text t = {0};
    edgr_items it = {0};
    edgr_buf ibody = {0};
    for (size_t i = 0; i < nl;) {
        size_t j = i;
        while (j < nl && !strcmp(L[j].path, L[i].path)) j++;
        char path[4096];
        if (!strncmp(L[i].path, "tests/", 6)) snprintf(path, sizeof path, "%s/%s", EDGR_SOURCE_DIR, L[i].path);
        else snprintf(path, sizeof path, "%s/%s", corpus, L[i].path);
        doc d;
        if (open_doc(path, &d)) {
            printf("  %s: cannot read\n", path);
            i = j;
            continue;
        }
        files++;
        edgr_form_kind kind = !strncmp(L[i].form, "10-Q", 4) ? EDGR_FORM_10Q : EDGR_FORM_10K;
        edgr_document_text(d.main, NULL, &t);
        edgr_items_find(&t, kind, d.date[0] ? d.date : NULL, &it);
        found_total += (long)it.count;
        int file_ok = 0;
        for (size_t k = i; k < j; k++) {
            label *lb = &L[k];
            words want_first, want_last;
            take_words(lb->first, strlen(lb->first), 0, NWORDS, &want_first);
            take_words(lb->last, strlen(lb->last), 1, NWORDS, &want_last);
            const edgr_item *x = NULL;
            size_t xi = 0;
            for (size_t m = 0; m < it.count; m++)
                if (!strcasecmp(it.items[m].code, lb->item) &&
                    (kind == EDGR_FORM_10K || !strcmp(it.items[m].part, lb->part))) {
                    x = &it.items[m];
                    xi = m;
                    break;
                }
            if (!x) {
                printf("  %s %s-%s: not found\n", lb->path, lb->part, lb->item);
                continue;
            }
            words got_first, got_last;
            edgr_item_text(&it, &t, xi, &ibody);
            const char *body = ibody.data ? ibody.data : "";
            size_t blen = ibody.len;
            take_words(body, blen, 0, want_first.n ? want_first.n : 1, &got_first);
            take_words(body, blen, 1, want_last.n ? want_last.n : 1, &got_last);
            if (!want_first.n) { /* empty body expected */
                if (!got_first.n) { correct++; file_ok++; continue; }
            } else if (words_eq(&want_first, &got_first) && words_eq(&want_last, &got_last)) {
                correct++;
                file_ok++;
                continue;
            }
            printf("  %s %s-%s: boundaries differ\n", lb->path, lb->part, lb->item);
            if (!words_eq(&want_first, &got_first)) {
                printf("      first want: "); words_print(&want_first);
                printf("\n      first got:  "); words_print(&got_first); printf("\n");
            }
            if (!words_eq(&want_last, &got_last)) {
                printf("      last want:  "); words_print(&want_last);
                printf("\n      last got:   "); words_print(&got_last); printf("\n");
            }
        }
        if (verbose) printf("  %s: %d of %zu right, %zu found\n", L[i].path, file_ok, j - i, it.count);
        close_doc(&d);
        i = j;
    }
    edgr_buf_free(&ibody);
    edgr_text_free(&t);
    edgr_items_free(&it);
    double p = found_total ? (double)correct / found_total : 0, r = (double)correct / nl;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("10-K/10-Q: %ld documents, %zu labelled items, %ld found, %ld right (both boundaries)\n", files, nl,
           found_total, correct);
    printf("10-K/10-Q: precision %.4f  recall %.4f  F1 %.4f  (target F1 >= 0.97)\n", p, r, f1);
    free(L);
    return f1;
}

int main(int argc, char **argv)
{
    const char *corpus = "../shared/corpus";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) verbose = 1;
        else corpus = argv[i];
    }
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/MANIFEST.tsv", corpus);
    FILE *f = fopen(probe, "r");
    if (!f) {
        printf("accuracy: SKIPPED: no corpus at %s (set the path as the first argument)\n", corpus);
        return 77;
    }
    fclose(f);
    double r, p;
    eightk(corpus, &r, &p);
    double f1 = labelled(corpus, EDGR_SOURCE_DIR "/tests/labels");
    int ok = r >= 0.99 && p >= 0.99 && f1 >= 0.97;
    printf("accuracy: %s\n", ok ? "all targets met" : "TARGET MISSED");
    return ok ? 0 : 1;
}
