/* edgr extract: every document to DIR/<cik>/<accession without dashes>/<filename>,
 * EDGAR's own archive layout.  Names that could escape DIR are refused.
 *
 * Nothing is written outside DIR: DIR is opened once as a directory and every
 * folder and file below it is made relative to that descriptor, a symbolic
 * link met at DIR/<cik>, DIR/<cik>/<accession> or a document's name is an
 * error for that filing and is never followed, and each document is written
 * to a fresh temporary name (O_EXCL) in its folder and renamed over its name,
 * which replaces a hard link's entry instead of writing through it.  Two
 * documents of one filing with one name: the second gets name.2.ext.  With
 * --jobs no two writers share a file; the same filing twice in a batch ends
 * with each file whole, from whichever copy was renamed last. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/chars.h" /* static inline only: the CLI links the public API */
#include "cli.h"

typedef struct xctx {
    const opts *o;
    unit *u;
    sink *out, *err;
    int saw_error;
    int io_error;     /* the disk failed (full, quota, EIO): stop the batch */
    char dir[4096];   /* DIR/cik/acc of the current submission, as said */
    char cik[32], acc[64];
    int root;         /* DIR, opened once; -1 if it could not be    */
    int accfd;        /* DIR/cik/acc of the current submission, or -1 */
    int dir_failed;   /* this filing's folder was refused: skip it  */
    int fd;           /* current output file (a temporary), -1 if none */
    char tmp[64];     /* its temporary name in accfd               */
    int slot;         /* its entry in live[], or -1                  */
    char name[300];   /* the name it is renamed to                  */
    char path[4400];
    char **used;      /* names written in this filing (a hash set)  */
    size_t nused, capused;
} xctx;

static atomic_ulong tmp_counter;

/* The temporaries being written, for a signal that ends the process
 * (SIGINT, SIGTERM, SIGHUP) to remove before it does: one entry per writer
 * (--jobs is at most 64), its state 0 free, 1 being filled, 2 live.  The
 * handler only calls unlinkat, which is async-signal-safe; a temporary
 * renamed into place just before it runs is gone already (ENOENT). */
#define LIVE_MAX 128
static struct {
    atomic_int state;
    int dirfd;
    char name[64];
} live[LIVE_MAX];

