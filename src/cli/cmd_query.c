/*
 * Reading the store: edgr search, edgr show, edgr company, and edgr cat on
 * an accession number (the original reached through the recorded source).
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "edgr/store.h"

long parse_count(const char *v, long lo, long hi)
{
    char *end;
    errno = 0;
    /* digits only: strtol would take " 1", "+1" and "-0" */
    if (!v || *v < '0' || *v > '9') return -1;
    long n = strtol(v, &end, 10);
    if (*end || errno || n < lo || n > hi) return -1;
    return n;
}

int parse_size(const char *v, uint64_t *out)
{
    if (!v || *v < '0' || *v > '9') return -1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    int shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10;
    else if (*end == 'M' || *end == 'm') shift = 20;
    else if (*end == 'G' || *end == 'g') shift = 30;
    if (shift) end++;
    if (*end || errno || n == 0 || n > (UINT64_MAX >> shift)) return -1;
    *out = (uint64_t)n << shift;
    return 0;
}

/* Options the three commands share, and one positional argument. */
typedef struct qargs {
    const char *db, *arg;
    const char *args[3];       /* frames: TAG UNIT PERIOD; arg is args[0]   */
    int nargs;
    const char *concept;       /* facts-of --concept                         */
    const char *owner, *code, *period, *manager; /* insiders, holders         */
    int pretty, text, json;
    edgr_query q;
} qargs;

/* Returns -1 to go on, or an exit code.  The options are the command's
 * table's (options.c): another command's are refused there. */
static int parse_args(const char *cmd, int argc, char **argv, qargs *a)
{
    const cmddef *def = cli_command(cmd);
    a->db = "edgr.db";
    a->q.struct_size = sizeof a->q;
    a->pretty = isatty(1);
    optparser p;
    opt_init(&p, def, argc, argv, 2);
    const char *v;
    int id;
    while ((id = opt_next(&p, &v)) != OPT_DONE) {
        switch (id) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_HELP: cli_print_help(def, stdout); return finish_output(EXIT_OK);
        case OPT_ARG:
            if (a->nargs == (!strcmp(cmd, "frames") ? 3 : 1))
                return !strcmp(cmd, "frames") ? cli_usage(cmd, "three arguments: TAG UNIT PERIOD, not '%s' too", v)
                                              : cli_usage(cmd, "one argument only (quote a query of several words): '%s'", v);
            a->args[a->nargs++] = v;
            a->arg = a->args[0];
            break;
        case OPT_CONCEPT: a->concept = v; break;
        case OPT_OWNER: a->owner = v; break;
        case OPT_CODE: a->code = v; break;
        case OPT_PERIOD: a->period = v; break;
        case OPT_MANAGER: a->manager = v; break;
        case OPT_PRETTY: a->pretty = 1; break;
        case OPT_TEXT: a->text = 1; break;
        case OPT_JSON: a->json = 1; break;
        case OPT_DB: a->db = v; break;
        case OPT_FORM: a->q.type = v; break;
        case OPT_CIK: a->q.cik = v; break;
        case OPT_COMPANY: a->q.company = v; break;
        case OPT_FROM: a->q.from = v; break;
        case OPT_TO: a->q.to = v; break;
        case OPT_ITEM: a->q.item = v; break;
        case OPT_DOC_TYPE: a->q.doc_type = v; break;
        case OPT_SORT: a->q.sort_by_date = !strcmp(v, "date"); break;
        case OPT_LIMIT:
        case OPT_OFFSET: {
            long n = parse_count(v, id == OPT_LIMIT ? 1 : 0, 1000000);
            if (n < 0)
                return cli_usage(cmd, "--%s takes a number from %d to 1000000, not '%s'",
                                 id == OPT_LIMIT ? "limit" : "offset", id == OPT_LIMIT ? 1 : 0, v);
            if (id == OPT_LIMIT) a->q.limit = n;
            else a->q.offset = n;
            break;
        }
        default: return cli_usage(cmd, "option not handled");
        }
    }
    if (!a->arg) return cli_usage(cmd, "%s", !strcmp(cmd, "search") ? "needs a QUERY" : "needs an argument");
    if (!strcmp(cmd, "frames") && a->nargs != 3) return cli_usage(cmd, "needs TAG UNIT PERIOD (edgr frames us-gaap:Revenues USD CY2024)");
    /* an empty key would match every company (as --company '' did) */
    for (int i = 0; i < a->nargs && strcmp(cmd, "search"); i++)
        if (!a->args[i][strspn(a->args[i], " \t")]) {
            if (!strcmp(cmd, "frames")) return cli_usage(cmd, "an empty argument: give TAG UNIT PERIOD");
            if (!strcmp(cmd, "facts-of")) return cli_usage(cmd, "an empty CIK: give a company's CIK");
            return cli_usage(cmd, "an empty %s: give %s", !strcmp(cmd, "show") ? "ACCESSION" : "NAME or CIK",
                             !strcmp(cmd, "show") ? "an accession number" : "a company's name or CIK");
        }
    return -1;
}

