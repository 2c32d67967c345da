/* edgr fetch: EDGAR into the store, within the SEC's fair-access rules
 * (issue 13).  Here: the options, the session (store, rate budget, client)
 * and `edgr fetch index`, which reads the quarterly (or daily) index files
 * of a range into the store's index tables (index_rows, index_files),
 * revalidating a file read before (If-None-Match / If-Modified-Since: the
 * SEC answers 304).  `filings` and `feed` are in fetch_files.c.  Every
 * request takes a slot of the host's rate budget, shared by every edgr
 * process of the user (edgr/fetch.h). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "fetch.h"
#include "edgr/fetch.h"
#include "edgr/store.h"
#include "options.h"

/* "2026-01-05" (or "20260105") as 20260105; 0 when it is no date. */
static uint32_t parse_day(const char *v)
{
    char d[9];
    size_t n = v ? strlen(v) : 0;
    if (n == 10 && v[4] == '-' && v[7] == '-') memcpy(d, v, 4), memcpy(d + 4, v + 5, 2), memcpy(d + 6, v + 8, 2);
    else if (n == 8) memcpy(d, v, 8);
    else return 0;
    d[8] = 0;
    for (int i = 0; i < 8; i++)
        if (d[i] < '0' || d[i] > '9') return 0;
    uint32_t x = (uint32_t)strtoul(d, NULL, 10);
    return edgr_date_valid(x) ? x : 0;
}

/* The day after YYYYMMDD. */
uint32_t fetch_next_day(uint32_t d)
{
    uint32_t y = d / 10000, m = d / 100 % 100;
    if (edgr_date_valid(d + 1)) return d + 1;
    if (m < 12) return y * 10000 + (m + 1) * 100 + 1;
    return (y + 1) * 10000 + 101;
}

int fetch_weekday(uint32_t d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = (int)(d / 10000), m = (int)(d / 100 % 100), day = (int)(d % 100);
    if (m < 3) y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + day) % 7;
}

