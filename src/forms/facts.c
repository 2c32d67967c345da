/* Facts of a filing (see edgr/facts.h): the entry point.  It picks the
 * main document, takes its text, and runs the cover, signature and exhibit
 * readers (cover.c, signatures.c, exhibits.c) over it; what they share is
 * in facts_kit.c. */
#include <stdlib.h>
#include <string.h>

#include "facts_int.h"
#include "styles.h"

/* ---- entry point ---- */

static void clear(edgr_facts *f)
{
    void *priv = f->priv;
    memset(f, 0, sizeof *f);
    f->priv = priv;
    f->main_doc = -1;
    edgr_checkbox none = {.value = -1};
    f->cover.written_communications = f->cover.soliciting_material = none;
    f->cover.pre_commencement_tender_offer = f->cover.pre_commencement_issuer_tender_offer = none;
    f->cover.emerging_growth_company = none;
}

edgr_status edgr_facts_extract(const edgr_submission *s, const edgr_document *docs,
                               size_t doc_count, edgr_facts *out)
{
    return edgr_facts_extract_opt(s, docs, doc_count, NULL, out);
}

edgr_status edgr_facts_extract_opt(const edgr_submission *s, const edgr_document *docs,
                                   size_t doc_count, const edgr_facts_options *opt, edgr_facts *out)
{
    if (!out || (!docs && doc_count) || (opt && opt->struct_size < sizeof *opt)) return EDGR_ERR_ARG;
    fx_state *st = out->priv;
    if (!st) {
        if (!(st = calloc(1, sizeof *st))) return EDGR_ERR_NOMEM;
        out->priv = st;
    }
    clear(out);
    arena_reset(&st->strings);
    st->sec_n = st->sig_n = st->xd_n = st->xe_n = 0;
    st->nomem = 0;
    st->ix_work = 0;
    free(st->ix); /* a failed call's */
    st->ix = NULL;

    /* the main document, by the library's one rule */
    out->main_doc = edgr_main_document(s, docs, doc_count);
    const edgr_document *main = out->main_doc >= 0 ? &docs[out->main_doc] : NULL;
    fx_doc d = {.t = "", .n = 0, .text = &st->text};
    st->text.len = 0;
    st->text.anchor_count = 0;
    if (main) {
        /* the page's own facts first: its text is the last reading of it,
         * so its bytes can go as the text is made (opt->release) */
        fx_inline_xbrl_read(st, main);
        if (st->nomem) { clear(out); return EDGR_ERR_NOMEM; }
        /* TSV cells, but a signature block's lines as lines */
        edgr_text_options to = EDGR_TEXT_OPTIONS_INIT;
        to.tables = EDGR_TABLES_TSV_PROSE_LINES;
        if (opt) {
            to.release = opt->release;
            to.release_user = opt->release_user;
        }
        edgr_status ts = edgr_document_text(main, &to, &st->text);
        if (ts == EDGR_ERR_NOMEM) { clear(out); return EDGR_ERR_NOMEM; }
        if (ts == EDGR_OK && st->text.data) { d.t = st->text.data; d.n = st->text.len; }
    }
    fx_doc_lines(st, &d);

    fx_cover(st, &d, main, s, out);
    fx_signatures(st, &d, out);
    fx_exhibits(st, &d, docs, doc_count, out);
    if (st->nomem) { clear(out); return EDGR_ERR_NOMEM; }
    out->cover.securities = st->sec;
    out->cover.security_count = st->sec_n;
    out->signatures.signers = st->sig;
    out->signatures.signer_count = st->sig_n;
    out->exhibit_docs = st->xd;
    out->exhibit_doc_count = st->xd_n;
    out->exhibit_index = st->xe;
    out->exhibit_index_count = st->xe_n;
    return EDGR_OK;
}

void edgr_facts_free(edgr_facts *f)
{
    if (!f) return;
    fx_state *st = f->priv;
    if (st) {
        arena_free(&st->strings);
        edgr_text_free(&st->text);
        free(st->lines);
        free(st->memo);
        free(st->memo_at);
        free(st->sec);
        free(st->sig);
        free(st->xd);
        free(st->xe);
        free(st->ix);
        free(st);
    }
    memset(f, 0, sizeof *f);
    f->main_doc = -1;
}
