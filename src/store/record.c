/*
 * Building a record: one parsed filing turned into the rows the store will
 * hold, on a worker thread, with no database in sight.  This is where the
 * costly work of ingest happens (text, items, facts, hashes), so that the one
 * writer thread only inserts.
 */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/facts.h"
#include "edgr/items.h"
#include "edgr/text.h"
#include "edgr/ownership.h"
#include "edgr/xbrl.h"
#include "jsonw.h"
#include "xbrl_json.h"
#include "pretok.h"
#include "record.h"

/* Full-text rows are about this big: small enough that bm25 and snippets
 * stay fast (snippet() re-reads the whole row), large enough that a row is a
 * passage, not a line.  See ../shared/docs/dependencies.md, section 4. */
enum { ROW_TARGET = 8192, ROW_MIN_CUT = 4096 };

/* The most pre-made tokens a record holds (pretok.h): they take about 1.2
 * times the text they come from, so a huge document's would be one more
 * copy of it held until the writer is done.  Rows past this many bytes of
 * tokens are tokenized by the writer instead, as FTS5 would anyway: the
 * same tokens, the same index, a little more of the writer's time for the
 * rare filing with more than about 14 MB of text. */
enum { TOKENS_MAX = 16 << 20 };

#define GROW(rec, name)                                                                     \
    ((rec)->name##_count < (rec)->name##_cap ||                                             \
             grow_array((void **)&(rec)->name, &(rec)->name##_cap, sizeof *(rec)->name) == 0 \
         ? &(rec)->name[(rec)->name##_count++]                                              \
         : NULL)

static int grow_array(void **arr, size_t *cap, size_t size)
{
    size_t n = *cap ? *cap * 2 : 8;
    void *p = realloc(*arr, n * size);
    if (!p) return -1;
    *arr = p;
    *cap = n;
    return 0;
}

typedef struct builder {
    edgr_record *rec;
    const edgr_submission *s;
    int nomem;
    edgr_text text;
    edgr_items items;
    edgr_buf body;
    long text_slot;     /* text.data is rec->texts[text_slot] (or -1)     */
    int text_used;      /* a row points into it                           */
    int slot_used;      /* a row points into the buffer add_rows was given */
    edgr_release_fn release; /* src->release: told of bodies read for good  */
    void *release_user;
    edgr_release_fn set_aside; /* src->set_aside and restore: the main      */
    int (*restore)(void *, const char *, const char *); /* document's bytes
                                  between its two readings                 */
    int aborted;             /* restore failed                              */
} builder;

/* An item's text of at least this many bytes is kept whole by the record
 * and its rows point into it (a smaller one is copied to the pool). */
enum { BODY_KEEP = 1 << 20 };

/* ---- the string pool ---------------------------------------------------- */

static int pool_write(void *user, const char *p, size_t n);

static sref put(builder *b, const char *p, size_t n)
{
    if (!p) return 0;
    sref at = b->rec->pool.len;
    if (pool_write(b, p, n) || pool_write(b, "", 1)) return 0;
    return at;
}

static sref put_str(builder *b, const char *s) { return s ? put(b, s, strlen(s)) : 0; }
static sref put_span(builder *b, edgr_span v) { return v.ptr ? put(b, v.ptr, v.len) : 0; }

/* Append to the pool (an edgr_write_fn, so the header JSON can go there). */
static int pool_write(void *user, const char *p, size_t n)
{
    builder *b = user;
    edgr_buf *pool = &b->rec->pool;
    if (pool->len + n + 1 > pool->cap) {
        size_t cap = pool->cap ? pool->cap : 4096;
        while (cap < pool->len + n + 1) cap *= 2;
        char *d = realloc(pool->data, cap);
        if (!d) { b->nomem = 1; return 1; }
        pool->data = d;
        pool->cap = cap;
    }
    memcpy(pool->data + pool->len, p, n);
    pool->len += n;
    return 0;
}

/* ---- header ------------------------------------------------------------- */

static edgr_span child_value(const edgr_submission *s, long parent, const char *field)
{
    edgr_span none = {0};
    int f = edgr_field_lookup(field);
    if (parent < 0 || f < 0) return none;
    long i = edgr_child(s, (size_t)parent, (unsigned)f, 0);
    return i < 0 ? none : s->nodes[i].value;
}

static long child(const edgr_submission *s, long parent, const char *field, size_t nth)
{
    int f = edgr_field_lookup(field);
    return parent < 0 || f < 0 ? -1 : edgr_child(s, (size_t)parent, (unsigned)f, nth);
}

/* "PHARMACEUTICAL PREPARATIONS [2834]" -> "PHARMACEUTICAL PREPARATIONS". */
static sref sic_description(builder *b, long company)
{
    long i = child(b->s, company, "assigned_sic", 0);
    if (i < 0) return 0;
    edgr_span raw = b->s->nodes[i].raw;
    size_t n = 0;
    while (n < raw.len && raw.ptr[n] != '[') n++;
    while (n > 0 && raw.ptr[n - 1] == ' ') n--;
    if (n == 0 || n == raw.len) return 0;
    return put(b, raw.ptr, n);
}

static void address(builder *b, long entity, const char *which, rec_address *a)
{
    long ad = child(b->s, entity, which, 0);
    memset(a, 0, sizeof *a);
    if (ad < 0) return;
    a->street1 = put_span(b, child_value(b->s, ad, "street1"));
    a->street2 = put_span(b, child_value(b->s, ad, "street2"));
    a->city = put_span(b, child_value(b->s, ad, "city"));
    a->state = put_span(b, child_value(b->s, ad, "state"));
    a->zip = put_span(b, child_value(b->s, ad, "zip"));
    a->phone = put_span(b, child_value(b->s, ad, "phone"));
}

static const char *const ROLES[] = {"filer", "subject_company", "filed_by", "reporting_owner",
                                    "issuer", "serial_company", "depositor", "securitizer",
                                    "issuing_entity", "underwriter", "filed_for"};

static void entity(builder *b, const char *role, long e)
{
    const edgr_submission *s = b->s;
    long cd = child(s, e, "company_data", 0);
    if (cd < 0) cd = child(s, e, "owner_data", 0);
    edgr_span cik = child_value(s, cd, "cik");
    if (!cik.ptr || !cik.len) return; /* nothing to key it by */
    rec_entity *x = GROW(b->rec, entities);
    if (!x) { b->nomem = 1; return; }
    memset(x, 0, sizeof *x);
    x->role = put_str(b, role);
    x->cik = put_span(b, cik);
    x->name = put_span(b, child_value(s, cd, "conformed_name"));
    x->sic = put_span(b, child_value(s, cd, "assigned_sic"));
    x->sic_description = sic_description(b, cd);
    x->irs_number = put_span(b, child_value(s, cd, "irs_number"));
    x->state_of_incorporation = put_span(b, child_value(s, cd, "state_of_incorporation"));
    x->fiscal_year_end = put_span(b, child_value(s, cd, "fiscal_year_end"));
    long fv = child(s, e, "filing_values", 0);
    x->form_type = put_span(b, child_value(s, fv, "form_type"));
    x->act = put_span(b, child_value(s, fv, "act"));
    x->file_number = put_span(b, child_value(s, fv, "file_number"));
    x->film_number = put_span(b, child_value(s, fv, "film_number"));
    address(b, e, "business_address", &x->business);
    address(b, e, "mail_address", &x->mail);
    x->former_first = b->rec->formers_count;
    static const char *const FORMER[] = {"former_company", "former_name"};
    for (size_t k = 0; k < 2; k++)
        for (size_t n = 0;; n++) {
            long f = child(s, e, FORMER[k], n);
            if (f < 0) break;
            edgr_span name = child_value(s, f, "former_conformed_name");
            if (!name.ptr) continue;
            rec_former *fo = GROW(b->rec, formers);
            if (!fo) { b->nomem = 1; return; }
            fo->name = put_span(b, name);
            fo->date_changed = put_span(b, child_value(s, f, "date_changed"));
        }
    b->rec->entities[b->rec->entities_count - 1].former_count =
        b->rec->formers_count - b->rec->entities[b->rec->entities_count - 1].former_first;
}

static void header(builder *b)
{
    const edgr_submission *s = b->s;
    edgr_record *r = b->rec;
    r->accession = put_span(b, edgr_get(s, "accession_number"));
    r->form = put_span(b, edgr_get(s, "type"));
    r->filing_date = put_span(b, edgr_get(s, "filing_date"));
    r->period = put_span(b, edgr_get(s, "period"));
    r->accepted = put_span(b, edgr_get(s, "acceptance_datetime"));
    r->changed = put_span(b, edgr_get(s, "date_of_filing_date_change"));
    /* 8-K item codes as a JSON array of strings, the shape every command
     * gives them (docs/fields.md); a code's quote, backslash or control
     * byte is dropped (no real code has one) */
    char items[256];
    size_t n = 0;
    for (size_t i = 0;; i++) {
        long k = child(s, 0, "items", i);
        if (k < 0) break;
        edgr_span v = s->nodes[k].value;
        if (n + v.len + 4 >= sizeof items) break;
        items[n] = n ? ',' : '[';
        n++;
        items[n++] = '"';
        for (size_t j = 0; j < v.len; j++)
            if (v.ptr[j] != '"' && v.ptr[j] != '\\' && (unsigned char)v.ptr[j] >= 0x20) items[n++] = v.ptr[j];
        items[n++] = '"';
    }
    if (n) items[n++] = ']';
    r->items = n ? put(b, items, n) : 0;
    for (size_t k = 0; k < sizeof ROLES / sizeof ROLES[0]; k++)
        for (size_t i = 0;; i++) {
            long e = child(s, 0, ROLES[k], i);
            if (e < 0) break;
            entity(b, ROLES[k], e);
        }
    if (r->entities_count) {
        r->cik = r->entities[0].cik;
        r->company = r->entities[0].name;
    }
    /* the header as `edgr parse` prints it, for `edgr show` (a document
     * with no envelope at all has none) */
    if (!s->node_count) { r->header_json = put(b, "{}", 2); return; }
    r->header_json = r->pool.len;
    edgr_write_json(s, NULL, EDGR_JSON_NO_DOCS | EDGR_JSON_NO_SOURCE, pool_write, b);
    pool_write(b, "", 1);
}

/* ---- documents ------------------------------------------------------------ */

static void sha_hex(const unsigned char md[32], char out[65])
{
    static const char HEX[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = HEX[md[i] >> 4];
        out[2 * i + 1] = HEX[md[i] & 15];
    }
    out[64] = 0;
}

edgr_status edgr_sha256_hex(const char *p, size_t n, char out[65])
{
    unsigned char md[32];
    unsigned len = 0;
    if (!EVP_Digest(p ? p : "", n, md, &len, EVP_sha256(), NULL) || len != 32) {
        out[0] = 0;
        return EDGR_ERR_NOMEM;
    }
    sha_hex(md, out);
    return EDGR_OK;
}

/* The same digest over bytes given in pieces (edgr cat hashes a document
 * as it streams by).  A failure is kept and given by the final call. */
struct edgr_sha256 {
    EVP_MD_CTX *ctx;
    int failed;
};

edgr_sha256 *edgr_sha256_new(void)
{
    edgr_sha256 *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx || !EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL)) {
        EVP_MD_CTX_free(h->ctx);
        free(h);
        return NULL;
    }
    return h;
}

