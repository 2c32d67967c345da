/*
 * edgr/xbrl.h - the XBRL facts of a document: inline XBRL (an iXBRL primary
 * document) or an XBRL instance (EX-101.INS, or the SEC's extracted
 * *_htm.xml), read into the same records.
 *
 * A fact is its concept (namespace URI, local name, and the prefix the
 * document gave it), its context (entity, period, dimensions), its unit,
 * and its value.  Numeric values are exact: the displayed number goes
 * through its transformation rule, `scale` and `sign` as decimal digits,
 * never binary floating point, and comes out as a canonical decimal string
 * ("-1234.5", "0.125", "9007199254740993": no exponent, no leading zeros,
 * no trailing fractional zeros, no "-0").  So a value read from the iXBRL
 * and one read from its extracted instance compare as strings.
 *
 * Nothing is guessed: a format edgr does not know leaves the fact
 * untransformed, with its raw text, and says so (edgr_xbrl_problem); two
 * facts of one concept, context and unit that disagree after rounding to
 * the coarser `decimals` are kept both and reported as a conflict.
 *
 * Memory: everything a result points to is owned by it and lives until
 * edgr_xbrl_free.  Threads: a result is used by one thread at a time;
 * separate results may be built in parallel.
 */
#ifndef EDGR_XBRL_H
#define EDGR_XBRL_H

#include "edgr/edgr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a document was read as. */
typedef enum edgr_xbrl_format {
    EDGR_XBRL_NONE = 0,      /* no XBRL found                                  */
    EDGR_XBRL_INLINE = 1,    /* inline XBRL (ix: elements in XHTML)            */
    EDGR_XBRL_INSTANCE = 2   /* an XBRL instance document (xbrli:xbrl root)    */
} edgr_xbrl_format;

/* "inline", "instance", or "none". */
EDGR_API const char *edgr_xbrl_format_name(edgr_xbrl_format f);

/* One dimension of a context's segment (or scenario). */
typedef struct edgr_xbrl_member {
    const char *dimension;    /* the axis QName, "us-gaap:StatementBusinessSegmentsAxis" */
    const char *member;       /* explicit: the member QName; typed: the typed
                                 member's content, its text with white space
                                 collapsed                                   */
    int typed;                /* 1 for xbrldi:typedMember                     */
} edgr_xbrl_member;

/* A context.  The period is one of: an instant (`instant` 1, `end` the
 * date), a duration (`start` and `end`), or forever (both NULL).  Dates are
 * as written (xsd:date or dateTime).  Members are sorted by dimension. */
typedef struct edgr_xbrl_context {
    const char *id;
    const char *scheme, *identifier;   /* the entity: "http://www.sec.gov/CIK", "0000320193" */
    int instant;
    const char *start, *end;
    size_t nmembers;
    const edgr_xbrl_member *members;
} edgr_xbrl_context;

/* A unit.  `key` is what the SEC's views call it: the measures' local
 * names, "*"-joined, with "/" before the denominator: "USD", "shares",
 * "USD/shares", "pure". `measures` is the same with each measure's QName
 * ("iso4217:USD/xbrli:shares"). */
typedef struct edgr_xbrl_unit {
    const char *id;
    const char *key;
    const char *measures;
} edgr_xbrl_unit;

/* What a fact holds. */
typedef enum edgr_xbrl_kind {
    EDGR_XBRL_NUMERIC = 0,   /* ix:nonFraction, or an instance fact with a unitRef */
    EDGR_XBRL_TEXT = 1,      /* ix:nonNumeric, or an instance fact without     */
    EDGR_XBRL_FRACTION = 2   /* ix:fraction / a numerator and denominator      */
} edgr_xbrl_kind;

