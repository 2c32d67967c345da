/* Internal: the submission builder -- nodes, documents, diagnostics and
 * strings of one submission -- that the header parser, the splitter and
 * both front ends (parse.c, stream.c) fill.  It calls nothing above it. */
#ifndef EDGR_BUILDER_H
#define EDGR_BUILDER_H

#include "arena.h"
#include "buf.h"
#include "edgr/edgr.h"

/* Caps on what input can make us hold.  Real headers are at most a few
 * hundred KB (a 40-APP with 239 filers is 143 KB). */
#define EDGR_MAX_HEADER ((size_t)64 << 20)
#define EDGR_MAX_LINE ((size_t)1 << 20)
#define EDGR_MAX_DEPTH 32
#define EDGR_MAX_DIAGS 1000
/* Nodes per header: real ones have at most tens of thousands (a 40-APP with
 * 239 filers has ~7,000); the cap keeps a hostile header's tree bounded. */
#define EDGR_MAX_NODES 300000

/* Tree links kept beside the public nodes (first/last child, next sibling);
 * UINT32_MAX means none. */
typedef struct node_link {
    uint32_t first, last, next;
} node_link;

typedef struct sub_builder {
    edgr_submission sub;  /* public view, pointers refreshed by sub_publish */
    vec nodes;            /* edgr_node   */
    vec links;            /* node_link   */
    vec docs;             /* edgr_document */
    vec diags;            /* edgr_diag   */
    arena strings;        /* normalised values, diag messages, copied meta */
    uint64_t base;        /* added to every offset                         */
    size_t dropped_diags; /* past EDGR_MAX_DIAGS                           */
    int nodes_capped;     /* EDGR_MAX_NODES reached                        */
    int nomem;            /* an allocation failed (sticky): the entry
                             points return EDGR_ERR_NOMEM                  */
} sub_builder;

void sub_init(sub_builder *b);
void sub_reset(sub_builder *b, uint64_t base);
void sub_free(sub_builder *b);
/* Point sub.nodes/docs/diags at the vectors (they move as they grow). */
void sub_publish(sub_builder *b);

/* Record a diagnostic at an absolute offset.  Past the cap the message is
 * counted but not kept; on allocation failure b->nomem is set. */
void sub_diag(sub_builder *b, uint64_t offset, edgr_severity sev,
              edgr_diag_code code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Sort the diagnostics by offset (stable), so that both front ends, which
 * notice some things at different moments, report them in one order. */
void sub_sort_diags(sub_builder *b);

#endif