void edgr_sha256_update(edgr_sha256 *h, const char *p, size_t n)
{
    if (h && n && !h->failed && !EVP_DigestUpdate(h->ctx, p, n)) h->failed = 1;
}

edgr_status edgr_sha256_final(edgr_sha256 *h, char out[65])
{
    unsigned char md[32];
    unsigned len = 0;
    out[0] = 0;
    if (!h) return EDGR_ERR_ARG;
    if (h->failed || !EVP_DigestFinal_ex(h->ctx, md, &len) || len != 32) {
        h->failed = 1;
        return EDGR_ERR_NOMEM;
    }
    h->failed = 1; /* final once */
    sha_hex(md, out);
    return EDGR_OK;
}

void edgr_sha256_free(edgr_sha256 *h)
{
    if (!h) return;
    EVP_MD_CTX_free(h->ctx);
    free(h);
}

/* The hash of what the document is (a GIF's bytes, not their uuencoding),
 * as `edgr cat --raw` writes it; `scratch` holds a decoded body, and *size
 * gets the size hashed. */
static edgr_status hash_document(const edgr_document *d, edgr_buf *scratch, char out[65], int64_t *size)
{
    if (d->format == EDGR_FMT_UUENCODED || d->format == EDGR_FMT_PDF) {
        if (edgr_document_decode(d, 0, scratch) == EDGR_ERR_NOMEM) return EDGR_ERR_NOMEM;
        *size = (int64_t)scratch->len;
        edgr_sha256_hex(scratch->data, scratch->len, out);
    } else {
        *size = (int64_t)d->body.len;
        edgr_sha256_hex(d->body.ptr, d->body.len, out);
    }
    return EDGR_OK;
}

