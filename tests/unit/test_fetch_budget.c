/* The shared rate budget (edgr/fetch.h) with real processes: children (two
 * threads each, on one handle) take slots from one lock file; the recorded
 * slot times are checked (spacing, no 1-second window above the rate, a
 * block honoured), not the speed.  Rates above 10/s are the test's own
 * (EDGR_BUDGET_UNCAPPED) to keep it short. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "edgr/fetch.h"
#include "test.h"

#define NS 1000000000LL

typedef struct {
    int64_t slot, woke;
} rec;

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
}

static char *temp_dir(void)
{
    const char *t = getenv("TMPDIR");
    static char dir[512];
    snprintf(dir, sizeof dir, "%s/edgr-budget-XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(dir);
}

static void remove_dir(const char *dir)
{
    char p[600];
    snprintf(p, sizeof p, "%s/rate-127.0.0.1", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/rate-www.sec.gov", dir);
    unlink(p);
    rmdir(dir);
}

static edgr_budget *open_at(const char *dir, double rate, unsigned flags)
{
    edgr_budget_options o = EDGR_BUDGET_OPTIONS_INIT;
    o.rate = rate;
    o.dir = dir;
    o.flags = flags;
    char err[256];
    int e;
    edgr_budget *b = edgr_budget_open("127.0.0.1", &o, &e, err, sizeof err);
    if (!b) fprintf(stderr, "  budget: %s\n", err);
    return b;
}

typedef struct {
    edgr_budget *b;
    int fd, k;
} worker;

static void *take_k(void *u)
{
    worker *w = u;
    for (int i = 0; i < w->k; i++) {
        rec r;
        if (edgr_budget_take(w->b, &r.slot) != 0) r.slot = -1;
        r.woke = now_ns();
        if (write(w->fd, &r, sizeof r) != (ssize_t)sizeof r) break;
    }
    return NULL;
}

/* a child: one handle, `threads` threads taking k slots each */
static void child(const char *dir, double rate, int fd, int threads, int k)
{
    edgr_budget *b = open_at(dir, rate, EDGR_BUDGET_UNCAPPED);
    if (!b) _exit(2);
    pthread_t t[4];
    worker w = {b, fd, k};
    for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, take_k, &w);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    edgr_budget_close(b);
    _exit(0);
}

static int cmp_rec(const void *a, const void *b)
{
    int64_t x = ((const rec *)a)->slot, y = ((const rec *)b)->slot;
    return x < y ? -1 : x > y;
}

/* reads n records from fd */
static int collect(int fd, rec *r, int n)
{
    int got = 0;
    while (got < n) {
        ssize_t m = read(fd, r + got, sizeof *r);
        if (m != (ssize_t)sizeof *r) break;
        got++;
    }
    return got;
}

static int wait_all(int n)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        int st;
        if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) bad++;
    }
    return bad;
}

/* the most slots in any window [t, t + w) */
static int max_in_window(const rec *r, int n, int64_t w)
{
    int best = 0;
    for (int i = 0, j = 0; i < n; i++) {
        while (j < n && r[j].slot < r[i].slot + w) j++;
        if (j - i > best) best = j - i;
    }
    return best;
}

TEST(fetch_budget_shared_by_processes)
{
    enum { CHILDREN = 4, THREADS = 2, K = 8, N = CHILDREN * THREADS * K };
    const double rate = 50;
    char *dir = temp_dir();
    CHECK(dir != NULL);
    if (!dir) return;
    int fds[2];
    CHECK(pipe(fds) == 0);
    fflush(NULL);
    for (int i = 0; i < CHILDREN; i++)
        if (fork() == 0) {
            close(fds[0]);
            child(dir, rate, fds[1], THREADS, K);
        }
    close(fds[1]);
    static rec r[N];
    int got = collect(fds[0], r, N);
    close(fds[0]);
    CHECK(wait_all(CHILDREN) == 0);
    CHECK(got == N);
    qsort(r, (size_t)got, sizeof *r, cmp_rec);
    int64_t iv = (int64_t)(NS / rate);
    int close_pairs = 0, early = 0;
    for (int i = 0; i < got; i++) {
        if (r[i].slot <= 0) early++;
        if (r[i].woke < r[i].slot) early++; /* nobody went before its slot */
        if (i && r[i].slot - r[i - 1].slot < iv) close_pairs++;
    }
    CHECK(early == 0);
    CHECK(close_pairs == 0); /* evenly spaced: no two slots closer than 1/rate */
    CHECK(max_in_window(r, got, NS) <= (int)rate);
    CHECK(max_in_window(r, got, NS / 10) <= (int)(rate / 10));
    /* the budget was used, not idle: the slots follow each other closely */
    CHECK(r[got - 1].slot - r[0].slot < (int64_t)got * iv * 3);
    remove_dir(dir);
}

