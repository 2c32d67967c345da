/*
 * make bench, XBRL (issue 14): facts read per second, on one core.
 *
 * Inline XBRL: every corpus HTML document with inline XBRL (html/), copied
 * again and again into one buffer of at least 256 MiB, then over exactly
 * those bytes, best of 3: the memchr floor, edgr's HTML-to-text pass (what
 * every ingest does to the document anyway), and edgr_xbrl_read.  The
 * target: facts in at most 1.5 times text's time.
 *
 * Instances: the SEC's extracted instances (xml/ *_htm.xml), the same way:
 * libxml2's SAX parser with no handlers (the parse alone, the floor of any
 * libxml2 reader), and edgr_xbrl_read (libxml2's SAX with the fact model).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "edgr/edgr.h"
#include "edgr/text.h"
#include "edgr/xbrl.h"

typedef struct { size_t off, len; edgr_charset cs; } file_t;

typedef struct {
    char *buf;
    size_t size, nf, ndocs, bytes;
    file_t *f;
} set_t;

static volatile size_t sink_v;

static int ends(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

/* The files of dir that `want` accepts, repeated into one buffer of at
 * least min bytes. */
static int load(const char *dir, int inline_xbrl, size_t min, set_t *s)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    char *data[1024];
    size_t lens[1024];
    edgr_charset cs[1024];
    size_t n = 0, total = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 1024) {
        if (e->d_name[0] == '.') continue;
        if (inline_xbrl ? !(ends(e->d_name, ".htm") || ends(e->d_name, ".html")) : !ends(e->d_name, "_htm.xml"))
            continue;
        char path[8300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *b = slurp(path, &len);
        if (!b) continue;
        if (inline_xbrl && !memmem(b, len, "http://www.xbrl.org/2013/inlineXBRL", 35)) {
            free(b);
            continue;
        }
        edgr_document doc;
        edgr_document_bare(b, len, &doc);
        data[n] = b, lens[n] = len, cs[n] = doc.charset;
        total += lens[n++];
    }
    closedir(d);
    if (!n) return -1;
    size_t reps = min / total + 1;
    s->size = total * reps;
    s->buf = malloc(s->size);
    s->f = malloc(sizeof *s->f * n * reps);
    s->nf = 0;
    s->ndocs = n;
    s->bytes = total;
    size_t off = 0;
    for (size_t r = 0; r < reps; r++)
        for (size_t i = 0; i < n; i++) {
            memcpy(s->buf + off, data[i], lens[i]);
            s->f[s->nf++] = (file_t){off, lens[i], cs[i]};
            off += lens[i];
        }
    for (size_t i = 0; i < n; i++) free(data[i]);
    return 0;
}

enum { K_FLOOR, K_TEXT, K_FACTS, K_LIBXML2 };

static xmlSAXHandler no_handlers;

static double run(int kind, const set_t *s, size_t *facts)
{
    edgr_text t = {0};
    double t0 = now();
    size_t acc = 0, nfacts = 0;
    for (size_t i = 0; i < s->nf; i++) {
        const char *b = s->buf + s->f[i].off;
        size_t n = s->f[i].len;
        if (kind == K_FLOOR) acc += memchr(b, 0x01, n) != NULL;
        else if (kind == K_TEXT) {
            edgr_html_to_text(b, n, s->f[i].cs, NULL, &t);
            acc += t.len;
        } else if (kind == K_FACTS) {
            edgr_xbrl *x = NULL;
            edgr_xbrl_read(b, n, NULL, &x);
            nfacts += edgr_xbrl_count(x);
            edgr_xbrl_free(x);
        } else {
            xmlParserCtxtPtr c = xmlCreatePushParserCtxt(&no_handlers, NULL, NULL, 0, NULL);
            xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_HUGE);
            xmlParseChunk(c, b, (int)n, 1);
            acc += (size_t)c->wellFormed;
            xmlFreeParserCtxt(c);
        }
    }
    double dt = now() - t0;
    edgr_text_free(&t);
    sink_v += acc;
    if (facts) *facts = nfacts;
    return dt;
}

static double best_of_3(int kind, const set_t *s, size_t *facts)
{
    double best = 1e9;
    for (int r = 0; r < 3; r++) {
        double dt = run(kind, s, facts);
        if (dt < best) best = dt;
    }
    return best;
}

int main(int argc, char **argv)
{
    const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
    char dir[4096];
    set_t ix = {0}, in = {0};
    snprintf(dir, sizeof dir, "%s/html", corpus);
    if (load(dir, 1, (size_t)256 << 20, &ix)) {
        printf("XBRL: skipped: no inline XBRL documents in %s\n", dir);
        return 0;
    }
    xmlInitParser();
    printf("Inline XBRL: %zu corpus iXBRL documents, %.1f MB, repeated = %.0f MiB in memory, 1 core\n\n", ix.ndocs,
           (double)ix.bytes / 1e6, (double)ix.size / (1 << 20));
    size_t facts = 0;
    double floor_s = best_of_3(K_FLOOR, &ix, NULL), text_s = best_of_3(K_TEXT, &ix, NULL),
           facts_s = best_of_3(K_FACTS, &ix, &facts);
    printf("  %-22s %8.0f MB/s  (%.3f s)\n", "memchr floor", (double)ix.size / floor_s / 1e6, floor_s);
    printf("  %-22s %8.0f MB/s  (%.3f s)\n", "edgr html->text", (double)ix.size / text_s / 1e6, text_s);
    printf("  %-22s %8.0f MB/s  (%.3f s, %.1f M facts/s)\n", "edgr iXBRL facts", (double)ix.size / facts_s / 1e6,
           facts_s, (double)facts / facts_s / 1e6);
    printf("\n  facts' time / text's time  %.2f   (target: at most 1.5, issue 14)\n\n", facts_s / text_s);
    snprintf(dir, sizeof dir, "%s/xml", corpus);
    if (load(dir, 0, (size_t)128 << 20, &in) == 0) {
        printf("XBRL instances: %zu corpus _htm.xml instances, %.1f MB, repeated = %.0f MiB in memory, 1 core\n\n",
               in.ndocs, (double)in.bytes / 1e6, (double)in.size / (1 << 20));
        double lx_s = best_of_3(K_LIBXML2, &in, NULL), in_s = best_of_3(K_FACTS, &in, &facts);
        printf("  %-22s %8.0f MB/s  (%.3f s)\n", "libxml2 SAX, no handler", (double)in.size / lx_s / 1e6, lx_s);
        printf("  %-22s %8.0f MB/s  (%.3f s, %.1f M facts/s)\n", "edgr instance facts",
               (double)in.size / in_s / 1e6, in_s, (double)facts / in_s / 1e6);
        printf("\n  edgr instance / libxml2's parse alone  %.2fx the time\n\n", in_s / lx_s);
    }
    xmlCleanupParser();
    free(ix.buf), free(ix.f), free(in.buf), free(in.f);
    return 0;
}
