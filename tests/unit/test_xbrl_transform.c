/* The Inline XBRL transformation rules (transform.h): every registry and
 * rule family, with the texts that fit and those that do not. */
#include <string.h>

#include "test.h"
#include "transform.h"

static const char TR1[] = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20";
static const char TR2[] = "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31";
static const char TR3[] = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26";
static const char TR4[] = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";
static const char TR5[] = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16";
static const char SEC[] = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31";

static char got[256];
static ixt_kind got_kind;

static ixt_status apply(const char *ns, const char *name, const char *text)
{
    memset(got, 'x', sizeof got);
    got_kind = (ixt_kind)-1;
    return ixt_apply(ns, strlen(ns), name, strlen(name), text, strlen(text), got, sizeof got, &got_kind);
}

/* The rule gives want, of kind k. */
#define CHECK_IXT(ns, name, text, want, k)                                                  \
    do {                                                                                   \
        ixt_status st_ = apply((ns), (name), (text));                                     \
        if (st_ != IXT_OK || strcmp(got, (want)) != 0 || got_kind != (k)) {                 \
            fprintf(stderr, "  %s:%d: %s(\"%s\") gave %d \"%s\" kind %d, want \"%s\" kind %d\n", \
                    __FILE__, __LINE__, (name), (text), (int)st_, st_ == IXT_OK ? got : "",   \
                    (int)got_kind, (want), (int)(k));                                      \
            test_failures++;                                                               \
        }                                                                                  \
    } while (0)

/* The rule refuses the text (and leaves out empty). */
#define CHECK_BAD(ns, name, text)                                                           \
    do {                                                                                   \
        ixt_status st_ = apply((ns), (name), (text));                                     \
        if (st_ != IXT_INVALID || got[0] != '\0') {                                        \
            fprintf(stderr, "  %s:%d: %s(\"%s\") gave %d \"%s\", want IXT_INVALID\n",         \
                    __FILE__, __LINE__, (name), (text), (int)st_, st_ == IXT_OK ? got : "");  \
            test_failures++;                                                               \
        }                                                                                  \
    } while (0)

#define NUM(ns, name, text, want) CHECK_IXT(ns, name, text, want, IXT_K_NUMBER)
#define DATE(ns, name, text, want) CHECK_IXT(ns, name, text, want, IXT_K_DATE)
#define DUR(ns, name, text, want) CHECK_IXT(ns, name, text, want, IXT_K_DURATION)
#define TEXT(ns, name, text, want) CHECK_IXT(ns, name, text, want, IXT_K_TEXT)
#define BOOL(ns, name, text, want) CHECK_IXT(ns, name, text, want, IXT_K_BOOLEAN)

TEST(ixt_registries_known)
{
    CHECK(ixt_registry_known(TR1, strlen(TR1)));
    CHECK(ixt_registry_known(TR2, strlen(TR2)));
    CHECK(ixt_registry_known(TR3, strlen(TR3)));
    CHECK(ixt_registry_known(TR4, strlen(TR4)));
    CHECK(ixt_registry_known(TR5, strlen(TR5)));
    CHECK(ixt_registry_known(SEC, strlen(SEC)));
    CHECK(!ixt_registry_known(TR4, strlen(TR4) - 1));
    CHECK(!ixt_registry_known("http://www.xbrl.org/2003/instance", 33));
    CHECK(!ixt_registry_known("", 0));
    CHECK(!ixt_registry_known(NULL, 0));
}

TEST(ixt_unknown_names_and_registries)
{
    CHECK(apply(TR1, "num-dot-decimal", "1") == IXT_UNKNOWN); /* a TR4 name */
    CHECK(apply(TR4, "numdotdecimal", "1") == IXT_UNKNOWN);   /* a TR2/TR3 name */
    CHECK(apply(TR2, "numcommadot", "1") == IXT_UNKNOWN);     /* TR1 only */
    CHECK(apply(TR2, "numdotdecimalin", "1") == IXT_UNKNOWN); /* TR3 on */
    CHECK(apply(TR4, "num-dot-decimal-apos", "1") == IXT_UNKNOWN); /* TR5 on */
    CHECK(apply(TR4, "zerodash", "-") == IXT_UNKNOWN);
    CHECK(apply(SEC, "num-dot-decimal", "1") == IXT_UNKNOWN);
    CHECK(apply(TR4, "duryear", "1") == IXT_UNKNOWN);
    CHECK(apply(TR4, "no-such-rule", "1") == IXT_UNKNOWN);
    CHECK(apply(TR4, "", "1") == IXT_UNKNOWN);
    CHECK(apply(TR4, "num-dot-decimalx", "1") == IXT_UNKNOWN);
    CHECK(apply(TR4, "num-dot-decima", "1") == IXT_UNKNOWN);
    CHECK(apply("http://example.com/ixt", "num-dot-decimal", "1") == IXT_UNKNOWN);
    CHECK(got[0] == '\0');
    /* names are exact: case matters */
    CHECK(apply(TR4, "Num-Dot-Decimal", "1") == IXT_UNKNOWN);
}

