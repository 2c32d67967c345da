/*
 * edgr/store.h - an embedded store of filings with full-text search.
 *
 * A store is one SQLite database file (WAL mode).  It holds, per filing: the
 * header facts (accession, form, dates, period, items), every entity with its
 * role, company data and former names, the documents (type, file name,
 * size, SHA-256 of the decoded body), the items of 8-Ks, 10-Ks and 10-Qs,
 * exhibits, cover facts and signatures, and the clean text of every HTML and
 * text document, cut into section-sized rows (an item, or a slice of about
 * 8 KB) under an FTS5 index (porter unicode61 remove_diacritics 2).  Raw
 * submissions are not copied: the store records where each came from (a
 * path, or an archive and member, with the byte range) so that a front end
 * can reach the original.
 *
 * Writing is split in two so that the costly part runs on many threads:
 *
 *   edgr_record_build()  parse results -> a self-contained record
 *                        (text, items, facts, hashes); any thread, no store.
 *   edgr_store_put()     a record -> rows, on the one writer connection,
 *                        inside edgr_store_begin() / edgr_store_commit().
 *
 * A filing is keyed by its accession number: putting it again changes
 * nothing unless `replace` is set.  Every row of a filing is written inside
 * the caller's transaction, so a crash leaves each filing either whole or
 * absent.
 *
 * Reading (search, show, company) opens the store read-only: no query can
 * write.
 *
 * Threads (edgr.h has the library's rules):
 *   - edgr_record_build() may run on any number of threads at once; each
 *     thread gets its own tokenizer (an in-memory SQLite connection kept per
 *     thread, freed when the thread exits).  A record is used by one thread
 *     at a time and may be handed to another (the writer).
 *   - An edgr_store handle is used by one thread at a time: its connection
 *     is opened SQLITE_OPEN_NOMUTEX (SQLite's multi-thread mode), so SQLite
 *     takes no lock of its own for it.  It may move between threads between
 *     calls.  Strings it hands out (edgr_store_error, edgr_store_source, a
 *     hit during its callback) belong to that handle.
 *   - Several handles, on one thread each, may be open on the same file at
 *     once, in one process or several: readers see the last commit (WAL);
 *     one writer at a time, others wait up to 10 s for its transaction.
 *   - SQLite must be built thread-safe (sqlite3_threadsafe() != 0, as
 *     Debian's is); if it is not, records are built without tokens and the
 *     writer tokenizes, on its one thread.
 */
#ifndef EDGR_STORE_H
#define EDGR_STORE_H

#include "edgr/edgr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema this library writes; older stores are migrated on open for
 * writing, newer ones are refused. */
#define EDGR_STORE_SCHEMA 6

typedef struct edgr_store edgr_store;

enum {
    EDGR_STORE_READONLY = 1u << 0, /* open for queries only (the default is
                                      read-write, created if missing)      */
};

/*
 * Open (or create) the store at `path`.  On failure returns NULL and writes
 * a sentence to err (errlen bytes, may be 0).  Read-only opening fails when
 * the file does not exist or is not an edgr store.
 */
EDGR_API edgr_store *edgr_store_open(const char *path, unsigned flags, char *err, size_t errlen);
/* Close a store (a transaction still open is rolled back).  NULL is a no-op. */
EDGR_API void edgr_store_close(edgr_store *st);
/* The last error of a call on `st`, as an English sentence.  Never NULL. */
EDGR_API const char *edgr_store_error(const edgr_store *st);

/* ------------------------------------------------------------------------
 * Writing.
 * ---------------------------------------------------------------------- */

/* Where a submission came from: the "source" object of docs/fields.md.
 * `member` is NULL unless it was read from an archive; `offset`/`length` are
 * its byte range in the file or member.  A growing struct (edgr.h):
 * start from EDGR_SOURCE_INIT, both to give one to edgr_record_build*() and
 * to receive one from edgr_store_source(); a struct_size too small is
 * refused with EDGR_ERR_ARG.  (The vocabulary's "container" is not here:
 * the store does not keep it.) */
