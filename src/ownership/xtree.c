/*
 * The element tree (xtree.h), built from libxml2's SAX2 events: one pass,
 * every node and string in one arena, text gathered per open element.
 */
#include "xtree.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "scan.h"

typedef struct builder {
    xt_doc *d;
    xmlParserCtxtPtr ctxt;
    uint64_t base;
    const char *data;               /* the input, for error positions      */
    size_t len;
    xt_node *open;                  /* the element being read             */
    int depth;
    edgr_buf text;                  /* text of the open elements           */
    size_t mark[XT_MAX_DEPTH + 2];  /* where each open element's text begins */
    int stopped;
} builder;

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static uint64_t here(const builder *b)
{
    xmlParserInputPtr in = b->ctxt ? b->ctxt->input : NULL;
    if (!in || !in->cur || !in->base || in->cur < in->base) return b->base;
    /* libxml2 drops what it has read from the front of its buffer as it
     * goes (base moves), counting it in `consumed` */
    return b->base + (uint64_t)in->consumed + (uint64_t)(in->cur - in->base);
}

/* Stop the parse: a limit, or no memory. */
static void stop(builder *b, int why, const char *msg)
{
    if (b->stopped) return;
    b->stopped = 1;
    b->d->failed = why;
    b->d->error_offset = here(b);
    snprintf(b->d->error, sizeof b->d->error, "%s", msg);
    xmlStopParser(b->ctxt);
}

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **nss, int nattr, int ndef, const xmlChar **attrs)
{
    (void)prefix, (void)uri, (void)nns, (void)nss, (void)ndef;
    builder *b = user;
    if (b->stopped) return;
    if (b->depth >= XT_MAX_DEPTH) return stop(b, 2, "elements nest more than 256 deep");
    if (b->d->nodes >= XT_MAX_NODES) return stop(b, 2, "more than 20,000,000 elements");
    xt_node *n = (xt_node *)arena_alloc(&b->d->a, sizeof *n);
    if (!n) return stop(b, 3, "out of memory");
    memset(n, 0, sizeof *n);
    n->name_len = strlen((const char *)local);
    n->name = arena_dup(&b->d->a, (const char *)local, n->name_len);
    n->text = "";
    n->offset = here(b);
    for (int i = 0; i < nattr; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (!a[2] && !strcmp((const char *)a[0], "id")) n->id = arena_dup(&b->d->a, (const char *)a[3], (size_t)(a[4] - a[3]));
    }
    if (!n->name) return stop(b, 3, "out of memory");
    n->parent = b->open;
    if (b->open) {
        if (b->open->last) b->open->last->next = n;
        else b->open->child = n;
        b->open->last = n;
    } else if (!b->d->root) b->d->root = n;
    b->open = n;
    b->d->nodes++;
    b->mark[++b->depth] = b->text.len;
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)local, (void)prefix, (void)uri;
    builder *b = user;
    if (b->stopped || !b->open || b->depth <= 0) return;
    size_t from = b->mark[b->depth], to = b->text.len;
    while (from < to && is_space(b->text.data[from])) from++;
    while (to > from && is_space(b->text.data[to - 1])) to--;
    if (to > from) {
        /* runs of white space as one space: filers wrap footnotes and
         * remarks at their editor's width, and the breaks are not theirs */
        char *t = arena_alloc(&b->d->a, to - from + 1);
        if (!t) return stop(b, 3, "out of memory");
        size_t k = 0;
        for (size_t i = from; i < to; i++) {
            char ch = b->text.data[i];
            if (is_space(ch)) {
                if (k && t[k - 1] == ' ') continue;
                ch = ' ';
            }
            t[k++] = ch;
        }
        t[k] = '\0';
        b->open->text = t;
    }
    b->open->closed = 1;
    b->text.len = b->mark[b->depth]; /* the parent's own text goes on after */
    b->depth--;
    b->open = b->open->parent;
}

static void on_text(void *user, const xmlChar *p, int n)
{
    builder *b = user;
    if (b->stopped || !b->open || n <= 0) return;
    /* white space alone (the indentation between elements, most of the
     * text of these documents) is one space at most: on_end makes runs
     * one space anyway, and leading ones go */
    int blank = 1;
    for (int i = 0; i < n && blank; i++) blank = is_space((char)p[i]);
    if (blank) {
        size_t at = b->mark[b->depth];
        if (b->text.len == at || b->text.data[b->text.len - 1] == ' ') return;
        p = (const xmlChar *)" ", n = 1;
    }
    if (b->text.len - b->mark[b->depth] + (size_t)n > XT_MAX_TEXT) return stop(b, 2, "an element's text passes 16 MB");
    int rc = buf_append(&b->text, p, (size_t)n, (size_t)XT_MAX_TEXT * 4);
    if (rc) stop(b, rc == BUF_LIMIT ? 2 : 3, rc == BUF_LIMIT ? "text passes 64 MB" : "out of memory");
}

