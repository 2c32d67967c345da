/*
 * libedgr — parse SEC EDGAR submissions.
 *
 * This header is the whole public API: anything not declared here is internal
 * and may change.  Every function states what it does on failure and who owns
 * each pointer.
 *
 * Two ways in:
 *
 *   1. Whole buffer (memory-mapped file or caller's buffer): edgr_parse().
 *      One pass over the bytes; every string the result hands out is a span
 *      (pointer + length, NOT NUL-terminated) into the caller's buffer, except
 *      normalised header values (ISO dates, SIC codes, item codes), which live
 *      in the parser's arena.  Nothing is allocated per line or per token.
 *
 *   2. Streaming (inputs larger than memory, archive members): edgr_stream_*.
 *      Feed chunks of any size, cut anywhere; callbacks receive the header
 *      once it is complete and each document's decoded body as it goes by.
 *      Memory stays bounded by the header size plus a few small buffers.
 *
 * Results are valid until the next call on the same parser/stream, or until
 * it is freed.
 *
 * Threads.  The library keeps no global state that changes after set-up: its
 * lookup tables (header field names, HTML byte classes and elements) are
 * built once, under pthread_once, by whichever thread needs them first, and
 * are read-only after.  So:
 *
 *   - An object (edgr_parser, edgr_stream, and the results edgr_text,
 *     edgr_items, edgr_facts, edgr_buf) is used by one thread at a time.
 *     Different objects may be used on different threads at the same time,
 *     with no locking; an object may move from one thread to another
 *     between calls (the caller orders the hand-over, e.g. with a mutex or a
 *     queue).
 *   - A result that is only read (an edgr_submission, an edgr_text) may be
 *     read by several threads at once, through the functions that take it
 *     const (edgr_get, edgr_find, edgr_child, edgr_write_json,
 *     edgr_document_decode into each thread's own buffer, edgr_document_text
 *     into each thread's own edgr_text, edgr_items_find, edgr_facts_extract
 *     ...), as long as no thread calls edgr_parse or edgr_parser_free on the
 *     parser that owns it meanwhile.
 *   - Functions of no object (edgr_version, edgr_strerror, edgr_field_*,
 *     edgr_*_name, edgr_form_kind_of, edgr_date_find, edgr_document_bare,
 *     edgr_accession_normalize)
 *     may be called from any thread at any time.
 *   - Callbacks (edgr_callbacks, edgr_write_fn) run on the calling thread,
 *     inside the call that feeds them.
 *
 * Growing structs.  A struct the caller fills in for the library (options,
 * callbacks, a query) begins with `size_t struct_size`: set it to the
 * struct's sizeof, as its EDGR_*_INIT initialiser does, e.g.
 *
 *     edgr_callbacks cb = EDGR_CALLBACKS_INIT;
 *     cb.doc_data = on_data;
 *
 * A later release may append fields: it reads only those a struct of the
 * given size holds, and gives the others their defaults, so a program built
 * against this header keeps working with a newer library.  A struct_size
 * smaller than this release's sizeof (0 included: a struct that was not set
 * up) is refused: EDGR_ERR_ARG, or NULL from edgr_stream_new.
 */
#ifndef EDGR_EDGR_H
#define EDGR_EDGR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(EDGR_STATIC_BUILD)
#define EDGR_API __attribute__((visibility("default")))
#else
#define EDGR_API
#endif

/* 0xXXYYZZ: major, minor, patch.  Compare with edgr_version_num() to check
 * that the library you run matches the header you compiled against. */
#define EDGR_VERSION_NUM 0x000300
#define EDGR_VERSION_STR "0.3.0"

/* The library's own version, as EDGR_VERSION_STR / EDGR_VERSION_NUM. */
EDGR_API const char *edgr_version(void);
EDGR_API unsigned edgr_version_num(void);

/* ------------------------------------------------------------------------
 * Status codes.  Append-only: codes are never renumbered or removed.
 * ---------------------------------------------------------------------- */
