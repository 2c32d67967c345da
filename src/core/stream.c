/*
 * Streaming: the splitter over a sliding window, and per document a small
 * pipeline that turns raw text into decoded body bytes without ever holding a
 * whole document:
 *
 *   sniff   keep the first bytes until the format is known (wrapper line,
 *           uuencode "begin" line, markup)
 *   unwrap  hold back the last short line, which may be </XML> & co.
 *   decode  uudecode line by line, or count charset evidence as bytes pass
 */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "parser.h"
#include "scan.h"
#include "split.h"
#include "uudecode.h"

enum { SNIFF_MAX = 8192, SNIFF_LEAD_MAX = 1 << 20, HOLD_SHORT = 16, UU_LINE_MAX = 1024,
       OUT_CHUNK = 65536 };

struct edgr_stream {
    splitter split;
    edgr_callbacks cb;
    void *user;
    edgr_buf win;
    uint64_t win_off;
    int finished;

    /* the document in flight */
    edgr_document *doc;
    int sniffing;           /* the format is not known yet          */
    edgr_buf head;          /* sniffed bytes                          */
    size_t sniff_pos;       /* how far the head has been scanned      */
    size_t sniff_lines;     /* non-blank lines seen in it             */
    int sniff_nonblank;     /* the current line has a non-blank byte  */
    int sniff_blank;        /* the head is all blanks so far          */
    size_t sniff_lead;      /* length of its leading blanks           */
    const char *close_tag;  /* wrapper's closing line, or NULL        */
    edgr_buf hold;          /* unwrap: bytes that may precede it      */
    int uu, uu_begun;       /* uudecoding; "begin" line passed        */
    uu_state us;
    edgr_buf uuline;        /* partial uuencoded line                 */
    uint64_t uuline_at;     /* its offset in the body                 */
    int uu_skip_eol;        /* dropping the rest of an over-long line */
    uint64_t uu_bad_at;     /* body offset of the first bad line      */
    size_t hold_ws;         /* trailing blanks of hold already seen   */
    edgr_buf out;           /* decoded bytes for the callback         */
    int ascii, utf8_bad;
    unsigned char u8carry[4];
    size_t u8n;
    int aborted;
    edgr_status status;     /* what feed/finish return once finished  */
};

static int user_rc(edgr_stream *st, int rc)
{
    if (rc) st->aborted = 1;
    return rc;
}

/* An allocation failed inside a hook: the splitter stops with NOMEM (a bare
 * -1 from a hook reads as a callback's stop). */
static int oom(edgr_stream *st)
{
    if (!st->split.err) st->split.err = EDGR_ERR_NOMEM;
    return -1;
}

static int emit_decoded(edgr_stream *st, const char *p, size_t n)
{
    if (!n) return 0;
    st->doc->decoded_size += (int64_t)n;
    if (st->cb.doc_data) return user_rc(st, st->cb.doc_data(st->user, st->doc, p, n));
    return 0;
}

/* Charset evidence for text bodies, carried across chunk boundaries. */
static void charset_feed(edgr_stream *st, const char *p, size_t n)
{
    if (st->utf8_bad || !n) return;
    if (st->ascii && !st->u8n && scan_is_ascii(p, n)) return;
    st->ascii = 0;
    size_t i = 0;
    while (st->u8n && i < n) {
        /* complete the sequence cut by the previous chunk */
        st->u8carry[st->u8n++] = (unsigned char)p[i++];
        size_t ok = utf8_valid_prefix((const char *)st->u8carry, st->u8n);
        if (ok == st->u8n) st->u8n = 0;
        else if (st->u8n == 4 || ok > 0) {
            st->utf8_bad = 1;
            return;
        }
    }
    size_t ok = utf8_valid_prefix(p + i, n - i);
    if (ok == n - i) return;
    size_t rest = n - i - ok;
    if (rest < 4) {
        /* maybe a sequence cut at the end of the chunk */
        unsigned char c = (unsigned char)p[i + ok];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (need > rest) {
            memcpy(st->u8carry, p + i + ok, rest);
            st->u8n = rest;
            return;
        }
    }
    st->utf8_bad = 1;
}

