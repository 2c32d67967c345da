/*
 * edgr/ownership.h - insider transactions (Forms 3, 4, 5 and their
 * amendments) and institutional holdings (Form 13F) as rows.
 *
 * Forms 3/4/5: the XML `ownershipDocument` of the filing, whole: the
 * document's own fields, the issuer, every reporting owner with address
 * and relationship, footnotes, remarks, signatures, and one row per
 * nonDerivativeTransaction, nonDerivativeHolding, derivativeTransaction
 * and derivativeHolding, in document order.
 *
 * Form 13F: the primary document (`edgarSubmission`: cover page, signature,
 * summary page) and the information table, one row per `infoTable`, with
 * the units of `value` decided per filing (thousands of dollars before the
 * 2023 change, whole dollars after; filings for the same period come in
 * both) and `value_usd` in whole dollars.
 *
 * Every value is a NUL-terminated UTF-8 string, NULL when the document
 * gives none.  Numbers are canonical decimals ("200000.0" gives "200000",
 * never binary floating point); booleans ("0"/"1", "true"/"false", and
 * 13F's "Y"/"N") are "true" or "false" (other text is kept as written,
 * with a problem for ownership documents); dates are ISO ("MM-DD-YYYY" of 13F becomes
 * "YYYY-MM-DD"; a time zone after an ownership date is dropped).  A value
 * that holds only a footnote reference has value NULL and the footnote ids
 * in `footnotes`: "no value, see F3", never zero.
 *
 * Memory: everything a result points to is owned by it and lives until
 * its free function.  Threads: a result is used by one thread at a time;
 * separate results may be built in parallel.
 */
#ifndef EDGR_OWNERSHIP_H
#define EDGR_OWNERSHIP_H

#include "edgr/edgr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A value and the footnotes attached to it ("F1,F3": the ids of its
 * <footnoteId> elements, comma-joined; NULL for none). */
typedef struct edgr_own_value {
    const char *value;
    const char *footnotes;
} edgr_own_value;

/* Something worth saying about a document; none is fatal except the one
 * a read function returns EDGR_ERR_DECODE with (the last). */
typedef struct edgr_own_problem {
    uint64_t offset;          /* byte offset in the input                     */
    const char *message;      /* one line, no trailing newline                */
} edgr_own_problem;

/* Options; zero-initialise, set `struct_size` (structs may grow). */
typedef struct edgr_own_options {
    size_t struct_size;       /* sizeof(edgr_own_options)                     */
    uint64_t base_offset;     /* added to every offset reported               */
} edgr_own_options;

/* ------------------------------------------------------------------ */
/* Forms 3, 4, 5                                                       */

/* The four tables of an ownership document. */
typedef enum edgr_own_kind {
    EDGR_OWN_NONDERIV_TRANSACTION = 1, /* Table I, nonDerivativeTransaction  */
    EDGR_OWN_NONDERIV_HOLDING = 2,     /* Table I, nonDerivativeHolding      */
    EDGR_OWN_DERIV_TRANSACTION = 3,    /* Table II, derivativeTransaction    */
    EDGR_OWN_DERIV_HOLDING = 4         /* Table II, derivativeHolding        */
} edgr_own_kind;

/* "nonDerivativeTransaction", ... (the element's name), or NULL. */
EDGR_API const char *edgr_own_kind_name(edgr_own_kind k);

/* The fields of a row, indexes into edgr_own_row.f.  edgr_own_field_name
 * gives each one's JSON key (the names in the comments). */