typedef enum edgr_status {
    EDGR_OK = 0,
    EDGR_ERR_NOMEM = 1,     /* an allocation failed; the result is unusable   */
    EDGR_ERR_NOT_EDGAR = 2, /* no submission structure found in the input     */
    EDGR_ERR_LIMIT = 3,     /* a size cap was hit (header or line too large)  */
    EDGR_ERR_ABORTED = 4,   /* a callback returned non-zero                   */
    EDGR_ERR_ARG = 5,       /* NULL or out-of-range argument, or a struct
                               whose struct_size is not set (see above)      */
    EDGR_ERR_DECODE = 6,    /* a body could not be decoded (bad uuencode)     */
    EDGR_ERR_EMPTY = 7,     /* the input holds no bytes (or only blanks)      */
    EDGR_ERR_QUERY = 8,     /* a search query or filter is malformed (store)  */
    EDGR_ERR_STORE = 9,     /* the store's database failed (edgr/store.h)     */
    EDGR_ERR_NOT_FOUND = 10 /* what was asked for is not there: no such filing
                               or company in the store, no accession number
                               in the submission (0.3.0; was EDGR_ERR_ARG)   */
} edgr_status;

/* A static English sentence for a status.  Never NULL. */
EDGR_API const char *edgr_strerror(edgr_status st);

/* A span of bytes.  Not NUL-terminated. */
typedef struct edgr_span {
    const char *ptr;
    size_t len;
} edgr_span;

/* ------------------------------------------------------------------------
 * Diagnostics: every problem found is recorded with the byte offset (from the
 * start of the caller's input) where it was noticed.  Parsing goes on after
 * warnings; an error means the submission (or part of it) could not be read.
 * ---------------------------------------------------------------------- */
typedef enum edgr_severity { EDGR_WARNING = 0, EDGR_ERROR = 1 } edgr_severity;

typedef enum edgr_diag_code {
    EDGR_D_TRUNCATED = 1,        /* input ended inside the header or a document */
    EDGR_D_NO_END_TAG = 2,       /* </SEC-DOCUMENT> / </SUBMISSION> missing      */
    EDGR_D_STRAY_LINE = 3,       /* unexpected line between documents (skipped) */
    EDGR_D_UNKNOWN_KEY = 4,      /* header key not in the model (kept: unknown) */
    EDGR_D_BAD_VALUE = 5,        /* value not in its expected form (kept raw)   */
    EDGR_D_UUDECODE = 6,         /* malformed uuencoded line (decoding went on) */
    EDGR_D_NOT_EDGAR = 7,        /* nothing that looks like a submission        */
    EDGR_D_LIMIT = 8,            /* a size cap was hit                          */
    EDGR_D_UNCLOSED = 9,         /* a tag container was never closed            */
    EDGR_D_BAD_CLOSE = 10,       /* a closing tag matched nothing open          */
    EDGR_D_ITEM_UNKNOWN = 11,    /* an ITEM INFORMATION title has no known code */
    EDGR_D_NO_TEXT = 12,         /* a <DOCUMENT> without <TEXT>                 */
    EDGR_D_STRIPPED = 13,        /* the SGML tags were stripped (recovered)     */
    EDGR_D_REPEATED = 14         /* identical copies of the submission skipped  */
} edgr_diag_code;

typedef struct edgr_diag {
    uint64_t offset;        /* byte offset in the caller's input             */
    edgr_severity severity;
    edgr_diag_code code;
    const char *message;    /* NUL-terminated, owned by the parser           */
} edgr_diag;

