/* Facts as JSON (see edgr_facts_write_json in edgr/facts.h).  Strings are
 * escaped as in the submission JSON: valid UTF-8 passes, any other byte is
 * read as Windows-1252, control characters become \uXXXX. */
#include <stdio.h>
#include <string.h>

#include "facts_int.h"
#include "jsonw.h"

static void fact(jsonw *w, const char *k, const edgr_fact *f)
{
    jsonw_key(w, k);
    if (!f->value) { jsonw_put(w, "null", 4); return; }
    jsonw_open(w, '{');
    jsonw_kstr(w, "value", f->value);
    jsonw_kstr(w, "source", edgr_fact_source_name(f->source));
    jsonw_knum(w, "offset", (int64_t)f->offset);
    jsonw_close(w, '}');
}

static void box(jsonw *w, const char *k, const edgr_checkbox *b)
{
    jsonw_key(w, k);
    if (b->value < 0) { jsonw_put(w, "null", 4); return; }
    jsonw_open(w, '{');
    jsonw_key(w, "value");
    jsonw_put(w, b->value ? "true" : "false", b->value ? 4 : 5);
    jsonw_kstr(w, "source", edgr_fact_source_name(b->source));
    jsonw_knum(w, "offset", (int64_t)b->offset);
    jsonw_close(w, '}');
}

static void span_key(jsonw *w, const char *k, edgr_span s)
{
    jsonw_key(w, k);
    if (s.ptr && s.len) jsonw_str(w, s.ptr, s.len);
    else jsonw_put(w, "null", 4);
}

/* The source object every command gives (docs/fields.md): where the
 * filing came from, and its span; null where there is no submission (a bare
 * document). */
static void write_source(jsonw *w, const edgr_submission *s, const edgr_json_source *src)
{
    jsonw_key(w, "source");
    jsonw_open(w, '{');
    jsonw_kstr(w, "path", src ? src->path : NULL);
    jsonw_kstr(w, "member", src ? src->member : NULL);
    jsonw_key(w, "offset");
    if (s) jsonw_num(w, (int64_t)s->offset);
    else jsonw_put(w, "null", 4);
    jsonw_key(w, "length");
    if (s) jsonw_num(w, (int64_t)(s->end - s->offset));
    else jsonw_put(w, "null", 4);
    jsonw_kstr(w, "container", s ? edgr_container_name(s->container) : NULL);
    jsonw_close(w, '}');
}

/* Which filing and which of its documents the facts were read from: the
 * document as a flat reference, as in search hits. */
static void write_document(jsonw *w, const edgr_facts *f, const edgr_submission *s,
                           const edgr_document *docs)
{
    if (s) {
        span_key(w, "accession_number", edgr_get(s, "accession_number"));
        span_key(w, "type", edgr_get(s, "type"));
    }
    const edgr_document *md = f->main_doc >= 0 && docs ? &docs[f->main_doc] : NULL;
    jsonw_key(w, "document");
    if (md) jsonw_num(w, md->sequence);
    else jsonw_put(w, "null", 4);
    span_key(w, "doc_type", md ? md->type : (edgr_span){0});
    span_key(w, "filename", md ? md->filename : (edgr_span){0});
}

/* The cover page: its facts and boxes in the page's order, then the
 * securities registered under section 12(b). */
enum { COVER_FACTS = 6, COVER_BOXES = 5 };
static const char *const COVER_KEYS[COVER_FACTS + COVER_BOXES] = {
    "registrant", "incorporation", "file_number", "irs_number", "address", "phone",
    "written_communications", "soliciting_material", "pre_commencement_tender_offer",
    "pre_commencement_issuer_tender_offer", "emerging_growth_company"};

const char *edgr_cover_key(size_t i) { return i < COVER_FACTS + COVER_BOXES ? COVER_KEYS[i] : NULL; }

