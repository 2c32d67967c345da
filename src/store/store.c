/*
 * The store: opening (schema and migrations), and writing records.
 *
 * One connection writes; WAL lets readers go on meanwhile.  Every statement
 * is prepared once per connection and bound, never built from input.
 */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "edgr/xbrl.h"
#include "record.h"
#include "schema.sql.h"
#include "store_int.h"

/* PRAGMA application_id: "edgr", so we never write into someone else's db. */
enum { APPLICATION_ID = 0x65646772 };

/* Migrations: MIGRATIONS[v] takes a store from version v to v + 1.  Version 0
 * is an empty file. */
static const char *const MIGRATIONS[EDGR_STORE_SCHEMA] = {SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6};

void store_fail(edgr_store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, sizeof st->err, fmt, ap);
    va_end(ap);
}

edgr_status store_sql_error(edgr_store *st, const char *what)
{
    store_fail(st, "%s: %s", what, sqlite3_errmsg(st->db));
    return EDGR_ERR_STORE;
}

const char *edgr_store_error(const edgr_store *st)
{
    return st && st->err[0] ? st->err : "no error";
}

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return -1;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? 0 : -1;
}

static int exec(edgr_store *st, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        store_fail(st, "%s", msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Bring the schema to EDGR_STORE_SCHEMA, in one transaction. */
static int migrate(edgr_store *st, int version)
{
    if (exec(st, "BEGIN IMMEDIATE")) return -1;
    /* someone may have migrated between our check and the lock */
    if (pragma_int(st->db, "PRAGMA user_version", &version)) goto fail;
    for (int v = version; v < EDGR_STORE_SCHEMA; v++)
        if (exec(st, MIGRATIONS[v])) goto fail;
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d", EDGR_STORE_SCHEMA,
             APPLICATION_ID);
    if (exec(st, sql) || exec(st, "COMMIT")) goto fail;
    return 0;
fail:
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* Why a store could not be opened, for the caller's buffer (there is no
 * store yet to hold st->err).  errlen 0: the caller does not want it. */
typedef struct open_err {
    char *buf;
    size_t len;
} open_err;

static void __attribute__((format(printf, 2, 3))) open_fail(const open_err *e, const char *fmt, ...)
{
    if (!e->len) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->buf, e->len, fmt, ap);
    va_end(ap);
}

/* The connection: busy waits rather than failing at once while another
 * process writes, extended codes (a full disk is told apart), and the
 * ranking function every search uses. */
/* "file:PATH?immutable=1", PATH escaped as a URI ('%', '?', '#'); NULL
 * when out of memory. */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *u = malloc(n * 3 + 32);
    if (!u) return NULL;
    size_t k = 0;
    k += (size_t)sprintf(u, "file:");
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#') k += (size_t)sprintf(u + k, "%%%02X", (unsigned char)*p);
        else u[k++] = *p;
    }
    strcpy(u + k, "?immutable=1");
    return u;
}

static int open_db(edgr_store *st, const char *path, const open_err *e, int immutable)
{
    /* a FIFO would block the open forever, a directory or a device give
     * "disk I/O error": only a regular file (or none yet) is a store */
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        open_fail(e, "%s: not a regular file (%s): a store is a file", path,
                  S_ISFIFO(sb.st_mode)  ? "a FIFO"
                  : S_ISDIR(sb.st_mode) ? "a directory"
                  : S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "a device"
                  : S_ISSOCK(sb.st_mode) ? "a socket"
                                          : "not a file");
        return -1;
    }
    int oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    char *uri = immutable ? immutable_uri(path) : NULL;
    if (immutable && !uri) {
        open_fail(e, "out of memory");
        return -1;
    }
    int orc = sqlite3_open_v2(uri ? uri : path, &st->db, oflags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0),
                              NULL);
    free(uri);
    if (orc != SQLITE_OK) {
        open_fail(e, "%s: cannot open the store: %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        return -1;
    }
    sqlite3_busy_timeout(st->db, 10000);
    sqlite3_extended_result_codes(st->db, 1);
    if (store_rank_register(st->db)) {
        open_fail(e, "%s: this SQLite has no FTS5", path);
        return -1;
    }
    return 0;
}

/* Is this an edgr store this edgr can read?  An empty database is (it
 * becomes one); another application's database, or a newer schema, is not:
 * refused before anything is written to it. */
