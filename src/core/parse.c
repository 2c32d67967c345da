/* The whole-buffer parser, the submission builder, documents and queries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "parser.h"
#include "scan.h"
#include "schema.h"
#include "split.h"
#include "uudecode.h"

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

/* ---- the builder ------------------------------------------------------- */

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
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
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

/* ---- documents --------------------------------------------------------- */

/* First non-blank line of [p, p+n): sets *ls and *ll (trimmed) and returns the
 * offset just past it, or n if none. */
static size_t first_line(const char *p, size_t n, const char **ls, size_t *ll)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (p[i] == '\n' || p[i] == '\r')) i++;
        size_t s = i;
        while (i < n && p[i] != '\n' && p[i] != '\r') i++;
        size_t e = i;
        while (s < e && sc_is_space((unsigned char)p[s])) s++;
        while (e > s && sc_is_space((unsigned char)p[e - 1])) e--;
        if (e > s || i >= n) {
            *ls = p + s;
            *ll = e - s;
            if (i < n && p[i] == '\r') i++;
            if (i < n && p[i] == '\n') i++;
            return i;
        }
    }
}

/* Last non-blank line of [p, p+n): sets *ls and *ll and returns its start. */
static size_t last_line(const char *p, size_t n, const char **ls, size_t *ll)
{
    size_t e = n;
    while (e > 0 && sc_is_space((unsigned char)p[e - 1])) e--;
    size_t s = e;
    while (s > 0 && p[s - 1] != '\n' && p[s - 1] != '\r') s--;
    size_t t = s;
    while (t < e && sc_is_space((unsigned char)p[t])) t++;
    *ls = p + t;
    *ll = e - t;
    return s;
}

static int ends_with_ci(edgr_span s, const char *ext)
{
    size_t n = strlen(ext);
    return s.len >= n && sc_eq_upper(s.ptr + s.len - n, n, ext);
}

void doc_classify(edgr_document *d)
{
    const char *p = d->text.ptr;
    size_t n = d->text.len;
    d->body = d->text;
    d->body_offset = d->text_offset;
    const char *ls;
    size_t ll;
    size_t after = first_line(p, n, &ls, &ll);
    const char *close = NULL;
    edgr_format wrapped = EDGR_FMT_TEXT;
    if (sc_eq_upper(ls, ll, "<XML>")) wrapped = EDGR_FMT_XML, close = "</XML>";
    else if (sc_eq_upper(ls, ll, "<XBRL>")) wrapped = EDGR_FMT_XBRL, close = "</XBRL>";
    else if (sc_eq_upper(ls, ll, "<PDF>")) wrapped = EDGR_FMT_PDF, close = "</PDF>";
    if (close) {
        /* unwrap: the body is what lies between the wrapper lines */
        size_t bstart = after, bend = n;
        const char *cs;
        size_t cl;
        size_t lstart = last_line(p + bstart, n - bstart, &cs, &cl) + bstart;
        if (sc_eq_upper(cs, cl, close)) {
            bend = lstart;
            if (bend > bstart && p[bend - 1] == '\n') bend--;
            if (bend > bstart && p[bend - 1] == '\r') bend--;
        }
        d->body.ptr = p + bstart;
        d->body.len = bend - bstart;
        d->body_offset = d->text_offset + bstart;
    }
    const char *name;
    size_t name_len;
    if (uu_begin(d->body.ptr, d->body.len, &name, &name_len)) {
        d->uu_name.ptr = name;
        d->uu_name.len = name_len;
        d->format = wrapped == EDGR_FMT_PDF ? EDGR_FMT_PDF : EDGR_FMT_UUENCODED;
        return;
    }
    first_line(d->body.ptr, d->body.len, &ls, &ll);
    if (d->stripped) {
        /* its markup is gone: an .htm file is plain text now (one line a
         * paragraph or cell), which the HTML reader would run together */
        if (ends_with_ci(d->filename, ".XML") || ends_with_ci(d->filename, ".XSD")) d->format = EDGR_FMT_XML;
        else if (ends_with_ci(d->filename, ".JS") || ends_with_ci(d->filename, ".CSS") ||
                 ends_with_ci(d->filename, ".JSON"))
            d->format = EDGR_FMT_OTHER;
        else d->format = EDGR_FMT_TEXT;
        return;
    }
    int markup_html = sc_starts_upper(ls, ll, "<HTML") || sc_starts_upper(ls, ll, "<!DOCTYPE HTML");
    if (wrapped != EDGR_FMT_TEXT) {
        /* inline XBRL documents come wrapped in <XBRL>: they are HTML */
        if (wrapped == EDGR_FMT_XBRL && (markup_html || ends_with_ci(d->filename, ".HTM") ||
                                         ends_with_ci(d->filename, ".HTML")))
            d->format = EDGR_FMT_HTML;
        else
            d->format = wrapped == EDGR_FMT_PDF ? EDGR_FMT_OTHER : wrapped;
        return;
    }
    if (markup_html || ends_with_ci(d->filename, ".HTM") || ends_with_ci(d->filename, ".HTML") ||
        (sc_starts_upper(ls, ll, "<?XML") && ends_with_ci(d->filename, ".HTM")))
        d->format = EDGR_FMT_HTML;
    else if (ends_with_ci(d->filename, ".XML") || ends_with_ci(d->filename, ".XSD") ||
             sc_starts_upper(ls, ll, "<?XML"))
        d->format = EDGR_FMT_XML;
    else if (ends_with_ci(d->filename, ".JS") || ends_with_ci(d->filename, ".CSS") ||
             ends_with_ci(d->filename, ".JSON"))
        d->format = EDGR_FMT_OTHER;
    else
        d->format = EDGR_FMT_TEXT;
}

