/*
 * The routes of edgr serve: a request's path and arguments to the store's
 * views, each answer the JSON the command line prints (edgr show,
 * facts-of, frames, insiders, holders), in the SEC's URL shapes where the
 * SEC has one (data.sec.gov/api/xbrl/...).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/jsonw.h"
#include "serve.h"

/* A growing body. */
typedef struct body {
    char *p;
    size_t len, cap;
    int failed;
    int rows;        /* as a JSON array of NDJSON lines: rows written     */
    int line_open;   /* a line begun, its newline not yet seen            */
} body;

static int put(void *user, const char *p, size_t n)
{
    body *b = user;
    if (b->failed) return 1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n + 1) cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) return b->failed = 1;
        b->p = q, b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
    return 0;
}

/* NDJSON from the store as the elements of a JSON array (the caller
 * writes the brackets): a newline ends an element, wherever it falls in
 * what the store writes at once. */
static int put_row(void *user, const char *p, size_t n)
{
    body *b = user;
    while (n) {
        const char *nl = memchr(p, '\n', n);
        size_t k = nl ? (size_t)(nl - p) : n;
        if (k) {
            if (!b->line_open) {
                if (b->rows++ && put(b, ",", 1)) return 1;
                b->line_open = 1;
            }
            if (put(b, p, k)) return 1;
        }
        if (nl) {
            b->line_open = 0;
            k++;
        }
        p += k, n -= k;
    }
    return 0;
}

static void answer(serve_answer *a, edgr_store *st, edgr_status s, body *b)
{
    if (b->failed) s = EDGR_ERR_NOMEM;
    a->status = s == EDGR_OK ? 200 : s == EDGR_ERR_NOT_FOUND ? 404 : s == EDGR_ERR_ARG || s == EDGR_ERR_QUERY ? 400 : 503;
    if (s == EDGR_OK) {
        a->body = b->p, a->len = b->len;
        return;
    }
    free(b->p);
    snprintf(a->error, sizeof a->error, "%s", s == EDGR_ERR_NOMEM ? "out of memory: try again" : edgr_store_error(st));
}

/* "CIK0000320193.json" (with `suffix`) -> "0000320193"; 0, or -1. */
static int cik_of(const char *s, const char *suffix, char out[11])
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n != 3 + 10 + k || memcmp(s, "CIK", 3) || strcmp(s + 13, suffix)) return -1;
    for (int i = 0; i < 10; i++)
        if (s[3 + i] < '0' || s[3 + i] > '9') return -1;
    memcpy(out, s + 3, 10);
    out[10] = '\0';
    return 0;
}

/* "CIK0000320193.json" (page 0) or "CIK0000320193-submissions-001.json"
 * (page 1): 1, or 0 for neither. */
static int submissions_name(const char *s, char cik[11], int *page)
{
    if (!cik_of(s, ".json", cik)) return *page = 0, 1;
    size_t n = strlen(s);
    if (n != 3 + 10 + 13 + 3 + 5 || strncmp(s + 13, "-submissions-", 13) || strcmp(s + n - 5, ".json")) return 0;
    char head[19];
    snprintf(head, sizeof head, "%.13s.json", s);
    if (cik_of(head, ".json", cik)) return 0;
    int k = 0;
    for (int i = 26; i < 29; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        k = k * 10 + (s[i] - '0');
    }
    return k > 0 ? (*page = k, 1) : 0;
}

/* Split path after `prefix` at '/' into at most `max` parts (in buf). */
static int parts(const char *path, const char *prefix, char *buf, size_t cap, char **part, int max)
{
    size_t k = strlen(prefix);
    if (strncmp(path, prefix, k) || strlen(path + k) >= cap) return -1;
    strcpy(buf, path + k);
    int n = 0;
    for (char *p = buf; n < max;) {
        part[n++] = p;
        char *slash = strchr(p, '/');
        if (!slash) return n;
        *slash = '\0';
        p = slash + 1;
    }
    return -1; /* more parts than the route has */
}

static long limit_of(const char *v)
{
    if (!v) return 0;
    char *end;
    long n = strtol(v, &end, 10);
    return *end || n < 1 || n > 100000 ? -1 : n;
}

/* ---- /v1/search: edgr search's hits, the exact total and the facets */

enum {
    SEARCH_MAX_LIMIT = 1000,     /* hits a page: the bound          */
    SEARCH_MAX_OFFSET = 1000000  /* deep pages cost the ranking of all before */
};

