/* Item segmentation: one test per heading pattern and quirk of the issue. */
#include <stdlib.h>

#include "edgr/items.h"
#include "edgr/text.h"
#include "test.h"

/* Items of an HTML (or, with plain, text) body; returns the count and
 * leaves them in the statics below. */
static edgr_text T;
static edgr_items I;
static edgr_buf B;

static size_t items_of(const char *body, int plain, edgr_form_kind kind, const char *date)
{
    size_t n = strlen(body);
    if (plain) edgr_plain_to_text(body, n, EDGR_CS_ASCII, NULL, &T);
    else edgr_html_to_text(body, n, EDGR_CS_UTF8, NULL, &T);
    CHECK(edgr_items_find(&T, kind, date, &I) == EDGR_OK);
    return I.count;
}

/* The cleaned text of the item with this part and code, or NULL. */
static const char *item(const char *part, const char *code)
{
    for (size_t i = 0; i < I.count; i++)
        if (!strcmp(I.items[i].code, code) && (!part || !strcmp(I.items[i].part, part))) {
            edgr_item_text(&I, &T, i, &B);
            return B.data ? B.data : "";
        }
    return NULL;
}

static int starts(const char *s, const char *p) { return s && !strncmp(s, p, strlen(p)); }
static int ends(const char *s, const char *p)
{
    size_t a = s ? strlen(s) : 0, b = strlen(p);
    return s && a >= b && !strcmp(s + a - b, p);
}

#define CHECK_ITEM(part, code, first, last)                                        \
    do {                                                                           \
        const char *t_ = item(part, code);                                         \
        if (!t_ || !starts(t_, first) || !ends(t_, last)) {                        \
            fprintf(stderr, "  %s:%d: item %s %s is \"%s\"\n", __FILE__, __LINE__, \
                    part ? part : "", code, t_ ? t_ : "(missing)");                \
            test_failures++;                                                       \
        }                                                                          \
    } while (0)

TEST(items_8k_heading_in_a_table_cell_and_bold_subheadings)
{
    const char *html =
        "<p>FORM 8-K</p><table><tr><td><b>ITEM 7.01</b></td><td><b>REGULATION FD DISCLOSURE</b></td></tr></table>"
        "<p>On March 8, 2031, we issued a press release.</p><p><b>Background</b></p>"
        "<p>More about it, incorporated by reference herein.</p>"
        "<table><tr><td>Item 9.01</td><td>Financial Statements and Exhibits</td></tr></table>"
        "<p>(d) Exhibits</p><table><tr><td>99.1</td><td>Press release</td></tr></table>"
        "<p align=center><b>SIGNATURE</b></p><p>Pursuant to the requirements ... duly authorized.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_8K, "20310308") == 2);
    CHECK_ITEM(NULL, "7.01", "On March 8, 2031", "incorporated by reference herein.");
    CHECK_ITEM(NULL, "9.01", "(d) Exhibits", "Press release");
    CHECK(I.count == 2 && strcmp(I.items[0].part, "") == 0);
}

TEST(items_8k_before_august_2004_use_the_old_numbers)
{
    const char *txt = "ITEM 5.  OTHER EVENTS.\n\n     The Company sold its mill.\n\n"
                      "ITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS.\n\n     (c) Exhibits: 99 Press release.\n\n"
                      "                              SIGNATURES\n\n     Pursuant to ...\n";
    CHECK(items_of(txt, 1, EDGR_FORM_8K, "1999-07-09") == 2);
    CHECK_ITEM(NULL, "5", "The Company sold its mill.", "The Company sold its mill.");
    CHECK_ITEM(NULL, "7", "(c) Exhibits", "Press release.");
    /* the same words after 2004-08-23 name no current item */
    CHECK(items_of(txt, 1, EDGR_FORM_8K, "20050101") == 0);
    /* "Items 1 through 4 Not Applicable" lists items, it heads none */
    CHECK(items_of("Items 1 through 4 Not Applicable.\n\nItem 5. Other Events.\n\nText.\n", 1, EDGR_FORM_8K,
                   "19961224") == 1);
}

/* A 10-K skeleton: table of contents, then the items. */
static const char *TENK_TOC_PAGES =
    "<p>TABLE OF CONTENTS</p><table>"
    "<tr><td>Item 1.</td><td>Business</td><td>3</td></tr>"
    "<tr><td>Item 1A.</td><td>Risk Factors</td><td>5</td></tr>"
    "<tr><td>Item 2.</td><td>Properties</td><td>9</td></tr>"
    "<tr><td>Item 7.</td><td>Management's Discussion and Analysis</td><td>12</td></tr></table>";
