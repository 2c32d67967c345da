/* Documents of a submission: format sniffing (wrappers, uuencode, markup),
 * decoding, and bare files described as one document. */
#include <string.h>

#include "charset.h"
#include "parser.h"
#include "scan.h"
#include "uudecode.h"

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

/* A uuencoded body decoded a line at a time: appended to `out` (keep), or
 * into a window of `out` thrown away after each line (measure: the same
 * lines, counts and diagnostics, so a body's decoded size is told without
 * ever holding it decoded).  *total: the decoded bytes. */
enum { UU_MEASURE_WINDOW = 64 << 10 };

static edgr_status uu_run(const edgr_document *d, edgr_buf *out, int keep, uu_state *st, uint64_t *total)
{
    const char *name;
    size_t nl;
    size_t skip = uu_begin(d->body.ptr, d->body.len, &name, &nl);
    size_t first_bad = 0;
    const char *p = d->body.ptr + skip;
    size_t n = d->body.len - skip;
    memset(st, 0, sizeof *st);
    *total = 0;
    if (!keep) out->len = 0;
    if (buf_reserve(out, keep ? uu_guess_out(n) : UU_MEASURE_WINDOW, SIZE_MAX)) return EDGR_ERR_NOMEM;
    while (n && !st->done) {
        size_t used;
        uint64_t bad_before = st->bad;
        size_t room = out->cap - out->len;
        size_t w = uu_decode(p, n, 1, out->data + out->len, room, st, &used);
        if (!bad_before && st->bad) first_bad = (size_t)(p - d->body.ptr) + (size_t)st->first_bad;
        *total += w;
        if (keep) out->len += w;
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
    if (doc_is_binary(d->format)) {
        uu_state st;
        uint64_t total = 0;
        edgr_status rc = uu_run(d, scratch, 0, &st, &total);
        d->decoded_size = (int64_t)total;
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
    if (doc_is_binary(d->format)) {
        uu_state st;
        uint64_t total;
        return uu_run(d, out, 1, &st, &total);
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