/* "2026Q1" (or "2026q1") into year and quarter; 0, or -1. */
static int parse_quarter(const char *v, int *y, int *q)
{
    if (!v || strlen(v) != 6 || (v[4] != 'Q' && v[4] != 'q') || v[5] < '1' || v[5] > '4') return -1;
    for (int i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9') return -1;
    *y = atoi(v);
    *q = v[5] - '0';
    return *y >= EDGR_FULL_INDEX_FIRST_YEAR && *y <= 2999 ? 0 : -1;
}

static int is_http_url(const char *u) { return !strncmp(u, "https://", 8) || !strncmp(u, "http://", 7); }

/* submissions and bulk: what they take (CIKs; a zip's name) and refuse
 * (the options of the index and of filings, which would do nothing here).
 * An exit status, or -1 to go on. */
static int check_api_args(const fargs *a, const char *from, const char *to)
{
    int bulk = !strcmp(a->sub, "bulk");
    if (from || to) return cli_usage("fetch", "--from and --to are for index, filings and feed");
    if (a->daily || a->kind_set) return cli_usage("fetch", "--daily and --kind are for index");
    if (a->nforms || a->nciks)
        return cli_usage("fetch", "--form and --cik are for filings (%s)",
                         bulk ? "bulk takes submissions or companyfacts" : "submissions takes the CIKs as arguments");
    if (a->dry_run) return cli_usage("fetch", "--dry-run is for filings and feed");
    if (a->jobs_set) return cli_usage("fetch", "--jobs is for filings and feed (the ingest's workers)");
    if (!bulk) {
        if (a->resume)
            return cli_usage("fetch", "--resume is for filings, feed and bulk (the JSON is revalidated: run it again)");
        if (!a->nnames) return cli_usage("fetch", "which companies: edgr fetch submissions CIK... (e.g. 320193)");
        for (int i = 0; i < a->nnames; i++)
            if (!fetch_parse_cik(a->names[i]))
                return cli_usage("fetch", "a CIK is digits (up to 10, leading zeros and 'CIK' optional), not '%s'",
                                 a->names[i]);
        return -1;
    }
    if (a->nnames > 1) return cli_usage("fetch", "one bulk zip at a time: '%s'", a->names[1]);
    if (!a->nnames && !a->resume)
        return cli_usage("fetch", "which bulk zip: edgr fetch bulk submissions|companyfacts");
    if (a->nnames && !fetch_bulk_path(a->names[0]))
        return cli_usage("fetch", "'%s' is not a bulk zip of the SEC's (submissions, companyfacts)", a->names[0]);
    return -1;
}

static int parse_fetch_args(int argc, char **argv, fargs *a)
{
    const cmddef *def = cli_command("fetch");
    a->db = "edgr.db";
    a->base_url = "https://www.sec.gov";
    a->data_url = "https://data.sec.gov";
    a->kind_name = "master";
    a->user_agent = getenv("EDGR_USER_AGENT");
    a->policy = (edgr_http_policy)EDGR_HTTP_POLICY_INIT;
    optparser p;
    opt_init(&p, def, argc, argv, 2);
    const char *v, *from = NULL, *to = NULL;
    int id;
    while ((id = opt_next(&p, &v)) != OPT_DONE) {
        switch (id) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_HELP: cli_print_help(def, stdout); return finish_output(EXIT_OK);
        case OPT_ARG:
            if (!a->sub) {
                a->sub = v;
            } else if (!strcmp(a->sub, "submissions") || !strcmp(a->sub, "bulk")) {
                /* the CIKs, or the bulk zip's name; argv outlives the run */
                if (!a->names && !(a->names = calloc((size_t)argc, sizeof *a->names))) {
                    cli_eprintf("edgr fetch: out of memory\n");
                    return EXIT_STORE;
                }
                a->names[a->nnames++] = v;
            } else {
                return cli_usage("fetch", "one thing to fetch at a time: '%s'", v);
            }
            break;
        case OPT_DB: a->db = v; break;
        case OPT_USER_AGENT: a->user_agent = v; break;
        case OPT_BASE_URL: a->base_url = v; break;
        case OPT_DATA_URL: a->data_url = v, a->data_url_set = 1; break;
        case OPT_CACHE: a->cache = v; break;
        case OPT_KIND: a->kind_name = v, a->kind_set = 1; break;
        case OPT_FROM: from = v; break;
        case OPT_TO: to = v; break;
        case OPT_UNCAPPED: a->uncapped = 1; break;
        case OPT_DAILY: a->daily = 1; break;
        case OPT_QUIET: a->quiet = 1; break;
        case OPT_DRY_RUN: a->dry_run = 1; break;
        case OPT_RESUME: a->resume = 1; break;
        case OPT_KEEP:
            if (!*v) return cli_usage("fetch", "--keep needs a DIR");
            a->keep = v;
            break;
        case OPT_FORM:
        case OPT_CIK: {
            int form = id == OPT_FORM;
            if (!*v) return cli_usage("fetch", "--%s needs a value", form ? "form" : "cik");
            if ((form ? a->nforms : a->nciks) == FETCH_MAX_FILTERS)
                return cli_usage("fetch", "at most %d --%s", FETCH_MAX_FILTERS, form ? "form" : "cik");
            if (form) a->forms[a->nforms++] = v;
            else if (parse_count(v, 1, 9999999999L) < 0) return cli_usage("fetch", "--cik takes a number of up to 10 digits, not '%s'", v);
            else a->ciks[a->nciks++] = v;
            break;
        }
        case OPT_JOBS: {
            long n = parse_count(v, 1, 256);
            if (n < 0) return cli_usage("fetch", "--jobs takes a number from 1 to 256, not '%s'", v);
            a->jobs = (int)n;
            a->jobs_set = 1;
            break;
        }
        case OPT_TEST_WAITS: {
            /* BACKOFF,RATE_WAIT,PAUSE,SLOW in seconds: the policy's waits, short, for tests */
            double w[4];
            char tail;
            if (sscanf(v, "%lf,%lf,%lf,%lf%c", &w[0], &w[1], &w[2], &w[3], &tail) != 4 || w[0] < 0 || w[1] < 0 ||
                w[2] < 0 || w[3] < 0 || w[0] > 3600 || w[1] > 3600 || w[2] > 3600 || w[3] > 3600)
                return cli_usage("fetch", "--test-waits takes BACKOFF,RATE_WAIT,PAUSE,SLOW in seconds, not '%s'", v);
            a->policy.backoff_s = w[0];
            a->policy.backoff_max_s = w[0] * 8;
            a->policy.rate_wait_s = w[1];
            a->policy.retry_after_max_s = w[1] * 4;
            a->policy.block_pause_s = w[2];
            a->policy.block_slow_s = w[3];
            break;
        }
        case OPT_RATE: {
            long n = parse_count(v, 1, 100000); /* above 10 with --uncapped only (the budget refuses it) */
            if (n < 0) return cli_usage("fetch", "--rate takes a number of requests a second, not '%s'", v);
            a->rate = (double)n;
            break;
        }
        default: return cli_usage("fetch", "option not handled");
        }
    }
    if (!a->sub) return cli_usage("fetch", "what to fetch: index, filings, feed, submissions or bulk");
    int index = !strcmp(a->sub, "index");
    int api = !strcmp(a->sub, "submissions") || !strcmp(a->sub, "bulk");
    if (!index && !api && strcmp(a->sub, "filings") && strcmp(a->sub, "feed"))
        return cli_usage("fetch", "'%s' is not something edgr fetch reads (index, filings, feed, submissions, bulk)",
                         a->sub);
    if (!api && a->data_url_set) return cli_usage("fetch", "--data-url is for submissions (the JSON API)");
    if (api) {
        int rc = check_api_args(a, from, to);
        if (rc >= 0) return rc;
    }
    if (!index && a->daily) return cli_usage("fetch", "--daily is for index (%s takes days)", a->sub);
    if (!index && a->kind_set) return cli_usage("fetch", "--kind is for index");
    if (strcmp(a->sub, "filings") && (a->nforms || a->nciks))
        return cli_usage("fetch", "--form and --cik are for filings");
    if (index && (a->resume || a->dry_run || a->keep))
        return cli_usage("fetch", "--resume, --dry-run and --keep are for filings and feed (index files are revalidated)");
    if (api) {
        /* checked above: no days, no quarters */
    } else if (!index) {
        a->from_d = 0;
        a->to_d = 99991231;
        if (a->resume && (from || to)) return cli_usage("fetch", "--resume continues the journal: no --from or --to");
        if (from && !(a->from_d = parse_day(from)))
            return cli_usage("fetch", "--from takes a date (YYYY-MM-DD), not '%s'", from);
        if (to && !(a->to_d = parse_day(to))) return cli_usage("fetch", "--to takes a date (YYYY-MM-DD), not '%s'", to);
        if (!to && from && !strcmp(a->sub, "feed")) a->to_d = a->from_d;
        if (a->to_d < a->from_d) return cli_usage("fetch", "--to is before --from");
        if (!strcmp(a->sub, "feed") && !a->resume) {
            if (!from) return cli_usage("fetch", "--from DATE is required for feed (e.g. 2026-01-05)");
            if (a->from_d < EDGR_FEED_FIRST_DATE)
                return cli_usage("fetch", "the Feed archives begin on %d-07-01", EDGR_FEED_FIRST_DATE / 10000);
        }
    } else if (a->daily) {
        if (!from) return cli_usage("fetch", "--from DATE is required with --daily (e.g. 2026-01-05)");
        if (!(a->from_d = parse_day(from))) return cli_usage("fetch", "--from takes a date (YYYY-MM-DD) with --daily, not '%s'", from);
        a->to_d = a->from_d;
        if (to && !(a->to_d = parse_day(to))) return cli_usage("fetch", "--to takes a date (YYYY-MM-DD) with --daily, not '%s'", to);
        if (a->to_d < a->from_d) return cli_usage("fetch", "--to is before --from");
        if (a->from_d / 10000 < EDGR_FULL_INDEX_FIRST_YEAR)
            return cli_usage("fetch", "the daily index begins in %d", EDGR_FULL_INDEX_FIRST_YEAR);
        from = NULL; /* the quarters below are not read */
    } else if (!from) {
        return cli_usage("fetch", "--from QUARTER is required (e.g. 2026Q1)");
    }
    if (index && !a->daily && parse_quarter(from, &a->from_y, &a->from_q))
        return cli_usage("fetch", "--from takes a quarter from %dQ1 (YYYYQn), not '%s'", EDGR_FULL_INDEX_FIRST_YEAR, from);
    if (index && !a->daily) {
        if (!to) a->to_y = a->from_y, a->to_q = a->from_q;
        else if (parse_quarter(to, &a->to_y, &a->to_q))
            return cli_usage("fetch", "--to takes a quarter from %dQ1 (YYYYQn), not '%s'", EDGR_FULL_INDEX_FIRST_YEAR, to);
        if (a->to_y * 4 + a->to_q < a->from_y * 4 + a->from_q) return cli_usage("fetch", "--to is before --from");
    }
    const char *why = NULL;
    if (!a->user_agent || !*a->user_agent)
        return cli_usage("fetch", "a User-Agent is required: --user-agent \"Name email@domain\" or EDGR_USER_AGENT "
                                  "(the SEC blocks tools that do not declare themselves)");
    if (edgr_user_agent_check(a->user_agent, &why) != EDGR_OK) return cli_usage("fetch", "--user-agent: %s", why);
    if (!is_http_url(a->base_url))
        return cli_usage("fetch", "--base-url takes an http:// or https:// URL, not '%s'", a->base_url);
    if (!is_http_url(a->data_url))
        return cli_usage("fetch", "--data-url takes an http:// or https:// URL, not '%s'", a->data_url);
    return -1;
}

