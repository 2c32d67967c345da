/* edgr ownership and edgr holdings: the rows of each filing's Forms 3/4/5
 * (insider transactions and holdings) or 13F (institutional positions),
 * one JSON object a row, or a table; --filings: one object a document. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "edgr/ownership.h"

typedef struct octx {
    const opts *o;
    sink *out, *err;
    int table;      /* --format table, or a terminal without --format/--pretty */
    int holdings;   /* edgr holdings, else edgr ownership                       */
} octx;

/* A header value as a NUL-terminated string in buf (cut to its size). */
static const char *hdr(const filing *f, const char *path, char *buf, size_t cap)
{
    edgr_span v = f->sub ? edgr_get(f->sub, path) : (edgr_span){0};
    if (!v.ptr || !v.len) return NULL;
    size_t n = v.len < cap - 1 ? v.len : cap - 1;
    memcpy(buf, v.ptr, n);
    buf[n] = '\0';
    return buf;
}

typedef struct hdr_facts {
    char acc[32], date[16], period[16], form[32], cik[16], name[256];
    edgr_own_filing of;
} hdr_facts;

static void filing_facts(const filing *f, hdr_facts *h, const char *filer_role)
{
    memset(h, 0, sizeof *h);
    h->of.struct_size = sizeof h->of;
    h->of.accession = hdr(f, "accession_number", h->acc, sizeof h->acc);
    h->of.filing_date = hdr(f, "filing_date", h->date, sizeof h->date);
    h->of.period = hdr(f, "period", h->period, sizeof h->period);
    char path[64];
    snprintf(path, sizeof path, "%s.0.company_data.cik", filer_role);
    h->of.cik = hdr(f, path, h->cik, sizeof h->cik);
    snprintf(path, sizeof path, "%s.0.company_data.conformed_name", filer_role);
    h->of.name = hdr(f, path, h->name, sizeof h->name);
    hdr(f, "type", h->form, sizeof h->form);
}


static void tab(sink *s) { sink_write(s, "\t", 1); }

static void say_problems(octx *c, const filing *f, const edgr_document *d, size_t n,
                         const edgr_own_problem *(*at)(const void *, size_t), const void *x, int skip_last)
{
    if (c->o->quiet) return;
    for (size_t i = 0; i + (skip_last ? 1 : 0) < n; i++) {
        const edgr_own_problem *p = at(x, i);
        sink_printf(c->err, "%s: %llu: warning: %.*s%s%s\n", f->name, (unsigned long long)p->offset,
                    (int)d->filename.len, d->filename.ptr ? d->filename.ptr : "", d->filename.len ? ": " : "",
                    p->message);
    }
}

static const edgr_own_problem *own_at(const void *x, size_t i) { return edgr_ownership_problem_at(x, i); }

/* A reader's error: its last problem. */
static void say_error(octx *c, const filing *f, const edgr_document *d, const edgr_own_problem *p, edgr_status st)
{
    sink_printf(c->err, "%s: %llu: %.*s%s%s\n", f->name, (unsigned long long)(p ? p->offset : d->body_offset),
                (int)d->filename.len, d->filename.ptr ? d->filename.ptr : "", d->filename.len ? ": " : "",
                p ? p->message : edgr_strerror(st));
}

/* ---- edgr ownership ------------------------------------------------ */

static void ownership_table_row(sink *s, const edgr_own_doc *d, const edgr_own_row *r)
{
    static const int cols[] = {EDGR_OWN_TRANSACTION_DATE, EDGR_OWN_CODE, EDGR_OWN_ACQUIRED_DISPOSED, EDGR_OWN_SHARES,
                               EDGR_OWN_PRICE, EDGR_OWN_OWNED_AFTER_SHARES, EDGR_OWN_DIRECT_INDIRECT};
    sink_cell(s, d->issuer_symbol, 0);
    tab(s);
    sink_cell(s, d->nowners ? d->owners[0].name : "", 40);
    tab(s);
    sink_cell(s, edgr_own_kind_name(r->kind), 0);
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
        tab(s);
        const edgr_own_value *v = &r->f[cols[i]];
        if (v->value) sink_cell(s, v->value, 0);
        else if (v->footnotes) {
            sink_printf(s, "(see ");
            sink_cell(s, v->footnotes, 0);
            sink_printf(s, ")");
        }
    }
    tab(s);
    sink_cell(s, r->f[EDGR_OWN_SECURITY_TITLE].value, 60);
    sink_write(s, "\n", 1);
}

