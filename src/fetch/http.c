/* One HTTP transfer with libcurl (edgr/fetch.h): the budget's slot first,
 * then a GET into DEST.part (resumed by Range + If-Range), renamed to DEST
 * when whole; the answer is classified by policy.c.
 *
 * Where the body goes is decided by the first SNIFF bytes: they are held in
 * memory until there are SNIFF of them (or the body ends), then a 200 or
 * 206 that is not a block page goes to the file and everything else is
 * kept only as far as the classifier needs.  So a block page sent with 200,
 * or an error page, never overwrites a .part that could still be resumed. */
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "edgr/fetch.h"

enum { SNIFF = 4096 };

struct edgr_http {
    CURLM *multi;
    CURL *easy;
    edgr_budget *budget;
    char ua[EDGR_USER_AGENT_MAX + 1];
    long connect_timeout_ms, stall_timeout_s, timeout_s;
    uint64_t rng;
    char curl_err[CURL_ERROR_SIZE];
};

/* One transfer's state, seen by curl's callbacks. */
typedef struct xfer {
    const char *part;
    const edgr_http_request *rq; /* for its on_part_start */
    CURL *easy;
    int fd;          /* -1 until the body is committed to the file */
    int committed;   /* the sniff was judged                        */
    int to_file;     /* the body goes to the .part                   */
    int write_err;   /* errno of a failed write, 0 if none           */
    int resume;      /* a Range was sent                             */
    uint64_t part_size; /* the .part's size before the transfer      */
    uint64_t received;
    uint64_t at;     /* the .part's size as written (for on_bytes)   */
    long status;
    char sniff[SNIFF];
    size_t sniff_len;
    char etag[EDGR_HTTP_VALIDATOR_MAX], last_modified[EDGR_HTTP_VALIDATOR_MAX], content_type[128];
    int has_range; uint64_t range_start;
    double retry_after;
} xfer;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc = CURLE_FAILED_INIT;
static void curl_init(void) { curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT); }

static void say(char *buf, size_t cap, const char *what, const char *arg)
{
    if (buf && cap) snprintf(buf, cap, "%s%s", what, arg ? arg : "");
}

/* The reason, cut to fit (vsnprintf: a long path is cut, not an error). */
__attribute__((format(printf, 2, 3))) static void set_reason(edgr_http_result *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->reason, sizeof out->reason, fmt, ap);
    va_end(ap);
}

edgr_http *edgr_http_new(const edgr_http_options *opt, char *errbuf, size_t errcap)
{
    const char *why = NULL;
    if (!opt || opt->struct_size < sizeof *opt) {
        say(errbuf, errcap, "bad options", NULL);
        return NULL;
    }
    if (edgr_user_agent_check(opt->user_agent, &why) != EDGR_OK) {
        say(errbuf, errcap, "User-Agent: ", why);
        return NULL;
    }
    if (!opt->budget) {
        say(errbuf, errcap, "no rate budget: every request takes a slot of one", NULL);
        return NULL;
    }
    pthread_once(&curl_once, curl_init);
    if (curl_init_rc != CURLE_OK) {
        say(errbuf, errcap, "libcurl: ", curl_easy_strerror(curl_init_rc));
        return NULL;
    }
    edgr_http *h = calloc(1, sizeof *h);
    if (!h) {
        say(errbuf, errcap, "out of memory", NULL);
        return NULL;
    }
    h->multi = curl_multi_init();
    h->easy = curl_easy_init();
    if (!h->multi || !h->easy) {
        say(errbuf, errcap, "libcurl could not start", NULL);
        edgr_http_free(h);
        return NULL;
    }
    /* keep-alive: the multi handle's connection cache outlives transfers */
    curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 2L);
    curl_multi_setopt(h->multi, CURLMOPT_MAXCONNECTS, 2L);
    snprintf(h->ua, sizeof h->ua, "%s", opt->user_agent);
    h->budget = opt->budget;
    h->connect_timeout_ms = opt->connect_timeout_ms > 0 ? opt->connect_timeout_ms : 30000;
    h->stall_timeout_s = opt->stall_timeout_s > 0 ? opt->stall_timeout_s : 60;
    h->timeout_s = opt->timeout_s > 0 ? opt->timeout_s : 0;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    h->rng = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^ ((uint64_t)getpid() << 40) ^ (uintptr_t)h;
    if (!h->rng) h->rng = 0x9e3779b97f4a7c15ull;
    return h;
}

