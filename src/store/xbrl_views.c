/*
 * The SEC's views of XBRL facts (companyfacts, companyconcept, frames),
 * built from the facts the store keeps of every filing (xbrl_facts): the
 * rows of one query, grouped by concept and unit, each filing's entry once,
 * frames assigned by the SEC's rule (src/xbrl/frames.c), written as JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "frames.h"
#include "jsonw.h"
#include "record.h"
#include "store_int.h"

/* The facts the SEC's views are made of, and what each entry says.  fy and
 * fp are the filing's own dei facts (its first of each). */
#define VIEW_SELECT                                                                                        \
    "SELECT x.taxonomy, x.name, x.unit, " DATE_OF("x.period_start") ", " DATE_OF("x.period_end") ", x.value, " \
    "f.accession_number, f.type, f.filing_date, " DEI("DocumentFiscalYearFocus") ", "                       \
    DEI("DocumentFiscalPeriodFocus") ", x.entity, e.conformed_name, e.business_state "                    \
    "FROM xbrl_facts x JOIN filings f ON f.id = x.filing_id LEFT JOIN entities e ON e.cik = x.entity "   \
    "WHERE x.taxonomy IS NOT NULL AND x.kind = 'numeric' AND x.nil = 0 AND x.duplicate = 0 "              \
    "AND x.untransformed = 0 AND x.dimensions IS NULL AND x.value IS NOT NULL AND x.unit IS NOT NULL "     \
    "AND x.period_end IS NOT NULL AND length(x.entity) = 10 AND x.entity NOT GLOB '*[^0-9]*' "
/* A filing's dei fact by name, its white space trimmed (a text fact keeps
 * the document's): its first; through xbrl_facts_dei, a look-up a row
 * (named: the planner would take the primary key for its order by n, and
 * scan all of a filing's facts twice a row: minutes for a company). */
#define DEI(name)                                                                                          \
    "(SELECT trim(y.value, char(32, 9, 10, 13)) FROM xbrl_facts y INDEXED BY xbrl_facts_dei "              \
    "WHERE y.filing_id = x.filing_id AND "                                                                 \
    "y.name = '" name "' AND y.taxonomy = 'dei' AND y.value IS NOT NULL ORDER BY y.n LIMIT 1)"
/* A period's date: a dateTime's date part (the SEC's documents write dates) */
#define DATE_OF(col) "CASE WHEN substr(" col ", 11, 1) = 'T' THEN substr(" col ", 1, 10) ELSE " col " END"
#define VIEW_ORDER " ORDER BY x.taxonomy, x.name, x.unit, x.entity, x.period_end, x.period_start, f.filing_date, " \
                   "f.accession_number, x.value"

enum { V_TAX, V_TAG, V_UNIT, V_START, V_END, V_VAL, V_ACCN, V_FORM, V_FILED, V_FY, V_FP, V_CIK, V_NAME, V_STATE,
       V_COLS };

/* One entry; its strings in the view's arena. */
typedef struct ventry {
    const char *c[V_COLS];
    xf_fact f;
} ventry;

typedef struct view {
    arena a;
    ventry *v;
    size_t n, cap;
    int nomem;
} view;

static const char *keep(view *w, sqlite3_stmt *q, int i)
{
    const char *s = (const char *)sqlite3_column_text(q, i);
    if (!s) return NULL;
    const char *d = arena_dup(&w->a, s, (size_t)sqlite3_column_bytes(q, i));
    if (!d) w->nomem = 1;
    return d;
}

/* A date's days, from its first ten characters (a dateTime's date). */
static int days_of(const char *s, int32_t *out)
{
    return s && strlen(s) == 10 ? xf_days(s, 10, out) : -1;
}

/* A canonical decimal, as the readers write numbers: the value goes into
 * the JSON as a number, so nothing else may pass (a store written by
 * another program, or by a bug). */
