/* edgr docs (a table of documents) and edgr cat (one document's body). */
#include <stdlib.h>
#include <string.h>

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
    edgr_buf conv;     /* UTF-8 transcoding of text bodies */
    int text_utf8;     /* transcode this document */
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

static int matches(const opts *o, const edgr_document *d)
{
    const char *sel = o->doc_selector;
    char *end;
    long v = strtol(sel, &end, 10);
    if (*sel && !*end) return d->sequence == v;
    size_t n = strlen(sel);
    return d->filename.len == n && memcmp(d->filename.ptr, sel, n) == 0;
}

static int cat_begin(void *user, const edgr_document *d)
{
    dctx *c = user;
    c->selecting = !c->found && matches(c->o, d);
    if (c->selecting) c->found = 1;
    c->text_utf8 = !c->o->raw && d->format != EDGR_FMT_UUENCODED && d->format != EDGR_FMT_PDF;
    return 0;
}

/* Windows-1252 to UTF-8 needs to know the whole body is not UTF-8, which a
 * stream cannot know in advance: cat keeps text bodies until their end (a
 * text document is at most tens of MB) and binary ones stream straight out. */
static int cat_data(void *user, const edgr_document *d, const char *p, size_t n)
{
    dctx *c = user;
    (void)d;
    if (!c->selecting) return 0;
    if (!c->text_utf8) {
        sink_write(c->out, p, n);
        return c->out->failed;
    }
    if (c->conv.len + n > c->conv.cap) {
        size_t cap = c->conv.cap ? c->conv.cap : 65536;
        while (cap < c->conv.len + n) cap *= 2;
        char *b = realloc(c->conv.data, cap);
        if (!b) return 1;
        c->conv.data = b;
        c->conv.cap = cap;
    }
    memcpy(c->conv.data + c->conv.len, p, n);
    c->conv.len += n;
    return 0;
}

static int cat_end(void *user, const edgr_document *d)
{
    dctx *c = user;
    if (!c->selecting || !c->text_utf8) return 0;
    c->selecting = 0;
    if (d->charset != EDGR_CS_CP1252) {
        sink_write(c->out, c->conv.data, c->conv.len);
    } else {
        edgr_document tmp = *d;
        tmp.body.ptr = c->conv.data;
        tmp.body.len = c->conv.len;
        tmp.format = EDGR_FMT_TEXT;
        edgr_buf u8 = {0};
        if (edgr_document_decode(&tmp, EDGR_DECODE_UTF8, &u8) == EDGR_OK)
            sink_write(c->out, u8.data, u8.len);
        edgr_buf_free(&u8);
    }
    c->conv.len = 0;
    return c->out->failed;
}

static int cat_submission(void *user, const edgr_submission *s)
{
    dctx *c = user;
    c->filings++;
    if (submission_failed(c->u, s, c->err, c->o->quiet)) c->saw_error = 1;
    return 0;
}

int cmd_cat_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    dctx c = {.o = o, .u = u, .out = out, .err = err};
    edgr_callbacks cb = {.struct_size = sizeof cb, .doc_begin = cat_begin, .doc_data = cat_data, .doc_end = cat_end,
                         .submission_end = cat_submission};
    int rc = feed_unit(u, &cb, &c, 0, err, o->quiet, &c.saw_error);
    edgr_buf_free(&c.conv);
    /* an input that failed before any submission (an empty one) is said already */
    if (!c.found && (c.filings || !rc)) {
        sink_printf(err, "%s: 0: no document with sequence or filename \"%s\"\n", u->name,
                    o->doc_selector);
        rc = 1;
    }
    return rc;
}
