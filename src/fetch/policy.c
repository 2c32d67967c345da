/* The classes of the SEC's answers and what to do after each (edgr/fetch.h):
 * pure functions, no I/O, so the policy is tested without a network. */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "edgr/fetch.h"

const char *edgr_http_class_name(edgr_http_class c)
{
    switch (c) {
    case EDGR_HTTP_OK: return "ok";
    case EDGR_HTTP_NOT_MODIFIED: return "not-modified";
    case EDGR_HTTP_MISSING: return "missing";
    case EDGR_HTTP_BLOCKED: return "blocked";
    case EDGR_HTTP_RATE_LIMITED: return "rate-limited";
    case EDGR_HTTP_TRANSIENT: return "transient";
    case EDGR_HTTP_FAILED: return "failed";
    }
    return "?";
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Case-insensitive search of `needle` in head[len]. */
static int contains(const char *head, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (!head || n > len) return 0;
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && lower((unsigned char)head[i + k]) == lower((unsigned char)needle[k])) k++;
        if (k == n) return 1;
    }
    return 0;
}

/* The block pages are HTML whose title names them: "SEC.gov | Your Request
 * Originates from an Undeclared Automated Tool" and "SEC.gov | Request Rate
 * Threshold Exceeded".  Only an HTML body counts, so a filing that quotes
 * the words is not a block. */
int edgr_http_is_block_page(const char *head, size_t len)
{
    if (!head) return 0;
    size_t i = 0;
    while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
    if (i + 3 < len && (unsigned char)head[i] == 0xef && (unsigned char)head[i + 1] == 0xbb &&
        (unsigned char)head[i + 2] == 0xbf)
        i += 3;
    if (i >= len || head[i] != '<') return 0;
    if (!contains(head + i, len - i, "<html") && !contains(head + i, len - i, "<!doctype html")) return 0;
    return contains(head + i, len - i, "Undeclared Automated Tool") ||
           contains(head + i, len - i, "Request Rate Threshold") ||
           contains(head + i, len - i, "Exceeded the SEC's Traffic Limit") ||
           contains(head + i, len - i, "Exceeded the SEC\xe2\x80\x99s Traffic Limit");
}

edgr_http_class edgr_http_classify(edgr_http_transport net, long status, const char *content_type, const char *head,
                                   size_t len)
{
    (void)content_type; /* the body decides: the SEC's content types vary */
    if (net == EDGR_NET_LOCAL) return EDGR_HTTP_FAILED;
    if (net != EDGR_NET_OK) return EDGR_HTTP_TRANSIENT; /* cut, reset, timeout, refused */
    if (status == 200 || status == 206)
        return edgr_http_is_block_page(head, len) ? EDGR_HTTP_BLOCKED : EDGR_HTTP_OK;
    if (status == 304) return EDGR_HTTP_NOT_MODIFIED;
    if (status == 403) {
        if (edgr_http_is_block_page(head, len)) return EDGR_HTTP_BLOCKED;
        if (contains(head, len, "<Code>AccessDenied</Code>") || contains(head, len, "<Code>NoSuchKey</Code>"))
            return EDGR_HTTP_MISSING;
        return EDGR_HTTP_BLOCKED; /* a 403 we cannot read: stop, the polite reading */
    }
    if (status == 404 || status == 410) return EDGR_HTTP_MISSING;
    if (status == 429) return EDGR_HTTP_RATE_LIMITED;
    if (status == 408 || status == 416 || (status >= 500 && status <= 599)) return EDGR_HTTP_TRANSIENT;
    return EDGR_HTTP_FAILED;
}

void edgr_http_decide(const edgr_http_policy *p, edgr_http_class c, int attempt, double retry_after_s, double u,
                      edgr_http_decision *out)
{
    edgr_http_policy def = EDGR_HTTP_POLICY_INIT;
    if (!out) return;
    if (!p || p->struct_size < sizeof *p) p = &def;
    out->wait_s = out->pause_s = out->slow_s = 0;
    if (!(u >= 0 && u < 1)) u = 0.5;
    switch (c) {
    case EDGR_HTTP_OK:
    case EDGR_HTTP_NOT_MODIFIED: out->action = EDGR_ACT_DONE; return;
    case EDGR_HTTP_MISSING:
    case EDGR_HTTP_FAILED: out->action = EDGR_ACT_GIVE_UP; return;
    default: break;
    }
    int max = p->max_attempts > 0 ? p->max_attempts : 1;
    if (attempt >= max) {
        out->action = EDGR_ACT_PARK;
        return;
    }
    out->action = EDGR_ACT_RETRY;
    if (c == EDGR_HTTP_BLOCKED) {
        /* the budget holds the wait, for every process: none of our own */
        out->pause_s = p->block_pause_s > 0 ? p->block_pause_s : 0;
        out->slow_s = p->block_slow_s > 0 ? p->block_slow_s : 0;
    } else if (c == EDGR_HTTP_RATE_LIMITED) {
        double w = retry_after_s >= 0 && isfinite(retry_after_s) ? retry_after_s : p->rate_wait_s;
        if (w > p->retry_after_max_s) w = p->retry_after_max_s;
        out->pause_s = w > 0 ? w : 0;
    } else { /* transient: this transfer backs off alone */
        double w = p->backoff_s > 0 ? p->backoff_s : 0;
        for (int i = 1; i < attempt && w < p->backoff_max_s; i++) w *= 2;
        if (w > p->backoff_max_s) w = p->backoff_max_s;
        out->wait_s = w * (0.5 + u / 2);
    }
}