/* Every rule of every table is found: a table out of order would lose
 * some of them to the binary search. */
TEST(ixt_every_listed_rule_is_found)
{
    static const char *const tr1[] = {
        "datedoteu", "datedotus", "datelongdaymonthuk", "datelongmonthdayus", "datelongmonthyear",
        "datelonguk", "datelongus", "datelongyearmonth", "dateshortdaymonthuk",
        "dateshortmonthdayus", "dateshortmonthyear", "dateshortuk", "dateshortus",
        "dateshortyearmonth", "dateslashdaymontheu", "dateslasheu", "dateslashmonthdayus",
        "dateslashus", "numcomma", "numcommadot", "numdash", "numdotcomma", "numspacecomma",
        "numspacedot",
    };
    static const char *const tr3[] = {
        "booleanfalse", "booleantrue", "datedaymonth", "datedaymonthdk", "datedaymonthen",
        "datedaymonthyear", "datedaymonthyeardk", "datedaymonthyearen", "dateerayearmonthdayjp",
        "dateerayearmonthjp", "datemonthday", "datemonthdayen", "datemonthdayyear",
        "datemonthdayyearen", "datemonthyear", "datemonthyeardk", "datemonthyearen",
        "dateyearmonthcjk", "dateyearmonthday", "dateyearmonthdaycjk", "dateyearmonthen",
        "nocontent", "numcommadecimal", "numdotdecimal", "numdotdecimalin", "numunitdecimal",
        "numunitdecimalin", "zerodash",
    };
    static const char *const tr5[] = {
        "date-day-month", "date-day-month-year", "date-day-monthname-da", "date-day-monthname-en",
        "date-day-monthname-sv", "date-day-monthname-year-da", "date-day-monthname-year-en",
        "date-day-monthname-year-sv", "date-day-monthroman", "date-day-monthroman-year",
        "date-jpn-era-year-month", "date-jpn-era-year-month-day", "date-month-day",
        "date-month-day-year", "date-month-year", "date-monthname-day-en",
        "date-monthname-day-year-en", "date-monthname-year-da", "date-monthname-year-en",
        "date-monthname-year-sv", "date-monthroman-year", "date-year-month", "date-year-month-day",
        "date-year-monthname-en", "fixed-empty", "fixed-false", "fixed-true", "fixed-zero",
        "num-comma-decimal", "num-comma-decimal-apos", "num-dot-decimal", "num-dot-decimal-apos",
        "num-dot-decimal-in", "num-unit-decimal", "num-unit-decimal-apos", "num-unit-decimal-in",
    };
    static const char *const sec[] = {
        "boolballotbox", "countrynameen", "datequarterend", "durday", "durhour", "durmonth",
        "durweek", "durwordsen", "duryear", "entityfilercategoryen", "exchnameen", "numinf",
        "numnan", "numneginf", "numwordsen", "stateprovnameen", "yesnoballotbox",
    };
    for (size_t i = 0; i < sizeof tr1 / sizeof tr1[0]; i++) CHECK(apply(TR1, tr1[i], "?") != IXT_UNKNOWN);
    for (size_t i = 0; i < sizeof tr3 / sizeof tr3[0]; i++) CHECK(apply(TR3, tr3[i], "?") != IXT_UNKNOWN);
    for (size_t i = 0; i < sizeof tr5 / sizeof tr5[0]; i++) CHECK(apply(TR5, tr5[i], "?") != IXT_UNKNOWN);
    for (size_t i = 0; i < sizeof sec / sizeof sec[0]; i++) CHECK(apply(SEC, sec[i], "?") != IXT_UNKNOWN);
}

TEST(ixt_num_dot_decimal_tr4)
{
    NUM(TR4, "num-dot-decimal", "1,234,567.89", "1234567.89");
    NUM(TR4, "num-dot-decimal", "9007199254740993", "9007199254740993");
    NUM(TR4, "num-dot-decimal", "123456789012345678901234567890.000000000000000000001",
        "123456789012345678901234567890.000000000000000000001");
    NUM(TR4, "num-dot-decimal", "  1 234 567.5 ", "1234567.5");
    NUM(TR4, "num-dot-decimal", "1\xc2\xa0" "234", "1234");         /* no-break space */
    NUM(TR4, "num-dot-decimal", "\xc2\xa0" "12\xc2\xa0", "12");       /* trimmed */
    NUM(TR4, "num-dot-decimal", "0", "0");
    NUM(TR4, "num-dot-decimal", "000", "0");
    NUM(TR4, "num-dot-decimal", "007.50", "7.5");
    NUM(TR4, "num-dot-decimal", "1,000.00", "1000");
    NUM(TR4, "num-dot-decimal", ".5", "0.5");
    NUM(TR4, "num-dot-decimal", "1,2,3", "123"); /* TR4 leaves the grouping free */
    NUM(TR4, "num-dot-decimal", "1000000", "1000000");
    CHECK_BAD(TR4, "num-dot-decimal", "1.2.3");
    CHECK_BAD(TR4, "num-dot-decimal", "12a");
    CHECK_BAD(TR4, "num-dot-decimal", "abc");
    CHECK_BAD(TR4, "num-dot-decimal", "");
    CHECK_BAD(TR4, "num-dot-decimal", "   ");
    CHECK_BAD(TR4, "num-dot-decimal", ",,,");
    CHECK_BAD(TR4, "num-dot-decimal", "1.");
    CHECK_BAD(TR4, "num-dot-decimal", "-5"); /* the sign is the caller's */
    CHECK_BAD(TR4, "num-dot-decimal", "1'234"); /* apostrophes: TR5's -apos */
    CHECK_BAD(TR4, "num-dot-decimal", "1.234,5");
    /* TR5 has the same rule */
    NUM(TR5, "num-dot-decimal", "1,234.5", "1234.5");
}

