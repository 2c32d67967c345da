/* Named character references: the WHATWG table, binary-searched. */
#include "entities.h"

#include <string.h>

#include "charset.h"
#include "chars.h"

typedef struct entity {
    const char *name;
    unsigned char name_len;
    const char *value;
    unsigned char value_len;
} entity;

static const entity ENTITIES[] = {
#include "entities.inc"
};
enum { N_ENTITIES = sizeof ENTITIES / sizeof ENTITIES[0], LONGEST = 32 };

static const entity *find(const char *p, size_t n)
{
    size_t lo = 0, hi = N_ENTITIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const entity *e = &ENTITIES[mid];
        size_t m = e->name_len < n ? e->name_len : n;
        int c = memcmp(e->name, p, m);
        if (c == 0) c = (e->name_len > n) - (e->name_len < n);
        if (c == 0) return e;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

size_t entity_match(const char *p, size_t n, const char **value, size_t *value_len)
{
    size_t run = 0;
    while (run < n && run < LONGEST && sc_is_alnum((unsigned char)p[run])) run++;
    if (run == 0) return 0;
    const entity *e = NULL;
    size_t got = 0;
    if (run < n && p[run] == ';') { /* the usual case: &name; */
        e = find(p, run + 1);
        got = run + 1;
    }
    /* Legacy names match without ';', longest first (&notin vs &not). */
    for (size_t k = run; !e && k >= 2; k--) {
        e = find(p, k);
        got = k;
    }
    if (!e) return 0;
    *value = e->value;
    *value_len = e->value_len;
    return got;
}

size_t entity_numeric(const char *p, size_t n, unsigned *cp)
{
    size_t i = 1; /* past '#' */
    int hex = i < n && (p[i] == 'x' || p[i] == 'X');
    i += (size_t)hex;
    size_t digits = i;
    unsigned long v = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        int d = hex ? sc_hex_value(c) : sc_is_digit(c) ? c - '0' : -1;
        if (d < 0) break;
        if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + (unsigned)d;
    }
    if (i == digits) return 0;
    if (i < n && p[i] == ';') i++;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    else if (v >= 0x80 && v <= 0x9F) v = cp1252_codepoint((unsigned char)v);
    *cp = (unsigned)v;
    return i;
}
