/* Accession numbers: the dashed form from either form, and the store's
 * keys of bare documents ("sha256:" and 20 hex digits).  Pure and
 * libc-only: no locale, no state (edgr.h, edgr_accession_normalize). */
#include <string.h>

#include "edgr/edgr.h"

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static int hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

int edgr_accession_normalize(const char *s, size_t n, unsigned flags, char out[EDGR_KEY_SIZE])
{
    if (!s || !out) return 0;
    if (n == 20 && s[10] == '-' && s[13] == '-' && digits(s, 10) && digits(s + 11, 2) &&
        digits(s + 14, 6)) {
        memcpy(out, s, 20);
    } else if (n == 18 && digits(s, 18)) {
        memcpy(out, s, 10);
        out[10] = '-';
        memcpy(out + 11, s + 10, 2);
        out[13] = '-';
        memcpy(out + 14, s + 12, 6);
    } else if (flags & EDGR_ACCESSION_KEYS) {
        static const char prefix[] = "sha256:";
        size_t p = sizeof prefix - 1;
        if (n != p + EDGR_KEY_HEX) return 0;
        for (size_t i = 0; i < n; i++) {
            char c = lower(s[i]);
            if (i < p ? c != prefix[i] : !hex(c)) return 0;
            out[i] = c;
        }
        out[n] = 0;
        return 1;
    } else {
        return 0;
    }
    out[20] = 0;
    return 1;
}