static int check_store(edgr_store *st, const char *path, int *version, int *tables, const open_err *e)
{
    int app = 0;
    if (pragma_int(st->db, "PRAGMA user_version", version) ||
        pragma_int(st->db, "PRAGMA application_id", &app) ||
        pragma_int(st->db, "SELECT count(*) FROM sqlite_schema", tables)) {
        open_fail(e, "%s: not an edgr store (%s)", path, sqlite3_errmsg(st->db));
        return -1;
    }
    if (*tables > 0 && app != APPLICATION_ID) {
        open_fail(e, "%s: not an edgr store (a database of something else)", path);
        return -1;
    }
    if (*version > EDGR_STORE_SCHEMA) {
        open_fail(e, "%s: made by a newer edgr (schema %d; this one reads up to %d)", path, *version,
                  EDGR_STORE_SCHEMA);
        return -1;
    }
    return 0;
}

/* A reader needs a store at the current schema (it may not migrate one),
 * and is tuned for searching. */
static int setup_reader(edgr_store *st, const char *path, int version, int tables, const open_err *e)
{
    if (tables == 0) {
        open_fail(e, "%s: no store here", path);
        return -1;
    }
    if (version < EDGR_STORE_SCHEMA) {
        open_fail(e, "%s: an older store (schema %d): opening it for writing once upgrades it", path, version);
        return -1;
    }
    /* belt and braces: a read-only handle, and no statement may write */
    exec(st, "PRAGMA query_only=1");
    /* a filtered search reads the filing of every matching row: pages
     * mapped in memory cost less than a read() call each (a filter
     * that keeps none of 44,215 matches: 158 ms before, 24-52 after) */
    exec(st, "PRAGMA mmap_size=4294967296");
    exec(st, "PRAGMA cache_size=-65536");
    return 0;
}

/* A writer: journal and cache for batches, the tokenizer the index is
 * built with, and the schema created or migrated to the current one. */
static int setup_writer(edgr_store *st, const char *path, int version, const open_err *e)
{
    /* WAL: readers go on while a batch is written, and a crash loses at
     * most the batch in flight.  NORMAL sync is durable across a process
     * crash (kill -9); only power loss can undo the last commits. */
    /* A writer's cache of 64 MB holds the index pages a batch touches, and
     * checkpoints every 64 MB of WAL instead of 4 MB coalesce the pages
     * written again and again (FTS5 segments, b-tree interiors). */
    if (exec(st, "PRAGMA journal_mode=WAL") || exec(st, "PRAGMA synchronous=NORMAL") ||
        exec(st, "PRAGMA foreign_keys=OFF") || exec(st, "PRAGMA cache_size=-65536") ||
        exec(st, "PRAGMA wal_autocheckpoint=16384")) {
        open_fail(e, "%s: %s", path, st->err);
        return -1;
    }
    if (pretok_register(st->db, &st->slot)) {
        open_fail(e, "%s: this SQLite has no porter tokenizer", path);
        return -1;
    }
    if (version < EDGR_STORE_SCHEMA && migrate(st, version)) {
        open_fail(e, "%s: cannot create the schema: %s", path, st->err);
        return -1;
    }
    return 0;
}

edgr_store *edgr_store_open(const char *path, unsigned flags, char *err, size_t errlen)
{
    const open_err e = {err, errlen};
    edgr_store *st = calloc(1, sizeof *st);
    if (!st) {
        open_fail(&e, "out of memory");
        return NULL;
    }
    st->readonly = (flags & EDGR_STORE_READONLY) != 0;
    int version = 0, tables = 0;
    int bad = open_db(st, path, &e, 0) || check_store(st, path, &version, &tables, &e);
    if (bad && st->readonly && st->db) {
        /* a WAL store in a folder (or on a file system) this user cannot
         * write: no -shm can be made, so SQLite cannot read it.  Read it
         * as immutable instead: no locks and no -shm.  (A -wal that a user
         * who can write left behind is not read, and a writer of that
         * user working meanwhile is not seen: a snapshot of the file.) */
        int code = sqlite3_extended_errcode(st->db) & 0xff;
        if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN) {
            sqlite3_close(st->db);
            st->db = NULL;
            bad = open_db(st, path, &e, 1) || check_store(st, path, &version, &tables, &e);
        }
    }
    if (bad ||
        (st->readonly ? setup_reader(st, path, version, tables, &e) : setup_writer(st, path, version, &e))) {
        edgr_store_close(st);
        return NULL;
    }
    return st;
}

void edgr_store_close(edgr_store *st)
{
    if (!st) return;
    for (size_t i = 0; i < sizeof st->stmt / sizeof st->stmt[0]; i++) sqlite3_finalize(st->stmt[i]);
    if (st->db) {
        if (st->in_tx) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(st->db);
    }
    free(st->jr_buf);
    free(st);
}

/* ---- statements ----------------------------------------------------------- */