static int hit_put(void *user, const edgr_hit *h)
{
    body *b = user;
    if (b->rows++ && put(b, ",", 1)) return 1;
    return edgr_hit_write_json(h, put, b);
}

typedef struct facets {
    body *b;
    const char *open;  /* the facet whose list is open, or NULL */
    char name[16];
} facets;

static int facet_put(void *user, const edgr_facet *f)
{
    facets *c = user;
    body *b = c->b;
    char num[32];
    if (!strcmp(f->facet, "total") || !strcmp(f->facet, "filings")) {
        int n = snprintf(num, sizeof num, "\"%s\":%lld,", f->facet, f->count);
        return put(b, num, (size_t)n);
    }
    if (!c->open || strcmp(c->name, f->facet)) {
        if (c->open && put(b, "],", 2)) return 1;
        if (!c->open && put(b, "\"facets\":{", 10)) return 1;
        snprintf(c->name, sizeof c->name, "%s", f->facet);
        c->open = c->name;
        if (put(b, "\"", 1) || put(b, c->name, strlen(c->name)) || put(b, "\":[", 3)) return 1;
    } else if (put(b, ",", 1))
        return 1;
    jsonw w = {.write = put, .user = b};
    jsonw_open(&w, '{');
    jsonw_kstr(&w, "value", f->value);
    if (f->label) jsonw_kstr(&w, "name", f->label);
    jsonw_knum(&w, "count", f->count);
    jsonw_close(&w, '}');
    jsonw_flush(&w);
    return w.failed;
}

static long num_arg(const char *v, long dflt, long max)
{
    if (!v) return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    return *end || !*v || n < 0 || n > max ? -1 : n;
}

static void search(serve_answer *a, edgr_store *st, serve_arg_fn arg, void *req)
{
    body b = {0};
    edgr_query q = EDGR_QUERY_INIT;
    q.match = arg(req, "q");
    q.type = arg(req, "form"), q.cik = arg(req, "cik"), q.company = arg(req, "company");
    q.from = arg(req, "from"), q.to = arg(req, "to"), q.item = arg(req, "item"), q.doc_type = arg(req, "doc_type");
    q.mark_open = "<mark>", q.mark_close = "</mark>";
    const char *sort = arg(req, "sort");
    long limit = num_arg(arg(req, "limit"), 20, SEARCH_MAX_LIMIT), offset = num_arg(arg(req, "offset"), 0, SEARCH_MAX_OFFSET);
    long per_facet = num_arg(arg(req, "facets"), 10, 100);
    const char *bad = !q.match || !*q.match ? "q is required: /v1/search?q=%22material+weakness%22"
                      : limit < 1           ? "limit takes a number from 1 to 1000"
                      : offset < 0          ? "offset takes a number from 0 to 1000000"
                      : per_facet < 0       ? "facets takes a number from 0 (none) to 100 (values a facet)"
                      : sort && strcmp(sort, "relevance") && strcmp(sort, "rank") && strcmp(sort, "date")
                          ? "sort is relevance (or rank: bm25, the default) or date (newest first)"
                                                                                 : NULL;
    if (bad) {
        a->status = 400;
        snprintf(a->error, sizeof a->error, "%s", bad);
        return;
    }
    q.sort_by_date = sort && !strcmp(sort, "date");
    q.limit = limit, q.offset = offset;
    put(&b, "{", 1);
    edgr_status s = EDGR_OK;
    if (per_facet) {
        facets c = {.b = &b};
        s = edgr_store_search_facets(st, &q, per_facet, facet_put, &c);
        if (s == EDGR_OK) put(&b, c.open ? "]}," : "\"facets\":{},", c.open ? 3 : 12);
    }
    if (s == EDGR_OK) {
        char head[96];
        int n = snprintf(head, sizeof head, "\"offset\":%ld,\"limit\":%ld,\"hits\":[", offset, limit);
        put(&b, head, (size_t)n);
        s = edgr_store_search(st, &q, hit_put, &b);
        put(&b, "]}", 2);
    }
    if (s == EDGR_ERR_QUERY) s = EDGR_ERR_ARG; /* the query's fault: 400 with its sentence */
    answer(a, st, s, &b);
}

/* ---- /v1/filings/{accession}/items/{code} and .../documents/{sequence}:
 * the stored text, matches of q marked; JSON, or format=text */
