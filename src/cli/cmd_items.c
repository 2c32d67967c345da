/* edgr items: a filing's items with their text. */
#include <stdlib.h>
#include <string.h>

#include "../core/chars.h" /* static inline only: the CLI links the public API */
#include "cli.h"
#include "edgr/items.h"
#include "edgr/text.h"

typedef struct ictx {
    const opts *o;
    sink *out, *err;
    edgr_text text;
    edgr_items items;
} ictx;

/* --item: "7.01", "1A", or "II-1A" for a 10-Q's part. */
static int item_selected(const char *sel, const edgr_item *it)
{
    if (!sel) return 1;
    const char *dash = strchr(sel, '-');
    if (dash && (size_t)(dash - sel) < sizeof it->part) {
        size_t pn = (size_t)(dash - sel);
        if (strlen(it->part) != pn || strncasecmp(it->part, sel, pn)) return 0;
        sel = dash + 1;
    }
    return strcasecmp(it->item, sel) == 0;
}

static void span_str(sink *s, edgr_span v)
{
    sink_json_str(s, v.ptr ? v.ptr : "", v.ptr ? v.len : 0);
}

/* The form's main document (edgr_main_document); with no document that
 * has text, the first, which the error then names. */
static const edgr_document *main_doc(const filing *f)
{
    long m = edgr_main_document(f->sub, f->docs, f->doc_count);
    return m >= 0 ? &f->docs[m] : f->doc_count ? &f->docs[0] : NULL;
}

/* A bare document names no form: guess from its first words. */
static edgr_form_kind guess_kind(const edgr_text *t)
{
    size_t n = t->len < 20000 ? t->len : 20000;
    for (size_t i = 0; i + 6 < n; i++) {
        if (sc_lower((unsigned char)t->data[i]) != 'f') continue;
        if (!strncasecmp(t->data + i, "FORM 10-K", 9)) return EDGR_FORM_10K;
        if (!strncasecmp(t->data + i, "FORM 10-Q", 9)) return EDGR_FORM_10Q;
        if (!strncasecmp(t->data + i, "FORM 8-K", 8)) return EDGR_FORM_8K;
    }
    return EDGR_FORM_OTHER;
}

/* A form items does not split (S-3, 424B, DEF 14A ...): said, naming it.
 * In a folder or a feed archive most filings are other forms: skipped
 * with a warning; a file named on the command line is an error. */
static int other_form(ictx *c, const filing *f, const edgr_document *d, edgr_span form)
{
    if (f->walked) c->err->skipped++;
    if (f->walked && c->o->quiet) return 0;
    if (!form.len) /* a bare document whose first words named no form */
        sink_printf(c->err, "%s: %llu: %snot an 8-K, 10-K or 10-Q (no form type: %s)%s\n", f->name,
                    (unsigned long long)d->offset, f->walked ? "warning: " : "",
                    f->sub ? "none in its header" : "no SEC header", f->walked ? ", skipped" : "");
    else
        sink_printf(c->err, "%s: %llu: %snot an 8-K, 10-K or 10-Q (form %.*s)%s\n", f->name,
                    (unsigned long long)d->offset, f->walked ? "warning: " : "", (int)form.len, form.ptr,
                    f->walked ? ", skipped" : "");
    return !f->walked;
}

/* --json: the filing's opening, up to the "sections" array, with the
 * source object and keys of docs/fields.md.  The form is the header's, or
 * (a bare document) the kind its first words gave. */
static void json_filing_head(ictx *c, const filing *f, const edgr_document *d, edgr_span form, edgr_span acc,
                             edgr_form_kind kind, const char *kind_name)
{
    sink_write(c->out, "{\"source\":{\"path\":", 18);
    sink_json_str(c->out, f->src.path, strlen(f->src.path));
    sink_write(c->out, ",\"member\":", 10);
    if (f->src.member) sink_json_str(c->out, f->src.member, strlen(f->src.member));
    else sink_write(c->out, "null", 4);
    if (f->sub)
        sink_printf(c->out, ",\"offset\":%llu,\"length\":%llu,\"container\":\"%s\"}",
                    (unsigned long long)f->sub->offset, (unsigned long long)(f->sub->end - f->sub->offset),
                    edgr_container_name(f->sub->container));
    else
        sink_printf(c->out, ",\"offset\":0,\"length\":%llu,\"container\":null}",
                    (unsigned long long)f->len);
    sink_write(c->out, ",\"accession_number\":", 20);
    span_str(c->out, acc);
    sink_write(c->out, ",\"type\":", 8);
    if (form.ptr) span_str(c->out, form);
    else sink_json_str(c->out, kind_name, strlen(kind_name));
    if (f->sub && kind == EDGR_FORM_8K) {
        /* the header's ITEM INFORMATION, as the array of docs/fields.md */
        sink_write(c->out, ",\"items\":[", 10);
        for (int i = 0;; i++) {
            char path[32];
            snprintf(path, sizeof path, "items.%d", i);
            edgr_span v = edgr_get(f->sub, path);
            if (!v.ptr) break;
            if (i) sink_write(c->out, ",", 1);
            span_str(c->out, v);
        }
        sink_write(c->out, "]", 1);
    }
    sink_printf(c->out, ",\"document\":%lld,\"sections\":[", (long long)d->sequence);
}

