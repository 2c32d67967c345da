/*
 * edgr/facts.h - what a filing's cover page, signature block and exhibit
 * index say.
 *
 * Three groups of facts come out of one submission:
 *
 *   - the cover page: registrant name, state of incorporation, commission
 *     file number, IRS employer number, principal executive office address
 *     and phone, the four 8-K boxes (Rule 425, 14a-12, 14d-2(b), 13e-4(c)),
 *     the emerging-growth-company box and the securities registered under
 *     Section 12(b).  Inline XBRL dei: facts in the main document win; the
 *     cover's text is the fallback; the SEC header is the last resort for
 *     the registrant's name, file number, IRS number and state.  Every fact
 *     says where it came from.
 *   - the signature block: the registrant, each signer's name, title and
 *     date (an 8-K's "By: /s/ ...  Name: ...  Title: ..." and a 10-K's table
 *     of signers alike).
 *   - exhibits: every EX-* document of the submission, and the exhibit table
 *     of the main document (8-K Item 9.01, a 10-K's exhibit index), matched
 *     by number ("99.1" <-> EX-99.1, "10.01" <-> EX-10.1).
 *
 * The main document is the first HTML or text document.  Text is read
 * through edgr_document_text (edgr/text.h) with tables as TSV, so cover
 * tables keep their cells.  Everything is heuristic: a fact that is not
 * found is NULL (or -1 for a box), never guessed.
 *
 * Threads (edgr.h has the rules): an edgr_facts is used by one thread at a
 * time; edgr_facts_extract only reads the submission and documents it is
 * given, so several threads may read one filing at once, each into its own
 * edgr_facts; edgr_facts_write_json only reads a result.  edgr_date_find
 * and edgr_fact_source_name may be called anywhere.
 */
#ifndef EDGR_FACTS_H
#define EDGR_FACTS_H

#include "edgr/edgr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a fact was read. */
typedef enum edgr_fact_source {
    EDGR_FACT_NONE = 0,   /* not found                                       */
    EDGR_FACT_TEXT = 1,   /* the main document's text                        */
    EDGR_FACT_IXBRL = 2,  /* an inline XBRL dei: fact in the main document   */
    EDGR_FACT_HEADER = 3  /* the SEC header (only when the text says nothing)*/
} edgr_fact_source;

/* "text", "ixbrl", "header", or "none". */
EDGR_API const char *edgr_fact_source_name(edgr_fact_source s);
/* The i-th key of a cover as `facts` and `show` write it, in their order
 * and edgr_cover's: the text facts registrant, incorporation, file_number,
 * irs_number, address, phone (0-5), then the boxes written_communications,
 * soliciting_material, pre_commencement_tender_offer,
 * pre_commencement_issuer_tender_offer, emerging_growth_company (6-10);
 * NULL past the last (securities_12b apart).  The store's cover_facts rows
 * are named so. */
EDGR_API const char *edgr_cover_key(size_t i);

/* One string fact.  `value` is NUL-terminated UTF-8 with white space
 * collapsed, owned by the edgr_facts it belongs to; NULL when not found.
 * `offset` is the byte offset in the caller's input where it was read
 * (for text, the start of its line). */
typedef struct edgr_fact {
    const char *value;
    edgr_fact_source source;
    uint64_t offset;
} edgr_fact;

/* One check box (JSON: {"value": true|false}).  `value` is 1 (☒ ☑ ý þ x
 * [X] ...), 0 (☐ ¨ o [ ] ...), or -1 when the box was not found or its mark is unreadable (an image). */
typedef struct edgr_checkbox {
    int value;
    edgr_fact_source source;
    uint64_t offset;
} edgr_checkbox;

/* A class of securities registered under Section 12(b).  Any string may be
 * NULL (no trading symbol before 2019's cover page). */
typedef struct edgr_security {
    const char *title, *trading_symbol, *exchange;
    edgr_fact_source source;
    uint64_t offset;
} edgr_security;

typedef struct edgr_cover {
    edgr_fact registrant;        /* "Cellectar Biosciences, Inc."            */
    edgr_fact incorporation;     /* state or country: "Delaware"             */
    edgr_fact file_number;       /* commission file number: "1-36598"        */
    edgr_fact irs_number;        /* IRS employer id: "04-3321804"            */
    edgr_fact address;           /* one line: "3301 Agriculture Drive,
                                    Madison, WI 53716"                       */
    edgr_fact phone;             /* "(608) 441-8120"                         */
    edgr_checkbox written_communications;      /* Rule 425                   */
    edgr_checkbox soliciting_material;         /* Rule 14a-12                */
    edgr_checkbox pre_commencement_tender_offer;        /* Rule 14d-2(b)     */
    edgr_checkbox pre_commencement_issuer_tender_offer; /* Rule 13e-4(c)     */
    edgr_checkbox emerging_growth_company;             /* Rule 12b-2     */

    const edgr_security *securities;
    size_t security_count;
} edgr_cover;

/* One signer.  Any string may be NULL.  `date_text` is the date as
 * written; `date` is YYYY-MM-DD when it could be read (the JSON keys
 * "date_text" and "date"). */
typedef struct edgr_signer {
    const char *name, *title, *date_text, *date;
    uint64_t offset;
} edgr_signer;

