/*
 * make bench, ownership and 13F (issue 15): Form 3/4/5 documents a second
 * and 13F rows a second, on one core.
 *
 * The corpus's ownership XML (bare in xml/, and each <XML> block of the
 * submissions) and its 13F information tables, each set copied again and
 * again into one buffer of at least 64 MiB, then over exactly those bytes,
 * best of 3: the memchr floor, libxml2's SAX parse with no handlers (the
 * floor of any libxml2 reader), edgr's reader, and the reader with every
 * row written as JSON (what `edgr ownership` does).  The peer: a Go
 * parser reports about 2,000 Form 4 documents a second.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "edgr/ownership.h"

typedef struct { size_t off, len; } piece;

typedef struct {
    char *buf;
    size_t size, n, ndocs, bytes;
    piece *p;
} set_t;

static volatile size_t sink_v;

enum { OWNERSHIP = 1, THIRTEEN_F = 2 };

/* The XML of one file: its <XML> blocks (a submission), or the whole file. */
static void add_blocks(const char *b, size_t len, int kind, char **data, size_t *lens, size_t *n, size_t cap)
{
    const char *p = memmem(b, len, "<XML>", 5);
    if (!p) p = b;
    while (p && *n < cap) {
        const char *s = p == b ? b : p + 5, *e = p == b ? b + len : memmem(s, (size_t)(b + len - s), "</XML>", 6);
        if (!e) break;
        while (s < e && (*s == '\n' || *s == '\r')) s++;
        size_t k = (size_t)(e - s);
        int ok = kind == OWNERSHIP ? edgr_ownership_is(s, k) : (edgr_13f_is(s, k) && memmem(s, k < 4096 ? k : 4096, "informationTable", 16));
        if (ok && (data[*n] = malloc(k))) {
            memcpy(data[*n], s, k);
            lens[(*n)++] = k;
        }
        if (p == b) break;
        p = memmem(e, (size_t)(b + len - e), "<XML>", 5);
    }
}

static int load(const char *corpus, int kind, size_t min, set_t *s)
{
    static const char *const DIRS[] = {"xml", "submissions"};
    enum { CAP = 4096 };
    char *data[CAP];
    size_t lens[CAP], n = 0, total = 0;
    for (int d = 0; d < 2; d++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", corpus, DIRS[d]);
        DIR *dp = opendir(dir);
        if (!dp) continue;
        struct dirent *e;
        while ((e = readdir(dp))) {
            if (e->d_name[0] == '.') continue;
            char path[8300];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t len;
            char *b = slurp(path, &len);
            if (b) add_blocks(b, len, kind, data, lens, &n, CAP);
            free(b);
        }
        closedir(dp);
    }
    if (!n) return -1;
    for (size_t i = 0; i < n; i++) total += lens[i];
    size_t reps = min / total + 1;
    s->size = total * reps;
    s->buf = malloc(s->size);
    s->p = malloc(sizeof *s->p * n * reps);
    s->n = 0, s->ndocs = n, s->bytes = total;
    size_t off = 0;
    for (size_t r = 0; r < reps; r++)
        for (size_t i = 0; i < n; i++) {
            memcpy(s->buf + off, data[i], lens[i]);
            s->p[s->n++] = (piece){off, lens[i]};
            off += lens[i];
        }
    for (size_t i = 0; i < n; i++) free(data[i]);
    return 0;
}

enum { K_FLOOR, K_LIBXML2, K_READ, K_JSON };

static int count_bytes(void *user, const char *p, size_t n)
{
    (void)p;
    *(size_t *)user += n;
    return 0;
}

static xmlSAXHandler no_handlers;

