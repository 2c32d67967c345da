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
#include "edgr/store.h"

static const char HELP_SEARCH[] =
    "usage: edgr search [options] QUERY\n"
    "\n"
    "Full-text search of the filings in the store (see 'edgr ingest').  QUERY\n"
    "uses SQLite FTS5 syntax; words are stemmed (\"recognize\" finds\n"
    "\"recognizing\") and accents ignored:\n"
    "  revenue recognition            both words (AND is implied)\n"
    "  \"multiple myeloma\"             the phrase\n"
    "  tariff OR duties  /  cyber NOT insurance  /  (a OR b) AND c\n"
    "  NEAR(merger termination, 10)   within 10 words of each other\n"
    "  semicond*                      words starting with \"semicond\"\n"
    "Words with other characters (AT&T, non-GAAP, 10-K) are read as phrases.\n"
    "Each hit is a section: an item of an 8-K, 10-K or 10-Q, or a slice of\n"
    "about 8 KB of another document (an exhibit, a press release).\n"
    "\n"
    "options:\n"
    "  --db FILE          the store (default ./edgr.db)\n"
    "  --form TYPE        only this form (8-K, 10-K, 10-Q/A ...)\n"
    "  --cik N            only filings where this CIK takes part\n"
    "  --company NAME     only filings of companies with this name (exact,\n"
    "                     prefix, or part of a current or former name)\n"
    "  --from DATE        filed on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"
    "  --to DATE          filed on or before DATE\n"
    "  --item CODE        only this item (7.01, 1A, II-1A for a 10-Q's Part II)\n"
    "  --doc-type TYPE    only documents of this type (EX-99.1, 10-K ...)\n"
    "  --sort date        newest first (default: best match first, by bm25)\n"
    "  --limit N          at most N hits (default 20)\n"
    "  --offset N         skip the first N hits (paging)\n"
    "  --json             one JSON object per hit (NDJSON): accession_number,\n"
    "                     type, filing_date, cik, conformed_name, item, part,\n"
    "                     document, doc_type, filename, score, snippet (matches\n"
    "                     between <mark> and </mark>)\n"
    "\n"
    "Exit status: 0 hits found, 1 no hits, 2 usage error or malformed query,\n"
    "3 the store could not be read.\n"
    "\n"
    "examples:\n"
    "  edgr search '\"multiple myeloma\"' --form 8-K\n"
    "  edgr search 'cybersecurity AND ransomware' --from 2023 --item 1C\n"
    "  edgr search tariff* --company 'apple' --sort date --json | jq .snippet\n";

static const char HELP_SHOW[] =
    "usage: edgr show [--db FILE] [--text] [--pretty] ACCESSION\n"
    "\n"
    "Print one stored filing as JSON: its dates and items, where it came from,\n"
    "its entities with their roles, documents (type, file name, size, SHA-256),\n"
    "sections (items with titles and byte spans), exhibits, cover facts,\n"
    "signatures, and the whole header as 'edgr parse' writes it.  ACCESSION\n"
    "may be given with or without dashes (000990000117000001), or be the\n"
    "sha256: key of a bare document (see 'edgr ingest --help').\n"
    "\n"
    "options:\n"
    "  --db FILE   the store (default ./edgr.db)\n"
    "  --text      add each section's text\n"
    "  --pretty    indent the JSON (the default on a terminal)\n"
    "\n"
    "example:\n"
    "  edgr show 0009900001-17-000001 --text | jq -r '.sections[0].text'\n";

static const char HELP_COMPANY[] =
    "usage: edgr company [--db FILE] [--pretty] [--limit N] CIK|NAME\n"
    "\n"
    "Print a company's facts (name, SIC, state of incorporation, EIN, fiscal\n"
    "year end, addresses, phone, former names) and its filings in the store,\n"
    "newest first, after the SEC's submissions API, in snake_case.  A NAME\n"
    "matches a current or former name exactly, else as a prefix, else as a\n"
    "part of it; each company matched is one JSON line.\n"
    "\n"
    "options:\n"
    "  --db FILE   the store (default ./edgr.db)\n"
    "  --limit N   at most N companies for a NAME (default 20)\n"
    "  --pretty    indent the JSON (the default on a terminal)\n"
    "\n"
    "examples:\n"
    "  edgr company 1279704\n"
    "  edgr company 'cellectar' | jq -r '.filings[].accession_number'\n";

enum { EXIT_NO_HITS = 1, EXIT_STORE = 3 };

long parse_count(const char *v, long lo, long hi)
{
    char *end;
    errno = 0;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    if (!v || !*v || *end || errno || n < lo || n > hi) return -1;
    return n;
}