edgr_status edgr_document_sha256(const edgr_document *d, char out[65])
{
    edgr_buf body = {0};
    int64_t size;
    out[0] = 0;
    if (!d) return EDGR_ERR_ARG;
    edgr_status st = hash_document(d, &body, out, &size);
    edgr_buf_free(&body);
    return st == EDGR_OK && out[0] ? EDGR_OK : EDGR_ERR_NOMEM;
}

static void documents(builder *b)
{
    const edgr_submission *s = b->s;
    for (size_t i = 0; i < s->doc_count; i++) {
        const edgr_document *d = &s->docs[i];
        rec_doc *x = GROW(b->rec, docs);
        if (!x) { b->nomem = 1; return; }
        memset(x, 0, sizeof *x);
        x->seq = d->sequence >= 0 ? (long)d->sequence : (long)i + 1;
        x->type = put_span(b, d->type);
        x->filename = put_span(b, d->filename);
        x->description = put_span(b, d->description);
        x->format = put_str(b, edgr_format_name(d->format));
        x->offset = d->offset - s->offset;
        x->length = d->end - d->offset;
        if (hash_document(d, &b->body, x->sha256, &x->size) != EDGR_OK) { b->nomem = 1; return; }
    }
    b->rec->doc_count = (long)s->doc_count;
}

/* ---- full-text rows ------------------------------------------------------- */

static int blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\n' && p[i] != '\t' && p[i] != '\r') return 0;
    return 1;
}

/* Where to end a row that starts at p: a paragraph break, else a line
 * break, else a space, near ROW_TARGET; never inside a UTF-8 sequence. */
static size_t row_cut(const char *p, size_t n)
{
    if (n <= ROW_TARGET + ROW_TARGET / 2) return n;
    size_t cut = 0;
    for (size_t i = ROW_TARGET; i > ROW_MIN_CUT && !cut; i--)
        if (p[i] == '\n' && p[i - 1] == '\n') cut = i + 1;
    for (size_t i = ROW_TARGET; i > ROW_MIN_CUT && !cut; i--)
        if (p[i] == '\n') cut = i + 1;
    for (size_t i = ROW_TARGET; i > ROW_MIN_CUT && !cut; i--)
        if (p[i] == ' ') cut = i + 1;
    if (!cut) {
        cut = ROW_TARGET;
        while (cut > 0 && ((unsigned char)p[cut] & 0xC0) == 0x80) cut--;
        if (cut == 0) cut = ROW_TARGET;
    }
    return cut;
}

/* Cut p[0..n) into rows.  `lead` (may be NULL) goes before the first row:
 * an item's heading, so that a search for its title finds it.  `buf` >= 0:
 * p is in rec->texts[buf], a buffer the record owns (a document's text, a
 * big item's), and a row with no lead points into it instead of copying
 * it to the pool: a text is held once, not twice. */
static void add_rows(builder *b, const rec_doc *doc, sref item, sref part, const char *lead,
                     const char *p, size_t n, long buf)
{
    int first = 1;
    while (n > 0 && !b->nomem) {
        size_t cut = row_cut(p, n);
        if (!blank(p, cut)) {
            rec_row *row = GROW(b->rec, rows);
            if (!row) { b->nomem = 1; return; }
            row->doc = doc->seq;
            row->doc_type = doc->type;
            row->item = item;
            row->part = part;
            size_t lead_len = first && lead ? strlen(lead) : 0;
            const char *text = p; /* the row's text, wherever it is */
            if (buf >= 0 && !lead_len) {
                row->text_buf = buf;
                row->text = (size_t)(p - b->rec->texts[buf]);
                if (buf == b->text_slot) b->text_used = 1;
                else b->slot_used = 1;
            } else {
                row->text_buf = -1;
                row->text = b->rec->pool.len;
                if (lead_len) pool_write(b, lead, lead_len);
                pool_write(b, p, cut);
                pool_write(b, "", 1);
                text = rec_str(b->rec, row->text);
            }
            row->text_len = lead_len + cut;
            /* tokenized here, off the writer's thread (pretok.h), up to
             * TOKENS_MAX; the writer tokenizes the rest */
            row->tokens_at = b->rec->tokens.len;
            row->has_tokens = b->rec->tokens.len < TOKENS_MAX &&
                              !b->nomem && !pretok_encode(text, row->text_len, &b->rec->tokens);
            row->tokens_len = b->rec->tokens.len - row->tokens_at;
            b->rec->text_bytes += row->text_len;
            first = 0;
        }
        p += cut;
        n -= cut;
    }
}

/* The main document of an 8-K, 10-K or 10-Q: rows per item (a combined
 * "Items 1 and 2" body once, under both codes), and rows for the text
 * outside items (cover page, Part headings, signatures), so nothing of the
 * document is left out of the index. */
/* An item's text (edgr_item_text) is most often a span of the document's
 * text, as is: no page furniture inside, one range.  Its pieces are then
 * matched against the text from the item's start (blanks before its first
 * byte and after its last skipped), so that its rows can point into the
 * text rather than into a copy of it (a copy as large as the text, for an
 * 8-K whose one item is the whole document). */
