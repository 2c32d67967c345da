/*
 * Allocation-failure injection, as SQLite's tests do it (make check; under
 * ASan with leak detection in make asan).
 *
 * This executable is linked with -Wl,--wrap=malloc,--wrap=calloc,
 * --wrap=realloc,--wrap=strdup,--wrap=strndup,--wrap=free, so every
 * allocation the static library makes goes through the counting hooks below
 * and the library's call sites stay as they are.
 *
 * For each input and each path through the library (parse + JSON + decode,
 * streaming, text in three table styles, items, facts), a clean run counts
 * the allocations and notes the site of each: the allocating call's return
 * address and the one above it (so buf_reserve called from the HTML reader
 * and from the item finder are two sites).  Then the path is run again with
 * exactly one allocation failing (k-th call; the ones after succeed), for
 * the first and the last call of every site, and for every k when a path
 * makes few allocations (else an evenly spaced sample); then once more from
 * each site's first call with every allocation after it failing too (memory
 * gone for good).  Each run must:
 *
 *   - return EDGR_ERR_NOMEM from the call that saw the failure, or give
 *     exactly the clean run's status and output (the failure was absorbed);
 *   - not crash (ASan watches the error paths in make asan);
 *   - leave no allocation alive once the path has freed its objects.
 *
 * usage: fault_tests [-v] [FILE...]   (default: samples/, tests/fixtures/ and
 *                                     the corpus's small submissions)
 * Prints one line per path and "fault: N sites, N injections, N failures".
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edgr/edgr.h"
#include "edgr/facts.h"
#include "edgr/items.h"
#include "edgr/store.h"
#include "edgr/ownership.h"
#include "edgr/xbrl.h"
#include "edgr/text.h"

/* the "source" the JSON writers are given: an archive member, so that
 * both strings are written */
static const edgr_json_source in_src = {.struct_size = sizeof(edgr_json_source), .path = "in", .member = "m"};

/* ---- the hooks ----------------------------------------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void __real_free(void *p);

enum { LIVE_BITS = 20, LIVE_SIZE = 1u << LIVE_BITS, FRAMES = 12 };

static int armed;              /* count and track only inside a path's run */
static unsigned long calls;    /* allocations counted in this run          */
static unsigned long fail_at;  /* fail this call (1-based); 0: none        */
static int fail_rest;          /* and every call after it (memory stays gone) */
static int failed_once;        /* the injected failure happened            */
static unsigned long live;     /* tracked allocations not yet freed        */
static void **live_tab;        /* open addressing; TOMB marks a removal    */
static uint32_t *live_site;
#define TOMB ((void *)1)

/* Sites: a hash of the caller frames of each allocation. */
typedef struct site {
    uint64_t key;
    void *pc[2];
    unsigned long first, last; /* call numbers in the clean run            */
    unsigned long calls;
} site;
static site *sites;
static size_t nsites, cap_sites;
static uint32_t *call_site;    /* clean run: site of each call             */
static size_t cap_calls;
static int recording;          /* clean run: fill call_site and sites      */
static uint32_t cur_site;

