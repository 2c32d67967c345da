/*
 * US Eastern time to UTC (eastern.h).  EDGAR's dates start in 1993, but
 * former names reach back to the 1960s, so every federal rule since 1967
 * is here:
 *   2007-     second Sunday of March to first Sunday of November
 *   1987-2006 first Sunday of April to last Sunday of October
 *   1967-1986 last Sunday of April to last Sunday of October, except the
 *             energy-crisis years 1974 (from January 6) and 1975 (from
 *             February 23)
 * each change at 02:00 wall-clock time.  Before 1967 there was no federal
 * rule: standard time.
 */
#include <stdio.h>
#include <string.h>

#include "eastern.h"

int64_t civil_days(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil, in its usual form */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday(int64_t days) { return (int)(((days % 7) + 11) % 7); } /* 0 = Sunday; 1970-01-01 was a Thursday */

/* The day of month of the n-th Sunday of y-m (n = -1: the last). */
static int sunday(int y, int m, int n)
{
    if (n > 0) {
        int first = weekday(civil_days(y, m, 1));
        return 1 + (7 - first) % 7 + 7 * (n - 1);
    }
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = DAYS[m - 1];
    return last - weekday(civil_days(y, m, last));
}

/* Whether y-m-d h:00 (wall clock) is daylight time. */
static int daylight(int y, int m, int d, int h)
{
    int sm, sd, em, ed;
    if (y >= 2007) sm = 3, sd = sunday(y, 3, 2), em = 11, ed = sunday(y, 11, 1);
    else if (y >= 1987) sm = 4, sd = sunday(y, 4, 1), em = 10, ed = sunday(y, 10, -1);
    else if (y == 1974) sm = 1, sd = 6, em = 10, ed = sunday(y, 10, -1);
    else if (y == 1975) sm = 2, sd = 23, em = 10, ed = sunday(y, 10, -1);
    else if (y >= 1967) sm = 4, sd = sunday(y, 4, -1), em = 10, ed = sunday(y, 10, -1);
    else return 0;
    long t = (long)m * 10000 + d * 100 + h, start = (long)sm * 10000 + sd * 100 + 2, end = (long)em * 10000 + ed * 100 + 2;
    return t >= start && t < end;
}

static int digits(const char *p, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return -1;
        *v = *v * 10 + (p[i] - '0');
    }
    return 0;
}

int eastern_to_utc(const char *in, char out[25])
{
    int y, mo, d, h = 0, mi = 0, s = 0;
    size_t n = in ? strlen(in) : 0;
    int ok;
    if (n == 10 || n == 19) { /* YYYY-MM-DD[THH:MM:SS] */
        ok = in[4] == '-' && in[7] == '-' && !digits(in, 4, &y) && !digits(in + 5, 2, &mo) && !digits(in + 8, 2, &d);
        if (ok && n == 19)
            ok = (in[10] == 'T' || in[10] == ' ') && in[13] == ':' && in[16] == ':' && !digits(in + 11, 2, &h) &&
                 !digits(in + 14, 2, &mi) && !digits(in + 17, 2, &s);
    } else if (n == 8 || n == 14) { /* YYYYMMDD[HHMMSS] */
        ok = !digits(in, 4, &y) && !digits(in + 4, 2, &mo) && !digits(in + 6, 2, &d);
        if (ok && n == 14) ok = !digits(in + 8, 2, &h) && !digits(in + 10, 2, &mi) && !digits(in + 12, 2, &s);
    } else
        return -1;
    if (!ok || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return -1;
    int yy, mm, dd;
    civil_from_days(civil_days(y, mo, d), &yy, &mm, &dd);
    if (yy != y || mm != mo || dd != d) return -1; /* February 30th */
    int64_t t = (civil_days(y, mo, d) * 24 + h + (daylight(y, mo, d, h) ? 4 : 5)) * 3600 + mi * 60 + s;
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t sec = t - days * 86400;
    civil_from_days(days, &yy, &mm, &dd);
    if (yy < 0 || yy > 9999) return -1;
    char t25[64]; /* room for any int, so the compiler sees no truncation */
    snprintf(t25, sizeof t25, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", yy, mm, dd, (int)(sec / 3600), (int)(sec / 60 % 60),
             (int)(sec % 60));
    memcpy(out, t25, 25);
    return 0;
}
