/*
 * Forms 3, 4 and 5: the ownershipDocument XML (EDGAR Ownership XML
 * Technical Specification), read whole into edgr_own_doc.
 *
 * A row's fields are described once, in FIELDS: where each sits below the
 * row element, and what it holds.  Most fields are a wrapper around
 * <value> and any number of <footnoteId id="F1"/>; a few (the coding) are
 * bare text.  A wrapper with footnotes and no value is "no value, see F1":
 * value NULL, footnotes kept, never zero.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "own_int.h"

/* Named limits.  Each row names every reporting owner, so owners are few:
 * EDGAR takes up to 10 on one joint filing; signatures follow them. */
enum {
    OWN_MAX_ROWS = 1000000,
    OWN_MAX_OWNERS = 100,
    OWN_MAX_FOOTNOTES = 100000,
    OWN_MAX_IDS = 1 << 20     /* bytes of one field's footnote ids, "F1,F2" */
};

enum { T_TEXT = 0, T_NUMBER = 1, T_BOOL = 2, T_DATE = 3 };

typedef struct field_def {
    const char *key;     /* JSON key                                      */
    const char *path;    /* below the row element                         */
    const char *fn_path; /* where its footnotes are (NULL: at path)       */
    int type;
} field_def;

static const field_def FIELDS[EDGR_OWN_NFIELDS] = {
    [EDGR_OWN_SECURITY_TITLE] = {"security_title", "securityTitle", NULL, T_TEXT},
    [EDGR_OWN_CONVERSION_PRICE] = {"conversion_or_exercise_price", "conversionOrExercisePrice", NULL, T_NUMBER},
    [EDGR_OWN_TRANSACTION_DATE] = {"transaction_date", "transactionDate", NULL, T_DATE},
    [EDGR_OWN_DEEMED_EXECUTION_DATE] = {"deemed_execution_date", "deemedExecutionDate", NULL, T_DATE},
    [EDGR_OWN_FORM_TYPE] = {"form_type", "transactionCoding/transactionFormType", "", T_TEXT},
    [EDGR_OWN_CODE] = {"code", "transactionCoding/transactionCode", "transactionCoding", T_TEXT},
    [EDGR_OWN_EQUITY_SWAP] = {"equity_swap", "transactionCoding/equitySwapInvolved", "", T_BOOL},
    [EDGR_OWN_TIMELINESS] = {"timeliness", "transactionTimeliness", NULL, T_TEXT},
    [EDGR_OWN_SHARES] = {"shares", "transactionAmounts/transactionShares", NULL, T_NUMBER},
    [EDGR_OWN_TOTAL_VALUE] = {"total_value", "transactionAmounts/transactionTotalValue", NULL, T_NUMBER},
    [EDGR_OWN_PRICE] = {"price", "transactionAmounts/transactionPricePerShare", NULL, T_NUMBER},
    [EDGR_OWN_ACQUIRED_DISPOSED] = {"acquired_disposed", "transactionAmounts/transactionAcquiredDisposedCode", NULL,
                                    T_TEXT},
    [EDGR_OWN_EXERCISE_DATE] = {"exercise_date", "exerciseDate", NULL, T_DATE},
    [EDGR_OWN_EXPIRATION_DATE] = {"expiration_date", "expirationDate", NULL, T_DATE},
    [EDGR_OWN_UNDERLYING_TITLE] = {"underlying_title", "underlyingSecurity/underlyingSecurityTitle", NULL, T_TEXT},
    [EDGR_OWN_UNDERLYING_SHARES] = {"underlying_shares", "underlyingSecurity/underlyingSecurityShares", NULL,
                                    T_NUMBER},
    [EDGR_OWN_UNDERLYING_VALUE] = {"underlying_value", "underlyingSecurity/underlyingSecurityValue", NULL, T_NUMBER},
    [EDGR_OWN_OWNED_AFTER_SHARES] = {"owned_after_shares", "postTransactionAmounts/sharesOwnedFollowingTransaction",
                                     NULL, T_NUMBER},
    [EDGR_OWN_OWNED_AFTER_VALUE] = {"owned_after_value", "postTransactionAmounts/valueOwnedFollowingTransaction",
                                    NULL, T_NUMBER},
    [EDGR_OWN_DIRECT_INDIRECT] = {"direct_indirect", "ownershipNature/directOrIndirectOwnership", NULL, T_TEXT},
    [EDGR_OWN_NATURE_OF_OWNERSHIP] = {"nature_of_ownership", "ownershipNature/natureOfOwnership", NULL, T_TEXT},
    [EDGR_OWN_OTHER_FOOTNOTES] = {"other_footnotes", NULL, NULL, T_TEXT},
};