/* Options the three commands share, and one positional argument. */
typedef struct qargs {
    const char *db, *arg;
    int pretty, text, json;
    edgr_query q;
} qargs;

__attribute__((format(printf, 2, 3)))
static int usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "edgr %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'edgr %s --help'.\n", cmd);
    return EXIT_USAGE;
}

/* Returns -1 to go on, or an exit code. */
static int parse_args(const char *cmd, const char *help, int argc, char **argv, qargs *a)
{
    a->db = "edgr.db";
    a->q.struct_size = sizeof a->q;
    a->pretty = isatty(1);
    for (int i = 2; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            fputs(help, stdout);
            return fflush(stdout) ? EXIT_SOME_FAILED : EXIT_OK;
        }
        if (s[0] != '-' || !s[1]) {
            if (a->arg) return usage(cmd, "one argument only (quote a query of several words): '%s'", s);
            a->arg = s;
            continue;
        }
        if (!strcmp(s, "--pretty")) { a->pretty = 1; continue; }
        if (!strcmp(s, "--text")) { a->text = 1; continue; }
        if (!strcmp(s, "--json")) { a->json = 1; continue; }
        if (!v) return usage(cmd, "%s needs a value", s);
        if (!strcmp(s, "--db")) a->db = v;
        else if (!strcmp(s, "--form")) a->q.form = v;
        else if (!strcmp(s, "--cik")) a->q.cik = v;
        else if (!strcmp(s, "--company")) a->q.company = v;
        else if (!strcmp(s, "--from")) a->q.from = v;
        else if (!strcmp(s, "--to")) a->q.to = v;
        else if (!strcmp(s, "--item")) a->q.item = v;
        else if (!strcmp(s, "--doc-type")) a->q.doc_type = v;
        else if (!strcmp(s, "--sort")) {
            if (!strcmp(v, "date")) a->q.sort_by_date = 1;
            else if (strcmp(v, "rank")) return usage(cmd, "--sort takes 'date' or 'rank', not '%s'", v);
        } else if (!strcmp(s, "--limit") || !strcmp(s, "--offset")) {
            long n = parse_count(v, s[2] == 'l' ? 1 : 0, 1000000);
            if (n < 0) return usage(cmd, "--limit and --offset take a number, not '%s'", v);
            if (s[2] == 'l') a->q.limit = n;
            else a->q.offset = n;
        } else {
            takes = 0;
        }
        if (!takes) return usage(cmd, "unknown option '%s'", s);
        i++;
    }
    if (!a->arg) return usage(cmd, "%s", !strcmp(cmd, "search") ? "needs a QUERY" : "needs an argument");
    return -1;
}

/* The library's message, and what to do about it in this program's terms
 * (the library names no command). */
static void store_open_failed(const char *cmd, const char *db, const char *msg)
{
    fprintf(stderr, "edgr %s: %s\n", cmd, msg);
    if (strstr(msg, "no store here"))
        fprintf(stderr, "edgr %s: create one with 'edgr ingest --db %s FILE...'\n", cmd, db);
    else if (strstr(msg, "an older store"))
        fprintf(stderr, "edgr %s: upgrade it with 'edgr ingest --db %s' (no files needed)\n", cmd, db);
}

static edgr_store *open_store(const char *cmd, const char *db)
{
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

static int finish_stdout(int rc)
{
    if (fflush(stdout) != 0 && errno != EPIPE) {
        fprintf(stderr, "edgr: writing output failed: %s\n", strerror(errno));
        return EXIT_SOME_FAILED;
    }
    return rc;
}

/* ---- search --------------------------------------------------------------- */

typedef struct hits {
    int json, tty;
    long n;
} hits;

static void json_field(sink *out, const char *k, const char *v, int comma)
{
    sink_printf(out, "%s\"%s\":", comma ? "," : "", k);
    if (v) sink_json_str(out, v, strlen(v));
    else sink_write(out, "null", 4);
}

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
        sink out = {.fp = stdout};
        sink_write(&out, "{", 1);
        json_field(&out, "accession_number", h->accession, 0);
        json_field(&out, "type", h->form, 1);
        json_field(&out, "filing_date", h->filing_date, 1);
        json_field(&out, "cik", h->cik, 1);
        json_field(&out, "conformed_name", h->company, 1);
        /* one item code: a row under a combined heading ("Items 1 and 2")
         * names the first, as show's sections do each */
        sink_write(&out, ",\"item\":", 8);
        if (h->item) sink_json_str(&out, h->item, strcspn(h->item, ","));
        else sink_write(&out, "null", 4);
        json_field(&out, "part", h->part, 1);
        sink_printf(&out, ",\"document\":%ld", h->doc);
        json_field(&out, "doc_type", h->doc_type, 1);
        json_field(&out, "filename", h->doc_filename, 1);
        sink_printf(&out, ",\"score\":%.6g", h->score);
        json_field(&out, "snippet", h->snippet, 1);
        sink_write(&out, "}\n", 2);
    } else {
        char section[64];
        if (h->item) snprintf(section, sizeof section, "%s%s%sItem %s", h->part ? "Part " : "",
                              h->part ? h->part : "", h->part ? " " : "", h->item);
        else snprintf(section, sizeof section, "%s", h->doc_type ? h->doc_type : "document");
        printf("%s%s  %-8s %-20s  %.40s  (%s, doc %ld)\n", c->n > 1 ? "\n" : "",
               h->filing_date ? h->filing_date : "?", h->form ? h->form : "?",
               h->accession ? h->accession : "?", h->company ? h->company : "?", section, h->doc);
        fputs("    ", stdout);
        one_line(h->snippet);
        fputc('\n', stdout);
    }
    return ferror(stdout) != 0;
}

