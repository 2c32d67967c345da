/* The rate budget every edgr process of the user shares (edgr/fetch.h).
 *
 * One file per host, rate-HOST in the state directory, holds one record of
 * RECORD bytes:
 *
 *   edgr-rate 1 next=N paused=N slow=N why=TEXT<spaces>\n
 *
 * (times in ns since the epoch, CLOCK_REALTIME), read and rewritten whole
 * with pread/pwrite under flock(LOCK_EX).  The record has a fixed size so
 * a rewrite never needs a truncate; a record that does not parse (a new
 * file, a foreign one) reads as "no slot taken, no block".
 *
 * flock() excludes other open files (other processes, other handles);
 * the handle's mutex excludes the threads that share this one. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "edgr/fetch.h"

enum { RECORD = 320, WHY_MAX = 160 }; /* 96 bytes of fields, the reason, padding */
#define NS 1000000000LL
/* The farthest ahead a block may reach (longer requests are cut to it),
 * and the farthest a next slot may lie beyond a block before it is taken
 * for a clock that stepped back. */
#define BLOCK_HORIZON_NS (2LL * 86400 * NS)
#define SLOT_HORIZON_NS (3600LL * NS)

struct edgr_budget {
    pthread_mutex_t mu;
    int fd;
    double rate;
    int64_t interval_ns;
    char path[PATH_MAX];
    char err[PATH_MAX + 128];
};

typedef struct shared {
    int64_t next, paused, slow;
    char why[WHY_MAX + 1];
} shared;

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
}

static int fail(edgr_budget *b, int e, const char *what)
{
    snprintf(b->err, sizeof b->err, "%s: %s: %s", b->path, what, strerror(e));
    return e;
}

static int lock_file(edgr_budget *b)
{
    while (flock(b->fd, LOCK_EX) != 0)
        if (errno != EINTR) return fail(b, errno, "lock");
    return 0;
}

static void unlock_file(edgr_budget *b) { flock(b->fd, LOCK_UN); }

static void clean_why(char *dst, const char *src)
{
    size_t n = 0;
    for (; src && *src && n < WHY_MAX; src++)
        dst[n++] = ((unsigned char)*src < 0x20 || *src == 0x7f) ? ' ' : *src;
    while (n && dst[n - 1] == ' ') n--;
    dst[n] = '\0';
}

static int read_state(edgr_budget *b, shared *s, int64_t now)
{
    char rec[RECORD + 1];
    memset(s, 0, sizeof *s);
    ssize_t got;
    while ((got = pread(b->fd, rec, RECORD, 0)) < 0)
        if (errno != EINTR) return fail(b, errno, "read");
    rec[got] = '\0';
    long long nx, pa, sl;
    int at = 0;
    if (got == RECORD && sscanf(rec, "edgr-rate 1 next=%lld paused=%lld slow=%lld why=%n", &nx, &pa, &sl, &at) == 3 &&
        at > 0) {
        s->next = nx, s->paused = pa, s->slow = sl;
        rec[RECORD - 1] = '\0';
        clean_why(s->why, rec + at);
    }
    /* a clock that stepped back leaves times far ahead: forget them */
    if (s->paused > now + BLOCK_HORIZON_NS || s->slow > now + 2 * BLOCK_HORIZON_NS) s->paused = s->slow = 0;
    if (s->next > (now > s->paused ? now : s->paused) + SLOT_HORIZON_NS) s->next = 0;
    return 0;
}

static int write_state(edgr_budget *b, const shared *s)
{
    char rec[RECORD + 1];
    int n = snprintf(rec, sizeof rec, "edgr-rate 1 next=%020" PRId64 " paused=%020" PRId64 " slow=%020" PRId64 " why=%s",
                     s->next, s->paused, s->slow, s->why);
    if (n < 0 || n > RECORD - 1) n = RECORD - 1;
    memset(rec + n, ' ', (size_t)(RECORD - 1 - n));
    rec[RECORD - 1] = '\n';
    ssize_t put;
    while ((put = pwrite(b->fd, rec, RECORD, 0)) < 0)
        if (errno != EINTR) return fail(b, errno, "write");
    if (put != RECORD) return fail(b, EIO, "short write");
    return 0;
}

