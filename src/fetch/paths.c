/* Archive paths by era (edgr/fetch.h): full-index, daily-index, Feed. */
#include <stdio.h>
#include <string.h>

#include "edgr/fetch.h"

static const char *kind_name(edgr_index_kind k)
{
    switch (k) {
    case EDGR_INDEX_MASTER: return "master";
    case EDGR_INDEX_FORM: return "form";
    case EDGR_INDEX_COMPANY: return "company";
    case EDGR_INDEX_XBRL: return "xbrl";
    default: return NULL;
    }
}

/* snprintf's result into out[cap]: EDGR_LIMIT (and "") when it did not fit */
static edgr_status fit(int n, char *out, size_t cap)
{
    if (n < 0 || (size_t)n >= cap) {
        out[0] = '\0';
        return EDGR_ERR_LIMIT;
    }
    return EDGR_OK;
}

edgr_status edgr_full_index_path(int year, int quarter, edgr_index_kind kind, unsigned flags, char *out,
                                 size_t cap)
{
    const char *k = kind_name(kind);
    if (!out || !cap) return EDGR_ERR_ARG;
    out[0] = '\0';
    if (!k || year < EDGR_FULL_INDEX_FIRST_YEAR || year > 2999 || quarter < 1 || quarter > 4 || (flags & ~EDGR_PATH_GZ))
        return EDGR_ERR_ARG;
    int n = snprintf(out, cap, "Archives/edgar/full-index/%d/QTR%d/%s.%s", year, quarter, k,
                     (flags & EDGR_PATH_GZ) ? "gz" : "idx");
    return fit(n, out, cap);
}

edgr_status edgr_daily_index_name(uint32_t date, edgr_index_kind kind, char *out, size_t cap)
{
    const char *k = kind_name(kind);
    if (!out || !cap) return EDGR_ERR_ARG;
    out[0] = '\0';
    if (!k || !edgr_date_valid(date) || date / 10000 < EDGR_FULL_INDEX_FIRST_YEAR) return EDGR_ERR_ARG;
    unsigned y = date / 10000, m = date / 100 % 100, d = date % 100;
    int n;
    if (date < 19950101) /* MMDDYY */
        n = snprintf(out, cap, "%s.%02u%02u%02u.idx", k, m, d, y % 100);
    else if (date <= 19980331) /* YYMMDD, through 1998 Q1 */
        n = snprintf(out, cap, "%s.%02u%02u%02u.idx", k, y % 100, m, d);
    else
        n = snprintf(out, cap, "%s.%04u%02u%02u.idx", k, y, m, d);
    return fit(n, out, cap);
}

edgr_status edgr_daily_index_path(uint32_t date, edgr_index_kind kind, char *out, size_t cap)
{
    if (!out || !cap) return EDGR_ERR_ARG;
    char name[32];
    edgr_status st = edgr_daily_index_name(date, kind, name, sizeof name);
    if (st != EDGR_OK) {
        out[0] = '\0';
        return st;
    }
    int n = snprintf(out, cap, "Archives/edgar/daily-index/%u/QTR%d/%s", date / 10000, edgr_date_quarter(date), name);
    return fit(n, out, cap);
}

edgr_status edgr_feed_path(uint32_t date, char *out, size_t cap)
{
    if (!out || !cap) return EDGR_ERR_ARG;
    out[0] = '\0';
    if (!edgr_date_valid(date) || date < EDGR_FEED_FIRST_DATE) return EDGR_ERR_ARG;
    int n = snprintf(out, cap, "Archives/edgar/Feed/%u/QTR%d/%08u.nc.tar.gz", date / 10000, edgr_date_quarter(date),
                     date);
    return fit(n, out, cap);
}