TEST(ixt_num_comma_decimal_tr4)
{
    NUM(TR4, "num-comma-decimal", "1.234.567,89", "1234567.89");
    NUM(TR4, "num-comma-decimal", "1 234,5", "1234.5");
    NUM(TR4, "num-comma-decimal", "0,50", "0.5");
    NUM(TR4, "num-comma-decimal", ",5", "0.5");
    CHECK_BAD(TR4, "num-comma-decimal", "1,2,3");
    CHECK_BAD(TR4, "num-comma-decimal", "1,234.5");
    CHECK_BAD(TR4, "num-comma-decimal", "x");
}

TEST(ixt_num_apos_tr5)
{
    NUM(TR5, "num-dot-decimal-apos", "1'234'567.25", "1234567.25");
    NUM(TR5, "num-dot-decimal-apos", "1\xe2\x80\x99" "234", "1234"); /* U+2019 */
    NUM(TR5, "num-comma-decimal-apos", "1'234,5", "1234.5");
    NUM(TR5, "num-dot-decimal-apos", "1'234,567", "1234567"); /* commas group too */
    CHECK_BAD(TR5, "num-dot-decimal-apos", "1'234.5.6");
    CHECK_BAD(TR5, "num-comma-decimal-apos", "1'234.5,6,7");
    NUM(TR5, "num-unit-decimal-apos", "1'234 Fr. 50", "1234.5");
}

TEST(ixt_num_tr2_tr3_grouping)
{
    NUM(TR2, "numdotdecimal", "1,234,567.89", "1234567.89");
    NUM(TR2, "numdotdecimal", "1234567", "1234567");
    NUM(TR2, "numdotdecimal", "1 234", "1234");
    NUM(TR3, "numdotdecimal", "12,345.0", "12345");
    CHECK_BAD(TR2, "numdotdecimal", "1,23,456"); /* groups of three */
    CHECK_BAD(TR2, "numdotdecimal", ".5");       /* TR2 wants the integer */
    CHECK_BAD(TR2, "numdotdecimal", "1.2.3");
    CHECK_BAD(TR2, "numdotdecimal", "1,234,");
    NUM(TR2, "numcommadecimal", "1.234.567,89", "1234567.89");
    NUM(TR3, "numcommadecimal", "1 234,5", "1234.5");
    CHECK_BAD(TR3, "numcommadecimal", "1,234.5");
    /* Indian grouping: lakhs and crores */
    NUM(TR3, "numdotdecimalin", "1,23,45,678.90", "12345678.9");
    NUM(TR3, "numdotdecimalin", "12,345", "12345");
    NUM(TR3, "numdotdecimalin", "12345678", "12345678");
    NUM(TR4, "num-dot-decimal-in", "10,00,000", "1000000");
    CHECK_BAD(TR3, "numdotdecimalin", "1,234,567");
    CHECK_BAD(TR3, "numdotdecimalin", "123,45,678");
}

TEST(ixt_num_tr1)
{
    NUM(TR1, "numcommadot", "1,234,567.89", "1234567.89");
    NUM(TR1, "numcommadot", "123", "123");
    CHECK_BAD(TR1, "numcommadot", "1234");  /* TR1 wants every separator */
    CHECK_BAD(TR1, "numcommadot", "1,23");
    NUM(TR1, "numdotcomma", "1.234.567,89", "1234567.89");
    NUM(TR1, "numspacedot", "1 234 567.89", "1234567.89");
    NUM(TR1, "numspacedot", "1\xc2\xa0" "234", "1234");
    NUM(TR1, "numspacecomma", "1 234,5", "1234.5");
    NUM(TR1, "numcomma", "1234,5", "1234.5");
    CHECK_BAD(TR1, "numcomma", "1.234,5");
    NUM(TR1, "numdash", " - ", "0");
    CHECK_BAD(TR1, "numdash", "\xe2\x80\x94"); /* TR1's dash is '-' alone */
}

