/*
 * Inline XBRL transformation rules (ixt: TR1 to TR5, ixt-sec: the SEC's
 * 2015 registry and later additions): the displayed text of an ix:nonFraction
 * or ix:nonNumeric, as a reader sees it, to the lexical value of its
 * concept's type.
 *
 * A rule is named by its namespace URI and local name, never by prefix:
 * "ixt:numdotdecimal" means nothing until the document's xmlns:ixt says
 * which registry it is.  An unknown (URI, name) is IXT_UNKNOWN: the caller
 * keeps the raw text and says so, it never guesses.
 */
#ifndef EDGR_XBRL_TRANSFORM_H
#define EDGR_XBRL_TRANSFORM_H

#include <stddef.h>

typedef enum ixt_status {
    IXT_OK = 0,      /* out holds the value                                  */
    IXT_UNKNOWN,     /* no such rule in the registry that URI names          */
    IXT_INVALID,     /* a known rule, but the text does not fit it           */
    IXT_TOO_LONG     /* the value would not fit in cap bytes                 */
} ixt_status;

/* What a rule yields, for the caller's checks (a numeric fact needs
 * IXT_K_NUMBER). */
typedef enum ixt_kind {
    IXT_K_NUMBER,    /* canonical unsigned xsd:decimal: digits and at most
                        one '.' ("1234.5", "0"); only the SEC's numinf,
                        numneginf, numnan give "INF", "-INF", "NaN"        */
    IXT_K_DATE,      /* xsd:date / gYearMonth / gMonthDay / gYear / gDay / gMonth lexical */
    IXT_K_BOOLEAN,   /* "true" / "false"                                     */
    IXT_K_DURATION,  /* xsd:duration: "P1Y6M", "P30D"                        */
    IXT_K_TEXT       /* a string (ixt-sec:stateprovnameen -> "CA", ...)      */
} ixt_kind;

/*
 * Apply the rule (ns, ns_len; name, name_len) to text[0..n) (UTF-8, entities
 * already decoded, whitespace as it appears).  On IXT_OK, out holds the
 * NUL-terminated value and *kind what it is.  Numbers come without sign and
 * without scale: ix:nonFraction's sign and scale attributes are the
 * caller's.  out is always NUL-terminated when cap > 0.
 */
ixt_status ixt_apply(const char *ns, size_t ns_len, const char *name, size_t name_len, const char *text,
                     size_t n, char *out, size_t cap, ixt_kind *kind);

/* 1 when ns names a transformation registry this file knows (any TR or the
 * SEC's): a format whose prefix resolves elsewhere is no transform at all. */
int ixt_registry_known(const char *ns, size_t ns_len);

#endif
