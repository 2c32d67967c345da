/* edgr fetch submissions and edgr fetch bulk (issue 13): the SEC's JSON
 * API (data.sec.gov/submissions/CIK##########.json, a company's names,
 * tickers and filing history) and its nightly zips of every company's
 * submissions and XBRL facts, kept as files for the HTTP API issue.
 *
 * Each file is kept under the cache at its URL path below the host (or
 * under --keep DIR at its URL path, as filings and feed keep theirs) and
 * recorded in the store's index_files once whole (its validators, size and
 * SHA-256; rows 0), so that a later run revalidates it (If-None-Match /
 * If-Modified-Since): a 304 keeps the copy and costs one small answer.
 *
 * A bulk zip is a gigabyte or more: a transfer cut past the policy's
 * attempts is parked in the store's journal (run "bulk") with what its
 * .part is a part of, and the next run -- or `edgr fetch bulk --resume` --
 * continues it with Range + If-Range instead of starting again.  A zip is
 * taken as whole only when its end of central directory record closes the
 * file and points at a central directory. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fetch.h"

/* The journal's run name for bulk zips (filings and feed have theirs). */
#define BULK_RUN "bulk"

uint64_t fetch_parse_cik(const char *v)
{
    if (!v) return 0;
    if (!strncasecmp(v, "CIK", 3)) v += 3; /* as the SEC writes it in its file names */
    long n = strlen(v) <= 20 ? parse_count(v, 1, 9999999999L) : -1;
    return n > 0 ? (uint64_t)n : 0;
}

/* companyfacts.zip is not beside submissions.zip: the SEC keeps it with the
 * XBRL indexes (daily-index/bulkdata/companyfacts.zip is AccessDenied). */
const char *fetch_bulk_path(const char *name)
{
    if (!strcmp(name, "submissions")) return "Archives/edgar/daily-index/bulkdata/submissions.zip";
    if (!strcmp(name, "companyfacts")) return "Archives/edgar/daily-index/xbrl/companyfacts.zip";
    return NULL;
}

/* ---- one file ------------------------------------------------------------- */

typedef enum outcome {
    GOT_FETCHED,   /* whole, checked and recorded                        */
    GOT_UNCHANGED, /* 304: the copy kept                                 */
    GOT_MISSING,   /* 403 AccessDenied, 404: said                        */
    GOT_PARKED,    /* attempts spent (a bulk zip's .part kept): said      */
    GOT_FAILED,    /* refused for good: said                             */
    GOT_STORE      /* the store or the journal could not be written      */
} outcome;

typedef struct api_file {
    const char *url, *dest;
    int zip; /* a bulk zip: no gzip, checked whole, a cut .part journalled */
} api_file;

typedef struct tally {
    size_t files, fetched, unchanged, missing, parked, failed;
    uint64_t bytes;
    double started;
} tally;

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }
static uint64_t le64(const unsigned char *p) { return le32(p) | (uint64_t)le32(p + 4) << 32; }

enum { ZIP_EOCD = 22, ZIP_MAX_COMMENT = 65535, ZIP64_LOCATOR = 20, ZIP64_EOCD = 56 };

/* Where the central directory is and how many entries it holds, from the
 * end record `e` at `eocd_at` -- or, when the record says 0xFFFF(FFFF)
 * (more than 65535 entries or 4 GiB: the SEC's submissions.zip), from the
 * zip64 end record its locator (the 20 bytes before it, in `tail`) points
 * at.  `*limit` is where the directory must end by.  0, or -1 with why. */
static int zip_directory(int fd, const unsigned char *tail, const unsigned char *e, uint64_t eocd_at,
                         uint64_t *cd_at, uint64_t *cd_size, uint64_t *entries, uint64_t *limit, char *why,
                         size_t cap)
{
    *entries = le16(e + 10), *cd_size = le32(e + 12), *cd_at = le32(e + 16), *limit = eocd_at;
    if (*entries != 0xFFFFu && *cd_size != 0xFFFFFFFFu && *cd_at != 0xFFFFFFFFu) return 0;
    const unsigned char *loc = e - ZIP64_LOCATOR;
    if ((size_t)(e - tail) < ZIP64_LOCATOR || le32(loc) != 0x07064b50u) {
        snprintf(why, cap, "%" PRIu64 ": a zip64 end without its locator", eocd_at);
        return -1;
    }
    uint64_t at = le64(loc + 8);
    unsigned char r[ZIP64_EOCD];
    if (at + ZIP64_EOCD > eocd_at - ZIP64_LOCATOR || pread(fd, r, sizeof r, (off_t)at) != (ssize_t)sizeof r ||
        le32(r) != 0x06064b50u) {
        snprintf(why, cap, "%" PRIu64 ": no zip64 end record where its locator says (%" PRIu64 ")", eocd_at, at);
        return -1;
    }
    *entries = le64(r + 32), *cd_size = le64(r + 40), *cd_at = le64(r + 48), *limit = at;
    return 0;
}

