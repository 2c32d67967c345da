/* A document's text: dispatch on its format, cite file offsets. */
#include "charset.h"
#include "sink.h"

edgr_status edgr_document_text(const edgr_document *d, const edgr_text_options *opt, edgr_text *out)
{
    if (!d || !out) return EDGR_ERR_ARG;
    const char *p = d->body.ptr;
    size_t n = d->body.len;
    edgr_charset cs = d->charset;
    if (cs == EDGR_CS_UNKNOWN && (d->format == EDGR_FMT_HTML || d->format == EDGR_FMT_TEXT))
        cs = charset_detect(p, n);
    edgr_status st;
    if (d->format == EDGR_FMT_HTML) st = edgr_html_to_text(p, n, cs, opt, out);
    else if (d->format == EDGR_FMT_TEXT) st = edgr_plain_to_text(p, n, cs, opt, out);
    else {
        edgr_buf b = text_as_buf(out);
        out->anchor_count = 0;
        text_finish(out, &b, 0);
        return EDGR_ERR_ARG;
    }
    for (size_t i = 0; i < out->anchor_count; i++) out->anchors[i].src += d->body_offset;
    out->src_end = d->body_offset + n;
    return st;
}
