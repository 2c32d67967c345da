/*
 * The result of reading a document's XBRL: facts, contexts, units and
 * problems, and what happens once the last byte is read (xb_finish):
 * references resolved, continuations joined, footnotes linked, duplicates
 * found and checked.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "chars.h"
#include "xbrl_int.h"

edgr_xbrl *xb_new(const edgr_xbrl_options *opt)
{
    edgr_xbrl *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    /* a caller built against a smaller struct has no base_offset */
    x->base = opt && opt->struct_size >= offsetof(edgr_xbrl_options, base_offset) + sizeof opt->base_offset
                  ? opt->base_offset
                  : 0;
    x->facts.size = sizeof(edgr_xbrl_fact);
    x->facts.max = XB_MAX_FACTS;
    x->contexts.size = sizeof(edgr_xbrl_context);
    x->contexts.max = XB_MAX_CONTEXTS;
    x->units.size = sizeof(edgr_xbrl_unit);
    x->units.max = XB_MAX_CONTEXTS;
    x->problems.size = sizeof(edgr_xbrl_problem);
    x->pieces.size = sizeof(xb_piece);
    x->pieces.max = XB_MAX_FACTS;
    x->chains.size = sizeof(xb_chain);
    x->chains.max = XB_MAX_FACTS;
    x->links.size = sizeof(xb_link);
    x->links.max = XB_MAX_FACTS;
    return x;
}

int xb_append(edgr_xbrl *x, edgr_buf *b, const void *p, size_t n, size_t cap)
{
    int rc = buf_append(b, p, n, cap);
    if (rc && rc != BUF_LIMIT) x->oom = 1;
    return rc;
}

void *xb_push(edgr_xbrl *x, vec *v, int what, uint64_t offset)
{
    static const char *const NAMES[] = {"continuations and footnotes", "footnote links", "ix:exclude elements",
                                        "continued facts"};
    void *item = vec_push(v);
    if (item) return item;
    if (!v->max || v->len < v->max) x->oom = 1;
    else if (!(x->limits_said & (1u << what))) {
        x->limits_said |= 1u << what;
        xb_problem(x, EDGR_XBRL_LIMIT, offset, "more than %zu %s: the rest left out", v->max, NAMES[what]);
    }
    return NULL;
}

const char *xb_dup(edgr_xbrl *x, const char *p, size_t n)
{
    const char *d = arena_dup(&x->a, p ? p : "", p ? n : 0);
    if (!d) x->oom = 1;
    return d;
}

edgr_xbrl_fact *xb_add_fact(edgr_xbrl *x, uint64_t offset)
{
    edgr_xbrl_fact *f = vec_push(&x->facts);
    if (!f) {
        if (x->facts.len < XB_MAX_FACTS) x->oom = 1;
        else if (x->facts.len == XB_MAX_FACTS)
            xb_problem(x, EDGR_XBRL_LIMIT, offset, "more than %d facts: the rest are not read", XB_MAX_FACTS);
        return NULL;
    }
    f->offset = x->base + offset;
    return f;
}

void xb_problem(edgr_xbrl *x, edgr_xbrl_problem_kind kind, uint64_t offset, const char *fmt, ...)
{
    if (x->problems_capped) return;
    char msg[512];
    if (x->problems.len == XB_MAX_PROBLEMS) {
        x->problems_capped = 1;
        kind = EDGR_XBRL_LIMIT;
        snprintf(msg, sizeof msg, "more than %d problems: the rest are not said", XB_MAX_PROBLEMS);
    } else {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
    }
    edgr_xbrl_problem *p = vec_push(&x->problems);
    if (!p) {
        x->oom = 1;
        return;
    }
    p->kind = kind;
    p->offset = x->base + offset;
    p->message = xb_dup(x, msg, strlen(msg));
}

void xb_add_chain(edgr_xbrl *x, size_t fact, const char *first)
{
    xb_chain *c = xb_push(x, &x->chains, XB_LIMIT_CHAINS, VEC_AT(&x->facts, edgr_xbrl_fact, fact).offset - x->base);
    if (!c) return;
    c->fact = fact;
    c->first = first;
}

