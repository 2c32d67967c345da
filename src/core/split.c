/* The container splitter (see split.h). */
#include "split.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "scan.h"
#include "schema.h"

enum {
    ST_START,     /* looking for a submission to begin                       */
    ST_PEM,       /* inside the PEM preamble, until its blank line           */
    ST_ROOT,      /* after <SEC-DOCUMENT>: expecting <SEC-HEADER>            */
    ST_HEADER,    /* inside the header                                       */
    ST_BETWEEN,   /* between documents                                       */
    ST_META,      /* after <DOCUMENT>, before <TEXT>                          */
    ST_TEXT,      /* inside a document's text                                */
    ST_SKIP_LINE, /* rest of the </TEXT> line                                 */
    ST_TRAILER,   /* after </SEC-DOCUMENT>                                    */
    ST_SKIP_REST, /* the rest of an index-headers page                       */
    ST_DONE,      /* header-only parse finished                              */
    ST_SMETA,     /* stripped: after a document's sequence line              */
    ST_STEXT,     /* stripped: inside a document's text                      */
    ST_REPEAT     /* after a closed submission: is the same one next?        */
};

/* Structural lines. */
enum {
    L_BLANK, L_OTHER, L_PEM_BEGIN, L_PEM_END, L_SEC_DOCUMENT, L_IMS_DOCUMENT,
    L_SEC_DOCUMENT_END, L_SUBMISSION, L_SUBMISSION_END, L_SEC_HEADER,
    L_SEC_HEADER_END, L_DOCUMENT, L_DOCUMENT_END, L_TEXT, L_HEADERISH,
    L_STRIPPED_ROOT, /* "0000320193-24-000005.txt : 20240201", <SEC-DOCUMENT> stripped */
    L_STRIPPED_HDR   /* "0000320193-24-000005.hdr.sgml : 20240201", <SEC-HEADER>      */
};

/* ---- Stripped submissions ------------------------------------------------
 *
 * Mirrors and scrapers keep some submissions with every <...> tag removed.
 * The header's KEY: value lines survive; <SEC-DOCUMENT> and <SEC-HEADER>
 * leave their values ("ACCESSION.txt : DATE"); each document leaves bare
 * lines: its type ("10-K", "EX-21.1"), its sequence number, maybe its file
 * name, then its text.  Such a submission is recognised by that pattern only:
 * a line shaped like a form type followed (blank lines aside) by the line
 * "1" in the header, and in the text a document type line followed by the
 * next sequence number (and no more than PUBLIC DOCUMENT COUNT).  Ordinary
 * text does not look like that.  Only short lines (STRIP_LINE_MAX) can be
 * structure, so that a stream, which sees an over-long line in pieces,
 * judges every line as the whole-buffer parser does.  A type line waits for
 * its sequence across blank lines only (at most STRIP_PEND_MAX bytes). */
enum { STRIP_LINE_MAX = 256, STRIP_PEND_MAX = 1 << 20, STRIP_SEQ_GAP = 5 };

static int all_digits_n(const char *p, size_t n, size_t want)
{
    if (n != want) return 0;
    for (size_t i = 0; i < n; i++)
        if (!sc_is_digit((unsigned char)p[i])) return 0;
    return 1;
}

/* "ACCESSION<ext> : YYYYMMDD" */
static int stripped_root_line(const char *p, size_t n, const char *ext)
{
    size_t e = strlen(ext);
    if (n < 20 + e + 9 || n > 20 + e + 16) return 0;
    if (!all_digits_n(p, 10, 10) || p[10] != '-' || !all_digits_n(p + 11, 2, 2) || p[13] != '-' ||
        !all_digits_n(p + 14, 6, 6) || !sc_eq_upper(p + 20, e, ext))
        return 0;
    size_t i = 20 + e;
    while (i < n && p[i] == ' ') i++;
    if (i >= n || p[i] != ':') return 0;
    i++;
    while (i < n && p[i] == ' ') i++;
    return all_digits_n(p + i, n - i, 8);
}

static void trim_line(const char **p, size_t *n)
{
    while (*n && sc_is_space((unsigned char)(*p)[*n - 1])) (*n)--;
    while (*n && sc_is_space((unsigned char)**p)) (*p)++, (*n)--;
}

/* A sequence number: digits only, or -1. */
static int64_t seq_value(const char *p, size_t n)
{
    uint64_t v;
    if (!n || n > 9 || sc_parse_uint(p, n, 9, UINT64_MAX, &v) != n) return -1;
    return (int64_t)v;
}

/* Shaped like a document type: upper case, digits, a few signs, a letter. */
static int type_shaped(const char *p, size_t n)
{
    if (!n || n > 40) return 0;
    int letter = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (sc_is_upper(c)) letter = 1;
        else if (!sc_is_digit(c) && !strchr(" -./_()&,", c)) return 0;
        if (c == ' ' && i + 1 < n && p[i + 1] == ' ') return 0;
    }
    return letter && p[0] != '-' && p[0] != '(' && p[0] != '.';
}

/* A document after the first: an exhibit (EX-...), a type EDGAR uses for
 * attachments, or the submission's own type. */
static int exhibit_type(const splitter *s, const char *p, size_t n)
{
    static const char *const known[] = {"GRAPHIC", "ZIP", "XML", "EXCEL", "JSON", "PDF", "COVER",
                                        "CORRESP", "TEXT-EXTRACT", "INFORMATION TABLE",
                                        "INTERNAL CONTROL RPT"};
    if (!type_shaped(p, n)) return 0;
    for (size_t i = 0; i + 3 <= n; i++)
        if (p[i] == 'E' && p[i + 1] == 'X' && p[i + 2] == '-' && (i == 0 || p[i - 1] == ' '))
            return i + 3 < n;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strlen(known[i]) == n && !memcmp(known[i], p, n)) return 1;
    edgr_span t = edgr_get(&s->b.sub, "type");
    return t.len == n && !memcmp(t.ptr, p, n);
}

/* A file name: no blanks, a dot, a short alphanumeric extension. */
static int filename_shaped(const char *p, size_t n)
{
    if (n < 3 || n > 80) return 0;
    if (!sc_is_alnum((unsigned char)p[0])) return 0;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '.') dot = p + i;
        else if (!sc_is_alnum(c) && c != '-' && c != '_')
            return 0;
    }
    size_t ext = dot ? n - (size_t)(dot + 1 - p) : 0;
    return ext >= 1 && ext <= 5;
}

static const char PEM_BEGIN[] = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----";
static const char PEM_END[] = "-----END PRIVACY-ENHANCED MESSAGE-----";

/* Does a line that starts a bare header (no wrapper) look like one?  Tab
 * keys are upper case and followed by a TAB or the end of the line, which
 * keeps prose such as "Filed as of date: soon" out. */
static int headerish(const char *p, size_t n)
{
    if (sc_starts_upper(p, n, "<ACCEPTANCE-DATETIME>") ||
        sc_starts_upper(p, n, "<ACCESSION-NUMBER>") ||
        sc_starts_upper(p, n, "<PRIVATE-TO-PUBLIC>"))
        return 1;
    const char *colon = memchr(p, ':', n < 80 ? n : 80);
    if (!colon) return 0;
    for (const char *q = p; q < colon; q++)
        if (sc_is_lower((unsigned char)*q)) return 0;
    size_t after = n - (size_t)(colon + 1 - p);
    if (after && colon[1] != '\t') return 0;
    return schema_lookup(p, (size_t)(colon - p)) >= 0;
}

