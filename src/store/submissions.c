/*
 * A company's submissions document, in the shape of the SEC's
 * data.sec.gov/submissions/CIK##########.json (issue 16), from the store.
 *
 * The SEC's own rules, where its rows do not simply repeat the header, are
 * read off the bodies it served (recorded in ../shared/corpus/api/):
 *   - `acceptanceDateTime` is the header's Eastern time in UTC; a filing
 *     with none (before 2001) is midnight Eastern of its filing date;
 *   - `act` is empty for filings before 2004-10-15 (the recorded rows have
 *     none before that day, whatever the header said);
 *   - `items` of an 8-K filed before the item numbers changed (2004-08-23)
 *     is one code, the header's first (the recorded rows never list two);
 *   - `primaryDocument` of an XML ownership or 13F filing is the path of
 *     the SEC's rendering, under the style sheet of its schema version
 *     (xslF345X03/ for X0306, xslForm13F_X02/ for 13F X0202);
 *   - `recent` holds the newest 1,000 filings or the last year's, whichever
 *     are more, and older ones go in pages of 2,000 (the recorded Fannie
 *     Mae body: pages of 2,053, 2,055 and 1,848), oldest last.
 * Keys the store cannot know are present: null for ownerOrg, lei and
 * website, as the SEC writes them when empty ("" for description,
 * investorWebsite and flags).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/eastern.h"
#include "../core/jsonw.h"
#include "store_int.h"

enum {
    RECENT_MIN = 1000,      /* recent: at least this many filings...        */
    PAGE_ROWS = 2000,       /* ...and the older ones in pages of this many  */
    COLUMN_CAP = 1u << 28   /* a column of a page: 2,000 rows of short text */
};

static const char ACT_FROM[] = "2004-10-15";       /* the first recorded act */
static const char NEW_ITEMS_FROM[] = "2004-08-23"; /* 8-K items 1.01 ...     */

/* The columns of filings.recent, in the SEC's order. */
enum {
    C_ACCESSION, C_FILED, C_REPORT, C_ACCEPTED, C_ACT, C_FORM, C_FILE_NO, C_FILM_NO, C_ITEMS, C_CORE_TYPE,
    C_SIZE, C_XBRL, C_IXBRL, C_PRIMARY, C_PRIMARY_DESC, C_COUNT
};
static const char *const COLUMN[C_COUNT] = {
    "accessionNumber", "filingDate", "reportDate", "acceptanceDateTime", "act", "form", "fileNumber",
    "filmNumber", "items", "core_type", "size", "isXBRL", "isInlineXBRL", "primaryDocument",
    "primaryDocDescription"};

/* One query for the rows, newest first; ?1 the CIK, ?2 limit, ?3 offset.
 * The CIK's own role (its FILING VALUES) is the first of its roles that
 * has a film number, else its first. */
static const char ROWS_SQL[] =
    "WITH mine AS (SELECT filing_id, (SELECT r2.n FROM roles r2 WHERE r2.filing_id = r.filing_id AND r2.cik = ?1 "
    "              ORDER BY r2.film_number IS NULL, r2.n LIMIT 1) AS n "
    "              FROM roles r WHERE r.cik = ?1 GROUP BY filing_id) "
    "SELECT f.accession_number, f.filing_date, f.period, f.acceptance_datetime, ro.act, f.type, "
    "  ro.file_number, ro.film_number, f.items, f.source_length, d.filename, d.description, "
    "  EXISTS(SELECT 1 FROM documents x WHERE x.filing_id = f.id AND (x.type LIKE 'EX-101%' OR x.format = 'xbrl')), "
    "  EXISTS(SELECT 1 FROM xbrl_facts x JOIN documents xd ON xd.filing_id = x.filing_id AND xd.sequence = x.document "
    "         WHERE x.filing_id = f.id AND xd.format = 'html'), "
    "  (SELECT o.kind || ' ' || json_extract(o.doc_json, '$.schema_version') FROM ownership_docs o "
    "   WHERE o.filing_id = f.id AND o.document = d.sequence) "
    "FROM mine JOIN filings f ON f.id = mine.filing_id "
    "LEFT JOIN roles ro ON ro.filing_id = f.id AND ro.n = mine.n "
    "LEFT JOIN documents d ON d.filing_id = f.id AND d.sequence = 1 "
    "ORDER BY f.filing_date DESC, f.acceptance_datetime DESC, f.accession_number DESC LIMIT ?2 OFFSET ?3";

