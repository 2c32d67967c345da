/* Whole filings for the commands that read what a filing says (text, items,
 * facts): those need a document's whole body at once, so a submission is
 * held in memory (a filing is at most tens of MB; a document at most
 * --max-document-size) and parsed whole.  A named file
 * with no EDGAR envelope (an .htm saved from EDGAR's folders) is read as one
 * bare document. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli.h"

int nothing_to_show(const char *name, int walked, const opts *o, sink *err, uint64_t offset,
                    const char *fmt, ...)
{
    if (walked) err->skipped++;
    if (walked && o->quiet) return 0;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sink_printf(err, "%s: %llu: %s%s%s\n", name, (unsigned long long)offset, walked ? "warning: " : "",
                msg, walked ? ", skipped" : "");
    return !walked;
}

void filing_release(void *user, const char *from, const char *to)
{
    const filing *f = user;
    long ps = sysconf(_SC_PAGESIZE); /* each time: workers call this at once */
    size_t page = ps > 0 ? (size_t)ps : 4096;
    /* only the unit's bytes, which each_filing's reader holds in memory of
     * its own (a file or member read, a pipe's buffer), never mapped */
    if (!f || !f->data || from < f->data || to > f->data + f->len || to <= from) return;
    uintptr_t a = ((uintptr_t)from + page - 1) & ~(uintptr_t)(page - 1);
    uintptr_t b = (uintptr_t)to & ~(uintptr_t)(page - 1);
    /* best effort: the pages stay ours if the system says no */
    if (b > a) (void)madvise((void *)a, b - a, MADV_DONTNEED);
}

/* Bytes that are no document a filing folder holds as HTML or text: a NUL
 * byte, or more than one byte in BINARY_SHARE of control characters other
 * than blanks and line ends, in the first BINARY_HEAD bytes.  (A gzip or
 * tar too short for libarchive, an image, a file of zeros.) */
enum { BINARY_HEAD = 8192, BINARY_SHARE = 32 };

int bare_is_binary(const char *p, size_t n)
{
    size_t head = n < BINARY_HEAD ? n : BINARY_HEAD, ctl = 0;
    for (size_t i = 0; i < head; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0) return 1;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) ||
            c == 0x7f)
            ctl++;
    }
    return head && ctl * BINARY_SHARE > head;
}

/*
 * --max-document-size.  A document whose decoded body is over the limit is
 * an error for that document: its text is not kept (a unit read in chunks
 * -- a file, a pipe, an archive member -- drops it as it goes by, once past
 * the limit: its size is not known before; bytes already in memory are not
 * converted), it stays in the filing's
 * list of documents with an empty body and `over` set, and the filing's
 * other documents are processed.  A unit that
 * is not stable is held one submission at a time, found by a stream
 * watching it go by; what a submission may hold whole is twice the limit
 * (SUBMISSION_LIMITS), so that many documents each under the limit cannot
 * run a pipe out of memory either.
 */
enum { TAIL_BYTES = 64 << 10 };

typedef struct gap {          /* a document's bytes not held: [from, to) */
    uint64_t from, to;
} gap;

typedef struct over_doc {     /* a document over the limit the stream saw */
    uint64_t offset, size;    /* of its <DOCUMENT> line; its decoded size */
} over_doc;

