/* Item segmentation: one test per heading pattern and quirk of the issue. */
#include <stdlib.h>

#include "edgr/items.h"
#include "edgr/text.h"
#include "pages.h"
#include "items_harness.h"
#include "test.h"
#include "xref.h"

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

/* A bare 8-K document (no header, so no filing date): the cover's date of
 * report tells the numbering, and a document with no N.NN code reads its
 * single-number codes as the pre-August-2004 items. */
TEST(items_bare_8k_before_august_2004_without_a_filing_date)
{
    size_t n;
    char *p = read_file(EDGR_SOURCE_DIR "/tests/fixtures/items/8k-2003-bare.htm", &n);
    CHECK(p != NULL);
    if (!p) return;
    edgr_document d;
    edgr_document_bare(p, n, &d);
    CHECK(edgr_document_text(&d, NULL, &T) == EDGR_OK);
    CHECK(edgr_items_find(&T, EDGR_FORM_8K, NULL, &I) == EDGR_OK);
    CHECK(I.count == 2);
    CHECK_ITEM(NULL, "5", "On March 3, 2003, Quillmere Orchard", "second quarter of 2003.");
    CHECK_ITEM(NULL, "7", "(c) Exhibits.", "Press release dated March 3, 2003");
    free(p);
    /* no date of report at all: no N.NN code, so the old numbers */
    const char *old = "FORM 8-K\n\nItem 2.  Acquisition or Disposition of Assets.\n\n     Sold the mill.\n\n"
                      "                              SIGNATURES\n";
    CHECK(items_of(old, 1, EDGR_FORM_8K, NULL) == 1);
    CHECK_ITEM(NULL, "2", "Sold the mill.", "Sold the mill.");
    /* "Item 9.01" and "Item 9" in one undated document: the current numbers */
    const char *cur = "FORM 8-K\n\nItem 2.02 Results of Operations and Financial Condition\n\nSee Item 9 below.\n\n"
                      "Item 9.01 Financial Statements and Exhibits\n\n99.1 Press release\n";
    CHECK(items_of(cur, 1, EDGR_FORM_8K, NULL) == 2);
    CHECK_ITEM(NULL, "2.02", "See Item 9 below.", "See Item 9 below.");
    /* a date of report after 2004-08-23 keeps the current numbering */
    const char *late = "Date of Report (Date of earliest event reported): September 1, 2005\n\n"
                       "Item 5. Other Events.\n\nText.\n";
    CHECK(items_of(late, 1, EDGR_FORM_8K, NULL) == 0);
    /* the date on the line after the caption, abbreviated month, upper case */
    const char *wrapped = "Date of Report (Date of earliest\nevent reported)\nDEC. 9, 1999\n\n"
                          "Item 5. Other Events.\n\nText.\n";
    CHECK(items_of(wrapped, 1, EDGR_FORM_8K, NULL) == 1);
    CHECK_ITEM(NULL, "5", "Text.", "Text.");
    /* the date day first, as the signatures' reader reads it (one reader of
     * prose dates): after 2004-08-23, so the current numbering */
    const char *dayfirst = "Date of Report (Date of earliest event reported): 1 September 2005\n\n"
                           "Item 5. Other Events.\n\nText.\n";
    CHECK(items_of(dayfirst, 1, EDGR_FORM_8K, NULL) == 0);
}

/* Before 2004 Item 7 (financial statements and exhibits) usually comes
 * last, after Item 9 or 12: both items are headings. */
TEST(items_8k_old_item_7_placed_last)
{
    const char *txt = "ITEM 9.  REGULATION FD DISCLOSURE.\n\n     The Company furnishes its certifications.\n\n"
                      "ITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS.\n\n     (c) Exhibits: 99.1 Certification.\n\n"
                      "                              SIGNATURES\n";
    CHECK(items_of(txt, 1, EDGR_FORM_8K, "20021114") == 2);
    CHECK_ITEM(NULL, "9", "The Company furnishes", "its certifications.");
    CHECK_ITEM(NULL, "7", "(c) Exhibits", "99.1 Certification.");
    CHECK(I.count == 2 && !strcmp(I.items[0].item, "9") && !strcmp(I.items[1].item, "7"));
    /* in number order as well */
    const char *num = "ITEM 5.  OTHER EVENTS.\n\n     Sold.\n\nITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS.\n\n"
                      "     None.\n\nITEM 9.  REGULATION FD DISCLOSURE.\n\n     Furnished.\n";
    CHECK(items_of(num, 1, EDGR_FORM_8K, "20021114") == 3);
}