/* The library's message, and what to do about it in this program's terms
 * (the library names no command). */
static void store_open_failed(const char *cmd, const char *db, const char *msg)
{
    cli_eprintf("edgr %s: %s\n", cmd, msg);
    if (strstr(msg, "no store here"))
        cli_eprintf("edgr %s: create one with 'edgr ingest --db %s FILE...'\n", cmd, db);
    else if (strstr(msg, "an older store"))
        cli_eprintf("edgr %s: upgrade it with 'edgr ingest --db %s' (no files needed)\n", cmd, db);
}

/* A store that is not there: say how to make one. */
static int no_store(const char *cmd, const char *db)
{
    if (access(db, F_OK) == 0) return 0;
    cli_eprintf("edgr %s: %s: no such store; create one with 'edgr ingest FILE... --db %s'%s\n",
            cmd, db, db, strcmp(db, "edgr.db") ? "" : " (./edgr.db is the default)");
    return 1;
}

static edgr_store *open_store(const char *cmd, const char *db)
{
    if (no_store(cmd, db)) return NULL;
    char msg[512];
    edgr_store *st = edgr_store_open(db, EDGR_STORE_READONLY, msg, sizeof msg);
    if (!st) store_open_failed(cmd, db, msg);
    return st;
}

static int write_stdout(void *user, const char *p, size_t n)
{
    (void)user;
    return fwrite(p, 1, n, stdout) != n;
}

/* ---- search --------------------------------------------------------------- */

typedef struct hits {
    int json, tty;
    long n;
} hits;

/* A snippet on one line: line breaks and runs of blanks as one space. */
static void one_line(const char *s)
{
    int space = 0;
    for (; *s; s++) {
        if (*s == '\n' || *s == ' ' || *s == '\t' || *s == '\r') { space = 1; continue; }
        if (space) fputc(' ', stdout);
        space = 0;
        fputc(*s, stdout);
    }
}

static int on_hit(void *user, const edgr_hit *h)
{
    hits *c = user;
    c->n++;
    if (c->json) {
        if (edgr_hit_write_json(h, write_stdout, NULL) || write_stdout(NULL, "\n", 1)) return 1;
    } else {
        char section[64];
        if (h->item) snprintf(section, sizeof section, "%s%s%sItem %s", h->part ? "Part " : "",
                              h->part ? h->part : "", h->part ? " " : "", h->item);
        else snprintf(section, sizeof section, "%s", h->doc_type ? h->doc_type : "document");
        printf("%s%s  %-8s %-20s  %.40s  (%s, doc %ld)\n", c->n > 1 ? "\n" : "",
               h->filing_date ? h->filing_date : "?", h->type ? h->type : "?",
               h->accession_number ? h->accession_number : "?",
               h->conformed_name ? h->conformed_name : "?", section, h->document);
        fputs("    ", stdout);
        one_line(h->snippet);
        fputc('\n', stdout);
    }
    return ferror(stdout) != 0;
}