static int classify(const char *p, size_t n)
{
    while (n && sc_is_space((unsigned char)p[n - 1])) n--;
    while (n && sc_is_space((unsigned char)*p)) p++, n--;
    if (!n) return L_BLANK;
    if (p[0] == '-') {
        if (n == sizeof PEM_BEGIN - 1 && !memcmp(p, PEM_BEGIN, n)) return L_PEM_BEGIN;
        if (n == sizeof PEM_END - 1 && !memcmp(p, PEM_END, n)) return L_PEM_END;
        return L_OTHER;
    }
    if (sc_is_digit((unsigned char)p[0])) {
        if (stripped_root_line(p, n, ".TXT")) return L_STRIPPED_ROOT;
        if (stripped_root_line(p, n, ".HDR.SGML")) return L_STRIPPED_HDR;
        return L_OTHER;
    }
    if (p[0] != '<' || n < 6) return L_OTHER;
    if (p[1] == '/') {
        if (sc_eq_upper(p, n, "</SEC-DOCUMENT>") || sc_eq_upper(p, n, "</IMS-DOCUMENT>"))
            return L_SEC_DOCUMENT_END;
        if (sc_eq_upper(p, n, "</SUBMISSION>")) return L_SUBMISSION_END;
        if (sc_eq_upper(p, n, "</SEC-HEADER>") || sc_eq_upper(p, n, "</IMS-HEADER>"))
            return L_SEC_HEADER_END;
        if (sc_eq_upper(p, n, "</DOCUMENT>")) return L_DOCUMENT_END;
        return L_OTHER;
    }
    if (sc_starts_upper(p, n, "<SEC-DOCUMENT>")) return L_SEC_DOCUMENT;
    if (sc_starts_upper(p, n, "<IMS-DOCUMENT>")) return L_IMS_DOCUMENT;
    if (sc_starts_upper(p, n, "<SEC-HEADER>") || sc_starts_upper(p, n, "<IMS-HEADER>"))
        return L_SEC_HEADER;
    if (sc_eq_upper(p, n, "<SUBMISSION>")) return L_SUBMISSION;
    if (sc_eq_upper(p, n, "<DOCUMENT>")) return L_DOCUMENT;
    if (sc_starts_upper(p, n, "<TEXT>")) return L_TEXT;
    return L_OTHER;
}

static int starts_submission(int cls)
{
    return cls == L_PEM_BEGIN || cls == L_SEC_DOCUMENT || cls == L_IMS_DOCUMENT ||
           cls == L_SUBMISSION || cls == L_STRIPPED_ROOT;
}

void split_init(splitter *s, unsigned flags, int whole)
{
    memset(s, 0, sizeof *s);
    sub_init(&s->b);
    /* the repeat hash's seed: unknown to whoever wrote the input */
    uint64_t seed = (uint64_t)(uintptr_t)s ^ ((uint64_t)time(NULL) << 20) ^ (uint64_t)clock();
    seed = (seed ^ (seed >> 31)) * 0x9E3779B97F4A7C15ull;
    s->hseed = seed ^ (seed >> 29);
    s->flags = flags;
    s->whole = whole;
    s->cur = -1;
}

void split_reset(splitter *s, uint64_t base)
{
    sub_reset(&s->b, base);
    s->hdrbuf.len = 0;
    s->state = ST_START;
    s->pos = base;
    s->in_sub = s->seen_sub = 0;
    s->container = EDGR_C_NONE;
    s->pem = s->closed = 0;
    s->skipped = s->html_seen = 0;
    s->collecting = 0;
    s->cur = -1;
    s->text_ls = 0;
    s->stray = 0;
    s->stopped = 0;
    s->err = EDGR_OK;
    s->nl_at = UINT64_MAX;
    s->nl_from = 0;
    s->part_at = UINT64_MAX;
    s->part_to = 0;
    s->skip_eol = 0;
    s->stripped = s->spend = s->dpend = 0;
    s->core_off = s->core_end = 0;
    s->core_on = s->core_seen = 0;
    s->rep_count = 1;
}

void split_free(splitter *s)
{
    sub_free(&s->b);
    edgr_buf_free(&s->hdrbuf);
}

/* ---- Repeats -------------------------------------------------------------
 *
 * Some files hold the same submission several times over, byte for byte
 * (only the first copy PEM-wrapped).  After a submission closed by its end
 * tag, the splitter looks at what follows: if it is the same bytes from the
 * root line (<SEC-DOCUMENT> ...) to the end of the closing line, followed by
 * a line end, it is skipped and counted, and the submission is reported
 * once, with a warning naming the count.  The whole-buffer parser compares
 * the bytes; a stream, which has let the first copy go, compares a 64-bit
 * hash of them (of the first REP_PREFIX bytes first, so that a different
 * submission is let through at once) and holds a candidate copy back until
 * it has all of it, which bounds the cores it considers to REP_MAX bytes -
 * the whole-buffer parser keeps the same bound, so both agree. */
enum { REP_PREFIX = 4096 };
#define REP_MAX ((uint64_t)32 << 20)

static const uint64_t HASH_K = 0x9E3779B97F4A7C15ull;

static uint64_t hash_word(uint64_t h, uint64_t v)
{
    h = (h ^ v) * HASH_K;
    return h ^ (h >> 29);
}

#if !defined(__SSE2__)
static uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
#endif

/* The stream's hash of a submission's core: 32-byte stripes; with SSE2,
 * each 16-byte half is mixed with a key that depends on its stripe (XXH3's
 * accumulate step: (d ^ key).lo32 * (d ^ key).hi32, plus d swapped), and
 * every 32 stripes the accumulators are scrambled, so that the order of
 * stripes and of 1 KiB blocks matters.  Without SSE2, four scalar lanes of
 * multiply-xorshift.  The keys are mixed with a seed each splitter draws
 * when it starts (its own address, the clock), so a file cannot be built
 * ahead to collide two different submissions and have the stream drop the
 * second as a repeat. */
typedef struct hasher {
    uint64_t acc[4], total, stripes, seed;
    unsigned char carry[32];
    unsigned nc;
} hasher;

#if defined(__SSE2__)
static inline __m128i hash_acc16(__m128i acc, __m128i d, __m128i key)
{
    __m128i dk = _mm_xor_si128(d, key);
    __m128i prod = _mm_mul_epu32(dk, _mm_shuffle_epi32(dk, _MM_SHUFFLE(0, 3, 0, 1)));
    return _mm_add_epi64(_mm_add_epi64(acc, _mm_shuffle_epi32(d, _MM_SHUFFLE(1, 0, 3, 2))), prod);
}

static inline __m128i hash_scramble(__m128i acc, __m128i key)
{
    const __m128i prime = _mm_set1_epi32((int)0x9E3779B1u);
    acc = _mm_xor_si128(_mm_xor_si128(acc, _mm_srli_epi64(acc, 47)), key);
    __m128i lo = _mm_mul_epu32(acc, prime);
    __m128i hi = _mm_mul_epu32(_mm_srli_epi64(acc, 32), prime);
    return _mm_add_epi64(lo, _mm_slli_epi64(hi, 32));
}
#endif

static void hash_block(hasher *x, const unsigned char *u)
{
    uint64_t i = ((x->stripes & 31) * 2 + 1) ^ x->seed;
#if defined(__SSE2__)
    __m128i a0 = _mm_loadu_si128((const __m128i *)(const void *)x->acc);
    __m128i a1 = _mm_loadu_si128((const __m128i *)(const void *)(x->acc + 2));
    __m128i k0 = _mm_set_epi64x((long long)(HASH_K * i), (long long)(0xC2B2AE3D27D4EB4Full * i));
    __m128i k1 = _mm_set_epi64x((long long)(0x165667B19E3779F9ull * i), (long long)(0x27D4EB2F165667C5ull * i));
    a0 = hash_acc16(a0, _mm_loadu_si128((const __m128i *)(const void *)u), k0);
    a1 = hash_acc16(a1, _mm_loadu_si128((const __m128i *)(const void *)(u + 16)), k1);
    if ((++x->stripes & 31) == 0) {
        a0 = hash_scramble(a0, k1);
        a1 = hash_scramble(a1, k0);
    }
    _mm_storeu_si128((__m128i *)(void *)x->acc, a0);
    _mm_storeu_si128((__m128i *)(void *)(x->acc + 2), a1);
#else
    (void)i;
    x->stripes++;
    x->acc[0] = hash_word(x->acc[0], load64(u));
    x->acc[1] = hash_word(x->acc[1], load64(u + 8));
    x->acc[2] = hash_word(x->acc[2], load64(u + 16));
    x->acc[3] = hash_word(x->acc[3], load64(u + 24));
#endif
}