typedef struct edgr_source {
    size_t struct_size;  /* sizeof(edgr_source): EDGR_SOURCE_INIT */
    const char *path;
    const char *member;
    uint64_t offset, length;
    /* Since 0.3.0 (a struct_size of 0.2.0's, without them, reads as NULL):
     * told by edgr_record_build*() of the bytes of the submission's
     * documents it has read for good (edgr.h, edgr_release_fn), or NULL. */
    edgr_release_fn release;
    void *release_user;
    /* Since 0.3.0, with `release` (and its user): the main document is read
     * twice, once for its facts and once for its rows.  When both of these
     * are set, the first reading tells `set_aside` of the bytes it is done
     * with for now (the caller may keep them some other way: compressed, on
     * disk, in its source file), and `restore` is called for the whole body
     * before the second reading; it returns 0 once the bytes are back,
     * non-zero to fail the build (EDGR_ERR_ABORTED).  Without them the main
     * document is held whole through its facts. */
    edgr_release_fn set_aside;
    int (*restore)(void *user, const char *from, const char *to);
} edgr_source;
#define EDGR_SOURCE_INIT {.struct_size = sizeof(edgr_source)}

typedef struct edgr_record edgr_record;

/*
 * Build what filing `s` puts in a store: header facts, entities, documents
 * (each decoded and hashed), the clean text cut into rows, items, exhibits,
 * cover facts and signatures.  `s` must come from edgr_parse() with
 * EDGR_PARSE_DECODE; the record copies what it needs, so `s` and its buffer
 * may go once this returns.  Returns EDGR_OK, EDGR_ERR_NOMEM, or
 * EDGR_ERR_NOT_FOUND when the submission has no accession number (nothing to
 * key it by), EDGR_ERR_ARG (NULL `s` or `out`, or `src` with a struct_size
 * too small; `src` may be NULL), EDGR_ERR_ABORTED (src->restore failed).
 * Free the record with edgr_record_free().
 */
EDGR_API edgr_status edgr_record_build(const edgr_submission *s, const edgr_source *src,
                                       edgr_record **out);
/*
 * As edgr_record_build(), under `key` when the submission's header names no
 * accession number (<DOCUMENT> blocks with no SEC header); a key is not
 * used when the header has one.  `key` may be NULL.
 */
EDGR_API edgr_status edgr_record_build_keyed(const edgr_submission *s, const char *key,
                                             const edgr_source *src, edgr_record **out);
/*
 * Build the record of a bare document (an .htm or .txt saved from a filing
 * folder, no SEC header; see edgr_document_bare()) stored under `key`: an
 * accession number the caller found (in its path, or given), or a key of
 * its own such as "sha256:" and a digest.  The record holds the document,
 * its hash, its clean text (searchable) and its cover facts; no header
 * facts or entities.
 * Returns EDGR_OK, EDGR_ERR_NOMEM, or EDGR_ERR_ARG without a key.
 */
EDGR_API edgr_status edgr_record_build_bare(const edgr_document *d, const char *key,
                                            const edgr_source *src, edgr_record **out);
EDGR_API void edgr_record_free(edgr_record *r);
/*
 * The SHA-256 of p[0..n) as 64 lower-case hex digits and a NUL.  Returns
 * EDGR_OK, or EDGR_ERR_NOMEM when the digest could not be made (out is "").
 * Thread-safe.
 */
EDGR_API edgr_status edgr_sha256_hex(const char *p, size_t n, char out[65]);
/*
 * The same digest of bytes given in pieces: edgr_sha256_new() (NULL when
 * out of memory), edgr_sha256_update() any number of times,
 * edgr_sha256_final() once (EDGR_OK, or EDGR_ERR_NOMEM when the digest
 * could not be made: out is ""), edgr_sha256_free() (NULL is a no-op).
 * One thread at a time per edgr_sha256.
 */
typedef struct edgr_sha256 edgr_sha256;
EDGR_API edgr_sha256 *edgr_sha256_new(void);
EDGR_API void edgr_sha256_update(edgr_sha256 *h, const char *p, size_t n);
EDGR_API edgr_status edgr_sha256_final(edgr_sha256 *h, char out[65]);
EDGR_API void edgr_sha256_free(edgr_sha256 *h);
/*
 * The SHA-256 a record keeps of a document (documents.sha256, "sha256" in
 * show): of what the document is, a GIF's bytes rather than their
 * uuencoding (uuencoded and PDF bodies are decoded first), else of its body
 * as filed.  Returns EDGR_OK or EDGR_ERR_NOMEM.  Thread-safe.
 */