/* The signature sentence without its heading ends the last item, also in
 * the common misquote "Securities and Exchange Act". */
TEST(items_signature_sentence_securities_and_exchange_act)
{
    const char *txt = "ITEM 5. OTHER EVENTS.\n\n     Granite sales rose.\n\nITEM 8. CHANGE IN FISCAL YEAR.\n\n"
                      "     Not applicable.\n\n     Pursuant to the requirements of the Securities and Exchange Act "
                      "of 1934, the registrant has duly caused this report to be signed on its behalf.\n\n"
                      "     HOLLOWAY QUARRIES CORPORATION\n\n     By: /s/ Edwin Marsh, Chief Executive Officer\n";
    CHECK(items_of(txt, 1, EDGR_FORM_8K, "20000927") == 2);
    CHECK_ITEM(NULL, "8", "Not applicable.", "Not applicable.");
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
    free(s);
    /* 200,000 page-number lines of two numbers, each a page apart of the
     * other: the run search pairs them in one pass, not pair by pair */
    cap = 200000 * 24;
    s = malloc(cap + 1), w = s;
    for (int i = 0; i < 200000; i++) w += sprintf(w, "<p>%d</p><p>a</p><p>b</p>", 1 + i % 2);
    edgr_html_to_text(s, (size_t)(w - s), EDGR_CS_UTF8, NULL, &T);
    CHECK(edgr_items_find(&T, EDGR_FORM_10K, NULL, &I) == EDGR_OK && I.count == 0);
    CHECK(edgr_items_find(&T, EDGR_FORM_OTHER, NULL, &I) == EDGR_OK && I.count == 0);
    edgr_text empty = {0};
    CHECK(edgr_items_find(&empty, EDGR_FORM_8K, NULL, &I) == EDGR_OK && I.count == 0);
    free(s);
    edgr_text_free(&T);
    edgr_items_free(&I);
    edgr_buf_free(&B);
}

/* ---- Cross-reference indexes (annual-report 10-Ks, src/forms/xref.c) ---- */

static xref_row row_of(const char *line, int *ok)
{
    xref_row r;
    *ok = xref_parse_row(line, 0, strlen(line), EDGR_FORM_10K, &r);
    return r;
}

static int span_eq(const char *base, size_t b, size_t e, const char *want)
{
    return e - b == strlen(want) && !memcmp(base + b, want, e - b);
}

TEST(xref_rows_codes_titles_and_page_references)
{
    int ok;
    const char *l1 = "Item 7. Management's Discussion and Analysis .......... 24-51";
    xref_row r = row_of(l1, &ok);
    CHECK(ok && r.ncodes == 1 && !strcmp(r.codes[0], "7") && r.keys[0] == 70);
    CHECK(span_eq(l1, r.title, r.title_end, "Management's Discussion and Analysis"));
    CHECK(r.what == XREF_PAGES && r.nranges == 1 && r.ranges[0].lo == 24 && r.ranges[0].hi == 51);
    /* en and em dashes, with or without blanks, and "to" */
    const char *dashes[] = {"Item 1A. Risk Factors  24 \xE2\x80\x93 51", "Item 1A. Risk Factors  24\342\200\22451" /* em dash */,
                            "Item 1A. Risk Factors  pages 24 to 51"};
    for (int i = 0; i < 3; i++) {
        r = row_of(dashes[i], &ok);
        CHECK(ok && !strcmp(r.codes[0], "1A") && r.nranges == 1 && r.ranges[0].lo == 24 && r.ranges[0].hi == 51);
        CHECK(span_eq(dashes[i], r.title, r.title_end, "Risk Factors"));
    }
    /* lists, financial-statement pages, ranges printed short */
    r = row_of("Item 5.   Market for Registrant's Common Equity   12, 30-32 and 45", &ok);
    CHECK(ok && r.nranges == 3 && r.ranges[0].lo == 12 && r.ranges[0].hi == 12 && r.ranges[1].lo == 30 &&
          r.ranges[1].hi == 32 && r.ranges[2].lo == 45);
    r = row_of("Item 8. Financial Statements and Supplementary Data   F-1 - F-40", &ok);
    CHECK(ok && r.nranges == 1 && r.ranges[0].prefix == 'F' - 'A' + 1 && r.ranges[0].lo == 1 && r.ranges[0].hi == 40);
    r = row_of("Item 7. MD&A  124-26", &ok);
    CHECK(ok && r.nranges == 1 && r.ranges[0].lo == 124 && r.ranges[0].hi == 126);
    /* two items in one row; bare codes; "Item 7 -" */
    r = row_of("Items 7 and 7A. MD&A and Market Risk   11-16", &ok);
    CHECK(ok && r.ncodes == 2 && !strcmp(r.codes[1], "7A") && r.what == XREF_PAGES);
    r = row_of("7A.   Quantitative and Qualitative Disclosures.....   9-10", &ok);
    CHECK(ok && !strcmp(r.codes[0], "7A") && r.ranges[0].lo == 9 && r.ranges[0].hi == 10);
    const char *em = "Item 9 \xE2\x80\x94 Changes in and Disagreements   None";
    r = row_of(em, &ok);
    CHECK(ok && r.what == XREF_NOTE && span_eq(em, r.title, r.title_end, "Changes in and Disagreements"));
}

