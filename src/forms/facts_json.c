/* Facts as JSON (see edgr_facts_write_json in edgr/facts.h).  Strings are
 * escaped as in the submission JSON: valid UTF-8 passes, any other byte is
 * read as Windows-1252, control characters become \uXXXX. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "facts_int.h"
#include "jsonw.h"

static void cstr(jsonw *w, const char *s)
{
    if (s) jsonw_str(w, s, strlen(s));
    else jsonw_put(w, "null", 4);
}

static void key(jsonw *w, const char *k)
{
    if (!w->first) jsonw_put(w, ",", 1);
    w->first = 0;
    jsonw_newline(w);
    cstr(w, k);
    jsonw_put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
}

/* An array element: like a key without a name. */
static void elem(jsonw *w)
{
    if (!w->first) jsonw_put(w, ",", 1);
    w->first = 0;
    jsonw_newline(w);
}

static void open_(jsonw *w, char c)
{
    jsonw_put(w, &c, 1);
    w->depth++;
    w->first = 1;
}

static void close_(jsonw *w, char c)
{
    w->depth--;
    if (!w->first) jsonw_newline(w);
    jsonw_put(w, &c, 1);
    w->first = 0;
}

static void num(jsonw *w, int64_t v)
{
    char b[32];
    int n = snprintf(b, sizeof b, "%" PRId64, v);
    jsonw_put(w, b, (size_t)n);
}

static void kstr(jsonw *w, const char *k, const char *v) { key(w, k); cstr(w, v); }
static void knum(jsonw *w, const char *k, int64_t v) { key(w, k); num(w, v); }

static void fact(jsonw *w, const char *k, const edgr_fact *f)
{
    key(w, k);
    if (!f->value) { jsonw_put(w, "null", 4); return; }
    open_(w, '{');
    kstr(w, "value", f->value);
    kstr(w, "source", edgr_fact_source_name(f->source));
    knum(w, "offset", (int64_t)f->offset);
    close_(w, '}');
}

static void box(jsonw *w, const char *k, const edgr_checkbox *b)
{
    key(w, k);
    if (b->checked < 0) { jsonw_put(w, "null", 4); return; }
    open_(w, '{');
    key(w, "checked");
    jsonw_put(w, b->checked ? "true" : "false", b->checked ? 4 : 5);
    kstr(w, "source", edgr_fact_source_name(b->source));
    knum(w, "offset", (int64_t)b->offset);
    close_(w, '}');
}

static void span_key(jsonw *w, const char *k, edgr_span s)
{
    key(w, k);
    if (s.ptr && s.len) jsonw_str(w, s.ptr, s.len);
    else jsonw_put(w, "null", 4);
}