static int is_binary_format(edgr_format f)
{
    return f == EDGR_FMT_UUENCODED || f == EDGR_FMT_PDF;
}

/* uudecode the body after its begin line into out (appending).  Returns
 * EDGR_OK, EDGR_ERR_NOMEM or EDGR_ERR_DECODE; st says what was seen. */
static edgr_status uu_body(const edgr_document *d, edgr_buf *out, uu_state *st)
{
    const char *name;
    size_t nl;
    size_t skip = uu_begin(d->body.ptr, d->body.len, &name, &nl);
    size_t first_bad = 0;
    const char *p = d->body.ptr + skip;
    size_t n = d->body.len - skip;
    memset(st, 0, sizeof *st);
    if (buf_reserve(out, uu_guess_out(n), SIZE_MAX)) return EDGR_ERR_NOMEM;
    while (n && !st->done) {
        size_t used;
        uint64_t bad_before = st->bad;
        size_t room = out->cap - out->len;
        size_t w = uu_decode(p, n, 1, out->data + out->len, room, st, &used);
        if (!bad_before && st->bad) first_bad = (size_t)(p - d->body.ptr) + (size_t)st->first_bad;
        out->len += w;
        p += used;
        n -= used;
        if (used || w) continue;
        /* no room for the next line: short lines can decode to more than
         * the guess (a stripped "M" line is 2 bytes in, 45 out) */
        if (room >= 64) break; /* cannot happen: every line fits in 64 */
        if (buf_reserve(out, 64 + out->cap / 2, SIZE_MAX)) return EDGR_ERR_NOMEM;
    }
    st->first_bad = first_bad; /* from the start of the body */
    return st->bad ? EDGR_ERR_DECODE : EDGR_OK;
}

void doc_measure(sub_builder *b, edgr_document *d, edgr_buf *scratch)
{
    if (is_binary_format(d->format)) {
        uu_state st;
        scratch->len = 0;
        edgr_status rc = uu_body(d, scratch, &st);
        d->decoded_size = (int64_t)scratch->len;
        d->charset = EDGR_CS_UNKNOWN;
        if (rc == EDGR_ERR_NOMEM) b->nomem = 1;
        else if (rc == EDGR_ERR_DECODE)
            sub_diag(b, d->body_offset + st.first_bad, EDGR_WARNING, EDGR_D_UUDECODE,
                     "%llu malformed uuencoded line(s) skipped in document %lld",
                     (unsigned long long)st.bad, (long long)d->sequence);
        else if (!st.done && !d->truncated)
            sub_diag(b, d->body_offset + d->body.len, EDGR_WARNING, EDGR_D_UUDECODE,
                     "uuencoded document %lld has no \"end\" line", (long long)d->sequence);
        return;
    }
    d->decoded_size = (int64_t)d->body.len;
    d->charset = charset_detect(d->body.ptr, d->body.len);
}