/* A column being written: its own JSON writer into its own buffer. */
typedef jsonw_mem column;

static const char *text(sqlite3_stmt *q, int i)
{
    const char *s = (const char *)sqlite3_column_text(q, i);
    return s ? s : "";
}

/* "xslF345X03/" for "ownership X0306", "xslForm13F_X02/" for "13f X0202". */
static void stylesheet(const char *kind_version, char out[32])
{
    out[0] = '\0';
    const char *v = kind_version ? strchr(kind_version, ' ') : NULL;
    if (!v || v[1] != 'X' || !v[2] || !v[3]) return;
    if (!strncmp(kind_version, "ownership ", 10)) snprintf(out, 32, "xslF345X%.2s/", v + 2);
    else if (!strncmp(kind_version, "13f ", 4)) snprintf(out, 32, "xslForm13F_X%.2s/", v + 2);
}

/* The row's items: ["2","5","7"] as "2,5,7", or "2" before 2004-08-23. */
static void items(jsonw *w, const char *json, const char *filed)
{
    char out[256];
    size_t n = 0;
    int old = strcmp(filed, NEW_ITEMS_FROM) < 0;
    for (const char *p = json; p && *p && n < sizeof out - 16; p++) {
        if (*p != '"') continue;
        const char *e = strchr(p + 1, '"');
        if (!e) break;
        if (n) out[n++] = ',';
        size_t k = (size_t)(e - p - 1);
        if (k > sizeof out - 16 - n) k = sizeof out - 16 - n;
        memcpy(out + n, p + 1, k);
        n += k;
        p = e;
        if (old) break;
    }
    jsonw_str(w, out, n);
}

static void add_row(column *c, sqlite3_stmt *q)
{
    for (int i = 0; i < C_COUNT; i++) jsonw_elem(&c[i].w);
    const char *filed = text(q, 1);
    jsonw_cstr(&c[C_ACCESSION].w, text(q, 0));
    jsonw_cstr(&c[C_FILED].w, filed);
    jsonw_cstr(&c[C_REPORT].w, text(q, 2));
    char utc[25];
    const char *acc = sqlite3_column_text(q, 3) ? text(q, 3) : filed;
    jsonw_cstr(&c[C_ACCEPTED].w, eastern_to_utc(acc, utc) ? "" : utc);
    jsonw_cstr(&c[C_ACT].w, strcmp(filed, ACT_FROM) < 0 ? "" : text(q, 4));
    jsonw_cstr(&c[C_FORM].w, text(q, 5));
    jsonw_cstr(&c[C_FILE_NO].w, text(q, 6));
    jsonw_cstr(&c[C_FILM_NO].w, text(q, 7));
    items(&c[C_ITEMS].w, (const char *)sqlite3_column_text(q, 8), filed);
    jsonw_cstr(&c[C_CORE_TYPE].w, text(q, 5));
    jsonw_num(&c[C_SIZE].w, sqlite3_column_int64(q, 9));
    jsonw_num(&c[C_XBRL].w, sqlite3_column_int(q, 12));
    jsonw_num(&c[C_IXBRL].w, sqlite3_column_int(q, 13));
    char xsl[32], primary[1100];
    stylesheet((const char *)sqlite3_column_text(q, 14), xsl);
    snprintf(primary, sizeof primary, "%s%.1024s", *text(q, 10) ? xsl : "", text(q, 10));
    jsonw_cstr(&c[C_PRIMARY].w, primary);
    jsonw_cstr(&c[C_PRIMARY_DESC].w, text(q, 11));
}

