/*
 * Reading one filing (edgr_store_show) and one company (edgr_store_company)
 * back out of the store as JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/facts.h"
#include "jsonw.h"
#include "store_int.h"

static const char *col(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }

/* A column as a JSON value: NULL -> null, integers as numbers, text as
 * strings. */
static void value(jsonw *w, sqlite3_stmt *q, int i)
{
    switch (sqlite3_column_type(q, i)) {
    case SQLITE_NULL: jsonw_put(w, "null", 4); break;
    case SQLITE_INTEGER: jsonw_num(w, sqlite3_column_int64(q, i)); break;
    default: jsonw_str(w, col(q, i), (size_t)sqlite3_column_bytes(q, i));
    }
}

/* A column holding a JSON array (filings.items): written as it is; NULL
 * (or not an array) as []. */
static void json_array(jsonw *w, const char *name, const char *json)
{
    jsonw_key(w, name);
    if (json && json[0] == '[') jsonw_put(w, json, strlen(json));
    else jsonw_put(w, "[]", 2);
}

/* Every row of `sql` (bound to one integer or text key) as an object whose
 * member names are the column names. */
static int rows(edgr_store *st, jsonw *w, const char *name, const char *sql, sqlite3_int64 id,
                const char *text_key)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) return store_sql_error(st, name), -1;
    if (text_key) sqlite3_bind_text(q, 1, text_key, -1, SQLITE_STATIC);
    else sqlite3_bind_int64(q, 1, id);
    if (name) jsonw_key(w, name);
    jsonw_open(w, '[');
    while (sqlite3_step(q) == SQLITE_ROW) {
        jsonw_elem(w);
        jsonw_open(w, '{');
        for (int i = 0; i < sqlite3_column_count(q); i++) {
            const char *k = sqlite3_column_name(q, i);
            if (!strcmp(k, "items")) { /* a JSON array column */
                json_array(w, k, col(q, i));
                continue;
            }
            jsonw_key(w, k);
            value(w, q, i);
        }
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
    if (sqlite3_finalize(q) != SQLITE_OK) return store_sql_error(st, name), -1;
    return 0;
}

/* Column 0 of every row of `sql` (bound to the filing's id), JSON text
 * written as it is, as an array under `name`; nothing when no row. */
static int json_rows(edgr_store *st, jsonw *w, const char *name, const char *sql, sqlite3_int64 id)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) return store_sql_error(st, name), -1;
    sqlite3_bind_int64(q, 1, id);
    int n = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *j = col(q, 0);
        if (!j || !*j) continue;
        if (!n++) {
            jsonw_key(w, name);
            jsonw_open(w, '[');
        }
        jsonw_elem(w);
        jsonw_put(w, j, strlen(j));
    }
    if (n) jsonw_close(w, ']');
    return sqlite3_finalize(q) == SQLITE_OK ? 0 : (store_sql_error(st, name), -1);
}

/* The members of the first row of `sql`, written into the open object. */
static int members(edgr_store *st, jsonw *w, const char *sql, sqlite3_int64 id)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) return store_sql_error(st, "read"), -1;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count(q); i++) {
            jsonw_key(w, sqlite3_column_name(q, i));
            value(w, q, i);
        }
    return sqlite3_finalize(q) == SQLITE_OK ? 0 : -1;
}

static edgr_status finish(jsonw *w, int bad)
{
    jsonw_flush(w);
    if (w->failed) return EDGR_ERR_ABORTED;
    return bad ? EDGR_ERR_STORE : EDGR_OK; /* the message was recorded where it failed */
}

/* ---- one filing --------------------------------------------------------- */