typedef struct span_match {
    const char *p;      /* the text from the item's start */
    size_t n;
    size_t from;        /* where the item's text begins in p */
    size_t at;          /* how far it matched */
    int started, same;
} span_match;

static int is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\n'; }

static int span_write(void *user, const char *q, size_t n)
{
    span_match *m = user;
    if (!n) return 0;
    if (!m->started) {
        while (m->at < m->n && m->p[m->at] != q[0] && is_blank_byte(m->p[m->at])) m->at++;
        m->from = m->at;
        m->started = 1;
    }
    if (n > m->n - m->at || memcmp(m->p + m->at, q, n)) {
        m->same = 0;
        return 1; /* no span: stop */
    }
    m->at += n;
    return 0;
}

/* The item's text as a span of t: 1 with it in *at, *len; else 0. */
static int item_span_of(const edgr_items *its, const edgr_text *t, size_t i, size_t *at, size_t *len)
{
    const edgr_item *it = &its->items[i];
    if (it->start > t->len || it->end > t->len || it->end < it->start) return 0;
    span_match m = {.p = t->data + it->start, .n = it->end - it->start, .same = 1};
    if (edgr_item_text_write(its, t, i, span_write, &m) != EDGR_OK || !m.same) return 0;
    for (size_t k = m.at; k < m.n; k++)
        if (!is_blank_byte(m.p[k])) return 0; /* text left out: furniture */
    *at = it->start + m.from;
    *len = m.at - m.from;
    return 1;
}

static void item_rows(builder *b, const rec_doc *doc, long doc_index)
{
    const edgr_text *t = &b->text;
    const edgr_items *its = &b->items;
    size_t pos = 0;
    for (size_t i = 0; i < its->count && !b->nomem; i++) {
        const edgr_item *it = &its->items[i];
        char title[512];
        edgr_item_title(its, t, i, title, sizeof title);
        rec_section *sec = GROW(b->rec, sections);
        if (!sec) { b->nomem = 1; return; }
        sec->doc = doc->seq;
        sec->code = put_str(b, it->item);
        sec->part = it->part[0] ? put_str(b, it->part) : 0;
        sec->title = title[0] ? put_str(b, title) : 0;
        sec->combined = it->combined;
        sec->src_start = it->src_start - b->s->offset;
        sec->src_end = it->src_end - b->s->offset;
        sec->text_len = it->end - it->start;
        /* the items sharing this heading */
        size_t j = i;
        char codes[64];
        size_t cn = (size_t)snprintf(codes, sizeof codes, "%s", it->item);
        while (j + 1 < its->count && its->items[j + 1].combined && its->items[j + 1].start == it->start &&
               its->items[j + 1].end == it->end) {
            j++;
            if (cn + strlen(its->items[j].item) + 2 < sizeof codes)
                cn += (size_t)snprintf(codes + cn, sizeof codes - cn, ",%s", its->items[j].item);
            rec_section *more = GROW(b->rec, sections);
            if (!more) { b->nomem = 1; return; }
            *more = b->rec->sections[b->rec->sections_count - 2];
            more->code = put_str(b, its->items[j].item);
        }
        if (it->heading > pos) add_rows(b, doc, 0, 0, NULL, t->data + pos, it->heading - pos, b->text_slot);
        char lead[600];
        snprintf(lead, sizeof lead, "%s%s%sItem %s%s%s\n\n", it->part[0] ? "Part " : "", it->part,
                 it->part[0] ? ", " : "", codes, title[0] ? ". " : "", title);
        sref code_ref = put(b, codes, cn), part_ref = it->part[0] ? put_str(b, it->part) : 0;
        size_t span_at, span_len;
        if (item_span_of(its, t, i, &span_at, &span_len)) { /* rows point into the text */
            add_rows(b, doc, code_ref, part_ref, lead, t->data + span_at, span_len, b->text_slot);
            if (it->end > pos) pos = it->end;
            i = j;
            continue;
        }
        if (edgr_item_text(its, t, i, &b->body) == EDGR_ERR_NOMEM) { b->nomem = 1; return; }
        /* a big item's text: the record takes it rather than a copy */
        long body_slot = -1;
        if (b->body.len >= BODY_KEEP) {
            char **slot = GROW(b->rec, texts);
            if (!slot) { b->nomem = 1; return; }
            *slot = b->body.data;
            body_slot = (long)b->rec->texts_count - 1;
        }
        b->slot_used = 0;
        add_rows(b, doc, code_ref, part_ref, lead, b->body.data ? b->body.data : "", b->body.len, body_slot);
        if (body_slot >= 0 && b->slot_used) b->body = (edgr_buf){0}; /* the record's now */
        else if (body_slot >= 0) b->rec->texts_count--;            /* no row took it */
        if (it->end > pos) pos = it->end;
        i = j;
    }
    (void)doc_index;
    if (pos < t->len) add_rows(b, doc, 0, 0, NULL, t->data + pos, t->len - pos, b->text_slot);
}

/* The document's text, for its rows to point into: the record's from now
 * (rec->texts), the builder's while it is being cut; see keep_text. */
static void lend_text(builder *b)
{
    char **slot = GROW(b->rec, texts);
    if (!slot) { b->nomem = 1; return; }
    *slot = b->text.data;
    b->text_slot = (long)b->rec->texts_count - 1;
    b->text_used = 0;
}

/* Its rows cut: the record keeps the text if a row points into it (the
 * next document gets a text of its own), else gives it back. */
static void keep_text(builder *b)
{
    if (b->text_slot < 0) return;
    if (b->text_used) {
        b->text.data = NULL;
        b->text.len = b->text.cap = 0;
    } else if (b->text_slot == (long)b->rec->texts_count - 1) {
        b->rec->texts_count--;
    } else {
        b->rec->texts[b->text_slot] = NULL; /* a big item's text came after it */
    }
    b->text_slot = -1;
}

