/*
 * make bench, the store part: ingest speed, query latency and store size.
 *
 *   1. Every corpus submission (../shared/corpus/submissions, those with an
 *      accession number) is written again and again under DIR/data, each
 *      copy with its own accession number (same length, so nothing else
 *      moves), until the copies hold at least --gb GB (default 2).
 *   2. In the same run: a memchr pass over all those bytes (the floor), then
 *      `edgr ingest --jobs 2` of DIR/data into a new store, --runs times
 *      (default 3), each into a new store after a sync(): MB/s of raw
 *      input, from the median run.
 *   3. 1,000 mixed queries on that store through the library, each with its
 *      snippets (20 hits): single words, phrases, 2-3 term ANDs, and words
 *      filtered by form and date; p50, p90, p99 and max latency.
 *   4. The store's size (database + WAL) against the clean text it holds.
 *
 * usage: edgr_bench_store CORPUS EDGR DIR [--gb N] [--runs N] [--keep] [--queries N]
 *        [--queries-only]   (queries on DIR/bench.db left by --keep)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench_util.h"
#include "edgr/edgr.h"
#include "edgr/store.h"

extern char **environ;

static int cmpd(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* ---- 1. the data ------------------------------------------------------------ */

typedef struct sub {
    char *data;
    size_t len;
    char acc[21];
} sub;

static size_t load(const char *corpus, sub **out)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/submissions", corpus);
    DIR *d = opendir(dir);
    if (!d) return 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            if (n == cap) names = realloc(names, (cap = cap ? cap * 2 : 256) * sizeof *names);
            names[n++] = strdup(e->d_name);
        }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    sub *subs = calloc(n, sizeof *subs);
    size_t k = 0;
    edgr_parser *p = edgr_parser_new();
    for (size_t i = 0; i < n; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *b = slurp(path, &len);
        const edgr_submission *s;
        size_t used;
        if (b && edgr_parse(p, b, len, 0, EDGR_PARSE_HEADER_ONLY, &s, &used) == EDGR_OK) {
            edgr_span acc = edgr_get(s, "accession_number");
            if (acc.ptr && acc.len == 20) {
                subs[k].data = b;
                subs[k].len = len;
                memcpy(subs[k].acc, acc.ptr, 20);
                k++;
                b = NULL;
            }
        }
        free(b);
        free(names[i]);
    }
    edgr_parser_free(p);
    free(names);
    *out = subs;
    return k;
}

/* Copy `k` of every submission, its accession number made unique. */
static int write_copy(const char *dir, const sub *s, size_t i, int k, char *buf)
{
    char acc[64];
    /* 99xxxxxxxx-kk-nnnnnn: a filer id no real agent has */
    snprintf(acc, sizeof acc, "99%08zu-%02u-%06zu", i % 100000000, (unsigned)k % 100,
             ((size_t)k * 1000 + i % 1000) % 1000000);
    memcpy(buf, s->data, s->len);
    for (char *p = buf; (p = memmem(p, s->len - (size_t)(p - buf), s->acc, 20)); p += 20) memcpy(p, acc, 20);
    char path[8192 + 128];
    snprintf(path, sizeof path, "%s/%s.txt", dir, acc);
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    int bad = fwrite(buf, 1, s->len, f) != s->len;
    return fclose(f) || bad ? -1 : 0;
}

static uint64_t make_data(const char *dir, const sub *subs, size_t n, double gb)
{
    uint64_t total = 0, want = (uint64_t)(gb * 1e9);
    size_t maxlen = 0;
    for (size_t i = 0; i < n; i++) maxlen = subs[i].len > maxlen ? subs[i].len : maxlen;
    char *buf = malloc(maxlen);
    for (int k = 0; total < want; k++) {
        char sub_dir[8192];
        snprintf(sub_dir, sizeof sub_dir, "%s/%03u", dir, (unsigned)k % 1000);
        mkdir(sub_dir, 0755);
        for (size_t i = 0; i < n; i++) {
            if (write_copy(sub_dir, &subs[i], i, k, buf)) {
                fprintf(stderr, "bench: cannot write under %s: %s\n", sub_dir, strerror(errno));
                free(buf);
                return 0;
            }
            total += subs[i].len;
        }
    }
    free(buf);
    return total;
}

/* ---- 2. ingest ---------------------------------------------------------------- */