static edgr_index_kind kind_of(const char *name)
{
    return !strcmp(name, "form") ? EDGR_INDEX_FORM : !strcmp(name, "company") ? EDGR_INDEX_COMPANY
           : !strcmp(name, "xbrl") ? EDGR_INDEX_XBRL : EDGR_INDEX_MASTER;
}

/* The host of a URL ("127.0.0.1:8080" keeps its port: one budget each). */
static void url_host(const char *url, char *out, size_t cap)
{
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    size_t n = strcspn(h, "/?#");
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), h);
}

void fetch_dest(const fargs *a, const char *host, const char *rel, char *out, size_t cap)
{
    if (a->keep) snprintf(out, cap, "%s/%s", a->keep, rel);
    else snprintf(out, cap, "%s/%s/%s", a->cache, host, rel);
}

int fetch_make_parents(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = 0;
        int r = mkdir(path, 0755);
        *s = '/';
        if (r && errno != EEXIST) return -1;
    }
    return 0;
}

typedef struct index_load {
    edgr_store *st;
    uint64_t rows, refused;
    edgr_status failed;
} index_load;

static int on_index_row(void *user, const edgr_index_row *r)
{
    index_load *l = user;
    edgr_index_entry e = EDGR_INDEX_ENTRY_INIT;
    e.cik = r->cik;
    e.conformed_name = r->company;
    e.type = r->form;
    e.filing_date = r->date_filed;
    e.path = r->path;
    e.accession_number = r->accession;
    edgr_status s = edgr_store_index_put(l->st, &e);
    if (s == EDGR_OK) l->rows++;
    else if (s == EDGR_ERR_ARG) l->refused++; /* a row the store cannot key (said by the count) */
    else { l->failed = s; return 1; }
    return 0;
}

