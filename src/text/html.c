/*
 * HTML to text in one pass.
 *
 * The tokenizer follows the WHATWG tokenization rules where they change what
 * text comes out: character references (the full named table, the 128-159
 * remap of numeric ones), comments and bogus comments, raw-text elements,
 * quoted and unquoted attributes, and EOF inside a tag (the tag is dropped).
 * There is no tree.  Layout needs only a few counters: how deep we are in a
 * hidden element, a stack of tables being collected and a stack of lists.
 * Nothing keeps a stack of every open element, which is what makes 20,000
 * nested <div>s or 5,000 unclosed <font>s cost no more than any other tags.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "entities.h"
#include "scan.h"
#include "sink.h"
#include "table.h"
#include "tag_attr.h"

/* What an element does to the layout. */
enum kind {
    K_INLINE = 0,  /* nothing (span, b, font, a, ix:nonFraction ...)     */
    K_BLOCK,       /* paragraph break before and after                   */
    K_BR,          /* line break                                         */
    K_LI,          /* list item: line break and a bullet                 */
    K_LIST_UL,
    K_LIST_OL,
    K_TABLE,
    K_TR,
    K_CELL,        /* td, th                                             */
    K_CAPTION,
    K_PRE,
    K_RAW_DROP,    /* script, style, title ...: content skipped           */
    K_RAW_KEEP,    /* xmp, textarea: content is text, tags are not tags  */
    K_PLAINTEXT,   /* everything after it is text                        */
    K_HIDE,        /* ix:header: never displayed                         */
    K_DOC_END,     /* body, html: their end tags end any hidden element  */
    K_HR,          /* void block                                         */
    K_VOID         /* img, meta, input ...: no end tag, no content       */
};

typedef struct elem {
    const char *name;
    enum kind kind;
} elem;

/* Sorted by name (for the reader; lookups go through a hash table). */
static const elem ELEMS[] = {
    {"address", K_BLOCK}, {"area", K_VOID}, {"article", K_BLOCK}, {"aside", K_BLOCK},
    {"base", K_VOID}, {"blockquote", K_BLOCK}, {"body", K_DOC_END}, {"br", K_BR},
    {"caption", K_CAPTION}, {"center", K_BLOCK}, {"col", K_VOID}, {"dd", K_BLOCK},
    {"details", K_BLOCK}, {"dir", K_LIST_UL}, {"div", K_BLOCK}, {"dl", K_BLOCK},
    {"dt", K_BLOCK}, {"embed", K_VOID}, {"fieldset", K_BLOCK}, {"figcaption", K_BLOCK},
    {"figure", K_BLOCK}, {"footer", K_BLOCK}, {"form", K_BLOCK}, {"h1", K_BLOCK},
    {"h2", K_BLOCK}, {"h3", K_BLOCK}, {"h4", K_BLOCK}, {"h5", K_BLOCK}, {"h6", K_BLOCK},
    {"header", K_BLOCK}, {"hr", K_HR}, {"html", K_DOC_END}, {"iframe", K_RAW_DROP},
    {"img", K_VOID}, {"input", K_VOID}, {"ix:header", K_HIDE}, {"li", K_LI},
    {"link", K_VOID}, {"listing", K_PRE}, {"main", K_BLOCK}, {"menu", K_LIST_UL},
    {"meta", K_VOID}, {"nav", K_BLOCK}, {"noembed", K_RAW_DROP}, {"noframes", K_RAW_DROP},
    {"noscript", K_RAW_DROP}, {"ol", K_LIST_OL}, {"p", K_BLOCK}, {"param", K_VOID},
    {"plaintext", K_PLAINTEXT}, {"pre", K_PRE}, {"script", K_RAW_DROP},
    {"section", K_BLOCK}, {"source", K_VOID}, {"style", K_RAW_DROP}, {"summary", K_BLOCK},
    {"table", K_TABLE}, {"td", K_CELL}, {"textarea", K_RAW_KEEP}, {"th", K_CELL},
    {"title", K_RAW_DROP}, {"tr", K_TR}, {"track", K_VOID}, {"ul", K_LIST_UL},
    {"wbr", K_VOID}, {"xmp", K_RAW_KEEP},
};

