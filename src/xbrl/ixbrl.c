/*
 * Inline XBRL: the facts tagged in an XHTML document, read in one pass.
 *
 * The tokenizer is edgr's HTML one's kind (src/text/html.c): spans into the
 * input, tags' attributes read by the same reader (src/text/tag_attr.h),
 * character references through the WHATWG table (src/text/entities.c), no
 * tree.  What inline XBRL needs beyond text is namespaces (a fact's name
 * and format are QNames) and the nesting of ix elements, so there is a
 * stack of open elements, each a few words, and a stack of xmlns
 * declarations, popped with the element that made them.
 *
 * Text is gathered only while some fact, continuation or footnote is open:
 * into one buffer for all of them, each remembering where its text starts,
 * with the ranges of ix:exclude elements noted so that each can leave out
 * what was excluded inside it.  A fact's value is built once, when it
 * closes; facts nest a few deep at most, and XB_MAX_OPEN_FACTS bounds the
 * copies so that hostile nesting stays linear.
 *
 * Contexts and units in ix:resources go to resources.c as element events;
 * continuations, footnotes and their links are resolved by xb_finish.
 */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "chars.h"
#include "entities.h"
#include "tag_attr.h"
#include "xbrl_int.h"

enum {
    XB_MAX_DEPTH = 1 << 18,      /* open elements kept; deeper ones are not tracked */
    XB_MAX_OPEN_FACTS = 32,      /* facts open inside each other (real: 1-4)        */
    XB_MAX_ATTRS = 1024,         /* attributes read from one tag (a root declares ~200 namespaces) */
    XB_MAX_NS = 4096,            /* xmlns declarations in scope                       */
    XB_END_SEARCH = 64           /* open elements an unmatched end tag may close      */
};

/* What an open element is to us. */
enum role {
    R_OTHER = 0, R_RESOURCES, R_NONFRACTION, R_NONNUMERIC, R_FRACTION, R_NUMERATOR, R_DENOMINATOR,
    R_CONTINUATION, R_FOOTNOTE, R_EXCLUDE, R_RELATIONSHIP, R_RAW
};

typedef struct open_el {
    const char *name;       /* as written, into the input                    */
    unsigned len;
    unsigned char role;
    unsigned char fed;      /* given to resources.c as a start event          */
    int cap;                /* its capture, or -1                             */
    const char *uri, *local; /* resolved, when fed                            */
} open_el;

typedef struct ns_decl {
    const char *prefix;     /* into the input; NULL for the default           */
    size_t plen;
    const char *uri;        /* decoded, in the arena                           */
    size_t depth;           /* of the element that declared it                 */
} ns_decl;

/* A fact, continuation or footnote being read. */
typedef struct capture {
    enum role role;
    size_t fact;            /* index in x->facts (facts, fractions)           */
    size_t text_from;       /* where its text starts in r->text               */
    size_t excl_from;       /* the first exclude range opened inside it        */
    const char *markup_from; /* input just after its start tag                */
    const char *fmt_uri, *fmt_local, *scale;
    int negate, escape;
    const char *id, *next;  /* continuation / footnote id, continuedAt        */
} capture;

/* An ix:exclude's text (in r->text) and input span. */
typedef struct excl {
    size_t from, to;
    const char *src_from, *src_to;
} excl;

typedef struct attr_span {
    const char *name, *value;
    size_t name_len, value_len;
} attr_span;

typedef struct rd {
    edgr_xbrl *x;
    const char *start, *end;
    int cp1252;             /* the input is not UTF-8: high bytes are Windows-1252 */
    open_el *els;
    size_t depth, cap_els;
    ns_decl ns[XB_MAX_NS];
    size_t nns;
    capture caps[XB_MAX_OPEN_FACTS];
    size_t ncaps;
    int caps_dropped;       /* captures not opened past the limit (depth count) */
    size_t resources;       /* depth of the open ix:resources, or 0            */
    edgr_buf text;          /* the text of the open captures                   */
    vec excls;
    edgr_buf scratch;       /* an attribute value decoded                        */
    edgr_buf join;          /* a value built                                     */
    int limit_said;
} rd;