static void drop_live_and_die(int sig)
{
    for (int i = 0; i < LIVE_MAX; i++)
        if (atomic_load(&live[i].state) == 2) unlinkat(live[i].dirfd, live[i].name, 0);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Once per process: the handler for each of the three signals that is not
 * ignored (nohup, or a background job of a script, keeps ignoring it). */
static void catch_signals(void)
{
    static atomic_flag done = ATOMIC_FLAG_INIT;
    if (atomic_flag_test_and_set(&done)) return;
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old, sa = {0};
        if (sigaction(sigs[i], NULL, &old) || old.sa_handler == SIG_IGN) continue;
        sa.sa_handler = drop_live_and_die;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static void live_add(xctx *c)
{
    c->slot = -1;
    for (int i = 0; i < LIVE_MAX; i++) {
        int free_ = 0;
        if (atomic_compare_exchange_strong(&live[i].state, &free_, 1)) {
            live[i].dirfd = c->accfd;
            memcpy(live[i].name, c->tmp, sizeof live[i].name);
            atomic_store(&live[i].state, 2);
            c->slot = i;
            return;
        }
    }
}

static void live_drop(xctx *c)
{
    if (c->slot >= 0) atomic_store(&live[c->slot].state, 0);
    c->slot = -1;
}

static size_t name_hash(const char *p)
{
    size_t h = 1469598103934665603u;
    for (; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211u;
    return h;
}

/* 1 if NAME was already written in this filing; else records it (0), or -1
 * without memory. */
static int name_seen(xctx *c, const char *name)
{
    if (c->nused * 2 >= c->capused) {
        size_t cap = c->capused ? c->capused * 2 : 64;
        char **t = calloc(cap, sizeof *t);
        if (!t) return -1;
        for (size_t i = 0; i < c->capused; i++)
            if (c->used[i]) {
                size_t j = name_hash(c->used[i]) & (cap - 1);
                while (t[j]) j = (j + 1) & (cap - 1);
                t[j] = c->used[i];
            }
        free(c->used);
        c->used = t;
        c->capused = cap;
    }
    size_t j = name_hash(name) & (c->capused - 1);
    for (; c->used[j]; j = (j + 1) & (c->capused - 1))
        if (!strcmp(c->used[j], name)) return 1;
    if (!(c->used[j] = strdup(name))) return -1;
    c->nused++;
    return 0;
}

static void names_clear(xctx *c)
{
    for (size_t i = 0; i < c->capused; i++) free(c->used[i]);
    free(c->used);
    c->used = NULL;
    c->nused = c->capused = 0;
}

/* Errors of the disk rather than of one name: writing on would fail again,
 * so the batch stops and edgr exits EXIT_STORE. */
static int disk_errno(int e)
{
    return e == ENOSPC || e == EFBIG || e == EIO
#ifdef EDQUOT
           || e == EDQUOT
#endif
        ;
}

/* A failure writing the output: said (with the file), and for a disk error
 * the stream is stopped (non-zero) and the batch with it. */
static int x_fail(xctx *c, const edgr_document *d, const char *what, const char *path, int e)
{
    sink_printf(c->err, "%s: %llu: %s %s: %s%s\n", c->u->name, (unsigned long long)d->offset, what, path,
                strerror(e), disk_errno(e) ? " (stopping)" : "");
    c->saw_error = 1;
    if (!disk_errno(e)) return 0;
    c->io_error = 1;
    return 1;
}

static int mkdirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int rc = mkdir(path, 0755);
        *p = '/';
        if (rc && errno != EEXIST) return -1;
    }
    if (mkdir(path, 0755) && errno != EEXIST) return -1;
    return 0;
}

/* 1 if a document name can be written as one file inside the folder. */
static const char *unsafe_reason(const char *p, size_t n)
{
    if (n == 0) return "empty file name";
    if (n > 255) return "file name longer than 255 bytes";
    if ((n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
        return "file name is a directory reference";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '/' || c == '\\') return "file name contains a path separator";
        if (c < 0x20 || c == 0x7f) return "file name contains a control character";
    }
    return NULL;
}

static void copy_clean(char *dst, size_t cap, edgr_span v, int keep_dash)
{
    size_t o = 0;
    for (size_t i = 0; i < v.len && o + 1 < cap; i++) {
        char c = v.ptr[i];
        if (sc_is_alnum((unsigned char)c) ||
            (keep_dash && (c == '-' || c == '_' || c == '.')))
            dst[o++] = c;
    }
    dst[o] = '\0';
}

static int x_header(void *user, const edgr_submission *s)
{
    xctx *c = user;
    static const char *const cik_paths[] = {
        "filer.company_data.cik", "subject_company.company_data.cik",
        "reporting_owner.owner_data.cik", "reporting_owner.company_data.cik",
        "issuer.company_data.cik", "filed_by.company_data.cik",
        "serial_company.company_data.cik", "depositor.company_data.cik",
        "filed_for.company_data.cik"};
    char cik[32] = "0", acc[64] = "";
    for (size_t i = 0; i < sizeof cik_paths / sizeof cik_paths[0]; i++) {
        edgr_span v = edgr_get(s, cik_paths[i]);
        if (!v.len) continue;
        while (v.len > 1 && v.ptr[0] == '0') v.ptr++, v.len--;
        copy_clean(cik, sizeof cik, v, 0);
        if (!cik[0]) strcpy(cik, "0");
        break;
    }
    edgr_span a = edgr_get(s, "accession_number");
    copy_clean(acc, sizeof acc, a, 0);
    if (!acc[0]) {
        /* no header: name the folder after the input file */
        const char *base = strrchr(c->u->path, '/');
        base = base ? base + 1 : c->u->path;
        edgr_span b = {base, strcspn(base, ".")};
        copy_clean(acc, sizeof acc, b, 1);
        if (!acc[0]) strcpy(acc, "unknown");
    }
    snprintf(c->dir, sizeof c->dir, "%s/%s/%s", c->o->out_dir, cik, acc);
    memcpy(c->cik, cik, sizeof cik);
    memcpy(c->acc, acc, sizeof acc);
    return 0;
}

/* Opens (making it if need be) folder NAME in AT, never through a symbolic
 * link; SHOWN is its path as said.  -1 on failure (said, the filing skipped;
 * *stop set for a disk error). */
static int open_dir_at(xctx *c, const edgr_document *d, int at, const char *name, const char *shown, int *stop)
{
    if (mkdirat(at, name, 0755) && errno != EEXIST) {
        *stop = x_fail(c, d, "cannot create", shown, errno);
        return -1;
    }
    int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) return fd;
    int e = errno;
    struct stat st;
    if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        sink_printf(c->err, "%s: %llu: %s is a symbolic link: not followed\n", c->u->name,
                    (unsigned long long)d->offset, shown);
        c->saw_error = 1;
        *stop = 0;
    } else {
        *stop = x_fail(c, d, "cannot open", shown, e);
    }
    return -1;
}