static int sections(edgr_store *st, jsonw *w, sqlite3_int64 id, int with_text)
{
    sqlite3_stmt *q, *t = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT document, item, part, title, combined, src_start + coalesce((SELECT source_offset FROM filings WHERE id=?1), 0), "
                           "src_end + coalesce((SELECT source_offset FROM filings WHERE id=?1), 0) FROM sections "
                           "WHERE filing_id=?1 ORDER BY n",
                           -1, &q, NULL) != SQLITE_OK)
        return -1;
    if (with_text &&
        sqlite3_prepare_v2(st->db,
                           "SELECT text FROM text_rows WHERE filing_id=?1 AND document=?2 AND "
                           "(item=?3 OR instr(','||item||',', ','||?3||',')>0) AND "
                           "coalesce(part,'')=coalesce(?4,'') ORDER BY id",
                           -1, &t, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return -1;
    }
    sqlite3_bind_int64(q, 1, id);
    jsonw_key(w, "sections");
    jsonw_open(w, '[');
    while (sqlite3_step(q) == SQLITE_ROW) {
        jsonw_elem(w);
        jsonw_open(w, '{');
        static const char *const NAMES[] = {"document", "item", "part", "title", "combined", "start", "end"};
        for (int i = 0; i < 7; i++) {
            jsonw_key(w, NAMES[i]);
            if (i == 4) jsonw_put(w, sqlite3_column_int(q, i) ? "true" : "false", sqlite3_column_int(q, i) ? 4 : 5);
            else value(w, q, i);
        }
        if (t) {
            sqlite3_reset(t);
            sqlite3_bind_int64(t, 1, id);
            sqlite3_bind_value(t, 2, sqlite3_column_value(q, 0));
            sqlite3_bind_value(t, 3, sqlite3_column_value(q, 1));
            sqlite3_bind_value(t, 4, sqlite3_column_value(q, 2));
            jsonw_key(w, "text");
            sqlite3_str *joined = sqlite3_str_new(st->db);
            int first = 1;
            while (sqlite3_step(t) == SQLITE_ROW) {
                const char *s = col(t, 0);
                size_t n = (size_t)sqlite3_column_bytes(t, 0);
                if (first && n) { /* the first row opens with the heading line */
                    const char *nl = memchr(s, '\n', n);
                    if (nl && nl + 1 < s + n && nl[1] == '\n') { n -= (size_t)(nl + 2 - s); s = nl + 2; }
                }
                first = 0;
                sqlite3_str_append(joined, s, (int)n);
            }
            int len = sqlite3_str_length(joined);
            char *text = sqlite3_str_finish(joined);
            jsonw_str(w, text ? text : "", text ? (size_t)len : 0);
            sqlite3_free(text);
        }
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
    sqlite3_finalize(t);
    return sqlite3_finalize(q) == SQLITE_OK ? 0 : -1;
}

/* Cover facts as "name": {"value", "source", "offset"}, boxes as booleans.
 * Offsets in show's output are from the start of the input (file or
 * archive member), as every other command gives them; the store keeps them
 * from the start of the submission (schema.sql.h). */
static int cover(edgr_store *st, jsonw *w, sqlite3_int64 id)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT name, value, source, offset + coalesce((SELECT source_offset FROM filings WHERE id=?1), 0) FROM cover_facts "
                           "WHERE filing_id=?1 AND name=?2",
                           -1, &q, NULL) != SQLITE_OK)
        return store_sql_error(st, "cover"), -1;
    sqlite3_bind_int64(q, 1, id);
    jsonw_key(w, "cover");
    jsonw_open(w, '{');
    /* every key facts writes, in its order: null when the fact was not found */
    const char *k;
    for (size_t i = 0; (k = edgr_cover_key(i)); i++) {
        sqlite3_reset(q);
        sqlite3_bind_text(q, 2, k, -1, SQLITE_STATIC);
        jsonw_key(w, k);
        int step = sqlite3_step(q);
        if (step != SQLITE_ROW) {
            if (step != SQLITE_DONE) break;
            jsonw_put(w, "null", 4);
            continue;
        }
        const char *v = col(q, 1);
        jsonw_open(w, '{');
        jsonw_key(w, "value");
        if (v && (!strcmp(v, "true") || !strcmp(v, "false"))) jsonw_put(w, v, strlen(v));
        else value(w, q, 1);
        jsonw_key(w, "source");
        value(w, q, 2);
        jsonw_key(w, "offset");
        value(w, q, 3);
        jsonw_close(w, '}');
    }
    if (sqlite3_finalize(q) != SQLITE_OK) return store_sql_error(st, "cover"), -1;
    if (rows(st, w, "securities_12b",
             "SELECT title, trading_symbol, exchange FROM securities WHERE filing_id=?1 ORDER BY n", id, NULL))
        return -1;
    jsonw_close(w, '}');
    return 0;
}