/* The rows from `offset` (at most `limit`) as the bare column object. */
static edgr_status write_columns(edgr_store *st, jsonw *out, const char *cik, long limit, long offset)
{
    column *c = calloc(C_COUNT, sizeof *c);
    if (!c) return EDGR_ERR_NOMEM;
    for (int i = 0; i < C_COUNT; i++) {
        jsonw_mem_init(&c[i], COLUMN_CAP);
        jsonw_open(&c[i].w, '[');
    }
    sqlite3_stmt *q;
    edgr_status s = EDGR_OK;
    if (sqlite3_prepare_v2(st->db, ROWS_SQL, -1, &q, NULL) != SQLITE_OK) {
        s = store_sql_error(st, "submissions rows");
        goto done;
    }
    sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, limit);
    sqlite3_bind_int64(q, 3, offset);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) add_row(c, q);
    if (rc != SQLITE_DONE) s = store_sql_error(st, "submissions rows");
    sqlite3_finalize(q);
    jsonw_open(out, '{');
    for (int i = 0; i < C_COUNT && s == EDGR_OK; i++) {
        jsonw_close(&c[i].w, ']');
        jsonw_flush(&c[i].w);
        if (c[i].nomem) {
            s = EDGR_ERR_NOMEM;
            break;
        }
        jsonw_key(out, COLUMN[i]);
        jsonw_put(out, c[i].b.data, c[i].b.len);
    }
    jsonw_close(out, '}');
done:
    for (int i = 0; i < C_COUNT; i++) free(c[i].b.data);
    free(c);
    return s;
}