TEST(ixt_zero_dash_and_fixed)
{
    NUM(TR2, "zerodash", "-", "0");
    NUM(TR3, "zerodash", "\xe2\x80\x94", "0");       /* em dash */
    NUM(TR3, "zerodash", " \xe2\x80\x93 ", "0");     /* en dash */
    NUM(TR3, "zerodash", "\xef\xbc\x8d", "0");       /* full-width */
    CHECK_BAD(TR3, "zerodash", "--");
    CHECK_BAD(TR3, "zerodash", "0");
    CHECK_BAD(TR3, "zerodash", "");
    NUM(TR4, "fixed-zero", "anything at all", "0");
    NUM(TR4, "fixed-zero", "", "0");
    BOOL(TR4, "fixed-true", "Yes", "true");
    BOOL(TR4, "fixed-false", "", "false");
    TEXT(TR4, "fixed-empty", "some text", "");
    BOOL(TR2, "booleantrue", "x", "true");
    BOOL(TR3, "booleanfalse", "x", "false");
    TEXT(TR3, "nocontent", "x", "");
}

TEST(ixt_num_unit_decimal)
{
    NUM(TR2, "numunitdecimal", "5\xe3\x83\x89\xe3\x83\xab" "20\xe3\x82\xbb\xe3\x83\xb3\xe3\x83\x88", "5.2"); /* 5ドル20セント */
    NUM(TR2, "numunitdecimal", "1,234 euros 5 cents", "1234.05");
    CHECK_BAD(TR2, "numunitdecimal", "\xef\xbc\x91\xef\xbc\x92\xe5\x86\x86"); /* 12円: no minor part */
    CHECK_BAD(TR2, "numunitdecimal", "012 euros 5");  /* TR2: no leading zero */
    CHECK_BAD(TR2, "numunitdecimal", "12 eu.ros 5");  /* TR2: no stop in the unit */
}

TEST(ixt_num_unit_decimal_tr4)
{
    NUM(TR4, "num-unit-decimal", "1.234 dollars 56 cents", "1234.56");
    NUM(TR4, "num-unit-decimal", "\xef\xbc\x95\xe5\x86\x86\xef\xbc\x90\xef\xbc\x95", "5.05"); /* ５円０５ */
    NUM(TR4, "num-unit-decimal", "0 dollars 00", "0");
    CHECK_BAD(TR4, "num-unit-decimal", "5 dollars");
    CHECK_BAD(TR4, "num-unit-decimal", "5 dollars 123 cents");
    CHECK_BAD(TR4, "num-unit-decimal", "dollars 5");
    NUM(TR3, "numunitdecimalin", "1,00,000 rupees 50 paise", "100000.5");
    NUM(TR4, "num-unit-decimal-in", "12 Rs 5", "12.05");
}

TEST(ixt_dates_tr4_english)
{
    DATE(TR4, "date-monthname-day-year-en", "March 29, 2025", "2025-03-29");
    DATE(TR4, "date-monthname-day-year-en", "Feb. 29, 2024", "2024-02-29");
    DATE(TR4, "date-monthname-day-year-en", "SEPT. 30, 2024", "2024-09-30");
    DATE(TR4, "date-monthname-day-year-en", "december 31 2023", "2023-12-31");
    DATE(TR4, "date-monthname-day-year-en", "Jan\xc2\xa0" "5,\xc2\xa0" "2021", "2021-01-05");
    DATE(TR4, "date-monthname-day-year-en", "March 29, 25", "2025-03-29"); /* 20yy */
    CHECK_BAD(TR4, "date-monthname-day-year-en", "February 29, 2023");
    CHECK_BAD(TR4, "date-monthname-day-year-en", "February 30, 2024");
    CHECK_BAD(TR4, "date-monthname-day-year-en", "Febr 3, 2024");
    CHECK_BAD(TR4, "date-monthname-day-year-en", "Mayday 3, 2024");
    CHECK_BAD(TR4, "date-monthname-day-year-en", "March 29, 202");
    CHECK_BAD(TR4, "date-monthname-day-year-en", "March 29");
    CHECK_BAD(TR4, "date-monthname-day-year-en", "29 March 2025");
    DATE(TR4, "date-day-monthname-year-en", "29 March 2025", "2025-03-29");
    DATE(TR4, "date-day-monthname-year-en", "1st of Jan. 2000", "2000-01-01");
    DATE(TR4, "date-day-monthname-year-en", "29-MAR-2025", "2025-03-29");
    CHECK_BAD(TR4, "date-day-monthname-year-en", "31 April 2025");
    DATE(TR4, "date-day-monthname-en", "29 March", "--03-29");
    DATE(TR4, "date-day-monthname-en", "29 Feb.", "--02-29");
    CHECK_BAD(TR4, "date-day-monthname-en", "30 Feb");
    DATE(TR4, "date-monthname-day-en", "March 29th", "--03-29");
    DATE(TR4, "date-monthname-year-en", "March 2025", "2025-03");
    DATE(TR4, "date-monthname-year-en", "Dec. 2025", "2025-12");
    DATE(TR4, "date-year-monthname-en", "2025 March", "2025-03");
    CHECK_BAD(TR4, "date-monthname-year-en", "Marc 2025");
}

