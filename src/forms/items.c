/*
 * Items of Forms 8-K, 10-K and 10-Q, found in a document's clean text.
 *
 * 1. Every line that looks like an item heading ("Item 1A.", "ITEM 7.01",
 *    "Items 1 and 2.", "Item No. 5") becomes a candidate with the item's key
 *    in the form's canonical order; "PART II" and "SIGNATURES" lines are
 *    noted as boundaries.
 * 2. Table-of-contents lines are told apart by their page numbers; lines
 *    that merely start with "Item" in running prose never qualify, because a
 *    heading is short or opens with the item's own title.
 * 3. The headings of the document are the longest chain of candidates in
 *    canonical order, where a candidate followed by real text weighs more
 *    than one followed directly by the next candidate.  This is what skips a
 *    table of contents without page numbers: its entries chain just as well,
 *    but carry no text.
 * 4. Each item's body runs from the end of its heading (the title may spill
 *    onto the next lines) to the next chosen heading, or to a Part heading
 *    or the signature block before it, minus page furniture at either end
 *    (page numbers, running footers, "Table of Contents" links).
 * 5. A 10-K laid out as an annual report heads few items or none; when it
 *    has a cross-reference index, the items come from the pages the index
 *    names (xref.c), and the index's rows are never headings.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "edgr/facts.h"
#include "edgr/items.h"
#include "items_kit.h"
#include "scan.h"
#include "xref.h"

/* ------------------------------------------------------------------------
 * Known titles.  (Item codes, blanks, page numbers and the other readers
 * xref.c shares are in items_kit.c.)
 * ---------------------------------------------------------------------- */

typedef struct title_def {
    int key;
    const char *title;
} title_def;

/* 10-K titles, current and past (docs/edgar-format.md 4.3), keyed as
 * number*10 + letter (1A = 11, 9C = 93).  Used to find where a heading's
 * title ends when it spills over several lines. */
static const title_def TITLES_10K[] = {
    {10, "Business"}, {11, "Risk Factors"}, {12, "Unresolved Staff Comments"},
    {13, "Cybersecurity"}, {20, "Properties"}, {30, "Legal Proceedings"},
    {40, "Mine Safety Disclosures"}, {40, "Submission of Matters to a Vote of Security Holders"},
    {50, "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities"},
    {50, "Market for the Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities"},
    {60, "Selected Financial Data"}, {60, "Reserved"},
    {70, "Management's Discussion and Analysis of Financial Condition and Results of Operations"},
    {71, "Quantitative and Qualitative Disclosures About Market Risk"},
    {80, "Financial Statements and Supplementary Data"},
    {90, "Changes in and Disagreements With Accountants on Accounting and Financial Disclosure"},
    {91, "Controls and Procedures"}, {92, "Other Information"},
    {93, "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections"},
    {100, "Directors, Executive Officers and Corporate Governance"},
    {110, "Executive Compensation"},
    {120, "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters"},
    {130, "Certain Relationships and Related Transactions, and Director Independence"},
    {140, "Principal Accountant Fees and Services"}, {140, "Principal Accounting Fees and Services"},
    {150, "Exhibits and Financial Statement Schedules"}, {150, "Exhibit and Financial Statement Schedules"},
    {150, "Exhibits, Financial Statement Schedules"}, {160, "Form 10-K Summary"},
    /* Regulation AB (see REG_AB, items_kit.c) */
    {45, "Significant Obligors of Pool Assets"},
    {46, "Credit Enhancement and Other Support, Except for Certain Derivatives Instruments"},
    {47, "Certain Derivatives Instruments"}, {48, "Legal Proceedings"},
    {145, "Affiliations and Certain Relationships and Related Transactions"},
    {146, "Compliance with Applicable Servicing Criteria"}, {147, "Servicer Compliance Statement"},
};

/* 10-Q titles keyed as part*1000 + number*10 + letter. */
static const title_def TITLES_10Q[] = {
    {1010, "Financial Statements"}, {1010, "Condensed Consolidated Financial Statements"},
    {1020, "Management's Discussion and Analysis of Financial Condition and Results of Operations"},
    {1020, "Management's Discussion and Analysis of Results of Operations and Financial Condition"},
    {1030, "Quantitative and Qualitative Disclosures About Market Risk"},
    {1040, "Controls and Procedures"}, {2010, "Legal Proceedings"}, {2011, "Risk Factors"},
    {2020, "Unregistered Sales of Equity Securities and Use of Proceeds"},
    {2020, "Unregistered Sales of Equity Securities and Use of Proceeds and Issuer Repurchases of Equity Securities"},
    {2020, "Unregistered Sales of Equity Securities, Use of Proceeds and Issuer Purchases of Equity Securities"},
    {2020, "Changes in Securities and Use of Proceeds"}, {2020, "Changes in Securities"},
    {2030, "Defaults Upon Senior Securities"}, {2040, "Mine Safety Disclosures"},
    /* Part II titles before 2010 */
    {2040, "Submission of Matters to a Vote of Security Holders"}, {2060, "Exhibits and Reports on Form 8-K"},
    {2050, "Other Information"}, {2060, "Exhibits"},
};

/* 8-K titles keyed as the codes are (7.01 = 701; before August 2004, 5 =
 * 5), so that a title wrapped over two lines ("Item 12. Results of" /
 * "Operations and Financial Condition") is read as one. */
static const title_def TITLES_8K[] = {
    {1, "Changes in Control of Registrant"}, {2, "Acquisition or Disposition of Assets"},
    {3, "Bankruptcy or Receivership"}, {4, "Changes in Registrant's Certifying Accountant"},
    {5, "Other Events"}, {5, "Other Events and Regulation FD Disclosure"},
    {6, "Resignations of Registrant's Directors"},
    {7, "Financial Statements, Pro Forma Financial Information and Exhibits"},
    {7, "Financial Statements and Exhibits"}, {8, "Change in Fiscal Year"},
    {9, "Regulation FD Disclosure"}, {9, "Sales of Equity Securities Pursuant to Regulation S"},
    {10, "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"},
    {11, "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"},
    {12, "Results of Operations and Financial Condition"},
    {101, "Entry into a Material Definitive Agreement"}, {102, "Termination of a Material Definitive Agreement"},
    {103, "Bankruptcy or Receivership"}, {104, "Mine Safety - Reporting of Shutdowns and Patterns of Violations"},
    {105, "Material Cybersecurity Incidents"},
    {201, "Completion of Acquisition or Disposition of Assets"}, {202, "Results of Operations and Financial Condition"},
    {203, "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant"},
    {204, "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement"},
    {205, "Costs Associated with Exit or Disposal Activities"}, {206, "Material Impairments"},
    {301, "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing"},
    {302, "Unregistered Sales of Equity Securities"}, {303, "Material Modification to Rights of Security Holders"},
    {401, "Changes in Registrant's Certifying Accountant"},
    {402, "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review"},
    {501, "Changes in Control of Registrant"},
    {502, "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers"},
    {503, "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year"},
    {504, "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"},
    {505, "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"},
    {506, "Change in Shell Company Status"}, {507, "Submission of Matters to a Vote of Security Holders"},
    {508, "Shareholder Director Nominations"}, {601, "ABS Informational and Computational Material"},
    {602, "Change of Servicer or Trustee"}, {603, "Change in Credit Enhancement or Other External Support"},
    {604, "Failure to Make a Required Distribution"}, {605, "Securities Act Updating Disclosure"},
    {701, "Regulation FD Disclosure"}, {801, "Other Events"}, {901, "Financial Statements and Exhibits"},
};

/* A line of wrapped prose is at least this long. */
enum { PROSE_LINE = 40 };
/* A title on a line of its own is at most this long; a longer line that is
 * not made of the title's words is running text. */
enum { TITLE_LINE_MAX = 100 };
/* A line that recurs this often is a running header or footer (when it
 * sits at a page's top, or is a heading: one on every page is no heading). */
enum { RUNNING_REPEATS = 3 };
/* Lines longer than this are never counted as recurring: running headers,
 * footers and links are short, and sentences may repeat. */
enum { REPEAT_LINE_MAX = 100 };
/* A "Table of Contents" link, the running header beside it included, and a
 * "Back to ..." link are at most this long. */
enum { TOC_LINK_MAX = 60, BACK_LINK_MAX = 40 };
/* After a title matched on the heading's line, a rest of the line longer
 * than this that is not made of title words is the body, run in. */
enum { HEADING_REST_MAX = 40 };
/* A heading line longer than this with an unknown title is heading then
 * body: the title ends at its first full stop. */
enum { HEADING_BODY_LINE = 150 };
/* A 10-K or 10-Q heading line is at most this long; a longer line that
 * opens "Item 7 ..." is prose (an 8-K's run-in headings may be longer). */
enum { HEADING_LINE_MAX = 300 };
/* "ITEM X." lines (a letter, no code) that end the item before them are
 * at most this long. */
enum { LETTERED_ITEM_MAX = 120 };
/* The sentence opening a signature block without its heading ("Pursuant
 * to the requirements of the Securities Exchange Act of 1934, ... signed")
 * is longer than this. */
enum { SIGNATURE_SENTENCE_MIN = 60 };
/* An 8-K's "Date of Report" is in the cover's first lines. */
enum { COVER_REPORT_LINES = 200 };

/* Line i carries on the sentence of the line right above it (no blank
 * line between, and that line ends inside a sentence): wrapped prose in a
 * 1990s text document, never a heading. */