static int ownership_document(octx *c, const filing *f, const edgr_document *d, const hdr_facts *h)
{
    edgr_own_options oo = {.struct_size = sizeof oo, .base_offset = d->body_offset};
    edgr_ownership *x = NULL;
    edgr_status st = edgr_ownership_read(d->body.ptr, d->body.len, &oo, &x);
    if (st == EDGR_ERR_NOMEM) {
        sink_printf(c->err, "%s: %llu: %s\n", f->name, (unsigned long long)d->body_offset, edgr_strerror(st));
        return 1;
    }
    size_t np = edgr_ownership_problem_count(x);
    if (st != EDGR_OK) say_error(c, f, d, np ? edgr_ownership_problem_at(x, np - 1) : NULL, st);
    const edgr_own_doc *doc = edgr_ownership_doc(x);
    if (c->o->filings) {
        edgr_ownership_write_doc(x, &h->of, sink_write_cb, c->out);
        sink_write(c->out, "\n", 1);
    } else
        for (size_t i = 0; i < doc->nrows && !c->out->failed; i++) {
            if (c->table) ownership_table_row(c->out, doc, &doc->rows[i]);
            else {
                edgr_ownership_write_row(x, i, &h->of, sink_write_cb, c->out);
                sink_write(c->out, "\n", 1);
            }
        }
    say_problems(c, f, d, np, own_at, x, st != EDGR_OK);
    edgr_ownership_free(x);
    return st != EDGR_OK;
}

/* Forms 3, 4, 5 and their amendments, by the header's form type. */
static int is_ownership_form(const char *form)
{
    return (form[0] == '3' || form[0] == '4' || form[0] == '5') && (!form[1] || !strcmp(form + 1, "/A"));
}

static int is_13f_form(const char *form) { return !strncmp(form, "13F-", 4); }

/* A filing of the right form with no XML to read (before mid-2003 for
 * Forms 3/4/5, before 2013 for 13F): its header facts, and that the table
 * was not read.  Rows are never made up from text. */
static void header_facts(octx *c, const filing *f, const hdr_facts *h, const char *why)
{
    sink *s = c->out;
    sink_write(s, "{", 1);
#define KV(k, v)                                                                                                   \
    do {                                                                                                           \
        if (v && *v) {                                                                                             \
            sink_printf(s, "\"%s\":", k);                                                                          \
            sink_json_str(s, v, strlen(v));                                                                        \
            sink_write(s, ",", 1);                                                                                 \
        }                                                                                                          \
    } while (0)
    KV("accession_number", h->of.accession);
    KV("filing_date", h->of.filing_date);
    KV("form", h->form);
    KV("period", h->of.period);
    static const char *const roles[] = {"issuer", "subject_company", "reporting_owner", "filer"};
    for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
        char path[64], cik[16], name[256];
        int any = 0;
        for (int i = 0; i < 100; i++) {
            snprintf(path, sizeof path, "%s.%d.company_data.cik", roles[r], i);
            if (!hdr(f, path, cik, sizeof cik)) break;
            snprintf(path, sizeof path, "%s.%d.company_data.conformed_name", roles[r], i);
            if (!hdr(f, path, name, sizeof name)) name[0] = '\0';
            sink_printf(s, any ? "," : "\"%s\":[", roles[r]);
            any = 1;
            sink_printf(s, "{\"cik\":");
            sink_json_str(s, cik, strlen(cik));
            sink_printf(s, ",\"name\":");
            sink_json_str(s, name, strlen(name));
            sink_write(s, "}", 1);
        }
        if (any) sink_write(s, "],", 2);
    }
#undef KV
    sink_printf(s, "\"rows_not_read\":");
    sink_json_str(s, why, strlen(why));
    sink_write(s, "}\n", 2);
    if (!c->o->quiet) sink_printf(c->err, "%s: 0: warning: %s\n", f->name, why);
}

static int ownership_filing(octx *c, const filing *f)
{
    hdr_facts h;
    filing_facts(f, &h, "reporting_owner");
    int failed = 0, found = 0;
    for (size_t i = 0; i < f->doc_count && !c->out->failed; i++) {
        const edgr_document *d = &f->docs[i];
        if ((f->over && f->over[i]) || !edgr_ownership_is(d->body.ptr, d->body.len)) continue;
        found = 1;
        failed |= ownership_document(c, f, d, &h);
    }
    if (found || failed) return failed;
    if (is_ownership_form(h.form)) {
        char why[200];
        snprintf(why, sizeof why,
                 "Form %s of %s has no ownership XML (filed before mid-2003, as HTML or text): its table is not read",
                 h.form, h.date[0] ? h.date : "an unknown date");
        header_facts(c, f, &h, why);
        return 0;
    }
    return nothing_to_show(f->name, f->walked, c->o, c->err, 0, "no ownership document (Forms 3, 4, 5 XML)");
}

/* ---- edgr holdings ------------------------------------------------- */

static void holdings_table_row(sink *s, const edgr_13f_doc *d, const edgr_13f_row *r)
{
    sink_cell(s, r->name_of_issuer, 30);
    tab(s);
    sink_cell(s, r->title_of_class, 16);
    tab(s);
    sink_cell(s, r->cusip, 0);
    tab(s);
    sink_cell(s, r->value_usd ? r->value_usd : r->value, 0);
    tab(s);
    sink_cell(s, r->amount, 0);
    sink_write(s, " ", 1);
    sink_cell(s, r->amount_type, 0);
    tab(s);
    sink_cell(s, r->put_call, 0);
    tab(s);
    sink_cell(s, r->investment_discretion, 0);
    tab(s);
    sink_cell(s, edgr_13f_units_name(d->units), 0);
    sink_write(s, "\n", 1);
}