/* A zip is whole when its End Of Central Directory record (signature
 * PK\5\6, 22 bytes and a comment of up to 65535) ends exactly at the end
 * of the file, and the central directory it points at (through the zip64
 * record for a big one) lies before it and begins with its own signature
 * (PK\1\2) -- a cut transfer has neither.  Members are not read: a whole
 * transfer of what the server sent is what is checked.  0, or -1 with the
 * reason. */
static int check_zip_whole(const char *path, char *why, size_t cap)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, cap, "cannot read: %s", strerror(errno));
        return -1;
    }
    struct stat sb;
    int rc = -1;
    unsigned char *tail = NULL;
    if (fstat(fd, &sb)) {
        snprintf(why, cap, "cannot read: %s", strerror(errno));
        goto out;
    }
    if (sb.st_size < ZIP_EOCD) {
        snprintf(why, cap, "%lld bytes: too short for a zip", (long long)sb.st_size);
        goto out;
    }
    uint64_t size = (uint64_t)sb.st_size;
    size_t n = ZIP_EOCD + ZIP_MAX_COMMENT + ZIP64_LOCATOR;
    if (size < n) n = (size_t)size;
    tail = malloc(n);
    if (!tail || pread(fd, tail, n, (off_t)(size - n)) != (ssize_t)n) {
        snprintf(why, cap, "cannot read its end: %s", tail ? strerror(errno) : "out of memory");
        goto out;
    }
    /* the last record whose comment reaches the end exactly (a comment may
     * hold the signature's bytes itself) */
    const unsigned char *e = NULL;
    for (size_t i = n - ZIP_EOCD + 1; i-- > 0 && !e;)
        if (le32(tail + i) == 0x06054b50u && i + ZIP_EOCD + le16(tail + i + 20) == n) e = tail + i;
    if (!e) {
        snprintf(why, cap, "%" PRIu64 " bytes: no end of central directory at its end (cut short, or no zip)", size);
        goto out;
    }
    uint64_t eocd_at = size - n + (uint64_t)(e - tail), cd_at, cd_size, entries, limit;
    if (zip_directory(fd, tail, e, eocd_at, &cd_at, &cd_size, &entries, &limit, why, cap)) goto out;
    unsigned char sig[4];
    if (cd_at > limit || cd_size > limit - cd_at) {
        snprintf(why, cap, "%" PRIu64 ": a central directory of %" PRIu64 " bytes at %" PRIu64 " runs past its end",
                 eocd_at, cd_size, cd_at);
    } else if (!entries) { /* an empty zip: no directory to point at */
        rc = cd_size ? -1 : 0;
        if (rc) snprintf(why, cap, "%" PRIu64 ": no entries but a directory of %" PRIu64 " bytes", eocd_at, cd_size);
    } else if (pread(fd, sig, 4, (off_t)cd_at) != 4 || le32(sig) != 0x02014b50u) {
        snprintf(why, cap, "%" PRIu64 ": no central directory where its end says (%" PRIu64 ")", eocd_at, cd_at);
    } else {
        rc = 0;
    }
out:
    free(tail);
    close(fd);
    return rc;
}

/* A JSON body, whole: an object from its first byte to its last (blanks
 * aside).  A transfer cut where the server's length was not known would
 * otherwise pass.  0, or -1 with the reason. */
static int check_json_object(const char *path, char *why, size_t cap)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(why, cap, "cannot read: %s", strerror(errno));
        return -1;
    }
    int first, last, c;
    while ((c = fgetc(fp)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
    }
    first = c;
    char buf[64];
    if (fseek(fp, -(long)sizeof buf, SEEK_END)) rewind(fp);
    size_t got = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    while (got > 0 && memchr(" \n\r\t", buf[got - 1], 4)) got--;
    last = got ? (unsigned char)buf[got - 1] : EOF;
    if (first == '{' && last == '}') return 0;
    if (first == EOF) snprintf(why, cap, "empty, not a JSON object");
    else if (first != '{') snprintf(why, cap, "not a JSON object (it does not begin with '{')");
    else snprintf(why, cap, "not a whole JSON object (it does not end with '}': cut short)");
    return -1;
}