_Static_assert(sizeof(hasher) <= sizeof(((splitter *)0)->hstate), "splitter.hstate holds a hasher");

static void hash_init(hasher *x, uint64_t seed)
{
    memset(x, 0, sizeof *x);
    x->seed = seed | 1; /* odd: the stripe keys stay odd multiples */
    for (int i = 0; i < 4; i++) x->acc[i] = ((uint64_t)i * HASH_K + 1) ^ seed;
}

static void hash_update(hasher *x, const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    x->total += n;
    if (x->nc) {
        size_t k = 32 - x->nc < n ? 32 - x->nc : n;
        memcpy(x->carry + x->nc, u, k);
        x->nc += (unsigned)k;
        u += k;
        n -= k;
        if (x->nc < 32) return;
        hash_block(x, x->carry);
        x->nc = 0;
    }
    for (; n >= 32; u += 32, n -= 32) hash_block(x, u);
    memcpy(x->carry, u, n);
    x->nc = (unsigned)n;
}

static uint64_t hash_final(const hasher *x)
{
    unsigned char last[32] = {0};
    memcpy(last, x->carry, x->nc);
    hasher y = *x;
    hash_block(&y, last);
    uint64_t h = y.total;
    for (int i = 0; i < 4; i++) h = hash_word(h, y.acc[i]);
    return h;
}

static uint64_t hash_bytes(const char *p, size_t n, uint64_t seed)
{
    hasher x;
    hash_init(&x, seed);
    hash_update(&x, p, n);
    return hash_final(&x);
}

/* Stream: hash the core's bytes [h_pos, upto), all in the window. */
static void core_hash_to(splitter *s, const char *w, uint64_t woff, uint64_t upto)
{
    if (!s->core_on || upto <= s->h_pos) return;
    hasher *x = (hasher *)(void *)s->hstate;
    const char *p = w + (s->h_pos - woff);
    size_t n = (size_t)(upto - s->h_pos);
    uint64_t done = s->h_pos - s->core_off;
    if (done < REP_PREFIX && done + n >= REP_PREFIX) {
        size_t k = (size_t)(REP_PREFIX - done);
        hash_update(x, p, k);
        s->h_prefix = hash_final(x);
        p += k;
        n -= k;
    }
    hash_update(x, p, n);
    s->h_pos = upto;
}

/* Stream: the core is complete; s->h becomes its hash (and the prefix's,
 * when the core is no longer than the prefix). */
static void core_end_hash(splitter *s, const char *w, uint64_t woff)
{
    if (!s->core_on) return;
    core_hash_to(s, w, woff, s->core_end);
    s->h = hash_final((hasher *)(void *)s->hstate);
    if (s->core_end - s->core_off <= REP_PREFIX) s->h_prefix = s->h;
    s->core_on = 0;
}

static void core_begin(splitter *s, uint64_t off)
{
    s->core_seen = 1;
    s->core_off = off;
    s->core_end = 0;
    s->core_on = !s->whole;
    s->h_pos = off;
    if (s->core_on) hash_init((hasher *)(void *)s->hstate, s->hseed);
}

static int call(splitter *s, int rc)
{
    if (rc && !s->err) s->err = EDGR_ERR_ABORTED;
    return rc;
}

static edgr_document *cur_doc(splitter *s)
{
    return s->cur >= 0 ? &VEC_AT(&s->b.docs, edgr_document, s->cur) : NULL;
}

/* Keep a span beyond this run: in whole mode the input outlives everything,
 * in stream mode the window does not, so copy into the arena. */
static edgr_span keep(splitter *s, const char *p, size_t n)
{
    edgr_span sp = {p, n};
    if (!s->whole) {
        sp.ptr = arena_dup(&s->b.strings, p, n);
        if (!sp.ptr) {
            s->err = EDGR_ERR_NOMEM;
            sp.len = 0;
        }
    }
    return sp;
}

static void begin_sub(splitter *s, uint64_t off, edgr_container c)
{
    sub_reset(&s->b, s->b.base);
    s->b.sub.offset = off;
    s->in_sub = s->seen_sub = 1;
    s->container = c;
    s->pem = s->closed = 0;
    s->cur = -1;
    s->stray = 0;
    s->collecting = 0;
    s->hdrbuf.len = 0;
    s->stripped = s->spend = 0;
    s->core_off = s->core_end = 0;
    s->core_on = s->core_seen = 0;
    if (s->skipped) {
        if (!(s->html_seen && c == EDGR_C_SEC_HEADER))
            sub_diag(&s->b, s->skipped_off, EDGR_WARNING, EDGR_D_STRAY_LINE,
                     "%llu bytes before the submission are not EDGAR structure (skipped)",
                     (unsigned long long)(off - s->skipped_off));
        else
            s->container = EDGR_C_INDEX_HEADERS;
        s->b.sub.offset = s->skipped_off;
        s->skipped = s->html_seen = 0;
    }
}

static void end_doc(splitter *s, uint64_t end, int truncated)
{
    edgr_document *d = cur_doc(s);
    if (!d) return;
    d->end = end;
    if (truncated) d->truncated = 1;
    s->cur = -1;
}

/* The submission is reported: `next` is where the input goes on. */
static void report_sub(splitter *s, uint64_t next)
{
    if (s->rep_count > 1) {
        edgr_span acc = edgr_get(&s->b.sub, "accession_number");
        sub_diag(&s->b, s->rep_first, EDGR_WARNING, EDGR_D_REPEATED,
                 "submission %.*s repeated %d times in the input, byte for byte: the %d copies "
                 "from here on skipped",
                 (int)(acc.len > 40 ? 40 : acc.len), acc.ptr ? acc.ptr : "", s->rep_count,
                 s->rep_count - 1);
        sub_sort_diags(&s->b);
        sub_publish(&s->b);
    }
    s->b.sub.repeat_end = s->rep_count > 1 ? next : s->b.sub.end;
    if (s->hooks.sub_end) call(s, s->hooks.sub_end(s->user));
    if (s->stop_after_sub) {
        s->stopped = 1;
        s->stop_at = s->rep_count > 1 ? next : s->b.sub.end;
    }
    s->state = ST_START;
}

static void end_sub(splitter *s, uint64_t end)
{
    if (!s->in_sub) return;
    end_doc(s, end, 0);
    s->b.sub.end = end;
    s->b.sub.container = s->container;
    s->b.sub.pem = s->pem;
    s->b.sub.stripped = s->stripped;
    sub_publish(&s->b);
    s->in_sub = 0;
    s->rep_count = 1;
    /* stripped: hashed up to its end already (stext_end) */
    if (s->stripped && s->core_on && s->h_pos == s->core_end) core_end_hash(s, NULL, 0);
    s->core_on = 0;
    if ((s->closed || s->stripped) && s->core_seen && s->core_end > s->core_off &&
        s->core_end - s->core_off <= REP_MAX && !(s->flags & EDGR_PARSE_HEADER_ONLY) && !s->err) {
        /* is the same submission next? (run_repeat decides) */
        s->state = ST_REPEAT;
        s->pos = end;
        return;
    }
    report_sub(s, end);
}