/* ------------------------------------------------------------------------
 * The header model.
 *
 * Both header dialects (the tab-indented `KEY:<TAB>value` one of .txt files
 * and the `<TAG>value` one of the daily feed and .hdr.sgml) become one tree of
 * nodes.  Field names are the SGML tag names in lower case with '-' turned
 * into '_' (`COMPANY CONFORMED NAME:` and `<CONFORMED-NAME>` both give
 * "conformed_name").  Values take the tag dialect's form: SIC "2834", act
 * "34", ISO dates "2017-03-08", acceptance "2017-03-08T16:02:21", 8-K items as
 * codes ("7.01").  Keys the model does not know are kept as nodes with field
 * EDGR_F_UNKNOWN and their raw name; nothing is dropped.
 * ---------------------------------------------------------------------- */

/* Field identifiers; the full list is in edgr_field_name()/edgr_field_count(). */
enum { EDGR_F_ROOT = 0, EDGR_F_UNKNOWN = 1 };

typedef enum edgr_value_kind {
    EDGR_V_NONE = 0,     /* a container (object) or a flag with no value      */
    EDGR_V_STRING = 1,
    EDGR_V_INT = 2,      /* value holds decimal digits only                   */
    EDGR_V_DATE = 3,     /* value is YYYY-MM-DD                               */
    EDGR_V_DATETIME = 4  /* value is YYYY-MM-DDTHH:MM:SS                      */
} edgr_value_kind;

typedef struct edgr_node {
    uint32_t parent;      /* index of the parent node; the root is node 0     */
    uint16_t field;       /* field id (EDGR_F_*, see edgr_field_name)         */
    uint8_t kind;         /* edgr_value_kind of value                         */
    uint8_t is_container; /* 1 for objects (filer, company_data, ...)         */
    edgr_span name;       /* the key as written in the input (tag or tab key) */
    edgr_span value;      /* normalised value (see above)                     */
    edgr_span raw;        /* the value exactly as written                     */
    uint64_t offset;      /* byte offset of the line in the caller's input    */
} edgr_node;

/* The JSON name of a field id ("conformed_name"); NULL if out of range. */
EDGR_API const char *edgr_field_name(unsigned field);
/* Number of field ids (valid ids are 0 .. count-1). */
EDGR_API unsigned edgr_field_count(void);
/* 1 if the field is always an array in the model (filer, former_company,
 * items, group_members, ...), else 0. */
EDGR_API int edgr_field_repeats(unsigned field);
/* The field id for a JSON name, or -1. */
EDGR_API int edgr_field_lookup(const char *json_name);

/* ------------------------------------------------------------------------
 * Documents.
 * ---------------------------------------------------------------------- */
typedef enum edgr_format {
    EDGR_FMT_TEXT = 0,
    EDGR_FMT_HTML = 1,
    EDGR_FMT_XML = 2,       /* body wrapped in <XML>                          */
    EDGR_FMT_XBRL = 3,      /* body wrapped in <XBRL> (schemas, linkbases,
                               instances); inline XBRL .htm files, also
                               wrapped in <XBRL>, are EDGR_FMT_HTML           */
    EDGR_FMT_PDF = 4,       /* <PDF> wrapper around a uuencoded PDF           */
    EDGR_FMT_UUENCODED = 5, /* binary: images, ZIP, XLSX ...                  */
    EDGR_FMT_OTHER = 6      /* JS, CSS, JSON support files                    */
} edgr_format;

typedef enum edgr_charset {
    EDGR_CS_UNKNOWN = 0,    /* not examined (container pass) or binary       */
    EDGR_CS_ASCII = 1,
    EDGR_CS_UTF8 = 2,
    EDGR_CS_CP1252 = 3      /* not valid UTF-8: read as Windows-1252          */
} edgr_charset;

