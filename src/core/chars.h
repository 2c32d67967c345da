/* The library's one set of character classifiers and its one decimal
 * number reader.
 *
 * ASCII only and locale-free: the C library's <ctype.h> depends on the
 * locale (and is undefined for negative chars), and EDGAR's syntax is ASCII.
 * Every function takes the byte as unsigned char; bytes >= 0x80 (parts of
 * UTF-8 or Windows-1252 characters) are never digits, letters or spaces.
 * All static inline: they run on every byte of the hot loops. */
#ifndef EDGR_CHARS_H
#define EDGR_CHARS_H

#include <stddef.h>
#include <stdint.h>

static inline int sc_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int sc_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int sc_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int sc_is_alpha(unsigned char c) { return sc_is_upper(c) || sc_is_lower(c); }
static inline int sc_is_alnum(unsigned char c) { return sc_is_digit(c) || sc_is_alpha(c); }
/* A letter, or a byte of a non-ASCII character (which is most likely one). */
static inline int sc_is_alpha_or_high(unsigned char c) { return sc_is_alpha(c) || c >= 0x80; }

/* Space and tab. */
static inline int sc_is_blank(unsigned char c) { return c == ' ' || c == '\t'; }
/* C's white space: space, \t, \n, \r, \f, \v. */
static inline int sc_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/* HTML's ASCII white space: C's without \v.  Written out, not as
 * "c != '\v' && sc_is_space(c)": the HTML tokenizer runs it on every byte
 * of a tag, and the compilers make the extra test cost 0.7% of `edgr text`. */
static inline int sc_is_html_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* XML's white space (S in the XML spec): space, \t, \n, \r; no \f. */
static inline int sc_is_xml_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static inline unsigned char sc_upper(unsigned char c)
{
    return sc_is_lower(c) ? (unsigned char)(c - 32) : c;
}
static inline unsigned char sc_lower(unsigned char c)
{
    return sc_is_upper(c) ? (unsigned char)(c + 32) : c;
}

/* The value of a hexadecimal digit (either case), or -1. */
static inline int sc_hex_value(unsigned char c)
{
    if (sc_is_digit(c)) return c - '0';
    unsigned char l = sc_lower(c);
    return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
}

/*
 * The decimal digits at the start of [p, p+n), at most `max_digits` of them
 * (0: all there are).  Their value, saturated at `cap` (a larger number
 * reads as cap, never overflows), goes to *v; returns how many digits were
 * read, 0 when p does not start with one (*v is then 0).  The caller
 * decides what a digit right after the ones read means (p[k] with k the
 * result, when k < n).
 */
static inline size_t sc_parse_uint(const char *p, size_t n, size_t max_digits, uint64_t cap, uint64_t *v)
{
    size_t lim = max_digits && max_digits < n ? max_digits : n;
    uint64_t x = 0;
    size_t i = 0;
    for (; i < lim && sc_is_digit((unsigned char)p[i]); i++) {
        unsigned d = (unsigned)(p[i] - '0');
        x = d > cap || x > (cap - d) / 10 ? cap : x * 10 + d;
    }
    *v = x;
    return i;
}

#endif
