/*
 * edgr_bm25(text_fts, K): FTS5's own bm25() (k1 1.2, b 0.75, every column
 * weighted 1), for queries that keep only the best K rows.
 *
 * Why: bm25 divides by each row's length, and FTS5 reads that length with
 * one SQL lookup per matching row.  A common word or phrase matches most
 * rows of the store ("with respect": 41,662 of 76,405 in the bench), so
 * those lookups were two thirds of the query: 67 ms of a 100 ms search.
 *
 * How: a row's phrase counts and the position of its last match are known
 * without the lookup, and the row has at least that many tokens.  bm25
 * falls as the length grows, so the score computed with that length is an
 * upper bound.  While K rows have been scored, a row whose bound is below
 * the K-th best cannot be among the K kept: it gets its bound (a score
 * that keeps it out) and its length is never read.  Every row that can be
 * kept is scored exactly, so `ORDER BY edgr_bm25(text_fts, K) LIMIT K`
 * returns the rows, order and scores that bm25() gives.  In the bench the
 * length is read for a few hundred rows instead of tens of thousands.
 *
 * The rule that makes it exact: the function must see only rows that go
 * on to the sort, each once.  SQLite computes a result column after the
 * WHERE clause has kept the row; a second call for the same row (an
 * expression evaluated twice) is answered from the first.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

enum { MAX_K = 100000 }; /* past this, the plain bm25() */

typedef struct rank_state {
    int k;           /* rows kept; 0: no bar, every row exact */
    int kept;        /* scores in `best` */
    int phrases;
    double avg_len;  /* tokens per row */
    double *idf;     /* per phrase */
    int *ptokens;    /* tokens per phrase */
    double *freq;    /* per phrase, this row */
    double *best;    /* min-heap of the best `kept` exact scores */
    sqlite3_int64 last_rowid;
    double last_score;
    int have_last;
} rank_state;

static void rank_free(void *p)
{
    rank_state *s = p;
    if (!s) return;
    free(s->idf);
    free(s->ptokens);
    free(s->freq);
    free(s->best);
    free(s);
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)user)++;
    return SQLITE_OK;
}

/* The per-query constants, as bm25() sets them up: average length, and each
 * phrase's inverse document frequency (floored at 1e-6). */
static rank_state *rank_setup(const Fts5ExtensionApi *api, Fts5Context *fts, int k, int *rc)
{
    rank_state *s = calloc(1, sizeof *s);
    if (!s) { *rc = SQLITE_NOMEM; return NULL; }
    s->k = k;
    s->phrases = api->xPhraseCount(fts);
    size_t np = (size_t)(s->phrases > 0 ? s->phrases : 1);
    s->idf = calloc(np, sizeof *s->idf);
    s->ptokens = calloc(np, sizeof *s->ptokens);
    s->freq = calloc(np, sizeof *s->freq);
    s->best = calloc((size_t)(k > 0 ? k : 1), sizeof *s->best);
    if (!s->idf || !s->ptokens || !s->freq || !s->best) { rank_free(s); *rc = SQLITE_NOMEM; return NULL; }
    sqlite3_int64 rows = 0, tokens = 0;
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &tokens);
    s->avg_len = rows > 0 ? (double)tokens / (double)rows : 0.0;
    for (int i = 0; *rc == SQLITE_OK && i < s->phrases; i++) {
        sqlite3_int64 hits = 0;
        *rc = api->xQueryPhrase(fts, i, &hits, count_row);
        double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
        s->idf[i] = idf <= 0.0 ? 1e-6 : idf;
        s->ptokens[i] = api->xPhraseSize(fts, i);
    }
    if (*rc != SQLITE_OK) { rank_free(s); return NULL; }
    return s;
}

static double score_at(const rank_state *s, double len)
{
    const double k1 = 1.2, b = 0.75;
    double score = 0.0;
    for (int i = 0; i < s->phrases; i++) {
        double f = s->freq[i];
        /* bracketed as fts5_aux.c does, so the doubles come out the same */
        score += s->idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * len / s->avg_len)));
    }
    return score;
}

/* The heap keeps the K best scores with the smallest, the bar, on top. */
static void heap_keep(rank_state *s, double score)
{
    double *h = s->best;
    int i;
    if (s->kept < s->k) {
        i = s->kept++;
        h[i] = score;
        while (i > 0 && h[(i - 1) / 2] > h[i]) {
            double t = h[i];
            h[i] = h[(i - 1) / 2];
            h[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
        return;
    }
    if (score <= h[0]) return;
    h[0] = score;
    for (i = 0;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < s->kept && h[l] < h[m]) m = l;
        if (r < s->kept && h[r] < h[m]) m = r;
        if (m == i) return;
        double t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static void edgr_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
                      sqlite3_value **argv)
{
    int k = argc > 0 ? sqlite3_value_int(argv[0]) : 0;
    if (k < 1 || k > MAX_K) k = 0; /* no bar: every row exact */
    rank_state *s = api->xGetAuxdata(fts, 0);
    int rc = SQLITE_OK;
    if (!s) {
        s = rank_setup(api, fts, k, &rc);
        if (s) rc = api->xSetAuxdata(fts, s, rank_free); /* frees s on failure */
        if (rc != SQLITE_OK) { sqlite3_result_error_code(ctx, rc); return; }
    }
    sqlite3_int64 rowid = api->xRowid(fts);
    if (s->have_last && rowid == s->last_rowid) { sqlite3_result_double(ctx, -s->last_score); return; }

    int n = 0, last_end = 0;
    rc = api->xInstCount(fts, &n);
    memset(s->freq, 0, (size_t)(s->phrases > 0 ? s->phrases : 1) * sizeof *s->freq);
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        int phrase, col, off;
        rc = api->xInst(fts, i, &phrase, &col, &off);
        if (rc != SQLITE_OK) break;
        s->freq[phrase] += 1.0;
        if (off + s->ptokens[phrase] > last_end) last_end = off + s->ptokens[phrase];
    }
    if (rc != SQLITE_OK) { sqlite3_result_error_code(ctx, rc); return; }

    double score;
    /* at least last_end tokens: the score can only fall from this bound */
    double bound = score_at(s, (double)last_end);
    if (s->k && s->kept == s->k && bound < s->best[0]) {
        score = bound; /* below the bar: not kept, whatever its length */
    } else {
        int len = 0;
        rc = api->xColumnSize(fts, -1, &len);
        if (rc != SQLITE_OK) { sqlite3_result_error_code(ctx, rc); return; }
        score = score_at(s, (double)len);
        if (s->k) heap_keep(s, score);
    }
    s->have_last = 1;
    s->last_rowid = rowid;
    s->last_score = score;
    sqlite3_result_double(ctx, -score);
}

int store_rank_register(sqlite3 *db)
{
    fts5_api *fts5 = store_fts5(db);
    return fts5 && fts5->xCreateFunction(fts5, "edgr_bm25", NULL, edgr_bm25, NULL) == SQLITE_OK ? 0 : -1;
}