/* After a closed submission: skip blanks, then the identical copies. */
static const char *run_repeat(splitter *s, const char *w, uint64_t woff, const char *p, const char *end,
                              int final)
{
    while (p < end && sc_is_space((unsigned char)*p)) p++;
    if (p == end) {
        if (final) report_sub(s, woff + (uint64_t)(end - w));
        return p;
    }
    size_t L = (size_t)(s->core_end - s->core_off), avail = (size_t)(end - p);
    size_t pre = L < REP_PREFIX ? L : REP_PREFIX;
    int same;
    if (s->whole) {
        same = avail >= L && !memcmp(p, w + (s->core_off - woff), L);
    } else {
        /* wait for the prefix, then (when it matches) for the whole copy */
        if (avail < pre + (pre == L) && !final) return NULL;
        same = avail >= pre && hash_bytes(p, pre, s->hseed) == s->h_prefix;
        if (same && L > pre) {
            if (avail < L + 1 && !final) return NULL;
            same = avail >= L && hash_bytes(p, L, s->hseed) == s->h;
        }
    }
    /* the copy ends with its closing line */
    if (same && avail > L && p[L] != '\n' && p[L] != '\r') same = 0;
    if (same && s->stripped) {
        /* no closing line: the copy must end where the input does or the
         * next submission begins, or it is a longer submission */
        const char *r = p + L, *cap = end - r > STRIP_PEND_MAX ? r + STRIP_PEND_MAX : end;
        while (r < cap && sc_is_space((unsigned char)*r)) r++;
        if (r == end) {
            if (!final) return NULL;
        } else if (r == cap) {
            same = 0;
        } else {
            size_t m = (size_t)(end - r) < STRIP_LINE_MAX ? (size_t)(end - r) : STRIP_LINE_MAX;
            size_t k = 0;
            while (k < m && r[k] != '\n' && r[k] != '\r') k++;
            if (k == m && m < STRIP_LINE_MAX && !final) return NULL;
            int cls = classify(r, k);
            same = starts_submission(cls);
        }
    }
    if (!same) {
        report_sub(s, woff + (uint64_t)(p - w));
        return p;
    }
    if (s->rep_count++ == 1) s->rep_first = woff + (uint64_t)(p - w);
    return p + L;
}

static void finish_header(splitter *s, const char *window, uint64_t woff, uint64_t end)
{
    s->collecting = 0;
    s->b.sub.header_offset = s->hdr_off;
    s->b.sub.header_end = end;
    const char *region = window + (s->hdr_off - woff);
    size_t n = (size_t)(end - s->hdr_off);
    if (!s->whole) {
        /* nodes point into the header: give it a home that outlives the window */
        s->hdrbuf.len = 0;
        if (buf_append(&s->hdrbuf, region, n, EDGR_MAX_HEADER)) {
            s->err = EDGR_ERR_NOMEM;
            return;
        }
        region = s->hdrbuf.data;
    }
    if (header_parse(&s->b, region, n, s->hdr_off)) {
        s->err = EDGR_ERR_NOMEM;
        return;
    }
    /* dialect: tab if any line of the header is "KEY:", else tag */
    s->b.sub.dialect = EDGR_DIALECT_NONE;
    for (size_t i = 1; i < s->b.nodes.len; i++) {
        const edgr_node *nd = &VEC_AT(&s->b.nodes, edgr_node, i);
        if (!nd->name.len) continue;
        int tag = nd->name.ptr > region && nd->name.ptr[-1] == '<';
        if (!tag) {
            s->b.sub.dialect = EDGR_DIALECT_TAB;
            break;
        }
        s->b.sub.dialect = EDGR_DIALECT_TAG;
    }
    sub_publish(&s->b);
    if (s->hooks.header) call(s, s->hooks.header(s->user));
    if (s->flags & EDGR_PARSE_HEADER_ONLY) {
        end_sub(s, end);
        s->state = ST_DONE;
        s->stopped = 1;
        s->stop_at = end;
    }
}

static void begin_doc(splitter *s, uint64_t off)
{
    edgr_document *d = vec_push(&s->b.docs);
    if (!d) {
        s->err = EDGR_ERR_NOMEM;
        return;
    }
    d->offset = off;
    d->sequence = -1;
    d->decoded_size = -1;
    s->cur = (long)(s->b.docs.len - 1);
    s->state = ST_META;
    s->stray = 0;
}

static void stray_line(splitter *s, const char *p, size_t n, uint64_t off, const char *where)
{
    if (s->stray) return;
    s->stray = 1;
    sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_STRAY_LINE, "unexpected line %s (skipped): \"%.*s\"",
             where, (int)(n > 60 ? 60 : n), p);
}

/* A <TAG>value line of a document's metadata. */
static void meta_line(splitter *s, const char *p, size_t n, uint64_t off)
{
    edgr_document *d = cur_doc(s);
    while (n && sc_is_space((unsigned char)p[n - 1])) n--;
    const char *gt = memchr(p, '>', n);
    if (!d || p[0] != '<' || !gt) {
        stray_line(s, p, n, off, "in a document's header");
        return;
    }
    const char *name = p + 1, *val = gt + 1;
    size_t nlen = (size_t)(gt - name), vlen = n - (size_t)(val - p);
    while (vlen && sc_is_space((unsigned char)*val)) val++, vlen--;
    if (sc_eq_upper(name, nlen, "TYPE")) d->type = keep(s, val, vlen);
    else if (sc_eq_upper(name, nlen, "FILENAME")) d->filename = keep(s, val, vlen);
    else if (sc_eq_upper(name, nlen, "DESCRIPTION")) d->description = keep(s, val, vlen);
    else if (sc_eq_upper(name, nlen, "SEQUENCE")) {
        d->sequence_raw = keep(s, val, vlen);
        uint64_t v;
        size_t i = sc_parse_uint(val, vlen, 12, UINT64_MAX, &v);
        d->sequence = (vlen && i == vlen) ? (int64_t)v : -1;
        if (d->sequence < 0 && vlen)
            sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_BAD_VALUE, "<SEQUENCE> is not a number: \"%.*s\"",
                     (int)(vlen > 20 ? 20 : vlen), val);
    } else {
        sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_UNKNOWN_KEY,
                 "unknown document tag <%.*s> (ignored)", (int)(nlen > 40 ? 40 : nlen), name);
    }
}

/* Start the text of the current document at absolute offset `at`. */
static void begin_text(splitter *s, uint64_t at, int at_line_start)
{
    edgr_document *d = cur_doc(s);
    d->text_offset = at;
    s->state = ST_TEXT;
    s->text_ls = at_line_start;
    if (s->hooks.doc_begin) call(s, s->hooks.doc_begin(s->user, d));
}

enum { LINE_NEXT, LINE_AGAIN };

/* ---- stripped documents (see "Stripped" above) ------------------------- */

/* Hand out the current document's text up to absolute offset `upto`. */
static void stext_emit(splitter *s, const char *w, uint64_t woff, uint64_t upto)
{
    edgr_document *d = cur_doc(s);
    if (!d || upto <= s->st_emit) return;
    if (!s->whole) {
        if (s->hooks.text) call(s, s->hooks.text(s->user, d, w + (s->st_emit - woff), (size_t)(upto - s->st_emit)));
        d->text.len += (size_t)(upto - s->st_emit);
    }
    s->st_emit = upto;
}

/* The current document's text ends where it was handed out to; the
 * document itself at `end`. */
static void stext_end(splitter *s, const char *w, uint64_t woff, uint64_t end)
{
    edgr_document *d = cur_doc(s);
    if (!d) return;
    if (s->whole) {
        d->text.ptr = w + (d->text_offset - woff);
        d->text.len = (size_t)(s->st_emit - d->text_offset);
    }
    if (s->hooks.doc_end) call(s, s->hooks.doc_end(s->user, d));
    end_doc(s, end, 0);
    /* a stripped submission's core ends with its last line of text */
    s->core_end = s->st_emit;
    core_hash_to(s, w, woff, s->core_end);
}

/* The pending type line is confirmed by sequence number `seq` (the line
 * p[0..n)): a document starts at the type line. */
static void stripped_doc(splitter *s, const char *w, uint64_t woff, int64_t seq, const char *p, size_t n)
{
    s->dpend = s->sm_blank = 0;
    begin_doc(s, s->pend_line);
    edgr_document *d = cur_doc(s);
    if (!d) return;
    d->type = keep(s, w + (s->pend_off - woff), s->pend_len);
    d->sequence_raw = keep(s, p, n);
    d->sequence = seq;
    d->stripped = 1;
    s->state = ST_SMETA;
    s->spend = 0;
}

