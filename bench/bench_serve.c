/*
 * edgr serve under load (issue 16), client and server on the same cores:
 * requests per second and p50/p99 latency of a cached submissions
 * document and of /v1/search, with 1, 16 and 256 concurrent keep-alive
 * clients, beside the same calls through the library with no HTTP (the
 * floor).  The load generator is this file's own: one thread, epoll, every
 * client a keep-alive connection that sends its next request when the
 * answer is whole (Content-Length), so latency is per request.
 *
 *   edgr_bench_serve CORPUS EDGR WORKDIR
 *
 * It ingests CORPUS/submissions into WORKDIR/serve.db, starts `EDGR serve`
 * on a free loopback port with 2 threads, measures, and stops it by PID.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"
#include "edgr/store.h"

extern char **environ;

enum {
    MAX_CLIENTS = 256,
    RESPONSE_MAX = 8 << 20, /* the largest answer read (a search page with facets is ~30 KB) */
    RUN_SECONDS = 3         /* each HTTP measurement: requests for this long, at least 200 */
};

/* Queries of the search measurement: common words, a phrase, a rare word,
 * under no filter, as a page asks them. */
static const char *const QUERIES[] = {"revenue", "%22material+weakness%22", "merger", "cybersecurity",
                                      "%22going+concern%22", "dividend", "litigation", "semiconductor*"};
static const char *const QUERY_TEXT[] = {"revenue", "\"material weakness\"", "merger", "cybersecurity",
                                         "\"going concern\"", "dividend", "litigation", "semiconductor*"};
#define NQUERIES (sizeof QUERIES / sizeof QUERIES[0])

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    if (!n) return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i];
}

/* ---- the floor: the same calls through the library ------------------------ */

static int discard(void *user, const char *p, size_t n)
{
    (void)p;
    *(size_t *)user += n;
    return 0;
}

static int discard_hit(void *user, const edgr_hit *h) { return edgr_hit_write_json(h, discard, user); }
static int discard_facet(void *user, const edgr_facet *f)
{
    *(size_t *)user += strlen(f->facet);
    return 0;
}

/* p50 and p99 (ms) of `n` calls: what=0 submissions of cik, 1 the search
 * (facets and a page of 20 hits, as /v1/search). */
static void library(edgr_store *st, int what, const char *cik, int n, double *p50, double *p99)
{
    double *t = malloc(sizeof *t * (size_t)n);
    size_t bytes = 0;
    for (int i = 0; i < n; i++) {
        double t0 = now();
        if (what == 0) edgr_store_submissions(st, cik, 0, 0, discard, &bytes);
        else {
            edgr_query q = EDGR_QUERY_INIT;
            q.match = QUERY_TEXT[i % NQUERIES];
            q.limit = 20;
            q.mark_open = "<mark>", q.mark_close = "</mark>";
            edgr_store_search_facets(st, &q, 10, discard_facet, &bytes);
            edgr_store_search(st, &q, discard_hit, &bytes);
        }
        t[i] = (now() - t0) * 1e3;
    }
    *p50 = pct(t, (size_t)n, 0.50);
    *p99 = pct(t, (size_t)n, 0.99);
    free(t);
}

/* ---- the load generator --------------------------------------------------- */

typedef struct client {
    int fd;
    size_t sent, want;      /* of the request */
    char req[512];
    size_t got, need;       /* of the answer: `need` once its header is read */
    double t0;
    int q;                  /* which query */
    int warm;               /* its first answer came */
} client;

static char *rbuf;

/* Client i connects from 127.0.0.(1 + i / 32): the server allows 64
 * connections an address (SERVE_PER_CLIENT), so 256 clients come from 8,
 * as 256 users would from many. */