static void text_rows(builder *b)
{
    const edgr_submission *s = b->s;
    long main_index = edgr_main_document(s, s->docs, s->doc_count);
    const edgr_document *main = main_index >= 0 ? &s->docs[main_index] : NULL;
    edgr_span form = edgr_get(s, "type");
    edgr_form_kind kind = form.ptr ? edgr_form_kind_of(form.ptr, form.len) : EDGR_FORM_OTHER;
    char date[16] = "";
    edgr_span fd = edgr_get(s, "filing_date");
    if (fd.ptr && fd.len < sizeof date) memcpy(date, fd.ptr, fd.len);
    for (size_t i = 0; i < s->doc_count && !b->nomem; i++) {
        const edgr_document *d = &s->docs[i];
        if (d->format != EDGR_FMT_HTML && d->format != EDGR_FMT_TEXT) continue;
        /* the last reading of the body (hashed and read for facts before):
         * its bytes can go as its text is made */
        edgr_text_options to = EDGR_TEXT_OPTIONS_INIT;
        to.release = b->release;
        to.release_user = b->release_user;
        edgr_status st = edgr_document_text(d, &to, &b->text);
        if (st == EDGR_ERR_NOMEM) { b->nomem = 1; return; }
        if (st != EDGR_OK || b->text.len == 0) continue;
        const rec_doc *doc = &b->rec->docs[i];
        lend_text(b);
        if (b->nomem) return;
        if (d == main && kind != EDGR_FORM_OTHER) {
            if (edgr_items_find(&b->text, kind, date[0] ? date : NULL, &b->items) == EDGR_ERR_NOMEM) {
                b->nomem = 1;
                return;
            }
            item_rows(b, doc, (long)i);
        } else {
            add_rows(b, doc, 0, 0, NULL, b->text.data, b->text.len, b->text_slot);
        }
        keep_text(b);
    }
}

/* ---- facts ---------------------------------------------------------------- */

static void fact(builder *b, const char *name, const char *value, edgr_fact_source src, uint64_t off)
{
    if (!value) return;
    rec_fact *f = GROW(b->rec, facts);
    if (!f) { b->nomem = 1; return; }
    f->name = put_str(b, name);
    f->value = put_str(b, value);
    f->source = put_str(b, edgr_fact_source_name(src));
    f->offset = off >= b->s->offset ? off - b->s->offset : 0;
}

static void box(builder *b, const char *name, const edgr_checkbox *c)
{
    if (c->value < 0) return;
    fact(b, name, c->value ? "true" : "false", c->source, c->offset);
}

/* The facts into the record (edgr_cover_key names, signatures, exhibits). */
static void facts_put(builder *b, const edgr_facts *f, edgr_status fs)
{
    if (fs != EDGR_OK) {
        /* facts are best effort, the rest of the filing stands; but out of
         * memory is no fact about the filing: storing it without its facts
         * would make it 'unchanged' to every later ingest */
        if (fs == EDGR_ERR_NOMEM) b->nomem = 1;
        return;
    }
    const edgr_cover *c = &f->cover;
    /* named as facts and show name them: edgr_cover_key's six text facts,
     * then its five boxes */
    const edgr_fact *strs[] = {&c->registrant, &c->incorporation, &c->file_number,
                               &c->irs_number,  &c->address,       &c->phone};
    const edgr_checkbox *boxes[] = {&c->written_communications, &c->soliciting_material,
                                    &c->pre_commencement_tender_offer, &c->pre_commencement_issuer_tender_offer,
                                    &c->emerging_growth_company};
    size_t nstr = sizeof strs / sizeof strs[0], k = 0;
    for (size_t i = 0; i < nstr; i++, k++) fact(b, edgr_cover_key(k), strs[i]->value, strs[i]->source, strs[i]->offset);
    for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++, k++) box(b, edgr_cover_key(k), boxes[i]);
    for (size_t i = 0; i < c->security_count; i++) {
        rec_security *x = GROW(b->rec, securities);
        if (!x) { b->nomem = 1; break; }
        x->title = put_str(b, c->securities[i].title);
        x->symbol = put_str(b, c->securities[i].trading_symbol);
        x->exchange = put_str(b, c->securities[i].exchange);
    }
    const edgr_signatures *sg = &f->signatures;
    fact(b, "signature_registrant", sg->registrant, EDGR_FACT_TEXT, sg->offset);
    fact(b, "signature_date", sg->date, EDGR_FACT_TEXT, sg->offset);
    fact(b, "signature_date_text", sg->date_text, EDGR_FACT_TEXT, sg->offset);
    for (size_t i = 0; i < sg->signer_count; i++) {
        rec_signer *x = GROW(b->rec, signers);
        if (!x) { b->nomem = 1; break; }
        x->name = put_str(b, sg->signers[i].name);
        x->title = put_str(b, sg->signers[i].title);
        x->date_text = put_str(b, sg->signers[i].date_text);
        x->date = put_str(b, sg->signers[i].date);
    }
    /* exhibits: the index's rows, each with its document if matched, then
     * the exhibit documents the index does not list */
    for (size_t i = 0; i < f->exhibit_index_count; i++) {
        const edgr_exhibit_entry *e = &f->exhibit_index[i];
        rec_exhibit *x = GROW(b->rec, exhibits);
        if (!x) { b->nomem = 1; break; }
        memset(x, 0, sizeof *x);
        x->number = put_str(b, e->number);
        x->title = put_str(b, e->title);
        x->doc = -1;
        if (e->exhibit_doc >= 0 && (size_t)e->exhibit_doc < f->exhibit_doc_count) {
            const edgr_exhibit_doc *d = &f->exhibit_docs[e->exhibit_doc];
            x->doc = b->rec->docs[d->doc].seq;
            x->doc_type = put_str(b, d->type);
            x->doc_description = put_str(b, d->description);
        }
    }
    for (size_t i = 0; i < f->exhibit_doc_count; i++) {
        const edgr_exhibit_doc *d = &f->exhibit_docs[i];
        if (d->listed >= 0) continue;
        rec_exhibit *x = GROW(b->rec, exhibits);
        if (!x) { b->nomem = 1; break; }
        memset(x, 0, sizeof *x);
        x->number = put_str(b, d->number);
        x->doc = b->rec->docs[d->doc].seq;
        x->doc_type = put_str(b, d->type);
        x->doc_description = put_str(b, d->description);
    }
}