typedef struct index_errs {
    const char *url;
    int quiet;
    uint64_t n;
} index_errs;

static void on_index_error(void *user, uint64_t offset, const char *reason)
{
    index_errs *e = user;
    e->n++;
    if (!e->quiet && e->n <= 20) cli_eprintf("%s: %llu: warning: %s\n", e->url, (unsigned long long)offset, reason);
}

typedef struct index_ctx {
    index_load load;
    index_errs errs;
} index_ctx;

static int on_row_ctx(void *user, const edgr_index_row *r) { return on_index_row(&((index_ctx *)user)->load, r); }
static void on_err_ctx(void *user, uint64_t o, const char *why) { on_index_error(&((index_ctx *)user)->errs, o, why); }

void fetch_on_attempt(void *user, const edgr_http_result *r, const edgr_http_decision *d)
{
    const fargs *a = user;
    if (a->quiet || d->action == EDGR_ACT_DONE) return;
    if (d->pause_s > 0)
        cli_eprintf("edgr fetch: the SEC answered with its block page (%s): every edgr process waits %.0f s, "
                    "then goes at half rate\n", r->reason, d->pause_s);
    else if (d->action == EDGR_ACT_RETRY && d->wait_s >= 5)
        cli_eprintf("edgr fetch: %s: waiting %.0f s before trying again\n", r->reason, d->wait_s);
}