static uint64_t hash_ptrs(void *const *p, int n)
{
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < n; i++) {
        h ^= (uint64_t)(uintptr_t)p[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Where the allocation was made: `ra` is the hook's return address (the
 * library's call site); the frame after it in the backtrace is its caller.
 * Found by address, not by depth: inlining and ASan's backtrace interceptor
 * add or remove frames. */
__attribute__((noinline)) static uint32_t site_of(void *ra)
{
    void *fr[FRAMES] = {0};
    int n = backtrace(fr, FRAMES);
    void *pc[2] = {ra, NULL};
    for (int i = 0; i + 1 < n; i++)
        if (fr[i] == ra) {
            pc[1] = fr[i + 1];
            break;
        }
    uint64_t key = hash_ptrs(pc, 2);
    for (size_t i = 0; i < nsites; i++)
        if (sites[i].key == key) return (uint32_t)i;
    if (nsites == cap_sites) {
        cap_sites = cap_sites ? cap_sites * 2 : 256;
        sites = __real_realloc(sites, cap_sites * sizeof *sites);
        if (!sites) abort();
    }
    sites[nsites] = (site){.key = key, .pc = {pc[0], pc[1]}};
    return (uint32_t)nsites++;
}

/* Called before each allocation: 1 if it must fail. */
__attribute__((noinline)) static int counted(void *ra)
{
    calls++;
    cur_site = UINT32_MAX;
    if (recording) {
        uint32_t s = site_of(ra);
        if (calls > cap_calls) {
            cap_calls = cap_calls ? cap_calls * 2 : 4096;
            call_site = __real_realloc(call_site, cap_calls * sizeof *call_site);
            if (!call_site) abort();
        }
        call_site[calls - 1] = s;
        if (!sites[s].calls++) sites[s].first = calls;
        sites[s].last = calls;
        cur_site = s;
    } else if (calls <= cap_calls && call_site) {
        cur_site = call_site[calls - 1];
    }
    if (fail_at && (calls == fail_at || (fail_rest && calls > fail_at))) {
        failed_once = 1;
        return 1;
    }
    return 0;
}

static size_t slot_of(const void *p)
{
    return (size_t)(((uintptr_t)p >> 4) * 11400714819323198485ull >> (64 - LIVE_BITS));
}

static void track(void *p)
{
    if (!p) return;
    size_t i = slot_of(p);
    while (live_tab[i] && live_tab[i] != TOMB) i = (i + 1) & (LIVE_SIZE - 1);
    live_tab[i] = p;
    live_site[i] = cur_site;
    live++;
}

static void untrack(void *p)
{
    if (!p || !live) return;
    size_t i = slot_of(p);
    while (live_tab[i]) {
        if (live_tab[i] == p) {
            live_tab[i] = TOMB;
            live--;
            return;
        }
        i = (i + 1) & (LIVE_SIZE - 1);
    }
}

__attribute__((noinline)) void *__wrap_malloc(size_t n)
{
    if (!armed) return __real_malloc(n);
    if (counted(__builtin_return_address(0))) return NULL;
    void *p = __real_malloc(n);
    track(p);
    return p;
}

__attribute__((noinline)) void *__wrap_calloc(size_t n, size_t m)
{
    if (!armed) return __real_calloc(n, m);
    if (counted(__builtin_return_address(0))) return NULL;
    void *p = __real_calloc(n, m);
    track(p);
    return p;
}

__attribute__((noinline)) void *__wrap_realloc(void *old, size_t n)
{
    if (!armed) return __real_realloc(old, n);
    if (counted(__builtin_return_address(0))) return NULL;
    void *p = __real_realloc(old, n);
    if (p || n == 0) untrack(old);
    track(p);
    return p;
}

__attribute__((noinline)) char *__wrap_strdup(const char *s)
{
    if (!armed) return __real_strdup(s);
    if (counted(__builtin_return_address(0))) return NULL;
    char *p = __real_strdup(s);
    track(p);
    return p;
}

__attribute__((noinline)) char *__wrap_strndup(const char *s, size_t n)
{
    if (!armed) return __real_strndup(s, n);
    if (counted(__builtin_return_address(0))) return NULL;
    char *p = __real_strndup(s, n);
    track(p);
    return p;
}

void __wrap_free(void *p)
{
    untrack(p);
    __real_free(p);
}

/* ---- the paths ----------------------------------------------------------- */

typedef struct result {
    edgr_status st;
    uint64_t digest;
} result;

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *u = p;
    for (size_t i = 0; i < n; i++) h = (h ^ u[i]) * 1099511628211ull;
    return h;
}

static int digest_write(void *user, const char *p, size_t n)
{
    uint64_t *h = user;
    *h = mix(*h, p, n);
    return 0;
}

/* The status a path reports: the first failure, or the last status. */
#define STOP(call)                                                                                 \
    do {                                                                                           \
        edgr_status st_ = (call);                                                                  \
        if (st_ == EDGR_ERR_NOMEM) {                                                               \
            r.st = st_;                                                                            \
            goto done;                                                                             \
        }                                                                                          \
        r.digest = mix(r.digest, &st_, sizeof st_);                                                \
    } while (0)

/* Parse every submission (decoding), write its JSON and decode each body. */
static result path_parse(const char *buf, size_t len)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_parser *p = edgr_parser_new();
    edgr_buf body = {0};
    if (!p) return (result){EDGR_ERR_NOMEM, 0};
    size_t at = 0;
    for (int guard = 0; guard < 64; guard++) {
        const edgr_submission *s;
        size_t used = 0;
        edgr_status st = edgr_parse(p, buf + at, len - at, at, EDGR_PARSE_DECODE, &s, &used);
        if (st == EDGR_ERR_NOMEM) {
            r.st = st;
            goto done;
        }
        r.digest = mix(r.digest, &st, sizeof st);
        if (st != EDGR_OK && st != EDGR_ERR_NOT_EDGAR) break;
        STOP(edgr_write_json(s, &in_src, 0, digest_write, &r.digest));
        for (size_t d = 0; d < s->doc_count; d++) {
            STOP(edgr_document_decode(&s->docs[d], EDGR_DECODE_UTF8, &body));
            r.digest = mix(r.digest, body.data, body.len);
        }
        if (st != EDGR_OK || used == 0) break;
        at += used;
    }
done:
    edgr_buf_free(&body);
    edgr_parser_free(p);
    return r;
}

