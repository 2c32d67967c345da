/*
 * Inline XBRL transformation rules (transform.h).
 *
 * Each registry is a table of rules sorted by local name, so a lookup is a
 * switch on the namespace and a binary search; a rule is a small parser
 * over the trimmed text that writes its value straight into the caller's
 * buffer.  Nothing allocates, nothing uses floating point, nothing keeps
 * state: the same call from any thread gives the same answer.
 *
 * Covered (namespace: rules):
 *   TR1 2010-04-20: every rule of the registry (dates in slash, dot, long
 *       and short forms; numcommadot, numdotcomma, numspacedot,
 *       numspacecomma, numcomma, numdash).
 *   TR2 2011-07-31: every rule of the registry.
 *   TR3 2015-02-26: TR2's plus datedaymonthdk, datedaymonthyeardk,
 *       datemonthyeardk, datemonthyear, dateyearmonthday, numdotdecimalin,
 *       numunitdecimalin.
 *   TR4 2020-02-12 and TR5 2022-02-16: the numeric and English date rules,
 *       CJK and Japanese era dates, the Danish/Swedish and Roman-numeral
 *       month forms, fixed-*, num-*-decimal, num-unit-decimal,
 *       num-dot-decimal-in, num-unit-decimal-in; TR5 adds the -apos forms.
 *   SEC 2015-08-31: duryear, durmonth, durweek, durday, durhour,
 *       durwordsen, numwordsen, numinf, numneginf, numnan, datequarterend,
 *       boolballotbox, yesnoballotbox, stateprovnameen, countrynameen,
 *       exchnameen, entityfilercategoryen.
 *
 * Left out (they answer IXT_UNKNOWN, so the caller keeps the raw text):
 *   - the month names of languages other than English, Danish and Swedish
 *     (TR4/TR5 -bg -cs -cy -de -el -es -et -fi -fr -hr -hu -it -lt -lv -nl
 *     -no -pl -pt -ro -sk -sl -hi), and the Indian national (Saka) calendar
 *     (calindaymonthyear, date-ind-day-monthname-year-hi) and Hindi month
 *     rules (datedaymonthyearin, datemonthyearin): their month tables are
 *     large and easy to get wrong, and US filings do not use them;
 *   - ixt-sec:edgarprovcountryen: its values are EDGAR's own state/country
 *     codes ("A0", "X1", ...), a table of some 250 entries we could not
 *     check against a primary SEC source; a wrong code is worse than none.
 *   - datelongeu / dateshorteu: they are no rules of TR1 (its long and
 *     short day-first rules are datelonguk / dateshortuk).
 *
 * Choices:
 *   - Two-digit years are 20yy and one-digit years 200y, as the TR2-TR5
 *     registries' reference implementation reads them (the registries give
 *     no sliding window); three-digit years are refused.
 *   - Leading and trailing white space, and no-break spaces, are ignored.
 *   - English month names are matched in any case, in full, as three-letter
 *     abbreviations or as "Sept", with an optional '.'; TR1's long and short
 *     rules take either form.
 *   - Numbers come out canonical: no leading zeros, no trailing fraction
 *     zeros ("007.50" -> "7.5", "0.0" -> "0").
 *   - numinf, numneginf and numnan give the xsd:double specials "INF",
 *     "-INF" and "NaN" (IXT_K_NUMBER), the only signed number out.
 *   - The SEC durations are exact: the fraction of a year spills into
 *     months (x 12) and then days (x 30.4375), truncated, with decimal
 *     digit arithmetic; zero parts are left out ("P1Y6M", "PT12H").
 */
#include "transform.h"

#include "chars.h"

#include <stdint.h>
#include <stddef.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Output                                                               */

/* The caller's buffer; `over` once anything did not fit (room is kept
 * for the NUL). */
typedef struct obuf {
    char *p;
    size_t cap, n;
    int over;
} obuf;

