/*
 * A fact's value from its text: the format rule (transform.c), then for a
 * number its scale and sign, all in exact decimal (decimal.c).
 */
#include <string.h>

#include "decimal.h"
#include "transform.h"
#include "chars.h"
#include "xbrl_int.h"

enum { XV_VALUE_MAX = 4096 }; /* a transformed number or date; text goes as it is */


static void trim(const char **p, size_t *n)
{
    while (*n && sc_is_xml_space((unsigned char)**p)) (*p)++, (*n)--;
    while (*n && sc_is_xml_space((unsigned char)(*p)[*n - 1])) (*n)--;
}

/* The raw text kept, the fact marked, the problem said. */
static void untransformed(edgr_xbrl *x, edgr_xbrl_fact *f, const char *text, size_t n, const char *why,
                          const char *what)
{
    f->untransformed = 1;
    f->value = xb_dup(x, text, n);
    xb_problem(x, EDGR_XBRL_UNTRANSFORMED, f->offset - x->base, "%s %s%s%s: %s%s%s%s: \"%.60s\"", what,
               f->prefix ? f->prefix : "", f->prefix ? ":" : "", f->name ? f->name : "?", why,
               f->format ? " (" : "", f->format ? f->format : "", f->format ? ")" : "", f->value ? f->value : "");
}

void xv_number(edgr_xbrl *x, edgr_xbrl_fact *f, const char *text, size_t n, const char *fmt_uri,
               const char *fmt_local, const char *scale, size_t scale_len, int negate, const char *what)
{
    char out[XV_VALUE_MAX];
    const char *digits = text;
    size_t nd = n;
    trim(&text, &n);
    if (fmt_local) {
        ixt_kind kind;
        if (!fmt_uri) return untransformed(x, f, text, n, "the format's prefix is not declared", what);
        ixt_status st = ixt_apply(fmt_uri, strlen(fmt_uri), fmt_local, strlen(fmt_local), text, n, out, sizeof out, &kind);
        if (st == IXT_UNKNOWN) return untransformed(x, f, text, n, "unknown format", what);
        if (st != IXT_OK || kind != IXT_K_NUMBER)
            return untransformed(x, f, text, n, "text does not fit its format", what);
        digits = out;
        nd = strlen(out);
    } else {
        digits = text;
        nd = n;
    }
    xd v;
    if (xd_parse(digits, nd, &v)) return untransformed(x, f, text, n, "not a number", what);
    if (scale) {
        long s = 0;
        int neg = 0;
        size_t i = 0;
        while (i < scale_len && sc_is_xml_space((unsigned char)scale[i])) i++;
        if (i < scale_len && (scale[i] == '-' || scale[i] == '+')) neg = scale[i++] == '-';
        size_t first = i;
        for (; i < scale_len && scale[i] >= '0' && scale[i] <= '9' && s < 100000; i++) s = s * 10 + (scale[i] - '0');
        while (i < scale_len && sc_is_xml_space((unsigned char)scale[i])) i++;
        if (i == first || i != scale_len || xd_scale(&v, neg ? -s : s))
            return untransformed(x, f, text, n, "a scale that cannot be applied", what);
    }
    if (negate) xd_negate(&v);
    char canon[XD_TEXT_MAX + 1];
    size_t k = xd_format(&v, canon);
    f->value = xb_dup(x, canon, k);
}

void xv_text(edgr_xbrl *x, edgr_xbrl_fact *f, const char *text, size_t n, const char *fmt_uri,
             const char *fmt_local)
{
    if (!fmt_local) {
        f->value = xb_dup(x, text, n);
        return;
    }
    char out[XV_VALUE_MAX];
    ixt_kind kind;
    const char *t = text;
    size_t tn = n;
    trim(&t, &tn);
    ixt_status st = fmt_uri ? ixt_apply(fmt_uri, strlen(fmt_uri), fmt_local, strlen(fmt_local), t, tn, out,
                                        sizeof out, &kind)
                            : IXT_UNKNOWN;
    if (st == IXT_OK) {
        f->value = xb_dup(x, out, strlen(out));
        return;
    }
    /* A text fact keeps its text either way; it is said only when the
     * format is unknown, a mismatch being the filer's (a date "N/A"). */
    f->untransformed = 1;
    f->value = xb_dup(x, text, n);
    if (st == IXT_UNKNOWN)
        xb_problem(x, EDGR_XBRL_UNTRANSFORMED, f->offset - x->base, "ix:nonNumeric %s:%s: unknown format %s",
                   f->prefix ? f->prefix : "", f->name ? f->name : "?", fmt_local);
}
