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

#endif