TEST(xref_rows_notes_footnotes_sections_and_non_rows)
{
    int ok;
    const char *na = "Item 4.   Mine Safety Disclosures   Not Applicable";
    xref_row r = row_of(na, &ok);
    CHECK(ok && r.what == XREF_NOTE && span_eq(na, r.note, r.note_end, "Not Applicable"));
    CHECK(span_eq(na, r.title, r.title_end, "Mine Safety Disclosures"));
    const char *summary = "Item 16. Form 10-K Summary   None";
    r = row_of(summary, &ok); /* "10-K" in a title is no page range */
    CHECK(ok && r.what == XREF_NOTE && span_eq(summary, r.title, r.title_end, "Form 10-K Summary"));
    r = row_of("Item 11. Executive Compensation   (a)", &ok);
    CHECK(ok && r.what == XREF_FOOTNOTE);
    const char *both = "Item 10. Directors   24, (a)";
    r = row_of(both, &ok);
    CHECK(ok && r.what == XREF_PAGES && r.ranges[0].lo == 24 && span_eq(both, r.note, r.note_end, "(a)"));
    const char *sec = "Item 7.   Management's Discussion and Analysis   Financial Review";
    r = row_of(sec, &ok);
    CHECK(ok && r.what == XREF_SECTION && span_eq(sec, r.note, r.note_end, "Financial Review") &&
          span_eq(sec, r.title, r.title_end, "Management's Discussion and Analysis"));
    r = row_of("Item 1. Business", &ok); /* wraps, or says nothing: the next line may tell */
    CHECK(ok && r.what == XREF_UNKNOWN);
    const char *not_rows[] = {"24", "1,204 employees at year end", "7 percent of loans", "Itemized deductions 4",
                              "Item 17. Not a 10-K item   4", "PART II"};
    for (int i = 0; i < 6; i++) {
        row_of(not_rows[i], &ok);
        CHECK(!ok);
    }
}

TEST(xref_captions_and_page_numbers)
{
    const char *yes[] = {"FORM 10-K CROSS-REFERENCE INDEX", "Cross Reference Index", "10-K Cross-Reference",
                         "Cross-reference to Form 10-K", "Form 10-K Crossreference Table"};
    const char *no[] = {"Cross-Reference Index ........ 180",
                        ("See the cross-reference index at the back of this "
                         "report for where each item of the form is answered"),
                        "Reference Index", "Cross"};
    for (int i = 0; i < 5; i++) CHECK(xref_caption(yes[i], 0, strlen(yes[i])));
    for (int i = 0; i < 4; i++) CHECK(!xref_caption(no[i], 0, strlen(no[i])));
    struct { const char *line; int ok, prefix, num; } pages[] = {
        {"24", 1, 0, 24}, {"Page 24", 1, 0, 24}, {"- 7 -", 1, 0, 7}, {"F-3", 1, 6, 3},
        {"ii", 1, 0, -1}, {"(12)", 1, 0, 12}, {"1,204", 0, 0, 0}, {"2023 Annual Report", 0, 0, 0}};
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        int p = -9, v = -9;
        int got = xref_page_number(pages[i].line, 0, strlen(pages[i].line), &p, &v);
        CHECK(got == pages[i].ok);
        if (got) CHECK(p == pages[i].prefix && v == pages[i].num);
    }
}