static double run(int what, int kind, const set_t *s, size_t *rows)
{
    double t0 = now();
    size_t acc = 0, nrows = 0;
    for (size_t i = 0; i < s->n; i++) {
        const char *b = s->buf + s->p[i].off;
        size_t n = s->p[i].len;
        if (what == K_FLOOR) acc += memchr(b, 0x01, n) != NULL;
        else if (what == K_LIBXML2) {
            xmlParserCtxtPtr c = xmlCreatePushParserCtxt(&no_handlers, NULL, NULL, 0, NULL);
            xmlCtxtUseOptions(c, XML_PARSE_NONET);
            xmlParseChunk(c, b, (int)n, 1);
            acc += (size_t)c->wellFormed;
            xmlFreeParserCtxt(c);
        } else if (kind == OWNERSHIP) {
            edgr_ownership *x = NULL;
            edgr_ownership_read(b, n, NULL, &x);
            const edgr_own_doc *d = edgr_ownership_doc(x);
            nrows += d ? d->nrows : 0;
            for (size_t r = 0; what == K_JSON && d && r < d->nrows; r++)
                edgr_ownership_write_row(x, r, NULL, count_bytes, &acc);
            edgr_ownership_free(x);
        } else {
            edgr_13f *h = edgr_13f_new();
            edgr_13f_add(h, b, n, NULL);
            edgr_13f_finish(h, NULL);
            const edgr_13f_doc *d = edgr_13f_doc_of(h);
            nrows += d->nrows;
            for (size_t r = 0; what == K_JSON && r < d->nrows; r++) edgr_13f_write_row(h, r, NULL, count_bytes, &acc);
            edgr_13f_free(h);
        }
    }
    double dt = now() - t0;
    sink_v += acc;
    if (rows) *rows = nrows;
    return dt;
}

static double best_of_3(int what, int kind, const set_t *s, size_t *rows)
{
    double best = 1e9;
    for (int r = 0; r < 3; r++) {
        double dt = run(what, kind, s, rows);
        if (dt < best) best = dt;
    }
    return best;
}

static void report(const char *title, int kind, const set_t *s)
{
    size_t rows = 0;
    double fl = best_of_3(K_FLOOR, kind, s, NULL), lx = best_of_3(K_LIBXML2, kind, s, NULL),
           rd = best_of_3(K_READ, kind, s, &rows), js = best_of_3(K_JSON, kind, s, NULL);
    double docs = (double)s->n;
    printf("%s: %zu corpus documents, %.2f MB, repeated = %.0f MiB in memory (%zu documents, %zu rows), 1 core\n\n",
           title, s->ndocs, (double)s->bytes / 1e6, (double)s->size / (1 << 20), s->n, rows);
    printf("  %-26s %8.0f MB/s\n", "memchr floor", (double)s->size / fl / 1e6);
    printf("  %-26s %8.0f MB/s  %9.0f documents/s\n", "libxml2 SAX, no handler", (double)s->size / lx / 1e6, docs / lx);
    printf("  %-26s %8.0f MB/s  %9.0f documents/s  %10.0f rows/s  (%.2fx libxml2's time)\n", "edgr reader",
           (double)s->size / rd / 1e6, docs / rd, (double)rows / rd, rd / lx);
    printf("  %-26s %8.0f MB/s  %9.0f documents/s  %10.0f rows/s\n\n", "edgr reader + rows' JSON",
           (double)s->size / js / 1e6, docs / js, (double)rows / js);
}

int main(int argc, char **argv)
{
    const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
    set_t own = {0}, f13 = {0};
    xmlInitParser();
    if (load(corpus, OWNERSHIP, (size_t)64 << 20, &own) == 0) {
        report("Forms 3/4/5", OWNERSHIP, &own);
        printf("  peer: a Go parser reports about 2,000 Form 4 documents/s\n\n");
    } else printf("Forms 3/4/5: skipped: no ownership XML in %s\n", corpus);
    if (load(corpus, THIRTEEN_F, (size_t)64 << 20, &f13) == 0) report("13F information tables", THIRTEEN_F, &f13);
    else printf("13F: skipped: no information tables in %s\n", corpus);
    xmlCleanupParser();
    free(own.buf), free(own.p), free(f13.buf), free(f13.p);
    return 0;
}