static int run(char *const argv[])
{
    pid_t pid;
    if (posix_spawn(&pid, argv[0], NULL, NULL, argv, environ)) return -1;
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static volatile size_t sink_v;

/* The floor: a memchr over every byte of the copies (read from disk, as
 * ingest reads them). */
static double memchr_pass(const char *dir, uint64_t *bytes)
{
    double t0 = now();
    *bytes = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub_dir[8192];
        snprintf(sub_dir, sizeof sub_dir, "%s/%s", dir, e->d_name);
        DIR *s = opendir(sub_dir);
        struct dirent *f;
        while (s && (f = readdir(s))) {
            if (f->d_name[0] == '.') continue;
            char path[8192 + 512];
            snprintf(path, sizeof path, "%s/%s", sub_dir, f->d_name);
            size_t len = 0;
            char *b = slurp(path, &len);
            if (b) sink_v += memchr(b, 0x01, len) != NULL;
            *bytes += len;
            free(b);
        }
        if (s) closedir(s);
    }
    if (d) closedir(d);
    return now() - t0;
}

/* ---- 3. queries --------------------------------------------------------------- */

typedef struct words {
    char **w;
    size_t n;
} words;

/* Terms of the index with at least `min_rows` rows: what people search for
 * are words that occur, not typos. */
static words vocabulary(const char *db, int min_rows)
{
    words v = {0};
    sqlite3 *h;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) return v;
    sqlite3_exec(h, "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, text_fts, row)", NULL, NULL, NULL);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(h,
                           "SELECT term FROM temp.vocab WHERE doc >= ?1 AND length(term) >= 4 AND "
                           "term GLOB '[a-z]*' AND term NOT GLOB '*[0-9]*' ORDER BY term",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int(q, 1, min_rows);
        size_t cap = 0;
        while (sqlite3_step(q) == SQLITE_ROW) {
            if (v.n == cap) v.w = realloc(v.w, (cap = cap ? cap * 2 : 1024) * sizeof *v.w);
            v.w[v.n++] = strdup((const char *)sqlite3_column_text(q, 0));
        }
        sqlite3_finalize(q);
    }
    sqlite3_close(h);
    return v;
}

/* Two-word phrases as they occur in the text, from random rows. */
static words phrases(const char *db, size_t want, unsigned *seed)
{
    words v = {0};
    sqlite3 *h;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) return v;
    sqlite3_stmt *q;
    sqlite3_int64 max = 0;
    if (sqlite3_prepare_v2(h, "SELECT max(id) FROM text_rows", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        max = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_prepare_v2(h, "SELECT text FROM text_rows WHERE id >= ?1 LIMIT 1", -1, &q, NULL);
    v.w = calloc(want, sizeof *v.w);
    for (size_t tries = 0; v.n < want && tries < want * 20 && max > 0; tries++) {
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, 1 + rand_r(seed) % max);
        if (sqlite3_step(q) != SQLITE_ROW) continue;
        const char *t = (const char *)sqlite3_column_text(q, 0);
        size_t len = (size_t)sqlite3_column_bytes(q, 0);
        if (len < 200) continue;
        size_t at = (size_t)rand_r(seed) % (len - 100);
        /* two alphabetic words of 4+ letters in a row */
        while (at < len && !(t[at] == ' ' && t[at + 1] >= 'a' && t[at + 1] <= 'z')) at++;
        char a[32], b[32];
        if (at < len && sscanf(t + at, " %31[a-z] %31[a-z]", a, b) == 2 && strlen(a) >= 4 && strlen(b) >= 4) {
            char ph[80];
            snprintf(ph, sizeof ph, "\"%s %s\"", a, b);
            v.w[v.n++] = strdup(ph);
        }
    }
    sqlite3_finalize(q);
    sqlite3_close(h);
    return v;
}

static int count_hit(void *user, const edgr_hit *h)
{
    (void)h;
    (*(long *)user)++;
    return 0;
}