edgr_status edgr_store_show(edgr_store *st, const char *accession, int with_text, unsigned json_flags,
                            edgr_write_fn write, void *user)
{
    if (!st || !accession || !write) return EDGR_ERR_ARG;
    char key[EDGR_KEY_SIZE];
    accession = store_key(accession, key); /* dashless, SHA256: */
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, accession_number, type, filing_date, period, acceptance_datetime, "
                           "date_of_filing_date_change, CASE WHEN json_valid(items) THEN items END, "
                           "header, source_path, source_member, source_offset, source_length, header_only "
                           "FROM filings WHERE accession_number=?1",
                           -1, &q, NULL) != SQLITE_OK)
        return store_sql_error(st, "show");
    sqlite3_bind_text(q, 1, accession, -1, SQLITE_STATIC);
    int step = sqlite3_step(q);
    if (step != SQLITE_ROW) {
        edgr_status rc = step == SQLITE_DONE ? EDGR_ERR_NOT_FOUND : store_sql_error(st, "show");
        sqlite3_finalize(q);
        if (rc == EDGR_ERR_NOT_FOUND) store_fail(st, "%s: no such filing in the store", accession);
        return rc;
    }
    jsonw w = {.write = write, .user = user, .pretty = (json_flags & EDGR_JSON_PRETTY) != 0, .first = 1};
    sqlite3_int64 id = sqlite3_column_int64(q, 0);
    jsonw_open(&w, '{');
    static const char *const TOP[] = {"accession_number", "type", "filing_date", "period",
                                      "acceptance_datetime", "date_of_filing_date_change"};
    for (int i = 0; i < 6; i++) {
        jsonw_key(&w, TOP[i]);
        value(&w, q, i + 1);
    }
    json_array(&w, "items", col(q, 7));
    jsonw_key(&w, "header_only");
    jsonw_put(&w, sqlite3_column_int(q, 13) ? "true" : "false", sqlite3_column_int(q, 13) ? 4 : 5);
    jsonw_key(&w, "source");
    jsonw_open(&w, '{');
    static const char *const SRC[] = {"path", "member", "offset", "length"};
    for (int i = 0; i < 4; i++) {
        jsonw_key(&w, SRC[i]);
        value(&w, q, 9 + i);
    }
    jsonw_key(&w, "container"); /* not kept by the store */
    jsonw_put(&w, "null", 4);
    jsonw_close(&w, '}');
    int bad = 0;
    bad |= rows(st, &w, "entities",
                "SELECT role, cik, conformed_name, form_type, act, file_number, film_number "
                "FROM roles WHERE filing_id=?1 ORDER BY n", id, NULL);
    bad |= rows(st, &w, "documents",
                "SELECT sequence, type, filename, description, format, decoded_size, sha256, "
                "offset + coalesce((SELECT source_offset FROM filings WHERE id=?1), 0) AS offset, length FROM documents "
                "WHERE filing_id=?1 ORDER BY sequence", id, NULL);
    bad |= sections(st, &w, id, with_text);
    bad |= rows(st, &w, "exhibit_index",
                "SELECT e.number, e.title, e.document, e.doc_type, d.filename, e.doc_description "
                "FROM exhibits e LEFT JOIN documents d ON d.filing_id=e.filing_id AND d.sequence=e.document "
                "WHERE e.filing_id=?1 ORDER BY e.n", id, NULL);
    bad |= cover(st, &w, id);
    jsonw_key(&w, "signatures");
    jsonw_open(&w, '{');
    bad |= members(st, &w,
                   "SELECT (SELECT value FROM cover_facts WHERE filing_id=?1 AND name='signature_registrant') "
                   "AS registrant, (SELECT value FROM cover_facts WHERE filing_id=?1 AND "
                   "name='signature_date') AS date, (SELECT value FROM cover_facts WHERE filing_id=?1 AND "
                   "name='signature_date_text') AS date_text", id);
    bad |= rows(st, &w, "signers",
                "SELECT name, title, date, date_text FROM signatures WHERE filing_id=?1 ORDER BY n", id, NULL);
    jsonw_close(&w, '}');
    /* Forms 3/4/5 and 13F (issue 15): each document as edgr ownership
     * --filings / edgr holdings --filings print it, and its rows */
    bad |= json_rows(st, &w, "ownership_documents",
                     "SELECT doc_json FROM ownership_docs WHERE filing_id=?1 AND kind='ownership' ORDER BY n", id);
    bad |= json_rows(st, &w, "insider_rows", "SELECT row_json FROM insider_rows WHERE filing_id=?1 ORDER BY n", id);
    bad |= json_rows(st, &w, "13f", "SELECT doc_json FROM ownership_docs WHERE filing_id=?1 AND kind='13f' ORDER BY n", id);
    bad |= json_rows(st, &w, "holdings", "SELECT row_json FROM holdings WHERE filing_id=?1 ORDER BY n", id);
    jsonw_key(&w, "header");
    const char *h = col(q, 8);
    if (h && *h) jsonw_put(&w, h, strlen(h));
    else jsonw_put(&w, "null", 4);
    jsonw_close(&w, '}');
    sqlite3_finalize(q);
    return finish(&w, bad);
}

