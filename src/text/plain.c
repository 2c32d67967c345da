/*
 * Plain-text documents: the filings of the 1990s and early 2000s.
 *
 * They are already laid out for a line printer, so the text is kept as it
 * is, minus what only the printer needed: EDGAR's legacy table tags (<TABLE>
 * <CAPTION> <S> <C> <FN>, which mark columns and footnotes), <PAGE> markers
 * and form feeds, the page number that closes each page and the running
 * header that opens the next.  Tags inside a line become spaces of the same
 * width so the columns stay aligned.
 */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "pages.h"
#include "scan.h"
#include "sink.h"
#include "table.h"

typedef struct pline {
    size_t start, end; /* without the line break */
    int kind;
    int ff;            /* a text line with a form feed: a page starts here */
    size_t at;         /* L_PAGENO*: where it would have stood in the text */
    size_t num, num_end; /* L_PAGE: the page number on the marker's line  */
} pline;

/* L_PAGENO and L_PAGENO_TOP are dropped like L_DROP, but remembered as page
 * marks (pages.h): a page number closing or opening a page.  So is the
 * number of an L_PAGE line that has one: it opens its page. */
enum { L_TEXT = 0, L_BLANK, L_PAGE, L_TAGS, L_DROP, L_PAGENO, L_PAGENO_TOP };

/* Legacy tags, matched case-insensitively. */
static const char *const LEGACY[] = {"<PAGE>", "<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>",
                                     "<S>", "<C>", "<FN>", "</FN>", "</PAGE>"};

static size_t legacy_tag_at(const char *p, const char *end)
{
    if (*p != '<') return 0;
    for (size_t i = 0; i < sizeof LEGACY / sizeof LEGACY[0]; i++) {
        size_t n = strlen(LEGACY[i]);
        if ((size_t)(end - p) >= n && sc_eq_upper(p, n, LEGACY[i])) return n;
    }
    return 0;
}

static void trim(const char **p, const char **e)
{
    while (*p < *e && sc_is_space((unsigned char)**p)) (*p)++;
    while (*e > *p && sc_is_space((unsigned char)(*e)[-1])) (*e)--;
}

/* "12", "- 12 -", "Page 12", "F-3", "A-12", "ii", "(3)". */
static int is_page_number(const char *p, const char *e)
{
    trim(&p, &e);
    size_t n = (size_t)(e - p);
    if (n == 0 || n > 14) return 0;
    if (n > 5 && sc_starts_upper(p, n, "PAGE ")) { p += 5; trim(&p, &e); }
    while (p < e && (*p == '-' || *p == '(' || *p == ' ')) p++;
    while (e > p && (e[-1] == '-' || e[-1] == ')' || e[-1] == ' ')) e--;
    if (p == e) return 0;
    const char *q = p;
    if (q + 1 < e && sc_upper((unsigned char)*q) >= 'A' && sc_upper((unsigned char)*q) <= 'Z' &&
        q[1] == '-')
        q += 2; /* F-3 */
    int digits = 0;
    while (q < e && sc_is_digit((unsigned char)*q)) { q++; digits++; }
    if (digits && digits <= 4 && q == e) return 1;
    if (digits) return 0;
    for (q = p; q < e; q++) /* roman numerals, lower case only (upper is a heading) */
        if (!strchr("ivxl", *q)) return 0;
    return (size_t)(e - p) <= 6;
}

static int line_eq(const char *base, const pline *a, const pline *b)
{
    const char *p = base + a->start, *e = base + a->end, *q = base + b->start, *f = base + b->end;
    trim(&p, &e);
    trim(&q, &f);
    return e - p == f - q && memcmp(p, q, (size_t)(e - p)) == 0;
}

/* Classify a line: only legacy tags (and blanks) is L_TAGS; a <PAGE> among
 * them makes it L_PAGE.  A <PAGE> line whose only text is a page number
 * ("<PAGE>   2", "<PAGE>3") is L_PAGE too, the number in [*num, *num_end). */
static int classify(const char *p, const char *e, const char **num, const char **num_end)
{
    int page = 0, tags = 0;
    const char *run = NULL, *run_end = NULL; /* the one run of text between tags */
    *num = *num_end = NULL;
    if (memchr(p, '\f', (size_t)(e - p))) page = 1;
    while (p < e) {
        unsigned char c = (unsigned char)*p;
        if (sc_is_space(c) || c == '\f') { p++; continue; }
        size_t n = legacy_tag_at(p, e);
        if (!n) {
            if (run) return L_TEXT; /* text wins; a form feed in it is dropped */
            run = p;
            while (p < e && !(*p == '<' && legacy_tag_at(p, e))) p++;
            run_end = p;
            continue;
        }
        if (n == 6 && sc_eq_upper(p, 6, "<PAGE>")) page = 1;
        tags = 1;
        p += n;
    }
    if (run) {
        if (!page || !tags || !is_page_number(run, run_end)) return L_TEXT;
        *num = run;
        *num_end = run_end;
    }
    return page ? L_PAGE : tags ? L_TAGS : L_BLANK;
}

/* Remember the dropped page numbers (after text_finish, which forgets the
 * last conversion's).  Returns 1 on allocation failure. */