EDGR_API edgr_status edgr_document_sha256(const edgr_document *d, char out[65]);
/* The record's accession number ("0001144204-17-013452"). */
EDGR_API const char *edgr_record_accession(const edgr_record *r);
/* Bytes of clean text the record indexes. */
EDGR_API uint64_t edgr_record_text_bytes(const edgr_record *r);

/* Begin / commit a write transaction (a batch of puts).  Return EDGR_OK or
 * EDGR_ERR_STORE (see edgr_store_error). */
EDGR_API edgr_status edgr_store_begin(edgr_store *st);
EDGR_API edgr_status edgr_store_commit(edgr_store *st);

typedef enum edgr_put_result {
    EDGR_PUT_ADDED = 0,
    EDGR_PUT_REPLACED = 1,  /* an older copy was removed first              */
    EDGR_PUT_UNCHANGED = 2  /* already stored (and not replaced)            */
} edgr_put_result;

/*
 * Write a record, inside a transaction.  A filing already stored is left
 * alone (EDGR_PUT_UNCHANGED) unless `replace` is set, or the stored copy
 * came from a header alone (.hdr.sgml) and this one has documents: then the
 * old rows are deleted and the new ones written (EDGR_PUT_REPLACED).
 * Returns EDGR_OK or EDGR_ERR_STORE.  After an error the transaction may
 * hold part of this filing: roll the batch back (edgr_store_rollback(), or
 * close the store), then put its other records again if wanted.
 */
EDGR_API edgr_status edgr_store_put(edgr_store *st, const edgr_record *r, int replace,
                                    edgr_put_result *result);
EDGR_API void edgr_store_rollback(edgr_store *st);

/* Since 0.3.0.  Remove, inside a transaction, every filing stored as read
 * from `path` (its edgr_source path, exactly as it was put): for an input
 * found damaged after some of its filings were stored (edgr ingest
 * --all-or-nothing).  *removed (may be NULL) says how many.  Returns
 * EDGR_OK, EDGR_ERR_ARG outside a transaction, or EDGR_ERR_STORE. */
EDGR_API edgr_status edgr_store_remove_source(edgr_store *st, const char *path, uint64_t *removed);

/* 1 if a filing with this accession number is stored with its documents, 2
 * if only its header is, 0 if not, -1 on error. */
EDGR_API int edgr_store_has(edgr_store *st, const char *accession);

/* ------------------------------------------------------------------------
 * Queries.
 * ---------------------------------------------------------------------- */

/* A full-text query and its filters.  NULL or 0 means "no filter".  Start
 * from EDGR_QUERY_INIT (struct_size: edgr.h, "Growing structs"). */
typedef struct edgr_query {
    size_t struct_size;     /* sizeof(edgr_query)                          */
    const char *match;      /* FTS5 syntax: words, "phrases", AND OR NOT,
                               NEAR(a b, 10), prefix*                      */
    const char *type;       /* the form type, exact ("8-K", "10-K/A");
                               the CLI's --form                            */
    const char *cik;        /* any entity of the filing (leading zeros
                               optional)                                   */
    const char *company;    /* a company: a trading symbol of its cover
                               page, else a name: exact, prefix or
                               substring of a current or former name      */
    const char *from, *to;  /* filing date bounds, YYYY-MM-DD, inclusive   */
    const char *item;       /* "7.01", "1A", or "II-1A" (10-Q part)        */
    const char *doc_type;   /* document type ("EX-99.1", "10-K")           */
    int sort_by_date;       /* newest first instead of by bm25             */
    long limit, offset;     /* limit 0 means 20                            */
    const char *mark_open, *mark_close; /* around matched words in snippets
                                           (NULL: "[" and "]")           */
} edgr_query;

#define EDGR_QUERY_INIT {.struct_size = sizeof(edgr_query)}

/* One hit.  Strings are NUL-terminated, valid during the callback only;
 * item, part and filename may be NULL.  The names are the JSON keys of
 * `edgr search --json` (docs/fields.md). */
typedef struct edgr_hit {
    const char *accession_number, *type, *filing_date;
    const char *cik, *conformed_name; /* the filing's first entity        */
    const char *item, *part;       /* the item the text belongs to        */
    long document;                 /* the document's sequence             */
    const char *doc_type, *filename;
    double score;                  /* bm25: lower is better               */
    const char *snippet;
    const char *period;            /* the period of report, or NULL       */
} edgr_hit;

typedef int (*edgr_hit_fn)(void *user, const edgr_hit *h); /* non-zero stops */