/* ELEMS in an open-addressing hash table (filled by tables_init): every
 * tag goes through here, so no string compares but the final one. */
enum { N_ELEMS = sizeof ELEMS / sizeof ELEMS[0], ELEM_SLOTS = 256, ELEM_LONGEST = 10 };
static unsigned char ELEM_SLOT[ELEM_SLOTS]; /* index into ELEMS + 1; 0 is empty */
static unsigned char ELEM_LEN[N_ELEMS];

static unsigned elem_hash(const char *name, size_t n)
{
    return ((unsigned)n * 7 + (unsigned char)name[0] * 31 + (unsigned char)name[n - 1] * 17 +
            (unsigned char)name[n > 1] * 5) & (ELEM_SLOTS - 1);
}

static enum kind elem_kind(const char *name, size_t n)
{
    if (n == 0 || n > ELEM_LONGEST) return K_INLINE;
    for (unsigned h = elem_hash(name, n); ELEM_SLOT[h]; h = (h + 1) & (ELEM_SLOTS - 1)) {
        size_t i = ELEM_SLOT[h] - 1u;
        if (ELEM_LEN[i] == n && memcmp(ELEMS[i].name, name, n) == 0) return ELEMS[i].kind;
    }
    return K_INLINE;
}

/* One parsed tag. */
enum { NAME_MAX_LEN = 31 };
typedef struct tag {
    int is_end, self_closing, hidden;
    unsigned colspan;
    size_t name_len;
    char name[NAME_MAX_LEN + 1]; /* lower case; longer names are cut */
} tag;

/* Byte classes for the text state. */
enum { C_TEXT = 0, C_SPACE = 1, C_LT = 2, C_AMP = 3, C_HIGH = 4, C_NUL = 5 };
static unsigned char CLASS[256];
static unsigned char TAG_END[256]; /* ends a tag or attribute name */

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_init(void)
{
    for (int c = 0x80; c < 256; c++) CLASS[c] = C_HIGH;
    CLASS[' '] = CLASS['\t'] = CLASS['\n'] = CLASS['\r'] = CLASS['\f'] = C_SPACE;
    CLASS['<'] = C_LT;
    CLASS['&'] = C_AMP;
    CLASS[0] = C_NUL;
    TAG_END[' '] = TAG_END['\t'] = TAG_END['\n'] = TAG_END['\r'] = TAG_END['\f'] = 1;
    TAG_END['/'] = TAG_END['>'] = 1;
    for (size_t i = 0; i < N_ELEMS; i++) {
        size_t n = strlen(ELEMS[i].name);
        ELEM_LEN[i] = (unsigned char)n;
        unsigned h = elem_hash(ELEMS[i].name, n);
        while (ELEM_SLOT[h]) h = (h + 1) & (ELEM_SLOTS - 1);
        ELEM_SLOT[h] = (unsigned char)(i + 1);
    }
}


/* "display:none" (any case, any blanks) in a style attribute value. */
static int style_hides(const char *v, size_t n)
{
    for (const char *c = memchr(v, ':', n); c; c = memchr(c + 1, ':', (size_t)(v + n - c - 1))) {
        const char *w = c + 1, *end = v + n; /* "none" first: it is the rare part */
        while (w < end && sc_is_html_space((unsigned char)*w)) w++;
        if (end - w < 4 || (*w | 32) != 'n' || !sc_eq_upper(w, 4, "NONE")) continue;
        const char *k = c;
        while (k > v && sc_is_html_space((unsigned char)k[-1])) k--;
        if (k - v >= 7 && sc_eq_upper(k - 7, 7, "DISPLAY")) return 1;
    }
    return 0;
}

/*
 * Parse the tag that starts at p ('<' then a letter, or "</" then a letter).
 * Returns the byte after its '>', or NULL when the input ends inside the tag
 * (WHATWG: such a tag emits nothing).
 */