typedef struct feed {
    unit *u;
    const opts *o;
    sink *err;
    filing_fn fn;
    void *user;
    uint64_t limit;
    edgr_parser *ps;
    int failed, count;
    /* held: the bytes from `base` on, but those of `gaps` */
    edgr_buf buf;
    uint64_t base, done;      /* done: the stream offset held (or dropped) up to */
    const char *chunk;        /* the chunk being fed, at chunk_at */
    uint64_t chunk_at;
    size_t chunk_n;
    gap *gaps;
    size_t ngaps, gaps_cap;
    over_doc *overs;
    size_t novers, overs_cap;
    /* the document going by */
    int in_doc, cut;
    uint64_t doc_at, doc_size, text_at;
    /* the last bytes dropped (TAIL_BYTES), which a document's text may
     * end before (the stream hands out a text's last bytes when it sees
     * </TEXT>), or the next submission begin in: the stream says a
     * submission ended once it knows what follows is no copy of it
     * (docs/design.md, "Identical repeats"): up to 4 KiB later */
    char *tail;
    size_t tail_n;
    uint64_t tail_end;        /* the stream offset the tail ends at: the tail
                                 is the bytes before `done` only when this is
                                 `done` (bytes dropped without it, or a tail
                                 left from an earlier document, are not) */
    int seen;                 /* a header or a document since `base`        */
    int whole_over;           /* the submission passed what may be held:
                                 1 (said), 2 (no submission seen yet: a bare
                                 document over the limit, said at the end) */
    int nomem;
    /* the stream's "repeated N times" warning of the submission being
     * processed, whose copies were dropped (w_submission_end) */
    int has_rep;
    edgr_diag rep;
    char rep_msg[256];
} feed;

static void report_over(feed *f, uint64_t offset, int64_t seq, const char *filename, size_t fn_len,
                        uint64_t size, int at_least)
{
    if (seq < 0 && !fn_len) /* a bare document, or one with no sequence or name */
        sink_printf(f->err, "%s: %llu: the document is %s%llu bytes, over --max-document-size (%llu)\n",
                    f->u->name, (unsigned long long)offset, at_least ? "more than " : "",
                    (unsigned long long)size, (unsigned long long)f->limit);
    else
        sink_printf(f->err, "%s: %llu: document %lld (%.*s) is %s%llu bytes, over --max-document-size (%llu)\n",
                    f->u->name, (unsigned long long)offset, (long long)seq, (int)fn_len, fn_len ? filename : "",
                    at_least ? "more than " : "", (unsigned long long)size, (unsigned long long)f->limit);
    f->failed = 1;
}

static uint64_t doc_size(const edgr_document *d)
{
    return d->decoded_size >= 0 ? (uint64_t)d->decoded_size : d->body.len;
}

/* What a submission may hold (the text of documents over the limit not
 * counted). */
static uint64_t submission_cap(const feed *f)
{
    return submission_limit(f->limit);
}

static void say_too_large(feed *f, uint64_t offset)
{
    sink_printf(f->err, "%s: %llu: a submission of more than %llu bytes (twice --max-document-size) is not held whole: skipped\n",
                f->u->name, (unsigned long long)offset, (unsigned long long)submission_cap(f));
    f->failed = 1;
}

/* The bytes of documents over the limit not held (the gaps). */
static uint64_t dropped_before(const feed *f)
{
    uint64_t d = 0;
    for (size_t i = 0; i < f->ngaps; i++) d += f->gaps[i].to - f->gaps[i].from;
    return d;
}

/* A parsed offset (of bytes held, the gaps taken out) as the unit's. */
static uint64_t unit_offset(const feed *f, uint64_t at)
{
    uint64_t shift = 0;
    for (size_t j = 0; j < f->ngaps; j++)
        if (at + shift > f->gaps[j].from) shift += f->gaps[j].to - f->gaps[j].from;
    return at + shift;
}

/* The filing's documents with the unit's offsets; those over the limit
 * (the stream's, whose text was dropped as it went by, and a stable unit's,
 * reported here) with an empty body and flagged in over[].  NULL when out
 * of memory. */