/* A single value of `sql` bound to the CIK, as text into out (or ""). */
static int one(edgr_store *st, const char *sql, const char *cik, char *out, size_t cap)
{
    sqlite3_stmt *q;
    out[0] = '\0';
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && sqlite3_column_text(q, 0)) snprintf(out, cap, "%s", text(q, 0));
    sqlite3_finalize(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* How many filings name the CIK, and how many of them are in `recent`. */
static int counts(edgr_store *st, const char *cik, long *total, long *recent)
{
    static const char SQL[] =
        "WITH mine AS (SELECT filing_date AS d FROM filings WHERE id IN (SELECT filing_id FROM roles WHERE cik = ?1)) "
        "SELECT count(*), (SELECT count(*) FROM mine WHERE d > date((SELECT max(d) FROM mine), '-1 year')) FROM mine";
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &q, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        *total = sqlite3_column_int64(q, 0);
        long year = sqlite3_column_int64(q, 1);
        *recent = *total < RECENT_MIN ? *total : RECENT_MIN;
        if (year > *recent) *recent = year;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* "PHARMACEUTICAL PREPARATIONS" as the SEC writes it: "Pharmaceutical
 * Preparations" (a capital after anything but a letter). */
static void title_case(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    int after_letter = 0;
    for (; *in && n + 1 < cap; in++) {
        char ch = *in;
        int letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        if (letter) ch = after_letter ? (char)(ch | 0x20) : (char)(ch & ~0x20);
        out[n++] = ch;
        after_letter = letter || ch == '\'';
    }
    out[n] = '\0';
}

/* An address of the entity row (columns from `at`: street1, street2,
 * city, state, zip) in the SEC's shape.  EDGAR's state codes for places
 * outside the US are a letter and a digit ("A1" is Alberta, "X0" the UK). */
static void address(jsonw *w, sqlite3_stmt *q, int at)
{
    const char *state = (const char *)sqlite3_column_text(q, at + 3);
    int foreign = state && strlen(state) == 2 && state[1] >= '0' && state[1] <= '9';
    jsonw_open(w, '{');
    jsonw_kstr(w, "street1", text(q, at)); /* strings in every SEC body: "" */
    jsonw_kstr(w, "street2", (const char *)sqlite3_column_text(q, at + 1));
    jsonw_kstr(w, "city", text(q, at + 2));
    jsonw_kstr(w, "stateOrCountry", state);
    jsonw_kstr(w, "zipCode", text(q, at + 4));
    jsonw_kstr(w, "stateOrCountryDescription", state);
    jsonw_key(w, "isForeignLocation");
    if (state) jsonw_num(w, foreign);
    else jsonw_cstr(w, NULL);
    jsonw_kstr(w, "foreignStateTerritory", NULL);
    jsonw_kstr(w, "country", NULL);
    jsonw_kstr(w, "countryCode", NULL);
    jsonw_close(w, '}');
}

/* The SEC's short names of the exchanges a cover page names in full. */
static const char *exchange(const char *name)
{
    if (!name || !*name) return NULL;
    char low[256];
    size_t n = 0;
    for (; name[n] && n + 1 < sizeof low; n++) low[n] = (char)(name[n] >= 'A' && name[n] <= 'Z' ? name[n] | 0x20 : name[n]);
    low[n] = '\0';
    if (strstr(low, "nasdaq")) return "Nasdaq";
    if (strstr(low, "new york stock exchange") || strstr(low, "nyse")) return "NYSE";
    if (strstr(low, "cboe")) return "CBOE";
    return name;
}

/* tickers and exchanges (two parallel lists): the trading symbols of the
 * newest cover page that has any, else the issuer's symbol of its newest
 * ownership filing (exchange unknown: null). */
static void tickers(edgr_store *st, jsonw *w, const char *cik)
{
    static const char SQL[] =
        "SELECT s.trading_symbol, s.exchange FROM securities s WHERE s.filing_id = "
        " (SELECT f.id FROM filings f JOIN securities s2 ON s2.filing_id = f.id "
        "  WHERE f.id IN (SELECT filing_id FROM roles WHERE cik = ?1 AND role <> 'reporting_owner') "
        "  AND s2.trading_symbol <> '' ORDER BY f.filing_date DESC, f.id DESC LIMIT 1) "
        "AND s.trading_symbol <> '' "
        "UNION ALL SELECT * FROM (SELECT json_extract(o.doc_json, '$.issuer.symbol'), NULL FROM ownership_docs o "
        "  JOIN filings f ON f.id = o.filing_id WHERE json_extract(o.doc_json, '$.issuer.cik') = ?1 "
        "  AND json_extract(o.doc_json, '$.issuer.symbol') <> '' ORDER BY f.filing_date DESC LIMIT 1)";
    char sym[64][32];
    const char *ex[64];
    char exbuf[64][64];
    int n = 0, from_cover = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(q) == SQLITE_ROW && n < 64) {
            int cover = sqlite3_column_type(q, 1) != SQLITE_NULL;
            if (!cover && from_cover) break; /* the ownership symbol only when no cover page has one */
            from_cover |= cover;
            snprintf(sym[n], sizeof sym[n], "%s", text(q, 0));
            const char *e = exchange((const char *)sqlite3_column_text(q, 1));
            ex[n] = e ? (snprintf(exbuf[n], sizeof exbuf[n], "%s", e), exbuf[n]) : NULL;
            int dup = 0;
            for (int i = 0; i < n; i++) dup |= !strcmp(sym[i], sym[n]);
            if (!dup) n++;
        }
        sqlite3_finalize(q);
    }
    jsonw_key(w, "tickers");
    jsonw_open(w, '[');
    for (int i = 0; i < n; i++) jsonw_elem(w), jsonw_cstr(w, sym[i]);
    jsonw_close(w, ']');
    jsonw_key(w, "exchanges");
    jsonw_open(w, '[');
    for (int i = 0; i < n; i++) jsonw_elem(w), jsonw_cstr(w, ex[i]);
    jsonw_close(w, ']');
}

/* "Large accelerated filer<br>Smaller reporting company" from the newest
 * dei cover facts of the company's own XBRL. */
