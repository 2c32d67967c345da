/* Item segmentation: the classes of failure found on filings nobody tuned
 * for (issue 10, section 2), one test each, on synthetic text. */
#include <ctype.h>
#include <stdlib.h>

#include "edgr/items.h"
#include "edgr/text.h"
#include "items_harness.h"
#include "test.h"

/* A wrapped prose line that opens "Part II, Item 8 of this report" is not a
 * Part heading: it must not cut the Part I item it stands in. */
TEST(segment_prose_line_opening_with_part_and_item_is_no_heading)
{
    const char *txt =
        "                                  PART I\n\n"
        "ITEM 1.  BUSINESS\n\n"
        "     Quillon Tool Works, Inc. makes lathes.  Its results are described in\n"
        "Part II, Item 8 of this report and in the notes to the financial\n"
        "statements.  The Company employs 212 people.\n\n"
        "ITEM 2.  PROPERTIES\n\n"
        "     The Company owns a plant in Verrin, Ohio.\n\n"
        "                                  PART II\n\n"
        "ITEM 5.  MARKET FOR REGISTRANT'S COMMON EQUITY AND RELATED STOCKHOLDER MATTERS\n\n"
        "     There is no public market.\n";
    CHECK(items_of(txt, 1, EDGR_FORM_10K, "19970328") == 3);
    CHECK_ITEM("I", "1", "Quillon Tool Works", "employs 212 people.");
    CHECK_ITEM("I", "2", "The Company owns", "Verrin, Ohio.");
    /* a Part heading may carry its title, or a dash, colon or full stop */
    const char *h = "<p>PART I</p><p>Item 1. Business</p><p>Bodies.</p>"
                    "<p>Part II, Item 7 of this report covers results.</p><p>More of Item 1.</p>"
                    "<p>PART II - OTHER INFORMATION</p><p>Item 5. Market</p><p>None.</p>";
    CHECK(items_of(h, 0, EDGR_FORM_10K, NULL) == 2);
    CHECK_ITEM("I", "1", "Bodies.", "More of Item 1.");
}

/* An older, shorter title whose body opens with most of the title's words:
 * the body's first line is not a wrapped title. */
TEST(segment_body_line_repeating_the_title_is_body)
{
    const char *html =
        "<p>Item 11. Executive Compensation</p><p>Incorporated by reference.</p>"
        "<p>Item 12. Security Ownership of Certain Beneficial Owners and Management</p>"
        "<p>Security ownership of certain beneficial owners and management is set forth</p>"
        "<p>in the Proxy Statement and is incorporated herein by reference.</p>"
        "<p>Item 13. Certain Relationships and Related Transactions</p><p>None.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM("III", "12", "Security ownership of certain beneficial owners", "incorporated herein by reference.");
    /* a title that really wraps still does */
    const char *w = "<p>Item 12. Security Ownership of Certain Beneficial Owners and Management</p>"
                    "<p>and Related Stockholder Matters</p><p>See the Proxy Statement.</p>"
                    "<p>Item 13. Certain Relationships</p><p>None.</p>";
    CHECK(items_of(w, 0, EDGR_FORM_10K, NULL) == 2);
    CHECK_ITEM("III", "12", "See the Proxy Statement.", "See the Proxy Statement.");
}

/* A short line whose digit-masked shape recurs (dates, list lines) is a
 * running footer only at page boundaries with climbing numbers; mid-page
 * it is text, and the last line of an item is kept. */