/* --json: item i as one object of "sections"; first says no comma before it. */
static void json_item(ictx *c, size_t i, const char *title, size_t title_len, int first)
{
    const edgr_item *it = &c->items.items[i];
    if (!first) sink_write(c->out, ",", 1);
    sink_write(c->out, "{\"item\":", 8);
    sink_json_str(c->out, it->item, strlen(it->item));
    sink_write(c->out, ",\"part\":", 8);
    if (it->part[0]) sink_json_str(c->out, it->part, strlen(it->part));
    else sink_write(c->out, "null", 4);
    sink_write(c->out, ",\"title\":", 9);
    sink_json_str(c->out, title, title_len);
    sink_printf(c->out, ",\"start\":%llu,\"end\":%llu,\"combined\":%s,\"xref\":%s,\"text\":",
                (unsigned long long)it->src_start, (unsigned long long)it->src_end,
                it->combined ? "true" : "false", it->xref ? "true" : "false");
    /* in pieces: a large item's text is not copied whole */
    sink_write(c->out, "\"", 1);
    edgr_item_text_write(&c->items, &c->text, i, sink_json_chars_cb, c->out);
    sink_write(c->out, "\"}", 2);
}

/* A sink that counts what it was given. */
typedef struct counted {
    sink *out;
    size_t n;
} counted;

static int counted_write(void *user, const char *p, size_t n)
{
    counted *c = user;
    c->n += n;
    sink_write(c->out, p, n);
    return c->out->failed;
}

/* Text: item i under a "==> Part I, Item 1: Business <==" line, a blank
 * line between items. */
static void text_item(ictx *c, size_t i, const char *title, size_t title_len, int first)
{
    const edgr_item *it = &c->items.items[i];
    sink_printf(c->out, "%s==> %s%s%sItem %s", first ? "" : "\n", it->part[0] ? "Part " : "", it->part,
                it->part[0] ? ", " : "", it->item);
    if (title_len) {
        sink_write(c->out, ": ", 2);
        sink_write(c->out, title, title_len);
    }
    sink_write(c->out, " <==\n\n", 6);
    counted cw = {.out = c->out};
    edgr_item_text_write(&c->items, &c->text, i, counted_write, &cw);
    if (cw.n) sink_write(c->out, "\n", 1);
}

/* The items found (those --item selects), as JSON or text; returns how
 * many were shown. */
static int show_items(ictx *c)
{
    int shown = 0;
    for (size_t i = 0; i < c->items.count; i++) {
        const edgr_item *it = &c->items.items[i];
        if (!item_selected(c->o->item, it)) continue;
        char title[512];
        size_t title_len = edgr_item_title(&c->items, &c->text, i, title, sizeof title);
        if (c->o->json) json_item(c, i, title, title_len, !shown);
        else text_item(c, i, title, title_len, !shown);
        shown++;
    }
    return shown;
}

static int items_filing(void *user, const filing *f)
{
    ictx *c = user;
    edgr_span form = {0}, date = {0}, acc = {0};
    if (f->sub) {
        form = edgr_get(f->sub, "type");
        date = edgr_get(f->sub, "filing_date");
        acc = edgr_get(f->sub, "accession_number");
    }
    const edgr_document *d = main_doc(f);
    if (!d)
        return nothing_to_show(f->name, f->walked, c->o, c->err, f->sub ? f->sub->header_end : 0,
                               "no document to find items in (a header only)");
    /* The header's form decides; only a document that names none (a bare
     * .htm) is judged by its first words.  An S-3 or a proxy mentions "Form
     * 10-K" (the reports it incorporates) but is not one. */
    int named = form.ptr && form.len;
    edgr_form_kind kind = named ? edgr_form_kind_of(form.ptr, form.len) : EDGR_FORM_OTHER;
    if (named && kind == EDGR_FORM_OTHER) return other_form(c, f, d, form);
    if (f->over && f->over[d - f->docs]) return 1; /* over --max-document-size: said */
    /* the text is the last reading of the document: its bytes go as the
     * text is made, so a large one and its text are not held at once */
    edgr_text_options to = EDGR_TEXT_OPTIONS_INIT;
    to.release = filing_release;
    to.release_user = (void *)(uintptr_t)f;
    if (edgr_document_text(d, &to, &c->text) != EDGR_OK)
        return nothing_to_show(f->name, f->walked, c->o, c->err, d->offset,
                               "the main document (%s) has no text to split",
                               edgr_format_name(d->format));
    if (!named) kind = guess_kind(&c->text);
    if (kind == EDGR_FORM_OTHER) return other_form(c, f, d, form);
    char datebuf[16] = "";
    if (date.ptr && date.len < sizeof datebuf) memcpy(datebuf, date.ptr, date.len);
    if (edgr_items_find(&c->text, kind, datebuf[0] ? datebuf : NULL, &c->items) != EDGR_OK) {
        sink_printf(c->err, "%s: %llu: out of memory\n", f->name, (unsigned long long)d->offset);
        return 1;
    }
    const char *kind_name = kind == EDGR_FORM_8K ? "8-K" : kind == EDGR_FORM_10K ? "10-K" : "10-Q";
    if (c->o->json) json_filing_head(c, f, d, form, acc, kind, kind_name);
    int shown = show_items(c);
    if (c->o->json) sink_write(c->out, "]}\n", 3);
    if (c->out->failed) return 1;
    if (!shown && c->o->item)
        return nothing_to_show(f->name, f->walked, c->o, c->err, d->offset, "no item %s in the main document (%s)",
                               c->o->item, kind_name);
    if (!shown)
        return nothing_to_show(f->name, f->walked, c->o, c->err, d->offset,
                               "no items found in the main document (%s)", kind_name);
    return 0;
}

int cmd_items_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    ictx c = {.o = o, .out = out, .err = err};
    int rc = each_filing(u, o, err, items_filing, &c);
    edgr_text_free(&c.text);
    edgr_items_free(&c.items);
    return rc;
}
