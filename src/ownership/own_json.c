/*
 * The JSON of ownership and 13F rows and documents (edgr/ownership.h),
 * through the core's JSON writer: one escaping rule for all of edgr.
 */
#include <stddef.h>
#include <string.h>

#include "jsonw.h"
#include "own_int.h"

/* A member only when there is something to say. */
static void put(jsonw *w, const char *k, const char *v)
{
    if (v) jsonw_kstr(w, k, v);
}

/* A canonical decimal is a JSON number as it is; text kept as written
 * (not a number) stays a string. */
static int json_number(const char *v)
{
    size_t i = v[0] == '-';
    if (!v[i]) return 0;
    int dot = 0;
    for (; v[i]; i++) {
        if (v[i] == '.' && !dot && i && v[i + 1]) dot = 1;
        else if (v[i] < '0' || v[i] > '9') return 0;
    }
    return 1;
}

static void put_num(jsonw *w, const char *k, const char *v)
{
    if (!v) return;
    jsonw_key(w, k);
    if (json_number(v)) jsonw_put(w, v, strlen(v));
    else jsonw_cstr(w, v);
}

static void put_bool(jsonw *w, const char *k, const char *v)
{
    if (!v) return;
    jsonw_key(w, k);
    if (!strcmp(v, "true") || !strcmp(v, "false")) jsonw_put(w, v, strlen(v));
    else jsonw_cstr(w, v);
}

/* "F1,F3" as ["F1","F3"] */
static void put_ids(jsonw *w, const char *ids)
{
    jsonw_open(w, '[');
    while (ids && *ids) {
        const char *c = strchr(ids, ',');
        size_t n = c ? (size_t)(c - ids) : strlen(ids);
        jsonw_elem(w);
        jsonw_str(w, ids, n);
        ids += n + (c ? 1 : 0);
    }
    jsonw_close(w, ']');
}

static edgr_status done(jsonw *w)
{
    jsonw_flush(w);
    return w->failed ? EDGR_ERR_ABORTED : EDGR_OK;
}

static const char *filing_str(const edgr_own_filing *f, size_t off)
{
    if (!f || f->struct_size < off + sizeof(const char *)) return NULL;
    return *(const char *const *)((const char *)f + off);
}
#define FILING(f, m) filing_str(f, offsetof(edgr_own_filing, m))

static void put_filing(jsonw *w, const edgr_own_filing *f)
{
    put(w, "accession_number", FILING(f, accession));
    put(w, "filing_date", FILING(f, filing_date));
}

/* ---- Forms 3, 4, 5 ------------------------------------------------ */

static void put_issuer(jsonw *w, const edgr_own_doc *d)
{
    jsonw_key(w, "issuer");
    jsonw_open(w, '{');
    put(w, "cik", d->issuer_cik);
    put(w, "name", d->issuer_name);
    put(w, "symbol", d->issuer_symbol);
    jsonw_close(w, '}');
}

static int is_true(const char *v) { return v && !strcmp(v, "true"); }

/* An owner: with `full`, the address and every flag as filed. */
static void put_owner(jsonw *w, const edgr_own_owner *o, int full)
{
    jsonw_open(w, '{');
    put(w, "cik", o->cik);
    put(w, "name", o->name);
    jsonw_key(w, "relationship");
    jsonw_open(w, '[');
    const char *flags[] = {o->is_director, o->is_officer, o->is_ten_percent_owner, o->is_other};
    const char *names[] = {"director", "officer", "ten_percent_owner", "other"};
    for (int i = 0; i < 4; i++)
        if (is_true(flags[i])) {
            jsonw_elem(w);
            jsonw_cstr(w, names[i]);
        }
    jsonw_close(w, ']');
    put(w, "officer_title", o->officer_title);
    put(w, "other_text", o->other_text);
    if (full) {
        put_bool(w, "is_director", o->is_director);
        put_bool(w, "is_officer", o->is_officer);
        put_bool(w, "is_ten_percent_owner", o->is_ten_percent_owner);
        put_bool(w, "is_other", o->is_other);
        jsonw_key(w, "address");
        jsonw_open(w, '{');
        put(w, "street1", o->street1);
        put(w, "street2", o->street2);
        put(w, "city", o->city);
        put(w, "state", o->state);
        put(w, "zip", o->zip);
        put(w, "state_description", o->state_description);
        jsonw_close(w, '}');
    }
    jsonw_close(w, '}');
}