/* The header's pending type line is confirmed: the header ends there. */
static void stripped_header_end(splitter *s, const char *w, uint64_t woff, const char *p, size_t n)
{
    s->stripped = 1;
    s->b.sub.stripped = 1;
    sub_diag(&s->b, s->pend_line, EDGR_WARNING, EDGR_D_STRIPPED,
             "SGML tags stripped from this submission: documents recovered from their bare "
             "type, sequence and filename lines");
    size_t first = s->b.diags.len;
    finish_header(s, w, woff, s->pend_line);
    s->spend = 0;
    /* the values of stripped header tags (<ACCEPTANCE-DATETIME>, series and
     * classes ...) are bare lines, kept under "unknown": one warning for
     * all of them, not one each */
    const char *region = s->whole ? w + (s->hdr_off - woff) : s->hdrbuf.data;
    size_t rlen = (size_t)(s->pend_line - s->hdr_off), bare = 0, k = first;
    uint64_t bare_at = 0;
    edgr_diag *dg = s->b.diags.items;
    for (size_t i = first; i < s->b.diags.len; i++) {
        uint64_t at = dg[i].offset - s->hdr_off;
        int is_bare = 0;
        if (dg[i].code == EDGR_D_UNKNOWN_KEY && region && at < rlen) {
            const char *lp = region + at;
            size_t ln = 0;
            while (at + ln < rlen && lp[ln] != '\n' && lp[ln] != '\r') ln++;
            is_bare = !memchr(lp, ':', ln) && lp[0] != '<';
        }
        if (is_bare) {
            if (!bare++) bare_at = dg[i].offset;
        } else {
            dg[k++] = dg[i];
        }
    }
    s->b.diags.len = k;
    if (bare)
        sub_diag(&s->b, bare_at, EDGR_WARNING, EDGR_D_UNKNOWN_KEY,
                 "%zu bare value line(s) in the stripped header (the values of its tags) kept under \"unknown\"",
                 bare);
    sub_publish(&s->b);
    if (s->state == ST_DONE || s->err) return;
    edgr_span cnt = edgr_get(&s->b.sub, "public_document_count");
    s->st_count = seq_value(cnt.ptr, cnt.len);
    stripped_doc(s, w, woff, 1, p, n);
}

static void stripped_begin_text(splitter *s, uint64_t at)
{
    edgr_document *d = cur_doc(s);
    if (!d) return;
    d->text_offset = at;
    s->st_emit = s->st_prev_eol = at;
    s->spend = 0;
    s->state = ST_STEXT;
    if (s->hooks.doc_begin) call(s, s->hooks.doc_begin(s->user, d));
}

/* A line of a stripped document's text.  `eol` is where its content ends. */
static int stext_line(splitter *s, const char *w, uint64_t woff, int cls, const char *p, size_t n,
                      uint64_t off, uint64_t next)
{
    uint64_t eol = off + n;
    const char *t = p;
    size_t tn = n;
    trim_line(&t, &tn);
    int shortl = n <= STRIP_LINE_MAX;
    edgr_document *d = cur_doc(s);
    if (s->spend) {
        if (cls == L_BLANK && shortl && off - s->pend_line <= STRIP_PEND_MAX) {
            s->st_prev_eol = eol;
            return LINE_NEXT;
        }
        int64_t v = shortl ? seq_value(t, tn) : -1;
        /* the next number; EDGAR's sequences may skip a few (a paper
         * document, a withdrawn one) */
        if (d && v > d->sequence && v <= d->sequence + STRIP_SEQ_GAP) {
            stext_end(s, w, woff, s->pend_line);
            stripped_doc(s, w, woff, v, t, tn);
            return LINE_NEXT;
        }
        /* not a document after all: text, up to the line before this one */
        s->spend = 0;
        stext_emit(s, w, woff, s->st_prev_eol);
        return LINE_AGAIN;
    }
    if (shortl && cls == L_PEM_END && s->pem) {
        stext_end(s, w, woff, off);
        end_sub(s, next);
        return LINE_NEXT;
    }
    if (shortl && starts_submission(cls)) {
        stext_end(s, w, woff, off);
        end_sub(s, off);
        return s->stopped ? LINE_NEXT : LINE_AGAIN;
    }
    if (shortl && cls == L_OTHER && d && exhibit_type(s, t, tn) &&
        (s->st_count < 0 || (int64_t)s->b.docs.len < s->st_count)) {
        s->spend = 1;
        s->pend_line = off;
        s->pend_off = woff + (uint64_t)(t - w);
        s->pend_len = tn;
        s->st_prev_eol = eol;
        return LINE_NEXT;
    }
    stext_emit(s, w, woff, eol);
    s->st_prev_eol = eol;
    return LINE_NEXT;
}

/* The header starts at absolute offset `at`: keep its bytes from there. */
static int start_header(splitter *s, uint64_t at)
{
    s->cst_len = 0;
    s->state = ST_HEADER;
    s->collecting = 1;
    s->hdr_off = at;
    return LINE_NEXT;
}

/* ---- One line, by state ----------------------------------------------------
 *
 * on_line() is the splitter's per-line step: it classifies the line once and
 * hands it to the function of the current state.  Each takes the line as
 * p[0..n) at absolute offset `off` (`next` is where the line after it
 * starts), changes the state in `s` and returns LINE_NEXT, or LINE_AGAIN to
 * have the same line looked at again in the new state.  They are static and
 * called from one place, so the compiler folds them back into on_line():
 * the cut costs nothing on the hot path. */

/* A submission's root line after a PEM preamble (the PEM message has begun
 * the submission already). */
static int start_in_pem(splitter *s, int cls, uint64_t off, uint64_t next)
{
    if (cls == L_SEC_DOCUMENT || cls == L_IMS_DOCUMENT) {
        s->container = cls == L_SEC_DOCUMENT ? EDGR_C_SEC_DOCUMENT : EDGR_C_IMS_DOCUMENT;
        s->state = ST_ROOT;
        core_begin(s, off);
        return LINE_NEXT;
    }
    if (cls == L_SUBMISSION) {
        s->container = EDGR_C_SUBMISSION;
        core_begin(s, off);
        return start_header(s, next);
    }
    if (cls == L_STRIPPED_ROOT) {
        s->container = EDGR_C_SEC_DOCUMENT;
        s->state = ST_ROOT;
        core_begin(s, off);
        return LINE_NEXT;
    }
    /* a PEM message around something else: read it as it comes */
    s->container = EDGR_C_SEC_DOCUMENT;
    s->state = ST_ROOT;
    return LINE_AGAIN;
}

/* A line before any submission that starts none: a bare header's first
 * line, or bytes to skip (remembered for the "not EDGAR" error, and whether
 * they look like an HTML page). */
static int before_start(splitter *s, const char *p, size_t n, uint64_t off)
{
    if (headerish(p, n)) {
        begin_sub(s, off, EDGR_C_SEC_HEADER);
        return start_header(s, off); /* this line is the header's first */
    }
    if (!s->skipped) {
        s->skipped = 1;
        s->skipped_off = off;
    }
    if (n >= 5 && (sc_starts_upper(p, n, "<HTML") || sc_starts_upper(p, n, "<!--")))
        s->html_seen = 1;
    return LINE_NEXT;
}

/* ST_START: looking for the line a submission begins with. */
static int line_start(splitter *s, int cls, const char *p, size_t n, uint64_t off, uint64_t next)
{
    if (cls == L_BLANK) return LINE_NEXT;
    /* a submission starts at its first non-blank byte (as the whole-
     * buffer parser, which steps over leading blanks, sees it) */
    size_t lead = 0;
    while (lead < n && sc_is_space((unsigned char)p[lead])) lead++;
    off += lead;
    p += lead;
    n -= lead;
    if (s->in_sub) return start_in_pem(s, cls, off, next);
    switch (cls) {
    case L_PEM_BEGIN:
        begin_sub(s, off, EDGR_C_SEC_DOCUMENT);
        s->pem = 1;
        s->state = ST_PEM;
        return LINE_NEXT;
    case L_SEC_DOCUMENT:
    case L_IMS_DOCUMENT:
    case L_STRIPPED_ROOT:
        begin_sub(s, off, cls == L_IMS_DOCUMENT ? EDGR_C_IMS_DOCUMENT : EDGR_C_SEC_DOCUMENT);
        s->state = ST_ROOT;
        core_begin(s, off);
        return LINE_NEXT;
    case L_SUBMISSION:
        begin_sub(s, off, EDGR_C_SUBMISSION);
        core_begin(s, off);
        return start_header(s, next);
    case L_SEC_HEADER:
        begin_sub(s, off, EDGR_C_SEC_HEADER);
        return start_header(s, next);
    case L_DOCUMENT:
        begin_sub(s, off, EDGR_C_FRAGMENT);
        s->state = ST_BETWEEN;
        return LINE_AGAIN;
    default:
        return before_start(s, p, n, off);
    }
}

