/*
 * Full-text search over the store.
 *
 * The query text goes to FTS5 as a bound parameter, never into SQL; the SQL
 * is put together from fixed pieces, one per filter the caller set.  Two
 * steps: find the ranked row ids (cheap: no snippets), then make a snippet
 * for each hit kept (snippet() re-reads the row, so it runs only `limit`
 * times, not once per match).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "jsonw.h"
#include "store_int.h"

/* ---- the query text --------------------------------------------------- */

static int bareword_char(unsigned char c)
{
    return c >= 0x80 || sc_is_alnum(c) || c == '_' || c == 0x1A;
}

static int is_operator(const char *p, size_t n)
{
    return (n == 3 && !memcmp(p, "AND", 3)) || (n == 2 && !memcmp(p, "OR", 2)) ||
           (n == 3 && !memcmp(p, "NOT", 3)) || (n == 4 && !memcmp(p, "NEAR", 4));
}

/*
 * FTS5 reads only letters, digits and '_' as a bare word, so "AT&T",
 * "non-GAAP" or "10-K" would be syntax errors.  A word with other characters
 * is quoted, which makes it the phrase a reader means ("10 k").  Everything
 * else (phrases, AND/OR/NOT, NEAR(...), prefix*, ^initial, parentheses) is
 * passed as written; tokens with no word characters ("&", "-") are dropped.
 * Returns a malloc'd string, or NULL: out of memory, or *bad set to the
 * character that makes the query unreadable.
 */
char *store_query_normalise(const char *q, char *bad)
{
    *bad = 0;
    size_t n = strlen(q);
    char *out = malloc(n * 3 + 3);
    if (!out) return NULL;
    size_t k = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)q[i];
        if (c == '"') { /* a phrase, to its closing quote ("" is a quote) */
            out[k++] = q[i++];
            while (i < n) {
                if (q[i] == '"' && i + 1 < n && q[i + 1] == '"') { out[k++] = q[i++]; out[k++] = q[i++]; continue; }
                if (q[i] == '"') { out[k++] = q[i++]; break; }
                out[k++] = q[i++];
            }
            continue;
        }
        if (sc_is_space(c) || c == '(' || c == ')' || c == ',' || c == '+') { out[k++] = q[i++]; continue; }
        size_t j = i;
        while (j < n && !sc_is_space((unsigned char)q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"' &&
               q[j] != ',')
            j++;
        size_t a = i, b = j;
        if (q[a] == '^') a++;
        if (b > a && q[b - 1] == '*') b--;
        int plain = b > a, words = 0;
        for (size_t t = a; t < b && plain; t++) plain = bareword_char((unsigned char)q[t]);
        for (size_t t = a; t < b && !words; t++) words = bareword_char((unsigned char)q[t]);
        if (!words && !is_operator(q + i, j - i)) {
            /* "&", "-", a dash: nothing the tokenizer would index.  A '*'
             * with no word before it is a mistake worth saying. */
            if (memchr(q + i, '*', j - i)) { free(out); *bad = '*'; return NULL; }
            i = j;
            continue;
        }
        if (plain || is_operator(q + i, j - i)) {
            memcpy(out + k, q + i, j - i);
            k += j - i;
        } else { /* quote it, keeping a trailing '*' outside as a prefix */
            int star = j - i > 1 && q[j - 1] == '*';
            out[k++] = '"';
            memcpy(out + k, q + i, j - i - (size_t)star);
            k += j - i - (size_t)star;
            out[k++] = '"';
            if (star) out[k++] = '*';
        }
        i = j;
    }
    out[k] = 0;
    return out;
}