typedef struct edgr_signatures {
    const char *registrant;       /* as written in the block, or NULL       */
    const char *date_text, *date; /* the block's own date ("Dated: ..."):
                                     as written, and YYYY-MM-DD            */
    const edgr_signer *signers;
    size_t signer_count;
    uint64_t offset;              /* of the SIGNATURE(S) heading; 0 if none */
} edgr_signatures;

/* An EX-* document of the submission. */
typedef struct edgr_exhibit_doc {
    size_t doc;                   /* index in the documents given           */
    int64_t sequence;             /* <SEQUENCE>, or -1                      */
    const char *type;             /* "EX-99.1"                              */
    const char *number;           /* "99.1" (the type without "EX-")        */
    const char *description;      /* <DESCRIPTION>, or NULL                 */
    const char *filename;         /* <FILENAME>, or NULL                    */
    long listed;                  /* index in exhibit_index, or -1          */
} edgr_exhibit_doc;

/* A row of the main document's exhibit table. */
typedef struct edgr_exhibit_entry {
    const char *number;           /* "99.1" as written (marks like * cut)   */
    const char *title;            /* the description cell, or NULL          */
    uint64_t offset;
    long exhibit_doc;             /* index in exhibit_docs, or -1 (JSON
                                     "document" is its sequence)            */
} edgr_exhibit_entry;

/*
 * The result.  Zero-initialise it, reuse it across calls (memory is kept),
 * free it with edgr_facts_free().  Every pointer in it is owned by it and
 * valid until the next edgr_facts_extract() on it or edgr_facts_free().
 */
typedef struct edgr_facts {
    long main_doc;                /* index of the document read, or -1      */
    edgr_cover cover;
    edgr_signatures signatures;
    const edgr_exhibit_doc *exhibit_docs;
    size_t exhibit_doc_count;
    const edgr_exhibit_entry *exhibit_index;
    size_t exhibit_index_count;
    void *priv;                   /* owned by the library                   */
} edgr_facts;

/*
 * Read the facts of one filing.  `docs` / `doc_count` are its documents
 * (s->docs for a parsed submission, or one edgr_document_bare() document);
 * `s` may be NULL (no header fallback then).  Documents must be parsed with
 * EDGR_PARSE_DECODE so that their charset is known.  Returns EDGR_OK (facts
 * not found are left empty), EDGR_ERR_ARG (out or docs NULL with a count) or
 * EDGR_ERR_NOMEM (out is then empty).
 */
EDGR_API edgr_status edgr_facts_extract(const edgr_submission *s, const edgr_document *docs,
                                        size_t doc_count, edgr_facts *out);

/* Options of edgr_facts_extract_opt(): start from EDGR_FACTS_OPTIONS_INIT. */
typedef struct edgr_facts_options {
    size_t struct_size;          /* sizeof(edgr_facts_options)              */
    /* told of the main document's bytes read for good (edgr.h,
     * edgr_release_fn), or NULL: the main document is read last as text,
     * so its bytes can go while its text is made */
    edgr_release_fn release;
    void *release_user;
} edgr_facts_options;

#define EDGR_FACTS_OPTIONS_INIT {.struct_size = sizeof(edgr_facts_options)}

/* edgr_facts_extract() with options (`opt` NULL: the defaults).  Also
 * EDGR_ERR_ARG for opt->struct_size too small. */
EDGR_API edgr_status edgr_facts_extract_opt(const edgr_submission *s, const edgr_document *docs,
                                            size_t doc_count, const edgr_facts_options *opt,
                                            edgr_facts *out);

/* Free what a facts result holds and zero it.  NULL is a harmless no-op. */
EDGR_API void edgr_facts_free(edgr_facts *f);

/*
 * Write facts as one JSON object without a trailing newline: "source"
 * ({"path" and "member" from `src` (NULL: both null; see edgr_json_source
 * in edgr.h), "offset", "length", "container"}), "accession_number" and
 * "type" (from `s`, which may be
 * NULL), "document" (the sequence read), "doc_type", "filename", "cover",
 * "signatures", "exhibits".  String facts and boxes are both {"value",
 * "source", "offset"} (a box's value is a boolean); missing ones are null.
 * Dates are ISO ("date"), as printed beside them ("date_text").  Every key:
 * docs/fields.md.  `flags`: EDGR_JSON_PRETTY.  Returns EDGR_OK,
 * EDGR_ERR_ARG (`src` with a struct_size too small) or EDGR_ERR_ABORTED if
 * `write` asked to stop.
 */
EDGR_API edgr_status edgr_facts_write_json(const edgr_facts *f, const edgr_submission *s,
                                           const edgr_document *docs, const edgr_json_source *src,
                                           unsigned flags, edgr_write_fn write, void *user);

/*
 * A date as written ("March 8, 2017", "Mar. 8, 2017", "8 March 2017",
 * "03/08/2017", "2017-03-08"; a month as its first three letters or more,
 * blanks no-break spaces too) found in p[0..n): writes YYYY-MM-DD and a NUL
 * into iso and returns 1, or returns 0.  `*at` / `*len` (may be NULL) get
 * where the date is in p.
 */
EDGR_API int edgr_date_find(const char *p, size_t n, char iso[11], size_t *at, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