static int connect_to(unsigned port, int i)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    struct sockaddr_in from = {.sin_family = AF_INET};
    from.sin_addr.s_addr = htonl(INADDR_LOOPBACK + (uint32_t)(i / 32));
    if (bind(fd, (struct sockaddr *)&from, sizeof from)) {
        close(fd);
        return -1;
    }
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa)) {
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

static void next_request(client *c, int what, int k)
{
    c->q = k % (int)NQUERIES;
    if (what == 0)
        c->want = (size_t)snprintf(c->req, sizeof c->req,
                                   "GET /submissions/CIK0000749647.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    else
        c->want = (size_t)snprintf(c->req, sizeof c->req, "GET /v1/search?q=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                                   QUERIES[c->q]);
    c->sent = c->got = c->need = 0;
    c->t0 = now();
}

/* Read what is there; 1 when the answer is whole, 0 for more, -1 closed. */
static int read_answer(client *c, char *hdr, size_t hcap)
{
    for (;;) {
        ssize_t k = read(c->fd, rbuf, RESPONSE_MAX);
        if (k == 0) return -1;
        if (k < 0) return errno == EAGAIN ? 0 : -1;
        if (!c->need) { /* the header: small, and here in the first read */
            size_t keep = c->got + (size_t)k < hcap - 1 ? (size_t)k : hcap - 1 - c->got;
            memcpy(hdr + c->got, rbuf, keep);
            hdr[c->got + keep] = '\0';
            char *end = strstr(hdr, "\r\n\r\n");
            char *cl = strstr(hdr, "\r\nContent-Length:"); /* as libmicrohttpd writes it */
            if (end && cl) c->need = (size_t)(end + 4 - hdr) + strtoull(cl + 17, NULL, 10);
        }
        c->got += (size_t)k;
        if (c->need && c->got >= c->need) return 1;
    }
}

/* `clients` keep-alive clients for RUN_SECONDS (and at least 200 answers):
 * requests a second, p50 and p99 (ms); -1 on a failure. */
static int load(unsigned port, int what, int clients, double *rps, double *p50, double *p99)
{
    int ep = epoll_create1(0);
    client *cs = calloc((size_t)clients, sizeof *cs);
    size_t cap = 1 << 20, n = 0;
    double *lat = malloc(cap * sizeof *lat);
    char (*hdr)[4096] = calloc((size_t)clients, sizeof *hdr);
    int rc = 0, k = 0;
    for (int i = 0; i < clients; i++) {
        cs[i].fd = connect_to(port, i);
        if (cs[i].fd < 0) {
            rc = -1;
            break;
        }
        next_request(&cs[i], what, k++);
        struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u32 = (uint32_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &ev);
    }
    /* every client's first answer is not counted: its connection is then
     * accepted and its worker's store open (keep-alive's steady state is
     * measured, not the start) */
    int warm = 0;
    double t0 = now();
    while (!rc && (now() - t0 < RUN_SECONDS || n < 200)) {
        if (warm < clients && now() - t0 > RUN_SECONDS + 30) rc = -1;
        struct epoll_event evs[64];
        int m = epoll_wait(ep, evs, 64, 1000);
        if (m <= 0) {
            if (now() - t0 > RUN_SECONDS + 30) { /* stalled: a bound on the whole run */
                fprintf(stderr, "serve bench: no answer for %d s\n", RUN_SECONDS + 30);
                rc = -1;
            }
            continue;
        }
        for (int j = 0; j < m && !rc; j++) {
            client *c = &cs[evs[j].data.u32];
            if (c->sent < c->want && (evs[j].events & EPOLLOUT)) {
                ssize_t w = write(c->fd, c->req + c->sent, c->want - c->sent);
                if (w > 0) c->sent += (size_t)w;
            }
            if (evs[j].events & EPOLLIN) {
                int r = read_answer(c, hdr[evs[j].data.u32], sizeof hdr[0]);
                if (r < 0) {
                    fprintf(stderr, "serve bench: client %u: the server closed its connection after %zu answers (%s)\n",
                            evs[j].data.u32, n, strerror(errno));
                    rc = -1;
                } else if (r == 1) {
                    if (strncmp(hdr[evs[j].data.u32], "HTTP/1.1 200", 12)) {
                        fprintf(stderr, "serve bench: client %u: %.60s\n", evs[j].data.u32, hdr[evs[j].data.u32]);
                        rc = -1;
                    }
                    if (!c->warm) {
                        c->warm = 1;
                        if (++warm == clients) t0 = now(), n = 0; /* the clock starts once all are warm */
                    } else if (warm == clients) {
                        if (n == cap) lat = realloc(lat, (cap *= 2) * sizeof *lat);
                        lat[n++] = (now() - c->t0) * 1e3;
                    }
                    next_request(c, what, k++);
                    if (write(c->fd, c->req, c->want) == (ssize_t)c->want) c->sent = c->want;
                }
            }
        }
    }
    double dt = now() - t0;
    for (int i = 0; i < clients; i++)
        if (cs[i].fd > 0) close(cs[i].fd);
    close(ep);
    *rps = (double)n / dt;
    *p50 = pct(lat, n, 0.50);
    *p99 = pct(lat, n, 0.99);
    free(lat);
    free(cs);
    free(hdr);
    return rc;
}

/* ---- the server ------------------------------------------------------------ */

static pid_t start_server(const char *edgr, const char *db, const char *log, unsigned *port)
{
    char *argv[] = {(char *)edgr, "serve", "--db", (char *)db, "--listen", "127.0.0.1:0", "--threads", "2", "-q", NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int bad = posix_spawn(&pid, edgr, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (bad) return -1;
    for (int i = 0; i < 100; i++) { /* at most 10 s for the listening line */
        size_t len;
        char *s = slurp(log, &len);
        if (s) {
            s[len] = '\0';
            char *at = strstr(s, "listening on http://127.0.0.1:");
            if (at) *port = (unsigned)strtoul(at + 30, NULL, 10);
            free(s);
            if (*port) return pid;
        }
        usleep(100000);
    }
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    return -1;
}

static int ingest(const char *edgr, const char *dir, const char *db)
{
    char *argv[] = {(char *)edgr, "ingest", "-q", "--db", (char *)db, (char *)dir, NULL};
    pid_t pid;
    if (posix_spawn(&pid, edgr, NULL, NULL, argv, environ)) return -1;
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: edgr_bench_serve CORPUS EDGR WORKDIR\n");
        return 2;
    }
    char dir[4096], db[4200], log[4200];
    snprintf(dir, sizeof dir, "%s/submissions", argv[1]);
    struct stat sb;
    if (stat(dir, &sb)) {
        printf("serve bench: skipped: %s absent\n", dir);
        return 0;
    }
    mkdir(argv[3], 0755);
    snprintf(db, sizeof db, "%s/serve.db", argv[3]);
    snprintf(log, sizeof log, "%s/serve.log", argv[3]);
    unlink(db);
    double t0 = now();
    if (ingest(argv[2], dir, db) > 1) { /* 1: some files are fragments, said and skipped */
        fprintf(stderr, "serve bench: ingest failed\n");
        return 1;
    }
    printf("serve bench: %s ingested in %.1f s; server and load generator on the same %ld cores\n", dir, now() - t0,
           sysconf(_SC_NPROCESSORS_ONLN));
    rbuf = malloc(RESPONSE_MAX);
    char msg[512];
    edgr_store *st = edgr_store_open(db, EDGR_STORE_READONLY, msg, sizeof msg);
    if (!st || !rbuf) {
        fprintf(stderr, "serve bench: %s\n", msg);
        return 1;
    }
    /* as many calls as the HTTP runs make at one client (about 3 s each) */
    double lib50[2], lib99[2];
    library(st, 0, "749647", 3000, &lib50[0], &lib99[0]);
    library(st, 1, NULL, 600, &lib50[1], &lib99[1]);
    edgr_store_close(st);
    unsigned port = 0;
    pid_t pid = start_server(argv[2], db, log, &port);
    if (pid < 0) {
        fprintf(stderr, "serve bench: the server did not start (%s)\n", log);
        return 1;
    }
    static const char *const WHAT[] = {"/submissions/CIK0000749647.json (cached)", "/v1/search (facets, 20 hits)"};
    static const int CLIENTS[] = {1, 16, 256};
    int bad = 0;
    double p99_1[2] = {0}, p99_256[2] = {0}, p50_1[2] = {0};
    printf("\n| endpoint | clients | requests/s | p50 ms | p99 ms | library p50 ms | library p99 ms |\n"
           "|---|---:|---:|---:|---:|---:|---:|\n");
    for (int w = 0; w < 2; w++)
        for (int k = 0; k < 3; k++) {
            double rps, p50, p99;
            if (load(port, w, CLIENTS[k], &rps, &p50, &p99)) {
                fprintf(stderr, "serve bench: %s with %d clients failed\n", WHAT[w], CLIENTS[k]);
                bad = 1;
                continue;
            }
            if (k == 0) p99_1[w] = p99, p50_1[w] = p50;
            if (k == 2) p99_256[w] = p99;
            printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f |\n", WHAT[w], CLIENTS[k], rps, p50, p99, lib50[w],
                   lib99[w]);
        }
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    for (int w = 0; w < 2; w++)
        printf("\n%s: HTTP adds %.2f ms to p50 at one client (target <= 0.2)", WHAT[w], p50_1[w] - lib50[w]);
    printf("\n/v1/search: p99 at 256 clients is %.1fx its p99 at one (target <= 10x)\n",
           p99_1[1] > 0 ? p99_256[1] / p99_1[1] : 0.0);
    free(rbuf);
    return bad;
}