/* The largest query edgr_store_search runs: its cost grows with the square
 * of the terms OR'd together, so one query may not hold a server for
 * seconds.  A term is a word or a "phrase" (AND, OR, NOT, NEAR are not). */
#define EDGR_QUERY_MAX_TERMS 64
#define EDGR_QUERY_MAX_BYTES 4096

/*
 * Run a query; calls `fn` for each hit, best first (or newest first).
 * Returns EDGR_OK, EDGR_ERR_QUERY (the query or a filter is malformed, the
 * query has more than EDGR_QUERY_MAX_TERMS terms or EDGR_QUERY_MAX_BYTES
 * bytes, a date is not a real day or a filter is "" (NULL means any):
 * edgr_store_error explains it in plain words, naming the edgr_query field),
 * EDGR_ERR_ABORTED, EDGR_ERR_STORE, or EDGR_ERR_ARG (NULL arguments, or
 * q->struct_size not set).
 */
EDGR_API edgr_status edgr_store_search(edgr_store *st, const edgr_query *q, edgr_hit_fn fn,
                                       void *user);

/* A hit as one JSON object, the keys of `edgr search --json` (no newline
 * after it).  Returns 0, or non-zero when `write` asked to stop or memory
 * ran out. */
EDGR_API int edgr_hit_write_json(const edgr_hit *h, edgr_write_fn write, void *user);

/* One count of edgr_store_search_facets.  `facet` is "total" (every
 * matching row: the number of hits edgr_store_search can page through),
 * "filings" (the filings they are in), then "type", "cik" (`label` the
 * company's name), "year" (of the filing date) and "item" ("1A", or
 * "II-1A" in a 10-Q), each value with its rows.  Strings valid during the
 * callback only. */
typedef struct edgr_facet {
    const char *facet, *value, *label;
    long long count;
} edgr_facet;

typedef int (*edgr_facet_fn)(void *user, const edgr_facet *f); /* non-zero stops */

/*
 * The exact total of a query's hits and its facets: what
 * edgr_store_search would page through (limit, offset and sort are
 * ignored), counted, and grouped by form type, company, year and item, at
 * most `per_facet` values of each (0: 20), most rows first (years newest
 * first).  The same errors as edgr_store_search.
 */
EDGR_API edgr_status edgr_store_search_facets(edgr_store *st, const edgr_query *q, long per_facet,
                                              edgr_facet_fn fn, void *user);

/* Which stored text edgr_store_section_text writes.  Start from
 * EDGR_SECTION_QUERY_INIT. */
typedef struct edgr_section_query {
    size_t struct_size;      /* sizeof(edgr_section_query)                  */
    const char *accession;   /* the filing                                  */
    long document;           /* a document's sequence (0: any)              */
    const char *item;        /* an item ("7.01", "1A", "II-1A"; NULL: all)  */
    const char *match;       /* a query: its matches marked (NULL: none)    */
    const char *mark_open, *mark_close; /* NULL: <mark> and </mark>         */
    int plain;               /* the text alone, not JSON                    */
} edgr_section_query;

#define EDGR_SECTION_QUERY_INIT {.struct_size = sizeof(edgr_section_query)}

/*
 * The stored text of an item or a document of a filing, as the full-text
 * index holds it (an item's text, or a document's slices), in order, with
 * every match of `match` marked: {"accession_number", "document",
 * "doc_type", "item", "part", "text": [rows...]} and a newline, or with
 * `plain` the rows' text a blank line apart.  Returns EDGR_OK,
 * EDGR_ERR_NOT_FOUND (no such filing, item or document), EDGR_ERR_QUERY,
 * EDGR_ERR_ABORTED, EDGR_ERR_NOMEM or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_section_text(edgr_store *st, const edgr_section_query *q, edgr_write_fn write,
                                             void *user);

/* Where an item lies in its submission: bytes [start, end) from the
 * submission's first byte, in document `document`, and whether that
 * document is HTML.  Start from EDGR_SECTION_SPAN_INIT. */
typedef struct edgr_section_span {
    size_t struct_size;
    long document;
    int64_t start, end;
    int html;
} edgr_section_span;

#define EDGR_SECTION_SPAN_INIT {.struct_size = sizeof(edgr_section_span)}