const char *edgr_own_field_name(edgr_own_field f)
{
    return (unsigned)f < EDGR_OWN_NFIELDS ? FIELDS[f].key : NULL;
}

int edgr_own_field_type(edgr_own_field f)
{
    if ((unsigned)f >= EDGR_OWN_NFIELDS) return 0;
    return FIELDS[f].type == T_NUMBER ? 1 : FIELDS[f].type == T_BOOL ? 2 : 0;
}

const char *edgr_own_kind_name(edgr_own_kind k)
{
    switch (k) {
    case EDGR_OWN_NONDERIV_TRANSACTION: return "nonDerivativeTransaction";
    case EDGR_OWN_NONDERIV_HOLDING: return "nonDerivativeHolding";
    case EDGR_OWN_DERIV_TRANSACTION: return "derivativeTransaction";
    case EDGR_OWN_DERIV_HOLDING: return "derivativeHolding";
    }
    return NULL;
}

struct edgr_ownership {
    arena a;                 /* values converted, problems               */
    arena tree;              /* the element tree's strings               */
    edgr_own_doc doc;
    own_problems problems;
    edgr_own_row *rows;
    size_t nrows, rows_cap;
    edgr_own_owner *owners;
    size_t nowners, owners_cap;
    edgr_own_footnote *footnotes;
    size_t nfootnotes, footnotes_cap;
    edgr_own_signature *signatures;
    size_t nsignatures, signatures_cap;
    const edgr_own_footnote **by_id;  /* footnotes sorted by id, for look-ups */
    int owners_capped, signatures_capped, footnotes_capped;
    int nomem;
};

/* A limit reached: said once per kind, the rest of the document read. */
static void limit(edgr_ownership *x, uint64_t offset, const char *what)
{
    if (own_problem(&x->a, &x->problems, offset, "%s: the rest are not read", what)) x->nomem = 1;
}

/* Append ",id" (or "id") to b; 1 when b is full (a limit, said). */
static int add_id(edgr_ownership *x, edgr_buf *b, const xt_node *c)
{
    int rc = (b->len ? buf_append(b, ",", 1, OWN_MAX_IDS) : 0) || buf_append(b, c->id, strlen(c->id), OWN_MAX_IDS) ? -1 : 0;
    if (rc && b->len + strlen(c->id) + 1 > OWN_MAX_IDS) {
        limit(x, c->offset, "more than 1 MB of footnote ids on one field");
        return 1;
    }
    if (rc) x->nomem = 1;
    return rc != 0;
}

/* The ids of n's <footnoteId> children, comma-joined, each marked used. */
static const char *footnotes_of(edgr_ownership *x, xt_node *n)
{
    edgr_buf b = {0};
    for (xt_node *c = n ? n->child : NULL; c; c = c->next) {
        if (strcmp(c->name, "footnoteId")) continue;
        c->used = 1;
        if (!c->id || !*c->id) continue;
        if (add_id(x, &b, c)) break;
    }
    const char *s = b.len ? arena_dup(&x->a, b.data, b.len) : NULL;
    if (b.len && !s) x->nomem = 1;
    free(b.data);
    return s;
}

/* The footnoteIds below n not taken by a field: the row's other footnotes. */
static void other_footnotes(edgr_ownership *x, xt_node *n, edgr_buf *b)
{
    for (xt_node *c = n->child; c; c = c->next) {
        if (!strcmp(c->name, "footnoteId")) {
            if (!c->used && c->id && *c->id && add_id(x, b, c)) return;
        } else other_footnotes(x, c, b);
    }
}