/* ------------------------------------------------------------------------
 * Lookups by id: arrays of pointers sorted by their first member, a string.
 * ---------------------------------------------------------------------- */

static int cmp_id(const void *a, const void *b)
{
    const char *const *x = *(const char *const *const *)a, *const *y = *(const char *const *const *)b;
    return strcmp(*x ? *x : "", *y ? *y : "");
}

/* Pointers to the `n` items of `size` bytes at `items` whose first member
 * is their id, sorted by id.  NULL when out of memory (or n is 0). */
static const char ***sorted_ids(void *items, size_t n, size_t size)
{
    if (!n) return NULL;
    const char ***v = malloc(n * sizeof *v);
    if (!v) return NULL;
    for (size_t i = 0; i < n; i++) v[i] = (const char **)((char *)items + i * size);
    qsort(v, n, sizeof *v, cmp_id);
    return v;
}

static void *find_id(const char ***v, size_t n, const char *id)
{
    if (!v || !id) return NULL;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(*v[mid] ? *v[mid] : "", id);
        if (!c) return v[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ------------------------------------------------------------------------
 * Continuations and footnotes.
 * ---------------------------------------------------------------------- */

/* Join fact c->fact's text with its chain of pieces.  Each piece is read by
 * one chain at most, which also ends any cycle: a chain is as long as the
 * pieces there are, and the whole walk linear. */
static void join_chain(edgr_xbrl *x, const xb_chain *c, const char ***pieces, size_t npieces, edgr_buf *text,
                       edgr_buf *markup)
{
    edgr_xbrl_fact *f = &VEC_AT(&x->facts, edgr_xbrl_fact, c->fact);
    text->len = markup->len = 0;
    if (f->value && xb_append(x, text, f->value, strlen(f->value), XB_MAX_TEXT)) goto too_long;
    if (f->markup && xb_append(x, markup, f->markup, strlen(f->markup), XB_MAX_TEXT)) goto too_long;
    for (const char *id = c->first; id;) {
        xb_piece *p = find_id(pieces, npieces, id);
        if (!p) {
            xb_problem(x, EDGR_XBRL_BAD_VALUE, f->offset - x->base, "continuedAt \"%.100s\" names no ix:continuation", id);
            break;
        }
        if (p->used) {
            xb_problem(x, EDGR_XBRL_BAD_VALUE, f->offset - x->base,
                       "ix:continuation \"%.100s\" is continued from twice (or in a cycle)", id);
            break;
        }
        p->used = 1;
        if (xb_append(x, text, p->text, p->text_len, XB_MAX_TEXT)) goto too_long;
        if (f->markup && xb_append(x, markup, p->markup, p->markup_len, XB_MAX_TEXT)) goto too_long;
        id = p->next;
    }
    if (!f->nil) f->value = xb_dup(x, text->data, text->len);
    if (f->markup) f->markup = xb_dup(x, markup->data, markup->len);
    return;
too_long:
    xb_problem(x, EDGR_XBRL_LIMIT, f->offset - x->base, "a continued value passes %d bytes: cut there", XB_MAX_TEXT);
}

static int cmp_link(const void *a, const void *b)
{
    const xb_link *x = a, *y = b;
    return strcmp(x->fact_id, y->fact_id);
}

static int cmp_fact_id(const void *a, const void *b)
{
    return strcmp((*(const edgr_xbrl_fact *const *)a)->id, (*(const edgr_xbrl_fact *const *)b)->id);
}

static edgr_xbrl_fact *find_fact(edgr_xbrl_fact **v, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(v[mid]->id, id);
        if (!c) return v[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* Give each fact the text of the footnotes its links name. */
static void link_footnotes(edgr_xbrl *x, const char ***pieces, size_t npieces)
{
    size_t nl = x->links.len, nf = x->facts.len, nid = 0;
    if (!nl) return;
    xb_link *l = x->links.items;
    qsort(l, nl, sizeof *l, cmp_link);
    edgr_xbrl_fact **byid = nf ? malloc(nf * sizeof *byid) : NULL;
    if (nf && !byid) {
        x->oom = 1;
        return;
    }
    for (size_t i = 0; i < nf; i++) {
        edgr_xbrl_fact *f = &VEC_AT(&x->facts, edgr_xbrl_fact, i);
        if (f->id) byid[nid++] = f;
    }
    if (nid) qsort(byid, nid, sizeof *byid, cmp_fact_id);
    for (size_t i = 0; i < nl;) {
        size_t j = i;
        while (j < nl && !strcmp(l[j].fact_id, l[i].fact_id)) j++;
        edgr_xbrl_fact *f = find_fact(byid, nid, l[i].fact_id);
        if (!f) {
            xb_problem(x, EDGR_XBRL_BAD_VALUE, 0, "a footnote relationship names no fact \"%.100s\"", l[i].fact_id);
        } else {
            const char **v = (const char **)arena_alloc(&x->a, (j - i) * sizeof *v);
            if (!v) {
                x->oom = 1;
                break;
            }
            size_t n = 0;
            for (size_t k = i; k < j; k++) {
                xb_piece *p = find_id(pieces, npieces, l[k].footnote_id);
                if (p) v[n++] = p->text;
                else xb_problem(x, EDGR_XBRL_BAD_VALUE, f->offset - x->base, "footnote \"%.100s\" not found",
                                l[k].footnote_id);
            }
            f->footnotes = v;
            f->nfootnotes = n;
        }
        i = j;
    }
    free(byid);
}

/* ------------------------------------------------------------------------
 * Duplicates: facts of one concept, context and unit.
 * ---------------------------------------------------------------------- */

static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

static int cmp_dup(const void *a, const void *b)
{
    const edgr_xbrl_fact *x = *(const edgr_xbrl_fact *const *)a, *y = *(const edgr_xbrl_fact *const *)b;
    int c;
    if ((c = cmp_str(x->name, y->name)) || (c = cmp_str(x->ns, y->ns)) ||
        (c = cmp_str(x->context_ref, y->context_ref)) || (c = cmp_str(x->unit_ref, y->unit_ref)))
        return c;
    return x < y ? -1 : x > y;
}

/* The decimals a numeric fact is good to: its `decimals`; INF (or none
 * said) as a large number. */
static long fact_decimals(const edgr_xbrl_fact *f)
{
    if (!f->decimals || !strcmp(f->decimals, "INF")) return 100000;
    char *end;
    long d = strtol(f->decimals, &end, 10);
    return end == f->decimals ? 100000 : d;
}

/* Text compared with runs of white space as one space, ends trimmed. */
static int same_text(const char *a, const char *b)
{
    a = a ? a : "", b = b ? b : "";
    for (;;) {
        while (sc_is_xml_space((unsigned char)*a)) a++;
        while (sc_is_xml_space((unsigned char)*b)) b++;
        if (!*a || !*b) return !*a && !*b;
        while (*a && *a == *b && !sc_is_xml_space((unsigned char)*a)) a++, b++;
        if (!(!*a || sc_is_xml_space((unsigned char)*a)) || !(!*b || sc_is_xml_space((unsigned char)*b))) return 0;
    }
}

static void check_group(edgr_xbrl *x, edgr_xbrl_fact **g, size_t n)
{
    size_t keep = 0;
    if (g[0]->kind == EDGR_XBRL_NUMERIC) {
        long coarse = 100000;
        /* the fact kept is the most precise of those with a number: an
         * untransformed one stands for nothing */
        int have_keep = 0;
        for (size_t i = 0; i < n; i++) {
            long d = fact_decimals(g[i]);
            if (d < coarse) coarse = d;
            if (g[i]->untransformed || !g[i]->value) continue;
            if (!have_keep || d > fact_decimals(g[keep])) keep = i, have_keep = 1;
        }
        if (!have_keep) return; /* none has a number: none is a duplicate of another */
        xd first;
        int have = 0;
        for (size_t i = 0; i < n; i++) {
            xd v;
            if (g[i]->untransformed || !g[i]->value || xd_parse(g[i]->value, strlen(g[i]->value), &v)) continue;
            xd_round(&v, coarse);
            if (!have) first = v, have = 1;
            else if (!xd_equal(&first, &v)) {
                xb_problem(x, EDGR_XBRL_CONFLICT, g[i]->offset - x->base,
                           "%s:%s in context %s: %s disagrees with %s at %ld decimals", g[i]->prefix ? g[i]->prefix : "",
                           g[i]->name, g[i]->context_ref ? g[i]->context_ref : "?", g[i]->value, g[0]->value, coarse);
                return; /* no fact stands for a group that disagrees */
            }
        }
    } else {
        for (size_t i = 1; i < n; i++)
            if (!same_text(g[0]->value, g[i]->value)) {
                xb_problem(x, EDGR_XBRL_CONFLICT, g[i]->offset - x->base,
                           "%s:%s in context %s: two different texts", g[i]->prefix ? g[i]->prefix : "", g[i]->name,
                           g[i]->context_ref ? g[i]->context_ref : "?");
                return;
            }
    }
    for (size_t i = 0; i < n; i++) g[i]->duplicate = i != keep;
}

static void mark_duplicates(edgr_xbrl *x)
{
    size_t n = x->facts.len;
    if (n < 2) return;
    edgr_xbrl_fact **v = malloc(n * sizeof *v);
    if (!v) {
        x->oom = 1;
        return;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        edgr_xbrl_fact *f = &VEC_AT(&x->facts, edgr_xbrl_fact, i);
        if (!f->nil && f->kind != EDGR_XBRL_FRACTION) v[m++] = f;
    }
    qsort(v, m, sizeof *v, cmp_dup);
    for (size_t i = 0; i < m;) {
        size_t j = i + 1;
        while (j < m && !cmp_str(v[j]->name, v[i]->name) && !cmp_str(v[j]->ns, v[i]->ns) &&
               !cmp_str(v[j]->context_ref, v[i]->context_ref) && !cmp_str(v[j]->unit_ref, v[i]->unit_ref) &&
               v[j]->kind == v[i]->kind)
            j++;
        if (j - i > 1) check_group(x, v + i, j - i);
        i = j;
    }
    free(v);
}

void xb_finish(edgr_xbrl *x)
{
    size_t nc = x->contexts.len, nu = x->units.len, np = x->pieces.len;
    const char ***ctx = sorted_ids(x->contexts.items, nc, sizeof(edgr_xbrl_context));
    const char ***unit = sorted_ids(x->units.items, nu, sizeof(edgr_xbrl_unit));
    const char ***piece = sorted_ids(x->pieces.items, np, sizeof(xb_piece));
    if ((nc && !ctx) || (nu && !unit) || (np && !piece)) x->oom = 1;
    edgr_buf text = {0}, markup = {0};
    for (size_t i = 0; !x->oom && i < x->chains.len; i++)
        join_chain(x, &VEC_AT(&x->chains, xb_chain, i), piece, np, &text, &markup);
    free(text.data);
    free(markup.data);
    for (size_t i = 0; !x->oom && i < x->facts.len; i++) {
        edgr_xbrl_fact *f = &VEC_AT(&x->facts, edgr_xbrl_fact, i);
        if (f->context_ref && !(f->context = find_id(ctx, nc, f->context_ref)))
            xb_problem(x, EDGR_XBRL_NO_CONTEXT, f->offset - x->base, "contextRef \"%.100s\" names no context",
                       f->context_ref);
        if (f->unit_ref && !(f->unit = find_id(unit, nu, f->unit_ref)))
            xb_problem(x, EDGR_XBRL_NO_CONTEXT, f->offset - x->base, "unitRef \"%.100s\" names no unit", f->unit_ref);
    }
    if (!x->oom) link_footnotes(x, piece, np);
    if (!x->oom) mark_duplicates(x);
    free(ctx);
    free(unit);
    free(piece);
}

/* ------------------------------------------------------------------------
 * The public calls.
 * ---------------------------------------------------------------------- */

const char *edgr_xbrl_format_name(edgr_xbrl_format f)
{
    return f == EDGR_XBRL_INLINE ? "inline" : f == EDGR_XBRL_INSTANCE ? "instance" : "none";
}

const char *xb_find(const char *p, const char *end, const char *lit)
{
    size_t k = strlen(lit);
    while ((size_t)(end - p) >= k) {
        const char *c = memchr(p, lit[0], (size_t)(end - p) - k + 1);
        if (!c) return NULL;
        if (!memcmp(c, lit, k)) return c;
        p = c + 1;
    }
    return NULL;
}

/* The local name of the first element (after a BOM, the XML declaration,
 * comments, processing instructions and a doctype): "xbrl" for an
 * instance. */
static int root_is_xbrl(const char *p, size_t n)
{
    const char *end = p + n;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    while (p < end) {
        while (p < end && *p != '<') p++;
        if (end - p < 2) return 0;
        if (p[1] == '?' || p[1] == '!') {
            const char *close = (end - p >= 4 && !memcmp(p, "<!--", 4)) ? xb_find(p, end, "-->")
                                                                        : memchr(p, '>', (size_t)(end - p));
            if (!close) return 0;
            p = close + 1;
            continue;
        }
        const char *q = p + 1, *local = q;
        while (q < end && *q != '>' && *q != '/' && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r') {
            if (*q == ':') local = q + 1;
            q++;
        }
        return q - local == 4 && !memcmp(local, "xbrl", 4);
    }
    return 0;
}

edgr_status edgr_xbrl_read(const char *data, size_t len, const edgr_xbrl_options *opt, edgr_xbrl **out)
{
    if (!out || (!data && len) || (opt && opt->struct_size && opt->struct_size < sizeof(size_t))) return EDGR_ERR_ARG;
    *out = NULL;
    edgr_xbrl *x = xb_new(opt);
    if (!x) return EDGR_ERR_NOMEM;
    edgr_status st = EDGR_OK;
    if (!data) data = "";
    if (root_is_xbrl(data, len)) {
        x->format = EDGR_XBRL_INSTANCE;
        st = xbrl_read_instance(x, data, len);
    } else if (xb_find(data, data + len, NS_IX11) || xb_find(data, data + len, NS_IX10)) {
        x->format = EDGR_XBRL_INLINE;
        st = xbrl_read_inline(x, data, len);
    }
    if (st == EDGR_OK || st == EDGR_ERR_DECODE) xb_finish(x);
    if (x->oom || st == EDGR_ERR_NOMEM) {
        edgr_xbrl_free(x);
        return EDGR_ERR_NOMEM;
    }
    *out = x;
    return st;
}

edgr_xbrl_format edgr_xbrl_format_of(const edgr_xbrl *x) { return x ? x->format : EDGR_XBRL_NONE; }
size_t edgr_xbrl_count(const edgr_xbrl *x) { return x ? x->facts.len : 0; }

const edgr_xbrl_fact *edgr_xbrl_fact_at(const edgr_xbrl *x, size_t i)
{
    return x && i < x->facts.len ? &VEC_AT(&x->facts, edgr_xbrl_fact, i) : NULL;
}

size_t edgr_xbrl_problem_count(const edgr_xbrl *x) { return x ? x->problems.len : 0; }

const edgr_xbrl_problem *edgr_xbrl_problem_at(const edgr_xbrl *x, size_t i)
{
    return x && i < x->problems.len ? &VEC_AT(&x->problems, edgr_xbrl_problem, i) : NULL;
}

void edgr_xbrl_free(edgr_xbrl *x)
{
    if (!x) return;
    arena_free(&x->a);
    vec_free(&x->facts);
    vec_free(&x->contexts);
    vec_free(&x->units);
    vec_free(&x->problems);
    vec_free(&x->pieces);
    vec_free(&x->chains);
    vec_free(&x->links);
    xr_free(&x->res);
    free(x);
}