static void put_owners(jsonw *w, const edgr_own_doc *d, int full)
{
    jsonw_key(w, "owners");
    jsonw_open(w, '[');
    for (size_t i = 0; i < d->nowners; i++) {
        jsonw_elem(w);
        put_owner(w, &d->owners[i], full);
    }
    jsonw_close(w, ']');
}

/* The text of every footnote row r refers to, once each, in order. */
static void put_row_footnotes(jsonw *w, const edgr_ownership *x, const edgr_own_row *r)
{
    enum { SEEN_MAX = 64 };
    const char *seen[SEEN_MAX];
    size_t seen_n[SEEN_MAX], nseen = 0;
    int open = 0;
    for (int f = 0; f < EDGR_OWN_NFIELDS; f++) {
        const char *ids = r->f[f].footnotes;
        while (ids && *ids) {
            const char *c = strchr(ids, ',');
            size_t n = c ? (size_t)(c - ids) : strlen(ids);
            int dup = 0;
            for (size_t k = 0; k < nseen && !dup; k++) dup = seen_n[k] == n && !memcmp(seen[k], ids, n);
            if (!dup && nseen < SEEN_MAX) {
                seen[nseen] = ids, seen_n[nseen++] = n;
                if (!open) {
                    jsonw_key(w, "footnotes");
                    jsonw_open(w, '{');
                    open = 1;
                }
                jsonw_elem(w);
                jsonw_str(w, ids, n);
                jsonw_put(w, ":", 1);
                int found;
                const char *t = own_footnote_text(x, ids, n, &found);
                if (found) jsonw_cstr(w, t);
                else jsonw_put(w, "null", 4); /* referred to, never given */
            }
            ids += n + (c ? 1 : 0);
        }
    }
    if (open) jsonw_close(w, '}');
}

edgr_status edgr_ownership_write_row(const edgr_ownership *x, size_t i, const edgr_own_filing *filing,
                                     edgr_write_fn write, void *user)
{
    const edgr_own_doc *d = edgr_ownership_doc(x);
    if (!d || i >= d->nrows || !write) return EDGR_ERR_ARG;
    const edgr_own_row *r = &d->rows[i];
    jsonw w = {.write = write, .user = user};
    jsonw_open(&w, '{');
    put_filing(&w, filing);
    put(&w, "document_type", d->document_type);
    put(&w, "period_of_report", d->period_of_report);
    put_issuer(&w, d);
    put_owners(&w, d, 0);
    jsonw_kstr(&w, "table", edgr_own_kind_name(r->kind));
    jsonw_knum(&w, "row", (int64_t)i);
    for (int f = 0; f < EDGR_OWN_NFIELDS; f++) {
        const edgr_own_value *v = &r->f[f];
        const char *key = edgr_own_field_name((edgr_own_field)f);
        if (f == EDGR_OWN_OTHER_FOOTNOTES) {
            if (v->footnotes) {
                jsonw_key(&w, key);
                put_ids(&w, v->footnotes);
            }
            continue;
        }
        if (!v->value && !v->footnotes) continue;
        int type = edgr_own_field_type((edgr_own_field)f);
        if (!v->value) {
            jsonw_key(&w, key);
            jsonw_put(&w, "null", 4); /* no value: see the footnotes */
        } else if (type == 1) put_num(&w, key, v->value);
        else if (type == 2) put_bool(&w, key, v->value);
        else jsonw_kstr(&w, key, v->value);
        if (v->footnotes) {
            char fk[64];
            size_t kl = strlen(key);
            memcpy(fk, key, kl);
            memcpy(fk + kl, "_footnotes", 11);
            jsonw_key(&w, fk);
            put_ids(&w, v->footnotes);
        }
    }
    put_row_footnotes(&w, x, r);
    jsonw_knum(&w, "offset", (int64_t)r->offset);
    jsonw_close(&w, '}');
    return done(&w);
}