static void facts(builder *b)
{
    const edgr_submission *s = b->s;
    edgr_facts f = {0};
    /* the main document is read again for its rows (text_rows): its bytes
     * are only set aside here, and put back once the facts and their text
     * are gone (never the document, set aside or not, and that text at once) */
    edgr_facts_options fo = EDGR_FACTS_OPTIONS_INIT;
    if (b->set_aside && b->restore) {
        fo.release = b->set_aside;
        fo.release_user = b->release_user;
    }
    edgr_status fs = edgr_facts_extract_opt(s, s->docs, s->doc_count, &fo, &f);
    facts_put(b, &f, fs);
    edgr_facts_free(&f);
    long main_index = edgr_main_document(s, s->docs, s->doc_count);
    if (fo.release && main_index >= 0) {
        const edgr_span body = s->docs[main_index].body;
        if (body.ptr && b->restore(b->release_user, body.ptr, body.ptr + body.len)) b->aborted = 1;
    }
}

/* ---- XBRL facts (issue 14) ------------------------------------------------ */

/* A JSON value written straight into the pool, NUL-ended: its sref. */
static sref json_begin(builder *b, jsonw *w)
{
    *w = (jsonw){.write = pool_write, .user = b};
    return b->rec->pool.len;
}

static sref json_end(builder *b, jsonw *w, sref at)
{
    jsonw_flush(w);
    if (w->failed || pool_write(b, "", 1)) return 0;
    return at;
}

/* An entity identifier: a CIK in the store's form (rec_cik10), anything
 * else as it is (the views then leave it out). */
static sref put_cik(builder *b, const char *id)
{
    char k[11];
    return rec_cik10(id, k) == 0 ? put(b, k, 10) : put_str(b, id);
}

static void xbrl_put(builder *b, const edgr_xbrl *x, long seq)
{
    for (size_t i = 0; i < edgr_xbrl_count(x) && !b->nomem; i++) {
        const edgr_xbrl_fact *f = edgr_xbrl_fact_at(x, i);
        if (!f->name || !*f->name) continue; /* no concept: nothing to keep it under (edgr xbrl shows it) */
        rec_xfact *r = GROW(b->rec, xfacts);
        if (!r) { b->nomem = 1; return; }
        memset(r, 0, sizeof *r);
        r->doc = seq;
        r->ns = put_str(b, f->ns);
        r->prefix = put_str(b, f->prefix);
        r->name = put_str(b, f->name);
        r->id = put_str(b, f->id);
        r->context = put_str(b, f->context_ref);
        r->kind = (int)f->kind;
        r->nil = f->nil;
        r->duplicate = f->duplicate;
        r->untransformed = f->untransformed;
        r->offset = f->offset;
        r->value = put_str(b, f->value);
        r->decimals = put_str(b, f->decimals);
        r->precision = put_str(b, f->precision);
        /* a unitRef that names no unit is no unit (edgr xbrl shows the ref) */
        r->unit = f->unit && f->unit->key && *f->unit->key ? put_str(b, f->unit->key) : 0;
        const edgr_xbrl_context *c = f->context;
        if (c) {
            r->instant = c->instant;
            r->start = c->instant ? 0 : put_str(b, c->start);
            r->end = put_str(b, c->end);
            r->entity = put_cik(b, c->identifier);
            if (c->nmembers) {
                jsonw w;
                sref at = json_begin(b, &w);
                xbrl_json_dimensions(&w, c);
                r->dimensions = json_end(b, &w, at);
            }
        }
        if (f->nfootnotes) {
            jsonw w;
            sref at = json_begin(b, &w);
            xbrl_json_footnotes(&w, f);
            r->footnotes = json_end(b, &w, at);
        }
    }
}

/* The facts of the filing's XBRL, as edgr_xbrl_read_documents picks its
 * documents (inline XBRL, else the instances: `edgr xbrl` reads the same).
 * Read before the rows, which let the bodies go.  A document that cannot
 * be read is left out (`edgr xbrl` says why): facts are not the filing.
 * Each document is read alone: an inline XBRL document set whose contexts
 * or continuations are in another document loses the facts that need
 * them (the SEC's filings are one document each). */
static int xbrl_doc(void *user, size_t i, edgr_xbrl *x, edgr_status st)
{
    builder *b = user;
    (void)st;
    if (x) xbrl_put(b, x, b->rec->docs[i].seq);
    edgr_xbrl_free(x);
    return b->nomem;
}

static void xbrl(builder *b)
{
    if (edgr_xbrl_read_documents(b->s->docs, b->s->doc_count, b->s->offset, xbrl_doc, b) == EDGR_ERR_NOMEM)
        b->nomem = 1;
}

/* ---- insider rows and 13F positions (issue 15) ----------------------------- */

typedef struct own_json {
    builder *b;
    edgr_own_filing of;
    char acc[32], date[16], period[16], cik[16], name[256];
} own_json;

static const char *hdr_copy(const edgr_submission *s, const char *path, char *buf, size_t cap)
{
    edgr_span v = edgr_get(s, path);
    if (!v.ptr || !v.len) return NULL;
    size_t n = v.len < cap - 1 ? v.len : cap - 1;
    memcpy(buf, v.ptr, n);
    buf[n] = '\0';
    return buf;
}

static void own_filing(own_json *o, builder *b, const char *role)
{
    memset(o, 0, sizeof *o);
    o->b = b;
    o->of.struct_size = sizeof o->of;
    o->of.accession = hdr_copy(b->s, "accession_number", o->acc, sizeof o->acc);
    o->of.filing_date = hdr_copy(b->s, "filing_date", o->date, sizeof o->date);
    o->of.period = hdr_copy(b->s, "period", o->period, sizeof o->period);
    char path[64];
    snprintf(path, sizeof path, "%s.0.company_data.cik", role);
    o->of.cik = hdr_copy(b->s, path, o->cik, sizeof o->cik);
    snprintf(path, sizeof path, "%s.0.company_data.conformed_name", role);
    o->of.name = hdr_copy(b->s, path, o->name, sizeof o->name);
}

