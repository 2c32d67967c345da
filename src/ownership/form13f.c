/*
 * Form 13F: the primary document (edgarSubmission of the 13F filer
 * namespace: cover page, signature, summary page) and the information
 * table (informationTable: one infoTable a position), added one at a time
 * and finished together, because the units of `value` are the filing's:
 * thousands of dollars for periods before 2022-12-31, whole dollars after,
 * and filings for the same period arrive in both.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "decimal.h"
#include "own_int.h"

enum {
    F13_MAX_ROWS = 1000000,   /* the largest tables hold ~40,000 positions  */
    F13_MAX_MANAGERS = 10000,
    F13_MAX_DOCS = 64         /* a filing has two                            */
};

struct edgr_13f {
    arena a;
    arena trees[F13_MAX_DOCS];  /* each document's element tree's strings */
    size_t ntrees;
    own_problems problems;
    edgr_13f_doc doc;
    edgr_13f_row *rows;
    size_t nrows, rows_cap;
    edgr_13f_manager *others, *included;
    size_t nothers, others_cap, nincluded, included_cap;
    uint64_t summary_offset;    /* the summary page's, for its checks' warnings */
    int finished, nomem;
};

const char *edgr_13f_units_name(edgr_13f_units u)
{
    return u == EDGR_13F_DOLLARS ? "dollars" : u == EDGR_13F_THOUSANDS ? "thousands" : "unknown";
}

edgr_13f *edgr_13f_new(void) { return calloc(1, sizeof(edgr_13f)); }

static const char *number(edgr_13f *h, xt_node *n, const char *path)
{
    xt_node *e = xt_at(n, path);
    const char *raw = e ? xt_text(e, NULL) : NULL;
    int bad = 0;
    const char *v = own_number(&h->a, raw, &bad);
    if (raw && !v) h->nomem = 1;
    if (bad && own_problem(&h->a, &h->problems, e->offset, "%s: \"%.60s\" is not a number: kept as written", path, raw))
        h->nomem = 1;
    return v;
}

static void read_row(edgr_13f *h, xt_node *n)
{
    if (arr_reserve(&h->rows, &h->rows_cap, h->nrows + 1, sizeof *h->rows, F13_MAX_ROWS)) {
        if (h->nrows < F13_MAX_ROWS) h->nomem = 1;
        else own_problem(&h->a, &h->problems, n->offset, "more than %d rows: the rest are not read", F13_MAX_ROWS);
        return;
    }
    edgr_13f_row *r = &h->rows[h->nrows++];
    *r = (edgr_13f_row){
        .offset = n->offset,
        .name_of_issuer = xt_text(n, "nameOfIssuer"),
        .title_of_class = xt_text(n, "titleOfClass"),
        .cusip = xt_text(n, "cusip"),
        .figi = xt_text(n, "figi"),
        .value = number(h, n, "value"),
        .amount = number(h, n, "shrsOrPrnAmt/sshPrnamt"),
        .amount_type = xt_text(n, "shrsOrPrnAmt/sshPrnamtType"),
        .put_call = xt_text(n, "putCall"),
        .investment_discretion = xt_text(n, "investmentDiscretion"),
        .other_manager = xt_text(n, "otherManager"),
        .voting_sole = number(h, n, "votingAuthority/Sole"),
        .voting_shared = number(h, n, "votingAuthority/Shared"),
        .voting_none = number(h, n, "votingAuthority/None"),
    };
}

static int add_manager(edgr_13f_manager **arr, size_t *n, size_t *cap, xt_node *m, const char *seq)
{
    if (arr_reserve(arr, cap, *n + 1, sizeof **arr, F13_MAX_MANAGERS)) return *n < F13_MAX_MANAGERS ? -1 : 0;
    (*arr)[(*n)++] = (edgr_13f_manager){
        .sequence = seq,
        .cik = xt_text(m, "cik"),
        .file_number = xt_text(m, "form13FFileNumber"),
        .crd_number = xt_text(m, "crdNumber"),
        .sec_file_number = xt_text(m, "secFileNumber"),
        .name = xt_text(m, "name"),
    };
    return 0;
}