static int on_header(void *u, const edgr_submission *s)
{
    return edgr_write_json(s, NULL, EDGR_JSON_NO_DOCS, digest_write, u) != EDGR_OK;
}
static int on_data(void *u, const edgr_document *d, const char *p, size_t n)
{
    (void)d;
    digest_write(u, p, n);
    return 0;
}
static int on_end(void *u, const edgr_submission *s)
{
    return edgr_write_json(s, NULL, 0, digest_write, u) != EDGR_OK;
}

/* The same bytes through the streaming splitter, in 4 KB chunks. */
static result path_stream(const char *buf, size_t len)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_callbacks cb = {.struct_size = sizeof cb, .header = on_header, .doc_data = on_data, .submission_end = on_end};
    edgr_stream *st = edgr_stream_new(&cb, &r.digest, 0);
    if (!st) return (result){EDGR_ERR_NOMEM, 0};
    for (size_t at = 0; at < len; at += 4096) {
        edgr_status s = edgr_stream_feed(st, buf + at, len - at < 4096 ? len - at : 4096);
        if (s == EDGR_ERR_NOMEM) {
            r.st = s;
            goto done;
        }
        if (s != EDGR_OK) {
            r.digest = mix(r.digest, &s, sizeof s);
            break;
        }
    }
    STOP(edgr_stream_finish(st));
done:
    edgr_stream_free(st);
    return r;
}

/* Parse with one parser; the callers of the paths below get `s`. */
typedef result (*sub_fn)(const edgr_submission *s);

static result over_submissions(const char *buf, size_t len, sub_fn fn)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_parser *p = edgr_parser_new();
    if (!p) return (result){EDGR_ERR_NOMEM, 0};
    size_t at = 0;
    for (int guard = 0; guard < 64 && at < len; guard++) {
        const edgr_submission *s;
        size_t used = 0;
        edgr_status st = edgr_parse(p, buf + at, len - at, at, EDGR_PARSE_DECODE, &s, &used);
        if (st == EDGR_ERR_NOMEM) {
            r.st = st;
            break;
        }
        if (st != EDGR_OK) break;
        result q = fn(s);
        r.digest = mix(r.digest, &q.digest, sizeof q.digest);
        if (q.st == EDGR_ERR_NOMEM) {
            r.st = q.st;
            break;
        }
        if (used == 0) break;
        at += used;
    }
    edgr_parser_free(p);
    return r;
}

/* Every document's text, in the three table styles, reusing one result. */
static result sub_text(const edgr_submission *s)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_text t = {0};
    for (int style = 0; style < 3; style++) {
        edgr_text_options o = {.struct_size = sizeof o, .tables = (edgr_table_style)style};
        for (size_t d = 0; d < s->doc_count; d++) {
            STOP(edgr_document_text(&s->docs[d], &o, &t));
            r.digest = mix(r.digest, t.data, t.len);
            r.digest = mix(r.digest, t.anchors, t.anchor_count * sizeof *t.anchors);
        }
    }
done:
    edgr_text_free(&t);
    return r;
}