static edgr_document *filing_docs(feed *f, const edgr_submission *s, unsigned char **over, edgr_diag **diags,
                                  size_t *ndiags)
{
    size_t n = s->doc_count, nd = s->diag_count + (size_t)f->has_rep;
    edgr_document *docs = calloc(n ? n : 1, sizeof *docs);
    unsigned char *flags = calloc(n ? n : 1, 1);
    edgr_diag *dg = nd ? malloc(nd * sizeof *dg) : NULL;
    if (!docs || !flags || (nd && !dg)) {
        free(docs);
        free(flags);
        free(dg);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        edgr_document *d = &docs[i];
        *d = s->docs[i];
        d->offset = unit_offset(f, d->offset);
        d->end = unit_offset(f, d->end);
        d->text_offset = unit_offset(f, d->text_offset);
        d->body_offset = unit_offset(f, d->body_offset);
        for (size_t g = 0; g < f->novers; g++)
            if (f->overs[g].offset == d->offset) {
                flags[i] = 1;
                d->decoded_size = (int64_t)f->overs[g].size;
            }
        if (!flags[i] && doc_size(d) > f->limit) {
            report_over(f, d->offset, d->sequence, d->filename.ptr, d->filename.len, doc_size(d), 0);
            flags[i] = 1;
        }
        if (flags[i]) d->body = d->text = (edgr_span){"", 0};
    }
    for (size_t i = 0; i < s->diag_count; i++) {
        dg[i] = s->diags[i];
        dg[i].offset = unit_offset(f, dg[i].offset);
    }
    /* after the others: its offset (the first copy's) is past them all */
    if (f->has_rep) dg[s->diag_count] = f->rep;
    f->has_rep = 0; /* the first submission's alone */
    *over = flags;
    *diags = dg;
    *ndiags = nd;
    return docs;
}

/* Parse the bytes held and call fn for each submission in them. */
static void process(feed *f, const char *data, size_t len, uint64_t base)
{
    size_t at = 0;
    while (at < len || (len == 0 && f->count == 0)) {
        const edgr_submission *s = NULL;
        size_t used = 0;
        edgr_status st = edgr_parse(f->ps, data + at, len - at, base + at, EDGR_PARSE_DECODE, &s, &used);
        if (st == EDGR_ERR_EMPTY) {
            if (f->count == 0) { /* said once: a later call with nothing held says no more */
                sink_printf(f->err, "%s: 0: empty input\n", f->u->name);
                f->failed = 1;
                f->count++;
            }
            break;
        }
        if (st == EDGR_ERR_NOT_EDGAR && f->count == 0 && !f->u->walked) {
            /* a bare document: HTML or text, not binary data */
            if (bare_is_binary(data, len)) {
                sink_printf(f->err, "%s: 0: not an EDGAR submission or document (binary data)\n", f->u->name);
                f->failed = 1;
                break;
            }
            filing fl = {.name = f->u->name, .src = unit_json_source(f->u), .sub = NULL, .data = data,
                         .len = len, .walked = f->u->walked};
            edgr_document_bare(data, len, &fl.bare);
            fl.docs = &fl.bare;
            fl.doc_count = 1;
            if (len > f->limit) {
                report_over(f, 0, fl.bare.sequence, fl.bare.filename.ptr, fl.bare.filename.len, len, 0);
            } else if (f->fn(f->user, &fl)) f->failed = 1;
            f->count++;
            break;
        }
        if (st == EDGR_ERR_NOMEM) {
            sink_printf(f->err, "%s: %llu: out of memory\n", f->u->name, (unsigned long long)(base + at));
            f->failed = 1;
            break;
        }
        if (s) {
            size_t n = s->doc_count;
            unsigned char *over = NULL;
            edgr_diag *diags = NULL;
            size_t ndiags = 0;
            edgr_document *docs = filing_docs(f, s, &over, &diags, &ndiags);
            if (!docs) {
                sink_printf(f->err, "%s: %llu: out of memory\n", f->u->name, (unsigned long long)s->offset);
                f->failed = 1;
                break;
            }
            /* what holding it whole takes, as a pipe holds it (the text of
             * documents over the limit not counted): a pipe and a file
             * give the same */
            uint64_t held = s->end - s->offset;
            for (size_t j = 0; j < n; j++)
                if (over[j]) held -= s->docs[j].text.len < held ? s->docs[j].text.len : held;
            if (held > submission_cap(f)) {
                say_too_large(f, s->offset);
                free(docs);
                free(over);
                free(diags);
                docs = NULL;
            }
            /* The filing is handed out as the parser's submission itself
             * (the library finds its header model through that pointer: a
             * copy would not do), its documents, diagnostics and end those
             * of the unit for the time of the call, then put back.  The
             * parser's struct is no const object: only handed out as one. */
            edgr_submission *sw = (edgr_submission *)(uintptr_t)s, keep = *s;
            if (!docs) goto next; /* too large to hold: said */
            sw->end += dropped_before(f);
            sw->docs = docs;
            sw->doc_count = n;
            if (diags) sw->diags = diags;
            sw->diag_count = ndiags;
            if (submission_failed(f->u, s, f->err, f->o->quiet)) f->failed = 1;
            if (s->container != EDGR_C_NONE) {
                filing fl = {.name = f->u->name, .src = unit_json_source(f->u), .sub = s, .docs = docs,
                             .doc_count = n, .over = over, .data = data, .len = len,
                             .walked = f->u->walked};
                if (f->fn(f->user, &fl)) f->failed = 1;
            }
            sw->end = keep.end;
            sw->docs = keep.docs;
            sw->doc_count = keep.doc_count;
            sw->diags = keep.diags;
            sw->diag_count = keep.diag_count;
            free(docs);
            free(over);
            free(diags);
        }
    next:
        f->count++;
        f->ngaps = f->novers = 0; /* they belonged to the first submission */
        if (st != EDGR_OK || used == 0) break;
        at += used;
    }
}