static const char *parse_tag(const char *p, const char *end, tag *t)
{
    t->is_end = p[1] == '/';
    t->self_closing = t->hidden = 0;
    t->colspan = 1;
    p += t->is_end ? 2 : 1;
    size_t n = 0;
    while (p < end && !TAG_END[(unsigned char)*p]) {
        /* a NUL would cut the name short for strcmp: make it no name's */
        if (n < NAME_MAX_LEN) t->name[n++] = *p ? (char)sc_lower((unsigned char)*p) : '?';
        p++;
    }
    t->name[n] = '\0';
    t->name_len = n;
    for (;;) {
        tag_attr a;
        int got = tag_next_attr(&p, end, &a, &t->self_closing);
        if (got < 0) return NULL;
        if (got == 0) return p;
        const char *an = a.name, *val = a.value;
        size_t an_len = a.name_len, val_len = a.value_len;
        if (t->is_end) continue;
        if (an_len == 5 && sc_eq_upper(an, 5, "STYLE")) {
            if (val && style_hides(val, val_len)) t->hidden = 1;
        } else if (an_len == 6 && sc_eq_upper(an, 6, "HIDDEN")) {
            t->hidden = 1;
        } else if (an_len == 7 && sc_eq_upper(an, 7, "COLSPAN") && val) {
            uint64_t v;
            sc_parse_uint(val, val_len, 0, 1000, &v);
            t->colspan = v ? (unsigned)v : 1;
        }
    }
}

/* ------------------------------------------------------------------------
 * Converter state.
 * ---------------------------------------------------------------------- */

enum { MAX_TABLES = 24, MAX_LISTS = 16 };

typedef struct list_lvl {
    int ordered;
    unsigned counter;
} list_lvl;

typedef struct html_conv {
    const char *start, *end;
    edgr_charset cs;
    edgr_table_style style;
    tsink main;
    tsink *out;               /* main, or the open cell of the top table   */
    text_scratch *scratch;
    int ntables;              /* tables being collected                     */
    int table_overflow;       /* tables nested past MAX_TABLES               */
    list_lvl lists[MAX_LISTS];
    int nlists, list_overflow;
    char bullet[24];
    int pre;                  /* depth of <pre>                              */
    /* Hidden content: the element that hid it and how many of the same
     * name opened inside it since. */
    int hidden;
    char hidden_name[NAME_MAX_LEN + 1];
    int hidden_nest;
    int hidden_inner;         /* tables and lists opened while hidden         */
    /* The bytes before the read position are never read again (text is
     * copied out as it is read, tables keep their cells' text, not spans):
     * the caller is told so as the position moves on. */
    text_release rel;
} html_conv;

static tsink *cur(html_conv *h) { return h->out; }

static void retarget(html_conv *h)
{
    h->out = h->ntables ? table_cell_sink(&h->scratch->tables[h->ntables - 1]) : &h->main;
}

/* Text in a table that is not in a cell opens one (browsers move such text
 * before the table; keeping it in place keeps the reading order). */
static void need_cell(html_conv *h, size_t src)
{
    if (h->ntables) table_need_cell(&h->scratch->tables[h->ntables - 1], src);
}

static void emit_break(html_conv *h, int n)
{
    sink_break(cur(h), n);
}

/* Visible text: flush what is owed, then the bytes. */
static void emit(html_conv *h, const char *p, size_t n, size_t src)
{
    if (h->hidden) return;
    need_cell(h, src);
    tsink *s = cur(h);
    sink_flush(s, src);
    sink_put(s, p, n);
}

static void emit_space(html_conv *h)
{
    if (!h->hidden) sink_space(cur(h));
}

/* A line break inside <pre>: written, not owed. */
static void emit_hard_newline(html_conv *h, size_t src)
{
    if (h->hidden) return;
    need_cell(h, src);
    tsink *s = cur(h);
    sink_flush(s, src);
    sink_put(s, "\n", 1);
}

static void emit_codepoint(html_conv *h, unsigned cp, size_t src)
{
    if (h->hidden) return;
    if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r') {
        if (!h->pre || cp == 0xA0) emit_space(h);
        else if (cp == '\n' || cp == '\r') emit_hard_newline(h, src);
        else {
            char c = (char)cp;
            emit(h, &c, 1, src);
        }
        return;
    }
    need_cell(h, src);
    tsink *s = cur(h);
    sink_flush(s, src);
    sink_codepoint(s, cp);
}

