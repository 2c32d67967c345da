/*
 * The attributes of an HTML or XHTML tag, read as the WHATWG tokenizer
 * reads them: spans into the input, nothing copied, no character
 * reference decoded (a caller decodes the values it keeps).
 *
 * One reader for the HTML-to-text converter (src/text/html.c) and the
 * inline XBRL reader (src/xbrl/ixbrl.c), so the two see the same
 * attributes in the same tag, quirks included: a name may start with '=',
 * an unquoted value ends at white space or '>', a quote left open runs to
 * the input's end (the tag is then cut).  Static inline: it runs on every
 * tag of every document.
 */
#ifndef EDGR_TAG_ATTR_H
#define EDGR_TAG_ATTR_H

#include <stddef.h>
#include <string.h>

#include "chars.h"

typedef struct tag_attr {
    const char *name;
    size_t name_len;
    const char *value; /* NULL when the attribute has no '='              */
    size_t value_len;
} tag_attr;

/* A byte that ends a tag's or an attribute's name. */
static inline int tag_is_name_end(unsigned char c) { return sc_is_html_space(c) || c == '/' || c == '>'; }

/*
 * The next attribute of a tag, *pp just after the tag's name or the last
 * attribute.  Returns 1 with *a set and *pp after the attribute; 0 at the
 * tag's end, *pp after its '>' and *self_closing 1 when it was "/>"; -1
 * when the input ends inside the tag.
 */
static inline int tag_next_attr(const char **pp, const char *end, tag_attr *a, int *self_closing)
{
    const char *p = *pp;
    while (p < end && (sc_is_html_space((unsigned char)*p) || *p == '/')) {
        *self_closing = *p == '/';
        p++;
    }
    if (p >= end) return -1;
    if (*p == '>') {
        *pp = p + 1;
        return 0;
    }
    *self_closing = 0;
    a->name = p++;
    while (p < end && !tag_is_name_end((unsigned char)*p) && *p != '=') p++;
    a->name_len = (size_t)(p - a->name);
    while (p < end && sc_is_html_space((unsigned char)*p)) p++;
    a->value = NULL;
    a->value_len = 0;
    if (p < end && *p == '=') {
        p++;
        while (p < end && sc_is_html_space((unsigned char)*p)) p++;
        if (p >= end) return -1;
        if (*p == '"' || *p == '\'') {
            const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
            if (!q) return -1;
            a->value = p + 1;
            a->value_len = (size_t)(q - a->value);
            p = q + 1;
        } else {
            a->value = p;
            while (p < end && !sc_is_html_space((unsigned char)*p) && *p != '>') p++;
            a->value_len = (size_t)(p - a->value);
        }
    }
    *pp = p;
    return 1;
}

#endif
