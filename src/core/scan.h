/* Byte scanners used on the hot path.  Pure functions over (ptr, end). */
#ifndef EDGR_SCAN_H
#define EDGR_SCAN_H

#include <stddef.h>

#include "chars.h" /* the classifiers sc_is_digit ... */

/*
 * The first "</TEXT>" in [p, end) that starts a line: at p itself when
 * `p_at_line_start`, else right after '\n' or '\r'.  Returns a pointer to its
 * '<', or NULL.  This is what ends a document body; it runs over every body
 * byte, so it is vectorised where the machine allows.
 */
const char *scan_text_end(const char *p, const char *end, int p_at_line_start);

/* 1 if every byte in [p, p+n) is below 0x80. */
int scan_is_ascii(const char *p, size_t n);

/* Case-insensitive comparison of n bytes with an upper-case literal. */
int sc_eq_upper(const char *p, size_t n, const char *upper_lit);
/* 1 if [p, p+n) starts with the upper-case literal, case-insensitively. */
int sc_starts_upper(const char *p, size_t n, const char *upper_lit);

/* The byte offset of 1-based `line` and `column` (characters: a UTF-8
 * sequence counts once) in [p, p+n), clamped to n.  What an XML parser's
 * error position means in bytes: libxml2's own input pointers are no
 * measure once it has stopped on an error. */
size_t sc_line_col_offset(const char *p, size_t n, long line, long column);

#endif