edgr_status edgr_document_decode(const edgr_document *d, unsigned flags, edgr_buf *out)
{
    if (!d || !out || (!d->body.ptr && d->body.len)) return EDGR_ERR_ARG;
    out->len = 0;
    if (is_binary_format(d->format)) {
        uu_state st;
        return uu_body(d, out, &st);
    }
    const char *p = d->body.ptr;
    size_t n = d->body.len;
    if (!(flags & EDGR_DECODE_UTF8) || utf8_valid_prefix(p, n) == n) {
        if (buf_append(out, p, n, SIZE_MAX)) return EDGR_ERR_NOMEM;
        return EDGR_OK;
    }
    /* not UTF-8: read it as Windows-1252 */
    if (n > SIZE_MAX / 3 || buf_reserve(out, n * 3, SIZE_MAX)) return EDGR_ERR_NOMEM;
    char *o = out->data;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x80) *o++ = (char)c;
        else o += cp1252_to_utf8(c, o);
    }
    out->len = (size_t)(o - out->data);
    return EDGR_OK;
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
        else if (!is_binary_format(d->format)) d->decoded_size = (int64_t)d->body.len;
    }
    if (b->nomem) return EDGR_ERR_NOMEM;
    sub_sort_diags(b);
    sub_publish(b);
    *out = &b->sub;
    *consumed = s->stopped ? (size_t)(stop - base) : len;
    if (*consumed == 0) *consumed = len; /* never loop on the same bytes */
    return b->sub.container == EDGR_C_NONE ? EDGR_ERR_NOT_EDGAR : EDGR_OK;
}

/* ---- queries ----------------------------------------------------------- */

long edgr_child(const edgr_submission *s, size_t parent, unsigned field, size_t nth)
{
    if (!s || parent >= s->node_count) return -1;
    /* nodes are stored in document order, children after their parent */
    for (size_t i = parent + 1; i < s->node_count; i++) {
        if (s->nodes[i].parent == parent && s->nodes[i].field == field) {
            if (nth == 0) return (long)i;
            nth--;
        }
    }
    return -1;
}

long edgr_find(const edgr_submission *s, const char *path)
{
    if (!s || !path) return -1;
    size_t cur = 0;
    const char *p = path;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        int field = schema_lookup_json(p, n);
        if (field < 0) return -1;
        p += n + (dot != NULL);
        size_t nth = 0;
        if (sc_is_digit((unsigned char)*p)) {
            char *e;
            nth = strtoul(p, &e, 10);
            p = e;
            if (*p == '.') p++;
        }
        long c = edgr_child(s, cur, (unsigned)field, nth);
        if (c < 0) return -1;
        cur = (size_t)c;
    }
    return (long)cur;
}

edgr_span edgr_get(const edgr_submission *s, const char *path)
{
    edgr_span none = {NULL, 0};
    long i = edgr_find(s, path);
    return i < 0 ? none : s->nodes[i].value;
}

const char *edgr_field_name(unsigned field)
{
    return field < FIELD_COUNT ? FIELDS[field].json : NULL;
}

unsigned edgr_field_count(void) { return FIELD_COUNT; }

int edgr_field_repeats(unsigned field)
{
    return field < FIELD_COUNT && FIELDS[field].repeats;
}

int edgr_field_lookup(const char *json)
{
    return json ? schema_lookup_json(json, strlen(json)) : -1;
}

const char *edgr_format_name(edgr_format f)
{
    static const char *const names[] = {"text", "html", "xml", "xbrl", "pdf", "uuencoded", "other"};
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "other";
}

const char *edgr_charset_name(edgr_charset c)
{
    static const char *const names[] = {"unknown", "ascii", "utf-8", "windows-1252"};
    return (unsigned)c < sizeof names / sizeof names[0] ? names[c] : "unknown";
}

const char *edgr_container_name(edgr_container c)
{
    static const char *const names[] = {"none", "sec-document", "ims-document", "submission",
                                        "sec-header", "index-headers", "fragment"};
    return (unsigned)c < sizeof names / sizeof names[0] ? names[c] : "none";
}

void edgr_document_bare(const char *p, size_t n, edgr_document *d)
{
    memset(d, 0, sizeof *d);
    d->text.ptr = p;
    d->text.len = n;
    d->end = n;
    d->sequence = 1;
    d->decoded_size = -1;
    doc_classify(d);
    if (d->format == EDGR_FMT_XML || d->format == EDGR_FMT_TEXT) {
        /* Saved inline XBRL opens with an XML declaration, then <html>. */
        size_t head = n < 8192 ? n : 8192;
        for (size_t i = 0; i + 5 <= head; i++)
            if (p[i] == '<' && sc_eq_upper(p + i + 1, 4, "HTML")) { d->format = EDGR_FMT_HTML; break; }
    }
    if (d->format == EDGR_FMT_HTML || d->format == EDGR_FMT_TEXT || d->format == EDGR_FMT_XML ||
        d->format == EDGR_FMT_XBRL)
        d->charset = charset_detect(d->body.ptr, d->body.len);
}
