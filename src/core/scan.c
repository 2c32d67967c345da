/* Fast scanners (see scan.h). */
#include "scan.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char TEXT_END[] = "</TEXT>";
enum { TEXT_END_LEN = 7 };

static int is_text_end_at(const char *p, const char *end, const char *start,
                          int start_at_line)
{
    if (end - p < TEXT_END_LEN || memcmp(p, TEXT_END, TEXT_END_LEN) != 0) return 0;
    if (p == start) return start_at_line;
    return p[-1] == '\n' || p[-1] == '\r';
}

/*
 * Candidates are positions with '<' at i and 'X' at i+4: "<" alone is far
 * too common in HTML, but "<" followed four bytes later by a capital X is
 * rare in markup and text alike, so few candidates reach the full compare.
 */
/* Aligned: the loop below is most of the container pass, and where the
 * linker happens to place it moved that pass between 10 and 15 GB/s when
 * unrelated code grew (measured on the corpus, make bench). */
__attribute__((aligned(64))) const char *scan_text_end(const char *p, const char *end, int p_at_line_start)
{
    const char *start = p;
    if (end - p < TEXT_END_LEN) return NULL;
    const char *last = end - TEXT_END_LEN; /* last position a match can start */
#if defined(__SSE2__)
    const __m128i lt = _mm_set1_epi8('<');
    const __m128i ex = _mm_set1_epi8('X');
    while (last - p >= 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 4));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, lt), _mm_cmpeq_epi8(b, ex)));
        while (m) {
            int i = __builtin_ctz(m);
            if (is_text_end_at(p + i, end, start, p_at_line_start)) return p + i;
            m &= m - 1;
        }
        p += 16;
    }
#endif
    for (; p <= last; p++) {
        p = memchr(p, '<', (size_t)(last - p) + 1);
        if (!p) return NULL;
        if (is_text_end_at(p, end, start, p_at_line_start)) return p;
    }
    return NULL;
}

int scan_is_ascii(const char *p, size_t n)
{
    size_t i = 0;
    uint64_t acc = 0;
    for (; i + 32 <= n; i += 32) {
        uint64_t w[4];
        memcpy(w, p + i, 32);
        acc |= w[0] | w[1] | w[2] | w[3];
        if (acc & 0x8080808080808080ull) return 0;
    }
    for (; i < n; i++)
        if ((unsigned char)p[i] & 0x80) return 0;
    return (acc & 0x8080808080808080ull) == 0;
}

int sc_eq_upper(const char *p, size_t n, const char *lit)
{
    size_t i = 0;
    for (; i < n; i++)
        if (!lit[i] || sc_upper((unsigned char)p[i]) != (unsigned char)lit[i]) return 0;
    return lit[i] == '\0';
}

int sc_starts_upper(const char *p, size_t n, const char *lit)
{
    size_t i = 0;
    for (; lit[i]; i++)
        if (i >= n || sc_upper((unsigned char)p[i]) != (unsigned char)lit[i]) return 0;
    return 1;
}

size_t sc_line_col_offset(const char *p, size_t n, long line, long column)
{
    size_t i = 0;
    for (long l = 1; l < line && i < n; i++)
        if (p[i] == '\n') l++;
    for (long c = 1; c < column && i < n && p[i] != '\n'; c++) {
        i++;
        while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80) i++; /* the rest of a UTF-8 character */
    }
    return i < n ? i : n;
}
