/* A submission as JSON (see edgr_write_json in edgr.h). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "charset.h"
#include "jsonw.h"
#include "parser.h"
#include "schema.h"

static void puts_(jsonw *w, const char *s) { jsonw_put(w, s, strlen(s)); }

static void cstr(jsonw *w, const char *s) { jsonw_str(w, s, strlen(s)); }

static void key(jsonw *w, int *first, const char *k)
{
    if (!*first) jsonw_put(w, ",", 1);
    *first = 0;
    jsonw_newline(w);
    cstr(w, k);
    jsonw_put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
}

static void num(jsonw *w, int64_t v)
{
    char b[32];
    int n = snprintf(b, sizeof b, "%" PRId64, v);
    jsonw_put(w, b, (size_t)n);
}

static void span_or_null(jsonw *w, edgr_span s)
{
    if (s.ptr) jsonw_str(w, s.ptr, s.len);
    else puts_(w, "null");
}

static void emit_container(jsonw *w, const sub_builder *b, uint32_t idx);

static void emit_value(jsonw *w, const sub_builder *b, uint32_t idx)
{
    const edgr_node *n = &((const edgr_node *)b->nodes.items)[idx];
    if (n->is_container) {
        emit_container(w, b, idx);
    } else if (n->field == EDGR_F_UNKNOWN) {
        int first = 1;
        jsonw_put(w, "{", 1);
        w->depth++;
        key(w, &first, "key");
        jsonw_str(w, n->name.ptr, n->name.len);
        key(w, &first, "value");
        jsonw_str(w, n->raw.ptr, n->raw.len);
        w->depth--;
        jsonw_newline(w);
        jsonw_put(w, "}", 1);
    } else if (n->kind == EDGR_V_INT && n->value.len <= 18 &&
               (n->value.len == 1 || n->value.ptr[0] != '0')) {
        /* "007" is not a JSON number: such values stay strings */
        jsonw_put(w, n->value.ptr, n->value.len);
    } else if (n->kind == EDGR_V_NONE && FIELDS[n->field].norm == N_FLAG) {
        puts_(w, "true");
    } else {
        jsonw_str(w, n->value.ptr, n->value.len);
    }
}

/* The members of container idx (without braces), in schema order, then the
 * unknown keys; *first tracks the comma. */
static void emit_members(jsonw *w, const sub_builder *b, uint32_t idx, int *firstp)
{
    const node_link *links = b->links.items;
    const edgr_node *nodes = b->nodes.items;
    uint64_t present[4] = {0}; /* FIELD_COUNT < 256 */
    for (uint32_t c = links[idx].first; c != UINT32_MAX; c = links[c].next)
        present[nodes[c].field / 64] |= 1ull << (nodes[c].field % 64);
    int first = *firstp;
    /* known fields in schema order, then the unknown ones */
    for (unsigned f = 2; f <= FIELD_COUNT; f++) {
        unsigned field = f == FIELD_COUNT ? EDGR_F_UNKNOWN : f;
        if (!(present[field / 64] & (1ull << (field % 64)))) continue;
        size_t count = 0;
        for (uint32_t c = links[idx].first; c != UINT32_MAX; c = links[c].next)
            count += nodes[c].field == field;
        int array = FIELDS[field].repeats || count > 1;
        key(w, &first, FIELDS[field].json);
        if (array) {
            jsonw_put(w, "[", 1);
            w->depth++;
        }
        int firstv = 1;
        for (uint32_t c = links[idx].first; c != UINT32_MAX; c = links[c].next) {
            if (nodes[c].field != field) continue;
            if (array) {
                if (!firstv) jsonw_put(w, ",", 1);
                jsonw_newline(w);
            }
            firstv = 0;
            emit_value(w, b, c);
        }
        if (array) {
            w->depth--;
            jsonw_newline(w);
            jsonw_put(w, "]", 1);
        }
    }
    *firstp = first;
}

static void emit_container(jsonw *w, const sub_builder *b, uint32_t idx)
{
    int first = 1;
    jsonw_put(w, "{", 1);
    w->depth++;
    emit_members(w, b, idx, &first);
    w->depth--;
    if (!first) jsonw_newline(w);
    jsonw_put(w, "}", 1);
}

static void emit_doc(jsonw *w, const edgr_document *d)
{
    int first = 1;
    jsonw_put(w, "{", 1);
    w->depth++;
    key(w, &first, "sequence");
    if (d->sequence >= 0) num(w, d->sequence);
    else span_or_null(w, d->sequence_raw);
    key(w, &first, "type");
    span_or_null(w, d->type);
    key(w, &first, "filename");
    span_or_null(w, d->filename);
    key(w, &first, "description");
    span_or_null(w, d->description);
    key(w, &first, "format");
    cstr(w, edgr_format_name(d->format));
    if (d->charset != EDGR_CS_UNKNOWN) {
        key(w, &first, "charset");
        cstr(w, edgr_charset_name(d->charset));
    }
    if (d->uu_name.len) {
        key(w, &first, "uu_name");
        jsonw_str(w, d->uu_name.ptr, d->uu_name.len);
    }
    key(w, &first, "offset");
    num(w, (int64_t)d->offset);
    key(w, &first, "body_offset");
    num(w, (int64_t)d->body_offset);
    key(w, &first, "body_length");
    num(w, (int64_t)d->body.len);
    key(w, &first, "decoded_size");
    if (d->decoded_size >= 0) num(w, d->decoded_size);
    else puts_(w, "null");
    if (d->truncated) {
        key(w, &first, "truncated");
        puts_(w, "true");
    }
    if (d->stripped) {
        key(w, &first, "stripped");
        puts_(w, "true");
    }
    w->depth--;
    jsonw_newline(w);
    jsonw_put(w, "}", 1);
}

