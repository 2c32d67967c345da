/*
 * The SEC's frames (see frames.h for the rule and its evidence).
 *
 * xf_assign: every fact's candidate frame (its nearest calendar quarter or
 * year end, by kind) goes into one array, sorted by frame and then by how
 * well the fact fits it (nearest end, latest filed, greatest accn); the
 * first of each frame's run carries it.  A fact exactly between two frame
 * ends that loses the later one then competes for the earlier one: such a
 * "second" candidate is in the array from the start but counts only once
 * activated, and activating one can displace that frame's winner (which, if
 * it too is such a tie, then tries its own second frame).  Each second
 * candidate is activated at most once, so after the sort this is linear.
 */
#include "frames.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum { K_INSTANT, K_QUARTER, K_YEAR };

#define NONE ((size_t)-1)

/* Days from 1970-01-01 to Jan 1 of year y (1 <= y <= 9999 here, but exact
 * for any y >= 1): 365 a year plus the Gregorian leap days before it. */
static int64_t days_before_year(int64_t y)
{
    int64_t p = y - 1;
    return p * 365 + p / 4 - p / 100 + p / 400 - 719162; /* 719162: 0001..1970 */
}

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static const int16_t month_start[2][13] = {
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
};

/* Days since 1970-01-01 of the LAST day of month m (1..12) of year y. */
static int64_t month_end(int64_t y, int m)
{
    return days_before_year(y) + month_start[is_leap(y)][m] - 1;
}

/* Year and month of a day number; -1 when the year is outside 1..9999
 * (no frame is named for such a date: frames.h, XF_FRAME_SIZE). */
static int year_month(int64_t days, int64_t *y, int *m)
{
    if (days < days_before_year(1) || days >= days_before_year(10000))
        return -1;
    int64_t yy = 1970 + days / 366;            /* at or before the year */
    if (days < 0)
        yy = 1970 + (days - 365) / 365;        /* likewise, going back  */
    if (yy < 1)
        yy = 1;
    while (days_before_year(yy + 1) <= days)
        yy++;
    int doy = (int)(days - days_before_year(yy));
    int mm = 1;
    while (doy >= month_start[is_leap(yy)][mm])
        mm++;
    *y = yy;
    *m = mm;
    return 0;
}

int xf_days(const char *ymd, size_t len, int32_t *days)
{
    if (!ymd || len != 10 || ymd[4] != '-' || ymd[7] != '-')
        return -1;
    int v[3] = {0, 0, 0};
    static const int at[3] = {0, 5, 8}, width[3] = {4, 2, 2};
    for (int f = 0; f < 3; f++)
        for (int i = 0; i < width[f]; i++) {
            char c = ymd[at[f] + i];
            if (c < '0' || c > '9')
                return -1;
            v[f] = v[f] * 10 + (c - '0');
        }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1)
        return -1;
    int leap = is_leap(v[0]);
    if (v[2] > month_start[leap][v[1]] - month_start[leap][v[1] - 1])
        return -1;
    *days = (int32_t)(days_before_year(v[0]) + month_start[leap][v[1] - 1] + v[2] - 1);
    return 0;
}

/* One frame a period may carry. */
typedef struct xf_target {
    int32_t end;   /* the frame's last day                       */
    int32_t dist;  /* |period end - that day|                     */
    int16_t year;  /* 1..9999                                     */
    int8_t q;      /* 1..4; 0 for a year                          */
} xf_target;

/* A period's kind and its nearest frame end(s): returns the number of
 * targets (0: no frame; 2: a tie, t[0] the later end, t[1] the earlier). */
static int targets(int32_t start, int32_t end, int *kind, xf_target t[2])
{
    if (start == INT32_MIN)
        *kind = K_INSTANT;
    else {
        int64_t len = (int64_t)end - start + 1;  /* both dates inclusive */
        if (len < 1)
            return 0;
        if (len <= XF_INSTANT_MAX_DAYS)
            *kind = K_INSTANT;
        else if (len >= XF_QUARTER_MIN_DAYS && len <= XF_QUARTER_MAX_DAYS)
            *kind = K_QUARTER;
        else if (len >= XF_YEAR_MIN_DAYS && len <= XF_YEAR_MAX_DAYS)
            *kind = K_YEAR;
        else
            return 0;
    }
    int64_t y;
    int m;
    if (year_month(end, &y, &m) < 0)
        return 0;
    /* The frame end on or after the date, and the one before it. */
    int64_t next_y = y, prev_y = y, next_e, prev_e;
    int next_q, prev_q;
    if (*kind == K_YEAR) {
        next_e = month_end(y, 12);
        prev_y = y - 1;
        next_q = prev_q = 0;
        prev_e = prev_y >= 1 ? month_end(prev_y, 12) : INT64_MIN / 2;
    } else {
        next_q = (m - 1) / 3 + 1;
        next_e = month_end(y, next_q * 3);
        prev_q = next_q - 1;
        if (prev_q == 0) {
            prev_q = 4;
            prev_y = y - 1;
        }
        prev_e = prev_y >= 1 ? month_end(prev_y, prev_q * 3) : INT64_MIN / 2;
    }
    int64_t dn = next_e - end, dp = end - prev_e;
    int n = 0;
    if (dn <= dp) {
        t[n++] = (xf_target){(int32_t)next_e, (int32_t)dn, (int16_t)next_y, (int8_t)next_q};
        if (dn == dp)
            t[n++] = (xf_target){(int32_t)prev_e, (int32_t)dp, (int16_t)prev_y, (int8_t)prev_q};
    } else if (prev_y >= 1)
        t[n++] = (xf_target){(int32_t)prev_e, (int32_t)dp, (int16_t)prev_y, (int8_t)prev_q};
    return n;
}