/* One index file: fetched (or revalidated) into the cache, then read into
 * the store.  0, or 1 when it failed (said). */
static int fetch_index_file(const fargs *a, edgr_http *h, edgr_store *st, const char *path, uint64_t *rows,
                            int *unchanged, int *missing)
{
    char url[2048], dest[4096];
    snprintf(url, sizeof url, "%s/%s", a->base_url, path);
    fetch_dest(a, a->host, path, dest, sizeof dest); /* index files: the cache (no --keep) */
    if (fetch_make_parents(dest)) {
        cli_eprintf("edgr fetch: %s: cannot make its folder: %s\n", dest, strerror(errno));
        return 1;
    }
    edgr_index_file was = EDGR_INDEX_FILE_INIT;
    struct stat sb;
    int known = edgr_store_index_file_get(st, url, &was) == EDGR_OK && stat(dest, &sb) == 0;
    char etag[EDGR_HTTP_VALIDATOR_MAX] = "", lm[EDGR_HTTP_VALIDATOR_MAX] = "";
    if (known) {
        snprintf(etag, sizeof etag, "%s", was.etag ? was.etag : "");
        snprintf(lm, sizeof lm, "%s", was.last_modified ? was.last_modified : "");
    }
    edgr_http_request rq = {.struct_size = sizeof rq, .url = url, .dest = dest, .flags = EDGR_HTTP_GZIP};
    if (known && (etag[0] || lm[0])) {
        rq.flags |= EDGR_HTTP_REVALIDATE;
        rq.etag = etag[0] ? etag : NULL;
        rq.last_modified = lm[0] ? lm : NULL;
    }
    edgr_http_result res = EDGR_HTTP_RESULT_INIT;
    edgr_http_class c = edgr_http_fetch(h, &rq, &a->policy, fetch_on_attempt, (void *)a, &res);
    if (c == EDGR_HTTP_NOT_MODIFIED) {
        *unchanged = 1;
        return 0;
    }
    if (c == EDGR_HTTP_MISSING && a->daily) { /* a holiday: EDGAR publishes no index that day */
        *missing = 1;
        return 0;
    }
    if (c != EDGR_HTTP_OK) {
        cli_eprintf("edgr fetch: %s: %s\n", url, res.reason[0] ? res.reason : edgr_http_class_name(c));
        return 1;
    }
    /* one pass over the file: parsed, hashed and stored as it is read */
    FILE *fp = fopen(dest, "rb");
    if (!fp) {
        cli_eprintf("edgr fetch: %s: cannot read: %s\n", dest, strerror(errno));
        return 1;
    }
    index_ctx x = {.load = {.st = st}, .errs = {.url = url, .quiet = a->quiet}};
    edgr_index_options io = EDGR_INDEX_OPTIONS_INIT;
    io.on_row = on_row_ctx;
    io.on_error = on_err_ctx;
    io.user = &x;
    edgr_index_parser *ip = edgr_index_new(&io);
    edgr_sha256 *hash = edgr_sha256_new();
    edgr_status s = ip && hash ? edgr_store_begin(st) : EDGR_ERR_NOMEM;
    uint64_t n = 0;
    char buf[1 << 16];
    for (size_t got; s == EDGR_OK && (got = fread(buf, 1, sizeof buf, fp)) > 0; n += got) {
        edgr_sha256_update(hash, buf, got);
        s = edgr_index_feed(ip, buf, got);
    }
    int read_failed = ferror(fp);
    if (s == EDGR_OK && !read_failed) s = edgr_index_finish(ip);
    if (s == EDGR_ERR_ABORTED) s = x.load.failed;
    char sha[65] = "";
    if (hash && edgr_sha256_final(hash, sha) != EDGR_OK && s == EDGR_OK) s = EDGR_ERR_NOMEM;
    edgr_sha256_free(hash);
    edgr_index_free(ip);
    fclose(fp);
    if (read_failed) {
        edgr_store_rollback(st);
        cli_eprintf("edgr fetch: %s: %llu: cannot read on\n", dest, (unsigned long long)n);
        return 1;
    }
    edgr_index_file f = EDGR_INDEX_FILE_INIT;
    f.url = url;
    f.etag = res.etag[0] ? res.etag : NULL;
    f.last_modified = res.last_modified[0] ? res.last_modified : NULL;
    f.bytes = n;
    f.rows = x.load.rows;
    f.sha256 = sha;
    if (s == EDGR_OK) s = edgr_store_index_file_put(st, &f);
    if (s == EDGR_OK) s = edgr_store_commit(st);
    if (s != EDGR_OK) {
        edgr_store_rollback(st);
        cli_eprintf("edgr fetch: %s: %s\n", url, s == EDGR_ERR_STORE ? edgr_store_error(st) : edgr_strerror(s));
        return 1;
    }
    if (x.errs.n > 20 && !a->quiet)
        cli_eprintf("%s: warning: %llu rows could not be read in all\n", url, (unsigned long long)x.errs.n);
    *rows += x.load.rows;
    return x.load.refused || x.errs.n ? 1 : 0;
}