/* mkdir -p, each new directory 0700 */
static int make_dirs(char *path)
{
    for (char *c = path + 1;; c++) {
        if (*c == '/' || *c == '\0') {
            char keep = *c;
            *c = '\0';
            int r = mkdir(path, 0700);
            int e = errno;
            *c = keep;
            if (r != 0 && e != EEXIST) return e;
            if (!keep) break;
        }
    }
    struct stat st;
    if (stat(path, &st) != 0) return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

static edgr_budget *open_fail(edgr_budget *b, int e, int *err, char *errbuf, size_t errcap)
{
    if (err) *err = e;
    if (errbuf && errcap) snprintf(errbuf, errcap, "%s", b->err);
    if (b->fd >= 0) close(b->fd);
    pthread_mutex_destroy(&b->mu);
    free(b);
    return NULL;
}

edgr_budget *edgr_budget_open(const char *host, const edgr_budget_options *opt, int *err, char *errbuf,
                              size_t errcap)
{
    if (err) *err = 0;
    if (errbuf && errcap) errbuf[0] = '\0';
    edgr_budget *b = calloc(1, sizeof *b);
    if (!b) {
        if (err) *err = ENOMEM;
        return NULL;
    }
    b->fd = -1;
    pthread_mutex_init(&b->mu, NULL);
    if (!host || !*host || !opt || opt->struct_size < sizeof(edgr_budget_options)) {
        snprintf(b->err, sizeof b->err, "rate budget: no host, or options without struct_size");
        return open_fail(b, EINVAL, err, errbuf, errcap);
    }
    double rate = opt->rate == 0 ? EDGR_RATE_DEFAULT : opt->rate;
    if (!(rate > 0) || !isfinite(rate) || (rate > EDGR_RATE_MAX && !(opt->flags & EDGR_BUDGET_UNCAPPED)) ||
        (opt->flags & ~EDGR_BUDGET_UNCAPPED)) {
        snprintf(b->err, sizeof b->err, "rate budget: the rate must be above 0 and at most 10 requests a second "
                                        "(the SEC's fair-access limit)");
        return open_fail(b, EINVAL, err, errbuf, errcap);
    }
    b->rate = rate;
    b->interval_ns = (int64_t)llround(1e9 / rate);
    if (b->interval_ns < 1) b->interval_ns = 1;

    char dir[PATH_MAX];
    int n;
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    if (opt->dir && *opt->dir) n = snprintf(dir, sizeof dir, "%s", opt->dir);
    else if (xdg && xdg[0] == '/') n = snprintf(dir, sizeof dir, "%s/edgr", xdg);
    else if (home && home[0] == '/') n = snprintf(dir, sizeof dir, "%s/.local/state/edgr", home);
    else {
        snprintf(b->err, sizeof b->err, "rate budget: no state directory (neither XDG_STATE_HOME nor HOME is set)");
        return open_fail(b, ENOENT, err, errbuf, errcap);
    }
    if (n < 0 || (size_t)n >= sizeof dir - 1) {
        snprintf(b->err, sizeof b->err, "rate budget: state directory path too long");
        return open_fail(b, ENAMETOOLONG, err, errbuf, errcap);
    }
    char fname[128] = "rate-";
    size_t k = strlen(fname);
    for (const char *c = host; *c && k < sizeof fname - 1; c++) {
        unsigned char ch = (unsigned char)*c;
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
                 ch == '-' || ch == '_';
        fname[k++] = ok ? (char)ch : '_';
    }
    fname[k] = '\0';
    if (fname[5] == '.') fname[5] = '_'; /* never ".", "..", or a hidden name */
    n = snprintf(b->path, sizeof b->path, "%s/%s", dir, fname);
    if (n < 0 || (size_t)n >= sizeof b->path) {
        snprintf(b->err, sizeof b->err, "rate budget: lock file path too long");
        return open_fail(b, ENAMETOOLONG, err, errbuf, errcap);
    }
    int e = make_dirs(dir);
    if (e) {
        snprintf(b->err, sizeof b->err, "%s: %s", dir, strerror(e));
        return open_fail(b, e, err, errbuf, errcap);
    }
    b->fd = open(b->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (b->fd < 0) return open_fail(b, fail(b, errno, "open"), err, errbuf, errcap);
    return b;
}

/* sleeps until t (CLOCK_REALTIME); 0, EINTR (a signal) or another error */
static int sleep_until(int64_t t)
{
    struct timespec ts = {.tv_sec = (time_t)(t / NS), .tv_nsec = (long)(t % NS)};
    return clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &ts, NULL);
}

int edgr_budget_take(edgr_budget *b, int64_t *slot_ns)
{
    if (!b) return EINVAL;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        int e = lock_file(b);
        shared s;
        int64_t now = now_ns(), t = 0;
        if (!e) e = read_state(b, &s, now);
        if (!e) {
            t = s.next > now ? s.next : now;
            if (t < s.paused) t = s.paused;
            s.next = t + (t < s.slow ? 2 * b->interval_ns : b->interval_ns);
            e = write_state(b, &s);
        }
        unlock_file(b);
        pthread_mutex_unlock(&b->mu);
        if (e) return e;
        if (slot_ns) *slot_ns = t;
        if (t > now && (e = sleep_until(t)) != 0) return e;
        if (t <= now) return 0;
        /* a block recorded while this slot was waiting covers it: take another */
        pthread_mutex_lock(&b->mu);
        e = lock_file(b);
        if (!e) e = read_state(b, &s, now_ns());
        unlock_file(b);
        pthread_mutex_unlock(&b->mu);
        if (e) return e;
        if (s.paused <= t) return 0;
    }
}