/* A character reference at p ('&').  Returns the byte after it. */
static const char *char_ref(html_conv *h, const char *p)
{
    const char *end = h->end;
    size_t src = (size_t)(p - h->start);
    if (p + 1 < end && p[1] == '#') {
        unsigned cp;
        size_t k = entity_numeric(p + 1, (size_t)(end - p - 1), &cp);
        if (k) {
            emit_codepoint(h, cp, src);
            return p + 1 + k;
        }
    } else if (p + 1 < end) {
        const char *v;
        size_t vn;
        size_t k = entity_match(p + 1, (size_t)(end - p - 1), &v, &vn);
        if (k) {
            if (vn == 2 && (unsigned char)v[0] == 0xC2 && (unsigned char)v[1] == 0xA0) emit_space(h);
            else emit(h, v, vn, src);
            return p + 1 + k;
        }
    }
    emit(h, "&", 1, src);
    return p + 1;
}

/* A run of text bytes with no '<' or '&'. */
static const char *text_run(html_conv *h, const char *p)
{
    const char *end = h->end;
    while (p < end) {
        text_release_upto(&h->rel, p);
        unsigned char c = (unsigned char)*p;
        switch (CLASS[c]) {
        case C_TEXT: {
            /* a long run in pieces, so that its bytes can go as it is read */
            const char *q = p + 1, *lim = (size_t)(end - p) > text_release_step ? p + text_release_step : end;
            while (q < lim && CLASS[(unsigned char)*q] == C_TEXT) q++;
            emit(h, p, (size_t)(q - p), (size_t)(p - h->start));
            p = q;
            break;
        }
        case C_SPACE:
            if (h->pre) {
                if (c == '\r' && p + 1 < end && p[1] == '\n') p++;
                emit_codepoint(h, c == '\r' ? '\n' : c, (size_t)(p - h->start));
                p++;
            } else {
                emit_space(h);
                p++;
                while (p < end && CLASS[(unsigned char)*p] == C_SPACE) p++;
            }
            break;
        case C_HIGH:
            if (h->cs == EDGR_CS_CP1252) {
                if (c == 0xA0) emit_space(h);
                else {
                    char u[3];
                    size_t k = cp1252_to_utf8(c, u);
                    emit(h, u, k, (size_t)(p - h->start));
                }
                p++;
            } else if (c == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0xA0) {
                emit_space(h); /* UTF-8 no-break space */
                p += 2;
            } else {
                const char *q = p + 1, *lim = (size_t)(end - p) > text_release_step ? p + text_release_step : end;
                while (q < lim && CLASS[(unsigned char)*q] == C_HIGH && !((unsigned char)*q == 0xC2)) q++;
                emit(h, p, (size_t)(q - p), (size_t)(p - h->start));
                p = q;
            }
            break;
        case C_NUL:
            p++;
            break;
        default:
            return p;
        }
    }
    return p;
}

/* Skip raw text up to "</name" followed by a tag-ending byte; emit it too
 * when `keep`.  Returns where the end tag starts (or end). */
static const char *raw_text(html_conv *h, const char *p, const char *name, size_t n, int keep)
{
    const char *end = h->end, *from = p;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) { p = end; break; }
        if (lt + 2 + n <= end && lt[1] == '/') {
            size_t i = 0;
            while (i < n && sc_lower((unsigned char)lt[2 + i]) == (unsigned char)name[i]) i++;
            if (i == n && (lt + 2 + n == end || TAG_END[(unsigned char)lt[2 + n]])) { p = lt; break; }
        }
        p = lt + 1;
    }
    if (keep && p > from) {
        int pre = h->pre;
        h->pre = 1;
        /* Text only: '&' and '<' are plain bytes in raw text. */
        for (const char *q = from; q < p; q++) {
            if (*q == '\n' || *q == '\r' || *q == ' ' || *q == '\t') {
                if (*q == '\r' && q + 1 < p && q[1] == '\n') continue;
                emit_codepoint(h, *q == '\r' ? '\n' : (unsigned char)*q, (size_t)(q - h->start));
            } else if (*q == '\0') {
                emit_codepoint(h, 0xFFFD, (size_t)(q - h->start)); /* WHATWG raw text */
            } else if ((unsigned char)*q >= 0x80 && h->cs == EDGR_CS_CP1252) {
                char u[3];
                emit(h, u, cp1252_to_utf8((unsigned char)*q, u), (size_t)(q - h->start));
            } else emit(h, q, 1, (size_t)(q - h->start));
        }
        h->pre = pre;
    }
    return p;
}