static void section(serve_answer *a, edgr_store *st, const char *acc, const char *item, const char *doc,
                    serve_arg_fn arg, void *req)
{
    body b = {0};
    edgr_section_query q = EDGR_SECTION_QUERY_INIT;
    q.accession = acc, q.item = item, q.match = arg(req, "q");
    const char *format = arg(req, "format");
    if (!doc) doc = arg(req, "document"); /* an item of one document */
    if (doc) {
        long d = num_arg(doc, -1, 100000);
        if (d < 1) {
            a->status = 400;
            snprintf(a->error, sizeof a->error, "a document is its sequence number, from 1");
            return;
        }
        q.document = d;
    }
    if (format && (!strcmp(format, "html") || !strcmp(format, "markdown"))) {
        if (!item) {
            a->status = 400;
            snprintf(a->error, sizeof a->error, "format html and markdown are for items; a document's bytes are under /Archives/");
            return;
        }
        serve_item_source(st, acc, item, q.document, format[0] == 'm', a);
        return;
    }
    if (format && strcmp(format, "json") && strcmp(format, "text")) {
        a->status = 400;
        snprintf(a->error, sizeof a->error, "format is json, text, html or markdown");
        return;
    }
    q.plain = format && !strcmp(format, "text");
    answer(a, st, edgr_store_section_text(st, &q, put, &b), &b);
    if (q.plain && a->status == 200) a->content_type = "text/plain; charset=utf-8";
}

/* ---- /LATEST/search-index: the SEC's full-text search, in its shape */

/* dateRange=30d|1y|5y|10y: its first day, counted back from today (UTC). */
static int range_start(const char *range, char out[11])
{
    long days = !strcmp(range, "30d") ? 30 : !strcmp(range, "1y") ? 365 : !strcmp(range, "5y") ? 5 * 365 + 1
              : !strcmp(range, "10y") ? 10 * 365 + 2 : -1;
    if (days < 0) return -1;
    time_t t = time(NULL) - (time_t)days * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
    return 0;
}

static void efts(serve_answer *a, edgr_store *st, serve_arg_fn arg, void *req)
{
    body b = {0};
    edgr_efts_query q = EDGR_EFTS_QUERY_INIT;
    q.q = arg(req, "q"), q.forms = arg(req, "forms"), q.ciks = arg(req, "ciks");
    const char *range = arg(req, "dateRange");
    char start[11];
    if (range && strcmp(range, "all") && strcmp(range, "custom")) {
        if (range_start(range, start)) {
            a->status = 400;
            snprintf(a->error, sizeof a->error, "dateRange is all, 30d, 1y, 5y, 10y or custom (with startdt and enddt)");
            return;
        }
        q.startdt = start;
    } else if (!range || !strcmp(range, "custom")) {
        q.startdt = arg(req, "startdt"), q.enddt = arg(req, "enddt");
    }
    long from = num_arg(arg(req, "from"), 0, SEARCH_MAX_OFFSET), size = num_arg(arg(req, "size"), 100, SEARCH_MAX_LIMIT);
    if (from < 0 || size < 1) {
        a->status = 400;
        snprintf(a->error, sizeof a->error, "from takes a number from 0 to 1000000, size one from 1 to 1000");
        return;
    }
    q.from = from, q.size = size;
    edgr_status s = edgr_store_efts(st, &q, put, &b);
    answer(a, st, s == EDGR_ERR_QUERY ? EDGR_ERR_ARG : s, &b);
}