/* FTS5's complaint, in words a user of `edgr search` can act on. */
void store_query_error(edgr_store *st, const char *q, const char *msg)
{
    const char *near = strstr(msg, "syntax error near");
    if (strstr(msg, "unterminated string"))
        store_fail(st, "cannot read the query '%s': a double quote (\") is not closed", q);
    else if (near && !strcmp(near, "syntax error near \"\""))
        store_fail(st,
                   "cannot read the query '%s': it ends too soon (a '(' is not closed, or an AND, OR "
                   "or NOT has nothing after it)",
                   q);
    else if (near)
        store_fail(st,
                   "cannot read the query '%s': unexpected %s (write words, \"phrases\", AND, OR, "
                   "NOT, NEAR(a b, 10), prefix* and parentheses)",
                   q, near[17] == ' ' ? near + 18 : "end of query");
    else if (strstr(msg, "no such column"))
        store_fail(st, "cannot read the query '%s': 'NAME:' selects a field and rows have none; put "
                       "the words in double quotes to search for a colon", q);
    else if (strstr(msg, "unknown special query"))
        store_fail(st, "cannot read the query '%s': a query cannot start with '*'", q);
    else
        store_fail(st, "cannot read the query '%s': %s", q, strncmp(msg, "fts5: ", 6) ? msg : msg + 6);
}

/* The terms of a query: each word and each "phrase" (AND, OR, NOT, NEAR
 * and punctuation are not terms).  FTS5's cost grows with the square of
 * the terms OR'd together (10,000 terms: 57 s), hence a cap. */
static size_t query_terms(const char *q)
{
    size_t terms = 0, i = 0, n = strlen(q);
    while (i < n) {
        if (q[i] == '"') {
            for (i++; i < n; i++) {
                if (q[i] == '"' && i + 1 < n && q[i + 1] == '"') { i++; continue; }
                if (q[i] == '"') { i++; break; }
            }
            terms++;
            continue;
        }
        unsigned char c = (unsigned char)q[i];
        if (sc_is_space(c) || c == '(' || c == ')' || c == ',' || c == '+') { i++; continue; }
        size_t j = i;
        int word = 0;
        while (j < n && !sc_is_space((unsigned char)q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"' &&
               q[j] != ',') {
            word |= bareword_char((unsigned char)q[j]);
            j++;
        }
        if (word && !is_operator(q + i, j - i)) terms++;
        i = j;
    }
    return terms;
}

/* ---- filters ------------------------------------------------------------ */

/* "2017", "2017-03" or "2017-03-08" as the first or last day it covers. */
static int date_bound(const char *in, int last, char out[11])
{
    size_t n = strlen(in);
    for (size_t i = 0; i < n; i++)
        if (!(sc_is_digit((unsigned char)in[i]) || (in[i] == '-' && (i == 4 || i == 7)))) return -1;
    if (n == 4) snprintf(out, 11, "%s-%s", in, last ? "12-31" : "01-01");
    else if (n == 7 && in[4] == '-') snprintf(out, 11, "%s-%s", in, last ? "31" : "01");
    else if (n == 10 && in[4] == '-' && in[7] == '-') memcpy(out, in, 11);
    else if (n == 8) snprintf(out, 11, "%.4s-%.2s-%.2s", in, in + 4, in + 6);
    else return -1;
    /* a real day: month 01-12, day 01 to the month's last (leap years) */
    int y = atoi(out), m = atoi(out + 5), d = atoi(out + 8);
    static const int DAYS[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12) return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int last_day = m == 2 && !leap ? 28 : DAYS[m - 1];
    if (n == 7 && last) snprintf(out + 8, 3, "%02d", last_day); /* 2021-02 ends on the 28th */
    else if (d < 1 || d > last_day) return -1;
    return 0;
}

/* A CIK with or without its leading zeros, as the header writes it. */
int store_cik(const char *in, char out[11])
{
    size_t n = strlen(in);
    uint64_t v;
    if (n == 0 || n > 10 || sc_parse_uint(in, n, 10, UINT64_MAX, &v) != n) return -1;
    snprintf(out, 11, "%010llu", (unsigned long long)v);
    return 0;
}

/* CIKs whose current or former name is `name` (any case), else starts with
 * it, else contains it (trigram index, 3 characters or more).  Written as a
 * JSON array for json_each().  Returns the count, or -1 on error. */
int store_names_lookup(edgr_store *st, const char *name, long limit, char **json)
{
    static const char *const STEPS[] = {
        /* a trading symbol of a cover page (the filer's), as written */
        "SELECT DISTINCT r.cik FROM securities s JOIN roles r ON r.filing_id = s.filing_id "
        "WHERE s.trading_symbol = ?1 COLLATE NOCASE AND r.role <> 'reporting_owner' LIMIT ?2",
        "SELECT DISTINCT cik FROM names WHERE name = ?1 LIMIT ?2",
        "SELECT DISTINCT cik FROM names WHERE name LIKE ?1 || '%' ESCAPE '\\' LIMIT ?2",
        ("SELECT DISTINCT n.cik FROM names_fts JOIN names n ON n.id = names_fts.rowid "
         "WHERE names_fts MATCH ?1 LIMIT ?2")};
    size_t len = strlen(name);
    char *esc = malloc(len * 2 + 3);
    char *phrase = malloc(len * 2 + 3);
    if (!esc || !phrase) { free(esc); free(phrase); return -1; }
    size_t e = 0, p = 0;
    phrase[p++] = '"';
    for (size_t i = 0; i < len; i++) {
        if (name[i] == '%' || name[i] == '_' || name[i] == '\\') esc[e++] = '\\';
        esc[e++] = name[i];
        if (name[i] == '"') phrase[p++] = '"';
        phrase[p++] = name[i];
    }
    esc[e] = 0;
    phrase[p++] = '"';
    phrase[p] = 0;
    int count = 0;
    size_t cap = 64, jl = 0;
    char *out = malloc(cap);
    if (!out) { free(esc); free(phrase); return -1; }
    out[jl++] = '[';
    for (int step = 0; step < 4 && count == 0; step++) {
        if (step == 3 && len < 3) break; /* trigrams need three characters */
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(st->db, STEPS[step], -1, &q, NULL) != SQLITE_OK) { count = -1; break; }
        sqlite3_bind_text(q, 1, step <= 1 ? name : step == 2 ? esc : phrase, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, limit);
        while (sqlite3_step(q) == SQLITE_ROW) {
            const char *cik = (const char *)sqlite3_column_text(q, 0);
            if (!cik || strlen(cik) > 20) continue;
            if (jl + 32 > cap) {
                char *d = realloc(out, cap *= 2);
                if (!d) break;
                out = d;
            }
            jl += (size_t)snprintf(out + jl, cap - jl, "%s\"%s\"", count ? "," : "", cik);
            count++;
        }
        sqlite3_finalize(q);
    }
    out[jl++] = ']';
    out[jl] = 0;
    free(esc);
    free(phrase);
    if (count < 0) { free(out); store_sql_error(st, "name lookup"); return -1; }
    *json = out;
    return count;
}