/* The span of `item` ("1A", "II-1A", "7.01") of a filing (in `document`, or
 * the first document that has it when 0).  EDGR_OK, EDGR_ERR_NOT_FOUND,
 * EDGR_ERR_ARG or EDGR_ERR_STORE. */
EDGR_API edgr_status edgr_store_section_span(edgr_store *st, const char *accession, const char *item,
                                             long document, edgr_section_span *out);

/* A query of the SEC's full-text search (efts.sec.gov/LATEST/search-index),
 * its parameters by their names there.  Start from EDGR_EFTS_QUERY_INIT. */
typedef struct edgr_efts_query {
    size_t struct_size;          /* sizeof(edgr_efts_query)                 */
    const char *q;               /* the words, in edgr search's syntax      */
    const char *forms;           /* "10-K,8-K": these forms and their /A    */
    const char *ciks;            /* "320193,789019": filings they are in    */
    const char *startdt, *enddt; /* filing dates, YYYY-MM-DD, inclusive     */
    long from, size;             /* offset, and hits a page (0: 100; 1,000 at most) */
} edgr_efts_query;

#define EDGR_EFTS_QUERY_INIT {.struct_size = sizeof(edgr_efts_query)}

/*
 * The answer of the SEC's full-text search, from the store: an
 * Elasticsearch response whose hits are documents (`_id`
 * "accession:filename", `_source` with ciks, display_names, form,
 * root_forms, file_date, period_ending, file_type, sequence, adsh, sics,
 * biz_states, inc_states, items, ...), scored by their best-matching
 * section, best first; `hits.total` exact (`"relation": "eq"`, no 10,000
 * cap); `aggregations` form_filter, entity_filter, sic_filter and
 * biz_states_filter; and a `highlight` of the best section (<mark>).  One
 * JSON document and a newline.  The same errors as edgr_store_search.
 */
EDGR_API edgr_status edgr_store_efts(edgr_store *st, const edgr_efts_query *q, edgr_write_fn write, void *user);

/*
 * One filing as a JSON object: "accession_number", "type", dates, "items",
 * "source", "header" (as edgr parse writes it), "entities", "documents",
 * "sections" (items with their titles, spans and, with `with_text`, text),
 * "exhibits", "cover", "signatures".  Returns EDGR_OK, EDGR_ERR_NOT_FOUND
 * when no such filing is stored, EDGR_ERR_ABORTED or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_show(edgr_store *st, const char *accession, int with_text,
                                     unsigned json_flags, edgr_write_fn write, void *user);

/*
 * The companies matching `who` (a CIK, else a trading symbol of a cover page,
 * else a name: exact, then prefix, then substring of current and former
 * names; at most `limit` companies), one
 * JSON object per line: the company's facts from its newest filing and its
 * filings, newest first, after the SEC's submissions API, in snake_case.
 * Returns EDGR_OK, EDGR_ERR_NOT_FOUND when nothing matches, EDGR_ERR_ABORTED
 * or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_company(edgr_store *st, const char *who, long limit,
                                        unsigned json_flags, edgr_write_fn write, void *user);

/*
 * The SEC's submissions document of company `cik` (a CIK of up to 10
 * digits), from the store, in the shape of
 * data.sec.gov/submissions/CIK##########.json: page 0 is the document (its
 * 24 keys in the SEC's order, `filings.recent` as column arrays newest
 * first, `filings.files` naming the older pages); page N >= 1 is the bare
 * column object of CIK##########-submissions-NNN.json.  The rules where the
 * SEC's rows differ from the header are at the top of
 * src/store/submissions.c and in docs/serve.md.  Written as one JSON
 * document and a newline.  Returns EDGR_OK, EDGR_ERR_ARG (not a CIK),
 * EDGR_ERR_NOT_FOUND (no filing of the CIK, or no such page),
 * EDGR_ERR_ABORTED, EDGR_ERR_NOMEM or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_submissions(edgr_store *st, const char *cik, int page, unsigned json_flags,
                                            edgr_write_fn write, void *user);

/*
 * The SEC's company_tickers.json from the store: {"0": {"cik_str": 320193,
 * "ticker": "AAPL", "title": "Apple Inc."}, ...}, one entry per trading
 * symbol of each company's newest cover page that lists any, by CIK.
 * Returns EDGR_OK (an empty object when no cover page has a symbol),
 * EDGR_ERR_ABORTED, EDGR_ERR_NOMEM or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_company_tickers(edgr_store *st, edgr_write_fn write, void *user);

/*
 * A filing's folder as the SEC's Archives index.json lists it
 * ({"directory": {"item": [{"last-modified", "name", "type", "size"}...],
 * "name", "parent-dir"}}): its complete submission ACCESSION.txt and each
 * document with a file name, with its decoded size.  EDGR_ERR_NOT_FOUND
 * when the store has no such filing of company `cik`.
 */