int cmd_search_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("search", argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("search", a.db);
    if (!st) return EXIT_STORE;
    hits c = {.json = a.json, .tty = isatty(1)};
    a.q.match = a.arg;
    if (a.json) { a.q.mark_open = "<mark>"; a.q.mark_close = "</mark>"; }
    else if (cli_color(1)) { a.q.mark_open = "\033[1;31m"; a.q.mark_close = "\033[0m"; }
    edgr_status s = edgr_store_search(st, &a.q, on_hit, &c);
    if (s == EDGR_ERR_QUERY) {
        rc = cli_usage("search", "%s", edgr_store_error(st));
    } else if (s == EDGR_ERR_STORE || s == EDGR_ERR_NOMEM) {
        cli_eprintf("edgr search: %s: %s\n", a.db, edgr_store_error(st));
        rc = EXIT_STORE;
    } else {
        rc = c.n ? EXIT_OK : EXIT_NO_HITS;
    }
    edgr_store_close(st);
    return finish_output(rc);
}

/* ---- show and company ------------------------------------------------------ */

int cmd_show_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("show", argc, argv, &a);
    if (rc >= 0) return rc;
    char key[STORE_KEY_LEN + 1];
    if (store_key_parse(a.arg, key)) a.arg = key; /* with or without dashes */
    edgr_store *st = open_store("show", a.db);
    if (!st) return EXIT_STORE;
    edgr_status s = edgr_store_show(st, a.arg, a.text, a.pretty ? EDGR_JSON_PRETTY : 0, write_stdout, NULL);
    if (s == EDGR_OK) fputc('\n', stdout);
    else if (s != EDGR_ERR_ABORTED) cli_eprintf("edgr show: %s\n", edgr_store_error(st));
    rc = s == EDGR_OK ? EXIT_OK : s == EDGR_ERR_NOT_FOUND ? EXIT_SOME_FAILED : s == EDGR_ERR_ABORTED ? EXIT_OK : EXIT_STORE;
    edgr_store_close(st);
    return finish_output(rc);
}

int cmd_company_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("company", argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("company", a.db);
    if (!st) return EXIT_STORE;
    edgr_status s = edgr_store_company(st, a.arg, a.q.limit ? a.q.limit : 20,
                                       a.pretty ? EDGR_JSON_PRETTY : 0, write_stdout, NULL);
    if (s != EDGR_OK && s != EDGR_ERR_ABORTED) cli_eprintf("edgr company: %s\n", edgr_store_error(st));
    rc = s == EDGR_OK || s == EDGR_ERR_ABORTED ? EXIT_OK : s == EDGR_ERR_NOT_FOUND ? EXIT_SOME_FAILED : EXIT_STORE;
    edgr_store_close(st);
    return finish_output(rc);
}

/* ---- facts-of and frames: the SEC's XBRL views (issue 14) ------------------ */

static int view_rc(const char *cmd, edgr_store *st, edgr_status s)
{
    if (s != EDGR_OK && s != EDGR_ERR_ABORTED) cli_eprintf("edgr %s: %s\n", cmd, edgr_store_error(st));
    int rc = s == EDGR_OK || s == EDGR_ERR_ABORTED ? EXIT_OK
             : s == EDGR_ERR_NOT_FOUND            ? EXIT_SOME_FAILED
             : s == EDGR_ERR_ARG                  ? EXIT_USAGE
                                                  : EXIT_STORE;
    edgr_store_close(st);
    return finish_output(rc);
}

int cmd_facts_of_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("facts-of", argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("facts-of", a.db);
    if (!st) return EXIT_STORE;
    return view_rc("facts-of", st, edgr_store_company_facts(st, a.arg, a.concept, a.pretty ? EDGR_JSON_PRETTY : 0,
                                                            write_stdout, NULL));
}

int cmd_frames_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("frames", argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("frames", a.db);
    if (!st) return EXIT_STORE;
    return view_rc("frames", st, edgr_store_frame(st, a.args[0], a.args[1], a.args[2],
                                                  a.pretty ? EDGR_JSON_PRETTY : 0, write_stdout, NULL));
}

/* ---- insiders and holders: rows of Forms 3/4/5 and 13F (issue 15) --------- */

