/* The classes of the SEC's answers and the policy for each (edgr/fetch.h,
 * src/fetch/policy.c): pure, no network.  The recorded answers of
 * ../shared/corpus/http and the block pages of ../shared/corpus/html are
 * classified too when they are there. */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/fetch.h"
#include "test.h"

#define BLOCK_HTML                                                                                   \
    "<!DOCTYPE html>\n<html>\n<head>\n<title>SEC.gov | Your Request Originates from an Undeclared "   \
    "Automated Tool</title>\n</head><body>...</body></html>\n"
#define RATE_HTML                                                                                    \
    "\n<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>"              \
    "</body></html>"
#define DENIED_XML                                                                                   \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access "    \
    "Denied</Message></Error>"
/* a filing that quotes the words is not a block */
#define FILING_TXT                                                                                   \
    "<SEC-DOCUMENT>0009900280-26-000001.txt : 20260105\n... Your Request Originates from an "          \
    "Undeclared Automated Tool ...\n"

static edgr_http_class cls(long status, const char *body)
{
    return edgr_http_classify(EDGR_NET_OK, status, "text/html", body, body ? strlen(body) : 0);
}

TEST(fetch_policy_classify)
{
    CHECK(cls(200, "<SEC-DOCUMENT>") == EDGR_HTTP_OK);
    CHECK(cls(206, "rest of it") == EDGR_HTTP_OK);
    CHECK(cls(200, NULL) == EDGR_HTTP_OK);
    CHECK(cls(304, NULL) == EDGR_HTTP_NOT_MODIFIED);
    CHECK(cls(403, DENIED_XML) == EDGR_HTTP_MISSING);
    CHECK(cls(404, "") == EDGR_HTTP_MISSING);
    CHECK(cls(410, "") == EDGR_HTTP_MISSING);
    CHECK(cls(403, BLOCK_HTML) == EDGR_HTTP_BLOCKED);
    CHECK(cls(200, BLOCK_HTML) == EDGR_HTTP_BLOCKED);
    CHECK(cls(403, RATE_HTML) == EDGR_HTTP_BLOCKED);
    CHECK(cls(200, RATE_HTML) == EDGR_HTTP_BLOCKED);
    CHECK(cls(403, "<html>Forbidden</html>") == EDGR_HTTP_BLOCKED); /* unreadable 403: stop */
    CHECK(cls(200, FILING_TXT) == EDGR_HTTP_OK);
    CHECK(cls(429, "") == EDGR_HTTP_RATE_LIMITED);
    CHECK(cls(503, "<html>maintenance</html>") == EDGR_HTTP_TRANSIENT);
    CHECK(cls(500, "") == EDGR_HTTP_TRANSIENT);
    CHECK(cls(502, "") == EDGR_HTTP_TRANSIENT);
    CHECK(cls(416, "") == EDGR_HTTP_TRANSIENT);
    CHECK(cls(301, "") == EDGR_HTTP_FAILED);
    CHECK(cls(400, "") == EDGR_HTTP_FAILED);
    CHECK(edgr_http_classify(EDGR_NET_CUT, 200, NULL, "x", 1) == EDGR_HTTP_TRANSIENT);
    CHECK(edgr_http_classify(EDGR_NET_TIMEOUT, 0, NULL, NULL, 0) == EDGR_HTTP_TRANSIENT);
    CHECK(edgr_http_classify(EDGR_NET_CONNECT, 0, NULL, NULL, 0) == EDGR_HTTP_TRANSIENT);
    CHECK(edgr_http_classify(EDGR_NET_LOCAL, 200, NULL, NULL, 0) == EDGR_HTTP_FAILED);
    /* a block page's bytes cut short before the title are not known as one */
    CHECK(!edgr_http_is_block_page(BLOCK_HTML, 20));
    CHECK(edgr_http_is_block_page("\xef\xbb\xbf" BLOCK_HTML, strlen(BLOCK_HTML) + 3));
    CHECK(strcmp(edgr_http_class_name(EDGR_HTTP_RATE_LIMITED), "rate-limited") == 0);
    CHECK(strcmp(edgr_http_class_name(EDGR_HTTP_NOT_MODIFIED), "not-modified") == 0);
    CHECK(strcmp(edgr_http_class_name((edgr_http_class)99), "?") == 0);
}