EDGR_API edgr_status edgr_store_folder(edgr_store *st, const char *cik, const char *accession,
                                       edgr_write_fn write, void *user);

/* ---- XBRL facts (issue 14): the SEC's views, from the stored facts -----
 *
 * Built from every stored filing's XBRL facts as the SEC builds its own
 * (https://data.sec.gov/api/xbrl/): numeric, non-nil facts without
 * dimensions of the standard taxonomies (us-gaap, ifrs-full, srt, and the
 * SEC's own: dei, ecd, ffd, invest, ...: edgr_xbrl_taxonomy),
 * each filing's value (one entry per filing, period and value), `fy` and
 * `fp` from the filing's dei:DocumentFiscalYearFocus and
 * DocumentFiscalPeriodFocus, `frame` by the SEC's rule (docs/xbrl.md).
 * Values are the exact decimals the filings wrote, as JSON numbers.
 * `label` and `description` are null: they are the taxonomy's, which edgr
 * does not ship.  One JSON object, then a newline, through `write`.
 */

/*
 * `cik` (digits, leading zeros or not) and `concept` NULL: the companyfacts
 * document, {"cik", "entityName", "facts": {taxonomy: {tag: {"label",
 * "description", "units": {unit: [{"start"?, "end", "val", "accn", "fy",
 * "fp", "form", "filed", "frame"?}]}}}}}.  `concept` "us-gaap:Revenues" (or
 * a bare tag, looked up in us-gaap, ifrs-full, dei, srt in that order; a
 * tag of another of the SEC's taxonomies needs its prefix: ecd:...): the
 * companyconcept document, {"cik", "taxonomy", "tag", "label",
 * "description", "entityName", "units"}.  Returns EDGR_OK,
 * EDGR_ERR_NOT_FOUND when no such fact is stored, EDGR_ERR_ARG (a `cik`
 * that is no CIK), EDGR_ERR_NOMEM, EDGR_ERR_ABORTED or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_company_facts(edgr_store *st, const char *cik, const char *concept,
                                              unsigned json_flags, edgr_write_fn write, void *user);

/*
 * A frame: one fact per company for `concept` ("us-gaap:Revenues" or a bare
 * tag), `unit` ("USD", "USD/shares", "shares", or "USD-per-shares" as the
 * SEC's URLs write it) and `period` ("CY2019", "CY2019Q1", "CY2019Q1I"):
 * {"taxonomy", "tag", "ccp", "uom", "label", "description", "pts", "data":
 * [{"accn", "cik", "entityName", "loc", "start"?, "end", "val"}]}, the
 * companies in CIK order (facts whose entity is no CIK are left out).
 * Returns EDGR_OK, EDGR_ERR_NOT_FOUND (no fact carries that frame),
 * EDGR_ERR_ARG (a period that is no frame's), EDGR_ERR_NOMEM,
 * EDGR_ERR_ABORTED or EDGR_ERR_STORE.
 */
EDGR_API edgr_status edgr_store_frame(edgr_store *st, const char *concept, const char *unit, const char *period,
                                      unsigned json_flags, edgr_write_fn write, void *user);

/*
 * Insider rows (Forms 3/4/5, issue 15): every stored row whose issuer is
 * `cik`, or whose document names `cik` among its reporting owners (a CIK
 * is a company's or a person's, never both), each as one JSON line (the
 * row as `edgr ownership` prints it), newest transaction first (holdings,
 * which have no date, by their filing's date).  Filters may be NULL:
 * `owner` (a reporting owner's CIK), `code` (a transaction code, "P"),
 * `from`/`to` (transaction dates, YYYY-MM-DD; inclusive), `limit` (0: no
 * limit).  Returns EDGR_OK, EDGR_ERR_NOT_FOUND (no row), EDGR_ERR_ARG (no
 * CIK), EDGR_ERR_NOMEM, EDGR_ERR_ABORTED or EDGR_ERR_STORE.
 */