typedef enum edgr_own_field {
    EDGR_OWN_SECURITY_TITLE = 0,       /* security_title                      */
    EDGR_OWN_CONVERSION_PRICE,         /* conversion_or_exercise_price (II)   */
    EDGR_OWN_TRANSACTION_DATE,         /* transaction_date                    */
    EDGR_OWN_DEEMED_EXECUTION_DATE,    /* deemed_execution_date               */
    EDGR_OWN_FORM_TYPE,                /* form_type (transactionFormType)     */
    EDGR_OWN_CODE,                     /* code (transactionCode: P, S, A ...);
                                          its footnotes: transactionCoding's  */
    EDGR_OWN_EQUITY_SWAP,              /* equity_swap (boolean)               */
    EDGR_OWN_TIMELINESS,               /* timeliness (E early, L late)        */
    EDGR_OWN_SHARES,                   /* shares (transactionShares)          */
    EDGR_OWN_TOTAL_VALUE,              /* total_value (transactionTotalValue) */
    EDGR_OWN_PRICE,                    /* price (transactionPricePerShare)    */
    EDGR_OWN_ACQUIRED_DISPOSED,        /* acquired_disposed (A or D)          */
    EDGR_OWN_EXERCISE_DATE,            /* exercise_date (II)                  */
    EDGR_OWN_EXPIRATION_DATE,          /* expiration_date (II)                */
    EDGR_OWN_UNDERLYING_TITLE,         /* underlying_title (II)               */
    EDGR_OWN_UNDERLYING_SHARES,        /* underlying_shares (II)              */
    EDGR_OWN_UNDERLYING_VALUE,         /* underlying_value (II)               */
    EDGR_OWN_OWNED_AFTER_SHARES,       /* owned_after_shares                  */
    EDGR_OWN_OWNED_AFTER_VALUE,        /* owned_after_value                   */
    EDGR_OWN_DIRECT_INDIRECT,          /* direct_indirect (D or I)            */
    EDGR_OWN_NATURE_OF_OWNERSHIP,      /* nature_of_ownership                 */
    EDGR_OWN_OTHER_FOOTNOTES,          /* other_footnotes: footnote ids of the
                                          row not under any field above
                                          (value always NULL)                 */
    EDGR_OWN_NFIELDS
} edgr_own_field;

/* The JSON key of field f, or NULL. */
EDGR_API const char *edgr_own_field_name(edgr_own_field f);
/* 1 for the fields that hold numbers, 2 for booleans, 0 otherwise. */
EDGR_API int edgr_own_field_type(edgr_own_field f);

typedef struct edgr_own_row {
    edgr_own_kind kind;
    uint64_t offset;          /* where the row's start tag ends (the byte
                                 after its '>')                           */
    edgr_own_value f[EDGR_OWN_NFIELDS];
} edgr_own_row;

/* A reporting owner.  Relationship flags are "true", "false" or NULL. */
typedef struct edgr_own_owner {
    const char *cik, *name;
    const char *street1, *street2, *city, *state, *zip, *state_description;
    const char *is_director, *is_officer, *is_ten_percent_owner, *is_other;
    const char *officer_title, *other_text;
} edgr_own_owner;

typedef struct edgr_own_footnote {
    const char *id, *text;
} edgr_own_footnote;

typedef struct edgr_own_signature {
    const char *name, *date;
} edgr_own_signature;

/* An ownership document. */
typedef struct edgr_own_doc {
    const char *schema_version, *document_type, *period_of_report, *date_of_original_submission;
    const char *not_subject_to_section16, *aff10b5one, *no_securities_owned; /* booleans */
    const char *form3_holdings_reported, *form4_transactions_reported;     /* Form 5's booleans */
    const char *issuer_cik, *issuer_name, *issuer_symbol;
    const char *remarks;
    size_t nowners;
    const edgr_own_owner *owners;
    size_t nfootnotes;
    const edgr_own_footnote *footnotes;
    size_t nsignatures;
    const edgr_own_signature *signatures;
    size_t nrows;
    const edgr_own_row *rows;
} edgr_own_doc;

typedef struct edgr_ownership edgr_ownership;

/*
 * 1 when data[0..len) looks like an ownership document: its root element
 * (after any XML declaration and comments) is <ownershipDocument>.
 * A look at the first bytes only; edgr_ownership_read says for sure.
 */
EDGR_API int edgr_ownership_is(const char *data, size_t len);

/*
 * Read one ownership document.  `opt` may be NULL.  EDGR_OK: *out is a
 * result to free.  EDGR_ERR_DECODE: the XML is not well-formed, or its root
 * is no ownershipDocument; *out is set, its last problem says where and
 * why (the whole rows read before the error are kept; the one it cut is
 * said and left out).  EDGR_ERR_LIMIT: over 1 GB, nested past 256 levels,
 * more than 20,000,000 elements or 16 MB of text in one (src/ownership/
 * xtree.h); *out set, as for DECODE.  Past the limits of rows (1,000,000),
 * owners and signatures (100), footnotes (100,000) the rest is not read
 * and a problem says so; the status stays EDGR_OK.  A namespace error (an
 * undeclared prefix) is none: elements are read by their local names.
 * EDGR_ERR_NOMEM: nothing set.  EDGR_ERR_ARG: no `out`, or data NULL with
 * len > 0.
 */