/* ---- the search --------------------------------------------------------- */

typedef struct sql_text {
    char s[2048];
    size_t n;
} sql_text;

static void add(sql_text *t, const char *piece)
{
    size_t k = strlen(piece);
    if (t->n + k < sizeof t->s) {
        memcpy(t->s + t->n, piece, k + 1);
        t->n += k;
    }
}

/* Parameters: ?1 the query, ?2 limit, ?3 offset, then filters at fixed
 * numbers so that the SQL text alone decides which are used. */
enum { P_FORM = 4, P_FROM, P_TO, P_ITEM, P_DOC_TYPE, P_CIK, P_CIKS, P_KEEP };

static const char *col_text(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }


/* Refuse a query the store cannot run, with a message that says what to
 * give instead, before anything is read.  Fills `a`. */
static edgr_status check_query(edgr_store *st, const edgr_query *qy, const char *text, query_args *a)
{
    while (sc_is_space((unsigned char)text[a->lead])) a->lead++;
    if (!text[a->lead]) {
        store_fail(st, "an empty query: give words to look for");
        return EDGR_ERR_QUERY;
    }
    size_t len = strlen(text), terms = len > EDGR_QUERY_MAX_BYTES ? 0 : query_terms(text);
    if (len > EDGR_QUERY_MAX_BYTES) {
        store_fail(st, "the query is %zu bytes long: at most %d bytes are allowed (split it into several searches)",
                   len, EDGR_QUERY_MAX_BYTES);
        return EDGR_ERR_QUERY;
    }
    if (terms > EDGR_QUERY_MAX_TERMS) {
        store_fail(st, "the query has %zu terms: at most %d terms are allowed (split it into several searches)",
                   terms, EDGR_QUERY_MAX_TERMS);
        return EDGR_ERR_QUERY;
    }
    /* an empty filter is a mistake, not "any": say which */
    static const struct { size_t off; const char *name; } FILTERS[] = {
        {offsetof(edgr_query, type), "type"},       {offsetof(edgr_query, cik), "cik"},
        {offsetof(edgr_query, company), "company"}, {offsetof(edgr_query, from), "from"},
        {offsetof(edgr_query, to), "to"},           {offsetof(edgr_query, item), "item"},
        {offsetof(edgr_query, doc_type), "doc_type"},
    };
    for (size_t i = 0; i < sizeof FILTERS / sizeof FILTERS[0]; i++) {
        const char *v = *(const char *const *)((const char *)qy + FILTERS[i].off);
        size_t k = 0;
        while (v && sc_is_space((unsigned char)v[k])) k++;
        if (v && !v[k]) {
            store_fail(st, "the '%s' filter is empty: leave it unset (NULL) to match any", FILTERS[i].name);
            return EDGR_ERR_QUERY;
        }
    }
    if (qy->from && date_bound(qy->from, 0, a->from)) {
        store_fail(st, "the 'from' date must be a real day as YYYY-MM-DD (or YYYY-MM, YYYY), not '%s'", qy->from);
        return EDGR_ERR_QUERY;
    }
    if (qy->to && date_bound(qy->to, 1, a->to)) {
        store_fail(st, "the 'to' date must be a real day as YYYY-MM-DD (or YYYY-MM, YYYY), not '%s'", qy->to);
        return EDGR_ERR_QUERY;
    }
    if (qy->cik && store_cik(qy->cik, a->cik)) {
        store_fail(st, "a CIK is a number of up to 10 digits, not '%s'", qy->cik);
        return EDGR_ERR_QUERY;
    }
    if (qy->limit < 0 || qy->offset < 0) {
        store_fail(st, "the limit and offset must be 0 or more");
        return EDGR_ERR_QUERY;
    }
    return EDGR_OK;
}

