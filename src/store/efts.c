/*
 * The SEC's full-text search answer (efts.sec.gov/LATEST/search-index, an
 * Elasticsearch response) from the store (issue 16).  A hit is a document
 * of a filing, `_id` "accession:filename", scored by its best-matching row
 * (an item or a slice of the document); the total is exact ("relation":
 * "eq") and not capped at 10,000; `highlight` is edgr's snippet of that
 * best row, which the SEC's answer does not have.
 *
 * Two statements read the matches: the counts and aggregations in one,
 * the page of hits in the other; each hit then reads its filing's
 * entities and its snippet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/jsonw.h"
#include "store_int.h"

enum {
    EFTS_PAGE = 100,      /* hits a page unless `size` says otherwise (the SEC's) */
    EFTS_MAX_PAGE = 1000,
    EFTS_BUCKETS = 30     /* values an aggregation lists                       */
};

/* The matched documents, each with its best row: ?1 the query, ?2 forms
 * (a JSON array: each form, or its amendment), ?3 CIKs (a JSON array),
 * ?4/?5 the filing-date bounds. */
#define MATCHED                                                                                              \
    "WITH m AS MATERIALIZED (SELECT r.id, r.filing_id, r.document, bm25(text_fts) AS score FROM text_fts "  \
    "  JOIN text_rows r ON r.id = text_fts.rowid JOIN filings f ON f.id = r.filing_id "                      \
    "  WHERE text_fts MATCH ?1 "                                                                             \
    "  AND (?2 IS NULL OR f.type IN (SELECT value FROM json_each(?2)) "                                      \
    "       OR f.type IN (SELECT value || '/A' FROM json_each(?2))) "                                        \
    "  AND (?3 IS NULL OR r.filing_id IN (SELECT filing_id FROM roles WHERE cik IN "                         \
    "       (SELECT value FROM json_each(?3)))) "                                                            \
    "  AND (?4 IS NULL OR f.filing_date >= ?4) AND (?5 IS NULL OR f.filing_date <= ?5)), "                   \
    "d AS MATERIALIZED (SELECT id, filing_id, document, min(score) AS score FROM m GROUP BY filing_id, document) "

/* Counts: ('total', n, best score), then each aggregation's buckets. */
static const char COUNTS_SQL[] = MATCHED
    "SELECT 'total', NULL, count(*), min(score) FROM d "
    "UNION ALL SELECT * FROM (SELECT 'form_filter', f.type, count(*) AS n, NULL FROM d JOIN filings f ON f.id = d.filing_id "
    "  GROUP BY f.type ORDER BY n DESC, f.type LIMIT 30) "
    "UNION ALL SELECT * FROM (SELECT 'entity_filter', coalesce(max(e.conformed_name), max(r.conformed_name)) || '  (CIK ' || r.cik || ')', "
    "  count(DISTINCT d.id) AS n, NULL FROM d JOIN roles r ON r.filing_id = d.filing_id "
    "  LEFT JOIN entities e ON e.cik = r.cik GROUP BY r.cik ORDER BY n DESC, r.cik LIMIT 30) "
    "UNION ALL SELECT * FROM (SELECT 'sic_filter', e.assigned_sic, count(DISTINCT d.id) AS n, NULL FROM d "
    "  JOIN roles r ON r.filing_id = d.filing_id JOIN entities e ON e.cik = r.cik WHERE e.assigned_sic <> '' "
    "  GROUP BY e.assigned_sic ORDER BY n DESC, e.assigned_sic LIMIT 30) "
    "UNION ALL SELECT * FROM (SELECT 'biz_states_filter', e.business_state, count(DISTINCT d.id) AS n, NULL FROM d "
    "  JOIN roles r ON r.filing_id = d.filing_id JOIN entities e ON e.cik = r.cik WHERE e.business_state <> '' "
    "  GROUP BY e.business_state ORDER BY n DESC, e.business_state LIMIT 30)";

/* A page of hits, best first: ?6 size, ?7 from. */
static const char HITS_SQL[] = MATCHED
    "SELECT d.id, d.score, f.id, f.accession_number, f.type, f.filing_date, f.period, f.items, d.document, "
    "  x.type, x.filename, x.description FROM d JOIN filings f ON f.id = d.filing_id "
    "  LEFT JOIN documents x ON x.filing_id = d.filing_id AND x.sequence = d.document "
    "ORDER BY d.score, f.accession_number, d.document LIMIT ?6 OFFSET ?7";