static void bench_queries(const char *db, int nq)
{
    unsigned seed = 20261121;
    words vocab = vocabulary(db, 20);
    words ph = phrases(db, (size_t)nq / 4, &seed);
    if (vocab.n < 10 || ph.n < 5) {
        printf("queries: too few terms in the store (%zu words, %zu phrases)\n", vocab.n, ph.n);
        return;
    }
    char err[256];
    edgr_store *st = edgr_store_open(db, EDGR_STORE_READONLY, err, sizeof err);
    if (!st) { printf("queries: %s\n", err); return; }
    static const char *const FORMS[] = {"10-K", "8-K", "10-Q"};
    static const char *const KIND[] = {"word", "phrase", "and", "filtered"};
    double *lat = malloc((size_t)nq * sizeof *lat), *by_kind[4];
    int nk[4] = {0};
    for (int k = 0; k < 4; k++) by_kind[k] = malloc((size_t)nq * sizeof(double));
    long total_hits = 0, empty = 0;
    struct { double ms; char text[300]; } slow[5] = {{0, ""}};
    /* warm the page cache as a running server would be */
    for (int i = 0; i < 20; i++) {
        edgr_query q = {.struct_size = sizeof q, .match = vocab.w[(size_t)rand_r(&seed) % vocab.n]};
        long h = 0;
        edgr_store_search(st, &q, count_hit, &h);
    }
    for (int i = 0; i < nq; i++) {
        char text[256];
        edgr_query q = EDGR_QUERY_INIT;
        int kind = i % 4;
        const char *w1 = vocab.w[(size_t)rand_r(&seed) % vocab.n];
        const char *w2 = vocab.w[(size_t)rand_r(&seed) % vocab.n];
        const char *w3 = vocab.w[(size_t)rand_r(&seed) % vocab.n];
        char from[11], to[11];
        switch (kind) {
        case 0: snprintf(text, sizeof text, "%s", w1); break;
        case 1: snprintf(text, sizeof text, "%s", ph.w[(size_t)rand_r(&seed) % ph.n]); break;
        case 2:
            if (rand_r(&seed) % 2) snprintf(text, sizeof text, "%s AND %s", w1, w2);
            else snprintf(text, sizeof text, "%s AND %s AND %s", w1, w2, w3);
            break;
        default: {
            snprintf(text, sizeof text, "%s", rand_r(&seed) % 2 ? w1 : ph.w[(size_t)rand_r(&seed) % ph.n]);
            q.type = FORMS[rand_r(&seed) % 3];
            int y = 2005 + rand_r(&seed) % 15;
            snprintf(from, sizeof from, "%d-01-01", y);
            snprintf(to, sizeof to, "%d-12-31", y + 2 + rand_r(&seed) % 6);
            q.from = from;
            q.to = to;
        }
        }
        q.match = text;
        long hits = 0;
        double t0 = now();
        edgr_status rc = edgr_store_search(st, &q, count_hit, &hits);
        double ms = (now() - t0) * 1e3;
        if (rc != EDGR_OK) printf("query failed: %s: %s\n", text, edgr_store_error(st));
        lat[i] = ms;
        for (int k = 0; k < 5; k++)
            if (ms > slow[k].ms) { /* keep the five slowest, for the reader */
                memmove(&slow[k + 1], &slow[k], (size_t)(4 - k) * sizeof slow[0]);
                slow[k].ms = ms;
                snprintf(slow[k].text, sizeof slow[k].text, "%s%s%s", text, q.type ? " --form " : "",
                         q.type ? q.type : "");
                break;
            }
        by_kind[kind][nk[kind]++] = ms;
        total_hits += hits;
        empty += hits == 0;
    }
    qsort(lat, (size_t)nq, sizeof *lat, cmpd);
    printf("queries: %d mixed (%zu index terms sampled, %zu phrases from the text), limit 20 with snippets\n",
           nq, vocab.n, ph.n);
    printf("  %-10s %8s %8s %8s %8s\n", "", "p50 ms", "p90 ms", "p99 ms", "max ms");
    printf("  %-10s %8.2f %8.2f %8.2f %8.2f   (%ld hits, %ld queries with none)\n", "all", lat[nq / 2],
           lat[nq * 9 / 10], lat[nq * 99 / 100], lat[nq - 1], total_hits, empty);
    for (int k = 0; k < 4; k++) {
        qsort(by_kind[k], (size_t)nk[k], sizeof(double), cmpd);
        int n = nk[k];
        printf("  %-10s %8.2f %8.2f %8.2f %8.2f\n", KIND[k], by_kind[k][n / 2], by_kind[k][n * 9 / 10],
               by_kind[k][n * 99 / 100], by_kind[k][n - 1]);
        free(by_kind[k]);
    }
    printf("  slowest:");
    for (int k = 0; k < 5; k++) printf(" %s (%.0f ms);", slow[k].text, slow[k].ms);
    printf("\n");
    free(lat);
    edgr_store_close(st);
}