int cmd_search_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("search", HELP_SEARCH, argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("search", a.db);
    if (!st) return EXIT_STORE;
    hits c = {.json = a.json, .tty = isatty(1)};
    a.q.match = a.arg;
    if (a.json) { a.q.mark_open = "<mark>"; a.q.mark_close = "</mark>"; }
    else if (c.tty) { a.q.mark_open = "\033[1;31m"; a.q.mark_close = "\033[0m"; }
    edgr_status s = edgr_store_search(st, &a.q, on_hit, &c);
    if (s == EDGR_ERR_QUERY) {
        fprintf(stderr, "edgr search: %s\nTry 'edgr search --help'.\n", edgr_store_error(st));
        rc = EXIT_USAGE;
    } else if (s == EDGR_ERR_STORE || s == EDGR_ERR_NOMEM) {
        fprintf(stderr, "edgr search: %s: %s\n", a.db, edgr_store_error(st));
        rc = EXIT_STORE;
    } else {
        rc = c.n ? EXIT_OK : EXIT_NO_HITS;
    }
    edgr_store_close(st);
    return finish_stdout(rc);
}

/* ---- show and company ------------------------------------------------------ */

int cmd_show_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("show", HELP_SHOW, argc, argv, &a);
    if (rc >= 0) return rc;
    char key[STORE_KEY_LEN + 1];
    if (store_key_parse(a.arg, key)) a.arg = key; /* with or without dashes */
    edgr_store *st = open_store("show", a.db);
    if (!st) return EXIT_STORE;
    edgr_status s = edgr_store_show(st, a.arg, a.text, a.pretty ? EDGR_JSON_PRETTY : 0, write_stdout, NULL);
    if (s == EDGR_OK) fputc('\n', stdout);
    else if (s != EDGR_ERR_ABORTED) fprintf(stderr, "edgr show: %s\n", edgr_store_error(st));
    rc = s == EDGR_OK ? EXIT_OK : s == EDGR_ERR_NOT_FOUND ? EXIT_SOME_FAILED : s == EDGR_ERR_ABORTED ? EXIT_OK : EXIT_STORE;
    edgr_store_close(st);
    return finish_stdout(rc);
}

int cmd_company_main(int argc, char **argv)
{
    qargs a = {0};
    int rc = parse_args("company", HELP_COMPANY, argc, argv, &a);
    if (rc >= 0) return rc;
    edgr_store *st = open_store("company", a.db);
    if (!st) return EXIT_STORE;
    edgr_status s = edgr_store_company(st, a.arg, a.q.limit ? a.q.limit : 20,
                                       a.pretty ? EDGR_JSON_PRETTY : 0, write_stdout, NULL);
    if (s != EDGR_OK && s != EDGR_ERR_ABORTED) fprintf(stderr, "edgr company: %s\n", edgr_store_error(st));
    rc = s == EDGR_OK || s == EDGR_ERR_ABORTED ? EXIT_OK : s == EDGR_ERR_NOT_FOUND ? EXIT_SOME_FAILED : EXIT_STORE;
    edgr_store_close(st);
    return finish_stdout(rc);
}

/* ---- edgr cat ACCESSION ------------------------------------------------------ */

/* "0001144204-17-013452", "000114420417013452" or a bare document's
 * "sha256:..." key (accession.c) */
