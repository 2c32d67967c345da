/* The fetch journal and the plan it is made from (issue 13): which filings
 * EDGAR's index lists for a query, and where each URL a fetch planned
 * stands.  See edgr/store.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* The statuses the journal's CHECK allows, in the order edgr/store.h
 * explains them. */
static const char *const STATUSES[] = {"planned", "fetched", "stored", "missing", "parked", "failed"};

static int known_status(const char *s)
{
    for (size_t i = 0; i < sizeof STATUSES / sizeof STATUSES[0]; i++)
        if (!strcmp(s, STATUSES[i])) return 1;
    return 0;
}

static void bind_opt(sqlite3_stmt *q, int i, const char *v)
{
    if (v) sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

edgr_status edgr_store_journal_put(edgr_store *st, const edgr_journal_entry *e)
{
    if (!st || !e || e->struct_size < sizeof *e || !e->url || !*e->url || !e->status || !known_status(e->status) ||
        st->readonly)
        return EDGR_ERR_ARG;
    sqlite3_stmt *q = store_stmt(st, S_JOURNAL_PUT);
    if (!q) return EDGR_ERR_STORE;
    sqlite3_bind_text(q, 1, e->url, -1, SQLITE_STATIC);
    bind_opt(q, 2, e->run);
    bind_opt(q, 3, e->dest);
    sqlite3_bind_text(q, 4, e->status, -1, SQLITE_STATIC);
    bind_opt(q, 5, e->etag);
    bind_opt(q, 6, e->last_modified);
    sqlite3_bind_int64(q, 7, (sqlite3_int64)e->bytes);
    bind_opt(q, 8, e->sha256);
    sqlite3_bind_int(q, 9, e->attempts);
    if (e->next_try) sqlite3_bind_int64(q, 10, e->next_try);
    bind_opt(q, 11, e->reason);
    /* outside a transaction this statement is its own: committed (and on
     * disk, as the store's synchronous setting has it) when it returns */
    if (sqlite3_step(q) != SQLITE_DONE) return store_sql_error(st, "fetch journal");
    sqlite3_reset(q);
    return EDGR_OK;
}

/* Columns of the journal's SELECTs, in this order. */
#define JOURNAL_COLUMNS                                                                                         \
    "url, run, dest, status, etag, last_modified, bytes, sha256, attempts, next_try, reason, updated_at"

/* The row q is on, into out; its strings copied into st->jr_buf, because a
 * statement left on a row would hold a read transaction open (and keep the
 * journal's own autocommitted writes from committing). */
static edgr_status row_entry(edgr_store *st, sqlite3_stmt *q, edgr_journal_entry *out)
{
    static const int STR_COLS[] = {0, 1, 2, 3, 4, 5, 7, 10, 11};
    enum { NSTR = sizeof STR_COLS / sizeof STR_COLS[0] };
    size_t need = 0;
    for (int i = 0; i < NSTR; i++) need += (size_t)sqlite3_column_bytes(q, STR_COLS[i]) + 1;
    if (need > st->jr_cap) {
        char *b = realloc(st->jr_buf, need);
        if (!b) {
            store_fail(st, "out of memory for a journal entry");
            return EDGR_ERR_NOMEM;
        }
        st->jr_buf = b;
        st->jr_cap = need;
    }
    const char *v[NSTR];
    char *w = st->jr_buf;
    for (int i = 0; i < NSTR; i++) {
        const unsigned char *t = sqlite3_column_text(q, STR_COLS[i]);
        size_t n = (size_t)sqlite3_column_bytes(q, STR_COLS[i]);
        if (!t) {
            v[i] = NULL;
            continue;
        }
        memcpy(w, t, n);
        w[n] = 0;
        v[i] = w;
        w += n + 1;
    }
    out->url = v[0];
    out->run = v[1];
    out->dest = v[2];
    out->status = v[3];
    out->etag = v[4];
    out->last_modified = v[5];
    out->bytes = (uint64_t)sqlite3_column_int64(q, 6);
    out->sha256 = v[6];
    out->attempts = sqlite3_column_int(q, 8);
    out->next_try = sqlite3_column_int64(q, 9);
    out->reason = v[7];
    out->updated_at = v[8];
    return EDGR_OK;
}

edgr_status edgr_store_journal_get(edgr_store *st, const char *url, edgr_journal_entry *out)
{
    if (!st || !url || !out || out->struct_size < sizeof *out) return EDGR_ERR_ARG;
    sqlite3_stmt *q = store_stmt(st, S_JOURNAL_GET);
    if (!q) return EDGR_ERR_STORE;
    sqlite3_bind_text(q, 1, url, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    edgr_status s = rc == SQLITE_ROW ? row_entry(st, q, out)
                    : rc == SQLITE_DONE ? EDGR_ERR_NOT_FOUND
                                        : store_sql_error(st, "fetch journal");
    sqlite3_reset(q);
    return s;
}

edgr_status edgr_store_journal_pending(edgr_store *st, const char *run, edgr_journal_fn fn, void *user)
{
    if (!st || !fn) return EDGR_ERR_ARG;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT " JOURNAL_COLUMNS " FROM fetch_journal WHERE status IN ('planned','fetched','parked','failed') "
                           "AND (?1 IS NULL OR run = ?1) ORDER BY rowid",
                           -1, &q, NULL) != SQLITE_OK)
        return store_sql_error(st, "fetch journal");
    bind_opt(q, 1, run);
    edgr_status s = EDGR_OK;
    int rc;
    while (s == EDGR_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        edgr_journal_entry e = EDGR_JOURNAL_ENTRY_INIT;
        if ((s = row_entry(st, q, &e)) == EDGR_OK && fn(user, &e)) s = EDGR_ERR_ABORTED;
    }
    if (s == EDGR_OK && rc != SQLITE_DONE) s = store_sql_error(st, "fetch journal");
    sqlite3_finalize(q);
    return s;
}