/* DIR/cik/acc of the current filing, opened once per filing. */
static int filing_dir(xctx *c, const edgr_document *d, int *stop)
{
    *stop = 0;
    if (c->accfd >= 0) return 0;
    if (c->dir_failed) return -1;
    c->dir_failed = 1;
    if (c->root < 0) {
        char top[4096];
        snprintf(top, sizeof top, "%s", c->o->out_dir);
        if (mkdirs(top)) {
            *stop = x_fail(c, d, "cannot create", c->o->out_dir, errno);
            return -1;
        }
        c->root = open(c->o->out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (c->root < 0) {
            *stop = x_fail(c, d, "cannot open", c->o->out_dir, errno);
            return -1;
        }
    }
    char shown[4096];
    snprintf(shown, sizeof shown, "%s/%s", c->o->out_dir, c->cik);
    int cfd = open_dir_at(c, d, c->root, c->cik, shown, stop);
    if (cfd < 0) return -1;
    c->accfd = open_dir_at(c, d, cfd, c->acc, c->dir, stop);
    close(cfd);
    if (c->accfd < 0) return -1;
    c->dir_failed = 0;
    return 0;
}

/* NAME made distinct within this filing: NAME itself, or stem.N.ext. */
static int unique_name(xctx *c, const edgr_document *d, const char *name)
{
    int seen = name_seen(c, name);
    if (seen < 0) return x_fail(c, d, "out of memory for", name, ENOMEM), -1;
    if (!seen) {
        snprintf(c->name, sizeof c->name, "%s", name);
        return 0;
    }
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) dot = name + strlen(name);
    for (unsigned n = 2;; n++) {
        int len = snprintf(c->name, sizeof c->name, "%.*s.%u%s", (int)(dot - name), name, n, dot);
        if (len < 0 || len > 255) {
            sink_printf(c->err, "%s: %llu: refusing to write document %lld: name %s is taken in this filing\n",
                        c->u->name, (unsigned long long)d->offset, (long long)d->sequence, name);
            c->saw_error = 1;
            return -1;
        }
        seen = name_seen(c, c->name);
        if (seen < 0) return x_fail(c, d, "out of memory for", name, ENOMEM), -1;
        if (!seen) break;
    }
    if (!c->o->quiet)
        sink_printf(c->err, "%s: %llu: warning: document %lld: another document of this filing is named %s: written as %s\n",
                    c->u->name, (unsigned long long)d->offset, (long long)d->sequence, name, c->name);
    return 0;
}

