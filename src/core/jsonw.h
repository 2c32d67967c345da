/* A buffered JSON writer shared by the submission JSON (json.c) and the
 * facts JSON (src/forms/facts_json.c): one escaping rule for every string
 * edgr prints. */
#ifndef EDGR_JSONW_H
#define EDGR_JSONW_H

#include <stddef.h>

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
void jsonw_put(jsonw *w, const char *p, size_t n);
/* With `pretty`: a line break and the indentation of `depth`. */
void jsonw_newline(jsonw *w);
/* A JSON string: valid UTF-8 passes, any other byte is read as
 * Windows-1252, control characters are escaped. */
void jsonw_str(jsonw *w, const char *p, size_t n);

#endif