typedef struct edgr_document {
    uint64_t offset;        /* of the <DOCUMENT> line                         */
    uint64_t end;           /* just past </DOCUMENT> (or where it stopped)    */
    edgr_span type;         /* <TYPE>  ("EX-99.1"); empty if absent           */
    edgr_span sequence_raw; /* <SEQUENCE> as written                          */
    int64_t sequence;       /* parsed <SEQUENCE>, or -1 if absent/not a number*/
    edgr_span filename;     /* <FILENAME>; empty if absent (1990s filings)    */
    edgr_span description;  /* <DESCRIPTION>; empty if absent                 */
    edgr_format format;
    edgr_charset charset;   /* set by EDGR_PARSE_DECODE for text formats      */
    edgr_span text;         /* raw bytes between <TEXT> and </TEXT>            */
    uint64_t text_offset;   /* offset of text.ptr in the caller's input       */
    edgr_span body;         /* text without <XML>/<XBRL>/<PDF> wrappers        */
    uint64_t body_offset;
    int64_t decoded_size;   /* size of the decoded body; -1 until known       */
    edgr_span uu_name;      /* uuencode "begin 644 NAME" file name, if any    */
    int truncated;          /* 1 if the input ended inside this document      */
    int stripped;           /* 1 if recovered from a submission whose SGML
                               tags were stripped (see edgr_submission): its
                               body is plain text, <TEXT> bounds are gone     */
} edgr_document;

typedef enum edgr_container {
    EDGR_C_NONE = 0,
    EDGR_C_SEC_DOCUMENT = 1,  /* <SEC-DOCUMENT> complete submission (.txt)  */
    EDGR_C_IMS_DOCUMENT = 2,  /* <IMS-DOCUMENT> (1993-1995)                  */
    EDGR_C_SUBMISSION = 3,    /* <SUBMISSION> daily feed (.nc)               */
    EDGR_C_SEC_HEADER = 4,    /* header only (.hdr.sgml, header snippets)    */
    EDGR_C_INDEX_HEADERS = 5, /* -index-headers.html page                    */
    EDGR_C_FRAGMENT = 6       /* <DOCUMENT> blocks with no header            */
} edgr_container;

typedef enum edgr_dialect {
    EDGR_DIALECT_NONE = 0,
    EDGR_DIALECT_TAB = 1,     /* KEY:<TAB>value                              */
    EDGR_DIALECT_TAG = 2      /* <TAG>value                                  */
} edgr_dialect;

/* One parsed submission.  Owned by the parser; valid until its next parse. */
typedef struct edgr_submission {
    uint64_t offset;          /* where this submission starts in the input   */
    uint64_t end;             /* just past its last byte                     */
    edgr_container container;
    edgr_dialect dialect;
    int pem;                  /* 1 if wrapped in a PRIVACY-ENHANCED MESSAGE   */
    uint64_t header_offset, header_end;
    const edgr_node *nodes;   /* nodes[0] is the root                         */
    size_t node_count;
    const edgr_document *docs;
    size_t doc_count;
    const edgr_diag *diags;
    size_t diag_count;
    int errors;               /* number of EDGR_ERROR diagnostics             */
    /* 1 if every <...> tag had been removed (a mirror's or scraper's copy):
     * the header's KEY: value lines survive, and documents are recovered from
     * their bare type, sequence and filename lines (a warning says where). */
    int stripped;
    /* Just past the byte-for-byte copies of this submission that follow it
     * in the input (skipped, an EDGR_D_REPEATED warning says how many);
     * equal to `end` when none follow.  Where the next submission's search
     * begins.  (Added in 0.3.0, at the end: the struct is the library's.) */
    uint64_t repeat_end;
} edgr_submission;

/* ------------------------------------------------------------------------
 * Whole-buffer parsing.
 * ---------------------------------------------------------------------- */
typedef struct edgr_parser edgr_parser;

enum {
    EDGR_PARSE_HEADER_ONLY = 1u << 0, /* stop after the header               */
    EDGR_PARSE_DECODE = 1u << 1       /* decode every body (uudecode sizes,
                                         charset detection), not just split  */
};

/* A new parser, or NULL when out of memory.  Free with edgr_parser_free(). */
EDGR_API edgr_parser *edgr_parser_new(void);
/* Free a parser and everything it handed out.  NULL is a harmless no-op. */
EDGR_API void edgr_parser_free(edgr_parser *p);