/* One fact.  Strings are NUL-terminated UTF-8, NULL when absent. */
typedef struct edgr_xbrl_fact {
    const char *ns;           /* the concept's namespace URI                  */
    const char *prefix;       /* its prefix in this document ("us-gaap")      */
    const char *name;         /* its local name ("Revenues")                  */
    const char *id;           /* the fact's id attribute                      */
    edgr_xbrl_kind kind;
    const edgr_xbrl_context *context; /* NULL when its contextRef names none  */
    const char *context_ref;
    const edgr_xbrl_unit *unit;       /* numeric facts; NULL otherwise         */
    const char *unit_ref;
    /* The value: numeric, the canonical decimal (or the raw text when
     * `untransformed`); text, the text (continuations joined, ix:exclude
     * left out, white space as the document has it, entities decoded);
     * NULL when nil.  A fraction's value is
     * NULL and its parts are `numerator` and `denominator`. */
    const char *value;
    const char *markup;       /* escape="true": the content as XHTML markup   */
    const char *numerator, *denominator;
    const char *decimals;     /* as written: "-6", "INF"; NULL when absent    */
    const char *precision;
    int nil;                  /* xsi:nil="true"                               */
    const char *format;       /* the ix format as written ("ixt:num-dot-decimal") */
    int untransformed;        /* the format is unknown, or the text does not
                                 fit it: `value` is the raw text             */
    size_t nfootnotes;        /* footnotes linked to the fact, their text     */
    const char *const *footnotes;
    uint64_t offset;          /* byte offset of the fact's start tag          */
    /* 1 when another fact of the same concept, context and unit is kept in
     * its place: it agrees and is at least as precise (the most precise
     * one, the first of equals, has 0).  The SEC's views read only facts
     * with 0; every fact stays in the result. */
    int duplicate;
} edgr_xbrl_fact;

/* Something worth saying about a document: neither is fatal. */
typedef enum edgr_xbrl_problem_kind {
    EDGR_XBRL_UNTRANSFORMED = 1, /* a numeric fact's format is unknown or
                                    its text does not fit it               */
    EDGR_XBRL_CONFLICT = 2,      /* duplicate facts that disagree           */
    EDGR_XBRL_NO_CONTEXT = 3,    /* a contextRef (or unitRef) names nothing */
    EDGR_XBRL_BAD_VALUE = 4,     /* a value that is not a number, a broken
                                    continuation chain, markup that cannot
                                    be read                                 */
    EDGR_XBRL_LIMIT = 5          /* a named limit was reached (see the .c)  */
} edgr_xbrl_problem_kind;

typedef struct edgr_xbrl_problem {
    edgr_xbrl_problem_kind kind;
    uint64_t offset;          /* byte offset in the input                     */
    const char *message;      /* one line, no trailing newline                */
} edgr_xbrl_problem;

typedef struct edgr_xbrl edgr_xbrl;

/* Options; zero-initialise, set `struct_size` (structs may grow). */
typedef struct edgr_xbrl_options {
    size_t struct_size;       /* sizeof(edgr_xbrl_options)                    */
    uint64_t base_offset;     /* added to every offset reported               */
} edgr_xbrl_options;

/*
 * Read the facts of one document (data[0..len), not NUL-terminated).  The
 * format is found from the bytes: an instance has an xbrl root element in
 * the XBRL instance namespace; inline XBRL has elements in an inline XBRL
 * namespace.  `opt` may be NULL.  On EDGR_OK *out is a result to free
 * (possibly with no facts: edgr_xbrl_format says EDGR_XBRL_NONE); an
 * instance that is not well-formed XML gives EDGR_ERR_DECODE with *out
 * still set, its problems saying where; an instance over 1 GB (libxml2's
 * int lengths) gives EDGR_ERR_LIMIT, *out set.  EDGR_ERR_NOMEM: nothing is set.
 * EDGR_ERR_ARG: no `out`, or data NULL with len > 0.
 */
EDGR_API edgr_status edgr_xbrl_read(const char *data, size_t len, const edgr_xbrl_options *opt,
                                    edgr_xbrl **out);