typedef struct edgr_insider_query {
    size_t struct_size;       /* sizeof(edgr_insider_query)                   */
    const char *cik;
    const char *owner, *code, *from, *to;
    long limit;
} edgr_insider_query;
EDGR_API edgr_status edgr_store_insiders(edgr_store *st, const edgr_insider_query *q, edgr_write_fn write,
                                         void *user);

/*
 * 13F positions in `cusip` (9 characters, case as filed or not), each as
 * one JSON line (the row as `edgr holdings` prints it), largest value in
 * dollars first.  `period` "2024Q4" or a quarter's end "2024-12-31" (NULL:
 * every period); `manager` a manager's CIK (NULL: all); `limit` (0: none).
 * Returns as edgr_store_insiders (EDGR_ERR_ARG: no CUSIP, or a period that
 * is no quarter).
 */
typedef struct edgr_holders_query {
    size_t struct_size;       /* sizeof(edgr_holders_query)                   */
    const char *cusip;
    const char *period, *manager;
    long limit;
} edgr_holders_query;
EDGR_API edgr_status edgr_store_holders(edgr_store *st, const edgr_holders_query *q, edgr_write_fn write,
                                        void *user);

/* Where a stored filing came from; strings are valid until the next call on
 * `st`.  `out` must be set up with EDGR_SOURCE_INIT.  Returns EDGR_OK,
 * EDGR_ERR_NOT_FOUND (not stored), EDGR_ERR_ARG (out->struct_size too
 * small) or EDGR_ERR_STORE. */
EDGR_API edgr_status edgr_store_source(edgr_store *st, const char *accession, edgr_source *out);

/* ---- EDGAR's index (issue 13): what `edgr fetch` plans from -------------
 *
 * One filer of one filing as an index file lists it (edgr/fetch.h parses
 * them).  Strings need not be NUL-terminated: each has its length. */
typedef struct edgr_index_entry {
    size_t struct_size;           /* sizeof(edgr_index_entry)               */
    edgr_span cik;                /* digits: kept as 10 (the header's way)  */
    edgr_span conformed_name;
    edgr_span type;               /* the form type                          */
    edgr_span filing_date;        /* YYYY-MM-DD, or YYYYMMDD (made ISO)     */
    edgr_span path;               /* edgar/data/CIK/ACCESSION.txt           */
    edgr_span accession_number;   /* dashed, or empty (not in the path)     */
} edgr_index_entry;
#define EDGR_INDEX_ENTRY_INIT {.struct_size = sizeof(edgr_index_entry)}

/* Store one entry (a listing of the same path, CIK and type is replaced),
 * inside edgr_store_begin / commit.  EDGR_OK, EDGR_ERR_ARG (no CIK, type or
 * path; a CIK that is not digits; a date that is no date), EDGR_ERR_STORE. */
EDGR_API edgr_status edgr_store_index_put(edgr_store *st, const edgr_index_entry *e);

/* What an index file was when it was read: its validators (the server's
 * ETag and Last-Modified, for a revalidating GET), its size, SHA-256 and
 * the rows it gave.  Strings are NUL-terminated (NULL: none). */
typedef struct edgr_index_file {
    size_t struct_size;           /* sizeof(edgr_index_file)                */
    const char *url;
    const char *etag, *last_modified;
    uint64_t bytes, rows;
    const char *sha256;           /* 64 hex digits, or NULL                 */
    const char *fetched_at;       /* ISO 8601 UTC, or NULL for now          */
} edgr_index_file;
#define EDGR_INDEX_FILE_INIT {.struct_size = sizeof(edgr_index_file)}

/* Record (replace) what index file f->url was, inside begin / commit. */
EDGR_API edgr_status edgr_store_index_file_put(edgr_store *st, const edgr_index_file *f);
/* What index file `url` was when last read: EDGR_OK with out filled (its
 * strings valid until the next call on st), EDGR_ERR_NOT_FOUND, or
 * EDGR_ERR_STORE.  out must be set up with EDGR_INDEX_FILE_INIT. */
EDGR_API edgr_status edgr_store_index_file_get(edgr_store *st, const char *url, edgr_index_file *out);

