/* The edgr command-line tool: shared declarations.  Uses the public API
 * (edgr/edgr.h) only. */
#ifndef EDGR_CLI_H
#define EDGR_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "edgr/edgr.h"

/* Exit codes, one set for every command (said in 'edgr --help' and edgr(1)). */
enum edgr_exit {
    EXIT_OK = 0,          /* success */
    EXIT_SOME_FAILED = 1, /* some inputs failed, or nothing found (no hit, no item) */
    EXIT_USAGE = 2,       /* usage error: an unknown option, a missing argument */
    EXIT_STORE = 3,       /* store or I/O error: the store, or the output (a full disk) */
    EXIT_DAMAGED = 4,     /* ingest --all-or-nothing: an input was damaged, none of it kept */
};
enum { EXIT_NO_HITS = EXIT_SOME_FAILED };

/* Color: --color auto|always|never (auto: on a terminal, unless NO_COLOR is
 * set and not empty).  mode 1 always, 0 never, -1 auto. */
void cli_set_color(int mode);
int cli_color(int fd); /* 1 if what goes to fd (1 or 2) may be colored */
/* Messages ("file: offset: [warning: ]reason" lines) to stderr, the
 * warning and error words colored when color is on, and a progress line
 * (see progress_line) cleared before and drawn again after. */
void emit_stderr(const char *p, size_t n);
/* The progress line: shown on stderr (a terminal) and remembered, so that
 * emit_stderr can clear it; NULL clears it for good. */
void progress_line(const char *line);
/* The command being run (a static string, e.g. argv[1]), named in the
 * write error; none at the top level (edgr --help). */
void cli_set_command_name(const char *name);
/* Standard output could not be written: "edgr CMD: write error: REASON" on
 * stderr, once.  Returns EXIT_STORE; for a closed pipe (EPIPE) nothing
 * is said and EXIT_SOME_FAILED is returned, as before. */
int write_error(int err);
/* fflush(stdout) and the stream's error state: rc, or write_error(). */
int finish_output(int rc);

/* Where a unit's output goes: memory (parallel jobs, printed in order) or a
 * stream.  Writes never fail silently: `failed` is set and checked. */
typedef struct sink {
    edgr_buf *mem;
    FILE *fp;
    int failed;
    int skipped;    /* on an err sink: units skipped with a warning */
    int diag;       /* diagnostics: sink_printf escapes control characters */
} sink;

/* Control characters (bytes below 0x20, and 0x7f) of p[0..n) written
 * visibly into dst (\n, \t, \r, \\xHH; a backslash stays as it is), so
 * that a name from the input cannot forge a line or send the terminal an
 * escape sequence; keep_newline leaves a final '\n' as it is.  Returns the
 * length written (dst holds at most cap - 1 bytes and a NUL). */
