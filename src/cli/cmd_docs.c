/* edgr docs (a table of documents) and edgr cat (one document's body). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct dctx {
    const opts *o;
    unit *u;
    sink *out, *err;
    int saw_error;
    int printed_header;
    /* docs: a file's first filing, held until the file shows whether it
     * holds others (then every one is named) */
    int filings;
    edgr_buf held;
    char held_acc[64];
    /* cat */
    int selecting;     /* the current document is the one asked for */
    int found;
    int text_utf8;     /* transcode this document */
    int charset;       /* its edgr_charset when known before, else -1 */
    int mode;          /* CAT_AS_IS ...: how its bytes go out */
    edgr_buf conv;     /* held bytes, while the charset is undecided */
    FILE *spill;       /* and those beyond CAT_HOLD_MEM */
    unsigned u8need, u8lo, u8hi; /* the UTF-8 sequence being checked */
    char cat_error[320]; /* why the document could not be written */
} dctx;

static void cell(sink *s, edgr_span v, int width)
{
    int n = v.ptr ? (int)(v.len > 200 ? 200 : v.len) : 0;
    for (int i = 0; i < n; i++) {
        char c = v.ptr[i];
        sink_write(s, (c == '\t' || c == '\n' || c == '\r') ? " " : &c, 1);
    }
    for (int i = n; i < width; i++) sink_write(s, " ", 1);
}

static void name_line(sink *out, const char *name, const char *acc)
{
    sink_printf(out, "==> %s", name);
    if (acc[0]) sink_printf(out, " (%s)", acc);
    sink_write(out, " <==\n", 5);
}

/* The held first filing's table: named (others follow) or as it is. */
static void flush_held(dctx *c, int named)
{
    if (!c->held.len) return;
    if (named) name_line(c->out, c->u->name, c->held_acc);
    sink_write(c->out, c->held.data, c->held.len);
    if (named) sink_write(c->out, "\n", 1);
    c->held.len = 0;
}

static int docs_submission(void *user, const edgr_submission *s)
{
    dctx *c = user;
    if (submission_failed(c->u, s, c->err, c->o->quiet)) c->saw_error = 1;
    if (s->container == EDGR_C_NONE) return 0;
    if (!s->doc_count) {
        if (nothing_to_show(c->u->name, c->u->walked, c->o, c->err, s->header_end,
                            "no document to list (a header only)"))
            c->saw_error = 1;
        return 0;
    }
    if (c->o->json) { /* the documents as parse gives them (docs/fields.md) */
        edgr_json_source src = unit_json_source(c->u);
        edgr_write_json(s, &src, EDGR_JSON_BRIEF | (c->o->pretty ? EDGR_JSON_PRETTY : 0), sink_write_cb,
                        c->out);
        sink_write(c->out, "\n", 1);
        return c->out->failed;
    }
    /* several filings (inputs, or filings of one file): each table after a
     * "==> NAME (ACCESSION) <==" line, as head(1) does; one filing alone:
     * the table only */
    edgr_span acc = edgr_get(s, "accession_number");
    char accs[64];
    snprintf(accs, sizeof accs, "%.*s", acc.ptr ? (int)(acc.len < 63 ? acc.len : 63) : 0, acc.ptr ? acc.ptr : "");
    int named = c->o->several || c->u->walked;
    sink held = {.mem = &c->held}, *t = c->out;
    if (!named && c->filings++ == 0) { /* alone so far: held */
        snprintf(c->held_acc, sizeof c->held_acc, "%s", accs);
        t = &held;
    } else if (!named) {
        flush_held(c, 1);
        named = 1;
    }
    if (named) {
        name_line(t, c->u->name, accs);
        c->printed_header = 0;
    }
    if (!c->printed_header) {
        sink_printf(t, "%-4s %-16s %-32s %-9s %12s  %s\n", "SEQ", "TYPE", "FILENAME",
                    "FORMAT", "SIZE", "DESCRIPTION");
        c->printed_header = 1;
    }
    for (size_t i = 0; i < s->doc_count; i++) {
        const edgr_document *d = &s->docs[i];
        if (d->sequence >= 0) sink_printf(t, "%-4lld ", (long long)d->sequence);
        else cell(t, d->sequence_raw, 5);
        cell(t, d->type, 16);
        sink_write(t, " ", 1);
        cell(t, d->filename, 32);
        sink_printf(t, " %-9s %12lld  ", edgr_format_name(d->format),
                    (long long)d->decoded_size);
        cell(t, d->description, 0);
        sink_write(t, "\n", 1);
    }
    if (named) sink_write(t, "\n", 1);
    if (held.failed) { sink_printf(c->err, "%s: 0: out of memory\n", c->u->name); c->saw_error = 1; }
    return c->out->failed;
}