static int is_number(const char *v)
{
    if (!v) return 0;
    if (*v == '-') v++;
    size_t d = strspn(v, "0123456789");
    if (!d) return 0;
    v += d;
    if (*v == '.') {
        d = strspn(++v, "0123456789");
        if (!d) return 0;
        v += d;
    }
    return *v == '\0';
}

static int same_col(const ventry *a, const ventry *b, int i)
{
    return (!a->c[i] && !b->c[i]) || (a->c[i] && b->c[i] && !strcmp(a->c[i], b->c[i]));
}

/* Every row of q into w, each filing's (period, value) once. */
static int gather(edgr_store *st, sqlite3_stmt *q, view *w)
{
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && !w->nomem) {
        if (w->n == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 256;
            ventry *v = realloc(w->v, cap * sizeof *v);
            if (!v) return w->nomem = 1, -1;
            w->v = v, w->cap = cap;
        }
        ventry *e = &w->v[w->n];
        memset(e, 0, sizeof *e);
        for (int i = 0; i < V_COLS; i++) e->c[i] = keep(w, q, i);
        if (!is_number(e->c[V_VAL]) || days_of(e->c[V_END], &e->f.end_days)) continue;
        /* a bare document has no filing date: "filed" null, and it loses
         * a frame to any dated filing's fact of the same period */
        e->f.filed_days = INT32_MIN;
        if (e->c[V_FILED] && days_of(e->c[V_FILED], &e->f.filed_days)) continue;
        e->f.start_days = INT32_MIN;
        if (e->c[V_START] && days_of(e->c[V_START], &e->f.start_days)) continue;
        e->f.accn = e->c[V_ACCN];
        /* the same figure twice in one filing (two contexts of one period,
         * a table and a note) is one entry, as the SEC lists it */
        if (w->n) {
            const ventry *p = &w->v[w->n - 1];
            int same = 1;
            for (int i = 0; i <= V_ACCN && same; i++) same = same_col(p, e, i);
            same = same && same_col(p, e, V_CIK);
            if (same) continue;
        }
        w->n++;
    }
    if (w->nomem) return -1;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return store_sql_error(st, "XBRL facts"), -1;
    return 0;
}

/* Frames, group by group: one company, concept and unit. */
static int assign_frames(view *w)
{
    size_t i = 0;
    while (i < w->n) {
        size_t j = i + 1;
        while (j < w->n && same_col(&w->v[i], &w->v[j], V_TAX) && same_col(&w->v[i], &w->v[j], V_TAG) &&
               same_col(&w->v[i], &w->v[j], V_UNIT) && same_col(&w->v[i], &w->v[j], V_CIK))
            j++;
        xf_fact *g = malloc((j - i) * sizeof *g);
        if (!g) return -1;
        for (size_t k = i; k < j; k++) g[k - i] = w->v[k].f;
        if (xf_assign(g, j - i)) {
            free(g);
            return -1;
        }
        for (size_t k = i; k < j; k++) memcpy(w->v[k].f.frame, g[k - i].frame, sizeof g->frame);
        free(g);
        i = j;
    }
    return 0;
}

static void view_free(view *w)
{
    free(w->v);
    arena_free(&w->a);
}

/* The document's end: its newline, the writer flushed, the view freed. */
static edgr_status finish(jsonw *j, view *w)
{
    jsonw_put(j, "\n", 1);
    jsonw_flush(j);
    view_free(w);
    return j->failed ? EDGR_ERR_ABORTED : EDGR_OK;
}

/* A stored decimal as a JSON number: it is one already (canonical). */
static void put_val(jsonw *j, const char *v) { jsonw_put(j, v, strlen(v)); }

/* A CIK as the SEC's JSON writes it: a number, no leading zeros. */
static void write_cik(jsonw *j, const char *cik)
{
    long long v = cik ? strtoll(cik, NULL, 10) : 0;
    jsonw_num(j, v);
}

static void put_fy(jsonw *j, const char *fy)
{
    char *end;
    long v = fy ? strtol(fy, &end, 10) : 0;
    if (fy && end != fy && !*end) jsonw_num(j, v);
    else jsonw_cstr(j, NULL);
}