static const char *const SQL[S_COUNT] = {
    [S_INDEX_PUT] = "INSERT OR REPLACE INTO index_rows(cik, conformed_name, type, filing_date, path, accession_number) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    [S_INDEX_FILE_PUT] = "INSERT OR REPLACE INTO index_files(url, etag, last_modified, bytes, sha256, rows, fetched_at) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
    [S_INDEX_FILE_GET] = "SELECT etag, last_modified, bytes, sha256, rows, fetched_at FROM index_files WHERE url=?1",
    /* an upsert, not a REPLACE: the row keeps its rowid, the order it was planned in */
    [S_JOURNAL_PUT] = "INSERT INTO fetch_journal(url, run, dest, status, etag, last_modified, bytes, sha256, "
                      "attempts, next_try, reason, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT(url) DO UPDATE SET run=excluded.run, "
                      "dest=excluded.dest, status=excluded.status, etag=excluded.etag, "
                      "last_modified=excluded.last_modified, bytes=excluded.bytes, sha256=excluded.sha256, "
                      "attempts=excluded.attempts, next_try=excluded.next_try, reason=excluded.reason, "
                      "updated_at=excluded.updated_at",
    [S_JOURNAL_GET] = "SELECT url, run, dest, status, etag, last_modified, bytes, sha256, attempts, next_try, reason, "
                      "updated_at FROM fetch_journal WHERE url=?1",
    [S_FIND] = "SELECT id, header_only FROM filings WHERE accession_number=?1",
    [S_FILING] =
        "INSERT INTO filings(accession_number, type, filing_date, period, acceptance_datetime, "
        "date_of_filing_date_change, items, cik, conformed_name, doc_count, header_only, header, source_path, source_member, source_offset, "
        "source_length, text_bytes) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
    [S_ENTITY] =
        "INSERT INTO entities VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19) "
        "ON CONFLICT(cik) DO UPDATE SET "
        "conformed_name=coalesce(excluded.conformed_name, entities.conformed_name), "
        "assigned_sic=coalesce(excluded.assigned_sic, entities.assigned_sic), "
        "sic_description=coalesce(excluded.sic_description, entities.sic_description), "
        "irs_number=coalesce(excluded.irs_number, entities.irs_number), "
        "state_of_incorporation=coalesce(excluded.state_of_incorporation, entities.state_of_incorporation), "
        "fiscal_year_end=coalesce(excluded.fiscal_year_end, entities.fiscal_year_end), "
        "business_street1=coalesce(excluded.business_street1, entities.business_street1), "
        "business_street2=CASE WHEN excluded.business_street1 IS NULL THEN entities.business_street2 "
        "ELSE excluded.business_street2 END, "
        "business_city=coalesce(excluded.business_city, entities.business_city), "
        "business_state=coalesce(excluded.business_state, entities.business_state), "
        "business_zip=coalesce(excluded.business_zip, entities.business_zip), "
        "business_phone=coalesce(excluded.business_phone, entities.business_phone), "
        "mail_street1=coalesce(excluded.mail_street1, entities.mail_street1), "
        "mail_street2=CASE WHEN excluded.mail_street1 IS NULL THEN entities.mail_street2 "
        "ELSE excluded.mail_street2 END, "
        "mail_city=coalesce(excluded.mail_city, entities.mail_city), "
        "mail_state=coalesce(excluded.mail_state, entities.mail_state), "
        "mail_zip=coalesce(excluded.mail_zip, entities.mail_zip), facts_as_of=excluded.facts_as_of "
        "WHERE coalesce(excluded.facts_as_of,'') >= coalesce(entities.facts_as_of,'')", /* newest wins */
    [S_ROLE] = "INSERT OR IGNORE INTO roles VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    [S_FORMER] = "INSERT OR IGNORE INTO former_names VALUES(?1,?2,coalesce(?3,''))",
    [S_NAME] = "INSERT OR IGNORE INTO names(cik, name) VALUES(?1,?2)",
    [S_NAME_FTS] = "INSERT INTO names_fts(rowid, name) VALUES(last_insert_rowid(), ?1)",
    [S_DOC] = "INSERT OR IGNORE INTO documents VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    [S_SECTION] = "INSERT INTO sections VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    [S_ROW] = "INSERT INTO text_rows(filing_id, document, doc_type, item, part, text) VALUES(?1,?2,?3,?4,?5,?6)",
    [S_ROW_FTS] = "INSERT INTO text_fts(rowid, text) VALUES(last_insert_rowid(), ?1)",
    [S_EXHIBIT] = "INSERT INTO exhibits VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [S_FACT] = "INSERT OR REPLACE INTO cover_facts VALUES(?1,?2,?3,?4,?5)",
    [S_SECURITY] = "INSERT INTO securities VALUES(?1,?2,?3,?4,?5)",
    [S_SIGNER] = "INSERT INTO signatures VALUES(?1,?2,?3,?4,?5,?6)",
    [S_XFACT] = "INSERT INTO xbrl_facts(filing_id, n, document, ns, prefix, name, taxonomy, id, kind, context, "
                "period_start, period_end, entity, dimensions, unit, value, decimals, precision, nil, duplicate, "
                "untransformed, footnotes, offset) "
                "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)",
    [S_INSIDER] = "INSERT INTO insider_rows VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
    [S_OWNER] = "INSERT INTO insider_owners VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [S_HOLDING] = "INSERT INTO holdings VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,CAST(?10 AS INTEGER),?11,?12,?13,?14,?15)",
    [S_ODOC] = "INSERT INTO ownership_docs VALUES(?1,?2,?3,?4,?5)",
};

