/*
 * Insider rows and 13F positions out of the store (issue 15): each row as
 * the JSON it was stored with (the reader's own, src/ownership/own_json.c),
 * one line a row, so `edgr insiders` and `edgr holders` print exactly what
 * `edgr ownership` and `edgr holdings` print.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"
#include "store_int.h"

/* The rows of q, one line each; EDGR_ERR_NOT_FOUND for none. */
static edgr_status lines(edgr_store *st, sqlite3_stmt *q, const char *what, edgr_write_fn write, void *user)
{
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *j = (const char *)sqlite3_column_text(q, 0);
        if (!j) continue;
        n++;
        if (write(user, j, (size_t)sqlite3_column_bytes(q, 0)) || write(user, "\n", 1)) {
            sqlite3_finalize(q);
            return EDGR_ERR_ABORTED;
        }
    }
    if (rc != SQLITE_DONE) {
        edgr_status s = store_sql_error(st, what);
        sqlite3_finalize(q);
        return s;
    }
    sqlite3_finalize(q);
    if (!n) {
        store_fail(st, "no %s", what);
        return EDGR_ERR_NOT_FOUND;
    }
    return EDGR_OK;
}

static void bind_opt(sqlite3_stmt *q, int i, const char *v)
{
    if (v && *v) sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
}

edgr_status edgr_store_insiders(edgr_store *st, const edgr_insider_query *q, edgr_write_fn write, void *user)
{
    if (!st || !q || q->struct_size < sizeof *q || !write) return EDGR_ERR_ARG;
    char cik[11], owner[11];
    if (rec_cik10(q->cik, cik)) {
        store_fail(st, "\"%.40s\" is no CIK", q->cik ? q->cik : "");
        return EDGR_ERR_ARG;
    }
    if (q->owner && rec_cik10(q->owner, owner)) {
        store_fail(st, "--owner \"%.40s\" is no CIK", q->owner);
        return EDGR_ERR_ARG;
    }
    /* the issuer's rows by its index, a person's through the owners of
     * each document (a row belongs to every owner of its document) */
    static const char SQL[] =
        "SELECT r.row_json FROM insider_rows r JOIN filings f ON f.id = r.filing_id "
        "WHERE r.filing_id IN (SELECT filing_id FROM insider_rows WHERE issuer_cik = ?1 "
        "                      UNION SELECT filing_id FROM insider_owners WHERE cik = ?1) "
        "AND (r.issuer_cik = ?1 OR EXISTS (SELECT 1 FROM insider_owners o WHERE o.filing_id = r.filing_id "
        "     AND o.document = r.document AND o.cik = ?1)) "
        "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM insider_owners o WHERE o.filing_id = r.filing_id "
        "     AND o.document = r.document AND o.cik = ?2)) "
        "AND (?3 IS NULL OR r.code = ?3) "
        "AND (?4 IS NULL OR coalesce(r.transaction_date, f.filing_date) >= ?4) "
        "AND (?5 IS NULL OR coalesce(r.transaction_date, f.filing_date) <= ?5) "
        "ORDER BY coalesce(r.transaction_date, f.filing_date) DESC, f.filing_date DESC, f.accession_number, r.n "
        "LIMIT ?6";
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &s, NULL) != SQLITE_OK) return store_sql_error(st, "insider rows");
    sqlite3_bind_text(s, 1, cik, -1, SQLITE_TRANSIENT);
    if (q->owner) sqlite3_bind_text(s, 2, owner, -1, SQLITE_TRANSIENT);
    bind_opt(s, 3, q->code);
    bind_opt(s, 4, q->from);
    bind_opt(s, 5, q->to);
    sqlite3_bind_int64(s, 6, q->limit > 0 ? q->limit : -1);
    return lines(st, s, "insider rows", write, user);
}

/* "2024Q4" -> "2024-12-31"; a date as it is.  0, or -1 for neither. */
static int quarter_end(const char *p, char out[11])
{
    static const char *const END[] = {"03-31", "06-30", "09-30", "12-31"};
    size_t n = strlen(p);
    if (n == 6 && (p[4] == 'Q' || p[4] == 'q') && p[5] >= '1' && p[5] <= '4') {
        for (int i = 0; i < 4; i++)
            if (p[i] < '0' || p[i] > '9') return -1;
        snprintf(out, 11, "%.4s-%s", p, END[p[5] - '1']);
        return 0;
    }
    if (n == 10 && p[4] == '-' && p[7] == '-') {
        memcpy(out, p, 11);
        return 0;
    }
    return -1;
}

edgr_status edgr_store_holders(edgr_store *st, const edgr_holders_query *q, edgr_write_fn write, void *user)
{
    if (!st || !q || q->struct_size < sizeof *q || !write) return EDGR_ERR_ARG;
    char cusip[16], period[11], mgr[11];
    size_t n = q->cusip ? strlen(q->cusip) : 0;
    if (!n || n >= sizeof cusip) {
        store_fail(st, "\"%.40s\" is no CUSIP", q->cusip ? q->cusip : "");
        return EDGR_ERR_ARG;
    }
    for (size_t i = 0; i <= n; i++) cusip[i] = (q->cusip[i] >= 'a' && q->cusip[i] <= 'z') ? (char)(q->cusip[i] - 32) : q->cusip[i];
    if (q->period && quarter_end(q->period, period)) {
        store_fail(st, "--period \"%.40s\" is no quarter (2024Q4, or its end 2024-12-31)", q->period);
        return EDGR_ERR_ARG;
    }
    if (q->manager && rec_cik10(q->manager, mgr)) {
        store_fail(st, "--manager \"%.40s\" is no CIK", q->manager);
        return EDGR_ERR_ARG;
    }
    static const char SQL[] = "SELECT h.row_json FROM holdings h JOIN filings f ON f.id = h.filing_id "
                              "WHERE h.cusip = ?1 AND (?2 IS NULL OR h.period = ?2) "
                              "AND (?3 IS NULL OR h.manager_cik = ?3) "
                              "ORDER BY h.value_usd IS NULL, h.value_usd DESC, f.filing_date DESC, h.filing_id, h.n "
                              "LIMIT ?4";
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &s, NULL) != SQLITE_OK) return store_sql_error(st, "13F positions");
    sqlite3_bind_text(s, 1, cusip, -1, SQLITE_TRANSIENT);
    if (q->period) sqlite3_bind_text(s, 2, period, -1, SQLITE_TRANSIENT);
    if (q->manager) sqlite3_bind_text(s, 3, mgr, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, q->limit > 0 ? q->limit : -1);
    return lines(st, s, "13F positions", write, user);
}