size_t cli_escape(char *dst, size_t cap, const char *p, size_t n, int keep_newline);
/* A diagnostic line straight to stderr ("edgr cat: ..."), escaped as above. */
void cli_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void sink_write(sink *s, const char *p, size_t n);
void sink_printf(sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Windows-1252 bytes written as UTF-8, converted a piece at a time. */
void sink_write_cp1252(sink *s, const char *p, size_t n);
int sink_write_cb(void *user, const char *p, size_t n); /* edgr_write_fn */
/* p[0..n) as a JSON string, quotes included. */
void sink_json_str(sink *s, const char *p, size_t n);
/* The same without the quotes, for a string written in pieces (each
 * piece whole UTF-8); the _cb form is an edgr_write_fn over a sink. */
void sink_json_chars(sink *s, const char *p, size_t n);
int sink_json_chars_cb(void *user, const char *p, size_t n);
/* A table cell's text: control bytes (a tab or newline would break the
 * row, an escape would reach the terminal) as spaces; at most `max`
 * bytes, cut where a UTF-8 character starts, "..." when cut (0: no cut). */
void sink_cell(sink *s, const char *v, size_t max);
/* Seconds on a monotonic clock, for rates and progress. */
double monotonic_seconds(void);

/* Options every subcommand shares. */
typedef struct opts {
    int jobs;
    int pretty;
    int quiet;      /* no warnings on stderr */
    int header_only;
    const char *out_dir;       /* extract */
    const char *doc_selector;  /* cat */
    int raw;                   /* cat: no UTF-8 transcoding */
    int tables;                /* text: edgr_table_style */
    const char *item;          /* items: only this item code */
    int json;                  /* items: JSON instead of text */
    const char *db;            /* cat ACCESSION: the store to look in */
    int several;               /* more than one input, or a folder: name each (docs) */
    uint64_t max_document;     /* --max-document-size: bytes; 0 for the default */
    const char *concept;       /* xbrl --concept: NAME or PREFIX:NAME          */
    int xbrl_no_dims;          /* xbrl --dimensions none                       */
    int xbrl_table;            /* --format: 1 table, -1 json, 0 not given (xbrl, ownership, holdings) */
    int filings;               /* ownership, holdings --filings: one object a document */
} opts;

/* The largest document text, items, facts and ingest take whole, unless
 * --max-document-size says otherwise: 1 GiB is ten times the largest the
 * SEC has disseminated, and small enough that a hostile file cannot drive
 * a run out of memory. */
#define MAX_DOCUMENT_DEFAULT ((uint64_t)1 << 30)
/* o's limit in bytes (the default when unset). */
static inline uint64_t max_document(const opts *o)
{
    return o->max_document ? o->max_document : MAX_DOCUMENT_DEFAULT;
}
/* What one submission held whole may take: SUBMISSION_LIMITS times the
 * document limit, so that many documents each under it cannot exhaust
 * memory either (src/cli/filing.c); and so what ingest reads of one
 * archive member. */
enum { SUBMISSION_LIMITS = 2 };
static inline uint64_t submission_limit(uint64_t max_document)
{
    return max_document > UINT64_MAX / SUBMISSION_LIMITS ? UINT64_MAX : max_document * SUBMISSION_LIMITS;
}

/* A command runs over one input unit (a file, stdin, an archive member)
 * given as a stream of chunks. */
typedef struct unit {
    const char *name;      /* for messages: path or archive:member */
    const char *path;      /* the input file (for extract's fallback name) */
    /* next chunk; returns 1 with *p and *n set, 0 at the end, -1 on error
     * (message in err).  *p is valid until the next call (a pipe's read
     * buffer is reused), unless `stable` is set. */
    int (*next)(struct unit *u, const char **p, size_t *n, char *err, size_t errlen);
    void *state;
    int stable;            /* chunks stay valid as long as the unit does   */
    int walked;            /* found by walking a directory (not named)    */
    const char *archive;   /* an archive member's archive (its path)      */
    const char *member;    /* an archive member's name, NULL otherwise    */
} unit;
/* The JSON "source" path and member of a unit (docs/fields.md): an archive
 * member is {"path": ARCHIVE, "member": MEMBER}, anything else its name. */
edgr_json_source unit_json_source(const unit *u);

typedef struct command {
    const char *name;
    /* process one unit: output to out, messages to err; returns 0 or 1 */
    int (*run)(const struct command *c, const opts *o, unit *u, sink *out, sink *err);
    unsigned stream_flags;
    int ordered_output; /* output must keep input order (not for extract) */
} command;

/* A unit over bytes already in memory, handed out as one chunk (so
 * each_filing reads them without a copy). */
typedef struct mem_unit {
    unit u;
    const char *p;
    size_t n;
    int given;
} mem_unit;
void mem_unit_init(mem_unit *m, const char *name, const char *path, const char *p, size_t n,
                   int walked);

/* Walk inputs (files, directories, '-', archives) and run the command on
 * each unit, with o->jobs workers.  Returns an exit code. */
int run_inputs(const command *c, const opts *o, char **paths, int npaths);

/* Call fn for every input named in paths (directories walked, sorted);
 * fn returns non-zero to stop.  Returns 1 if some path could not be read
 * (reported on err). */
typedef int (*input_fn)(void *user, const char *path, int is_archive, int walked);
int inputs_each(char **paths, int npaths, sink *err, input_fn fn, void *user);

/* What an input's first bytes say it is (inputs.c): compressed (gzip,
 * zstd, bzip2, xz) or a tar archive is read through libarchive, whatever
 * its name; anything else is read as it is. */
enum { MAGIC_NONE, MAGIC_GZIP, MAGIC_ZSTD, MAGIC_BZIP2, MAGIC_XZ, MAGIC_TAR };
int input_magic(const void *p, size_t n);
const char *magic_name(int magic);
/* Bytes input_magic wants to see (a tar header's "ustar" is at 257). */
enum { MAGIC_BYTES = 512 };
/* 1 if the file at `path` begins with one of those magics. */
int file_is_archive(const char *path);
/* A libarchive reader for every filter, tar, and "raw" (one compressed
 * file: a single member named "data"); NULL when out of memory. */
struct archive;
struct archive *archive_reader(void);
/* A pipe read in FD_CHUNK reads; its first `pending` bytes in buf were
 * read already (by sniff_fd, to see what they are). */
enum { FD_CHUNK = 1 << 20 };
typedef struct fd_state {
    int fd;
    char *buf;       /* FD_CHUNK bytes */
    size_t pending;
} fd_state;
/* Read at least MAGIC_BYTES (unless the input is shorter) into f->buf;
 * sets and returns f->pending. */
size_t sniff_fd(fd_state *f);
/* Open libarchive reader `a` on f (the sniffed bytes first). */
int archive_open_fd(struct archive *a, fd_state *f);
/* An archive or a compressed file open for reading, with gzip's CRC-32
 * and length checked: gzip is inflated by zlib (libarchive's filter checks
 * neither) and libarchive reads the inflated bytes.  Every command that
 * reads archives opens them here. */
typedef struct gz_src gz_src;
typedef struct archive_in {
    struct archive *a; /* read it as any libarchive reader */
    gz_src *gz;        /* gzip inflated here, or NULL */
} archive_in;
/* Open `path`, or (in != NULL) a pipe already sniffed.  0; or -1 with the
 * reason in msg; or ARCHIVE_IN_EMPTY for gzip of nothing (an empty input,
 * said as an empty file is).  Either way, archive_in_close(x) ends it. */
enum { ARCHIVE_IN_EMPTY = -2 };
int archive_in_open(archive_in *x, const char *path, fd_state *in, char *msg, size_t msglen);
/* The unit of the member an archive is at (its data, read as it goes),
 * after `prefix` (its first bytes, read already; may be NULL): set the
 * unit's name and the rest after. */
typedef struct member_unit {
    unit u;
    archive_in *in;
    const char *prefix;
    size_t prefix_n;
    int prefix_given;
    char *copy;          /* after a prefix: the data read into here */
    size_t copy_n;
} member_unit;
/* 0, or -1 out of memory; member_unit_free() after. */
int member_unit_init(member_unit *m, archive_in *x, const char *prefix, size_t prefix_n);
void member_unit_free(member_unit *m);
/* The compressed bytes read so far (where the damage was, once found). */
uint64_t archive_in_offset(const archive_in *x);
/* "gzip data is damaged (CRC-32 mismatch at compressed byte N)" once a
 * gzip member was found damaged or truncated, else NULL. */
const char *archive_in_damage(const archive_in *x);
/* At the archive's end (ARCHIVE_EOF): why it is not whole, or NULL.  A
 * gzip is read to its trailer here (libarchive stops at the tar's end), so
 * its damage is said then; and a tar must end with its two zero blocks --
 * one cut short at a member's end reads as ended.  That end is looked at
 * in a gzip inflated here and in a plain tar file (`path`, NULL for
 * standard input); not in a pipe, nor under libarchive's other filters
 * (xz, bzip2, zstd), whose output is not seen here. */
const char *archive_in_end(archive_in *x, const char *path);
void archive_in_close(archive_in *x);
/* A file (or a pipe) as a unit, read in FD_CHUNK reads -- never mapped: a
 * file cut while mapped raises SIGBUS.  A regular file that ends before the
 * size it had when opened is an error for it ("the file shrank while being
 * read (N of M bytes)"). */
typedef struct file_unit {
    unit u;
    fd_state f;
    uint64_t size, got; /* a regular file's size at open (0: a pipe); bytes handed out */
} file_unit;
/* A unit over fd, open (and left open): its first bytes are sniffed into
 * f.buf (f.pending), to be looked at with input_magic.  -1: no memory. */
int file_unit_init(file_unit *fu, int fd, const char *name, int walked);
/* The same over an fd whose first bytes were sniffed already (f.pending of
 * them in f.buf, a CHUNK-sized buffer the unit now owns). */
void file_unit_sniffed(file_unit *fu, fd_state f, const char *name, int walked);
void file_unit_free(file_unit *fu); /* its buffer (fd is the caller's) */

/* Commands with their own options and drivers (store and search). */
int cmd_ingest_main(int argc, char **argv);
int cmd_search_main(int argc, char **argv);
int cmd_show_main(int argc, char **argv);
int cmd_company_main(int argc, char **argv);
int cmd_facts_of_main(int argc, char **argv);
int cmd_frames_main(int argc, char **argv);
int cmd_insiders_main(int argc, char **argv);
int cmd_holders_main(int argc, char **argv);
int cmd_serve_main(int argc, char **argv);
int cmd_fetch_main(int argc, char **argv);
/* edgr cat ACCESSION SEQ: the document read from the filing's source as
 * recorded in the store. */
int looks_like_accession(const char *s);

/* Accession numbers and store keys (accession.c).  ACCESSION_LEN is the
 * dashed form's length; a bare document with no accession is stored under
 * SHA_KEY_PREFIX and the first SHA_KEY_HEX hex digits of its SHA-256. */
enum { ACCESSION_LEN = EDGR_ACCESSION_LEN, SHA_KEY_HEX = EDGR_KEY_HEX, STORE_KEY_LEN = EDGR_KEY_SIZE - 1 };
#define SHA_KEY_PREFIX "sha256:"
/* s[0..n) with or without dashes -> out, dashed; 1 if it is one, else 0. */
int accession_parse(const char *s, size_t n, char out[ACCESSION_LEN + 1]);
/* An accession number (either form) or a sha256: key -> out, normalised. */
int store_key_parse(const char *s, char out[STORE_KEY_LEN + 1]);
/* The accession number a path holds (file or folder name), dashed. */
int accession_from_path(const char *path, char out[ACCESSION_LEN + 1]);
int cat_from_store(const opts *o, const char *db, const char *accession);
/* cat's choice: sel is a <SEQUENCE> number or a <FILENAME>. */
int doc_matches(const char *sel, const edgr_document *d);
/* Parse "--jobs N" style numbers; returns -1 if not in [lo, hi]. */
long parse_count(const char *v, long lo, long hi);
/* Parse a size: digits with an optional K, M or G (powers of 1024);
 * 0 and -1 on success and failure. */
int parse_size(const char *v, uint64_t *out);

/* Shared by commands: run a stream over a unit.  Reports diagnostics to err
 * as "name: offset: message" and returns 1 if any error was found. */
int feed_unit(unit *u, const edgr_callbacks *cb, void *user, unsigned flags, sink *err,
              int quiet, int *saw_error);
void report_diags(const char *name, const edgr_submission *s, sink *err, int quiet);
/* Report a finished submission's diagnostics; returns 1 if it counts as a
 * failure.  A file met while walking a directory that is not EDGAR at all is
 * skipped with a warning instead: folders hold READMEs too. */
int submission_failed(const unit *u, const edgr_submission *s, sink *err, int quiet);

/* One filing read whole: a parsed submission, or a bare document. */
typedef struct filing {
    const char *name;
    edgr_json_source src;           /* the unit's, for JSON              */
    const edgr_submission *sub;     /* NULL for a bare document          */
    const edgr_document *docs;
    size_t doc_count;
    /* over[i]: document i is over --max-document-size (said already): its
     * body is empty, it is not to be shown; NULL when none is */
    const unsigned char *over;
    edgr_document bare;
    const char *data;               /* the unit's bytes                  */
    size_t len;
    int walked;                     /* met in a directory or an archive  */
} filing;
typedef int (*filing_fn)(void *user, const filing *f); /* 1 = failed */
/* An edgr_release_fn (edgr.h) for the documents of filing `user`: the
 * whole pages of [from, to) inside the unit's bytes go back to the system
 * and read as zeros after, so a large document and its text are not held
 * at once.  Pass it only for the last reading of a document's body: the
 * filing's other fields (its header, the documents' names) are not in a
 * body and stay. */
void filing_release(void *user, const char *from, const char *to);
/* A filing's bytes set aside between two readings (aside.c): the
 * edgr_source.set_aside / restore / release of ingest, `user` an aside
 * over the filing.  Large documents' bytes are kept compressed and their
 * pages given back; out of memory, they simply stay. */
typedef struct aside_piece {
    const char *from;
    size_t n;
    unsigned char *z;
    size_t zn;
} aside_piece;
typedef struct aside {
    const filing *f;
    aside_piece *pieces;
    size_t n, cap;
    struct libdeflate_compressor *c;
    struct libdeflate_decompressor *d;
    int failed;
} aside;
void aside_set(void *user, const char *from, const char *to);
int aside_restore(void *user, const char *from, const char *to);
void aside_release(void *user, const char *from, const char *to);
void aside_free(aside *a);
/* What ingest says of a filing whose bytes set aside could not be put back
 * (no memory to inflate them): it is not stored, the batch goes on. */
#define ASIDE_LOST "out of memory putting back the main document's bytes set aside between its facts and its rows: not stored"

/* Read a unit and call fn for each submission in it (a stable unit where it
 * lies, any other one submission at a time), documents over
 * --max-document-size reported and flagged in `over`.  Returns 1 if
 * anything failed (reported on err). */
int each_filing(unit *u, const opts *o, sink *err, filing_fn fn, void *user);
/* 1 if the bytes of a would-be bare document are binary data (a NUL, or
 * many control characters), which no command takes for a document. */
int bare_is_binary(const char *p, size_t n);
/* A filing with nothing for the command to show (a header only, no text, no
 * item): said on err as "name: offset: what".  A file named on the command
 * line fails (returns 1); one met in a folder or an archive is skipped with
 * a warning (none with --quiet) and returns 0. */
int nothing_to_show(const char *name, int walked, const opts *o, sink *err, uint64_t offset,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

int cmd_parse_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
int cmd_docs_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
int cmd_cat_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
/* cat's streaming of the selected document of u to out; `charset` is the
 * document's edgr_charset when the caller knows it already (the store
 * form's first pass), else -1 (cmd_docs.c). */
int cat_stream(const opts *o, unit *u, sink *out, sink *err, int charset);
int cmd_extract_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
int cmd_text_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
int cmd_items_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
int cmd_facts_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
int cmd_xbrl_run(const command *c, const opts *o, unit *u, sink *out, sink *err);
/* edgr ownership and edgr holdings (cmd->name says which). */
int cmd_ownership_run(const command *c, const opts *o, unit *u, sink *out, sink *err);

#endif