static int near(double a, double b) { return fabs(a - b) < 1e-9; }

TEST(fetch_policy_decide)
{
    edgr_http_policy p = EDGR_HTTP_POLICY_INIT;
    edgr_http_decision d;
    edgr_http_decide(&p, EDGR_HTTP_OK, 1, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_DONE && d.wait_s == 0 && d.pause_s == 0);
    edgr_http_decide(&p, EDGR_HTTP_NOT_MODIFIED, 1, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_DONE);
    edgr_http_decide(&p, EDGR_HTTP_MISSING, 1, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_GIVE_UP && d.wait_s == 0);
    edgr_http_decide(&p, EDGR_HTTP_FAILED, 1, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_GIVE_UP);
    /* transient: backoff * 2^(n-1) * (0.5 + u/2), cut to the maximum */
    edgr_http_decide(&p, EDGR_HTTP_TRANSIENT, 1, -1, 0.0, &d);
    CHECK(d.action == EDGR_ACT_RETRY && near(d.wait_s, 0.5) && d.pause_s == 0);
    edgr_http_decide(&p, EDGR_HTTP_TRANSIENT, 3, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_RETRY && near(d.wait_s, 4 * 0.75));
    p.backoff_max_s = 10;
    edgr_http_decide(&p, EDGR_HTTP_TRANSIENT, 7, -1, 0.0, &d);
    CHECK(near(d.wait_s, 5)); /* 64 cut to 10, times 0.5 */
    edgr_http_decide(&p, EDGR_HTTP_TRANSIENT, 7, 30, 0.0, &d); /* a 503's Retry-After does not matter */
    CHECK(near(d.wait_s, 5) && d.pause_s == 0);
    /* the eighth attempt parks it, whatever the class */
    edgr_http_decide(&p, EDGR_HTTP_TRANSIENT, 8, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_PARK);
    edgr_http_decide(&p, EDGR_HTTP_RATE_LIMITED, 8, 1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_PARK);
    edgr_http_decide(&p, EDGR_HTTP_BLOCKED, 9, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_PARK);
    /* 429: Retry-After, else 10 minutes; shared through the budget */
    edgr_http_decide(&p, EDGR_HTTP_RATE_LIMITED, 1, 5, 0.3, &d);
    CHECK(d.action == EDGR_ACT_RETRY && near(d.pause_s, 5) && d.slow_s == 0 && d.wait_s == 0);
    edgr_http_decide(&p, EDGR_HTTP_RATE_LIMITED, 1, 0, 0.3, &d);
    CHECK(d.action == EDGR_ACT_RETRY && d.pause_s == 0); /* Retry-After: 0 */
    edgr_http_decide(&p, EDGR_HTTP_RATE_LIMITED, 1, -1, 0.3, &d);
    CHECK(near(d.pause_s, 600));
    edgr_http_decide(&p, EDGR_HTTP_RATE_LIMITED, 1, 1e9, 0.3, &d);
    CHECK(near(d.pause_s, 3600));
    edgr_http_decide(&p, EDGR_HTTP_RATE_LIMITED, 1, NAN, 0.3, &d);
    CHECK(near(d.pause_s, 600));
    /* a block: 10 minutes off, then an hour at half rate, for every process */
    edgr_http_decide(&p, EDGR_HTTP_BLOCKED, 1, -1, 0.3, &d);
    CHECK(d.action == EDGR_ACT_RETRY && near(d.pause_s, 600) && near(d.slow_s, 3600) && d.wait_s == 0);
    p.block_pause_s = 0.5;
    p.block_slow_s = 1;
    edgr_http_decide(&p, EDGR_HTTP_BLOCKED, 1, -1, 0.3, &d);
    CHECK(near(d.pause_s, 0.5) && near(d.slow_s, 1));
    /* no policy: the SEC's; a bad u: the middle */
    edgr_http_decide(NULL, EDGR_HTTP_BLOCKED, 1, -1, 0.3, &d);
    CHECK(near(d.pause_s, EDGR_BLOCK_PAUSE_SECONDS) && near(d.slow_s, EDGR_BLOCK_SLOW_SECONDS));
    edgr_http_decide(NULL, EDGR_HTTP_TRANSIENT, 1, -1, 7.0, &d);
    CHECK(near(d.wait_s, 0.75));
    edgr_http_policy small = {.struct_size = 1};
    edgr_http_decide(&small, EDGR_HTTP_TRANSIENT, 8, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_PARK); /* a struct too small: the defaults */
    edgr_http_policy one = EDGR_HTTP_POLICY_INIT;
    one.max_attempts = 0;
    edgr_http_decide(&one, EDGR_HTTP_TRANSIENT, 1, -1, 0.5, &d);
    CHECK(d.action == EDGR_ACT_PARK);
    /* never a tight loop: every retry of every class waits, or pauses */
    for (int c = EDGR_HTTP_BLOCKED; c <= EDGR_HTTP_TRANSIENT; c++)
        for (int a = 1; a < 8; a++) {
            edgr_http_decide(NULL, (edgr_http_class)c, a, -1, 0.0, &d);
            CHECK(d.action == EDGR_ACT_RETRY && d.wait_s + d.pause_s >= 0.5);
        }
}