/* The items of the main document (the first HTML or text one). */
static result sub_items(const edgr_submission *s)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_text t = {0};
    edgr_items it = {0};
    edgr_buf body = {0};
    size_t d = 0;
    while (d < s->doc_count && s->docs[d].format != EDGR_FMT_HTML && s->docs[d].format != EDGR_FMT_TEXT)
        d++;
    if (d == s->doc_count) return r;
    edgr_span type = edgr_get(s, "type");
    edgr_form_kind kind = edgr_form_kind_of(type.ptr, type.len);
    if (kind == EDGR_FORM_OTHER) kind = EDGR_FORM_10K; /* exercise the segmenter anyway */
    char date[16] = "";
    edgr_span fd = edgr_get(s, "filing_date");
    if (fd.ptr && fd.len < sizeof date) memcpy(date, fd.ptr, fd.len), date[fd.len] = 0;
    STOP(edgr_document_text(&s->docs[d], NULL, &t));
    STOP(edgr_items_find(&t, kind, *date ? date : NULL, &it));
    for (size_t i = 0; i < it.count; i++) {
        char title[256];
        size_t n = edgr_item_title(&it, &t, i, title, sizeof title);
        r.digest = mix(r.digest, title, n);
        r.digest = mix(r.digest, it.items[i].item, sizeof it.items[i].item);
        STOP(edgr_item_text(&it, &t, i, &body));
        r.digest = mix(r.digest, body.data, body.len);
    }
done:
    edgr_buf_free(&body);
    edgr_items_free(&it);
    edgr_text_free(&t);
    return r;
}

/* Cover facts, signatures and exhibits, and their JSON. */
static result sub_facts(const edgr_submission *s)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_facts f = {0};
    STOP(edgr_facts_extract(s, s->docs, s->doc_count, &f));
    STOP(edgr_facts_write_json(&f, s, s->docs, &in_src, 0, digest_write, &r.digest));
done:
    edgr_facts_free(&f);
    return r;
}

/* Every XBRL fact of every document, and its JSON. */
static result sub_xbrl(const edgr_submission *s)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_xbrl *x = NULL;
    for (size_t i = 0; i < s->doc_count; i++) {
        const edgr_document *d = &s->docs[i];
        if (!edgr_xbrl_may_hold(d)) continue;
        edgr_status st = edgr_xbrl_read(d->body.ptr, d->body.len, NULL, &x);
        if (st == EDGR_ERR_NOMEM) STOP(st);
        r.digest = mix(r.digest, &st, sizeof st);
        for (size_t k = 0; k < edgr_xbrl_count(x); k++) STOP(edgr_xbrl_write_fact(x, k, 0, digest_write, &r.digest));
        for (size_t k = 0; k < edgr_xbrl_problem_count(x); k++) {
            const char *m = edgr_xbrl_problem_at(x, k)->message;
            r.digest = mix(r.digest, m, strlen(m));
        }
        edgr_xbrl_free(x);
        x = NULL;
    }
done:
    edgr_xbrl_free(x);
    return r;
}

/* Forms 3/4/5 and 13F documents: their rows and documents as JSON. */
static result sub_ownership(const edgr_submission *s)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_ownership *x = NULL;
    edgr_13f *h = NULL;
    for (size_t i = 0; i < s->doc_count; i++) {
        const edgr_document *d = &s->docs[i];
        if (edgr_ownership_is(d->body.ptr, d->body.len)) {
            edgr_status st = edgr_ownership_read(d->body.ptr, d->body.len, NULL, &x);
            if (st == EDGR_ERR_NOMEM) STOP(st);
            r.digest = mix(r.digest, &st, sizeof st);
            for (size_t k = 0; k < edgr_ownership_doc(x)->nrows; k++)
                STOP(edgr_ownership_write_row(x, k, NULL, digest_write, &r.digest));
            STOP(edgr_ownership_write_doc(x, NULL, digest_write, &r.digest));
            edgr_ownership_free(x);
            x = NULL;
        } else if (edgr_13f_is(d->body.ptr, d->body.len)) {
            if (!h && !(h = edgr_13f_new())) STOP(EDGR_ERR_NOMEM);
            edgr_status st = edgr_13f_add(h, d->body.ptr, d->body.len, NULL);
            if (st == EDGR_ERR_NOMEM) STOP(st);
            r.digest = mix(r.digest, &st, sizeof st);
        }
    }
    if (h) {
        STOP(edgr_13f_finish(h, NULL));
        for (size_t k = 0; k < edgr_13f_doc_of(h)->nrows; k++) STOP(edgr_13f_write_row(h, k, NULL, digest_write, &r.digest));
        STOP(edgr_13f_write_doc(h, NULL, digest_write, &r.digest));
        for (size_t k = 0; k < edgr_13f_problem_count(h); k++) {
            const char *m = edgr_13f_problem_at(h, k)->message;
            r.digest = mix(r.digest, m, strlen(m));
        }
    }