/* A date of the document (own_date: MM-DD-YYYY to ISO), out of memory
 * remembered. */
static const char *date(edgr_13f *h, const char *raw)
{
    const char *v = own_date(&h->a, raw);
    if (raw && !v) h->nomem = 1;
    return v;
}

static const char *flag(xt_node *n, const char *path)
{
    xt_node *e = xt_at(n, path);
    const char *raw = e ? xt_text(e, NULL) : NULL;
    int bad = 0;
    const char *v = own_bool(raw, &bad);
    return bad ? raw : v; /* "Y"/"N" flags read as booleans; anything else as written */
}

static void read_primary(edgr_13f *h, xt_node *root)
{
    edgr_13f_doc *d = &h->doc;
    d->has_primary = 1;
    xt_node *hd = xt_child(root, "headerData"), *fd = xt_child(root, "formData");
    xt_node *cp = xt_child(fd, "coverPage"), *sb = xt_child(fd, "signatureBlock"), *sp = xt_child(fd, "summaryPage");
    xt_node *am = xt_child(cp, "amendmentInfo"), *mgr = xt_child(cp, "filingManager");
    d->schema_version = xt_text(root, "schemaVersion");
    d->submission_type = xt_text(hd, "submissionType");
    d->filer_cik = xt_text(hd, "filerInfo/filer/credentials/cik");
    d->period_of_report = date(h, xt_text(hd, "filerInfo/periodOfReport"));
    d->report_calendar_or_quarter = date(h, xt_text(cp, "reportCalendarOrQuarter"));
    d->is_amendment = flag(cp, "isAmendment");
    d->amendment_no = xt_text(cp, "amendmentNo");
    d->amendment_type = xt_text(am, "amendmentType");
    d->conf_denied_expired = flag(am, "confDeniedExpired");
    d->date_denied_expired = date(h, xt_text(am, "dateDeniedExpired"));
    d->date_reported = date(h, xt_text(am, "dateReported"));
    d->reason_for_non_confidentiality = xt_text(am, "reasonForNonConfidentiality");
    d->manager_name = xt_text(mgr, "name");
    d->street1 = xt_text(mgr, "address/street1");
    d->street2 = xt_text(mgr, "address/street2");
    d->city = xt_text(mgr, "address/city");
    d->state_or_country = xt_text(mgr, "address/stateOrCountry");
    d->zip = xt_text(mgr, "address/zipCode");
    d->report_type = xt_text(cp, "reportType");
    d->form13f_file_number = xt_text(cp, "form13FFileNumber");
    d->crd_number = xt_text(cp, "crdNumber");
    d->sec_file_number = xt_text(cp, "secFileNumber");
    d->provide_info_for_instruction5 = flag(cp, "provideInfoForInstruction5");
    d->additional_information = xt_text(cp, "additionalInformation");
    d->signature_name = xt_text(sb, "name");
    d->signature_title = xt_text(sb, "title");
    d->signature_phone = xt_text(sb, "phone");
    d->signature = xt_text(sb, "signature");
    d->signature_city = xt_text(sb, "city");
    d->signature_state_or_country = xt_text(sb, "stateOrCountry");
    d->signature_date = date(h, xt_text(sb, "signatureDate"));
    if (sp) h->summary_offset = sp->offset;
    d->other_included_managers_count = number(h, sp, "otherIncludedManagersCount");
    d->table_entry_total = number(h, sp, "tableEntryTotal");
    d->table_value_total = number(h, sp, "tableValueTotal");
    d->is_confidential_omitted = flag(sp, "isConfidentialOmitted");
    for (xt_node *m = xt_at(cp, "otherManagersInfo") ? xt_at(cp, "otherManagersInfo")->child : NULL; m; m = m->next)
        if (!strcmp(m->name, "otherManager") &&
            add_manager(&h->others, &h->nothers, &h->others_cap, m, NULL))
            h->nomem = 1;
    for (xt_node *m = xt_at(sp, "otherManagers2Info") ? xt_at(sp, "otherManagers2Info")->child : NULL; m; m = m->next)
        if (!strcmp(m->name, "otherManager2") &&
            add_manager(&h->included, &h->nincluded, &h->included_cap, xt_child(m, "otherManager"),
                        xt_text(m, "sequenceNumber")))
            h->nomem = 1;
}