static uint64_t off(const rd *r, const char *p) { return (uint64_t)(p - r->start); }

/* ------------------------------------------------------------------------
 * Text.
 * ---------------------------------------------------------------------- */

static int gathering(const rd *r) { return r->ncaps > 0 || r->resources > 0; }

static void put(rd *r, const char *p, size_t n)
{
    if (r->ncaps && xb_append(r->x, &r->text, p, n, XB_MAX_TEXT) && !r->limit_said) {
        r->limit_said = 1;
        xb_problem(r->x, EDGR_XBRL_LIMIT, off(r, p), "a value passes %d bytes: cut there", XB_MAX_TEXT);
    }
    if (r->resources) xr_text(r->x, p, n);
}

/* A character reference at p ('&'); returns the byte after it. */
static const char *char_ref(rd *r, const char *p)
{
    const char *end = r->end;
    if (p + 1 < end && p[1] == '#') {
        unsigned cp;
        size_t k = entity_numeric(p + 1, (size_t)(end - p - 1), &cp);
        if (k) {
            char u[4];
            put(r, u, utf8_encode(cp, u));
            return p + 1 + k;
        }
    } else if (p + 1 < end) {
        const char *v;
        size_t vn, k = entity_match(p + 1, (size_t)(end - p - 1), &v, &vn);
        if (k) {
            put(r, v, vn);
            return p + 1 + k;
        }
    }
    put(r, "&", 1);
    return p + 1;
}

/* Text up to the next '<'. */
static const char *text_run(rd *r, const char *p)
{
    const char *end = r->end;
    while (p < end && *p != '<') {
        const char *q = p;
        while (q < end && *q != '<' && *q != '&' && !(r->cp1252 && (unsigned char)*q >= 0x80)) q++;
        if (q > p) put(r, p, (size_t)(q - p));
        p = q;
        if (p < end && *p == '&') p = char_ref(r, p);
        else if (p < end && *p != '<') { /* a Windows-1252 byte */
            char u[3];
            put(r, u, cp1252_to_utf8((unsigned char)*p, u));
            p++;
        }
    }
    return p;
}

/* ------------------------------------------------------------------------
 * Namespaces.
 * ---------------------------------------------------------------------- */

/* The URI of prefix[0..n) in scope (n 0: the default namespace), or NULL. */
static const char *ns_lookup(const rd *r, const char *prefix, size_t n)
{
    for (size_t i = r->nns; i-- > 0;) {
        const ns_decl *d = &r->ns[i];
        if (n ? d->prefix && d->plen == n && !memcmp(d->prefix, prefix, n) : !d->prefix) return d->uri;
    }
    return NULL;
}

/* A QName's namespace URI and local name; the URI NULL when its prefix
 * names none. */
static const char *qname_uri(const rd *r, const char *q, size_t n, const char **local)
{
    const char *colon = memchr(q, ':', n);
    *local = colon ? colon + 1 : q;
    return colon ? ns_lookup(r, q, (size_t)(colon - q)) : ns_lookup(r, NULL, 0);
}

static int is_ix(const char *uri) { return uri && (!strcmp(uri, NS_IX11) || !strcmp(uri, NS_IX10)); }

/* ------------------------------------------------------------------------
 * Tags.
 * ---------------------------------------------------------------------- */

/* The value of an attribute with character references decoded, in the
 * arena (NULL when absent or out of memory). */
static const char *value_dup(rd *r, const attr_span *a)
{
    if (!a) return NULL;
    if (!memchr(a->value, '&', a->value_len)) return xb_dup(r->x, a->value, a->value_len);
    edgr_buf *b = &r->scratch;
    b->len = 0;
    for (const char *p = a->value, *end = a->value + a->value_len; p < end;) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        if (xb_append(r->x, b, p, (size_t)(stop - p), XB_MAX_TEXT)) return NULL;
        if (!amp) break;
        unsigned cp;
        const char *v;
        size_t vn, k = 0;
        char u[4];
        if (amp + 1 < end && amp[1] == '#' && (k = entity_numeric(amp + 1, (size_t)(end - amp - 1), &cp))) {
            vn = utf8_encode(cp, u);
            v = u;
        } else if (amp + 1 < end && (k = entity_match(amp + 1, (size_t)(end - amp - 1), &v, &vn))) {
        } else {
            v = "&", vn = 1, k = 0;
        }
        if (xb_append(r->x, b, v, vn, XB_MAX_TEXT)) return NULL;
        p = amp + 1 + k;
    }
    return xb_dup(r->x, b->data, b->len);
}