/* What a writer of edgr/ownership.h prints, into the pool, NUL-ended. */
static sref own_end(builder *b, sref at, edgr_status st)
{
    if (st != EDGR_OK || pool_write(b, "", 1)) {
        b->nomem = 1;
        return 0;
    }
    return at;
}

static void put_odoc(builder *b, long seq, const char *kind, sref json)
{
    rec_odoc *d = GROW(b->rec, odocs);
    if (!d) { b->nomem = 1; return; }
    d->doc = seq, d->kind = put_str(b, kind), d->json = json;
}

static void ownership_put(builder *b, const edgr_ownership *x, long seq, own_json *o)
{
    const edgr_own_doc *d = edgr_ownership_doc(x);
    sref at = b->rec->pool.len;
    put_odoc(b, seq, "ownership", own_end(b, at, edgr_ownership_write_doc(x, &o->of, pool_write, b)));
    for (size_t i = 0; i < d->nowners && !b->nomem; i++) {
        const edgr_own_owner *w = &d->owners[i];
        rec_owner *r = GROW(b->rec, owners);
        if (!r) { b->nomem = 1; return; }
        char rel[64] = "";
        const char *flags[] = {w->is_director, w->is_officer, w->is_ten_percent_owner, w->is_other};
        const char *names[] = {"director", "officer", "ten_percent_owner", "other"};
        for (int k = 0; k < 4; k++)
            if (flags[k] && !strcmp(flags[k], "true"))
                snprintf(rel + strlen(rel), sizeof rel - strlen(rel), "%s%s", *rel ? "," : "", names[k]);
        r->doc = seq;
        r->cik = put_cik(b, w->cik);
        r->name = put_str(b, w->name);
        r->relationship = *rel ? put_str(b, rel) : 0;
        r->officer_title = put_str(b, w->officer_title);
    }
    for (size_t i = 0; i < d->nrows && !b->nomem; i++) {
        const edgr_own_row *w = &d->rows[i];
        rec_insider *r = GROW(b->rec, insiders);
        if (!r) { b->nomem = 1; return; }
        r->doc = seq;
        r->issuer_cik = put_cik(b, d->issuer_cik);
        r->document_type = put_str(b, d->document_type);
        r->table = put_str(b, edgr_own_kind_name(w->kind));
        r->code = put_str(b, w->f[EDGR_OWN_CODE].value);
        r->date = put_str(b, w->f[EDGR_OWN_TRANSACTION_DATE].value);
        r->shares = put_str(b, w->f[EDGR_OWN_SHARES].value);
        r->price = put_str(b, w->f[EDGR_OWN_PRICE].value);
        r->acquired_disposed = put_str(b, w->f[EDGR_OWN_ACQUIRED_DISPOSED].value);
        r->owned_after = put_str(b, w->f[EDGR_OWN_OWNED_AFTER_SHARES].value);
        r->title = put_str(b, w->f[EDGR_OWN_SECURITY_TITLE].value);
        sref j = b->rec->pool.len;
        r->json = own_end(b, j, edgr_ownership_write_row(x, i, &o->of, pool_write, b));
    }
}

static void holdings_put(builder *b, const edgr_13f *x, long seq, own_json *o)
{
    const edgr_13f_doc *d = edgr_13f_doc_of(x);
    sref at = b->rec->pool.len;
    put_odoc(b, seq, "13f", own_end(b, at, edgr_13f_write_doc(x, &o->of, pool_write, b)));
    const char *mgr = d->filer_cik ? d->filer_cik : o->of.cik;
    for (size_t i = 0; i < d->nrows && !b->nomem; i++) {
        const edgr_13f_row *w = &d->rows[i];
        rec_holding *r = GROW(b->rec, holdings);
        if (!r) { b->nomem = 1; return; }
        r->doc = seq;
        r->manager_cik = put_cik(b, mgr);
        r->period = put_str(b, d->period);
        char cusip[16]; /* upper case, the key queries use (filers write some in lower) */
        size_t cn = w->cusip ? strlen(w->cusip) : 0;
        for (size_t k = 0; k < cn && k < sizeof cusip; k++)
            cusip[k] = w->cusip[k] >= 'a' && w->cusip[k] <= 'z' ? (char)(w->cusip[k] - 32) : w->cusip[k];
        r->cusip = cn && cn < sizeof cusip ? put(b, cusip, cn) : put_str(b, w->cusip);
        r->issuer = put_str(b, w->name_of_issuer);
        r->title = put_str(b, w->title_of_class);
        r->value = put_str(b, w->value);
        r->value_usd = put_str(b, w->value_usd);
        r->units = put_str(b, edgr_13f_units_name(d->units));
        r->amount = put_str(b, w->amount);
        r->amount_type = put_str(b, w->amount_type);
        r->put_call = put_str(b, w->put_call);
        sref j = b->rec->pool.len;
        r->json = own_end(b, j, edgr_13f_write_row(x, i, &o->of, pool_write, b));
    }
}

/* A document that could not be read: what its reader said, in place of
 * its JSON, so that `edgr show` says why it has no rows. */
static void put_error_doc(builder *b, long seq, const char *kind, const edgr_own_problem *p)
{
    jsonw w;
    sref at = json_begin(b, &w);
    jsonw_open(&w, '{');
    jsonw_kstr(&w, "error", p ? p->message : "not read");
    jsonw_knum(&w, "offset", p ? (int64_t)p->offset : 0);
    jsonw_close(&w, '}');
    put_odoc(b, seq, kind, json_end(b, &w, at));
}

/* Forms 3/4/5 and 13F documents: read before the rows let the bodies go.
 * A document that cannot be read is left out, as XBRL is (edgr ownership
 * and edgr holdings say why); what a broken document held before its
 * error is not kept either: a store holds whole documents. */
