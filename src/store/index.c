/* EDGAR's index in the store (issue 13): the rows `edgr fetch index` reads
 * from EDGAR's index files, and what each file was when read (its
 * validators, for a revalidating GET).  See edgr/store.h. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"

/* A span bound as text, NULL when empty. */
static void bind_span(sqlite3_stmt *q, int i, edgr_span v)
{
    if (v.ptr && v.len) sqlite3_bind_text(q, i, v.ptr, (int)v.len, SQLITE_TRANSIENT);
    else sqlite3_bind_null(q, i);
}

static int all_digits(edgr_span v)
{
    if (!v.ptr || !v.len) return 0;
    for (size_t i = 0; i < v.len; i++)
        if (v.ptr[i] < '0' || v.ptr[i] > '9') return 0;
    return 1;
}

/* YYYY-MM-DD or YYYYMMDD as YYYY-MM-DD in out[11]; 0 when it is neither. */
static int iso_date(edgr_span v, char out[11])
{
    const char *p = v.ptr;
    if (v.len == 10 && p[4] == '-' && p[7] == '-') {
        memcpy(out, p, 10);
    } else if (v.len == 8) {
        memcpy(out, p, 4), out[4] = '-', memcpy(out + 5, p + 4, 2), out[7] = '-', memcpy(out + 8, p + 6, 2);
    } else {
        return 0;
    }
    out[10] = 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (out[i] < '0' || out[i] > '9')) return 0;
    int m = (out[5] - '0') * 10 + (out[6] - '0'), d = (out[8] - '0') * 10 + (out[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

edgr_status edgr_store_index_put(edgr_store *st, const edgr_index_entry *e)
{
    if (!st || !e || e->struct_size < sizeof *e || st->readonly) return EDGR_ERR_ARG;
    if (!all_digits(e->cik) || e->cik.len > 10 || !e->type.ptr || !e->type.len || !e->path.ptr || !e->path.len)
        return EDGR_ERR_ARG;
    char cik[11], date[11];
    memset(cik, '0', 10);
    memcpy(cik + 10 - e->cik.len, e->cik.ptr, e->cik.len);
    cik[10] = 0;
    int dated = e->filing_date.len > 0;
    if (dated && !iso_date(e->filing_date, date)) return EDGR_ERR_ARG;
    sqlite3_stmt *q = store_stmt(st, S_INDEX_PUT);
    if (!q) return EDGR_ERR_STORE;
    sqlite3_bind_text(q, 1, cik, 10, SQLITE_STATIC);
    bind_span(q, 2, e->conformed_name);
    bind_span(q, 3, e->type);
    if (dated) sqlite3_bind_text(q, 4, date, 10, SQLITE_STATIC);
    bind_span(q, 5, e->path);
    bind_span(q, 6, e->accession_number);
    if (sqlite3_step(q) != SQLITE_DONE) return store_sql_error(st, "index row");
    return EDGR_OK;
}

edgr_status edgr_store_index_file_put(edgr_store *st, const edgr_index_file *f)
{
    if (!st || !f || f->struct_size < sizeof *f || !f->url || !*f->url || st->readonly) return EDGR_ERR_ARG;
    sqlite3_stmt *q = store_stmt(st, S_INDEX_FILE_PUT);
    if (!q) return EDGR_ERR_STORE;
    sqlite3_bind_text(q, 1, f->url, -1, SQLITE_STATIC);
    if (f->etag) sqlite3_bind_text(q, 2, f->etag, -1, SQLITE_STATIC);
    if (f->last_modified) sqlite3_bind_text(q, 3, f->last_modified, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)f->bytes);
    if (f->sha256) sqlite3_bind_text(q, 5, f->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 6, (sqlite3_int64)f->rows);
    if (f->fetched_at) sqlite3_bind_text(q, 7, f->fetched_at, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE) return store_sql_error(st, "index file");
    return EDGR_OK;
}

/* The strings of the last edgr_store_index_file_get, kept in st. */
static const char *keep(edgr_store *st, int slot, sqlite3_stmt *q, int col)
{
    const char *v = (const char *)sqlite3_column_text(q, col);
    if (!v) return NULL;
    snprintf(st->idx_str[slot], sizeof st->idx_str[slot], "%s", v);
    return st->idx_str[slot];
}

edgr_status edgr_store_index_file_get(edgr_store *st, const char *url, edgr_index_file *out)
{
    if (!st || !url || !out || out->struct_size < sizeof *out) return EDGR_ERR_ARG;
    sqlite3_stmt *q = store_stmt(st, S_INDEX_FILE_GET);
    if (!q) return EDGR_ERR_STORE;
    sqlite3_bind_text(q, 1, url, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE) return EDGR_ERR_NOT_FOUND;
    if (rc != SQLITE_ROW) return store_sql_error(st, "index file");
    out->url = url;
    out->etag = keep(st, 0, q, 0);
    out->last_modified = keep(st, 1, q, 1);
    out->bytes = (uint64_t)sqlite3_column_int64(q, 2);
    out->sha256 = keep(st, 2, q, 3);
    out->rows = (uint64_t)sqlite3_column_int64(q, 4);
    out->fetched_at = keep(st, 3, q, 5);
    sqlite3_reset(q);
    return EDGR_OK;
}