TEST(ixt_dates_tr4_numeric)
{
    DATE(TR4, "date-day-month-year", "29/03/2025", "2025-03-29");
    DATE(TR4, "date-day-month-year", "29.3.25", "2025-03-29");
    DATE(TR4, "date-day-month-year", "1-1-5", "2005-01-01"); /* one digit: 200y */
    DATE(TR4, "date-month-day-year", "03/29/2025", "2025-03-29");
    DATE(TR4, "date-month-day-year", "2/29/2000", "2000-02-29");  /* 400-year leap */
    CHECK_BAD(TR4, "date-month-day-year", "2/29/2100");           /* century: no leap */
    CHECK_BAD(TR4, "date-month-day-year", "13/01/2025");
    CHECK_BAD(TR4, "date-month-day-year", "0/01/2025");
    CHECK_BAD(TR4, "date-month-day-year", "1/0/2025");
    CHECK_BAD(TR4, "date-month-day-year", "1/1/0000");
    CHECK_BAD(TR4, "date-month-day-year", "123/1/2025");
    CHECK_BAD(TR4, "date-month-day-year", "1/1/2025x");
    DATE(TR4, "date-year-month-day", "2025-03-29", "2025-03-29");
    DATE(TR4, "date-year-month-day", "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95/3/29", "2025-03-29");
    DATE(TR4, "date-day-month", "29/3", "--03-29");
    DATE(TR4, "date-day-month", "29/2", "--02-29");
    CHECK_BAD(TR4, "date-day-month", "30/2");
    DATE(TR4, "date-month-day", "3/29", "--03-29");
    DATE(TR4, "date-month-year", "3/2025", "2025-03");
    DATE(TR4, "date-year-month", "2025/03", "2025-03");
    CHECK_BAD(TR4, "date-month-year", "13/2025");
}

TEST(ixt_dates_tr2_tr3)
{
    DATE(TR2, "datemonthdayyearen", "March 29, 2025", "2025-03-29");
    DATE(TR2, "datedaymonthyearen", "29 March 2025", "2025-03-29");
    DATE(TR2, "datedaymonthyear", "29.03.2025", "2025-03-29");
    DATE(TR2, "datemonthdayyear", "03/29/2025", "2025-03-29");
    DATE(TR2, "datemonthyearen", "March 2025", "2025-03");
    DATE(TR2, "dateyearmonthen", "2025 Mar", "2025-03");
    DATE(TR2, "datedaymonth", "29/03", "--03-29");
    DATE(TR2, "datemonthday", "03/29", "--03-29");
    DATE(TR2, "datedaymonthen", "29 March", "--03-29");
    DATE(TR2, "datemonthdayen", "March 29", "--03-29");
    CHECK_BAD(TR2, "datemonthdayyearen", "Smarch 29, 2025");
    DATE(TR3, "datemonthyear", "03/2025", "2025-03");
    DATE(TR3, "dateyearmonthday", "2025.03.29", "2025-03-29");
    DATE(TR3, "datedaymonthyeardk", "29. marts 2025", "2025-03-29");
    DATE(TR3, "datedaymonthdk", "1. okt.", "--10-01");
    DATE(TR3, "datemonthyeardk", "maj 2025", "2025-05");
    DATE(TR5, "date-day-monthname-year-sv", "29 mars 2025", "2025-03-29");
    CHECK_BAD(TR3, "datedaymonthyeardk", "29 xyz 2025");
}

TEST(ixt_dates_roman_cjk_japanese)
{
    DATE(TR4, "date-day-monthroman-year", "29 III 2025", "2025-03-29");
    DATE(TR4, "date-day-monthroman", "1.xii", "--12-01");
    DATE(TR4, "date-monthroman-year", "IX 2024", "2024-09");
    CHECK_BAD(TR4, "date-monthroman-year", "XIII 2024");
    /* 2025年3月29日, full-width digits too */
    DATE(TR2, "dateyearmonthdaycjk", "2025\xe5\xb9\xb4" "3\xe6\x9c\x88" "29\xe6\x97\xa5", "2025-03-29");
    DATE(TR3, "dateyearmonthdaycjk",
         "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95\xe5\xb9\xb4\xef\xbc\x93\xe6\x9c\x88\xef\xbc\x92\xef\xbc\x99\xe6\x97\xa5",
         "2025-03-29");
    DATE(TR2, "dateyearmonthcjk", "2025\xe5\xb9\xb4 3\xe6\x9c\x88", "2025-03");
    CHECK_BAD(TR2, "dateyearmonthdaycjk", "2025\xe5\xb9\xb4" "2\xe6\x9c\x88" "30\xe6\x97\xa5");
    /* 令和6年3月29日 = 2024-03-29; 平成元年1月8日 = 1989-01-08 */
    DATE(TR4, "date-jpn-era-year-month-day", "\xe4\xbb\xa4\xe5\x92\x8c" "6\xe5\xb9\xb4" "3\xe6\x9c\x88" "29\xe6\x97\xa5",
         "2024-03-29");
    DATE(TR2, "dateerayearmonthdayjp", "\xe5\xb9\xb3\xe6\x88\x90\xe5\x85\x83\xe5\xb9\xb4" "1\xe6\x9c\x88" "8\xe6\x97\xa5",
         "1989-01-08");
    DATE(TR2, "dateerayearmonthjp", "\xe6\x98\xad\xe5\x92\x8c" "64\xe5\xb9\xb4" "1\xe6\x9c\x88", "1989-01");
    CHECK_BAD(TR2, "dateerayearmonthjp", "64\xe5\xb9\xb4" "1\xe6\x9c\x88");
}