static void ownership(builder *b)
{
    const edgr_submission *s = b->s;
    own_json o;
    edgr_13f *h = NULL;
    long h_seq = -1;
    for (size_t i = 0; i < s->doc_count && !b->nomem; i++) {
        const edgr_document *d = &s->docs[i];
        if (!d->body.ptr || !d->body.len) continue;
        /* offsets from the submission's start, as edgr ownership gives them */
        edgr_own_options oo = {.struct_size = sizeof oo, .base_offset = d->body_offset - s->offset};
        if (edgr_ownership_is(d->body.ptr, d->body.len)) {
            edgr_ownership *x = NULL;
            edgr_status st = edgr_ownership_read(d->body.ptr, d->body.len, &oo, &x);
            if (st == EDGR_ERR_NOMEM) b->nomem = 1;
            else if (st == EDGR_OK) {
                own_filing(&o, b, "reporting_owner");
                ownership_put(b, x, b->rec->docs[i].seq, &o);
            } else {
                size_t np = edgr_ownership_problem_count(x);
                put_error_doc(b, b->rec->docs[i].seq, "ownership", np ? edgr_ownership_problem_at(x, np - 1) : NULL);
            }
            edgr_ownership_free(x);
        } else if (edgr_13f_is(d->body.ptr, d->body.len)) {
            if (!h && !(h = edgr_13f_new())) { b->nomem = 1; break; }
            edgr_status st = edgr_13f_add(h, d->body.ptr, d->body.len, &oo);
            if (st == EDGR_ERR_NOMEM) b->nomem = 1;
            else if (st != EDGR_OK) { /* the filing's 13F is not whole: not kept, but said */
                size_t np = edgr_13f_problem_count(h);
                if (h_seq != -2) put_error_doc(b, b->rec->docs[i].seq, "13f", np ? edgr_13f_problem_at(h, np - 1) : NULL);
                h_seq = -2;
            }
            else if (h_seq == -1) h_seq = b->rec->docs[i].seq;
        }
    }
    if (h && !b->nomem && h_seq >= 0) {
        own_filing(&o, b, "filer");
        if (edgr_13f_finish(h, o.of.period) == EDGR_ERR_NOMEM) b->nomem = 1;
        else holdings_put(b, h, h_seq, &o);
    }
    edgr_13f_free(h);
}

/* ---- the record ----------------------------------------------------------- */

edgr_status edgr_record_build(const edgr_submission *s, const edgr_source *src, edgr_record **out)
{
    return edgr_record_build_keyed(s, NULL, src, out);
}

edgr_status edgr_record_build_keyed(const edgr_submission *s, const char *key, const edgr_source *src,
                                    edgr_record **out)
{
    if (!s || !out) return EDGR_ERR_ARG;
    *out = NULL;
    if (src && src->struct_size < offsetof(edgr_source, release)) return EDGR_ERR_ARG; /* not set up */
    edgr_span acc = edgr_get(s, "accession_number");
    if ((!acc.ptr || acc.len == 0) && (!key || !*key)) return EDGR_ERR_NOT_FOUND;
    edgr_record *r = calloc(1, sizeof *r);
    if (!r) return EDGR_ERR_NOMEM;
    builder b = {.rec = r, .s = s, .text_slot = -1};
    if (src && src->struct_size >= sizeof *src) { /* 0.2.0's has no release */
        b.release = src->release;
        b.release_user = src->release_user;
        b.set_aside = src->set_aside;
        b.restore = src->restore;
    }
    put(&b, "", 0); /* offset 0 is the NULL string */
    header(&b);
    if ((!acc.ptr || !acc.len) && key) r->accession = put_str(&b, key); /* the header names none */
    if (src) {
        r->source_path = put_str(&b, src->path);
        r->source_member = put_str(&b, src->member);
        r->source_offset = src->offset;
        r->source_length = src->length;
    }
    r->header_only = s->container == EDGR_C_SEC_HEADER || s->container == EDGR_C_INDEX_HEADERS;
    if (!b.nomem) documents(&b);
    /* a header alone too: its cover facts come from the header, as `edgr
     * facts` gives them (one value in both, tests/vocab).  Before the rows:
     * the facts make a text of the main document of their own, which is
     * freed before the rows' text is made (never both held at once). */
    if (!b.nomem) facts(&b);
    if (!b.nomem && !b.aborted) xbrl(&b);
    if (!b.nomem && !b.aborted) ownership(&b);
    if (!b.nomem && !b.aborted) text_rows(&b);
    if (b.text_slot >= 0) b.text.data = NULL; /* lent to the record, freed with it */
    edgr_text_free(&b.text);
    edgr_items_free(&b.items);
    edgr_buf_free(&b.body);
    if (b.nomem || b.aborted) {
        edgr_record_free(r);
        return b.aborted ? EDGR_ERR_ABORTED : EDGR_ERR_NOMEM;
    }
    *out = r;
    return EDGR_OK;
}

/* A bare document (no SEC header) under a key the caller chose: a
 * submission of one document and no header nodes stands in for the
 * missing envelope. */
edgr_status edgr_record_build_bare(const edgr_document *d, const char *key, const edgr_source *src,
                                   edgr_record **out)
{
    if (!d || !key || !*key || !out) return EDGR_ERR_ARG;
    edgr_submission one = {.container = EDGR_C_FRAGMENT, .offset = 0, .end = d->end, .docs = d,
                           .doc_count = 1};
    return edgr_record_build_keyed(&one, key, src, out);
}

void edgr_record_free(edgr_record *r)
{
    if (!r) return;
    edgr_buf_free(&r->pool);
    edgr_buf_free(&r->tokens);
    free(r->entities);
    free(r->formers);
    free(r->docs);
    free(r->sections);
    free(r->rows);
    free(r->exhibits);
    free(r->facts);
    free(r->xfacts);
    free(r->insiders);
    free(r->owners);
    free(r->holdings);
    free(r->odocs);
    free(r->securities);
    free(r->signers);
    for (size_t i = 0; i < r->texts_count; i++) free(r->texts[i]);
    free(r->texts);
    free(r);
}

const char *edgr_record_accession(const edgr_record *r) { return r ? rec_str(r, r->accession) : NULL; }
uint64_t edgr_record_text_bytes(const edgr_record *r) { return r ? r->text_bytes : 0; }
