/* The submission builder (see builder.h): nodes, documents, diagnostics and
 * strings of one submission, shared by the header parser, the splitter and
 * both front ends. */
#include "builder.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sub_init(sub_builder *b)
{
    memset(b, 0, sizeof *b);
    b->nodes.size = sizeof(edgr_node);
    b->links.size = sizeof(node_link);
    b->docs.size = sizeof(edgr_document);
    b->diags.size = sizeof(edgr_diag);
}

void sub_reset(sub_builder *b, uint64_t base)
{
    b->nodes.len = b->links.len = b->docs.len = b->diags.len = 0;
    arena_reset(&b->strings);
    memset(&b->sub, 0, sizeof b->sub);
    b->base = base;
    b->dropped_diags = 0;
    b->nodes_capped = 0;
    /* node 0: the root */
    edgr_node *root = vec_push(&b->nodes);
    node_link *l = vec_push(&b->links);
    if (root && l) {
        root->is_container = 1;
        l->first = l->last = l->next = UINT32_MAX;
    } else {
        b->nomem = 1;
    }
    sub_publish(b);
}

void sub_free(sub_builder *b)
{
    vec_free(&b->nodes);
    vec_free(&b->links);
    vec_free(&b->docs);
    vec_free(&b->diags);
    arena_free(&b->strings);
}

void sub_publish(sub_builder *b)
{
    b->sub.nodes = b->nodes.items;
    b->sub.node_count = b->nodes.len;
    b->sub.docs = b->docs.items;
    b->sub.doc_count = b->docs.len;
    b->sub.diags = b->diags.items;
    b->sub.diag_count = b->diags.len;
    if (b->sub.repeat_end < b->sub.end) b->sub.repeat_end = b->sub.end; /* no copies (yet) */
}

void sub_diag(sub_builder *b, uint64_t offset, edgr_severity sev, edgr_diag_code code,
              const char *fmt, ...)
{
    if (sev == EDGR_ERROR) b->sub.errors++;
    if (b->diags.len >= EDGR_MAX_DIAGS) {
        b->dropped_diags++;
        return;
    }
    char msg[256];
    int n;
    if (b->diags.len == EDGR_MAX_DIAGS - 1) {
        /* the last slot says that the list stops here: never silently */
        n = snprintf(msg, sizeof msg, "more than %d diagnostics in this submission: this one and the "
                     "rest are not listed", EDGR_MAX_DIAGS - 1);
        code = EDGR_D_LIMIT;
    } else {
        va_list ap;
        va_start(ap, fmt);
        n = vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
    }
    if (n < 0) return;
    size_t len = (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1;
    const char *m = arena_dup(&b->strings, msg, len);
    edgr_diag *d = m ? vec_push(&b->diags) : NULL;
    if (!d) {
        b->nomem = 1;
        return;
    }
    d->offset = offset;
    d->severity = sev;
    d->code = code;
    d->message = m;
    sub_publish(b);
}

void sub_sort_diags(sub_builder *b)
{
    edgr_diag *d = b->diags.items;
    for (size_t i = 1; i < b->diags.len; i++) {
        edgr_diag x = d[i];
        size_t j = i;
        while (j > 0 && d[j - 1].offset > x.offset) {
            d[j] = d[j - 1];
            j--;
        }
        d[j] = x;
    }
}