static const char ENTITIES_SQL[] =
    "SELECT r.cik, coalesce(e.conformed_name, r.conformed_name), e.assigned_sic, e.business_state, e.business_city, "
    "  e.state_of_incorporation, r.file_number, r.film_number FROM roles r LEFT JOIN entities e ON e.cik = r.cik "
    "WHERE r.filing_id = ?1 ORDER BY r.n";

static const char SNIPPET_SQL[] =
    "SELECT snippet(text_fts, 0, '<mark>', '</mark>', '…', 24) FROM text_fts WHERE text_fts MATCH ?1 AND rowid = ?2";

static const char *col(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }

/* "320193,789019" or "10-K, 8-K" as a JSON array of trimmed values (CIKs
 * as 10 digits); NULL for none.  -1 (recorded) for a CIK that is none. */
static int list_json(edgr_store *st, const char *in, int ciks, char **out)
{
    *out = NULL;
    if (!in || !*in) return 0;
    size_t cap = strlen(in) * 2 + 64;
    char *j = malloc(cap), *w = j;
    if (!j) return -1;
    *w++ = '[';
    for (const char *p = in; *p;) {
        while (*p == ' ' || *p == ',') p++;
        const char *e = p;
        while (*e && *e != ',') e++;
        const char *t = e;
        while (t > p && t[-1] == ' ') t--;
        if (t > p) {
            char v[64];
            size_t n = (size_t)(t - p) < sizeof v - 1 ? (size_t)(t - p) : sizeof v - 1;
            memcpy(v, p, n);
            v[n] = '\0';
            char cik[11];
            if (ciks && store_cik(v, cik)) {
                store_fail(st, "ciks: '%s' is no CIK (a number of up to 10 digits)", v);
                free(j);
                return -1;
            }
            if (w - j > 1) *w++ = ',';
            *w++ = '"';
            const char *s = ciks ? cik : v;
            for (; *s && (size_t)(w - j) < cap - 8; s++)
                if (*s != '"' && *s != '\\') *w++ = ciks ? *s : (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s);
            *w++ = '"';
        }
        p = e;
    }
    *w++ = ']';
    *w = '\0';
    if (w - j == 2) { /* only commas and blanks */
        free(j);
        return 0;
    }
    *out = j;
    return 0;
}

static void bind_matched(sqlite3_stmt *q, const char *match, const char *forms, const char *ciks, const query_args *a,
                         const edgr_efts_query *eq)
{
    sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
    if (forms) sqlite3_bind_text(q, 2, forms, -1, SQLITE_STATIC);
    if (ciks) sqlite3_bind_text(q, 3, ciks, -1, SQLITE_STATIC);
    if (eq->startdt) sqlite3_bind_text(q, 4, a->from, -1, SQLITE_STATIC);
    if (eq->enddt) sqlite3_bind_text(q, 5, a->to, -1, SQLITE_STATIC);
}

/* A list of one column of the filing's entities. */
static void entity_list(jsonw *w, const char *key, sqlite3_stmt *e, int column, int display, int unique)
{
    jsonw_key(w, key);
    jsonw_open(w, '[');
    char seen[16][64];
    int nseen = 0;
    sqlite3_reset(e);
    while (sqlite3_step(e) == SQLITE_ROW) {
        const char *v = col(e, column);
        if (!v || !*v) continue;
        char buf[600];
        if (display) snprintf(buf, sizeof buf, "%s  (CIK %s)", v, col(e, 0)), v = buf;
        if (unique) {
            int dup = 0;
            for (int i = 0; i < nseen; i++) dup |= !strncmp(seen[i], v, sizeof seen[i] - 1);
            if (dup) continue;
            if (nseen < 16) {
                size_t k = strlen(v) < sizeof seen[0] - 1 ? strlen(v) : sizeof seen[0] - 1;
                memcpy(seen[nseen], v, k);
                seen[nseen++][k] = '\0';
            }
        }
        jsonw_elem(w);
        jsonw_cstr(w, v);
    }
    jsonw_close(w, ']');
}