void serve_route(edgr_store *st, const char *path, serve_arg_fn arg, void *req, serve_answer *a)
{
    memset(a, 0, sizeof *a);
    body b = {0};
    char buf[SERVE_MAX_URI], *p[8], cik[11];
    int n, page = 0;
    if (serve_page(path, a) || serve_archives(st, path, a)) {
        return;
    } else if ((n = parts(path, "/v1/filings/", buf, sizeof buf, p, 3)) == 3 && *p[0] && *p[2] &&
        (!strcmp(p[1], "items") || !strcmp(p[1], "documents"))) {
        section(a, st, p[0], p[1][0] == 'i' ? p[2] : NULL, p[1][0] == 'd' ? p[2] : NULL, arg, req);
    } else if ((n = parts(path, "/v1/filings/", buf, sizeof buf, p, 1)) == 1 && *p[0]) {
        answer(a, st, edgr_store_show(st, p[0], 0, 0, put, &b), &b);
    } else if ((n = parts(path, "/api/xbrl/companyfacts/", buf, sizeof buf, p, 1)) == 1 && !cik_of(p[0], ".json", cik)) {
        answer(a, st, edgr_store_company_facts(st, cik, NULL, 0, put, &b), &b);
    } else if ((n = parts(path, "/api/xbrl/companyconcept/", buf, sizeof buf, p, 3)) == 3 && !cik_of(p[0], "", cik) &&
               strlen(p[2]) > 5 && !strcmp(p[2] + strlen(p[2]) - 5, ".json")) {
        char concept[512];
        snprintf(concept, sizeof concept, "%s:%.*s", p[1], (int)(strlen(p[2]) - 5), p[2]);
        answer(a, st, edgr_store_company_facts(st, cik, concept, 0, put, &b), &b);
    } else if ((n = parts(path, "/api/xbrl/frames/", buf, sizeof buf, p, 4)) == 4 && strlen(p[3]) > 5 &&
               !strcmp(p[3] + strlen(p[3]) - 5, ".json")) {
        char concept[512];
        snprintf(concept, sizeof concept, "%s:%s", p[0], p[1]);
        p[3][strlen(p[3]) - 5] = '\0';
        answer(a, st, edgr_store_frame(st, concept, p[2], p[3], 0, put, &b), &b);
    } else if ((n = parts(path, "/submissions/", buf, sizeof buf, p, 1)) == 1 && submissions_name(p[0], cik, &page)) {
        answer(a, st, edgr_store_submissions(st, cik, page, 0, put, &b), &b);
    } else if (!strcmp(path, "/files/company_tickers.json")) {
        answer(a, st, edgr_store_company_tickers(st, put, &b), &b);
    } else if (!strcmp(path, "/LATEST/search-index")) {
        efts(a, st, arg, req);
    } else if (!strcmp(path, "/v1/search")) {
        search(a, st, arg, req);
    } else if (!strcmp(path, "/v1/insiders") || !strcmp(path, "/v1/holdings")) {
        int ins = !strcmp(path, "/v1/insiders");
        long lim = limit_of(arg(req, "limit"));
        if (lim < 0) {
            a->status = 400;
            snprintf(a->error, sizeof a->error, "limit takes a number from 1 to 100000");
            return;
        }
        edgr_status s;
        put(&b, "{\"rows\":[", 9);
        if (ins) {
            edgr_insider_query q = {.struct_size = sizeof q, .cik = arg(req, "cik"), .owner = arg(req, "owner"),
                                    .code = arg(req, "code"), .from = arg(req, "from"), .to = arg(req, "to"),
                                    .limit = lim ? lim : 1000};
            s = q.cik ? edgr_store_insiders(st, &q, put_row, &b) : EDGR_ERR_ARG;
        } else {
            edgr_holders_query q = {.struct_size = sizeof q, .cusip = arg(req, "cusip"), .period = arg(req, "period"),
                                    .manager = arg(req, "manager"), .limit = lim ? lim : 1000};
            s = q.cusip ? edgr_store_holders(st, &q, put_row, &b) : EDGR_ERR_ARG;
        }
        if (s == EDGR_ERR_NOT_FOUND) s = EDGR_OK; /* a query with no row is an empty list */
        put(&b, "]}", 2);
        if (s == EDGR_ERR_ARG && !(ins ? arg(req, "cik") : arg(req, "cusip"))) {
            free(b.p);
            a->status = 400;
            snprintf(a->error, sizeof a->error, "%s", ins ? "cik is required: /v1/insiders?cik=320193" : "cusip is required: /v1/holdings?cusip=037833100");
            return;
        }
        answer(a, st, s, &b);
    } else if (!strcmp(path, "/v1/companies")) {
        /* a CIK, else a name: exact, then prefix, then part of a current or
         * former name (edgr company) */
        long lim = limit_of(arg(req, "limit"));
        const char *q = arg(req, "q");
        if (!q || lim < 0) {
            a->status = 400;
            snprintf(a->error, sizeof a->error, "%s", !q ? "q is required: /v1/companies?q=apple" : "limit takes a number from 1 to 100000");
            return;
        }
        put(&b, "{\"companies\":[", 14);
        edgr_status s = edgr_store_company(st, q, lim ? lim : 20, 0, put_row, &b);
        if (s == EDGR_ERR_NOT_FOUND) s = EDGR_OK;
        put(&b, "]}", 2);
        answer(a, st, s, &b);
    } else {
        a->status = 404;
        snprintf(a->error, sizeof a->error, "no such resource: %.200s", path);
    }
}
