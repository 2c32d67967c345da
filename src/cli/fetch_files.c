/* edgr fetch filings and edgr fetch feed (issue 13): files of EDGAR's
 * Archives -- each filing's complete submission, or each day's Feed
 * archive -- fetched through the store's journal and read into the store
 * by an `edgr ingest` running alongside.
 *
 * The whole plan is journalled (fetch_journal, edgr/store.h) before the
 * first request, so that a run killed at any moment is continued by
 * `--resume` without repeating a finished transfer or losing one.  A file
 * on disk under its own name is whole (a .part is renamed only then); a
 * Feed archive's .part has its validators journalled before its first
 * byte (If-Range after a kill).  Each file is "stored", with its size and
 * SHA-256, once its ingest has ended, and then removed unless --keep.
 *
 * Filings go to an ingest child (`edgr ingest --files-from -`) as each is
 * whole, in batches (FETCH_BATCH_FILES or FETCH_BATCH_BYTES), so that
 * parsing and storing go on while the next file is fetched; at the end of
 * a batch its ingest is waited for and its files are journalled in one
 * transaction -- so the disk holds at most about a batch, and a kill loses
 * at most a batch's ingest (never a transfer).
 *
 * A Feed archive goes to an ingest of its own as it downloads (feed_tee):
 * the bytes written to its .part are piped to `edgr ingest --all-or-nothing
 * --source-path DEST -`, which inflates and checks it once and stores it as
 * it comes, and takes back all of it if it is found damaged at its end. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fetch.h"

extern char **environ;

/* A batch ends after this many files or bytes: the disk's use and a kill's
 * loss of ingest work are bounded by it; an ingest process a batch costs
 * a few milliseconds. */
#define FETCH_BATCH_FILES 2000
#define FETCH_BATCH_BYTES ((uint64_t)512 << 20)

/* One URL of the plan, its journal entry copied (the journal's strings
 * live only until its next call). */
typedef struct item {
    char *url, *dest, *status, *etag, *lm, *accession, *sha;
    uint64_t bytes;
    int attempts;
    uint32_t day; /* a Feed archive's YYYYMMDD; 0 for a filing */
} item;

typedef struct plan {
    item *v;
    size_t n, cap;
    const char *run; /* "filings" or "feed" */
    int feed;        /* Feed archives: verified, binary, a missing day is a holiday */
} plan;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void item_free(item *it)
{
    free(it->url), free(it->dest), free(it->status), free(it->etag), free(it->lm), free(it->accession), free(it->sha);
}

static void plan_free(plan *p)
{
    for (size_t i = 0; i < p->n; i++) item_free(&p->v[i]);
    free(p->v);
}

static item *plan_add(plan *p)
{
    if (p->n == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 64;
        item *v = realloc(p->v, ncap * sizeof *v);
        if (!v) return NULL;
        p->v = v;
        p->cap = ncap;
    }
    item *it = &p->v[p->n++];
    memset(it, 0, sizeof *it);
    return it;
}

static void set_str(char **field, const char *v)
{
    char *c = dup_or_null(v);
    free(*field);
    *field = c;
}

/* ---- the journal ---------------------------------------------------------- */

/* A journal write the store's lock refused is tried this many times more
 * (each waits up to the store's 10 s busy timeout): two minutes in all. */
#define JOURNAL_LOCK_TRIES 12

static int store_locked(edgr_store *st)
{
    const char *e = edgr_store_error(st);
    return strstr(e, "locked") || strstr(e, "busy");
}

static edgr_status journal_write(fetch_session *s, const plan *p, const item *it, const char *status,
                                 const char *reason)
{
    edgr_journal_entry e = EDGR_JOURNAL_ENTRY_INIT;
    e.url = it->url;
    e.run = p->run;
    e.dest = it->dest;
    e.status = status;
    e.etag = it->etag;
    e.last_modified = it->lm;
    e.bytes = it->bytes;
    e.sha256 = it->sha;
    e.attempts = it->attempts;
    e.reason = reason;
    edgr_status r = edgr_store_journal_put(s->st, &e);
    /* the ingest alongside may hold the write lock through a long commit
     * (sqlite waits 10 s each time): wait longer rather than stop the run */
    for (int tries = 0; r == EDGR_ERR_STORE && tries < JOURNAL_LOCK_TRIES && store_locked(s->st); tries++)
        r = edgr_store_journal_put(s->st, &e);
    if (r != EDGR_OK)
        cli_eprintf("edgr fetch: the journal: %s\n", r == EDGR_ERR_STORE ? edgr_store_error(s->st) : edgr_strerror(r));
    return r;
}

/* The URL's entry, if any, into it: 1 when it has one, 0 when none (status
 * "planned"), -1 on error. */
static int journal_load(fetch_session *s, item *it)
{
    edgr_journal_entry e = EDGR_JOURNAL_ENTRY_INIT;
    edgr_status r = edgr_store_journal_get(s->st, it->url, &e);
    if (r == EDGR_ERR_NOT_FOUND) {
        set_str(&it->status, "planned");
        return it->status ? 0 : -1;
    }
    if (r != EDGR_OK) return -1;
    set_str(&it->status, e.status);
    set_str(&it->etag, e.etag);
    set_str(&it->lm, e.last_modified);
    set_str(&it->sha, e.sha256);
    it->bytes = e.bytes;
    it->attempts = e.attempts;
    if (e.dest && (!it->dest || strcmp(e.dest, it->dest))) set_str(&it->dest, e.dest); /* where it went before */
    return it->status && it->dest ? 1 : -1;
}