static void uu_note_bad(edgr_stream *st, uint64_t at)
{
    if (!st->us.bad) st->uu_bad_at = at;
    st->us.bad++;
}

/* Decode uuencoded body bytes [p, p+n), which start at body offset `at`.
 * Complete lines are decoded in place; a line cut by the chunk is carried
 * (at most UU_LINE_MAX bytes: longer is not uuencode, and the rest of it is
 * skipped, never read as the start of a new line). */
static int uu_feed(edgr_stream *st, const char *p, size_t n, uint64_t at, int final)
{
    while ((n || final) && !st->us.done) {
        if (st->uu_skip_eol) {
            size_t k = 0;
            while (k < n && p[k] != '\n' && p[k] != '\r') k++;
            if (k == n) return 0;
            st->uu_skip_eol = 0;
            p += k;
            n -= k;
            at += k;
            continue; /* the line break itself ends an empty line */
        }
        const char *src = p;
        size_t len = n;
        uint64_t src_at = at;
        if (st->uuline.len) {
            /* complete the carried line (it holds exactly one line) */
            char last = st->uuline.data[st->uuline.len - 1];
            size_t take = 0;
            int complete = 0;
            if (last == '\r') {
                if (!n && !final) return 0; /* a \n may still follow */
                take = n && p[0] == '\n';
                complete = 1;
            } else {
                while (take < n && p[take] != '\n' && p[take] != '\r') take++;
                if (take < n) {
                    complete = 1;
                    take += 1 + (p[take] == '\r' && take + 1 < n && p[take + 1] == '\n');
                }
            }
            if (st->uuline.len + take > UU_LINE_MAX) {
                /* as uu_decode judges it: a zero-count line is skipped, not bad */
                if (((unsigned char)st->uuline.data[0] - 32) & 63) uu_note_bad(st, st->uuline_at);
                st->uuline.len = 0;
                st->uu_skip_eol = 1;
                continue;
            }
            if (buf_append(&st->uuline, p, take, UU_LINE_MAX)) return oom(st);
            p += take;
            n -= take;
            at += take;
            if (!complete && !final) return 0;
            src = st->uuline.data;
            len = st->uuline.len;
            src_at = st->uuline_at;
        }
        size_t used = 0;
        if (buf_reserve(&st->out, OUT_CHUNK, SIZE_MAX)) return oom(st);
        int whole_line = src == st->uuline.data;
        uint64_t bad_before = st->us.bad;
        size_t w = uu_decode(src, len, final || whole_line, st->out.data, st->out.cap, &st->us,
                             &used);
        if (!bad_before && st->us.bad) st->uu_bad_at = src_at + st->us.first_bad;
        if (emit_decoded(st, st->out.data, w)) return -1;
        if (whole_line) {
            st->uuline.len = 0;
            if (final && !n) break;
            continue;
        }
        p += used;
        n -= used;
        at += used;
        if (n && !st->us.done && used == 0) {
            /* an incomplete last line: carry it, or skip a monster */
            if (n > UU_LINE_MAX) {
                if (((unsigned char)p[0] - 32) & 63) uu_note_bad(st, at);
                st->uu_skip_eol = 1;
                continue;
            }
            if (buf_append(&st->uuline, p, n, UU_LINE_MAX)) return oom(st);
            st->uuline_at = at;
            return 0;
        }
        if (final && !n) break;
    }
    return 0;
}

/* Body bytes (after unwrapping) go to the decoder. */
static int body_bytes(edgr_stream *st, const char *p, size_t n)
{
    if (!n) return 0;
    uint64_t at = st->doc->body.len; /* body offset of p[0] */
    st->doc->body.len += n;
    if (!st->uu) {
        charset_feed(st, p, n);
        return emit_decoded(st, p, n);
    }
    if (!st->uu_begun) {
        /* the "begin" line is in the head: skip it */
        const char *name;
        size_t nl;
        size_t skip = uu_begin(p, n, &name, &nl);
        st->uu_begun = 1;
        p += skip;
        n -= skip;
        at += skip;
    }
    return uu_feed(st, p, n, at, 0);
}

