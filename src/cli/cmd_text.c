/* edgr text: the clean text of a filing's documents. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "edgr/text.h"

/* "document 3", or for one without a <SEQUENCE> line its place in the
 * filing: "document #2 (no sequence number)". */
static void doc_name(const edgr_document *d, size_t i, char *out, size_t cap)
{
    if (d->sequence >= 0) snprintf(out, cap, "document %lld", (long long)d->sequence);
    else snprintf(out, cap, "document #%zu (no sequence number)", i + 1);
}

typedef struct tctx {
    const opts *o;
    sink *out, *err;
    edgr_text text;
    int printed;      /* the document's text had a visible byte */
} tctx;

/* The text as it is made (edgr_document_text_write): to the output, so a
 * large document's text is never held whole. */
static int text_out(void *user, const char *p, size_t n)
{
    tctx *c = user;
    sink_write(c->out, p, n);
    for (size_t k = 0; k < n && !c->printed; k++)
        c->printed = !(p[k] == ' ' || p[k] == '\n' || p[k] == '\t');
    return c->out->failed;
}

/* --doc: a sequence number, a file name, or "all"; without it, the main
 * document (edgr_main_document), or the first when none has text (its
 * error then says what it is). */
static int doc_selected(const char *sel, const edgr_document *d, size_t index, long main_index)
{
    if (!sel) return (long)index == (main_index >= 0 ? main_index : 0);
    if (!strcmp(sel, "all")) return d->format == EDGR_FMT_HTML || d->format == EDGR_FMT_TEXT;
    return doc_matches(sel, d);
}

static int text_filing(void *user, const filing *f)
{
    tctx *c = user;
    int found = 0, failed = 0, printed = 0;
    if (!f->doc_count)
        return nothing_to_show(f->name, f->walked, c->o, c->err, f->sub ? f->sub->header_end : 0,
                               "no document to print (a header only)");
    edgr_text_options to = EDGR_TEXT_OPTIONS_INIT;
    to.tables = (edgr_table_style)c->o->tables;
    /* each document is read once, as its text is written: its bytes go as
     * they are read */
    to.release = filing_release;
    to.release_user = (void *)(uintptr_t)f;
    long main_index = edgr_main_document(f->sub, f->docs, f->doc_count);
    for (size_t i = 0; i < f->doc_count; i++) {
        const edgr_document *d = &f->docs[i];
        if (!doc_selected(c->o->doc_selector, d, i, main_index)) continue;
        found++;
        if (f->over && f->over[i]) { /* said by each_filing */
            failed = 1;
            continue;
        }
        if (c->o->doc_selector && !strcmp(c->o->doc_selector, "all"))
            sink_printf(c->out, "%s==> %lld %.*s %.*s <==\n\n", found > 1 ? "\n" : "",
                        (long long)d->sequence, (int)d->type.len, d->type.ptr ? d->type.ptr : "",
                        (int)d->filename.len, d->filename.ptr ? d->filename.ptr : "");
        int before = printed;
        c->printed = 0;
        edgr_status st = edgr_document_text_write(d, &to, &c->text, text_out, c);
        printed = before || c->printed;
        if (st == EDGR_ERR_ABORTED) break; /* the output failed: said by the caller */
        if (st == EDGR_ERR_ARG) {
            /* XML, PDF, images: named on the command line an error; met in
             * a folder or an archive (a Form 4, a PDF proxy) a note */
            char what[64];
            doc_name(d, i, what, sizeof what);
            if (nothing_to_show(f->name, f->walked, c->o, c->err, d->offset, "%s is %s, not text", what,
                                edgr_format_name(d->format)))
                failed = 1;
            continue;
        }
        if (st != EDGR_OK) {
            sink_printf(c->err, "%s: %llu: %s\n", f->name, (unsigned long long)d->offset,
                        edgr_strerror(st));
            failed = 1;
            continue;
        }
        char what[64];
        doc_name(d, i, what, sizeof what);
        if (!printed && !(c->o->doc_selector && !strcmp(c->o->doc_selector, "all")) &&
            nothing_to_show(f->name, f->walked, c->o, c->err, d->offset, "%s has no text", what))
            failed = 1;
    }
    if (found && !printed && c->o->doc_selector && !strcmp(c->o->doc_selector, "all") &&
        nothing_to_show(f->name, f->walked, c->o, c->err, 0, "no document has any text"))
        failed = 1;
    if (!found && c->o->doc_selector && strcmp(c->o->doc_selector, "all")) {
        sink_printf(c->err, "%s: 0: no document with sequence or filename \"%s\"\n", f->name,
                    c->o->doc_selector);
        failed = 1;
    }
    return failed || c->out->failed;
}

int cmd_text_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    tctx c = {.o = o, .out = out, .err = err};
    int rc = each_filing(u, o, err, text_filing, &c);
    edgr_text_free(&c.text);
    return rc;
}