static void add_filters(sql_text *sql, const edgr_query *qy);

/* The hits' SQL, from fixed pieces: one per filter set, so that the query
 * text and the filters' values only ever arrive as bound parameters. */
static void build_sql(sql_text *sql, const edgr_query *qy)
{
    int filtered = qy->type || qy->from || qy->to || qy->item || qy->doc_type || qy->cik || qy->company;
    if (!filtered && !qy->sort_by_date) {
        /* no filter: rank the matches alone, then join the 20 kept.
         * edgr_bm25 (rank.c) is bm25 that skips the rows which cannot be
         * among the first ?11. */
        add(sql, "SELECT m.id, m.score, f.accession_number, f.type, f.filing_date, f.cik, f.conformed_name, "
                 "r.item, r.part, r.document, r.doc_type, d.filename, f.period FROM (SELECT rowid AS id, edgr_bm25(text_fts, ?11) "
                 "AS score FROM text_fts WHERE text_fts MATCH ?1 ORDER BY score LIMIT ?2 OFFSET ?3) m "
                 "JOIN text_rows r ON r.id = m.id JOIN filings f ON f.id = r.filing_id "
                 "LEFT JOIN documents d ON d.filing_id = r.filing_id AND d.sequence = r.document "
                 "ORDER BY m.score");
        return;
    }
    /* bm25() rather than `rank`: with `rank` FTS5 sorts every match
     * first and then seeks each one again while the join filters them
     * (0.7 s against 18 ms for a filter that keeps few rows).  Sorted
     * by date, every row's score is needed: the plain bm25(). */
    add(sql, qy->sort_by_date ? "SELECT r.id, bm25(text_fts) AS score, "
                              : "SELECT r.id, edgr_bm25(text_fts, ?11) AS score, ");
    add(sql, "f.accession_number, f.type, f.filing_date, f.cik, "
             "f.conformed_name, r.item, r.part, r.document, r.doc_type, d.filename, f.period FROM text_fts "
             "JOIN text_rows r ON r.id = text_fts.rowid JOIN filings f ON f.id = r.filing_id "
             "LEFT JOIN documents d ON d.filing_id = r.filing_id AND d.sequence = r.document "
             "WHERE text_fts MATCH ?1");
    add_filters(sql, qy);
    add(sql, qy->sort_by_date ? " ORDER BY f.filing_date DESC, f.accession_number DESC, score"
                              : " ORDER BY score");
    add(sql, " LIMIT ?2 OFFSET ?3");
}

