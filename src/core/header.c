/*
 * The submission header, both dialects, in one pass over its lines.
 *
 * Tab dialect:  "KEY:<TAB>value", sections are keys with no value.
 * Tag dialect:  "<TAG>value", containers are closed by "</TAG>".
 * Real headers mix them (tag lines such as <ACCEPTANCE-DATETIME> inside tab
 * headers, a <REPORTING-OWNER> tag container holding tab lines, a tab
 * SERIAL COMPANY closed by </SERIAL-COMPANY>), so every line is read on its
 * own and placed by the schema, not by indentation: indentation is one level
 * off in 1998-2000 headers.  A line goes into the innermost open container
 * that may hold its field; containers it passes on the way are closed.  That
 * is exactly the implicit closing the tab dialect needs, and a no-op for
 * well-formed tag headers, whose containers close explicitly.
 */
#include <stdio.h>
#include <string.h>

#include "items.h"
#include "parser.h"
#include "scan.h"
#include "schema.h"

typedef struct hctx {
    sub_builder *b;
    uint32_t stack[EDGR_MAX_DEPTH];
    int depth;                  /* stack[0] is the root */
} hctx;

static edgr_node *node_at(sub_builder *b, uint32_t i)
{
    return &VEC_AT(&b->nodes, edgr_node, i);
}

static long add_node(sub_builder *b, uint32_t parent, unsigned field,
                     const char *name, size_t name_len, uint64_t off)
{
    if (b->nodes.len >= EDGR_MAX_NODES) {
        if (!b->nodes_capped)
            sub_diag(b, off, EDGR_ERROR, EDGR_D_LIMIT,
                     "header has more than %d entries: the rest is not read", EDGR_MAX_NODES);
        b->nodes_capped = 1;
        return -2;
    }
    edgr_node *n = vec_push(&b->nodes);
    node_link *l = n ? vec_push(&b->links) : NULL;
    if (!l) {
        if (n) b->nodes.len--; /* nodes and links stay in step */
        return -1;
    }
    uint32_t idx = (uint32_t)(b->nodes.len - 1);
    n->parent = parent;
    n->field = (uint16_t)field;
    n->name.ptr = name;
    n->name.len = name_len;
    n->offset = off;
    n->is_container = FIELDS[field].norm == N_CONTAINER;
    l->first = l->last = l->next = UINT32_MAX;
    if (idx != parent) {
        node_link *pl = &VEC_AT(&b->links, node_link, parent);
        if (pl->last == UINT32_MAX) pl->first = idx;
        else VEC_AT(&b->links, node_link, pl->last).next = idx;
        pl->last = idx;
    }
    return idx;
}

static int klass_of(hctx *h, int level)
{
    unsigned f = node_at(h->b, h->stack[level])->field;
    return FIELDS[f].klass;
}

/* The innermost open level that may hold `field`, or -1. */
static int level_for(hctx *h, unsigned field)
{
    uint32_t parents = FIELDS[field].parents;
    for (int i = h->depth - 1; i >= 0; i--) {
        int k = klass_of(h, i);
        if (k >= 0 && (parents & P(k))) return i;
    }
    return -1;
}

static void trim(const char **p, size_t *n)
{
    while (*n && sc_is_space((unsigned char)**p)) (*p)++, (*n)--;
    while (*n && sc_is_space((unsigned char)(*p)[*n - 1])) (*n)--;
}

static int all_digits(const char *p, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!sc_is_digit((unsigned char)p[i])) return 0;
    return 1;
}