/* ---- main ------------------------------------------------------------------------ */

static uint64_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: edgr_bench_store CORPUS EDGR DIR [--gb N] [--runs N] [--keep] [--queries N]\n");
        return 2;
    }
    const char *corpus = argv[1], *edgr = argv[2], *dir = argv[3];
    double gb = 2.0;
    int keep = 0, nq = 1000, queries_only = 0, runs = 3;
    for (int i = 4; i < argc; i++) {
        if (!strcmp(argv[i], "--gb") && i + 1 < argc) gb = atof(argv[++i]);
        else if (!strcmp(argv[i], "--keep")) keep = 1;
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--queries") && i + 1 < argc) nq = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--queries-only")) queries_only = 1;
    }
    if (runs < 1 || runs > 9) runs = 3;
    char qdb[4200];
    snprintf(qdb, sizeof qdb, "%s/bench.db", dir);
    if (queries_only) { /* the store of an earlier --keep run */
        bench_queries(qdb, nq);
        return 0;
    }
    sub *subs;
    size_t n = load(corpus, &subs);
    if (n == 0) {
        printf("store bench: SKIPPED (no submissions under %s/submissions)\n", corpus);
        return 0;
    }
    char data[4096], db[4096], wal[4200], cmd[16384];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(db, sizeof db, "%s/bench.db", dir);
    snprintf(wal, sizeof wal, "%s-wal", db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, data);
    if (system(cmd) != 0) return 1;
    printf("store bench: writing copies of %zu corpus submissions to %s ...\n", n, data);
    fflush(stdout);
    uint64_t bytes = make_data(data, subs, n, gb);
    for (size_t i = 0; i < n; i++) free(subs[i].data);
    free(subs);
    if (!bytes) return 1;

    /* the kernel writes the copies out now, not while ingest is timed */
    sync();

    uint64_t floor_bytes;
    double t_floor = memchr_pass(data, &floor_bytes);
    char *ingest[] = {(char *)edgr, "ingest", "--jobs", "2", "-q", "--db", db, data, NULL};
    /* each run into a new store; the median is reported, and the last
     * store is the one queried */
    double t_runs[9];
    for (int r = 0; r < runs; r++) {
        snprintf(cmd, sizeof cmd, "rm -f '%s' '%s' '%s-shm'", db, wal, db);
        if (system(cmd) != 0) return 1;
        sync();
        double t0 = now();
        int rc = run(ingest);
        t_runs[r] = now() - t0;
        if (rc != 0) printf("ingest: exit status %d\n", rc);
    }
    double sorted[9];
    memcpy(sorted, t_runs, (size_t)runs * sizeof *t_runs);
    qsort(sorted, (size_t)runs, sizeof *sorted, cmpd);
    double t_ingest = sorted[runs / 2];
    uint64_t db_bytes = file_size(db) + file_size(wal);

    char err[256];
    edgr_store *st = edgr_store_open(db, EDGR_STORE_READONLY, err, sizeof err);
    edgr_store_stats stats = {0};
    if (st) edgr_store_stats_get(st, &stats);
    edgr_store_close(st);
    printf("ingest: %.2f GB of raw submissions (%llu filings), 2 workers\n", (double)bytes / 1e9,
           (unsigned long long)stats.filings);
    printf("  %-34s %9.0f MB/s\n", "memchr over the same files (floor)", (double)floor_bytes / 1e6 / t_floor);
    printf("  %-34s %9.1f MB/s  (%.1f s; target 100)\n", "edgr ingest --jobs 2", (double)bytes / 1e6 / t_ingest,
           t_ingest);
    printf("  %-34s %9.1f MB/s of clean text into FTS5\n", "", (double)stats.text_bytes / 1e6 / t_ingest);
    if (runs > 1) {
        printf("  %-34s", "runs (s)");
        for (int r = 0; r < runs; r++) printf(" %.1f", t_runs[r]);
        printf("  (median above)\n");
    }
    printf("store: %.1f MB (database + WAL) for %.1f MB of clean text in %llu rows: %.2fx (target 1.5)\n",
           (double)db_bytes / 1e6, (double)stats.text_bytes / 1e6, (unsigned long long)stats.rows,
           stats.text_bytes ? (double)db_bytes / (double)stats.text_bytes : 0);
    fflush(stdout);
    bench_queries(db, nq);
    if (!keep) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) return 1;
    }
    return 0;
}