/* Append one item of `size` bytes to a growing array. */
static int push(void *items_at, size_t *n, size_t *cap, const void *item, size_t size)
{
    char *items;
    memcpy(&items, items_at, sizeof items);
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        char *d = realloc(items, nc * size);
        if (!d) return -1;
        items = d;
        memcpy(items_at, &items, sizeof items);
        *cap = nc;
    }
    memcpy(items + *n * size, item, size);
    (*n)++;
    return 0;
}

static int hold(feed *f, const char *p, size_t n)
{
    if (f->buf.len + n > f->buf.cap) {
        size_t cap = f->buf.cap ? f->buf.cap : 65536;
        while (cap < f->buf.len + n) cap = cap > SIZE_MAX / 2 ? f->buf.len + n : cap * 2;
        char *d = realloc(f->buf.data, cap);
        if (!d) return -1;
        f->buf.data = d;
        f->buf.cap = cap;
    }
    memcpy(f->buf.data + f->buf.len, p, n);
    f->buf.len += n;
    return 0;
}

/* Keep the last TAIL_BYTES of the bytes before `done` and of p[0..n) (the
 * bytes from `done` on, not held) in the tail. */
static void keep_tail(feed *f, const char *p, size_t n)
{
    if (!f->tail && !(f->tail = malloc(TAIL_BYTES))) {
        f->tail_n = 0; /* no tail: tail_end stays behind, so none is used */
        return;
    }
    if (f->tail_end != f->done) { /* the bytes before `done` were held: the tail starts from them */
        size_t k0 = f->buf.len < TAIL_BYTES ? f->buf.len : TAIL_BYTES;
        memcpy(f->tail, f->buf.data + f->buf.len - k0, k0);
        f->tail_n = k0;
    }
    size_t k = n < TAIL_BYTES ? n : TAIL_BYTES;
    size_t keep = f->tail_n + k > TAIL_BYTES ? TAIL_BYTES - k : f->tail_n;
    memmove(f->tail, f->tail + f->tail_n - keep, keep);
    memcpy(f->tail + keep, p + (n - k), k);
    f->tail_n = keep + k;
    f->tail_end = f->done + n;
}

/* Hold the chunk's bytes up to stream offset `to` -- or drop them, inside
 * a document over the limit or a submission too large to hold, keeping
 * their last bytes in the tail. */
