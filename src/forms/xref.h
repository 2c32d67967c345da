/* Items named by a Form 10-K cross-reference index rather than headed in
 * the body (xref.c).  Internal to the item segmenter. */
#ifndef EDGR_FORMS_XREF_H
#define EDGR_FORMS_XREF_H

#include "items_kit.h"

enum { XREF_MAX_CODES = 4, XREF_MAX_RANGES = 12 };

/* What an index row says about where its item is. */
enum {
    XREF_UNKNOWN = 0,
    XREF_PAGES,    /* page references: "24-51", "12, 30-32", "F-1 - F-40"  */
    XREF_NOTE,     /* "Not applicable", "None", "N/A": the note is the body */
    XREF_FOOTNOTE, /* "(a)", "*": the footnote under the index is the body  */
    XREF_SECTION   /* a last column naming a section of the report          */
};

typedef struct xref_range {
    int prefix;            /* 0, or 1..26 for "A-".."Z-" ("F-3")          */
    int lo, hi;
} xref_range;

typedef struct xref_row {
    int ncodes;
    char codes[XREF_MAX_CODES][16];
    int keys[XREF_MAX_CODES];      /* as items_parse_code gives them      */
    int part;                      /* the Part row in force, 0 if none    */
    size_t line, last_line;        /* lines of the row (titles may wrap)  */
    size_t title, title_end;       /* text offsets                        */
    int what;                      /* XREF_*                              */
    size_t note, note_end;         /* the note, marker or section name    */
    int nranges;
    xref_range ranges[XREF_MAX_RANGES];
} xref_row;

typedef struct xref_index {
    size_t first_line, last_line;  /* the caption .. the last row         */
    xref_row *rows;
    size_t nrows;
} xref_index;

/* A line naming a cross-reference index ("Form 10-K Cross-Reference
 * Index", "Cross Reference to Form 10-K"). */
int xref_caption(const char *s, size_t b, size_t e);
/* A row of the index on the line [b, e): its codes, title and what it
 * refers to.  Bare codes ("7A.  Title") count: this is only asked inside an
 * index.  Returns 1 if the line opens a row. */
int xref_parse_row(const char *s, size_t b, size_t e, edgr_form_kind kind, xref_row *row);
/* [b, e) is all references: pages, ranges, notes, footnote markers.  Fills
 * row->what, ranges and note.  Returns 1 if so, 0 (row untouched) if not. */
int xref_parse_refs(const char *s, size_t b, size_t e, xref_row *row);
/* [b, e) is a page number line: 1, with *prefix (0 or letter 1..26) and
 * *num (-1 when not arabic: "ii"). */
int xref_page_number(const char *s, size_t b, size_t e, int *prefix, int *num);

/* The document's index, if it has one with enough rows.  Returns 1 found,
 * 0 none, -1 on allocation failure.  Free with xref_free. */
int xref_find(const seg *g, edgr_form_kind kind, xref_index *x);
void xref_free(xref_index *x);

/*
 * The items of the index, with the heading items `extra` whose codes it
 * lacks, in canonical order into `out` (appended).  Items with several
 * pieces of body get item_spans in *spans (caller frees).  Returns how many
 * items came from the index (0: it gave nothing usable and nothing was
 * appended), or -1 on allocation failure.
 */
int xref_items(const seg *g, const edgr_text *t, edgr_form_kind kind, const xref_index *x,
               const edgr_item *extra, size_t nextra, edgr_items *out, item_span **spans, size_t *nspans);

#endif
