/* Output sinks and diagnostics reporting for the CLI. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>
#include <unistd.h>

#include "cli.h"

static int stdout_errno; /* why a write to stdout failed (main thread only) */

/* ---- color -------------------------------------------------------------- */

static int color_mode = -1;

void cli_set_color(int mode) { color_mode = mode; }

int cli_color(int fd)
{
    if (color_mode >= 0) return color_mode;
    const char *no = getenv("NO_COLOR");
    if (no && *no) return 0;
    const char *term = getenv("TERM");
    if (term && !strcmp(term, "dumb")) return 0;
    return isatty(fd);
}

/* ---- stderr: messages and the progress line ----------------------------- */

static char progress_text[256];
static int progress_shown;

void progress_line(const char *line)
{
    if (progress_shown) fputs("\r\033[K", stderr);
    progress_shown = 0;
    if (!line) {
        progress_text[0] = 0;
        return;
    }
    snprintf(progress_text, sizeof progress_text, "%s", line);
    fputs(progress_text, stderr);
    progress_shown = 1;
}

/* One "name: offset: [warning: ]message" line, colored: the warning word
 * yellow, an error's message red. */
static void color_line(const char *p, size_t n)
{
    const char *w = NULL;
    for (size_t i = 0; i + 11 <= n; i++)
        if (!memcmp(p + i, ": warning: ", 11)) { w = p + i + 2; break; }
    if (w) {
        fwrite(p, 1, (size_t)(w - p), stderr);
        fputs("\033[33mwarning\033[0m", stderr);
        fwrite(w + 7, 1, n - (size_t)(w + 7 - p), stderr);
        return;
    }
    /* an error: after "name: offset: " (a number between two ": ") */
    for (size_t i = 0; i + 2 < n; i++) {
        if (p[i] != ':' || p[i + 1] != ' ') continue;
        size_t j = i + 2;
        while (j < n && p[j] >= '0' && p[j] <= '9') j++;
        if (j > i + 2 && j + 1 < n && p[j] == ':' && p[j + 1] == ' ') {
            fwrite(p, 1, j + 2, stderr);
            fputs("\033[31m", stderr);
            size_t end = n && p[n - 1] == '\n' ? n - 1 : n;
            fwrite(p + j + 2, 1, end - (j + 2), stderr);
            fputs("\033[0m", stderr);
            fwrite(p + end, 1, n - end, stderr);
            return;
        }
    }
    fwrite(p, 1, n, stderr);
}

void emit_stderr(const char *p, size_t n)
{
    if (!n) return;
    int again = progress_shown;
    if (progress_shown) {
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
    if (!cli_color(2)) {
        fwrite(p, 1, n, stderr);
    } else {
        while (n) {
            const char *nl = memchr(p, '\n', n);
            size_t len = nl ? (size_t)(nl - p) + 1 : n;
            color_line(p, len);
            p += len;
            n -= len;
        }
    }
    if (again && progress_text[0]) {
        fputs(progress_text, stderr);
        progress_shown = 1;
    }
    fflush(stderr);
}

/* ---- output errors ------------------------------------------------------ */

static const char *write_error_command; /* "edgr text: write error: ..." */

void cli_set_command_name(const char *name)
{
    write_error_command = name;
}

int write_error(int err)
{
    static int said;
    /* remembered: a second call (run_inputs' flush, then finish_output's
     * ferror) must give the same answer, not EIO for an EPIPE said first */
    if (err) stdout_errno = err;
    else err = stdout_errno ? stdout_errno : EIO;
    if (!said && err != EPIPE) {
        progress_line(NULL);
        fprintf(stderr, "edgr%s%s: write error: %s\n", write_error_command ? " " : "",
                write_error_command ? write_error_command : "", strerror(err));
    }
    said = 1;
    /* a closed pipe (edgr parse | head) is how a reader says "enough" */
    return err == EPIPE ? EXIT_SOME_FAILED : EXIT_STORE;
}

int finish_output(int rc)
{
    errno = 0;
    int bad = fflush(stdout) != 0;
    int err = errno;
    if (bad || ferror(stdout)) return write_error(bad ? err : 0);
    return rc;
}

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
    } else if (s->fp == stderr) {
        emit_stderr(p, n);
    } else if (fwrite(p, 1, n, s->fp) != n) {
        s->failed = 1;
        if (s->fp == stdout) stdout_errno = errno;
    }
}

