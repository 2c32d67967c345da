/* Internals of the facts readers: the kit they share (facts_kit.c: the
 * main document's text as lines of cells, a string arena, growable arrays
 * and small matchers), the state of the entry point (facts.c), and the
 * readers it runs (cover.c, signatures.c, exhibits.c). */
#ifndef EDGR_FACTS_INT_H
#define EDGR_FACTS_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "edgr/facts.h"
#include "edgr/text.h"

/* A line of the text: [start, start+len) of fx_doc.t. */
typedef struct fx_line {
    size_t start, len;
} fx_line;

/* A cell of a line: tables come as TSV, so a tab separates cells; runs of
 * two or more spaces do too (aligned columns of 1990s text documents).
 * Cells are trimmed; empty ones are dropped. */
typedef struct fx_cell {
    const char *p;
    size_t n;
} fx_cell;

enum { FX_MAX_CELLS = 16 };

/* The cover's lines are cut into cells once: its readers (a check box,
 * a caption, a value) each go over them again.  400 lines at most make a
 * cover (cover.c), and its readers look a few lines past it. */
enum { FX_MEMO_LINES = 448 };

typedef struct fx_doc {
    const char *t;          /* the clean text (NUL-terminated)  */
    size_t n;
    const edgr_text *text;  /* for source offsets               */
    fx_line *lines;
    size_t nlines;
    const fx_cell *memo;    /* cells of lines [0, memo_lines): line i's are */
    const uint32_t *memo_at; /* memo[memo_at[i] .. memo_at[i + 1])        */
    size_t memo_lines;
} fx_doc;

/* The library's private state behind edgr_facts.priv. */
typedef struct fx_state {
    arena strings;          /* the facts' strings, reset for each filing  */
    edgr_text text;
    fx_line *lines;
    size_t line_cap;
    fx_cell *memo;          /* fx_doc.memo, FX_MEMO_LINES * FX_MAX_CELLS */
    uint32_t *memo_at;      /* FX_MEMO_LINES + 1                         */
    edgr_security *sec;
    size_t sec_n, sec_cap;
    edgr_signer *sig;
    size_t sig_n, sig_cap;
    edgr_exhibit_doc *xd;
    size_t xd_n, xd_cap;
    edgr_exhibit_entry *xe;
    size_t xe_n, xe_cap;
    int nomem;
    /* Bytes the inline-XBRL reader went over for the last filing: its
     * scans of the page and the fact contents it read as text.  Tests
     * hold it linear in the page (tests/unit/test_facts.c). */
    uint64_t ix_work;
    struct ix_facts *ix;    /* the main page's dei facts (cover.c), read
                               before its text by fx_inline_xbrl_read */
} fx_state;

/* Cut d's text (d->t, d->n) into st->lines, and the first FX_MEMO_LINES
 * into cells; sets d->lines, d->nlines and the memo. */
void fx_doc_lines(fx_state *st, fx_doc *d);

/* A copy of p[0..n) in the arena, trimmed, white space collapsed to single
 * spaces; NULL when empty or out of memory (st->nomem is then set). */
const char *fx_str(fx_state *st, const char *p, size_t n);
/* Grow an array to hold one more element; 0 on success. */
int fx_grow(fx_state *st, void **arr, size_t *cap, size_t n, size_t size);

/* Cells of line i; returns their count (at most FX_MAX_CELLS). */
int fx_cells(const fx_doc *d, size_t i, fx_cell *cells);
/* 1 if line i holds only white space. */
int fx_blank(const fx_doc *d, size_t i);
/* The source offset of line i's start. */
uint64_t fx_offset(const fx_doc *d, size_t i);

static inline int fx_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* p[0..m) equals needle[0..m), ignoring ASCII case: the one comparison
 * fx_starts, fx_find and the caption reader share. */
static inline int fx_same(const char *p, const char *needle, size_t m)
{
    for (size_t i = 0; i < m; i++)
        if (fx_lower((unsigned char)p[i]) != fx_lower((unsigned char)needle[i])) return 0;
    return 1;
}

/* Case-insensitive search of an ASCII needle in p[0..n); its position or -1. */
long fx_find(const char *p, size_t n, const char *needle);
/* A telephone number in p[0..n): 1 with its place in *at, *len, or 0. */
int fx_phone_at(const char *p, size_t n, size_t *at, size_t *len);
/* 1 if p[0..n) starts with the needle, ignoring ASCII case.  Inline: the
 * readers call it on every cell with literal needles, whose strlen the
 * compiler then knows (a call into facts_kit.c cost 1.6% of `edgr facts`). */
static inline int fx_starts(const char *p, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    return m <= n && fx_same(p, needle, m);
}

/* Check-box marks: the length of a mark at p (0 if none) and its state
 * in *checked (1, 0, or -1 for a mark we cannot read). */
size_t fx_mark(const char *p, size_t n, int *checked);

/* The readers.  Each fills its part of f from the text (and, for the cover,
 * from the main document's inline XBRL). */
void fx_inline_xbrl_read(fx_state *st, const edgr_document *main);
void fx_cover(fx_state *st, const fx_doc *d, const edgr_document *main, const edgr_submission *s,
              edgr_facts *f);
void fx_signatures(fx_state *st, const fx_doc *d, edgr_facts *f);
void fx_exhibits(fx_state *st, const fx_doc *d, const edgr_document *docs, size_t doc_count,
                 edgr_facts *f);

#endif