TEST(segment_recurring_short_line_mid_page_is_not_a_footer)
{
    const char *html =
        "<p>Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations</p>"
        "<p>Sales rose in 2030.</p><p>Quarter 1 of 2030</p><p>Sales were flat.</p>"
        "<p>Quarter 2 of 2030</p><p>Sales rose.</p>"
        "<p>Item 8. Financial Statements and Supplementary Data</p><p>See the statements.</p>"
        "<p>Quarter 3 of 2030</p>"
        "<p>Item 9. Changes in and Disagreements With Accountants on Accounting and Financial Disclosure</p>"
        "<p>None.</p><p>Dated March 4, 2031</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM("II", "7", "Sales rose in 2030.", "Sales rose.");
    CHECK_ITEM("II", "8", "See the statements.", "Quarter 3 of 2030");
    /* a real running footer: at page ends, numbers climbing */
    const char *f =
        "<p>Item 1. Business</p><p>We grow rye.</p><p>Ostrander Farms | 2030 Form 10-K | 3</p>"
        "<p>Rye is a grain.</p><p>It grows in the cold.</p><p>More rye.</p><p>Ostrander Farms | 2030 Form 10-K | 4</p>"
        "<p>Item 2. Properties</p><p>A farm.</p><p>Ostrander Farms | 2030 Form 10-K | 5</p>"
        "<p>Item 3. Legal Proceedings</p><p>None.</p>";
    CHECK(items_of(f, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM("I", "1", "We grow rye.", "More rye.");
    CHECK_ITEM("I", "2", "A farm.", "A farm.");
}

/* Numbers of a table laid out one cell per line, and list markers alone on
 * a line, are text; only the page-number run at page breaks is dropped. */
TEST(segment_number_lines_in_a_body_are_text)
{
    const char *html =
        "<p>Item 6. Selected Financial Data</p>"
        "<div>Net sales</div><div>$</div><div>412</div><div>Net income</div><div>$</div><div>38</div>"
        "<p>Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations</p>"
        "<p>Sales rose because of rye.</p><div>(1)</div><div>Excludes barley.</div><div>(2)</div>"
        "<p>Item 8. Financial Statements and Supplementary Data</p><p>See page F-1.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM("II", "6", "Net sales", "38");
    CHECK_ITEM("II", "7", "Sales rose because of rye.", "(2)");
    /* page numbers that run through the document still go */
    const char *p =
        "<p>Item 1. Business</p><p>We grow rye.</p><p>Mostly rye.</p><p>Rye and oats.</p><p>11</p>"
        "<p>Still rye.</p><p>More of it.</p><p>And more.</p><p>12</p>"
        "<p>Item 2. Properties</p><p>A farm.</p><p>Fields.</p><p>Barns.</p><p>13</p>";
    CHECK(items_of(p, 0, EDGR_FORM_10K, NULL) == 2);
    CHECK_ITEM("I", "1", "We grow rye.", "And more.");
    CHECK_ITEM("I", "2", "A farm.", "Barns.");
}

/* "Item 14(a)(1)" and its siblings are sub-items, never the item's heading;
 * POWER OF ATTORNEY ends the last item as SIGNATURES does. */
TEST(segment_sub_items_and_power_of_attorney)
{
    const char *txt =
        "ITEM 13.  CERTAIN RELATIONSHIPS AND RELATED TRANSACTIONS\n\n"
        "     None.\n\n"
        "ITEM 14.  EXHIBITS, FINANCIAL STATEMENT SCHEDULES AND REPORTS ON FORM 8-K\n\n"
        "     The following documents are filed as part of this report:\n\n"
        "Item 14(a)(1): Financial Statements\n\n"
        "     Balance sheets of Pellam Corp.\n\n"
        "Item 14(a)(2): Financial Statement Schedules\n\n"
        "     None.\n\n"
        "Item 14(b): Reports on Form 8-K\n\n"
        "     No reports were filed in the quarter.\n\n"
        "                           POWER OF ATTORNEY\n\n"
        "     Each person whose signature appears below appoints Ada Pellam.\n";
    CHECK(items_of(txt, 1, EDGR_FORM_10K, "19970328") == 2);
    CHECK_ITEM("III", "13", "None.", "None.");
    const char *t = item(NULL, "14");
    CHECK(starts(t, "The following documents") && ends(t, "No reports were filed in the quarter."));
}

/* 10-Qs without Part lines, with the pre-2010 Part II titles; an
 * amendment's preamble naming "Part II, Item 4" gives the part too. */
TEST(segment_10q_historical_part_ii_titles)
{
    const char *txt =
        "ITEM 1.  FINANCIAL STATEMENTS\n\n     Balance sheets of Tarrow Mills.\n\n"
        "ITEM 2.  MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS\n\n"
        "     Sales rose.\n\n"
        "ITEM 1.  LEGAL PROCEEDINGS\n\n     None.\n\n"
        "ITEM 2.  CHANGES IN SECURITIES AND USE OF PROCEEDS\n\n     None sold.\n\n"
        "ITEM 4.  SUBMISSION OF MATTERS TO A VOTE OF SECURITY HOLDERS\n\n     The annual meeting elected two directors.\n\n"
        "ITEM 6.  EXHIBITS AND REPORTS ON FORM 8-K\n\n     (a) Exhibit 27.\n\n"
        "                               SIGNATURES\n";
    CHECK(items_of(txt, 1, EDGR_FORM_10Q, "19990514") == 6);
    CHECK_ITEM("I", "1", "Balance sheets", "Tarrow Mills.");
    CHECK_ITEM("I", "2", "Sales rose.", "Sales rose.");
    CHECK_ITEM("II", "1", "None.", "None.");
    CHECK_ITEM("II", "2", "None sold.", "None sold.");
    CHECK_ITEM("II", "4", "The annual meeting", "two directors.");
    CHECK_ITEM("II", "6", "(a) Exhibit 27.", "(a) Exhibit 27.");
    const char *amend =
        "<p>EXPLANATORY NOTE</p><p>Tarrow Mills files this Amendment No. 1 to amend Part II, Item 4 of its "
        "quarterly report, and nothing else.</p>"
        "<p>Item 4. Other matters voted on</p><p>The meeting elected Ann Tarrow.</p>"
        "<p>SIGNATURES</p>";
    CHECK(items_of(amend, 0, EDGR_FORM_10Q, "20040514") == 1);
    CHECK_ITEM("II", "4", "The meeting elected Ann Tarrow.", "The meeting elected Ann Tarrow.");
}

/* Microsoft prints the page's items atop every page ("PART II" then
 * "Item 7A", or "Item 9, 9A"): a running header, not a heading. */
TEST(segment_running_item_codes_atop_a_page_are_furniture)
{
    static const char *long_text =
        "The Company is exposed to economic risk from foreign currency exchange rates, interest rates, "
        "credit risk and equity prices, and it hedges a portion of these risks.";
    char html[8192];
    snprintf(html, sizeof html,
             "<p>ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS</p>"
             "<p>Revenue of Olvet Systems grew.</p><p>46</p><p><a href='#toc'>Table of Contents</a></p>"
             "<p>PART II</p><p>Item 7A</p>"
             "<p>ITEM 7A. QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK</p><p>RISKS</p><p>%s</p>"
             "<p>47</p><p><a href='#toc'>Table of Contents</a></p><p>PART II</p><p>Item 7A</p><p>%s</p>"
             "<p>48</p><p><a href='#toc'>Table of Contents</a></p><p>PART II</p><p>Item 8, 9</p>"
             "<p>ITEM 8. FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA</p><p>Statements follow.</p>"
             "<p>ITEM 9. CHANGES IN AND DISAGREEMENTS WITH ACCOUNTANTS ON ACCOUNTING AND FINANCIAL DISCLOSURE</p>"
             "<p>Not applicable.</p><p>49</p><p><a href='#toc'>Table of Contents</a></p><p>PART II, III</p>"
             "<p>Item 9</p><p>REPORT OF INDEPENDENT REGISTERED PUBLIC ACCOUNTING FIRM</p><p>We audited Olvet.</p>",
             long_text, long_text);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 4);
    CHECK_ITEM("II", "7", "Revenue of Olvet Systems grew.", "Revenue of Olvet Systems grew.");
    CHECK_ITEM("II", "7A", "RISKS", "hedges a portion of these risks.");
    CHECK_ITEM("II", "8", "Statements follow.", "Statements follow.");
    CHECK_ITEM("II", "9", "Not applicable.", "We audited Olvet.");
}

/* A link list at the end of the document ("QuickLinks") names the items
 * again, with a line or two between: the headings with the bodies win. */
TEST(segment_link_list_at_the_end_is_not_the_headings)
{
    const char *html =
        "<p>ITEM 13. CERTAIN RELATIONSHIPS AND RELATED TRANSACTIONS</p><p>Incorporated by reference.</p>"
        "<p>ITEM 14. CONTROLS AND PROCEDURES</p><p>Within the 90 days prior to the date of this report, Pellory "
        "Devices evaluated the effectiveness of the design and operation of its disclosure controls and "
        "procedures, and its chief executive and chief financial officers concluded that they are effective "
        "in timely alerting them to material information.</p>"
        "<p>PART IV</p><p>ITEM 15. EXHIBITS, FINANCIAL STATEMENT SCHEDULES AND REPORTS ON FORM 8-K</p>"
        "<p>(a) 1. Financial Statements: see the index under Item 8, which lists every statement and schedule "
        "filed with this report, together with the report of the independent auditors on them, all of which "
        "are incorporated here.</p><p>SIGNATURES</p><p>Pursuant to the requirements, duly signed.</p>"
        "<p>QuickLinks</p><p>ITEM 13. CERTAIN RELATIONSHIPS AND RELATED TRANSACTIONS</p>"
        "<p>ITEM 14. CONTROLS AND PROCEDURES</p><p>PART IV</p>"
        "<p>ITEM 15. EXHIBITS, FINANCIAL STATEMENT SCHEDULES AND REPORTS ON FORM 8-K</p>"
        "<p>SCHEDULE II VALUATION AND QUALIFYING ACCOUNTS</p><p>INDEX TO EXHIBITS</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM("III", "13", "Incorporated by reference.", "Incorporated by reference.");
    CHECK_ITEM("III", "14", "Within the 90 days", "material information.");
    CHECK_ITEM("IV", "15", "(a) 1. Financial Statements", "incorporated here.");
}

/* An asset-backed issuer's 10-K gives Regulation AB items in place of
 * Items 1-14 (General Instruction J): "Item 1117 of Regulation AB. Legal
 * Proceedings." heads an item, in the place the instruction gives it. */
TEST(segment_regulation_ab_items_of_an_asset_backed_10k)
{
    const char *txt =
        "PART I\n\nItem 1B. Unresolved Staff Comments.\n\nNone.\n\n"
        "Item 4. Mine Safety Disclosures.\n\nNot applicable.\n\n"
        "Item 1112(b) of Regulation AB. Significant Obligors of Pool Assets (Financial Information).\n\n"
        "No single obligor represents 10% or more of the pool assets of Wenlow Auto Trust 2031-1.\n\n"
        "Item 1114(b)(2) of Regulation AB. Credit Enhancement and Other Support, Except for Certain "
        "Derivatives Instruments (Information Regarding Significant Enhancement Providers).\n\n"
        "No entity provides credit enhancement for the notes.\n\n"
        "Item 1117 of Regulation AB. Legal Proceedings.\n\nThere are no legal proceedings pending.\n\n"
        "PART III\n\nItem 14. Principal Accountant Fees and Services.\n\nOmitted.\n\n"
        "Item 1122 of Regulation AB. Compliance with Applicable Servicing Criteria.\n\n"
        "The Servicer assessed its compliance.\n\n"
        "PART IV\n\nItem 15. Exhibits and Financial Statement Schedules.\n\n(a) Exhibits.\n\nSIGNATURES\n";
    CHECK(items_of(txt, 1, EDGR_FORM_10K, "20320320") == 8);
    CHECK_ITEM("I", "1112(b)", "No single obligor", "Wenlow Auto Trust 2031-1.");
    CHECK_ITEM("I", "1114(b)(2)", "No entity provides", "for the notes.");
    CHECK_ITEM("I", "1117", "There are no legal", "pending.");
    CHECK_ITEM("III", "1122", "The Servicer assessed", "its compliance.");
    CHECK_ITEM("III", "14", "Omitted.", "Omitted.");
    CHECK_ITEM("IV", "15", "(a) Exhibits.", "(a) Exhibits.");
}

/* A misprinted plural in the title ("Financial Conditions") and a closing
 * parenthesis ("(amounts in millions)") are still the heading's. */
TEST(segment_title_with_a_stray_plural_and_a_closing_parenthesis)
{
    const char *html =
        "<p>Item 7\xE2\x80\x94Management's Discussion and Analysis of Financial Conditions and Results of "
        "Operations (amounts in millions, except per share and warehouse count data)</p>"
        "<p>The following discussion of Brannock Stores is intended to help.</p>"
        "<p>Item 7A\xE2\x80\x94Quantitative and Qualitative Disclosures About Market Risk (amounts in millions)</p>"
        "<p>Rates moved.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 2);
    CHECK_ITEM("II", "7", "The following discussion", "intended to help.");
    CHECK_ITEM("II", "7A", "Rates moved.", "Rates moved.");
}

/* The "TABLE OF CONTENTS" that heads the index of the statements, with a
 * date line before its "PAGE" column, is body, not a back-link. */
TEST(segment_index_heading_with_a_date_line_is_body)
{
    const char *html =
        "<p>Item 8. Financial Statements and Supplementary Data.</p><p>CARVELL, INC.</p><p>TABLE OF CONTENTS</p>"
        "<p>JUNE 30, 2031</p><table><tr><td></td><td>PAGE</td></tr><tr><td>Balance Sheets</td><td>F-2</td></tr>"
        "</table><p>Item 9. Changes in and Disagreements With Accountants on Accounting and Financial Disclosure</p>"
        "<p>None.</p>";
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 2);
    CHECK_ITEM("II", "8", "CARVELL, INC.\n\nTABLE OF CONTENTS", "F-2");
}

