/*
 * A fact as one JSON object (edgr_xbrl_write_fact), through the one JSON
 * writer edgr prints with (src/core/jsonw.c).
 */
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "xbrl_int.h"
#include "xbrl_json.h"

void xbrl_json_dimensions(jsonw *w, const edgr_xbrl_context *c)
{
    jsonw_open(w, '{');
    for (size_t k = 0; c && k < c->nmembers; k++) {
        if (c->members[k].typed) {
            jsonw_key(w, c->members[k].dimension);
            jsonw_open(w, '{');
            jsonw_kstr(w, "typed", c->members[k].member);
            jsonw_close(w, '}');
        } else jsonw_kstr(w, c->members[k].dimension, c->members[k].member);
    }
    jsonw_close(w, '}');
}

void xbrl_json_footnotes(jsonw *w, const edgr_xbrl_fact *f)
{
    jsonw_open(w, '[');
    for (size_t k = 0; k < f->nfootnotes; k++) {
        jsonw_elem(w);
        jsonw_cstr(w, f->footnotes[k]);
    }
    jsonw_close(w, ']');
}

static const char *kind_name(edgr_xbrl_kind k)
{
    return k == EDGR_XBRL_NUMERIC ? "numeric" : k == EDGR_XBRL_FRACTION ? "fraction" : "text";
}

/* A member only when there is something to say. */
static void opt_str(jsonw *w, const char *k, const char *v)
{
    if (v) jsonw_kstr(w, k, v);
}

static void opt_bool(jsonw *w, const char *k, int v)
{
    if (!v) return;
    jsonw_key(w, k);
    jsonw_put(w, "true", 4);
}

edgr_status edgr_xbrl_write_fact(const edgr_xbrl *x, size_t i, unsigned flags, edgr_write_fn write, void *user)
{
    const edgr_xbrl_fact *f = edgr_xbrl_fact_at(x, i);
    if (!f || !write) return EDGR_ERR_ARG;
    jsonw w = {.write = write, .user = user, .pretty = (flags & EDGR_XBRL_JSON_PRETTY) != 0};
    jsonw_open(&w, '{');
    if (f->prefix) { /* prefix:name, however long (a hostile name is not cut) */
        size_t a = strlen(f->prefix), b = f->name ? strlen(f->name) : 0;
        char small[256], *concept = a + b + 2 <= sizeof small ? small : malloc(a + b + 2);
        if (!concept) return EDGR_ERR_NOMEM;
        memcpy(concept, f->prefix, a);
        concept[a] = ':';
        memcpy(concept + a + 1, f->name ? f->name : "", b);
        concept[a + b + 1] = '\0';
        jsonw_kstr(&w, "concept", concept);
        if (concept != small) free(concept);
    } else jsonw_kstr(&w, "concept", f->name);
    opt_str(&w, "ns", f->ns);
    jsonw_kstr(&w, "name", f->name);
    jsonw_kstr(&w, "kind", kind_name(f->kind));
    jsonw_kstr(&w, "value", f->value);
    opt_str(&w, "numerator", f->numerator);
    opt_str(&w, "denominator", f->denominator);
    opt_str(&w, "decimals", f->decimals);
    opt_str(&w, "precision", f->precision);
    if (f->unit) {
        jsonw_kstr(&w, "unit", f->unit->key);
        jsonw_kstr(&w, "measures", f->unit->measures);
    } else opt_str(&w, "unit_ref", f->unit_ref);
    const edgr_xbrl_context *c = f->context;
    jsonw_key(&w, "period");
    if (!c) jsonw_cstr(&w, NULL);
    else {
        jsonw_open(&w, '{');
        if (c->instant) jsonw_kstr(&w, "instant", c->end);
        else if (c->start || c->end) {
            jsonw_kstr(&w, "start", c->start);
            jsonw_kstr(&w, "end", c->end);
        } else opt_bool(&w, "forever", 1);
        jsonw_close(&w, '}');
        jsonw_key(&w, "entity");
        jsonw_open(&w, '{');
        jsonw_kstr(&w, "scheme", c->scheme);
        jsonw_kstr(&w, "id", c->identifier);
        jsonw_close(&w, '}');
        if (c->nmembers) {
            jsonw_key(&w, "dimensions");
            xbrl_json_dimensions(&w, c);
        }
    }
    jsonw_kstr(&w, "context", f->context_ref);
    opt_str(&w, "id", f->id);
    opt_bool(&w, "nil", f->nil);
    opt_str(&w, "format", f->format);
    opt_bool(&w, "untransformed", f->untransformed);
    opt_bool(&w, "duplicate", f->duplicate);
    if (f->markup && !(flags & EDGR_XBRL_JSON_NO_MARKUP)) jsonw_kstr(&w, "markup", f->markup);
    if (f->nfootnotes) {
        jsonw_key(&w, "footnotes");
        xbrl_json_footnotes(&w, f);
    }
    jsonw_knum(&w, "offset", (int64_t)f->offset);
    jsonw_close(&w, '}');
    jsonw_flush(&w);
    return w.failed ? EDGR_ERR_ABORTED : EDGR_OK;
}
