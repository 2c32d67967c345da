/*
 * edgr/items.h - the items of Forms 8-K, 10-K and 10-Q.
 *
 * Items are found in a document's clean text (edgr/text.h): headings such as
 * "Item 7.01 Regulation FD Disclosure" or "ITEM 1A. RISK FACTORS" start an
 * item, which runs to the next item heading, the next Part heading or the
 * signature block.  Table-of-contents entries and cross-references ("see
 * Item 1A") are not headings.
 *
 * A 10-K (or 10-Q) laid out as an annual report has no item headings; its
 * "Form 10-K Cross-Reference Index" names the pages of the report that
 * answer each item.  When such an index is found and the body has fewer
 * than three item headings with text, the items come from the index
 * (docs/text-and-items.md): `xref` is 1, `heading` and `title` are the
 * index row, and the body is the text of the pages it names, found through
 * the page numbers printed in the document.  A row saying "Not applicable"
 * or "None" has that note as its body; a footnote marker ("(a)") the
 * footnote under the index; a row naming a section rather than pages, the
 * section that opens with a heading of that name.  Items are in canonical
 * order, whatever the order of the rows.
 *
 * Threads (edgr.h has the rules): an edgr_items is used by one thread at a
 * time; edgr_items_find reads its edgr_text without changing it, so several
 * threads may find items in one text at once, each into its own
 * edgr_items; edgr_item_text and edgr_item_title only read the items and
 * the text, so threads may share one found result, each writing into its
 * own buffer.  edgr_form_kind_of may be called anywhere.
 */
#ifndef EDGR_ITEMS_H
#define EDGR_ITEMS_H

#include "edgr/edgr.h"
#include "edgr/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum edgr_form_kind {
    EDGR_FORM_OTHER = 0,
    EDGR_FORM_8K = 1,   /* 8-K, 8-K/A, 8-K12B ...                      */
    EDGR_FORM_10K = 2,  /* 10-K, 10-K/A, 10-K405, 10-KSB, 10-KT ...    */
    EDGR_FORM_10Q = 3   /* 10-Q, 10-Q/A, 10-QSB ...                    */
} edgr_form_kind;

/* The kind of a form type as written in a header ("10-K405" is 10-K). */
EDGR_API edgr_form_kind edgr_form_kind_of(const char *type, size_t len);

typedef struct edgr_item {
    char item[16];         /* "7.01", "1A", "5" (8-K before 2004-08-23)   */
    char part[4];          /* "I" .. "IV" (10-K, 10-Q); "" for 8-K        */
    size_t heading;        /* text offset of the heading                  */
    size_t title, title_len; /* the heading's title, in the text          */
    size_t start, end;     /* the body, in the text                       */
    uint64_t src_start, src_end; /* the same span as offsets in the source
                              (file offsets for edgr_document_text)       */
    int combined;          /* 1 if the heading named several items
                              ("Items 1 and 2"); each gets the same body  */
    int xref;              /* 1 if found through a cross-reference index
                              (see above): the body is page-granular, and
                              when the index names several page ranges
                              ("12, 30-32") start..end spans from the first
                              to the last while edgr_item_text gives only
                              the pages named                             */
} edgr_item;

typedef struct edgr_items {
    edgr_item *items;
    size_t count, cap;
    void *priv; /* line table of the last text, for edgr_item_text */
} edgr_items;

/*
 * Find the items of a form's main document in its text `t`.  `filing_date`
 * ("YYYYMMDD" or "YYYY-MM-DD", or NULL) chooses between the 8-K numberings
 * before and after 2004-08-23.  Replaces out's contents; free with
 * edgr_items_free().  Returns EDGR_OK (perhaps with no items), EDGR_ERR_ARG,
 * EDGR_ERR_NOMEM, or EDGR_ERR_LIMIT for a text of 4 GiB or more.
 */
EDGR_API edgr_status edgr_items_find(const edgr_text *t, edgr_form_kind kind,
                                     const char *filing_date, edgr_items *out);
EDGR_API void edgr_items_free(edgr_items *it);

/*
 * The text of item `i` as a reader wants it: its body without the page
 * furniture inside it (page numbers, running headers and footers, "Table of
 * Contents" links) and with runs of blank lines collapsed.  `t` must be the
 * text `its` was found in.  Writes to `out` (replacing its contents).
 * Returns EDGR_OK, EDGR_ERR_ARG or EDGR_ERR_NOMEM.
 */
EDGR_API edgr_status edgr_item_text(const edgr_items *its, const edgr_text *t, size_t i, edgr_buf *out);
/*
 * The same text handed to `write` in pieces (a line or two each), so that
 * the text of a large item is not copied whole.  Returns EDGR_OK,
 * EDGR_ERR_ARG, or EDGR_ERR_ABORTED when `write` returned non-zero.
 */
EDGR_API edgr_status edgr_item_text_write(const edgr_items *its, const edgr_text *t, size_t i,
                                          edgr_write_fn write, void *user);

/*
 * The title of item `i` on one line (titles wrap in 1990s text): runs of
 * blanks and line breaks become one space.  Writes at most cap - 1 bytes
 * and a NUL to `out` (cap > 0) and returns the length written.  `t` must be
 * the text `its` was found in.
 */
EDGR_API size_t edgr_item_title(const edgr_items *its, const edgr_text *t, size_t i, char *out,
                                size_t cap);

#ifdef __cplusplus
}
#endif

#endif