int cmd_docs_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    dctx c = {.o = o, .u = u, .out = out, .err = err};
    edgr_callbacks cb = {.struct_size = sizeof cb, .submission_end = docs_submission};
    int rc = feed_unit(u, &cb, &c, 0, err, o->quiet, &c.saw_error);
    flush_held(&c, 0); /* the file's one filing */
    edgr_buf_free(&c.held);
    return rc;
}

/* ---- cat ---- */

/* cat writes the document as it streams by, never holding it whole.  Text
 * is made UTF-8 by one decision for the whole document (valid UTF-8 is
 * written as it is, anything else is read as Windows-1252), which a stream
 * cannot know in advance, so a text body is written:
 *   - as it is, or converted, when the caller knows its charset (the store
 *     form, from its first pass: cat_stream's `charset`);
 *   - else as it comes while it is ASCII (the same either way); from its
 *     first other byte it is held -- in memory up to CAT_HOLD_MEM, then in
 *     a temporary file -- until a byte that is not UTF-8 settles it
 *     (Windows-1252: the held bytes and the rest are converted as they
 *     come) or the document ends (the stream's charset decides).
 * So an ASCII or Windows-1252 body streams in constant memory, and only a
 * large body of valid UTF-8 read once (a pipe, an archive) takes disk. */
enum { CAT_HOLD_MEM = 8 << 20, CAT_CONV_CHUNK = 1 << 16 };
enum { CAT_AS_IS, CAT_CONVERT, CAT_ASCII_SO_FAR, CAT_HOLDING };

int doc_matches(const char *sel, const edgr_document *d)
{
    char *end;
    long long v = strtoll(sel, &end, 10);
    if (*sel && !*end) return d->sequence == v;
    size_t n = strlen(sel);
    return d->filename.len == n && memcmp(d->filename.ptr, sel, n) == 0;
}

/* Not UTF-8 whatever follows: a byte no sequence allows here (the
 * sequence state is carried across pieces in c). */
static int cat_not_utf8(dctx *c, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned b = p[i];
        if (c->u8need) {
            if (b < c->u8lo || b > c->u8hi) return 1;
            c->u8need--;
            c->u8lo = 0x80;
            c->u8hi = 0xBF;
            continue;
        }
        if (b < 0x80) continue;
        c->u8lo = 0x80;
        c->u8hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) c->u8need = 1;
        else if (b == 0xE0) c->u8need = 2, c->u8lo = 0xA0;
        else if (b == 0xED) c->u8need = 2, c->u8hi = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF) c->u8need = 2;
        else if (b == 0xF0) c->u8need = 3, c->u8lo = 0x90;
        else if (b == 0xF4) c->u8need = 3, c->u8hi = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3) c->u8need = 3;
        else return 1;
    }
    return 0;
}

static int cat_fail(dctx *c, const char *what, const char *why)
{
    if (!c->cat_error[0]) snprintf(c->cat_error, sizeof c->cat_error, "%s: %s", what, why);
    return 1;
}


static int cat_hold(dctx *c, const char *p, size_t n)
{
    if (!c->spill && c->conv.len + n <= CAT_HOLD_MEM) {
        if (c->conv.len + n > c->conv.cap) {
            char *b = realloc(c->conv.data, CAT_HOLD_MEM);
            if (!b) return cat_fail(c, "cannot hold the document until its charset is known", "out of memory");
            c->conv.data = b;
            c->conv.cap = CAT_HOLD_MEM;
        }
        memcpy(c->conv.data + c->conv.len, p, n);
        c->conv.len += n;
        return 0;
    }
    if (!c->spill) { /* a temporary file, gone when closed */
        const char *dir = getenv("TMPDIR");
        char path[4096];
        snprintf(path, sizeof path, "%s/edgr-cat.XXXXXX", dir && *dir ? dir : "/tmp");
        int fd = mkstemp(path);
        if (fd < 0) return cat_fail(c, "cannot hold the document until its charset is known", strerror(errno));
        unlink(path);
        c->spill = fdopen(fd, "w+b");
        if (!c->spill) { close(fd); return cat_fail(c, "cannot hold the document until its charset is known", strerror(errno)); }
    }
    if (c->conv.len && fwrite(c->conv.data, 1, c->conv.len, c->spill) != c->conv.len)
        return cat_fail(c, "cannot hold the document until its charset is known", strerror(errno));
    c->conv.len = 0;
    if (fwrite(p, 1, n, c->spill) != n)
        return cat_fail(c, "cannot hold the document until its charset is known", strerror(errno));
    return 0;
}