static void hit(jsonw *w, sqlite3_stmt *h, sqlite3_stmt *e, sqlite3_stmt *snip)
{
    const char *form = col(h, 4), *filename = col(h, 10);
    char id[300], root[64];
    snprintf(id, sizeof id, "%s:%s", col(h, 3), filename ? filename : "");
    snprintf(root, sizeof root, "%s", form ? form : "");
    size_t rn = strlen(root);
    if (rn > 2 && !strcmp(root + rn - 2, "/A")) root[rn - 2] = '\0';
    sqlite3_reset(e); /* a statement mid-step takes no new binding */
    sqlite3_bind_int64(e, 1, sqlite3_column_int64(h, 2));
    jsonw_elem(w);
    jsonw_open(w, '{');
    jsonw_kstr(w, "_index", "edgar_file");
    jsonw_kstr(w, "_type", "_doc");
    jsonw_kstr(w, "_id", id);
    char score[40];
    int n = snprintf(score, sizeof score, "%.6g", -sqlite3_column_double(h, 1)); /* bm25: lower is better */
    jsonw_key(w, "_score");
    jsonw_put(w, score, (size_t)n);
    jsonw_key(w, "_source");
    jsonw_open(w, '{');
    entity_list(w, "ciks", e, 0, 0, 1);
    jsonw_kstr(w, "period_ending", col(h, 6));
    jsonw_key(w, "root_forms");
    jsonw_open(w, '[');
    jsonw_elem(w);
    jsonw_cstr(w, root);
    jsonw_close(w, ']');
    entity_list(w, "file_num", e, 6, 0, 1);
    entity_list(w, "display_names", e, 1, 1, 1);
    jsonw_kstr(w, "xsl", NULL);
    jsonw_knum(w, "sequence", sqlite3_column_int64(h, 8));
    jsonw_kstr(w, "root_form", root);
    jsonw_kstr(w, "file_date", col(h, 5));
    entity_list(w, "biz_states", e, 3, 0, 1);
    entity_list(w, "sics", e, 2, 0, 1);
    jsonw_kstr(w, "form", form);
    jsonw_kstr(w, "adsh", col(h, 3));
    entity_list(w, "film_num", e, 7, 0, 1);
    entity_list(w, "biz_locations", e, 4, 0, 1);
    jsonw_kstr(w, "file_type", col(h, 9));
    jsonw_kstr(w, "file_description", col(h, 11));
    entity_list(w, "inc_states", e, 5, 0, 1);
    jsonw_key(w, "items");
    const char *items = col(h, 7); /* stored as a JSON array already */
    if (items && *items == '[') jsonw_put(w, items, strlen(items));
    else jsonw_put(w, "[]", 2);
    jsonw_close(w, '}');
    sqlite3_reset(snip);
    sqlite3_bind_int64(snip, 2, sqlite3_column_int64(h, 0));
    jsonw_key(w, "highlight");
    jsonw_open(w, '{');
    jsonw_key(w, "text");
    jsonw_open(w, '[');
    if (sqlite3_step(snip) == SQLITE_ROW && col(snip, 0)) {
        jsonw_elem(w);
        jsonw_cstr(w, col(snip, 0));
    }
    jsonw_close(w, ']');
    jsonw_close(w, '}');
    jsonw_close(w, '}');
}

/* The counts statement's rows: the total, then buckets by aggregation
 * (as `"aggregations":{...}`). */
static int counts(jsonw *w, sqlite3_stmt *q, long long *total, double *best)
{
    const char *open = NULL;
    char name[32] = "";
    int rc;
    jsonw_key(w, "aggregations");
    jsonw_open(w, '{');
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *kind = col(q, 0);
        if (!strcmp(kind, "total")) {
            *total = sqlite3_column_int64(q, 2);
            *best = sqlite3_column_double(q, 3);
            continue;
        }
        if (!open || strcmp(name, kind)) {
            if (open) {
                jsonw_close(w, ']');
                jsonw_close(w, '}');
            }
            snprintf(name, sizeof name, "%s", kind);
            open = name;
            jsonw_key(w, name);
            jsonw_open(w, '{');
            jsonw_key(w, "buckets");
            jsonw_open(w, '[');
        }
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_kstr(w, "key", col(q, 1));
        jsonw_knum(w, "doc_count", sqlite3_column_int64(q, 2));
        jsonw_close(w, '}');
    }
    if (open) {
        jsonw_close(w, ']');
        jsonw_close(w, '}');
    }
    jsonw_close(w, '}');
    return rc;
}