int cmd_insiders_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("insiders", argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("insiders", a.db);
    if (!st) return EXIT_STORE;
    edgr_insider_query q = {.struct_size = sizeof q, .cik = a.arg, .owner = a.owner, .code = a.code,
                            .from = a.q.from, .to = a.q.to, .limit = a.q.limit};
    return view_rc("insiders", st, edgr_store_insiders(st, &q, write_stdout, NULL));
}

int cmd_holders_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("holders", argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("holders", a.db);
    if (!st) return EXIT_STORE;
    edgr_holders_query q = {.struct_size = sizeof q, .cusip = a.arg, .period = a.period, .manager = a.manager,
                            .limit = a.q.limit};
    return view_rc("holders", st, edgr_store_holders(st, &q, write_stdout, NULL));
}

/* ---- edgr cat ACCESSION ------------------------------------------------------ */

/* "0001144204-17-013452", "000114420417013452" or a bare document's
 * "sha256:..." key (accession.c) */
int looks_like_accession(const char *s)
{
    char key[STORE_KEY_LEN + 1];
    return store_key_parse(s, key);
}

/* ---- the recorded source, read in pieces ---- */

/* A stored filing's bytes read back from its source: the file from
 * `offset` for `length` bytes, or the archive member (read again through
 * archive_in_open(), which checks gzip's CRC-32 as ingest did) from
 * `offset`.  The one place cat reads a source; a
 * unit (src.u) hands the bytes out in SRC_CHUNK pieces, and `raw` hashes
 * them as they go (cat compares its two passes). */
enum { SRC_CHUNK = 1 << 20 };
typedef struct src_reader {
    unit u;
    const edgr_source *src;
    FILE *fp;
    archive_in ar;   /* ar.a: the archive, or NULL */
    struct archive *a;
    uint64_t left;   /* bytes of the filing still to read */
    char *buf;
    edgr_sha256 *raw;
} src_reader;

static int src_next(unit *u, const char **p, size_t *n, char *err, size_t errlen)
{
    src_reader *r = u->state;
    if (!r->left) return 0;
    size_t want = r->left < SRC_CHUNK ? (size_t)r->left : SRC_CHUNK;
    size_t got = 0;
    if (r->fp) {
        got = fread(r->buf, 1, want, r->fp);
        if (!got && ferror(r->fp)) {
            snprintf(err, errlen, "cannot read the source: %s", strerror(errno));
            return -1;
        }
    } else {
        la_ssize_t k = archive_read_data(r->a, r->buf, want);
        if (k < 0) {
            const char *gz = archive_in_damage(&r->ar);
            snprintf(err, errlen, "cannot read the source archive: %s", gz ? gz : archive_error_string(r->a));
            return -1;
        }
        got = (size_t)k;
    }
    if (!got) {
        snprintf(err, errlen, "the source ends %llu bytes short of the %llu ingested: it changed since (ingest it again)",
                 (unsigned long long)r->left, (unsigned long long)r->src->length);
        return -1;
    }
    r->left -= got;
    edgr_sha256_update(r->raw, r->buf, got);
    *p = r->buf;
    *n = got;
    return 1;
}

static void src_close(src_reader *r)
{
    if (r->fp) fclose(r->fp);
    archive_in_close(&r->ar); /* a no-op when none was opened */
    free(r->buf);
    edgr_sha256_free(r->raw);
    memset(r, 0, sizeof *r);
}