static const char *conv(edgr_ownership *x, const char *raw, int type, uint64_t off, const char *what)
{
    int bad = 0;
    const char *v = type == T_NUMBER ? own_number(&x->a, raw, &bad)
                    : type == T_BOOL ? own_bool(raw, &bad)
                    : type == T_DATE ? own_date(&x->a, raw)
                                     : raw;
    if (raw && !v) x->nomem = 1;
    if (bad && own_problem(&x->a, &x->problems, off, "%s: \"%.60s\" is not a %s: kept as written", what, raw,
                           type == T_NUMBER ? "number" : "boolean"))
        x->nomem = 1;
    return v;
}

/* A date of the document (own_date), out of memory remembered. */
static const char *date(edgr_ownership *x, const char *raw)
{
    const char *v = own_date(&x->a, raw);
    if (raw && !v) x->nomem = 1;
    return v;
}

static void read_row(edgr_ownership *x, xt_node *n, edgr_own_kind kind)
{
    if (arr_reserve(&x->rows, &x->rows_cap, x->nrows + 1, sizeof *x->rows, OWN_MAX_ROWS)) {
        x->nomem = x->nrows < OWN_MAX_ROWS;
        if (!x->nomem)
            own_problem(&x->a, &x->problems, n->offset, "more than %d rows: the rest are not read", OWN_MAX_ROWS);
        return;
    }
    edgr_own_row *r = &x->rows[x->nrows++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->offset = n->offset;
    for (int i = 0; i < EDGR_OWN_NFIELDS; i++) {
        const field_def *fd = &FIELDS[i];
        if (!fd->path) continue;
        xt_node *e = xt_at(n, fd->path);
        if (!e) continue;
        xt_node *v = xt_child(e, "value");
        const char *raw = v ? xt_text(v, NULL) : xt_text(e, NULL);
        r->f[i].value = conv(x, raw, fd->type, e->offset, fd->key);
        if (!fd->fn_path) r->f[i].footnotes = footnotes_of(x, e);
        else if (*fd->fn_path) r->f[i].footnotes = footnotes_of(x, xt_at(n, fd->fn_path));
    }
    edgr_buf b = {0};
    other_footnotes(x, n, &b);
    if (b.len && !(r->f[EDGR_OWN_OTHER_FOOTNOTES].footnotes = arena_dup(&x->a, b.data, b.len))) x->nomem = 1;
    free(b.data);
}

static const char *boolean(edgr_ownership *x, xt_node *n, const char *path)
{
    xt_node *e = xt_at(n, path);
    return e ? conv(x, xt_text(e, NULL), T_BOOL, e->offset, path) : NULL;
}

static void read_owner(edgr_ownership *x, xt_node *n)
{
    if (arr_reserve(&x->owners, &x->owners_cap, x->nowners + 1, sizeof *x->owners, OWN_MAX_OWNERS)) {
        if (x->nowners < OWN_MAX_OWNERS) x->nomem = 1;
        else if (x->nowners == OWN_MAX_OWNERS && !x->owners_capped++)
            limit(x, n->offset, "more than 100 reporting owners");
        return;
    }
    edgr_own_owner *o = &x->owners[x->nowners++];
    xt_node *id = xt_child(n, "reportingOwnerId"), *ad = xt_child(n, "reportingOwnerAddress"),
            *rel = xt_child(n, "reportingOwnerRelationship");
    *o = (edgr_own_owner){
        .cik = xt_text(id, "rptOwnerCik"),
        .name = xt_text(id, "rptOwnerName"),
        .street1 = xt_text(ad, "rptOwnerStreet1"),
        .street2 = xt_text(ad, "rptOwnerStreet2"),
        .city = xt_text(ad, "rptOwnerCity"),
        .state = xt_text(ad, "rptOwnerState"),
        .zip = xt_text(ad, "rptOwnerZipCode"),
        .state_description = xt_text(ad, "rptOwnerStateDescription"),
        .is_director = boolean(x, rel, "isDirector"),
        .is_officer = boolean(x, rel, "isOfficer"),
        .is_ten_percent_owner = boolean(x, rel, "isTenPercentOwner"),
        .is_other = boolean(x, rel, "isOther"),
        .officer_title = xt_text(rel, "officerTitle"),
        .other_text = xt_text(rel, "otherText"),
    };
}

static void read_table(edgr_ownership *x, xt_node *table)
{
    for (xt_node *c = table->child; c && !x->nomem; c = c->next) {
        edgr_own_kind k = !strcmp(c->name, "nonDerivativeTransaction") ? EDGR_OWN_NONDERIV_TRANSACTION
                          : !strcmp(c->name, "nonDerivativeHolding")   ? EDGR_OWN_NONDERIV_HOLDING
                          : !strcmp(c->name, "derivativeTransaction")  ? EDGR_OWN_DERIV_TRANSACTION
                          : !strcmp(c->name, "derivativeHolding")      ? EDGR_OWN_DERIV_HOLDING
                                                                       : 0;
        if (k && !c->closed) { /* cut by the error that ended the parse: half a row is no row */
            if (own_problem(&x->a, &x->problems, c->offset, "%s cut short: not read", c->name)) x->nomem = 1;
        } else if (k) read_row(x, c, k);
        else if (own_problem(&x->a, &x->problems, c->offset, "%s: an element the schema does not have in %s: not read",
                             c->name, table->name))
            x->nomem = 1;
    }
}

/* The root's children read by name in read_doc. */
static int is_known(const char *name)
{
    static const char *const KNOWN[] = {"schemaVersion", "documentType", "periodOfReport", "dateOfOriginalSubmission",
                                        "notSubjectToSection16", "noSecuritiesOwned", "aff10b5One", "issuer",
                                        "remarks", "form3HoldingsReported", "form4TransactionsReported"};
    for (size_t i = 0; i < sizeof KNOWN / sizeof *KNOWN; i++)
        if (!strcmp(name, KNOWN[i])) return 1;
    return 0;
}

static void read_doc(edgr_ownership *x, xt_node *root)
{
    edgr_own_doc *d = &x->doc;
    d->schema_version = xt_text(root, "schemaVersion");
    d->document_type = xt_text(root, "documentType");
    d->period_of_report = date(x, xt_text(root, "periodOfReport"));
    d->date_of_original_submission = date(x, xt_text(root, "dateOfOriginalSubmission"));
    d->not_subject_to_section16 = boolean(x, root, "notSubjectToSection16");
    d->no_securities_owned = boolean(x, root, "noSecuritiesOwned");
    d->aff10b5one = boolean(x, root, "aff10b5One");
    d->form3_holdings_reported = boolean(x, root, "form3HoldingsReported");
    d->form4_transactions_reported = boolean(x, root, "form4TransactionsReported");
    xt_node *issuer = xt_child(root, "issuer");
    d->issuer_cik = xt_text(issuer, "issuerCik");
    d->issuer_name = xt_text(issuer, "issuerName");
    d->issuer_symbol = xt_text(issuer, "issuerTradingSymbol");
    d->remarks = xt_text(root, "remarks");
    for (xt_node *c = root->child; c && !x->nomem; c = c->next) {
        if (!strcmp(c->name, "reportingOwner")) read_owner(x, c);
        else if (!strcmp(c->name, "nonDerivativeTable") || !strcmp(c->name, "derivativeTable")) read_table(x, c);
        else if (!strcmp(c->name, "footnotes")) {
            for (xt_node *f = c->child; f; f = f->next) {
                if (strcmp(f->name, "footnote")) continue;
                if (arr_reserve(&x->footnotes, &x->footnotes_cap, x->nfootnotes + 1, sizeof *x->footnotes,
                                OWN_MAX_FOOTNOTES)) {
                    if (x->nfootnotes < OWN_MAX_FOOTNOTES) x->nomem = 1;
                    else if (!x->footnotes_capped++) limit(x, f->offset, "more than 100,000 footnotes");
                    break;
                }
                x->footnotes[x->nfootnotes++] = (edgr_own_footnote){.id = f->id, .text = xt_text(f, NULL)};
            }
        } else if (!strcmp(c->name, "ownerSignature")) {
            if (arr_reserve(&x->signatures, &x->signatures_cap, x->nsignatures + 1, sizeof *x->signatures,
                            OWN_MAX_OWNERS)) {
                if (x->nsignatures < OWN_MAX_OWNERS) x->nomem = 1;
                else if (!x->signatures_capped++) limit(x, c->offset, "more than 100 signatures");
                continue;
            }
            x->signatures[x->nsignatures++] = (edgr_own_signature){
                .name = xt_text(c, "signatureName"), .date = date(x, xt_text(c, "signatureDate"))};
        } else if (!is_known(c->name) &&
                   own_problem(&x->a, &x->problems, c->offset, "<%.60s>: an element the schema does not have: not read",
                               c->name))
            x->nomem = 1;
    }
}

int edgr_ownership_is(const char *data, size_t len)
{
    char name[64], ns[16];
    return !xt_root_name(data, len, name, sizeof name, ns, sizeof ns) && !strcmp(name, "ownershipDocument");
}

static int by_footnote_id(const void *a, const void *b)
{
    const edgr_own_footnote *p = *(const edgr_own_footnote *const *)a, *q = *(const edgr_own_footnote *const *)b;
    return strcmp(p->id ? p->id : "", q->id ? q->id : "");
}

const char *own_footnote_text(const edgr_ownership *x, const char *id, size_t n, int *found)
{
    *found = 0;
    size_t lo = 0, hi = x->by_id ? x->nfootnotes : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *m = x->by_id[mid]->id ? x->by_id[mid]->id : "";
        int c = strncmp(m, id, n);
        if (!c && m[n]) c = 1; /* m is longer: after id */
        if (!c) {
            *found = 1;
            return x->by_id[mid]->text ? x->by_id[mid]->text : "";
        }
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static void publish(edgr_ownership *x)
{
    if (x->nfootnotes && (x->by_id = malloc(x->nfootnotes * sizeof *x->by_id))) {
        for (size_t i = 0; i < x->nfootnotes; i++) x->by_id[i] = &x->footnotes[i];
        qsort(x->by_id, x->nfootnotes, sizeof *x->by_id, by_footnote_id);
    } else if (x->nfootnotes) x->nomem = 1;
    edgr_own_doc *d = &x->doc;
    d->rows = x->rows, d->nrows = x->nrows;
    d->owners = x->owners, d->nowners = x->nowners;
    d->footnotes = x->footnotes, d->nfootnotes = x->nfootnotes;
    d->signatures = x->signatures, d->nsignatures = x->nsignatures;
}

edgr_status edgr_ownership_read(const char *data, size_t len, const edgr_own_options *opt, edgr_ownership **out)
{
    if (!out || (!data && len)) return EDGR_ERR_ARG;
    *out = NULL;
    uint64_t base = opt && opt->struct_size >= sizeof *opt ? opt->base_offset : 0;
    edgr_ownership *x = calloc(1, sizeof *x);
    if (!x) return EDGR_ERR_NOMEM;
    xt_doc t;
    int rc = xt_parse(&t, data, len, base);
    edgr_status st = EDGR_OK;
    if (t.root && strcmp(t.root->name, "ownershipDocument")) {
        st = own_problem(&x->a, &x->problems, t.root->offset, "the root element is <%.60s>, not <ownershipDocument>",
                         t.root->name)
                 ? EDGR_ERR_NOMEM
                 : EDGR_ERR_DECODE;
    } else {
        if (t.root) read_doc(x, t.root);
        if (rc) st = own_parse_failed(&x->a, &x->problems, &t);
    }
    /* the tree's strings are the result's: its arena moves over */
    x->tree = t.a;
    t.a = (arena){0};
    xt_free(&t);
    publish(x);
    if (x->nomem || st == EDGR_ERR_NOMEM) {
        edgr_ownership_free(x);
        return EDGR_ERR_NOMEM;
    }
    *out = x;
    return st;
}

const edgr_own_doc *edgr_ownership_doc(const edgr_ownership *x) { return x ? &x->doc : NULL; }
size_t edgr_ownership_problem_count(const edgr_ownership *x) { return x ? x->problems.n : 0; }
const edgr_own_problem *edgr_ownership_problem_at(const edgr_ownership *x, size_t i)
{
    return x && i < x->problems.n ? &x->problems.items[i] : NULL;
}

void edgr_ownership_free(edgr_ownership *x)
{
    if (!x) return;
    arena_free(&x->a);
    arena_free(&x->tree);
    own_problems_free(&x->problems);
    free(x->rows);
    free(x->owners);
    free(x->footnotes);
    free(x->signatures);
    free(x->by_id);
    free(x);
}
