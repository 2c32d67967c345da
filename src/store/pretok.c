/* Tokens made before the writer needs them (see pretok.h). */
#include "pretok.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The table's tokenizer, as the schema declares it:
 * tokenize='porter unicode61 remove_diacritics 2'. */
static const char *const PARENT_ARGS[] = {"unicode61", "remove_diacritics", "2"};
enum { PARENT_NARGS = 3 };

fts5_api *store_fts5(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &q, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(q, 1, &api, "fts5_api_ptr", NULL);
    sqlite3_step(q);
    sqlite3_finalize(q);
    return api && api->iVersion >= 2 ? api : NULL;
}

/* ---- the format -----------------------------------------------------------
 * Per token, in order: varint (length << 1 | colocated), the token's bytes,
 * varint (start - previous start), varint (end - start).  Offsets are kept
 * although an insert does not use them, so the replay is the tokenizer's
 * output exactly. */

/* Room for `more` bytes in b; 0, or -1 out of memory. */
static int reserve(edgr_buf *b, size_t more)
{
    if (b->len + more <= b->cap) return 0;
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->len + more) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

static void put_varint(edgr_buf *b, uint64_t v) /* room reserved */
{
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        b->data[b->len++] = (char)(c | (v ? 0x80 : 0));
    } while (v);
}

static int get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    uint64_t x = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char c = *(*p)++;
        x |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) { *v = x; return 0; }
    }
    return -1;
}

typedef struct encoder {
    edgr_buf *out;
    int prev_start;
    int failed;
} encoder;

static int encode_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
    encoder *e = ctx;
    if (n < 0 || start < e->prev_start || end < start) { e->failed = 1; return SQLITE_ERROR; }
    if (reserve(e->out, (size_t)n + 30)) { e->failed = 1; return SQLITE_NOMEM; }
    put_varint(e->out, (uint64_t)n << 1 | ((flags & FTS5_TOKEN_COLOCATED) != 0));
    memcpy(e->out->data + e->out->len, token, (size_t)n);
    e->out->len += (size_t)n;
    put_varint(e->out, (uint64_t)(start - e->prev_start));
    put_varint(e->out, (uint64_t)(end - start));
    e->prev_start = start;
    return SQLITE_OK;
}

/* ---- the worker's side: one private tokenizer per thread ------------------- */

typedef struct thread_tokenizer {
    sqlite3 *db;
    fts5_tokenizer methods;
    Fts5Tokenizer *tok;
} thread_tokenizer;

static pthread_key_t tls_key;
static pthread_once_t tls_once = PTHREAD_ONCE_INIT;
static int tls_ok;

static void thread_tokenizer_free(void *p)
{
    thread_tokenizer *t = p;
    if (!t) return;
    if (t->tok) t->methods.xDelete(t->tok);
    sqlite3_close(t->db);
    free(t);
}

/* An SQLite built without threads (sqlite3_threadsafe() == 0) cannot have a
 * connection per thread: then no tokens are made here, the writer makes them. */
static void tls_init(void)
{
    tls_ok = sqlite3_threadsafe() != 0 && pthread_key_create(&tls_key, thread_tokenizer_free) == 0;
}