static void category(edgr_store *st, const char *cik, char *out, size_t cap)
{
    char v[128];
    out[0] = '\0';
    static const char CAT[] =
        "SELECT x.value FROM xbrl_facts x JOIN filings f ON f.id = x.filing_id WHERE x.taxonomy = 'dei' "
        "AND x.name = 'EntityFilerCategory' AND x.entity = ?1 ORDER BY f.filing_date DESC LIMIT 1";
    static const char SMALL[] =
        "SELECT x.value FROM xbrl_facts x JOIN filings f ON f.id = x.filing_id WHERE x.taxonomy = 'dei' "
        "AND x.name = 'EntitySmallBusiness' AND x.entity = ?1 ORDER BY f.filing_date DESC LIMIT 1";
    static const char EGC[] =
        "SELECT x.value FROM xbrl_facts x JOIN filings f ON f.id = x.filing_id WHERE x.taxonomy = 'dei' "
        "AND x.name = 'EntityEmergingGrowthCompany' AND x.entity = ?1 ORDER BY f.filing_date DESC LIMIT 1";
    if (one(st, CAT, cik, v, sizeof v) || !*v) return;
    for (char *p = v + 1; *p; p++) *p = (char)(*p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p);
    snprintf(out, cap, "%s", v);
    if (!one(st, SMALL, cik, v, sizeof v) && !strcmp(v, "true")) strncat(out, "<br>Smaller reporting company", cap - strlen(out) - 1);
    if (!one(st, EGC, cik, v, sizeof v) && !strcmp(v, "true")) strncat(out, "<br>Emerging growth company", cap - strlen(out) - 1);
}

/* formerNames, newest first: `to` the day of the change, `from` the
 * change before it (the oldest name: the company's first filing in the
 * store, if before), both midnight Eastern in UTC as the SEC writes them. */
static void former_names(edgr_store *st, jsonw *w, const char *cik)
{
    static const char SQL[] =
        "SELECT former_conformed_name, date_changed, "
        "  lead(date_changed) OVER (ORDER BY date_changed DESC, former_conformed_name), "
        "  (SELECT min(f.filing_date) FROM filings f WHERE f.id IN (SELECT filing_id FROM roles WHERE cik = ?1)) "
        "FROM former_names WHERE cik = ?1 ORDER BY date_changed DESC, former_conformed_name";
    jsonw_key(w, "formerNames");
    jsonw_open(w, '[');
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(q) == SQLITE_ROW) {
            char to[25], from[25];
            const char *next = (const char *)sqlite3_column_text(q, 2);
            const char *first = (const char *)sqlite3_column_text(q, 3);
            const char *change = text(q, 1);
            if (!next && first && strcmp(first, change) <= 0) next = first;
            jsonw_elem(w);
            jsonw_open(w, '{');
            jsonw_kstr(w, "name", text(q, 0));
            jsonw_kstr(w, "from", next && !eastern_to_utc(next, from) ? from : NULL);
            jsonw_kstr(w, "to", !eastern_to_utc(change, to) ? to : NULL);
            jsonw_close(w, '}');
        }
        sqlite3_finalize(q);
    }
    jsonw_close(w, ']');
}

/* The entity's facts, the newest the store has; a CIK known only from a
 * role (a reporting owner) has its name and nothing else. */
static const char ENTITY_SQL[] =
    "SELECT coalesce(e.conformed_name, (SELECT r.conformed_name FROM roles r JOIN filings f ON f.id = r.filing_id "
    "         WHERE r.cik = ?1 ORDER BY f.filing_date DESC LIMIT 1)), "
    "  e.assigned_sic, e.sic_description, e.irs_number, e.state_of_incorporation, e.fiscal_year_end, "
    "  e.mail_street1, e.mail_street2, e.mail_city, e.mail_state, e.mail_zip, "
    "  e.business_street1, e.business_street2, e.business_city, e.business_state, e.business_zip, e.business_phone, "
    "  EXISTS(SELECT 1 FROM insider_owners WHERE cik = ?1), EXISTS(SELECT 1 FROM insider_rows WHERE issuer_cik = ?1) "
    "FROM (SELECT ?1 AS cik) k LEFT JOIN entities e ON e.cik = k.cik";

static void page_name(const char *cik, long k, char out[48])
{
    snprintf(out, 48, "CIK%s-submissions-%03ld.json", cik, k);
}