typedef struct pending_ctx {
    plan *p;
    int failed;
} pending_ctx;

static int on_pending(void *user, const edgr_journal_entry *e)
{
    pending_ctx *c = user;
    item *it = plan_add(c->p);
    if (!it) return c->failed = 1;
    it->url = dup_or_null(e->url);
    it->dest = dup_or_null(e->dest);
    it->status = dup_or_null(e->status);
    it->etag = dup_or_null(e->etag);
    it->lm = dup_or_null(e->last_modified);
    it->sha = dup_or_null(e->sha256);
    it->bytes = e->bytes;
    it->attempts = e->attempts;
    /* a filing's accession number: the last path component's */
    const char *slash = e->url ? strrchr(e->url, '/') : NULL;
    edgr_span acc;
    if (slash && !strcmp(c->p->run, "filings") &&
        edgr_index_accession((edgr_span){.ptr = slash + 1, .len = strlen(slash + 1)}, &acc) == EDGR_OK)
        it->accession = strndup(acc.ptr, acc.len);
    /* a Feed archive's day: its name, YYYYMMDD.nc.tar.gz */
    if (slash && c->p->feed && strspn(slash + 1, "0123456789") == 8 && slash[9] == '.')
        it->day = (uint32_t)strtoul(slash + 1, NULL, 10);
    if (!it->url || !it->status || !it->dest) return c->failed = 1;
    /* a refused one is tried again: from its kept copy when that is whole */
    if (!strcmp(it->status, "failed")) {
        struct stat sb;
        int whole = it->sha && stat(it->dest, &sb) == 0 && (uint64_t)sb.st_size == it->bytes;
        set_str(&it->status, whole ? "fetched" : "planned");
        if (!it->status) return c->failed = 1;
    }
    return 0;
}

/* --resume: every unfinished entry of this run kind. */
static int plan_resume(fetch_session *s, plan *p)
{
    pending_ctx c = {.p = p};
    edgr_status r = edgr_store_journal_pending(s->st, p->run, on_pending, &c);
    if (r != EDGR_OK || c.failed) {
        cli_eprintf("edgr fetch: the journal: %s\n", c.failed ? "out of memory" : edgr_store_error(s->st));
        return -1;
    }
    /* a run killed before its plan was written left nothing to go on */
    if (!p->n && !s->a->quiet)
        cli_eprintf("edgr fetch %s: nothing to resume: the journal holds no unfinished %s run (start it again "
                    "without --resume)\n", p->run, p->run);
    return 0;
}

/* ---- plans ---------------------------------------------------------------- */

typedef struct filings_ctx {
    fetch_session *s;
    plan *p;
    int failed;
} filings_ctx;

static int on_index_entry(void *user, const edgr_index_entry *e)
{
    filings_ctx *c = user;
    const fargs *a = c->s->a;
    char rel[1024], url[2048], dest[4096];
    snprintf(rel, sizeof rel, "Archives/%.*s", (int)e->path.len, e->path.ptr);
    snprintf(url, sizeof url, "%s/%s", a->base_url, rel);
    fetch_dest(a, a->host, rel, dest, sizeof dest);
    item *it = plan_add(c->p);
    if (!it) return c->failed = 1;
    it->url = strdup(url);
    it->dest = strdup(dest);
    it->accession = e->accession_number.len ? strndup(e->accession_number.ptr, e->accession_number.len) : NULL;
    if (!it->url || !it->dest) return c->failed = 1;
    return 0;
}

/* Every filing the index lists for the filters and the store lacks. */
static int plan_filings(fetch_session *s, plan *p)
{
    const fargs *a = s->a;
    char from[16], to[16]; /* YYYY-MM-DD: the days are checked dates */
    snprintf(from, sizeof from, "%04u-%02u-%02u", a->from_d / 10000 % 10000, a->from_d / 100 % 100, a->from_d % 100);
    snprintf(to, sizeof to, "%04u-%02u-%02u", a->to_d / 10000 % 10000, a->to_d / 100 % 100, a->to_d % 100);
    edgr_index_query q = EDGR_INDEX_QUERY_INIT;
    q.types = a->nforms ? a->forms : NULL;
    q.ntypes = (size_t)a->nforms;
    q.ciks = a->nciks ? a->ciks : NULL;
    q.nciks = (size_t)a->nciks;
    q.from = a->from_d ? from : NULL;
    q.to = a->to_d != 99991231 ? to : NULL;
    q.unstored = 1;
    filings_ctx c = {.s = s, .p = p};
    edgr_status r = edgr_store_index_select(s->st, &q, on_index_entry, &c);
    if (r != EDGR_OK || c.failed) {
        cli_eprintf("edgr fetch: the plan: %s\n", c.failed ? "out of memory" : edgr_store_error(s->st));
        return -1;
    }
    return 0;
}