EDGR_API edgr_status edgr_ownership_read(const char *data, size_t len, const edgr_own_options *opt,
                                         edgr_ownership **out);
EDGR_API const edgr_own_doc *edgr_ownership_doc(const edgr_ownership *x);
EDGR_API size_t edgr_ownership_problem_count(const edgr_ownership *x);
EDGR_API const edgr_own_problem *edgr_ownership_problem_at(const edgr_ownership *x, size_t i);
EDGR_API void edgr_ownership_free(edgr_ownership *x);

/* ------------------------------------------------------------------ */
/* Form 13F                                                            */

/* One infoTable row.  `value` is as filed; `value_usd` is whole dollars
 * (value x 1,000 when the filing is in thousands), NULL when the units
 * could not be decided. */
typedef struct edgr_13f_row {
    uint64_t offset;
    const char *name_of_issuer, *title_of_class, *cusip, *figi;
    const char *value, *value_usd;
    const char *amount, *amount_type;    /* sshPrnamt, sshPrnamtType (SH, PRN) */
    const char *put_call;                /* Put, Call, or NULL                 */
    const char *investment_discretion;   /* SOLE, DFND, OTR                    */
    const char *other_manager;           /* sequence numbers as written        */
    const char *voting_sole, *voting_shared, *voting_none;
} edgr_13f_row;

typedef struct edgr_13f_manager {
    const char *sequence, *cik, *file_number, *crd_number, *sec_file_number, *name;
} edgr_13f_manager;

/* The units of a filing's `value`, and the rule that decided them. */
typedef enum edgr_13f_units {
    EDGR_13F_UNITS_UNKNOWN = 0,
    EDGR_13F_DOLLARS = 1,
    EDGR_13F_THOUSANDS = 2
} edgr_13f_units;

/* The rules, in order (edgr_13f_doc.units_rule):
 * "price": value / shares of each share row without put or call; when at
 *   least half are below $1, the filing is in thousands.  Prices prove
 *   thousands only (a thousands filing of $1,000 shares prices them above
 *   $1), so otherwise:
 * "schema": the primary document's schemaVersion: X0202 (the 2023 schema)
 *   or later is dollars, earlier ones thousands;
 * "period": the report period: ending on or after 2022-12-31 is dollars;
 * "none": nothing to decide by (a bare information table priced above $1):
 *   units unknown, value_usd NULL. */
EDGR_API const char *edgr_13f_units_name(edgr_13f_units u); /* "dollars", "thousands", "unknown" */

typedef struct edgr_13f_doc {
    /* the primary document; all NULL when only an information table was read */
    const char *schema_version, *submission_type, *filer_cik, *period_of_report;
    const char *report_calendar_or_quarter, *is_amendment, *amendment_no, *amendment_type;
    const char *conf_denied_expired, *date_denied_expired, *date_reported, *reason_for_non_confidentiality;
    const char *manager_name, *street1, *street2, *city, *state_or_country, *zip;
    const char *report_type, *form13f_file_number, *crd_number, *sec_file_number;
    const char *provide_info_for_instruction5, *additional_information;
    const char *signature_name, *signature_title, *signature_phone, *signature, *signature_city,
        *signature_state_or_country, *signature_date;
    const char *other_included_managers_count, *table_entry_total, *table_value_total,
        *is_confidential_omitted;
    size_t nother_managers;              /* coverPage otherManagersInfo       */
    const edgr_13f_manager *other_managers;
    size_t nincluded_managers;           /* summaryPage otherManagers2Info    */
    const edgr_13f_manager *included_managers;
    const char *period;                  /* the quarter reported, ISO: the cover's
                                            reportCalendarOrQuarter, else the
                                            periodOfReport, else the header's
                                            given to edgr_13f_finish; NULL: none */
    int has_primary, has_table;          /* which documents were read         */
    edgr_13f_units units;
    const char *units_rule;              /* "price", "schema", "period", "none" */
    size_t priced, priced_below_1;       /* the price rule's counts           */
    size_t nrows;
    const edgr_13f_row *rows;
} edgr_13f_doc;

typedef struct edgr_13f edgr_13f;

/* 1 when data[0..len) looks like a 13F document: an <edgarSubmission> of
 * the 13F filer namespace, or an <informationTable>.  A look at the first
 * bytes. */
EDGR_API int edgr_13f_is(const char *data, size_t len);

