/* Internal: what the front ends (parse.c, stream.c) and the splitter call
 * below them: the header parser (header.c) and documents (docs.c).  The
 * builder they all fill is in builder.h. */
#ifndef EDGR_PARSER_H
#define EDGR_PARSER_H

#include "builder.h"
#include "edgr/edgr.h"

/* Parse a header region (both dialects, mixed) into nodes.  `offset` is the
 * absolute offset of region[0].  Returns 0, or -1 when out of memory. */
int header_parse(sub_builder *b, const char *region, size_t n, uint64_t offset);

/* Decide a document's format from its text (wrappers, uuencode, markup) and
 * set body/body_offset/uu_name.  Cheap: looks at the first and last lines. */
void doc_classify(edgr_document *d);

/* Decode (EDGR_PARSE_DECODE): uudecode size, charset.  `scratch` is reused. */
void doc_measure(sub_builder *b, edgr_document *d, edgr_buf *scratch);

/* Uuencoded and PDF bodies are binary: their size is known once decoded. */
static inline int doc_is_binary(edgr_format f)
{
    return f == EDGR_FMT_UUENCODED || f == EDGR_FMT_PDF;
}

#endif
