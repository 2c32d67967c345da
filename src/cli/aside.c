/* Bytes set aside: ingest reads a filing's main document twice, for its
 * facts and then for its rows (edgr_source.set_aside).  Between the two, a
 * large document's bytes are kept compressed and its pages given back, so
 * that the document and its facts' text are not held whole at once; they
 * are put back, byte for byte, before the second reading. */
#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A document smaller than this is left alone: its memory does not matter,
 * and compressing it would cost time for nothing. */
#define ASIDE_MIN_DOCUMENT ((size_t)16 << 20)
/* Fast compression: text shrinks about four times at level 1. */
enum { ASIDE_LEVEL = 1 };

/* Is [from, to) inside a document of the filing large enough to set aside,
 * and in the filing's own bytes (a decoded body is elsewhere: its pages
 * cannot be given back)? */
static int in_large_document(const filing *f, const char *from, const char *to)
{
    if (!f->data || from < f->data || to > f->data + f->len) return 0;
    for (size_t i = 0; i < f->doc_count; i++) {
        const edgr_span b = f->docs[i].body;
        if (b.ptr && from >= b.ptr && to <= b.ptr + b.len) return b.len >= ASIDE_MIN_DOCUMENT;
    }
    return 0;
}

/* Compressed to more than this share (in 1/16ths), bytes stay as they are:
 * setting them aside would save nothing (random or packed data). */
enum { ASIDE_WORTH = 15 };
/* One piece at most: a single release may cover a whole comment or script
 * of tens of MB, which must not be compressed in one buffer first. */
#define ASIDE_PIECE ((size_t)4 << 20)

static void aside_piece_set(aside *a, const char *from, size_t n);

void aside_set(void *user, const char *from, const char *to)
{
    aside *a = user;
    if (a->failed || to <= from || !in_large_document(a->f, from, to)) return; /* kept as they are */
    for (const char *p = from; p < to && !a->failed;) {
        size_t n = (size_t)(to - p) < ASIDE_PIECE ? (size_t)(to - p) : ASIDE_PIECE;
        aside_piece_set(a, p, n);
        p += n;
    }
}

static void aside_piece_set(aside *a, const char *from, size_t n)
{
    const char *to = from + n;
    if (!a->c && !(a->c = libdeflate_alloc_compressor(ASIDE_LEVEL))) { a->failed = 1; return; }
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        aside_piece *p = realloc(a->pieces, cap * sizeof *p);
        if (!p) { a->failed = 1; return; }
        a->pieces = p;
        a->cap = cap;
    }
    size_t bound = libdeflate_deflate_compress_bound(a->c, n);
    unsigned char *z = malloc(bound);
    size_t zn = z ? libdeflate_deflate_compress(a->c, from, n, z, bound) : 0;
    if (!zn) { free(z); a->failed = 1; return; } /* out of memory: the bytes stay */
    if (zn / ASIDE_WORTH > n / 16) { free(z); return; } /* not worth it: they stay */
    unsigned char *fit = realloc(z, zn);
    a->pieces[a->n++] = (aside_piece){.from = from, .n = n, .z = fit ? fit : z, .zn = zn};
    filing_release((void *)(uintptr_t)a->f, from, to);
}

int aside_restore(void *user, const char *from, const char *to)
{
    aside *a = user;
    int bad = 0;
    size_t keep = 0;
    for (size_t i = 0; i < a->n; i++) {
        aside_piece *p = &a->pieces[i];
        if (p->from < from || p->from + p->n > to) { a->pieces[keep++] = *p; continue; }
        if (!bad && !a->d && !(a->d = libdeflate_alloc_decompressor())) bad = 1;
        size_t got = 0;
        /* the pages given back read as zeros: written over, they are ours again */
        if (!bad && (libdeflate_deflate_decompress(a->d, p->z, p->zn, (void *)(uintptr_t)p->from, p->n, &got) !=
                         LIBDEFLATE_SUCCESS ||
                     got != p->n))
            bad = 1;
        free(p->z);
    }
    a->n = keep;
    return bad;
}

void aside_release(void *user, const char *from, const char *to)
{
    aside *a = user;
    filing_release((void *)(uintptr_t)a->f, from, to);
}

void aside_free(aside *a)
{
    for (size_t i = 0; i < a->n; i++) free(a->pieces[i].z);
    free(a->pieces);
    if (a->c) libdeflate_free_compressor(a->c);
    if (a->d) libdeflate_free_decompressor(a->d);
    memset(a, 0, sizeof *a);
}