static edgr_status journal_put(fetch_session *s, const api_file *f, const char *status, const edgr_http_result *r,
                               const char *sha, uint64_t bytes, int attempts, const char *reason)
{
    edgr_journal_entry e = EDGR_JOURNAL_ENTRY_INIT;
    e.url = f->url;
    e.run = BULK_RUN;
    e.dest = f->dest;
    e.status = status;
    e.etag = r && r->etag[0] ? r->etag : NULL;
    e.last_modified = r && r->last_modified[0] ? r->last_modified : NULL;
    e.sha256 = sha;
    e.bytes = bytes;
    e.attempts = attempts;
    e.reason = reason;
    return edgr_store_journal_put(s->st, &e);
}

static outcome store_failed(fetch_session *s, const char *what, edgr_status r)
{
    cli_eprintf("edgr fetch: %s: %s\n", what, r == EDGR_ERR_STORE ? edgr_store_error(s->st) : edgr_strerror(r));
    edgr_store_rollback(s->st);
    return GOT_STORE;
}

/* The file whole: its record (and a bulk zip's journal line) in one
 * transaction, so that a kill leaves either the old record or the new. */
static outcome record_whole(fetch_session *s, const api_file *f, const edgr_http_result *res, int attempts,
                            tally *t)
{
    char sha[65];
    uint64_t size = 0;
    if (fetch_file_digest(f->dest, sha, &size)) {
        cli_eprintf("%s: %s: cannot read: %s\n", f->url, f->dest, strerror(errno));
        return GOT_FAILED;
    }
    edgr_index_file rec = EDGR_INDEX_FILE_INIT;
    rec.url = f->url;
    rec.etag = res->etag[0] ? res->etag : NULL;
    rec.last_modified = res->last_modified[0] ? res->last_modified : NULL;
    rec.bytes = size;
    rec.rows = 0; /* kept as a file, not read into rows */
    rec.sha256 = sha;
    edgr_status r = edgr_store_begin(s->st);
    if (r == EDGR_OK) r = edgr_store_index_file_put(s->st, &rec);
    /* "stored": done with it -- kept whole, recorded; --resume leaves it */
    if (r == EDGR_OK && f->zip) r = journal_put(s, f, "stored", res, sha, size, attempts, NULL);
    if (r == EDGR_OK) r = edgr_store_commit(s->st);
    if (r != EDGR_OK) return store_failed(s, "the store", r);
    t->bytes += size;
    return GOT_FETCHED;
}

/* What a bulk zip's parked .part is a part of, from the journal, copied
 * (its strings live until the next journal call); the attempts so far. */
static int parked_part(fetch_session *s, const api_file *f, char *etag, char *lm, size_t cap)
{
    edgr_journal_entry e = EDGR_JOURNAL_ENTRY_INIT;
    etag[0] = lm[0] = 0;
    if (edgr_store_journal_get(s->st, f->url, &e) != EDGR_OK) return 0;
    if (e.status && (!strcmp(e.status, "parked") || !strcmp(e.status, "planned"))) {
        snprintf(etag, cap, "%s", e.etag ? e.etag : "");
        snprintf(lm, cap, "%s", e.last_modified ? e.last_modified : "");
    }
    return e.attempts;
}

/* A bulk zip's transfer about to start its .part: what it is a part of,
 * journalled before its first byte, so a kill mid-transfer is continued
 * with If-Range (an edgr_http_request's on_part_start). */
typedef struct zip_part_ctx {
    fetch_session *s;
    const api_file *f;
    int attempts;
} zip_part_ctx;

static void on_zip_part_start(void *user, const char *etag, const char *last_modified)
{
    zip_part_ctx *c = user;
    edgr_http_result v = EDGR_HTTP_RESULT_INIT;
    snprintf(v.etag, sizeof v.etag, "%s", etag ? etag : "");
    snprintf(v.last_modified, sizeof v.last_modified, "%s", last_modified ? last_modified : "");
    edgr_status r = journal_put(c->s, c->f, "planned", &v, NULL, 0, c->attempts, NULL);
    if (r != EDGR_OK) /* said; the transfer goes on, a kill would then fetch it whole */
        cli_eprintf("edgr fetch: the journal: %s\n", r == EDGR_ERR_STORE ? edgr_store_error(c->s->st) : edgr_strerror(r));
}

