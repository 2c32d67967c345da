/*
 * The stored text of one item or one document of a filing (issue 16: the
 * search page's preview, /v1/filings/{accession}/items/{code}), with every
 * match of a query marked by FTS5's highlight(): the rows of the section
 * in order, each the text the index holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/jsonw.h"
#include "store_int.h"

/* ?1 accession, ?2 document (or NULL), ?3 item (or NULL: "II-1A" is part
 * II's 1A), ?4 the query (or NULL), ?5/?6 the marks. */
static const char SQL[] =
    "SELECT r.document, r.doc_type, r.item, r.part, "
    "  CASE WHEN ?4 IS NULL THEN r.text ELSE coalesce((SELECT highlight(text_fts, 0, ?5, ?6) FROM text_fts "
    "    WHERE text_fts MATCH ?4 AND rowid = r.id), r.text) END "
    "FROM text_rows r JOIN filings f ON f.id = r.filing_id WHERE f.accession_number = ?1 "
    "AND (?2 IS NULL OR r.document = ?2) "
    "AND (?3 IS NULL OR r.item = upper(?3) OR r.part || '-' || r.item = upper(?3) "
    "     OR instr(',' || r.item || ',', ',' || upper(?3) || ',') > 0) "
    "ORDER BY r.id";

edgr_status edgr_store_section_text(edgr_store *st, const edgr_section_query *q, edgr_write_fn write, void *user)
{
    if (!st || !q || q->struct_size < sizeof *q || !q->accession || !write || (q->document < 0)) return EDGR_ERR_ARG;
    char keybuf[EDGR_KEY_SIZE];
    const char *acc = store_key(q->accession, keybuf);
    char *match = NULL;
    if (q->match && *q->match) {
        char bad = 0;
        match = store_query_normalise(q->match, &bad);
        if (!match) {
            store_fail(st, bad ? "cannot read the query '%s'" : "out of memory", q->match);
            return bad ? EDGR_ERR_QUERY : EDGR_ERR_NOMEM;
        }
    }
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, SQL, -1, &s, NULL) != SQLITE_OK) {
        free(match);
        return store_sql_error(st, "section text");
    }
    sqlite3_bind_text(s, 1, acc, -1, SQLITE_TRANSIENT);
    if (q->document) sqlite3_bind_int64(s, 2, q->document);
    if (q->item && *q->item) sqlite3_bind_text(s, 3, q->item, -1, SQLITE_TRANSIENT);
    if (match) sqlite3_bind_text(s, 4, match, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, q->mark_open ? q->mark_open : "<mark>", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, q->mark_close ? q->mark_close : "</mark>", -1, SQLITE_STATIC);
    jsonw *w = calloc(1, sizeof *w);
    edgr_status rc = EDGR_OK;
    if (!w) {
        rc = EDGR_ERR_NOMEM;
        goto done;
    }
    w->write = write, w->user = user;
    long rows = 0;
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(s, 4);
        size_t n = (size_t)sqlite3_column_bytes(s, 4);
        if (q->plain) { /* the text alone, its rows a blank line apart */
            if (rows++) jsonw_put(w, "\n\n", 2);
            jsonw_put(w, text ? text : "", text ? n : 0);
            continue;
        }
        if (!rows++) {
            jsonw_open(w, '{');
            jsonw_kstr(w, "accession_number", acc);
            jsonw_knum(w, "document", sqlite3_column_int64(s, 0));
            jsonw_kstr(w, "doc_type", (const char *)sqlite3_column_text(s, 1));
            jsonw_kstr(w, "item", q->item && *q->item ? (const char *)sqlite3_column_text(s, 2) : NULL);
            jsonw_kstr(w, "part", q->item && *q->item ? (const char *)sqlite3_column_text(s, 3) : NULL);
            jsonw_key(w, "text");
            jsonw_put(w, "[", 1);
        } else
            jsonw_put(w, ",", 1);
        jsonw_str(w, text ? text : "", text ? n : 0);
    }
    if (r != SQLITE_DONE) {
        rc = r == SQLITE_ERROR && match ? EDGR_ERR_QUERY : EDGR_ERR_STORE;
        store_fail(st, "section text: %s", sqlite3_errmsg(st->db));
    } else if (!rows) {
        store_fail(st, "no stored text of %s%s%s%s", acc, q->item && *q->item ? " item " : "",
                   q->item && *q->item ? q->item : "", q->document ? " in that document" : "");
        rc = EDGR_ERR_NOT_FOUND;
    } else {
        if (!q->plain) jsonw_put(w, "]}", 2);
        if (jsonw_finish(w)) rc = EDGR_ERR_ABORTED;
    }
done:
    sqlite3_finalize(s);
    free(w);
    free(match);
    return rc;
}

/* ?1 accession, ?2 item (as the text's filter), ?3 document (or NULL). */
static const char SPAN_SQL[] =
    "SELECT s.document, s.src_start, s.src_end, d.format, s.item, s.part FROM sections s "
    "JOIN filings f ON f.id = s.filing_id LEFT JOIN documents d ON d.filing_id = s.filing_id AND d.sequence = s.document "
    "WHERE f.accession_number = ?1 AND (?3 IS NULL OR s.document = ?3) "
    "AND (s.item = upper(?2) OR s.part || '-' || s.item = upper(?2) OR instr(',' || s.item || ',', ',' || upper(?2) || ',') > 0) "
    "ORDER BY s.n LIMIT 1";

edgr_status edgr_store_section_span(edgr_store *st, const char *accession, const char *item, long document,
                                    edgr_section_span *out)
{
    if (!st || !accession || !item || !out || out->struct_size < sizeof *out) return EDGR_ERR_ARG;
    char keybuf[EDGR_KEY_SIZE];
    const char *acc = store_key(accession, keybuf);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, SPAN_SQL, -1, &s, NULL) != SQLITE_OK) return store_sql_error(st, "section");
    sqlite3_bind_text(s, 1, acc, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, item, -1, SQLITE_TRANSIENT);
    if (document > 0) sqlite3_bind_int64(s, 3, document);
    int rc = sqlite3_step(s);
    edgr_status r = EDGR_OK;
    if (rc == SQLITE_ROW) {
        out->document = sqlite3_column_int64(s, 0);
        out->start = sqlite3_column_int64(s, 1);
        out->end = sqlite3_column_int64(s, 2);
        const char *f = (const char *)sqlite3_column_text(s, 3);
        out->html = f && !strcmp(f, "html");
    } else if (rc == SQLITE_DONE) {
        store_fail(st, "no item %s in %s", item, acc);
        r = EDGR_ERR_NOT_FOUND;
    } else
        r = store_sql_error(st, "section");
    sqlite3_finalize(s);
    return r;
}
