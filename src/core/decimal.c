/*
 * Exact decimals (decimal.h).  A value is kept as its significant digits
 * and a power of ten, so scaling is an addition, negation a flag, and the
 * canonical form falls out of stripping zeros at both ends.
 */
#include "decimal.h"

#include <string.h>

static int is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Drop leading and trailing zero digits (the latter into exp). */
static void normalize(xd *x)
{
    size_t lead = 0;
    while (lead < x->n && x->dig[lead] == '0') lead++;
    if (lead) {
        memmove(x->dig, x->dig + lead, x->n - lead);
        x->n -= lead;
    }
    while (x->n && x->dig[x->n - 1] == '0') {
        x->n--;
        x->exp++;
    }
    if (!x->n) x->neg = 0, x->exp = 0;
}

int xd_parse(const char *s, size_t n, xd *out)
{
    const char *p = s, *end = s + n;
    memset(out, 0, sizeof *out);
    while (p < end && is_xml_space(*p)) p++;
    while (end > p && is_xml_space(end[-1])) end--;
    if (p < end && (*p == '-' || *p == '+')) out->neg = *p++ == '-';
    long exp = 0;
    int digits = 0, point = 0;
    for (; p < end; p++) {
        if (*p >= '0' && *p <= '9') {
            digits = 1;
            if (point) exp--;
            if (out->n == 0 && *p == '0') continue; /* a leading zero */
            if (out->n == XD_MAX_DIGITS) {
                /* only zeros may pass the limit (trailing ones of a long
                 * integer part move into the exponent) */
                if (*p != '0') return -1;
                if (!point) exp++;
                else exp++; /* a fraction's trailing zero: undo its place */
                continue;
            }
            out->dig[out->n++] = *p;
        } else if (*p == '.' && !point) {
            point = 1;
        } else break;
    }
    if (!digits) return -1;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        int eneg = 0;
        if (p < end && (*p == '-' || *p == '+')) eneg = *p++ == '-';
        long e = 0;
        if (p == end) return -1;
        for (; p < end && *p >= '0' && *p <= '9'; p++) {
            e = e * 10 + (*p - '0');
            if (e > XD_MAX_EXP * 4L) return -1;
        }
        exp += eneg ? -e : e;
    }
    if (p != end) return -1;
    if (exp > XD_MAX_EXP * 2L || exp < -XD_MAX_EXP * 2L) return -1;
    out->exp = (int)exp;
    normalize(out);
    if (out->n && (out->exp > XD_MAX_EXP || out->exp < -XD_MAX_EXP)) return -1;
    return 0;
}

int xd_scale(xd *x, long by)
{
    if (!x->n) return 0;
    long e = (long)x->exp + by;
    if (by > XD_MAX_EXP * 2L || by < -XD_MAX_EXP * 2L || e > XD_MAX_EXP || e < -XD_MAX_EXP) return -1;
    x->exp = (int)e;
    return 0;
}

void xd_negate(xd *x)
{
    if (x->n) x->neg = !x->neg;
}

void xd_round(xd *x, long decimals)
{
    if (!x->n || decimals > XD_MAX_EXP * 2L) return;
    if (decimals < -XD_MAX_EXP * 2L) decimals = -XD_MAX_EXP * 2L;
    /* digit i stands at power exp + (n - 1 - i); keep those >= -decimals */
    long low = -decimals;
    if (x->exp >= low) return; /* nothing below the place */
    long keep = (long)x->n - (low - x->exp);
    if (keep < 0) { /* every digit is below the first dropped place */
        memset(x, 0, sizeof *x);
        return;
    }
    int up = x->dig[keep] >= '5';
    x->n = (size_t)keep;
    x->exp = (int)low;
    if (up) {
        size_t i = x->n;
        while (i > 0 && x->dig[i - 1] == '9') x->dig[--i] = '0';
        if (i > 0) x->dig[i - 1]++;
        else if (x->n < XD_MAX_DIGITS) { /* 999 -> 1000 */
            memmove(x->dig + 1, x->dig, x->n);
            x->dig[0] = '1';
            x->n++;
        } else { /* all nines at the limit: 10^(n + exp) */
            x->dig[0] = '1';
            x->exp += (int)x->n;
            x->n = 1;
        }
    }
    int neg = x->neg;
    normalize(x);
    if (x->n) x->neg = neg;
}

int xd_equal(const xd *a, const xd *b)
{
    return a->n == b->n && (!a->n || (a->neg == b->neg && a->exp == b->exp && !memcmp(a->dig, b->dig, a->n)));
}

/* |a| against |b|: the place of the leading digit, then the digits. */
static int cmp_abs(const xd *a, const xd *b)
{
    if (!a->n || !b->n) return a->n ? 1 : b->n ? -1 : 0;
    long la = (long)a->exp + (long)a->n, lb = (long)b->exp + (long)b->n;
    if (la != lb) return la < lb ? -1 : 1;
    size_t n = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->dig, b->dig, n);
    if (c) return c < 0 ? -1 : 1;
    return a->n == b->n ? 0 : a->n < b->n ? -1 : 1; /* more digits after the same ones: larger */
}

int xd_cmp(const xd *a, const xd *b)
{
    int sa = !a->n ? 0 : a->neg ? -1 : 1, sb = !b->n ? 0 : b->neg ? -1 : 1;
    if (sa != sb) return sa < sb ? -1 : 1;
    int c = cmp_abs(a, b);
    return sa < 0 ? -c : c;
}

size_t xd_format(const xd *x, char *out)
{
    char *o = out;
    if (!x->n) {
        memcpy(out, "0", 2);
        return 1;
    }
    if (x->neg) *o++ = '-';
    long n = (long)x->n, e = x->exp;
    if (e >= 0) { /* an integer: the digits, then e zeros */
        memcpy(o, x->dig, (size_t)n);
        o += n;
        memset(o, '0', (size_t)e);
        o += e;
    } else if (-e < n) { /* a point inside the digits */
        memcpy(o, x->dig, (size_t)(n + e));
        o += n + e;
        *o++ = '.';
        memcpy(o, x->dig + n + e, (size_t)-e);
        o += -e;
    } else { /* 0.000ddd */
        *o++ = '0';
        *o++ = '.';
        memset(o, '0', (size_t)(-e - n));
        o += -e - n;
        memcpy(o, x->dig, (size_t)n);
        o += n;
    }
    *o = '\0';
    return (size_t)(o - out);
}
