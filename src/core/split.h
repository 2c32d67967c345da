/* Internal: the container splitter.
 *
 * One state machine over the bytes of one or more submissions: finds the
 * wrapper (PEM, SEC-DOCUMENT, IMS-DOCUMENT, SUBMISSION, bare header, index
 * headers page, document fragment), hands the header region to the header
 * parser, and splits the <DOCUMENT> blocks.  Document text is never looked at
 * line by line: a vectorised scan jumps to the line that closes it.
 *
 * It runs over a window of bytes.  For a whole buffer the window is the
 * buffer and `final` is set; for a stream the caller appends each chunk to a
 * window, runs, and drops the bytes the run says it is done with.
 */
#ifndef EDGR_SPLIT_H
#define EDGR_SPLIT_H

#include "parser.h"

typedef struct split_hooks {
    /* header parsed into the builder */
    int (*header)(void *user);
    /* <TEXT> reached: the document's metadata is complete */
    int (*doc_begin)(void *user, edgr_document *d);
    /* raw text bytes of the current document (stream mode only) */
    int (*text)(void *user, edgr_document *d, const char *p, size_t n);
    /* text ended (d->text is set in whole mode) */
    int (*doc_end)(void *user, edgr_document *d);
    /* submission complete: builder holds header, docs, diags */
    int (*sub_end)(void *user);
} split_hooks;

typedef struct splitter {
    sub_builder b;
    split_hooks hooks;
    void *user;
    unsigned flags;      /* EDGR_PARSE_*                                      */
    int whole;           /* window is the caller's whole buffer               */
    int stop_after_sub;  /* whole mode: return after one submission           */

    int state;
    uint64_t pos;        /* absolute offset of the next byte to look at       */

    /* the submission being built */
    int in_sub;
    int seen_sub;        /* any submission seen in this input                 */
    edgr_container container;
    int pem, closed;
    uint64_t skipped_off; /* first non-blank byte skipped before a start      */
    int skipped, html_seen;

    /* header region */
    int collecting;      /* header bytes are being kept in the window         */
    uint64_t hdr_off;
    edgr_buf hdrbuf;     /* stream mode: the header copied out of the window  */

    /* current document */
    long cur;            /* index in b.docs, -1 if none                       */
    int text_ls;         /* scan position is at a line start                  */
    int stray;           /* inside a run of stray lines (one warning a run)   */

    /* next '\n' at or after nl_from (UINT64_MAX: none before nl_from) so that
     * bare-CR files do not rescan to the end of the input for every line */
    uint64_t nl_at, nl_from;
    /* the last line looked at and how far its '\r' search went */
    uint64_t part_at, part_to;

    int skip_eol;        /* stream: dropping the rest of an over-long line    */

    /* tag-stripped submissions (split.c, "Stripped"): a bare type line
     * waits for the sequence line that confirms it */
    int stripped;        /* this submission's tags were stripped              */
    int spend;           /* a type line is pending                            */
    uint64_t pend_line;  /* its start                                         */
    uint64_t pend_off;   /* its trimmed text and length                       */
    size_t pend_len;
    uint64_t st_emit;    /* the document's text is handed out up to here      */
    uint64_t st_prev_eol;/* end of the last line looked at                    */
    int64_t st_count;    /* PUBLIC DOCUMENT COUNT, -1 if unknown              */
    uint64_t cst_off;    /* header: CONFORMED SUBMISSION TYPE's value          */
    size_t cst_len;
    /* identical repeats (split.c, "Repeats"): the closed submission's core,
     * from its root line to the end of its closing line */
    uint64_t core_off, core_end;
    int core_seen;       /* its root line was seen                            */
    int core_on;         /* stream: the core is being hashed                  */
    uint64_t h_pos;      /* hashed up to here                                 */
    uint64_t h, h_prefix; /* the core's hash, its first 4 KiB's              */
    uint64_t hstate[12];  /* split.c's hasher, mid-way                        */
    uint64_t hseed;       /* its seed, drawn at split_init                     */
    int rep_count;       /* copies seen (1 = no repeat yet)                    */
    uint64_t rep_first;  /* offset of the first repeat                        */
    int sm_blank;        /* a blank line since the sequence line              */
    int dpend;           /* a description line waits for the blank after it  */
    uint64_t dpend_line, dpend_off, dpend_eol;
    size_t dpend_len;
    int stopped;         /* stop_after_sub reached                            */
    uint64_t stop_at;
    edgr_status err;     /* sticky: NOMEM, ABORTED, LIMIT                      */
} splitter;

void split_init(splitter *s, unsigned flags, int whole);
/* Forget everything about the previous input (keeps allocations). */
void split_reset(splitter *s, uint64_t base);
void split_free(splitter *s);

/*
 * Run over window[0..len), whose first byte is at absolute offset `off`.
 * Returns the absolute offset below which the window's bytes are no longer
 * needed.  With `final`, the end of the window is the end of the input.
 */
uint64_t split_run(splitter *s, const char *window, size_t len, uint64_t off, int final);

#endif