/* 0, or -1 with the reason in msg (r closed). */
static int src_open(src_reader *r, const edgr_source *src, const char *name, char *msg, size_t msglen)
{
    memset(r, 0, sizeof *r);
    r->src = src;
    r->left = src->length;
    r->u.name = name;
    r->u.path = src->path;
    r->u.next = src_next;
    r->u.state = r;
    if (!strcmp(src->path, "<stdin>")) { /* what ingest names '-' */
        snprintf(msg, msglen, "this filing was read from standard input, whose bytes are not kept: "
                              "ingest it from a file for 'edgr cat'");
        return -1;
    }
    r->buf = malloc(SRC_CHUNK);
    r->raw = edgr_sha256_new();
    if (!r->buf || !r->raw) {
        snprintf(msg, msglen, "out of memory");
        src_close(r);
        return -1;
    }
    if (!src->member) {
        r->fp = fopen(src->path, "rb");
        if (!r->fp || fseeko(r->fp, (off_t)src->offset, SEEK_SET) != 0) {
            snprintf(msg, msglen, "%s: cannot open the source of this filing: %s", src->path, strerror(errno));
            src_close(r);
            return -1;
        }
        return 0;
    }
    char why[256];
    if (archive_in_open(&r->ar, src->path, NULL, why, sizeof why)) {
        snprintf(msg, msglen, "%s: cannot open the source archive: %.200s", src->path, why);
        src_close(r);
        return -1;
    }
    r->a = r->ar.a;
    struct archive_entry *e;
    int h;
    while ((h = archive_read_next_header(r->a, &e)) == ARCHIVE_OK) {
        const char *m = archive_entry_pathname(e);
        /* a single compressed file is one stream, whatever its name */
        if (archive_format(r->a) != ARCHIVE_FORMAT_RAW && (!m || strcmp(m, src->member))) continue;
        for (uint64_t skip = src->offset; skip > 0;) {
            la_ssize_t k = archive_read_data(r->a, r->buf, skip < SRC_CHUNK ? (size_t)skip : SRC_CHUNK);
            if (k <= 0) {
                snprintf(msg, msglen, "%s: member %s ends before the filing stored from it: it changed since "
                                      "(ingest it again)", src->path, src->member);
                src_close(r);
                return -1;
            }
            skip -= (uint64_t)k;
        }
        return 0;
    }
    if (h == ARCHIVE_EOF)
        snprintf(msg, msglen, "%s: member %s is no longer in the archive", src->path, src->member);
    else
        snprintf(msg, msglen, "%s: cannot read the source archive: %s", src->path, archive_error_string(r->a));
    src_close(r);
    return -1;
}

/* All of it, for a bare document (at most `limit` bytes); NULL with the
 * reason in msg. */
static char *src_read_all(src_reader *r, uint64_t limit, size_t *len, char *msg, size_t msglen)
{
    if (r->src->length > limit) {
        snprintf(msg, msglen, "%s: a bare document of %llu bytes, over the %llu cat reads whole",
                 r->u.name, (unsigned long long)r->src->length, (unsigned long long)limit);
        return NULL;
    }
    char *data = malloc(r->src->length ? (size_t)r->src->length : 1);
    if (!data) { snprintf(msg, msglen, "%s: out of memory", r->u.name); return NULL; }
    const char *p;
    size_t n;
    int k;
    *len = 0;
    char why[256];
    while ((k = src_next(&r->u, &p, &n, why, sizeof why)) == 1) {
        memcpy(data + *len, p, n);
        *len += n;
    }
    if (k < 0) {
        snprintf(msg, msglen, "%s: %zu: %s", r->u.name, *len, why);
        free(data);
        return NULL;
    }
    return data;
}

/* A filing stored from a bare document (no SEC header): its one document. */
static int stored_bare(const char *data, size_t len)
{
    edgr_parser *ps = edgr_parser_new();
    if (!ps) return 0;
    const edgr_submission *s = NULL;
    size_t used = 0;
    int bare = edgr_parse(ps, data, len, 0, EDGR_PARSE_HEADER_ONLY, &s, &used) == EDGR_ERR_NOT_EDGAR;
    edgr_parser_free(ps);
    return bare;
}

/* Its document is sequence 1, or the name it was stored from. */
static int cat_bare(const opts *o, const char *name, const char *data, size_t len, sink *out, sink *err)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *sel = o->doc_selector ? o->doc_selector : "1";
    if (strcmp(sel, "1") && strcmp(sel, base)) {
        sink_printf(err, "%s: 0: no document with sequence or filename \"%s\" (a bare document: "
                         "its one document is 1)\n", name, sel);
        return 1;
    }
    edgr_document d;
    edgr_document_bare(data, len, &d);
    if (d.format != EDGR_FMT_UUENCODED && d.format != EDGR_FMT_PDF) {
        /* text: written from where it lies, converted a piece at a time */
        if (o->raw || d.charset != EDGR_CS_CP1252) {
            sink_write(out, d.body.ptr, d.body.len);
            return out->failed;
        }
        sink_write_cp1252(out, d.body.ptr, d.body.len);
        return out->failed;
    }
    edgr_buf body = {0};
    edgr_status st = edgr_document_decode(&d, o->raw ? 0 : EDGR_DECODE_UTF8, &body);
    sink_write(out, body.data, body.len);
    edgr_buf_free(&body);
    if (st != EDGR_OK) sink_printf(err, "%s: 0: %s\n", name, edgr_strerror(st));
    return st != EDGR_OK;
}