/* ---- the plan ------------------------------------------------------------ */

/* "?N, ?N+1, ..." for n values from ?first into b; the next free number. */
static int placeholders(char *b, size_t cap, size_t n, int first)
{
    size_t used = strlen(b);
    for (size_t i = 0; i < n && used < cap; i++)
        used += (size_t)snprintf(b + used, cap - used, "%s?%d", i ? ", " : "", first + (int)i);
    return first + (int)n;
}

/* One plan: at most this many types and CIKs (a bound on the statement's
 * length; more is a list for a file, not for options). */
#define INDEX_QUERY_MAX_TERMS 1000

edgr_status edgr_store_index_select(edgr_store *st, const edgr_index_query *qy, edgr_index_entry_fn fn, void *user)
{
    if (!st || !qy || qy->struct_size < sizeof *qy || !fn || qy->ntypes > INDEX_QUERY_MAX_TERMS ||
        qy->nciks > INDEX_QUERY_MAX_TERMS || (qy->ntypes && !qy->types) || (qy->nciks && !qy->ciks))
        return EDGR_ERR_ARG;
    char (*ciks)[11] = qy->nciks ? malloc(qy->nciks * sizeof *ciks) : NULL;
    if (qy->nciks && !ciks) return EDGR_ERR_NOMEM;
    for (size_t i = 0; i < qy->nciks; i++)
        if (!qy->ciks[i] || store_cik(qy->ciks[i], ciks[i])) {
            store_fail(st, "a CIK is a number of up to 10 digits, not '%s'", qy->ciks[i] ? qy->ciks[i] : "");
            free(ciks);
            return EDGR_ERR_ARG;
        }
    size_t cap = 512 + (qy->ntypes + qy->nciks) * 8;
    char *sql = malloc(cap);
    if (!sql) {
        free(ciks);
        return EDGR_ERR_NOMEM;
    }
    /* one row a filing: its smallest CIK's listing (min() picks the row the
     * bare columns come from) */
    snprintf(sql, cap, "SELECT min(cik), conformed_name, type, filing_date, path, accession_number FROM index_rows "
                       "WHERE (?1 IS NULL OR filing_date >= ?1) AND (?2 IS NULL OR filing_date <= ?2)");
    int next = 3;
    if (qy->ntypes) {
        strcat(sql, " AND type IN (");
        next = placeholders(sql, cap, qy->ntypes, next);
        strcat(sql, ")");
    }
    int cik_first = next;
    if (qy->nciks) {
        strcat(sql, " AND cik IN (");
        next = placeholders(sql, cap, qy->nciks, next);
        strcat(sql, ")");
    }
    if (qy->unstored)
        strcat(sql, " AND (accession_number IS NULL OR accession_number NOT IN (SELECT accession_number FROM filings))");
    strcat(sql, " GROUP BY path ORDER BY filing_date, path");
    sqlite3_stmt *q;
    int prc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
    free(sql);
    if (prc != SQLITE_OK) {
        free(ciks);
        return store_sql_error(st, "index plan");
    }
    bind_opt(q, 1, qy->from);
    bind_opt(q, 2, qy->to);
    for (size_t i = 0; i < qy->ntypes; i++) bind_opt(q, 3 + (int)i, qy->types[i]);
    for (size_t i = 0; i < qy->nciks; i++) sqlite3_bind_text(q, cik_first + (int)i, ciks[i], -1, SQLITE_STATIC);
    edgr_status s = EDGR_OK;
    int rc;
    while (s == EDGR_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        edgr_index_entry e = EDGR_INDEX_ENTRY_INIT;
        edgr_span *cols[] = {&e.cik, &e.conformed_name, &e.type, &e.filing_date, &e.path, &e.accession_number};
        for (int i = 0; i < 6; i++) {
            cols[i]->ptr = (const char *)sqlite3_column_text(q, i);
            cols[i]->len = (size_t)sqlite3_column_bytes(q, i);
        }
        if (fn(user, &e)) s = EDGR_ERR_ABORTED;
    }
    if (s == EDGR_OK && rc != SQLITE_DONE) s = store_sql_error(st, "index plan");
    sqlite3_finalize(q);
    free(ciks);
    return s;
}
