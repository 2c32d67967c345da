/* The header model's table (see schema.h).
 *
 * Order matters: it is the order of keys in the JSON output, chosen to follow
 * the tag dialect's own element order so that output reads like the filing. */
#include "schema.h"

#include <pthread.h>
#include <string.h>

#include "scan.h"

#define LEAF(j, t, n, par) {j, t, n, -1, 0, par}
#define LEAFR(j, t, n, par) {j, t, n, -1, 1, par}
#define CONT(j, t, k, par) {j, t, N_CONTAINER, k, 0, par}
#define CONTR(j, t, k, par) {j, t, N_CONTAINER, k, 1, par}

#define ENTITY_PARENT P(K_ROOT)
#define CD P(K_COMPANY)
#define FV P(K_FILING_VALUES)
#define AD P(K_ADDRESS)

const field_def FIELDS[] = {
    {"", "", N_CONTAINER, K_ROOT, 0, 0},          /* 0: root            */
    {"unknown", "", N_STR, -1, 1, 0},             /* 1: unknown keys    */
    /* submission front matter, in the feed's element order */
    LEAF("correction", "CORRECTION", N_FLAG, P(K_ROOT)),
    LEAF("timestamp", "TIMESTAMP", N_DATETIME, P(K_ROOT)),
    LEAF("paper", "PAPER", N_FLAG, P(K_ROOT)),
    LEAF("private_to_public", "PRIVATE-TO-PUBLIC", N_FLAG, P(K_ROOT)),
    LEAF("accession_number", "ACCESSION-NUMBER", N_STR, P(K_ROOT) | P(K_MULTI_ACC)),
    LEAF("deletion", "DELETION", N_FLAG, P(K_ROOT) | P(K_ENTITY) | FV),
    LEAF("type", "TYPE", N_STR, P(K_ROOT)),
    LEAF("category", "CATEGORY", N_STR, P(K_ROOT)),
    LEAF("confirming_copy", "CONFIRMING-COPY", N_FLAG, P(K_ROOT)),
    LEAF("public_document_count", "PUBLIC-DOCUMENT-COUNT", N_INT, P(K_ROOT)),
    LEAF("reference_462b", "REFERENCE-462B", N_STR, P(K_ROOT)),
    LEAFR("references_429", "REFERENCES-429", N_STR, P(K_ROOT)),
    LEAF("period", "PERIOD", N_DATE, P(K_ROOT)),
    LEAF("depositor_cik", "DEPOSITOR-CIK", N_STR, P(K_ROOT)),
    LEAF("sponsor_cik", "SPONSOR-CIK", N_STR, P(K_ROOT)),
    LEAFR("items", "ITEMS", N_ITEM, P(K_ROOT)),
    LEAF("ma_i_individual", "MA-I_INDIVIDUAL", N_STR, P(K_ROOT)),
    LEAF("filing_date", "FILING-DATE", N_DATE, P(K_ROOT)),
    LEAF("date_of_filing_date_change", "DATE-OF-FILING-DATE-CHANGE", N_DATE, P(K_ROOT)),
    LEAF("acceptance_datetime", "ACCEPTANCE-DATETIME", N_DATETIME, P(K_ROOT)),
    LEAF("action_date", "ACTION-DATE", N_DATE, P(K_ROOT)),
    LEAF("received_date", "RECEIVED-DATE", N_DATE, P(K_ROOT)),
    LEAF("effectiveness_date", "EFFECTIVENESS-DATE", N_DATE, P(K_ROOT)),
    LEAF("public_rel_date", "PUBLIC-REL-DATE", N_DATE, P(K_ROOT)),
    LEAFR("group_members", "GROUP-MEMBERS", N_STR, P(K_ROOT)),
    LEAFR("sros", "SROS", N_STR, P(K_ROOT)),
    LEAF("abs_rule", "ABS-RULE", N_STR, P(K_ROOT)),
    LEAF("period_start", "PERIOD-START", N_DATE, P(K_ROOT)),
    LEAF("no_initial_period_activity", "NO-INITIAL-PERIOD-ACTIVITY", N_STR, P(K_ROOT)),
    LEAF("no_annual_activity", "NO-ANNUAL-ACTIVITY", N_STR, P(K_ROOT)),
    LEAF("no_quarterly_activity", "NO-QUARTERLY-ACTIVITY", N_STR, P(K_ROOT)),
    LEAF("registered_entity", "REGISTERED-ENTITY", N_STR, P(K_ROOT)),
    LEAF("abs_asset_class", "ABS-ASSET-CLASS", N_STR, P(K_ROOT)),
    LEAF("abs_sub_asset_class", "ABS-SUB-ASSET-CLASS", N_STR, P(K_ROOT)),
    LEAF("issuing_entity_name", "ISSUING-ENTITY-NAME", N_STR, P(K_ROOT)),
    LEAF("calendar_year_ending", "CALENDAR-YEAR-ENDING", N_STR, P(K_ROOT)),
    LEAF("resource_ext_issuer", "RESOURCE-EXT-ISSUER", N_STR, P(K_ROOT)),
    LEAF("previous_accession_number", "PREVIOUS-ACCESSION-NUMBER", N_STR, P(K_ROOT)),
    LEAF("withdrawn_accession_number", "WITHDRAWN-ACCESSION-NUMBER", N_STR, P(K_ROOT)),
    LEAF("is_filer_a_well_known_seasoned_issuer", "IS-FILER-A-WELL-KNOWN-SEASONED-ISSUER", N_STR, P(K_ROOT)),
    LEAF("is_filer_a_new_registrant", "IS-FILER-A-NEW-REGISTRANT", N_STR, P(K_ROOT)),
    LEAF("filed_pursuant_to_general_instruction_a2", "FILED-PURSUANT-TO-GENERAL-INSTRUCTION-A2", N_STR, P(K_ROOT)),
    LEAF("is_fund_24f2_eligible", "IS-FUND-24F2-ELIGIBLE", N_STR, P(K_ROOT)),
    CONT("multi_accession_numbers", "MULTI-ACCESSION-NUMBERS", K_MULTI_ACC, P(K_ROOT)),
    /* entities: the roles a company or person plays in the filing */
    CONTR("filer", "FILER", K_ENTITY, ENTITY_PARENT),
    CONTR("subject_company", "SUBJECT-COMPANY", K_ENTITY, ENTITY_PARENT),
    CONTR("filed_by", "FILED-BY", K_ENTITY, ENTITY_PARENT),
    CONTR("reporting_owner", "REPORTING-OWNER", K_ENTITY, ENTITY_PARENT),
    CONTR("issuer", "ISSUER", K_ENTITY, ENTITY_PARENT),
    CONTR("serial_company", "SERIAL-COMPANY", K_ENTITY, ENTITY_PARENT),
    CONTR("depositor", "DEPOSITOR", K_ENTITY, ENTITY_PARENT),
    CONTR("securitizer", "SECURITIZER", K_ENTITY, ENTITY_PARENT),
    CONTR("issuing_entity", "ISSUING_ENTITY", K_ENTITY, ENTITY_PARENT),
    CONTR("underwriter", "UNDERWRITER", K_ENTITY, ENTITY_PARENT),
    CONTR("filed_for", "FILED-FOR", K_ENTITY, ENTITY_PARENT),
    /* inside an entity */
    CONT("company_data", "COMPANY-DATA", K_COMPANY, P(K_ENTITY)),
    CONT("owner_data", "OWNER-DATA", K_COMPANY, P(K_ENTITY)),
    LEAF("conformed_name", "CONFORMED-NAME", N_STR, CD),
    LEAF("cik", "CIK", N_STR, CD | P(K_MERGER_DATA)),
    LEAF("assigned_sic", "ASSIGNED-SIC", N_SIC, CD),
    LEAF("organization_name", "ORGANIZATION-NAME", N_STR, CD),
    LEAF("irs_number", "IRS-NUMBER", N_STR, CD),
    LEAF("state_of_incorporation", "STATE-OF-INCORPORATION", N_STR, CD),
    LEAF("fiscal_year_end", "FISCAL-YEAR-END", N_STR, CD),
    LEAF("relationship", "RELATIONSHIP", N_STR, CD | P(K_ENTITY)),
    CONT("filing_values", "FILING-VALUES", K_FILING_VALUES, P(K_ENTITY)),
    LEAF("form_type", "FORM-TYPE", N_STR, FV),
    LEAF("act", "ACT", N_ACT, FV),
    LEAF("file_number", "FILE-NUMBER", N_STR, FV | P(K_ROOT)),
    LEAF("film_number", "FILM-NUMBER", N_STR, FV | P(K_ROOT)),
    CONT("business_address", "BUSINESS-ADDRESS", K_ADDRESS, P(K_ENTITY)),
    CONT("mail_address", "MAIL-ADDRESS", K_ADDRESS, P(K_ENTITY)),
    LEAF("street1", "STREET1", N_STR, AD),
    LEAF("street2", "STREET2", N_STR, AD),
    LEAF("city", "CITY", N_STR, AD),
    LEAF("state", "STATE", N_STR, AD),
    LEAF("zip", "ZIP", N_STR, AD),
    LEAF("phone", "PHONE", N_STR, AD),
    CONTR("former_company", "FORMER-COMPANY", K_FORMER, P(K_ENTITY)),
    CONTR("former_name", "FORMER-NAME", K_FORMER, P(K_ENTITY)),
    LEAF("former_conformed_name", "FORMER-CONFORMED-NAME", N_STR, P(K_FORMER)),
    LEAF("date_changed", "DATE-CHANGED", N_DATE, P(K_FORMER)),
    LEAF("public_reference_acc", "PUBLIC-REFERENCE-ACC", N_STR, P(K_ROOT)),
    /* investment companies: series and classes */
    CONT("series_and_classes_contracts_data", "SERIES-AND-CLASSES-CONTRACTS-DATA", K_SCCD, P(K_ROOT)),
    CONT("existing_series_and_classes_contracts", "EXISTING-SERIES-AND-CLASSES-CONTRACTS", K_SERIES_SET, P(K_SCCD)),
    CONT("new_series_and_classes_contracts", "NEW-SERIES-AND-CLASSES-CONTRACTS", K_SERIES_SET, P(K_SCCD)),
    CONT("merger_series_and_classes_contracts", "MERGER-SERIES-AND-CLASSES-CONTRACTS", K_SERIES_SET, P(K_SCCD)),
    LEAF("owner_cik", "OWNER-CIK", N_STR, P(K_SERIES_SET) | P(K_SERIES)),
    CONTR("series", "SERIES", K_SERIES, P(K_SERIES_SET) | P(K_MERGER_DATA)),
    CONTR("new_series", "NEW-SERIES", K_SERIES, P(K_SERIES_SET)),
    CONTR("new_classes_contracts", "NEW-CLASSES-CONTRACTS", K_SERIES, P(K_SERIES_SET)),
    LEAF("series_id", "SERIES-ID", N_STR, P(K_SERIES)),
    LEAF("series_name", "SERIES-NAME", N_STR, P(K_SERIES)),
    CONTR("class_contract", "CLASS-CONTRACT", K_CLASS, P(K_SERIES)),
    LEAF("class_contract_id", "CLASS-CONTRACT-ID", N_STR, P(K_CLASS)),
    LEAF("class_contract_name", "CLASS-CONTRACT-NAME", N_STR, P(K_CLASS)),
    LEAF("class_contract_ticker_symbol", "CLASS-CONTRACT-TICKER-SYMBOL", N_STR, P(K_CLASS)),
    CONTR("merger", "MERGER", K_MERGER, P(K_SERIES_SET)),
    CONT("acquiring_data", "ACQUIRING-DATA", K_MERGER_DATA, P(K_MERGER)),
    CONTR("target_data", "TARGET-DATA", K_MERGER_DATA, P(K_MERGER)),
    /* Form SD */
    CONT("rule", "RULE", K_RULE, P(K_ROOT)),
    LEAF("rule_name", "RULE-NAME", N_STR, P(K_RULE)),
    CONTR("item", "ITEM", K_RULE_ITEM, P(K_RULE)),
    LEAF("item_number", "ITEM-NUMBER", N_STR, P(K_RULE_ITEM)),
    LEAF("item_period", "ITEM-PERIOD", N_STR, P(K_RULE_ITEM)),
};
const unsigned FIELD_COUNT = sizeof FIELDS / sizeof FIELDS[0];