static const char *TENK_TOC_LINKS = /* no page numbers: hyperlinks only */
    "<p>INDEX</p><p><a href='#i1'>Item 1. Business</a></p><p><a href='#i1a'>Item 1A. Risk Factors</a></p>"
    "<p><a href='#i2'>Item 2. Properties</a></p><p><a href='#i7'>Item 7. Management's Discussion</a></p>";
static const char *TENK_BODY =
    "<p>PART I</p><p><b>Item 1. Business</b></p><p>Zentrix Corp. makes valves. See Item 1A for risks.</p>"
    "<p><b>Our Products</b></p><p>Valves and more valves.</p>"
    "<p style='text-align:center'>3</p><hr style='page-break-after:always'><p><a href='#toc'>Table of Contents</a></p>"
    "<p><b>ITEM&nbsp;1A.&nbsp;RISK FACTORS</b></p><p>Valves may leak.</p>"
    "<p>Item 7 of this report discusses results in more detail, and this sentence is long enough to be prose "
    "rather than a heading of any kind at all, which is the point of it.</p>"
    "<p><b>Item 2.</b></p><p><b>Properties</b></p><p>We own a plant in Ashford.</p>"
    "<p>PART II</p><p><b>Item 7. Management's Discussion and Analysis of Financial Condition and Results of "
    "Operations</b></p><p>Sales rose.</p><p>SIGNATURES</p><p>Pursuant to the requirements ...</p>";

TEST(items_10k_skip_the_table_of_contents_with_or_without_page_numbers)
{
    for (int variant = 0; variant < 2; variant++) {
        char html[4096];
        snprintf(html, sizeof html, "%s%s", variant ? TENK_TOC_LINKS : TENK_TOC_PAGES, TENK_BODY);
        CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 4);
        CHECK_ITEM("I", "1", "Zentrix Corp. makes valves.", "Valves and more valves.");
        CHECK_ITEM("I", "1A", "Valves may leak.", "which is the point of it.");
        CHECK_ITEM("I", "2", "We own a plant in Ashford.", "We own a plant in Ashford.");
        CHECK_ITEM("II", "7", "Sales rose.", "Sales rose.");
    }
}

TEST(items_10k_page_furniture_is_not_item_text)
{
    char html[4096];
    snprintf(html, sizeof html, "%s%s", TENK_TOC_PAGES, TENK_BODY);
    items_of(html, 0, EDGR_FORM_10K, NULL);
    const char *t = item("I", "1");
    CHECK(t && !strstr(t, "Table of Contents") && !strstr(t, "\n3\n"));
}

TEST(items_10k_combined_headings_and_item_number_forms)
{
    const char *html = "<p>Items 1 and 2. Business and Properties</p><p>We farm kelp off Norrport.</p>"
                       "<p>Item No. 3 Legal Proceedings</p><p>None.</p>"
                       "<p><b>ITEM</b><b> 4.</b> <b>MINE SAFETY DISCLOSURES</b></p><p>Not applicable.</p>"
                       "<p>Item\xE2\x80\x89" "5. Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities</p>"
                       "<p>Our stock trades as KELP.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 5);
    CHECK_ITEM("I", "1", "We farm kelp", "Norrport.");
    CHECK_ITEM("I", "2", "We farm kelp", "Norrport.");
    CHECK(I.count >= 2 && I.items[0].combined && I.items[1].combined);
    CHECK_ITEM("I", "3", "None.", "None.");
    CHECK_ITEM("I", "4", "Not applicable.", "Not applicable.");
    CHECK_ITEM("II", "5", "Our stock trades as KELP.", "Our stock trades as KELP.");
}

TEST(items_10k_title_wrapped_over_two_elements)
{
    const char *html = "<p>Item 7. Management's Discussion and Analysis of</p>"
                       "<p>Financial Condition and Results of Operations</p><p>Revenue grew.</p>"
                       "<p>Item 7A. Quantitative and Qualitative Disclosures About Market Risk</p><p>Rates moved.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 2);
    CHECK_ITEM("II", "7", "Revenue grew.", "Revenue grew.");
    CHECK(I.count && !strncmp(T.data + I.items[0].title, "Management", 10));
}