TEST(ixt_dates_tr1)
{
    DATE(TR1, "dateslashus", "03/29/2025", "2025-03-29");
    DATE(TR1, "dateslasheu", "29/03/25", "2025-03-29");
    DATE(TR1, "datedotus", "3.29.2025", "2025-03-29");
    DATE(TR1, "datedoteu", "29.3.2025", "2025-03-29");
    CHECK_BAD(TR1, "dateslashus", "03-29-2025"); /* TR1 names its separator */
    DATE(TR1, "datelongus", "March 29, 2025", "2025-03-29");
    DATE(TR1, "dateshortus", "Mar 29, 2025", "2025-03-29");
    DATE(TR1, "datelonguk", "29 March 2025", "2025-03-29");
    DATE(TR1, "dateshortuk", "29 Mar 2025", "2025-03-29");
    CHECK_BAD(TR1, "datelongus", "March 29 2025");
    DATE(TR1, "datelongdaymonthuk", "29 March", "--03-29");
    DATE(TR1, "dateshortmonthdayus", "Mar 29", "--03-29");
    DATE(TR1, "dateslashdaymontheu", "29/03", "--03-29");
    DATE(TR1, "dateslashmonthdayus", "03/29", "--03-29");
    DATE(TR1, "datelongyearmonth", "2025 March", "2025-03");
    DATE(TR1, "dateshortmonthyear", "Mar 2025", "2025-03");
    CHECK_BAD(TR1, "datelonguk", "29 March 2023 extra");
}

TEST(ixt_sec_durations)
{
    DUR(SEC, "duryear", "5", "P5Y");
    DUR(SEC, "duryear", "1.5", "P1Y6M");
    DUR(SEC, "duryear", "2.25", "P2Y3M");
    DUR(SEC, "duryear", "0.1", "P1M6D");  /* 1.2 months: 0.2 x 30.4375 = 6.08 days */
    DUR(SEC, "duryear", "0", "P0Y");
    DUR(SEC, "duryear", "-3", "-P3Y");
    DUR(SEC, "duryear", " 10 ", "P10Y");
    DUR(SEC, "durmonth", "6", "P6M");
    DUR(SEC, "durmonth", "1.5", "P1M15D");
    DUR(SEC, "durweek", "2", "P14D");
    DUR(SEC, "durweek", "1.5", "P10D");
    DUR(SEC, "durday", "30", "P30D");
    DUR(SEC, "durday", "0.5", "PT12H");
    DUR(SEC, "durday", "1.25", "P1DT6H");
    DUR(SEC, "durhour", "36", "PT36H");
    DUR(SEC, "durhour", "0", "PT0H");
    CHECK_BAD(SEC, "duryear", "five");
    CHECK_BAD(SEC, "duryear", "");
    CHECK_BAD(SEC, "duryear", ".");
    CHECK_BAD(SEC, "duryear", "1.2.3");
    CHECK_BAD(SEC, "duryear", "1,000");
    CHECK_BAD(SEC, "duryear", "1234567890123456789"); /* 19 digits of years */
}

TEST(ixt_sec_durwordsen)
{
    DUR(SEC, "durwordsen", "Five years, two months", "P5Y2M");
    DUR(SEC, "durwordsen", "five years and two months", "P5Y2M");
    DUR(SEC, "durwordsen", "1 year", "P1Y");
    DUR(SEC, "durwordsen", "thirty days", "P30D");
    DUR(SEC, "durwordsen", "Twenty-one months", "P21M");
    DUR(SEC, "durwordsen", "one hundred and twenty days", "P120D");
    DUR(SEC, "durwordsen", "zero years, 6 months", "P6M");
    DUR(SEC, "durwordsen", "no years", "P0D");
    DUR(SEC, "durwordsen", "2 years 3 months 4 days", "P2Y3M4D");
    CHECK_BAD(SEC, "durwordsen", "two months, five years"); /* years first */
    CHECK_BAD(SEC, "durwordsen", "five");
    CHECK_BAD(SEC, "durwordsen", "years");
    CHECK_BAD(SEC, "durwordsen", "five fortnights");
    CHECK_BAD(SEC, "durwordsen", "");
    CHECK_BAD(SEC, "durwordsen", "12345 days");
}

