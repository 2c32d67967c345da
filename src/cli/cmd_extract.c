/* edgr extract: every document to DIR/<cik>/<accession without dashes>/<filename>,
 * EDGAR's own archive layout.  Names that could escape DIR are refused. */
#include <errno.h>
#include <fcntl.h>
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
    char dir[4096];   /* DIR/cik/acc of the current submission */
    int fd;           /* current output file, -1 if none        */
    char path[4352];
} xctx;

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
    if (mkdirs(c->dir)) return x_fail(c, d, "cannot create", c->dir, errno);
    snprintf(c->path, sizeof c->path, "%s/%.*s", c->dir, (int)name.len, name.ptr);
    c->fd = open(c->path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (c->fd < 0) return x_fail(c, d, "cannot write", c->path, errno);
    return 0;
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
            close(c->fd);
            c->fd = -1;
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
    int bad = c->fd >= 0 && close(c->fd);
    c->fd = -1;
    return bad ? x_fail(c, d, "closing", c->path, errno) : 0;
}

static int x_submission(void *user, const edgr_submission *s)
{
    xctx *c = user;
    if (submission_failed(c->u, s, c->err, c->o->quiet)) c->saw_error = 1;
    c->dir[0] = '\0';
    return 0;
}

int cmd_extract_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    xctx c = {.o = o, .u = u, .out = out, .err = err, .fd = -1};
    edgr_callbacks cb = {.struct_size = sizeof cb, .header = x_header, .doc_begin = x_begin, .doc_data = x_data,
                         .doc_end = x_end, .submission_end = x_submission};
    int rc = feed_unit(u, &cb, &c, 0, err, o->quiet, &c.saw_error);
    if (c.fd >= 0) close(c.fd);
    return c.io_error ? EXIT_STORE : rc;
}