static void entry(jsonw *j, const ventry *e)
{
    jsonw_elem(j);
    jsonw_open(j, '{');
    if (e->c[V_START]) jsonw_kstr(j, "start", e->c[V_START]);
    jsonw_kstr(j, "end", e->c[V_END]);
    jsonw_key(j, "val");
    put_val(j, e->c[V_VAL]);
    jsonw_kstr(j, "accn", e->c[V_ACCN]);
    jsonw_key(j, "fy");
    put_fy(j, e->c[V_FY]);
    jsonw_kstr(j, "fp", e->c[V_FP]);
    jsonw_kstr(j, "form", e->c[V_FORM]);
    jsonw_kstr(j, "filed", e->c[V_FILED]);
    if (e->f.frame[0]) jsonw_kstr(j, "frame", e->f.frame);
    jsonw_close(j, '}');
}

/* The units of one concept: entries i.. while the concept is the same.
 * Returns the first entry past it. */
static size_t units(jsonw *j, const view *w, size_t i)
{
    jsonw_key(j, "units");
    jsonw_open(j, '{');
    size_t k = i;
    while (k < w->n && same_col(&w->v[k], &w->v[i], V_TAX) && same_col(&w->v[k], &w->v[i], V_TAG)) {
        jsonw_key(j, w->v[k].c[V_UNIT]);
        jsonw_open(j, '[');
        size_t u = k;
        for (; k < w->n && same_col(&w->v[k], &w->v[i], V_TAX) && same_col(&w->v[k], &w->v[i], V_TAG) &&
               same_col(&w->v[k], &w->v[u], V_UNIT);
             k++)
            entry(j, &w->v[k]);
        jsonw_close(j, ']');
    }
    jsonw_close(j, '}');
    return k;
}

static void null_key(jsonw *j, const char *k)
{
    jsonw_key(j, k);
    jsonw_cstr(j, NULL);
}

/* "us-gaap:Revenues" into taxonomy and tag; a bare tag has no taxonomy. */
static void split_concept(const char *concept, char *tax, size_t taxn, const char **tag)
{
    const char *colon = strchr(concept, ':');
    tax[0] = '\0';
    *tag = concept;
    if (colon && (size_t)(colon - concept) < taxn) {
        memcpy(tax, concept, (size_t)(colon - concept));
        tax[colon - concept] = '\0';
        *tag = colon + 1;
    }
}

/* The rows of `sql` bound to up to four texts, gathered and framed. */
static edgr_status load(edgr_store *st, const char *sql, const char *const *binds, size_t nbinds, view *w)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) return store_sql_error(st, "XBRL facts"), EDGR_ERR_STORE;
    for (size_t i = 0; i < nbinds; i++) sqlite3_bind_text(q, (int)i + 1, binds[i], -1, SQLITE_TRANSIENT);
    int bad = gather(st, q, w);
    sqlite3_finalize(q);
    if (bad && !w->nomem) return EDGR_ERR_STORE;
    if (bad || assign_frames(w)) {
        store_fail(st, "out of memory building the view");
        return EDGR_ERR_NOMEM;
    }
    return EDGR_OK;
}

/* A bare tag: its standard taxonomy, the first of these that the stored
 * facts have (a tag of the SEC's other taxonomies is named with its
 * prefix: ecd:PeoTotalCompAmt). */
static const char *const BARE_TAXONOMIES[] = {"us-gaap", "ifrs-full", "dei", "srt"};

/* One concept's facts: of `tax` when given, else of the first of
 * BARE_TAXONOMIES that has `tag`; of one company (`cik`) or one unit. */
