/* Exact decimals (src/core/decimal.c) and the XBRL readers on small
 * documents written here (edgr/xbrl.h). */
#include <stdlib.h>

#include "decimal.h"
#include "edgr/xbrl.h"
#include "test.h"

/* canon(s) after scale and sign, or "ERR" */
static const char *canon(const char *s, long scale, int neg)
{
    static char out[XD_TEXT_MAX + 1];
    xd v;
    if (xd_parse(s, strlen(s), &v) || xd_scale(&v, scale)) return "ERR";
    if (neg) xd_negate(&v);
    xd_format(&v, out);
    return out;
}

static const char *rounded(const char *s, long d)
{
    static char out[XD_TEXT_MAX + 1];
    xd v;
    if (xd_parse(s, strlen(s), &v)) return "ERR";
    xd_round(&v, d);
    xd_format(&v, out);
    return out;
}

TEST(xbrl_decimal_exact)
{
    CHECK(!strcmp(canon("9007199254740993", 0, 0), "9007199254740993")); /* 2^53 + 1 */
    CHECK(!strcmp(canon("12.5", -2, 0), "0.125"));
    CHECK(!strcmp(canon("12.5", 6, 0), "12500000"));
    CHECK(!strcmp(canon("0", 6, 1), "0"));           /* no "-0" */
    CHECK(!strcmp(canon("-0.00", 0, 0), "0"));
    CHECK(!strcmp(canon("  007.50\n", 0, 0), "7.5"));
    CHECK(!strcmp(canon("1234", 0, 1), "-1234"));
    CHECK(!strcmp(canon("-1234", 0, 1), "1234"));
    CHECK(!strcmp(canon("0.1", 0, 0), "0.1"));
    CHECK(!strcmp(canon("1.5E3", 0, 0), "1500"));
    CHECK(!strcmp(canon("2.5e-3", 0, 0), "0.0025"));
    CHECK(!strcmp(canon(".5", 0, 0), "0.5"));
    CHECK(!strcmp(canon("5.", 0, 0), "5"));
    CHECK(!strcmp(canon("+3", 0, 0), "3"));
    CHECK(!strcmp(canon("1,234", 0, 0), "ERR"));
    CHECK(!strcmp(canon("", 0, 0), "ERR"));
    CHECK(!strcmp(canon("-", 0, 0), "ERR"));
    CHECK(!strcmp(canon("1.2.3", 0, 0), "ERR"));
    CHECK(!strcmp(canon("1e", 0, 0), "ERR"));
    CHECK(!strcmp(canon("1", 100000, 0), "ERR")); /* past XD_MAX_EXP: refused, not slow */
    CHECK(!strcmp(canon("1e999999999999", 0, 0), "ERR"));
    /* 200 digits: more than XD_MAX_DIGITS significant ones */
    char big[201];
    memset(big, '7', 200);
    big[200] = '\0';
    CHECK(!strcmp(canon(big, 0, 0), "ERR"));
    /* but trailing zeros past the limit are only a power of ten */
    char tens[161];
    tens[0] = '1';
    memset(tens + 1, '0', 159);
    tens[160] = '\0';
    CHECK(!strcmp(canon(tens, 0, 0), tens));
}

TEST(xbrl_decimal_round)
{
    CHECK(!strcmp(rounded("1512000", -5), "1500000"));
    CHECK(!strcmp(rounded("1550000", -5), "1600000")); /* half away from zero */
    CHECK(!strcmp(rounded("-1550000", -5), "-1600000"));
    CHECK(!strcmp(rounded("999", -1), "1000"));
    CHECK(!strcmp(rounded("0.125", 2), "0.13"));
    CHECK(!strcmp(rounded("0.125", 5), "0.125"));
    CHECK(!strcmp(rounded("4", -1), "0"));
    CHECK(!strcmp(rounded("5", -1), "10"));
    CHECK(!strcmp(rounded("123", -5), "0"));
}

/* A small inline document of a fictional company; the fact named `name`
 * (local name) in it, or NULL. */
static const edgr_xbrl_fact *fact_named(const edgr_xbrl *x, const char *name, size_t skip)
{
    for (size_t i = 0; i < edgr_xbrl_count(x); i++) {
        const edgr_xbrl_fact *f = edgr_xbrl_fact_at(x, i);
        if (f->name && !strcmp(f->name, name) && skip-- == 0) return f;
    }
    return NULL;
}