static void catch_up(feed *f, uint64_t to)
{
    uint64_t end = f->chunk_at + f->chunk_n;
    if (to > end) to = end;
    if (to <= f->done) return;
    size_t n = (size_t)(to - f->done);
    const char *p = f->chunk + (f->done - f->chunk_at);
    if (!(f->cut || f->whole_over || f->nomem)) {
        /* A backstop only: whether a submission is too large is judged at
         * its end, on the bytes it holds (w_submission_end), which do not
         * depend on how the input was cut into chunks.  Here: the cap, the
         * text of the document going by (it may yet be dropped) and the
         * bytes the stream holds back; before any header, the limit or
         * the 64 MB a header may take.  A submission that passes it is
         * said at its end, as one judged there is: where the backstop
         * trips depends on the reads' sizes. */
        uint64_t cap = submission_cap(f), most;
        if (!f->seen) most = f->limit > ((uint64_t)64 << 20) ? f->limit : (uint64_t)64 << 20;
        else most = cap > UINT64_MAX - f->limit - TAIL_BYTES ? UINT64_MAX : cap + f->limit + TAIL_BYTES;
        if (f->buf.len + n > most) {
            f->whole_over = f->seen ? 1 : 2;
        } else if (hold(f, p, n) == 0) {
            f->done = to;
            return;
        } else {
            f->nomem = 1;
            sink_printf(f->err, "%s: %llu: out of memory\n", f->u->name, (unsigned long long)f->base);
            f->failed = 1;
        }
    }
    keep_tail(f, p, n); /* dropped */
    f->done = to;
}

static int w_header(void *user, const edgr_submission *s)
{
    (void)s;
    ((feed *)user)->seen = 1;
    return 0;
}

static int w_doc_begin(void *user, const edgr_document *d)
{
    feed *f = user;
    f->seen = 1;
    f->in_doc = 1;
    f->cut = 0;
    f->doc_at = d->offset;
    f->doc_size = 0;
    f->text_at = d->text_offset;
    return 0;
}

static int w_doc_data(void *user, const edgr_document *d, const char *p, size_t n)
{
    (void)d;
    (void)p;
    feed *f = user;
    f->doc_size += n;
    if (f->cut || f->doc_size <= f->limit) return 0;
    /* over the limit: its text goes (what is held of it, and the rest as it
     * goes by); its <DOCUMENT> lines stay, so the parser still sees it */
    f->text_at = d->text_offset;
    if (f->text_at >= f->done) catch_up(f, f->text_at);
    uint64_t below = f->base + dropped_before(f); /* where buf's bytes start, in the stream */
    if (f->text_at < f->done && f->text_at >= below && !f->whole_over && !f->nomem) {
        /* held already: dropped, its last bytes kept as the tail */
        uint64_t at64 = f->text_at - below;
        size_t at = at64 < f->buf.len ? (size_t)at64 : f->buf.len, k = f->buf.len - at;
        if (k > TAIL_BYTES) k = TAIL_BYTES;
        if (!f->tail) f->tail = malloc(TAIL_BYTES);
        if (!f->tail) k = 0;
        if (k) memcpy(f->tail, f->buf.data + f->buf.len - k, k);
        f->tail_n = k;
        f->tail_end = f->tail ? f->done : 0; /* the bytes before `done`; or none to use */
        f->buf.len = at;
    }
    f->cut = 1;
    return 0;
}