enum { HOLD_WS_MAX = 1 << 20, HOLD_SCAN_MAX = 4096 };

/* Unwrapping: everything but the tail that could be "\n  </XML>  \n".  The
 * tail kept is the last non-blank line when it is short, with the line break
 * before it and the blanks after it; blanks are remembered (hold_ws) so
 * that a run of them is not rescanned at every chunk. */
static int unwrap_bytes(edgr_stream *st, const char *p, size_t n)
{
    if (!st->close_tag) return body_bytes(st, p, n);
    if (!n) return 0;
    size_t k = n;
    while (k && sc_is_space((unsigned char)p[k - 1])) k--;
    if (buf_append(&st->hold, p, n, SIZE_MAX)) return oom(st);
    st->hold_ws = k ? n - k : st->hold_ws + n;
    char *h = st->hold.data;
    size_t e = st->hold.len - st->hold_ws; /* end of the last non-blank byte */
    size_t keep_from;
    if (e == 0) {
        keep_from = 0;
    } else {
        size_t s = e, seen = 0;
        while (s && h[s - 1] != '\n' && h[s - 1] != '\r' && seen < HOLD_SCAN_MAX) s--, seen++;
        size_t t = s;
        while (t < e && sc_is_space((unsigned char)h[t])) t++;
        /* a finished line that is not the closing wrapper never will be */
        int finished = memchr(h + e, '\n', st->hold.len - e) || memchr(h + e, '\r', st->hold.len - e);
        if (seen < HOLD_SCAN_MAX && e - t <= HOLD_SHORT &&
            (!finished || sc_eq_upper(h + t, e - t, st->close_tag))) {
            keep_from = s; /* the short last line and its line break stay */
            if (keep_from && h[keep_from - 1] == '\n') keep_from--;
            if (keep_from && h[keep_from - 1] == '\r') keep_from--;
        } else {
            keep_from = e; /* only the trailing blanks stay */
        }
    }
    /* a flood of blanks after the closing wrapper: past a point keep only
     * the last two bytes (a line break) and let the rest through */
    if (st->hold.len - keep_from > HOLD_WS_MAX && st->hold_ws > HOLD_WS_MAX)
        keep_from = st->hold.len - 2;
    if (keep_from == 0) return 0;
    int rc = body_bytes(st, h, keep_from);
    memmove(h, h + keep_from, st->hold.len - keep_from);
    st->hold.len -= keep_from;
    if (st->hold_ws > st->hold.len) st->hold_ws = st->hold.len;
    return rc;
}

/* The format is known: classify the head as the whole-buffer parser would
 * classify the whole text, then send the head on as body bytes. */
static int head_done(edgr_stream *st)
{
    if (!st->head.data && buf_reserve(&st->head, 1, SNIFF_MAX + SNIFF_LEAD_MAX))
        return oom(st); /* an empty first document: give the head a buffer */
    st->sniffing = 0;
    edgr_document *d = st->doc;
    size_t text_len = d->text.len; /* the splitter's running count */
    d->text.ptr = st->head.data;
    d->text.len = st->head.len;
    doc_classify(d);
    d->text.len = text_len;
    /* doc_classify saw only the head: keep what it says of the start (the
     * wrapper line, the format), not of the end */
    size_t skip = (size_t)(d->body.ptr - d->text.ptr);
    st->close_tag = NULL;
    if (skip) {
        const char *ls = st->head.data;
        size_t ll = skip;
        while (ll && sc_is_space((unsigned char)*ls)) ls++, ll--;
        if (sc_starts_upper(ls, ll, "<XML>")) st->close_tag = "</XML>";
        else if (sc_starts_upper(ls, ll, "<XBRL>")) st->close_tag = "</XBRL>";
        else if (sc_starts_upper(ls, ll, "<PDF>")) st->close_tag = "</PDF>";
    }
    st->uu = d->format == EDGR_FMT_UUENCODED || d->format == EDGR_FMT_PDF;
    d->body.ptr = d->text.ptr = NULL;
    d->body.len = 0;
    d->body_offset = d->text_offset + skip;
    if (d->uu_name.len) {
        /* it pointed into the head, which is reused */
        d->uu_name.ptr = arena_dup(&st->split.b.strings, d->uu_name.ptr, d->uu_name.len);
        if (!d->uu_name.ptr) d->uu_name.len = 0;
    }
    if (st->cb.doc_begin && user_rc(st, st->cb.doc_begin(st->user, d))) return -1;
    return unwrap_bytes(st, st->head.data + skip, st->head.len - skip);
}

