/* uudecode, including EDGAR's variant whose lines lost their trailing spaces
 * (a line is padded with zero bits to the length its count byte implies). */
#ifndef EDGR_UUDECODE_H
#define EDGR_UUDECODE_H

#include <stddef.h>
#include <stdint.h>

/* If [p, p+n) starts (after blank lines) with "begin MODE NAME", return the
 * offset just past that line and set *name and *name_len; else return 0. */
size_t uu_begin(const char *p, size_t n, const char **name, size_t *name_len);

typedef struct uu_state {
    int done;        /* the "end" line (or a zero-count line) was seen     */
    uint64_t bad;    /* lines that were not uuencode (skipped)             */
    uint64_t first_bad; /* offset (within the data) of the first bad line  */
} uu_state;

/*
 * Decode the uuencoded lines in [p, p+n) (after the begin line) into out
 * (out_cap bytes).  Returns the number of bytes written and sets *consumed to
 * the input bytes used.  Stops at "end" (st->done), at a last line with no
 * terminator unless `final`, or when the next line would not fit in out (so
 * *consumed < n and !st->done: grow out and call again with the rest).  A
 * line decodes to at most 64 bytes, so out_cap >= 64 always makes progress.
 * Lines that are not uuencode are counted in st->bad and skipped.
 */
size_t uu_decode(const char *p, size_t n, int final, char *out, size_t out_cap,
                 uu_state *st, size_t *consumed);

/* A good first guess at the decoded size of n bytes of uuencode (full 61
 * character lines give 45 bytes); short lines can give more, see above. */
static inline size_t uu_guess_out(size_t n) { return n / 4 * 3 + 64; }

#endif