/* The `files` list: each older page's name, count and date range. */
static edgr_status files(edgr_store *st, jsonw *w, const char *cik, long total, long recent)
{
    static const char SQL[] =
        "SELECT min(d), max(d) FROM (SELECT f.filing_date AS d FROM filings f "
        "WHERE f.id IN (SELECT filing_id FROM roles WHERE cik = ?1) "
        "ORDER BY f.filing_date DESC, f.acceptance_datetime DESC, f.accession_number DESC LIMIT ?2 OFFSET ?3)";
    jsonw_key(w, "files");
    jsonw_open(w, '[');
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &q, NULL) != SQLITE_OK) return store_sql_error(st, "submissions pages");
    for (long k = 1, at = recent; at < total; k++, at += PAGE_ROWS) {
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 2, PAGE_ROWS);
        sqlite3_bind_int64(q, 3, at);
        if (sqlite3_step(q) != SQLITE_ROW) break;
        char name[48];
        page_name(cik, k, name);
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_kstr(w, "name", name);
        jsonw_knum(w, "filingCount", total - at < PAGE_ROWS ? total - at : PAGE_ROWS);
        jsonw_kstr(w, "filingFrom", text(q, 0));
        jsonw_kstr(w, "filingTo", text(q, 1));
        jsonw_close(w, '}');
    }
    sqlite3_finalize(q);
    jsonw_close(w, ']');
    return EDGR_OK;
}

edgr_status edgr_store_submissions(edgr_store *st, const char *cik_in, int page, unsigned json_flags,
                                   edgr_write_fn write, void *user)
{
    if (!st || !cik_in || !write || page < 0) return EDGR_ERR_ARG;
    char cik[11];
    if (store_cik(cik_in, cik)) {
        store_fail(st, "a CIK is a number of up to 10 digits, not '%.40s'", cik_in);
        return EDGR_ERR_ARG;
    }
    long total = 0, recent = 0;
    if (counts(st, cik, &total, &recent)) return store_sql_error(st, "submissions");
    if (!total) {
        store_fail(st, "no filing of CIK %s in the store", cik);
        return EDGR_ERR_NOT_FOUND;
    }
    jsonw *w = calloc(1, sizeof *w);
    if (!w) return EDGR_ERR_NOMEM;
    w->write = write, w->user = user, w->pretty = (json_flags & EDGR_JSON_PRETTY) != 0;
    edgr_status s = EDGR_OK;
    if (page > 0) { /* an older page: the bare column object */
        long at = recent + (long)(page - 1) * PAGE_ROWS;
        if (at >= total) {
            store_fail(st, "CIK %s has no page %d of older filings", cik, page);
            s = EDGR_ERR_NOT_FOUND;
        } else
            s = write_columns(st, w, cik, PAGE_ROWS, at);
        goto done;
    }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, ENTITY_SQL, -1, &q, NULL) != SQLITE_OK) {
        s = store_sql_error(st, "submissions");
        goto done;
    }
    sqlite3_bind_text(q, 1, cik, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(q) != SQLITE_ROW) {
        s = store_sql_error(st, "submissions");
        sqlite3_finalize(q);
        goto done;
    }
    const char *sic = (const char *)sqlite3_column_text(q, 1);
    char sic_desc[256], cat[256];
    title_case(text(q, 2), sic_desc, sizeof sic_desc);
    category(st, cik, cat, sizeof cat);
    jsonw_open(w, '{');
    jsonw_kstr(w, "cik", cik);
    jsonw_kstr(w, "entityType", sic && *sic ? "operating" : "other");
    jsonw_kstr(w, "sic", sic ? sic : "");
    jsonw_kstr(w, "sicDescription", sic_desc);
    jsonw_kstr(w, "ownerOrg", NULL);
    jsonw_knum(w, "insiderTransactionForOwnerExists", sqlite3_column_int(q, 17));
    jsonw_knum(w, "insiderTransactionForIssuerExists", sqlite3_column_int(q, 18));
    jsonw_kstr(w, "name", text(q, 0));
    tickers(st, w, cik);
    jsonw_kstr(w, "ein", text(q, 3));
    jsonw_kstr(w, "lei", NULL);
    jsonw_kstr(w, "description", "");
    jsonw_kstr(w, "website", NULL);
    jsonw_kstr(w, "investorWebsite", "");
    jsonw_kstr(w, "category", cat);
    jsonw_kstr(w, "fiscalYearEnd", text(q, 5));
    jsonw_kstr(w, "stateOfIncorporation", text(q, 4));
    jsonw_kstr(w, "stateOfIncorporationDescription", text(q, 4));
    jsonw_key(w, "addresses");
    jsonw_open(w, '{');
    jsonw_key(w, "mailing");
    address(w, q, 6);
    jsonw_key(w, "business");
    address(w, q, 11);
    jsonw_close(w, '}');
    jsonw_kstr(w, "phone", text(q, 16));
    jsonw_kstr(w, "flags", "");
    sqlite3_finalize(q);
    former_names(st, w, cik);
    jsonw_key(w, "filings");
    jsonw_open(w, '{');
    jsonw_key(w, "recent");
    s = write_columns(st, w, cik, recent, 0);
    if (s == EDGR_OK) s = files(st, w, cik, total, recent);
    jsonw_close(w, '}');
    jsonw_close(w, '}');
