/* A document's text: dispatch on its format, cite file offsets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "charset.h"
#include "entities.h"
#include "sink.h"

/* One character reference at p ('&'): its UTF-8 in out (*outn bytes);
 * returns the bytes it took, or 0 when p starts none.  Read as the HTML
 * reader reads them (entities.h): &#146; is Windows-1252's right quote; a
 * no-break space is a space. */
static size_t char_ref(const char *p, size_t n, char out[8], size_t *outn)
{
    if (n < 3) return 0;
    if (p[1] == '#') {
        unsigned cp;
        size_t k = entity_numeric(p + 1, n - 1, &cp);
        if (!k) return 0;
        *outn = utf8_encode(cp == 0xA0 ? ' ' : cp, out);
        return 1 + k;
    }
    const char *v;
    size_t vn;
    size_t k = entity_match(p + 1, n - 1, &v, &vn);
    if (!k || vn > 8) return 0;
    if (vn == 2 && (unsigned char)v[0] == 0xC2 && (unsigned char)v[1] == 0xA0) {
        out[0] = ' ';
        *outn = 1;
    } else {
        memcpy(out, v, vn);
        *outn = vn;
    }
    return 1 + k;
}

/*
 * A stripped document (edgr_document.stripped) is HTML's text with the tags
 * gone: its character references (&nbsp; &#8217; &amp;) are still to be
 * read, or "Item&#160;1." is no heading.  They are decoded into a copy (in
 * UTF-8), which the plain-text reader then reads; anchors are mapped back
 * to the body through the start of each line, where they sit.
 */
/* A large copy is mapped rather than allocated, so that the plain-text
 * reader can give its pages back as it goes (own_release): the copy is as
 * large as the document, and with its text it would be held twice. */
#define STRIPPED_MAP_MIN ((size_t)256 << 10)

static void own_release(void *user, const char *from, const char *to)
{
    (void)user;
    long ps = sysconf(_SC_PAGESIZE);
    size_t page = ps > 0 ? (size_t)ps : 4096;
    uintptr_t a = ((uintptr_t)from + page - 1) & ~(uintptr_t)(page - 1), b = (uintptr_t)to & ~(uintptr_t)(page - 1);
    if (b > a) (void)madvise((void *)a, b - a, MADV_DONTNEED);
}

static void copy_free(char *c, size_t size, int mapped)
{
    if (mapped) munmap(c, size);
    else free(c);
}

static edgr_status stripped_text(const char *p, size_t n, edgr_charset cs,
                                 const edgr_text_options *opt, edgr_text *out, text_writer *wr)
{
    if (n > SIZE_MAX / 3 - 1) return EDGR_ERR_NOMEM;
    size_t csize = n * 3 + 1;
    char *c = NULL;
    int mapped = 0;
    if (csize >= STRIPPED_MAP_MIN) {
        void *m = mmap(NULL, csize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m != MAP_FAILED) c = m, mapped = 1;
    }
    if (!c) c = malloc(csize);
    size_t lines_cap = 0, nl = 0;
    size_t (*lines)[2] = NULL; /* copy, body */
    if (!c || arr_reserve(&lines, &lines_cap, 1024, sizeof *lines, 0)) {
        copy_free(c, csize, mapped);
        free(lines);
        return EDGR_ERR_NOMEM;
    }
    size_t w = 0;
    int at_start = 1;
    /* the body is read once, here: its bytes can go as the copy is made;
     * the plain-text reader reads the copy, ours (told nothing) */
    text_release rel = text_release_of(opt, p);
    edgr_text_options own = EDGR_TEXT_OPTIONS_INIT; /* the caller's, but the release */
    if (opt) memcpy(&own, opt, opt->struct_size < sizeof own ? opt->struct_size : sizeof own);
    own.struct_size = sizeof own;
    own.release = mapped ? own_release : NULL; /* the copy's pages, ours */
    own.release_user = NULL;
    for (size_t i = 0; i < n;) {
        text_release_upto(&rel, p + i);
        if (at_start) {
            if (arr_reserve(&lines, &lines_cap, nl + 1, sizeof *lines, 0)) {
                copy_free(c, csize, mapped);
                free(lines);
                return EDGR_ERR_NOMEM;
            }
            lines[nl][0] = w;
            lines[nl][1] = i;
            nl++;
            at_start = 0;
        }
        unsigned char ch = (unsigned char)p[i];
        if (ch == '&') {
            char u[8];
            size_t un = 0, k = char_ref(p + i, n - i, u, &un);
            if (k) {
                memcpy(c + w, u, un);
                w += un;
                i += k;
                continue;
            }
        }
        if (ch == '\n' || ch == '\r') at_start = 1;
        if (ch >= 0x80 && cs == EDGR_CS_CP1252) w += cp1252_to_utf8(ch, c + w);
        else c[w++] = (char)ch;
        i++;
    }
    edgr_status st = plain_to_text_w(c, w, cs == EDGR_CS_CP1252 ? EDGR_CS_UTF8 : cs, &own, out, wr);
    size_t j = 0;
    for (size_t a = 0; a < out->anchor_count; a++) {
        size_t src = out->anchors[a].src;
        while (j + 1 < nl && lines[j + 1][0] <= src) j++;
        while (j > 0 && lines[j][0] > src) j--;
        out->anchors[a].src = nl ? lines[j][1] + (src - lines[j][0]) : src;
        if (out->anchors[a].src > n) out->anchors[a].src = n;
    }
    copy_free(c, csize, mapped);
    free(lines);
    return st;
}

static edgr_status document_text(const edgr_document *d, const edgr_text_options *opt, edgr_text *out,
                                 text_writer *w)
{
    if (!d || !out || (opt && opt->struct_size < TEXT_OPTIONS_MIN_SIZE)) return EDGR_ERR_ARG;
    const char *p = d->body.ptr;
    size_t n = d->body.len;
    edgr_charset cs = d->charset;
    if (cs == EDGR_CS_UNKNOWN && (d->format == EDGR_FMT_HTML || d->format == EDGR_FMT_TEXT))
        cs = charset_detect(p, n);
    edgr_status st;
    if (d->format == EDGR_FMT_HTML) st = html_to_text_w(p, n, cs, opt, out, w);
    else if (d->format == EDGR_FMT_TEXT && d->stripped) st = stripped_text(p, n, cs, opt, out, w);
    else if (d->format == EDGR_FMT_TEXT) st = plain_to_text_w(p, n, cs, opt, out, w);
    else {
        edgr_buf b = text_as_buf(out);
        out->anchor_count = 0;
        text_finish(out, &b, 0);
        return EDGR_ERR_ARG;
    }
    for (size_t i = 0; i < out->anchor_count; i++) out->anchors[i].src += d->body_offset;
    out->src_end = d->body_offset + n;
    return st;
}

edgr_status edgr_document_text(const edgr_document *d, const edgr_text_options *opt, edgr_text *out)
{
    return document_text(d, opt, out, NULL);
}

edgr_status edgr_document_text_write(const edgr_document *d, const edgr_text_options *opt, edgr_text *out,
                                     edgr_write_fn write, void *user)
{
    if (!write) return EDGR_ERR_ARG;
    text_writer w = {.fn = write, .user = user};
    edgr_status st = document_text(d, opt, out, &w);
    /* the tail not handed out yet (all of the text when it was short) */
    if (!w.failed && out->len && write(user, out->data, out->len)) w.failed = 1;
    if (w.failed) return EDGR_ERR_ABORTED;
    return st;
}