/*
 * Parse the submission that starts at buf[0] (after any blank lines).
 * Files may hold several concatenated submissions: *consumed is set to the
 * number of bytes used, so call again with buf + consumed until it returns
 * EDGR_ERR_EMPTY.  `base_offset` is added to every reported offset (pass the
 * position of buf in the original input so diagnostics point into it).
 *
 * Returns EDGR_OK when a submission was found (it may still carry warnings
 * and errors in its diags; a truncated file is EDGR_OK plus a warning),
 * EDGR_ERR_EMPTY when only blank bytes remain, EDGR_ERR_NOT_EDGAR when the
 * bytes hold no recognisable structure (then *consumed = len and *out still
 * points at a submission whose diags say where and why), EDGR_ERR_NOMEM.
 * `*out` is set on EDGR_OK and EDGR_ERR_NOT_EDGAR, and points into `p`.
 */
EDGR_API edgr_status edgr_parse(edgr_parser *p, const char *buf, size_t len,
                                uint64_t base_offset, unsigned flags,
                                const edgr_submission **out, size_t *consumed);

/* ------------------------------------------------------------------------
 * Header queries.
 * ---------------------------------------------------------------------- */

/* The index of the `nth` (0-based) child of node `parent` with field id
 * `field`, or -1. */
EDGR_API long edgr_child(const edgr_submission *s, size_t parent,
                         unsigned field, size_t nth);

/*
 * Look a value up by path: field names separated by '.', with a number after
 * a repeating field to pick one entry, e.g. "accession_number",
 * "filer.0.company_data.cik", "items.1".  A repeating field without a number
 * means entry 0.  Returns the node index, or -1 if absent.
 */
EDGR_API long edgr_find(const edgr_submission *s, const char *path);

/* Convenience: the normalised value at `path` (see edgr_find), or an empty
 * span (ptr NULL) if absent. */
EDGR_API edgr_span edgr_get(const edgr_submission *s, const char *path);

/* ------------------------------------------------------------------------
 * Document bodies.
 * ---------------------------------------------------------------------- */

/* A growable output buffer.  Zero-initialise it; free with edgr_buf_free(). */
typedef struct edgr_buf {
    char *data;
    size_t len, cap;
} edgr_buf;

EDGR_API void edgr_buf_free(edgr_buf *b);

enum {
    EDGR_DECODE_UTF8 = 1u << 0  /* transcode text bodies to UTF-8 (from
                                   Windows-1252 when not valid UTF-8)        */
};

/*
 * Write a document's decoded body to `out` (replacing its contents): the
 * unwrapped body, uudecoded when the document is uuencoded, and transcoded to
 * UTF-8 with EDGR_DECODE_UTF8 for text formats.  Returns EDGR_OK,
 * EDGR_ERR_NOMEM, or EDGR_ERR_DECODE when uuencoded data is malformed (what
 * could be decoded is still in `out`).
 */
EDGR_API edgr_status edgr_document_decode(const edgr_document *d,
                                          unsigned flags, edgr_buf *out);

/*
 * Windows-1252 bytes p[0..n) as UTF-8 into out, which holds 3 * n bytes
 * (ASCII stays, each byte >= 0x80 becomes 2 or 3 bytes, as
 * edgr_document_decode does for a body that is not UTF-8); returns the
 * length written.  Byte by byte: a body may be given in pieces.  Pure.
 */
EDGR_API size_t edgr_cp1252_to_utf8(const char *p, size_t n, char *out);

/*
 * Describe a bare file (an .htm or .txt saved from EDGAR's archive folders,
 * no SGML envelope) as one document: its format sniffed as for a document in
 * a submission (html, xml, text ...), its charset detected, offsets from 0,
 * sequence 1.  `d` points into [p, p+n).
 */