TEST(fetch_budget_block_honoured)
{
    const double rate = 50;
    char *dir = temp_dir();
    if (!dir) {
        CHECK(dir != NULL);
        return;
    }
    int fds[2];
    CHECK(pipe(fds) == 0);
    /* another process records the block */
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        edgr_budget *b = open_at(dir, rate, EDGR_BUDGET_UNCAPPED);
        _exit(!b || edgr_budget_block(b, 0.3, 0.3, "undeclared automated tool\n(test)") != 0);
    }
    CHECK(wait_all(1) == 0);
    edgr_budget *b = open_at(dir, rate, EDGR_BUDGET_UNCAPPED);
    CHECK(b != NULL);
    if (!b) return;
    edgr_budget_state st = EDGR_BUDGET_STATE_INIT;
    CHECK(edgr_budget_get_state(b, &st) == 0);
    CHECK(strcmp(st.why, "undeclared automated tool (test)") == 0);
    CHECK(st.paused_until_ns > st.now_ns && st.slow_until_ns > st.paused_until_ns);
    /* a shorter block does not shorten it */
    CHECK(edgr_budget_block(b, 0.01, 0.01, "short") == 0);
    edgr_budget_state st2 = EDGR_BUDGET_STATE_INIT;
    CHECK(edgr_budget_get_state(b, &st2) == 0);
    CHECK(st2.paused_until_ns == st.paused_until_ns && st2.slow_until_ns == st.slow_until_ns);
    CHECK(strcmp(st2.why, st.why) == 0);
    /* this process and a child take slots: none in the pause, half rate after */
    fflush(NULL);
    if (fork() == 0) {
        close(fds[0]);
        child(dir, rate, fds[1], 1, 6);
    }
    close(fds[1]);
    rec mine[6];
    for (int i = 0; i < 6; i++) {
        CHECK(edgr_budget_take(b, &mine[i].slot) == 0);
        mine[i].woke = now_ns();
    }
    rec r[12];
    int got = collect(fds[0], r, 6);
    close(fds[0]);
    CHECK(wait_all(1) == 0);
    CHECK(got == 6);
    memcpy(r + got, mine, sizeof mine);
    got += 6;
    qsort(r, (size_t)got, sizeof *r, cmp_rec);
    int64_t iv = (int64_t)(NS / rate);
    for (int i = 0; i < got; i++) {
        CHECK(r[i].slot >= st.paused_until_ns);
        CHECK(r[i].woke >= st.paused_until_ns);
        if (i && r[i - 1].slot < st.slow_until_ns) CHECK(r[i].slot - r[i - 1].slot >= 2 * iv);
    }
    edgr_budget_close(b);
    remove_dir(dir);
}

/* A slot taken before a block but not yet reached is taken again. */
TEST(fetch_budget_waiting_slot_retaken)
{
    char *dir = temp_dir();
    if (!dir) {
        CHECK(dir != NULL);
        return;
    }
    edgr_budget *b = open_at(dir, 2, 0); /* 500 ms apart */
    CHECK(b != NULL);
    if (!b) return;
    int64_t s0;
    CHECK(edgr_budget_take(b, &s0) == 0);
    int fds[2];
    CHECK(pipe(fds) == 0);
    fflush(NULL);
    if (fork() == 0) {
        close(fds[0]);
        child(dir, 2, fds[1], 1, 1); /* gets s0 + 500 ms and waits for it */
    }
    close(fds[1]);
    struct timespec ts = {0, 100 * 1000 * 1000};
    nanosleep(&ts, NULL);
    CHECK(edgr_budget_block(b, 0.7, 0, "test") == 0);
    edgr_budget_state st = EDGR_BUDGET_STATE_INIT;
    CHECK(edgr_budget_get_state(b, &st) == 0);
    rec r;
    CHECK(collect(fds[0], &r, 1) == 1);
    close(fds[0]);
    CHECK(wait_all(1) == 0);
    CHECK(r.slot >= st.paused_until_ns);
    CHECK(r.woke >= st.paused_until_ns);
    edgr_budget_close(b);
    remove_dir(dir);
}