/* ---- cat: what is served is what was ingested ---- */

/* The SHA-256 the store took of document `seq` at ingest (show's JSON:
 * "documents":[{"sequence":N,...,"sha256":"..."}]; a quote inside a JSON
 * string is escaped, so these keys cannot be forged by a value); 0 if it
 * has none. */
static int stored_sha(const edgr_buf *show, long long seq, char out[65])
{
    if (!show->data) return 0;
    char *js = strndup(show->data, show->len);
    if (!js) return 0;
    int got = 0;
    const char *docs = strstr(js, "\"documents\":[");
    char key[48];
    snprintf(key, sizeof key, "{\"sequence\":%lld,", seq);
    const char *d = docs ? strstr(docs, key) : NULL;
    if (d) {
        const char *next = strstr(d + 1, "{\"sequence\":");
        const char *h = strstr(d, "\"sha256\":\"");
        if (h && (!next || h < next)) {
            h += 10;
            size_t n = strspn(h, "0123456789abcdef");
            if (n == 64 && h[64] == '"') {
                memcpy(out, h, 64);
                out[64] = 0;
                got = 1;
            }
        }
    }
    free(js);
    return got;
}

/* 1 (said, naming the source) if the document cat would serve from `data`
 * is not what was ingested: its SHA-256 differs from the store's.  A
 * document not found, or a store without its hash, is left to cat. */
