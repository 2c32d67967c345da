/* uudecode (see uudecode.h).
 *
 * Format (4.2BSD uuencode(5)): each line is a count character (bytes + 32)
 * then 4 characters per 3 bytes, each a 6-bit value + 32, where a zero may be
 * written as a space or a backquote.  EDGAR strips trailing spaces, so a line
 * can be shorter than its count implies: missing characters are zeros. */
#include "uudecode.h"

#include <string.h>

#include "scan.h"

#define DEC(c) ((unsigned)((unsigned char)(c) - 32) & 63)

size_t uu_begin(const char *p, size_t n, const char **name, size_t *name_len)
{
    size_t i = 0;
    while (i < n && sc_is_space((unsigned char)p[i])) i++;
    if (n - i < 6 || memcmp(p + i, "begin", 5) != 0 || !sc_is_blank((unsigned char)p[i + 5]))
        return 0;
    size_t j = i + 5;
    while (j < n && sc_is_blank((unsigned char)p[j])) j++;
    size_t digits = 0;
    while (j < n && p[j] >= '0' && p[j] <= '7') j++, digits++;
    if (!digits || digits > 4 || j >= n || !sc_is_blank((unsigned char)p[j])) return 0;
    while (j < n && sc_is_blank((unsigned char)p[j])) j++;
    size_t ns = j;
    while (j < n && p[j] != '\n' && p[j] != '\r') j++;
    size_t ne = j;
    while (ne > ns && sc_is_blank((unsigned char)p[ne - 1])) ne--;
    *name = p + ns;
    *name_len = ne - ns;
    if (j < n && p[j] == '\r') j++;
    if (j < n && p[j] == '\n') j++;
    return j;
}

/* One line of data characters [s, s+len) holding `count` bytes. */
static size_t decode_line(const char *s, size_t len, unsigned count, char *out)
{
    size_t need = ((size_t)count + 2) / 3 * 4;
    unsigned char *o = (unsigned char *)out;
    size_t full = (len < need ? len : need) / 4;
    size_t produced = 0;
    /* full groups present in the line */
    for (size_t g = 0; g < full; g++, s += 4) {
        unsigned v = DEC(s[0]) << 18 | DEC(s[1]) << 12 | DEC(s[2]) << 6 | DEC(s[3]);
        o[0] = (unsigned char)(v >> 16);
        o[1] = (unsigned char)(v >> 8);
        o[2] = (unsigned char)v;
        o += 3;
        produced += 3;
    }
    /* a short tail: pad with zero bits (EDGAR stripped trailing spaces) */
    if (produced < count) {
        char pad[4] = {' ', ' ', ' ', ' '};
        size_t have = len - full * 4;
        if (have > 4) have = 4;
        memcpy(pad, s, have);
        unsigned v = DEC(pad[0]) << 18 | DEC(pad[1]) << 12 | DEC(pad[2]) << 6 | DEC(pad[3]);
        o[0] = (unsigned char)(v >> 16);
        o[1] = (unsigned char)(v >> 8);
        o[2] = (unsigned char)v;
        produced += 3;
        /* and whole groups that were stripped entirely are zeros */
        while (produced < count) {
            o += 3;
            o[0] = o[1] = o[2] = 0;
            produced += 3;
        }
    }
    return count;
}

size_t uu_decode(const char *p, size_t n, int final, char *out, size_t out_cap, uu_state *st,
                 size_t *consumed)
{
    size_t i = 0, w = 0;
    while (i < n && !st->done) {
        /* A valid line ends within a few bytes of the length its count
         * implies, so the search for its end is bounded; lines end in \n,
         * \r\n or a bare \r, as all three occur. */
        size_t e;
        size_t full = 1 + ((size_t)DEC(p[i]) + 2) / 3 * 4;
        size_t lim = n - i < full + 4 ? n - i : full + 4;
        const char *nl = memchr(p + i, '\n', lim);
        const char *cr = memchr(p + i, '\r', nl ? (size_t)(nl - (p + i)) : lim);
        if (cr || nl) {
            e = (size_t)((cr ? cr : nl) - p);
        } else {
            e = i + lim;
            while (e < n && p[e] != '\n' && p[e] != '\r') e++;
            if (e == n && !final) break;
        }
        size_t next = e < n ? e + 1 + (p[e] == '\r' && e + 1 < n && p[e + 1] == '\n') : n;
        if (e < n && p[e] == '\r' && e + 1 == n && !final) break; /* maybe \r\n */
        size_t s = i;
        size_t len = e - s;
        if (len == 0) {
            /* EDGAR's zero-count terminator lost its single space */
            i = next;
            continue;
        }
        if (len == 3 && memcmp(p + s, "end", 3) == 0) {
            st->done = 1;
            i = next;
            break;
        }
        unsigned count = DEC(p[s]);
        if (count == 0) {
            i = next;
            continue;
        }
        size_t maxlen = 1 + ((size_t)count + 2) / 3 * 4;
        /* a valid line is at most its full length (plus a few stray chars some
         * encoders append); anything longer is not uuencode */
        if (len > maxlen + 2) {
            if (!st->bad) st->first_bad = s;
            st->bad++;
            i = next;
            continue;
        }
        if (out_cap - w < (size_t)(count + 2) / 3 * 3) break; /* caller grows out */
        w += decode_line(p + s + 1, len - 1, count, out + w);
        i = next;
    }
    if (consumed) *consumed = i;
    return w;
}