static const attr_span *attr_find(const attr_span *a, size_t n, const char *name)
{
    size_t k = strlen(name);
    for (size_t i = 0; i < n; i++)
        if (a[i].name_len == k && !memcmp(a[i].name, name, k)) return &a[i];
    return NULL;
}

/* An attribute by namespace and local name (xsi:nil, whatever the prefix). */
static const attr_span *attr_find_ns(const rd *r, const attr_span *a, size_t n, const char *uri, const char *local)
{
    size_t k = strlen(local);
    for (size_t i = 0; i < n; i++) {
        const char *colon = memchr(a[i].name, ':', a[i].name_len);
        if (!colon || (size_t)(a[i].name + a[i].name_len - colon - 1) != k || memcmp(colon + 1, local, k)) continue;
        const char *u = ns_lookup(r, a[i].name, (size_t)(colon - a[i].name));
        if (u && !strcmp(u, uri)) return &a[i];
    }
    return NULL;
}

/*
 * Parse the tag at p ('<' then a name byte): its name and attributes.
 * Returns the byte after its '>', or NULL when the input ends inside it.
 */
static const char *parse_tag(const char *p, const char *end, const char **name, size_t *name_len,
                             attr_span *attrs, size_t *nattrs, int *self_closing)
{
    p++;
    const char *n0 = p;
    while (p < end && !tag_is_name_end((unsigned char)*p)) p++;
    *name = n0;
    *name_len = (size_t)(p - n0);
    *nattrs = 0;
    *self_closing = 0;
    for (;;) {
        tag_attr a;
        int got = tag_next_attr(&p, end, &a, self_closing);
        if (got < 0) return NULL;
        if (got == 0) return p;
        if (*nattrs < XB_MAX_ATTRS) {
            attrs[*nattrs] = (attr_span){a.name, a.value ? a.value : "", a.name_len, a.value_len};
            (*nattrs)++;
        }
    }
}

/* HTML elements without content when written without "/>" (a tag soup
 * page is no inline XBRL, but a <br> in one is common). */
static int is_void(const char *n, size_t len)
{
    static const char *const v[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                    "link", "meta", "param", "source", "track", "wbr"};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        size_t k = strlen(v[i]);
        if (k != len) continue;
        size_t j = 0;
        while (j < k && (n[j] | 32) == v[i][j]) j++;
        if (j == k) return 1;
    }
    return 0;
}

static enum role ix_role(const char *local)
{
    static const struct { const char *name; enum role role; } t[] = {
        {"continuation", R_CONTINUATION}, {"denominator", R_DENOMINATOR}, {"exclude", R_EXCLUDE},
        {"footnote", R_FOOTNOTE}, {"fraction", R_FRACTION}, {"nonFraction", R_NONFRACTION},
        {"nonNumeric", R_NONNUMERIC}, {"numerator", R_NUMERATOR}, {"relationship", R_RELATIONSHIP},
        {"resources", R_RESOURCES},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcasecmp(local, t[i].name)) return t[i].role;
    return R_OTHER;
}

/* ------------------------------------------------------------------------
 * Facts.
 * ---------------------------------------------------------------------- */

static void say_limit(rd *r, const char *p, const char *what)
{
    if (r->limit_said) return;
    r->limit_said = 1;
    xb_problem(r->x, EDGR_XBRL_LIMIT, off(r, p), "%s", what);
}