EDGR_API void edgr_document_bare(const char *p, size_t n, edgr_document *d);

/*
 * Accession numbers.  EDGAR writes one dashed, "0001144204-17-013452", and
 * names its archive folders by it undashed, "000114420417013452".
 * edgr_accession_normalize() reads s[0..n) in either form and writes the
 * dashed one to `out` (EDGR_ACCESSION_LEN characters and a NUL).  With
 * EDGR_ACCESSION_KEYS it also takes the key edgr_store gives a bare
 * document that names no accession number: "sha256:" and EDGR_KEY_HEX hex
 * digits, in any case, written in lower case (EDGR_KEY_SIZE - 1
 * characters).  Returns 1 when `s` is one (out is set), else 0 (out holds
 * anything).  Pure: may be called from any thread.
 */
#define EDGR_ACCESSION_LEN 20
#define EDGR_KEY_HEX 20
#define EDGR_KEY_SIZE (7 + EDGR_KEY_HEX + 1) /* the longest key and its NUL */
enum { EDGR_ACCESSION_KEYS = 1u << 0 };
EDGR_API int edgr_accession_normalize(const char *s, size_t n, unsigned flags,
                                      char out[EDGR_KEY_SIZE]);

/*
 * NAME
 *   edgr_main_document - which document of a filing is the form itself
 *
 * SYNOPSIS
 *   long edgr_main_document(const edgr_submission *s,
 *                           const edgr_document *docs, size_t doc_count);
 *
 * DESCRIPTION
 *   The one rule by which the library, the store and every command pick the
 *   document that carries a filing's form (its items, cover page and
 *   signatures; the one `edgr text` prints by default):
 *
 *   1. the first document whose <TYPE> is the submission's form type
 *      ("10-K" in a 10-K), if it has text (HTML or plain text);
 *   2. else the first document that has text: EDGAR lists the form first,
 *      but a submission whose form type names none of its documents (an
 *      "8-K/A" whose document says "8-K"), or whose form document is XML
 *      or PDF, still has its text read;
 *   3. else none.
 *
 *   `s` may be NULL (a bare document, see edgr_document_bare): rule 2 then
 *   decides.  `docs` is usually s->docs.
 *
 * RETURN VALUE
 *   The index of the main document in docs, or -1 when no document has text
 *   (a header alone; only graphics, PDF or XML).
 *
 * THREADS
 *   Reads its arguments only: any thread, on submissions no thread is
 *   changing.
 */
EDGR_API long edgr_main_document(const edgr_submission *s, const edgr_document *docs, size_t doc_count);

/* Names for enums, as used in the JSON output ("html", "windows-1252"). */
EDGR_API const char *edgr_format_name(edgr_format f);
EDGR_API const char *edgr_charset_name(edgr_charset c);
EDGR_API const char *edgr_container_name(edgr_container c);

/* ------------------------------------------------------------------------
 * JSON.
 * ---------------------------------------------------------------------- */

/* Receives output bytes; returns 0 to go on, non-zero to stop. */
typedef int (*edgr_write_fn)(void *user, const char *data, size_t len);

/*
 * Told by a long call that it will read bytes [from, to) of its input no
 * more: called as the call moves on through a large input (every few MB,
 * in order, never twice for one byte).  A caller that owns the input's
 * memory and will not read those bytes again itself may give them back to
 * the system meanwhile (madvise(MADV_DONTNEED) on the whole pages inside),
 * so that a large document and the text made of it are not held whole at
 * the same moment.  The bytes stay the caller's: doing nothing is right.
 */
typedef void (*edgr_release_fn)(void *user, const char *from, const char *to);

enum {
    EDGR_JSON_PRETTY = 1u << 0,   /* indented, one key per line             */
    EDGR_JSON_NO_DOCS = 1u << 1,  /* leave out "documents"                  */
    EDGR_JSON_NO_SOURCE = 1u << 2, /* leave out "source" and "diagnostics"  */
    EDGR_JSON_BRIEF = 1u << 3      /* of the header model only
                                      "accession_number" and "type" (edgr
                                      docs --json)                          */
};

