/* The item segmenter's kit (items_kit.c), one floor below its two paths,
 * items.c (headings) and xref.c (cross-reference indexes): the line table
 * and the readers both use on it, so the two paths agree on what a page
 * number or a code is.  Internal. */
#ifndef EDGR_FORMS_ITEMS_KIT_H
#define EDGR_FORMS_ITEMS_KIT_H

#include <stddef.h>
#include <stdint.h>

#include "chars.h"
#include "edgr/items.h"

/* A line of the text, 8 bytes: a 10-K of short lines has millions, all
 * held with their flags while the items are found.  Text offsets fit: a
 * text is at most ITEMS_TEXT_MAX bytes (edgr_items_find). */
typedef struct tline {
    uint32_t start, end;  /* trimmed of blanks at both ends */
} tline;

#define ITEMS_TEXT_MAX ((size_t)UINT32_MAX)

typedef struct seg {
    const char *s;
    size_t n;
    tline *lines;
    size_t nlines;
    unsigned char *furniture; /* per line: page number, footer, TOC link */
    uint16_t *repeats;     /* per line: how often its exact text recurs,
                              up to UINT16_MAX (only small counts matter) */
} seg;

/* A piece of an item's body when it has several (page ranges "12, 30-32"):
 * edgr_item_text reads these instead of [start, end). */
typedef struct item_span {
    size_t item;
    size_t start, end;
} item_span;

/* Next word (run of ASCII letters and digits) at or after *pos, before end. */
static inline int next_word(const char *s, size_t *pos, size_t end, size_t *ws, size_t *we)
{
    size_t i = *pos;
    while (i < end && !sc_is_alnum((unsigned char)s[i])) i++;
    if (i >= end) return 0;
    *ws = i;
    while (i < end && sc_is_alnum((unsigned char)s[i])) i++;
    *we = i;
    *pos = i;
    return 1;
}

static inline int word_eq(const char *a, size_t an, const char *b, size_t bn)
{
    if (an != bn) return 0;
    for (size_t i = 0; i < an; i++)
        if ((a[i] | 32) != (b[i] | 32)) return 0;
    return 1;
}

/* Width of a blank at p (ASCII, no-break, thin, zero-width spaces, BOM),
 * before end; 0 if none. */
size_t items_blank_at(const char *p, const char *end);
/* ASCII and Unicode blanks (no-break, thin, zero-width spaces) from i. */
size_t items_skip_blanks(const char *s, size_t i, size_t e);
/* An item code at s[*pos..end) valid for the form ("1A", "7.01"): its key in
 * canonical order (10-K: number*10 + letter), or -1.  Writes the code. */
int items_parse_code(const char *s, size_t *pos, size_t end, edgr_form_kind kind, int legacy, char code[16]);
int items_part_of_10k(int key);
/* "PART II ..." -> 1..4, else 0. */
int items_part_heading(const char *s, size_t b, size_t e);
/* "SIGNATURES" or "POWER OF ATTORNEY" alone on a line. */
int items_signature_heading(const char *s, size_t b, size_t e);
/* A page number: "12", "F-3", "ii", "Page 4", "- 7 -", "1 of 2". */
int items_page_token(const char *s, size_t b, size_t e);
/* Trim page furniture and blank lines from both ends of [*b, *e). */
void items_trim_body(const seg *g, size_t *b, size_t *e);
/* The source offset just past the text that ends at pos. */
uint64_t items_source_after(const seg *g, const edgr_text *t, size_t pos);
int items_push(edgr_items *out, const edgr_item *it);

#endif
