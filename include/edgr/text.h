/*
 * edgr/text.h - clean text from EDGAR documents.
 *
 * HTML and 1990s plain-text bodies become readable UTF-8 text: one pass over
 * the bytes, no tree, linear time on any input.  The result carries anchors
 * that map positions in the text back to byte offsets in the source, so a
 * consumer (the item segmenter, a search index) can cite the original bytes.
 *
 * Layout rules, in short (docs/text-and-items.md has them all):
 *   - block elements (p, div, h1-h6, li, table, ...) start new paragraphs,
 *     separated by one blank line; <br> starts a new line;
 *   - runs of white space, &nbsp; included, collapse to one space;
 *   - script, style, head content, inline-XBRL headers and anything styled
 *     display:none are dropped; other ix:* elements are transparent;
 *   - tables become rows of aligned cells (or Markdown, or TSV), with "$",
 *     ")" and "%" cells joined to the number they belong to;
 *   - text after </html> is kept.
 *
 * Threads (edgr.h has the rules): an edgr_text is used by one thread at a
 * time; conversions into different edgr_text results run on any number of
 * threads at once, over the same source bytes too.  The HTML reader's
 * tables are set up once (pthread_once) by the first call on any thread.
 */
#ifndef EDGR_TEXT_H
#define EDGR_TEXT_H

#include "edgr/edgr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How tables are written. */
typedef enum edgr_table_style {
    EDGR_TABLES_TEXT = 0,     /* columns aligned with spaces (default)       */
    EDGR_TABLES_MARKDOWN = 1, /* GitHub-style pipe tables                    */
    EDGR_TABLES_TSV = 2       /* one row per line, cells separated by tabs   */
} edgr_table_style;

/* Options: start from EDGR_TEXT_OPTIONS_INIT (struct_size, see edgr.h's
 * "Growing structs"), or pass NULL for the defaults. */
typedef struct edgr_text_options {
    size_t struct_size;       /* sizeof(edgr_text_options)                   */
    edgr_table_style tables;
    /* Since 0.3.0 (a struct_size of 0.2.0's, without them, reads as NULL):
     * told of the input bytes read for good (edgr.h, edgr_release_fn), or
     * NULL.  Document conversions give file pointers into d->body. */
    edgr_release_fn release;
    void *release_user;
} edgr_text_options;

#define EDGR_TEXT_OPTIONS_INIT {.struct_size = sizeof(edgr_text_options), .tables = EDGR_TABLES_TEXT}

/* One anchor: the text at byte `text` of the output came from byte `src` of
 * the input.  Anchors are recorded at every line start, in increasing order
 * of `text`. */
typedef struct edgr_text_anchor {
    size_t text, src;
} edgr_text_anchor;

/*
 * The result of a conversion.  Zero-initialise it, reuse it across calls (its
 * memory is kept and overwritten), free it with edgr_text_free().  `data` is
 * UTF-8, NUL-terminated, `len` bytes long.
 */
typedef struct edgr_text {
    char *data;
    size_t len, cap;
    edgr_text_anchor *anchors;
    size_t anchor_count, anchor_cap;
    size_t src_end;   /* the source offset just past the converted input */
    void *priv; /* scratch kept between calls; owned by the library */
} edgr_text;

EDGR_API void edgr_text_free(edgr_text *t);

/*
 * HTML to text.  `charset` says how to read bytes >= 0x80 (pass the
 * document's `charset`; EDGR_CS_CP1252 transcodes them).  `opt`
 * may be NULL for defaults.  Returns EDGR_OK, EDGR_ERR_NOMEM or EDGR_ERR_ARG
 * (NULL `out`, NULL `html` with a length, or opt->struct_size not set).
 */
EDGR_API edgr_status edgr_html_to_text(const char *html, size_t len, edgr_charset charset,
                                       const edgr_text_options *opt, edgr_text *out);

/*
 * Plain-text (pre-HTML) document to text: legacy <PAGE>, <TABLE>, <CAPTION>,
 * <S>, <C>, <FN> markers removed, page-number lines and running page headers
 * dropped, runs of blank lines collapsed, line ends normalised to LF.
 */
EDGR_API edgr_status edgr_plain_to_text(const char *txt, size_t len, edgr_charset charset,
                                        const edgr_text_options *opt, edgr_text *out);

/*
 * A document's clean text: HTML bodies (inline XBRL included) through
 * edgr_html_to_text, text bodies through edgr_plain_to_text.  Anchors are
 * file offsets (the body's offset is added).  Other formats (PDF, images,
 * XML, uuencoded files) give empty text and EDGR_ERR_ARG.  Out of memory
 * is EDGR_ERR_NOMEM; `out` may then hold part of the text, and stays valid
 * to reuse or free.
 */
EDGR_API edgr_status edgr_document_text(const edgr_document *d, const edgr_text_options *opt,
                                        edgr_text *out);

/*
 * The same text as edgr_document_text(), handed to `write` in pieces as it
 * is made (a piece is a few MB at most), so that the text of a large
 * document is never held whole: memory is the document's bytes and little
 * more.  `out` is scratch, reused as for edgr_document_text(); afterwards
 * its anchors count text offsets from the start of the whole text, and its
 * data is the last piece.  Returns what edgr_document_text() would, or
 * EDGR_ERR_ABORTED when `write` returned non-zero (nothing more is written).
 */
EDGR_API edgr_status edgr_document_text_write(const edgr_document *d, const edgr_text_options *opt,
                                              edgr_text *out, edgr_write_fn write, void *user);

/* The source offset of text byte `pos`: the anchor at or before it. */
EDGR_API size_t edgr_text_source_offset(const edgr_text *t, size_t pos);

#ifdef __cplusplus
}
#endif

#endif