/* An annual-report 10-K: an index, then pages closed by their numbers. */
static void xref_doc(char *out, size_t cap, const char *rows, int numbered)
{
    size_t n = (size_t)snprintf(out, cap, "<p>FORM 10-K</p><p>Form 10-K Cross-Reference Index</p><table>%s</table>"
                                          "<p>ii</p>", rows);
    static const char *const pages[] = {"<p>Letter</p><p>Dear holders, a fine year.</p>",
                                        "<p>Business</p><p>Widgets made in Ostry.</p>",
                                        "<p>More about widgets.</p><p>Properties</p><p>One plant, owned.</p>",
                                        "<p>Risk Factors</p><p>Widgets may rust.</p>",
                                        "<p>Legal Proceedings</p><p>None pending.</p>",
                                        "<p>Selected Data</p><p>Sales 10.</p>"};
    for (int i = 0; i < 6 && n < cap; i++) {
        n += (size_t)snprintf(out + n, cap - n, "<hr style='page-break-after:always'>%s", pages[i]);
        if (numbered && n < cap) n += (size_t)snprintf(out + n, cap - n, "<p align=center>%d</p>", i + 1);
    }
}

static const char *item_xref(const char *code, int *xref)
{
    for (size_t i = 0; i < I.count; i++)
        if (!strcmp(I.items[i].item, code)) *xref = I.items[i].xref;
    return item(NULL, code);
}

TEST(xref_items_from_page_ranges_in_any_order)
{
    char html[8192];
    xref_doc(html, sizeof html,
             "<tr><td>Item 2.</td><td>Properties</td><td>3</td></tr>"
             "<tr><td>Item 1.</td><td>Business</td><td>2&#8211;3</td></tr>"
             "<tr><td>Item 4.</td><td>Mine Safety Disclosures</td><td>Not applicable</td></tr>"
             "<tr><td>Item 1A.</td><td>Risk Factors</td><td>4 &#8211; 4</td></tr>"
             "<tr><td>Item 3.</td><td>Legal Proceedings</td><td>5</td></tr>", 1);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 5);
    /* canonical order, whatever the index's */
    CHECK(I.count == 5 && !strcmp(I.items[0].item, "1") && !strcmp(I.items[1].item, "1A") &&
          !strcmp(I.items[2].item, "2") && !strcmp(I.items[4].item, "4"));
    int x = 0;
    const char *t = item_xref("1", &x);
    CHECK(x == 1 && starts(t, "Business") && ends(t, "More about widgets.")); /* Properties shares page 3 */
    CHECK_ITEM(NULL, "2", "Properties", "One plant, owned.");
    CHECK_ITEM(NULL, "1A", "Risk Factors", "Widgets may rust.");
    CHECK_ITEM(NULL, "4", "Not applicable", "Not applicable");
    CHECK(I.count == 5 && !strncmp(T.data + I.items[0].title, "Business", I.items[0].title_len) &&
          !strcmp(I.items[0].part, "I"));
    /* the index rows are not headings, and page numbers are not item text */
    t = item(NULL, "3");
    CHECK(t && !strstr(t, "\n5") && ends(t, "None pending."));
}

TEST(xref_items_several_ranges_give_only_their_pages)
{
    char html[8192];
    xref_doc(html, sizeof html,
             "<tr><td>Item 1.</td><td>Business</td><td>2, 4</td></tr>"
             "<tr><td>Item 3.</td><td>Legal Proceedings</td><td>5</td></tr>"
             "<tr><td>Item 6.</td><td>Selected Financial Data</td><td>6</td></tr>", 1);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    const char *t = item(NULL, "1");
    CHECK(t && starts(t, "Business") && strstr(t, "Widgets may rust.") && !strstr(t, "One plant"));
    /* the span runs from the first page named to the last */
    CHECK(I.count && I.items[0].end > I.items[0].start &&
          strstr(T.data + I.items[0].start, "One plant") < T.data + I.items[0].end);
}