/* The held bytes out, as they are or converted; then none are held. */
static int cat_release(dctx *c, int convert)
{
    int rc = 0;
    if (c->spill) {
        if (fflush(c->spill) || fseeko(c->spill, 0, SEEK_SET))
            rc = cat_fail(c, "cannot read back the held document", strerror(errno));
        char buf[CAT_CONV_CHUNK];
        size_t k;
        while (!rc && !c->out->failed && (k = fread(buf, 1, sizeof buf, c->spill)) > 0) {
            if (convert) sink_write_cp1252(c->out, buf, k);
            else sink_write(c->out, buf, k);
        }
        if (!rc && ferror(c->spill)) rc = cat_fail(c, "cannot read back the held document", strerror(errno));
        fclose(c->spill);
        c->spill = NULL;
    }
    if (convert) sink_write_cp1252(c->out, c->conv.data, c->conv.len);
    else sink_write(c->out, c->conv.data, c->conv.len);
    c->conv.len = 0;
    return rc || c->out->failed;
}

static int cat_begin(void *user, const edgr_document *d)
{
    dctx *c = user;
    c->selecting = !c->found && doc_matches(c->o->doc_selector, d);
    if (c->selecting) c->found = 1;
    c->text_utf8 = !c->o->raw && d->format != EDGR_FMT_UUENCODED && d->format != EDGR_FMT_PDF;
    c->mode = !c->text_utf8 ? CAT_AS_IS
            : c->charset == EDGR_CS_CP1252 ? CAT_CONVERT
            : c->charset >= 0 ? CAT_AS_IS : CAT_ASCII_SO_FAR;
    c->u8need = 0;
    return 0;
}

static int cat_data(void *user, const edgr_document *d, const char *p, size_t n)
{
    dctx *c = user;
    (void)d;
    if (!c->selecting) return 0;
    switch (c->mode) {
    case CAT_AS_IS: sink_write(c->out, p, n); break;
    case CAT_CONVERT: sink_write_cp1252(c->out, p, n); break;
    case CAT_ASCII_SO_FAR: {
        size_t i = 0;
        while (i < n && (unsigned char)p[i] < 0x80) i++;
        sink_write(c->out, p, i);
        if (i == n) break;
        c->mode = CAT_HOLDING;
        p += i;
        n -= i;
    } /* fall through */
    case CAT_HOLDING:
        if (cat_hold(c, p, n)) return 1;
        if (cat_not_utf8(c, (const unsigned char *)p, n)) {
            c->mode = CAT_CONVERT; /* settled: Windows-1252 */
            if (cat_release(c, 1)) return 1;
        }
        break;
    }
    return c->out->failed;
}

static int cat_end(void *user, const edgr_document *d)
{
    dctx *c = user;
    if (!c->selecting) return 0;
    c->selecting = 0;
    if (c->mode == CAT_HOLDING && cat_release(c, d->charset == EDGR_CS_CP1252)) return 1;
    return c->out->failed;
}

static int cat_submission(void *user, const edgr_submission *s)
{
    dctx *c = user;
    c->filings++;
    if (submission_failed(c->u, s, c->err, c->o->quiet)) c->saw_error = 1;
    return 0;
}

int cat_stream(const opts *o, unit *u, sink *out, sink *err, int charset)
{
    dctx c = {.o = o, .u = u, .out = out, .err = err, .charset = charset};
    edgr_callbacks cb = {.struct_size = sizeof cb, .doc_begin = cat_begin, .doc_data = cat_data, .doc_end = cat_end,
                         .submission_end = cat_submission};
    int rc = feed_unit(u, &cb, &c, 0, err, o->quiet, &c.saw_error);
    if (c.spill) fclose(c.spill);
    edgr_buf_free(&c.conv);
    if (c.cat_error[0]) {
        sink_printf(err, "%s: 0: document \"%s\": %s\n", u->name, o->doc_selector, c.cat_error);
        return 1;
    }
    if (out->failed) return 1;
    /* an input that failed before any submission (an empty one) is said already */
    if (!c.found && (c.filings || !rc)) {
        sink_printf(err, "%s: 0: no document with sequence or filename \"%s\"\n", u->name,
                    o->doc_selector);
        rc = 1;
    }
    return rc;
}

int cmd_cat_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    return cat_stream(o, u, out, err, -1);
}