static int keep_page_marks(edgr_text *out, const char *txt, const pline *L, size_t n)
{
    text_scratch *sc = out->priv;
    for (size_t i = 0; i < n; i++) {
        int numbered = L[i].kind == L_PAGE && L[i].num_end > L[i].num;
        if (L[i].kind != L_PAGENO && L[i].kind != L_PAGENO_TOP && !numbered) continue;
        if (!sc && !(sc = out->priv = text_scratch_new())) return 1;
        text_page_mark *m = vec_push(&sc->pages);
        if (!m) return 1;
        const char *p = txt + L[i].start, *e = txt + L[i].end;
        if (numbered) p = txt + L[i].num, e = txt + L[i].num_end;
        trim(&p, &e);
        size_t len = (size_t)(e - p) < sizeof m->label ? (size_t)(e - p) : sizeof m->label - 1;
        memcpy(m->label, p, len);
        m->label[len] = '\0';
        m->at = L[i].at > out->len ? out->len : L[i].at;
        m->top = L[i].kind == L_PAGENO_TOP || numbered;
    }
    return 0;
}

edgr_status edgr_plain_to_text(const char *txt, size_t len, edgr_charset charset,
                               const edgr_text_options *opt, edgr_text *out)
{
    (void)opt;
    if (!out || (!txt && len)) return EDGR_ERR_ARG;
    if (!txt) txt = "";
    out->anchor_count = 0;
    vec lines = {.size = sizeof(pline)};
    int failed = 0;

    for (size_t i = 0; i < len && !failed;) {
        size_t j = i;
        while (j < len && txt[j] != '\n' && txt[j] != '\r') j++;
        pline *l = vec_push(&lines);
        if (!l) { failed = 1; break; }
        l->start = i;
        l->end = j;
        const char *num, *num_end;
        l->kind = classify(txt + i, txt + j, &num, &num_end);
        l->num = num ? (size_t)(num - txt) : 0;
        l->num_end = num ? (size_t)(num_end - txt) : 0;
        l->ff = l->kind == L_TEXT && memchr(txt + i, '\f', j - i) != NULL;
        if (j < len && txt[j] == '\r' && j + 1 < len && txt[j + 1] == '\n') j++;
        i = j + 1;
    }
    pline *L = lines.items;
    size_t n = lines.len;

    /* Page furniture: the page number before each break, a page number or
     * running header after it.  A header is running when the same line
     * opens at least two pages. */
    size_t first_after_prev = (size_t)-1;
    for (size_t i = 0; i < n && !failed; i++) {
        if (L[i].kind != L_PAGE && !(L[i].kind == L_TEXT && L[i].ff)) continue;
        size_t b = i;
        while (b > 0 && L[b - 1].kind == L_BLANK) b--;
        if (b > 0 && L[b - 1].kind == L_TEXT && is_page_number(txt + L[b - 1].start, txt + L[b - 1].end))
            L[b - 1].kind = L_PAGENO;
        size_t a = L[i].kind == L_PAGE ? i + 1 : i;
        while (a < n && (L[a].kind == L_BLANK || L[a].kind == L_TAGS)) a++;
        if (a >= n || L[a].kind != L_TEXT) continue;
        if (is_page_number(txt + L[a].start, txt + L[a].end)) { L[a].kind = L_PAGENO_TOP; continue; }
        if (first_after_prev != (size_t)-1 && line_eq(txt, &L[a], &L[first_after_prev])) {
            L[a].kind = L_DROP;
            if (L[first_after_prev].kind == L_TEXT) L[first_after_prev].kind = L_DROP;
        }
        first_after_prev = a;
    }
    /* The last page's number, when the document ends with it. */
    {
        size_t b = n;
        while (b > 0 && (L[b - 1].kind == L_BLANK || L[b - 1].kind == L_TAGS || L[b - 1].kind == L_PAGE)) b--;
        if (b > 0 && L[b - 1].kind == L_TEXT && is_page_number(txt + L[b - 1].start, txt + L[b - 1].end))
            L[b - 1].kind = L_PAGENO;
    }

    edgr_buf b = text_as_buf(out);
    tsink s = {.b = &b, .anchors = out};
    int blank = 0;
    for (size_t i = 0; i < n && !s.failed; i++) {
        pline *l = &L[i];
        if (l->kind == L_PAGENO || l->kind == L_PAGENO_TOP || l->kind == L_PAGE) l->at = b.len;
        if (l->kind != L_TEXT && l->kind != L_BLANK) continue;
        const char *p = txt + l->start, *e = txt + l->end;
        while (e > p && sc_is_space((unsigned char)e[-1])) e--;
        if (p == e) { blank = 1; continue; }
        if (b.len) sink_put(&s, blank ? "\n\n" : "\n", blank ? 2 : 1);
        blank = 0;
        sink_anchor(&s, l->start);
        while (p < e) {
            const char *q = p;
            while (q < e && (unsigned char)*q < 0x80 && *q != '<' && *q != '\f' && *q != 0) q++;
            sink_put(&s, p, (size_t)(q - p));
            p = q;
            if (p >= e) break;
            unsigned char c = (unsigned char)*p;
            size_t tn;
            if (c == '<' && (tn = legacy_tag_at(p, e))) {
                static const char spaces[] = "           ";
                sink_put(&s, spaces, tn);
                p += tn;
            } else if (c == '<') {
                sink_put(&s, p++, 1);
            } else if (c == '\f' || c == 0) {
                p++;
            } else if (charset == EDGR_CS_CP1252) {
                char u[3];
                sink_put(&s, u, cp1252_to_utf8(c, u));
                p++;
            } else {
                const char *r = p;
                while (r < e && (unsigned char)*r >= 0x80) r++;
                sink_put(&s, p, (size_t)(r - p));
                p = r;
            }
        }
        /* tags replaced by spaces may leave blanks at the end */
        while (b.len && b.data[b.len - 1] == ' ') b.len--;
    }
    if (b.len) sink_put(&s, "\n", 1);
    failed |= s.failed;
    text_finish(out, &b, failed);
    if (!failed) failed = keep_page_marks(out, txt, L, n);
    vec_free(&lines);
    out->src_end = len;
    return failed ? EDGR_ERR_NOMEM : EDGR_OK;
}