TEST(items_10q_part_i_item_2_is_not_part_ii_item_2)
{
    const char *html =
        "<p>PART I - FINANCIAL INFORMATION</p><p>Item 1. Financial Statements</p><p>Balance sheet.</p>"
        "<p>Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations</p>"
        "<p>Results were fine.</p><p>Item 4. Controls and Procedures</p><p>Effective.</p>"
        "<p>PART II - OTHER INFORMATION</p><p>Item 1. Legal Proceedings</p><p>None.</p>"
        "<p>Item 1A. Risk Factors</p><p>No changes.</p>"
        "<p>Item 2. Unregistered Sales of Equity Securities and Use of Proceeds</p><p>We bought back shares.</p>"
        "<p>Item 6. Exhibits</p><p>31.1 Certification</p><p>SIGNATURES</p><p>By: /s/ Ann Oduya</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10Q, NULL) == 7);
    CHECK_ITEM("I", "2", "Results were fine.", "Results were fine.");
    CHECK_ITEM("II", "2", "We bought back shares.", "We bought back shares.");
    CHECK_ITEM("II", "1", "None.", "None.");
    CHECK_ITEM("II", "6", "31.1 Certification", "31.1 Certification");
    /* without Part headings the titles tell the parts */
    const char *np = "<p>Item 2. Management's Discussion and Analysis of Financial Condition and Results of "
                     "Operations</p><p>Fine.</p><p>Item 2. Unregistered Sales of Equity Securities and Use of "
                     "Proceeds</p><p>None sold.</p>";
    CHECK(items_of(np, 0, EDGR_FORM_10Q, NULL) == 2);
    CHECK_ITEM("I", "2", "Fine.", "Fine.");
    CHECK_ITEM("II", "2", "None sold.", "None sold.");
}

TEST(items_1990s_text_10k_fixture)
{
    size_t n;
    char *p = read_file(EDGR_SOURCE_DIR "/tests/fixtures/items/10k-1997-text.txt", &n);
    CHECK(p != NULL);
    if (!p) return;
    edgr_parser *ps = edgr_parser_new();
    const edgr_submission *s;
    size_t used;
    CHECK(edgr_parse(ps, p, n, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    CHECK(edgr_document_text(&s->docs[0], NULL, &T) == EDGR_OK);
    CHECK(edgr_items_find(&T, EDGR_FORM_10K, "19970328", &I) == EDGR_OK);
    CHECK(I.count == 14);
    CHECK_ITEM("I", "1", "Harrow Mills, Inc.", "employees.");
    CHECK_ITEM("I", "2", "Harrow Mills, Inc.", "employees.");
    CHECK_ITEM("II", "8", "The financial statements", "are filed herewith.");
    CHECK_ITEM("IV", "14", "(a) Documents filed", "Consent of Auditors.");
    /* spans point into the file */
    CHECK(I.count && I.items[0].src_start > 0 && I.items[0].src_end > I.items[0].src_start &&
          I.items[0].src_end <= n);
    edgr_parser_free(ps);
    free(p);
}

TEST(items_hostile_inputs_stay_bounded)
{
    /* thousands of candidate headings: the chain search is capped */
    size_t cap = 20000 * 12;
    char *s = malloc(cap + 1), *w = s;
    for (int i = 0; i < 20000; i++) w += sprintf(w, "Item %d.\n", 1 + i % 16);
    edgr_plain_to_text(s, (size_t)(w - s), EDGR_CS_ASCII, NULL, &T);
    CHECK(edgr_items_find(&T, EDGR_FORM_10K, NULL, &I) == EDGR_OK);
    CHECK(I.count <= 16);
    CHECK(edgr_items_find(&T, EDGR_FORM_OTHER, NULL, &I) == EDGR_OK && I.count == 0);
    edgr_text empty = {0};
    CHECK(edgr_items_find(&empty, EDGR_FORM_8K, NULL, &I) == EDGR_OK && I.count == 0);
    free(s);
    edgr_text_free(&T);
    edgr_items_free(&I);
    edgr_buf_free(&B);
}

TEST(items_form_kinds)
{
    CHECK(edgr_form_kind_of("8-K/A", 5) == EDGR_FORM_8K);
    CHECK(edgr_form_kind_of("10-K405", 7) == EDGR_FORM_10K);
    CHECK(edgr_form_kind_of("10-KSB", 6) == EDGR_FORM_10K);
    CHECK(edgr_form_kind_of("10-Q", 4) == EDGR_FORM_10Q);
    CHECK(edgr_form_kind_of("S-1", 3) == EDGR_FORM_OTHER);
}