done:
    edgr_ownership_free(x);
    edgr_13f_free(h);
    return r;
}

/* The store's record of each submission, written (replacing) to a store in
 * memory opened once, and read back as JSON.  SQLite's own allocations are
 * not counted (a shared library); the store's code around it is. */
static edgr_store *mem_store;

static result sub_record(const edgr_submission *s)
{
    result r = {EDGR_OK, 1469598103934665603ull};
    edgr_record *rec = NULL;
    edgr_store *st = mem_store;
    edgr_source src = {.struct_size = sizeof src, .path = "in", .length = s->end - s->offset};
    edgr_status bs = edgr_record_build(s, &src, &rec);
    if (bs != EDGR_OK) {
        r.st = bs == EDGR_ERR_NOMEM ? bs : EDGR_OK;
        r.digest = mix(r.digest, &bs, sizeof bs);
        goto done;
    }
    edgr_put_result res;
    STOP(edgr_store_begin(st));
    edgr_status ps = edgr_store_put(st, rec, 1, &res);
    if (ps != EDGR_OK) edgr_store_rollback(st);
    STOP(ps);
    STOP(edgr_store_commit(st));
    STOP(edgr_store_show(st, edgr_record_accession(rec), 1, 0, digest_write, &r.digest));
    /* the SEC's views of its XBRL facts, when it has any */
    edgr_span cik = edgr_get(s, "cik");
    char c[16] = "";
    if (cik.ptr && cik.len < sizeof c) memcpy(c, cik.ptr, cik.len);
    edgr_status vs = c[0] ? edgr_store_company_facts(st, c, NULL, 0, digest_write, &r.digest) : EDGR_ERR_NOT_FOUND;
    if (vs != EDGR_ERR_NOT_FOUND) STOP(vs);
    vs = c[0] ? edgr_store_frame(st, "us-gaap:Revenues", "USD", "CY2025", 0, digest_write, &r.digest) : EDGR_ERR_NOT_FOUND;
    if (vs != EDGR_ERR_NOT_FOUND) STOP(vs);
done:
    edgr_record_free(rec);
    return r;
}

static result path_text(const char *b, size_t n) { return over_submissions(b, n, sub_text); }
static result path_record(const char *b, size_t n) { return over_submissions(b, n, sub_record); }
static result path_items(const char *b, size_t n) { return over_submissions(b, n, sub_items); }
static result path_facts(const char *b, size_t n) { return over_submissions(b, n, sub_facts); }
static result path_xbrl(const char *b, size_t n) { return over_submissions(b, n, sub_xbrl); }
static result path_ownership(const char *b, size_t n) { return over_submissions(b, n, sub_ownership); }

typedef struct path {
    const char *name;
    result (*run)(const char *, size_t);
    unsigned long every; /* fail every call when the clean run makes at most
                            this many (else an even sample of about 150),
                            besides each site's first and last call        */
} path;

static const path PATHS[] = {
    {"parse", path_parse, 400},   {"stream", path_stream, 400}, {"text", path_text, 400},
    {"items", path_items, 400},   {"facts", path_facts, 400}, {"xbrl", path_xbrl, 400},
    {"ownership", path_ownership, 400},
    /* a filing's rows in SQLite per run: its sites' first and last calls */
    {"record", path_record, 0},
};

/* ---- the driver ---------------------------------------------------------- */

static int verbose; /* -v: a line per path, and every site reached */
static unsigned long injections, failures;

/* Distinct sites over every file and path: the allocating call alone, and
 * with its caller. */
static void *g_pc[4096];
static uint64_t g_key[16384];
static size_t g_npc, g_nkey;

static void global_sites_add(void)
{
    for (size_t i = 0; i < nsites; i++) {
        size_t j;
        for (j = 0; j < g_npc && g_pc[j] != sites[i].pc[0]; j++) {}
        if (j == g_npc && g_npc < 4096) g_pc[g_npc++] = sites[i].pc[0];
        for (j = 0; j < g_nkey && g_key[j] != sites[i].key; j++) {}
        if (j == g_nkey && g_nkey < 16384) g_key[g_nkey++] = sites[i].key;
    }
}