/* One file: revalidated if a whole copy of the recorded size is there,
 * continued if a bulk zip's .part is parked, else fetched whole; checked;
 * recorded. */
static outcome fetch_api_file(fetch_session *s, const api_file *f, tally *t)
{
    const fargs *a = s->a;
    char dest[4096], part[4200];
    snprintf(dest, sizeof dest, "%s", f->dest);
    snprintf(part, sizeof part, "%s.part", f->dest);
    if (fetch_make_parents(dest)) {
        cli_eprintf("edgr fetch: %s: cannot make its folder: %s\n", f->dest, strerror(errno));
        return GOT_FAILED;
    }
    char etag[EDGR_HTTP_VALIDATOR_MAX] = "", lm[EDGR_HTTP_VALIDATOR_MAX] = "", was_sha[65] = "";
    char petag[EDGR_HTTP_VALIDATOR_MAX] = "", plm[EDGR_HTTP_VALIDATOR_MAX] = "";
    edgr_index_file was = EDGR_INDEX_FILE_INIT;
    struct stat sb;
    /* a copy edited or cut since it was recorded is fetched whole again */
    int known = edgr_store_index_file_get(s->st, f->url, &was) == EDGR_OK && stat(f->dest, &sb) == 0 &&
                (uint64_t)sb.st_size == was.bytes;
    if (known) { /* copied: the record's strings live until the next store call */
        snprintf(etag, sizeof etag, "%s", was.etag ? was.etag : "");
        snprintf(lm, sizeof lm, "%s", was.last_modified ? was.last_modified : "");
        snprintf(was_sha, sizeof was_sha, "%s", was.sha256 ? was.sha256 : "");
    }
    int attempts = 0;
    if (f->zip) {
        attempts = parked_part(s, f, petag, plm, sizeof petag);
        /* journalled before the request: a kill mid-transfer leaves it for --resume */
        edgr_http_result keep = EDGR_HTTP_RESULT_INIT;
        snprintf(keep.etag, sizeof keep.etag, "%s", petag);
        snprintf(keep.last_modified, sizeof keep.last_modified, "%s", plm);
        edgr_status r = journal_put(s, f, "planned", &keep, NULL, 0, attempts, NULL);
        if (r != EDGR_OK) return store_failed(s, "the journal", r);
    }
    for (int whole_again = 0;; whole_again++) {
        edgr_http_request rq = {.struct_size = sizeof rq, .url = f->url, .dest = f->dest};
        zip_part_ctx zc = {.s = s, .f = f, .attempts = attempts};
        if (!f->zip) rq.flags |= EDGR_HTTP_GZIP; /* JSON is text; a zip is compressed already */
        else rq.on_part_start = on_zip_part_start, rq.user = &zc;
        if (known && (etag[0] || lm[0])) {
            rq.flags |= EDGR_HTTP_REVALIDATE;
            rq.etag = etag[0] ? etag : NULL;
            rq.last_modified = lm[0] ? lm : NULL;
        }
        if (f->zip && stat(part, &sb) == 0) {
            rq.part_etag = petag[0] ? petag : NULL;
            rq.part_last_modified = plm[0] ? plm : NULL;
        }
        edgr_http_result res = EDGR_HTTP_RESULT_INIT;
        if (f->zip && !a->quiet && isatty(2)) { /* a gigabyte or more: say what the wait is */
            char line[300];
            snprintf(line, sizeof line, "fetch bulk: %s%s", strrchr(f->url, '/') + 1,
                     rq.part_etag || rq.part_last_modified ? " (continuing its .part)" : "");
            progress_line(line);
        }
        edgr_http_class c = edgr_http_fetch(s->http, &rq, &a->policy, fetch_on_attempt, (void *)a, &res);
        if (f->zip) progress_line(NULL);
        attempts += res.attempts;
        const char *why = res.reason[0] ? res.reason : edgr_http_class_name(c);
        if (c == EDGR_HTTP_NOT_MODIFIED) {
            unlink(part); /* a .part nothing says what of (a kill before its journal line) */
            if (f->zip) {
                edgr_status r = journal_put(s, f, "stored", &res, was_sha[0] ? was_sha : NULL, was.bytes, attempts, NULL);
                if (r != EDGR_OK) return store_failed(s, "the journal", r);
            }
            return GOT_UNCHANGED;
        }
        if (c != EDGR_HTTP_OK) {
            int missing = c == EDGR_HTTP_MISSING;
            int parked = c == EDGR_HTTP_TRANSIENT || c == EDGR_HTTP_RATE_LIMITED || c == EDGR_HTTP_BLOCKED;
            cli_eprintf("%s: %s%s\n", f->url, missing ? "missing: " : "", why);
            if (f->zip) { /* a cut transfer keeps its .part, and the validators to continue it */
                edgr_status r = journal_put(s, f, missing ? "missing" : parked ? "parked" : "failed", &res, NULL,
                                            res.bytes, attempts, why);
                if (r != EDGR_OK) return store_failed(s, "the journal", r);
            }
            return missing ? GOT_MISSING : parked ? GOT_PARKED : GOT_FAILED;
        }
        char bad[400];
        if (!(f->zip ? check_zip_whole(f->dest, bad, sizeof bad) : check_json_object(f->dest, bad, sizeof bad)))
            return record_whole(s, f, &res, attempts, t);
        /* whole by its length, yet damaged: fetched whole once more, then refused */
        unlink(f->dest);
        known = 0;
        petag[0] = plm[0] = 0;
        if (whole_again) {
            cli_eprintf("%s: %s: refused (fetched twice)\n", f->url, bad);
            if (f->zip) {
                edgr_status r = journal_put(s, f, "failed", &res, NULL, 0, attempts, bad);
                if (r != EDGR_OK) return store_failed(s, "the journal", r);
            }
            return GOT_FAILED;
        }
    }
}