int edgr_13f_is(const char *data, size_t len)
{
    char name[64], ns[128];
    if (xt_root_name(data, len, name, sizeof name, ns, sizeof ns)) return 0;
    return !strcmp(name, "informationTable") ||
           (!strcmp(name, "edgarSubmission") && strstr(ns, "thirteenf") != NULL);
}

edgr_status edgr_13f_add(edgr_13f *h, const char *data, size_t len, const edgr_own_options *opt)
{
    if (!h || (!data && len) || h->finished) return EDGR_ERR_ARG;
    uint64_t base = opt && opt->struct_size >= sizeof *opt ? opt->base_offset : 0;
    if (h->ntrees >= F13_MAX_DOCS) {
        return own_problem(&h->a, &h->problems, base, "more than %d 13F documents: not read", F13_MAX_DOCS)
                   ? EDGR_ERR_NOMEM
                   : EDGR_ERR_LIMIT;
    }
    xt_doc t;
    int rc = xt_parse(&t, data, len, base);
    edgr_status st = EDGR_OK;
    if (t.root && !strcmp(t.root->name, "informationTable")) {
        h->doc.has_table = 1;
        for (xt_node *c = t.root->child; c && !h->nomem; c = c->next)
            if (!strcmp(c->name, "infoTable") && c->closed) read_row(h, c);
            else if (!strcmp(c->name, "infoTable") &&
                     own_problem(&h->a, &h->problems, c->offset, "infoTable cut short: not read"))
                h->nomem = 1;
    } else if (t.root && !strcmp(t.root->name, "edgarSubmission")) {
        read_primary(h, t.root);
    } else if (t.root) {
        st = own_problem(&h->a, &h->problems, t.root->offset,
                         "the root element is <%.60s>, neither <edgarSubmission> nor <informationTable>",
                         t.root->name)
                 ? EDGR_ERR_NOMEM
                 : EDGR_ERR_DECODE;
    }
    if (rc && st == EDGR_OK) st = own_parse_failed(&h->a, &h->problems, &t);
    h->trees[h->ntrees++] = t.a;
    t.a = (arena){0};
    xt_free(&t);
    return h->nomem ? EDGR_ERR_NOMEM : st;
}

/* A canonical decimal that is a whole number of at most 18 digits, as an
 * integer; -1 otherwise (the totals are checked in integers). */
static long long whole(const char *v)
{
    if (!v || !*v || strlen(v) > 18) return -1;
    long long n = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9') return -1;
        n = n * 10 + (*p - '0');
    }
    return n;
}

static int parse(const char *v, xd *x) { return v && !xd_parse(v, strlen(v), x) ? 0 : -1; }

/* The units: the rows' prices first, then the schema, then the period. */
static void decide_units(edgr_13f *h)
{
    edgr_13f_doc *d = &h->doc;
    for (size_t i = 0; i < h->nrows; i++) {
        const edgr_13f_row *r = &h->rows[i];
        xd v, a;
        if (r->put_call || !r->amount_type || strcmp(r->amount_type, "SH")) continue;
        if (parse(r->value, &v) || parse(r->amount, &a) || !a.n || a.neg || v.neg) continue;
        d->priced++;
        if (xd_cmp(&v, &a) < 0) d->priced_below_1++; /* value / shares < $1 */
    }
    /* Prices prove thousands only: a thousands filing of Alphabet and
     * Amazon prices them above $1 (0001619124-21-000002: 2 of 5 rows under
     * $1, in thousands), while a dollars filing of share rows is under $1
     * only for penny stocks. */
    if (d->priced && 2 * d->priced_below_1 >= d->priced) {
        d->units = EDGR_13F_THOUSANDS;
        d->units_rule = "price";
        return;
    }
    const char *sv = d->schema_version;
    if (sv && sv[0] == 'X' && strlen(sv) == 5 && whole(sv + 1) >= 0) {
        d->units = whole(sv + 1) >= 202 ? EDGR_13F_DOLLARS : EDGR_13F_THOUSANDS;
        d->units_rule = "schema";
        return;
    }
    const char *p = d->period;
    if (p && strlen(p) == 10) {
        d->units = strcmp(p, "2022-12-31") >= 0 ? EDGR_13F_DOLLARS : EDGR_13F_THOUSANDS;
        d->units_rule = "period";
        return;
    }
    d->units = EDGR_13F_UNITS_UNKNOWN;
    d->units_rule = "none";
}

