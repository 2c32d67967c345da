/*
 * XBRL instance documents (EX-101.INS, the SEC's extracted *_htm.xml),
 * read with libxml2's SAX2 parser: no tree, one pass, text gathered only
 * for the element being read.
 *
 * The root's children are what matters: contexts and units (resources.c),
 * link:footnoteLink (footnotes and the facts they belong to), and facts,
 * every other element in a namespace that is not XBRL's own.  A fact with
 * a unitRef is numeric: its text must be an xsd:decimal, and its value is
 * that number in canonical form, as for inline XBRL.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "scan.h"
#include "xbrl_int.h"

enum {
    IN_MAX_ATTRS = 32,       /* attributes we look at on one element          */
    IN_MAX_LINK_ITEMS = 1000000 /* locators, footnotes and arcs of one footnoteLink */
};

/* One locator, footnote or arc of a footnoteLink. */
typedef struct link_item {
    int what;               /* 'l' loc, 'f' footnote, 'a' arc                */
    const char *a, *b;      /* loc: label, fact id; footnote: label, id; arc: from, to */
} link_item;

typedef struct reader {
    edgr_xbrl *x;
    xmlParserCtxtPtr ctxt;
    const char *data;
    size_t len;
    int depth;              /* of the element open now; the root is 1        */
    int in_fact;            /* depth of the fact being read, or 0            */
    int in_link;            /* in a link:footnoteLink                         */
    int in_footnote;        /* depth of the link:footnote being read, or 0    */
    int link_no;            /* footnoteLinks seen: footnote labels are theirs */
    edgr_xbrl_fact fact;    /* being read                                     */
    edgr_buf text;
    vec items;              /* link_item of the footnoteLink being read        */
    int failed_text;        /* a value passed XB_MAX_TEXT                      */
    int error_said;
} reader;

static uint64_t here(const reader *r)
{
    xmlParserInputPtr in = r->ctxt ? r->ctxt->input : NULL;
    if (!in || !in->cur || !in->base || in->cur < in->base) return 0;
    /* libxml2 drops what it has read from the front of its buffer as it
     * goes (base moves), counting it in `consumed` */
    return (uint64_t)in->consumed + (uint64_t)(in->cur - in->base);
}

/* libxml2's attributes (localname, prefix, URI, value, end: five pointers
 * each) as xb_attr. */
static size_t attrs_of(const xmlChar **a, int n, xb_attr *out)
{
    size_t k = 0;
    for (int i = 0; i < n && k < IN_MAX_ATTRS; i++, a += 5) {
        out[k].name = (const char *)a[0];
        out[k].name_len = strlen((const char *)a[0]);
        out[k].uri = (const char *)a[2];
        out[k].value = (const char *)a[3];
        out[k].value_len = (size_t)(a[4] - a[3]);
        k++;
    }
    return k;
}

static const char *dup_attr(edgr_xbrl *x, const xb_attr *a, size_t n, const char *uri, const char *name)
{
    const xb_attr *v = xb_attr_get(a, n, uri, name);
    return v ? xb_dup(x, v->value, v->value_len) : NULL;
}

static int is_xbrl_own(const char *uri)
{
    return uri && (!strcmp(uri, NS_XBRLI) || !strcmp(uri, NS_LINK) || !strcmp(uri, NS_XLINK));
}

static void push_item(reader *r, int what, const char *a, const char *b)
{
    link_item *it = vec_push(&r->items);
    if (!it) {
        if (r->items.len < IN_MAX_LINK_ITEMS) r->x->oom = 1;
        return;
    }
    it->what = what;
    it->a = a;
    it->b = b;
}