done:
    if (s == EDGR_OK) {
        if (jsonw_finish(w)) s = EDGR_ERR_ABORTED;
    }
    free(w);
    return s;
}

/* ---- /files/company_tickers.json ------------------------------------- */

edgr_status edgr_store_company_tickers(edgr_store *st, edgr_write_fn write, void *user)
{
    if (!st || !write) return EDGR_ERR_ARG;
    /* each company's symbols from its newest cover page that has any */
    static const char SQL[] =
        "WITH covers AS (SELECT r.cik, s.filing_id, f.filing_date FROM securities s "
        "  JOIN roles r ON r.filing_id = s.filing_id AND r.role <> 'reporting_owner' "
        "  JOIN filings f ON f.id = s.filing_id WHERE s.trading_symbol <> '' GROUP BY r.cik, s.filing_id), "
        "newest AS (SELECT cik, filing_id FROM (SELECT cik, filing_id, row_number() OVER "
        "  (PARTITION BY cik ORDER BY filing_date DESC, filing_id DESC) AS k FROM covers) WHERE k = 1) "
        "SELECT n.cik, s.trading_symbol, coalesce(e.conformed_name, '') FROM newest n "
        "JOIN securities s ON s.filing_id = n.filing_id AND s.trading_symbol <> '' "
        "LEFT JOIN entities e ON e.cik = n.cik ORDER BY n.cik, s.n";
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &q, NULL) != SQLITE_OK) return store_sql_error(st, "company tickers");
    jsonw *w = calloc(1, sizeof *w);
    if (!w) {
        sqlite3_finalize(q);
        return EDGR_ERR_NOMEM;
    }
    w->write = write, w->user = user;
    jsonw_open(w, '{');
    long k = 0;
    int rc;
    char prev[11] = "", seen[64][32];
    int nseen = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *cik = text(q, 0), *sym = text(q, 1);
        if (strcmp(prev, cik)) snprintf(prev, sizeof prev, "%s", cik), nseen = 0;
        int dup = 0; /* a symbol listed twice on one cover (two classes of one stock) once */
        for (int i = 0; i < nseen; i++) dup |= !strcmp(seen[i], sym);
        if (dup) continue;
        if (nseen < 64) snprintf(seen[nseen++], sizeof seen[0], "%.31s", sym);
        char key[24];
        snprintf(key, sizeof key, "%ld", k++);
        jsonw_key(w, key);
        jsonw_open(w, '{');
        jsonw_knum(w, "cik_str", strtoll(cik, NULL, 10));
        jsonw_kstr(w, "ticker", sym);
        jsonw_kstr(w, "title", text(q, 2));
        jsonw_close(w, '}');
    }
    jsonw_close(w, '}');
    edgr_status s = EDGR_OK;
    if (rc != SQLITE_DONE) s = store_sql_error(st, "company tickers");
    else {
        if (jsonw_finish(w)) s = EDGR_ERR_ABORTED;
    }
    sqlite3_finalize(q);
    free(w);
    return s;
}

/* ---- /Archives/edgar/data/{cik}/{acc18}/index.json ------------------- */

/* The SEC's icon of a file in a folder listing. */
static const char *icon(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot) return "text.gif";
    if (!strcmp(dot, ".zip") || !strcmp(dot, ".gz")) return "compressed.gif";
    if (!strcmp(dot, ".jpg") || !strcmp(dot, ".jpeg") || !strcmp(dot, ".gif") || !strcmp(dot, ".png")) return "image2.gif";
    return "text.gif";
}

