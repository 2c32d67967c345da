/*
 * Contexts and units, read from element events: the same XML stands in an
 * instance and in an inline document's ix:resources, so both readers feed
 * this one state machine.
 *
 *   <xbrli:context id="c-1">
 *     <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000320193</xbrli:identifier>
 *       <xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementClassOfStockAxis">
 *         us-gaap:CommonStockMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
 *     <xbrli:period><xbrli:startDate>2024-09-29</xbrli:startDate><xbrli:endDate>2025-03-29</xbrli:endDate></xbrli:period>
 *   </xbrli:context>
 *   <xbrli:unit id="usdPerShare"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure>
 *     </xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure>...
 */
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "xbrl_int.h"

/* The text being gathered. */
enum leaf { L_NONE = 0, L_IDENTIFIER, L_START, L_END, L_INSTANT, L_EXPLICIT, L_TYPED, L_MEASURE };

const xb_attr *xb_attr_get(const xb_attr *a, size_t n, const char *uri, const char *name)
{
    size_t k = strlen(name);
    for (size_t i = 0; i < n; i++)
        if (a[i].name_len == k && !memcmp(a[i].name, name, k) &&
            (uri ? a[i].uri && !strcmp(a[i].uri, uri) : !a[i].uri))
            return &a[i];
    return NULL;
}

static const char *attr_dup(edgr_xbrl *x, const xb_attr *a, size_t n, const char *name)
{
    const xb_attr *v = xb_attr_get(a, n, NULL, name);
    return v ? xb_dup(x, v->value, v->value_len) : NULL;
}


/* The gathered text, trimmed, with inner runs of white space as one space
 * (a typed member's content spans lines). */
static const char *leaf_text(edgr_xbrl *x)
{
    edgr_buf *b = &x->res.text;
    size_t o = 0;
    int gap = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (sc_is_xml_space((unsigned char)b->data[i])) {
            gap = o > 0;
            continue;
        }
        if (gap) b->data[o++] = ' ', gap = 0;
        b->data[o++] = b->data[i];
    }
    b->len = o;
    return xb_dup(x, b->data, o);
}

static int is(const char *uri, const char *local, const char *want_uri, const char *want_local)
{
    return uri && !strcmp(uri, want_uri) && !strcmp(local, want_local);
}

int xr_start(edgr_xbrl *x, const char *uri, const char *local, const xb_attr *attrs, size_t nattrs,
             uint64_t offset)
{
    xb_res *r = &x->res;
    if (r->leaf == L_TYPED) { /* a typed member's own content */
        r->typed_depth++;
        return 1;
    }
    if (is(uri, local, NS_XBRLI, "context")) {
        memset(&r->ctx, 0, sizeof r->ctx);
        r->nmembers = 0;
        r->in_context = 1;
        r->offset = offset;
        r->ctx.id = attr_dup(x, attrs, nattrs, "id");
        return 1;
    }
    if (is(uri, local, NS_XBRLI, "unit")) {
        r->in_unit = 1;
        r->denominator = 0;
        r->num.len = r->den.len = r->key_num.len = r->key_den.len = 0;
        r->unit_id = attr_dup(x, attrs, nattrs, "id");
        r->offset = offset;
        return 1;
    }
    if (r->in_context) {
        r->text.len = 0;
        if (is(uri, local, NS_XBRLI, "identifier")) {
            r->ctx.scheme = attr_dup(x, attrs, nattrs, "scheme");
            r->leaf = L_IDENTIFIER;
        } else if (is(uri, local, NS_XBRLI, "startDate")) r->leaf = L_START;
        else if (is(uri, local, NS_XBRLI, "endDate")) r->leaf = L_END;
        else if (is(uri, local, NS_XBRLI, "instant")) r->leaf = L_INSTANT;
        else if (is(uri, local, NS_XBRLDI, "explicitMember") || is(uri, local, NS_XBRLDI, "typedMember")) {
            r->leaf = local[0] == 'e' ? L_EXPLICIT : L_TYPED;
            r->typed_depth = 0;
            r->dim = attr_dup(x, attrs, nattrs, "dimension");
        }
        return 1;
    }
    if (r->in_unit) {
        r->text.len = 0;
        if (is(uri, local, NS_XBRLI, "measure")) r->leaf = L_MEASURE;
        else if (is(uri, local, NS_XBRLI, "unitDenominator")) r->denominator = 1;
        else if (is(uri, local, NS_XBRLI, "unitNumerator")) r->denominator = 0;
        return 1;
    }
    return 0;
}

void xr_text(edgr_xbrl *x, const char *p, size_t n)
{
    xb_res *r = &x->res;
    if (r->leaf == L_NONE) return;
    if (xb_append(x, &r->text, p, n, 1 << 20)) r->leaf = L_NONE; /* a leaf of a MB is no context's */
}

static int cmp_member(const void *a, const void *b)
{
    return strcmp(((const edgr_xbrl_member *)a)->dimension, ((const edgr_xbrl_member *)b)->dimension);
}