/* Mastercard prints "PART I" and the item's heading in capitals atop each
 * page of the item: the heading in the text, not the last page's header,
 * heads the item, and the headers are furniture. */
TEST(segment_heading_repeated_atop_each_page_is_a_running_header)
{
    static const char *para =
        "Our Board of Quenby Payments oversees the risks that are central to the company's success, including "
        "cybersecurity matters, and it meets with management every quarter to review them.";
    char html[8192];
    snprintf(html, sizeof html,
             "<p>Item 1B. Unresolved staff comments</p><p>Not applicable.</p>"
             "<p>Item 1C. Cybersecurity</p><p>Cybersecurity program</p><p>%s</p>"
             "<p>QUENBY 2031 FORM 10-K 39</p><p>PART I</p><p>ITEM 1C. CYBERSECURITY</p><p>%s</p>"
             "<p>QUENBY 2031 FORM 10-K 40</p><p>PART I</p><p>ITEM 1C. CYBERSECURITY</p><p>%s</p><p>Last words here.</p>"
             "<p>QUENBY 2031 FORM 10-K 41</p><p>PART I</p><p>ITEM 2. PROPERTIES</p><p>%s</p>"
             "<p>Item 2. Properties</p><p>We lease offices.</p>",
             para, para, para, para);
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 3);
    CHECK_ITEM("I", "1C", "Cybersecurity program", "every quarter to review them.");
    CHECK_ITEM("I", "2", "We lease offices.", "We lease offices.");
    const char *t = item("I", "1C");
    CHECK(t && !strstr(t, "CYBERSECURITY"));
}