edgr_status edgr_store_folder(edgr_store *st, const char *cik_in, const char *accession, edgr_write_fn write,
                              void *user)
{
    if (!st || !cik_in || !accession || !write) return EDGR_ERR_ARG;
    char cik[11], keybuf[EDGR_KEY_SIZE];
    if (store_cik(cik_in, cik)) {
        store_fail(st, "a CIK is a number of up to 10 digits, not '%.40s'", cik_in);
        return EDGR_ERR_ARG;
    }
    const char *acc = store_key(accession, keybuf);
    static const char SQL[] =
        "SELECT f.id, coalesce(replace(f.acceptance_datetime, 'T', ' '), f.filing_date || ' 00:00:00'), "
        "  f.source_length FROM filings f WHERE f.accession_number = ?1 "
        "AND EXISTS (SELECT 1 FROM roles r WHERE r.filing_id = f.id AND r.cik = ?2)";
    static const char DOCS[] = "SELECT filename, decoded_size FROM documents WHERE filing_id = ?1 "
                               "AND filename IS NOT NULL AND filename <> '' ORDER BY sequence";
    sqlite3_stmt *q, *d = NULL;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, DOCS, -1, &d, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return store_sql_error(st, "folder");
    }
    sqlite3_bind_text(q, 1, acc, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 2, cik, -1, SQLITE_TRANSIENT);
    edgr_status s = EDGR_OK;
    jsonw *w = NULL;
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE) {
            store_fail(st, "no filing %s of CIK %s in the store", acc, cik);
            s = EDGR_ERR_NOT_FOUND;
        } else
            s = store_sql_error(st, "folder");
        goto done;
    }
    if (!(w = calloc(1, sizeof *w))) {
        s = EDGR_ERR_NOMEM;
        goto done;
    }
    w->write = write, w->user = user;
    char modified[32], dir[96], parent[48], acc18[19], txt[32];
    snprintf(modified, sizeof modified, "%.19s", text(q, 1));
    size_t k = 0;
    for (const char *p = acc; *p && k < 18; p++)
        if (*p != '-') acc18[k++] = *p;
    acc18[k] = '\0';
    unsigned long long cik_num = strtoull(cik, NULL, 10);
    snprintf(parent, sizeof parent, "/Archives/edgar/data/%llu", cik_num);
    snprintf(dir, sizeof dir, "%s/%s", parent, acc18);
    snprintf(txt, sizeof txt, "%s.txt", acc);
    jsonw_open(w, '{');
    jsonw_key(w, "directory");
    jsonw_open(w, '{');
    jsonw_key(w, "item");
    jsonw_open(w, '[');
    /* the complete submission first (the SEC lists no size for it), then
     * each document with its decoded size */
    jsonw_elem(w);
    jsonw_open(w, '{');
    jsonw_kstr(w, "last-modified", modified);
    jsonw_kstr(w, "name", txt);
    jsonw_kstr(w, "type", "text.gif");
    jsonw_kstr(w, "size", "");
    jsonw_close(w, '}');
    sqlite3_bind_int64(d, 1, sqlite3_column_int64(q, 0));
    while ((rc = sqlite3_step(d)) == SQLITE_ROW) {
        char size[24] = "";
        if (sqlite3_column_type(d, 1) != SQLITE_NULL) snprintf(size, sizeof size, "%lld", sqlite3_column_int64(d, 1));
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_kstr(w, "last-modified", modified);
        jsonw_kstr(w, "name", text(d, 0));
        jsonw_kstr(w, "type", icon(text(d, 0)));
        jsonw_kstr(w, "size", size);
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
    jsonw_kstr(w, "name", dir);
    jsonw_kstr(w, "parent-dir", parent);
    jsonw_close(w, '}');
    jsonw_close(w, '}');
    if (rc != SQLITE_DONE) s = store_sql_error(st, "folder");
    else {
        if (jsonw_finish(w)) s = EDGR_ERR_ABORTED;
    }
done:
    sqlite3_finalize(q);
    sqlite3_finalize(d);
    free(w);
    return s;
}
