/*
 * The XBRL of a filing: which of its documents may hold some, and which
 * are read for its facts (inline XBRL, else the instances), so that the
 * store and `edgr xbrl` decide alike.
 */
#include <string.h>

#include "edgr/xbrl.h"

static int span_ends(edgr_span s, const char *suffix)
{
    size_t k = strlen(suffix);
    if (s.len < k) return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s.ptr[s.len - k + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != suffix[i]) return 0;
    }
    return 1;
}

int edgr_xbrl_may_hold(const edgr_document *d)
{
    if (!d) return 0;
    if (d->type.len >= 10 && !memcmp(d->type.ptr, "EX-101.INS", 10)) return 1;
    if (d->format == EDGR_FMT_HTML) return 1;
    return span_ends(d->filename, ".xml") || span_ends(d->filename, ".htm") || span_ends(d->filename, ".html") ||
           span_ends(d->filename, ".xhtml") || !d->filename.len;
}

enum { MAX_INSTANCES = 64 }; /* kept until the end; a filing has one or two */

edgr_status edgr_xbrl_read_documents(const edgr_document *docs, size_t n, uint64_t origin, edgr_xbrl_doc_fn fn,
                                     void *user)
{
    if ((!docs && n) || !fn) return EDGR_ERR_ARG;
    edgr_xbrl *inst[MAX_INSTANCES];
    size_t which[MAX_INSTANCES], ninst = 0;
    edgr_status st[MAX_INSTANCES];
    int any_inline = 0, stop = 0;
    edgr_status rc = EDGR_OK;
    for (size_t i = 0; i < n && !stop; i++) {
        const edgr_document *d = &docs[i];
        if (!d->body.ptr || !d->body.len || !edgr_xbrl_may_hold(d)) continue;
        edgr_xbrl_options xo = {.struct_size = sizeof xo, .base_offset = d->body_offset - origin};
        edgr_xbrl *x = NULL;
        edgr_status s = edgr_xbrl_read(d->body.ptr, d->body.len, &xo, &x);
        if (s == EDGR_ERR_NOMEM) {
            rc = s;
            break;
        }
        edgr_xbrl_format fmt = edgr_xbrl_format_of(x);
        if (fmt == EDGR_XBRL_INLINE) {
            any_inline = 1;
            stop = fn(user, i, x, s);
        } else if (fmt == EDGR_XBRL_INSTANCE && !any_inline && ninst < MAX_INSTANCES) {
            inst[ninst] = x, which[ninst] = i, st[ninst++] = s;
        } else if (fmt == EDGR_XBRL_INSTANCE && !any_inline) {
            edgr_xbrl_free(x); /* past the cap: the caller says so */
            stop = fn(user, i, NULL, EDGR_ERR_LIMIT);
        } else if (s != EDGR_OK) {
            stop = fn(user, i, x, s); /* no XBRL read, but something to say */
        } else edgr_xbrl_free(x);
    }
    for (size_t k = 0; k < ninst; k++) {
        if (any_inline || stop || rc != EDGR_OK) edgr_xbrl_free(inst[k]);
        else stop = fn(user, which[k], inst[k], st[k]);
    }
    return rc != EDGR_OK ? rc : stop ? EDGR_ERR_ABORTED : EDGR_OK;
}