/* ------------------------------------------------------------------------
 * Elements.
 * ---------------------------------------------------------------------- */

static void list_open(html_conv *h, int ordered)
{
    emit_break(h, h->nlists ? 1 : 2); /* a nested list goes on the next line */
    if (h->nlists == MAX_LISTS) { h->list_overflow++; return; }
    h->lists[h->nlists++] = (list_lvl){ordered, 0};
}

static void list_close(html_conv *h)
{
    if (h->list_overflow) h->list_overflow--;
    else if (h->nlists) h->nlists--;
    emit_break(h, h->nlists ? 1 : 2);
}

static void list_item(html_conv *h)
{
    tsink *s = cur(h);
    sink_break(s, 1);
    size_t depth = h->nlists ? (size_t)h->nlists - 1 : 0;
    if (depth > 8) depth = 8;
    size_t n = 0;
    for (size_t i = 0; i < depth; i++) { h->bullet[n++] = ' '; h->bullet[n++] = ' '; }
    if (h->nlists && h->lists[h->nlists - 1].ordered) {
        unsigned k = ++h->lists[h->nlists - 1].counter;
        char num[12];
        int len = 0;
        do { num[len++] = (char)('0' + k % 10); k /= 10; } while (k && len < 10);
        while (len) h->bullet[n++] = num[--len];
        h->bullet[n++] = '.';
        h->bullet[n++] = ' ';
    } else {
        memcpy(h->bullet + n, "\xE2\x80\xA2 ", 4); /* U+2022 BULLET */
        n += 4;
    }
    s->bullet = h->bullet;
    s->bullet_len = n;
}

static void table_open(html_conv *h, size_t src)
{
    need_cell(h, src); /* a table inside a table sits in a cell */
    if (h->ntables == MAX_TABLES) { h->table_overflow++; emit_break(h, 2); return; }
    tsink *parent = cur(h);
    sink_break(parent, 2);
    table_begin(&h->scratch->tables[h->ntables], src, parent);
    h->ntables++;
    retarget(h);
}

static void table_close(html_conv *h)
{
    if (h->table_overflow) { h->table_overflow--; emit_break(h, 2); return; }
    if (!h->ntables) return;
    table_lvl *t = &h->scratch->tables[--h->ntables];
    retarget(h);
    if (table_end(t, h->style, h->scratch)) h->main.failed = 1;
    sink_break(cur(h), 2);
}

static void hide(html_conv *h, const tag *t)
{
    h->hidden = 1;
    memcpy(h->hidden_name, t->name, t->name_len + 1);
    h->hidden_nest = 0;
    h->hidden_inner = 0;
}

/* Start and end tags that matter while content is hidden.  Returns 1 when
 * the tag is the hidden element's own end tag (nothing more to do with it),
 * 0 otherwise (when it ended the hiding, it is then handled as usual). */
static int hidden_tag(html_conv *h, const tag *t, enum kind k)
{
    const char *n = h->hidden_name;
    if (t->is_end && k == K_DOC_END) { h->hidden = 0; return 0; }
    /* Tables and lists opened inside the hidden element: their cells, rows
     * and items are theirs, not the hidden element's siblings. */
    if ((k == K_TABLE || k == K_LIST_UL || k == K_LIST_OL) && strcmp(t->name, n) != 0) {
        if (t->is_end && h->hidden_inner) { h->hidden_inner--; return 0; }
        if (!t->is_end) h->hidden_inner++;
    }
    /* A hidden <p>, cell, row or list item that is never closed ends where
     * the element would end: at the start of the next one (a <p> at the
     * next block too).  Checked before nesting: p, td, tr, li do not nest. */
    if (!t->is_end && (k == K_BLOCK || k == K_TABLE || k == K_LI || k == K_CELL || k == K_TR ||
                       k == K_LIST_UL || k == K_LIST_OL || k == K_PRE || k == K_HR)) {
        int cell = strcmp(n, "td") == 0 || strcmp(n, "th") == 0;
        if (strcmp(n, "p") == 0 ||
            (!h->hidden_inner && ((cell && (k == K_CELL || k == K_TR)) ||
                                  (strcmp(n, "tr") == 0 && k == K_TR) ||
                                  (strcmp(n, "li") == 0 && k == K_LI)))) {
            h->hidden = 0;
            return 0;
        }
    }
    /* The end of the table or list that holds a hidden cell or item. */
    if (t->is_end && !h->hidden_inner &&
        ((k == K_TABLE && (strcmp(n, "td") == 0 || strcmp(n, "th") == 0 || strcmp(n, "tr") == 0)) ||
         ((k == K_LIST_UL || k == K_LIST_OL) && strcmp(n, "li") == 0))) {
        h->hidden = 0;
        return 0;
    }
    if (strcmp(t->name, n) == 0) {
        if (!t->is_end) { if (!t->self_closing) h->hidden_nest++; }
        else if (h->hidden_nest-- == 0) { h->hidden = 0; return 1; }
    }
    return 0;
}