edgr_status edgr_ownership_write_doc(const edgr_ownership *x, const edgr_own_filing *filing, edgr_write_fn write,
                                     void *user)
{
    const edgr_own_doc *d = edgr_ownership_doc(x);
    if (!d || !write) return EDGR_ERR_ARG;
    jsonw w = {.write = write, .user = user};
    jsonw_open(&w, '{');
    put_filing(&w, filing);
    put(&w, "schema_version", d->schema_version);
    put(&w, "document_type", d->document_type);
    put(&w, "period_of_report", d->period_of_report);
    put(&w, "date_of_original_submission", d->date_of_original_submission);
    put_bool(&w, "not_subject_to_section16", d->not_subject_to_section16);
    put_bool(&w, "no_securities_owned", d->no_securities_owned);
    put_bool(&w, "aff10b5one", d->aff10b5one);
    put_bool(&w, "form3_holdings_reported", d->form3_holdings_reported);
    put_bool(&w, "form4_transactions_reported", d->form4_transactions_reported);
    put_issuer(&w, d);
    put_owners(&w, d, 1);
    jsonw_key(&w, "footnotes");
    jsonw_open(&w, '[');
    for (size_t i = 0; i < d->nfootnotes; i++) {
        jsonw_elem(&w);
        jsonw_open(&w, '{');
        put(&w, "id", d->footnotes[i].id);
        jsonw_kstr(&w, "text", d->footnotes[i].text ? d->footnotes[i].text : "");
        jsonw_close(&w, '}');
    }
    jsonw_close(&w, ']');
    put(&w, "remarks", d->remarks);
    jsonw_key(&w, "signatures");
    jsonw_open(&w, '[');
    for (size_t i = 0; i < d->nsignatures; i++) {
        jsonw_elem(&w);
        jsonw_open(&w, '{');
        put(&w, "name", d->signatures[i].name);
        put(&w, "date", d->signatures[i].date);
        jsonw_close(&w, '}');
    }
    jsonw_close(&w, ']');
    size_t per[5] = {0};
    for (size_t i = 0; i < d->nrows; i++) per[d->rows[i].kind]++;
    jsonw_knum(&w, "rows", (int64_t)d->nrows);
    jsonw_key(&w, "tables");
    jsonw_open(&w, '{');
    for (int k = 1; k <= 4; k++) jsonw_knum(&w, edgr_own_kind_name((edgr_own_kind)k), (int64_t)per[k]);
    jsonw_close(&w, '}');
    jsonw_close(&w, '}');
    return done(&w);
}

/* ---- 13F ------------------------------------------------------------ */

static void put_manager(jsonw *w, const edgr_13f_doc *d, const edgr_own_filing *f)
{
    jsonw_key(w, "manager");
    jsonw_open(w, '{');
    put(w, "cik", d->filer_cik ? d->filer_cik : FILING(f, cik));
    put(w, "name", d->manager_name ? d->manager_name : FILING(f, name));
    jsonw_close(w, '}');
}

edgr_status edgr_13f_write_row(const edgr_13f *h, size_t i, const edgr_own_filing *filing, edgr_write_fn write,
                               void *user)
{
    const edgr_13f_doc *d = edgr_13f_doc_of(h);
    if (!d || i >= d->nrows || !write) return EDGR_ERR_ARG;
    const edgr_13f_row *r = &d->rows[i];
    jsonw w = {.write = write, .user = user};
    jsonw_open(&w, '{');
    put_filing(&w, filing);
    put(&w, "form", d->submission_type);
    put_manager(&w, d, filing);
    put(&w, "period", d->period);
    jsonw_knum(&w, "row", (int64_t)i);
    put(&w, "name_of_issuer", r->name_of_issuer);
    put(&w, "title_of_class", r->title_of_class);
    put(&w, "cusip", r->cusip);
    put(&w, "figi", r->figi);
    put_num(&w, "value", r->value);
    put_num(&w, "value_usd", r->value_usd);
    jsonw_kstr(&w, "units", edgr_13f_units_name(d->units));
    put(&w, "units_rule", d->units_rule);
    put_num(&w, "amount", r->amount);
    put(&w, "amount_type", r->amount_type);
    put(&w, "put_call", r->put_call);
    put(&w, "investment_discretion", r->investment_discretion);
    put(&w, "other_manager", r->other_manager);
    jsonw_key(&w, "voting");
    jsonw_open(&w, '{');
    put_num(&w, "sole", r->voting_sole);
    put_num(&w, "shared", r->voting_shared);
    put_num(&w, "none", r->voting_none);
    jsonw_close(&w, '}');
    jsonw_knum(&w, "offset", (int64_t)r->offset);
    jsonw_close(&w, '}');
    return done(&w);
}

