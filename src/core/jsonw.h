/* A buffered JSON writer shared by the submission JSON (json.c) and the
 * facts JSON (src/forms/facts_json.c): one escaping rule for every string
 * edgr prints. */
#ifndef EDGR_JSONW_H
#define EDGR_JSONW_H

#include <stddef.h>
#include <stdint.h>

#include "edgr/edgr.h"

typedef struct jsonw {
    edgr_write_fn write;
    void *user;
    int pretty;
    int depth;
    int failed;  /* the write callback asked to stop */
    int first;   /* no comma owed before the next member (for callers) */
    size_t len;
    char buf[8192];
} jsonw;

void jsonw_flush(jsonw *w);
/* A document's end: its newline, the buffer flushed.  0, or 1 when the
 * write callback asked to stop. */
int jsonw_finish(jsonw *w);
void jsonw_put(jsonw *w, const char *p, size_t n);
/* With `pretty`: a line break and the indentation of `depth`. */
void jsonw_newline(jsonw *w);
/* A JSON string: valid UTF-8 passes, any other byte is read as
 * Windows-1252, control characters are escaped. */
void jsonw_str(jsonw *w, const char *p, size_t n);

/* Structure, for writers that build objects member by member: `first`
 * tracks whether a comma is owed. */
void jsonw_open(jsonw *w, char c);   /* '{' or '[' */
void jsonw_close(jsonw *w, char c);  /* '}' or ']' */
void jsonw_key(jsonw *w, const char *k);
void jsonw_elem(jsonw *w);           /* before an array element */
void jsonw_cstr(jsonw *w, const char *s);   /* NULL -> null */
void jsonw_num(jsonw *w, int64_t v);
void jsonw_kstr(jsonw *w, const char *k, const char *v);

/* A writer into memory, for a part written before its place comes (a
 * column of rows, a block that follows another): its bytes are in m->b
 * (the caller frees b.data) after jsonw_flush(&m->w), at most `cap`;
 * m->nomem says the cap or memory ran out. */
typedef struct jsonw_mem {
    jsonw w;
    edgr_buf b;
    size_t cap;
    int nomem;
} jsonw_mem;
void jsonw_mem_init(jsonw_mem *m, size_t cap);
void jsonw_knum(jsonw *w, const char *k, int64_t v);

#endif
