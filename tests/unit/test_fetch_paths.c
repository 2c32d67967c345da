/* Archive paths by era and the User-Agent rule (edgr/fetch.h). */
#include <string.h>

#include "edgr/fetch.h"
#include "test.h"

static int daily_is(uint32_t date, edgr_index_kind k, const char *want)
{
    char out[128];
    if (edgr_daily_index_path(date, k, out, sizeof out) != EDGR_OK) return 0;
    if (strcmp(out, want) == 0) return 1;
    fprintf(stderr, "  daily %u: %s, want %s\n", (unsigned)date, out, want);
    return 0;
}

TEST(fetch_paths_daily_index_eras)
{
    /* MMDDYY before 1995 */
    CHECK(daily_is(19930104, EDGR_INDEX_FORM, "Archives/edgar/daily-index/1993/QTR1/form.010493.idx"));
    CHECK(daily_is(19941230, EDGR_INDEX_MASTER, "Archives/edgar/daily-index/1994/QTR4/master.123094.idx"));
    CHECK(daily_is(19941231, EDGR_INDEX_COMPANY, "Archives/edgar/daily-index/1994/QTR4/company.123194.idx"));
    /* YYMMDD from 1995 to the end of 1998 Q1 */
    CHECK(daily_is(19950101, EDGR_INDEX_MASTER, "Archives/edgar/daily-index/1995/QTR1/master.950101.idx"));
    CHECK(daily_is(19950103, EDGR_INDEX_FORM, "Archives/edgar/daily-index/1995/QTR1/form.950103.idx"));
    CHECK(daily_is(19971231, EDGR_INDEX_MASTER, "Archives/edgar/daily-index/1997/QTR4/master.971231.idx"));
    CHECK(daily_is(19980331, EDGR_INDEX_MASTER, "Archives/edgar/daily-index/1998/QTR1/master.980331.idx"));
    /* YYYYMMDD from 1998 Q2 */
    CHECK(daily_is(19980401, EDGR_INDEX_MASTER, "Archives/edgar/daily-index/1998/QTR2/master.19980401.idx"));
    CHECK(daily_is(20181231, EDGR_INDEX_MASTER, "Archives/edgar/daily-index/2018/QTR4/master.20181231.idx"));
    CHECK(daily_is(20200318, EDGR_INDEX_FORM, "Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"));
    CHECK(daily_is(20221003, EDGR_INDEX_COMPANY, "Archives/edgar/daily-index/2022/QTR4/company.20221003.idx"));
    CHECK(daily_is(20240229, EDGR_INDEX_XBRL, "Archives/edgar/daily-index/2024/QTR1/xbrl.20240229.idx"));
    char out[64];
    CHECK(edgr_daily_index_name(19980331, EDGR_INDEX_FORM, out, sizeof out) == EDGR_OK && !strcmp(out, "form.980331.idx"));
    CHECK(edgr_daily_index_name(19941231, EDGR_INDEX_FORM, out, sizeof out) == EDGR_OK && !strcmp(out, "form.123194.idx"));
    /* not dates, before the archive, no kind, no room */
    CHECK(edgr_daily_index_path(20230229, EDGR_INDEX_FORM, out, sizeof out) == EDGR_ERR_ARG && out[0] == '\0');
    CHECK(edgr_daily_index_path(19921231, EDGR_INDEX_FORM, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_daily_index_path(20200132, EDGR_INDEX_FORM, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_daily_index_path(20200101, EDGR_INDEX_AUTO, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_daily_index_path(20200101, EDGR_INDEX_FORM, out, 20) == EDGR_ERR_LIMIT && out[0] == '\0');
    CHECK(edgr_daily_index_name(20200101, EDGR_INDEX_FORM, out, 17) == EDGR_ERR_LIMIT); /* form.20200101.idx */
    CHECK(edgr_daily_index_name(20200101, EDGR_INDEX_FORM, out, 18) == EDGR_OK);
}

TEST(fetch_paths_full_index_and_feed)
{
    char out[128];
    CHECK(edgr_full_index_path(1993, 1, EDGR_INDEX_MASTER, 0, out, sizeof out) == EDGR_OK &&
          !strcmp(out, "Archives/edgar/full-index/1993/QTR1/master.idx"));
    CHECK(edgr_full_index_path(2026, 4, EDGR_INDEX_FORM, EDGR_PATH_GZ, out, sizeof out) == EDGR_OK &&
          !strcmp(out, "Archives/edgar/full-index/2026/QTR4/form.gz"));
    CHECK(edgr_full_index_path(2021, 2, EDGR_INDEX_XBRL, 0, out, sizeof out) == EDGR_OK &&
          !strcmp(out, "Archives/edgar/full-index/2021/QTR2/xbrl.idx"));
    CHECK(edgr_full_index_path(1992, 4, EDGR_INDEX_MASTER, 0, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_full_index_path(2020, 0, EDGR_INDEX_MASTER, 0, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_full_index_path(2020, 5, EDGR_INDEX_MASTER, 0, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_full_index_path(2020, 1, EDGR_INDEX_MASTER, 8, out, sizeof out) == EDGR_ERR_ARG);

    /* the Feed begins in 1995 Q3 */
    CHECK(edgr_feed_path(19950630, out, sizeof out) == EDGR_ERR_ARG);
    CHECK(edgr_feed_path(19950701, out, sizeof out) == EDGR_OK &&
          !strcmp(out, "Archives/edgar/Feed/1995/QTR3/19950701.nc.tar.gz"));
    CHECK(edgr_feed_path(20240930, out, sizeof out) == EDGR_OK &&
          !strcmp(out, "Archives/edgar/Feed/2024/QTR3/20240930.nc.tar.gz"));
    CHECK(edgr_feed_path(20241001, out, sizeof out) == EDGR_OK &&
          !strcmp(out, "Archives/edgar/Feed/2024/QTR4/20241001.nc.tar.gz"));
    CHECK(edgr_feed_path(20241001, out, 10) == EDGR_ERR_LIMIT && out[0] == '\0');

    CHECK(edgr_date_quarter(20200331) == 1 && edgr_date_quarter(20200401) == 2);
    CHECK(edgr_date_quarter(20200930) == 3 && edgr_date_quarter(20201001) == 4);
    CHECK(edgr_date_valid(20000229) && !edgr_date_valid(19000229) && edgr_date_valid(20240229));
    CHECK(!edgr_date_valid(20230229) && !edgr_date_valid(20230431) && !edgr_date_valid(20231300));
}

TEST(fetch_user_agent_rule)
{
    const char *why = NULL;
    const char *ok[] = {"Pelican Hollow Research admin@pelican-hollow.example.com", "Jane Doe jane.doe@example.org",
                        "edgr/0.3 (Jane Doe <jane@example.org>)", "Sample Company Name AdminContact@sample.com"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        CHECK(edgr_user_agent_check(ok[i], &why) == EDGR_OK);
        CHECK(why == NULL);
    }
    struct { const char *ua, *says; } bad[] = {
        {NULL, "no User-Agent"},
        {"", "no User-Agent"},
        {"Jane Doe", "no e-mail address"},
        {"Jane Doe jane at example.org", "no e-mail address"},
        {"Jane Doe jane@localhost", "not of the form"},
        {"Jane Doe @example.org", "not of the form"},
        {"Jane Doe jane@@example.org", "not of the form"},
        {"Jane Doe jane@example..org", "not of the form"},
        {"jane@example.org", "no name"},
        {"Mozilla/5.0 (X11; Linux x86_64) jane@example.org", "browser"},
        {"Jane jane@example.org AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36", "browser"},
        {"Jane jane@example.org Firefox/121.0", "browser"},
        {"Jane jane@example.org (compatible; MSIE 10.0)", "browser"},
        {"Jane jane@example.org\r\nX-Evil: 1", "control character"},
        {"Jane\tjane@example.org", "control character"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        why = NULL;
        CHECK(edgr_user_agent_check(bad[i].ua, &why) == EDGR_ERR_ARG);
        if (!why || !strstr(why, bad[i].says)) {
            fprintf(stderr, "  user agent %zu: %s\n", i, why ? why : "(no reason)");
            test_failures++;
        }
    }
    char longua[400];
    memset(longua, 'a', sizeof longua);
    memcpy(longua, "Jane jane@example.org ", 22);
    longua[sizeof longua - 1] = '\0';
    CHECK(edgr_user_agent_check(longua, NULL) == EDGR_ERR_ARG);
    longua[EDGR_USER_AGENT_MAX] = '\0';
    CHECK(edgr_user_agent_check(longua, NULL) == EDGR_OK);
}