static void on_error(void *user, xmlErrorPtr e)
{
    builder *b = user;
    /* a namespace error (an undeclared prefix) leaves the document
     * well-formed XML, and libxml2 reads on: the readers go by local
     * names, so it is no failure */
    if (!e || e->level < XML_ERR_ERROR || b->d->failed || e->domain == XML_FROM_NAMESPACE) return;
    b->d->failed = 1;
    /* where the error is, from its line and column: libxml2's input
     * pointers are reset once it stops (an error at byte 12,132 read as 125) */
    b->d->error_offset = b->base + sc_line_col_offset(b->data, b->len, e->line, e->int2);
    size_t n = strlen(e->message ? e->message : "");
    snprintf(b->d->error, sizeof b->d->error, "not well-formed XML (line %d): %.*s", e->line,
             (int)(n && e->message[n - 1] == '\n' ? n - 1 : n), e->message ? e->message : "");
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

int xt_parse(xt_doc *d, const char *data, size_t len, uint64_t base)
{
    memset(d, 0, sizeof *d);
    if (len > (size_t)1 << 30) {
        d->failed = 2;
        d->error_offset = base;
        snprintf(d->error, sizeof d->error, "a document of more than 1 GB is not read");
        return -1;
    }
    /* White space before the XML declaration is not well-formed, but the
     * SEC's own files have it (a line break left from the <XML> wrapper):
     * it is skipped, offsets still counted from the input's start. */
    size_t lead = 0;
    while (lead < len && is_space(data[lead])) lead++;
    if (lead && len - lead >= 5 && !memcmp(data + lead, "<?xml", 5)) data += lead, len -= lead, base += lead;
    pthread_once(&xml_once, xml_init);
    builder b = {.d = d, .base = base, .data = data, .len = len};
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = on_start;
    h.endElementNs = on_end;
    h.characters = on_text;
    h.cdataBlock = on_text;
    h.serror = on_error;
    xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(len ? data : "", (int)len);
    xmlSAXHandlerPtr sax = c ? xmlMalloc(sizeof *sax) : NULL;
    if (!sax) {
        if (c) xmlFreeParserCtxt(c);
        d->failed = 3;
        snprintf(d->error, sizeof d->error, "out of memory");
        return -1;
    }
    memcpy(sax, &h, sizeof h);
    if (c->sax) xmlFree(c->sax);
    c->sax = sax;
    c->userData = &b;
    b.ctxt = c;
    xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    xmlParseDocument(c);
    int well = c->wellFormed;
    c->sax = NULL;
    xmlFree(sax);
    xmlFreeParserCtxt(c);
    free(b.text.data);
    if (!well && !d->failed) {
        d->failed = 1;
        d->error_offset = base + len;
        snprintf(d->error, sizeof d->error, "not well-formed XML");
    }
    if (!d->root && !d->failed) {
        d->failed = 1;
        d->error_offset = base;
        snprintf(d->error, sizeof d->error, "no XML element");
    }
    return d->failed ? -1 : 0;
}

void xt_free(xt_doc *d)
{
    arena_free(&d->a);
    d->root = NULL;
}

xt_node *xt_child(const xt_node *n, const char *name)
{
    for (xt_node *c = n ? n->child : NULL; c; c = c->next)
        if (!strcmp(c->name, name)) return c;
    return NULL;
}

xt_node *xt_at(const xt_node *n, const char *path)
{
    xt_node *cur = (xt_node *)n;
    while (cur && *path) {
        const char *slash = strchr(path, '/');
        size_t k = slash ? (size_t)(slash - path) : strlen(path);
        xt_node *c = cur->child;
        while (c && !(c->name_len == k && !memcmp(c->name, path, k))) c = c->next;
        cur = c;
        path += k + (slash ? 1 : 0);
    }
    return cur;
}

const char *xt_text(const xt_node *n, const char *path)
{
    const xt_node *e = path && *path ? xt_at(n, path) : n;
    return e && e->text[0] ? e->text : NULL;
}

/* p[i..) starts with s */
static int at(const char *p, size_t n, size_t i, const char *s)
{
    size_t k = strlen(s);
    return i + k <= n && !memcmp(p + i, s, k);
}

static size_t skip_past(const char *p, size_t n, size_t i, const char *end)
{
    size_t k = strlen(end);
    for (; i + k <= n; i++)
        if (!memcmp(p + i, end, k)) return i + k;
    return n;
}

static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || (unsigned char)c >= 0x80;
}

int xt_root_name(const char *p, size_t n, char *name, size_t name_cap, char *ns, size_t ns_cap)
{
    if (name_cap) name[0] = '\0';
    if (ns_cap) ns[0] = '\0';
    if (!p) return -1;
    if (n > 4096) n = 4096;
    size_t i = at(p, n, 0, "\xEF\xBB\xBF") ? 3 : 0;
    for (;;) {
        while (i < n && is_space(p[i])) i++;
        if (i >= n || p[i] != '<') return -1;
        if (at(p, n, i, "<?")) i = skip_past(p, n, i, "?>");
        else if (at(p, n, i, "<!--")) i = skip_past(p, n, i, "-->");
        else if (at(p, n, i, "<!")) i = skip_past(p, n, i, ">"); /* a DOCTYPE without an internal subset */
        else break;
    }
    size_t s = ++i;
    while (i < n && name_char(p[i])) i++;
    if (i == s) return -1;
    size_t colon = s;
    for (size_t k = s; k < i; k++)
        if (p[k] == ':') colon = k + 1;
    snprintf(name, name_cap, "%.*s", (int)(i - colon), p + colon);
    /* the namespace the root's prefix (or none: the default) is bound to */
    char want[80];
    snprintf(want, sizeof want, "xmlns%s%.*s=", colon > s ? ":" : "", (int)(colon > s ? colon - s - 1 : 0), p + s);
    size_t end = i;
    while (end < n && p[end] != '>') end++;
    for (size_t k = i; k < end; k++) {
        if (!is_space(p[k - 1]) || !at(p, end, k, want)) continue;
        size_t v = k + strlen(want);
        if (v >= end || (p[v] != '"' && p[v] != '\'')) continue;
        char q = p[v++];
        size_t e = v;
        while (e < end && p[e] != q) e++;
        snprintf(ns, ns_cap, "%.*s", (int)(e - v), p + v);
        break;
    }
    return 0;
}
