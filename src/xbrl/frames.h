/*
 * The SEC's "frames": the calendar period (CY2019, CY2019Q2, CY2019Q2I) that
 * data.sec.gov's companyfacts JSON gives some facts, reconstructed from the
 * SEC's own documents.  Pure: libc only, no I/O, no globals.
 *
 * The rule, fitted to 5 companyfacts documents (AAPL, NVDA, GOOG, SNOW,
 * TSLA: 97,687 facts in 2,610 company/concept/unit groups, 41,904 of them
 * with a frame):
 *
 *  1. A period's kind, from its length L = end - start + 1 days (the dates
 *     are inclusive: 2019-01-01..2019-12-31 is 365 days):
 *       instant (no start), or L <= 31 (one month):  an instant frame
 *       61 <= L <= 121 ("91 days +/- 30", the SEC's API page): a quarter
 *       335 <= L <= 395 ("365 days +/- 30"):               a year
 *       anything else (half years, nine months, 2-day...):  no frame.
 *     Framed lengths seen: quarters 89-110, years 337-371 (52/53-week
 *     years), instant-framed durations 30-31.  Lengths occurring unframed
 *     around them: 2 and 29 (TSLA's, below), 30-31 (lost to a nearer or
 *     later fact, or TSLA's), 181-280 (half years, nine months), 396 (6
 *     facts that lose to a nearer year anyway), 874 and more.
 *     No length in 32-88, 111-180 or 281-395 occurs, so the data cannot
 *     narrow the bounds: they are the SEC's stated ones.  Counting
 *     end - start instead of end - start + 1 frames all facts alike.
 *  2. The frame: the calendar quarter end (years: Dec 31) nearest the
 *     period's END date, counted in days.  Measuring from the midpoint, or
 *     summing start and end distances, frames the same 97,687 facts alike;
 *     the end is the simplest of the three.
 *  3. A date exactly between two quarter ends (Feb 14 of a common year,
 *     Aug 15, Nov 15; Jul 1 of a leap year between two Dec 31s) is a
 *     candidate for the later one first and, if another fact wins that,
 *     for the earlier.  6 facts are such ties: fixed "ties to the later"
 *     gets 1 wrong (TSLA's shares outstanding at 2018-02-14 carry CY2017Q4I,
 *     CY2018Q1I going to 2018-04-30), fixed "to the earlier" gets 4 wrong.
 *  4. One fact per frame in a group: the one whose end is nearest the
 *     frame's end, then the latest filed, then the greatest accession number
 *     (12 frames are contested by two filings of one day: the greater accn
 *     carries it in all 12; the smaller would get 24 wrong).  "Latest filed"
 *     first instead of "nearest" first gets 55 more wrong.
 *
 * With this rule AAPL, NVDA, GOOG and SNOW match exactly (0 of 79,969
 * facts differ).  TSLA (an older snapshot of the SEC's data, from
 * edgartools' history) differs in 26 facts, all one-month durations filed
 * 2012-2021 that carry no frame there although the same case carries one in
 * the other four documents and in TSLA's own 2022 10-K: apparently the
 * SEC's rule changed, or its frames were recomputed, between the
 * snapshots; no rule of the facts' dates and accession numbers alone tells
 * those 26 from the 6 framed alike in GOOG, NVDA and SNOW.  Leaving one-month durations unframed
 * instead would get 8 wrong, 6 of them in the current documents.
 */
#ifndef EDGR_XBRL_FRAMES_H
#define EDGR_XBRL_FRAMES_H

#include <stddef.h>
#include <stdint.h>

/* Named limits (lengths in days, inclusive of both dates; see rule 1). */
enum {
    XF_INSTANT_MAX_DAYS = 31,   /* a duration of one month at most is framed
                                   as an instant at its end (8 facts carry
                                   such a frame, of 30 and 31 days)          */
    XF_QUARTER_MIN_DAYS = 61,   /* 91 - 30: the SEC's stated tolerance        */
    XF_QUARTER_MAX_DAYS = 121,  /* 91 + 30                                    */
    XF_YEAR_MIN_DAYS = 335,     /* 365 - 30                                   */
    XF_YEAR_MAX_DAYS = 395,     /* 365 + 30                                   */
    XF_FRAME_SIZE = 12          /* "CY9999Q4I" and its NUL fit; a frame of a
                                   year outside 1..9999 is not given         */
};

typedef struct xf_fact {          /* one fact of one company, concept and unit */
    int32_t start_days;           /* days since 1970-01-01 of the start date; INT32_MIN for an instant */
    int32_t end_days;             /* of the end date (an instant's date) */
    int32_t filed_days;           /* of the filing date */
    const char *accn;             /* accession number, for tie-breaks (may be used or not) */
    /* output: */
    char frame[12];               /* "" or "CY2019", "CY2019Q2", "CY2019Q2I" */
} xf_fact;

/* Assign frames to the n facts of ONE company/concept/unit group (any
 * order; the array's order is not changed), by rules 1-4 above: each fact's
 * frame[] is set to its frame or "".  The same period reported again by
 * later filings (most facts appear once per filing that repeated them)
 * competes like any other: the latest filing carries the frame.  accn may
 * be NULL (taken as ""); a fact whose start is after its end gets no frame.
 * Returns 0, or -1 when out of memory (every frame[] is then "").  The
 * result does not depend on the array's order. */
int xf_assign(xf_fact *facts, size_t n);

/* Days since 1970-01-01 of "YYYY-MM-DD" (exactly 10 chars, year
 * 0001-9999, a real date of the proleptic Gregorian calendar); returns 0
 * and sets *days, or -1 if malformed/invalid date (*days untouched). */
int xf_days(const char *ymd, size_t len, int32_t *days);

/* The frame a single period maps to alone (rules 1-3 before the
 * one-per-frame choice; a tie maps to the later quarter end), "" if none,
 * into out[12].  start_days INT32_MIN for an instant. */
void xf_frame_of(int32_t start_days, int32_t end_days, char out[12]);

#endif