static thread_tokenizer *thread_tokenizer_get(void)
{
    pthread_once(&tls_once, tls_init);
    if (!tls_ok) return NULL;
    thread_tokenizer *t = pthread_getspecific(tls_key);
    if (t) return t->tok ? t : NULL;
    if (!(t = calloc(1, sizeof *t))) return NULL;
    if (pthread_setspecific(tls_key, t)) { free(t); return NULL; }
    /* a tokenizer that fails to load stays NULL: no tokens, the writer
     * tokenizes, nothing is lost but time */
    if (sqlite3_open_v2(":memory:", &t->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return NULL;
    fts5_api *api = store_fts5(t->db);
    void *user = NULL;
    if (!api || api->xFindTokenizer(api, "porter", &user, &t->methods) != SQLITE_OK) return NULL;
    Fts5Tokenizer *tok = NULL;
    if (t->methods.xCreate(user, (const char **)PARENT_ARGS, PARENT_NARGS, &tok) != SQLITE_OK) return NULL;
    t->tok = tok;
    return t;
}

int pretok_encode(const char *text, size_t n, edgr_buf *out)
{
    thread_tokenizer *t = thread_tokenizer_get();
    if (!t || n > INT32_MAX) return -1;
    size_t mark = out->len;
    encoder e = {.out = out};
    int rc = t->methods.xTokenize(t->tok, &e, FTS5_TOKENIZE_DOCUMENT, text, (int)n, encode_token);
    if (rc != SQLITE_OK || e.failed) {
        out->len = mark;
        return -1;
    }
    return 0;
}

/* ---- the writer's side: "porter", replaying when it can ------------------- */

typedef struct wrapper_kind {  /* one per connection: the real porter */
    fts5_tokenizer real;
    void *real_user;
    pretok_slot *slot;
} wrapper_kind;

typedef struct wrapper {       /* one per table using "porter" */
    const wrapper_kind *kind;
    Fts5Tokenizer *real;
    int replays;               /* made with the table's arguments */
} wrapper;

static int wrapper_create(void *user, const char **args, int nargs, Fts5Tokenizer **out)
{
    const wrapper_kind *kind = user;
    wrapper *w = calloc(1, sizeof *w);
    if (!w) return SQLITE_NOMEM;
    w->kind = kind;
    int rc = kind->real.xCreate(kind->real_user, args, nargs, &w->real);
    if (rc != SQLITE_OK) { free(w); return rc; }
    /* tokens made with other arguments would be other tokens */
    w->replays = nargs == PARENT_NARGS;
    for (int i = 0; w->replays && i < nargs; i++) w->replays = !strcmp(args[i], PARENT_ARGS[i]);
    *out = (Fts5Tokenizer *)w;
    return SQLITE_OK;
}

static void wrapper_delete(Fts5Tokenizer *tok)
{
    wrapper *w = (wrapper *)tok;
    w->kind->real.xDelete(w->real);
    free(w);
}

static int replay(const pretok_slot *s, void *ctx, int (*emit)(void *, int, const char *, int, int, int))
{
    const unsigned char *p = s->tokens, *end = s->tokens + s->tokens_len;
    uint64_t start = 0;
    while (p < end) {
        uint64_t head, gap, span;
        if (get_varint(&p, end, &head)) return SQLITE_CORRUPT;
        uint64_t n = head >> 1;
        if (n > (uint64_t)(end - p)) return SQLITE_CORRUPT;
        const char *token = (const char *)p;
        p += n;
        if (get_varint(&p, end, &gap) || get_varint(&p, end, &span)) return SQLITE_CORRUPT;
        start += gap;
        if (start + span > s->text_len) return SQLITE_CORRUPT;
        int rc = emit(ctx, head & 1 ? FTS5_TOKEN_COLOCATED : 0, token, (int)n, (int)start, (int)(start + span));
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

static int wrapper_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n,
                            int (*emit)(void *, int, const char *, int, int, int))
{
    wrapper *w = (wrapper *)tok;
    pretok_slot *s = w->kind->slot;
    if (w->replays && s->armed && flags == FTS5_TOKENIZE_DOCUMENT && n >= 0 && (size_t)n == s->text_len &&
        (text == s->text || !memcmp(text, s->text, s->text_len))) {
        s->armed = 0; /* once: the row is inserted once */
        return replay(s, ctx, emit);
    }
    return w->kind->real.xTokenize(w->real, ctx, flags, text, n, emit);
}

int pretok_register(sqlite3 *db, pretok_slot *slot)
{
    fts5_api *api = store_fts5(db);
    if (!api) return -1;
    wrapper_kind *kind = calloc(1, sizeof *kind);
    if (!kind) return -1;
    kind->slot = slot;
    if (api->xFindTokenizer(api, "porter", &kind->real_user, &kind->real) != SQLITE_OK) {
        free(kind);
        return -1;
    }
    fts5_tokenizer methods = {wrapper_create, wrapper_delete, wrapper_tokenize};
    /* FTS5 looks tokenizers up newest first: this "porter" hides the real
     * one on this connection only */
    return api->xCreateTokenizer(api, "porter", kind, &methods, free) == SQLITE_OK ? 0 : -1;
}