sqlite3_stmt *store_stmt(edgr_store *st, int which)
{
    if (!st->stmt[which] && sqlite3_prepare_v3(st->db, SQL[which], -1, SQLITE_PREPARE_PERSISTENT,
                                               &st->stmt[which], NULL) != SQLITE_OK) {
        store_sql_error(st, "prepare");
        return NULL;
    }
    sqlite3_reset(st->stmt[which]);
    sqlite3_clear_bindings(st->stmt[which]);
    return st->stmt[which];
}

/* ---- transactions --------------------------------------------------------- */

edgr_status edgr_store_begin(edgr_store *st)
{
    if (!st || st->readonly) return EDGR_ERR_ARG;
    if (st->in_tx) return EDGR_OK;
    if (exec(st, "BEGIN IMMEDIATE")) return EDGR_ERR_STORE;
    st->in_tx = 1;
    return EDGR_OK;
}

edgr_status edgr_store_commit(edgr_store *st)
{
    if (!st || !st->in_tx) return EDGR_ERR_ARG;
    if (exec(st, "COMMIT")) return EDGR_ERR_STORE;
    st->in_tx = 0;
    return EDGR_OK;
}

void edgr_store_rollback(edgr_store *st)
{
    if (!st || !st->in_tx) return;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_tx = 0;
}

/* ---- writing a record ----------------------------------------------------- */