static void end_context(edgr_xbrl *x)
{
    xb_res *r = &x->res;
    r->in_context = 0;
    if (r->nmembers) {
        qsort(r->members, r->nmembers, sizeof r->members[0], cmp_member);
        edgr_xbrl_member *m = (edgr_xbrl_member *)arena_alloc(&x->a, r->nmembers * sizeof *m);
        if (!m) {
            x->oom = 1;
            return;
        }
        memcpy(m, r->members, r->nmembers * sizeof *m);
        r->ctx.members = m;
        r->ctx.nmembers = r->nmembers;
    }
    if (!r->ctx.id) {
        xb_problem(x, EDGR_XBRL_BAD_VALUE, r->offset, "a context without an id");
        return;
    }
    edgr_xbrl_context *c = vec_push(&x->contexts);
    if (!c) {
        if (x->contexts.len < XB_MAX_CONTEXTS) x->oom = 1;
        return;
    }
    *c = r->ctx;
}

/* A measure QName and its local name, onto the unit's lists. */
static void add_measure(edgr_xbrl *x, const char *m)
{
    xb_res *r = &x->res;
    const char *colon = strchr(m, ':');
    const char *local = colon ? colon + 1 : m;
    edgr_buf *q = r->denominator ? &r->den : &r->num, *k = r->denominator ? &r->key_den : &r->key_num;
    /* a unit of more than 64 KB of measures is no real one: cut there
     * (xb_append says when memory ran out) */
    if ((q->len && xb_append(x, q, "*", 1, 1 << 16)) || xb_append(x, q, m, strlen(m), 1 << 16) ||
        (k->len && xb_append(x, k, "*", 1, 1 << 16)) || xb_append(x, k, local, strlen(local), 1 << 16)) {
        if (!x->oom) xb_problem(x, EDGR_XBRL_LIMIT, 0, "a unit's measures pass 64 KB: cut there");
        return;
    }
}

/* "num" or "num/den" of two buffers, into the arena. */
static const char *joined(edgr_xbrl *x, const edgr_buf *num, const edgr_buf *den)
{
    size_t n = num->len + (den->len ? den->len + 1 : 0);
    char *s = arena_alloc(&x->a, n + 1);
    if (!s) {
        x->oom = 1;
        return NULL;
    }
    if (num->len) memcpy(s, num->data, num->len);
    if (den->len) {
        s[num->len] = '/';
        memcpy(s + num->len + 1, den->data, den->len);
    }
    s[n] = '\0';
    return s;
}

static void end_unit(edgr_xbrl *x)
{
    xb_res *r = &x->res;
    r->in_unit = 0;
    if (!r->unit_id) {
        xb_problem(x, EDGR_XBRL_BAD_VALUE, r->offset, "a unit without an id");
        return;
    }
    edgr_xbrl_unit *u = vec_push(&x->units);
    if (!u) {
        if (x->units.len < XB_MAX_CONTEXTS) x->oom = 1;
        return;
    }
    u->id = r->unit_id;
    u->key = joined(x, &r->key_num, &r->key_den);
    u->measures = joined(x, &r->num, &r->den);
}

int xr_end(edgr_xbrl *x, const char *uri, const char *local)
{
    xb_res *r = &x->res;
    if (r->leaf == L_TYPED && r->typed_depth > 0) {
        r->typed_depth--;
        return 1;
    }
    if (r->in_context) {
        if (is(uri, local, NS_XBRLI, "context")) {
            end_context(x);
            return 1;
        }
        const char *t = r->leaf ? leaf_text(x) : NULL;
        switch (r->leaf) {
        case L_IDENTIFIER: r->ctx.identifier = t; break;
        case L_START: r->ctx.start = t; break;
        case L_END: r->ctx.end = t; break;
        case L_INSTANT: r->ctx.end = t, r->ctx.instant = 1; break;
        case L_EXPLICIT:
        case L_TYPED:
            if (r->nmembers == XB_MAX_MEMBERS) {
                xb_problem(x, EDGR_XBRL_LIMIT, r->offset, "a context of more than %d dimensions", XB_MAX_MEMBERS);
                break;
            }
            r->members[r->nmembers].dimension = r->dim ? r->dim : "";
            r->members[r->nmembers].member = t;
            r->members[r->nmembers].typed = r->leaf == L_TYPED;
            r->nmembers++;
            break;
        default: break;
        }
        r->leaf = L_NONE;
        return 1;
    }
    if (r->in_unit) {
        if (is(uri, local, NS_XBRLI, "unit")) {
            end_unit(x);
            return 1;
        }
        if (r->leaf == L_MEASURE) {
            const char *t = leaf_text(x);
            if (t) add_measure(x, t);
        }
        r->leaf = L_NONE;
        return 1;
    }
    return 0;
}

void xr_free(xb_res *r)
{
    free(r->num.data);
    free(r->den.data);
    free(r->key_num.data);
    free(r->key_den.data);
    free(r->text.data);
}