/* "buf_reserve < uu_body" (addr2line names the functions; else offsets). */
static void site_name(const site *s, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < 2 && n < cap; i++) {
        Dl_info info;
        if (!s->pc[i] || !dladdr(s->pc[i], &info) || !info.dli_fbase) continue;
        unsigned long off = (unsigned long)((char *)s->pc[i] - (char *)info.dli_fbase) - 1;
        char cmd[512], fn[128] = "", line[256] = "";
        snprintf(cmd, sizeof cmd, "addr2line -f -e /proc/%d/exe 0x%lx 2>/dev/null", (int)getpid(), off);
        FILE *f = popen(cmd, "r");
        if (f) {
            if (!fgets(fn, sizeof fn, f)) fn[0] = 0;
            if (!fgets(line, sizeof line, f)) line[0] = 0;
            pclose(f);
        }
        fn[strcspn(fn, "\n")] = 0;
        line[strcspn(line, "\n (")] = 0;
        const char *src = strstr(line, "/src/"); /* with -g: the source line */
        if (fn[0] && fn[0] != '?')
            n += (size_t)snprintf(out + n, cap - n, "%s%s%s%s", i ? " < " : "", fn, src ? " " : "",
                                  src ? src + 1 : "");
        else
            n += (size_t)snprintf(out + n, cap - n, "%s+0x%lx", i ? " < " : "", off);
    }
}

static void clear_live(void)
{
    memset(live_tab, 0, LIVE_SIZE * sizeof *live_tab);
    live = 0;
}

static result run_once(const path *p, const char *buf, size_t len, unsigned long k, int rest)
{
    clear_live();
    calls = 0;
    fail_at = k;
    fail_rest = rest;
    failed_once = 0;
    armed = 1;
    result r = p->run(buf, len);
    armed = 0;
    return r;
}

static void report(const char *file, const path *p, unsigned long k, const char *what)
{
    char where[512] = "?";
    if (k && k <= cap_calls && call_site) site_name(&sites[call_site[k - 1]], where, sizeof where);
    failures++;
    fprintf(stderr, "fault: %s: %s: allocation %lu%s (site %s): %s\n", file, p->name, k,
            fail_rest ? " and every one after" : "", where, what);
}

static void leaks(const char *file, const path *p, unsigned long k)
{
    if (!live) return;
    char what[768];
    uint32_t s = UINT32_MAX;
    for (size_t i = 0; i < LIVE_SIZE && s == UINT32_MAX; i++)
        if (live_tab[i] && live_tab[i] != TOMB) s = live_site[i];
    char where[512] = "?";
    if (s != UINT32_MAX && s < nsites) site_name(&sites[s], where, sizeof where);
    snprintf(what, sizeof what, "%lu allocation(s) leaked, one made at %s", live, where);
    report(file, p, k, what);
}

/* The k's to fail: every site's first and last call, and every call (or an
 * even sample of them) up to a budget. */
static int wanted(unsigned long k, unsigned long step)
{
    uint32_t s = call_site[k - 1];
    return sites[s].first == k || sites[s].last == k || k % step == 0;
}

static void test_file(const char *file, const char *buf, size_t len)
{
    for (size_t pi = 0; pi < sizeof PATHS / sizeof PATHS[0]; pi++) {
        const path *p = &PATHS[pi];
        /* the clean run: sites are counted afresh per path */
        nsites = 0;
        recording = 1;
        result clean = run_once(p, buf, len, 0, 0);
        recording = 0;
        unsigned long n = calls;
        if (live) leaks(file, p, 0);
        if (clean.st == EDGR_ERR_NOMEM) report(file, p, 0, "the clean run ran out of memory");
        unsigned long step = n <= p->every ? 1 : p->every ? n / 150 : ULONG_MAX;
        unsigned long done = 0;
        /* one failure (the calls after it succeed), at the k's wanted; then
         * memory gone for good from each site's first call on */
        for (unsigned long j = 1; j <= 2 * n; j++) {
            unsigned long k = j <= n ? j : j - n;
            int rest = j > n;
            if (rest ? sites[call_site[k - 1]].first != k : !wanted(k, step)) continue;
            result r = run_once(p, buf, len, k, rest);
            done++;
            injections++;
            if (!failed_once) {
                report(file, p, k, "the run made fewer allocations than the clean one");
            } else if (r.st != EDGR_ERR_NOMEM && (r.st != clean.st || r.digest != clean.digest)) {
                char what[128];
                snprintf(what, sizeof what, "returned %s (%d) %s", edgr_strerror(r.st), (int)r.st,
                         r.st == clean.st ? "with output different from the clean run" : "");
                report(file, p, k, what);
            }
            leaks(file, p, k);
        }
        if (verbose)
            printf("fault: %s %s: %lu allocations, %zu sites, %lu injected\n", file, p->name, n, nsites,
                   done);
        global_sites_add();
    }
}