/* A tag-stripped submission (every <...> removed, one cell or paragraph a
 * line, source lines wrapped where the HTML wrapped them) gives the items
 * of its original, with the same first and last words: the contents laid
 * out one cell a line ("Item 1." / "Business" / "3"), an index whose page
 * column stands on its own line, "Item" / "1. Business" split by the
 * source, and "Table of Contents" then "PART II" atop a page. */
static void words_of(const char *p, int last, char *out, size_t cap)
{
    size_t n = strlen(p), k = 0, words = 0, i = last ? n : 0;
    char tmp[256];
    if (!last) {
        while (i < n && words < 6 && k + 2 < sizeof tmp) {
            while (i < n && !isalnum((unsigned char)p[i])) i++;
            if (i >= n) break;
            if (words++) tmp[k++] = ' ';
            while (i < n && isalnum((unsigned char)p[i]) && k + 1 < sizeof tmp) tmp[k++] = (char)tolower((unsigned char)p[i++]);
        }
    } else {
        size_t b = n;
        while (b > 0 && words < 6) {
            while (b > 0 && !isalnum((unsigned char)p[b - 1])) b--;
            if (!b) break;
            words++;
            while (b > 0 && isalnum((unsigned char)p[b - 1])) b--;
        }
        return words_of(p + b, 0, out, cap);
    }
    tmp[k] = 0;
    size_t m = strlen(tmp) < cap ? strlen(tmp) : cap - 1;
    memcpy(out, tmp, m);
    out[m] = 0;
}