/* Tab-dialect keys (and a few tag spellings) that differ from the tag name
 * once spaces become '-'.  Sources: real headers in the corpus (both
 * renderings of the same filing compared), the PDS specification's field
 * names, and docs/edgar-format.md. */
static const struct { const char *key; const char *tag; } ALIASES[] = {
    {"CONFORMED-SUBMISSION-TYPE", "TYPE"},
    {"CONFORMED-PERIOD-OF-REPORT", "PERIOD"},
    {"PERIOD-OF-REPORT", "PERIOD"},
    {"ITEM-INFORMATION", "ITEMS"},
    {"FILED-AS-OF-DATE", "FILING-DATE"},
    {"DATE-AS-OF-CHANGE", "DATE-OF-FILING-DATE-CHANGE"},
    {"COMPANY-CONFORMED-NAME", "CONFORMED-NAME"},
    {"CENTRAL-INDEX-KEY", "CIK"},
    {"STANDARD-INDUSTRIAL-CLASSIFICATION", "ASSIGNED-SIC"},
    {"SIC", "ASSIGNED-SIC"},
    {"EIN", "IRS-NUMBER"},
    {"SEC-ACT", "ACT"},
    {"SEC-FILE-NUMBER", "FILE-NUMBER"},
    {"STREET-1", "STREET1"},
    {"STREET-2", "STREET2"},
    {"BUSINESS-PHONE", "PHONE"},
    {"DATE-OF-NAME-CHANGE", "DATE-CHANGED"},
    {"ISSUING-ENTITY", "ISSUING_ENTITY"},
    {"RECIEVED-DATE", "RECEIVED-DATE"},
    {"PUBLIC-REFERENCE-ACCESSION-NUMBER", "PUBLIC-REFERENCE-ACC"},
    {"PUBLIC-REFERENCE-ACC#", "PUBLIC-REFERENCE-ACC"},
    {"MA-I-INDIVIDUAL", "MA-I_INDIVIDUAL"},
    {"TIME-STAMP", "TIMESTAMP"},
    {"FILER-WELL-KNOWN-SEASONED-ISSUER", "IS-FILER-A-WELL-KNOWN-SEASONED-ISSUER"},
    {"FILER-NEW-REGISTRANT", "IS-FILER-A-NEW-REGISTRANT"},
    {"FILER-PURSUANT-TO-GENERAL-INSTRUCTIONS", "FILED-PURSUANT-TO-GENERAL-INSTRUCTION-A2"},
    {"FILER-FUND-24F-2-ELIGIBLE", "IS-FUND-24F2-ELIGIBLE"},
    {"MULTI-ACCESSION-NUMBERS", "MULTI-ACCESSION-NUMBERS"},
    {"ACCESSION_NUMBER", "ACCESSION-NUMBER"},
};