static void bind_ref(sqlite3_stmt *q, int i, const edgr_record *r, sref s)
{
    if (s) sqlite3_bind_text(q, i, rec_str(r, s), -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

static int step_done(edgr_store *st, sqlite3_stmt *q, const char *what)
{
    if (sqlite3_step(q) != SQLITE_DONE) {
        store_sql_error(st, what);
        return -1;
    }
    return 0;
}

const char *store_key(const char *given, char buf[EDGR_KEY_SIZE])
{
    return edgr_accession_normalize(given, strlen(given), EDGR_ACCESSION_KEYS, buf) ? buf : given;
}

int edgr_store_has(edgr_store *st, const char *accession)
{
    if (!st || !accession) return -1;
    sqlite3_stmt *q = store_stmt(st, S_FIND);
    if (!q) return -1;
    char key[EDGR_KEY_SIZE];
    accession = store_key(accession, key);
    sqlite3_bind_text(q, 1, accession, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    int has = rc == SQLITE_ROW ? (sqlite3_column_int(q, 1) ? 2 : 1) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(q);
    return has;
}

/* Remove a filing's rows, its full-text entries first (an external-content
 * index needs the old text to delete it). */
static int delete_filing(edgr_store *st, sqlite3_int64 id)
{
    static const char *const DEL[] = {
        ("INSERT INTO text_fts(text_fts, rowid, text) SELECT 'delete', id, text FROM text_rows "
         "WHERE filing_id=?1"),
        "DELETE FROM text_rows WHERE filing_id=?1", "DELETE FROM roles WHERE filing_id=?1",
        "DELETE FROM documents WHERE filing_id=?1", "DELETE FROM sections WHERE filing_id=?1",
        "DELETE FROM exhibits WHERE filing_id=?1", "DELETE FROM cover_facts WHERE filing_id=?1",
        "DELETE FROM securities WHERE filing_id=?1", "DELETE FROM signatures WHERE filing_id=?1",
        "DELETE FROM xbrl_facts WHERE filing_id=?1", "DELETE FROM insider_rows WHERE filing_id=?1",
        "DELETE FROM insider_owners WHERE filing_id=?1", "DELETE FROM holdings WHERE filing_id=?1",
        "DELETE FROM ownership_docs WHERE filing_id=?1",
        "DELETE FROM filings WHERE id=?1"};
    for (size_t i = 0; i < sizeof DEL / sizeof DEL[0]; i++) {
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(st->db, DEL[i], -1, &q, NULL) != SQLITE_OK) {
            store_sql_error(st, "delete");
            return -1;
        }
        sqlite3_bind_int64(q, 1, id);
        int bad = step_done(st, q, "delete");
        sqlite3_finalize(q);
        if (bad) return -1;
    }
    return 0;
}

static int put_filing(edgr_store *st, const edgr_record *r, sqlite3_int64 *id)
{
    sqlite3_stmt *q = store_stmt(st, S_FILING);
    if (!q) return -1;
    bind_ref(q, 1, r, r->accession);
    bind_ref(q, 2, r, r->form);
    bind_ref(q, 3, r, r->filing_date);
    bind_ref(q, 4, r, r->period);
    bind_ref(q, 5, r, r->accepted);
    bind_ref(q, 6, r, r->changed);
    bind_ref(q, 7, r, r->items);
    bind_ref(q, 8, r, r->cik);
    bind_ref(q, 9, r, r->company);
    sqlite3_bind_int64(q, 10, r->doc_count);
    sqlite3_bind_int(q, 11, r->header_only);
    bind_ref(q, 12, r, r->header_json);
    bind_ref(q, 13, r, r->source_path);
    bind_ref(q, 14, r, r->source_member);
    sqlite3_bind_int64(q, 15, (sqlite3_int64)r->source_offset);
    sqlite3_bind_int64(q, 16, (sqlite3_int64)r->source_length);
    sqlite3_bind_int64(q, 17, (sqlite3_int64)r->text_bytes);
    if (step_done(st, q, "insert filing")) return -1;
    *id = sqlite3_last_insert_rowid(st->db);
    return 0;
}

static int put_name(edgr_store *st, const edgr_record *r, sref cik, sref name)
{
    if (!name) return 0;
    sqlite3_stmt *q = store_stmt(st, S_NAME);
    if (!q) return -1;
    bind_ref(q, 1, r, cik);
    bind_ref(q, 2, r, name);
    if (step_done(st, q, "insert name")) return -1;
    if (sqlite3_changes(st->db) == 0) return 0; /* known already */
    q = store_stmt(st, S_NAME_FTS);
    if (!q) return -1;
    bind_ref(q, 1, r, name);
    return step_done(st, q, "index name");
}

static int put_entities(edgr_store *st, const edgr_record *r, sqlite3_int64 id)
{
    for (size_t i = 0; i < r->entities_count; i++) {
        const rec_entity *e = &r->entities[i];
        sqlite3_stmt *q = store_stmt(st, S_ENTITY);
        if (!q) return -1;
        const sref cols[] = {e->cik, e->name, e->sic, e->sic_description, e->irs_number,
                             e->state_of_incorporation, e->fiscal_year_end, e->business.street1,
                             e->business.street2, e->business.city, e->business.state,
                             e->business.zip, e->business.phone, e->mail.street1, e->mail.street2,
                             e->mail.city, e->mail.state, e->mail.zip, r->filing_date};
        for (int k = 0; k < 19; k++) bind_ref(q, k + 1, r, cols[k]);
        if (step_done(st, q, "insert entity")) return -1;
        if (!(q = store_stmt(st, S_ROLE))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        const sref rc[] = {e->cik, e->role, e->name, e->form_type, e->act, e->file_number, e->film_number};
        for (int k = 0; k < 7; k++) bind_ref(q, k + 3, r, rc[k]);
        if (step_done(st, q, "insert role")) return -1;
        if (put_name(st, r, e->cik, e->name)) return -1;
        for (size_t f = e->former_first; f < e->former_first + e->former_count; f++) {
            if (!(q = store_stmt(st, S_FORMER))) return -1;
            bind_ref(q, 1, r, e->cik);
            bind_ref(q, 2, r, r->formers[f].name);
            bind_ref(q, 3, r, r->formers[f].date_changed);
            if (step_done(st, q, "insert former name")) return -1;
            if (put_name(st, r, e->cik, r->formers[f].name)) return -1;
        }
    }
    return 0;
}

static int put_documents(edgr_store *st, const edgr_record *r, sqlite3_int64 id)
{
    for (size_t i = 0; i < r->docs_count; i++) {
        const rec_doc *d = &r->docs[i];
        sqlite3_stmt *q = store_stmt(st, S_DOC);
        if (!q) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, d->seq);
        bind_ref(q, 3, r, d->type);
        bind_ref(q, 4, r, d->filename);
        bind_ref(q, 5, r, d->description);
        bind_ref(q, 6, r, d->format);
        sqlite3_bind_int64(q, 7, d->size);
        if (d->sha256[0]) sqlite3_bind_text(q, 8, d->sha256, 64, SQLITE_STATIC);
        sqlite3_bind_int64(q, 9, (sqlite3_int64)d->offset);
        sqlite3_bind_int64(q, 10, (sqlite3_int64)d->length);
        if (step_done(st, q, "insert document")) return -1;
    }
    for (size_t i = 0; i < r->sections_count; i++) {
        const rec_section *s = &r->sections[i];
        sqlite3_stmt *q = store_stmt(st, S_SECTION);
        if (!q) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, s->doc);
        bind_ref(q, 4, r, s->code);
        bind_ref(q, 5, r, s->part);
        bind_ref(q, 6, r, s->title);
        sqlite3_bind_int(q, 7, s->combined);
        sqlite3_bind_int64(q, 8, (sqlite3_int64)s->src_start);
        sqlite3_bind_int64(q, 9, (sqlite3_int64)s->src_end);
        sqlite3_bind_int64(q, 10, (sqlite3_int64)s->text_len);
        if (step_done(st, q, "insert section")) return -1;
    }
    return 0;
}

static int put_rows(edgr_store *st, const edgr_record *r, sqlite3_int64 id)
{
    for (size_t i = 0; i < r->rows_count; i++) {
        const rec_row *w = &r->rows[i];
        sqlite3_stmt *q = store_stmt(st, S_ROW);
        if (!q) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, w->doc);
        bind_ref(q, 3, r, w->doc_type);
        bind_ref(q, 4, r, w->item);
        bind_ref(q, 5, r, w->part);
        sqlite3_bind_text(q, 6, rec_row_text(r, w), (int)w->text_len, SQLITE_STATIC);
        if (step_done(st, q, "insert text")) return -1;
        if (!(q = store_stmt(st, S_ROW_FTS))) return -1;
        sqlite3_bind_text(q, 1, rec_row_text(r, w), (int)w->text_len, SQLITE_STATIC);
        st->slot = (pretok_slot){.text = rec_row_text(r, w), .text_len = w->text_len,
                                 /* no buffer when no row has a token */
                                 .tokens = r->tokens.data ? (const unsigned char *)r->tokens.data + w->tokens_at
                                                          : (const unsigned char *)"",
                                 .tokens_len = w->tokens_len, .armed = w->has_tokens};
        int failed = step_done(st, q, "index text");
        st->slot.armed = 0;
        if (failed) return -1;
    }
    return 0;
}