EDGR_API edgr_xbrl_format edgr_xbrl_format_of(const edgr_xbrl *x);
/* Facts in document order. */
EDGR_API size_t edgr_xbrl_count(const edgr_xbrl *x);
EDGR_API const edgr_xbrl_fact *edgr_xbrl_fact_at(const edgr_xbrl *x, size_t i);
EDGR_API size_t edgr_xbrl_problem_count(const edgr_xbrl *x);
EDGR_API const edgr_xbrl_problem *edgr_xbrl_problem_at(const edgr_xbrl *x, size_t i);

/* Flags of edgr_xbrl_write_fact. */
enum {
    EDGR_XBRL_JSON_PRETTY = 1,   /* indented                                  */
    EDGR_XBRL_JSON_NO_MARKUP = 2 /* leave out `markup` (text blocks are long)  */
};

/*
 * One fact as one JSON object (no newline):
 *   {"concept":"us-gaap:Revenues","ns":...,"name":...,"kind":"numeric",
 *    "value":"94930000000","decimals":"-6","unit":"USD","measures":...,
 *    "period":{"start":...,"end":...} | {"instant":...} | null,
 *    "entity":{"scheme":...,"id":...},"dimensions":{"axis":"member",...},
 *    "context":"c-1","id":...,"nil":true,"format":...,"untransformed":true,
 *    "duplicate":true,"footnotes":[...],"offset":1234}
 * Keys with nothing to say are left out (precision, markup, numerator ...;
 * nil, untransformed and duplicate when false).  Returns EDGR_OK,
 * EDGR_ERR_ABORTED when `write` returned non-zero, EDGR_ERR_ARG for no
 * such fact or no `write`, EDGR_ERR_NOMEM.
 */
EDGR_API edgr_status edgr_xbrl_write_fact(const edgr_xbrl *x, size_t i, unsigned flags, edgr_write_fn write,
                                          void *user);

EDGR_API void edgr_xbrl_free(edgr_xbrl *x);

/* 1 when document `d` of a submission may hold XBRL: an EX-101.INS, an HTML
 * document, or a file named .xml, .htm, .html, .xhtml (edgr_xbrl_read then
 * says whether it does).  What `edgr xbrl` and the store read. */
EDGR_API int edgr_xbrl_may_hold(const edgr_document *d);

/*
 * The XBRL of a filing's documents (docs[0..n)), each read once: every
 * inline XBRL document handed to `fn` as it is met, then the XBRL
 * instances, only when there was no inline document (the SEC's extracted
 * instance beside an inline document holds the same facts: both would
 * give each fact twice).  Offsets are from `origin` (0: from the start of
 * the input; the submission's offset: from its start).  `fn` gets the
 * document's index, the result (its to free) and edgr_xbrl_read's status:
 * EDGR_ERR_DECODE for an instance that is not well-formed (its last
 * problem says why), EDGR_ERR_LIMIT and no result for an instance past
 * the 64th (not kept); a document with no XBRL and nothing wrong is not
 * handed over.  A non-zero return stops.  Returns EDGR_OK,
 * EDGR_ERR_ABORTED (stopped), EDGR_ERR_NOMEM or EDGR_ERR_ARG.
 */
typedef int (*edgr_xbrl_doc_fn)(void *user, size_t doc_index, edgr_xbrl *x, edgr_status status);
EDGR_API edgr_status edgr_xbrl_read_documents(const edgr_document *docs, size_t n, uint64_t origin,
                                              edgr_xbrl_doc_fn fn, void *user);

/* The standard taxonomy a concept's namespace URI belongs to, as the SEC's
 * companyfacts names it: "us-gaap" (http://fasb.org/us-gaap/YYYY), "srt"
 * (http://fasb.org/srt/YYYY), "ifrs-full"
 * (http://xbrl.ifrs.org/taxonomy/DATE/ifrs-full), and the SEC's own,
 * http://xbrl.sec.gov/NAME/DATE: "dei", "ecd", "ffd", "invest", "cyd", ...
 * (the SEC's documents list facts of ecd, ffd and invest beside us-gaap and
 * dei); NULL for any other (a filer's extension). */
EDGR_API const char *edgr_xbrl_taxonomy(const char *ns);

#ifdef __cplusplus
}
#endif

#endif