/* edgr fetch index: every file of the range, then a summary. */
static int fetch_index(fetch_session *s)
{
    const fargs *a = s->a;
    edgr_http *h = s->http;
    edgr_store *st = s->st;
    edgr_index_kind kind = kind_of(a->kind_name);
    uint64_t rows = 0;
    int files = 0, unchanged = 0, failed = 0, missing = 0;
    if (a->daily) {
        for (uint32_t d = a->from_d; d <= a->to_d; d = fetch_next_day(d)) {
            int wd = fetch_weekday(d);
            if (wd == 0 || wd == 6) continue; /* no index on a weekend: not asked */
            char path[256];
            if (edgr_daily_index_path(d, kind, path, sizeof path) != EDGR_OK) continue;
            int same = 0, none = 0;
            files++;
            if (fetch_index_file(a, h, st, path, &rows, &same, &none)) failed++;
            unchanged += same;
            missing += none;
        }
    } else {
        for (int y = a->from_y, q = a->from_q; y * 4 + q <= a->to_y * 4 + a->to_q; q = q == 4 ? 1 : q + 1, y += q == 1) {
            char path[256];
            if (edgr_full_index_path(y, q, kind, 0, path, sizeof path) != EDGR_OK) continue;
            int same = 0, none = 0;
            files++;
            if (fetch_index_file(a, h, st, path, &rows, &same, &none)) failed++;
            unchanged += same;
        }
    }
    if (!a->quiet) {
        char none[64] = "";
        if (missing) snprintf(none, sizeof none, ", %d without an index (holidays)", missing);
        cli_eprintf("edgr fetch: %d index file%s: %d read, %d unchanged, %d failed%s; %llu rows stored\n", files,
                    files == 1 ? "" : "s", files - unchanged - failed - missing, unchanged, failed, none,
                    (unsigned long long)rows);
    }
    return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

/* The rate budget's key: the SEC's fair-access limit (10 requests a
 * second) is per user, whichever of its hosts is asked, so www.sec.gov and
 * data.sec.gov share one budget, "sec.gov"; any other host (a mirror, the
 * tests' server) has its own. */
static void budget_key(const char *host, char *out, size_t cap)
{
    size_t n = strlen(host), tail = strlen(".sec.gov");
    int sec = !strcasecmp(host, "sec.gov") || (n > tail && !strcasecmp(host + n - tail, ".sec.gov"));
    snprintf(out, cap, "%s", sec ? "sec.gov" : host);
}

static int fetch_dispatch(fetch_session *s)
{
    const char *sub = s->a->sub;
    if (!strcmp(sub, "index")) return fetch_index(s);
    if (!strcmp(sub, "filings")) return fetch_filings(s);
    if (!strcmp(sub, "feed")) return fetch_feed(s);
    if (!strcmp(sub, "submissions")) return fetch_submissions(s);
    return fetch_bulk(s);
}

static int fetch_with_args(fargs *a);

int cmd_fetch_main(int argc, char **argv)
{
    fargs a = {0};
    int rc = parse_fetch_args(argc, argv, &a);
    if (rc < 0) rc = fetch_with_args(&a);
    free(a.names);
    return rc;
}

static int fetch_with_args(fargs *ap)
{
    fargs a = *ap;
    int rc;
    char cachebuf[4096];
    if (!a.cache) { /* $XDG_CACHE_HOME/edgr, or ~/.cache/edgr */
        const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        if (x && *x) snprintf(cachebuf, sizeof cachebuf, "%s/edgr", x);
        else snprintf(cachebuf, sizeof cachebuf, "%s/.cache/edgr", home && *home ? home : ".");
        a.cache = cachebuf;
    }
    url_host(a.base_url, a.host, sizeof a.host);
    url_host(a.data_url, a.data_host, sizeof a.data_host);
    char key[256];
    budget_key(!strcmp(a.sub, "submissions") ? a.data_host : a.host, key, sizeof key);
    edgr_budget_options bo = EDGR_BUDGET_OPTIONS_INIT;
    bo.rate = a.rate;
    if (a.uncapped) bo.flags |= EDGR_BUDGET_UNCAPPED;
    int berr = 0;
    char bmsg[512] = "";
    edgr_budget *b = edgr_budget_open(key, &bo, &berr, bmsg, sizeof bmsg);
    if (!b) {
        if (berr == EINVAL && a.rate > EDGR_RATE_MAX && !a.uncapped)
            return cli_usage("fetch", "--rate is at most %.0f requests a second (the SEC's fair-access rule)", EDGR_RATE_MAX);
        cli_eprintf("edgr fetch: the rate budget: %s\n", bmsg[0] ? bmsg : strerror(berr));
        return EXIT_STORE;
    }
    edgr_http_options ho = EDGR_HTTP_OPTIONS_INIT;
    ho.user_agent = a.user_agent;
    ho.budget = b;
    char herr[256] = "";
    edgr_http *h = edgr_http_new(&ho, herr, sizeof herr);
    if (!h) {
        edgr_budget_close(b);
        cli_eprintf("edgr fetch: %s\n", herr);
        return EXIT_STORE;
    }
    char err[512] = "";
    edgr_store *st = edgr_store_open(a.db, 0, err, sizeof err);
    if (!st) {
        edgr_http_free(h);
        edgr_budget_close(b);
        cli_eprintf("edgr fetch: %s\n", err);
        return EXIT_STORE;
    }
    fetch_session sess = {.a = &a, .st = st, .budget = b, .http = h};
    rc = fetch_dispatch(&sess);
    edgr_store_close(st);
    edgr_http_free(h);
    edgr_budget_close(b);
    return finish_output(rc);
}