/*
 * Where the bytes a JSON writer describes came from: its "source" object's
 * "path" and "member" (docs/fields.md).  A growing struct: start from
 * EDGR_JSON_SOURCE_INIT.
 */
typedef struct edgr_json_source {
    size_t struct_size;  /* sizeof(edgr_json_source): EDGR_JSON_SOURCE_INIT */
    const char *path;    /* the input as named (an archive: the archive's
                            path), or NULL for null                        */
    const char *member;  /* the archive member, NULL for a plain file      */
} edgr_json_source;
#define EDGR_JSON_SOURCE_INIT {.struct_size = sizeof(edgr_json_source)}

/*
 * Write the submission as one JSON object (the header model, then
 * "documents", "source" and "diagnostics"), without a trailing newline.
 * `src` gives "source"."path" and "member" (NULL: both null;
 * docs/fields.md).  All strings are valid UTF-8 (bytes that are not are
 * read as Windows-1252).  Returns EDGR_OK, EDGR_ERR_ARG (`src` with a
 * struct_size too small) or EDGR_ERR_ABORTED if `write` asked to stop.
 */
EDGR_API edgr_status edgr_write_json(const edgr_submission *s,
                                     const edgr_json_source *src, unsigned flags,
                                     edgr_write_fn write, void *user);

/* ------------------------------------------------------------------------
 * Streaming.
 * ---------------------------------------------------------------------- */
typedef struct edgr_stream edgr_stream;

typedef struct edgr_callbacks {
    size_t struct_size;       /* sizeof(edgr_callbacks): EDGR_CALLBACKS_INIT */
    /* The header is complete.  `s` has nodes and diags so far, no docs. */
    int (*header)(void *user, const edgr_submission *s);
    /* A document starts; its type/filename/description/sequence are set. */
    int (*doc_begin)(void *user, const edgr_document *d);
    /* Decoded body bytes (unwrapped, uudecoded), in order, any size. */
    int (*doc_data)(void *user, const edgr_document *d, const char *data,
                    size_t len);
    /* The document ended; decoded_size and charset are final. */
    int (*doc_end)(void *user, const edgr_document *d);
    /* The submission ended; `s` holds its header, every doc's metadata and
     * every diagnostic.  Offsets are from the start of the stream. */
    int (*submission_end)(void *user, const edgr_submission *s);
} edgr_callbacks;

/* No callbacks yet: set the ones wanted after it. */
#define EDGR_CALLBACKS_INIT {.struct_size = sizeof(edgr_callbacks)}

/* A new stream, or NULL when out of memory or when cb->struct_size is not
 * set.  `cb` is copied; any callback may be NULL.  `flags`:
 * EDGR_PARSE_HEADER_ONLY skips documents' bodies. */
EDGR_API edgr_stream *edgr_stream_new(const edgr_callbacks *cb, void *user,
                                      unsigned flags);

/* Feed the next `len` bytes.  Returns EDGR_OK, EDGR_ERR_ABORTED (a callback
 * returned non-zero), EDGR_ERR_NOMEM or EDGR_ERR_LIMIT.  After an error the
 * stream is finished: every later feed or finish returns the same status. */
EDGR_API edgr_status edgr_stream_feed(edgr_stream *st, const char *data,
                                      size_t len);

/* End of input: flushes the last submission (reporting truncation).  Returns
 * EDGR_OK, EDGR_ERR_NOT_EDGAR if no submission was seen, or an error above. */
EDGR_API edgr_status edgr_stream_finish(edgr_stream *st);

/* Free a stream.  NULL is a harmless no-op. */
EDGR_API void edgr_stream_free(edgr_stream *st);

#ifdef __cplusplus
}
#endif
#endif /* EDGR_EDGR_H */
