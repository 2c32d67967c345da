/*
 * edgr/fetch.h - `edgr fetch`'s library: EDGAR's index files, the archive
 * paths by era, the User-Agent rule, the rate budget every edgr process on
 * the machine shares, the classes of the SEC's answers with the policy for
 * each, and one HTTP transfer (libcurl).
 *
 * libedgr_fetch (links libcurl).  The index parser, the paths, the
 * User-Agent check, the classifier and the policy are pure (libc only, no
 * allocation beyond the parser's one context).  The rate budget does I/O: a
 * lock file per host in the user's state directory; the HTTP client the
 * network and the destination's files.
 *
 * Threads: the pure functions may run on any thread.  An edgr_index_parser
 * is used by one thread at a time.  An edgr_budget handle may be shared by
 * every thread of a process (it holds a mutex); several handles, in one
 * process or many, on the same host share one budget through the file.
 *
 * Growing structs begin with struct_size (edgr/edgr.h, "Growing structs").
 */
#ifndef EDGR_FETCH_H
#define EDGR_FETCH_H

#include "edgr/edgr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Index files: Archives/edgar/full-index/YYYY/QTRn/KIND.idx (quarterly) and
 * Archives/edgar/daily-index/YYYY/QTRn/KIND.DATE.idx (daily).
 *
 * Every kind begins with a header block ("Description:", "Last Data
 * Received:", ...), column headings and a line of dashes; the rows follow.
 *
 *   master, xbrl   CIK|Company Name|Form Type|Date Filed|Filename
 *   form           Form Type, Company Name, CIK, Date Filed, File Name
 *   company        Company Name, Form Type, CIK, Date Filed, File Name
 *
 * form and company are laid out in columns, but the columns are not
 * trusted: a 64-character name overflows its 62-character field and shifts
 * the rest of the row, and the form column grew from 12 to 17 characters in
 * 2026.  Rows are read by fields instead: the last three words are CIK,
 * date and file name; columns are separated by two spaces or more; a form
 * type holds single spaces only ("1-A POS", "SC 13D/A"), so in form.idx the
 * form ends at the first gap and in company.idx it begins after the last
 * one.  Only when a row has no such gap (a form that fills its column) is
 * the column of the heading line used.
 *
 * The date is given as written (YYYY-MM-DD in quarterly files, YYYYMMDD in
 * daily ones) and as a number; the accession number is derived from the
 * file name (edgar/data/CIK/0001234567-YY-NNNNNN.txt).
 * ---------------------------------------------------------------------- */
typedef enum edgr_index_kind {
    EDGR_INDEX_AUTO = 0, /* from the heading line (options only)          */
    EDGR_INDEX_MASTER = 1,
    EDGR_INDEX_FORM = 2,
    EDGR_INDEX_COMPANY = 3,
    EDGR_INDEX_XBRL = 4 /* pipe-separated like master; "XBRL Index"      */
} edgr_index_kind;

/* Limits of the parser, each with its reason.
 * EDGR_INDEX_MAX_LINE: the longest real row is under 200 bytes (a padded
 *   form.idx row is 150); a line of 4 KiB is not an index row, and the
 *   bound keeps the context small when a line spans two chunks.
 * EDGR_INDEX_MAX_HEADER_LINES: the header block is 7 to 11 lines; a file
 *   with no dashed line in its first 64 is not an index (stop early rather
 *   than read a whole wrong file). */
#define EDGR_INDEX_MAX_LINE 4096
#define EDGR_INDEX_MAX_HEADER_LINES 64

/* One row.  The spans point into the caller's chunk, or into the parser's
 * context when the row was split across two chunks: they are valid during
 * the callback only.  None is NUL-terminated. */
typedef struct edgr_index_row {
    edgr_span cik;        /* digits as written (unpadded)                   */
    edgr_span company;    /* trailing blanks removed                        */
    edgr_span form;       /* "10-K", "1-A POS"                              */
    edgr_span date_filed; /* "2021-02-05" or "20210205", as written         */
    edgr_span path;       /* "edgar/data/1838675/0001213900-21-007106.txt"  */
    edgr_span accession;  /* "0001213900-21-007106", inside `path`          */
    uint64_t cik_num;     /* the CIK as a number                            */
    uint32_t date;        /* YYYYMMDD as a number                           */
    edgr_index_kind kind; /* the file's kind                                */
    uint64_t offset;      /* of the row's first byte (plus base_offset)     */
    uint64_t line;        /* 1-based line number                            */
} edgr_index_row;

/* Called for every valid row; return non-zero to stop (EDGR_ERR_ABORTED). */
typedef int (*edgr_index_row_fn)(void *user, const edgr_index_row *row);
/* Called for every row that is not valid (it is skipped, parsing goes on)
 * and for the error that ends a parse: the byte offset of the line (plus
 * base_offset) and an English reason, valid during the call. */
typedef void (*edgr_index_error_fn)(void *user, uint64_t offset, const char *reason);

typedef struct edgr_index_options {
    size_t struct_size;        /* sizeof(edgr_index_options): EDGR_INDEX_OPTIONS_INIT */
    edgr_index_kind kind;      /* EDGR_INDEX_AUTO: from the heading line         */
    uint64_t base_offset;      /* added to every offset reported                 */
    edgr_index_row_fn on_row;  /* may be NULL (count only)                       */
    edgr_index_error_fn on_error; /* may be NULL (errors are counted)            */
    void *user;                /* passed to both                                 */
} edgr_index_options;
#define EDGR_INDEX_OPTIONS_INIT {.struct_size = sizeof(edgr_index_options)}

/* Counts after (or during) a parse. */
typedef struct edgr_index_stats {
    uint64_t rows;        /* valid rows delivered                          */
    uint64_t bad_rows;    /* rows skipped with an error                    */
    uint64_t bytes;       /* bytes fed                                     */
    edgr_index_kind kind; /* detected (or forced) kind; AUTO before the dashes */
} edgr_index_stats;

/* A streaming parser: all its state is in one context of about 4 KiB.
 * Feed the file in chunks of any size (a line may span chunks), then call
 * edgr_index_finish().  One pass; no byte is read twice except a line split
 * across chunks, which is copied once into the context.
 *
 * edgr_index_new: NULL if `opt` is NULL, its struct_size too small, or
 * memory is short. */
typedef struct edgr_index_parser edgr_index_parser;
EDGR_API edgr_index_parser *edgr_index_new(const edgr_index_options *opt);
/* EDGR_OK; EDGR_ERR_ABORTED (on_row stopped it); EDGR_ERR_NOT_EDGAR (no
 * dashed line in the first EDGR_INDEX_MAX_HEADER_LINES lines, or no column
 * heading before it: reported through on_error with the offset).  After
 * an error every later call returns it again. */
EDGR_API edgr_status edgr_index_feed(edgr_index_parser *p, const char *data, size_t len);
/* Ends the input: parses a last line that has no newline (a row cut short
 * is reported, not delivered).  EDGR_OK (a header-only file is OK with no
 * rows), EDGR_ERR_EMPTY (no bytes at all), EDGR_ERR_NOT_EDGAR (no dashed
 * line), or the error of an earlier feed. */
EDGR_API edgr_status edgr_index_finish(edgr_index_parser *p);
EDGR_API void edgr_index_get_stats(const edgr_index_parser *p, edgr_index_stats *out);
EDGR_API void edgr_index_free(edgr_index_parser *p);

/* The whole input at once: new, feed, finish, free.  `stats` may be NULL. */
EDGR_API edgr_status edgr_index_parse(const char *data, size_t len, const edgr_index_options *opt,
                                      edgr_index_stats *stats);

/* The accession number of an index file name: the last path component
 * without ".txt", when it has the form NNNNNNNNNN-YY-NNNNNN.  EDGR_OK with
 * `out` pointing into `path`; EDGR_ERR_NOT_FOUND otherwise. */
EDGR_API edgr_status edgr_index_accession(edgr_span path, edgr_span *out);

/* ------------------------------------------------------------------------
 * Archive paths, relative to https://www.sec.gov/ (no leading slash).
 * Each writes a NUL-terminated path into out[cap] and returns EDGR_OK,
 * EDGR_ERR_ARG (a date that is not a calendar date, a kind or quarter out
 * of range, a date before the archive begins) or EDGR_ERR_LIMIT (cap too
 * small; out holds "").  Dates are YYYYMMDD numbers.
 * ---------------------------------------------------------------------- */

/* The first quarter EDGAR's full index covers: 1993 Q1. */
#define EDGR_FULL_INDEX_FIRST_YEAR 1993
/* The first day of the Feed archives: 1995 Q3. */
#define EDGR_FEED_FIRST_DATE 19950701

/* Flags of edgr_full_index_path. */
#define EDGR_PATH_GZ 1u /* the gzip copy: KIND.gz (EDGAR names it so, not KIND.idx.gz) */

/* Archives/edgar/full-index/YYYY/QTRn/KIND.idx (or KIND.gz). */
EDGR_API edgr_status edgr_full_index_path(int year, int quarter, edgr_index_kind kind, unsigned flags,
                                          char *out, size_t cap);

/* The daily index's file name for a date: KIND.DATE.idx where DATE is
 * MMDDYY before 1995, YYMMDD from 1995-01-01 to 1998-03-31 (the whole of
 * 1998 Q1), then YYYYMMDD -- the naming EDGAR's daily-index folders use in
 * each era. */
EDGR_API edgr_status edgr_daily_index_name(uint32_t date, edgr_index_kind kind, char *out, size_t cap);
/* Archives/edgar/daily-index/YYYY/QTRn/ + edgr_daily_index_name(). */
EDGR_API edgr_status edgr_daily_index_path(uint32_t date, edgr_index_kind kind, char *out, size_t cap);
/* Archives/edgar/Feed/YYYY/QTRn/YYYYMMDD.nc.tar.gz, from EDGR_FEED_FIRST_DATE. */
EDGR_API edgr_status edgr_feed_path(uint32_t date, char *out, size_t cap);

/* 1 when YYYYMMDD is a calendar date (years 1900-2999), else 0. */
EDGR_API int edgr_date_valid(uint32_t date);
/* The quarter (1-4) of a YYYYMMDD date; 0 when the date is not valid. */
EDGR_API int edgr_date_quarter(uint32_t date);

/* ------------------------------------------------------------------------
 * The User-Agent.  The SEC asks automated tools to declare themselves as
 * "Sample Company Name AdminContact@sample.com" and blocks those that do
 * not; edgr refuses to start without one.
 *
 * EDGR_OK when `ua` holds a name (a word that is not the address) and an
 * e-mail address (local@domain.tld), and nothing a browser sends (Mozilla/,
 * AppleWebKit/, Chrome/, Safari/, Firefox/, Gecko/, Edg/, OPR/, Opera/,
 * Trident/, MSIE); no control characters (a CR or LF would forge headers);
 * at most EDGR_USER_AGENT_MAX bytes.  Otherwise EDGR_ERR_ARG and *reason (if
 * `reason` is not NULL) a static English sentence saying what is wrong.
 * ---------------------------------------------------------------------- */
#define EDGR_USER_AGENT_MAX 256
EDGR_API edgr_status edgr_user_agent_check(const char *ua, const char **reason);

/* ------------------------------------------------------------------------
 * The rate budget: one per host, shared by every edgr process of the user.
 *
 * Requests are evenly spaced (no bursts): each takes the next slot,
 * max(now, previous slot + 1/rate), and waits for it.  The next free slot
 * lives in a file per host, $XDG_STATE_HOME/edgr/rate-HOST (or
 * ~/.local/state/edgr/rate-HOST), read and written under flock(), so two
 * `edgr fetch` runs at once share one budget instead of doubling it.
 * Retries take slots like any request.
 *
 * The same file holds a block: when the SEC answers with its "undeclared
 * automated tool" / "request rate threshold" page, edgr_budget_block()
 * records "paused until T, then half rate until T2" (and why); every
 * process honours it from its next slot on, and a slot taken before the
 * block but not yet reached is taken again.
 *
 * A handle is not shared across fork(): the child must open its own (the
 * lock belongs to the open file, which a forked child would share).
 *
 * Times are CLOCK_REALTIME (comparable across processes), in nanoseconds
 * since the epoch.  A next slot or pause implausibly far ahead (the clock
 * stepped back) is reset.  Functions return 0 or an errno value (EINVAL for
 * a bad argument, the lock file's error otherwise); edgr_budget_error()
 * says what failed ("PATH: reason").
 * ---------------------------------------------------------------------- */
#define EDGR_RATE_DEFAULT 8.0 /* requests a second per host, when rate is 0 */
#define EDGR_RATE_MAX 10.0    /* the SEC's fair-access ceiling                */
#define EDGR_BLOCK_PAUSE_SECONDS 600.0 /* after a block page: 10 minutes off  */
#define EDGR_BLOCK_SLOW_SECONDS 3600.0 /* then an hour at half rate           */

/* Flags of edgr_budget_options. */
#define EDGR_BUDGET_UNCAPPED 1u /* allow a rate above EDGR_RATE_MAX: for a local
                                   server only (tests, benchmarks) */

typedef struct edgr_budget_options {
    size_t struct_size; /* sizeof(edgr_budget_options): EDGR_BUDGET_OPTIONS_INIT */
    double rate;        /* requests a second; 0: EDGR_RATE_DEFAULT; above
                           EDGR_RATE_MAX refused unless EDGR_BUDGET_UNCAPPED */
    const char *dir;    /* the state directory; NULL: $XDG_STATE_HOME/edgr, or
                           $HOME/.local/state/edgr (created 0700)           */
    unsigned flags;
} edgr_budget_options;
#define EDGR_BUDGET_OPTIONS_INIT {.struct_size = sizeof(edgr_budget_options)}

typedef struct edgr_budget edgr_budget;

/* Opens (creating) the budget of `host` ("www.sec.gov"; characters other
 * than letters, digits, '.', '-' and '_' become '_' in the file name).
 * NULL on failure, with *err (if not NULL) an errno value and, if
 * errbuf is not NULL, a message "PATH: reason" in errbuf[errcap]. */
EDGR_API edgr_budget *edgr_budget_open(const char *host, const edgr_budget_options *opt, int *err,
                                       char *errbuf, size_t errcap);
/* Takes the next slot and sleeps until it.  *slot_ns (if not NULL) is the
 * slot's time.  0, or an errno value (EINTR if a signal interrupted the
 * wait: the slot is spent; call again for another). */
EDGR_API int edgr_budget_take(edgr_budget *b, int64_t *slot_ns);
/* Records a block: no slot before now + pause_s, then half rate until
 * that + slow_s (EDGR_BLOCK_PAUSE_SECONDS and EDGR_BLOCK_SLOW_SECONDS for
 * the SEC's block; tests shorten them).  An existing longer block is kept.
 * `why` (may be NULL) is kept (up to 160 bytes) for the other processes to
 * tell their users. */
EDGR_API int edgr_budget_block(edgr_budget *b, double pause_s, double slow_s, const char *why);

typedef struct edgr_budget_state {
    size_t struct_size;     /* sizeof(edgr_budget_state): EDGR_BUDGET_STATE_INIT */
    int64_t now_ns;         /* when it was read                               */
    int64_t next_ns;        /* the next free slot                             */
    int64_t paused_until_ns; /* 0 when no block was ever recorded            */
    int64_t slow_until_ns;  /* half rate before this                         */
    double rate;            /* this handle's rate                            */
    char why[161];          /* the block's reason, "" if none                */
} edgr_budget_state;
#define EDGR_BUDGET_STATE_INIT {.struct_size = sizeof(edgr_budget_state)}
/* The shared state as it is now (under the lock). */
EDGR_API int edgr_budget_get_state(edgr_budget *b, edgr_budget_state *out);
/* The last failure's message; "" if none.  Owned by the handle. */
EDGR_API const char *edgr_budget_error(const edgr_budget *b);
/* The lock file's path.  Owned by the handle. */
EDGR_API const char *edgr_budget_path(const edgr_budget *b);
EDGR_API void edgr_budget_close(edgr_budget *b);

/* ------------------------------------------------------------------------
 * HTTP (libcurl): one transfer, its answer classified, and the policy for
 * each class.
 *
 * The classes are the SEC's answers as edgr meets them:
 *   OK            200 or 206: the body is in the file (dest, or dest.part
 *                 resumed); for a 206 the .part grew by the rest.
 *   NOT_MODIFIED  304 to If-None-Match / If-Modified-Since: the stored copy
 *                 stays.
 *   MISSING       403 with the S3 "AccessDenied" XML, 404, 410: the path
 *                 does not exist.  Never retried.
 *   BLOCKED       the "Undeclared Automated Tool" or "Request Rate
 *                 Threshold" page, with 403 or 200, or a 403 without
 *                 AccessDenied (taken for a block: the polite reading).
 *                 Every process stops (the budget records the block).
 *   RATE_LIMITED  429: Retry-After, else 10 minutes, shared through the
 *                 budget like a block without the slow hour.
 *   TRANSIENT     503 (maintenance), other 5xx, 416, a reset, a timeout, a
 *                 body cut short, a connection refused: back-off with
 *                 jitter, at most max_attempts, then parked.
 *   FAILED        anything else (another 4xx, a 3xx, a file that cannot be
 *                 written, a bad URL): not retried; the reason says why.
 * ---------------------------------------------------------------------- */
typedef enum edgr_http_class {
    EDGR_HTTP_OK = 0,
    EDGR_HTTP_NOT_MODIFIED = 1,
    EDGR_HTTP_MISSING = 2,
    EDGR_HTTP_BLOCKED = 3,
    EDGR_HTTP_RATE_LIMITED = 4,
    EDGR_HTTP_TRANSIENT = 5,
    EDGR_HTTP_FAILED = 6
} edgr_http_class;

/* "ok", "not-modified", "missing", "blocked", "rate-limited", "transient",
 * "failed" ("?" out of range). */
EDGR_API const char *edgr_http_class_name(edgr_http_class c);

/* How a transport ended, for edgr_http_classify (curl's codes mapped). */
typedef enum edgr_http_transport {
    EDGR_NET_OK = 0,        /* the whole answer arrived                        */
    EDGR_NET_CUT = 1,       /* the body stopped short of its length, a reset  */
    EDGR_NET_TIMEOUT = 2,   /* connect or transfer timeout, too slow           */
    EDGR_NET_CONNECT = 3,   /* refused, unreachable, name not resolved         */
    EDGR_NET_LOCAL = 4      /* our side: the file, memory, a bad URL           */
} edgr_http_transport;

/* The class of an answer: pure.  `head` is the first `len` bytes of the
 * body (the block page and the AccessDenied XML are told by them; 4 KiB is
 * enough), `content_type` may be NULL. */
EDGR_API edgr_http_class edgr_http_classify(edgr_http_transport net, long status, const char *content_type,
                                            const char *head, size_t len);
/* 1 when the body's first bytes are the SEC's block page (either kind). */
EDGR_API int edgr_http_is_block_page(const char *head, size_t len);

/* What to do after each class: the durations are parameters so tests can
 * shorten them.  EDGR_HTTP_POLICY_INIT gives the SEC's rules. */
typedef struct edgr_http_policy {
    size_t struct_size;    /* sizeof(edgr_http_policy)                       */
    int max_attempts;      /* 8: transient failures, then parked             */
    double backoff_s;      /* 1: the first retry after 0.5-1 s, doubling      */
    double backoff_max_s;  /* 300: no wait longer                            */
    double rate_wait_s;    /* 600: a 429 without Retry-After                 */
    double retry_after_max_s; /* 3600: a longer Retry-After is cut to this   */
    double block_pause_s;  /* EDGR_BLOCK_PAUSE_SECONDS: after a block page    */
    double block_slow_s;   /* EDGR_BLOCK_SLOW_SECONDS: then half rate         */
} edgr_http_policy;
#define EDGR_HTTP_POLICY_INIT                                                                        \
    {.struct_size = sizeof(edgr_http_policy), .max_attempts = 8, .backoff_s = 1.0,                    \
     .backoff_max_s = 300.0, .rate_wait_s = 600.0, .retry_after_max_s = 3600.0,                      \
     .block_pause_s = EDGR_BLOCK_PAUSE_SECONDS, .block_slow_s = EDGR_BLOCK_SLOW_SECONDS}

typedef enum edgr_http_action {
    EDGR_ACT_DONE = 0,  /* ok or not-modified: finished                       */
    EDGR_ACT_RETRY = 1, /* try again after wait_s (and pause_s/slow_s, if set,
                           recorded in the budget first: every process waits) */
    EDGR_ACT_GIVE_UP = 2, /* missing or failed: record it, never retry        */
    EDGR_ACT_PARK = 3   /* attempts spent: park it in the journal with reason */
} edgr_http_action;

typedef struct edgr_http_decision {
    edgr_http_action action;
    double wait_s;  /* this transfer's own wait before its next attempt      */
    double pause_s; /* > 0: edgr_budget_block(b, pause_s, slow_s, why)       */
    double slow_s;
} edgr_http_decision;

/* The policy: pure.  `attempt` is the 1-based number of the attempt that
 * just ended with `c`; `retry_after_s` the answer's Retry-After (< 0 when
 * none); `u` a uniform random number in [0, 1) for the jitter (the caller
 * draws it, so the function is deterministic).  Every class is bounded by
 * max_attempts: blocks and 429s count too (a server that never lets go
 * parks the transfer instead of holding it forever).  The back-off of
 * attempt n is backoff_s * 2^(n-1), cut to backoff_max_s, times 0.5 + u/2. */
EDGR_API void edgr_http_decide(const edgr_http_policy *p, edgr_http_class c, int attempt, double retry_after_s,
                               double u, edgr_http_decision *out);

/* A client: one libcurl multi handle (HTTP/1.1 keep-alive, at most 2
 * connections per host, 2 cached) and one easy handle reused for every
 * transfer.  Used by one thread at a time; threads each open their own.
 * Every request first takes a slot of `budget` (retries too). */
typedef struct edgr_http_options {
    size_t struct_size;     /* sizeof(edgr_http_options): EDGR_HTTP_OPTIONS_INIT */
    const char *user_agent; /* required, checked by edgr_user_agent_check()   */
    edgr_budget *budget;    /* required: the host's budget (not owned)         */
    long connect_timeout_ms; /* 0: 30 s                                       */
    long stall_timeout_s;   /* 0: 60: abort below 1 byte/s for this long      */
    long timeout_s;         /* 0: none: a whole transfer's limit               */
} edgr_http_options;
#define EDGR_HTTP_OPTIONS_INIT {.struct_size = sizeof(edgr_http_options)}

typedef struct edgr_http edgr_http;

/* NULL with a message in errbuf[errcap] (the User-Agent's reason, no
 * budget, curl failing to start). */
EDGR_API edgr_http *edgr_http_new(const edgr_http_options *opt, char *errbuf, size_t errcap);
EDGR_API void edgr_http_free(edgr_http *h);

/* Flags of edgr_http_request. */
#define EDGR_HTTP_GZIP 1u       /* Accept-Encoding: gzip (text, JSON, indexes);
                                   never sent with a Range                    */
#define EDGR_HTTP_REVALIDATE 2u /* dest exists: If-None-Match / If-Modified-Since
                                   from etag / last_modified (indexes, JSON)  */

/* Validators are given without the header name: "\"abc\"", "Sat, 27 Jun
 * 2026 07:04:08 GMT". */
typedef struct edgr_http_request {
    size_t struct_size;        /* sizeof(edgr_http_request)                    */
    const char *url;
    const char *dest;          /* the body goes to DEST.part, renamed to DEST
                                  when whole; DEST.part is resumed when it
                                  exists and part_etag or part_last_modified
                                  says what it is a part of                   */
    unsigned flags;
    const char *etag;          /* of DEST (REVALIDATE), may be NULL            */
    const char *last_modified; /* of DEST (REVALIDATE), may be NULL            */
    const char *part_etag;     /* of DEST.part: If-Range (a strong ETag only)  */
    const char *part_last_modified; /* of DEST.part: If-Range without an ETag  */
    /* Called when a 200 is about to start DEST.part afresh, before its
     * first byte is written, with the answer's validators ("" when none):
     * so that a journal can record what the .part is a part of, and a run
     * killed mid-transfer resumes it instead of starting over.  May be
     * NULL. */
    void (*on_part_start)(void *user, const char *etag, const char *last_modified);
    void *user;
    /* Told each run of body bytes just written to DEST.part, with its
     * offset in the file: a resumed transfer's first at the .part's old
     * size, a 200 starting afresh at 0 (after on_part_start).  So a reader
     * can take the file as it arrives (edgr fetch feed pipes a Feed
     * archive to its ingest while it downloads).  Called from inside the
     * transfer: while it runs, the transfer waits.  Non-zero stops the
     * transfer as a local error.  May be NULL. */
    int (*on_bytes)(void *user, uint64_t offset, const char *p, size_t n);
} edgr_http_request;

#define EDGR_HTTP_VALIDATOR_MAX 256
typedef struct edgr_http_result {
    size_t struct_size;         /* sizeof(edgr_http_result)                    */
    edgr_http_class cls;
    long status;                /* 0 when no answer came                        */
    edgr_http_transport net;
    int curl_code;              /* CURLcode                                     */
    double retry_after_s;       /* -1 when none                                 */
    int resumed;                /* 1: a 206 appended to DEST.part               */
    int attempts;               /* edgr_http_fetch: attempts made               */
    uint64_t bytes;             /* the size of DEST (ok) or DEST.part (cut)     */
    uint64_t received;          /* body bytes this transfer wrote               */
    char etag[EDGR_HTTP_VALIDATOR_MAX];          /* of what DEST(.part) holds */
    char last_modified[EDGR_HTTP_VALIDATOR_MAX];
    char content_type[128];
    char reason[320];           /* English, "" when ok                          */
} edgr_http_result;
#define EDGR_HTTP_RESULT_INIT {.struct_size = sizeof(edgr_http_result)}

/* One transfer: takes a budget slot, then GETs rq->url into DEST.part
 * (resumed with Range + If-Range when it can be), renames it to DEST when
 * whole, and classifies the answer.  Bodies of answers that are not the
 * file (403, 429, 5xx, a block page sent with 200) never touch DEST or
 * DEST.part.  Returns out->cls. */
EDGR_API edgr_http_class edgr_http_get(edgr_http *h, const edgr_http_request *rq, edgr_http_result *out);

/* edgr_http_get with the policy: retries TRANSIENT, RATE_LIMITED and
 * BLOCKED (recording blocks and 429s in the budget) up to max_attempts,
 * resuming a cut body from its .part; every wait is bounded.  `on_attempt`
 * (may be NULL) is told each attempt's result and decision (to log it, or
 * tell the user why edgr is waiting).  Returns the last class; out->attempts
 * says how many were made, and a transfer that ran out of attempts has
 * class TRANSIENT (RATE_LIMITED, BLOCKED) with the reason "parked: ...". */
typedef void (*edgr_http_attempt_fn)(void *user, const edgr_http_result *r, const edgr_http_decision *d);
EDGR_API edgr_http_class edgr_http_fetch(edgr_http *h, const edgr_http_request *rq, const edgr_http_policy *pol,
                                         edgr_http_attempt_fn on_attempt, void *user, edgr_http_result *out);

#ifdef __cplusplus
}
#endif
#endif