static edgr_status load_concept(edgr_store *st, const char *tax, const char *tag, const char *cik, const char *uom,
                                view *w)
{
    static const char COMPANY[] = VIEW_SELECT "AND x.taxonomy = ?1 AND x.name = ?2 AND x.entity = ?3" VIEW_ORDER;
    static const char UNIT[] = VIEW_SELECT "AND x.taxonomy = ?1 AND x.name = ?2 AND x.unit = ?3" VIEW_ORDER;
    edgr_status s = EDGR_OK;
    size_t n = tax[0] ? 1 : sizeof BARE_TAXONOMIES / sizeof *BARE_TAXONOMIES;
    for (size_t t = 0; t < n && s == EDGR_OK && !w->n; t++) {
        const char *b[] = {tax[0] ? tax : BARE_TAXONOMIES[t], tag, cik ? cik : uom};
        s = load(st, cik ? COMPANY : UNIT, b, 3, w);
    }
    return s;
}

edgr_status edgr_store_company_facts(edgr_store *st, const char *cik, const char *concept, unsigned json_flags,
                                     edgr_write_fn write, void *user)
{
    char key[11], tax[64];
    if (!st || !write) return EDGR_ERR_ARG;
    if (rec_cik10(cik, key)) {
        store_fail(st, "'%s' is not a CIK (digits: at most 10 without leading zeros)", cik ? cik : "");
        return EDGR_ERR_ARG;
    }
    const char *tag = NULL;
    if (concept) split_concept(concept, tax, sizeof tax, &tag);
    view w = {0};
    edgr_status s = EDGR_OK;
    if (!concept) {
        const char *b[] = {key};
        s = load(st, VIEW_SELECT "AND x.entity = ?1" VIEW_ORDER, b, 1, &w);
    } else {
        s = load_concept(st, tax, tag, key, NULL, &w);
    }
    if (s == EDGR_OK && !w.n) {
        if (concept) store_fail(st, "CIK %s: no XBRL fact of %s in the store", key, concept);
        else store_fail(st, "CIK %s: no XBRL facts in the store (numeric, standard taxonomies)", key);
        s = EDGR_ERR_NOT_FOUND;
    }
    if (s != EDGR_OK) {
        view_free(&w);
        return s;
    }
    jsonw j = {.write = write, .user = user, .pretty = (json_flags & EDGR_JSON_PRETTY) != 0};
    /* the latest name the store knows: the entities row (newest filing) */
    const char *name = NULL;
    for (size_t i = 0; i < w.n && !name; i++) name = w.v[i].c[V_NAME];
    jsonw_open(&j, '{');
    jsonw_key(&j, "cik");
    write_cik(&j, key);
    if (concept) {
        jsonw_kstr(&j, "taxonomy", w.v[0].c[V_TAX]);
        jsonw_kstr(&j, "tag", w.v[0].c[V_TAG]);
        null_key(&j, "label");
        null_key(&j, "description");
        jsonw_kstr(&j, "entityName", name);
        units(&j, &w, 0);
    } else {
        jsonw_kstr(&j, "entityName", name);
        jsonw_key(&j, "facts");
        jsonw_open(&j, '{');
        size_t i = 0;
        while (i < w.n) {
            size_t t0 = i;
            jsonw_key(&j, w.v[i].c[V_TAX]);
            jsonw_open(&j, '{');
            while (i < w.n && same_col(&w.v[i], &w.v[t0], V_TAX)) {
                jsonw_key(&j, w.v[i].c[V_TAG]);
                jsonw_open(&j, '{');
                null_key(&j, "label");
                null_key(&j, "description");
                i = units(&j, &w, i);
                jsonw_close(&j, '}');
            }
            jsonw_close(&j, '}');
        }
        jsonw_close(&j, '}');
    }
    jsonw_close(&j, '}');
    return finish(&j, &w);
}

/* "CY2019", "CY2019Q1", "CY2019Q1I": 1 when `period` is a frame's name. */
static int is_frame(const char *p)
{
    size_t n = strlen(p);
    if (n < 6 || p[0] != 'C' || p[1] != 'Y' || strspn(p + 2, "0123456789") < 4 || !strncmp(p + 2, "0000", 4))
        return 0;
    if (n == 6) return 1;
    if (p[6] != 'Q' || p[7] < '1' || p[7] > '4') return 0;
    return n == 8 || (n == 9 && p[8] == 'I');
}