TEST(ixt_sec_numwordsen)
{
    NUM(SEC, "numwordsen", "twenty-one", "21");
    NUM(SEC, "numwordsen", "Twenty one", "21");
    NUM(SEC, "numwordsen", "no", "0");
    NUM(SEC, "numwordsen", "None", "0");
    NUM(SEC, "numwordsen", "zero", "0");
    NUM(SEC, "numwordsen", "one", "1");
    NUM(SEC, "numwordsen", "nineteen", "19");
    NUM(SEC, "numwordsen", "one hundred and five", "105");
    NUM(SEC, "numwordsen", "three thousand", "3000");
    NUM(SEC, "numwordsen", "three thousand and five", "3005");
    NUM(SEC, "numwordsen", "one million two hundred thousand", "1200000");
    NUM(SEC, "numwordsen", "One Million, Two Hundred Thousand", "1200000");
    NUM(SEC, "numwordsen", "twelve hundred", "1200");
    NUM(SEC, "numwordsen", "twelve hundred thousand", "1200000");
    NUM(SEC, "numwordsen", "nine hundred ninety-nine trillion nine hundred ninety-nine billion "
                           "nine hundred ninety-nine million nine hundred ninety-nine thousand "
                           "nine hundred ninety-nine", "999999999999999");
    NUM(SEC, "numwordsen", "five quintillion and one", "5000000000000000001");
    NUM(SEC, "numwordsen", "two decillion", "2000000000000000000000000000000000");
    NUM(SEC, "numwordsen", "one billion five", "1000000005");
    CHECK_BAD(SEC, "numwordsen", "one thousand one million"); /* scales descend */
    CHECK_BAD(SEC, "numwordsen", "twenty twelve");
    CHECK_BAD(SEC, "numwordsen", "five three");
    CHECK_BAD(SEC, "numwordsen", "hundred");
    CHECK_BAD(SEC, "numwordsen", "twenty hundred");
    CHECK_BAD(SEC, "numwordsen", "one million twelve hundred thousand");
    CHECK_BAD(SEC, "numwordsen", "zero five");
    CHECK_BAD(SEC, "numwordsen", "12");
    CHECK_BAD(SEC, "numwordsen", "");
    CHECK_BAD(SEC, "numwordsen", "five dollars");
}

TEST(ixt_sec_specials_and_quarters)
{
    NUM(SEC, "numinf", "Unlimited", "INF");
    NUM(SEC, "numneginf", "x", "-INF");
    NUM(SEC, "numnan", "n/a", "NaN");
    DATE(SEC, "datequarterend", "Q1 2024", "2024-03-31");
    DATE(SEC, "datequarterend", "first quarter of 2024", "2024-03-31");
    DATE(SEC, "datequarterend", "2nd Quarter 2023", "2023-06-30");
    DATE(SEC, "datequarterend", "Third Quarter, 2022", "2022-09-30");
    DATE(SEC, "datequarterend", "2023 fourth quarter", "2023-12-31");
    DATE(SEC, "datequarterend", "last quarter of 2021", "2021-12-31");
    CHECK_BAD(SEC, "datequarterend", "Q5 2024");
    CHECK_BAD(SEC, "datequarterend", "2024");
    CHECK_BAD(SEC, "datequarterend", "Q1 Q2 2024");
}

TEST(ixt_sec_ballot_boxes)
{
    BOOL(SEC, "boolballotbox", "\xe2\x98\x92", "true");  /* ☒ */
    BOOL(SEC, "boolballotbox", "\xe2\x98\x91", "true");  /* ☑ */
    BOOL(SEC, "boolballotbox", " \xe2\x98\x90 ", "false"); /* ☐ */
    CHECK_BAD(SEC, "boolballotbox", "x");
    CHECK_BAD(SEC, "boolballotbox", "\xe2\x98\x93");
    CHECK_BAD(SEC, "boolballotbox", "\xe2\x98\x92\xe2\x98\x92");
    CHECK_BAD(SEC, "boolballotbox", "");
    TEXT(SEC, "yesnoballotbox", "\xe2\x98\x92", "Yes");
    TEXT(SEC, "yesnoballotbox", "\xe2\x98\x90", "No");
}