static void count(tally *t, outcome o)
{
    t->files++;
    if (o == GOT_FETCHED) t->fetched++;
    else if (o == GOT_UNCHANGED) t->unchanged++;
    else if (o == GOT_MISSING) t->missing++;
    else if (o == GOT_PARKED) t->parked++;
    else t->failed++;
}

static void progress(const fargs *a, const tally *t, size_t n)
{
    if (a->quiet || !isatty(2)) return;
    char line[200];
    double secs = monotonic_seconds() - t->started, rps = secs > 0 ? (double)t->files / secs : 0;
    snprintf(line, sizeof line, "fetch %s: %zu/%zu files, %.1f MB, %.1f req/s, ETA %.0f s", a->sub, t->files, n,
             (double)t->bytes / 1e6, rps, rps > 0 ? (double)(n - t->files) / rps : 0.0);
    progress_line(line);
}

/* The summary (unless --quiet) and the exit status, as fetch index's. */
static int finish(const fargs *a, const tally *t, int hard)
{
    progress_line(NULL);
    if (!a->quiet) {
        char more[96] = "", parked[48] = "";
        if (t->parked) snprintf(parked, sizeof parked, ", %zu parked", t->parked);
        if (t->missing) snprintf(more, sizeof more, ", %zu missing%s", t->missing, parked);
        else snprintf(more, sizeof more, "%s", parked);
        cli_eprintf("edgr fetch %s: %zu file%s: %zu fetched (%.1f MB in %.1f s), %zu unchanged, %zu failed%s\n",
                    a->sub, t->files, t->files == 1 ? "" : "s", t->fetched, (double)t->bytes / 1e6,
                    monotonic_seconds() - t->started, t->unchanged, t->failed, more);
        if (t->parked && !strcmp(a->sub, "bulk"))
            cli_eprintf("edgr fetch: %zu parked: 'edgr fetch bulk --resume' continues from the .part\n", t->parked);
    }
    if (hard) return EXIT_STORE;
    return t->failed || t->missing || t->parked ? EXIT_SOME_FAILED : EXIT_OK;
}

/* ---- edgr fetch submissions ----------------------------------------------- */

/* A CIK given and where: sorted by CIK, then by place, the duplicates of
 * one company (320193 and CIK0000320193) are neighbours, the first given
 * first. */
typedef struct given {
    uint64_t cik;
    size_t at;
} given;