TEST(xref_items_pages_past_the_document_or_no_page_numbers_give_nothing)
{
    char html[8192];
    /* one range runs past the last page: kept as far as the pages go; one
     * is wholly past it: that item is left out */
    xref_doc(html, sizeof html,
             "<tr><td>Item 1.</td><td>Business</td><td>2</td></tr>"
             "<tr><td>Item 3.</td><td>Legal Proceedings</td><td>5</td></tr>"
             "<tr><td>Item 6.</td><td>Selected Financial Data</td><td>6-9</td></tr>"
             "<tr><td>Item 7.</td><td>Management's Discussion</td><td>88-90</td></tr>", 1);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM(NULL, "6", "Selected Data", "Sales 10.");
    CHECK(item(NULL, "7") == NULL);
    /* most pages named are not in the document (the report is an exhibit) */
    xref_doc(html, sizeof html,
             "<tr><td>Item 1.</td><td>Business</td><td>2</td></tr>"
             "<tr><td>Item 7.</td><td>Management's Discussion</td><td>24-51</td></tr>"
             "<tr><td>Item 8.</td><td>Financial Statements</td><td>52-90</td></tr>"
             "<tr><td>Item 9A.</td><td>Controls</td><td>91</td></tr>", 1);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 0);
    /* the same index over a body without page numbers */
    xref_doc(html, sizeof html,
             "<tr><td>Item 1.</td><td>Business</td><td>2</td></tr>"
             "<tr><td>Item 2.</td><td>Properties</td><td>3</td></tr>"
             "<tr><td>Item 3.</td><td>Legal Proceedings</td><td>5</td></tr>", 0);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 0);
}

TEST(xref_index_is_ignored_when_the_body_has_headings)
{
    char html[8192];
    snprintf(html, sizeof html,
             "<p>Form 10-K Cross-Reference Index</p><table>"
             "<tr><td>Item 1.</td><td>Business</td><td>1</td></tr><tr><td>Item 2.</td><td>Properties</td><td>2</td></tr>"
             "<tr><td>Item 3.</td><td>Legal Proceedings</td><td>2</td></tr></table>"
             "<p>Item 1. Business</p><p>Gears.</p><p align=center>1</p><p>Item 2. Properties</p><p>A mill.</p>"
             "<p>Item 3. Legal Proceedings</p><p>None.</p><p align=center>2</p>");
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM(NULL, "1", "Gears.", "Gears.");
    CHECK(I.count == 3 && !I.items[0].xref && !I.items[2].xref);
}

TEST(xref_plain_text_page_numbers_dropped_by_the_text_layer_still_map)
{
    const char *txt = "FORM 10-K CROSS-REFERENCE INDEX\n\n"
                      "Item 1.  Business .................. 1\n"
                      "Item 2.  Properties ................ 2\n"
                      "Item 3.  Legal Proceedings ......... None\n"
                      "<PAGE>\n     Business\n\n     We quarry slate.\n\n                1\n"
                      "<PAGE>\n     Properties\n\n     One quarry in Pell.\n\n                2\n"
                      "<PAGE>\n     Signatures follow.\n";
    edgr_plain_to_text(txt, strlen(txt), EDGR_CS_ASCII, NULL, &T);
    size_t nm;
    const text_page_mark *m = text_page_marks(&T, &nm);
    CHECK(nm == 2 && !strcmp(m[0].label, "1") && !m[0].top && !strstr(T.data, "\n1\n"));
    CHECK(edgr_items_find(&T, EDGR_FORM_10K, NULL, &I) == EDGR_OK && I.count == 3);
    CHECK_ITEM(NULL, "1", "Business", "We quarry slate.");
    CHECK_ITEM(NULL, "2", "Properties", "One quarry in Pell.");
    CHECK_ITEM(NULL, "3", "None", "None");
    /* another conversion into the same text forgets the marks */
    edgr_html_to_text("<p>x</p>", 8, EDGR_CS_UTF8, NULL, &T);
    text_page_marks(&T, &nm);
    CHECK(nm == 0);
}

/* The two synthetic annual-report filings (tests/labels/fixtures.tsv has
 * every item's boundaries; these check the API around them). */