int edgr_budget_block(edgr_budget *b, double pause_s, double slow_s, const char *why)
{
    if (!b || !(pause_s >= 0) || !(slow_s >= 0) || !isfinite(pause_s) || !isfinite(slow_s)) return EINVAL;
    double cap = (double)BLOCK_HORIZON_NS / 1e9;
    if (pause_s > cap) pause_s = cap;
    if (slow_s > cap) slow_s = cap;
    pthread_mutex_lock(&b->mu);
    int e = lock_file(b);
    shared s;
    int64_t now = now_ns();
    if (!e) e = read_state(b, &s, now);
    if (!e) {
        int64_t p = now + (int64_t)llround(pause_s * 1e9), sl = p + (int64_t)llround(slow_s * 1e9);
        if (p >= s.paused) {
            s.paused = p;
            clean_why(s.why, why);
        }
        if (sl > s.slow) s.slow = sl;
        e = write_state(b, &s);
    }
    unlock_file(b);
    pthread_mutex_unlock(&b->mu);
    return e;
}

int edgr_budget_get_state(edgr_budget *b, edgr_budget_state *out)
{
    if (!b || !out || out->struct_size < sizeof(edgr_budget_state)) return EINVAL;
    pthread_mutex_lock(&b->mu);
    int e = lock_file(b);
    shared s;
    int64_t now = now_ns();
    if (!e) e = read_state(b, &s, now);
    unlock_file(b);
    pthread_mutex_unlock(&b->mu);
    if (e) return e;
    size_t size = out->struct_size;
    memset(out, 0, sizeof *out);
    out->struct_size = size;
    out->now_ns = now;
    out->next_ns = s.next;
    out->paused_until_ns = s.paused;
    out->slow_until_ns = s.slow;
    out->rate = b->rate;
    memcpy(out->why, s.why, sizeof out->why);
    return 0;
}

const char *edgr_budget_error(const edgr_budget *b) { return b ? b->err : ""; }
const char *edgr_budget_path(const edgr_budget *b) { return b ? b->path : ""; }

void edgr_budget_close(edgr_budget *b)
{
    if (!b) return;
    if (b->fd >= 0) close(b->fd);
    pthread_mutex_destroy(&b->mu);
    free(b);
}
