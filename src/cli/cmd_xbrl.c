/* edgr xbrl: the XBRL facts of each filing (inline XBRL, or the instance
 * document), one JSON object a fact, or a table. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "edgr/xbrl.h"

typedef struct xctx {
    const opts *o;
    sink *out, *err;
    edgr_buf line;
    int table;        /* --format table, or neither it nor --pretty on a terminal */
    int printed;      /* the filing being read printed a document             */
} xctx;

/* The fact's JSON into c->line, through a memory sink (src/cli/util.c). */
static int line_cb(void *user, const char *p, size_t n)
{
    sink *s = user;
    sink_write(s, p, n);
    return s->failed;
}

/* --dimensions none: only facts whose context has no dimension.  --concept:
 * the local name, or prefix:name. */
static int wanted(const xctx *c, const edgr_xbrl_fact *f)
{
    if (c->o->xbrl_no_dims && f->context && f->context->nmembers) return 0;
    const char *want = c->o->concept;
    if (!want) return 1;
    const char *colon = strchr(want, ':');
    if (!colon) return f->name && !strcmp(f->name, want);
    size_t pl = (size_t)(colon - want);
    return f->prefix && strlen(f->prefix) == pl && !memcmp(f->prefix, want, pl) && f->name &&
           !strcmp(f->name, colon + 1);
}

static void put_json_str(xctx *c, const char *k, edgr_span v)
{
    sink_printf(c->out, "\"%s\":", k);
    sink_json_str(c->out, v.ptr ? v.ptr : "", v.ptr ? v.len : 0);
    sink_write(c->out, ",", 1);
}

static void cell(xctx *c, const char *v, size_t max) { sink_cell(c->out, v, max); }

static void write_table_row(xctx *c, const edgr_xbrl_fact *f)
{
    const edgr_xbrl_context *x = f->context;
    if (f->prefix) {
        cell(c, f->prefix, 0);
        sink_write(c->out, ":", 1);
    }
    cell(c, f->name, 0);
    sink_write(c->out, "\t", 1);
    if (!x) sink_printf(c->out, "?");
    else if (x->instant) cell(c, x->end, 0);
    else if (x->start || x->end) {
        cell(c, x->start, 0);
        sink_write(c->out, "..", 2);
        cell(c, x->end, 0);
    } else sink_printf(c->out, "forever");
    sink_write(c->out, "\t", 1);
    for (size_t i = 0; x && i < x->nmembers; i++) {
        if (i) sink_write(c->out, " ", 1);
        cell(c, x->members[i].dimension, 0);
        sink_write(c->out, "=", 1);
        cell(c, x->members[i].member, 0);
    }
    sink_write(c->out, "\t", 1);
    cell(c, f->unit ? f->unit->key : "", 0);
    sink_write(c->out, "\t", 1);
    if (f->nil) sink_printf(c->out, "(nil)");
    else if (f->kind == EDGR_XBRL_FRACTION) {
        cell(c, f->numerator ? f->numerator : "?", 0);
        sink_write(c->out, "/", 1);
        cell(c, f->denominator ? f->denominator : "?", 0);
    } else cell(c, f->value, f->kind == EDGR_XBRL_TEXT ? 80 : 0); /* a text block: its start */
    sink_write(c->out, "\t", 1);
    cell(c, f->decimals, 0);
    sink_write(c->out, "\n", 1);
}

/* The facts of one document, and its problems as warnings. */
static void xbrl_document(xctx *c, const filing *f, const edgr_document *d, edgr_xbrl *x, int error_said)
{
    edgr_span acc = f->sub ? edgr_get(f->sub, "accession_number") : (edgr_span){0};
    for (size_t i = 0; i < edgr_xbrl_count(x) && !c->out->failed; i++) {
        const edgr_xbrl_fact *fact = edgr_xbrl_fact_at(x, i);
        if (!wanted(c, fact)) continue;
        if (c->table) {
            write_table_row(c, fact);
            continue;
        }
        c->line.len = 0;
        sink line = {.mem = &c->line};
        edgr_xbrl_write_fact(x, i, c->o->pretty ? EDGR_XBRL_JSON_PRETTY : 0, line_cb, &line);
        if (c->line.len < 2) continue;
        sink_write(c->out, "{", 1);
        put_json_str(c, "file", (edgr_span){f->name, strlen(f->name)});
        if (acc.ptr) put_json_str(c, "accession_number", acc);
        if (d->filename.len) put_json_str(c, "document", d->filename);
        sink_printf(c->out, "\"format\":\"%s\",", edgr_xbrl_format_name(edgr_xbrl_format_of(x)));
        sink_write(c->out, c->line.data + 1, c->line.len - 1);
        sink_write(c->out, "\n", 1);
    }
    if (!c->o->quiet)
        for (size_t i = 0; i + (error_said ? 1 : 0) < edgr_xbrl_problem_count(x); i++) {
            const edgr_xbrl_problem *p = edgr_xbrl_problem_at(x, i);
            sink_printf(c->err, "%s: %llu: warning: %.*s%s%s\n", f->name,
                        (unsigned long long)p->offset, (int)d->filename.len,
                        d->filename.ptr ? d->filename.ptr : "", d->filename.len ? ": " : "", p->message);
        }
}