void edgr_http_free(edgr_http *h)
{
    if (!h) return;
    if (h->easy) curl_easy_cleanup(h->easy);
    if (h->multi) curl_multi_cleanup(h->multi);
    free(h);
}

/* A uniform number in [0, 1) for the jitter (xorshift64*). */
static double uniform(edgr_http *h)
{
    h->rng ^= h->rng >> 12;
    h->rng ^= h->rng << 25;
    h->rng ^= h->rng >> 27;
    return (double)((h->rng * 0x2545f4914f6cdd1dull) >> 11) / 9007199254740992.0;
}

/* ---- headers ---------------------------------------------------------- */

static void copy_value(char *dst, size_t cap, const char *v, size_t n)
{
    while (n && (*v == ' ' || *v == '\t')) v++, n--;
    while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (n >= cap) n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = '\0';
}

static int header_is(const char *line, size_t n, const char *name, const char **value, size_t *vlen)
{
    size_t k = strlen(name);
    if (n <= k || line[k] != ':' || strncasecmp(line, name, k) != 0) return 0;
    *value = line + k + 1;
    *vlen = n - k - 1;
    return 1;
}

static size_t on_header(char *line, size_t size, size_t nitems, void *user)
{
    xfer *x = user;
    size_t n = size * nitems;
    const char *v;
    size_t vn;
    if (n >= 5 && memcmp(line, "HTTP/", 5) == 0) { /* a new answer (after a 100, say): forget the last */
        x->etag[0] = x->last_modified[0] = x->content_type[0] = '\0';
        x->has_range = 0;
        x->retry_after = -1;
    } else if (header_is(line, n, "ETag", &v, &vn)) {
        copy_value(x->etag, sizeof x->etag, v, vn);
    } else if (header_is(line, n, "Last-Modified", &v, &vn)) {
        copy_value(x->last_modified, sizeof x->last_modified, v, vn);
    } else if (header_is(line, n, "Content-Type", &v, &vn)) {
        copy_value(x->content_type, sizeof x->content_type, v, vn);
    } else if (header_is(line, n, "Content-Range", &v, &vn)) {
        char cr[128];
        copy_value(cr, sizeof cr, v, vn);
        unsigned long long a;
        if (sscanf(cr, "bytes %llu-", &a) == 1) {
            x->has_range = 1;
            x->range_start = a;
        }
    } else if (header_is(line, n, "Retry-After", &v, &vn)) {
        char ra[128];
        copy_value(ra, sizeof ra, v, vn);
        char *end;
        errno = 0;
        unsigned long long s = strtoull(ra, &end, 10);
        if (end != ra && *end == '\0' && !errno) {
            x->retry_after = (double)s;
        } else { /* an HTTP-date */
            time_t t = curl_getdate(ra, NULL);
            if (t != -1) {
                double d = difftime(t, time(NULL));
                x->retry_after = d > 0 ? d : 0;
            }
        }
    }
    return n;
}

/* ---- the body --------------------------------------------------------- */

