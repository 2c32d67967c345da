/* Inside the store: the handle and helpers shared by writing (store.c) and
 * reading (search.c, show.c). */
#ifndef EDGR_STORE_INT_H
#define EDGR_STORE_INT_H

#include <sqlite3.h>

#include "edgr/store.h"
#include "pretok.h"

/* Prepared statements of the writer, kept for the connection's life. */
enum {
    S_FIND, S_FILING, S_ENTITY, S_ROLE, S_FORMER, S_NAME, S_NAME_FTS, S_DOC, S_SECTION,
    S_ROW, S_ROW_FTS, S_EXHIBIT, S_FACT, S_SECURITY, S_SIGNER, S_XFACT, S_INSIDER, S_OWNER, S_HOLDING, S_ODOC,
    S_INDEX_PUT, S_INDEX_FILE_PUT, S_INDEX_FILE_GET, /* index.c */
    S_JOURNAL_PUT, S_JOURNAL_GET,                   /* journal.c */
    S_COUNT
};

struct edgr_store {
    sqlite3 *db;
    int readonly;
    int in_tx;
    sqlite3_stmt *stmt[S_COUNT];
    pretok_slot slot;          /* the row being indexed, and its tokens   */
    char err[512];
    char src_path[4096], src_member[4096];
    char idx_str[4][512];      /* edgr_store_index_file_get's strings     */
    char *jr_buf;              /* edgr_store_journal_get's strings (heap) */
    size_t jr_cap;
};

/* A key given to a look-up as the store holds it: an accession number
 * dashed, a sha256: key in lower case (edgr_accession_normalize); anything
 * else as given (it will not be found).  Returns `given` or `buf`. */
const char *store_key(const char *given, char buf[EDGR_KEY_SIZE]);
void store_fail(edgr_store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record sqlite's message for `what` and return EDGR_ERR_STORE. */
edgr_status store_sql_error(edgr_store *st, const char *what);
/* A writer statement, reset and unbound; NULL on error (recorded). */
sqlite3_stmt *store_stmt(edgr_store *st, int which);

/* search.c, shared with show.c: a CIK as the header writes it (10 digits),
 * and the CIKs of a company named so: its trading symbol on a cover page,
 * else its current or former name, exactly, by prefix, then in part (the
 * first of these that finds any), as a JSON array. */
int store_cik(const char *in, char out[11]);
int store_names_lookup(edgr_store *st, const char *name, long limit, char **json);

/* search.c, shared with efts.c.  A query's filters in the form the SQL
 * binds them: dates as whole days, the CIK as 10 digits; `lead` is where
 * the query's words begin (for messages). */
typedef struct query_args {
    char from[11], to[11], cik[11];
    size_t lead;
} query_args;
/* What a search checks first: the arguments, the query and its filters,
 * the company's CIKs (*ciks, a JSON array; *none set when no company has
 * the name: nothing matches), the query as FTS5 reads it (*match, to
 * free).  EDGR_OK, or the error edgr_store_search returns. */
edgr_status store_query_begin(edgr_store *st, const edgr_query *qy, query_args *a, char **ciks, int *none,
                              char **match);
/* The query as FTS5 reads it (malloc'd), or NULL: out of memory, or *bad
 * the character that makes it unreadable. */
char *store_query_normalise(const char *q, char *bad);
/* FTS5's complaint about query `q`, recorded in words a user can act on. */
void store_query_error(edgr_store *st, const char *q, const char *msg);

/* rank.c: edgr_bm25(text_fts, K) on this connection; -1 if FTS5 is missing. */
int store_rank_register(sqlite3 *db);

#endif