/* ST_ROOT: after <SEC-DOCUMENT>, the header begins. */
static int line_root(splitter *s, int cls, uint64_t off, uint64_t next)
{
    if (cls == L_BLANK) return LINE_NEXT;
    if (cls == L_SEC_HEADER || cls == L_STRIPPED_HDR) return start_header(s, next);
    start_header(s, off); /* no <SEC-HEADER> line: the header starts here */
    return LINE_AGAIN;
}

/* Lines that end a header which has no </SEC-HEADER>. */
static int ends_header(int cls)
{
    return cls == L_DOCUMENT || cls == L_SUBMISSION_END || cls == L_SEC_DOCUMENT_END ||
           starts_submission(cls) || cls == L_PEM_END;
}

/* Remember the CONFORMED SUBMISSION TYPE value: a stripped header's form
 * line may be all digits (forms 3, 4, 5), which only this tells from a
 * number.  `colon` is the line's first ':' (cheap: real header lines have
 * a colon, and this runs on every one). */
static void note_form_type(splitter *s, const char *w, uint64_t woff, const char *p, size_t n,
                           const char *colon)
{
    if (colon == p + 25 && (p[0] | 32) == 'c' && sc_starts_upper(p, n, "CONFORMED SUBMISSION TYPE:")) {
        const char *t = p + 26;
        size_t tn = n - 26;
        trim_line(&t, &tn);
        s->cst_off = woff + (uint64_t)(t - w);
        s->cst_len = tn;
    }
}

/* A type line is pending: a stripped submission when "1" comes next (blank
 * lines aside).  Returns 1 when that took the line. */
static int header_confirm_stripped(splitter *s, const char *w, uint64_t woff, int cls, const char *p,
                                   size_t n)
{
    if (cls == L_BLANK) return 1;
    const char *t = p;
    size_t tn = n;
    trim_line(&t, &tn);
    s->spend = 0;
    if (n <= STRIP_LINE_MAX && seq_value(t, tn) == 1 && s->container != EDGR_C_INDEX_HEADERS) {
        stripped_header_end(s, w, woff, t, tn);
        return 1;
    }
    return 0;
}

/* A header line without a colon: if it is shaped like a document type (or
 * is the form itself), it may be a stripped submission's first document. */
static void header_maybe_type(splitter *s, const char *w, uint64_t woff, const char *p, size_t n,
                              uint64_t off)
{
    const char *t = p;
    size_t tn = n;
    trim_line(&t, &tn);
    /* forms 3, 4 and 5 are all digits: those only as the form */
    int form = s->cst_len && tn == s->cst_len && !memcmp(t, w + (s->cst_off - woff), tn);
    if (type_shaped(t, tn) || form) {
        s->spend = 1;
        s->pend_line = off;
        s->pend_off = woff + (uint64_t)(t - w);
        s->pend_len = tn;
    }
}

/* ST_HEADER: a header line, or the line that ends the header. */
static int line_header(splitter *s, const char *w, uint64_t woff, int cls, const char *p, size_t n,
                       uint64_t off, uint64_t next)
{
    if (cls == L_SEC_HEADER_END) {
        finish_header(s, w, woff, off);
        if (s->state == ST_HEADER)
            s->state = s->container == EDGR_C_INDEX_HEADERS ? ST_SKIP_REST : ST_BETWEEN;
        return LINE_NEXT;
    }
    if (ends_header(cls)) {
        finish_header(s, w, woff, off);
        if (s->state == ST_HEADER) s->state = ST_BETWEEN;
        return s->state == ST_DONE ? LINE_NEXT : LINE_AGAIN;
    }
    /* an over-long line (colon = p, not NULL) is no stripped structure */
    const char *colon = n <= STRIP_LINE_MAX ? memchr(p, ':', n) : p;
    note_form_type(s, w, woff, p, n, colon);
    if (s->spend && header_confirm_stripped(s, w, woff, cls, p, n)) return LINE_NEXT;
    if (!colon && cls == L_OTHER) header_maybe_type(s, w, woff, p, n, off);
    if (next - s->hdr_off > EDGR_MAX_HEADER) {
        sub_diag(&s->b, off, EDGR_ERROR, EDGR_D_LIMIT, "header larger than %zu MB",
                 EDGR_MAX_HEADER >> 20);
        finish_header(s, w, woff, off);
        if (s->state == ST_HEADER) s->state = ST_BETWEEN;
    }
    return LINE_NEXT;
}

/* Between documents, a line that starts a submission: this one ends there
 * (a bare header or fragment has no end tag to miss). */
static int between_new_submission(splitter *s, uint64_t off)
{
    if (s->container != EDGR_C_SEC_HEADER && s->container != EDGR_C_FRAGMENT)
        sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_NO_END_TAG,
                 "a new submission starts before this one was closed");
    end_sub(s, off);
    return s->stopped ? LINE_NEXT : LINE_AGAIN;
}

/* ST_BETWEEN: between documents (or after the header). */
static int line_between(splitter *s, const char *w, uint64_t woff, int cls, const char *p, size_t n,
                        uint64_t off, uint64_t next)
{
    switch (cls) {
    case L_BLANK:
        return LINE_NEXT;
    case L_DOCUMENT:
        if (s->flags & EDGR_PARSE_HEADER_ONLY) {
            end_sub(s, off);
            return LINE_NEXT;
        }
        /* a document left open ends where the next begins */
        if (s->cur >= 0) end_doc(s, off, 0);
        begin_doc(s, off);
        return LINE_NEXT;
    case L_DOCUMENT_END:
        s->stray = 0;
        if (s->cur >= 0) end_doc(s, next, 0); /* just past </DOCUMENT> */
        return LINE_NEXT;
    case L_SEC_DOCUMENT_END:
    case L_SUBMISSION_END:
        s->closed = 1;
        s->state = ST_TRAILER;
        s->core_end = off + n;
        core_end_hash(s, w, woff);
        return LINE_NEXT;
    case L_PEM_END:
        if (!s->pem) break;
        if (!s->closed)
            sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_NO_END_TAG,
                     "PEM message ends before </SEC-DOCUMENT>");
        end_sub(s, next);
        return LINE_NEXT;
    case L_SEC_HEADER:
        /* a second bare header starts the next submission */
        if (s->container != EDGR_C_SEC_HEADER && s->container != EDGR_C_FRAGMENT) break;
        return between_new_submission(s, off);
    case L_PEM_BEGIN:
    case L_SEC_DOCUMENT:
    case L_IMS_DOCUMENT:
    case L_SUBMISSION:
    case L_STRIPPED_ROOT:
        return between_new_submission(s, off);
    default:
        break;
    }
    stray_line(s, p, n, off, "between documents");
    return LINE_NEXT;
}

/* The <TEXT> line: the text starts after it, or on it ("<TEXT>content"). */
static int meta_text_line(splitter *s, const char *p, size_t n, uint64_t off, uint64_t next)
{
    const char *q = p;
    while (sc_is_space((unsigned char)*q)) q++;
    q += 6; /* past "<TEXT>" */
    size_t rest = n - (size_t)(q - p);
    while (rest && sc_is_space((unsigned char)q[rest - 1])) rest--;
    if (rest) begin_text(s, off + (uint64_t)(q - p), 0);
    else begin_text(s, next, 1);
    return LINE_NEXT;
}