/* Today, UTC, as YYYYMMDD. */
static uint32_t today_utc(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (uint32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

/* A Feed archive is published after its day ends, sometimes days later:
 * one missing this many days after its date is a holiday for good; before,
 * it is only not there yet, and a later run asks again. */
#define FEED_PUBLISH_DAYS 7

static int feed_published_by_now(uint32_t day)
{
    for (int i = 0; i < FEED_PUBLISH_DAYS; i++) day = fetch_next_day(day);
    return day <= today_utc();
}

/* Each weekday's Feed archive (EDGAR publishes none on a weekend), up to
 * today: a day to come has nothing to ask for. */
static int plan_feed(fetch_session *s, plan *p)
{
    const fargs *a = s->a;
    uint32_t last = a->to_d < today_utc() ? a->to_d : today_utc();
    for (uint32_t d = a->from_d; d <= last; d = fetch_next_day(d)) {
        int wd = fetch_weekday(d);
        if (wd == 0 || wd == 6) continue;
        char rel[256], url[2048], dest[4096];
        if (edgr_feed_path(d, rel, sizeof rel) != EDGR_OK) continue;
        snprintf(url, sizeof url, "%s/%s", a->base_url, rel);
        fetch_dest(a, a->host, rel, dest, sizeof dest);
        item *it = plan_add(p);
        if (!it || !(it->url = strdup(url)) || !(it->dest = strdup(dest))) {
            cli_eprintf("edgr fetch: the plan: out of memory\n");
            return -1;
        }
        it->day = d;
    }
    return 0;
}

int fetch_file_digest(const char *path, char sha[65], uint64_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return -1;
    edgr_sha256 *h = edgr_sha256_new();
    char buf[1 << 16];
    uint64_t n = 0;
    size_t got;
    while (h && (got = fread(buf, 1, sizeof buf, fp)) > 0) {
        edgr_sha256_update(h, buf, got);
        n += got;
    }
    int bad = !h || ferror(fp);
    fclose(fp);
    if (h && edgr_sha256_final(h, sha) != EDGR_OK) bad = 1;
    edgr_sha256_free(h);
    *size = n;
    return bad ? -1 : 0;
}

/* ---- the ingest alongside ------------------------------------------------- */

typedef struct ingest_child {
    pid_t pid;    /* 0: none running */
    int fd;       /* its standard input: one path a line */
    size_t first, count; /* the plan's items it was given: [first, first+count) of `sent` */
} ingest_child;

/* `edgr ingest` reading paths on its standard input, one a line; or, with
 * `archive` (a Feed archive's path), storing that archive with
 * --all-or-nothing: read from `archive` itself when `piped` is 0, else
 * from its standard input as the transfer writes the file (feed_tee). */
static int child_start(fetch_session *s, ingest_child *c, const char *archive, int piped)
{
    const fargs *a = s->a;
    int fds[2];
    if (pipe(fds)) return -1;
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    /* a Feed archive goes through it: a pipe of 1 MB (Linux's most for a
     * user) wakes the ingest a sixteenth as often as the default 64 KB */
    if (archive && piped) (void)fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
    char jobs[16];
    snprintf(jobs, sizeof jobs, "%d", a->jobs);
    char *argv[14];
    int n = 0;
    argv[n++] = "edgr";
    argv[n++] = "ingest";
    argv[n++] = "-q";
    argv[n++] = "--db";
    argv[n++] = (char *)a->db;
    if (a->jobs) argv[n++] = "--jobs", argv[n++] = jobs;
    if (archive) {
        argv[n++] = "--all-or-nothing";
        if (piped) argv[n++] = "--source-path";
        argv[n++] = (char *)archive;
        if (piped) argv[n++] = "-";
    } else {
        argv[n++] = "--files-from";
        argv[n++] = "-";
    }
    argv[n] = NULL;
    /* fork, not posix_spawn: the ingest must die with this process
     * (PR_SET_PDEATHSIG).  Left running after a kill -9 of fetch, it would
     * find its input cut short, and --all-or-nothing would take out again
     * what it stored of an archive -- perhaps while a resumed run stores
     * the same archive.  Between fork and exec only async-signal-safe
     * calls. */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(EXIT_STORE);
        if (fds[0] != 0 && (dup2(fds[0], 0) < 0 || close(fds[0]) != 0)) _exit(EXIT_STORE);
        execve("/proc/self/exe", argv, environ); /* the running binary itself, whatever PATH holds */
        _exit(EXIT_STORE);
    }
    int err = errno;
    close(fds[0]);
    if (pid < 0) {
        close(fds[1]);
        c->pid = 0;
        errno = err;
        return -1;
    }
    c->pid = pid;
    c->fd = fds[1];
    return 0;
}

/* Ends the batch: no more paths, and the ingest's exit status (3 when it
 * was killed or could not run). */
static int child_finish(ingest_child *c)
{
    if (!c->pid) return 0;
    close(c->fd);
    int st = 0;
    while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR) {
    }
    c->pid = 0;
    int rc = WIFEXITED(st) ? WEXITSTATUS(st) : EXIT_STORE;
    return rc <= EXIT_DAMAGED ? rc : EXIT_STORE; /* no exit status of ingest's: it did not run */
}