/* The filters' SQL (after "WHERE text_fts MATCH ?1"), over text_rows r and
 * filings f: shared by the hits and their facets. */
static void add_filters(sql_text *sql, const edgr_query *qy)
{
    if (qy->type) add(sql, " AND f.type = upper(?4)");
    if (qy->from) add(sql, " AND f.filing_date >= ?5");
    if (qy->to) add(sql, " AND f.filing_date <= ?6");
    if (qy->item)
        add(sql, " AND (r.item = upper(?7) OR r.part || '-' || r.item = upper(?7) OR "
                 "instr(',' || r.item || ',', ',' || upper(?7) || ',') > 0)");
    if (qy->doc_type) add(sql, " AND r.doc_type = upper(?8)");
    if (qy->cik) add(sql, " AND r.filing_id IN (SELECT filing_id FROM roles WHERE cik = ?9)");
    if (qy->company)
        add(sql, " AND r.filing_id IN (SELECT filing_id FROM roles WHERE cik IN "
                 "(SELECT value FROM json_each(?10)))");
}

/* Bind what build_sql asked for (the numbers it used), and the snippet's
 * match and marks.  The strings must outlive the statements' steps. */
static void bind_query(sqlite3_stmt *q, sqlite3_stmt *snip, const edgr_query *qy, const char *match,
                       const query_args *a, const char *ciks)
{
    sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, qy->limit ? qy->limit : 20);
    sqlite3_bind_int64(q, 3, qy->offset);
    if (!qy->sort_by_date) sqlite3_bind_int64(q, P_KEEP, (qy->limit ? qy->limit : 20) + qy->offset);
    if (qy->type) sqlite3_bind_text(q, P_FORM, qy->type, -1, SQLITE_STATIC);
    if (qy->from) sqlite3_bind_text(q, P_FROM, a->from, -1, SQLITE_STATIC);
    if (qy->to) sqlite3_bind_text(q, P_TO, a->to, -1, SQLITE_STATIC);
    if (qy->item) sqlite3_bind_text(q, P_ITEM, qy->item, -1, SQLITE_STATIC);
    if (qy->doc_type) sqlite3_bind_text(q, P_DOC_TYPE, qy->doc_type, -1, SQLITE_STATIC);
    if (qy->cik) sqlite3_bind_text(q, P_CIK, a->cik, -1, SQLITE_STATIC);
    if (ciks) sqlite3_bind_text(q, P_CIKS, ciks, -1, SQLITE_STATIC);
    if (!snip) return;
    sqlite3_bind_text(snip, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_text(snip, 2, qy->mark_open ? qy->mark_open : "[", -1, SQLITE_STATIC);
    sqlite3_bind_text(snip, 3, qy->mark_close ? qy->mark_close : "]", -1, SQLITE_STATIC);
}

/* Step the ranked rows and hand each to `fn` with its snippet, made only
 * now, for a row kept.  A syntax error FTS5 finds while stepping is the
 * query's fault (EDGR_ERR_QUERY, explained on `words`), anything else the
 * store's. */
static edgr_status emit_hits(edgr_store *st, sqlite3_stmt *q, sqlite3_stmt *snip, const char *words,
                             edgr_hit_fn fn, void *user)
{
    int r;
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        sqlite3_reset(snip);
        sqlite3_bind_int64(snip, 4, sqlite3_column_int64(q, 0));
        const char *snippet = "";
        if (sqlite3_step(snip) == SQLITE_ROW && col_text(snip, 0)) snippet = col_text(snip, 0);
        edgr_hit h = {
            .score = sqlite3_column_double(q, 1), .accession_number = col_text(q, 2),
            .type = col_text(q, 3), .filing_date = col_text(q, 4), .cik = col_text(q, 5),
            .conformed_name = col_text(q, 6), .item = col_text(q, 7), .part = col_text(q, 8),
            .document = sqlite3_column_int(q, 9), .doc_type = col_text(q, 10), .filename = col_text(q, 11), .snippet = snippet,
            .period = col_text(q, 12)};
        if (fn(user, &h)) return EDGR_ERR_ABORTED;
    }
    if (r == SQLITE_DONE) return EDGR_OK;
    const char *msg = sqlite3_errmsg(st->db);
    if (r == SQLITE_ERROR) { store_query_error(st, words, msg); return EDGR_ERR_QUERY; }
    return store_sql_error(st, "search");
}

