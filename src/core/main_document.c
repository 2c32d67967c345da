/* The main document of a filing (see edgr_main_document in edgr/edgr.h). */
#include <string.h>

#include "edgr/edgr.h"

static int has_text(const edgr_document *d)
{
    return d->format == EDGR_FMT_HTML || d->format == EDGR_FMT_TEXT;
}

long edgr_main_document(const edgr_submission *s, const edgr_document *docs, size_t doc_count)
{
    if (!docs) return -1;
    edgr_span form = s ? edgr_get(s, "type") : (edgr_span){0};
    if (form.ptr && form.len)
        for (size_t i = 0; i < doc_count; i++)
            if (docs[i].type.len == form.len && !memcmp(docs[i].type.ptr, form.ptr, form.len)) {
                if (has_text(&docs[i])) return (long)i;
                break; /* the form's document has no text: rule 2 */
            }
    for (size_t i = 0; i < doc_count; i++)
        if (has_text(&docs[i])) return (long)i;
    return -1;
}