edgr_status edgr_store_efts(edgr_store *st, const edgr_efts_query *eq, edgr_write_fn write, void *user)
{
    if (!st || !eq || !write || eq->struct_size < sizeof *eq) return EDGR_ERR_ARG;
    if (!eq->q || !*eq->q) {
        store_fail(st, "q is required: the words to search for");
        return EDGR_ERR_QUERY;
    }
    long size = eq->size ? eq->size : EFTS_PAGE;
    if (size < 1 || size > EFTS_MAX_PAGE || eq->from < 0) {
        store_fail(st, "size takes a number from 1 to %d, from a number from 0", EFTS_MAX_PAGE);
        return EDGR_ERR_QUERY;
    }
    edgr_query qy = EDGR_QUERY_INIT;
    qy.match = eq->q, qy.from = eq->startdt, qy.to = eq->enddt;
    query_args a = {.lead = 0};
    char *company_ciks, *match, *forms = NULL, *ciks = NULL;
    int none;
    edgr_status s = store_query_begin(st, &qy, &a, &company_ciks, &none, &match);
    if (s != EDGR_OK) return s;
    free(company_ciks);
    if (list_json(st, eq->forms, 0, &forms) || list_json(st, eq->ciks, 1, &ciks)) {
        free(match);
        free(forms);
        return EDGR_ERR_QUERY;
    }
    jsonw *w = calloc(1, sizeof *w);
    jsonw_mem agg;
    jsonw_mem_init(&agg, 1u << 24);
    sqlite3_stmt *c = NULL, *h = NULL, *e = NULL, *snip = NULL;
    if (!w) {
        s = EDGR_ERR_NOMEM;
        goto done;
    }
    w->write = write, w->user = user;
    if (sqlite3_prepare_v2(st->db, COUNTS_SQL, -1, &c, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, HITS_SQL, -1, &h, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, ENTITIES_SQL, -1, &e, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, SNIPPET_SQL, -1, &snip, NULL) != SQLITE_OK) {
        s = store_sql_error(st, "full-text search");
        goto done;
    }
    bind_matched(c, match, forms, ciks, &a, eq);
    bind_matched(h, match, forms, ciks, &a, eq);
    sqlite3_bind_int64(h, 6, size);
    sqlite3_bind_int64(h, 7, eq->from);
    sqlite3_bind_text(snip, 1, match, -1, SQLITE_STATIC);
    /* the counts first (the total leads the answer), the aggregations
     * kept aside to follow the hits, in Elasticsearch's order */
    long long total = 0;
    double best = 0;
    int rc = counts(&agg.w, c, &total, &best);
    jsonw_flush(&agg.w);
    if (rc == SQLITE_DONE && agg.nomem) s = EDGR_ERR_NOMEM;
    if (rc != SQLITE_DONE || s != EDGR_OK) goto step_error;
    static const char HEAD[] = "{\"took\":0,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},";
    jsonw_put(w, HEAD, sizeof HEAD - 1);
    w->first = 1;
    char head[160];
    int n = snprintf(head, sizeof head, "\"hits\":{\"total\":{\"value\":%lld,\"relation\":\"eq\"},\"max_score\":", total);
    jsonw_put(w, head, (size_t)n);
    if (total) n = snprintf(head, sizeof head, "%.6g", -best), jsonw_put(w, head, (size_t)n);
    else jsonw_put(w, "null", 4);
    jsonw_put(w, ",\"hits\":[", 9);
    w->first = 1;
    while ((rc = sqlite3_step(h)) == SQLITE_ROW) hit(w, h, e, snip);
    if (rc != SQLITE_DONE) goto step_error;
    jsonw_put(w, "]},", 3);
    jsonw_put(w, agg.b.data, agg.b.len);
    jsonw_put(w, "}\n", 2);
    jsonw_flush(w);
    if (w->failed) s = EDGR_ERR_ABORTED;
step_error:
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        if (rc == SQLITE_ERROR) {
            store_query_error(st, eq->q, sqlite3_errmsg(st->db));
            s = EDGR_ERR_QUERY;
        } else
            s = store_sql_error(st, "full-text search");
    }
done:
    sqlite3_finalize(c);
    sqlite3_finalize(h);
    sqlite3_finalize(e);
    sqlite3_finalize(snip);
    free(w);
    free(agg.b.data);
    free(match);
    free(forms);
    free(ciks);
    return s;
}