static char *slurp(const char *name, size_t *len)
{
    FILE *f = fopen(name, "rb");
    if (!f) return NULL;
    char *d = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 1 << 16;
            char *nd = realloc(d, cap);
            if (!nd) break;
            d = nd;
        }
        got = fread(d + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *len = n;
    return d;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The default inputs: samples/ and tests/fixtures/{,items/,facts/}, and
 * the corpus's submissions under 16 KB when ../shared is there (1990s text
 * 8-Ks reach item sites no fixture does). */
enum { CORPUS_MAX = 16 * 1024 };

static size_t default_files(char **out, size_t cap)
{
    static const char *const DIRS[] = {"samples", "tests/fixtures", "tests/fixtures/items",
                                       "tests/fixtures/facts", "tests/fixtures/xbrl", "tests/fixtures/ownership",
                                       "../shared/corpus/submissions"};
    size_t n = 0;
    for (size_t i = 0; i < sizeof DIRS / sizeof DIRS[0]; i++) {
        char dir[4096];
        int corpus = !strncmp(DIRS[i], "../", 3);
        snprintf(dir, sizeof dir, "%s/%s", EDGR_SOURCE_DIR, DIRS[i]);
        DIR *dh = opendir(dir);
        if (!dh) {
            if (corpus) printf("fault: no %s: its small submissions are skipped\n", DIRS[i]);
            continue;
        }
        size_t first = n;
        for (struct dirent *e; (e = readdir(dh)) && n < cap;) {
            const char *x = strrchr(e->d_name, '.');
            if (e->d_name[0] == '.' || !x || (strcmp(x, ".txt") && strcmp(x, ".nc") && strcmp(x, ".sgml") && strcmp(x, ".html")))
                continue;
            size_t l = strlen(dir) + strlen(e->d_name) + 2;
            if (!(out[n] = malloc(l))) break;
            snprintf(out[n], l, "%s/%s", dir, e->d_name);
            struct stat sb;
            if (corpus && (stat(out[n], &sb) || sb.st_size > CORPUS_MAX)) {
                free(out[n]);
                continue;
            }
            n++;
        }
        closedir(dh);
        qsort(out + first, n - first, sizeof *out, by_name);
    }
    return n;
}

/* Inputs made here, to reach sites the files do not: growth past a first
 * capacity (a stripped document of 1,500 lines, a 10-K of 90 item
 * headings) and a form with no item heading at all. */
static int append(char **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (*n + len + 1 > *cap) {
        size_t c = (*n + len + 1) * 2;
        char *nd = realloc(*d, c);
        if (!nd) return -1;
        *d = nd, *cap = c;
    }
    memcpy(*d + *n, s, len);
    *n += len;
    (*d)[*n] = 0;
    return 0;
}