static void on_start(void *user, const xmlChar *local_, const xmlChar *prefix_, const xmlChar *uri_, int nns,
                     const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs_)
{
    (void)nns, (void)ns, (void)ndefaulted;
    reader *r = user;
    edgr_xbrl *x = r->x;
    const char *local = (const char *)local_, *uri = (const char *)uri_, *prefix = (const char *)prefix_;
    xb_attr attrs[IN_MAX_ATTRS];
    size_t na = attrs_of(attrs_, nattrs, attrs);
    r->depth++;
    if (r->in_fact) return; /* a tuple's or a fact's markup: its text counts */
    if (r->in_footnote) return;
    uint64_t at = here(r);
    if (xr_start(x, uri, local, attrs, na, at)) return;
    if (r->depth == 2 && uri && !strcmp(uri, NS_LINK) && !strcmp(local, "footnoteLink")) {
        r->in_link = 1;
        r->link_no++;
        r->items.len = 0;
        return;
    }
    if (r->in_link) {
        const char *label = dup_attr(x, attrs, na, NS_XLINK, "label");
        if (!strcmp(local, "loc")) {
            const char *href = dup_attr(x, attrs, na, NS_XLINK, "href");
            const char *hash = href ? strchr(href, '#') : NULL;
            if (label && hash) push_item(r, 'l', label, hash + 1);
        } else if (!strcmp(local, "footnote")) {
            r->in_footnote = r->depth;
            r->text.len = 0;
            push_item(r, 'f', label, NULL);
        } else if (!strcmp(local, "footnoteArc")) {
            const char *from = dup_attr(x, attrs, na, NS_XLINK, "from"), *to = dup_attr(x, attrs, na, NS_XLINK, "to");
            if (from && to) push_item(r, 'a', from, to);
        }
        return;
    }
    if (r->depth != 2 || is_xbrl_own(uri)) return;
    /* a fact */
    memset(&r->fact, 0, sizeof r->fact);
    r->fact.offset = x->base + at;
    r->fact.ns = uri ? xb_dup(x, uri, strlen(uri)) : NULL;
    r->fact.prefix = prefix ? xb_dup(x, prefix, strlen(prefix)) : NULL;
    r->fact.name = xb_dup(x, local, strlen(local));
    r->fact.id = dup_attr(x, attrs, na, NULL, "id");
    r->fact.context_ref = dup_attr(x, attrs, na, NULL, "contextRef");
    r->fact.unit_ref = dup_attr(x, attrs, na, NULL, "unitRef");
    r->fact.decimals = dup_attr(x, attrs, na, NULL, "decimals");
    r->fact.precision = dup_attr(x, attrs, na, NULL, "precision");
    const xb_attr *nil = xb_attr_get(attrs, na, NS_XSI, "nil");
    r->fact.nil = nil && ((nil->value_len == 4 && !memcmp(nil->value, "true", 4)) ||
                          (nil->value_len == 1 && nil->value[0] == '1'));
    r->fact.kind = r->fact.unit_ref ? EDGR_XBRL_NUMERIC : EDGR_XBRL_TEXT;
    r->in_fact = r->depth;
    r->text.len = 0;
    r->failed_text = 0;
}

static void on_text(void *user, const xmlChar *p, int n)
{
    reader *r = user;
    if (n <= 0) return;
    if (r->in_fact || r->in_footnote) {
        if (!r->failed_text && xb_append(r->x, &r->text, p, (size_t)n, XB_MAX_TEXT)) r->failed_text = 1;
        return;
    }
    xr_text(r->x, (const char *)p, (size_t)n);
}

static int cmp_label(const void *a, const void *b)
{
    const link_item *x = *(const link_item *const *)a, *y = *(const link_item *const *)b;
    int c = strcmp(x->a, y->a);
    return c ? c : (x < y ? -1 : x > y);
}

/* The first of v[0..n) (sorted by label) with label `label`, or n. */
static size_t first_label(link_item **v, size_t n, const char *label)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(v[mid]->a, label) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The footnoteLink read: its arcs become links from the facts its
 * locators name to its footnotes (pieces named "LINK#ITEM").  Locators and
 * footnotes are sorted by label, so the arcs cost a search each. */
static void end_link(reader *r)
{
    edgr_xbrl *x = r->x;
    size_t n = r->items.len, nl = 0, nf = 0;
    link_item *it = r->items.items;
    link_item **locs = n ? malloc(2 * n * sizeof *locs) : NULL;
    if (n && !locs) {
        x->oom = 1;
        return;
    }
    link_item **notes = locs + n;
    for (size_t i = 0; i < n; i++) {
        if (it[i].what == 'l') locs[nl++] = &it[i];
        else if (it[i].what == 'f' && it[i].a) notes[nf++] = &it[i];
    }
    qsort(locs, nl, sizeof *locs, cmp_label);
    qsort(notes, nf, sizeof *notes, cmp_label);
    char pid[64];
    for (size_t i = 0; i < n && !x->oom; i++) {
        if (it[i].what != 'a') continue;
        for (size_t j = first_label(locs, nl, it[i].a); j < nl && !strcmp(locs[j]->a, it[i].a); j++)
            for (size_t k = first_label(notes, nf, it[i].b); k < nf && !strcmp(notes[k]->a, it[i].b); k++) {
                xb_link *l = xb_push(x, &x->links, XB_LIMIT_LINKS, 0);
                if (!l) break;
                snprintf(pid, sizeof pid, "%d#%zu", r->link_no, (size_t)(notes[k] - it));
                l->fact_id = locs[j]->b;
                l->footnote_id = xb_dup(x, pid, strlen(pid));
            }
    }
    free(locs);
}