static void name(int kind, const xf_target *t, char out[12])
{
    /* "CY" + 4 digits + "Q" + 1 digit + "I" + NUL: 10 <= XF_FRAME_SIZE */
    char *p = out;
    int y = t->year;
    *p++ = 'C';
    *p++ = 'Y';
    *p++ = (char)('0' + y / 1000);
    *p++ = (char)('0' + y / 100 % 10);
    *p++ = (char)('0' + y / 10 % 10);
    *p++ = (char)('0' + y % 10);
    if (kind != K_YEAR) {
        *p++ = 'Q';
        *p++ = (char)('0' + t->q);
        if (kind == K_INSTANT)
            *p++ = 'I';
    }
    *p = '\0';
}

void xf_frame_of(int32_t start_days, int32_t end_days, char out[12])
{
    int kind;
    xf_target t[2];
    out[0] = '\0';
    if (targets(start_days, end_days, &kind, t) > 0)
        name(kind, &t[0], out);
}

/* One fact's candidacy for one frame. */
typedef struct cand {
    xf_target t;
    int32_t filed;
    int8_t kind;
    int8_t second;     /* 1: the earlier end of a tie, counted once activated */
    const char *accn;
    size_t fact;
} cand;

/* Frame first (kind, end), then the better fit first: nearest end, latest
 * filed, greatest accession number; the fact's index last, so the order,
 * and hence the result, is total whatever the input order. */
static int cand_cmp(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->t.end != b->t.end)
        return a->t.end < b->t.end ? -1 : 1;
    if (a->t.dist != b->t.dist)
        return a->t.dist < b->t.dist ? -1 : 1;
    if (a->filed != b->filed)
        return a->filed > b->filed ? -1 : 1;
    int c = strcmp(a->accn, b->accn);
    if (c != 0)
        return c > 0 ? -1 : 1;
    if (a->fact != b->fact)
        return a->fact < b->fact ? -1 : 1;
    return a->second - b->second;
}

int xf_assign(xf_fact *facts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        facts[i].frame[0] = '\0';
    if (n == 0)
        return 0;
    /* per candidate: a cand, its frame's run and that run's winner; per
     * fact: its primary and second candidates' positions, a work list */
    if (n > SIZE_MAX / 2 / (sizeof(cand) + 2 * sizeof(size_t)))
        return -1;
    size_t cap = 2 * n;
    cand *c = malloc(cap * sizeof *c);
    size_t *run = malloc(cap * sizeof *run);     /* candidate -> run start  */
    size_t *win = malloc(cap * sizeof *win);     /* run start -> winner     */
    size_t *pos2 = malloc(n * sizeof *pos2);     /* fact -> second cand     */
    size_t *work = malloc(n * sizeof *work);
    int rc = -1;
    if (!c || !run || !win || !pos2 || !work)
        goto out;

    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        int kind;
        xf_target t[2];
        int k = targets(facts[i].start_days, facts[i].end_days, &kind, t);
        for (int j = 0; j < k; j++)
            c[m++] = (cand){t[j], facts[i].filed_days, (int8_t)kind, (int8_t)j,
                            facts[i].accn ? facts[i].accn : "", i};
        pos2[i] = NONE;
    }
    qsort(c, m, sizeof *c, cand_cmp);

    /* Runs of one frame; each run's winner among its first candidates. */
    for (size_t p = 0; p < m; p++) {
        int same = p > 0 && c[p].kind == c[p - 1].kind && c[p].t.end == c[p - 1].t.end;
        run[p] = same ? run[p - 1] : p;
        if (!same)
            win[p] = NONE;
        if (c[p].second)
            pos2[c[p].fact] = p;
        else if (win[run[p]] == NONE)
            win[run[p]] = p;
    }
    /* Ties that lost their later frame try the earlier one. */
    size_t nwork = 0;
    for (size_t p = 0; p < m; p++)
        if (!c[p].second && win[run[p]] != p && pos2[c[p].fact] != NONE)
            work[nwork++] = c[p].fact;
    while (nwork > 0) {
        size_t s = pos2[work[--nwork]], r = run[s], cur = win[r];
        if (cur != NONE && cur < s)
            continue;                   /* a better fit holds it: no frame */
        win[r] = s;
        if (cur != NONE && !c[cur].second && pos2[c[cur].fact] != NONE)
            work[nwork++] = c[cur].fact;  /* displaced tie: its earlier end */
    }
    for (size_t p = 0; p < m; p++)
        if (run[p] == p && win[p] != NONE) {
            const cand *w = &c[win[p]];
            name(w->kind, &w->t, facts[w->fact].frame);
        }
    rc = 0;
out:
    free(c);
    free(run);
    free(win);
    free(pos2);
    free(work);
    return rc;
}