/* ---- splitter hooks ---------------------------------------------------- */

static int h_header(void *u)
{
    edgr_stream *st = u;
    if (st->cb.header) return user_rc(st, st->cb.header(st->user, &st->split.b.sub));
    return 0;
}

static int h_doc_begin(void *u, edgr_document *d)
{
    edgr_stream *st = u;
    st->doc = d;
    st->sniffing = 1;
    st->head.len = st->hold.len = st->uuline.len = 0;
    st->sniff_pos = st->sniff_lines = st->sniff_lead = 0;
    st->sniff_nonblank = 0;
    st->sniff_blank = 1;
    st->close_tag = NULL;
    st->uu = st->uu_begun = 0;
    st->uu_skip_eol = 0;
    st->uu_bad_at = 0;
    st->hold_ws = 0;
    memset(&st->us, 0, sizeof st->us);
    st->ascii = 1;
    st->utf8_bad = 0;
    st->u8n = 0;
    d->decoded_size = 0;
    return 0;
}

static int h_text(void *u, edgr_document *d, const char *p, size_t n)
{
    edgr_stream *st = u;
    (void)d;
    if (st->sniffing) {
        /* Enough to decide: two non-blank lines, or a full head.  Leading
         * blank lines do not count toward the limit, as the whole-buffer
         * parser looks past any number of them (up to a cap of its own
         * here).  The scan resumes where it stopped: chunks may be tiny. */
        size_t cap = SNIFF_MAX + (st->sniff_blank ? SNIFF_LEAD_MAX : st->sniff_lead);
        size_t take = n;
        if (st->head.len + take > cap) take = cap - st->head.len;
        if (buf_append(&st->head, p, take, SNIFF_MAX + SNIFF_LEAD_MAX)) return oom(st);
        p += take;
        n -= take;
        for (; st->sniff_pos < st->head.len && st->sniff_lines < 2; st->sniff_pos++) {
            unsigned char c = (unsigned char)st->head.data[st->sniff_pos];
            if (c == '\n' || c == '\r') {
                st->sniff_lines += st->sniff_nonblank;
                st->sniff_nonblank = 0;
            } else if (!sc_is_space(c)) {
                st->sniff_nonblank = 1;
            }
            if (st->sniff_blank && !sc_is_space(c)) {
                st->sniff_blank = 0;
                st->sniff_lead = st->sniff_pos;
            }
        }
        cap = SNIFF_MAX + (st->sniff_blank ? SNIFF_LEAD_MAX : st->sniff_lead);
        if (st->sniff_lines < 2 && st->head.len < cap) return 0;
        if (head_done(st)) return -1;
    }
    return unwrap_bytes(st, p, n);
}

static int h_doc_end(void *u, edgr_document *d)
{
    edgr_stream *st = u;
    if (st->sniffing && head_done(st)) return -1;
    if (st->close_tag && st->hold.len) {
        /* the held tail: drop it if it is the closing wrapper */
        const char *h = st->hold.data;
        size_t n = st->hold.len, i = 0;
        while (i < n && sc_is_space((unsigned char)h[i])) i++;
        size_t e = n;
        while (e > i && sc_is_space((unsigned char)h[e - 1])) e--;
        if (!sc_eq_upper(h + i, e - i, st->close_tag) && body_bytes(st, h, n)) return -1;
        st->hold.len = 0;
    }
    if (st->uu) {
        if (uu_feed(st, "", 0, d->body.len, 1)) return -1;
        sub_builder *b = &st->split.b;
        if (st->us.bad)
            sub_diag(b, d->body_offset + st->uu_bad_at, EDGR_WARNING, EDGR_D_UUDECODE,
                     "%llu malformed uuencoded line(s) skipped in document %lld",
                     (unsigned long long)st->us.bad, (long long)d->sequence);
        else if (!st->us.done && !d->truncated)
            sub_diag(b, d->body_offset + d->body.len, EDGR_WARNING, EDGR_D_UUDECODE,
                     "uuencoded document %lld has no \"end\" line", (long long)d->sequence);
        d->charset = EDGR_CS_UNKNOWN;
    } else {
        if (st->u8n) st->utf8_bad = 1;
        d->charset = st->ascii ? EDGR_CS_ASCII : st->utf8_bad ? EDGR_CS_CP1252 : EDGR_CS_UTF8;
    }
    if (st->cb.doc_end && user_rc(st, st->cb.doc_end(st->user, d))) return -1;
    st->doc = NULL;
    return 0;
}