static int write_all(xfer *x, const char *p, size_t n)
{
    const char *from = p;
    size_t len = n;
    while (n) {
        ssize_t w = write(x->fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            x->write_err = errno;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    uint64_t at = x->at;
    x->at += len;
    if (x->rq->on_bytes && len && x->rq->on_bytes(x->rq->user, at, from, len)) {
        x->write_err = EPIPE; /* the reader stopped: a local error, said by its caller */
        return -1;
    }
    return 0;
}

/* Judges the sniffed bytes: to the file (opened for a 206's append or a
 * 200's rewrite) or not.  -1 when the file cannot be written. */
static int commit(xfer *x)
{
    x->committed = 1;
    int body = x->status == 200 || x->status == 206;
    if (!body || edgr_http_is_block_page(x->sniff, x->sniff_len)) return 0;
    if (x->status == 206 && (!x->resume || !x->has_range || x->range_start != x->part_size)) {
        x->status = -206; /* a range we did not ask for: classified below */
        return 0;
    }
    if (x->status == 200 && x->rq->on_part_start) x->rq->on_part_start(x->rq->user, x->etag, x->last_modified);
    int fl = O_WRONLY | O_CREAT | O_CLOEXEC | (x->status == 206 ? O_APPEND : O_TRUNC);
    x->fd = open(x->part, fl, 0644);
    if (x->fd < 0) {
        x->write_err = errno;
        return -1;
    }
    x->to_file = 1;
    x->at = x->status == 206 ? x->part_size : 0;
    x->received += x->sniff_len;
    return write_all(x, x->sniff, x->sniff_len);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    xfer *x = user;
    size_t n = size * nmemb, used = 0;
    if (!x->committed) {
        if (!x->status) curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &x->status);
        size_t room = SNIFF - x->sniff_len, k = n < room ? n : room;
        memcpy(x->sniff + x->sniff_len, data, k);
        x->sniff_len += k;
        used = k;
        if (x->sniff_len < SNIFF) return n;
        if (commit(x) < 0) return 0; /* CURLE_WRITE_ERROR */
    }
    if (x->to_file && used < n) {
        if (write_all(x, data + used, n - used) < 0) return 0;
        x->received += n - used;
    }
    return n;
}

/* ---- one transfer ----------------------------------------------------- */

static edgr_http_transport transport_of(CURLcode rc, int write_err)
{
    switch (rc) {
    case CURLE_OK: return EDGR_NET_OK;
    case CURLE_OPERATION_TIMEDOUT: return EDGR_NET_TIMEOUT;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return EDGR_NET_CONNECT;
    case CURLE_WRITE_ERROR: return write_err ? EDGR_NET_LOCAL : EDGR_NET_CUT;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_OUT_OF_MEMORY:
    case CURLE_FAILED_INIT:
    case CURLE_BAD_FUNCTION_ARGUMENT: return EDGR_NET_LOCAL;
    default: return EDGR_NET_CUT; /* partial file, recv/send error, nothing, bad encoding */
    }
}

static int strong_etag(const char *e) { return e && e[0] == '"' && strlen(e) >= 2; }

static uint64_t file_size(const char *path, int *exists)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        *exists = 0;
        return 0;
    }
    *exists = 1;
    return (uint64_t)st.st_size;
}

static int take_slot(edgr_http *h, edgr_http_result *out)
{
    for (int tries = 0; tries < 100; tries++) { /* EINTR spends the slot: take another */
        int e = edgr_budget_take(h->budget, NULL);
        if (e == 0) return 0;
        if (e != EINTR) {
            set_reason(out, "rate budget: %s", edgr_budget_error(h->budget));
            return -1;
        }
    }
    set_reason(out, "rate budget: interrupted 100 times");
    return -1;
}

static void result_reset(edgr_http_result *out)
{
    int attempts = out->attempts;
    memset(out, 0, sizeof *out);
    out->struct_size = sizeof *out;
    out->attempts = attempts;
    out->retry_after_s = -1;
}

