/* Queries on a parsed submission (paths into the header tree) and the names
 * of fields, formats, charsets and containers. */
#include <string.h>

#include "parser.h"
#include "scan.h"
#include "schema.h"

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
            uint64_t v;
            p += sc_parse_uint(p, strlen(p), 0, SIZE_MAX, &v);
            nth = (size_t)v;
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