static int by_cik_then_place(const void *x, const void *y)
{
    const given *a = x, *b = y;
    if (a->cik != b->cik) return a->cik < b->cik ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

int fetch_submissions(fetch_session *s)
{
    const fargs *a = s->a;
    size_t n = (size_t)a->nnames, unique = 0;
    given *g = malloc(n * sizeof *g);
    unsigned char *again = calloc(n, 1); /* given before: asked once */
    if (!g || !again) {
        free(g), free(again);
        cli_eprintf("edgr fetch: out of memory\n");
        return EXIT_STORE;
    }
    for (size_t i = 0; i < n; i++) g[i] = (given){.cik = fetch_parse_cik(a->names[i]), .at = i};
    qsort(g, n, sizeof *g, by_cik_then_place);
    for (size_t i = 0; i < n; i++) {
        if (i && g[i].cik == g[i - 1].cik) again[g[i].at] = 1;
        else unique++;
    }
    tally t = {.started = monotonic_seconds()};
    int hard = 0;
    for (size_t i = 0; i < n && !hard; i++) { /* in the order given */
        if (again[i]) continue;
        char rel[64], url[2048], dest[4096];
        snprintf(rel, sizeof rel, "submissions/CIK%010" PRIu64 ".json", fetch_parse_cik(a->names[i]));
        snprintf(url, sizeof url, "%s/%s", a->data_url, rel);
        fetch_dest(a, a->data_host, rel, dest, sizeof dest);
        api_file f = {.url = url, .dest = dest};
        outcome o = fetch_api_file(s, &f, &t);
        if (o == GOT_STORE) hard = 1;
        else count(&t, o);
        progress(a, &t, unique);
    }
    free(g), free(again);
    return finish(a, &t, hard);
}

/* ---- edgr fetch bulk ------------------------------------------------------ */

typedef struct pending {
    char **url, **dest;
    size_t n, cap;
    int oom;
} pending;

static int on_pending(void *user, const edgr_journal_entry *e)
{
    pending *p = user;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 4;
        char **u = realloc(p->url, cap * sizeof *u);
        if (u) p->url = u;
        char **d = u ? realloc(p->dest, cap * sizeof *d) : NULL;
        if (d) p->dest = d;
        if (!u || !d) return p->oom = 1;
        p->cap = cap;
    }
    p->url[p->n] = strdup(e->url);
    p->dest[p->n] = e->dest ? strdup(e->dest) : NULL;
    if (!p->url[p->n] || !p->dest[p->n]) {
        free(p->url[p->n]), free(p->dest[p->n]);
        return p->oom = 1;
    }
    p->n++;
    return 0;
}

static void pending_free(pending *p)
{
    for (size_t i = 0; i < p->n; i++) free(p->url[i]), free(p->dest[i]);
    free(p->url), free(p->dest);
}

int fetch_bulk(fetch_session *s)
{
    const fargs *a = s->a;
    tally t = {.started = monotonic_seconds()};
    int hard = 0;
    if (a->nnames) { /* the zip named; a .part the journal knows of is continued, --resume or not */
        const char *rel = fetch_bulk_path(a->names[0]);
        char url[2048], dest[4096];
        snprintf(url, sizeof url, "%s/%s", a->base_url, rel);
        fetch_dest(a, a->host, rel, dest, sizeof dest);
        edgr_journal_entry e = EDGR_JOURNAL_ENTRY_INIT;
        char was[4096] = "";
        /* a parked .part stays where it was put (another --keep, say) */
        if (edgr_store_journal_get(s->st, url, &e) == EDGR_OK && e.dest && e.status &&
            (!strcmp(e.status, "parked") || !strcmp(e.status, "planned")))
            snprintf(was, sizeof was, "%s", e.dest);
        api_file f = {.url = url, .dest = was[0] ? was : dest, .zip = 1};
        outcome o = fetch_api_file(s, &f, &t);
        if (o == GOT_STORE) hard = 1;
        else count(&t, o);
        return finish(a, &t, hard);
    }
    /* --resume alone: every bulk zip the journal holds unfinished */
    pending p = {0};
    edgr_status r = edgr_store_journal_pending(s->st, BULK_RUN, on_pending, &p);
    if (r != EDGR_OK || p.oom) {
        cli_eprintf("edgr fetch: the journal: %s\n", p.oom ? "out of memory" : edgr_store_error(s->st));
        pending_free(&p);
        return EXIT_STORE;
    }
    if (!p.n && !a->quiet) cli_eprintf("edgr fetch bulk: nothing to resume\n");
    for (size_t i = 0; i < p.n && !hard; i++) {
        api_file f = {.url = p.url[i], .dest = p.dest[i], .zip = 1};
        outcome o = fetch_api_file(s, &f, &t);
        if (o == GOT_STORE) hard = 1;
        else count(&t, o);
    }
    pending_free(&p);
    return p.n || hard ? finish(a, &t, hard) : EXIT_OK;
}