edgr_status edgr_facts_write_json(const edgr_facts *f, const edgr_submission *s,
                                  const edgr_document *docs, const char *source_name,
                                  unsigned flags, edgr_write_fn write, void *user)
{
    if (!f || !write) return EDGR_ERR_ARG;
    jsonw w = {.write = write, .user = user, .pretty = (flags & EDGR_JSON_PRETTY) != 0};
    open_(&w, '{');
    kstr(&w, "source", source_name);
    if (s) {
        span_key(&w, "accession_number", edgr_get(s, "accession_number"));
        span_key(&w, "type", edgr_get(s, "type"));
    }
    key(&w, "document");
    if (f->main_doc >= 0 && docs) {
        const edgr_document *d = &docs[f->main_doc];
        open_(&w, '{');
        knum(&w, "sequence", d->sequence);
        span_key(&w, "type", d->type);
        span_key(&w, "filename", d->filename);
        close_(&w, '}');
    } else {
        jsonw_put(&w, "null", 4);
    }

    const edgr_cover *c = &f->cover;
    key(&w, "cover");
    open_(&w, '{');
    fact(&w, "registrant", &c->registrant);
    fact(&w, "incorporation", &c->incorporation);
    fact(&w, "file_number", &c->file_number);
    fact(&w, "irs_number", &c->irs_number);
    fact(&w, "address", &c->address);
    fact(&w, "phone", &c->phone);
    box(&w, "written_communications", &c->written_communications);
    box(&w, "soliciting_material", &c->soliciting_material);
    box(&w, "pre_commencement_tender_offer", &c->pre_commencement_tender);
    box(&w, "pre_commencement_issuer_tender_offer", &c->pre_commencement_issuer);
    box(&w, "emerging_growth_company", &c->emerging_growth);
    key(&w, "securities_12b");
    open_(&w, '[');
    for (size_t i = 0; i < c->security_count; i++) {
        const edgr_security *x = &c->securities[i];
        elem(&w);
        open_(&w, '{');
        kstr(&w, "title", x->title);
        kstr(&w, "trading_symbol", x->symbol);
        kstr(&w, "exchange", x->exchange);
        kstr(&w, "source", edgr_fact_source_name(x->source));
        knum(&w, "offset", (int64_t)x->offset);
        close_(&w, '}');
    }
    close_(&w, ']');
    close_(&w, '}');

    const edgr_signatures *sg = &f->signatures;
    key(&w, "signatures");
    open_(&w, '{');
    kstr(&w, "registrant", sg->registrant);
    kstr(&w, "date", sg->date);
    kstr(&w, "date_iso", sg->date_iso);
    key(&w, "signers");
    open_(&w, '[');
    for (size_t i = 0; i < sg->signer_count; i++) {
        const edgr_signer *x = &sg->signers[i];
        elem(&w);
        open_(&w, '{');
        kstr(&w, "name", x->name);
        kstr(&w, "title", x->title);
        kstr(&w, "date", x->date);
        kstr(&w, "date_iso", x->date_iso);
        knum(&w, "offset", (int64_t)x->offset);
        close_(&w, '}');
    }
    close_(&w, ']');
    if (sg->signer_count) knum(&w, "offset", (int64_t)sg->offset);
    close_(&w, '}');

    key(&w, "exhibits");
    open_(&w, '{');
    key(&w, "documents");
    open_(&w, '[');
    for (size_t i = 0; i < f->exhibit_doc_count; i++) {
        const edgr_exhibit_doc *x = &f->exhibit_docs[i];
        elem(&w);
        open_(&w, '{');
        knum(&w, "sequence", x->sequence);
        kstr(&w, "type", x->type);
        kstr(&w, "number", x->number);
        kstr(&w, "description", x->description);
        kstr(&w, "filename", x->filename);
        key(&w, "listed");
        jsonw_put(&w, x->listed >= 0 ? "true" : "false", x->listed >= 0 ? 4 : 5);
        close_(&w, '}');
    }
    close_(&w, ']');
    key(&w, "index");
    open_(&w, '[');
    for (size_t i = 0; i < f->exhibit_index_count; i++) {
        const edgr_exhibit_entry *x = &f->exhibit_index[i];
        elem(&w);
        open_(&w, '{');
        kstr(&w, "number", x->number);
        kstr(&w, "title", x->title);
        knum(&w, "offset", (int64_t)x->offset);
        key(&w, "document");
        if (x->document >= 0) {
            const edgr_exhibit_doc *dd = &f->exhibit_docs[x->document];
            open_(&w, '{');
            knum(&w, "sequence", dd->sequence);
            kstr(&w, "type", dd->type);
            kstr(&w, "filename", dd->filename);
            close_(&w, '}');
        } else {
            jsonw_put(&w, "null", 4);
        }
        close_(&w, '}');
    }
    close_(&w, ']');
    /* the unmatched, on either side, for a quick look */
    key(&w, "unmatched_documents");
    open_(&w, '[');
    for (size_t i = 0; i < f->exhibit_doc_count; i++)
        if (f->exhibit_docs[i].listed < 0) { elem(&w); cstr(&w, f->exhibit_docs[i].type); }
    close_(&w, ']');
    key(&w, "unmatched_index");
    open_(&w, '[');
    for (size_t i = 0; i < f->exhibit_index_count; i++)
        if (f->exhibit_index[i].document < 0) { elem(&w); cstr(&w, f->exhibit_index[i].number); }
    close_(&w, ']');
    close_(&w, '}');
    close_(&w, '}');
    jsonw_flush(&w);
    return w.failed ? EDGR_ERR_ABORTED : EDGR_OK;
}