static int child_send(ingest_child *c, const char *path)
{
    size_t n = strlen(path);
    char line[4100];
    if (n + 1 > sizeof line || memchr(path, '\n', n)) return -1;
    memcpy(line, path, n);
    line[n] = '\n';
    for (size_t off = 0; off <= n;) {
        ssize_t w = write(c->fd, line + off, n + 1 - off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        off += (size_t)w;
    }
    return 0;
}

/* ---- the run -------------------------------------------------------------- */

typedef struct run {
    fetch_session *s;
    plan *p;
    ingest_child child;
    size_t *sent;        /* indexes into p->v of the items in the current batch */
    size_t nsent;
    uint64_t batch_bytes;
    /* the summary */
    size_t fetched, reused, stored, missing, parked, failed, refused, unpublished, failed_before;
    uint64_t bytes;
    int ingest_rc;
    double started;
    /* EDGR_FETCH_TIMES set (make bench): where the run's time went, in
     * seconds of this process's clock, said after the summary */
    int timing;
    double t_transfer, t_digest, t_journal, t_wait, t_stored;
} run;

static double clock_if(const run *r) { return r->timing ? monotonic_seconds() : 0; }

/* The batch's ingest has ended: its files are stored (a filing: when the
 * store has its accession number; a Feed archive: when the ingest did not
 * fail as a whole) and removed unless kept. */
static void batch_close(run *r)
{
    if (!r->child.pid) return;
    double t0 = clock_if(r);
    int rc = child_finish(&r->child);
    double t1 = clock_if(r);
    r->t_wait += t1 - t0;
    if (rc > r->ingest_rc) r->ingest_rc = rc;
    /* the batch's outcome in one transaction (a failure leaves its files
     * as they were: --resume finds them whole and reads them again) */
    int tx = edgr_store_begin(r->s->st) == EDGR_OK;
    for (size_t i = 0; i < r->nsent; i++) {
        item *it = &r->p->v[r->sent[i]];
        int ok = rc != EXIT_STORE && rc != EXIT_USAGE;
        const char *why = "the ingest did not store it (it said why)";
        if (ok && it->accession) {
            edgr_source src = EDGR_SOURCE_INIT;
            ok = edgr_store_source(r->s->st, it->accession, &src) == EDGR_OK;
        }
        if (!ok && rc == EXIT_STORE) continue; /* the ingest failed: still "fetched", --resume reads it again */
        if (journal_write(r->s, r->p, it, ok ? "stored" : "failed", ok ? NULL : why) != EDGR_OK)
            continue;
        set_str(&it->status, ok ? "stored" : "failed");
        if (ok) r->stored++;
        else r->refused++;
    }
    int committed = tx && edgr_store_commit(r->s->st) == EDGR_OK;
    if (tx && !committed) {
        cli_eprintf("edgr fetch: the journal: %s\n", edgr_store_error(r->s->st));
        edgr_store_rollback(r->s->st);
    }
    /* removed once the journal says stored (not before: a failed commit
     * leaves them for --resume to find whole) */
    for (size_t i = 0; committed && !r->s->a->keep && i < r->nsent; i++) {
        item *it = &r->p->v[r->sent[i]];
        if (it->status && !strcmp(it->status, "stored")) unlink(it->dest);
    }
    r->nsent = 0;
    r->batch_bytes = 0;
    r->t_stored += clock_if(r) - t1;
}

/* A whole file to the batch's ingest (starting one if none runs).  A full
 * batch is closed here, when the next file is whole, not when it filled:
 * so the next transfer overlaps the last ingest (a day's Feed archive, a
 * batch by itself, is fetched while the day before is stored). */
static int batch_add(run *r, size_t i)
{
    item *it = &r->p->v[i];
    if (r->nsent >= FETCH_BATCH_FILES || r->batch_bytes >= FETCH_BATCH_BYTES) batch_close(r);
    if (!r->child.pid && child_start(r->s, &r->child, NULL, 0)) {
        cli_eprintf("edgr fetch: cannot start the ingest: %s\n", strerror(errno));
        return -1;
    }
    if (child_send(&r->child, it->dest)) {
        cli_eprintf("edgr fetch: %s: the ingest stopped reading\n", it->dest);
        return -1;
    }
    r->sent[r->nsent++] = i;
    r->batch_bytes += it->bytes;
    return 0;
}

static void progress(run *r, size_t done)
{
    const fargs *a = r->s->a;
    if (a->quiet || !isatty(2)) return;
    double t = monotonic_seconds() - r->started;
    double rps = t > 0 ? (double)(r->fetched + r->missing) / t : 0;
    size_t left = r->p->n - done;
    char line[200];
    snprintf(line, sizeof line, "fetch %s: %zu/%zu files, %.1f MB, %.1f req/s, ETA %.0f s", r->p->run, done,
             r->p->n, (double)r->bytes / 1e6, rps, rps > 0 ? (double)left / rps : 0.0);
    progress_line(line);
}

/* ---- a Feed archive, stored as it downloads ------------------------------ */

/* A Feed archive's ingest, fed by the transfer itself: each run of bytes
 * written to the .part is written to the ingest's standard input too
 * (edgr_http_request.on_bytes), so that on a real network the archive is
 * parsed and stored while it arrives, and a day takes the longer of its
 * transfer and its storing, not their sum.  The ingest inflates it once,
 * checking each gzip member's CRC-32 and length and the tar's end blocks
 * as it goes, and runs with --all-or-nothing: an archive found damaged at
 * its end (a CRC is over a whole member) has every filing read from it
 * removed again, and exits 4.  (Checking first and storing after cost a
 * whole inflate before the first filing; one transaction for the whole
 * archive held the store's lock for minutes and cost a checkpoint of the
 * archive's size at its end.)  While a transfer waits to be resumed its
 * ingest is stopped (SIGKILL: it stored whole filings or nothing, and the
 * next run skips those stored). */
/* The journal's reason for a Feed archive its ingest found damaged. */
#define FEED_DAMAGED "damaged, the ingest said where: nothing of it stored"

typedef struct feed_tee {
    run *r;
    item *it;
    ingest_child c;   /* c.pid 0: none started */
    uint64_t fed;     /* bytes of the file given to it */
    edgr_sha256 *sha; /* of those bytes */
    int broken;       /* it stopped reading: its exit says why */
} feed_tee;

/* The ingest stopped: killed, waited for; nothing is fed yet. */
static void tee_drop(feed_tee *t)
{
    if (t->c.pid) {
        kill(t->c.pid, SIGKILL);
        child_finish(&t->c);
    }
    edgr_sha256_free(t->sha);
    t->sha = NULL;
    t->fed = 0;
    t->broken = 0;
}

static int tee_put(feed_tee *t, const char *p, size_t n)
{
    edgr_sha256_update(t->sha, p, n);
    t->fed += n;
    while (n) {
        ssize_t w = write(t->c.fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) { /* EPIPE (SIGPIPE is ignored): it has exited */
            t->broken = 1;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The file's bytes [t->fed, upto) to the ingest (a resumed .part's start,
 * or what the transfer wrote before the ingest began). */
static int tee_from_file(feed_tee *t, const char *path, uint64_t upto)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buf[1 << 16];
    int bad = 0;
    while (!bad && t->fed < upto) {
        size_t want = upto - t->fed < sizeof buf ? (size_t)(upto - t->fed) : sizeof buf;
        ssize_t got = pread(fd, buf, want, (off_t)t->fed);
        if (got < 0 && errno == EINTR) continue;
        bad = got <= 0 || tee_put(t, buf, (size_t)got);
    }
    close(fd);
    return bad ? -1 : 0;
}

static int tee_start(feed_tee *t)
{
    if (!(t->sha = edgr_sha256_new())) return -1;
    if (child_start(t->r->s, &t->c, t->it->dest, 1)) {
        cli_eprintf("edgr fetch: cannot start the ingest: %s\n", strerror(errno));
        edgr_sha256_free(t->sha);
        t->sha = NULL;
        return -1;
    }
    return 0;
}

/* edgr_http_request.on_bytes: the run of bytes at `offset` of the .part. */
static int tee_on_bytes(void *user, uint64_t offset, const char *p, size_t n);

/* What a transfer's answer says the .part will be: journalled before its
 * first byte is written, so a run killed mid-transfer resumes the .part
 * (If-Range) instead of fetching the file again (an edgr_http_request's
 * on_part_start).  The ingest of a .part started afresh starts again. */
typedef struct part_ctx {
    run *r;
    item *it;
    feed_tee *tee;
} part_ctx;

static int tee_on_bytes(void *user, uint64_t offset, const char *p, size_t n)
{
    feed_tee *t = ((part_ctx *)user)->tee;
    if (offset < t->fed) tee_drop(t); /* the file starts again */
    if (!t->c.pid && tee_start(t)) return -1;
    char part[4110];
    snprintf(part, sizeof part, "%s.part", t->it->dest);
    if (offset > t->fed && tee_from_file(t, part, offset)) return -1;
    return tee_put(t, p, n);
}

static void on_part_start(void *user, const char *etag, const char *last_modified)
{
    part_ctx *c = user;
    if (c->tee) tee_drop(c->tee); /* and its write lock with it */
    set_str(&c->it->etag, etag && *etag ? etag : NULL);
    set_str(&c->it->lm, last_modified && *last_modified ? last_modified : NULL);
    c->it->bytes = 0;
    set_str(&c->it->sha, NULL);
    journal_write(c->r->s, c->r->p, c->it, "planned", NULL); /* a failure is said; the transfer goes on */
}

/* The archive's ingest has ended with status `rc` (`sha`: the file's
 * SHA-256, `size` its bytes): journalled as its exit says.  0 (stored,
 * refused, or left for --resume when the ingest itself failed); 1 when
 * the archive is damaged (removed, the reason in why); -1 on a hard error
 * (said). */
static int feed_outcome(run *r, size_t i, int rc, const char *sha, uint64_t size, char *why, size_t cap)
{
    item *it = &r->p->v[i];
    if (rc == EXIT_DAMAGED) {
        unlink(it->dest);
        snprintf(why, cap, "%s", FEED_DAMAGED);
        return 1;
    }
    if (rc > r->ingest_rc) r->ingest_rc = rc;
    /* the ingest failed (it said why): left as it is, --resume reads it again */
    if (rc == EXIT_STORE || rc == EXIT_USAGE) return 0;
    it->bytes = size;
    set_str(&it->sha, sha);
    int ok = rc == EXIT_OK;
    /* not all of it readable: its ingest said which filings; the archive is kept to look at */
    if (journal_write(r->s, r->p, it, ok ? "stored" : "failed",
                      ok ? NULL : "the ingest could not read all of it (it said why): kept") != EDGR_OK)
        return -1;
    set_str(&it->status, ok ? "stored" : "failed");
    if (ok) r->stored++;
    else r->refused++;
    if (ok && !r->s->a->keep) unlink(it->dest);
    return 0;
}

/* The transfer is whole (DEST renamed): the rest to the ingest, its end
 * waited for. */
static int tee_finish(run *r, size_t i, feed_tee *t, char *why, size_t cap)
{
    item *it = &r->p->v[i];
    double t0 = clock_if(r);
    if (!t->c.pid && tee_start(t)) return -1;
    if (t->fed < it->bytes && !t->broken) tee_from_file(t, it->dest, it->bytes); /* a failure: broken, said below */
    char sha[65] = "";
    int hashed = !t->broken && t->fed == it->bytes && edgr_sha256_final(t->sha, sha) == EDGR_OK;
    int rc = child_finish(&t->c);
    r->t_wait += clock_if(r) - t0;
    uint64_t size = t->fed;
    edgr_sha256_free(t->sha);
    t->sha = NULL;
    if (!hashed && rc == EXIT_OK) rc = EXIT_STORE; /* it stopped reading, yet said nothing */
    return feed_outcome(r, i, rc, sha, size, why, cap);
}

/* A Feed archive whole on disk from an earlier run: stored from the file
 * (its SHA-256 taken meanwhile). */
static int feed_accept(run *r, size_t i, char *why, size_t cap)
{
    item *it = &r->p->v[i];
    ingest_child c = {0};
    if (child_start(r->s, &c, it->dest, 0)) {
        cli_eprintf("edgr fetch: cannot start the ingest: %s\n", strerror(errno));
        return -1;
    }
    double t0 = clock_if(r);
    char sha[65];
    uint64_t size = 0;
    int bad = fetch_file_digest(it->dest, sha, &size);
    int rc = child_finish(&c);
    r->t_wait += clock_if(r) - t0;
    if (bad && rc == EXIT_OK) rc = EXIT_STORE;
    return feed_outcome(r, i, rc, bad ? NULL : sha, size, why, cap);
}

/* A whole file checked and handed to the ingest: a Feed archive by
 * feed_accept; a filing hashed, then sent to the batch's ingest.  A file
 * whole from an earlier run (the transfer ended, the storing had not) is
 * taken here when a resumed run finds it.  0; 1 when the file is damaged
 * (removed, the reason in why); -1 on a hard error (said). */
static int accept_whole(run *r, size_t i, char *why, size_t cap)
{
    if (r->p->feed) return feed_accept(r, i, why, cap);
    item *it = &r->p->v[i];
    char sha[65];
    uint64_t size = 0;
    double t0 = clock_if(r);
    int bad = fetch_file_digest(it->dest, sha, &size);
    r->t_digest += clock_if(r) - t0;
    if (bad) {
        snprintf(why, cap, "0: cannot read: %s", strerror(errno));
        unlink(it->dest);
        return 1;
    }
    it->bytes = size;
    set_str(&it->sha, sha);
    /* a filing's size and SHA-256 are journalled with "stored", a batch in
     * one transaction: a write a filing would wait on the ingest's lock */
    return batch_add(r, i);
}

/* A file damaged on its second transfer too: refused, and journalled so. */
static int refuse(run *r, size_t i, const char *why)
{
    item *it = &r->p->v[i];
    cli_eprintf("%s: %s: refused (fetched twice)\n", it->url, why);
    r->failed++;
    return journal_write(r->s, r->p, it, "failed", why) == EDGR_OK ? 0 : -1;
}

/* One item: fetched (unless whole already), checked, to the ingest.  0, or
 * -1 when the run must stop (the store, or our own disk: a local error
 * would fail every URL after it the same way, each one a request spent). */
static int do_item(run *r, size_t i)
{
    fetch_session *s = r->s;
    const fargs *a = s->a;
    item *it = &r->p->v[i];
    const char *st = it->status;
    if (!strcmp(st, "stored") || !strcmp(st, "missing")) {
        if (!strcmp(st, "missing")) r->missing++; /* asked once: a 403 AccessDenied is never asked again */
        if (!strcmp(st, "stored") && !a->keep) unlink(it->dest); /* left by a run killed before it removed it */
        return 0;
    }
    if (!strcmp(st, "failed")) { /* refused by an earlier run: counted, not asked again but by --resume */
        r->failed_before++;
        return 0;
    }
    struct stat sb;
    char why[400];
    /* whole from a run stopped before its ingest ended: a file journalled
     * "fetched" with its size, or any file that is there (a .part is
     * renamed only once whole; neither a filing nor a Feed archive is
     * journalled when its transfer ends, see accept_whole and feed_tee) */
    int whole = !strcmp(st, "fetched") ? stat(it->dest, &sb) == 0 && (uint64_t)sb.st_size == it->bytes
                                       : stat(it->dest, &sb) == 0;
    if (whole) {
        r->reused++;
        if (!r->p->feed && it->sha && !strcmp(st, "fetched")) return batch_add(r, i);
        int k = accept_whole(r, i, why, sizeof why);
        if (k <= 0) return k;
    }
    char dest[4096];
    snprintf(dest, sizeof dest, "%s", it->dest);
    if (fetch_make_parents(dest)) {
        cli_eprintf("edgr fetch: %s: cannot make its folder: %s\n", it->dest, strerror(errno));
        return -1;
    }
    for (int whole_again = 0;; whole_again++) {
        /* the journal says what a .part left by a cut or a kill is a part of */
        char part[4110];
        snprintf(part, sizeof part, "%s.part", it->dest);
        int has_part = stat(part, &sb) == 0;
        feed_tee tee = {.r = r, .it = it};
        part_ctx pc = {.r = r, .it = it, .tee = &tee};
        edgr_http_request rq = {.struct_size = sizeof rq, .url = it->url, .dest = it->dest};
        if (r->p->feed) /* a filing is small: fetched again, and read once whole */
            rq.on_part_start = on_part_start, rq.on_bytes = tee_on_bytes, rq.user = &pc;
        if (!r->p->feed) rq.flags |= EDGR_HTTP_GZIP; /* a filing is text; an archive is gzip already */
        if (has_part) {
            rq.part_etag = it->etag;
            rq.part_last_modified = it->lm;
        }
        edgr_http_result res = EDGR_HTTP_RESULT_INIT;
        double t0 = clock_if(r);
        edgr_http_class c = edgr_http_fetch(s->http, &rq, &a->policy, fetch_on_attempt, (void *)a, &res);
        r->t_transfer += clock_if(r) - t0;
        it->attempts += res.attempts;
        set_str(&it->etag, res.etag[0] ? res.etag : NULL);
        set_str(&it->lm, res.last_modified[0] ? res.last_modified : NULL);
        it->bytes = res.bytes;
        if (tee.broken) { /* the ingest stopped while the archive came */
            int rc = child_finish(&tee.c);
            tee_drop(&tee);
            if (rc != EXIT_DAMAGED) {
                if (rc < EXIT_STORE) rc = EXIT_STORE;
                if (rc > r->ingest_rc) r->ingest_rc = rc;
                cli_eprintf("edgr fetch: %s: the ingest stopped (it said why): stopping\n", it->dest);
                return -1;
            }
            /* found damaged before its end: the .part is no use */
            unlink(part);
            if (!whole_again) continue;
            return refuse(r, i, FEED_DAMAGED);
        } else if (c != EDGR_HTTP_OK) {
            tee_drop(&tee); /* what it stored stays; --resume does the rest */
        }
        if (c == EDGR_HTTP_MISSING && it->day && !feed_published_by_now(it->day)) {
            r->unpublished++; /* not there yet: left planned, asked again by a later run */
            return journal_write(s, r->p, it, "planned", "not published yet") == EDGR_OK ? 0 : -1;
        }
        if (c == EDGR_HTTP_MISSING) {
            r->missing++;
            if (!a->quiet && !r->p->feed) cli_eprintf("%s: missing (%s)\n", it->url, res.reason);
            return journal_write(s, r->p, it, "missing", res.reason) == EDGR_OK ? 0 : -1;
        }
        if (c == EDGR_HTTP_FAILED && res.net == EDGR_NET_LOCAL) {
            /* our side (a full disk, a folder not writable): the URL stays
             * planned, and the run stops rather than spend a request on
             * every URL after it */
            cli_eprintf("edgr fetch: %s: %s: stopping (--resume goes on once it is mended)\n", it->dest,
                        res.reason[0] ? res.reason : "cannot write");
            journal_write(s, r->p, it, "planned", res.reason);
            return -1;
        }
        if (c != EDGR_HTTP_OK) {
            int parked = c == EDGR_HTTP_TRANSIENT || c == EDGR_HTTP_RATE_LIMITED || c == EDGR_HTTP_BLOCKED;
            cli_eprintf("%s: %s\n", it->url, res.reason[0] ? res.reason : edgr_http_class_name(c));
            if (parked) r->parked++;
            else r->failed++;
            /* a cut transfer keeps its .part, and the validators to continue it */
            return journal_write(s, r->p, it, parked ? "parked" : "failed", res.reason) == EDGR_OK ? 0 : -1;
        }
        /* whole: its file on disk says so (a kill from here on repeats no
         * transfer); a Feed archive's ingest has most of it already */
        set_str(&it->sha, NULL);
        r->fetched++;
        r->bytes += it->bytes;
        int k = r->p->feed ? tee_finish(r, i, &tee, why, sizeof why) : accept_whole(r, i, why, sizeof why);
        if (k <= 0) return k;
        r->fetched--;
        r->bytes -= it->bytes;
        if (!whole_again) continue; /* fetched whole once more: a damaged copy is not kept */
        return refuse(r, i, why);
    }
}

/* The plan: printed (--dry-run) or run. */
static int run_plan(fetch_session *s, plan *p)
{
    const fargs *a = s->a;
    double rate = a->rate > 0 ? a->rate : EDGR_RATE_DEFAULT;
    /* Where each URL stands; the new ones are journalled, all in one
     * transaction, before the first request: a run killed at any moment
     * leaves its whole plan for --resume. */
    double planned_at = monotonic_seconds();
    if (!a->dry_run && edgr_store_begin(s->st) != EDGR_OK) {
        cli_eprintf("edgr fetch: the journal: %s\n", edgr_store_error(s->st));
        return EXIT_STORE;
    }
    for (size_t i = 0; i < p->n; i++) {
        int had = a->resume ? 1 : journal_load(s, &p->v[i]); /* resumed: loaded from the journal already */
        if (had < 0 || (!had && !a->dry_run && journal_write(s, p, &p->v[i], "planned", NULL) != EDGR_OK)) {
            if (had < 0) cli_eprintf("edgr fetch: the journal: %s\n", edgr_store_error(s->st));
            if (!a->dry_run) edgr_store_rollback(s->st);
            return EXIT_STORE;
        }
    }
    if (!a->dry_run && edgr_store_commit(s->st) != EDGR_OK) {
        cli_eprintf("edgr fetch: the journal: %s\n", edgr_store_error(s->st));
        edgr_store_rollback(s->st);
        return EXIT_STORE;
    }
    if (a->dry_run) {
        sink out = {.fp = stdout};
        size_t todo = 0;
        for (size_t i = 0; i < p->n; i++) {
            item *it = &p->v[i];
            int fetch = strcmp(it->status, "stored") && strcmp(it->status, "missing") && strcmp(it->status, "failed");
            todo += fetch && strcmp(it->status, "fetched");
            sink_printf(&out, "{\"url\":");
            sink_json_str(&out, it->url, strlen(it->url));
            sink_printf(&out, ",\"dest\":");
            sink_json_str(&out, it->dest, strlen(it->dest));
            sink_printf(&out, ",\"status\":\"%s\"", it->status);
            if (it->accession) {
                sink_printf(&out, ",\"accession_number\":");
                sink_json_str(&out, it->accession, strlen(it->accession));
            }
            sink_printf(&out, "}\n");
        }
        if (!a->quiet) {
            double secs = (double)todo / rate;
            cli_eprintf("edgr fetch %s: %zu URL%s, %zu to fetch (sizes unknown until fetched): about %.0f s at %.0f "
                        "requests a second%s\n",
                        p->run, p->n, p->n == 1 ? "" : "s", todo, secs, rate,
                        secs >= 3600 ? " (hours: the SEC's fair-access rate)" : "");
        }
        return out.failed ? EXIT_STORE : EXIT_OK;
    }
    run r = {.s = s, .p = p, .started = planned_at, .timing = getenv("EDGR_FETCH_TIMES") != NULL};
    r.t_journal = monotonic_seconds() - planned_at; /* the plan's journal transaction */
    r.sent = malloc((p->n ? p->n : 1) * sizeof *r.sent);
    if (!r.sent) {
        cli_eprintf("edgr fetch: out of memory\n");
        return EXIT_STORE;
    }
    int hard = 0;
    for (size_t i = 0; i < p->n && !hard; i++) {
        if (do_item(&r, i)) hard = 1;
        progress(&r, i + 1);
    }
    batch_close(&r);
    progress_line(NULL);
    free(r.sent);
    if (!a->quiet) {
        char miss[64] = "";
        if (r.missing) snprintf(miss, sizeof miss, ", %zu missing%s", r.missing, p->feed ? " (holidays)" : "");
        double t = monotonic_seconds() - r.started;
        cli_eprintf("edgr fetch %s: %zu URL%s: %zu fetched (%.1f MB in %.1f s), %zu fetched before, %zu stored, %zu "
                    "parked, %zu failed, %zu not stored%s\n",
                    p->run, p->n, p->n == 1 ? "" : "s", r.fetched, (double)r.bytes / 1e6, t, r.reused, r.stored,
                    r.parked, r.failed, r.refused, miss);
        if (r.failed_before)
            cli_eprintf("edgr fetch: %zu failed in an earlier run (fetch_journal says why): 'edgr fetch %s --resume' "
                        "tries them again\n", r.failed_before, p->run);
        if (r.unpublished)
            cli_eprintf("edgr fetch %s: %zu of the last %d days not published yet: a later run asks again\n", p->run,
                        r.unpublished, FEED_PUBLISH_DAYS);
        if (r.parked) cli_eprintf("edgr fetch: %zu parked: 'edgr fetch %s --resume' tries them again\n", r.parked, p->run);
    }
    if (r.timing) {
        double t = monotonic_seconds() - r.started;
        double rest = t - r.t_transfer - r.t_digest - r.t_journal - r.t_wait - r.t_stored;
        cli_eprintf("edgr fetch %s: times: total %.3f s: transfer %.3f (with the rate budget's waits%s), "
                    "SHA-256 %.3f, journal %.3f, waiting for the ingest %.3f, marking stored %.3f, the rest %.3f\n",
                    p->run, t, r.t_transfer, p->feed ? "; the ingest reading it as it comes" : "", r.t_digest,
                    r.t_journal, r.t_wait, r.t_stored, rest);
    }
    if (hard || r.ingest_rc == EXIT_STORE) return EXIT_STORE;
    /* a filing the index lists and the SEC lacks is a loss; a day without a Feed archive, a holiday */
    int lost = !p->feed && r.missing;
    return r.parked || r.failed || r.failed_before || r.refused || r.ingest_rc || lost ? EXIT_SOME_FAILED : EXIT_OK;
}

static int fetch_run(fetch_session *s, const char *kind, int (*make)(fetch_session *, plan *))
{
    plan p = {.run = kind, .feed = !strcmp(kind, "feed")};
    int rc = (s->a->resume ? plan_resume(s, &p) : make(s, &p)) ? EXIT_STORE : run_plan(s, &p);
    plan_free(&p);
    return rc;
}

int fetch_filings(fetch_session *s) { return fetch_run(s, "filings", plan_filings); }
int fetch_feed(fetch_session *s) { return fetch_run(s, "feed", plan_feed); }