static int continues_sentence(const seg *g, size_t i)
{
    /* Wrapped prose fills its lines: a short line above ("Table of
     * Contents" atop a page of a tag-stripped document) ends no sentence. */
    if (i == 0 || g->lines[i - 1].end - g->lines[i - 1].start < PROSE_LINE || g->furniture[i - 1]) return 0;
    /* "Item 4. Submission of Matters to a Vote of Security Holders" above
     * "PART II" is a heading, not a sentence */
    if (sc_eq_upper(g->s + g->lines[i - 1].start, 4, "ITEM")) return 0;
    unsigned char last = (unsigned char)g->s[g->lines[i - 1].end - 1];
    return (last >= 'a' && last <= 'z') || last == ',';
}

static const char *part_name(int part)
{
    static const char *const names[] = {"", "I", "II", "III", "IV"};
    return part >= 1 && part <= 4 ? names[part] : "";
}

/* A table-of-contents row: the line ends with a page number set apart by
 * two blanks or a dot leader. */
static int toc_row(const char *s, size_t b, size_t e)
{
    size_t i = e;
    while (i > b && !sc_is_blank((unsigned char)s[i - 1]) && s[i - 1] != '.') i--;
    if (i == e || i <= b || !items_page_token(s, i, e)) return 0;
    return s[i - 1] == '.' || (i - b >= 2 && sc_is_blank((unsigned char)s[i - 2]));
}

/* ------------------------------------------------------------------------
 * Candidates.
 * ---------------------------------------------------------------------- */

enum { MAX_CODES = 4, MAX_CANDIDATES = 4000 };

typedef struct cand {
    size_t line;
    int key_lo, key_hi;     /* first and last item of the heading        */
    int ncodes;
    char codes[MAX_CODES][16];
    int keys[MAX_CODES];
    int part;               /* 10-Q: the part in force, 0 if none yet    */
    size_t rest;            /* text offset just after the code(s)        */
    size_t title, title_end, body; /* from heading_end(), found once     */
    int toc;
    int top;                /* the line opens a page                     */
    double weight;
    /* chain */
    double best;
    int prev;
} cand;

/* Is the line an item heading?  Fills c (codes, keys, rest) if so. */
static int heading_at(const char *s, const tline *l, edgr_form_kind kind, int legacy, cand *c)
{
    size_t b = l->start, e = l->end;
    if (e - b < 5 || !sc_eq_upper(s + b, 4, "ITEM")) return 0;
    size_t i = b + 4;
    if (i < e && (s[i] | 32) == 's') i++;
    if (i < e && sc_is_alnum((unsigned char)s[i]) && !sc_is_digit((unsigned char)s[i])) return 0;
    i = items_skip_blanks(s, i, e);
    if (i + 2 < e && sc_eq_upper(s + i, 2, "NO")) { /* "Item No. 5", "Item Number 5" */
        size_t j = i + 2;
        if (j < e && s[j] == '.') j++;
        while (j < e && sc_is_blank((unsigned char)s[j])) j++;
        if (j < e && sc_is_digit((unsigned char)s[j])) i = j;
    } else if (i + 6 < e && sc_eq_upper(s + i, 6, "NUMBER")) {
        i += 6;
        while (i < e && sc_is_blank((unsigned char)s[i])) i++;
    }
    c->ncodes = 0;
    for (;;) {
        char code[16];
        int key = items_parse_code(s, &i, e, kind, legacy, code);
        if (key < 0) break;
        if (c->ncodes < MAX_CODES) {
            memcpy(c->codes[c->ncodes], code, sizeof code);
            c->keys[c->ncodes++] = key;
        }
        /* "Items 1 and 2", "Items 1, 2 and 3", "Items 1 & 2" */
        size_t j = i;
        while (j < e && (s[j] == ',' || s[j] == '.' || sc_is_blank((unsigned char)s[j]))) j++;
        if (j + 3 < e && sc_eq_upper(s + j, 3, "AND") && sc_is_blank((unsigned char)s[j + 3])) j += 4;
        else if (j < e && s[j] == '&') j++;
        else if (!(j > i && j < e && sc_is_digit((unsigned char)s[j]) && s[i] == ',')) break;
        while (j < e && sc_is_blank((unsigned char)s[j])) j++;
        if (j >= e || !sc_is_digit((unsigned char)s[j])) break;
        i = j;
    }
    if (!c->ncodes) return 0;
    {   /* "Items 1 through 4, 6 and 8 Not Applicable" lists, it heads nothing */
        size_t j = items_skip_blanks(s, i, e);
        if (e - j >= 7 && sc_starts_upper(s + j, e - j, "THROUGH")) return 0;
    }
    /* What follows the code must not continue a word or a number. */
    if (i < e && sc_is_alnum((unsigned char)s[i])) return 0;
    {   /* "Item 1117 of Regulation AB. Legal Proceedings.": the title follows */
        static const char *const reg_ab[] = {"of", "regulation", "ab"};
        size_t q = i, ws, we;
        int w = 0;
        while (w < 3 && next_word(s, &q, e, &ws, &we) && word_eq(s + ws, we - ws, reg_ab[w], strlen(reg_ab[w]))) w++;
        if (w == 3) i = q;
    }
    /* "Item 14(a)(1): Financial Statements" is a sub-item inside the item,
     * never its heading ("9A(T)" was read with the code; a capital as in
     * "9A(I)" is a misprinted suffix, not a sub-item). */
    if (i + 2 < e && s[i] == '(' && (sc_is_digit((unsigned char)s[i + 1]) || (s[i + 1] >= 'a' && s[i + 1] <= 'z')) &&
        (s[i + 2] == ')' || (i + 3 < e && sc_is_alnum((unsigned char)s[i + 2]) && s[i + 3] == ')')))
        return 0;
    c->rest = i;
    c->key_lo = c->keys[0];
    c->key_hi = c->keys[c->ncodes - 1];
    return 1;
}

/* Words of a known title matched from text position `pos` on; returns how
 * many of the title's words matched in a row (0 if the first fails) and
 * sets *after to the end of the last matched word. */
static size_t match_title(const char *s, size_t pos, size_t end, const char *title, size_t *after,
                          size_t *title_words)
{
    size_t tp = 0, tn = strlen(title), ws, we, tws, twe, matched = 0, total = 0;
    size_t q = 0;
    while (next_word(title, &q, tn, &tws, &twe)) total++;
    *title_words = total;
    *after = pos;
    while (next_word(title, &tp, tn, &tws, &twe)) {
        size_t save = pos;
        if (!next_word(s, &pos, end, &ws, &we)) break;
        int ok = word_eq(s + ws, we - ws, title + tws, twe - tws);
        /* "Financial Conditions": a stray plural still follows the title */
        if (!ok && we - ws == twe - tws + 1 && we - ws > 3 && (s[we - 1] | 32) == 's')
            ok = word_eq(s + ws, we - ws - 1, title + tws, twe - tws);
        if (!ok && word_eq(title + tws, twe - tws, "and", 3)) {
            /* "&" for "and" */
            size_t k = save;
            while (k < ws && s[k] != '&') k++;
            if (k < ws) { pos = save; while (pos < end && s[pos] != '&') pos++; pos++; matched++; *after = pos; continue; }
        }
        if (!ok) { pos = save; break; }
        matched++;
        *after = we;
    }
    return matched;
}

/* ------------------------------------------------------------------------
 * The segmenter.
 * ---------------------------------------------------------------------- */

/* Hash of a line; with `mask`, every run of digits hashes as one '#', so a
 * running footer hashes the same on every page. */
static unsigned long line_hash(const char *s, size_t b, size_t e, int mask)
{
    unsigned long h = 5381;
    int in_digits = 0;
    for (size_t i = b; i < e; i++) {
        unsigned char c = (unsigned char)s[i];
        if (mask && sc_is_digit(c)) {
            if (in_digits) continue;
            in_digits = 1;
            c = '#';
        } else in_digits = 0;
        h = h * 33 + c;
    }
    return h;
}

/* A short line's keys, 16 bytes (a document of short lines has millions):
 * its hash with digits masked, the low half of its raw hash, and its
 * index.  Lines of one raw half are told apart by their text itself, so
 * "the same text" is exact. */
typedef struct lkey {
    uint64_t masked;
    uint32_t raw;
    uint32_t line;
} lkey;

static int cmp_line_text(const seg *g, uint32_t a, uint32_t b)
{
    const tline *x = &g->lines[a], *y = &g->lines[b];
    size_t xn = x->end - x->start, yn = y->end - y->start;
    int c = memcmp(g->s + x->start, g->s + y->start, xn < yn ? xn : yn);
    return c ? c : (xn > yn) - (xn < yn);
}