/* Handle a tag; returns where scanning resumes (after raw text, maybe). */
static const char *on_tag(html_conv *h, const tag *t, const char *after, size_t src)
{
    enum kind k = elem_kind(t->name, t->name_len);
    if (h->hidden) {
        if (hidden_tag(h, t, k)) return after;
        if (h->hidden) {
            if (!t->is_end && (k == K_RAW_DROP || k == K_RAW_KEEP))
                return raw_text(h, after, t->name, t->name_len, 0);
            return after;
        }
        /* the tag that ended the hiding is handled as usual */
        if (!t->is_end) goto open;
    }
    if (t->is_end) {
        switch (k) {
        case K_BLOCK: case K_PRE: case K_CAPTION:
            if (k == K_PRE && h->pre) h->pre--;
            if (k == K_CAPTION && h->ntables) table_end_row(&h->scratch->tables[h->ntables - 1]);
            emit_break(h, 2);
            break;
        case K_BR: emit_break(h, cur(h)->pend_break + 1); break; /* </br> is <br> */
        case K_LI: emit_break(h, 1); break;
        case K_LIST_UL: case K_LIST_OL: list_close(h); break;
        case K_RAW_KEEP: if (t->name[0] == 'x') emit_break(h, 2); break;
        case K_TABLE: table_close(h); break;
        case K_TR: if (h->ntables) table_end_row(&h->scratch->tables[h->ntables - 1]); break;
        case K_CELL: if (h->ntables) table_end_cell(&h->scratch->tables[h->ntables - 1]); retarget(h); break;
        default: break;
        }
        return after;
    }
open:
    if (t->hidden && k != K_VOID && k != K_BR && k != K_HR && !t->self_closing) {
        if (k == K_BLOCK || k == K_CELL || k == K_TR || k == K_TABLE) emit_break(h, 2);
        hide(h, t);
        return after;
    }
    switch (k) {
    case K_BLOCK: emit_break(h, 2); break;
    case K_HR: emit_break(h, 2); break;
    case K_BR: emit_break(h, cur(h)->pend_break + 1 > 2 ? 2 : cur(h)->pend_break + 1); break;
    case K_LI: list_item(h); break;
    case K_LIST_UL: list_open(h, 0); break;
    case K_LIST_OL: list_open(h, 1); break;
    case K_PRE: emit_break(h, 2); h->pre++; break;
    case K_TABLE: table_open(h, src); break;
    case K_TR:
        if (h->ntables) table_begin_row(&h->scratch->tables[h->ntables - 1], src);
        break;
    case K_CELL:
        if (h->ntables) {
            table_begin_cell(&h->scratch->tables[h->ntables - 1], src, t->colspan, t->name[1] == 'h');
            retarget(h);
        } else emit_space(h);
        break;
    case K_CAPTION:
        if (h->ntables) table_begin_row(&h->scratch->tables[h->ntables - 1], src);
        break;
    case K_RAW_DROP:
        if (!t->self_closing || strcmp(t->name, "script") == 0)
            return raw_text(h, after, t->name, t->name_len, 0);
        break;
    case K_RAW_KEEP:
        if (t->name[0] == 'x') emit_break(h, 2); /* xmp is a block, textarea is not */
        return raw_text(h, after, t->name, t->name_len, 1);
    case K_PLAINTEXT: {
        h->pre++;
        const char *p = after;
        raw_text(h, p, "\x01", 1, 1); /* no end tag can match */
        return h->end;
    }
    case K_HIDE:
        if (!t->self_closing) hide(h, t);
        break;
    default: break;
    }
    return after;
}