/* "documents": every document of the submission. */
static void emit_documents(jsonw *w, const edgr_submission *s, int *first)
{
    key(w, first, "documents");
    jsonw_put(w, "[", 1);
    w->depth++;
    for (size_t i = 0; i < s->doc_count; i++) {
        if (i) jsonw_put(w, ",", 1);
        jsonw_newline(w);
        emit_doc(w, &s->docs[i]);
    }
    w->depth--;
    if (s->doc_count) jsonw_newline(w);
    jsonw_put(w, "]", 1);
}

/* "source": where the submission was read, the same object in every
 * command (docs/fields.md): an archive member is the archive's path and
 * the member's name. */
static void emit_source(jsonw *w, const edgr_submission *s, const edgr_json_source *src, int *first)
{
    int f2 = 1;
    key(w, first, "source");
    jsonw_put(w, "{", 1);
    w->depth++;
    key(w, &f2, "path");
    if (src && src->path) cstr(w, src->path);
    else puts_(w, "null");
    key(w, &f2, "member");
    if (src && src->member) cstr(w, src->member);
    else puts_(w, "null");
    key(w, &f2, "offset");
    num(w, (int64_t)s->offset);
    key(w, &f2, "length");
    num(w, (int64_t)(s->end - s->offset));
    key(w, &f2, "container");
    cstr(w, edgr_container_name(s->container));
    key(w, &f2, "dialect");
    cstr(w, s->dialect == EDGR_DIALECT_TAB ? "tab" : s->dialect == EDGR_DIALECT_TAG ? "tag" : "none");
    key(w, &f2, "pem");
    puts_(w, s->pem ? "true" : "false");
    if (s->stripped) {
        key(w, &f2, "stripped");
        puts_(w, "true");
    }
    w->depth--;
    jsonw_newline(w);
    jsonw_put(w, "}", 1);
}

/* One diagnostic, on one line even when pretty. */
static void emit_diag(jsonw *w, const edgr_diag *d)
{
    int f3 = 1;
    jsonw_put(w, "{", 1);
    key(w, &f3, "offset");
    num(w, (int64_t)d->offset);
    key(w, &f3, "severity");
    cstr(w, d->severity == EDGR_ERROR ? "error" : "warning");
    key(w, &f3, "message");
    cstr(w, d->message);
    jsonw_put(w, "}", 1);
}

/* "diagnostics", when there are any. */
static void emit_diagnostics(jsonw *w, const edgr_submission *s, int *first)
{
    if (!s->diag_count) return;
    key(w, first, "diagnostics");
    jsonw_put(w, "[", 1);
    w->depth++;
    for (size_t i = 0; i < s->diag_count; i++) {
        if (i) jsonw_put(w, ",", 1);
        jsonw_newline(w);
        emit_diag(w, &s->diags[i]);
    }
    w->depth--;
    jsonw_newline(w);
    jsonw_put(w, "]", 1);
}

edgr_status edgr_write_json(const edgr_submission *s, const edgr_json_source *src, unsigned flags,
                            edgr_write_fn write, void *user)
{
    if (!s || !write) return EDGR_ERR_ARG;
    /* a struct from an older header than the first with struct_size, or
     * one not set up */
    if (src && src->struct_size < sizeof *src) return EDGR_ERR_ARG;
    /* every submission handed out is the first member of a builder */
    const sub_builder *b = (const sub_builder *)(const void *)s;
    jsonw *w = &(jsonw){.write = write, .user = user, .pretty = !!(flags & EDGR_JSON_PRETTY)};
    /* the header model, then documents, source and diagnostics */
    int first = 1;
    jsonw_put(w, "{", 1);
    w->depth++;
    if (flags & EDGR_JSON_BRIEF) { /* which filing, and its documents */
        key(w, &first, "accession_number");
        span_or_null(w, edgr_get(s, "accession_number"));
        key(w, &first, "type");
        span_or_null(w, edgr_get(s, "type"));
    } else if (b->links.len) {
        emit_members(w, b, 0, &first);
    }
    if (!(flags & EDGR_JSON_NO_DOCS)) emit_documents(w, s, &first);
    /* EDGR_JSON_NO_SOURCE leaves out "source" and "diagnostics" */
    if (!(flags & EDGR_JSON_NO_SOURCE)) {
        emit_source(w, s, src, &first);
        emit_diagnostics(w, s, &first);
    }
    w->depth--;
    jsonw_newline(w);
    jsonw_put(w, "}", 1);
    jsonw_flush(w);
    return w->failed ? EDGR_ERR_ABORTED : EDGR_OK;
}
