/* Charset detection and Windows-1252 to UTF-8 (see charset.h). */
#include "charset.h"

#include <stdint.h>
#include <string.h>

#include "scan.h"

size_t utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* ASCII runs, a word at a time */
        if (p[i] < 0x80) {
            size_t j = i;
            while (j + 8 <= n) {
                uint64_t w;
                memcpy(&w, p + j, 8);
                if (w & 0x8080808080808080ull) break;
                j += 8;
            }
            while (j < n && p[j] < 0x80) j++;
            i = j;
            continue;
        }
        unsigned c = p[i];
        size_t len;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
        else return i;
        if (n - i < len) return i;
        unsigned cp = c & (0x7F >> len);
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return n;
}

edgr_charset charset_detect(const char *p, size_t n)
{
    if (scan_is_ascii(p, n)) return EDGR_CS_ASCII;
    return utf8_valid_prefix(p, n) == n ? EDGR_CS_UTF8 : EDGR_CS_CP1252;
}

/* Windows-1252 0x80-0x9F; 0 marks the five undefined bytes. */
static const unsigned short CP1252_HIGH[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

unsigned cp1252_codepoint(unsigned char c)
{
    return c >= 0x80 && c <= 0x9F && CP1252_HIGH[c - 0x80] ? CP1252_HIGH[c - 0x80] : c;
}

size_t utf8_encode(unsigned cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t cp1252_to_utf8(unsigned char c, char out[3])
{
    char u[4];
    size_t n = utf8_encode(cp1252_codepoint(c), u); /* 2 or 3: c >= 0x80 */
    memcpy(out, u, n);
    return n;
}

size_t edgr_cp1252_to_utf8(const char *p, size_t n, char *out)
{
    char *o = out;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x80) *o++ = (char)c;
        else o += cp1252_to_utf8(c, o);
    }
    return (size_t)(o - out);
}