edgr_http_class edgr_http_get(edgr_http *h, const edgr_http_request *rq, edgr_http_result *out)
{
    if (!out || out->struct_size < sizeof *out) return EDGR_HTTP_FAILED;
    result_reset(out);
    out->cls = EDGR_HTTP_FAILED;
    out->net = EDGR_NET_LOCAL;
    if (!h || !rq || rq->struct_size < sizeof *rq || !rq->url || !rq->dest || !rq->dest[0]) {
        set_reason(out, "bad request (no URL or destination)");
        return out->cls;
    }
    char part[PATH_MAX];
    if ((size_t)snprintf(part, sizeof part, "%s.part", rq->dest) >= sizeof part) {
        set_reason(out, "destination path too long");
        return out->cls;
    }
    xfer *x = calloc(1, sizeof *x);
    if (!x) {
        set_reason(out, "out of memory");
        return out->cls;
    }
    x->part = part;
    x->rq = rq;
    x->easy = h->easy;
    x->fd = -1;
    x->retry_after = -1;

    int part_exists, dest_exists;
    x->part_size = file_size(part, &part_exists);
    (void)file_size(rq->dest, &dest_exists);
    const char *if_range = NULL;
    if (part_exists && x->part_size > 0) {
        if (strong_etag(rq->part_etag)) if_range = rq->part_etag;
        else if (rq->part_last_modified && rq->part_last_modified[0]) if_range = rq->part_last_modified;
    }
    x->resume = if_range != NULL;

    char hdr[EDGR_HTTP_VALIDATOR_MAX + 32], range[32];
    struct curl_slist *headers = NULL, *tmp;
    int oom = 0;
#define ADD_HEADER(fmtname, val)                                                                     \
    do {                                                                                             \
        snprintf(hdr, sizeof hdr, "%s: %s", fmtname, val);                                           \
        if (strpbrk(val, "\r\n")) break; /* never forge a header */                                  \
        tmp = curl_slist_append(headers, hdr);                                                       \
        if (!tmp) oom = 1;                                                                           \
        else headers = tmp;                                                                          \
    } while (0)
    if (x->resume) {
        ADD_HEADER("If-Range", if_range);
    } else if ((rq->flags & EDGR_HTTP_REVALIDATE) && dest_exists) {
        if (rq->etag && rq->etag[0]) ADD_HEADER("If-None-Match", rq->etag);
        if (rq->last_modified && rq->last_modified[0]) ADD_HEADER("If-Modified-Since", rq->last_modified);
    }
#undef ADD_HEADER
    if (oom) {
        curl_slist_free_all(headers);
        free(x);
        set_reason(out, "out of memory");
        return out->cls;
    }

    CURL *e = h->easy;
    curl_easy_reset(e);
    h->curl_err[0] = '\0';
    curl_easy_setopt(e, CURLOPT_URL, rq->url);
    curl_easy_setopt(e, CURLOPT_USERAGENT, h->ua);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L); /* a redirect elsewhere would bypass the budget */
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, h->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, h->stall_timeout_s);
    if (h->timeout_s) curl_easy_setopt(e, CURLOPT_TIMEOUT, h->timeout_s);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, h->curl_err);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    /* bodies in runs of 256 KB, not curl's 16 KB: a Feed archive's
     * gigabytes cost a sixteenth of the writes (and of on_bytes) */
    curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 256L << 10);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    if (headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
    if (x->resume) {
        snprintf(range, sizeof range, "%" PRIu64 "-", x->part_size);
        curl_easy_setopt(e, CURLOPT_RANGE, range); /* and no Accept-Encoding */
    } else if (rq->flags & EDGR_HTTP_GZIP) {
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip");
    }

    CURLcode rc = CURLE_FAILED_INIT;
    if (take_slot(h, out) != 0) {
        curl_slist_free_all(headers);
        free(x);
        return out->cls;
    }
    /* The status is known before the first body byte: curl calls the
     * header callback for every header first.  Poll the multi handle until
     * the transfer ends; curl's own timeouts bound it. */
    if (curl_multi_add_handle(h->multi, e) == CURLM_OK) {
        int running = 1;
        while (running) {
            if (curl_multi_perform(h->multi, &running) != CURLM_OK) break;
            if (running && curl_multi_poll(h->multi, NULL, 0, 1000, NULL) != CURLM_OK) break;
        }
        CURLMsg *m;
        int left;
        while ((m = curl_multi_info_read(h->multi, &left)))
            if (m->msg == CURLMSG_DONE && m->easy_handle == e) rc = m->data.result;
        curl_multi_remove_handle(h->multi, e);
    }
    curl_slist_free_all(headers);
    long status = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    if (!x->status) x->status = status;
    /* a body shorter than SNIFF (or none) is judged now */
    if (!x->committed && (rc == CURLE_OK || x->sniff_len)) {
        if (commit(x) < 0) rc = CURLE_WRITE_ERROR;
    }
    if (x->fd >= 0) {
        if (close(x->fd) != 0 && !x->write_err) x->write_err = errno;
        x->fd = -1;
        if (x->write_err && rc == CURLE_OK) rc = CURLE_WRITE_ERROR;
    }

    out->status = status;
    out->curl_code = (int)rc;
    out->net = transport_of(rc, x->write_err);
    out->retry_after_s = x->retry_after;
    out->received = x->received;
    snprintf(out->etag, sizeof out->etag, "%s", x->etag);
    snprintf(out->last_modified, sizeof out->last_modified, "%s", x->last_modified);
    snprintf(out->content_type, sizeof out->content_type, "%s", x->content_type);
    edgr_http_class c = edgr_http_classify(out->net, status, x->content_type, x->sniff, x->sniff_len);
    if (x->status == -206) { /* 206 that does not continue our .part: drop both, start again */
        unlink(part);
        c = EDGR_HTTP_TRANSIENT;
        set_reason(out, "206 without the Content-Range asked for: .part discarded");
    } else if (status == 416) {
        unlink(part);
        set_reason(out, "416: the .part is no prefix of the file: discarded");
    }
    out->cls = c;
    int pe;
    if (c == EDGR_HTTP_OK) {
        out->resumed = x->status == 206;
        if (rename(part, rq->dest) != 0) {
            out->cls = EDGR_HTTP_FAILED;
            set_reason(out, "%s: rename: %s", rq->dest, strerror(errno));
        }
        out->bytes = file_size(rq->dest, &pe);
    } else if (c == EDGR_HTTP_NOT_MODIFIED) {
        if (!out->etag[0] && rq->etag) snprintf(out->etag, sizeof out->etag, "%s", rq->etag);
        if (!out->last_modified[0] && rq->last_modified)
            snprintf(out->last_modified, sizeof out->last_modified, "%s", rq->last_modified);
        out->bytes = file_size(rq->dest, &pe);
    } else {
        out->bytes = file_size(part, &pe);
        if (!x->to_file) { /* the validators are those of what the .part holds */
            snprintf(out->etag, sizeof out->etag, "%s", x->resume && rq->part_etag ? rq->part_etag : "");
            snprintf(out->last_modified, sizeof out->last_modified, "%s",
                     x->resume && rq->part_last_modified ? rq->part_last_modified : "");
        }
        if (!out->reason[0]) {
            if (out->net == EDGR_NET_LOCAL && x->write_err)
                set_reason(out, "%s: %s", part, strerror(x->write_err));
            else if (out->net != EDGR_NET_OK)
                set_reason(out, "%s", h->curl_err[0] ? h->curl_err : curl_easy_strerror(rc));
            else if (c == EDGR_HTTP_BLOCKED)
                set_reason(out, "HTTP %ld: the SEC's block page", status);
            else if (c == EDGR_HTTP_MISSING)
                set_reason(out, "HTTP %ld: no such file", status);
            else
                set_reason(out, "HTTP %ld", status);
        }
    }
    free(x);
    return out->cls;
}