TEST(xref_fixtures_html_and_1990s_text)
{
    const char *files[] = {"/tests/fixtures/items/10k-2024-xref-html.txt", "/tests/fixtures/items/10k-1998-xref-text.txt"};
    const size_t want[] = {23, 15};
    for (int f = 0; f < 2; f++) {
        char path[512];
        snprintf(path, sizeof path, "%s%s", EDGR_SOURCE_DIR, files[f]);
        size_t n;
        char *p = read_file(path, &n);
        CHECK(p != NULL);
        if (!p) continue;
        edgr_parser *ps = edgr_parser_new();
        const edgr_submission *s;
        size_t used;
        CHECK(edgr_parse(ps, p, n, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
        CHECK(edgr_document_text(&s->docs[0], NULL, &T) == EDGR_OK);
        CHECK(edgr_items_find(&T, EDGR_FORM_10K, NULL, &I) == EDGR_OK);
        CHECK(I.count == want[f]);
        for (size_t i = 0; i < I.count; i++)
            CHECK(I.items[i].xref && I.items[i].start < I.items[i].end && I.items[i].src_start < I.items[i].src_end &&
                  I.items[i].src_end <= n);
        if (f == 0) {
            CHECK_ITEM("I", "1", "BUSINESS", "212 full-time equivalent employees.");
            CHECK_ITEM("II", "7A", "Quantitative and Qualitative", "an estimated 3.9%.");
            CHECK_ITEM("III", "11", "Incorporated by reference", "December 31, 2023.");
            /* the body's page text points back into the file */
            const char *t = item("II", "8");
            CHECK(t && strstr(p, "CONSOLIDATED BALANCE SHEETS") && starts(t, "REPORT OF INDEPENDENT"));
        } else {
            CHECK_ITEM("II", "8", "INDEPENDENT AUDITORS' REPORT", "below the liquidation account.");
            CHECK_ITEM("IV", "14", "EXHIBITS AND REPORTS ON FORM 8-K", "fourth quarter of 1997.");
            CHECK(I.count > 7 && !strcmp(I.items[7].item, "7A")); /* listed after Item 8, sorted before it */
        }
        edgr_parser_free(ps);
        free(p);
    }
}

/* 1990s filing agents numbered their <PAGE> markers with the filing's own
 * page count; those numbers open pages and must not replace the report's. */
TEST(xref_numbered_page_markers_do_not_redirect_the_pages)
{
    size_t n;
    char *p = read_file(EDGR_SOURCE_DIR "/tests/fixtures/items/10k-1998-xref-text.txt", &n);
    CHECK(p != NULL);
    if (!p) return;
    char *q = malloc(n * 2), *w = q;
    int page = 0;
    for (const char *r = p; r < p + n;) {
        const char *nl = memchr(r, '\n', (size_t)(p + n - r));
        size_t len = nl ? (size_t)(nl - r) + 1 : (size_t)(p + n - r);
        if (len == 7 && !memcmp(r, "<PAGE>\n", 7)) w += sprintf(w, "<PAGE>   %d\n", ++page);
        else memcpy(w, r, len), w += len;
        r += len;
    }
    edgr_parser *ps = edgr_parser_new();
    const edgr_submission *s;
    size_t used;
    CHECK(edgr_parse(ps, q, (size_t)(w - q), 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    CHECK(edgr_document_text(&s->docs[0], NULL, &T) == EDGR_OK && !strstr(T.data, "\n         3\n")); /* the numbers go */
    CHECK(edgr_items_find(&T, EDGR_FORM_10K, NULL, &I) == EDGR_OK && I.count == 15);
    CHECK_ITEM("I", "2", "PROPERTIES", "eight branch offices.");
    CHECK_ITEM("II", "6", "SELECTED FINANCIAL DATA", "$    352");
    CHECK_ITEM("II", "8", "INDEPENDENT AUDITORS' REPORT", "below the liquidation account.");
    edgr_parser_free(ps);
    free(q);
    free(p);
}

TEST(items_form_kinds)
{
    CHECK(edgr_form_kind_of("8-K/A", 5) == EDGR_FORM_8K);
    CHECK(edgr_form_kind_of("10-K405", 7) == EDGR_FORM_10K);
    CHECK(edgr_form_kind_of("10-KSB", 6) == EDGR_FORM_10K);
    CHECK(edgr_form_kind_of("10-Q", 4) == EDGR_FORM_10Q);
    CHECK(edgr_form_kind_of("S-1", 3) == EDGR_FORM_OTHER);
}