/* Markup at p ('<').  Returns where scanning resumes. */
static const char *markup(html_conv *h, const char *p)
{
    const char *end = h->end;
    size_t src = (size_t)(p - h->start);
    if (p + 1 >= end) { emit(h, "<", 1, src); return end; }
    unsigned char c = (unsigned char)p[1];
    if (sc_is_alpha(c) || (c == '/' && p + 2 < end && sc_is_alpha((unsigned char)p[2]))) {
        tag t;
        const char *after = parse_tag(p, end, &t);
        if (!after) return end; /* EOF inside a tag: dropped */
        return on_tag(h, &t, after, src);
    }
    if (c == '!') {
        if (end - p >= 4 && p[2] == '-' && p[3] == '-') {
            const char *q = p + 4;
            if (q < end && *q == '>') return q + 1;                       /* <!--> */
            if (q + 1 < end && q[0] == '-' && q[1] == '>') return q + 2;   /* <!---> */
            for (;;) {
                const char *d = memchr(q, '-', (size_t)(end - q));
                if (!d || end - d < 3) return end;
                if (d[1] == '-' && (d[2] == '>' || (d[2] == '!' && end - d >= 4 && d[3] == '>')))
                    return d + (d[2] == '>' ? 3 : 4);
                q = d + 1;
            }
        }
        const char *gt = memchr(p + 2, '>', (size_t)(end - p - 2));
        return gt ? gt + 1 : end; /* DOCTYPE, CDATA, bogus comments */
    }
    if (c == '?' || c == '/') {
        if (c == '/' && p + 2 < end && p[2] == '>') return p + 3; /* </> */
        const char *gt = memchr(p + 2, '>', (size_t)(end - p - 2));
        return gt ? gt + 1 : end;
    }
    emit(h, "<", 1, src); /* "a < b" */
    return p + 1;
}

edgr_status html_to_text_w(const char *html, size_t len, edgr_charset charset, const edgr_text_options *opt,
                           edgr_text *out, text_writer *w)
{
    if (!out || (!html && len) || (opt && opt->struct_size < TEXT_OPTIONS_MIN_SIZE)) return EDGR_ERR_ARG;
    /* once per process, whichever thread comes first: the tables are read
     * by every conversion on every thread after it */
    pthread_once(&tables_once, tables_init);
    if (!out->priv && !(out->priv = text_scratch_new())) return EDGR_ERR_NOMEM;
    html_conv h;
    memset(&h, 0, sizeof h);
    h.start = html ? html : "";
    h.end = h.start + len;
    h.cs = charset;
    h.style = opt ? opt->tables : EDGR_TABLES_TEXT;
    h.scratch = out->priv;
    edgr_buf b = text_as_buf(out);
    out->anchor_count = 0;
    h.main.b = &b;
    h.main.anchors = out;
    h.main.w = w;
    h.out = &h.main;
    h.rel = text_release_of(opt, h.start);

    const char *p = h.start, *end = h.end;
    while (p < end && !h.main.failed) {
        text_release_upto(&h.rel, p);
        if (h.hidden) { /* skip to the next tag; text is not shown */
            const char *lt = memchr(p, '<', (size_t)(end - p));
            if (!lt) break;
            p = markup(&h, lt);
            continue;
        }
        p = text_run(&h, p);
        if (p >= end) break;
        p = (*p == '<') ? markup(&h, p) : char_ref(&h, p);
    }
    while (h.ntables) { h.table_overflow = 0; table_close(&h); }
    if (b.len && b.data[b.len - 1] != '\n') sink_put(&h.main, "\n", 1);
    int failed = h.main.failed;
    text_finish(out, &b, failed);
    out->src_end = len;
    return failed ? EDGR_ERR_NOMEM : EDGR_OK;
}

edgr_status edgr_html_to_text(const char *html, size_t len, edgr_charset charset,
                              const edgr_text_options *opt, edgr_text *out)
{
    return html_to_text_w(html, len, charset, opt, out, NULL);
}