static int items_of_file(const char *rel, char codes[][16], char first[][160], char last[][160], int max)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", EDGR_SOURCE_DIR, rel);
    size_t n;
    char *p = read_file(path, &n);
    if (!p) return -1;
    edgr_parser *ps = edgr_parser_new();
    const edgr_submission *s;
    size_t used;
    int got = -1;
    if (edgr_parse(ps, p, n, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK && s->doc_count &&
        edgr_document_text(&s->docs[0], NULL, &T) == EDGR_OK &&
        edgr_items_find(&T, EDGR_FORM_10K, NULL, &I) == EDGR_OK) {
        got = 0;
        for (size_t i = 0; i < I.count && got < max; i++, got++) {
            snprintf(codes[got], 16, "%s", I.items[i].item);
            edgr_item_text(&I, &T, i, &B);
            words_of(B.data ? B.data : "", 0, first[got], 160);
            words_of(B.data ? B.data : "", 1, last[got], 160);
        }
    }
    edgr_parser_free(ps);
    free(p);
    return got;
}

TEST(segment_stripped_fixtures_give_the_items_of_their_originals)
{
    static const char *const fx[] = {"10k-1997-text", "10k-2023-html", "10k-2024-xref-html"};
    static char c0[40][16], f0[40][160], l0[40][160], c1[40][16], f1[40][160], l1[40][160];
    for (size_t k = 0; k < sizeof fx / sizeof fx[0]; k++) {
        char a[128], b[128];
        snprintf(a, sizeof a, "tests/fixtures/items/%s.txt", fx[k]);
        snprintf(b, sizeof b, "tests/fixtures/items/%s-stripped.txt", fx[k]);
        int n0 = items_of_file(a, c0, f0, l0, 40), n1 = items_of_file(b, c1, f1, l1, 40);
        CHECK(n0 > 10 && n0 == n1);
        for (int i = 0; i < n0 && i < n1; i++)
            if (strcmp(c0[i], c1[i]) || strcmp(f0[i], f1[i]) || strcmp(l0[i], l1[i])) {
                fprintf(stderr, "  %s item %s: \"%s ... %s\" stripped: %s \"%s ... %s\"\n", fx[k], c0[i], f0[i], l0[i],
                        c1[i], f1[i], l1[i]);
                test_failures++;
            }
    }
}