static void on_end(void *user, const xmlChar *local_, const xmlChar *prefix_, const xmlChar *uri_)
{
    (void)prefix_;
    reader *r = user;
    edgr_xbrl *x = r->x;
    const char *local = (const char *)local_, *uri = (const char *)uri_;
    int depth = r->depth--;
    if (r->in_fact) {
        if (depth != r->in_fact) return;
        r->in_fact = 0;
        edgr_xbrl_fact *f = xb_add_fact(x, 0);
        if (!f) return;
        uint64_t off = r->fact.offset;
        *f = r->fact;
        f->offset = off;
        if (r->failed_text)
            xb_problem(x, EDGR_XBRL_LIMIT, off - x->base, "a value of more than %d bytes: cut there", XB_MAX_TEXT);
        if (f->nil) return;
        if (f->kind == EDGR_XBRL_NUMERIC)
            xv_number(x, f, r->text.data ? r->text.data : "", r->text.len, NULL, NULL, NULL, 0, 0, "fact");
        else f->value = xb_dup(x, r->text.data, r->text.len);
        return;
    }
    if (r->in_footnote) {
        if (depth != r->in_footnote) return;
        r->in_footnote = 0;
        /* the footnote is the last item pushed: its text is a piece */
        size_t k = r->items.len;
        xb_piece *p = k ? xb_push(x, &x->pieces, XB_LIMIT_PIECES, 0) : NULL;
        if (k && !p) {
            return;
        }
        if (p) {
            char pid[64];
            snprintf(pid, sizeof pid, "%d#%zu", r->link_no, k - 1);
            p->id = xb_dup(x, pid, strlen(pid));
            p->text = xb_dup(x, r->text.data, r->text.len);
            p->text_len = r->text.len;
        }
        return;
    }
    if (r->in_link) {
        if (depth == 2) {
            end_link(r);
            r->in_link = 0;
        }
        return;
    }
    xr_end(x, uri, local);
}

static void on_error(void *user, xmlErrorPtr e)
{
    reader *r = user;
    if (!e || e->level < XML_ERR_ERROR || r->error_said) return;
    r->error_said = 1;
    char msg[200];
    size_t n = strlen(e->message ? e->message : "");
    snprintf(msg, sizeof msg, "%.*s", (int)(n && e->message[n - 1] == '\n' ? n - 1 : n), e->message ? e->message : "");
    /* where, from the error's line and column: libxml2's input pointers
     * are no measure once it stops (an error at byte 300,000 was said at 123) */
    uint64_t at = sc_line_col_offset(r->data, r->len, e->line, e->int2);
    xb_problem(r->x, EDGR_XBRL_BAD_VALUE, at, "not well-formed XML (line %d): %s", e->line, msg);
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

edgr_status xbrl_read_instance(edgr_xbrl *x, const char *data, size_t len)
{
    if (len > (size_t)1 << 30) {
        xb_problem(x, EDGR_XBRL_LIMIT, 0, "an instance of more than 1 GB is not read");
        return EDGR_ERR_LIMIT;
    }
    pthread_once(&xml_once, xml_init);
    reader r = {.x = x, .data = data, .len = len};
    r.items.size = sizeof(link_item);
    r.items.max = IN_MAX_LINK_ITEMS;
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = on_start;
    h.endElementNs = on_end;
    h.characters = on_text;
    h.cdataBlock = on_text;
    h.serror = on_error;
    xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(data, (int)len);
    if (!c) return EDGR_ERR_NOMEM;
    xmlSAXHandlerPtr sax = xmlMalloc(sizeof *sax);
    if (!sax) {
        xmlFreeParserCtxt(c);
        return EDGR_ERR_NOMEM;
    }
    memcpy(sax, &h, sizeof h);
    if (c->sax) xmlFree(c->sax);
    c->sax = sax;
    c->userData = &r;
    r.ctxt = c;
    xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    xmlParseDocument(c);
    int well = c->wellFormed;
    c->sax = NULL; /* ours to free: it is xmlMalloc'd, but say so plainly */
    xmlFree(sax);
    xmlFreeParserCtxt(c);
    free(r.text.data);
    vec_free(&r.items);
    if (!well && !r.error_said) xb_problem(x, EDGR_XBRL_BAD_VALUE, 0, "not well-formed XML");
    return well ? EDGR_OK : EDGR_ERR_DECODE;
}
