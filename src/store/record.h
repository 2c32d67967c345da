/* A record: everything one filing puts in the store, built off the writer's
 * thread.  Strings live in one pool and are referred to by offset (0 means
 * NULL), so a record is a handful of allocations however many rows it has. */
#ifndef EDGR_STORE_RECORD_H
#define EDGR_STORE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "edgr/store.h"

typedef size_t sref; /* offset in the pool; 0 = no string */

typedef struct rec_address {
    sref street1, street2, city, state, zip, phone;
} rec_address;

typedef struct rec_entity {
    sref role, cik, name, sic, sic_description, irs_number, state_of_incorporation,
        fiscal_year_end, form_type, act, file_number, film_number;
    rec_address business, mail;
    size_t former_first, former_count;
} rec_entity;

typedef struct rec_former {
    sref name, date_changed;
} rec_former;

typedef struct rec_doc {
    long seq;
    sref type, filename, description, format;
    int64_t size;
    char sha256[65];
    uint64_t offset, length;
} rec_doc;

typedef struct rec_section {
    long doc;
    sref code, part, title;
    int combined;
    uint64_t src_start, src_end;
    uint64_t text_len;
} rec_section;

typedef struct rec_row {   /* one full-text row */
    long doc;
    sref doc_type, item, part;
    size_t text;               /* in the pool, or in texts[text_buf]       */
    long text_buf;             /* -1: in the pool; not NUL-terminated else */
    size_t text_len;
    size_t tokens_at, tokens_len; /* in the record's `tokens` (pretok.h)  */
    int has_tokens;
} rec_row;

typedef struct rec_exhibit {
    sref number, title, doc_type, doc_description;
    long doc;              /* sequence of the matched document, or -1 */
} rec_exhibit;

typedef struct rec_fact {
    sref name, value, source;
    uint64_t offset;
} rec_fact;

/* One XBRL fact (issue 14): what edgr_xbrl_read gave, flattened.  Only
 * the facts of the filing's inline XBRL documents, or of its instance when
 * it has none (the SEC's extracted instance repeats the inline facts). */
typedef struct rec_xfact {
    long doc;                          /* the document's sequence          */
    sref ns, prefix, name, id, context, start, end, entity, dimensions, unit, value, decimals, precision,
        footnotes;                     /* dimensions, footnotes: JSON text */
    int kind, instant, nil, duplicate, untransformed;
    uint64_t offset;
} rec_xfact;

/* Issue 15: a Forms 3/4/5 row, an owner of the document it is in, a 13F
 * position, and each document's own JSON (edgr ownership --filings, edgr
 * holdings --filings).  `json` is the row as edgr ownership / edgr
 * holdings print it; the other fields are what queries select on. */
typedef struct rec_insider {
    long doc;
    sref issuer_cik, document_type, table, code, date, shares, price, acquired_disposed, owned_after, title, json;
} rec_insider;

typedef struct rec_owner {
    long doc;
    sref cik, name, relationship, officer_title;
} rec_owner;

typedef struct rec_holding {
    long doc;
    sref manager_cik, period, cusip, issuer, title, value, value_usd, units, amount, amount_type, put_call, json;
} rec_holding;

typedef struct rec_odoc {
    long doc;
    sref kind, json;       /* kind "ownership" or "13f" */
} rec_odoc;

typedef struct rec_security {
    sref title, symbol, exchange;
} rec_security;

typedef struct rec_signer {
    sref name, title, date_text, date;
} rec_signer;

#define REC_ARRAY(T, name) T *name; size_t name##_count, name##_cap

struct edgr_record {
    edgr_buf pool;
    edgr_buf tokens;              /* the rows' tokens, made by the worker    */
    sref accession, form, filing_date, period, accepted, changed, items, header_json;
    sref cik, company;            /* first entity                            */
    sref source_path, source_member;
    uint64_t source_offset, source_length;
    int header_only;
    long doc_count;
    uint64_t text_bytes;
    REC_ARRAY(rec_entity, entities);
    REC_ARRAY(rec_former, formers);
    REC_ARRAY(rec_doc, docs);
    REC_ARRAY(rec_section, sections);
    REC_ARRAY(rec_row, rows);
    REC_ARRAY(rec_exhibit, exhibits);
    REC_ARRAY(rec_fact, facts);
    REC_ARRAY(rec_xfact, xfacts);
    REC_ARRAY(rec_insider, insiders);
    REC_ARRAY(rec_owner, owners);
    REC_ARRAY(rec_holding, holdings);
    REC_ARRAY(rec_odoc, odocs);
    REC_ARRAY(rec_security, securities);
    REC_ARRAY(rec_signer, signers);
    /* documents' texts, whole, that rows point into rather than copy */
    REC_ARRAY(char *, texts);
};

/* A CIK as the store keeps it: digits only, leading zeros dropped, then
 * padded to 10 (the header's form, one key to join on: "320193",
 * "0000320193" and "00000320193" are one company).  Returns 0 with out
 * set, or -1 when `id` is no CIK (empty, not digits, more than 10
 * significant digits). */
static inline int rec_cik10(const char *id, char out[11])
{
    if (!id || !*id) return -1;
    size_t n = 0;
    while (id[n] >= '0' && id[n] <= '9') n++;
    if (id[n]) return -1;
    while (n > 1 && *id == '0') id++, n--;
    if (n > 10) return -1;
    for (size_t i = 0; i < 10 - n; i++) out[i] = '0';
    for (size_t i = 0; i < n; i++) out[10 - n + i] = id[i];
    out[10] = '\0';
    return 0;
}

/* The string at `r`, or NULL. */
static inline const char *rec_str(const edgr_record *rec, sref r)
{
    return r ? rec->pool.data + r : NULL;
}

/* A row's text (text_len bytes; NUL-terminated only when in the pool). */
static inline const char *rec_row_text(const edgr_record *rec, const rec_row *w)
{
    return w->text_buf >= 0 ? rec->texts[w->text_buf] + w->text : rec->pool.data + w->text;
}

#endif