/* An open-addressing hash table from normalised key to field id, built once.
 * 512 slots for ~140 keys keeps probes short. */
enum { HT_SIZE = 512, KEY_MAX = 64 };
static struct { const char *key; unsigned char len; short field; } ht[HT_SIZE];
static pthread_once_t ht_once = PTHREAD_ONCE_INIT;

static unsigned hash_key(const char *k, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)k[i]) * 16777619u;
    return h;
}

static void ht_put(const char *key, int field)
{
    size_t n = strlen(key);
    unsigned i = hash_key(key, n) & (HT_SIZE - 1);
    while (ht[i].key) {
        if (ht[i].len == n && memcmp(ht[i].key, key, n) == 0) return;
        i = (i + 1) & (HT_SIZE - 1);
    }
    ht[i].key = key;
    ht[i].len = (unsigned char)n;
    ht[i].field = (short)field;
}

static int field_by_tag(const char *tag)
{
    for (unsigned f = 2; f < FIELD_COUNT; f++)
        if (strcmp(FIELDS[f].tag, tag) == 0) return (int)f;
    return -1;
}

static void ht_build(void)
{
    for (unsigned f = 2; f < FIELD_COUNT; f++) ht_put(FIELDS[f].tag, (int)f);
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++) {
        int f = field_by_tag(ALIASES[i].tag);
        if (f >= 0) ht_put(ALIASES[i].key, f);
    }
}