/* Issue 15: insider rows, their documents' owners, 13F positions, and each
 * document's JSON. */
static int put_ownership(edgr_store *st, const edgr_record *r, sqlite3_int64 id)
{
    sqlite3_stmt *q;
    for (size_t i = 0; i < r->insiders_count; i++) {
        const rec_insider *x = &r->insiders[i];
        if (!(q = store_stmt(st, S_INSIDER))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, x->doc);
        const sref v[] = {x->issuer_cik, x->document_type, x->table, x->code, x->date, x->shares,
                          x->price, x->acquired_disposed, x->owned_after, x->title, x->json};
        for (int k = 0; k < 11; k++) bind_ref(q, 4 + k, r, v[k]);
        if (step_done(st, q, "insert insider row")) return -1;
    }
    for (size_t i = 0; i < r->owners_count; i++) {
        const rec_owner *x = &r->owners[i];
        if (!(q = store_stmt(st, S_OWNER))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, x->doc);
        bind_ref(q, 4, r, x->cik);
        bind_ref(q, 5, r, x->name);
        bind_ref(q, 6, r, x->relationship);
        bind_ref(q, 7, r, x->officer_title);
        if (step_done(st, q, "insert owner")) return -1;
    }
    for (size_t i = 0; i < r->holdings_count; i++) {
        const rec_holding *x = &r->holdings[i];
        if (!(q = store_stmt(st, S_HOLDING))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, x->doc);
        const sref v[] = {x->manager_cik, x->period, x->cusip, x->issuer, x->title, x->value, x->value_usd,
                          x->units, x->amount, x->amount_type, x->put_call, x->json};
        for (int k = 0; k < 12; k++) bind_ref(q, 4 + k, r, v[k]);
        if (step_done(st, q, "insert holding")) return -1;
    }
    for (size_t i = 0; i < r->odocs_count; i++) {
        const rec_odoc *x = &r->odocs[i];
        if (!(q = store_stmt(st, S_ODOC))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, x->doc);
        bind_ref(q, 4, r, x->kind);
        bind_ref(q, 5, r, x->json);
        if (step_done(st, q, "insert ownership document")) return -1;
    }
    return 0;
}