edgr_status store_query_begin(edgr_store *st, const edgr_query *qy, query_args *a, char **ciks, int *none,
                               char **match)
{
    *ciks = *match = NULL, *none = 0;
    if (qy->struct_size < sizeof *qy) {
        store_fail(st, "edgr_query.struct_size is not set (start from EDGR_QUERY_INIT)");
        return EDGR_ERR_ARG;
    }
    const char *text = qy->match ? qy->match : "";
    edgr_status rc = check_query(st, qy, text, a);
    if (rc != EDGR_OK) return rc;
    if (qy->company) {
        int n = store_names_lookup(st, qy->company, 1000, ciks);
        if (n < 0) return EDGR_ERR_STORE;
        if (n == 0) {
            free(*ciks);
            *ciks = NULL, *none = 1;
            return EDGR_OK;
        }
    }
    char bad = 0;
    *match = store_query_normalise(text, &bad);
    if (*match) return EDGR_OK;
    free(*ciks);
    *ciks = NULL;
    if (bad) {
        store_fail(st, "cannot read the query '%s': a '%c' must follow a word (semicond*)", text + a->lead, bad);
        return EDGR_ERR_QUERY;
    }
    store_fail(st, "out of memory");
    return EDGR_ERR_NOMEM;
}

edgr_status edgr_store_search(edgr_store *st, const edgr_query *qy, edgr_hit_fn fn, void *user)
{
    if (!st || !qy || !fn) return EDGR_ERR_ARG;
    query_args a = {.lead = 0};
    char *ciks, *match;
    int none;
    edgr_status rc = store_query_begin(st, qy, &a, &ciks, &none, &match);
    if (rc != EDGR_OK || none) return rc; /* no such company: no hits */
    const char *text = qy->match ? qy->match : "";
    sql_text sql = {.n = 0};
    build_sql(&sql, qy);
    sqlite3_stmt *q = NULL, *snip = NULL;
    /* two steps: the ranked row ids, then a snippet for each hit kept
     * (snippet() re-reads its row: `limit` times, not once per match) */
    if (sqlite3_prepare_v2(st->db, sql.s, -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "SELECT snippet(text_fts, 0, ?2, ?3, '…', 24) FROM text_fts "
                           "WHERE text_fts MATCH ?1 AND rowid = ?4",
                           -1, &snip, NULL) != SQLITE_OK) {
        rc = store_sql_error(st, "search");
    } else {
        bind_query(q, snip, qy, match, &a, ciks);
        rc = emit_hits(st, q, snip, text + a.lead, fn, user);
    }
    sqlite3_finalize(q);
    sqlite3_finalize(snip);
    free(match);
    free(ciks);
    return rc;
}

/* ---- facets: the exact total and the counts by form, company, year, item */

/* Every matching row under the filters, once (MATERIALIZED: each facet
 * reads it), then each facet's counts, most first. */
static void build_facets_sql(sql_text *sql, const edgr_query *qy, long per_facet)
{
    add(sql, "WITH m AS MATERIALIZED (SELECT r.filing_id, r.item, r.part, f.type, f.filing_date, f.cik, "
             "f.conformed_name FROM text_fts JOIN text_rows r ON r.id = text_fts.rowid "
             "JOIN filings f ON f.id = r.filing_id WHERE text_fts MATCH ?1");
    add_filters(sql, qy);
    add(sql, ") SELECT 'total', NULL, NULL, count(*) FROM m "
             "UNION ALL SELECT 'filings', NULL, NULL, count(DISTINCT filing_id) FROM m "
             "UNION ALL SELECT * FROM (SELECT 'type', type, NULL, count(*) AS n FROM m GROUP BY type ORDER BY n DESC, type LIMIT ?2) "
             "UNION ALL SELECT * FROM (SELECT 'cik', cik, max(conformed_name), count(*) AS n FROM m GROUP BY cik ORDER BY n DESC, cik LIMIT ?2) "
             "UNION ALL SELECT * FROM (SELECT 'year', substr(filing_date, 1, 4) AS y, NULL, count(*) AS n FROM m "
             "  GROUP BY y ORDER BY y DESC LIMIT ?2) "
             "UNION ALL SELECT * FROM (SELECT 'item', CASE WHEN part IS NULL THEN item ELSE part || '-' || item END AS it, "
             "  NULL, count(*) AS n FROM m WHERE item IS NOT NULL GROUP BY it ORDER BY n DESC, it LIMIT ?2)");
    (void)per_facet;
}