/* Upper-case, runs of blanks to one '-', so that "COMPANY CONFORMED NAME"
 * and "company-conformed-name" meet; returns the length, 0 if too long. */
static size_t normalise_key(const char *s, size_t n, char out[KEY_MAX])
{
    size_t o = 0;
    int blank = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (sc_is_blank(c)) {
            blank = 1;
            continue;
        }
        if (blank && o) {
            if (o >= KEY_MAX) return 0;
            out[o++] = '-';
        }
        blank = 0;
        if (o >= KEY_MAX) return 0;
        out[o++] = (char)sc_upper(c);
    }
    return o;
}

int schema_lookup(const char *name, size_t len)
{
    char k[KEY_MAX];
    size_t n = normalise_key(name, len, k);
    if (n == 0) return -1;
    pthread_once(&ht_once, ht_build);
    unsigned i = hash_key(k, n) & (HT_SIZE - 1);
    while (ht[i].key) {
        if (ht[i].len == n && memcmp(ht[i].key, k, n) == 0) return ht[i].field;
        i = (i + 1) & (HT_SIZE - 1);
    }
    return -1;
}

int schema_lookup_json(const char *json, size_t len)
{
    for (unsigned f = 2; f < FIELD_COUNT; f++)
        if (strlen(FIELDS[f].json) == len && memcmp(FIELDS[f].json, json, len) == 0)
            return (int)f;
    return -1;
}
