/*
 * Tokens made before the writer needs them.
 *
 * FTS5 tokenizes a row while it is inserted, on the one writer thread:
 * 28% of that thread's time in the 2 GB bench, time the workers have to
 * spare.  So a worker runs the very tokenizer text_fts uses (porter over
 * unicode61 remove_diacritics 2, from its own private SQLite connection)
 * and keeps its output; on the writer's connection, "porter" is wrapped so
 * that, for the row being inserted, it hands FTS5 those tokens instead of
 * tokenizing again.  Anything else it is asked to tokenize (queries, the
 * old text of a row being replaced, a table made with other options) goes
 * to the real porter, as does any row whose text is not the one the
 * tokens were made from.  The tokens are the real tokenizer's, so the
 * index is the one FTS5 would build, and the schema still names the
 * standard tokenizer: any SQLite can read and query the store.
 */
#ifndef EDGR_STORE_PRETOK_H
#define EDGR_STORE_PRETOK_H

#include <stddef.h>

#include <sqlite3.h>

#include "edgr/edgr.h"

/* The row the writer is about to insert, and its tokens. */
typedef struct pretok_slot {
    const char *text;
    size_t text_len;
    const unsigned char *tokens;
    size_t tokens_len;
    int armed;
} pretok_slot;

/*
 * Tokenize text[0..n) as text_fts does, appending the tokens to `out`.
 * Any thread (each keeps its own tokenizer).  Returns 0, or -1 when there
 * is no tokenizer or no memory: `out` then holds no tokens for this text
 * and the writer tokenizes it itself.
 */
int pretok_encode(const char *text, size_t n, edgr_buf *out);

/* FTS5's API on `db` (version 2 or later), or NULL. */
fts5_api *store_fts5(sqlite3 *db);

/* Wrap "porter" on `db` (the writer's connection) so that it replays the
 * tokens in `slot` when asked for them.  Returns 0 or -1. */
int pretok_register(sqlite3 *db, pretok_slot *slot);

#endif
