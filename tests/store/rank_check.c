/*
 * edgr_bm25 (src/store/rank.c) against FTS5's bm25(): for every query and
 * every K, `ORDER BY score LIMIT K OFFSET O` must give the same rows in the
 * same order with the same scores, with and without a join that filters.
 *
 * Queries: index terms from the rarest to the commonest, pairs of them
 * with AND and OR, phrases of two words as they occur in the text, a
 * prefix, NEAR.  Ties are broken by rowid in both, so the lists compare
 * exactly.
 *
 * usage: store_rank_check STORE.db   (exit 0 when all agree)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

int store_rank_register(sqlite3 *db); /* src/store/rank.c */

static int checks, failures;

static const char *const SQL[2][2] = {
    {"SELECT rowid, bm25(text_fts) AS s FROM text_fts WHERE text_fts MATCH ?1 "
     "ORDER BY s, rowid LIMIT ?2 OFFSET ?3",
     "SELECT rowid, edgr_bm25(text_fts, ?2 + ?3) AS s FROM text_fts WHERE text_fts MATCH ?1 "
     "ORDER BY s, rowid LIMIT ?2 OFFSET ?3"},
    {"SELECT r.id, bm25(text_fts) AS s FROM text_fts JOIN text_rows r ON r.id = text_fts.rowid "
     "JOIN filings f ON f.id = r.filing_id WHERE text_fts MATCH ?1 AND f.type = ?4 "
     "ORDER BY s, r.id LIMIT ?2 OFFSET ?3",
     "SELECT r.id, edgr_bm25(text_fts, ?2 + ?3) AS s FROM text_fts JOIN text_rows r ON r.id = text_fts.rowid "
     "JOIN filings f ON f.id = r.filing_id WHERE text_fts MATCH ?1 AND f.type = ?4 "
     "ORDER BY s, r.id LIMIT ?2 OFFSET ?3"}};

typedef struct hits {
    sqlite3_int64 id[64];
    double score[64];
    int n;
} hits;

static int run(sqlite3 *db, const char *sql, const char *match, int k, int off, const char *form, hits *h)
{
    sqlite3_stmt *q;
    h->n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, k);
    sqlite3_bind_int(q, 3, off);
    if (form) sqlite3_bind_text(q, 4, form, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && h->n < 64) {
        h->id[h->n] = sqlite3_column_int64(q, 0);
        h->score[h->n++] = sqlite3_column_double(q, 1);
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static void check(sqlite3 *db, const char *match, const char *form)
{
    static const int K[] = {1, 3, 20, 50}, OFF[] = {0, 0, 7, 0};
    for (size_t i = 0; i < sizeof K / sizeof *K; i++) {
        hits want, got;
        int filtered = form != NULL;
        if (run(db, SQL[filtered][0], match, K[i], OFF[i], form, &want) ||
            run(db, SQL[filtered][1], match, K[i], OFF[i], form, &got)) {
            printf("FAIL: %s%s%s: %s\n", match, form ? " --form " : "", form ? form : "", sqlite3_errmsg(db));
            failures++;
            continue;
        }
        checks++;
        int same = want.n == got.n;
        for (int j = 0; same && j < want.n; j++) same = want.id[j] == got.id[j] && want.score[j] == got.score[j];
        if (!same) {
            failures++;
            printf("FAIL: %s%s%s, limit %d offset %d: %d rows, want %d", match, form ? " --form " : "",
                   form ? form : "", K[i], OFF[i], got.n, want.n);
            for (int j = 0; j < want.n && j < got.n; j++)
                if (want.id[j] != got.id[j] || want.score[j] != got.score[j]) {
                    printf("; first difference at %d: row %lld %.17g, want row %lld %.17g", j,
                           (long long)got.id[j], got.score[j], (long long)want.id[j], want.score[j]);
                    break;
                }
            printf("\n");
        }
    }
}

static int column_strings(sqlite3 *db, const char *sql, char ***out)
{
    sqlite3_stmt *q;
    int n = 0, cap = 0;
    *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (n == cap) *out = realloc(*out, (size_t)(cap = cap ? cap * 2 : 64) * sizeof **out);
        const char *v = (const char *)sqlite3_column_text(q, 0);
        if (v) (*out)[n++] = strdup(v); /* NULL: a filing with no header has no form */
    }
    sqlite3_finalize(q);
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: store_rank_check STORE.db\n");
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK || store_rank_register(db)) {
        fprintf(stderr, "store_rank_check: %s: cannot open\n", argv[1]);
        return 2;
    }
    sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, text_fts, row)", NULL, NULL, NULL);
    char **terms, **forms, **phrases;
    /* from the commonest terms down, then a spread of the rest */
    int nt = column_strings(db,
                            "SELECT term FROM (SELECT term, doc, row_number() OVER (ORDER BY doc DESC, term) AS i "
                            "FROM temp.v WHERE term GLOB '[a-z]*') WHERE i <= 40 OR i % 97 = 0 LIMIT 120",
                            &terms);
    int nf = column_strings(db, "SELECT type FROM filings WHERE type IS NOT NULL GROUP BY type ORDER BY count(*) DESC LIMIT 2", &forms);
    /* the first two words of some rows: phrases that occur */
    int np = column_strings(db,
                            "SELECT '\"' || substr(t, 1, instr(substr(t, instr(t, ' ') + 1), ' ') + instr(t, ' ') - 1) "
                            "|| '\"' FROM (SELECT ltrim(replace(replace(substr(text, 1, 200), '\"', ''), char(10), ' ')) "
                            "AS t FROM text_rows WHERE id % 53 = 1 LIMIT 40)",
                            &phrases);
    if (nt < 5) {
        fprintf(stderr, "store_rank_check: %s: too few terms (%d)\n", argv[1], nt);
        return 2;
    }
    char q[512];
    for (int i = 0; i < nt; i++) {
        const char *a = terms[i], *b = terms[(i * 7 + 3) % nt];
        check(db, a, NULL);
        snprintf(q, sizeof q, "%s AND %s", a, b);
        check(db, q, NULL);
        snprintf(q, sizeof q, "%s OR %s", a, b);
        check(db, q, NULL);
        snprintf(q, sizeof q, "NEAR(%s %s, 10)", a, b);
        check(db, q, NULL);
        if (strlen(a) > 3) {
            snprintf(q, sizeof q, "%.3s*", a);
            check(db, q, NULL);
        }
        for (int f = 0; f < nf; f++) check(db, a, forms[f]);
    }
    for (int i = 0; i < np; i++) {
        check(db, phrases[i], NULL);
        for (int f = 0; f < nf; f++) check(db, phrases[i], forms[f]);
    }
    printf("rank: %d comparisons of edgr_bm25 with bm25 (%d terms, %d phrases), %d differ\n", checks, nt, np,
           failures);
    for (int i = 0; i < nt; i++) free(terms[i]);
    for (int i = 0; i < nf; i++) free(forms[i]);
    for (int i = 0; i < np; i++) free(phrases[i]);
    free(terms);
    free(forms);
    free(phrases);
    sqlite3_close(db);
    return failures ? 1 : 0;
}