edgr_status edgr_store_search_facets(edgr_store *st, const edgr_query *qy, long per_facet, edgr_facet_fn fn,
                                     void *user)
{
    if (!st || !qy || !fn) return EDGR_ERR_ARG;
    query_args a = {.lead = 0};
    char *ciks, *match;
    int none;
    edgr_status rc = store_query_begin(st, qy, &a, &ciks, &none, &match);
    if (rc != EDGR_OK) return rc;
    if (none) { /* no such company: nothing matches */
        edgr_facet zero = {.facet = "total"};
        if (fn(user, &zero)) return EDGR_ERR_ABORTED;
        zero.facet = "filings";
        return fn(user, &zero) ? EDGR_ERR_ABORTED : EDGR_OK;
    }
    const char *text = qy->match ? qy->match : "";
    sql_text sql = {.n = 0};
    build_facets_sql(&sql, qy, per_facet);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db, sql.s, -1, &q, NULL) != SQLITE_OK) {
        rc = store_sql_error(st, "search facets");
    } else {
        edgr_query one = *qy;
        one.limit = per_facet > 0 ? per_facet : 20; /* ?2: the values per facet */
        one.offset = 0;
        one.sort_by_date = 1;                       /* no ?11 to bind */
        bind_query(q, NULL, &one, match, &a, ciks);
        int r;
        while ((r = sqlite3_step(q)) == SQLITE_ROW) {
            edgr_facet f = {.facet = col_text(q, 0), .value = col_text(q, 1), .label = col_text(q, 2),
                            .count = sqlite3_column_int64(q, 3)};
            if (fn(user, &f)) {
                rc = EDGR_ERR_ABORTED;
                break;
            }
        }
        if (rc == EDGR_OK && r != SQLITE_DONE) {
            if (r == SQLITE_ERROR) {
                store_query_error(st, text + a.lead, sqlite3_errmsg(st->db));
                rc = EDGR_ERR_QUERY;
            } else
                rc = store_sql_error(st, "search facets");
        }
    }
    sqlite3_finalize(q);
    free(match);
    free(ciks);
    return rc;
}

/* ---- a hit as the JSON of edgr search --json (and edgr serve's /v1/search) */

int edgr_hit_write_json(const edgr_hit *h, edgr_write_fn write, void *user)
{
    jsonw *w = malloc(sizeof *w);
    if (!w) return 1;
    memset(w, 0, offsetof(jsonw, buf));
    w->write = write, w->user = user;
    jsonw_open(w, '{');
    jsonw_kstr(w, "accession_number", h->accession_number);
    jsonw_kstr(w, "type", h->type);
    jsonw_kstr(w, "filing_date", h->filing_date);
    jsonw_kstr(w, "period", h->period);
    jsonw_kstr(w, "cik", h->cik);
    jsonw_kstr(w, "conformed_name", h->conformed_name);
    /* one item code: a row under a combined heading ("Items 1 and 2")
     * names the first, as show's sections do each */
    jsonw_key(w, "item");
    if (h->item) jsonw_str(w, h->item, strcspn(h->item, ","));
    else jsonw_cstr(w, NULL);
    jsonw_kstr(w, "part", h->part);
    jsonw_knum(w, "document", h->document);
    jsonw_kstr(w, "doc_type", h->doc_type);
    jsonw_kstr(w, "filename", h->filename);
    char score[40];
    int n = snprintf(score, sizeof score, "%.6g", h->score);
    jsonw_key(w, "score");
    jsonw_put(w, score, (size_t)n);
    jsonw_kstr(w, "snippet", h->snippet);
    jsonw_close(w, '}');
    jsonw_flush(w);
    int failed = w->failed;
    free(w);
    return failed;
}