TEST(ixt_sec_names_to_codes)
{
    TEXT(SEC, "stateprovnameen", "California", "CA");
    TEXT(SEC, "stateprovnameen", "  new   YORK ", "NY");
    TEXT(SEC, "stateprovnameen", "District of Columbia", "DC");
    TEXT(SEC, "stateprovnameen", "Qu\xc3\xa9" "bec", "QC");
    TEXT(SEC, "stateprovnameen", "Virgin Islands, U.S.", "VI");
    TEXT(SEC, "stateprovnameen", "Wyoming", "WY");
    TEXT(SEC, "stateprovnameen", "Alabama", "AL");
    CHECK_BAD(SEC, "stateprovnameen", "Calif.");
    CHECK_BAD(SEC, "stateprovnameen", "");
    TEXT(SEC, "countrynameen", "United States", "US");
    TEXT(SEC, "countrynameen", "United States of America", "US");
    TEXT(SEC, "countrynameen", "U.S.A.", "US");
    TEXT(SEC, "countrynameen", "The Netherlands", "NL");
    TEXT(SEC, "countrynameen", "People's Republic of China", "CN");
    TEXT(SEC, "countrynameen", "C\xc3\xb4te d\xe2\x80\x99Ivoire", "CI");
    TEXT(SEC, "countrynameen", "Cayman Islands", "KY");
    TEXT(SEC, "countrynameen", "United Kingdom", "GB");
    TEXT(SEC, "countrynameen", "\xc3\x85land Islands", "AX");
    TEXT(SEC, "countrynameen", "Afghanistan", "AF");
    TEXT(SEC, "countrynameen", "Zimbabwe", "ZW");
    CHECK_BAD(SEC, "countrynameen", "Atlantis");
    TEXT(SEC, "exchnameen", "New York Stock Exchange", "NYSE");
    TEXT(SEC, "exchnameen", "The New York Stock Exchange LLC", "NYSE");
    TEXT(SEC, "exchnameen", "Nasdaq Global Select Market", "NASDAQ");
    TEXT(SEC, "exchnameen", "The Nasdaq Stock Market LLC", "NASDAQ");
    TEXT(SEC, "exchnameen", "The NASDAQ Stock Market, LLC", "NASDAQ");
    TEXT(SEC, "exchnameen", "NYSE American LLC", "NYSEAMER");
    TEXT(SEC, "exchnameen", "NYSE Arca, Inc.", "NYSEArca");
    TEXT(SEC, "exchnameen", "Cboe BZX Exchange, Inc.", "CboeBZX");
    TEXT(SEC, "exchnameen", "Box Exchange", "BOX");
    CHECK_BAD(SEC, "exchnameen", "London Stock Exchange");
    TEXT(SEC, "entityfilercategoryen", "Large Accelerated Filer", "Large Accelerated Filer");
    TEXT(SEC, "entityfilercategoryen", "large accelerated filer", "Large Accelerated Filer");
    TEXT(SEC, "entityfilercategoryen", "Non-Accelerated Filer", "Non-accelerated Filer");
    TEXT(SEC, "entityfilercategoryen", "Non\xe2\x80\x91" "accelerated filer", "Non-accelerated Filer");
    TEXT(SEC, "entityfilercategoryen", "Accelerated Filer", "Accelerated Filer");
    CHECK_BAD(SEC, "entityfilercategoryen", "Smaller Reporting Company");
}

TEST(ixt_output_capacity)
{
    char small[5];
    ixt_kind k = IXT_K_TEXT;
    const char *num = "1,234,567";
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, num, strlen(num), small, sizeof small, &k) ==
          IXT_TOO_LONG);
    CHECK(small[0] == '\0');
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, "1234", 4, small, sizeof small, &k) == IXT_OK);
    CHECK(strcmp(small, "1234") == 0 && k == IXT_K_NUMBER); /* exactly fits with its NUL */
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, "12345", 5, small, sizeof small, &k) ==
          IXT_TOO_LONG);
    CHECK(ixt_apply(TR4, strlen(TR4), "date-month-day-year", 19, "3/29/2025", 9, small, sizeof small, &k) ==
          IXT_TOO_LONG);
    CHECK(small[0] == '\0');
    /* cap 0: nothing written, not even a NUL */
    small[0] = 'z';
    CHECK(ixt_apply(TR4, strlen(TR4), "fixed-zero", 10, "", 0, small, 0, &k) == IXT_TOO_LONG);
    CHECK(small[0] == 'z');
    /* cap 1 holds the empty value */
    CHECK(ixt_apply(TR4, strlen(TR4), "fixed-empty", 11, "x", 1, small, 1, &k) == IXT_OK);
    CHECK(small[0] == '\0' && k == IXT_K_TEXT);
    /* the text need not be NUL-terminated: only n bytes are read */
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, "12x", 2, small, sizeof small, &k) == IXT_OK);
    CHECK(strcmp(small, "12") == 0);
    /* kind may be NULL */
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, "7", 1, small, sizeof small, NULL) == IXT_OK);
    /* the name need not be NUL-terminated either */
    CHECK(ixt_apply(TR4, strlen(TR4), "fixed-zeroXYZ", 10, "", 0, small, sizeof small, &k) == IXT_OK);
    CHECK(strcmp(small, "0") == 0);
}

/* A long run of digits stays exact up to the limit, then is refused
 * rather than cut. */
TEST(ixt_long_numbers)
{
    char text[1000], out[1000];
    ixt_kind k;
    memset(text, '9', 400);
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, text, 400, out, sizeof out, &k) == IXT_OK);
    CHECK(strlen(out) == 400 && out[399] == '9');
    memset(text, '9', 401);
    CHECK(ixt_apply(TR4, strlen(TR4), "num-dot-decimal", 15, text, 401, out, sizeof out, &k) == IXT_INVALID);
    memset(text, '1', 999); /* a "date" longer than any date */
    CHECK(ixt_apply(TR4, strlen(TR4), "date-day-month-year", 19, text, 999, out, sizeof out, &k) ==
          IXT_INVALID);
}