/* The fact's concept from its name attribute. */
static void set_concept(rd *r, edgr_xbrl_fact *f, const attr_span *name)
{
    if (!name) return;
    const char *local;
    const char *uri = qname_uri(r, name->value, name->value_len, &local);
    const char *colon = memchr(name->value, ':', name->value_len);
    f->ns = uri ? xb_dup(r->x, uri, strlen(uri)) : NULL;
    f->prefix = colon ? xb_dup(r->x, name->value, (size_t)(colon - name->value)) : NULL;
    f->name = xb_dup(r->x, local, (size_t)(name->value + name->value_len - local));
    if (!uri && colon)
        xb_problem(r->x, EDGR_XBRL_BAD_VALUE, f->offset - r->x->base, "the prefix of \"%.*s\" is not declared",
                   (int)(name->value_len > 100 ? 100 : name->value_len), name->value);
}

/* A capture's format: (URI, local) of its format QName. */
static void set_format(rd *r, capture *c, edgr_xbrl_fact *f, const attr_span *fmt)
{
    if (!fmt) return;
    const char *local;
    const char *uri = qname_uri(r, fmt->value, fmt->value_len, &local);
    c->fmt_uri = uri ? xb_dup(r->x, uri, strlen(uri)) : NULL;
    c->fmt_local = xb_dup(r->x, local, (size_t)(fmt->value + fmt->value_len - local));
    if (f) f->format = xb_dup(r->x, fmt->value, fmt->value_len);
}

static int attr_is(const attr_span *a, const char *v)
{
    size_t k = strlen(v);
    return a && a->value_len == k && !memcmp(a->value, v, k);
}

/* Links from a fact to each footnote of a space-separated id list (ix 1.0's
 * footnoteRefs, 1.1's ix:relationship). */
static void add_links(rd *r, const char *from, const char *to_list)
{
    for (const char *p = to_list; p && *p;) {
        while (*p && sc_is_html_space((unsigned char)*p)) p++;
        const char *q = p;
        while (*q && !sc_is_html_space((unsigned char)*q)) q++;
        if (q > p) {
            xb_link *l = xb_push(r->x, &r->x->links, XB_LIMIT_LINKS, 0);
            if (!l) return;
            l->fact_id = from;
            l->footnote_id = xb_dup(r->x, p, (size_t)(q - p));
        }
        p = q;
    }
}

static void relationship(rd *r, const attr_span *a, size_t na)
{
    const attr_span *arc = attr_find(a, na, "arcrole");
    if (arc && !attr_is(arc, "http://www.xbrl.org/2003/arcrole/fact-footnote")) return; /* explanatory facts: not footnotes */
    const char *from = value_dup(r, attr_find(a, na, "fromRefs")), *to = value_dup(r, attr_find(a, na, "toRefs"));
    for (const char *p = from; p && *p;) {
        while (*p && sc_is_html_space((unsigned char)*p)) p++;
        const char *q = p;
        while (*q && !sc_is_html_space((unsigned char)*q)) q++;
        if (q > p) add_links(r, xb_dup(r->x, p, (size_t)(q - p)), to);
        p = q;
    }
}