static int source_changed(const opts *o, const char *name, const char *data, size_t len, int bare,
                          const edgr_buf *show)
{
    const char *sel = o->doc_selector ? o->doc_selector : "1";
    edgr_document bd;
    const edgr_document *d = NULL;
    long long seq = 1;
    edgr_parser *ps = NULL;
    if (bare) {
        edgr_document_bare(data, len, &bd);
        d = &bd;
    } else if ((ps = edgr_parser_new())) {
        const edgr_submission *s = NULL;
        size_t used = 0;
        if (edgr_parse(ps, data, len, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK && s)
            for (size_t i = 0; i < s->doc_count && !d; i++) {
                const edgr_document *x = &s->docs[i];
                long long q = x->sequence >= 0 ? (long long)x->sequence : (long long)i + 1;
                if (doc_matches(sel, x)) {
                    d = x;
                    seq = q;
                }
            }
    }
    char was[65], now[65];
    int changed = d && stored_sha(show, seq, was) && edgr_document_sha256(d, now) == EDGR_OK && strcmp(was, now);
    if (changed)
        cli_eprintf("edgr cat: %s: document %lld changed since it was ingested (its SHA-256 is not "
                    "the store's); not written: ingest it again\n", name, seq);
    edgr_parser_free(ps);
    return changed;
}

/* cat's first pass over a stored filing: the SHA-256 of the document it
 * is to write (what the record hashed: its decoded body) and its charset,
 * as it streams by. */
typedef struct cat_check {
    const opts *o;
    size_t index;
    int selecting, found, nomem;
    long long seq;
    edgr_sha256 *h;
    char now[65];
    int charset;
} cat_check;

static int check_begin(void *user, const edgr_document *d)
{
    cat_check *k = user;
    k->index++;
    /* the document cat_stream will write: the same choice, or the hash
     * would vouch for another document */
    k->selecting = !k->found && doc_matches(k->o->doc_selector ? k->o->doc_selector : "1", d);
    if (!k->selecting) return 0;
    k->found = 1;
    k->seq = d->sequence >= 0 ? (long long)d->sequence : (long long)k->index;
    if (!(k->h = edgr_sha256_new())) k->nomem = 1;
    return k->nomem;
}

static int check_data(void *user, const edgr_document *d, const char *p, size_t n)
{
    cat_check *k = user;
    (void)d;
    if (k->selecting) edgr_sha256_update(k->h, p, n);
    return 0;
}

static int check_end(void *user, const edgr_document *d)
{
    cat_check *k = user;
    if (!k->selecting) return 0;
    k->selecting = 0;
    k->charset = (int)d->charset;
    if (edgr_sha256_final(k->h, k->now) != EDGR_OK) k->nomem = 1;
    return k->nomem;
}

/* The first pass: 0 (a submission, checked in k), 1 (a bare document: no
 * SEC header), or -1 (said). */
static int cat_first_pass(src_reader *r, cat_check *k)
{
    edgr_callbacks cb = {.struct_size = sizeof cb, .doc_begin = check_begin, .doc_data = check_data,
                         .doc_end = check_end};
    edgr_stream *st = edgr_stream_new(&cb, k, 0);
    if (!st) { cli_eprintf("edgr cat: %s: 0: out of memory\n", r->u.name); return -1; }
    const char *p;
    size_t n;
    char why[256] = "";
    int got;
    uint64_t at = 0;
    edgr_status s = EDGR_OK;
    while ((got = src_next(&r->u, &p, &n, why, sizeof why)) == 1 && s == EDGR_OK) {
        s = edgr_stream_feed(st, p, n);
        at += n;
    }
    if (got >= 0 && s == EDGR_OK) s = edgr_stream_finish(st);
    edgr_stream_free(st);
    edgr_sha256_free(k->h);
    k->h = NULL;
    if (got < 0) {
        cli_eprintf("edgr cat: %s: %llu: %s\n", r->u.name, (unsigned long long)at, why);
        return -1;
    }
    if (s == EDGR_ERR_NOT_EDGAR) return 1;
    if (k->nomem || s == EDGR_ERR_NOMEM || s == EDGR_ERR_LIMIT) {
        cli_eprintf("edgr cat: %s: %llu: %s\n", r->u.name, (unsigned long long)at,
                    edgr_strerror(s == EDGR_ERR_LIMIT ? s : EDGR_ERR_NOMEM));
        return -1;
    }
    return 0;
}

/* A bare document, read whole (as small as the files a filing folder
 * holds; bounded): checked and written as before. */
static int cat_stored_bare(const opts *o, src_reader *r, const edgr_buf *show)
{
    char msg[512];
    size_t len = 0;
    char *data = src_read_all(r, max_document(o), &len, msg, sizeof msg);
    if (!data) {
        cli_eprintf("edgr cat: %s\n", msg);
        return EXIT_SOME_FAILED;
    }
    int bare = stored_bare(data, len), rc;
    sink out = {.fp = stdout}, err = {.fp = stderr, .diag = 1};
    if (source_changed(o, r->u.name, data, len, bare, show)) {
        rc = 1;
    } else if (bare) {
        rc = cat_bare(o, r->u.name, data, len, &out, &err);
    } else {
        mem_unit mu;
        mem_unit_init(&mu, r->u.name, r->u.name, data, len, 0);
        rc = cat_stream(o, &mu.u, &out, &err, -1);
    }
    free(data);
    return rc ? EXIT_SOME_FAILED : EXIT_OK;
}

/* edgr cat ACCESSION SEQ: two passes over the recorded source.  The first
 * hashes the document as it streams by and compares the store's SHA-256,
 * so that a changed (or truncated, or vanished) source is refused before a
 * byte is written; it also learns the document's charset, so the second
 * pass writes it as it streams, converted or not, in constant memory.  The
 * second pass hashes the source's bytes again: a source changed between
 * the two is an error (what was written is then not the document). */
static int cat_source(const opts *o, edgr_store *st, const char *accession, const edgr_source *srcp,
                      const char *name);

int cat_from_store(const opts *o, const char *db, const char *accession)
{
    char msg[512];
    if (no_store("cat", db)) return EXIT_STORE;
    edgr_store *st = edgr_store_open(db, EDGR_STORE_READONLY, msg, sizeof msg);
    if (!st) {
        store_open_failed("cat", db, msg);
        return EXIT_STORE;
    }
    edgr_source src = EDGR_SOURCE_INIT;
    char key[STORE_KEY_LEN + 1];
    if (store_key_parse(accession, key)) accession = key; /* with or without dashes */
    edgr_status ss = edgr_store_source(st, accession, &src);
    if (ss != EDGR_OK) {
        cli_eprintf("edgr cat: %s\n", edgr_store_error(st));
        edgr_store_close(st);
        return ss == EDGR_ERR_NOT_FOUND ? EXIT_SOME_FAILED : EXIT_STORE;
    }
    char name[8192];
    snprintf(name, sizeof name, "%s%s%s", src.path, src.member ? ":" : "", src.member ? src.member : "");
    /* the source's names are the store's until it is closed: kept */
    char *path = strdup(src.path), *member = src.member ? strdup(src.member) : NULL;
    if (!path || (src.member && !member)) {
        free(path);
        edgr_store_close(st);
        cli_eprintf("edgr cat: %s: 0: out of memory\n", name);
        return EXIT_SOME_FAILED;
    }
    src.path = path;
    src.member = member;
    int rc = cat_source(o, st, accession, &src, name);
    free(path);
    free(member);
    return finish_output(rc);
}

/* cat_from_store's work once the store has named the source (and is to be
 * closed here); returns the exit code. */
static int cat_source(const opts *o, edgr_store *st, const char *accession, const edgr_source *srcp,
                      const char *name)
{
    char msg[512];
    const edgr_source src = *srcp;
    src_reader r;
    int opened = src_open(&r, &src, name, msg, sizeof msg) == 0;
    edgr_buf show = {0};
    sink shown = {.mem = &show};
    if (opened && edgr_store_show(st, accession, 0, 0, sink_write_cb, &shown) != EDGR_OK)
        edgr_buf_free(&show); /* no hashes to check against */
    edgr_store_close(st);
    if (!opened) {
        cli_eprintf("edgr cat: %s\n", msg);
        return EXIT_SOME_FAILED;
    }
    cat_check k = {.o = o, .charset = -1};
    int first = cat_first_pass(&r, &k);
    char raw1[65] = "";
    if (first == 0 && edgr_sha256_final(r.raw, raw1) != EDGR_OK) {
        cli_eprintf("edgr cat: %s: 0: out of memory\n", name);
        first = -1;
    }
    src_close(&r);
    if (first == 1) { /* a bare document: its own reading */
        int rc = src_open(&r, &src, name, msg, sizeof msg) ? (cli_eprintf("edgr cat: %s\n", msg), EXIT_SOME_FAILED)
                                                            : cat_stored_bare(o, &r, &show);
        if (r.src) src_close(&r);
        edgr_buf_free(&show);
        return rc;
    }
    char was[65];
    int changed = first == 0 && k.found && stored_sha(&show, k.seq, was) && strcmp(was, k.now);
    edgr_buf_free(&show);
    if (changed)
        cli_eprintf("edgr cat: %s: document %lld changed since it was ingested (its SHA-256 is not "
                    "the store's); not written: ingest it again\n", name, k.seq);
    if (first < 0 || changed) return EXIT_SOME_FAILED;
    if (src_open(&r, &src, name, msg, sizeof msg)) {
        cli_eprintf("edgr cat: %s\n", msg);
        return EXIT_SOME_FAILED;
    }
    sink out = {.fp = stdout}, err = {.fp = stderr, .diag = 1};
    int rc = cat_stream(o, &r.u, &out, &err, k.found ? k.charset : -1);
    char raw2[65] = "";
    if (!rc && !r.left && (edgr_sha256_final(r.raw, raw2) != EDGR_OK || strcmp(raw1, raw2))) {
        cli_eprintf("edgr cat: %s: the source changed while it was read: what was written is not the "
                    "document ingested\n", name);
        rc = 1;
    }
    src_close(&r);
    return rc ? EXIT_SOME_FAILED : EXIT_OK;
}