static void put(obuf *o, const char *s, size_t n)
{
    if (o->over || n >= o->cap - o->n) {
        o->over = 1;
        return;
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
}

static void put_ch(obuf *o, char c) { put(o, &c, 1); }

static void put_str(obuf *o, const char *s) { put(o, s, strlen(s)); }

static void put_u64(obuf *o, uint64_t v)
{
    char b[20];
    size_t i = sizeof b;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(o, b + i, sizeof b - i);
}

/* v in `width` digits, zero-padded (years, months, days). */
static void put_padded(obuf *o, unsigned v, int width)
{
    char b[8];
    for (int i = width - 1; i >= 0; i--) {
        b[i] = (char)('0' + v % 10);
        v /= 10;
    }
    put(o, b, (size_t)width);
}

/* ------------------------------------------------------------------ */
/* Bytes                                                                */


#define NBSP "\xc2\xa0"

static int is_nbsp_at(const char *p, const char *e)
{
    return e - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
}

/* White space or a no-break space at p: its length, else 0. */
static size_t space_at(const char *p, const char *e)
{
    if (p < e && sc_is_xml_space((unsigned char)*p)) return 1;
    return is_nbsp_at(p, e) ? 2 : 0;
}

/* Displayed text often carries spaces and &nbsp; around the figure. */
static void trim(const char **pp, const char **ep)
{
    const char *p = *pp, *e = *ep;
    for (size_t s; (s = space_at(p, e)) != 0;) p += s;
    for (;;) {
        if (e > p && sc_is_xml_space((unsigned char)e[-1])) e--;
        else if (e - p >= 2 && is_nbsp_at(e - 2, e)) e -= 2;
        else break;
    }
    *pp = p;
    *ep = e;
}

/* Length of the first string of the NULL-ended list found at p, else 0. */
static size_t match_list(const char *p, const char *e, const char *const *list)
{
    for (; list && *list; list++) {
        size_t n = strlen(*list);
        if ((size_t)(e - p) >= n && memcmp(p, *list, n) == 0) return n;
    }
    return 0;
}

/* Case-insensitive: p[0..n) equals the lower-case lit. */
static int word_is(const char *p, size_t n, const char *lit)
{
    size_t i = 0;
    for (; i < n; i++)
        if (!lit[i] || (char)sc_lower((unsigned char)p[i]) != lit[i]) return 0;
    return lit[i] == '\0';
}

/* Case-insensitive: p[0..n) is how the lower-case lit begins. */
static int starts_with(const char *p, size_t n, const char *lit)
{
    for (size_t i = 0; i < n; i++)
        if (!lit[i] || (char)sc_lower((unsigned char)p[i]) != lit[i]) return 0;
    return 1;
}

/* Every dash the registries count as one (hyphen-minus, Armenian and
 * Hebrew hyphens, the U+2010..2015 family, small and full-width
 * hyphen-minus). */
static const char *const DASHES[] = {
    "-", "\xd6\x8a", "\xd6\xbe", "\xe2\x80\x90", "\xe2\x80\x91", "\xe2\x80\x92", "\xe2\x80\x93",
    "\xe2\x80\x94", "\xe2\x80\x95", "\xef\xb9\x98", "\xef\xb9\xa3", "\xef\xbc\x8d", NULL,
};

/*
 * Copy text into buf with full-width (U+FF10..19) and Devanagari
 * (U+0966..6F) digits made ASCII, so date and unit rules see one kind of
 * digit.  The copy only shrinks; -1 when it does not fit (a date or an
 * amount that long is no date or amount).
 */
static int fold_digits(const char *p, const char *e, char *buf, size_t cap, const char **be)
{
    size_t n = 0;
    while (p < e) {
        char c = *p;
        size_t len = 1;
        if (e - p >= 3) {
            unsigned char a = (unsigned char)p[0], b = (unsigned char)p[1], d = (unsigned char)p[2];
            if (a == 0xEF && b == 0xBC && d >= 0x90 && d <= 0x99) c = (char)('0' + d - 0x90), len = 3;
            else if (a == 0xE0 && b == 0xA5 && d >= 0xA6 && d <= 0xAF) c = (char)('0' + d - 0xA6), len = 3;
        }
        if (n == cap) return -1;
        buf[n++] = c;
        p += len;
    }
    *be = buf + n;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                              */

enum { NUM_MAX_DIGITS = 400 }; /* a longer "figure" is refused, not read */

typedef struct digits {
    char i[NUM_MAX_DIGITS], f[NUM_MAX_DIGITS]; /* integer and fraction digits */
    size_t ni, nf;
} digits;

static int push_digit(char *d, size_t *n, char c)
{
    if (*n == NUM_MAX_DIGITS) return -1;
    d[(*n)++] = c;
    return 0;
}

/* The canonical unsigned xsd:decimal: "1234.5", "0.25", "0". */
static void put_decimal(obuf *o, const char *id, size_t ni, const char *fd, size_t nf)
{
    while (ni && *id == '0') id++, ni--;
    while (nf && fd[nf - 1] == '0') nf--;
    if (ni) put(o, id, ni);
    else put_ch(o, '0');
    if (nf) {
        put_ch(o, '.');
        put(o, fd, nf);
    }
}

/* How group separators may sit among the integer digits. */
enum num_mode {
    NUM_TR1,  /* 1-3 digits, then a separator before every 3 (TR1)         */
    NUM_TR2,  /* any first run, then runs of 3k digits after a separator   */
    NUM_LAX,  /* separators anywhere, spaces in the fraction (TR4, TR5)     */
    NUM_IN    /* Indian lakh grouping 1,23,45,678 or plain digits           */
};

typedef struct numcfg {
    enum num_mode mode;
    char dec;                 /* decimal separator; 0 for none            */
    const char *const *seps;  /* group separators                         */
    int no_lead_zero;         /* "0" or a number starting 1-9 (TR2 unit)  */
} numcfg;

static const char *const SEP_NONE[] = {NULL};
static const char *const SEP_COMMA[] = {",", NULL};
static const char *const SEP_DOT[] = {".", NULL};
static const char *const SEP_SPACE[] = {" ", NBSP, NULL};
static const char *const SEP_DOTDEC[] = {",", " ", NBSP, NULL};
static const char *const SEP_COMMADEC[] = {".", " ", NBSP, NULL};
/* TR5's -apos rules add the Swiss apostrophe and its look-alikes. */
static const char *const SEP_DOTDEC_APOS[] = {
    ",", " ", NBSP, "'", "`", "\xc2\xb4", "\xe2\x80\x99", "\xe2\x80\xb2", NULL,
};
static const char *const SEP_COMMADEC_APOS[] = {
    ".", " ", NBSP, "'", "`", "\xc2\xb4", "\xe2\x80\x99", "\xe2\x80\xb2", NULL,
};
/* The major part of a unit amount: stops and commas, full-width too. */
static const char *const SEP_UNIT_TR2[] = {".", ",", "\xef\xbc\x8c", "\xef\xbc\x8e", NULL};
static const char *const SEP_UNIT_TR4[] = {".", ",", "\xef\xbc\x8c", NULL};
static const char *const SEP_UNIT_APOS[] = {
    ".", ",", "\xef\xbc\x8c", "'", "`", "\xc2\xb4", "\xe2\x80\x99", "\xe2\x80\xb2", "\xef\xbc\x87", NULL,
};

/* A run after the first one, in the strict modes. */
static int later_run_ok(enum num_mode mode, size_t run, size_t len, size_t prev)
{
    switch (mode) {
    case NUM_TR1: return len == 3;
    case NUM_TR2: return len % 3 == 0;
    case NUM_IN: return (len == 2 || len == 3) && (run < 3 || prev == 2);
    case NUM_LAX: break;
    }
    return 0;
}

static const char *scan_strict(const char *p, const char *e, const numcfg *c, digits *d)
{
    size_t runs = 0, first = 0, prev = 0;
    for (;;) {
        size_t len = 0;
        while (p < e && sc_is_digit((unsigned char)*p)) {
            if (push_digit(d->i, &d->ni, *p++)) return NULL;
            len++;
        }
        if (!len) return NULL;
        if (++runs == 1) first = len;
        else if (!later_run_ok(c->mode, runs, len, prev)) return NULL;
        prev = len;
        size_t s = match_list(p, e, c->seps);
        if (!s || s >= (size_t)(e - p) || !sc_is_digit((unsigned char)p[s])) break;
        p += s;
    }
    if (c->mode == NUM_TR1 && c->seps[0] && first > 3) return NULL;
    if (c->mode == NUM_IN && runs > 1 && (prev != 3 || first > 2)) return NULL;
    if (c->no_lead_zero && d->i[0] == '0' && d->ni > 1) return NULL;
    if (c->dec && e - p >= 2 && *p == c->dec && sc_is_digit((unsigned char)p[1])) {
        for (p++; p < e && sc_is_digit((unsigned char)*p); p++)
            if (push_digit(d->f, &d->nf, *p)) return NULL;
    }
    return p;
}

static const char *scan_lax(const char *p, const char *e, const numcfg *c, digits *d)
{
    while (p < e) {
        size_t s;
        if (sc_is_digit((unsigned char)*p)) {
            if (push_digit(d->i, &d->ni, *p++)) return NULL;
        } else if ((s = match_list(p, e, c->seps)) != 0) {
            p += s;
        } else {
            break;
        }
    }
    if (c->dec && p < e && *p == c->dec) {
        const char *start = ++p;
        while (p < e) {
            size_t s;
            if (sc_is_digit((unsigned char)*p)) {
                if (push_digit(d->f, &d->nf, *p++)) return NULL;
            } else if ((s = match_list(p, e, SEP_SPACE)) != 0) {
                p += s;
            } else {
                break;
            }
        }
        if (p == start) return NULL;
    }
    return d->ni + d->nf ? p : NULL;
}

/* Read a number at p; where it ends, or NULL when there is none. */
static const char *scan_number(const char *p, const char *e, const numcfg *c, digits *d)
{
    d->ni = d->nf = 0;
    return c->mode == NUM_LAX ? scan_lax(p, e, c, d) : scan_strict(p, e, c, d);
}

/* ------------------------------------------------------------------ */
/* Dates                                                                */

typedef struct dfields {
    int y, m, d; /* 0 when the rule has no such field */
} dfields;

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* Days in month m; with no year (gMonthDay) February may have 29. */
static int month_days(int y, int m)
{
    static const unsigned char DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return !y || is_leap(y) ? 29 : 28;
    return DAYS[m - 1];
}

static ixt_status put_date(obuf *o, const dfields *f, ixt_kind *kind)
{
    if (f->m < 1 || f->m > 12) return IXT_INVALID;
    if (f->d && f->d > month_days(f->y, f->m)) return IXT_INVALID;
    if (f->y) {
        put_padded(o, (unsigned)f->y, 4);
        put_ch(o, '-');
        put_padded(o, (unsigned)f->m, 2);
        if (f->d) {
            put_ch(o, '-');
            put_padded(o, (unsigned)f->d, 2);
        }
    } else {
        put_str(o, "--");
        put_padded(o, (unsigned)f->m, 2);
        put_ch(o, '-');
        put_padded(o, (unsigned)f->d, 2);
    }
    *kind = IXT_K_DATE;
    return IXT_OK;
}

static const char *const MONTHS_EN[12] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
};
static const char *const MONTHS_DA[12] = {
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};
static const char *const MONTHS_ROMAN[12] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
};

/* English: the full name, its first three letters, or "sept". */
static int month_en(const char *p, size_t n)
{
    for (int i = 0; i < 12; i++) {
        if (word_is(p, n, MONTHS_EN[i])) return i + 1;
        if (n == 3 && starts_with(p, n, MONTHS_EN[i])) return i + 1;
    }
    return n == 4 && word_is(p, n, "sept") ? 9 : 0;
}

/* Danish and Swedish: a three-letter stem and any ending ("marts",
 * "mars", "maj", "okt."). */
static int month_da(const char *p, size_t n)
{
    if (n < 3) return 0;
    for (int i = 0; i < 12; i++)
        if (starts_with(p, 3, MONTHS_DA[i])) return i + 1;
    return 0;
}

static int month_roman(const char *p, size_t n)
{
    for (int i = 0; i < 12; i++)
        if (word_is(p, n, MONTHS_ROMAN[i])) return i + 1;
    return 0;
}

/* The month a word of the shape's kind names ('N' English, 'K'
 * Danish/Swedish, 'R' Roman), else 0. */
static int month_word(char kind, const char *p, size_t n)
{
    switch (kind) {
    case 'N': return month_en(p, n);
    case 'K': return month_da(p, n);
    default: return month_roman(p, n);
    }
}

static int is_name_token(char t) { return t == 'N' || t == 'K' || t == 'R'; }

static size_t alpha_run(const char *p, const char *e)
{
    size_t n = 0;
    while (p + n < e && sc_is_alpha((unsigned char)p[n])) n++;
    return n;
}

/*
 * A separator of one or more non-digits ('_' in a shape).  Before a month
 * name it runs up to the first word that is one, so "5th of January" and
 * "Feb. 29" both parse; NULL when there is no such separator.
 */
static const char *skip_separator(const char *p, const char *e, char next)
{
    const char *q = p;
    while (q < e && !sc_is_digit((unsigned char)*q)) {
        if (is_name_token(next) && sc_is_alpha((unsigned char)*q)) {
            size_t n = alpha_run(q, e);
            if (q > p && month_word(next, q, n)) return q;
            q += n;
            continue;
        }
        q++;
    }
    if (is_name_token(next)) return NULL;
    return q > p ? q : NULL;
}

/* A digit field of min..max digits (years: 1, 2 or 4); its value or -1. */
static int digit_field(const char **pp, const char *e, char field)
{
    const char *p = *pp;
    int v = 0;
    size_t n = 0;
    while (p < e && sc_is_digit((unsigned char)*p) && n < 5) v = v * 10 + (*p++ - '0'), n++;
    if (n == 0 || (p < e && sc_is_digit((unsigned char)*p))) return -1;
    if (field == 'y') {
        if (n == 3 || n > 4) return -1;
        if (n <= 2) v += 2000; /* 20yy, and 200y for one digit */
        if (v == 0) return -1;
    } else if (n > 2 || v == 0) {
        return -1; /* no day or month 0 */
    }
    *pp = p;
    return v;
}