/* An ix element that gathers text has opened: set up its capture. */
static int open_capture(rd *r, enum role role, const attr_span *a, size_t na, const char *tag, const char *after)
{
    if (r->ncaps == XB_MAX_OPEN_FACTS) {
        r->caps_dropped++;
        say_limit(r, tag, "ix elements nested more than 32 deep: the inner ones are not read");
        return -1;
    }
    capture *c = &r->caps[r->ncaps];
    memset(c, 0, sizeof *c);
    c->role = role;
    c->text_from = r->text.len;
    c->excl_from = r->excls.len;
    c->markup_from = after;
    if (role == R_NONFRACTION || role == R_NONNUMERIC || role == R_FRACTION) {
        edgr_xbrl_fact *f = xb_add_fact(r->x, off(r, tag));
        if (!f) return -1;
        c->fact = r->x->facts.len - 1;
        f->kind = role == R_NONFRACTION ? EDGR_XBRL_NUMERIC : role == R_NONNUMERIC ? EDGR_XBRL_TEXT : EDGR_XBRL_FRACTION;
        set_concept(r, f, attr_find(a, na, "name"));
        f->id = value_dup(r, attr_find(a, na, "id"));
        f->context_ref = value_dup(r, attr_find(a, na, "contextRef"));
        if (role != R_NONNUMERIC) f->unit_ref = value_dup(r, attr_find(a, na, "unitRef"));
        f->decimals = value_dup(r, attr_find(a, na, "decimals"));
        f->precision = value_dup(r, attr_find(a, na, "precision"));
        const attr_span *nil = attr_find_ns(r, a, na, NS_XSI, "nil");
        f->nil = attr_is(nil, "true") || attr_is(nil, "1");
        set_format(r, c, f, attr_find(a, na, "format"));
        c->scale = value_dup(r, attr_find(a, na, "scale"));
        c->negate = attr_is(attr_find(a, na, "sign"), "-");
        c->escape = attr_is(attr_find(a, na, "escape"), "true") || attr_is(attr_find(a, na, "escape"), "1");
        c->next = value_dup(r, attr_find(a, na, "continuedAt"));
        const char *refs = value_dup(r, attr_find(a, na, "footnoteRefs"));
        if (refs && f->id) add_links(r, f->id, refs);
    } else if (role == R_NUMERATOR || role == R_DENOMINATOR) {
        set_format(r, c, NULL, attr_find(a, na, "format"));
        c->scale = value_dup(r, attr_find(a, na, "scale"));
        c->negate = attr_is(attr_find(a, na, "sign"), "-");
    } else { /* continuation, footnote */
        const attr_span *id = attr_find(a, na, "id");
        c->id = value_dup(r, id ? id : attr_find(a, na, "footnoteID"));
        c->next = value_dup(r, attr_find(a, na, "continuedAt"));
        c->escape = 1; /* a continuation carries markup for an escaped fact */
    }
    return (int)r->ncaps++;
}

/* The text of capture c: r->text from its start, less the ix:exclude
 * ranges opened inside it (nested ones overlap: taken as their union). */
static void capture_text(rd *r, const capture *c, edgr_buf *out)
{
    out->len = 0;
    size_t at = c->text_from, n = r->excls.len;
    const excl *e = r->excls.items;
    for (size_t i = c->excl_from; i < n; i++) {
        size_t to = e[i].to == (size_t)-1 ? r->text.len : e[i].to;
        if (e[i].from > at && xb_append(r->x, out, r->text.data + at, e[i].from - at, XB_MAX_TEXT)) return;
        if (to > at) at = to;
    }
    if (r->text.len > at) xb_append(r->x, out, r->text.data + at, r->text.len - at, XB_MAX_TEXT);
}

/* Its markup: the input from its start tag to its end tag (at `close`),
 * less the ix:exclude elements inside. */
static const char *capture_markup(rd *r, const capture *c, const char *close, size_t *len)
{
    edgr_buf *b = &r->join;
    b->len = 0;
    const char *at = c->markup_from;
    const excl *e = r->excls.items;
    for (size_t i = c->excl_from; i < r->excls.len; i++) {
        const char *to = e[i].src_to ? e[i].src_to : close;
        if (e[i].src_from > at && xb_append(r->x, b, at, (size_t)(e[i].src_from - at), XB_MAX_TEXT)) break;
        if (to > at) at = to;
    }
    if (close > at) xb_append(r->x, b, at, (size_t)(close - at), XB_MAX_TEXT);
    *len = b->len;
    return xb_dup(r->x, b->data, b->len);
}