static void put_managers(jsonw *w, const char *k, const edgr_13f_manager *m, size_t n)
{
    jsonw_key(w, k);
    jsonw_open(w, '[');
    for (size_t i = 0; i < n; i++) {
        jsonw_elem(w);
        jsonw_open(w, '{');
        put(w, "sequence", m[i].sequence);
        put(w, "cik", m[i].cik);
        put(w, "file_number", m[i].file_number);
        put(w, "crd_number", m[i].crd_number);
        put(w, "sec_file_number", m[i].sec_file_number);
        put(w, "name", m[i].name);
        jsonw_close(w, '}');
    }
    jsonw_close(w, ']');
}

edgr_status edgr_13f_write_doc(const edgr_13f *h, const edgr_own_filing *filing, edgr_write_fn write, void *user)
{
    const edgr_13f_doc *d = edgr_13f_doc_of(h);
    if (!d || !write) return EDGR_ERR_ARG;
    jsonw w = {.write = write, .user = user};
    jsonw_open(&w, '{');
    put_filing(&w, filing);
    put(&w, "schema_version", d->schema_version);
    put(&w, "form", d->submission_type);
    put_manager(&w, d, filing);
    put(&w, "period", d->period);
    put(&w, "period_of_report", d->period_of_report);
    put(&w, "report_calendar_or_quarter", d->report_calendar_or_quarter);
    put_bool(&w, "is_amendment", d->is_amendment);
    put(&w, "amendment_no", d->amendment_no);
    put(&w, "amendment_type", d->amendment_type);
    put_bool(&w, "conf_denied_expired", d->conf_denied_expired);
    put(&w, "date_denied_expired", d->date_denied_expired);
    put(&w, "date_reported", d->date_reported);
    put(&w, "reason_for_non_confidentiality", d->reason_for_non_confidentiality);
    jsonw_key(&w, "address");
    jsonw_open(&w, '{');
    put(&w, "street1", d->street1);
    put(&w, "street2", d->street2);
    put(&w, "city", d->city);
    put(&w, "state_or_country", d->state_or_country);
    put(&w, "zip", d->zip);
    jsonw_close(&w, '}');
    put(&w, "report_type", d->report_type);
    put(&w, "form13f_file_number", d->form13f_file_number);
    put(&w, "crd_number", d->crd_number);
    put(&w, "sec_file_number", d->sec_file_number);
    put_bool(&w, "provide_info_for_instruction5", d->provide_info_for_instruction5);
    put(&w, "additional_information", d->additional_information);
    put_managers(&w, "other_managers", d->other_managers, d->nother_managers);
    jsonw_key(&w, "signature");
    jsonw_open(&w, '{');
    put(&w, "name", d->signature_name);
    put(&w, "title", d->signature_title);
    put(&w, "phone", d->signature_phone);
    put(&w, "signature", d->signature);
    put(&w, "city", d->signature_city);
    put(&w, "state_or_country", d->signature_state_or_country);
    put(&w, "date", d->signature_date);
    jsonw_close(&w, '}');
    jsonw_key(&w, "summary");
    jsonw_open(&w, '{');
    put_num(&w, "other_included_managers_count", d->other_included_managers_count);
    put_num(&w, "table_entry_total", d->table_entry_total);
    put_num(&w, "table_value_total", d->table_value_total);
    put_bool(&w, "is_confidential_omitted", d->is_confidential_omitted);
    put_managers(&w, "included_managers", d->included_managers, d->nincluded_managers);
    jsonw_close(&w, '}');
    jsonw_kstr(&w, "units", edgr_13f_units_name(d->units));
    put(&w, "units_rule", d->units_rule);
    jsonw_knum(&w, "priced_rows", (int64_t)d->priced);
    jsonw_knum(&w, "priced_below_1", (int64_t)d->priced_below_1);
    jsonw_key(&w, "documents");
    jsonw_open(&w, '[');
    if (d->has_primary) jsonw_elem(&w), jsonw_cstr(&w, "primary");
    if (d->has_table) jsonw_elem(&w), jsonw_cstr(&w, "information_table");
    jsonw_close(&w, ']');
    jsonw_knum(&w, "rows", (int64_t)d->nrows);
    jsonw_close(&w, '}');
    return done(&w);
}
