/* http_check: edgr's HTTP layer (edgr/fetch.h) from the command line, for
 * tests/fetch/run.sh against the local server (tests/fetch/sec_server.py).
 *
 *   http_check [options] URL DEST [URL DEST ...]
 *     --ua TEXT            the User-Agent (none: the client must refuse)
 *     --state DIR          the rate budget's directory
 *     --rate N             requests a second (--uncapped: above 10)
 *     --once               one attempt (edgr_http_get), no policy
 *     --gzip --revalidate  the request's flags
 *     --etag E --lm L      validators of DEST (revalidation)
 *     --part-etag E --part-lm L   validators of DEST.part (resume)
 *     --attempts N --backoff S --backoff-max S --rate-wait S
 *     --block-pause S --block-slow S   the policy's numbers (shortened)
 *     --repeat N           fetch the list N times (the rate tests)
 *     --stall S            give up a transfer silent for S seconds (5)
 *
 * Prints for every transfer:
 *   class=C status=N attempts=N bytes=N received=N resumed=0|1
 *   etag=...  lm=...  reason=...   (one line each)
 * and for every attempt, on stderr:
 *   attempt=N class=C status=N action=A wait=S pause=S slow=S
 * Exit 0 when every transfer ended ok or not-modified, 1 otherwise, 2 when
 * the client could not start (no or a bad User-Agent, no budget). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/fetch.h"

static const char *action_name(edgr_http_action a)
{
    switch (a) {
    case EDGR_ACT_DONE: return "done";
    case EDGR_ACT_RETRY: return "retry";
    case EDGR_ACT_GIVE_UP: return "give-up";
    case EDGR_ACT_PARK: return "park";
    }
    return "?";
}

static void on_attempt(void *user, const edgr_http_result *r, const edgr_http_decision *d)
{
    (void)user;
    fprintf(stderr, "attempt=%d class=%s status=%ld action=%s wait=%.3f pause=%.3f slow=%.3f reason=%s\n",
            r->attempts, edgr_http_class_name(r->cls), r->status, action_name(d->action), d->wait_s, d->pause_s,
            d->slow_s, r->reason);
}

static int usage(void)
{
    fprintf(stderr, "usage: http_check [options] URL DEST [URL DEST ...] (see the source)\n");
    return 2;
}

int main(int argc, char **argv)
{
    edgr_http_options ho = EDGR_HTTP_OPTIONS_INIT;
    edgr_budget_options bo = EDGR_BUDGET_OPTIONS_INIT;
    edgr_http_policy pol = EDGR_HTTP_POLICY_INIT;
    edgr_http_request rq = {.struct_size = sizeof rq};
    int once = 0, repeat = 1, i = 1;
    long stall = 5;
    const char *host = "127.0.0.1";
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *o = argv[i] + 2, *v = i + 1 < argc ? argv[i + 1] : NULL;
#define VAL(name) (!strcmp(o, name) && v && (i++, 1))
        if (!strcmp(o, "once")) once = 1;
        else if (!strcmp(o, "gzip")) rq.flags |= EDGR_HTTP_GZIP;
        else if (!strcmp(o, "revalidate")) rq.flags |= EDGR_HTTP_REVALIDATE;
        else if (!strcmp(o, "uncapped")) bo.flags |= EDGR_BUDGET_UNCAPPED;
        else if (VAL("ua")) ho.user_agent = v;
        else if (VAL("state")) bo.dir = v;
        else if (VAL("host")) host = v;
        else if (VAL("rate")) bo.rate = atof(v);
        else if (VAL("etag")) rq.etag = v;
        else if (VAL("lm")) rq.last_modified = v;
        else if (VAL("part-etag")) rq.part_etag = v;
        else if (VAL("part-lm")) rq.part_last_modified = v;
        else if (VAL("attempts")) pol.max_attempts = atoi(v);
        else if (VAL("backoff")) pol.backoff_s = atof(v);
        else if (VAL("backoff-max")) pol.backoff_max_s = atof(v);
        else if (VAL("rate-wait")) pol.rate_wait_s = atof(v);
        else if (VAL("block-pause")) pol.block_pause_s = atof(v);
        else if (VAL("block-slow")) pol.block_slow_s = atof(v);
        else if (VAL("repeat")) repeat = atoi(v);
        else if (VAL("stall")) stall = atol(v);
        else return usage();
#undef VAL
    }
    if (i >= argc || (argc - i) % 2 != 0) return usage();
    char err[512];
    int e = 0;
    edgr_budget *b = edgr_budget_open(host, &bo, &e, err, sizeof err);
    if (!b) {
        fprintf(stderr, "http_check: %s\n", err);
        return 2;
    }
    ho.budget = b;
    ho.stall_timeout_s = stall;
    edgr_http *h = edgr_http_new(&ho, err, sizeof err);
    if (!h) {
        fprintf(stderr, "http_check: %s\n", err);
        edgr_budget_close(b);
        return 2;
    }
    int rc = 0;
    for (int k = 0; k < repeat; k++) {
        for (int j = i; j + 1 < argc; j += 2) {
            rq.url = argv[j];
            rq.dest = argv[j + 1];
            edgr_http_result r = EDGR_HTTP_RESULT_INIT;
            edgr_http_class c = once ? edgr_http_get(h, &rq, &r) : edgr_http_fetch(h, &rq, &pol, on_attempt, NULL, &r);
            if (once) r.attempts = 1;
            printf("class=%s status=%ld attempts=%d bytes=%llu received=%llu resumed=%d\netag=%s\nlm=%s\nreason=%s\n",
                   edgr_http_class_name(c), r.status, r.attempts, (unsigned long long)r.bytes,
                   (unsigned long long)r.received, r.resumed, r.etag, r.last_modified, r.reason);
            fflush(stdout);
            if (c != EDGR_HTTP_OK && c != EDGR_HTTP_NOT_MODIFIED) rc = 1;
        }
    }
    edgr_http_free(h);
    edgr_budget_close(b);
    return rc;
}