/* Capture `i` (the innermost) ends at `close` (the '<' of its end tag). */
static void close_capture(rd *r, const char *close)
{
    capture *c = &r->caps[--r->ncaps];
    edgr_xbrl *x = r->x;
    edgr_buf t = {0};
    capture_text(r, c, &t);
    const char *text = t.data ? t.data : "";
    edgr_xbrl_fact *f = (c->role == R_NONFRACTION || c->role == R_NONNUMERIC || c->role == R_FRACTION)
                            ? &VEC_AT(&x->facts, edgr_xbrl_fact, c->fact)
                            : NULL;
    switch (c->role) {
    case R_NONFRACTION:
        if (!f->nil)
            xv_number(x, f, text, t.len, c->fmt_uri, c->fmt_local, c->scale, c->scale ? strlen(c->scale) : 0,
                      c->negate, "ix:nonFraction");
        break;
    case R_NONNUMERIC:
        if (c->escape) {
            size_t n;
            f->markup = capture_markup(r, c, close, &n);
        }
        if (f->nil) break;
        if (c->next) {
            f->value = xb_dup(x, text, t.len);
            xb_add_chain(x, c->fact, c->next);
        } else xv_text(x, f, text, t.len, c->fmt_uri, c->fmt_local);
        break;
    case R_FRACTION:
        break;
    case R_NUMERATOR:
    case R_DENOMINATOR: {
        /* a part of the fraction that encloses it */
        capture *fr = r->ncaps ? &r->caps[r->ncaps - 1] : NULL;
        if (!fr || fr->role != R_FRACTION) break;
        edgr_xbrl_fact *ff = &VEC_AT(&x->facts, edgr_xbrl_fact, fr->fact);
        edgr_xbrl_fact part = *ff;
        part.value = NULL;
        xv_number(x, &part, text, t.len, c->fmt_uri, c->fmt_local, c->scale, c->scale ? strlen(c->scale) : 0,
                  c->negate, c->role == R_NUMERATOR ? "ix:numerator" : "ix:denominator");
        ff = &VEC_AT(&x->facts, edgr_xbrl_fact, fr->fact);
        if (c->role == R_NUMERATOR) ff->numerator = part.value;
        else ff->denominator = part.value;
        ff->untransformed |= part.untransformed;
        break;
    }
    case R_CONTINUATION:
    case R_FOOTNOTE: {
        if (!c->id) {
            xb_problem(x, EDGR_XBRL_BAD_VALUE, off(r, c->markup_from), "an ix:%s without an id",
                       c->role == R_FOOTNOTE ? "footnote" : "continuation");
            break;
        }
        xb_piece *p = xb_push(x, &x->pieces, XB_LIMIT_PIECES, off(r, c->markup_from));
        if (!p) break;
        p->id = c->id;
        p->next = c->next;
        p->text = xb_dup(x, text, t.len);
        p->text_len = t.len;
        p->markup = capture_markup(r, c, close, &p->markup_len);
        break;
    }
    default:
        break;
    }
    free(t.data);
    if (!r->ncaps) { /* nothing open reads the text any more */
        r->text.len = 0;
        r->excls.len = 0;
    }
}

/* ------------------------------------------------------------------------
 * Elements.
 * ---------------------------------------------------------------------- */