static void sleep_s(double s)
{
    if (!(s > 0)) return;
    if (s > 86400) s = 86400;
    struct timespec ts = {.tv_sec = (time_t)s, .tv_nsec = (long)((s - (double)(time_t)s) * 1e9)}, rem;
    for (int i = 0; i < 1000 && nanosleep(&ts, &rem) != 0 && errno == EINTR; i++) ts = rem;
}

edgr_http_class edgr_http_fetch(edgr_http *h, const edgr_http_request *rq, const edgr_http_policy *pol,
                                edgr_http_attempt_fn on_attempt, void *user, edgr_http_result *out)
{
    edgr_http_policy def = EDGR_HTTP_POLICY_INIT;
    if (!pol || pol->struct_size < sizeof *pol) pol = &def;
    if (!out || out->struct_size < sizeof *out) return EDGR_HTTP_FAILED;
    if (!h || !rq || rq->struct_size < sizeof *rq) {
        result_reset(out);
        out->cls = EDGR_HTTP_FAILED;
        set_reason(out, "bad request");
        return out->cls;
    }
    edgr_http_request r = *rq;
    char etag[EDGR_HTTP_VALIDATOR_MAX], lm[EDGR_HTTP_VALIDATOR_MAX];
    int max = pol->max_attempts > 0 ? pol->max_attempts : 1;
    out->attempts = 0;
    for (int attempt = 1; attempt <= max; attempt++) {
        out->attempts = attempt;
        edgr_http_class c = edgr_http_get(h, &r, out);
        edgr_http_decision d;
        edgr_http_decide(pol, c, attempt, out->retry_after_s, uniform(h), &d);
        if (d.action == EDGR_ACT_PARK) {
            char why[sizeof out->reason];
            memcpy(why, out->reason, sizeof why);
            set_reason(out, "parked after %d attempts: %s", attempt, why);
        }
        if (on_attempt) on_attempt(user, out, &d);
        if (d.action != EDGR_ACT_RETRY) return out->cls;
        if (d.pause_s > 0) {
            char why[200];
            snprintf(why, sizeof why, "%s (HTTP %ld) at %s", c == EDGR_HTTP_BLOCKED ? "block page" : "429",
                     out->status, r.url);
            edgr_budget_block(h->budget, d.pause_s, d.slow_s, why);
        }
        sleep_s(d.wait_s);
        /* resume what the .part now holds */
        snprintf(etag, sizeof etag, "%s", out->etag);
        snprintf(lm, sizeof lm, "%s", out->last_modified);
        r.part_etag = etag[0] ? etag : NULL;
        r.part_last_modified = lm[0] ? lm : NULL;
    }
    return out->cls;
}