TEST(fetch_budget_options_and_file)
{
    char *dir = temp_dir();
    if (!dir) {
        CHECK(dir != NULL);
        return;
    }
    edgr_budget_options o = EDGR_BUDGET_OPTIONS_INIT;
    int e = 0;
    char err[256], want[700];
    o.dir = dir;
    o.rate = 11; /* above the SEC's 10 */
    CHECK(edgr_budget_open("www.sec.gov", &o, &e, err, sizeof err) == NULL && e == EINVAL);
    CHECK(strstr(err, "at most 10"));
    o.rate = -1;
    CHECK(edgr_budget_open("www.sec.gov", &o, &e, NULL, 0) == NULL && e == EINVAL);
    o.rate = 0;
    CHECK(edgr_budget_open("", &o, &e, NULL, 0) == NULL && e == EINVAL);
    edgr_budget_options bad = {0};
    CHECK(edgr_budget_open("www.sec.gov", &bad, &e, NULL, 0) == NULL && e == EINVAL);
    /* a state directory that cannot be made: the error names it */
    char file_dir[520];
    snprintf(file_dir, sizeof file_dir, "%s/rate-127.0.0.1", dir);
    int ffd = open(file_dir, O_WRONLY | O_CREAT, 0600);
    close(ffd);
    snprintf(want, sizeof want, "%s/sub", file_dir);
    o.dir = want;
    CHECK(edgr_budget_open("www.sec.gov", &o, &e, err, sizeof err) == NULL && e == ENOTDIR);
    CHECK(strncmp(err, want, strlen(want)) == 0);
    o.dir = dir;
    edgr_budget *b = edgr_budget_open("www.sec.gov", &o, &e, err, sizeof err);
    CHECK(b != NULL);
    if (!b) return;
    edgr_budget_state st = EDGR_BUDGET_STATE_INIT;
    CHECK(edgr_budget_get_state(b, &st) == 0 && st.rate == EDGR_RATE_DEFAULT);
    CHECK(st.next_ns == 0 && st.paused_until_ns == 0 && st.why[0] == '\0');
    snprintf(want, sizeof want, "%s/rate-www.sec.gov", dir);
    CHECK(strcmp(edgr_budget_path(b), want) == 0);
    /* a garbled file reads as a fresh budget; a slot far ahead (the clock
     * stepped back) is forgotten */
    int fd = open(want, O_WRONLY | O_TRUNC);
    CHECK(fd >= 0 && write(fd, "garbage\n", 8) == 8);
    close(fd);
    int64_t s;
    CHECK(edgr_budget_take(b, &s) == 0);
    CHECK(s <= now_ns());
    char rec_text[321];
    snprintf(rec_text, sizeof rec_text, "edgr-rate 1 next=%020lld paused=%020d slow=%020d why=%-*s\n",
             (long long)(now_ns() + 86400 * NS), 0, 0, 223, "");
    CHECK(strlen(rec_text) == 320);
    fd = open(want, O_WRONLY | O_TRUNC);
    CHECK(fd >= 0 && write(fd, rec_text, 320) == 320);
    close(fd);
    CHECK(edgr_budget_take(b, &s) == 0);
    CHECK(s <= now_ns());
    edgr_budget_close(b);
    remove_dir(dir);

    /* the state directory: $XDG_STATE_HOME/edgr, created */
    dir = temp_dir();
    if (!dir) return;
    const char *old = getenv("XDG_STATE_HOME");
    char *keep = old ? strdup(old) : NULL;
    setenv("XDG_STATE_HOME", dir, 1);
    o.dir = NULL;
    b = edgr_budget_open("www.sec.gov", &o, &e, err, sizeof err);
    CHECK(b != NULL);
    snprintf(want, sizeof want, "%s/edgr/rate-www.sec.gov", dir);
    CHECK(b && strcmp(edgr_budget_path(b), want) == 0);
    struct stat sb;
    snprintf(want, sizeof want, "%s/edgr", dir);
    CHECK(stat(want, &sb) == 0 && (sb.st_mode & 0777) == 0700);
    edgr_budget_close(b);
    if (keep) setenv("XDG_STATE_HOME", keep, 1);
    else unsetenv("XDG_STATE_HOME");
    free(keep);
    snprintf(want, sizeof want, "%s/edgr/rate-www.sec.gov", dir);
    unlink(want);
    snprintf(want, sizeof want, "%s/edgr", dir);
    rmdir(want);
    rmdir(dir);
}