/* The filings an index lists, for `edgr fetch filings` to plan from: one
 * call of fn per filing (a filing listed for several filers is one, with
 * its smallest CIK), in filing_date then path order.  Every filter is
 * optional: types are exact form types ("10-K" is not "10-K/A"), CIKs are
 * digits (leading zeros optional), dates YYYY-MM-DD and inclusive.  With
 * `unstored`, filings whose accession number is in the store already are
 * left out (what a resumed or repeated fetch must not fetch again).  fn
 * returns 0 to go on, anything else to stop (returned as EDGR_ERR_ABORTED);
 * the entry's spans are valid during the call only. */
typedef struct edgr_index_query {
    size_t struct_size;           /* sizeof(edgr_index_query)               */
    const char *const *types;     /* ntypes form types, or NULL for all     */
    size_t ntypes;
    const char *const *ciks;      /* nciks CIKs, or NULL for all            */
    size_t nciks;
    const char *from, *to;        /* filing_date bounds, NULL: open         */
    int unstored;                 /* 1: only filings not stored             */
} edgr_index_query;
#define EDGR_INDEX_QUERY_INIT {.struct_size = sizeof(edgr_index_query)}
typedef int (*edgr_index_entry_fn)(void *user, const edgr_index_entry *e);
EDGR_API edgr_status edgr_store_index_select(edgr_store *st, const edgr_index_query *q, edgr_index_entry_fn fn,
                                             void *user);

/* ---- The fetch journal (schema 4, issue 13) ------------------------------
 *
 * Every URL `edgr fetch` plans, with where it stands, so that a run killed
 * at any moment is continued (`--resume`) without repeating a finished
 * transfer or losing one.  A status is one of:
 *   planned  not fetched yet (or a transfer was cut: dest.part may hold
 *            its first bytes, validated by part_etag / last_modified)
 *   fetched  whole in dest, its SHA-256 and size known, not stored yet
 *   stored   read into the store (dest removed unless kept)
 *   missing  the server says it does not exist (403 AccessDenied, 404)
 *   parked   attempts spent (reason says on what); --resume tries again
 *   failed   refused (reason says why); only --resume tries again
 * Strings are NUL-terminated; NULL is none. */
typedef struct edgr_journal_entry {
    size_t struct_size;           /* sizeof(edgr_journal_entry)              */
    const char *url;              /* the key                                 */
    const char *run;              /* what planned it: "filings", "feed"      */
    const char *dest;             /* the local file                          */
    const char *status;
    const char *etag, *last_modified; /* the server's, of dest or dest.part */
    const char *sha256;           /* of dest, once fetched                   */
    const char *reason;           /* why parked or failed                    */
    const char *updated_at;       /* ISO 8601 UTC (get; put: now)            */
    uint64_t bytes;               /* dest's size once fetched                */
    int attempts;                 /* transfers tried, over every run         */
    int64_t next_try;             /* epoch seconds: not before (0: any time) */
} edgr_journal_entry;
#define EDGR_JOURNAL_ENTRY_INIT {.struct_size = sizeof(edgr_journal_entry)}

/* Record (replace) e->url's entry.  Outside a transaction it commits at
 * once (a journal line must survive a kill); inside begin / commit it goes
 * with the rest.  EDGR_OK, EDGR_ERR_ARG (no URL or status, a status not
 * listed above), EDGR_ERR_STORE. */
EDGR_API edgr_status edgr_store_journal_put(edgr_store *st, const edgr_journal_entry *e);
/* url's entry: EDGR_OK (strings valid until the next journal call on st),
 * EDGR_ERR_NOT_FOUND, EDGR_ERR_STORE.  out set up with
 * EDGR_JOURNAL_ENTRY_INIT. */
EDGR_API edgr_status edgr_store_journal_get(edgr_store *st, const char *url, edgr_journal_entry *out);
/* Every entry of `run` (NULL: every run) whose status is planned, fetched
 * parked or failed, in the order they were first planned: what --resume continues
 * (a user who asks to resume wants the refused tried again too).  fn as for
 * edgr_store_index_select (the entry valid during the call; do not write
 * the journal from it). */
typedef int (*edgr_journal_fn)(void *user, const edgr_journal_entry *e);
EDGR_API edgr_status edgr_store_journal_pending(edgr_store *st, const char *run, edgr_journal_fn fn, void *user);

/* Totals: filings, text rows, and bytes of text stored. */
typedef struct edgr_store_stats {
    uint64_t filings, rows, text_bytes;
} edgr_store_stats;
EDGR_API edgr_status edgr_store_stats_get(edgr_store *st, edgr_store_stats *out);

#ifdef __cplusplus
}
#endif
#endif