static int x_begin(void *user, const edgr_document *d)
{
    xctx *c = user;
    c->fd = -1;
    if (!c->dir[0]) x_header(user, NULL); /* fragment: no header callback */
    char gen[64];
    edgr_span name = d->filename;
    if (!name.len) {
        /* 1990s filings name no files: EDGAR's own names are 0001.txt ... */
        if (d->uu_name.len && !unsafe_reason(d->uu_name.ptr, d->uu_name.len)) {
            name = d->uu_name;
        } else {
            snprintf(gen, sizeof gen, "%04lld.txt", (long long)(d->sequence >= 0 ? d->sequence : 0));
            name.ptr = gen;
            name.len = strlen(gen);
        }
    }
    const char *why = unsafe_reason(name.ptr, name.len);
    if (why) {
        sink_printf(c->err, "%s: %llu: refusing to write document %lld: %s\n", c->u->name,
                    (unsigned long long)d->offset, (long long)d->sequence, why);
        c->saw_error = 1;
        return 0;
    }
    int stop;
    if (filing_dir(c, d, &stop)) return stop;
    char want[256];
    memcpy(want, name.ptr, name.len);
    want[name.len] = '\0';
    if (unique_name(c, d, want)) return c->io_error;
    snprintf(c->path, sizeof c->path, "%s/%s", c->dir, c->name);
    struct stat st;
    if (fstatat(c->accfd, c->name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        sink_printf(c->err, "%s: %llu: %s is a symbolic link: not followed\n", c->u->name,
                    (unsigned long long)d->offset, c->path);
        c->saw_error = 1;
        return 0;
    }
    for (int tries = 0; c->fd < 0; tries++) {
        snprintf(c->tmp, sizeof c->tmp, ".edgr-%ld-%lu.tmp", (long)getpid(),
                 (unsigned long)atomic_fetch_add(&tmp_counter, 1));
        c->fd = openat(c->accfd, c->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (c->fd < 0 && (errno != EEXIST || tries > 100)) return x_fail(c, d, "cannot write", c->path, errno);
    }
    live_add(c);
    return 0;
}

/* The current output abandoned: closed and its temporary removed. */
static void drop_tmp(xctx *c)
{
    if (c->fd < 0) return;
    close(c->fd);
    c->fd = -1;
    unlinkat(c->accfd, c->tmp, 0);
    live_drop(c);
}

static int x_data(void *user, const edgr_document *d, const char *p, size_t n)
{
    xctx *c = user;
    (void)d;
    while (c->fd >= 0 && n) {
        ssize_t w = write(c->fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            drop_tmp(c);
            return x_fail(c, d, "writing", c->path, e);
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int x_end(void *user, const edgr_document *d)
{
    xctx *c = user;
    if (c->fd < 0) return 0;
    int bad = close(c->fd);
    c->fd = -1;
    if (bad) {
        int e = errno;
        unlinkat(c->accfd, c->tmp, 0);
        live_drop(c);
        return x_fail(c, d, "closing", c->path, e);
    }
    if (renameat(c->accfd, c->tmp, c->accfd, c->name)) {
        int e = errno;
        unlinkat(c->accfd, c->tmp, 0);
        live_drop(c);
        return x_fail(c, d, "cannot write", c->path, e);
    }
    live_drop(c);
    return 0;
}

/* The folder of one filing closed, its names forgotten. */
static void filing_done(xctx *c)
{
    drop_tmp(c);
    if (c->accfd >= 0) close(c->accfd);
    c->accfd = -1;
    c->dir_failed = 0;
    names_clear(c);
}

static int x_submission(void *user, const edgr_submission *s)
{
    xctx *c = user;
    if (submission_failed(c->u, s, c->err, c->o->quiet)) c->saw_error = 1;
    c->dir[0] = '\0';
    filing_done(c);
    return 0;
}

int cmd_extract_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    xctx c = {.o = o, .u = u, .out = out, .err = err, .fd = -1, .root = -1, .accfd = -1, .slot = -1};
    catch_signals();
    edgr_callbacks cb = {.struct_size = sizeof cb, .header = x_header, .doc_begin = x_begin, .doc_data = x_data,
                         .doc_end = x_end, .submission_end = x_submission};
    int rc = feed_unit(u, &cb, &c, 0, err, o->quiet, &c.saw_error);
    filing_done(&c);
    if (c.root >= 0) close(c.root);
    return c.io_error ? EXIT_STORE : rc;
}