/* ST_META: a document's <TYPE>, <SEQUENCE> ... lines before <TEXT>. */
static int line_meta(splitter *s, int cls, const char *p, size_t n, uint64_t off, uint64_t next)
{
    switch (cls) {
    case L_BLANK:
        return LINE_NEXT;
    case L_TEXT:
        return meta_text_line(s, p, n, off, next);
    case L_DOCUMENT_END:
        sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_NO_TEXT, "document without <TEXT>");
        end_doc(s, next, 0);
        s->state = ST_BETWEEN;
        return LINE_NEXT;
    case L_DOCUMENT:
    case L_SEC_DOCUMENT_END:
    case L_SUBMISSION_END:
        sub_diag(&s->b, off, EDGR_WARNING, EDGR_D_NO_TEXT, "document without <TEXT>");
        end_doc(s, off, 0);
        s->state = ST_BETWEEN;
        return LINE_AGAIN;
    default:
        meta_line(s, p, n, off);
        return LINE_NEXT;
    }
}

/* A stripped document's short line before any blank one: its file name,
 * or a description held until a blank line says it was one.  Returns 1
 * when that took the line. */
static int smeta_name_or_description(splitter *s, edgr_document *d, const char *w, uint64_t woff,
                                     int cls, const char *t, size_t tn, uint64_t off, size_t n)
{
    if (!d->filename.len && filename_shaped(t, tn)) {
        d->filename = keep(s, t, tn);
        return 1;
    }
    if (tn <= 80 && !starts_submission(cls) && cls != L_PEM_END) {
        s->dpend = 1;
        s->dpend_line = off;
        s->dpend_off = woff + (uint64_t)(t - w);
        s->dpend_len = tn;
        s->dpend_eol = off + n;
        return 1;
    }
    return 0;
}

/* ST_SMETA: after a stripped document's sequence line, a file name, a
 * description (a line right after them that a blank line, once <TEXT>,
 * follows), then the text. */
static int line_smeta(splitter *s, const char *w, uint64_t woff, int cls, const char *p, size_t n,
                      uint64_t off)
{
    edgr_document *d = cur_doc(s);
    if (cls == L_BLANK && n <= STRIP_LINE_MAX) {
        if (s->dpend && d) {
            d->description = keep(s, w + (s->dpend_off - woff), s->dpend_len);
            s->dpend = 0;
        }
        s->sm_blank = 1;
        return LINE_NEXT;
    }
    if (s->dpend) {
        /* no blank line after it: the text's first line */
        s->dpend = 0;
        stripped_begin_text(s, s->dpend_line);
        s->st_prev_eol = s->dpend_eol;
        stext_emit(s, w, woff, s->dpend_eol);
        return LINE_AGAIN;
    }
    const char *t = p;
    size_t tn = n;
    trim_line(&t, &tn);
    if (d && !s->sm_blank && n <= STRIP_LINE_MAX &&
        smeta_name_or_description(s, d, w, woff, cls, t, tn, off, n))
        return LINE_NEXT;
    stripped_begin_text(s, off);
    return LINE_AGAIN;
}

/* ST_TRAILER: after </SEC-DOCUMENT>, anything but blank lines (and the PEM
 * end) begins the next submission. */
static int line_trailer(splitter *s, int cls, uint64_t off)
{
    if (cls == L_BLANK || (cls == L_PEM_END && s->pem)) return LINE_NEXT;
    end_sub(s, off);
    return s->stopped ? LINE_NEXT : LINE_AGAIN;
}

/* Handle one line (without its end-of-line bytes).  LINE_AGAIN asks for the
 * same line to be looked at again in the new state. */
static int on_line(splitter *s, const char *window, uint64_t woff, const char *p, size_t n,
                   uint64_t off, uint64_t next)
{
    int cls = classify(p, n);
    switch (s->state) {
    case ST_START:
        return line_start(s, cls, p, n, off, next);
    case ST_PEM:
        if (cls == L_BLANK) s->state = ST_START;
        return LINE_NEXT;
    case ST_ROOT:
        return line_root(s, cls, off, next);
    case ST_HEADER:
        return line_header(s, window, woff, cls, p, n, off, next);
    case ST_BETWEEN:
        return line_between(s, window, woff, cls, p, n, off, next);
    case ST_META:
        return line_meta(s, cls, p, n, off, next);
    case ST_SKIP_LINE:
        s->state = ST_BETWEEN;
        return LINE_NEXT;
    case ST_SMETA:
        return line_smeta(s, window, woff, cls, p, n, off);
    case ST_STEXT:
        return stext_line(s, window, woff, cls, p, n, off, next);
    case ST_TRAILER:
        return line_trailer(s, cls, off);
    default:
        return LINE_NEXT;
    }
}

/* Where the line that starts at p ends: sets *eol (first end-of-line byte or
 * end) and returns the start of the next line, or NULL when the line is not
 * complete yet (no terminator, or a '\r' that may be followed by '\n'). */
static const char *line_end(splitter *s, const char *w, uint64_t woff, const char *p,
                            const char *end, int final, const char **eol)
{
    uint64_t poff = woff + (uint64_t)(p - w), eoff = woff + (uint64_t)(end - w);
    const char *nl;
    if (s->nl_at != UINT64_MAX && s->nl_at >= poff && s->nl_at < eoff && s->nl_from <= poff) {
        nl = w + (s->nl_at - woff);
    } else {
        /* no '\n' in [poff, nl_from) when the last search found none */
        const char *from = p;
        if (s->nl_at == UINT64_MAX && s->nl_from > poff && s->nl_from <= eoff)
            from = w + (s->nl_from - woff);
        nl = memchr(from, '\n', (size_t)(end - from));
        s->nl_from = nl ? poff : eoff;
        s->nl_at = nl ? woff + (uint64_t)(nl - w) : UINT64_MAX;
    }
    const char *lim = nl ? nl : end;
    /* the same unfinished line again: its '\r' search resumes (one byte
     * back, for a '\r' that ended the window) */
    const char *cfrom = p;
    if (s->part_at == poff && s->part_to > poff + 1 && s->part_to <= (uint64_t)(woff + (uint64_t)(lim - w)))
        cfrom = w + (s->part_to - 1 - woff);
    const char *cr = memchr(cfrom, '\r', (size_t)(lim - cfrom));
    s->part_at = poff;
    s->part_to = woff + (uint64_t)(lim - w);
    if (cr) {
        *eol = cr;
        if (cr + 1 < end) return cr + 1 + (cr[1] == '\n');
        return final ? end : NULL;
    }
    if (nl) {
        *eol = nl;
        return nl + 1;
    }
    *eol = end;
    return final && p < end ? end : NULL;
}

/* The text state: jump to the line that closes the document. */
static const char *run_text(splitter *s, const char *w, uint64_t woff, const char *p,
                            const char *end, int final)
{
    edgr_document *d = cur_doc(s);
    const char *q = scan_text_end(p, end, s->text_ls);
    const char *stop;
    if (q) {
        /* the body excludes the line break before </TEXT> */
        stop = q;
        if (stop > p && stop[-1] == '\n') stop--;
        if (stop > p && stop[-1] == '\r') stop--;
    } else if (final) {
        stop = end;
    } else {
        /* keep the last bytes: they may begin "\r\n</TEXT>" */
        stop = end - p > 9 ? end - 9 : p;
    }
    if (s->whole) {
        d->text.ptr = w + (d->text_offset - woff);
        d->text.len = (size_t)((uint64_t)(woff + (uint64_t)(stop - w)) - d->text_offset);
    } else {
        if (stop > p && s->hooks.text) call(s, s->hooks.text(s->user, d, p, (size_t)(stop - p)));
        d->text.len += (size_t)(stop - p);
    }
    if (q) {
        if (s->hooks.doc_end) call(s, s->hooks.doc_end(s->user, d));
        s->state = ST_SKIP_LINE;
        return q + 7;
    }
    if (final) {
        d->truncated = 1;
        sub_diag(&s->b, woff + (uint64_t)(end - w), EDGR_WARNING, EDGR_D_TRUNCATED,
                 "input ends inside document %ld (no </TEXT>)", (long)s->cur + 1);
        if (s->hooks.doc_end) call(s, s->hooks.doc_end(s->user, d));
        end_doc(s, woff + (uint64_t)(end - w), 1);
        s->state = ST_BETWEEN;
        return end;
    }
    if (stop > p) s->text_ls = stop[-1] == '\n' || stop[-1] == '\r';
    return stop;
}