/* Two exhibit lists laid out one cell a line ("99.1", "99.2", twice
 * over): the numbers go up and back down, so they are no running footer. */
TEST(segment_exhibit_numbers_listed_twice_are_not_a_footer)
{
    const char *txt =
        "ITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS.\n\n(c) Exhibits.\n\nExhibit No.\n\nDescription\n\n99.1\n\n"
        "Press release of Ormsby Mills dated May 7, 2003.\n\n(furnished)\n\n99.2\n\nPress release of Ormsby Mills dated May 8, 2003.\n\n"
        "SIGNATURES\n\nPursuant to the requirements, duly signed.\n\nINDEX TO EXHIBITS\n\nExhibit No.\n\nDescription\n\n"
        "99.1\n\nPress release of Ormsby Mills dated May 7, 2003.\n\n(furnished)\n\n99.2\n\nPress release of Ormsby Mills dated May 8, 2003.\n";
    CHECK(items_of(txt, 1, EDGR_FORM_8K, "20030508") == 1);
    const char *t = item(NULL, "7");
    CHECK(t && strstr(t, "99.1") && strstr(t, "99.2") && strstr(t, "May 7, 2003"));
}

/* An 8-K title wrapped over two lines is the heading's, not the body's. */
TEST(segment_8k_title_wrapped_over_two_lines)
{
    const char *txt = "Item 12. Results of\nOperations and Financial Condition\n\nOn May 8, 2003, Ormsby Mills issued a "
                      "press release.\n\nItem 7. Financial Statements, Pro Forma Financial Information\nand Exhibits\n\n"
                      "(c) Exhibits.\n\nSIGNATURES\n";
    CHECK(items_of(txt, 1, EDGR_FORM_8K, "20030508") == 2);
    CHECK_ITEM(NULL, "12", "On May 8, 2003", "press release.");
    CHECK_ITEM(NULL, "7", "(c) Exhibits.", "(c) Exhibits.");
}