static int w_doc_end(void *user, const edgr_document *d)
{
    feed *f = user;
    f->in_doc = 0;
    if (!f->cut) return 0;
    /* the text ends here: what follows is held again (the bytes dropped
     * after it, within the last few, from the tail) */
    uint64_t end = d->text_offset + d->text.len;
    catch_up(f, end);
    f->cut = 0;
    if (end < f->done && f->done - end <= f->tail_n && f->tail_end == f->done && !f->whole_over && !f->nomem &&
        hold(f, f->tail + f->tail_n - (size_t)(f->done - end), (size_t)(f->done - end))) {
        f->nomem = 1;
        f->failed = 1;
    }
    over_doc od = {.offset = f->doc_at, .size = doc_size(d) > f->doc_size ? doc_size(d) : f->doc_size};
    report_over(f, od.offset, d->sequence, d->filename.ptr, d->filename.len, od.size, 0);
    gap g = {f->text_at, end};
    if (push(&f->overs, &f->novers, &f->overs_cap, &od, sizeof od) ||
        push(&f->gaps, &f->ngaps, &f->gaps_cap, &g, sizeof g)) {
        f->nomem = 1;
        f->failed = 1;
    }
    if (end > f->done) f->done = end;
    return 0;
}

static int w_submission_end(void *user, const edgr_submission *s)
{
    feed *f = user;
    /* Byte-for-byte copies of it may follow, which the stream skipped
     * (s->repeat_end): their bytes are dropped here and its EDGR_D_REPEATED
     * warning kept for the submission's diagnostics, so a pipe says what a
     * file parsed whole says, once.  (Left in, the copies would be parsed
     * as the next submission: the gaps of its documents over the limit make
     * them no copies to the whole parser.) */
    uint64_t resume = s->repeat_end > s->end ? s->repeat_end : s->end;
    catch_up(f, resume);
    f->has_rep = 0;
    for (size_t i = 0; i < s->diag_count && resume > s->end; i++)
        if (s->diags[i].code == EDGR_D_REPEATED) {
            snprintf(f->rep_msg, sizeof f->rep_msg, "%s", s->diags[i].message);
            f->rep = s->diags[i];
            f->rep.message = f->rep_msg;
            f->has_rep = 1;
        }
    /* the stream may say so only after it saw bytes past the end: those
     * held (or dropped, then in the tail) are the next submission's */
    size_t next_n = 0, own_n = 0; /* own_n: the submission's bytes held */
    int lost = 0;                 /* bytes after it neither held nor in the tail */
    const char *next = NULL;
    int held = !f->whole_over && !f->nomem, in_buf = held;
    if (held) {
        uint64_t end_at = s->end - f->base - dropped_before(f); /* s->end in buf */
        own_n = end_at < f->buf.len ? (size_t)end_at : f->buf.len;
    }
    if (resume < f->done) {
        next_n = (size_t)(f->done - resume);
        if (held) {
            uint64_t at = resume - f->base - dropped_before(f); /* resume in buf */
            next_n = at < f->buf.len ? f->buf.len - (size_t)at : 0;
            next = f->buf.data + f->buf.len - next_n;
        } else if (next_n <= f->tail_n && f->tail_end == f->done) next = f->tail + f->tail_n - next_n;
        else { /* held back longer than the tail (a near copy of a huge one) */
            sink_printf(f->err, "%s: %llu: the first %zu bytes after a submission too large to hold are lost\n",
                        f->u->name, (unsigned long long)resume, next_n);
            f->failed = 1;
            next_n = 0;
            lost = 1;
        }
    }
    if (f->whole_over == 2) { /* met no header before the limit: never held */
        sink_printf(f->err, "%s: %llu: a submission whose header passes --max-document-size (%llu): skipped\n",
                    f->u->name, (unsigned long long)f->base, (unsigned long long)f->limit);
        f->failed = 1;
    } else if (f->whole_over == 1 || (held && own_n > submission_cap(f))) {
        say_too_large(f, f->base);
        held = 0;
    }
    if (held) process(f, f->buf.data ? f->buf.data : "", own_n, f->base);
    else f->count++; /* a submission, skipped (said) */
    if (in_buf && next_n) {
        memmove(f->buf.data, next, next_n);
        f->buf.len = next_n;
    } else {
        f->buf.len = 0;
        if (next_n && hold(f, next, next_n)) f->nomem = 1;
    }
    f->base = resume;
    if (f->done < resume) f->done = resume;
    if (lost) f->base = f->done; /* said: what is held starts here */
    f->has_rep = 0;
    f->ngaps = f->novers = 0;
    f->whole_over = f->seen = 0;
    if (f->nomem) { /* the next submission's first bytes are lost: said */
        sink_printf(f->err, "%s: %llu: out of memory\n", f->u->name, (unsigned long long)s->end);
        f->failed = 1;
        f->nomem = 0;
    }
    f->tail_n = 0;
    f->tail_end = f->done;
    return 0;
}