static void at_eof(splitter *s, const char *w, uint64_t woff, uint64_t end)
{
    switch (s->state) {
    case ST_START:
        if (s->in_sub) break; /* PEM preamble and nothing else */
        if (!s->seen_sub) {
            uint64_t at = s->skipped ? s->skipped_off : s->b.base;
            s->skipped = s->html_seen = 0;
            begin_sub(s, at, EDGR_C_NONE);
            sub_diag(&s->b, s->b.sub.offset, EDGR_ERROR, EDGR_D_NOT_EDGAR,
                     "no EDGAR submission found (no <SEC-DOCUMENT>, <SUBMISSION>, "
                     "<SEC-HEADER> or <DOCUMENT>)");
            end_sub(s, end);
        }
        return;
    case ST_PEM:
    case ST_ROOT:
        sub_diag(&s->b, end, EDGR_WARNING, EDGR_D_TRUNCATED, "input ends before the header");
        break;
    case ST_HEADER:
        if (s->container != EDGR_C_SEC_HEADER)
            sub_diag(&s->b, end, EDGR_WARNING, EDGR_D_TRUNCATED, "input ends inside the header");
        finish_header(s, w, woff, end);
        if (s->state == ST_DONE) return;
        break;
    case ST_SMETA:
        if (s->dpend) {
            /* the last line: text */
            stripped_begin_text(s, s->dpend_line);
            stext_emit(s, w, woff, s->dpend_eol);
            s->dpend = 0;
            stext_end(s, w, woff, end);
            break;
        }
        stripped_begin_text(s, end);
        stext_end(s, w, woff, end);
        break;
    case ST_STEXT:
        if (s->spend) stext_emit(s, w, woff, s->st_prev_eol);
        stext_end(s, w, woff, end);
        break;
    case ST_META:
        sub_diag(&s->b, end, EDGR_WARNING, EDGR_D_TRUNCATED,
                 "input ends inside the header of document %ld", (long)s->cur + 1);
        end_doc(s, end, 1);
        break;
    case ST_BETWEEN:
    case ST_SKIP_LINE: {
        /* a document cut short has said it already */
        const edgr_document *last =
            s->b.docs.len ? &VEC_AT(&s->b.docs, edgr_document, s->b.docs.len - 1) : NULL;
        if (last && last->truncated) break;
        if ((s->container == EDGR_C_SEC_DOCUMENT || s->container == EDGR_C_IMS_DOCUMENT ||
             s->container == EDGR_C_SUBMISSION) && !s->closed)
            sub_diag(&s->b, end, EDGR_WARNING, EDGR_D_NO_END_TAG,
                     "input ends before </%s>",
                     s->container == EDGR_C_SUBMISSION ? "SUBMISSION"
                     : s->container == EDGR_C_IMS_DOCUMENT ? "IMS-DOCUMENT" : "SEC-DOCUMENT");
        break;
    }
    default:
        break;
    }
    if (s->in_sub) end_sub(s, end);
    if (s->state == ST_REPEAT) report_sub(s, end);
}

/* The rest of a line too long to keep (skip_eol), up to `eol`: not a new
 * line, but in a stripped document's text it is text.  Returns the next
 * line's start, or NULL when the line goes on past the window. */
static const char *skip_long_rest(splitter *s, const char *w, uint64_t woff, const char *eol,
                                  const char *next)
{
    if (s->state == ST_STEXT) {
        uint64_t e = woff + (uint64_t)(eol - w);
        stext_emit(s, w, woff, e);
        s->st_prev_eol = e;
    }
    if (!next) return NULL;
    s->skip_eol = 0;
    return next;
}

/* One line p..eol, the next starting at `next`: on_line() until it takes
 * it (LINE_AGAIN a few times at most).  Returns where to go on; sets *halt
 * when the splitter stopped at or before this line. */
static const char *run_line(splitter *s, const char *w, uint64_t woff, const char *p, const char *eol,
                            const char *next, int *halt)
{
    uint64_t off = woff + (uint64_t)(p - w);
    uint64_t noff = woff + (uint64_t)(next - w);
    int r;
    int guard = 0;
    do {
        r = on_line(s, w, woff, p, (size_t)(eol - p), off, noff);
    } while (r == LINE_AGAIN && !s->stopped && !s->err && ++guard < 8);
    if (s->stopped && s->stop_at <= off) {
        *halt = 1;
        return w + (s->stop_at - woff);
    }
    /* the repeat check starts where the submission ended */
    if (s->state == ST_REPEAT) return w + (s->pos - woff);
    /* "<TEXT>content": the text starts on the <TEXT> line itself */
    if (s->state == ST_TEXT && s->cur >= 0) {
        const edgr_document *d = cur_doc(s);
        if (d->text_offset >= off && d->text_offset < noff) return w + (d->text_offset - woff);
    }
    return next;
}

/* Go through the window from p: document text in jumps (run_text), the
 * rest line by line.  Returns where the splitter got to: the window's end,
 * or the start of a line that is not complete yet, or where it stopped. */
static const char *run_window(splitter *s, const char *w, uint64_t woff, const char *p,
                              const char *end, int final)
{
    while (p < end && !s->stopped && !s->err) {
        if (s->state == ST_TEXT) {
            const char *np = run_text(s, w, woff, p, end, final);
            if (np == p && !final) break;
            p = np;
            continue;
        }
        if (s->state == ST_REPEAT) {
            const char *np = run_repeat(s, w, woff, p, end, final);
            if (!np) break;
            p = np;
            continue;
        }
        if (s->state == ST_SKIP_REST || s->state == ST_DONE) return end;
        const char *eol;
        const char *next = line_end(s, w, woff, p, end, final, &eol);
        if (s->skip_eol) {
            const char *np = skip_long_rest(s, w, woff, eol, next);
            if (!np) return end;
            p = np;
            continue;
        }
        if (!next) {
            if ((size_t)(end - p) <= EDGR_MAX_LINE || s->state == ST_HEADER) break;
            /* a line this long is no structure of ours: judge it by its
             * start, then drop the rest of it as it comes */
            eol = end;
            next = end;
            s->skip_eol = 1;
        }
        int halt = 0;
        p = run_line(s, w, woff, p, eol, next, &halt);
        if (halt) break;
    }
    return p;
}

/* How far the input may be hashed as the core's: a stripped submission's
 * core ends with its text handed out, and what is not handed out yet (a
 * pending type or description line) may not be the core's. */
static uint64_t handed_out_to(const splitter *s)
{
    uint64_t safe = s->pos;
    if (s->state == ST_STEXT && s->st_emit < safe) safe = s->st_emit;
    if (s->state == ST_SMETA && s->dpend && s->dpend_line < safe) safe = s->dpend_line;
    return safe;
}

/* The first byte the caller must keep for the next call. */
static uint64_t keep_from(const splitter *s)
{
    if (s->stopped) return s->stop_at;
    if (s->collecting) return s->hdr_off;
    /* stripped text not handed out yet (a type line that may start the next
     * document, and the line break before it) */
    if (s->state == ST_STEXT && s->st_emit < s->pos) return s->st_emit;
    if (s->state == ST_SMETA && s->dpend) return s->dpend_line;
    return s->pos;
}

uint64_t split_run(splitter *s, const char *w, size_t len, uint64_t woff, int final)
{
    static const char nothing[1];
    if (!w) w = nothing; /* an empty stream has no window at all */
    const char *end = w + len;
    const char *p = run_window(s, w, woff, w + (s->pos - woff), end, final);
    s->pos = woff + (uint64_t)(p - w);
    core_hash_to(s, w, woff, handed_out_to(s));
    if (final && p >= end && !s->stopped && !s->err) at_eof(s, w, woff, s->pos);
    return keep_from(s);
}