static void write_cover(jsonw *w, const edgr_cover *c)
{
    const edgr_fact *facts[COVER_FACTS] = {&c->registrant, &c->incorporation, &c->file_number,
                                           &c->irs_number,  &c->address,       &c->phone};
    const edgr_checkbox *boxes[COVER_BOXES] = {&c->written_communications, &c->soliciting_material,
                                               &c->pre_commencement_tender_offer, &c->pre_commencement_issuer_tender_offer,
                                               &c->emerging_growth_company};
    jsonw_key(w, "cover");
    jsonw_open(w, '{');
    for (size_t i = 0; i < COVER_FACTS; i++) fact(w, COVER_KEYS[i], facts[i]);
    for (size_t i = 0; i < COVER_BOXES; i++) box(w, COVER_KEYS[COVER_FACTS + i], boxes[i]);
    jsonw_key(w, "securities_12b");
    jsonw_open(w, '[');
    for (size_t i = 0; i < c->security_count; i++) {
        const edgr_security *x = &c->securities[i];
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_kstr(w, "title", x->title);
        jsonw_kstr(w, "trading_symbol", x->trading_symbol);
        jsonw_kstr(w, "exchange", x->exchange);
        jsonw_kstr(w, "source", edgr_fact_source_name(x->source));
        jsonw_knum(w, "offset", (int64_t)x->offset);
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
    jsonw_close(w, '}');
}

/* The signature block: dates ISO, the prose beside them as `date_text`. */
static void write_signatures(jsonw *w, const edgr_signatures *sg)
{
    jsonw_key(w, "signatures");
    jsonw_open(w, '{');
    jsonw_kstr(w, "registrant", sg->registrant);
    jsonw_kstr(w, "date", sg->date);
    jsonw_kstr(w, "date_text", sg->date_text);
    jsonw_key(w, "signers");
    jsonw_open(w, '[');
    for (size_t i = 0; i < sg->signer_count; i++) {
        const edgr_signer *x = &sg->signers[i];
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_kstr(w, "name", x->name);
        jsonw_kstr(w, "title", x->title);
        jsonw_kstr(w, "date", x->date);
        jsonw_kstr(w, "date_text", x->date_text);
        jsonw_knum(w, "offset", (int64_t)x->offset);
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
    if (sg->signer_count) jsonw_knum(w, "offset", (int64_t)sg->offset);
    jsonw_close(w, '}');
}

/* The exhibit documents the submission holds, each with whether the index
 * lists it. */
static void write_exhibit_docs(jsonw *w, const edgr_facts *f)
{
    jsonw_key(w, "documents");
    jsonw_open(w, '[');
    for (size_t i = 0; i < f->exhibit_doc_count; i++) {
        const edgr_exhibit_doc *x = &f->exhibit_docs[i];
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_knum(w, "sequence", x->sequence);
        jsonw_kstr(w, "type", x->type);
        jsonw_kstr(w, "number", x->number);
        jsonw_kstr(w, "description", x->description);
        jsonw_kstr(w, "filename", x->filename);
        jsonw_key(w, "listed");
        jsonw_put(w, x->listed >= 0 ? "true" : "false", x->listed >= 0 ? 4 : 5);
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
}

/* The exhibit index the main document prints, each entry with its
 * document, flat as in show's exhibit_index. */
static void write_exhibit_index(jsonw *w, const edgr_facts *f)
{
    jsonw_key(w, "index");
    jsonw_open(w, '[');
    for (size_t i = 0; i < f->exhibit_index_count; i++) {
        const edgr_exhibit_entry *x = &f->exhibit_index[i];
        jsonw_elem(w);
        jsonw_open(w, '{');
        jsonw_kstr(w, "number", x->number);
        jsonw_kstr(w, "title", x->title);
        jsonw_knum(w, "offset", (int64_t)x->offset);
        const edgr_exhibit_doc *dd = x->exhibit_doc >= 0 ? &f->exhibit_docs[x->exhibit_doc] : NULL;
        jsonw_key(w, "document");
        if (dd) jsonw_num(w, dd->sequence);
        else jsonw_put(w, "null", 4);
        jsonw_kstr(w, "doc_type", dd ? dd->type : NULL);
        jsonw_kstr(w, "filename", dd ? dd->filename : NULL);
        jsonw_kstr(w, "doc_description", dd ? dd->description : NULL);
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
}

/* Exhibits: both sides, then the unmatched on either side, for a quick
 * look at what the index and the documents disagree on. */
static void write_exhibits(jsonw *w, const edgr_facts *f)
{
    jsonw_key(w, "exhibits");
    jsonw_open(w, '{');
    write_exhibit_docs(w, f);
    write_exhibit_index(w, f);
    jsonw_key(w, "unmatched_documents");
    jsonw_open(w, '[');
    for (size_t i = 0; i < f->exhibit_doc_count; i++)
        if (f->exhibit_docs[i].listed < 0) { jsonw_elem(w); jsonw_cstr(w, f->exhibit_docs[i].type); }
    jsonw_close(w, ']');
    jsonw_key(w, "unmatched_index");
    jsonw_open(w, '[');
    for (size_t i = 0; i < f->exhibit_index_count; i++)
        if (f->exhibit_index[i].exhibit_doc < 0) { jsonw_elem(w); jsonw_cstr(w, f->exhibit_index[i].number); }
    jsonw_close(w, ']');
    jsonw_close(w, '}');
}

edgr_status edgr_facts_write_json(const edgr_facts *f, const edgr_submission *s,
                                  const edgr_document *docs, const edgr_json_source *src,
                                  unsigned flags, edgr_write_fn write, void *user)
{
    if (!f || !write) return EDGR_ERR_ARG;
    if (src && src->struct_size < sizeof *src) return EDGR_ERR_ARG; /* not set up */
    jsonw w = {.write = write, .user = user, .pretty = (flags & EDGR_JSON_PRETTY) != 0};
    jsonw_open(&w, '{');
    write_source(&w, s, src);
    write_document(&w, f, s, docs);
    write_cover(&w, &f->cover);
    write_signatures(&w, &f->signatures);
    write_exhibits(&w, f);
    jsonw_close(&w, '}');
    jsonw_flush(&w);
    return w.failed ? EDGR_ERR_ABORTED : EDGR_OK;
}