/* Normalise a leaf's value into n->value/kind (see schema.h N_*). */
static int normalise(sub_builder *b, edgr_node *n, unsigned field)
{
    const char *v = n->raw.ptr;
    size_t len = n->raw.len;
    n->value = n->raw;
    n->kind = EDGR_V_STRING;
    switch (FIELDS[field].norm) {
    case N_FLAG:
        n->kind = len ? EDGR_V_STRING : EDGR_V_NONE;
        return 0;
    case N_INT:
        if (all_digits(v, len)) n->kind = EDGR_V_INT;
        else if (len)
            sub_diag(b, n->offset, EDGR_WARNING, EDGR_D_BAD_VALUE,
                     "%s: not a number: \"%.*s\"", FIELDS[field].json, (int)(len > 40 ? 40 : len), v);
        return 0;
    case N_DATE:
        if (len == 8 && all_digits(v, 8)) {
            char *d = arena_alloc(&b->strings, 10);
            if (!d) return -1;
            memcpy(d, v, 4);
            d[4] = '-';
            memcpy(d + 5, v + 4, 2);
            d[7] = '-';
            memcpy(d + 8, v + 6, 2);
            n->value.ptr = d;
            n->value.len = 10;
            n->kind = EDGR_V_DATE;
        } else if (len) {
            sub_diag(b, n->offset, EDGR_WARNING, EDGR_D_BAD_VALUE,
                     "%s: not a YYYYMMDD date: \"%.*s\"", FIELDS[field].json, (int)(len > 40 ? 40 : len), v);
        }
        return 0;
    case N_DATETIME: {
        /* 20170308160221, or YYYYMMDD:HHMMSS for <TIMESTAMP> */
        char dig[14];
        size_t o = 0;
        int ok = len == 14 || (len == 15 && v[8] == ':');
        for (size_t i = 0; ok && i < len; i++) {
            if (len == 15 && i == 8) continue;
            if (!sc_is_digit((unsigned char)v[i])) ok = 0;
            else dig[o++] = v[i];
        }
        if (ok && o == 14) {
            char *d = arena_alloc(&b->strings, 20);
            if (!d) return -1;
            snprintf(d, 20, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s", dig, dig + 4, dig + 6, dig + 8,
                     dig + 10, dig + 12);
            n->value.ptr = d;
            n->value.len = 19;
            n->kind = EDGR_V_DATETIME;
        } else if (len) {
            sub_diag(b, n->offset, EDGR_WARNING, EDGR_D_BAD_VALUE,
                     "%s: not a YYYYMMDDHHMMSS time: \"%.*s\"", FIELDS[field].json, (int)(len > 40 ? 40 : len), v);
        }
        return 0;
    }
    case N_SIC: {
        /* "PHARMACEUTICAL PREPARATIONS [2834]" -> "2834"; "[]" -> "" */
        const char *lb = len ? memchr(v, '[', len) : NULL;
        if (lb) {
            /* "]" may have wrapped to the next line (seen in 2000 headers) */
            const char *rb = memchr(lb, ']', len - (size_t)(lb - v));
            n->value.ptr = lb + 1;
            n->value.len = (size_t)((rb ? rb : v + len) - lb - 1);
            trim(&n->value.ptr, &n->value.len);
        }
        return 0;
    }
    case N_ACT:
        /* "1934 Act" -> "34"; tag form and 1994 headers already say "34" */
        if (len == 8 && v[0] == '1' && v[1] == '9' && all_digits(v, 4) &&
            sc_eq_upper(v + 4, 4, " ACT")) {
            n->value.ptr = v + 2;
            n->value.len = 2;
        }
        return 0;
    default:
        return 0;
    }
}

static int open_container(hctx *h, unsigned field, const char *name, size_t nlen,
                          uint64_t off)
{
    int lvl = level_for(h, field);
    if (lvl < 0) {
        /* e.g. COMPANY DATA with no entity open: keep it where we are */
        sub_diag(h->b, off, EDGR_WARNING, EDGR_D_UNKNOWN_KEY,
                 "%.*s: section outside any filer block", (int)nlen, name);
        lvl = h->depth - 1;
    }
    if (lvl + 1 >= EDGR_MAX_DEPTH) {
        sub_diag(h->b, off, EDGR_WARNING, EDGR_D_LIMIT, "header nested too deep");
        return 0;
    }
    long idx = add_node(h->b, h->stack[lvl], field, name, nlen, off);
    if (idx == -2) return 0;
    if (idx < 0) return -1;
    h->depth = lvl + 1;
    h->stack[h->depth++] = (uint32_t)idx;
    return 0;
}

