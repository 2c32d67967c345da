/*
 * A small element tree of an XML document, read with libxml2's SAX2 parser
 * into one arena: each element's local name (prefixes and namespaces are
 * not kept: the SEC's schemas have one name a field), `id` attribute,
 * its own text (white space trimmed and runs of it made one space) and the byte offset of its start.
 * The ownership and 13F documents are small records read field by field;
 * a tree lets each reader say what it wants by path, and keeps the byte
 * offsets libxml2's own tree does not.
 */
#ifndef EDGR_OWN_XTREE_H
#define EDGR_OWN_XTREE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Named limits, against input built to cost us. */
enum {
    XT_MAX_NODES = 20000000, /* the largest 13F tables: ~40,000 rows x 15   */
    XT_MAX_DEPTH = 256,      /* ownership XML nests 6 deep                  */
    XT_MAX_TEXT = 16 << 20   /* one element's text (remarks, footnotes)      */
};

typedef struct xt_node {
    const char *name;        /* local name                                  */
    size_t name_len;
    const char *id;          /* the `id` attribute, or NULL                 */
    const char *text;        /* own text, trimmed, white space runs as one
                                space; "" when none                         */
    uint64_t offset;         /* of the start tag's end, from base           */
    struct xt_node *parent, *child, *last, *next;
    int closed;              /* its end tag was read (not cut by an error)  */
    int used;                /* a reader's mark                             */
} xt_node;

typedef struct xt_doc {
    arena a;
    xt_node *root;
    size_t nodes;
    int failed;              /* 1 not well-formed, 2 a limit, 3 no memory   */
    uint64_t error_offset;
    char error[240];         /* why, when failed                            */
} xt_doc;

/* Parse data[0..len); offsets are base + the position.  0, or -1 with
 * d->failed and d->error set (the tree read so far stays).  xt_free after,
 * either way. */
int xt_parse(xt_doc *d, const char *data, size_t len, uint64_t base);
void xt_free(xt_doc *d);

/* The first child of n named `name`, or NULL (n may be NULL). */
xt_node *xt_child(const xt_node *n, const char *name);
/* The element at "a/b/c" below n, or NULL. */
xt_node *xt_at(const xt_node *n, const char *path);
/* Its text: NULL when the element is absent or its text empty. */
const char *xt_text(const xt_node *n, const char *path);

/* The name of the root element of data[0..len) (after the XML declaration,
 * comments, processing instructions and a DOCTYPE), and its namespace URI
 * when it declares a default one, written into name/ns (NUL-terminated,
 * cut to their sizes); 0, or -1 when the first 4 KB show no element. */
int xt_root_name(const char *data, size_t len, char *name, size_t name_cap, char *ns, size_t ns_cap);

#endif