static void start_element(rd *r, const char *tag, const char *after, const char *name, size_t name_len,
                          const attr_span *a, size_t na, int self_closing)
{
    size_t ns_before = r->nns;
    /* declarations first: they are in scope on the element itself */
    for (size_t i = 0; i < na; i++) {
        if (a[i].name_len < 5 || memcmp(a[i].name, "xmlns", 5) || (a[i].name_len > 5 && a[i].name[5] != ':')) continue;
        if (r->nns == XB_MAX_NS) {
            say_limit(r, tag, "more than 4096 namespace declarations in scope");
            break;
        }
        ns_decl *d = &r->ns[r->nns];
        d->prefix = a[i].name_len > 6 ? a[i].name + 6 : NULL;
        d->plen = a[i].name_len > 6 ? a[i].name_len - 6 : 0;
        d->uri = value_dup(r, &a[i]);
        d->depth = r->depth + 1;
        if (d->uri) r->nns++;
    }
    enum role role = R_OTHER;
    const char *uri = NULL, *local = name;
    const char *colon = memchr(name, ':', name_len);
    if (colon || r->resources || r->nns != ns_before) {
        uri = colon ? ns_lookup(r, name, (size_t)(colon - name)) : ns_lookup(r, NULL, 0);
        local = colon ? colon + 1 : name;
    }
    char lname[64];
    size_t ll = (size_t)(name + name_len - local);
    if (ll >= sizeof lname) ll = sizeof lname - 1;
    memcpy(lname, local, ll);
    lname[ll] = '\0';
    if (is_ix(uri)) role = ix_role(lname);
    else if (!colon && ((name_len == 6 && !strncasecmp(name, "script", 6)) || (name_len == 5 && !strncasecmp(name, "style", 5))))
        role = R_RAW;
    int fed = 0;
    if (r->resources) {
        const xb_attr *xa = NULL;
        xb_attr conv[XB_MAX_ATTRS];
        for (size_t i = 0; i < na; i++) {
            const char *ac = memchr(a[i].name, ':', a[i].name_len);
            conv[i].uri = ac ? ns_lookup(r, a[i].name, (size_t)(ac - a[i].name)) : NULL;
            conv[i].name = ac ? ac + 1 : a[i].name;
            conv[i].name_len = (size_t)(a[i].name + a[i].name_len - conv[i].name);
            conv[i].value = a[i].value;
            conv[i].value_len = a[i].value_len;
        }
        xa = conv;
        /* values with references decoded (ids, schemes, dimensions rarely have any) */
        for (size_t i = 0; i < na; i++)
            if (memchr(a[i].value, '&', a[i].value_len)) {
                const char *v = value_dup(r, &a[i]);
                if (v) conv[i].value = v, conv[i].value_len = strlen(v);
            }
        xr_start(r->x, uri, lname, xa, na, off(r, tag));
        fed = 1;
    }
    if (role == R_RELATIONSHIP) relationship(r, a, na);
    int cap = -1;
    if (role == R_NONFRACTION || role == R_NONNUMERIC || role == R_FRACTION || role == R_NUMERATOR ||
        role == R_DENOMINATOR || role == R_CONTINUATION || role == R_FOOTNOTE)
        cap = open_capture(r, role, a, na, tag, after);
    if (self_closing || (!colon && is_void(name, name_len))) {
        /* opened and closed at once */
        if (cap >= 0) close_capture(r, after);
        if (fed) xr_end(r->x, uri, lname);
        r->nns = ns_before;
        return;
    }
    if (role == R_EXCLUDE && r->ncaps) {
        excl *e = xb_push(r->x, &r->excls, XB_LIMIT_EXCLUDES, off(r, tag));
        if (e) {
            e->from = r->text.len;
            e->to = (size_t)-1;
            e->src_from = tag;
            e->src_to = NULL;
        }
    }
    if (r->depth == XB_MAX_DEPTH) {
        say_limit(r, tag, "elements nested past the depth limit: end tags matched loosely from there");
        r->nns = ns_before;
        return;
    }
    if (arr_reserve(&r->els, &r->cap_els, r->depth + 1, sizeof *r->els, XB_MAX_DEPTH)) {
        r->x->oom = 1;
        return;
    }
    open_el *el = &r->els[r->depth++];
    el->name = name;
    el->len = (unsigned)name_len;
    el->role = (unsigned char)role;
    el->cap = cap;
    el->fed = (unsigned char)fed;
    el->uri = fed ? (uri ? xb_dup(r->x, uri, strlen(uri)) : NULL) : NULL;
    el->local = fed ? xb_dup(r->x, lname, strlen(lname)) : NULL;
    if (role == R_RESOURCES && !r->resources) r->resources = r->depth;
}

/* The element on top of the stack ends; `close` is its end tag's '<' and
 * `after` the byte after its '>'. */
static void end_top(rd *r, const char *close, const char *after)
{
    open_el *el = &r->els[--r->depth];
    if (el->cap >= 0 && r->ncaps) close_capture(r, close);
    if (el->role == R_EXCLUDE && r->ncaps) {
        excl *e = r->excls.items;
        for (size_t i = r->excls.len; i-- > 0;)
            if (e[i].to == (size_t)-1) {
                e[i].to = r->text.len;
                e[i].src_to = after;
                break;
            }
    }
    if (r->resources && r->depth + 1 == r->resources) r->resources = 0;
    else if (el->fed) xr_end(r->x, el->uri, el->local ? el->local : "");
    while (r->nns && r->ns[r->nns - 1].depth > r->depth) r->nns--;
}