static int put_facts(edgr_store *st, const edgr_record *r, sqlite3_int64 id)
{
    sqlite3_stmt *q;
    for (size_t i = 0; i < r->exhibits_count; i++) {
        const rec_exhibit *e = &r->exhibits[i];
        if (!(q = store_stmt(st, S_EXHIBIT))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        bind_ref(q, 3, r, e->number);
        bind_ref(q, 4, r, e->title);
        if (e->doc >= 0) sqlite3_bind_int64(q, 5, e->doc);
        bind_ref(q, 6, r, e->doc_type);
        bind_ref(q, 7, r, e->doc_description);
        if (step_done(st, q, "insert exhibit")) return -1;
    }
    for (size_t i = 0; i < r->facts_count; i++) {
        const rec_fact *f = &r->facts[i];
        if (!(q = store_stmt(st, S_FACT))) return -1;
        sqlite3_bind_int64(q, 1, id);
        bind_ref(q, 2, r, f->name);
        bind_ref(q, 3, r, f->value);
        bind_ref(q, 4, r, f->source);
        sqlite3_bind_int64(q, 5, (sqlite3_int64)f->offset);
        if (step_done(st, q, "insert cover fact")) return -1;
    }
    for (size_t i = 0; i < r->securities_count; i++) {
        const rec_security *s = &r->securities[i];
        if (!(q = store_stmt(st, S_SECURITY))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        bind_ref(q, 3, r, s->title);
        bind_ref(q, 4, r, s->symbol);
        bind_ref(q, 5, r, s->exchange);
        if (step_done(st, q, "insert security")) return -1;
    }
    for (size_t i = 0; i < r->signers_count; i++) {
        const rec_signer *s = &r->signers[i];
        if (!(q = store_stmt(st, S_SIGNER))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        bind_ref(q, 3, r, s->name);
        bind_ref(q, 4, r, s->title);
        bind_ref(q, 5, r, s->date_text);
        bind_ref(q, 6, r, s->date);
        if (step_done(st, q, "insert signer")) return -1;
    }
    static const char *const KIND[] = {[EDGR_XBRL_NUMERIC] = "numeric", [EDGR_XBRL_TEXT] = "text", [EDGR_XBRL_FRACTION] = "fraction"};
    for (size_t i = 0; i < r->xfacts_count; i++) {
        const rec_xfact *x = &r->xfacts[i];
        if (!(q = store_stmt(st, S_XFACT))) return -1;
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, x->doc);
        bind_ref(q, 4, r, x->ns);
        bind_ref(q, 5, r, x->prefix);
        bind_ref(q, 6, r, x->name);
        const char *tax = edgr_xbrl_taxonomy(rec_str(r, x->ns));
        if (tax) sqlite3_bind_text(q, 7, tax, -1, SQLITE_STATIC);
        bind_ref(q, 8, r, x->id);
        sqlite3_bind_text(q, 9, KIND[x->kind >= 0 && x->kind < 3 ? x->kind : 0], -1, SQLITE_STATIC);
        bind_ref(q, 10, r, x->context);
        bind_ref(q, 11, r, x->start);
        bind_ref(q, 12, r, x->end);
        bind_ref(q, 13, r, x->entity);
        bind_ref(q, 14, r, x->dimensions);
        bind_ref(q, 15, r, x->unit);
        bind_ref(q, 16, r, x->value);
        bind_ref(q, 17, r, x->decimals);
        bind_ref(q, 18, r, x->precision);
        sqlite3_bind_int(q, 19, x->nil);
        sqlite3_bind_int(q, 20, x->duplicate);
        sqlite3_bind_int(q, 21, x->untransformed);
        bind_ref(q, 22, r, x->footnotes);
        sqlite3_bind_int64(q, 23, (sqlite3_int64)x->offset);
        if (step_done(st, q, "insert XBRL fact")) return -1;
    }
    return put_ownership(st, r, id);
}

edgr_status edgr_store_put(edgr_store *st, const edgr_record *r, int replace, edgr_put_result *result)
{
    if (!st || !r || !st->in_tx) return EDGR_ERR_ARG;
    sqlite3_stmt *q = store_stmt(st, S_FIND);
    if (!q) return EDGR_ERR_STORE;
    bind_ref(q, 1, r, r->accession);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_sql_error(st, "look up");
    sqlite3_int64 old = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    int old_header_only = rc == SQLITE_ROW && sqlite3_column_int(q, 1);
    sqlite3_reset(q);
    edgr_put_result res = EDGR_PUT_ADDED;
    if (old) {
        /* a header alone gives way to the whole filing, never the reverse */
        if (!replace && !(old_header_only && !r->header_only)) {
            if (result) *result = EDGR_PUT_UNCHANGED;
            return EDGR_OK;
        }
        if (delete_filing(st, old)) return EDGR_ERR_STORE;
        res = EDGR_PUT_REPLACED;
    }
    sqlite3_int64 id;
    /* No savepoint around the filing: FTS5 writes its pending terms out as
     * a new segment at every SAVEPOINT, and one segment per filing made
     * ingest 15% slower.  A failure here leaves part of the filing in the
     * transaction, which the caller rolls back (see edgr_store_put). */
    if (put_filing(st, r, &id) || put_entities(st, r, id) || put_documents(st, r, id) ||
        put_rows(st, r, id) || put_facts(st, r, id))
        return EDGR_ERR_STORE;
    if (result) *result = res;
    return EDGR_OK;
}

edgr_status edgr_store_remove_source(edgr_store *st, const char *path, uint64_t *removed)
{
    if (removed) *removed = 0;
    if (!st || !path || !st->in_tx) return EDGR_ERR_ARG;
    /* the ids first: delete_filing's statements must not run under this one */
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT id FROM filings WHERE source_path=?1", -1, &q, NULL) != SQLITE_OK)
        return store_sql_error(st, "remove");
    sqlite3_bind_text(q, 1, path, -1, SQLITE_STATIC);
    sqlite3_int64 *ids = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            sqlite3_int64 *g = realloc(ids, nc * sizeof *ids);
            if (!g) {
                sqlite3_finalize(q);
                free(ids);
                store_fail(st, "remove: out of memory");
                return EDGR_ERR_STORE;
            }
            ids = g;
            cap = nc;
        }
        ids[n++] = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        free(ids);
        return store_sql_error(st, "remove");
    }
    for (size_t i = 0; i < n; i++)
        if (delete_filing(st, ids[i])) {
            free(ids);
            return EDGR_ERR_STORE;
        }
    free(ids);
    if (removed) *removed = n;
    return EDGR_OK;
}

