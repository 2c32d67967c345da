/* Character sets: detect per document, and make UTF-8 of Windows-1252. */
#ifndef EDGR_CHARSET_H
#define EDGR_CHARSET_H

#include <stddef.h>

#include "edgr/edgr.h"

/* ASCII, UTF-8 (valid, with non-ASCII bytes) or Windows-1252 (not valid
 * UTF-8; Latin-1 is its subset for printable characters). */
edgr_charset charset_detect(const char *p, size_t n);

/* Length of the valid UTF-8 prefix of [p, p+n). */
size_t utf8_valid_prefix(const char *p, size_t n);

/* UTF-8 for one Windows-1252 byte >= 0x80; writes 2 or 3 bytes to out and
 * returns the count.  Bytes undefined in Windows-1252 map to the C1 code
 * point of the same value, as the WHATWG encoding standard does. */
size_t cp1252_to_utf8(unsigned char c, char out[3]);

/* The code point of a Windows-1252 byte (itself below 0x80 and for the five
 * undefined bytes). */
unsigned cp1252_codepoint(unsigned char c);

/* UTF-8 of a code point below 0x110000: writes 1 to 4 bytes, returns the
 * count. */
size_t utf8_encode(unsigned cp, char out[4]);

#endif