static int h_sub_end(void *u)
{
    edgr_stream *st = u;
    sub_sort_diags(&st->split.b);
    sub_publish(&st->split.b);
    if (st->cb.submission_end)
        return user_rc(st, st->cb.submission_end(st->user, &st->split.b.sub));
    return 0;
}

/* ---- public ------------------------------------------------------------ */

edgr_stream *edgr_stream_new(const edgr_callbacks *cb, void *user, unsigned flags)
{
    /* a struct from an older header than the first with struct_size, or
     * one not set up (edgr.h, "Growing structs") */
    if (cb && cb->struct_size < sizeof *cb) return NULL;
    edgr_stream *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    split_init(&st->split, flags, 0);
    split_reset(&st->split, 0);
    if (cb) st->cb = *cb;
    st->user = user;
    st->split.user = st;
    st->split.hooks.header = h_header;
    st->split.hooks.doc_begin = h_doc_begin;
    st->split.hooks.text = h_text;
    st->split.hooks.doc_end = h_doc_end;
    st->split.hooks.sub_end = h_sub_end;
    return st;
}

void edgr_stream_free(edgr_stream *st)
{
    if (!st) return;
    split_free(&st->split);
    edgr_buf_free(&st->win);
    edgr_buf_free(&st->head);
    edgr_buf_free(&st->hold);
    edgr_buf_free(&st->uuline);
    edgr_buf_free(&st->out);
    free(st);
}

static edgr_status run(edgr_stream *st, int final)
{
    uint64_t keep = split_run(&st->split, st->win.data, st->win.len, st->win_off, final);
    if (!st->split.err && st->split.b.nomem) st->split.err = EDGR_ERR_NOMEM;
    if (st->split.err) {
        st->finished = 1;
        st->status = st->aborted ? EDGR_ERR_ABORTED : st->split.err;
        return st->status;
    }
    if (st->split.stopped) st->finished = 1;
    size_t drop = (size_t)(keep - st->win_off);
    if (drop > st->win.len) drop = st->win.len;
    if (drop && st->win.data) memmove(st->win.data, st->win.data + drop, st->win.len - drop);
    st->win.len -= drop;
    st->win_off += drop;
    return EDGR_OK;
}

edgr_status edgr_stream_feed(edgr_stream *st, const char *data, size_t len)
{
    if (!st || (!data && len)) return EDGR_ERR_ARG;
    if (st->finished) return st->status;
    /* the window holds at most a header or a line plus the new bytes */
    size_t cap = EDGR_MAX_HEADER + EDGR_MAX_LINE + len + 64;
    if (buf_append(&st->win, data, len, cap)) {
        st->finished = 1;
        st->status = len > SIZE_MAX - st->win.len || st->win.len + len > cap ? EDGR_ERR_LIMIT
                                                                              : EDGR_ERR_NOMEM;
        return st->status;
    }
    return run(st, 0);
}

edgr_status edgr_stream_finish(edgr_stream *st)
{
    if (!st) return EDGR_ERR_ARG;
    if (st->finished) return st->status;
    edgr_status rc = run(st, 1);
    st->finished = 1;
    if (rc) return rc;
    return st->split.seen_sub && st->split.b.sub.container != EDGR_C_NONE ? EDGR_OK
                                                                          : EDGR_ERR_NOT_EDGAR;
}