static int add_leaf(hctx *h, int field, const char *name, size_t nlen,
                    const char *val, size_t vlen, uint64_t off)
{
    /* "ITEM INFORMATION:" with no value (real 2004 headers): no item, not
     * the item "". */
    if (field >= 0 && FIELDS[field].norm == N_ITEM && vlen == 0) return 0;
    int lvl = field >= 0 ? level_for(h, (unsigned)field) : -1;
    if (field < 0 || lvl < 0) {
        /* Unknown here: kept under "unknown" of the innermost container. */
        if (field < 0)
            sub_diag(h->b, off, EDGR_WARNING, EDGR_D_UNKNOWN_KEY,
                     "unknown header key \"%.*s\" (kept under \"unknown\")", (int)(nlen > 60 ? 60 : nlen), name);
        else
            sub_diag(h->b, off, EDGR_WARNING, EDGR_D_UNKNOWN_KEY,
                     "header key \"%.*s\" out of place (kept under \"unknown\")", (int)(nlen > 60 ? 60 : nlen), name);
        field = EDGR_F_UNKNOWN;
        lvl = h->depth - 1;
    } else {
        h->depth = lvl + 1;
    }
    long idx = add_node(h->b, h->stack[lvl], (unsigned)field, name, nlen, off);
    if (idx == -2) return 0;
    if (idx < 0) return -1;
    edgr_node *n = node_at(h->b, (uint32_t)idx);
    n->raw.ptr = val;
    n->raw.len = vlen;
    return normalise(h->b, n, (unsigned)field);
}

static void close_container(hctx *h, const char *name, size_t nlen, uint64_t off)
{
    int field = schema_lookup(name, nlen);
    for (int i = h->depth - 1; i >= 1; i--) {
        if (field >= 0 && node_at(h->b, h->stack[i])->field == (unsigned)field) {
            h->depth = i;
            return;
        }
    }
    /* The wrappers themselves are not containers of the model. */
    if (sc_eq_upper(name, nlen, "SEC-HEADER") || sc_eq_upper(name, nlen, "IMS-HEADER") ||
        sc_eq_upper(name, nlen, "SUBMISSION"))
        return;
    sub_diag(h->b, off, EDGR_WARNING, EDGR_D_BAD_CLOSE,
             "closing tag </%.*s> matches nothing open", (int)(nlen > 60 ? 60 : nlen), name);
}

static int tag_line(hctx *h, const char *s, size_t n, uint64_t off)
{
    /* s[0] == '<' */
    const char *gt = memchr(s, '>', n);
    if (!gt) return add_leaf(h, -1, s, n, "", 0, off);
    int closing = n > 1 && s[1] == '/';
    const char *name = s + 1 + closing;
    size_t nlen = (size_t)(gt - name);
    trim(&name, &nlen);
    const char *val = gt + 1;
    size_t vlen = n - (size_t)(val - s);
    trim(&val, &vlen);
    if (closing) {
        close_container(h, name, nlen, off);
        return 0;
    }
    if (sc_eq_upper(name, nlen, "SEC-HEADER") || sc_eq_upper(name, nlen, "IMS-HEADER") ||
        sc_eq_upper(name, nlen, "SUBMISSION"))
        return 0;
    int field = schema_lookup(name, nlen);
    if (field >= 0 && FIELDS[field].norm == N_CONTAINER) {
        if (vlen)
            sub_diag(h->b, off, EDGR_WARNING, EDGR_D_BAD_VALUE,
                     "<%.*s> is a container but carries a value (ignored: \"%.*s\")",
                     (int)nlen, name, (int)(vlen > 40 ? 40 : vlen), val);
        return open_container(h, (unsigned)field, name, nlen, off);
    }
    return add_leaf(h, field, name, nlen, val, vlen, off);
}