int looks_like_accession(const char *s)
{
    char key[STORE_KEY_LEN + 1];
    return store_key_parse(s, key);
}

/* The stored filing's bytes, read back from its source. */
static char *read_source(const edgr_source *src, size_t *len, char *msg, size_t msglen)
{
    if (!strcmp(src->path, "<stdin>")) { /* what ingest names '-' */
        snprintf(msg, msglen, "this filing was read from standard input, whose bytes are not kept: "
                              "ingest it from a file for 'edgr cat'");
        return NULL;
    }
    char *buf = malloc(src->length ? src->length : 1);
    if (!buf) { snprintf(msg, msglen, "out of memory"); return NULL; }
    if (!src->member) {
        FILE *fp = fopen(src->path, "rb");
        if (!fp || fseeko(fp, (off_t)src->offset, SEEK_SET) != 0) {
            snprintf(msg, msglen, "%s: cannot open the source of this filing: %s", src->path, strerror(errno));
            if (fp) fclose(fp);
            free(buf);
            return NULL;
        }
        *len = fread(buf, 1, src->length, fp);
        fclose(fp);
        return buf;
    }
    struct archive *a = archive_reader();
    if (!a || archive_read_open_filename(a, src->path, 1 << 20) != ARCHIVE_OK) {
        snprintf(msg, msglen, "%s: cannot open the source archive: %s", src->path, a ? archive_error_string(a) : "out of memory");
        archive_read_free(a);
        free(buf);
        return NULL;
    }
    struct archive_entry *e;
    int found = 0;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        const char *name = archive_entry_pathname(e);
        /* a single compressed file is one stream, whatever its name */
        if (archive_format(a) != ARCHIVE_FORMAT_RAW && (!name || strcmp(name, src->member))) continue;
        found = 1;
        uint64_t skip = src->offset;
        char tmp[65536];
        while (skip > 0) {
            la_ssize_t r = archive_read_data(a, tmp, skip < sizeof tmp ? (size_t)skip : sizeof tmp);
            if (r <= 0) break;
            skip -= (uint64_t)r;
        }
        *len = 0;
        while (*len < src->length) {
            la_ssize_t r = archive_read_data(a, buf + *len, src->length - *len);
            if (r <= 0) break;
            *len += (size_t)r;
        }
        break;
    }
    archive_read_free(a);
    if (!found) {
        snprintf(msg, msglen, "%s: member %s is no longer in the archive", src->path, src->member);
        free(buf);
        return NULL;
    }
    return buf;
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
    edgr_buf body = {0};
    edgr_status st = edgr_document_decode(&d, o->raw ? 0 : EDGR_DECODE_UTF8, &body);
    sink_write(out, body.data, body.len);
    edgr_buf_free(&body);
    if (st != EDGR_OK) sink_printf(err, "%s: 0: %s\n", name, edgr_strerror(st));
    return st != EDGR_OK;
}

int cat_from_store(const opts *o, const char *db, const char *accession)
{
    char msg[512];
    edgr_store *st = edgr_store_open(db, EDGR_STORE_READONLY, msg, sizeof msg);
    if (!st) {
        store_open_failed("cat", db, msg);
        return EXIT_STORE;
    }
    edgr_source src;
    char key[STORE_KEY_LEN + 1];
    if (store_key_parse(accession, key)) accession = key; /* with or without dashes */
    edgr_status ss = edgr_store_source(st, accession, &src);
    if (ss != EDGR_OK) {
        fprintf(stderr, "edgr cat: %s\n", edgr_store_error(st));
        edgr_store_close(st);
        return ss == EDGR_ERR_NOT_FOUND ? EXIT_SOME_FAILED : EXIT_STORE;
    }
    size_t len = 0;
    char *data = read_source(&src, &len, msg, sizeof msg);
    char name[8192];
    snprintf(name, sizeof name, "%s%s%s", src.path, src.member ? ":" : "", src.member ? src.member : "");
    edgr_store_close(st);
    if (!data) {
        fprintf(stderr, "edgr cat: %s\n", msg);
        return EXIT_SOME_FAILED;
    }
    sink out = {.fp = stdout}, err = {.fp = stderr};
    int rc;
    if (stored_bare(data, len)) {
        rc = cat_bare(o, name, data, len, &out, &err);
    } else {
        mem_unit mu;
        mem_unit_init(&mu, name, name, data, len, 0);
        command c = {"cat", cmd_cat_run, 0, 1};
        rc = cmd_cat_run(&c, o, &mu.u, &out, &err);
    }
    free(data);
    return finish_stdout(rc || out.failed ? EXIT_SOME_FAILED : EXIT_OK);
}
