/* Item title -> code (see items.h).
 *
 * Titles are matched on a normalised prefix (letters and digits only, lower
 * case) because the tab header does not always spell them canonically: one
 * 2024 header writes "...Appointment of Certain Officers: Compensatory..."
 * with a colon, and 2004-era headers say "Principal Officers". */
#include "items.h"

#include <string.h>

#include "scan.h"

typedef struct { const char *code; const char *title; } item_def;

/* Form 8-K, items effective 2004-08-23 (docs/edgar-format.md 4.1). */
static const item_def ITEMS_8K[] = {
    {"1.01", "Entry into a Material Definitive Agreement"},
    {"1.02", "Termination of a Material Definitive Agreement"},
    {"1.03", "Bankruptcy or Receivership"},
    {"1.04", "Mine Safety"},
    {"1.05", "Material Cybersecurity Incidents"},
    {"2.01", "Completion of Acquisition or Disposition of Assets"},
    {"2.02", "Results of Operations and Financial Condition"},
    {"2.03", "Creation of a Direct Financial Obligation"},
    {"2.04", "Triggering Events That Accelerate or Increase"},
    {"2.05", "Costs Associated with Exit or Disposal Activities"},
    {"2.06", "Material Impairments"},
    {"3.01", "Notice of Delisting or Failure to Satisfy"},
    {"3.02", "Unregistered Sales of Equity Securities"},
    {"3.03", "Material Modification to Rights of Security Holders"},
    {"4.01", "Changes in Registrant's Certifying Accountant"},
    {"4.02", "Non-Reliance on Previously Issued Financial Statements"},
    {"5.01", "Changes in Control of Registrant"},
    {"5.02", "Departure of Directors"},
    {"5.03", "Amendments to Articles of Incorporation or Bylaws"},
    {"5.04", "Temporary Suspension of Trading"},
    {"5.05", "Amendments to the Registrant's Code of Ethics"},
    {"5.06", "Change in Shell Company Status"},
    {"5.07", "Submission of Matters to a Vote of Security Holders"},
    {"5.08", "Shareholder Director Nominations"},
    {"6.01", "ABS Informational and Computational Material"},
    {"6.02", "Change of Servicer or Trustee"},
    {"6.03", "Change in Credit Enhancement"},
    {"6.04", "Failure to Make a Required Distribution"},
    {"6.05", "Securities Act Updating Disclosure"},
    {"6.06", "Static Pool"},
    {"7.01", "Regulation FD Disclosure"},
    {"8.01", "Other Events"},
    {"9.01", "Financial Statements and Exhibits"},
    {NULL, NULL}};

/* Form 8-K before 2004-08-23 (docs/edgar-format.md 4.2). */
static const item_def ITEMS_8K_OLD[] = {
    {"1", "Changes in Control of Registrant"},
    {"2", "Acquisition or Disposition of Assets"},
    {"3", "Bankruptcy or Receivership"},
    {"4", "Changes in Registrant's Certifying Accountant"},
    {"5", "Other Events"},
    {"6", "Resignations of Registrant's Directors"},
    {"7", "Financial Statements"},
    {"8", "Change in Fiscal Year"},
    {"9", "Regulation FD Disclosure"},
    {"10", "Amendments to the Registrant's Code of Ethics"},
    {"11", "Temporary Suspension of Trading"},
    {"12", "Results of Operations and Financial Condition"},
    {NULL, NULL}};

/* Form ABS-15G (Rule 15Ga-1 / 15Ga-2 reports). */
static const item_def ITEMS_ABS15G[] = {
    {"1.01", "Initial Filing of Rule 15Ga-1"},
    {"1.02", "Periodic Filing of Rule 15Ga-1"},
    {"1.03", "Annual Filing of Rule 15Ga-1"},
    {"2.01", "Findings and Conclusions of a Third Party Due Diligence Report Obtained by the Issuer"},
    {"2.02", "Findings and Conclusions of a Third Party Due Diligence Report Obtained by the Underwriter"},
    {NULL, NULL}};

enum { NORM_MAX = 96, PREFIX = 20 };

static size_t norm(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < NORM_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        c = sc_lower(c);
        if (sc_is_alnum(c)) out[o++] = (char)c;
    }
    return o;
}

static const char *match(const item_def *tab, const char *t, size_t tn, int full)
{
    for (; tab->code; tab++) {
        char c[NORM_MAX];
        size_t cn = norm(tab->title, strlen(tab->title), c);
        /* Long titles differ from each other within a few words; ABS-15G ones
         * only near their end, so those are compared in full. */
        size_t need = full ? cn : (cn < PREFIX ? cn : PREFIX);
        if (tn >= need && memcmp(t, c, need) == 0) return tab->code;
    }
    return NULL;
}

static int looks_like_code(const char *s, size_t n)
{
    if (n == 0 || n > 8 || !sc_is_digit((unsigned char)s[0])) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(sc_is_alnum(c) || c == '.'))
            return 0;
    }
    return 1;
}

/* YYYYMMDD or YYYY-MM-DD before 2004-08-23? Unknown dates count as current. */
static int before_2004_rules(const char *d, size_t n)
{
    char v[8];
    size_t o = 0;
    for (size_t i = 0; i < n && o < 8; i++)
        if (sc_is_digit((unsigned char)d[i])) v[o++] = d[i];
    if (o != 8) return 0;
    return memcmp(v, "20040823", 8) < 0;
}

const char *items_code(const char *title, size_t len, const char *date,
                       size_t date_len, const char *form, size_t form_len,
                       size_t *code_len)
{
    if (looks_like_code(title, len)) {
        *code_len = len;
        return title;
    }
    char t[NORM_MAX];
    size_t tn = norm(title, len, t);
    const char *code = NULL;
    if (form && form_len >= 7 && sc_starts_upper(form, form_len, "ABS-15G"))
        code = match(ITEMS_ABS15G, t, tn, 1);
    if (!code) {
        int old = date && before_2004_rules(date, date_len);
        code = match(old ? ITEMS_8K_OLD : ITEMS_8K, t, tn, 0);
        if (!code) code = match(old ? ITEMS_8K : ITEMS_8K_OLD, t, tn, 0);
    }
    if (code) *code_len = strlen(code);
    return code;
}
