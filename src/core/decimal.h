/*
 * Exact decimals for XBRL values, ownership amounts and 13F values (libc
 * only, in the core so every reader shares it): a sign, a string of digits
 * and a power of ten.  Enough to read any xsd:decimal a filing holds, move its point
 * (ix:nonFraction's scale), negate it (sign="-"), round it to `decimals`
 * places and print it canonically, with no binary floating point anywhere,
 * so 2^53 + 1 and 0.1 survive as written.
 */
#ifndef EDGR_DECIMAL_H
#define EDGR_DECIMAL_H

#include <stddef.h>

/* Named limits.  A value of more digits, or a point moved further, is no
 * financial figure but input built to cost us: it is refused, not read.
 * (The largest figures in filings are 15-20 digits; scale is at most 9 or
 * so in practice, the XBRL spec allowing any integer.) */
enum {
    XD_MAX_DIGITS = 120,  /* significant digits kept                         */
    XD_MAX_EXP = 200,     /* |power of ten| after scale and exponent          */
    XD_TEXT_MAX = XD_MAX_DIGITS + XD_MAX_EXP + 4 /* longest canonical string  */
};

typedef struct xd {
    int neg;                     /* 1 for a negative non-zero value           */
    int exp;                     /* value = digits x 10^exp                   */
    size_t n;                    /* digits used; 0 means the value is zero    */
    char dig[XD_MAX_DIGITS];     /* most significant first, no leading or
                                    trailing zeros ('0'..'9')                 */
} xd;

/* Read an xsd:decimal (or xsd:double's digits and exponent: "1.5E3") with
 * optional surrounding XML white space and sign.  0, or -1 when s is no
 * such number or passes a limit. */
int xd_parse(const char *s, size_t n, xd *out);

/* Move the point: value x 10^by.  -1 past XD_MAX_EXP. */
int xd_scale(xd *x, long by);

void xd_negate(xd *x);

/* Round to `decimals` places (negative: tens, hundreds ...), half away from
 * zero. */
void xd_round(xd *x, long decimals);

/* 1 when a and b are the same value. */
int xd_equal(const xd *a, const xd *b);

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
int xd_cmp(const xd *a, const xd *b);

/* The canonical text: "-1234.5", "0.125", "1000000", "0".  Returns its
 * length; out needs XD_TEXT_MAX + 1 bytes. */
size_t xd_format(const xd *x, char *out);

#endif