/* ---- one company -------------------------------------------------------- */

/* An address with the header's keys (business_address, mail_address). */
static void address(jsonw *w, sqlite3_stmt *q, const char *name, int first_col, int with_phone)
{
    static const char *const NAMES[] = {"street1", "street2", "city", "state", "zip", "phone"};
    jsonw_key(w, name);
    jsonw_open(w, '{');
    for (int i = 0; i < 5 + with_phone; i++) {
        jsonw_key(w, NAMES[i]);
        value(w, q, first_col + i);
    }
    jsonw_close(w, '}');
}

static int company(edgr_store *st, jsonw *w, const char *cik)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT * FROM entities WHERE cik=?1", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(q, 1, cik, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_ROW) return sqlite3_finalize(q), 1;
    jsonw_open(w, '{');
    /* entities: cik conformed_name assigned_sic sic_description irs_number
     * state fye, business (7..12), mail (13..17), facts_as_of; the keys are
     * the header's (company_data), docs/fields.md */
    static const char *const TOP[] = {"cik", "conformed_name", "assigned_sic", "sic_description",
                                      "irs_number", "state_of_incorporation", "fiscal_year_end"};
    for (int i = 0; i < 7; i++) {
        jsonw_key(w, TOP[i]);
        value(w, q, i);
    }
    address(w, q, "business_address", 7, 1);
    address(w, q, "mail_address", 13, 0);
    jsonw_key(w, "facts_as_of");
    value(w, q, 18);
    sqlite3_finalize(q);
    int bad = rows(st, w, "former_company",
                   "SELECT former_conformed_name, nullif(date_changed,'') AS date_changed FROM former_names "
                   "WHERE cik=?1 ORDER BY date_changed DESC",
                   0, cik);
    bad |= rows(st, w, "filings",
                "SELECT f.accession_number, f.type, f.filing_date, f.period, f.acceptance_datetime, "
                "CASE WHEN json_valid(f.items) THEN f.items END AS items, "
                "r.role, r.act, r.file_number, r.film_number, f.source_length AS size, "
                "p.sequence AS document, p.filename, p.description AS doc_description "
                "FROM (SELECT filing_id, min(n) AS n FROM roles WHERE cik=?1 GROUP BY filing_id) x "
                "JOIN roles r ON r.filing_id=x.filing_id AND r.n=x.n JOIN filings f ON f.id=x.filing_id "
                /* the primary document: the one of the form's type, else the first */
                "LEFT JOIN documents p ON p.filing_id=f.id AND p.sequence=coalesce((SELECT min(sequence) FROM "
                "documents d WHERE d.filing_id=f.id AND d.type=f.type), (SELECT min(sequence) FROM "
                "documents d WHERE d.filing_id=f.id)) "
                "ORDER BY f.filing_date DESC, f.accession_number DESC",
                0, cik);
    jsonw_close(w, '}');
    return bad ? -1 : 0;
}

edgr_status edgr_store_company(edgr_store *st, const char *who, long limit, unsigned json_flags,
                               edgr_write_fn write, void *user)
{
    if (!st || !who || !write) return EDGR_ERR_ARG;
    char cik[11];
    char *ciks = NULL;
    int n;
    if (store_cik(who, cik) == 0) {
        n = 1;
        if (!(ciks = malloc(16))) return EDGR_ERR_NOMEM;
        snprintf(ciks, 16, "[\"%s\"]", cik);
    } else if ((n = store_names_lookup(st, who, limit > 0 ? limit : 20, &ciks)) < 0) {
        return EDGR_ERR_STORE;
    }
    jsonw w = {.write = write, .user = user, .pretty = (json_flags & EDGR_JSON_PRETTY) != 0, .first = 1};
    int found = 0, bad = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM json_each(?1)", -1, &q, NULL) != SQLITE_OK) {
        free(ciks);
        return store_sql_error(st, "company");
    }
    sqlite3_bind_text(q, 1, ciks, -1, SQLITE_STATIC);
    while (!bad && sqlite3_step(q) == SQLITE_ROW) {
        int r = company(st, &w, col(q, 0));
        if (r < 0) bad = 1;
        if (r == 0) {
            found++;
            jsonw_put(&w, "\n", 1);
            w.first = 1;
        }
    }
    sqlite3_finalize(q);
    free(ciks);
    if (!found && !bad) {
        store_fail(st, "no company matches '%s' in the store", who);
        return EDGR_ERR_NOT_FOUND;
    }
    return finish(&w, bad);
}