static int holdings_filing(octx *c, const filing *f)
{
    hdr_facts h;
    filing_facts(f, &h, "filer");
    edgr_13f *x = edgr_13f_new();
    if (!x) {
        sink_printf(c->err, "%s: 0: %s\n", f->name, edgr_strerror(EDGR_ERR_NOMEM));
        return 1;
    }
    int failed = 0, found = 0;
    for (size_t i = 0; i < f->doc_count; i++) {
        const edgr_document *d = &f->docs[i];
        if ((f->over && f->over[i]) || !edgr_13f_is(d->body.ptr, d->body.len)) continue;
        found = 1;
        size_t before = edgr_13f_problem_count(x);
        edgr_own_options oo = {.struct_size = sizeof oo, .base_offset = d->body_offset};
        edgr_status st = edgr_13f_add(x, d->body.ptr, d->body.len, &oo);
        if (st == EDGR_ERR_NOMEM) {
            sink_printf(c->err, "%s: %llu: %s\n", f->name, (unsigned long long)d->body_offset, edgr_strerror(st));
            edgr_13f_free(x);
            return 1;
        }
        size_t np = edgr_13f_problem_count(x);
        if (st != EDGR_OK) {
            say_error(c, f, d, np > before ? edgr_13f_problem_at(x, np - 1) : NULL, st);
            failed = 1;
        }
        /* this document's warnings (its error said above) */
        for (size_t k = before; !c->o->quiet && k + (st != EDGR_OK ? 1 : 0) < np; k++) {
            const edgr_own_problem *p = edgr_13f_problem_at(x, k);
            sink_printf(c->err, "%s: %llu: warning: %.*s: %s\n", f->name, (unsigned long long)p->offset,
                        (int)d->filename.len, d->filename.ptr ? d->filename.ptr : "", p->message);
        }
    }
    if (!found) {
        edgr_13f_free(x);
        if (is_13f_form(h.form)) {
            char why[200];
            snprintf(why, sizeof why,
                     !strncmp(h.form, "13F-NT", 6)
                         ? "Form %s of %s is a notice: its holdings are reported by other managers"
                         : "Form %s of %s has no XML information table (filed before 2013, as text): its table is not read",
                     h.form, h.date[0] ? h.date : "an unknown date");
            header_facts(c, f, &h, why);
            return 0;
        }
        return nothing_to_show(f->name, f->walked, c->o, c->err, 0, "no 13F document (primary document or information table)");
    }
    size_t before = edgr_13f_problem_count(x);
    if (edgr_13f_finish(x, h.of.period) == EDGR_ERR_NOMEM) {
        sink_printf(c->err, "%s: 0: %s\n", f->name, edgr_strerror(EDGR_ERR_NOMEM));
        edgr_13f_free(x);
        return 1;
    }
    const edgr_13f_doc *doc = edgr_13f_doc_of(x);
    if (c->o->filings) {
        edgr_13f_write_doc(x, &h.of, sink_write_cb, c->out);
        sink_write(c->out, "\n", 1);
    } else
        for (size_t i = 0; i < doc->nrows && !c->out->failed; i++) {
            if (c->table) holdings_table_row(c->out, doc, &doc->rows[i]);
            else {
                edgr_13f_write_row(x, i, &h.of, sink_write_cb, c->out);
                sink_write(c->out, "\n", 1);
            }
        }
    /* the summary page's checks */
    for (size_t k = before; !c->o->quiet && k < edgr_13f_problem_count(x); k++)
        sink_printf(c->err, "%s: %llu: warning: %s\n", f->name, (unsigned long long)edgr_13f_problem_at(x, k)->offset,
                    edgr_13f_problem_at(x, k)->message);
    /* no rows is never said by silence */
    if (!doc->has_table && !c->o->filings && !c->o->quiet)
        sink_printf(c->err, "%s: 0: warning: %s\n", f->name,
                    doc->report_type && strstr(doc->report_type, "NOTICE")
                        ? "a 13F notice: its holdings are in the reports of the managers it names, no rows"
                        : "a 13F primary document without its information table: no rows");
    edgr_13f_free(x);
    return failed || c->out->failed;
}

static int run_filing(void *user, const filing *f)
{
    octx *c = user;
    return c->holdings ? holdings_filing(c, f) : ownership_filing(c, f);
}

int cmd_ownership_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    octx c = {.o = o, .out = out, .err = err, .holdings = !strcmp(cmd->name, "holdings")};
    c.table = !o->filings && (o->xbrl_table > 0 || (!o->xbrl_table && !o->pretty && isatty(1)));
    return each_filing(u, o, err, run_filing, &c);
}