static int cmp_lkey(const seg *g, const lkey *x, const lkey *y)
{
    if (x->masked != y->masked) return x->masked < y->masked ? -1 : 1;
    if (x->raw != y->raw) return x->raw < y->raw ? -1 : 1;
    int c = cmp_line_text(g, x->line, y->line);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void lkey_swap(lkey *a, lkey *b)
{
    lkey t = *a;
    *a = *b;
    *b = t;
}

static void lkey_sift(const seg *g, lkey *k, size_t i, size_t n)
{
    for (size_t c; (c = 2 * i + 1) < n; i = c) {
        if (c + 1 < n && cmp_lkey(g, &k[c], &k[c + 1]) < 0) c++;
        if (cmp_lkey(g, &k[i], &k[c]) >= 0) return;
        lkey_swap(&k[i], &k[c]);
    }
}

/* Sort keys in place: glibc's qsort takes a scratch copy of the array
 * (a document of short lines has millions of keys), and its comparison
 * has no context.  Quicksort, median of three, on the smaller side first;
 * heapsort once too deep (sorted or hostile input stays n log n);
 * insertion sort for short runs. */
static void sort_lkeys_depth(const seg *g, lkey *k, size_t n, size_t depth)
{
    while (n > 16) {
        if (depth-- == 0) { /* heapsort the rest */
            for (size_t i = n / 2; i-- > 0;) lkey_sift(g, k, i, n);
            for (size_t e = n; e-- > 1;) {
                lkey_swap(&k[0], &k[e]);
                lkey_sift(g, k, 0, e);
            }
            return;
        }
        size_t mid = n / 2;
        if (cmp_lkey(g, &k[mid], &k[0]) < 0) lkey_swap(&k[mid], &k[0]);
        if (cmp_lkey(g, &k[n - 1], &k[mid]) < 0) {
            lkey_swap(&k[n - 1], &k[mid]);
            if (cmp_lkey(g, &k[mid], &k[0]) < 0) lkey_swap(&k[mid], &k[0]);
        }
        lkey pivot = k[mid];
        size_t i = 0, j = n - 1;
        for (;;) { /* Hoare: k[0..j] <= pivot <= k[j+1..n) */
            while (cmp_lkey(g, &k[i], &pivot) < 0) i++;
            while (cmp_lkey(g, &pivot, &k[j]) < 0) j--;
            if (i >= j) break;
            lkey_swap(&k[i++], &k[j--]);
        }
        size_t left = j + 1;
        if (left < n - left) {
            sort_lkeys_depth(g, k, left, depth);
            k += left;
            n -= left;
        } else {
            sort_lkeys_depth(g, k + left, n - left, depth);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp_lkey(g, &k[j], &k[j - 1]) < 0; j--) lkey_swap(&k[j], &k[j - 1]);
}

/* The depth budget is the whole sort's, passed down: 2 log2 n levels. */
static void sort_lkeys(const seg *g, lkey *k, size_t n)
{
    size_t depth = 2;
    for (size_t m = n; m > 1; m >>= 1) depth += 2;
    sort_lkeys_depth(g, k, n, depth);
}

/* Two keys of one masked hash are the same text. */
static int same_text(const seg *g, const lkey *x, const lkey *y)
{
    return x->raw == y->raw && cmp_line_text(g, x->line, y->line) == 0;
}

static int blank_line(const seg *g, size_t i) { return g->lines[i].end == g->lines[i].start; }

/* "Table of Contents" (a link back to it, on every page), perhaps with the
 * running header in the same row. */
static int toc_link(const seg *g, size_t i)
{
    const tline *l = &g->lines[i];
    size_t len = l->end - l->start;
    if (len < sizeof "TABLE OF CONTENTS" - 1 || len > TOC_LINK_MAX || !sc_starts_upper(g->s + l->start, len, "TABLE OF CONTENTS"))
        return 0;
    /* The heading of a real index (followed, perhaps after a date line,
     * by "Page" or rows ending in page numbers) is not furniture. */
    size_t k = i;
    for (int seen = 0; seen < 2; seen++) {
        k++;
        while (k < g->nlines && blank_line(g, k)) k++;
        if (k >= g->nlines) break;
        const tline *n = &g->lines[k];
        size_t nl = n->end - n->start;
        if ((nl == 4 && sc_eq_upper(g->s + n->start, 4, "PAGE")) || toc_row(g->s, n->start, n->end)) return 0;
    }
    return 1;
}

/* How far apart (in lines, blank ones counted) two page numbers of a run
 * must stand: a page holds more than this, while the numbers of a table
 * laid out one cell per line, or of a numbered list, come closer. */
enum { PAGE_RUN_GAP = 5 };
/* ... and at most this far: the next page of a run is never thousands of
 * lines away, while "65" (an officer's age) and the report's page 64 are. */
enum { PAGE_RUN_MAX_GAP = 1500 };
/* A footer is on this many pages at least; a short sentence ("None.") that
 * happens to close a few pages is not one. */
enum { FOOTER_PAGES = 5 };
/* A footer's numbers may restart (an annual report bound into the 10-K
 * numbers its own pages), but climb this many times for each fall. */
enum { FOOTER_CLIMBS_PER_FALL = 8 };
/* A running header or footer line is at most this long, and a footer kept
 * one cell a line spans at most FOOTER_LINES lines. */
enum { RUNNING_LINE_MAX = 80, FOOTER_LINES = 3 };
/* "PART II", "PART I, II" atop a page: a short line. */
enum { PART_LINE_MAX = 20 };

typedef struct pnum {
    size_t line;
    int prefix, num;
} pnum;

static int cmp_pnum(const void *a, const void *b)
{
    const pnum *x = a, *y = b;
    if (x->prefix != y->prefix) return x->prefix < y->prefix ? -1 : 1;
    if (x->num != y->num) return x->num < y->num ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* Mark page[] for each pair (y, x) of numbers where y can be the page
 * before x: the same prefix, x's number less 1 or 2 (facing pages print
 * every other number), at least PAGE_RUN_GAP and at most PAGE_RUN_MAX_GAP
 * lines above.  pn is sorted by (prefix, number, line), so those are in
 * the two groups of equal numbers before x's. */
static void page_pairs(const pnum *pn, size_t k, unsigned char *page)
{
    size_t grp[2][2] = {{0, 0}, {0, 0}}; /* [0]: the group just before, [1]: the one before it */
    for (size_t a = 0; a < k;) {
        size_t b = a;
        while (b < k && pn[b].prefix == pn[a].prefix && pn[b].num == pn[a].num) b++;
        for (int gi = 0; gi < 2; gi++) {
            size_t ps = grp[gi][0], pe = grp[gi][1];
            if (pe <= ps || pn[ps].prefix != pn[a].prefix || pn[ps].num < pn[a].num - 2) continue;
            /* both groups are in line order: a window of y slides along x,
             * and each y is marked once, so the pass stays linear */
            size_t lo = ps, hi = ps, marked = ps;
            for (size_t x = a; x < b; x++) {
                while (hi < pe && pn[hi].line + PAGE_RUN_GAP <= pn[x].line) hi++;
                while (lo < hi && pn[lo].line + PAGE_RUN_MAX_GAP < pn[x].line) lo++;
                if (lo == hi) continue;
                page[pn[x].line] = 1;
                for (size_t y = marked > lo ? marked : lo; y < hi; y++) page[pn[y].line] = 1;
                marked = hi;
            }
        }
        grp[1][0] = grp[0][0], grp[1][1] = grp[0][1];
        grp[0][0] = a, grp[0][1] = b;
        a = b;
    }
}

/* Lines that hold a page number ("12", "F-3", "Page 4", "- 7 -", "1 of 2",
 * "ii") which belongs to the document's run of page numbers: the page
 * before (number - 1, or - 2) stands at least PAGE_RUN_GAP lines above it,
 * or the page after at least as far below.  A bare number anywhere else ("412" in
 * a table, "(1)" before a footnote) is text.  Spelled-out forms ("Page 4",
 * "- 7 -", "1 of 2") and roman numerals need no run.  Sets page[i]. */
static int mark_page_numbers(const seg *g, unsigned char *page)
{
    size_t n = g->nlines, k = 0;
    pnum *pn = malloc((n ? n : 1) * sizeof *pn);
    if (!pn) return -1;
    for (size_t i = 0; i < n; i++) {
        const tline *l = &g->lines[i];
        const char *s = g->s;
        if (l->end == l->start || !items_page_token(s, l->start, l->end)) continue;
        if (s[l->start] == '(') continue; /* "(1)", "(i)": list markers */
        int prefix = 0, num = -1;
        xref_page_number(s, l->start, l->end, &prefix, &num);
        size_t d = l->start;
        while (d < l->end && (sc_is_digit((unsigned char)s[d]) || s[d] == '-' || (sc_is_alpha((unsigned char)s[d]) && d + 1 < l->end && s[d + 1] == '-')))
            d++;
        if (num < 0 || d < l->end) { page[i] = 1; continue; } /* roman, "Page 4", "- 7 -", "1 of 2" */
        pn[k++] = (pnum){i, prefix, num};
    }
    qsort(pn, k, sizeof *pn, cmp_pnum);
    page_pairs(pn, k, page);
    /* A lone page number next to a "Table of Contents" link is at a page
     * break too. */
    for (size_t j = 0; j < k; j++) {
        size_t i = pn[j].line, a = i, b = i + 1;
        if (page[i]) continue;
        while (a > 0 && blank_line(g, a - 1)) a--;
        while (b < n && blank_line(g, b)) b++;
        if ((a > 0 && toc_link(g, a - 1)) || (b < n && toc_link(g, b))) page[i] = 1;
    }
    free(pn);
    return 0;
}

/* The numbers of a running footer climb with the pages: some position of
 * the line's digit runs grows by 1 to 3 from one occurrence to the next,
 * for most of the occurrences, which stand a page apart, and seldom falls
 * (two exhibit lists, "99.1" "99.2" twice over, do not climb). */
static int numbers_climb(const seg *g, const uint32_t *lines, size_t m)
{
    enum { POSITIONS = 4 };
    long prevv[POSITIONS] = {0};
    size_t climbs[POSITIONS] = {0}, falls[POSITIONS] = {0};
    for (size_t k = 0; k < m; k++) {
        const tline *l = &g->lines[lines[k]];
        long v[POSITIONS] = {0};
        int np = 0;
        for (size_t i = l->start; i < l->end && np < POSITIONS;) {
            if (!sc_is_digit((unsigned char)g->s[i])) { i++; continue; }
            uint64_t x;
            i += sc_parse_uint(g->s + i, l->end - i, 0, 1000000, &x);
            v[np++] = (long)x;
        }
        if (k) {
            int apart = lines[k] >= lines[k - 1] + PAGE_RUN_GAP;
            for (int p = 0; p < np; p++) {
                climbs[p] += apart && v[p] > prevv[p] && v[p] <= prevv[p] + 3;
                falls[p] += v[p] < prevv[p];
            }
        }
        memcpy(prevv, v, sizeof v);
    }
    for (int p = 0; p < POSITIONS; p++)
        if (m >= 2 && climbs[p] * 3 >= (m - 1) * 2 && falls[p] * FOOTER_CLIMBS_PER_FALL <= climbs[p])
            return 1; /* "99.1", "99.2", "99.1": no; a numbering that restarts once in 20 pages: yes */
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The short lines, hashed with digits masked and raw, sorted so that
 * lines alike are neighbours; sets g->repeats (how often each line's
 * exact text recurs) and footer[] (lines alike but for numbers that climb
 * page by page).  Returns how many keys. */
static size_t group_lines(seg *g, lkey *keys, uint32_t *members, unsigned char *footer)
{
    size_t n = g->nlines, nk = 0;
    for (size_t i = 0; i < n && i <= UINT32_MAX; i++) { /* lines of 4 GiB of text: fewer */
        tline *l = &g->lines[i];
        if (blank_line(g, i) || l->end - l->start > REPEAT_LINE_MAX) continue;
        keys[nk++] = (lkey){line_hash(g->s, l->start, l->end, 1), (uint32_t)line_hash(g->s, l->start, l->end, 0),
                            (uint32_t)i};
    }
    sort_lkeys(g, keys, nk);
    for (size_t a = 0; a < nk;) {
        size_t b = a, variants = 0;
        while (b < nk && keys[b].masked == keys[a].masked) b++;
        for (size_t k = a; k < b; k++) {
            if (k == a || !same_text(g, &keys[k], &keys[k - 1])) {
                variants++;
                size_t r = k;
                while (r < b && same_text(g, &keys[r], &keys[k])) r++;
                for (size_t q = k; q < r; q++) g->repeats[keys[q].line] = (uint16_t)(r - k < UINT16_MAX ? r - k : UINT16_MAX);
            }
        }
        if (b - a >= RUNNING_REPEATS && variants >= 2) {
            for (size_t k = a; k < b; k++) members[k - a] = keys[k].line;
            qsort(members, b - a, sizeof *members, cmp_u32);
            if (numbers_climb(g, members, b - a))
                for (size_t k = a; k < b; k++) footer[keys[k].line] = 1;
        }
        a = b;
    }
    return nk;
}

/* A footer a tag-stripped document keeps one cell a line ("AbbVie Inc.",
 * "2024 Form 10-K", then the page number): short lines that recur exactly
 * and stand, most times they occur (on FOOTER_PAGES pages at least), among
 * the three lines right above a page number of the run.  "None." closing
 * two or three items at a page's end is text.  above[] is scratch. */
static void cell_footers(seg *g, const lkey *keys, size_t nk, const unsigned char *page, unsigned char *above)
{
    size_t n = g->nlines;
    memset(above, 0, n * sizeof *above);
    for (size_t i = 0; i < n; i++) {
        if (!page[i]) continue;
        for (size_t k = i, seen = 0; k > 0 && seen < FOOTER_LINES;) {
            k--;
            if (blank_line(g, k)) continue;
            if (g->furniture[k] || g->lines[k].end - g->lines[k].start > RUNNING_LINE_MAX) break;
            above[k] = 1;
            seen++;
        }
    }
    for (size_t a = 0; a < nk;) {
        size_t b = a, hits = 0;
        while (b < nk && keys[b].masked == keys[a].masked && same_text(g, &keys[b], &keys[a])) hits += above[keys[b++].line];
        if (hits >= FOOTER_PAGES && hits * 3 >= (b - a) * 2)
            for (size_t k = a; k < b; k++)
                if (above[keys[k].line]) g->furniture[keys[k].line] = 1;
        a = b;
    }
}

/*
 * Page furniture: page numbers of the document's run ("12", "F-3", "1 of
 * 2"), "Table of Contents" links, running footers (short lines with
 * numbers that recur with different numbers climbing page by page: "Apple
 * Inc. | 2024 Form 10-K | 23"), and running headers (short lines that
 * recur exactly and sit right after other furniture, at the top of a page:
 * "Alphabet Inc.").  A date repeated in several audit reports recurs with
 * the same digits, so it is not a footer; dates or list lines that recur
 * with other digits mid-page do not climb a page apart, so they are text.
 */
static int mark_furniture(seg *g)
{
    size_t n = g->nlines;
    lkey *keys = malloc((n ? n : 1) * sizeof *keys);
    uint32_t *members = malloc((n ? n : 1) * sizeof *members);
    g->repeats = calloc(n ? n : 1, sizeof *g->repeats);
    unsigned char *footer = calloc(n ? n : 1, sizeof *footer);
    unsigned char *page = calloc(n ? n : 1, sizeof *page);
    if (!keys || !members || !g->repeats || !footer || !page || mark_page_numbers(g, page)) {
        free(keys); free(members); free(footer); free(page);
        return -1;
    }
    size_t nk = group_lines(g, keys, members, footer);
    int prev_furniture = 0;
    for (size_t i = 0; i < n; i++) {
        if (blank_line(g, i)) continue;
        tline *l = &g->lines[i];
        size_t len = l->end - l->start;
        int f = page[i] || toc_link(g, i) || footer[i];
        if (!f && len <= BACK_LINK_MAX && sc_starts_upper(g->s + l->start, len, "BACK TO ")) f = 1;
        if (!f && prev_furniture && len <= RUNNING_LINE_MAX && g->repeats[i] >= RUNNING_REPEATS) f = 1;
        g->furniture[i] = f;
        prev_furniture = f;
    }
    cell_footers(g, keys, nk, page, footer); /* footer[] is folded in: reused */
    free(keys);
    free(members);
    free(footer);
    free(page);
    return 0;
}

/* The line table kept in edgr_items.priv for edgr_item_text, and the
 * pieces of items whose body is several page ranges. */
typedef struct lines_keep {
    tline *lines;
    unsigned char *furniture;
    size_t n;
    item_span *spans;
    size_t nspans;
} lines_keep;

static const title_def *titles_for(edgr_form_kind kind, size_t *n)
{
    if (kind == EDGR_FORM_8K) { *n = sizeof TITLES_8K / sizeof TITLES_8K[0]; return TITLES_8K; }
    if (kind == EDGR_FORM_10K) { *n = sizeof TITLES_10K / sizeof TITLES_10K[0]; return TITLES_10K; }
    if (kind == EDGR_FORM_10Q) { *n = sizeof TITLES_10Q / sizeof TITLES_10Q[0]; return TITLES_10Q; }
    *n = 0;
    return NULL;
}

/* Where to stop looking for a title: the end of the third non-blank line
 * after the heading's. */
static size_t title_limit(const seg *g, size_t line)
{
    size_t seen = 0, i = line;
    while (i + 1 < g->nlines && seen < 3) {
        i++;
        if (g->lines[i].end > g->lines[i].start) seen++;
    }
    return g->lines[i].end;
}

/* A line is a title's (wrapped, or a variant wording) when this share of
 * its words, in percent, are words of the title. */
enum { TITLE_WORDS_PCT = 70 };
/* A title wraps onto lines of at most this length. */
enum { TITLE_WRAP_MAX = 120 };

/* 1 if most words of [b, e) are words of a known title of `key`. */
static int title_words(const seg *g, size_t b, size_t e, int key, edgr_form_kind kind)
{
    size_t nt, words = 0, hits = 0, pos = b, ws, we;
    const title_def *tt = titles_for(kind, &nt);
    while (next_word(g->s, &pos, e, &ws, &we)) {
        words++;
        int hit = 0;
        for (size_t k = 0; k < nt && !hit; k++) {
            if (tt[k].key != key) continue;
            size_t tp = 0, tn = strlen(tt[k].title), tws, twe;
            while (!hit && next_word(tt[k].title, &tp, tn, &tws, &twe))
                hit = word_eq(g->s + ws, we - ws, tt[k].title + tws, twe - tws);
        }
        hits += hit;
    }
    return words && hits * 100 >= words * TITLE_WORDS_PCT;
}

/* The last word of line a and the first of line b are consecutive words
 * of a known title of `key`: b carries on where a's words stopped. */
static int carries_on(const seg *g, size_t a, size_t b, int key, edgr_form_kind kind)
{
    const char *s = g->s;
    size_t lw = g->lines[a].end, le = lw;
    while (le > g->lines[a].start && !sc_is_alnum((unsigned char)s[le - 1])) le--;
    lw = le;
    while (lw > g->lines[a].start && sc_is_alnum((unsigned char)s[lw - 1])) lw--;
    size_t pos = g->lines[b].start, fs, fe;
    if (lw == le || !next_word(s, &pos, g->lines[b].end, &fs, &fe)) return 0;
    size_t nt;
    const title_def *tt = titles_for(kind, &nt);
    for (size_t k = 0; k < nt; k++) {
        if (tt[k].key != key) continue;
        size_t tp = 0, tn = strlen(tt[k].title), ws, we;
        int prev_hit = 0;
        while (next_word(tt[k].title, &tp, tn, &ws, &we)) {
            if (prev_hit && word_eq(s + fs, fe - fs, tt[k].title + ws, we - ws)) return 1;
            prev_hit = word_eq(s + lw, le - lw, tt[k].title + ws, we - ws);
        }
    }
    return 0;
}

/* The last line of a title that wraps past line `li`: following short
 * lines made mostly of the title's words that carry on where the line
 * before stopped (at most two).  A body that opens by repeating most of
 * an older, shorter title ("Security ownership of certain beneficial
 * owners and management is set forth ...") does not carry on. */
static size_t title_continues(const seg *g, size_t li, int key, edgr_form_kind kind)
{
    for (int n = 0; n < 2; n++) {
        size_t k = li + 1;
        while (k < g->nlines && g->lines[k].end == g->lines[k].start) k++;
        if (k >= g->nlines) break;
        const tline *l = &g->lines[k];
        if (l->end - l->start > TITLE_WRAP_MAX || !title_words(g, l->start, l->end, key, kind) || !carries_on(g, li, k, key, kind))
            break;
        li = k;
    }
    return li;
}

/* How well the words after a heading's code match a known title of `key`:
 * the share of the title's words matched in a row. */
static double title_score(const seg *g, const cand *c, int key, edgr_form_kind kind)
{
    size_t nt, pos = c->rest, after, total;
    const title_def *tt = titles_for(kind, &nt);
    double best = 0;
    for (size_t k = 0; k < nt; k++) {
        if (tt[k].key != key) continue;
        size_t m = match_title(g->s, pos, title_limit(g, c->line), tt[k].title, &after, &total);
        if (total && (double)m / total > best) best = (double)m / total;
    }
    return best;
}

/*
 * Where a heading ends and its body begins.  The title may be on the
 * heading's line, spill onto the next lines (a long title split over two
 * elements) or sit alone on the next line ("Item 2." then "Properties").
 * Sets the title span (title, title_end) and returns the body start (a text offset).
 */
static size_t heading_end(const seg *g, const cand *c, edgr_form_kind kind, size_t *title, size_t *title_end)
{
    const char *s = g->s;
    const tline *l = &g->lines[c->line];
    size_t pos = c->rest;
    while (pos < l->end && !sc_is_alnum((unsigned char)s[pos]) && s[pos] != '[' && s[pos] != '(') pos++;
    *title = pos;
    *title_end = pos;
    size_t nt;
    const title_def *tt = titles_for(kind, &nt);
    int key = c->key_hi; /* a 10-Q's key already holds its part */
    /* Known title: follow its words across up to three lines. */
    size_t best_after = 0, best_words = 0, best_total = 0;
    for (size_t k = 0; k < nt; k++) {
        if (tt[k].key != key) continue;
        size_t after, total;
        size_t m = match_title(s, pos, title_limit(g, c->line), tt[k].title, &after, &total);
        if (m > best_words) { best_words = m; best_after = after; best_total = total; }
    }
    size_t li = c->line;
    if (best_words >= 2 || (best_words == 1 && best_total == 1)) {
        *title_end = best_after;
        while (li + 1 < g->nlines && g->lines[li].end < best_after) li++;
        /* The rest of that line, if short, is part of the heading (e.g. a
         * trailing "(Unaudited)"); a long rest is the body itself. */
        const tline *tl = &g->lines[li];
        size_t rest = best_after;
        while (rest < tl->end && !sc_is_alnum((unsigned char)s[rest])) rest++;
        /* A parenthesis that closes the line, "(Information Regarding
         * Significant Enhancement Providers).", is the title's too. */
        size_t close = tl->end;
        while (close > rest && (s[close - 1] == '.' || s[close - 1] == ':')) close--;
        int paren = 0;
        for (size_t k = best_after; k < rest; k++) paren |= s[k] == '(';
        paren = paren && close > rest && s[close - 1] == ')';
        if (!paren && rest < tl->end && tl->end - rest > HEADING_REST_MAX && !title_words(g, rest, tl->end, key, kind)) return rest;
        if (rest < tl->end) *title_end = tl->end;
        if (best_words < best_total) { /* a variant wording, wrapped */
            size_t k = title_continues(g, li, key, kind);
            if (k != li) { *title_end = g->lines[k].end; return g->lines[k].end; }
        }
        return tl->end;
    }
    if (pos < l->end) {
        /* Unknown title on the line.  A long line is heading then body:
         * the title ends at the first sentence end. */
        if (l->end - l->start > HEADING_BODY_LINE) {
            for (size_t k = pos; k + 1 < l->end; k++)
                if (s[k] == '.' && s[k + 1] == ' ' && k - pos > 8) {
                    *title_end = k + 1;
                    return k + 2;
                }
        }
        *title_end = l->end;
        return l->end;
    }
    /* Bare "Item 5.": a short next line without a full stop is the title. */
    size_t nx = li + 1;
    while (nx < g->nlines && g->lines[nx].end == g->lines[nx].start) nx++;
    if (nx < g->nlines) {
        const tline *t2 = &g->lines[nx];
        size_t len = t2->end - t2->start;
        if (len && len <= TITLE_LINE_MAX && s[t2->end - 1] != '.' && !sc_starts_upper(s + t2->start, len, "ITEM") &&
            !items_part_heading(s, t2->start, t2->end)) {
            *title = t2->start;
            *title_end = t2->end;
            return t2->end;
        }
    }
    return l->end;
}

/* A heading followed by this many words before the next heading has a
 * body, not a line or two of a link list. */
enum { BODY_WORDS = 30 };

/* Fewer item headings with text than this, and a cross-reference index
 * names the items instead. */
enum { MIN_HEADINGS = 3 };

/* A 10-K laid out as an annual report heads few items, if any: its index's
 * items replace the headings found, keeping those the index does not name.
 * Returns -1 on allocation failure. */
static int use_xref(const seg *g, const edgr_text *t, edgr_form_kind kind, const xref_index *x, edgr_items *out,
                    item_span **spans, size_t *nspans)
{
    size_t real = 0, n = out->count;
    for (size_t i = 0; i < n; i++) real += out->items[i].start < out->items[i].end;
    if (real >= MIN_HEADINGS) return 0;
    edgr_item *kept = malloc((real ? real : 1) * sizeof *kept);
    if (!kept) return -1;
    real = 0;
    for (size_t i = 0; i < n; i++)
        if (out->items[i].start < out->items[i].end) kept[real++] = out->items[i];
    out->count = 0;
    int got = xref_items(g, t, kind, x, kept, real, out, spans, nspans);
    if (got == 0) out->count = n; /* nothing appended: the headings stand */
    free(kept);
    return got < 0 ? -1 : 0;
}

/* Line i opens a page: above it, past blank lines and short "PART ..."
 * lines, stands page furniture (a page number, a Table of Contents link). */
static int page_top(const seg *g, size_t i)
{
    while (i > 0) {
        i--;
        const tline *l = &g->lines[i];
        size_t len = l->end - l->start;
        if (!len) continue;
        if (len >= 5 && len <= PART_LINE_MAX && sc_eq_upper(g->s + l->start, 5, "PART ")) continue;
        return g->furniture[i];
    }
    return 0;
}

/* A running page header made of item codes alone ("Item 7A", "Item 9,
 * 9A"), as Microsoft prints atop each page: nothing but codes on the line,
 * at the top of a page, and followed by a heading or by running text
 * rather than by a title line.  (A bare code atop a page followed by a
 * title line may be the item's real heading; if it repeats an item headed
 * above, the chain's post-processing makes it furniture.) */
static int running_item_header(seg *g, size_t i, size_t rest, int key, edgr_form_kind kind)
{
    const tline *l = &g->lines[i];
    for (size_t k = rest; k < l->end; k++)
        if (sc_is_alnum((unsigned char)g->s[k])) return 0;
    if (!page_top(g, i)) return 0;
    size_t k = i + 1;
    while (k < g->nlines && g->lines[k].end == g->lines[k].start) k++;
    if (k >= g->nlines) return 0;
    const tline *n = &g->lines[k];
    int next_heading = n->end - n->start >= 4 && sc_eq_upper(g->s + n->start, 4, "ITEM");
    int next_text = n->end - n->start > TITLE_LINE_MAX && !title_words(g, n->start, n->end, key, kind);
    if (!next_heading && !next_text) return 0;
    /* The "PART II" or "PART I, II" line above it belongs to the header. */
    for (k = i; k > 0 && (g->lines[k - 1].end == g->lines[k - 1].start || !g->furniture[k - 1]);) {
        k--;
        if (g->lines[k].end > g->lines[k].start) g->furniture[k] = 1;
    }
    return 1;
}

/* 10-Q item keys (number*10 + letter) a sentence names with their part,
 * "Part II, Item 4" or "Part I Item 2": an amendment's preamble says which
 * part the item it carries belongs to.  mention[key] has bit 1 for Part I,
 * bit 2 for Part II. */
enum { MENTION_KEYS = 70 };

static void find_part_mentions(const seg *g, unsigned char mention[MENTION_KEYS])
{
    const char *s = g->s;
    for (size_t li = 0; li < g->nlines; li++) {
        size_t b = g->lines[li].start, e = g->lines[li].end;
        for (size_t i = b; i + 8 < e; i++) {
            if ((s[i] | 32) != 'p' || !sc_eq_upper(s + i, 4, "PART") || (i > b && sc_is_alnum((unsigned char)s[i - 1])))
                continue;
            size_t j = items_skip_blanks(s, i + 4, e), r = j;
            while (j < e && s[j] == 'I') j++;
            int part = j - r == 1 ? 1 : j - r == 2 ? 2 : 0;
            if (!part || (j < e && sc_is_alnum((unsigned char)s[j]))) continue;
            if (j < e && s[j] == ',') j++;
            j = items_skip_blanks(s, j, e);
            if (e - j < 6 || !sc_eq_upper(s + j, 4, "ITEM") || !sc_is_blank((unsigned char)s[j + 4])) continue;
            j = items_skip_blanks(s, j + 4, e);
            char code[16];
            int key = items_parse_code(s, &j, e, EDGR_FORM_10Q, 0, code);
            if (key >= 0 && key < MENTION_KEYS) mention[key] |= (unsigned char)part;
        }
    }
}

/* The text from `body` to line `stop` is one page number and nothing
 * else: a table-of-contents entry laid out one cell a line (a tag-stripped
 * document's), whose "body" is its page column. */
static int only_a_page_number(const seg *g, size_t body, size_t stop)
{
    size_t lo = 0, hi = g->nlines, seen = 0, num = 0;
    while (lo < hi) { size_t m = (lo + hi) / 2; if (g->lines[m].end <= body) lo = m + 1; else hi = m; }
    for (size_t i = lo; i < stop && seen < 2; i++) {
        const tline *l = &g->lines[i];
        size_t b = l->start > body ? l->start : body;
        if (l->end <= b) continue;
        seen++;
        num += items_page_token(g->s, b, l->end);
    }
    return seen == 1 && num == 1;
}

/* A line that is only "Item", "Items" or "Part", right above a line (no
 * blank between) that opens with the code or numeral: the two are one
 * heading whose source line wrapped ("<B>Item\n1. Business</B>"), as a
 * tag-stripped document keeps it.  prev is the line before; [b, e) the new
 * line, which starts at raw offset `raw`. */
static int lone_heading_word(const char *s, const tline *prev, size_t raw, size_t b, size_t e)
{
    size_t n = prev->end - prev->start;
    if (prev->end + 1 != raw || b >= e || n < 4 || n > 5) return 0;
    const char *w = s + prev->start;
    int item = sc_eq_upper(w, 4, "ITEM") && (n == 4 || (w[4] | 32) == 's');
    int part = n == 4 && sc_eq_upper(w, 4, "PART");
    if (item) return sc_is_digit((unsigned char)s[b]);
    if (part) {
        size_t k = b;
        while (k < e && (s[k] == 'I' || s[k] == 'V')) k++;
        return k > b && (k == e || !sc_is_alnum((unsigned char)s[k]));
    }
    return 0;
}

/* The 8-K items were renumbered (1.01-9.01) by the rules effective
 * 2004-08-23 (docs/edgar-format.md 4.1); before, Items 1-12. */
enum { LEGACY_8K_UNTIL = 20040823 };

static int parse_date8(const char *d)
{
    if (!d) return 0;
    int v = 0, n = 0;
    for (; *d && n < 8; d++)
        if (sc_is_digit((unsigned char)*d)) v = v * 10 + (*d - '0'), n++;
    return n == 8 ? v : 0;
}

/* A date in the words of s[b, e): "March 3, 2003", "DEC. 9, 1999",
 * "3/3/2003", as the facts kit reads dates (edgr_date_find).  YYYYMMDD, or
 * 0. */
static int date_in(const char *s, size_t b, size_t e)
{
    char iso[11];
    return e > b && edgr_date_find(s + b, e - b, iso, NULL, NULL) ? parse_date8(iso) : 0;
}

/* An 8-K cover's "Date of Report (Date of earliest event reported): March 3,
 * 2003", the date on the caption's line or one of the three after it.
 * YYYYMMDD, or 0. */
static int cover_report_date(const seg *g)
{
    const char *s = g->s;
    for (size_t i = 0; i < g->nlines && i < COVER_REPORT_LINES; i++) {
        const tline *l = &g->lines[i];
        size_t q = l->start, ws, we, after = 0;
        int k = 0;
        static const char *const cap[3] = {"date", "of", "report"};
        while (k < 3 && next_word(s, &q, l->end, &ws, &we)) {
            if (word_eq(s + ws, we - ws, cap[k], strlen(cap[k]))) k++;
            else k = word_eq(s + ws, we - ws, "date", 4);
            after = we;
        }
        if (k < 3) continue;
        /* past "(Date of earliest event reported)" when it is on the line */
        const char *close = memchr(s + after, ')', l->end - after);
        int d = date_in(s, close ? (size_t)(close - s) : after, l->end);
        for (size_t j = i + 1; !d && j < g->nlines && j <= i + 3; j++) d = date_in(s, g->lines[j].start, g->lines[j].end);
        return d;
    }
    return 0;
}

/* An 8-K with no filing date (a bare document): the old single-number
 * items unless the cover dates the report on or after 2004-08-23, and only
 * when no heading has an N.NN code. */
static int undated_8k_legacy(const seg *g)
{
    int d = cover_report_date(g);
    if (d >= LEGACY_8K_UNTIL) return 0;
    for (size_t i = 0; i < g->nlines; i++) {
        cand c;
        if (heading_at(g->s, &g->lines[i], EDGR_FORM_8K, 0, &c)) return 0;
    }
    return 1;
}

/* The segmenter's working state over one document, shared by the steps of
 * edgr_items_find. */
typedef struct finder {
    const edgr_text *t;
    edgr_form_kind kind;
    int legacy;            /* 8-K: the single-number items before 2004  */
    seg g;
    xref_index x;
    cand *cands;
    size_t ncand, capc;
    unsigned char *parts;  /* per line: the Part heading's number, or 0 */
    unsigned char *sigs;   /* per line: 1 a signature block, 2 "ITEM X." */
    unsigned char mention[MENTION_KEYS];
    int mentions_read;     /* find_part_mentions runs when first needed */
    item_span *spans;
    size_t nspans;
} finder;

/* Step 1: the line table, each line trimmed of blanks (Unicode ones too);
 * a lone "Item" line and the code line below it are one line.  -1 when
 * out of memory. */
static int cut_lines(seg *g)
{
    const char *s = g->s;
    size_t n = g->n, nl = 1;
    for (size_t i = 0; i < n; i++) nl += s[i] == '\n';
    g->lines = malloc(nl * sizeof *g->lines);
    g->furniture = calloc(nl, sizeof *g->furniture);
    if (!g->lines || !g->furniture) return -1;
    for (size_t i = 0; i < n;) {
        const char *eol = memchr(s + i, '\n', n - i);
        size_t j = eol ? (size_t)(eol - s) : n;
        size_t b = items_skip_blanks(s, i, j), e = j;
        for (;;) { /* trailing blanks, Unicode ones included */
            if (e > b && sc_is_space((unsigned char)s[e - 1])) { e--; continue; }
            if (e >= b + 3 && items_blank_at(s + e - 3, s + e) == 3) { e -= 3; continue; }
            if (e >= b + 2 && items_blank_at(s + e - 2, s + e) == 2) { e -= 2; continue; }
            break;
        }
        if (g->nlines && lone_heading_word(s, &g->lines[g->nlines - 1], i, b, e)) {
            g->lines[g->nlines - 1].end = (uint32_t)e; /* "Item" / "1. Business": one heading line */
            i = j + 1;
            continue;
        }
        g->lines[g->nlines++] = (tline){(uint32_t)b, (uint32_t)e};
        i = j + 1;
    }
    return 0;
}

/* "Pursuant to the requirements of the Securities Exchange Act ...
 * signed": a signature block without its heading. */
static int signature_sentence(const char *s, const tline *l)
{
    size_t len = l->end - l->start;
    if (len <= SIGNATURE_SENTENCE_MIN ||
        !(sc_starts_upper(s + l->start, len, "PURSUANT TO THE REQUIREMENTS OF THE SECURITIES EXCHANGE ACT") ||
          sc_starts_upper(s + l->start, len, "PURSUANT TO THE REQUIREMENTS OF THE SECURITIES AND EXCHANGE ACT")))
        return 0;
    size_t q = l->start, ws, we;
    while (next_word(s, &q, l->end, &ws, &we))
        if (word_eq(s + ws, we - ws, "signed", 6)) return 1;
    return 0;
}

/* "ITEM X." (no code) still heads something that is not the item before
 * it. */
static int lettered_item_line(const char *s, const tline *l)
{
    size_t len = l->end - l->start;
    return len >= 7 && len <= LETTERED_ITEM_MAX && sc_eq_upper(s + l->start, 5, "ITEM ") && !sc_is_digit((unsigned char)s[l->start + 5]) &&
           s[l->start + 6] == '.' && !sc_is_alnum((unsigned char)s[l->start + 7 < l->end ? l->start + 7 : l->start + 6]);
}

/* A heading is short, or opens with its title: a long line that starts
 * "Item 7 of ..." is prose, and so is "Item 1A of Part II". */
static int heading_is_prose(const char *s, const tline *l, const cand *c, edgr_form_kind kind)
{
    size_t ws, we, q = c->rest;
    if (l->end - l->start > HEADING_LINE_MAX && kind != EDGR_FORM_8K) return 1;
    return next_word(s, &q, l->end, &ws, &we) &&
           (word_eq(s + ws, we - ws, "of", 2) || word_eq(s + ws, we - ws, "in", 2) || word_eq(s + ws, we - ws, "to", 2));
}

/* A 10-Q heading's part: the Part heading in force, unless its title names
 * the other part, or (with no Part heading yet) a sentence names the
 * item's part ("amends Part II, Item 4").  Adds the part to the keys. */
static void tenq_part(finder *f, cand *c)
{
    int heading_part = c->part;
    if (!c->part) c->part = 1; /* before any Part heading */
    /* The title tells the part when the Part heading is missing or only
     * the table of contents had one. */
    double p1 = title_score(&f->g, c, 1000 + c->key_hi, f->kind), p2 = title_score(&f->g, c, 2000 + c->key_hi, f->kind);
    if (p1 >= 0.6 && p2 < 0.6) c->part = 1;
    else if (p2 >= 0.6 && p1 < 0.6) c->part = 2;
    else if (!heading_part && c->key_hi < MENTION_KEYS) {
        if (!f->mentions_read) find_part_mentions(&f->g, f->mention), f->mentions_read = 1;
        if (f->mention[c->key_hi] == 1 || f->mention[c->key_hi] == 2) c->part = f->mention[c->key_hi];
    }
    int base = c->part * 1000;
    for (int k = 0; k < c->ncodes; k++) c->keys[k] += base;
    c->key_lo += base;
    c->key_hi += base;
}

/* Line i as an item heading, given the part in force: 1 with *c filled,
 * 0 if it is none (a running header is marked furniture). */
static int candidate_at(finder *f, size_t i, int part, cand *c)
{
    const char *s = f->g.s;
    const tline *l = &f->g.lines[i];
    edgr_form_kind kind = f->kind;
    memset(c, 0, sizeof *c);
    if (!heading_at(s, l, kind, f->legacy, c)) {
        if (lettered_item_line(s, l)) f->sigs[i] = 2;
        return 0;
    }
    /* A heading repeated on every page is a running header, and so is a
     * bare "Item 7A" or "Item 2, 3, 4, 5" atop a page that goes on with
     * the real heading or with running text. */
    if (f->g.repeats[i] >= RUNNING_REPEATS ||
        running_item_header(&f->g, i, c->rest, c->key_hi + (kind == EDGR_FORM_10Q ? part * 1000 : 0), kind)) {
        f->g.furniture[i] = 1;
        return 0;
    }
    if (heading_is_prose(s, l, c, kind)) return 0;
    c->line = i;
    c->part = kind == EDGR_FORM_10Q ? part : kind == EDGR_FORM_10K ? items_part_of_10k(c->key_lo) : 0;
    /* Until 2006 Item 14 was the exhibits item, in Part IV. */
    if (kind == EDGR_FORM_10K && c->key_lo == 140 && part == 4) c->part = 4;
    c->toc = toc_row(s, l->start, l->end);
    c->top = page_top(&f->g, i);
    if (kind == EDGR_FORM_10Q) tenq_part(f, c);
    return 1;
}

/* Step 2: candidates, Part headings and signature headings, line by line.
 * -1 when out of memory. */
static int find_candidates(finder *f)
{
    const seg *g = &f->g;
    f->capc = 64;
    f->cands = malloc(f->capc * sizeof *f->cands);
    f->parts = calloc(g->nlines, sizeof *f->parts);
    f->sigs = calloc(g->nlines, sizeof *f->sigs);
    if (!f->cands || !f->parts || !f->sigs) return -1;
    int part = 0;
    for (size_t i = 0; i < g->nlines; i++) {
        const tline *l = &g->lines[i];
        if (l->end == l->start) continue;
        /* A cross-reference index lists items with their pages: its rows,
         * and its Part rows, head nothing. */
        if (f->x.nrows && i >= f->x.first_line && i <= f->x.last_line) continue;
        int p = items_part_heading(g->s, l->start, l->end);
        if (p && continues_sentence(g, i)) p = 0;
        if (p) { f->parts[i] = p; part = p; continue; }
        if (items_signature_heading(g->s, l->start, l->end) || signature_sentence(g->s, l)) { f->sigs[i] = 1; continue; }
        cand c;
        if (!candidate_at(f, i, part, &c) || c.toc) continue;
        if (f->ncand == MAX_CANDIDATES) break;
        if (arr_reserve(&f->cands, &f->capc, f->ncand + 1, sizeof *f->cands, MAX_CANDIDATES)) return -1;
        f->cands[f->ncand++] = c;
    }
    return 0;
}

/* Step 3: weights.  A heading followed by text before the next candidate
 * is worth more than one followed by the next heading (a TOC entry, or a
 * link list at the end: "ITEM 14" then "PART IV" then "ITEM 15"), and
 * among those one followed by a paragraph's worth of text is worth a
 * little more, so that of two chains with as many headings the one with
 * the bodies wins the tie. */
static void weigh_candidates(finder *f)
{
    const seg *g = &f->g;
    for (size_t k = 0; k < f->ncand; k++) {
        cand *c = &f->cands[k];
        size_t body = c->body = heading_end(g, c, f->kind, &c->title, &c->title_end);
        size_t stop_line = k + 1 < f->ncand ? f->cands[k + 1].line : g->nlines;
        for (size_t li = c->line + 1; li < stop_line; li++)
            if ((f->parts[li] || f->sigs[li]) && g->lines[li].start >= body) { stop_line = li; break; }
        size_t stop = stop_line < g->nlines ? g->lines[stop_line].start : g->n;
        size_t words = 0, q = body, ws, we;
        if (body < stop) while (words < BODY_WORDS && next_word(g->s, &q, stop, &ws, &we)) words++;
        if (words && only_a_page_number(g, body, stop_line)) words = 0; /* "Item 1." / "Business" / "3" */
        c->weight = 1.0 + (words >= 1 ? 0.5 : 0.0) + (words >= BODY_WORDS ? 0.1 : 0.0);
    }
}

/* Step 4: the heaviest chain of candidates in canonical order (ties: the
 * later), as indexes into f->cands in *chain (caller frees).  A pre-2004
 * 8-K often puts Item 7 (financial statements and exhibits) last, after
 * Item 9 or 12: that order is tried too, and wins when its chain is
 * heavier.  -1 when out of memory. */
static int best_chain(finder *f, int **chain, int *nchain)
{
    cand *cands = f->cands;
    double chosen = -1;
    *chain = NULL;
    *nchain = 0;
    for (int variant = 0; variant < (f->legacy ? 2 : 1); variant++) {
        double top = 0;
        int last = -1;
        for (size_t k = 0; k < f->ncand; k++) {
            cand *c = &cands[k];
            int lo = variant && c->key_lo == 7 ? 99 : c->key_lo;
            c->best = c->weight;
            c->prev = -1;
            for (size_t j = 0; j < k; j++) {
                cand *p = &cands[j];
                int hi = variant && (p->key_hi == 7 || p->key_lo == 7) ? 99 : p->key_hi;
                if (hi >= lo || p->line >= c->line) continue;
                if (p->best + c->weight >= c->best) { c->best = p->best + c->weight; c->prev = (int)j; }
            }
            if (c->best >= top) { top = c->best; last = (int)k; }
        }
        if (top <= chosen) continue;
        chosen = top;
        int len = 0;
        for (int k = last; k >= 0; k = cands[k].prev) len++;
        int *nc = realloc(*chain, (size_t)(len ? len : 1) * sizeof **chain);
        if (!nc) { free(*chain); *chain = NULL; return -1; }
        *chain = nc;
        *nchain = len;
        int at = len;
        for (int k = last; k >= 0; k = cands[k].prev) (*chain)[--at] = k;
    }
    if (!*chain && !(*chain = malloc(sizeof **chain))) return -1;
    return 0;
}

/* Step 5: running headers among the chosen headings.  A chosen heading
 * atop a page, after an earlier heading of the same item that is not atop
 * a page and has text, is the page's running header: Mastercard prints
 * "PART I" and "ITEM 1C. CYBERSECURITY" atop each page of the item, and
 * ties go to the later candidate.  The earlier heading is the item's; the
 * running headers, and every other heading of the same item atop a page
 * between the chosen headings around it, are furniture. */
static void drop_running_headers(finder *f, int *chain, int nchain)
{
    const cand *cands = f->cands;
    for (int ci = 1; ci < nchain; ci++) { /* before the first: the contents */
        const cand *c = &cands[chain[ci]];
        if (!c->top) continue;
        size_t after = cands[chain[ci - 1]].line;
        int j = chain[ci];
        while (j > 0 && cands[j - 1].line > after) j--;
        for (; j < chain[ci]; j++)
            if (cands[j].key_lo == c->key_lo && cands[j].key_hi == c->key_hi && !cands[j].top && cands[j].weight >= 1.5)
                break;
        if (j < chain[ci]) chain[ci] = j;
    }
    for (int ci = 0; ci < nchain; ci++) {
        const cand *c = &cands[chain[ci]];
        int from = ci ? chain[ci - 1] + 1 : 0, until = ci + 1 < nchain ? chain[ci + 1] : (int)f->ncand;
        for (int m = from; m < until; m++)
            if (m != chain[ci] && cands[m].top && cands[m].key_lo == c->key_lo && cands[m].key_hi == c->key_hi)
                f->g.furniture[cands[m].line] = 1;
    }
}

/* Where the item of chain[ci] ends: at the next chosen heading, or at a
 * later Part heading or the signature block before it (after the last
 * item, the signature block).  Only a later part ends an item: some filers
 * repeat "PART I" atop every page of Part I. */
static size_t item_end(const finder *f, const int *chain, int nchain, int ci, size_t body)
{
    const seg *g = &f->g;
    const cand *c = &f->cands[chain[ci]];
    size_t next_line = ci + 1 < nchain ? f->cands[chain[ci + 1]].line : g->nlines;
    size_t end = next_line < g->nlines ? g->lines[next_line].start : g->n;
    int my_part = f->kind == EDGR_FORM_10Q ? c->key_hi / 1000 : f->kind == EDGR_FORM_10K ? c->part : 0;
    for (size_t li = c->line + 1; li < next_line; li++) {
        if ((f->parts[li] > my_part && ci + 1 < nchain) || f->sigs[li]) {
            if (g->lines[li].start < body) continue;
            return g->lines[li].start;
        }
    }
    return end;
}

/* Step 6: the items of the chain, one per code of each heading, into out.
 * -1 when out of memory. */
static int emit_items(finder *f, const int *chain, int nchain, edgr_items *out)
{
    const seg *g = &f->g;
    edgr_form_kind kind = f->kind;
    for (int ci = 0; ci < nchain; ci++) {
        const cand *c = &f->cands[chain[ci]];
        size_t title = c->title, title_end = c->title_end, body = c->body;
        size_t end = item_end(f, chain, nchain, ci, body);
        if (body > end) body = end;
        items_trim_body(g, &body, &end);
        for (int k = 0; k < c->ncodes; k++) {
            edgr_item it;
            memset(&it, 0, sizeof it);
            memcpy(it.item, c->codes[k], sizeof it.item);
            int pk = kind == EDGR_FORM_10Q ? c->keys[k] / 1000 : kind == EDGR_FORM_10K ? items_part_of_10k(c->keys[k]) : 0;
            if (kind == EDGR_FORM_10K && c->ncodes == 1) pk = c->part;
            strcpy(it.part, part_name(pk));
            it.heading = g->lines[c->line].start;
            it.title = title;
            it.title_len = title_end > title ? title_end - title : 0;
            while (it.title_len && strchr(".:;- \t\n", g->s[title + it.title_len - 1])) it.title_len--;
            it.start = body;
            it.end = end;
            it.src_start = edgr_text_source_offset(f->t, body);
            it.src_end = items_source_after(g, f->t, end);
            it.combined = c->ncodes > 1;
            if (items_push(out, &it)) return -1;
        }
    }
    return 0;
}

/* Step 7: the line table and the spans go into out->priv, for
 * edgr_item_text.  -1 when out of memory. */
static int keep_lines(finder *f, edgr_items *out)
{
    lines_keep *k = out->priv;
    if (!k && (k = out->priv = calloc(1, sizeof *k)) == NULL) return -1;
    free(k->lines);
    free(k->furniture);
    free(k->spans);
    k->lines = f->g.lines;
    k->furniture = f->g.furniture;
    k->n = f->g.nlines;
    k->spans = f->spans;
    k->nspans = f->nspans;
    f->g.lines = NULL;
    f->g.furniture = NULL;
    f->spans = NULL;
    return 0;
}

static void finder_free(finder *f)
{
    free(f->spans);
    xref_free(&f->x);
    free(f->g.lines);
    free(f->g.furniture);
    free(f->g.repeats);
    free(f->cands);
    free(f->parts);
    free(f->sigs);
}

/* The steps: lines, page furniture and the cross-reference index, heading
 * candidates, their weights, the heaviest chain, running headers, the
 * items; an index's items replace too few headings. */
static int find_items(finder *f, edgr_items *out)
{
    if (cut_lines(&f->g)) return -1;
    if (f->kind == EDGR_FORM_8K && f->legacy < 0) f->legacy = undated_8k_legacy(&f->g);
    if (mark_furniture(&f->g) || xref_find(&f->g, f->kind, &f->x) < 0) return -1;
    if (find_candidates(f)) return -1;
    weigh_candidates(f);
    int *chain, nchain;
    if (best_chain(f, &chain, &nchain)) return -1;
    drop_running_headers(f, chain, nchain);
    int bad = emit_items(f, chain, nchain, out);
    free(chain);
    if (bad) return -1;
    if (f->x.nrows && use_xref(&f->g, f->t, f->kind, &f->x, out, &f->spans, &f->nspans)) return -1;
    return 0;
}

edgr_status edgr_items_find(const edgr_text *t, edgr_form_kind kind, const char *filing_date,
                            edgr_items *out)
{
    if (!t || !out) return EDGR_ERR_ARG;
    out->count = 0;
    if (kind == EDGR_FORM_OTHER || !t->len) return EDGR_OK;
    if (t->len > ITEMS_TEXT_MAX) return EDGR_ERR_LIMIT; /* 4 GiB of text: TEXT_CAP's */
    int date = parse_date8(filing_date);
    finder f = {.t = t, .kind = kind, .g = {.s = t->data, .n = t->len}};
    /* no filing date: the 8-K's cover and headings decide (-1, step 1) */
    f.legacy = kind != EDGR_FORM_8K ? 0 : !date ? -1 : date < LEGACY_8K_UNTIL;
    edgr_status st = find_items(&f, out) || keep_lines(&f, out) ? EDGR_ERR_NOMEM : EDGR_OK;
    finder_free(&f);
    return st;
}

void edgr_items_free(edgr_items *it)
{
    if (!it) return;
    lines_keep *k = it->priv;
    if (k) {
        free(k->lines);
        free(k->furniture);
        free(k->spans);
        free(k);
    }
    free(it->items);
    *it = (edgr_items){0};
}

edgr_form_kind edgr_form_kind_of(const char *type, size_t len)
{
    if (!type) return EDGR_FORM_OTHER;
    if (len >= 3 && sc_starts_upper(type, len, "8-K")) return EDGR_FORM_8K;
    if (len >= 4 && sc_starts_upper(type, len, "10-K")) return EDGR_FORM_10K;
    if (len >= 4 && sc_starts_upper(type, len, "10-Q")) return EDGR_FORM_10Q;
    return EDGR_FORM_OTHER;
}

/* The most edgr_item_text writes: an item is lines of a text, which its
 * converter caps at 4 GiB (TEXT_CAP), with at most two line breaks between
 * them. */
#define ITEM_TEXT_CAP ((size_t)1 << 32)

/* Where an item's text goes: a buffer (edgr_item_text) or a writer
 * (edgr_item_text_write), `len` bytes so far. */
typedef struct item_out {
    edgr_buf *buf;
    edgr_write_fn write;
    void *user;
    size_t len;
} item_out;

static edgr_status item_put(item_out *o, const char *p, size_t n)
{
    if (o->buf) {
        if (buf_reserve(o->buf, n + 1, ITEM_TEXT_CAP)) return EDGR_ERR_NOMEM;
        memcpy(o->buf->data + o->buf->len, p, n);
        o->buf->len += n;
    } else if (n && o->write(o->user, p, n)) {
        return EDGR_ERR_ABORTED;
    }
    o->len += n;
    return EDGR_OK;
}

/* Put the lines of [start, end), furniture left out; *blank says a blank
 * line is owed before the next. */
static edgr_status append_lines(const lines_keep *k, const edgr_text *t, size_t start, size_t end, item_out *out,
                                int *blank)
{
    size_t lo = 0, hi = k->n;
    while (lo < hi) { size_t m = (lo + hi) / 2; if (k->lines[m].end < start) lo = m + 1; else hi = m; }
    edgr_status st = EDGR_OK;
    for (size_t i = lo; i < k->n && k->lines[i].start < end && st == EDGR_OK; i++) {
        const tline *l = &k->lines[i];
        size_t b = l->start > start ? l->start : start;
        size_t e = l->end < end ? l->end : end;
        if (e <= b) { *blank = out->len > 0; continue; }
        if (k->furniture[i] && b == l->start) continue;
        if (out->len) st = item_put(out, "\n\n", *blank ? 2 : 1);
        *blank = 0;
        /* keep the line's own indentation (plain-text tables) */
        size_t from = b;
        while (from > start && from > 0 && (t->data[from - 1] == ' ' || t->data[from - 1] == '\t') && b == l->start) from--;
        if (st == EDGR_OK) st = item_put(out, t->data + from, e - from);
    }
    return st;
}

static edgr_status item_text(const edgr_items *its, const edgr_text *t, size_t idx, item_out *out)
{
    const lines_keep *k = its->priv;
    const edgr_item *it = &its->items[idx];
    int blank = 0, pieces = 0;
    edgr_status st = EDGR_OK;
    /* An item named by several page ranges reads as those pages only, a
     * blank line between them. */
    for (size_t i = 0; i < k->nspans && st == EDGR_OK; i++) {
        if (k->spans[i].item != idx) continue;
        if (pieces++) blank = out->len > 0;
        st = append_lines(k, t, k->spans[i].start, k->spans[i].end, out, &blank);
    }
    if (!pieces && st == EDGR_OK) st = append_lines(k, t, it->start, it->end, out, &blank);
    return st;
}

edgr_status edgr_item_text(const edgr_items *its, const edgr_text *t, size_t idx, edgr_buf *out)
{
    if (!its || !t || !out || idx >= its->count || !its->priv) return EDGR_ERR_ARG;
    out->len = 0;
    item_out o = {.buf = out};
    edgr_status st = item_text(its, t, idx, &o);
    if (out->data) out->data[out->len] = '\0';
    return st;
}

edgr_status edgr_item_text_write(const edgr_items *its, const edgr_text *t, size_t idx, edgr_write_fn write,
                                 void *user)
{
    if (!its || !t || !write || idx >= its->count || !its->priv) return EDGR_ERR_ARG;
    item_out o = {.write = write, .user = user};
    return item_text(its, t, idx, &o);
}

size_t edgr_item_title(const edgr_items *its, const edgr_text *t, size_t i, char *out, size_t cap)
{
    if (!out || !cap) return 0;
    out[0] = 0;
    if (!its || !t || i >= its->count) return 0;
    const edgr_item *it = &its->items[i];
    if (it->title > t->len || it->title_len > t->len - it->title) return 0;
    const char *p = t->data + it->title;
    size_t k = 0;
    int space = 0;
    for (size_t j = 0; j < it->title_len && k + 2 < cap; j++) {
        char ch = p[j];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') { space = k > 0; continue; }
        if (space) out[k++] = ' ';
        space = 0;
        out[k++] = ch;
    }
    out[k] = 0;
    return k;
}
