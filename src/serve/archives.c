/*
 * /Archives/edgar/data/{cik}/{acc18}/...: a filing's folder as the SEC
 * serves it, from the store and the recorded source (src/source/):
 * index.json (the listing), ACCESSION.txt (the submission's bytes as
 * ingested) and each document by its file name (its body as filed:
 * uuencoded images and PDFs decoded, text as it is, no transcoding).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "edgr/text.h"
#include "serve.h"

static int discard(void *user, const char *p, size_t n)
{
    (void)user, (void)p, (void)n;
    return 0;
}

/* The answer's buffer, for the folder listing. */
typedef struct grow {
    char *p;
    size_t len, cap;
} grow;

static int grow_put(void *user, const char *p, size_t n)
{
    grow *g = user;
    if (g->len + n > g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 4096;
        while (cap < g->len + n) cap *= 2;
        char *q = realloc(g->p, cap);
        if (!q) return 1;
        g->p = q, g->cap = cap;
    }
    memcpy(g->p + g->len, p, n);
    g->len += n;
    return 0;
}

static const char *type_of(const char *name)
{
    static const struct { const char *ext, *type; } TYPES[] = {
        {".htm", "text/html"}, {".html", "text/html"}, {".txt", "text/plain"}, {".xml", "application/xml"},
        {".xsd", "application/xml"}, {".json", "application/json"}, {".js", "text/javascript"}, {".css", "text/css"},
        {".pdf", "application/pdf"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
        {".png", "image/png"}, {".zip", "application/zip"}, {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (!strcmp(dot, TYPES[i].ext)) return TYPES[i].type;
    return "application/octet-stream";
}

static void fail(serve_answer *a, unsigned status, const char *msg)
{
    a->status = status;
    snprintf(a->error, sizeof a->error, "%.250s", msg);
}

/* The document called `name` in the submission's bytes, decoded, as the
 * answer; 404 when none is. */
static void document(serve_answer *a, const char *data, size_t len, const char *name)
{
    edgr_parser *ps = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used = 0;
    if (!ps || edgr_parse(ps, data, len, 0, 0, &s, &used) != EDGR_OK) {
        edgr_parser_free(ps);
        fail(a, ps ? 404 : 503, ps ? "the stored source is no longer an EDGAR submission" : "out of memory: try again");
        return;
    }
    size_t n = strlen(name);
    for (size_t i = 0; i < s->doc_count; i++) {
        const edgr_document *d = &s->docs[i];
        if (d->filename.len != n || memcmp(d->filename.ptr, name, n)) continue;
        edgr_buf body = {0};
        edgr_status st = edgr_document_decode(d, 0, &body);
        edgr_parser_free(ps);
        if (st == EDGR_ERR_NOMEM) {
            edgr_buf_free(&body);
            fail(a, 503, "out of memory: try again");
            return;
        }
        a->status = 200;
        a->body = body.data ? body.data : malloc(1);
        a->len = body.len;
        a->content_type = type_of(name);
        return;
    }
    edgr_parser_free(ps);
    fail(a, 404, "no document of that name in this filing");
}

int serve_archives(edgr_store *st, const char *path, serve_answer *a)
{
    static const char PREFIX[] = "/Archives/edgar/data/";
    if (strncmp(path, PREFIX, sizeof PREFIX - 1)) return 0;
    const char *p = path + sizeof PREFIX - 1, *slash = strchr(p, '/');
    char cik[11], acc[21];
    size_t cn = slash ? (size_t)(slash - p) : 0;
    const char *acc18 = slash ? slash + 1 : NULL, *slash2 = acc18 ? strchr(acc18, '/') : NULL;
    const char *name = slash2 ? slash2 + 1 : NULL;
    int ok = cn >= 1 && cn <= 10 && slash2 && slash2 - acc18 == 18 && name && *name && !strchr(name, '/');
    for (size_t i = 0; ok && i < cn; i++) ok = p[i] >= '0' && p[i] <= '9';
    for (int i = 0; ok && i < 18; i++) ok = acc18[i] >= '0' && acc18[i] <= '9';
    if (!ok) {
        fail(a, 404, "an Archives path is /Archives/edgar/data/{cik}/{18-digit accession}/{index.json, ACCESSION.txt or a file name}");
        return 1;
    }
    snprintf(cik, sizeof cik, "%.*s", (int)cn, p);
    snprintf(acc, sizeof acc, "%.10s-%.2s-%.6s", acc18, acc18 + 10, acc18 + 12);
    grow g = {0};
    int listing = !strcmp(name, "index.json");
    /* the folder exists for this company (or says why not) */
    edgr_status s = edgr_store_folder(st, cik, acc, listing ? grow_put : discard, &g);
    if (s != EDGR_OK) {
        free(g.p);
        fail(a, s == EDGR_ERR_NOT_FOUND ? 404 : s == EDGR_ERR_ARG ? 400 : 503, edgr_store_error(st));
        return 1;
    }
    if (listing) {
        a->status = 200, a->body = g.p, a->len = g.len;
        return 1;
    }
    edgr_source src = EDGR_SOURCE_INIT;
    if ((s = edgr_store_source(st, acc, &src)) != EDGR_OK) {
        fail(a, s == EDGR_ERR_NOT_FOUND ? 404 : 503, edgr_store_error(st));
        return 1;
    }
    char msg[512];
    size_t len = 0;
    char *data = source_read_all(&src, &len, msg, sizeof msg);
    if (!data) {
        fail(a, 404, msg); /* the source is gone or changed: nothing to serve */
        return 1;
    }
    char txt[32];
    snprintf(txt, sizeof txt, "%s.txt", acc);
    if (!strcmp(name, txt)) {
        a->status = 200, a->body = data, a->len = len, a->content_type = "text/plain";
        return 1;
    }
    document(a, data, len, name);
    free(data);
    return 1;
}

/* ---- /v1/filings/{accession}/items/{code}?format=html|markdown --------- */

int serve_item_source(edgr_store *st, const char *accession, const char *item, long document, int markdown,
                      serve_answer *a)
{
    edgr_section_span sp = EDGR_SECTION_SPAN_INIT;
    edgr_status s = edgr_store_section_span(st, accession, item, document, &sp);
    edgr_source src = EDGR_SOURCE_INIT;
    if (s == EDGR_OK) s = edgr_store_source(st, accession, &src);
    if (s != EDGR_OK) {
        fail(a, s == EDGR_ERR_NOT_FOUND ? 404 : s == EDGR_ERR_ARG ? 400 : 503, edgr_store_error(st));
        return 1;
    }
    char msg[512];
    size_t len = 0;
    char *data = source_read_all(&src, &len, msg, sizeof msg);
    if (!data) {
        fail(a, 404, msg);
        return 1;
    }
    if (sp.start < 0 || sp.end < sp.start || (uint64_t)sp.end > len) {
        free(data);
        fail(a, 404, "the item's bytes are not where the store says: the source changed since ingest");
        return 1;
    }
    const char *p = data + sp.start;
    size_t n = (size_t)(sp.end - sp.start);
    if (!markdown) { /* the item's own markup, as filed */
        memmove(data, p, n);
        a->status = 200, a->body = data, a->len = n;
        a->content_type = sp.html ? "text/html" : "text/plain";
        return 1;
    }
    edgr_text t = {0};
    edgr_text_options opt = EDGR_TEXT_OPTIONS_INIT;
    opt.tables = EDGR_TABLES_MARKDOWN;
    edgr_document bare;
    edgr_document_bare(p, n, &bare); /* for its charset */
    edgr_charset cs = bare.charset == EDGR_CS_UNKNOWN ? EDGR_CS_CP1252 : bare.charset;
    s = sp.html ? edgr_html_to_text(p, n, cs, &opt, &t) : edgr_plain_to_text(p, n, cs, &opt, &t);
    free(data);
    if (s != EDGR_OK) {
        edgr_text_free(&t);
        fail(a, 503, "out of memory: try again");
        return 1;
    }
    a->body = malloc(t.len ? t.len : 1);
    if (!a->body) {
        edgr_text_free(&t);
        fail(a, 503, "out of memory: try again");
        return 1;
    }
    memcpy(a->body, t.data, t.len);
    a->status = 200, a->len = t.len, a->content_type = "text/markdown; charset=utf-8";
    edgr_text_free(&t);
    return 1;
}