/* A heading laid out as a page number, then "Item 1.", then its title on
 * the next line (1990s text, stripped HTML) is the heading, although the
 * contents named the same item with its title on one line. */
TEST(segment_bare_code_atop_a_page_with_its_title_below_is_the_heading)
{
    char txt[16384];
    size_t n = (size_t)snprintf(txt, sizeof txt,
                                "TABLE OF CONTENTS\n\nItem 1. Business\nItem 1A. Risk Factors\nItem 2. Properties\n\n");
    static const char *const items[][2] = {{"1", "Business"}, {"1A", "Risk Factors"}, {"2", "Properties"}};
    for (int k = 0; k < 3 && n < sizeof txt; k++) {
        n += (size_t)snprintf(txt + n, sizeof txt - n, "%d\n\nItem %s.\n%s\n\n", k + 1, items[k][0], items[k][1]);
        for (int p = 0; p < 6 && n < sizeof txt; p++)
            n += (size_t)snprintf(txt + n, sizeof txt - n, "Paragraph %d of item %s of Tessaly Gears.\n\n", p, items[k][0]);
    }
    CHECK(items_of(txt, 1, EDGR_FORM_10K, "19970328") == 3);
    CHECK_ITEM("I", "1", "Paragraph 0 of item 1 of", "Paragraph 5 of item 1 of Tessaly Gears.");
    CHECK_ITEM("I", "1A", "Paragraph 0 of item 1A", "Paragraph 5 of item 1A of Tessaly Gears.");
    CHECK_ITEM("I", "2", "Paragraph 0 of item 2", "Paragraph 5 of item 2 of Tessaly Gears.");
}

/* A running footer whose numbering restarts once (an annual report bound
 * into the filing numbers its own pages) is still a footer. */
TEST(segment_footer_whose_numbers_restart_once_is_a_footer)
{
    char html[32768];
    size_t n = (size_t)snprintf(html, sizeof html, "<p>Item 1. Business</p>");
    for (int pg = 0; pg < 20 && n < sizeof html; pg++)
        n += (size_t)snprintf(html + n, sizeof html - n,
                              "<p>Harrow Mills makes paper in mill %c.</p><p>More about the %c paper.</p>"
                              "<p>Still more on %c.</p><p>Harrow Mills report, sheet %d</p>",
                              'A' + pg, 'A' + pg, 'A' + pg, pg < 12 ? pg + 1 : pg - 11);
    n += (size_t)snprintf(html + n, sizeof html - n, "<p>Item 2. Properties</p><p>A mill.</p>");
    CHECK(items_of(html, 0, EDGR_FORM_10K, NULL) == 2);
    const char *t = item("I", "1");
    CHECK(t && !strstr(t, "sheet") && ends(t, "Still more on T."));
}

/* A long heading right above a Part line, with no blank line between (a
 * stripped 10-Q), does not make the Part line carry on a sentence. */
TEST(segment_part_line_under_a_long_heading_is_a_part_heading)
{
    const char *txt = "PART I\nItem 1. Financial Statements\nBalance sheets of Tessaly Gears.\n"
                      "Item 4. Controls and Procedures of the company\nPART II\n"
                      "Item 1. Legal Proceedings\nNone.\n";
    CHECK(items_of(txt, 1, EDGR_FORM_10Q, "19990514") == 3);
    CHECK_ITEM("I", "1", "Balance sheets", "Tessaly Gears.");
    const char *t = item("I", "4");
    CHECK(t && !*t);
    CHECK_ITEM("II", "1", "None.", "None.");
}