size_t cli_escape(char *dst, size_t cap, const char *p, size_t n, int keep_newline)
{
    size_t o = 0;
    if (!cap) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        char e[5] = {(char)c, 0};
        size_t k = 1;
        int last_newline = c == '\n' && keep_newline && i + 1 == n;
        if (last_newline || (c >= 0x20 && c != 0x7f)) k = 1;
        else if (c == '\n') k = (size_t)snprintf(e, sizeof e, "\\n");
        else if (c == '\t') k = (size_t)snprintf(e, sizeof e, "\\t");
        else if (c == '\r') k = (size_t)snprintf(e, sizeof e, "\\r");
        else k = (size_t)snprintf(e, sizeof e, "\\x%02x", c);
        if (o + k >= cap) break;
        memcpy(dst + o, e, k);
        o += k;
    }
    dst[o] = 0;
    return o;
}

__attribute__((format(printf, 2, 0)))
static void sink_vprintf(sink *s, const char *fmt, va_list ap)
{
    char buf[1024];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0) return;
    size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
    if (s->diag) {
        char esc[4 * sizeof buf];
        sink_write(s, esc, cli_escape(esc, sizeof esc, buf, len, 1));
        return;
    }
    sink_write(s, buf, len);
}

void sink_printf(sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sink_vprintf(s, fmt, ap);
    va_end(ap);
}

/* A diagnostic straight to stderr: a diagnostics sink on stderr, so it is
 * escaped and kept clear of the progress line as every other one is. */
void cli_eprintf(const char *fmt, ...)
{
    sink err = {.fp = stderr, .diag = 1};
    va_list ap;
    va_start(ap, fmt);
    sink_vprintf(&err, fmt, ap);
    va_end(ap);
}

void sink_write_cp1252(sink *s, const char *p, size_t n)
{
    enum { PIECE = 1 << 16 };
    char u8[3 * PIECE]; /* a Windows-1252 byte is at most 3 bytes of UTF-8 */
    while (n && !s->failed) {
        size_t k = n < PIECE ? n : PIECE;
        sink_write(s, u8, edgr_cp1252_to_utf8(p, k, u8));
        p += k;
        n -= k;
    }
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
        err->skipped++;
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
    } else if (total == 0 && rc == EDGR_OK) {
        /* said as each_filing says it, so that every command handles an
           empty file (named, walked or an archive member) the same way */
        sink_printf(err, "%s: 0: empty input\n", u->name);
        edgr_stream_free(st);
        return 1;
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
    sink_json_chars(s, p, n);
    sink_write(s, "\"", 1);
}

void sink_json_chars(sink *s, const char *p, size_t n)
{
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
}

int sink_json_chars_cb(void *user, const char *p, size_t n)
{
    sink *s = user;
    sink_json_chars(s, p, n);
    return s->failed;
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
    *p = m->p ? m->p : ""; /* no bytes at all: never hand out NULL */
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

void sink_cell(sink *s, const char *v, size_t max)
{
    v = v ? v : "";
    size_t n = strlen(v), shown = max && n > max ? max : n;
    while (shown < n && shown > 0 && ((unsigned char)v[shown] & 0xC0) == 0x80) shown--;
    for (size_t i = 0; i < shown; i++) {
        char ch = (unsigned char)v[i] < 0x20 || v[i] == 0x7f ? ' ' : v[i];
        sink_write(s, &ch, 1);
    }
    if (shown < n) sink_write(s, "...", 3);
}