/* ---- small reads ---------------------------------------------------------- */

edgr_status edgr_store_source(edgr_store *st, const char *accession, edgr_source *out)
{
    if (!st || !accession || !out || out->struct_size < offsetof(edgr_source, release)) return EDGR_ERR_ARG;
    if (out->struct_size >= sizeof *out) { /* 0.2.0's struct has none */
        out->release = out->set_aside = NULL;
        out->restore = NULL;
        out->release_user = NULL;
    }
    char key[EDGR_KEY_SIZE];
    accession = store_key(accession, key);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT source_path, source_member, source_offset, source_length "
                           "FROM filings WHERE accession_number=?1",
                           -1, &q, NULL) != SQLITE_OK)
        return store_sql_error(st, "source");
    sqlite3_bind_text(q, 1, accession, -1, SQLITE_STATIC);
    edgr_status rc = EDGR_ERR_NOT_FOUND;
    int step = sqlite3_step(q);
    if (step == SQLITE_ROW) {
        const char *p = (const char *)sqlite3_column_text(q, 0);
        const char *m = (const char *)sqlite3_column_text(q, 1);
        snprintf(st->src_path, sizeof st->src_path, "%s", p ? p : "");
        snprintf(st->src_member, sizeof st->src_member, "%s", m ? m : "");
        out->path = st->src_path;
        out->member = m ? st->src_member : NULL;
        out->offset = (uint64_t)sqlite3_column_int64(q, 2);
        out->length = (uint64_t)sqlite3_column_int64(q, 3);
        rc = EDGR_OK;
    } else if (step != SQLITE_DONE) {
        rc = store_sql_error(st, "source");
    } else {
        store_fail(st, "%s: no such filing in the store", accession);
    }
    sqlite3_finalize(q);
    return rc;
}

edgr_status edgr_store_stats_get(edgr_store *st, edgr_store_stats *out)
{
    if (!st || !out) return EDGR_ERR_ARG;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT (SELECT count(*) FROM filings), (SELECT count(*) FROM text_rows), "
                           "(SELECT coalesce(sum(text_bytes),0) FROM filings)",
                           -1, &q, NULL) != SQLITE_OK)
        return store_sql_error(st, "stats");
    edgr_status rc = EDGR_ERR_STORE;
    if (sqlite3_step(q) == SQLITE_ROW) {
        out->filings = (uint64_t)sqlite3_column_int64(q, 0);
        out->rows = (uint64_t)sqlite3_column_int64(q, 1);
        out->text_bytes = (uint64_t)sqlite3_column_int64(q, 2);
        rc = EDGR_OK;
    }
    sqlite3_finalize(q);
    return rc;
}