/* An empty result, to add a filing's documents to. NULL: no memory. */
EDGR_API edgr_13f *edgr_13f_new(void);
/*
 * Add one document: a 13F primary document or an information table (the
 * root says which).  `opt` may be NULL.  EDGR_OK; EDGR_ERR_DECODE when it
 * is not well-formed or neither (its last problem says where); EDGR_ERR_LIMIT;
 * EDGR_ERR_NOMEM.  The result stays usable after an error.
 */
EDGR_API edgr_status edgr_13f_add(edgr_13f *h, const char *data, size_t len, const edgr_own_options *opt);
/* Decide the units, compute value_usd and check the summary page's totals
 * against the rows (a mismatch is a problem, a warning).  `period` is the
 * filing's period (YYYY-MM-DD or YYYYMMDD, the header's CONFORMED PERIOD
 * OF REPORT) for when the documents give none; may be NULL.  Call once,
 * after the last edgr_13f_add. */
EDGR_API edgr_status edgr_13f_finish(edgr_13f *h, const char *period);
/* The filing read; its rows (nrows, rows) and units only once
 * edgr_13f_finish has run (before, nrows is 0). */
EDGR_API const edgr_13f_doc *edgr_13f_doc_of(const edgr_13f *h);
EDGR_API size_t edgr_13f_problem_count(const edgr_13f *h);
EDGR_API const edgr_own_problem *edgr_13f_problem_at(const edgr_13f *h, size_t i);
EDGR_API void edgr_13f_free(edgr_13f *h);

/* ------------------------------------------------------------------ */
/* JSON                                                                */

/* Who and when a row belongs to, for the JSON of its rows: the filing's
 * accession number and date (either NULL for a bare document); and, for
 * what the documents do not say (a bare information table), the filer's
 * CIK and name from the filing's header.  `period` is not read by the
 * writers (edgr_13f_finish takes the header's period); it is kept for
 * callers that fill the struct once for both. */
typedef struct edgr_own_filing {
    size_t struct_size;       /* sizeof(edgr_own_filing)                      */
    const char *accession, *filing_date;
    const char *cik, *name, *period;
} edgr_own_filing;

/*
 * Ownership row i as one JSON object (no newline):
 *   {"accession_number":...,"filing_date":...,"document_type":"4",
 *    "period_of_report":...,"issuer":{"cik":...,"name":...,"symbol":...},
 *    "owners":[{"cik":...,"name":...,"relationship":[...],"officer_title":...}],
 *    "table":"nonDerivativeTransaction","row":0,"security_title":...,
 *    "shares":1000,"price":null,"price_footnotes":["F3"],...,
 *    "footnotes":{"F3":"text"},"offset":1234}
 * Numbers are JSON numbers written exactly as the canonical decimal;
 * booleans JSON booleans; absent values are left out, except a value
 * with footnotes only, written null beside its KEY_footnotes.  The
 * footnotes object holds the text of every footnote the row refers to.
 * `filing` may be NULL.  Returns EDGR_OK, EDGR_ERR_ABORTED when `write`
 * returned non-zero, EDGR_ERR_ARG for no such row, EDGR_ERR_NOMEM.
 */
EDGR_API edgr_status edgr_ownership_write_row(const edgr_ownership *x, size_t i, const edgr_own_filing *filing,
                                              edgr_write_fn write, void *user);
/* The document without its rows, as one JSON object: every field of
 * edgr_own_doc, owners with addresses, footnotes, signatures, "rows": N. */
EDGR_API edgr_status edgr_ownership_write_doc(const edgr_ownership *x, const edgr_own_filing *filing,
                                              edgr_write_fn write, void *user);
/* 13F row i: {"accession_number":...,"filing_date":...,"manager":{"cik":...,
 * "name":...},"period":...,"row":0,"name_of_issuer":...,"cusip":...,
 * "value":409469,"value_usd":409469000,"units":"thousands","units_rule":"price",...} */
EDGR_API edgr_status edgr_13f_write_row(const edgr_13f *h, size_t i, const edgr_own_filing *filing,
                                        edgr_write_fn write, void *user);
/* The filing without its rows: cover page, signature, summary page, the
 * units decided and why, "rows": N. */
EDGR_API edgr_status edgr_13f_write_doc(const edgr_13f *h, const edgr_own_filing *filing, edgr_write_fn write,
                                        void *user);

#ifdef __cplusplus
}
#endif

#endif