/*
 * Parse text against a shape: 'd' 'm' 'y' digit fields (day, month, year),
 * 'N' 'K' 'R' month names, '_' one or more non-digits, ' ' one or more
 * spaces, 'o' an ordinal suffix (0-2 letters), '*' any non-digit tail, any
 * other byte itself.  The whole text must be used.
 */
static int parse_shape(const char *p, const char *e, const char *shape, dfields *f)
{
    memset(f, 0, sizeof *f);
    for (const char *s = shape; *s; s++) {
        switch (*s) {
        case 'd':
        case 'm':
        case 'y': {
            int v = digit_field(&p, e, *s);
            if (v < 0) return -1;
            if (*s == 'd') f->d = v;
            else if (*s == 'm') f->m = v;
            else f->y = v;
            break;
        }
        case 'N':
        case 'K':
        case 'R': {
            size_t n = alpha_run(p, e);
            int m = n ? month_word(*s, p, n) : 0;
            if (!m) return -1;
            f->m = m;
            p += n;
            /* "Feb." - but before a '_' the separator takes the stop, and a
             * Danish stop only follows a three-letter stem */
            if (s[1] != '_' && p < e && *p == '.' && (*s != 'K' || n == 3)) p++;
            break;
        }
        case '_':
            if (!(p = skip_separator(p, e, s[1]))) return -1;
            break;
        case ' ': {
            size_t n = 0, k;
            while ((k = space_at(p, e)) != 0) p += k, n++;
            if (!n) return -1;
            break;
        }
        case 'o':
            for (int i = 0; i < 2 && p < e && sc_is_alpha((unsigned char)*p); i++) p++;
            break;
        case '*':
            while (p < e && !sc_is_digit((unsigned char)*p)) p++;
            break;
        default:
            if (p == e || *p != *s) return -1;
            p++;
            break;
        }
    }
    return p == e ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Rules                                                                */

struct rule;
typedef ixt_status (*rule_fn)(const struct rule *r, const char *p, const char *e, obuf *o,
                              ixt_kind *kind);

typedef struct rule {
    const char *name;
    rule_fn fn;
    int arg;           /* the handler's variant                */
    const char *shape; /* date rules: the shape of the text    */
} rule;

enum {
    FIX_TRUE, FIX_FALSE, FIX_ZERO, FIX_EMPTY, FIX_INF, FIX_NEGINF, FIX_NAN
};

/* Rules whose value does not depend on the text at all. */
static ixt_status r_fixed(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    static const struct { const char *v; ixt_kind k; } FIXED[] = {
        [FIX_TRUE] = {"true", IXT_K_BOOLEAN},  [FIX_FALSE] = {"false", IXT_K_BOOLEAN},
        [FIX_ZERO] = {"0", IXT_K_NUMBER},      [FIX_EMPTY] = {"", IXT_K_TEXT},
        [FIX_INF] = {"INF", IXT_K_NUMBER},     [FIX_NEGINF] = {"-INF", IXT_K_NUMBER},
        [FIX_NAN] = {"NaN", IXT_K_NUMBER},
    };
    (void)p, (void)e;
    put_str(o, FIXED[r->arg].v);
    *kind = FIXED[r->arg].k;
    return IXT_OK;
}

/* zerodash: one dash of any kind; TR1's numdash: the hyphen-minus only. */
static ixt_status r_dash(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    size_t n = r->arg ? (p < e && *p == '-') : match_list(p, e, DASHES);
    if (!n || p + n != e) return IXT_INVALID;
    put_ch(o, '0');
    *kind = IXT_K_NUMBER;
    return IXT_OK;
}

enum {
    N_COMMADOT, N_DOTCOMMA, N_SPACEDOT, N_SPACECOMMA, N_COMMA,     /* TR1    */
    N_DOTDEC2, N_COMMADEC2,                                        /* TR2-3  */
    N_DOTDEC4, N_COMMADEC4, N_DOTDEC_APOS, N_COMMADEC_APOS,        /* TR4-5  */
    N_DOTDEC_IN                                                    /* TR3-5  */
};

static const numcfg NUMS[] = {
    [N_COMMADOT] = {NUM_TR1, '.', SEP_COMMA, 0},
    [N_DOTCOMMA] = {NUM_TR1, ',', SEP_DOT, 0},
    [N_SPACEDOT] = {NUM_TR1, '.', SEP_SPACE, 0},
    [N_SPACECOMMA] = {NUM_TR1, ',', SEP_SPACE, 0},
    [N_COMMA] = {NUM_TR1, ',', SEP_NONE, 0},
    [N_DOTDEC2] = {NUM_TR2, '.', SEP_DOTDEC, 0},
    [N_COMMADEC2] = {NUM_TR2, ',', SEP_COMMADEC, 0},
    [N_DOTDEC4] = {NUM_LAX, '.', SEP_DOTDEC, 0},
    [N_COMMADEC4] = {NUM_LAX, ',', SEP_COMMADEC, 0},
    [N_DOTDEC_APOS] = {NUM_LAX, '.', SEP_DOTDEC_APOS, 0},
    [N_COMMADEC_APOS] = {NUM_LAX, ',', SEP_COMMADEC_APOS, 0},
    [N_DOTDEC_IN] = {NUM_IN, '.', SEP_DOTDEC, 0},
};

static ixt_status r_num(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    digits d;
    const char *end = scan_number(p, e, &NUMS[r->arg], &d);
    if (!end || end != e) return IXT_INVALID;
    put_decimal(o, d.i, d.ni, d.f, d.nf);
    *kind = IXT_K_NUMBER;
    return IXT_OK;
}

/* Amounts in two units, "5ドル20セント", "1,234 euros 56": major digits, a
 * unit, one or two minor digits, maybe a second unit. */
enum { U_TR2, U_TR4, U_APOS, U_IN };

static const struct unitcfg {
    numcfg major;
    int strict_units; /* TR2: no stop or comma anywhere in the units */
} UNITS[] = {
    [U_TR2] = {{NUM_TR2, 0, SEP_UNIT_TR2, 1}, 1},
    [U_TR4] = {{NUM_LAX, 0, SEP_UNIT_TR4, 0}, 0},
    [U_APOS] = {{NUM_LAX, 0, SEP_UNIT_APOS, 0}, 0},
    [U_IN] = {{NUM_IN, 0, SEP_DOTDEC, 0}, 0},
};

static int unit_byte_ok(const struct unitcfg *u, const char *p, const char *e)
{
    if (sc_is_digit((unsigned char)*p)) return 0;
    return !u->strict_units || !match_list(p, e, SEP_UNIT_TR2);
}

static ixt_status r_unit(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    const struct unitcfg *u = &UNITS[r->arg];
    char buf[256];
    if (fold_digits(p, e, buf, sizeof buf, &e)) return IXT_INVALID;
    p = buf;
    digits d;
    const char *q = scan_number(p, e, &u->major, &d);
    if (!q || q == e || !d.ni) return IXT_INVALID;
    if (!unit_byte_ok(u, q, e)) return IXT_INVALID;
    while (q < e && unit_byte_ok(u, q, e)) q++;
    char minor[2];
    size_t nm = 0;
    while (q < e && sc_is_digit((unsigned char)*q)) {
        if (nm == 2) return IXT_INVALID;
        minor[nm++] = *q++;
    }
    if (!nm) return IXT_INVALID;
    while (q < e && unit_byte_ok(u, q, e)) q++;
    if (q != e) return IXT_INVALID;
    if (nm == 1) minor[1] = minor[0], minor[0] = '0'; /* "5" cents is .05 */
    put_decimal(o, d.i, d.ni, minor, 2);
    *kind = IXT_K_NUMBER;
    return IXT_OK;
}

static ixt_status r_date(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    char buf[256];
    dfields f;
    if (fold_digits(p, e, buf, sizeof buf, &e)) return IXT_INVALID;
    if (parse_shape(buf, e, r->shape, &f)) return IXT_INVALID;
    return put_date(o, &f, kind);
}

/* CJK dates, "2024年3月29日", and Japanese era dates, "令和6年3月29日". */
#define CJK_YEAR "\xe5\xb9\xb4"
#define CJK_MONTH "\xe6\x9c\x88"
#define CJK_DAY "\xe6\x97\xa5"
#define CJK_SPACE "\xe3\x80\x80"
#define JP_GANNEN "\xe5\x85\x83" /* 元: the first year of an era */

static const char *skip_cjk_space(const char *p, const char *e)
{
    for (;;) {
        size_t s = space_at(p, e);
        if (!s && e - p >= 3 && memcmp(p, CJK_SPACE, 3) == 0) s = 3;
        if (!s) return p;
        p += s;
    }
}

static int expect(const char **pp, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    const char *p = skip_cjk_space(*pp, e);
    if ((size_t)(e - p) < n || memcmp(p, lit, n) != 0) return -1;
    *pp = skip_cjk_space(p + n, e);
    return 0;
}

/* "m月" and, when want_day, "d日", to the end of the text. */
static int cjk_month_day(const char *p, const char *e, int want_day, dfields *f)
{
    if ((f->m = digit_field(&p, e, 'm')) < 0 || expect(&p, e, CJK_MONTH)) return -1;
    if (want_day && ((f->d = digit_field(&p, e, 'd')) < 0 || expect(&p, e, CJK_DAY))) return -1;
    return p == e ? 0 : -1;
}

static ixt_status r_cjk(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    char buf[256];
    dfields f = {0, 0, 0};
    if (fold_digits(p, e, buf, sizeof buf, &e)) return IXT_INVALID;
    p = skip_cjk_space(buf, e);
    if ((f.y = digit_field(&p, e, 'y')) < 0 || expect(&p, e, CJK_YEAR)) return IXT_INVALID;
    if (cjk_month_day(p, e, r->arg, &f)) return IXT_INVALID;
    return put_date(o, &f, kind);
}

static ixt_status r_jp_era(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    /* each era's year 0 in the Gregorian calendar; full names first */
    static const struct { const char *name; int base; } ERAS[] = {
        {"\xe6\x98\x8e\xe6\xb2\xbb", 1867}, {"\xe5\xa4\xa7\xe6\xad\xa3", 1911},
        {"\xe6\x98\xad\xe5\x92\x8c", 1925}, {"\xe5\xb9\xb3\xe6\x88\x90", 1988},
        {"\xe4\xbb\xa4\xe5\x92\x8c", 2018}, {"\xe6\x98\x8e", 1867},
        {"\xe5\xa4\xa7", 1911},             {"\xe6\x98\xad", 1925},
        {"\xe5\xb9\xb3", 1988},             {"\xe4\xbb\xa4", 2018},
    };
    char buf[256];
    dfields f = {0, 0, 0};
    if (fold_digits(p, e, buf, sizeof buf, &e)) return IXT_INVALID;
    p = skip_cjk_space(buf, e);
    size_t i = 0, n = 0;
    for (; i < sizeof ERAS / sizeof ERAS[0]; i++) {
        n = strlen(ERAS[i].name);
        if ((size_t)(e - p) >= n && memcmp(p, ERAS[i].name, n) == 0) break;
    }
    if (i == sizeof ERAS / sizeof ERAS[0]) return IXT_INVALID;
    p = skip_cjk_space(p + n, e);
    int year;
    if (e - p >= 3 && memcmp(p, JP_GANNEN, 3) == 0) {
        year = 1;
        p += 3;
    } else if ((year = digit_field(&p, e, 'd')) <= 0) { /* 1-2 digits, not 20yy */
        return IXT_INVALID;
    }
    f.y = ERAS[i].base + year;
    if (expect(&p, e, CJK_YEAR) || cjk_month_day(p, e, r->arg, &f)) return IXT_INVALID;
    return put_date(o, &f, kind);
}

/* ixt-sec:datequarterend: "Q1 2024", "first quarter of 2024", "2023
 * fourth quarter" -> the quarter's last day. */
static ixt_status r_quarter_end(const rule *r, const char *p, const char *e, obuf *o,
                                ixt_kind *kind)
{
    static const char *const WORDS[] = {"first", "second", "third", "fourth", "last"};
    int year = 0, quarter = 0, marks = 0;
    (void)r;
    while (p < e) {
        size_t n;
        if (sc_is_digit((unsigned char)*p)) {
            for (n = 0; p + n < e && sc_is_digit((unsigned char)p[n]); n++) continue;
            if (n == 4 && !year) year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + p[3] - '0';
            else if (n == 1 && p[0] >= '1' && p[0] <= '4') quarter = p[0] - '0', marks++;
            else return IXT_INVALID;
        } else if (sc_is_alpha((unsigned char)*p)) {
            n = alpha_run(p, e);
            for (int w = 0; w < 5; w++)
                if (word_is(p, n, WORDS[w])) quarter = w < 4 ? w + 1 : 4, marks++;
        } else {
            n = 1;
        }
        p += n;
    }
    if (!year || marks != 1) return IXT_INVALID;
    dfields f = {year, quarter * 3, 0};
    f.d = month_days(year, f.m);
    return put_date(o, &f, kind);
}

/* ---- SEC durations from a decimal ---- */

enum { DUR_Y, DUR_M, DUR_W, DUR_D, DUR_H };
enum { DUR_FRAC_MAX = 64, DUR_INT_MAX = 18 };

/* f (fraction digits, 0-9 each) times m: returns the integer part and
 * leaves the fraction of the product in f - exact for any length. */
static uint64_t mul_frac(unsigned char *f, size_t n, unsigned m)
{
    uint64_t carry = 0;
    for (size_t i = n; i-- > 0;) {
        uint64_t x = (uint64_t)f[i] * m + carry;
        f[i] = (unsigned char)(x % 10);
        carry = x / 10;
    }
    return carry;
}

/* 30.4375 days a month (365.25 / 12), as the SEC's registry spills them:
 * floor(frac x 304375 / 10000). */
static uint64_t frac_to_days(unsigned char *f, size_t n) { return mul_frac(f, n, 304375) / 10000; }

static ixt_status r_dur(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    int neg = 0;
    if (p < e && (*p == '-' || *p == '+')) neg = *p++ == '-';
    uint64_t ip = 0;
    unsigned char f[DUR_FRAC_MAX];
    size_t ni = 0, nf = 0, seen = 0; /* significant integer digits; all digits */
    for (; p < e && sc_is_digit((unsigned char)*p); p++, seen++) {
        if ((ni || *p != '0') && ++ni > DUR_INT_MAX) return IXT_INVALID;
        ip = ip * 10 + (uint64_t)(*p - '0');
    }
    if (p < e && *p == '.') {
        for (p++; p < e && sc_is_digit((unsigned char)*p); p++, seen++) {
            if (nf == DUR_FRAC_MAX) return IXT_INVALID;
            f[nf++] = (unsigned char)(*p - '0');
        }
    }
    if (p != e || !seen) return IXT_INVALID;
    uint64_t part[4] = {0, 0, 0, 0}; /* Y M D H */
    switch (r->arg) {
    case DUR_Y:
        part[0] = ip;
        part[1] = mul_frac(f, nf, 12);
        part[2] = frac_to_days(f, nf);
        break;
    case DUR_M:
        part[1] = ip;
        part[2] = frac_to_days(f, nf);
        break;
    case DUR_W:
        part[2] = ip * 7 + mul_frac(f, nf, 7);
        break;
    case DUR_D:
        part[2] = ip;
        part[3] = mul_frac(f, nf, 24);
        break;
    default:
        part[3] = ip;
        break;
    }
    int zero = !part[0] && !part[1] && !part[2] && !part[3];
    if (neg && !zero) put_ch(o, '-');
    put_ch(o, 'P');
    static const char UNIT[4] = {'Y', 'M', 'D', 'H'};
    if (zero) {
        static const char *const ZERO[] = {"0Y", "0M", "0D", "0D", "T0H"};
        put_str(o, ZERO[r->arg]);
    }
    for (int i = 0; i < 4 && !zero; i++) {
        if (!part[i]) continue;
        if (i == 3) put_ch(o, 'T');
        put_u64(o, part[i]);
        put_ch(o, UNIT[i]);
    }
    *kind = IXT_K_DURATION;
    return IXT_OK;
}

/* ---- numbers and durations in English words ---- */

enum { WORDS_MAX = 64, SCALES = 12 }; /* units, thousand .. decillion */

typedef struct tok {
    const char *p;
    size_t n;
    int digits; /* a run of digits, not of letters */
} tok;

/* Split into words and digit runs at spaces, commas and dashes; "and" is
 * dropped ("one hundred and five", "five years and two months").  -1 on
 * any other character or too many words. */
static int tokenize(const char *p, const char *e, tok *t, size_t *nt)
{
    size_t n = 0, s;
    while (p < e) {
        if ((s = space_at(p, e)) != 0 || (s = match_list(p, e, DASHES)) != 0 || (s = (*p == ',')) != 0) {
            p += s;
            continue;
        }
        int dig = sc_is_digit((unsigned char)*p);
        if (!dig && !sc_is_alpha((unsigned char)*p)) return -1;
        const char *q = p;
        while (q < e && (dig ? sc_is_digit((unsigned char)*q) : sc_is_alpha((unsigned char)*q))) q++;
        if (!word_is(p, (size_t)(q - p), "and")) {
            if (n == WORDS_MAX) return -1;
            t[n++] = (tok){p, (size_t)(q - p), dig};
        }
        p = q;
    }
    *nt = n;
    return 0;
}

static int word_index(const tok *t, const char *const *list, int count)
{
    for (int i = 0; i < count; i++)
        if (word_is(t->p, t->n, list[i])) return i;
    return -1;
}

static const char *const ONES[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const TENS[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
static const char *const SCALE_WORDS[SCALES - 1] = {
    "thousand", "million", "billion", "trillion", "quadrillion", "quintillion",
    "sextillion", "septillion", "octillion", "nonillion", "decillion",
};

/* A group (below a thousand, or "twelve hundred ...") being read. */
typedef struct wgroup {
    unsigned v;
    int any, low, tens, hundred;
} wgroup;

/* Put the group at scale s; "twelve hundred thousand" carries into the
 * next scale, which must be free. */
static int place_group(unsigned *groups, int s, int *last, wgroup *g)
{
    if (!g->any || s >= *last) return -1;
    if (g->v >= 1000) {
        if (s + 1 >= *last) return -1;
        groups[s + 1] = g->v / 1000;
    }
    groups[s] = g->v % 1000;
    *last = s;
    *g = (wgroup){0, 0, 0, 0, 0};
    return 0;
}

static int words_step(const tok *t, wgroup *g, unsigned *groups, int *last)
{
    int i;
    if ((i = word_index(t, ONES, 19)) >= 0) {
        if (g->low || (i >= 9 && g->tens)) return -1;
        g->v += (unsigned)i + 1;
        g->low = g->any = 1;
    } else if ((i = word_index(t, TENS, 8)) >= 0) {
        if (g->low || g->tens) return -1;
        g->v += 20u + 10u * (unsigned)i;
        g->tens = g->any = 1;
    } else if (word_is(t->p, t->n, "hundred")) {
        if (!g->low || g->tens || g->hundred) return -1;
        g->v *= 100;
        g->hundred = 1;
        g->low = 0;
    } else if ((i = word_index(t, SCALE_WORDS, SCALES - 1)) >= 0) {
        return place_group(groups, i + 1, last, g);
    } else {
        return -1;
    }
    return 0;
}

/* English number words to digits, exactly: out gets the canonical
 * integer ("0" for "zero", "no", "none", "nil"). */
static int words_to_digits(const tok *t, size_t n, char *out, size_t cap, size_t *len)
{
    unsigned groups[SCALES] = {0};
    if (n == 1 && (word_is(t->p, t->n, "zero") || word_is(t->p, t->n, "no") ||
                   word_is(t->p, t->n, "none") || word_is(t->p, t->n, "nil"))) {
        out[0] = '0';
        *len = 1;
        return 0;
    }
    if (n == 0) return -1;
    wgroup g = {0, 0, 0, 0, 0};
    int last = SCALES;
    for (size_t i = 0; i < n; i++)
        if (t[i].digits || words_step(&t[i], &g, groups, &last)) return -1;
    if (g.any && place_group(groups, 0, &last, &g)) return -1;
    int top = SCALES - 1;
    while (top > 0 && !groups[top]) top--;
    size_t k = 0;
    for (int s = top; s >= 0; s--) {
        char b[4];
        unsigned v = groups[s];
        b[0] = (char)('0' + v / 100), b[1] = (char)('0' + v / 10 % 10), b[2] = (char)('0' + v % 10);
        size_t from = 0;
        if (s == top) while (from < 2 && b[from] == '0') from++;
        for (; from < 3; from++) {
            if (k == cap) return -1;
            out[k++] = b[from];
        }
    }
    *len = k;
    return 0;
}

static ixt_status r_numwords(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    tok t[WORDS_MAX];
    size_t n;
    char d[3 * SCALES];
    size_t len;
    (void)r;
    if (tokenize(p, e, t, &n) || words_to_digits(t, n, d, sizeof d, &len)) return IXT_INVALID;
    put(o, d, len);
    *kind = IXT_K_NUMBER;
    return IXT_OK;
}

/* "Five years, two months", "1 year and 6 months", "thirty days" ->
 * "P5Y2M", "P1Y6M", "P30D"; years, months and days in that order. */
static ixt_status r_durwords(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    static const char *const UNITS_W[] = {"year", "years", "month", "months", "day", "days"};
    static const char DESIG[3] = {'Y', 'M', 'D'};
    tok t[WORDS_MAX];
    size_t n, start = 0;
    int next_unit = 0, wrote = 0;
    (void)r;
    if (tokenize(p, e, t, &n) || n == 0) return IXT_INVALID;
    put_ch(o, 'P');
    for (size_t i = 0; i < n; i++) {
        int u = word_index(&t[i], UNITS_W, 6);
        if (u < 0) continue;
        u /= 2;
        if (u < next_unit || i == start) return IXT_INVALID;
        char d[3 * SCALES];
        size_t len;
        if (i - start == 1 && t[start].digits) {
            const char *q = t[start].p;
            len = t[start].n;
            if (len > 4) return IXT_INVALID;
            while (len > 1 && *q == '0') q++, len--;
            memcpy(d, q, len);
        } else if (words_to_digits(&t[start], i - start, d, sizeof d, &len)) {
            return IXT_INVALID;
        }
        if (!(len == 1 && d[0] == '0')) {
            put(o, d, len);
            put_ch(o, DESIG[u]);
            wrote = 1;
        }
        next_unit = u + 1;
        start = i + 1;
    }
    if (start != n) return IXT_INVALID; /* words after the last unit */
    if (!wrote) put_str(o, "0D");
    *kind = IXT_K_DURATION;
    return IXT_OK;
}

/* ---- ballot boxes ---- */

static ixt_status r_ballot(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    /* U+2610 empty, U+2611 checked, U+2612 crossed */
    if (e - p != 3 || memcmp(p, "\xe2\x98", 2) != 0) return IXT_INVALID;
    unsigned char c = (unsigned char)p[2];
    if (c < 0x90 || c > 0x92) return IXT_INVALID;
    int yes = c != 0x90;
    if (r->arg) {
        put_str(o, yes ? "Yes" : "No");
        *kind = IXT_K_TEXT;
    } else {
        put_str(o, yes ? "true" : "false");
        *kind = IXT_K_BOOLEAN;
    }
    return IXT_OK;
}

/* ---- names to codes ---- */

typedef struct code {
    const char *key; /* normalized: see norm_key */
    const char *value;
} code;

/* Keys are lower-case words joined by single spaces: punctuation, spaces,
 * no-break spaces and dashes separate, apostrophes vanish ("People's" ->
 * "peoples"), other non-ASCII bytes stay ("québec"). */
static int norm_key(const char *p, const char *e, char *buf, size_t cap, size_t *len)
{
    size_t n = 0, s;
    int gap = 0;
    while (p < e) {
        unsigned char c = (unsigned char)*p;
        if (c == '\'' || ((s = (size_t)(e - p)) >= 3 && (memcmp(p, "\xe2\x80\x99", 3) == 0 ||
                                                         memcmp(p, "\xe2\x80\x98", 3) == 0))) {
            p += c == '\'' ? 1 : 3;
            continue;
        }
        if ((s = space_at(p, e)) != 0 || (s = match_list(p, e, DASHES)) != 0 ||
            (c < 0x80 && !sc_is_alpha((unsigned char)(char)c) && !sc_is_digit((unsigned char)(char)c) && (s = 1))) {
            gap = 1;
            p += s;
            continue;
        }
        if (n + 2 > cap) return -1;
        if (gap && n) buf[n++] = ' ';
        gap = 0;
        buf[n++] = (char)sc_lower((unsigned char)*p++);
    }
    *len = n;
    return 0;
}

static int strip_prefix(const char **p, size_t *n, const char *lit)
{
    size_t k = strlen(lit);
    if (*n <= k || memcmp(*p, lit, k) != 0) return 0;
    *p += k;
    *n -= k;
    return 1;
}

static int strip_suffix(const char *p, size_t *n, const char *lit)
{
    size_t k = strlen(lit);
    if (*n <= k || memcmp(p + *n - k, lit, k) != 0) return 0;
    *n -= k;
    return 1;
}

/* Binary search of a table sorted by its first member, a string: the
 * element whose key is [k, k+n), or NULL.  Both tables here (rules by
 * name, codes by key) start with their key. */
static const void *find_sorted(const void *tab, size_t count, size_t size, const char *k, size_t n)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const void *e = (const char *)tab + mid * size;
        const char *key = *(const char *const *)e;
        size_t kl = strlen(key);
        int c = memcmp(key, k, kl < n ? kl : n);
        if (c == 0) c = kl < n ? -1 : kl > n;
        if (c == 0) return e;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

_Static_assert(offsetof(code, key) == 0 && offsetof(rule, name) == 0, "find_sorted reads the key first");

static const code *find_code(const code *tab, size_t count, const char *k, size_t n)
{
    return find_sorted(tab, count, sizeof *tab, k, n);
}

/* sorted */
static const code STATES[] = {
    {"alabama", "AL"},
    {"alaska", "AK"},
    {"alberta", "AB"},
    {"american samoa", "AS"},
    {"arizona", "AZ"},
    {"arkansas", "AR"},
    {"british columbia", "BC"},
    {"california", "CA"},
    {"colorado", "CO"},
    {"connecticut", "CT"},
    {"delaware", "DE"},
    {"district of columbia", "DC"},
    {"florida", "FL"},
    {"georgia", "GA"},
    {"guam", "GU"},
    {"hawaii", "HI"},
    {"idaho", "ID"},
    {"illinois", "IL"},
    {"indiana", "IN"},
    {"iowa", "IA"},
    {"kansas", "KS"},
    {"kentucky", "KY"},
    {"louisiana", "LA"},
    {"maine", "ME"},
    {"manitoba", "MB"},
    {"maryland", "MD"},
    {"massachusetts", "MA"},
    {"michigan", "MI"},
    {"minnesota", "MN"},
    {"mississippi", "MS"},
    {"missouri", "MO"},
    {"montana", "MT"},
    {"nebraska", "NE"},
    {"nevada", "NV"},
    {"new brunswick", "NB"},
    {"new hampshire", "NH"},
    {"new jersey", "NJ"},
    {"new mexico", "NM"},
    {"new york", "NY"},
    {"newfoundland", "NL"},
    {"newfoundland and labrador", "NL"},
    {"north carolina", "NC"},
    {"north dakota", "ND"},
    {"northern mariana islands", "MP"},
    {"northwest territories", "NT"},
    {"nova scotia", "NS"},
    {"nunavut", "NU"},
    {"ohio", "OH"},
    {"oklahoma", "OK"},
    {"ontario", "ON"},
    {"oregon", "OR"},
    {"pennsylvania", "PA"},
    {"prince edward island", "PE"},
    {"puerto rico", "PR"},
    {"quebec", "QC"},
    {"qu\xc3\xa9""bec", "QC"},
    {"rhode island", "RI"},
    {"samoa", "AS"},
    {"saskatchewan", "SK"},
    {"south carolina", "SC"},
    {"south dakota", "SD"},
    {"tennessee", "TN"},
    {"texas", "TX"},
    {"u s virgin islands", "VI"},
    {"united states minor outlying islands", "UM"},
    {"us virgin islands", "VI"},
    {"utah", "UT"},
    {"vermont", "VT"},
    {"virgin islands u s", "VI"},
    {"virginia", "VA"},
    {"washington", "WA"},
    {"west virginia", "WV"},
    {"wisconsin", "WI"},
    {"wyoming", "WY"},
    {"yukon", "YT"},
};
/* end sorted */

/* ISO 3166-1 alpha-2; looked up with a leading "the" dropped. */
/* sorted */
static const code COUNTRIES[] = {
    {"afghanistan", "AF"},
    {"aland islands", "AX"},
    {"albania", "AL"},
    {"algeria", "DZ"},
    {"american samoa", "AS"},
    {"andorra", "AD"},
    {"angola", "AO"},
    {"anguilla", "AI"},
    {"antarctica", "AQ"},
    {"antigua and barbuda", "AG"},
    {"argentina", "AR"},
    {"armenia", "AM"},
    {"aruba", "AW"},
    {"australia", "AU"},
    {"austria", "AT"},
    {"azerbaijan", "AZ"},
    {"bahamas", "BS"},
    {"bahrain", "BH"},
    {"bangladesh", "BD"},
    {"barbados", "BB"},
    {"belarus", "BY"},
    {"belgium", "BE"},
    {"belize", "BZ"},
    {"benin", "BJ"},
    {"bermuda", "BM"},
    {"bhutan", "BT"},
    {"bolivia", "BO"},
    {"bonaire sint eustatius and saba", "BQ"},
    {"bosnia and herzegovina", "BA"},
    {"botswana", "BW"},
    {"bouvet island", "BV"},
    {"brasil", "BR"},
    {"brazil", "BR"},
    {"britain", "GB"},
    {"british indian ocean territory", "IO"},
    {"british virgin islands", "VG"},
    {"brunei", "BN"},
    {"brunei darussalam", "BN"},
    {"bulgaria", "BG"},
    {"burkina faso", "BF"},
    {"burma", "MM"},
    {"burundi", "BI"},
    {"cabo verde", "CV"},
    {"cambodia", "KH"},
    {"cameroon", "CM"},
    {"canada", "CA"},
    {"cape verde", "CV"},
    {"cayman islands", "KY"},
    {"central african republic", "CF"},
    {"chad", "TD"},
    {"chile", "CL"},
    {"china", "CN"},
    {"christmas island", "CX"},
    {"cocos islands", "CC"},
    {"cocos keeling islands", "CC"},
    {"colombia", "CO"},
    {"comoros", "KM"},
    {"congo", "CG"},
    {"cook islands", "CK"},
    {"costa rica", "CR"},
    {"cote divoire", "CI"},
    {"croatia", "HR"},
    {"cuba", "CU"},
    {"curacao", "CW"},
    {"cura\xc3\xa7""ao", "CW"},
    {"cyprus", "CY"},
    {"czech republic", "CZ"},
    {"czechia", "CZ"},
    {"c\xc3\xb4""te divoire", "CI"},
    {"democratic peoples republic of korea", "KP"},
    {"democratic republic of congo", "CD"},
    {"democratic republic of the congo", "CD"},
    {"denmark", "DK"},
    {"djibouti", "DJ"},
    {"dominica", "DM"},
    {"dominican republic", "DO"},
    {"east timor", "TL"},
    {"ecuador", "EC"},
    {"egypt", "EG"},
    {"el salvador", "SV"},
    {"england", "GB"},
    {"equatorial guinea", "GQ"},
    {"eritrea", "ER"},
    {"estonia", "EE"},
    {"eswatini", "SZ"},
    {"ethiopia", "ET"},
    {"falkland islands", "FK"},
    {"faroe islands", "FO"},
    {"federated states of micronesia", "FM"},
    {"federative republic of brazil", "BR"},
    {"fiji", "FJ"},
    {"finland", "FI"},
    {"france", "FR"},
    {"french guiana", "GF"},
    {"french polynesia", "PF"},
    {"french southern territories", "TF"},
    {"gabon", "GA"},
    {"gambia", "GM"},
    {"georgia", "GE"},
    {"germany", "DE"},
    {"ghana", "GH"},
    {"gibraltar", "GI"},
    {"grand duchy of luxembourg", "LU"},
    {"great britain", "GB"},
    {"greece", "GR"},
    {"greenland", "GL"},
    {"grenada", "GD"},
    {"guadeloupe", "GP"},
    {"guam", "GU"},
    {"guatemala", "GT"},
    {"guernsey", "GG"},
    {"guinea", "GN"},
    {"guinea bissau", "GW"},
    {"guyana", "GY"},
    {"haiti", "HT"},
    {"heard island and mcdonald islands", "HM"},
    {"holy see", "VA"},
    {"honduras", "HN"},
    {"hong kong", "HK"},
    {"hungary", "HU"},
    {"iceland", "IS"},
    {"india", "IN"},
    {"indonesia", "ID"},
    {"iran", "IR"},
    {"iraq", "IQ"},
    {"ireland", "IE"},
    {"islamic republic of iran", "IR"},
    {"isle of man", "IM"},
    {"israel", "IL"},
    {"italy", "IT"},
    {"ivory coast", "CI"},
    {"jamaica", "JM"},
    {"japan", "JP"},
    {"jersey", "JE"},
    {"jordan", "JO"},
    {"kazakhstan", "KZ"},
    {"kenya", "KE"},
    {"kiribati", "KI"},
    {"kuwait", "KW"},
    {"kyrgyzstan", "KG"},
    {"lao peoples democratic republic", "LA"},
    {"laos", "LA"},
    {"latvia", "LV"},
    {"lebanon", "LB"},
    {"lesotho", "LS"},
    {"liberia", "LR"},
    {"libya", "LY"},
    {"liechtenstein", "LI"},
    {"lithuania", "LT"},
    {"luxembourg", "LU"},
    {"macao", "MO"},
    {"macau", "MO"},
    {"macedonia", "MK"},
    {"madagascar", "MG"},
    {"malawi", "MW"},
    {"malaysia", "MY"},
    {"maldives", "MV"},
    {"mali", "ML"},
    {"malta", "MT"},
    {"marshall islands", "MH"},
    {"martinique", "MQ"},
    {"mauritania", "MR"},
    {"mauritius", "MU"},
    {"mayotte", "YT"},
    {"mexico", "MX"},
    {"micronesia", "FM"},
    {"moldova", "MD"},
    {"monaco", "MC"},
    {"mongolia", "MN"},
    {"montenegro", "ME"},
    {"montserrat", "MS"},
    {"morocco", "MA"},
    {"mozambique", "MZ"},
    {"myanmar", "MM"},
    {"namibia", "NA"},
    {"nauru", "NR"},
    {"nepal", "NP"},
    {"netherlands", "NL"},
    {"new caledonia", "NC"},
    {"new zealand", "NZ"},
    {"nicaragua", "NI"},
    {"niger", "NE"},
    {"nigeria", "NG"},
    {"niue", "NU"},
    {"norfolk island", "NF"},
    {"north korea", "KP"},
    {"north macedonia", "MK"},
    {"northern mariana islands", "MP"},
    {"norway", "NO"},
    {"oman", "OM"},
    {"pakistan", "PK"},
    {"palau", "PW"},
    {"palestine", "PS"},
    {"panama", "PA"},
    {"papua new guinea", "PG"},
    {"paraguay", "PY"},
    {"peoples republic of china", "CN"},
    {"peru", "PE"},
    {"philippines", "PH"},
    {"pitcairn", "PN"},
    {"poland", "PL"},
    {"portugal", "PT"},
    {"puerto rico", "PR"},
    {"qatar", "QA"},
    {"republic of korea", "KR"},
    {"republic of moldova", "MD"},
    {"republic of south africa", "ZA"},
    {"republic of the congo", "CG"},
    {"republic of the marshall islands", "MH"},
    {"reunion", "RE"},
    {"romania", "RO"},
    {"russia", "RU"},
    {"russian federation", "RU"},
    {"rwanda", "RW"},
    {"r\xc3\xa9""union", "RE"},
    {"saint barthelemy", "BL"},
    {"saint helena", "SH"},
    {"saint kitts and nevis", "KN"},
    {"saint lucia", "LC"},
    {"saint martin", "MF"},
    {"saint pierre and miquelon", "PM"},
    {"saint vincent and the grenadines", "VC"},
    {"samoa", "WS"},
    {"san marino", "SM"},
    {"sao tome and principe", "ST"},
    {"saudi arabia", "SA"},
    {"senegal", "SN"},
    {"serbia", "RS"},
    {"seychelles", "SC"},
    {"sierra leone", "SL"},
    {"singapore", "SG"},
    {"sint maarten", "SX"},
    {"slovakia", "SK"},
    {"slovenia", "SI"},
    {"solomon islands", "SB"},
    {"somalia", "SO"},
    {"south africa", "ZA"},
    {"south georgia and the south sandwich islands", "GS"},
    {"south korea", "KR"},
    {"south sudan", "SS"},
    {"spain", "ES"},
    {"sri lanka", "LK"},
    {"state of palestine", "PS"},
    {"sudan", "SD"},
    {"suriname", "SR"},
    {"svalbard and jan mayen", "SJ"},
    {"swaziland", "SZ"},
    {"sweden", "SE"},
    {"switzerland", "CH"},
    {"syria", "SY"},
    {"syrian arab republic", "SY"},
    {"taiwan", "TW"},
    {"tajikistan", "TJ"},
    {"tanzania", "TZ"},
    {"thailand", "TH"},
    {"timor leste", "TL"},
    {"togo", "TG"},
    {"tokelau", "TK"},
    {"tonga", "TO"},
    {"trinidad and tobago", "TT"},
    {"tunisia", "TN"},
    {"turkey", "TR"},
    {"turkiye", "TR"},
    {"turkmenistan", "TM"},
    {"turks and caicos islands", "TC"},
    {"tuvalu", "TV"},
    {"t\xc3\xbc""rkiye", "TR"},
    {"u k", "GB"},
    {"u s", "US"},
    {"u s a", "US"},
    {"u s virgin islands", "VI"},
    {"uae", "AE"},
    {"uganda", "UG"},
    {"uk", "GB"},
    {"ukraine", "UA"},
    {"united arab emirates", "AE"},
    {"united kingdom", "GB"},
    {"united kingdom of great britain and northern ireland", "GB"},
    {"united mexican states", "MX"},
    {"united republic of tanzania", "TZ"},
    {"united states", "US"},
    {"united states minor outlying islands", "UM"},
    {"united states of america", "US"},
    {"uruguay", "UY"},
    {"us", "US"},
    {"us virgin islands", "VI"},
    {"usa", "US"},
    {"uzbekistan", "UZ"},
    {"vanuatu", "VU"},
    {"vatican city", "VA"},
    {"venezuela", "VE"},
    {"viet nam", "VN"},
    {"vietnam", "VN"},
    {"virgin islands british", "VG"},
    {"wallis and futuna", "WF"},
    {"western sahara", "EH"},
    {"yemen", "YE"},
    {"zambia", "ZM"},
    {"zimbabwe", "ZW"},
    {"\xc3\x85""land islands", "AX"},
    {"\xc3\xa5""land islands", "AX"},
};
/* end sorted */

/* dei:SecurityExchangeName codes; looked up without a leading "the" or a
 * trailing "LLC" / "Inc.". */
/* sorted */
static const code EXCHANGES[] = {
    {"box exchange", "BOX"},
    {"cboe byx exchange", "CboeBYX"},
    {"cboe bzx exchange", "CboeBZX"},
    {"cboe c2 exchange", "C2"},
    {"cboe edga exchange", "CboeEDGA"},
    {"cboe edgx exchange", "CboeEDGX"},
    {"cboe exchange", "CBOE"},
    {"chicago stock exchange", "CHX"},
    {"investors exchange", "IEX"},
    {"miami international securities exchange", "MIAX"},
    {"miax pearl", "PEARL"},
    {"nasdaq", "NASDAQ"},
    {"nasdaq bx", "BX"},
    {"nasdaq capital market", "NASDAQ"},
    {"nasdaq gemx", "GEMX"},
    {"nasdaq global market", "NASDAQ"},
    {"nasdaq global select market", "NASDAQ"},
    {"nasdaq ise", "ISE"},
    {"nasdaq mrx", "MRX"},
    {"nasdaq phlx", "Phlx"},
    {"nasdaq stock market", "NASDAQ"},
    {"new york stock exchange", "NYSE"},
    {"nyse", "NYSE"},
    {"nyse american", "NYSEAMER"},
    {"nyse arca", "NYSEArca"},
    {"nyse national", "NYSENAT"},
};
/* end sorted */

/* dei:EntityFilerCategory's enumeration, as written there. */
/* sorted */
static const code FILER_CATEGORIES[] = {
    {"accelerated filer", "Accelerated Filer"},
    {"large accelerated filer", "Large Accelerated Filer"},
    {"non accelerated filer", "Non-accelerated Filer"},
};
/* end sorted */

enum { T_STATE, T_COUNTRY, T_EXCHANGE, T_FILER };

static ixt_status r_code(const rule *r, const char *p, const char *e, obuf *o, ixt_kind *kind)
{
    static const struct { const code *tab; size_t n; } TABLES[] = {
        [T_STATE] = {STATES, sizeof STATES / sizeof STATES[0]},
        [T_COUNTRY] = {COUNTRIES, sizeof COUNTRIES / sizeof COUNTRIES[0]},
        [T_EXCHANGE] = {EXCHANGES, sizeof EXCHANGES / sizeof EXCHANGES[0]},
        [T_FILER] = {FILER_CATEGORIES, sizeof FILER_CATEGORIES / sizeof FILER_CATEGORIES[0]},
    };
    char buf[128];
    size_t n;
    if (norm_key(p, e, buf, sizeof buf, &n) || n == 0) return IXT_INVALID;
    const char *k = buf;
    if (r->arg == T_COUNTRY || r->arg == T_EXCHANGE) strip_prefix(&k, &n, "the ");
    if (r->arg == T_EXCHANGE && !strip_suffix(k, &n, " llc")) strip_suffix(k, &n, " inc");
    const code *c = find_code(TABLES[r->arg].tab, TABLES[r->arg].n, k, n);
    if (!c) return IXT_INVALID;
    put_str(o, c->value);
    *kind = IXT_K_TEXT;
    return IXT_OK;
}

/* ------------------------------------------------------------------ */
/* Registries                                                           */

#define FIXED(n, a) {n, r_fixed, a, NULL}
#define NUM(n, a) {n, r_num, a, NULL}
#define UNIT(n, a) {n, r_unit, a, NULL}
#define DATE(n, s) {n, r_date, 0, s}

/* TR1's separators are the named ones; its years 2 or 4 digits. */
/* sorted */
static const rule TR1[] = {
    DATE("datedoteu", "d.m.y"),
    DATE("datedotus", "m.d.y"),
    DATE("datelongdaymonthuk", "d N"),
    DATE("datelongmonthdayus", "N d"),
    DATE("datelongmonthyear", "N y"),
    DATE("datelonguk", "d N y"),
    DATE("datelongus", "N d, y"),
    DATE("datelongyearmonth", "y N"),
    DATE("dateshortdaymonthuk", "d N"),
    DATE("dateshortmonthdayus", "N do"),
    DATE("dateshortmonthyear", "N y"),
    DATE("dateshortuk", "d N y"),
    DATE("dateshortus", "N d, y"),
    DATE("dateshortyearmonth", "y N"),
    DATE("dateslashdaymontheu", "d/m"),
    DATE("dateslasheu", "d/m/y"),
    DATE("dateslashmonthdayus", "m/d"),
    DATE("dateslashus", "m/d/y"),
    NUM("numcomma", N_COMMA),
    NUM("numcommadot", N_COMMADOT),
    {"numdash", r_dash, 1, NULL},
    NUM("numdotcomma", N_DOTCOMMA),
    NUM("numspacecomma", N_SPACECOMMA),
    NUM("numspacedot", N_SPACEDOT),
};
/* end sorted */

/* sorted */
static const rule TR2[] = {
    FIXED("booleanfalse", FIX_FALSE),
    FIXED("booleantrue", FIX_TRUE),
    DATE("datedaymonth", "d_m"),
    DATE("datedaymonthen", "d_N"),
    DATE("datedaymonthyear", "d_m_y"),
    DATE("datedaymonthyearen", "d_N_y"),
    {"dateerayearmonthdayjp", r_jp_era, 1, NULL},
    {"dateerayearmonthjp", r_jp_era, 0, NULL},
    DATE("datemonthday", "m_do"),
    DATE("datemonthdayen", "N_do"),
    DATE("datemonthdayyear", "m_d_y"),
    DATE("datemonthdayyearen", "N_d_y"),
    DATE("datemonthyearen", "N_y"),
    {"dateyearmonthcjk", r_cjk, 0, NULL},
    {"dateyearmonthdaycjk", r_cjk, 1, NULL},
    DATE("dateyearmonthen", "y_N"),
    FIXED("nocontent", FIX_EMPTY),
    NUM("numcommadecimal", N_COMMADEC2),
    NUM("numdotdecimal", N_DOTDEC2),
    UNIT("numunitdecimal", U_TR2),
    {"zerodash", r_dash, 0, NULL},
};
/* end sorted */

/* sorted */
static const rule TR3[] = {
    FIXED("booleanfalse", FIX_FALSE),
    FIXED("booleantrue", FIX_TRUE),
    DATE("datedaymonth", "d_m"),
    DATE("datedaymonthdk", "d_K"),
    DATE("datedaymonthen", "d_N"),
    DATE("datedaymonthyear", "d_m_y"),
    DATE("datedaymonthyeardk", "d_K_y"),
    DATE("datedaymonthyearen", "d_N_y"),
    {"dateerayearmonthdayjp", r_jp_era, 1, NULL},
    {"dateerayearmonthjp", r_jp_era, 0, NULL},
    DATE("datemonthday", "m_do"),
    DATE("datemonthdayen", "N_do"),
    DATE("datemonthdayyear", "m_d_y"),
    DATE("datemonthdayyearen", "N_d_y"),
    DATE("datemonthyear", "m_y"),
    DATE("datemonthyeardk", "K_y"),
    DATE("datemonthyearen", "N_y"),
    {"dateyearmonthcjk", r_cjk, 0, NULL},
    DATE("dateyearmonthday", "y_m_d*"),
    {"dateyearmonthdaycjk", r_cjk, 1, NULL},
    DATE("dateyearmonthen", "y_N"),
    FIXED("nocontent", FIX_EMPTY),
    NUM("numcommadecimal", N_COMMADEC2),
    NUM("numdotdecimal", N_DOTDEC2),
    NUM("numdotdecimalin", N_DOTDEC_IN),
    UNIT("numunitdecimal", U_TR2),
    UNIT("numunitdecimalin", U_IN),
    {"zerodash", r_dash, 0, NULL},
};
/* end sorted */

/* TR4's rules, which TR5 extends; the two differ only in the -apos rules,
 * so one table serves both and the lookup hides the -apos ones from TR4. */
/* sorted */
static const rule TR45[] = {
    DATE("date-day-month", "d_m"),
    DATE("date-day-month-year", "d_m_y"),
    DATE("date-day-monthname-da", "d_K"),
    DATE("date-day-monthname-en", "d_N"),
    DATE("date-day-monthname-sv", "d_K"),
    DATE("date-day-monthname-year-da", "d_K_y"),
    DATE("date-day-monthname-year-en", "d_N_y"),
    DATE("date-day-monthname-year-sv", "d_K_y"),
    DATE("date-day-monthroman", "d_R"),
    DATE("date-day-monthroman-year", "d_R_y"),
    {"date-jpn-era-year-month", r_jp_era, 0, NULL},
    {"date-jpn-era-year-month-day", r_jp_era, 1, NULL},
    DATE("date-month-day", "m_do"),
    DATE("date-month-day-year", "m_d_y"),
    DATE("date-month-year", "m_y"),
    DATE("date-monthname-day-en", "N_do"),
    DATE("date-monthname-day-year-en", "N_d_y"),
    DATE("date-monthname-year-da", "K_y"),
    DATE("date-monthname-year-en", "N_y"),
    DATE("date-monthname-year-sv", "K_y"),
    DATE("date-monthroman-year", "R_y"),
    DATE("date-year-month", "y_m*"),
    DATE("date-year-month-day", "y_m_d*"),
    DATE("date-year-monthname-en", "y_N"),
    FIXED("fixed-empty", FIX_EMPTY),
    FIXED("fixed-false", FIX_FALSE),
    FIXED("fixed-true", FIX_TRUE),
    FIXED("fixed-zero", FIX_ZERO),
    NUM("num-comma-decimal", N_COMMADEC4),
    NUM("num-comma-decimal-apos", N_COMMADEC_APOS),
    NUM("num-dot-decimal", N_DOTDEC4),
    NUM("num-dot-decimal-apos", N_DOTDEC_APOS),
    NUM("num-dot-decimal-in", N_DOTDEC_IN),
    UNIT("num-unit-decimal", U_TR4),
    UNIT("num-unit-decimal-apos", U_APOS),
    UNIT("num-unit-decimal-in", U_IN),
};
/* end sorted */

/* sorted */
static const rule SEC[] = {
    {"boolballotbox", r_ballot, 0, NULL},
    {"countrynameen", r_code, T_COUNTRY, NULL},
    {"datequarterend", r_quarter_end, 0, NULL},
    {"durday", r_dur, DUR_D, NULL},
    {"durhour", r_dur, DUR_H, NULL},
    {"durmonth", r_dur, DUR_M, NULL},
    {"durweek", r_dur, DUR_W, NULL},
    {"durwordsen", r_durwords, 0, NULL},
    {"duryear", r_dur, DUR_Y, NULL},
    {"entityfilercategoryen", r_code, T_FILER, NULL},
    {"exchnameen", r_code, T_EXCHANGE, NULL},
    FIXED("numinf", FIX_INF),
    FIXED("numnan", FIX_NAN),
    FIXED("numneginf", FIX_NEGINF),
    {"numwordsen", r_numwords, 0, NULL},
    {"stateprovnameen", r_code, T_STATE, NULL},
    {"yesnoballotbox", r_ballot, 1, NULL},
};
/* end sorted */

enum reg { REG_NONE, REG_TR1, REG_TR2, REG_TR3, REG_TR4, REG_TR5, REG_SEC };

static enum reg registry_of(const char *ns, size_t n)
{
    static const struct { const char *uri; enum reg reg; } URIS[] = {
        {"http://www.xbrl.org/inlineXBRL/transformation/2010-04-20", REG_TR1},
        {"http://www.xbrl.org/inlineXBRL/transformation/2011-07-31", REG_TR2},
        {"http://www.xbrl.org/inlineXBRL/transformation/2015-02-26", REG_TR3},
        {"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12", REG_TR4},
        {"http://www.xbrl.org/inlineXBRL/transformation/2022-02-16", REG_TR5},
        {"http://www.sec.gov/inlineXBRL/transformation/2015-08-31", REG_SEC},
    };
    if (!ns) return REG_NONE;
    for (size_t i = 0; i < sizeof URIS / sizeof URIS[0]; i++)
        if (strlen(URIS[i].uri) == n && memcmp(URIS[i].uri, ns, n) == 0) return URIS[i].reg;
    return REG_NONE;
}

static const rule *find_rule(const rule *tab, size_t count, const char *name, size_t n)
{
    return find_sorted(tab, count, sizeof *tab, name, n);
}

#define FIND(tab, name, n) find_rule(tab, sizeof tab / sizeof tab[0], name, n)

static const rule *lookup(enum reg reg, const char *name, size_t n)
{
    const rule *r = NULL;
    switch (reg) {
    case REG_TR1: return FIND(TR1, name, n);
    case REG_TR2: return FIND(TR2, name, n);
    case REG_TR3: return FIND(TR3, name, n);
    case REG_TR4:
        r = FIND(TR45, name, n);
        /* the -apos rules came with TR5 */
        if (r && n > 5 && memcmp(name + n - 5, "-apos", 5) == 0) r = NULL;
        return r;
    case REG_TR5: return FIND(TR45, name, n);
    case REG_SEC: return FIND(SEC, name, n);
    case REG_NONE: break;
    }
    return NULL;
}

int ixt_registry_known(const char *ns, size_t ns_len) { return registry_of(ns, ns_len) != REG_NONE; }

ixt_status ixt_apply(const char *ns, size_t ns_len, const char *name, size_t name_len, const char *text,
                     size_t n, char *out, size_t cap, ixt_kind *kind)
{
    obuf o = {out, cap, 0, 0};
    ixt_kind k = IXT_K_TEXT;
    const rule *r = name ? lookup(registry_of(ns, ns_len), name, name_len) : NULL;
    ixt_status st = IXT_UNKNOWN;
    if (r) {
        const char *p = text ? text : "", *e = p + (text ? n : 0);
        trim(&p, &e);
        st = r->fn(r, p, e, &o, &k);
        if (st == IXT_OK && o.over) st = IXT_TOO_LONG;
    }
    if (cap > 0) out[st == IXT_OK ? o.n : 0] = '\0';
    if (st == IXT_OK && kind) *kind = k;
    return st;
}
