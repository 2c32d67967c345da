/* EDGAR's clock: the header writes times in US Eastern time (the SEC is in
 * Washington), the SEC's JSON in UTC.  This converts one to the other with
 * the US daylight-saving rules of the year (libc's tz database is not used:
 * the core does no I/O, and the answer must not depend on the machine's
 * TZ). */
#ifndef EDGR_EASTERN_H
#define EDGR_EASTERN_H

#include <stdint.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; negative before). */
int64_t civil_days(int y, int m, int d);

/* An Eastern wall-clock time, "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or
 * "YYYYMMDD[HHMMSS]" (a date alone is midnight), as UTC in the SEC's
 * form "YYYY-MM-DDTHH:MM:SS.000Z" (25 bytes with the NUL).  An hour that
 * happens twice (the fall-back night) is read as daylight time, the first
 * of the two.  Returns 0, or -1 when `in` is none of those forms or no
 * real date. */
int eastern_to_utc(const char *in, char out[25]);

#endif