static int tab_line(hctx *h, const char *s, size_t n, uint64_t off)
{
    const char *colon = memchr(s, ':', n);
    if (!colon) return add_leaf(h, -1, s, n, "", 0, off);
    const char *key = s;
    size_t klen = (size_t)(colon - s);
    trim(&key, &klen);
    const char *val = colon + 1;
    size_t vlen = n - (size_t)(val - s);
    trim(&val, &vlen);
    int field = schema_lookup(key, klen);
    if (field >= 0 && FIELDS[field].norm == N_CONTAINER) {
        if (vlen == 0) return open_container(h, (unsigned)field, key, klen, off);
        field = -1; /* a section name with a value: keep it raw */
    }
    return add_leaf(h, field, key, klen, val, vlen, off);
}

/* After the whole header: 8-K item titles become codes, which needs the
 * filing date (it follows the items) and the form type. */
static void resolve_items(sub_builder *b)
{
    const edgr_node *nodes = b->nodes.items;
    node_link *links = b->links.items;
    edgr_span date = {0}, form = {0};
    for (uint32_t c = links[0].first; c != UINT32_MAX; c = links[c].next) {
        const char *j = FIELDS[nodes[c].field].json;
        if (!strcmp(j, "filing_date")) date = nodes[c].raw;
        else if (!strcmp(j, "type")) form = nodes[c].raw;
    }
    for (uint32_t c = links[0].first; c != UINT32_MAX; c = links[c].next) {
        edgr_node *n = node_at(b, c);
        if (FIELDS[n->field].norm != N_ITEM || n->raw.len == 0) continue;
        size_t clen = 0;
        const char *code = items_code(n->raw.ptr, n->raw.len, date.ptr, date.len,
                                      form.ptr, form.len, &clen);
        if (code) {
            n->value.ptr = code;
            n->value.len = clen;
        } else {
            sub_diag(b, n->offset, EDGR_WARNING, EDGR_D_ITEM_UNKNOWN,
                     "item title with no known code (kept as written): \"%.*s\"",
                     (int)(n->raw.len > 80 ? 80 : n->raw.len), n->raw.ptr);
        }
    }
}

int header_parse(sub_builder *b, const char *region, size_t n, uint64_t offset)
{
    /* no root node: sub_reset ran out of memory */
    if (b->nomem || b->nodes.len == 0 || b->links.len != b->nodes.len) return -1;
    hctx h = {.b = b, .depth = 1};
    h.stack[0] = 0;
    int last_field = -1;
    if (!region) region = ""; /* an empty header may come with no buffer */
    const char *p = region, *end = region + n;
    while (p < end) {
        /* one line: up to \n, \r\n or a bare \r */
        const char *eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r') eol++;
        const char *next = eol;
        if (next < end) next += (*next == '\r' && next + 1 < end && next[1] == '\n') ? 2 : 1;
        const char *s = p;
        size_t len = (size_t)(eol - p);
        uint64_t off = offset + (uint64_t)(p - region);
        p = next;
        while (len && sc_is_space((unsigned char)*s)) s++, len--;
        while (len && sc_is_space((unsigned char)s[len - 1])) len--;
        /* the tail of a SIC "[3281" whose "]" wrapped onto this line */
        if (len && s[0] == ']' && last_field == (int)schema_lookup("ASSIGNED-SIC", 12)) {
            s++, len--;
            while (len && sc_is_space((unsigned char)*s)) s++, len--;
        }
        if (!len) continue;
        int rc = s[0] == '<' ? tag_line(&h, s, len, off) : tab_line(&h, s, len, off);
        if (rc) return -1;
        last_field = VEC_AT(&b->nodes, edgr_node, b->nodes.len - 1).field;
    }
    for (int i = h.depth - 1; i >= 1; i--) {
        const edgr_node *open = node_at(b, h.stack[i]);
        /* Tab sections close implicitly; only an unclosed tag container
         * (written "<X>") is worth a word. */
        if (open->name.len && open->name.ptr > region && open->name.ptr[-1] == '<')
            sub_diag(b, open->offset, EDGR_WARNING, EDGR_D_UNCLOSED,
                     "<%.*s> is never closed", (int)open->name.len, open->name.ptr);
    }
    resolve_items(b);
    return 0;
}
