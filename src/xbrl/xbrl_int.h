/*
 * What the two XBRL readers share: the result they fill (model.c), the
 * reading of contexts and units (resources.c), numeric values (value.c).
 *
 * A reader turns its bytes into events: an element starts (namespace URI,
 * local name, attributes), text, an element ends.  Contexts and units are
 * the same XML in an instance and in an ix:resources, so one state machine
 * reads both from those events.  Facts are added as they end; references
 * (contextRef, unitRef, continuations, footnotes) are resolved once the
 * document is read, by xb_finish, since XBRL lets them point forward.
 */
#ifndef EDGR_XBRL_INT_H
#define EDGR_XBRL_INT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "edgr/xbrl.h"

#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define NS_LINK "http://www.xbrl.org/2003/linkbase"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define NS_IX11 "http://www.xbrl.org/2013/inlineXBRL"
#define NS_IX10 "http://www.xbrl.org/2008/inlineXBRL"

/* Named limits, each against input built to cost us. */
enum {
    XB_MAX_FACTS = 4000000,      /* a 10-K has 2,000-20,000                     */
    XB_MAX_CONTEXTS = 1000000,
    XB_MAX_MEMBERS = 64,         /* dimensions of one context (real: 1-4)       */
    XB_MAX_PROBLEMS = 10000,     /* then one LIMIT problem, and silence          */
    XB_MAX_TEXT = 64 << 20       /* one value's bytes (text blocks reach 2 MB)   */
};

/* An attribute as a reader passes it: local name, and its namespace URI
 * when it has a prefix (NULL for none); the value with entities decoded. */
typedef struct xb_attr {
    const char *uri;
    const char *name;
    size_t name_len;
    const char *value;
    size_t value_len;
} xb_attr;

/* The value of attribute `name` (no namespace, or in `uri`), or NULL. */
const xb_attr *xb_attr_get(const xb_attr *a, size_t n, const char *uri, const char *name);

/* An inline continuation (ix:continuation or ix:footnote): its id, text and
 * where it continues. */
typedef struct xb_piece {
    const char *id;
    const char *text;
    size_t text_len;
    const char *markup;
    size_t markup_len;
    const char *next;    /* continuedAt, or NULL                           */
    int used;            /* walked by a chain already (a piece is read once) */
} xb_piece;

/* A fact to footnote link (ix:relationship, or an instance footnoteArc
 * resolved to ids). */
typedef struct xb_link {
    const char *fact_id;
    const char *footnote_id;
} xb_link;

/* A fact whose text continues in a piece. */
typedef struct xb_chain {
    size_t fact;
    const char *first;
} xb_chain;

/* The context or unit being read (resources.c). */
typedef struct xb_res {
    int in_context, in_unit;
    int in_segment;            /* in a segment or scenario                    */
    int leaf;                  /* what the text being gathered is (enum in resources.c) */
    int denominator;           /* in xbrli:unitDenominator                   */
    int typed_depth;           /* elements open inside a typedMember           */
    edgr_xbrl_context ctx;
    edgr_xbrl_member members[XB_MAX_MEMBERS];
    size_t nmembers;
    const char *dim;           /* of the member being read                   */
    const char *unit_id;
    edgr_buf num, den;         /* measures, "*"-joined, as QNames            */
    edgr_buf key_num, key_den; /* the same, local names                      */
    edgr_buf text;             /* text of the leaf being read                 */
    uint64_t offset;
} xb_res;

struct edgr_xbrl {
    edgr_xbrl_format format;
    uint64_t base;
    arena a;
    vec facts;        /* edgr_xbrl_fact; refs resolved by xb_finish          */
    vec contexts;     /* edgr_xbrl_context                                   */
    vec units;        /* edgr_xbrl_unit                                      */
    vec problems;     /* edgr_xbrl_problem                                   */
    vec pieces;       /* xb_piece: continuations and footnotes (inline)      */
    vec chains;       /* xb_chain: facts that continue                       */
    vec links;        /* xb_link                                             */
    int oom;          /* an allocation failed: the result is unusable         */
    int problems_capped;
    unsigned limits_said; /* xb_push: each kind of limit said once          */
    xb_res res;
};

/* ---- model.c */
edgr_xbrl *xb_new(const edgr_xbrl_options *opt);
const char *xb_dup(edgr_xbrl *x, const char *p, size_t n); /* NULL only when out of memory (then x->oom) */
/* buf_append, and x->oom when memory ran out (not when the cap was
 * reached: the caller says that): every text the readers gather grows so,
 * so no failure to grow goes unseen (tests/fault). */
int xb_append(edgr_xbrl *x, edgr_buf *b, const void *p, size_t n, size_t cap);
/* The first `lit` in [p, end), or NULL (memchr for its first byte). */
const char *xb_find(const char *p, const char *end, const char *lit);
/* vec_push, telling a limit from a failure: past v->max a LIMIT problem
 * (once for each `what`: XB_LIMIT_*), when memory runs out x->oom. */
enum { XB_LIMIT_PIECES, XB_LIMIT_LINKS, XB_LIMIT_EXCLUDES, XB_LIMIT_CHAINS };
void *xb_push(edgr_xbrl *x, vec *v, int what, uint64_t offset);
edgr_xbrl_fact *xb_add_fact(edgr_xbrl *x, uint64_t offset); /* zeroed; NULL when out of memory or past the limit */
void xb_problem(edgr_xbrl *x, edgr_xbrl_problem_kind kind, uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Fact `fact` (index) continues with the piece of id `first` (inline). */
void xb_add_chain(edgr_xbrl *x, size_t fact, const char *first);
/* Resolve the references, join continuations, link footnotes, mark
 * duplicates and check them.  Once, after the last event. */
void xb_finish(edgr_xbrl *x);

/* ---- resources.c: contexts and units, from element events.  Return 1
 * when the event was theirs. */
int xr_start(edgr_xbrl *x, const char *uri, const char *local, const xb_attr *attrs, size_t nattrs,
             uint64_t offset);
void xr_text(edgr_xbrl *x, const char *p, size_t n);
int xr_end(edgr_xbrl *x, const char *uri, const char *local);
void xr_free(xb_res *r);

/* ---- value.c: a numeric fact's value from its text. */
/* Set f->value (canonical decimal) from text[0..n) read with the format
 * rule (fmt_uri, fmt_local; both NULL for none), `scale` (NULL for none)
 * and `negate`.  Failing that, the raw text with f->untransformed and a
 * problem.  `what` names the text in the problem ("ix:nonFraction"). */
void xv_number(edgr_xbrl *x, edgr_xbrl_fact *f, const char *text, size_t n, const char *fmt_uri,
               const char *fmt_local, const char *scale, size_t scale_len, int negate, const char *what);
/* A text fact's value through its format rule (ix:nonNumeric's format);
 * the raw text when the rule is unknown (and a problem). */
void xv_text(edgr_xbrl *x, edgr_xbrl_fact *f, const char *text, size_t n, const char *fmt_uri,
             const char *fmt_local);

/* ---- instance.c and ixbrl.c */
edgr_status xbrl_read_instance(edgr_xbrl *x, const char *data, size_t len);
edgr_status xbrl_read_inline(edgr_xbrl *x, const char *data, size_t len);

#endif