static char *synthetic(int which, const char **name, size_t *len)
{
    static const char *const CODES[] = {"1", "1A", "1B", "2", "3", "4", "5", "6", "7", "7A",
                                        "8", "9", "9A", "9B", "10", "11", "12", "13", "14", "15"};
    char fpath[4096], line[256];
    size_t n = 0, cap = 0;
    char *d = NULL;
    if (which == 0 || which == 1) {
        *name = which ? "synthetic: 10-K text of 90 item headings" : "synthetic: stripped, 1500 lines";
        snprintf(fpath, sizeof fpath, "%s/tests/fixtures/items/%s", EDGR_SOURCE_DIR,
                 which ? "10k-1997-text.txt" : "10k-1997-text-stripped.txt");
        size_t fl = 0;
        char *f = slurp(fpath, &fl);
        if (!f) return NULL;
        const char *cut = which ? strstr(f, "</TEXT>") : NULL;
        size_t head = cut ? (size_t)(cut - f) : fl;
        int bad = append(&d, &n, &cap, f, head);
        for (int i = 0; i < (which ? 90 : 1500) && !bad; i++) {
            int w = which ? snprintf(line, sizeof line, "\nITEM %s.  MATTER NUMBER %d\n\nThe text of matter %d.\n",
                                     CODES[i % 20], i, i)
                          : snprintf(line, sizeof line, "A line of the report, number %d.\n", i);
            bad = append(&d, &n, &cap, line, (size_t)w);
        }
        if (!bad) bad = append(&d, &n, &cap, f + head, fl - head);
        free(f);
        if (bad) {
            free(d);
            return NULL;
        }
    } else {
        *name = "synthetic: 8-K text without item headings";
        const char *s = "<SEC-DOCUMENT>0009900160-25-000002.txt : 20250102\n"
                        "<SEC-HEADER>0009900160-25-000002.hdr.sgml : 20250102\n"
                        "ACCESSION NUMBER:\t\t0009900160-25-000002\n"
                        "CONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\n"
                        "FILED AS OF DATE:\t\t20250102\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
                        "\t\tCOMPANY CONFORMED NAME:\t\t\tFAULTLINE TEST CO\n"
                        "\t\tCENTRAL INDEX KEY:\t\t\t0009900160\n</SEC-HEADER>\n"
                        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n"
                        "Faultline Test Co has nothing to report under any heading.\n"
                        "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
        if (append(&d, &n, &cap, s, strlen(s))) return NULL;
    }
    *len = n;
    return d;
}

int main(int argc, char **argv)
{
    int a = 1;
    if (a < argc && !strcmp(argv[a], "-v")) verbose = 1, a++;
    live_tab = __real_calloc(LIVE_SIZE, sizeof *live_tab);
    live_site = __real_calloc(LIVE_SIZE, sizeof *live_site);
    if (!live_tab || !live_site) return 2;
    void *warm[2];
    backtrace(warm, 2); /* loads the unwinder before any run */
    /* the store's per-thread tokenizer is made on first use and kept: make
     * it before counting, so that it is no leak of the first run */
    const char *warm_in = "<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER:\t0009900160-25-000001\n"
                      "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nwarm up\n</TEXT>\n</DOCUMENT>\n"
                      "</SEC-DOCUMENT>\n";
    if (!(mem_store = edgr_store_open(":memory:", 0, NULL, 0))) return 2;
    path_record(warm_in, strlen(warm_in));
    char *names[512];
    size_t n = 0;
    int owned = a >= argc;
    if (owned) n = default_files(names, 512);
    else
        for (; a < argc && n < 512; a++) names[n++] = argv[a];
    if (!n) {
        fprintf(stderr, "fault: no inputs\n");
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        char *buf = slurp(names[i], &len);
        if (!buf) {
            fprintf(stderr, "fault: %s: cannot read\n", names[i]);
            failures++;
            continue;
        }
        const char *base = strrchr(names[i], '/');
        test_file(base ? base + 1 : names[i], buf, len);
        free(buf);
        if (owned) free(names[i]);
    }
    for (int w = 0; owned && w < 3; w++) {
        const char *name = NULL;
        size_t len = 0;
        char *buf = synthetic(w, &name, &len);
        if (!buf) {
            fprintf(stderr, "fault: synthetic input %d: cannot make it\n", w);
            failures++;
            continue;
        }
        test_file(name, buf, len);
        free(buf);
        n++;
    }
    if (verbose)
        for (size_t i = 0; i < g_npc; i++) {
            site one = {.pc = {g_pc[i], NULL}};
            char where[512];
            site_name(&one, where, sizeof where);
            printf("fault: site %s\n", where);
        }
    printf("fault: %zu files, %zu allocation sites (%zu with their caller), %lu injections, %lu failures\n",
           n, g_npc, g_nkey, injections, failures);
    edgr_store_close(mem_store);
    __real_free(live_tab);
    __real_free(live_site);
    __real_free(sites);
    __real_free(call_site);
    return failures ? 1 : 0;
}
