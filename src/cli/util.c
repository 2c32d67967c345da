/* Output sinks and diagnostics reporting for the CLI. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "cli.h"

void sink_write(sink *s, const char *p, size_t n)
{
    if (s->failed || !n) return;
    if (s->mem) {
        if (s->mem->len + n > s->mem->cap) {
            size_t cap = s->mem->cap ? s->mem->cap : 4096;
            while (cap < s->mem->len + n) cap *= 2;
            char *d = realloc(s->mem->data, cap);
            if (!d) {
                s->failed = 1;
                return;
            }
            s->mem->data = d;
            s->mem->cap = cap;
        }
        memcpy(s->mem->data + s->mem->len, p, n);
        s->mem->len += n;
    } else if (fwrite(p, 1, n, s->fp) != n) {
        s->failed = 1;
    }
}

void sink_printf(sink *s, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    sink_write(s, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

int sink_write_cb(void *user, const char *p, size_t n)
{
    sink *s = user;
    sink_write(s, p, n);
    return s->failed;
}

void report_diags(const char *name, const edgr_submission *s, sink *err, int quiet)
{
    for (size_t i = 0; i < s->diag_count; i++) {
        const edgr_diag *d = &s->diags[i];
        if (d->severity == EDGR_WARNING && quiet) continue;
        sink_printf(err, "%s: %llu: %s%s\n", name, (unsigned long long)d->offset,
                    d->severity == EDGR_WARNING ? "warning: " : "", d->message);
    }
}

int submission_failed(const unit *u, const edgr_submission *s, sink *err, int quiet)
{
    if (s->container == EDGR_C_NONE && u->walked) {
        if (!quiet)
            sink_printf(err, "%s: 0: warning: not an EDGAR submission (skipped)\n", u->name);
        return 0;
    }
    report_diags(u->name, s, err, quiet);
    return s->errors > 0;
}

int feed_unit(unit *u, const edgr_callbacks *cb, void *user, unsigned flags, sink *err,
              int quiet, int *saw_error)
{
    (void)quiet;
    edgr_stream *st = edgr_stream_new(cb, user, flags);
    if (!st) {
        sink_printf(err, "%s: 0: out of memory\n", u->name);
        return 1;
    }
    const char *p;
    size_t n;
    char msg[256] = "";
    int r, failed = 0;
    edgr_status rc = EDGR_OK;
    uint64_t total = 0;
    while ((r = u->next(u, &p, &n, msg, sizeof msg)) == 1) {
        total += n;
        rc = edgr_stream_feed(st, p, n);
        if (rc) break;
    }
    if (r < 0) {
        sink_printf(err, "%s: %llu: %s\n", u->name, (unsigned long long)total, msg);
        failed = 1;
    }
    if (rc == EDGR_OK) rc = edgr_stream_finish(st);
    if (rc == EDGR_ERR_NOMEM || rc == EDGR_ERR_LIMIT) {
        sink_printf(err, "%s: %llu: %s\n", u->name, (unsigned long long)total, edgr_strerror(rc));
        failed = 1;
    }
    edgr_stream_free(st);
    if (saw_error && *saw_error) failed = 1;
    return failed;
}

/* JSON strings for the commands that write their own objects (items,
 * ingest's log, search hits).  Bytes >= 0x80 pass: the text they print is
 * UTF-8 already. */
void sink_json_str(sink *s, const char *p, size_t n)
{
    sink_write(s, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x20 && c != '"' && c != '\\') { run++; continue; }
        sink_write(s, p + i - run, run);
        run = 0;
        if (c == '"') sink_write(s, "\\\"", 2);
        else if (c == '\\') sink_write(s, "\\\\", 2);
        else if (c == '\n') sink_write(s, "\\n", 2);
        else if (c == '\t') sink_write(s, "\\t", 2);
        else sink_printf(s, "\\u%04x", c);
    }
    sink_write(s, p + n - run, run);
    sink_write(s, "\"", 1);
}

double monotonic_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

edgr_json_source unit_json_source(const unit *u)
{
    /* the path alone names a plain file; an archive member is the
     * archive's path and its own name, as the store keeps it */
    edgr_json_source src = EDGR_JSON_SOURCE_INIT;
    src.path = u->member && u->archive ? u->archive : u->name;
    src.member = u->member && u->archive ? u->member : NULL;
    return src;
}

static int mem_unit_next(unit *u, const char **p, size_t *n, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    mem_unit *m = (mem_unit *)u;
    if (m->given) return 0;
    m->given = 1;
    *p = m->p ? m->p : ""; /* an empty file is not mapped: never hand out NULL */
    *n = m->n;
    return 1;
}

void mem_unit_init(mem_unit *m, const char *name, const char *path, const char *p, size_t n,
                   int walked)
{
    *m = (mem_unit){.u = {.name = name, .path = path, .next = mem_unit_next, .walked = walked,
                          .stable = 1},
                    .p = p, .n = n};
}
