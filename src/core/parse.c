/* The whole-buffer parser: the entry point edgr_parse() on top of the
 * splitter (split.c), which fills the builder (builder.c); documents are in
 * docs.c, queries on the result in query.c. */
#include <stdlib.h>

#include "parser.h"
#include "scan.h"
#include "split.h"

const char *edgr_version(void) { return EDGR_VERSION_STR; }
unsigned edgr_version_num(void) { return EDGR_VERSION_NUM; }

const char *edgr_strerror(edgr_status st)
{
    switch (st) {
    case EDGR_OK: return "success";
    case EDGR_ERR_NOMEM: return "out of memory";
    case EDGR_ERR_NOT_EDGAR: return "not an EDGAR submission";
    case EDGR_ERR_LIMIT: return "size limit exceeded";
    case EDGR_ERR_ABORTED: return "stopped by a callback";
    case EDGR_ERR_ARG: return "invalid argument";
    case EDGR_ERR_DECODE: return "malformed encoded data";
    case EDGR_ERR_EMPTY: return "no input left";
    case EDGR_ERR_QUERY: return "malformed query";
    case EDGR_ERR_STORE: return "store error";
    case EDGR_ERR_NOT_FOUND: return "not found";
    }
    return "unknown status";
}

/* ---- the parser -------------------------------------------------------- */

struct edgr_parser {
    splitter split;
    edgr_buf scratch; /* decoded bodies, reused */
};

edgr_parser *edgr_parser_new(void)
{
    edgr_parser *p = calloc(1, sizeof *p);
    if (p) split_init(&p->split, 0, 1);
    return p;
}

void edgr_parser_free(edgr_parser *p)
{
    if (!p) return;
    split_free(&p->split);
    edgr_buf_free(&p->scratch);
    free(p);
}

edgr_status edgr_parse(edgr_parser *p, const char *buf, size_t len, uint64_t base,
                       unsigned flags, const edgr_submission **out, size_t *consumed)
{
    if (!p || (!buf && len) || !out || !consumed) return EDGR_ERR_ARG;
    *out = NULL;
    *consumed = 0;
    size_t skip = 0;
    while (skip < len && sc_is_space((unsigned char)buf[skip])) skip++;
    if (skip == len) {
        *consumed = len;
        return EDGR_ERR_EMPTY;
    }
    splitter *s = &p->split;
    s->flags = flags;
    s->stop_after_sub = 1;
    s->b.nomem = 0;
    split_reset(s, base);
    s->pos = base + skip;
    uint64_t stop = split_run(s, buf, len, base, 1);
    sub_builder *b = &s->b;
    if (s->err == EDGR_ERR_NOMEM || b->nomem) return EDGR_ERR_NOMEM;
    for (size_t i = 0; i < b->docs.len; i++) {
        edgr_document *d = &VEC_AT(&b->docs, edgr_document, i);
        /* no <TEXT> at all (text_offset is never 0 otherwise, a <DOCUMENT>
         * line comes first): nothing to classify or measure */
        if (!d->text_offset) continue;
        if (!d->text.ptr) {
            d->text.ptr = buf + (d->text_offset >= base ? d->text_offset - base : 0);
            d->text.len = 0;
        }
        doc_classify(d);
        if (flags & EDGR_PARSE_DECODE) doc_measure(b, d, &p->scratch);
        else if (!doc_is_binary(d->format)) d->decoded_size = (int64_t)d->body.len;
    }
    if (b->nomem) return EDGR_ERR_NOMEM;
    sub_sort_diags(b);
    sub_publish(b);
    *out = &b->sub;
    *consumed = s->stopped ? (size_t)(stop - base) : len;
    if (*consumed == 0) *consumed = len; /* never loop on the same bytes */
    return b->sub.container == EDGR_C_NONE ? EDGR_ERR_NOT_EDGAR : EDGR_OK;
}