edgr_status edgr_store_frame(edgr_store *st, const char *concept, const char *unit, const char *period,
                             unsigned json_flags, edgr_write_fn write, void *user)
{
    if (!st || !write || !concept || !unit || !period) return EDGR_ERR_ARG;
    if (!is_frame(period)) {
        store_fail(st, "'%s' is not a frame: CY2019 (a year), CY2019Q1 (a quarter), CY2019Q1I (an instant)", period);
        return EDGR_ERR_ARG;
    }
    char tax[64], uom[128];
    const char *tag;
    split_concept(concept, tax, sizeof tax, &tag);
    /* the SEC's URLs write a divide as "-per-": USD-per-shares */
    const char *per = strstr(unit, "-per-");
    if (strlen(unit) >= sizeof uom) {
        store_fail(st, "a unit of more than %zu bytes", sizeof uom - 1);
        return EDGR_ERR_ARG;
    }
    if (per) snprintf(uom, sizeof uom, "%.*s/%s", (int)(per - unit), unit, per + 5);
    else snprintf(uom, sizeof uom, "%s", unit);
    view w = {0};
    edgr_status s = EDGR_OK;
    s = load_concept(st, tax, tag, NULL, uom, &w);
    size_t pts = 0;
    for (size_t i = 0; i < w.n; i++) pts += !strcmp(w.v[i].f.frame, period);
    if (s == EDGR_OK && !pts) {
        store_fail(st, "no stored fact of %s in %s carries the frame %s", concept, uom, period);
        s = EDGR_ERR_NOT_FOUND;
    }
    if (s != EDGR_OK) {
        view_free(&w);
        return s;
    }
    jsonw j = {.write = write, .user = user, .pretty = (json_flags & EDGR_JSON_PRETTY) != 0};
    jsonw_open(&j, '{');
    jsonw_kstr(&j, "taxonomy", w.v[0].c[V_TAX]);
    jsonw_kstr(&j, "tag", w.v[0].c[V_TAG]);
    jsonw_kstr(&j, "ccp", period);
    jsonw_kstr(&j, "uom", uom);
    null_key(&j, "label");
    null_key(&j, "description");
    jsonw_knum(&j, "pts", (int64_t)pts);
    jsonw_key(&j, "data");
    jsonw_open(&j, '[');
    for (size_t i = 0; i < w.n; i++) {
        const ventry *e = &w.v[i];
        if (strcmp(e->f.frame, period)) continue;
        jsonw_elem(&j);
        jsonw_open(&j, '{');
        jsonw_kstr(&j, "accn", e->c[V_ACCN]);
        jsonw_key(&j, "cik");
        write_cik(&j, e->c[V_CIK]);
        jsonw_kstr(&j, "entityName", e->c[V_NAME]);
        /* the SEC's "US-CA": the business address's state, when it is a
         * US state's code (the header's is two letters) */
        const char *state = e->c[V_STATE];
        char loc[8];
        if (state && strlen(state) == 2 && state[0] >= 'A' && state[0] <= 'Z' && state[1] >= 'A' &&
            state[1] <= 'Z') { /* EDGAR's foreign codes are a letter and a digit: X0, K3 */
            snprintf(loc, sizeof loc, "US-%s", state);
            jsonw_kstr(&j, "loc", loc);
        } else null_key(&j, "loc");
        if (e->c[V_START]) jsonw_kstr(&j, "start", e->c[V_START]);
        jsonw_kstr(&j, "end", e->c[V_END]);
        jsonw_key(&j, "val");
        put_val(&j, e->c[V_VAL]);
        jsonw_close(&j, '}');
    }
    jsonw_close(&j, ']');
    jsonw_close(&j, '}');
    return finish(&j, &w);
}