/* The SEC's own answers, as recorded. */
static int classify_file(const char *path, long status, edgr_http_class want)
{
    size_t len;
    char *raw = read_file(path, &len);
    if (!raw) return -1;
    size_t n = len < 4096 ? len : 4096; /* what http.c sniffs */
    edgr_http_class c = edgr_http_classify(EDGR_NET_OK, status, NULL, raw, n);
    free(raw);
    if (c != want)
        fprintf(stderr, "  %s with %ld: %s, want %s\n", path, status, edgr_http_class_name(c),
                edgr_http_class_name(want));
    return c == want;
}

TEST(fetch_policy_recorded)
{
    const char *top = EDGR_SOURCE_DIR "/../shared/corpus";
    char path[1024];
    snprintf(path, sizeof path, "%s/html/SEC.AutomatedTool.html", top);
    int r = classify_file(path, 403, EDGR_HTTP_BLOCKED);
    if (r < 0) {
        fprintf(stderr, "  (../shared/corpus absent: the recorded answers are skipped)\n");
        return;
    }
    CHECK(r == 1);
    CHECK(classify_file(path, 200, EDGR_HTTP_BLOCKED) == 1);
    snprintf(path, sizeof path, "%s/html/rate-exceeded.html", top);
    CHECK(classify_file(path, 403, EDGR_HTTP_BLOCKED) == 1);
    CHECK(classify_file(path, 200, EDGR_HTTP_BLOCKED) == 1);
    snprintf(path, sizeof path, "%s/http", top);
    DIR *d = opendir(path);
    CHECK(d != NULL);
    int denied = 0, maint = 0, pages = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        const char *n = e->d_name;
        if (!strstr(n, ".body.")) continue;
        snprintf(path, sizeof path, "%s/http/%s", top, n);
        if (!strncmp(n, "403-", 4)) {
            CHECK(classify_file(path, 403, EDGR_HTTP_MISSING) == 1);
            denied++;
        } else if (!strncmp(n, "503-", 4)) {
            CHECK(classify_file(path, 503, EDGR_HTTP_TRANSIENT) == 1);
            maint++;
        } else if (!strncmp(n, "200-", 4)) { /* real pages are not block pages */
            CHECK(classify_file(path, 200, EDGR_HTTP_OK) == 1);
            pages++;
        }
    }
    if (d) closedir(d);
    CHECK(denied >= 1 && maint >= 1 && pages >= 1);
}
