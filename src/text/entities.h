/* WHATWG named character references. */
#ifndef EDGR_ENTITIES_H
#define EDGR_ENTITIES_H

#include <stddef.h>

/*
 * The longest entity name that input starts with (p is just past '&').
 * Names with a ';' need it in the input; the legacy ones without may match
 * without.  On a match, points value at its UTF-8 (value_len bytes) and returns the
 * bytes matched; returns 0 when no name matches.
 */
size_t entity_match(const char *p, size_t n, const char **value, size_t *value_len);

/*
 * A numeric character reference, p at its '#' (n bytes available): "#146;",
 * "#x2019".  Sets *cp, read as WHATWG does (0x80-0x9F are Windows-1252's,
 * &#146; a right quote; 0, surrogates and values past 0x10FFFF are
 * U+FFFD), and returns the bytes taken from p, the ';' included when there
 * is one; 0 when no digit follows (then "&#" is text).
 */
size_t entity_numeric(const char *p, size_t n, unsigned *cp);

#endif