static const char INLINE_DOC[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"\n"
    " xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\"\n"
    " xmlns:ixt-sec=\"http://www.sec.gov/inlineXBRL/transformation/2015-08-31\"\n"
    " xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\"\n"
    " xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    " xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\" xmlns:dei=\"http://xbrl.sec.gov/dei/2024\"\n"
    " xmlns:wdgt=\"http://example.com/wdgt/20251231\">\n"
    "<body><div style=\"display:none\"><ix:header><ix:hidden>\n"
    "<ix:nonNumeric name=\"dei:EntityCentralIndexKey\" contextRef=\"c1\" id=\"h1\">0009900308</ix:nonNumeric>\n"
    "</ix:hidden><ix:resources>\n"
    "<xbrli:context id=\"c1\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0009900308"
    "</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2025-01-01</xbrli:startDate>"
    "<xbrli:endDate>2025-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n"
    "<xbrli:context id=\"c2\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0009900308"
    "</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension=\"us-gaap:StatementGeographicalAxis\">"
    "wdgt:NorthMember</xbrldi:explicitMember><xbrldi:typedMember dimension=\"wdgt:PlantAxis\"><wdgt:PlantId>"
    " 42 </wdgt:PlantId></xbrldi:typedMember></xbrli:segment></xbrli:entity><xbrli:period>"
    "<xbrli:instant>2025-12-31</xbrli:instant></xbrli:period></xbrli:context>\n"
    "<xbrli:unit id=\"usd\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n"
    "<xbrli:unit id=\"ups\"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure>"
    "</xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure>"
    "</xbrli:unitDenominator></xbrli:divide></xbrli:unit>\n"
    "</ix:resources></ix:header></div>\n"
    "<p>Revenue <ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c1\" unitRef=\"usd\" decimals=\"-6\""
    " scale=\"6\" format=\"ixt:num-dot-decimal\" id=\"r1\">1,234.5</ix:nonFraction> million;"
    " again <ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c1\" unitRef=\"usd\" decimals=\"-8\""
    " scale=\"9\" format=\"ixt:num-dot-decimal\">1.2</ix:nonFraction> billion.</p>\n"
    "<p>Loss (<ix:nonFraction name=\"us-gaap:ProfitLoss\" contextRef=\"c1\" unitRef=\"usd\" decimals=\"0\""
    " sign=\"-\" format=\"ixt:num-dot-decimal\">9,007,199,254,740,993</ix:nonFraction>)</p>\n"
    "<p>EPS <ix:nonFraction name=\"us-gaap:EarningsPerShareBasic\" contextRef=\"c1\" unitRef=\"ups\""
    " decimals=\"2\" scale=\"-2\">12.5</ix:nonFraction>, none <ix:nonFraction name=\"us-gaap:Goodwill\""
    " contextRef=\"c2\" unitRef=\"usd\" decimals=\"INF\" format=\"ixt:fixed-zero\" sign=\"-\">&#8212;"
    "</ix:nonFraction>, nil <ix:nonFraction name=\"us-gaap:Liabilities\" contextRef=\"c2\" unitRef=\"usd\""
    " xsi:nil=\"true\"/>, odd <ix:nonFraction name=\"us-gaap:Assets\" contextRef=\"c2\" unitRef=\"usd\""
    " decimals=\"0\" format=\"ixt:num-roman\">XII</ix:nonFraction>.</p>\n"
    "<ix:nonNumeric name=\"us-gaap:SegmentsTextBlock\" contextRef=\"c1\" escape=\"true\" continuedAt=\"k1\">"
    "<b>Part one</b> <ix:exclude>PAGE 7</ix:exclude>and</ix:nonNumeric>\n"
    "<p>not in it</p><ix:continuation id=\"k2\"> part three</ix:continuation>\n"
    "<ix:continuation id=\"k1\" continuedAt=\"k2\"> part two</ix:continuation>\n"
    "<p>Date <ix:nonNumeric name=\"dei:DocumentPeriodEndDate\" contextRef=\"c1\""
    " format=\"ixt:date-monthname-day-year-en\">December 31, 2025</ix:nonNumeric>;"
    " state <ix:nonNumeric name=\"dei:EntityIncorporationStateCountryCode\" contextRef=\"c1\""
    " format=\"ixt-sec:stateprovnameen\">Delaware</ix:nonNumeric>.</p>\n"
    "<ix:footnote id=\"fn1\">Restated.</ix:footnote>"
    "<ix:relationship fromRefs=\"r1\" toRefs=\"fn1\"/>\n"
    "</body></html>\n";

TEST(xbrl_inline_facts)
{
    edgr_xbrl *x = NULL;
    CHECK(edgr_xbrl_read(INLINE_DOC, sizeof INLINE_DOC - 1, NULL, &x) == EDGR_OK);
    if (!x) return;
    CHECK(edgr_xbrl_format_of(x) == EDGR_XBRL_INLINE);
    const edgr_xbrl_fact *f = fact_named(x, "Revenues", 0);
    CHECK(f && f->value && !strcmp(f->value, "1234500000"));
    CHECK(f && f->unit && !strcmp(f->unit->key, "USD"));
    CHECK(f && f->ns && !strcmp(f->ns, "http://fasb.org/us-gaap/2024"));
    CHECK(f && f->nfootnotes == 1 && !strcmp(f->footnotes[0], "Restated."));
    CHECK(f && !f->duplicate); /* the more precise of two that agree at -8 */
    const edgr_xbrl_fact *g = fact_named(x, "Revenues", 1);
    CHECK(g && g->value && !strcmp(g->value, "1200000000") && g->duplicate);
    f = fact_named(x, "ProfitLoss", 0);
    CHECK(f && f->value && !strcmp(f->value, "-9007199254740993"));
    f = fact_named(x, "EarningsPerShareBasic", 0);
    CHECK(f && f->value && !strcmp(f->value, "0.125") && f->unit && !strcmp(f->unit->key, "USD/shares"));
    CHECK(f && f->unit && !strcmp(f->unit->measures, "iso4217:USD/xbrli:shares"));
    f = fact_named(x, "Goodwill", 0);
    CHECK(f && f->value && !strcmp(f->value, "0"));
    CHECK(f && f->context && f->context->instant && f->context->nmembers == 2);
    if (f && f->context && f->context->nmembers == 2) {
        CHECK(!strcmp(f->context->members[0].dimension, "us-gaap:StatementGeographicalAxis"));
        CHECK(!strcmp(f->context->members[0].member, "wdgt:NorthMember"));
        CHECK(f->context->members[1].typed && !strcmp(f->context->members[1].member, "42"));
    }
    f = fact_named(x, "Liabilities", 0);
    CHECK(f && f->nil && !f->value);
    f = fact_named(x, "Assets", 0);
    CHECK(f && f->untransformed && f->value && !strcmp(f->value, "XII"));
    f = fact_named(x, "SegmentsTextBlock", 0);
    CHECK(f && f->value && !strcmp(f->value, "Part one and part two part three"));
    CHECK(f && f->markup && strstr(f->markup, "<b>Part one</b>") && !strstr(f->markup, "PAGE 7"));
    f = fact_named(x, "DocumentPeriodEndDate", 0);
    CHECK(f && f->value && !strcmp(f->value, "2025-12-31"));
    f = fact_named(x, "EntityIncorporationStateCountryCode", 0);
    CHECK(f && f->value && !strcmp(f->value, "DE"));
    f = fact_named(x, "EntityCentralIndexKey", 0);
    CHECK(f && f->value && !strcmp(f->value, "0009900308"));
    /* one problem: the unknown format (the duplicates agree) */
    size_t untransformed = 0, conflicts = 0;
    for (size_t i = 0; i < edgr_xbrl_problem_count(x); i++) {
        const edgr_xbrl_problem *p = edgr_xbrl_problem_at(x, i);
        untransformed += p->kind == EDGR_XBRL_UNTRANSFORMED;
        conflicts += p->kind == EDGR_XBRL_CONFLICT;
    }
    CHECK(untransformed == 1 && conflicts == 0);
    edgr_xbrl_free(x);
}

TEST(xbrl_inline_conflict)
{
    static const char doc[] =
        "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\">"
        "<ix:nonFraction name=\"us-gaap:Cash\" contextRef=\"c\" unitRef=\"u\" decimals=\"-3\">1500</ix:nonFraction>"
        "<ix:nonFraction name=\"us-gaap:Cash\" contextRef=\"c\" unitRef=\"u\" decimals=\"0\">1400</ix:nonFraction>"
        "</html>";
    edgr_xbrl *x = NULL;
    CHECK(edgr_xbrl_read(doc, sizeof doc - 1, NULL, &x) == EDGR_OK);
    if (!x) return;
    size_t conflicts = 0, no_context = 0;
    for (size_t i = 0; i < edgr_xbrl_problem_count(x); i++) {
        conflicts += edgr_xbrl_problem_at(x, i)->kind == EDGR_XBRL_CONFLICT;
        no_context += edgr_xbrl_problem_at(x, i)->kind == EDGR_XBRL_NO_CONTEXT;
    }
    CHECK(conflicts == 1);   /* 1500 against 1400 at -3: 2000 and 1000 */
    CHECK(no_context == 4);  /* c and u are declared nowhere: said, not fatal */
    CHECK(edgr_xbrl_count(x) == 2 && !edgr_xbrl_fact_at(x, 0)->duplicate && !edgr_xbrl_fact_at(x, 1)->duplicate);
    edgr_xbrl_free(x);
}

static const char INSTANCE_DOC[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:link=\"http://www.xbrl.org/2003/linkbase\"\n"
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\"\n"
    " xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<link:schemaRef xlink:type=\"simple\" xlink:href=\"wdgt-20251231.xsd\"/>\n"
    "<xbrli:context id=\"c1\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0009900308"
    "</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2025-01-01</xbrli:startDate>"
    "<xbrli:endDate>2025-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n"
    "<xbrli:unit id=\"usd\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n"
    "<us-gaap:Revenues contextRef=\"c1\" unitRef=\"usd\" decimals=\"-6\" id=\"r1\">1234500000.00</us-gaap:Revenues>\n"
    "<us-gaap:Liabilities contextRef=\"c1\" unitRef=\"usd\" xsi:nil=\"true\"/>\n"
    "<us-gaap:Policy contextRef=\"c1\">&lt;p&gt;Text &amp; more&lt;/p&gt;</us-gaap:Policy>\n"
    "<link:footnoteLink xlink:type=\"extended\" xlink:role=\"http://www.xbrl.org/2003/role/link\">"
    "<link:loc xlink:type=\"locator\" xlink:href=\"#r1\" xlink:label=\"L1\"/>"
    "<link:footnote xlink:type=\"resource\" xlink:label=\"F1\" xml:lang=\"en-US\">Restated.</link:footnote>"
    "<link:footnoteArc xlink:type=\"arc\" xlink:arcrole=\"http://www.xbrl.org/2003/arcrole/fact-footnote\""
    " xlink:from=\"L1\" xlink:to=\"F1\"/></link:footnoteLink>\n"
    "</xbrli:xbrl>\n";

TEST(xbrl_instance_facts)
{
    edgr_xbrl *x = NULL;
    CHECK(edgr_xbrl_read(INSTANCE_DOC, sizeof INSTANCE_DOC - 1, NULL, &x) == EDGR_OK);
    if (!x) return;
    CHECK(edgr_xbrl_format_of(x) == EDGR_XBRL_INSTANCE);
    CHECK(edgr_xbrl_count(x) == 3);
    const edgr_xbrl_fact *f = fact_named(x, "Revenues", 0);
    CHECK(f && f->value && !strcmp(f->value, "1234500000")); /* canonical, as the inline one */
    CHECK(f && f->nfootnotes == 1 && !strcmp(f->footnotes[0], "Restated."));
    CHECK(f && f->context && f->context->start && !strcmp(f->context->start, "2025-01-01"));
    f = fact_named(x, "Liabilities", 0);
    CHECK(f && f->nil && !f->value);
    f = fact_named(x, "Policy", 0);
    CHECK(f && f->value && !strcmp(f->value, "<p>Text & more</p>"));
    CHECK(edgr_xbrl_problem_count(x) == 0);
    edgr_xbrl_free(x);
}

TEST(xbrl_instance_broken)
{
    static const char doc[] = "<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\"><a></b>";
    edgr_xbrl *x = NULL;
    CHECK(edgr_xbrl_read(doc, sizeof doc - 1, NULL, &x) == EDGR_ERR_DECODE);
    CHECK(x && edgr_xbrl_problem_count(x) >= 1);
    if (x) CHECK(strstr(edgr_xbrl_problem_at(x, 0)->message, "not well-formed") != NULL);
    edgr_xbrl_free(x);
    /* no XBRL at all: a result with nothing */
    CHECK(edgr_xbrl_read("<html><p>hi</p></html>", 22, NULL, &x) == EDGR_OK);
    CHECK(x && edgr_xbrl_format_of(x) == EDGR_XBRL_NONE && edgr_xbrl_count(x) == 0);
    edgr_xbrl_free(x);
    CHECK(edgr_xbrl_read(NULL, 0, NULL, &x) == EDGR_OK);
    edgr_xbrl_free(x);
    CHECK(edgr_xbrl_read("x", 1, NULL, NULL) == EDGR_ERR_ARG);
}