/* One document read: its error said, its facts and problems printed, the
 * result freed.  Returns 1 when the document failed. */
static int one_document(xctx *c, const filing *f, const edgr_document *d, edgr_xbrl *x, edgr_status st)
{
    if (st == EDGR_ERR_LIMIT && !x) {
        sink_printf(c->err, "%s: %llu: %.*s: more than 64 XBRL instances: not read\n", f->name,
                    (unsigned long long)d->body_offset, (int)d->filename.len, d->filename.ptr ? d->filename.ptr : "");
        return 1;
    }
    if (st != EDGR_OK) { /* the reader's error is its last problem */
        size_t np = edgr_xbrl_problem_count(x);
        const edgr_xbrl_problem *p = np ? edgr_xbrl_problem_at(x, np - 1) : NULL;
        sink_printf(c->err, "%s: %llu: %.*s: %s\n", f->name, (unsigned long long)(p ? p->offset : d->body_offset),
                    (int)d->filename.len, d->filename.ptr ? d->filename.ptr : "", p ? p->message : edgr_strerror(st));
    }
    if (x && edgr_xbrl_format_of(x) != EDGR_XBRL_NONE) {
        xbrl_document(c, f, d, x, st != EDGR_OK);
        c->printed = 1;
    }
    edgr_xbrl_free(x);
    return st != EDGR_OK;
}

typedef struct doc_ctx {
    xctx *c;
    const filing *f;
    int failed;
} doc_ctx;

static int on_document(void *user, size_t i, edgr_xbrl *x, edgr_status st)
{
    doc_ctx *k = user;
    k->failed |= one_document(k->c, k->f, &k->f->docs[i], x, st);
    return k->c->out->failed;
}

static int xbrl_filing(void *user, const filing *f)
{
    xctx *c = user;
    const char *sel = c->o->doc_selector;
    int failed = 0, matched = 0;
    c->printed = 0;
    for (size_t i = 0; f->over && i < f->doc_count; i++) failed |= f->over[i] != 0; /* said already */
    if (!sel) { /* the filing's XBRL, as the store reads it: inline, else the instances */
        doc_ctx k = {.c = c, .f = f};
        edgr_status st = edgr_xbrl_read_documents(f->docs, f->doc_count, 0, on_document, &k);
        if (st == EDGR_ERR_NOMEM) {
            sink_printf(c->err, "%s: 0: %s\n", f->name, edgr_strerror(st));
            return 1;
        }
        failed |= k.failed;
    } else { /* --doc all: every document that holds XBRL; --doc N: that one */
        int all = !strcmp(sel, "all");
        for (size_t i = 0; i < f->doc_count && !c->out->failed; i++) {
            const edgr_document *d = &f->docs[i];
            if (f->over && f->over[i]) continue;
            if (all ? !edgr_xbrl_may_hold(d) : !doc_matches(sel, d)) continue;
            matched = 1;
            edgr_xbrl_options xo = {.struct_size = sizeof xo, .base_offset = d->body_offset};
            edgr_xbrl *x = NULL;
            edgr_status st = edgr_xbrl_read(d->body.ptr, d->body.len, &xo, &x);
            if (st == EDGR_ERR_NOMEM) {
                sink_printf(c->err, "%s: %llu: %s\n", f->name, (unsigned long long)d->body_offset, edgr_strerror(st));
                failed = 1;
                continue;
            }
            failed |= one_document(c, f, d, x, st);
        }
        if (!all && !matched) {
            sink_printf(c->err, "%s: 0: no document \"%s\"\n", f->name, sel);
            return 1;
        }
    }
    if (!c->printed && !failed) {
        sink_printf(c->err, "%s: 0: no XBRL (no inline XBRL document, no instance)\n", f->name);
        return 1;
    }
    return failed || c->out->failed;
}

int cmd_xbrl_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    /* a table for people (on a terminal), NDJSON for programs */
    xctx c = {.o = o, .out = out, .err = err, .table = o->xbrl_table > 0 || (!o->xbrl_table && !o->pretty && isatty(1))};
    int rc = each_filing(u, o, err, xbrl_filing, &c);
    free(c.line.data);
    return rc;
}