static void value_usd(edgr_13f *h)
{
    for (size_t i = 0; i < h->nrows && h->doc.units; i++) {
        edgr_13f_row *r = &h->rows[i];
        xd v;
        if (parse(r->value, &v)) continue;
        if (h->doc.units == EDGR_13F_THOUSANDS && xd_scale(&v, 3)) continue;
        char out[XD_TEXT_MAX + 1];
        size_t n = xd_format(&v, out);
        if (!(r->value_usd = arena_dup(&h->a, out, n))) h->nomem = 1;
    }
}

/* The summary page against the rows: a mismatch is a warning. */
static void check_totals(edgr_13f *h)
{
    edgr_13f_doc *d = &h->doc;
    if (!d->has_primary || !d->has_table) return;
    long long entries = whole(d->table_entry_total);
    if (entries >= 0 && (size_t)entries != h->nrows &&
        own_problem(&h->a, &h->problems, h->summary_offset, "tableEntryTotal is %lld, the information table has %zu rows", entries,
                    h->nrows))
        h->nomem = 1;
    long long total = whole(d->table_value_total), sum = 0;
    if (total < 0) return;
    for (size_t i = 0; i < h->nrows; i++) {
        long long v = whole(h->rows[i].value);
        if (v < 0 || sum > (1LL << 62)) return; /* not whole numbers: not checked */
        sum += v;
    }
    if (sum != total &&
        own_problem(&h->a, &h->problems, h->summary_offset, "tableValueTotal is %lld, the rows' values add up to %lld", total, sum))
        h->nomem = 1;
}

edgr_status edgr_13f_finish(edgr_13f *h, const char *period)
{
    if (!h || h->finished) return EDGR_ERR_ARG;
    h->finished = 1;
    edgr_13f_doc *d0 = &h->doc;
    /* the quarter reported: the cover's, else the header's (YYYYMMDD or ISO) */
    d0->period = d0->report_calendar_or_quarter ? d0->report_calendar_or_quarter : d0->period_of_report;
    if (!d0->period && period && strlen(period) == 8 && whole(period) >= 0) {
        char iso[11] = {period[0], period[1], period[2], period[3], '-', period[4], period[5], '-', period[6], period[7], 0};
        if (!(d0->period = arena_dup(&h->a, iso, 10))) h->nomem = 1;
    } else if (!d0->period && period && strlen(period) == 10) d0->period = date(h, period);
    decide_units(h);
    value_usd(h);
    check_totals(h);
    edgr_13f_doc *d = &h->doc;
    d->rows = h->rows, d->nrows = h->nrows;
    d->other_managers = h->others, d->nother_managers = h->nothers;
    d->included_managers = h->included, d->nincluded_managers = h->nincluded;
    return h->nomem ? EDGR_ERR_NOMEM : EDGR_OK;
}

const edgr_13f_doc *edgr_13f_doc_of(const edgr_13f *h) { return h ? &h->doc : NULL; }
size_t edgr_13f_problem_count(const edgr_13f *h) { return h ? h->problems.n : 0; }
const edgr_own_problem *edgr_13f_problem_at(const edgr_13f *h, size_t i)
{
    return h && i < h->problems.n ? &h->problems.items[i] : NULL;
}

void edgr_13f_free(edgr_13f *h)
{
    if (!h) return;
    arena_free(&h->a);
    for (size_t i = 0; i < h->ntrees; i++) arena_free(&h->trees[i]);
    own_problems_free(&h->problems);
    free(h->rows);
    free(h->others);
    free(h->included);
    free(h);
}