int each_filing(unit *u, const opts *o, sink *err, filing_fn fn, void *user)
{
    feed f = {.u = u, .o = o, .err = err, .fn = fn, .user = user, .limit = max_document(o)};
    f.ps = edgr_parser_new();
    if (!f.ps) { sink_printf(err, "%s: 0: out of memory\n", u->name); return 1; }
    const char *p, *run = NULL; /* a stable unit's bytes, where they lie */
    size_t n, run_n = 0;
    char msg[256] = "";
    int r;
    edgr_stream *st = NULL;
    edgr_status sst = EDGR_OK;
    while ((r = u->next(u, &p, &n, msg, sizeof msg)) == 1) {
        /* a stable unit whose chunks follow each other in memory (bytes in
         * memory: an archive member ingest read) is parsed where it lies,
         * without a copy */
        if (u->stable && !st && (!run || p == run + run_n)) {
            if (!run) run = p;
            run_n += n;
            continue;
        }
        if (!st) {
            edgr_callbacks cb = EDGR_CALLBACKS_INIT;
            cb.header = w_header;
            cb.doc_begin = w_doc_begin;
            cb.doc_data = w_doc_data;
            cb.doc_end = w_doc_end;
            cb.submission_end = w_submission_end;
            if (!(st = edgr_stream_new(&cb, &f, 0))) { f.nomem = 1; break; }
            if (run) { /* stable bytes met first: fed as a chunk */
                f.chunk = run;
                f.chunk_n = run_n;
                sst = edgr_stream_feed(st, run, run_n);
                catch_up(&f, run_n);
                f.chunk_at = run_n;
                run = NULL;
            }
        }
        f.chunk = p;
        f.chunk_n = n;
        if (sst == EDGR_OK) sst = edgr_stream_feed(st, p, n);
        catch_up(&f, f.chunk_at + n);
        f.chunk_at += n;
        f.chunk = NULL;
        f.chunk_n = 0;
    }
    if (r < 0) {
        sink_printf(err, "%s: %llu: %s\n", u->name, (unsigned long long)(st ? f.chunk_at : run_n), msg);
        f.failed = 1;
    } else if (f.nomem && !st) {
        sink_printf(err, "%s: 0: out of memory\n", u->name);
        f.failed = 1;
    } else if (!st) {
        process(&f, run ? run : "", run_n, 0);
    } else {
        if (sst == EDGR_OK) sst = edgr_stream_finish(st); /* the last submission's end */
        if (f.cut) /* the input ended inside a document over the limit */
            report_over(&f, f.doc_at, -1, "", 0, f.doc_size, 1);
        else if (f.whole_over == 2) /* a bare document (or bytes after the last submission) */
            report_over(&f, f.base, -1, "", 0, f.chunk_at - f.base, 0);
        else if (!f.whole_over && !f.nomem && (f.buf.len || f.count == 0))
            process(&f, f.buf.data ? f.buf.data : "", f.buf.len, f.base);
        if (f.whole_over == 1) say_too_large(&f, f.base); /* no end seen: said here */
    }
    edgr_stream_free(st);
    edgr_parser_free(f.ps);
    edgr_buf_free(&f.buf);
    free(f.gaps);
    free(f.overs);
    free(f.tail);
    return f.failed;
}