static void end_element(rd *r, const char *close, const char *after, const char *name, size_t len)
{
    for (size_t k = 0; k < r->depth && k < XB_END_SEARCH; k++) {
        const open_el *el = &r->els[r->depth - 1 - k];
        if (el->len == len && !memcmp(el->name, name, len)) {
            while (k-- > 0) end_top(r, close, close); /* closed by this end tag */
            end_top(r, close, after);
            return;
        }
    }
    /* an end tag with no open element: ignored, as an HTML parser would */
}

/* Skip a raw-text element's content (script, style) to its end tag. */
static const char *raw_text(rd *r, const char *p, const char *name, size_t n)
{
    const char *end = r->end;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) return end;
        if ((size_t)(end - lt) >= n + 2 && lt[1] == '/' && !strncasecmp(lt + 2, name, n)) return lt;
        p = lt + 1;
    }
    return end;
}

/* Markup at p ('<'); returns where reading goes on. */
static const char *markup(rd *r, const char *p)
{
    const char *end = r->end;
    if (end - p < 2) return end;
    if (p[1] == '!') {
        if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
            const char *q = xb_find(p + 4, end, "-->");
            return q ? q + 3 : end;
        }
        if (end - p >= 9 && !memcmp(p, "<![CDATA[", 9)) {
            const char *q = xb_find(p + 9, end, "]]>");
            const char *stop = q ? q : end;
            if (gathering(r)) put(r, p + 9, (size_t)(stop - p - 9));
            return q ? q + 3 : end;
        }
        const char *q = memchr(p, '>', (size_t)(end - p));
        return q ? q + 1 : end;
    }
    if (p[1] == '?') {
        const char *q = xb_find(p + 2, end, "?>");
        return q ? q + 2 : end;
    }
    if (p[1] == '/') {
        const char *q = p + 2;
        while (q < end && !sc_is_html_space((unsigned char)*q) && *q != '>') q++;
        const char *gt = memchr(q, '>', (size_t)(end - q));
        if (!gt) return end;
        end_element(r, p, gt + 1, p + 2, (size_t)(q - p - 2));
        return gt + 1;
    }
    unsigned char c = (unsigned char)p[1];
    if (!((c | 32) >= 'a' && (c | 32) <= 'z') && c != '_' && c < 0x80) { /* not a tag: a '<' in text */
        if (gathering(r)) put(r, "<", 1);
        return p + 1;
    }
    const char *name;
    size_t name_len, na;
    int self_closing;
    attr_span attrs[XB_MAX_ATTRS];
    const char *after = parse_tag(p, end, &name, &name_len, attrs, &na, &self_closing);
    if (!after) return end; /* the input ends inside a tag */
    start_element(r, p, after, name, name_len, attrs, na, self_closing);
    if (r->depth && r->els[r->depth - 1].role == R_RAW && r->els[r->depth - 1].name == name) {
        const char *q = raw_text(r, after, name, name_len);
        return q;
    }
    return after;
}

edgr_status xbrl_read_inline(edgr_xbrl *x, const char *data, size_t len)
{
    rd *r = calloc(1, sizeof *r);
    if (!r) return EDGR_ERR_NOMEM;
    r->x = x;
    r->start = data;
    r->end = data + len;
    r->cp1252 = charset_detect(data, len) == EDGR_CS_CP1252;
    r->excls.size = sizeof(excl);
    r->excls.max = XB_MAX_FACTS;
    const char *p = data, *end = data + len;
    while (p < end && !x->oom) {
        if (*p != '<') {
            if (gathering(r)) p = text_run(r, p);
            else {
                const char *lt = memchr(p, '<', (size_t)(end - p));
                p = lt ? lt : end;
            }
            continue;
        }
        p = markup(r, p);
    }
    while (r->depth) end_top(r, end, end); /* the input ended with elements open */
    while (r->ncaps) close_capture(r, end);
    free(r->els);
    free(r->text.data);
    free(r->scratch.data);
    free(r->join.data);
    vec_free(&r->excls);
    free(r);
    return x->oom ? EDGR_ERR_NOMEM : EDGR_OK;
}
