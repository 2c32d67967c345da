/* edgr fetch, inside the CLI: what cmd_fetch.c (options, the session, the
 * index) shares with fetch_files.c (filings and Feed archives through the
 * journal, into the store by an ingest alongside). */
#ifndef EDGR_CLI_FETCH_H
#define EDGR_CLI_FETCH_H

#include <stdint.h>

#include "edgr/fetch.h"
#include "edgr/store.h"

/* At most this many --form and --cik each (a plan of more is a list for
 * a file of CIKs, which the index tables answer with SQL). */
#define FETCH_MAX_FILTERS 64

typedef struct fargs {
    const char *db, *user_agent, *base_url, *cache, *sub, *kind_name, *keep;
    char host[256];          /* of base_url: the rate budget's, the cache's folder */
    int from_y, from_q, to_y, to_q, uncapped, quiet, daily, dry_run, resume, jobs, kind_set;
    uint32_t from_d, to_d;   /* days: --daily, filings, feed (YYYYMMDD) */
    double rate;
    const char *forms[FETCH_MAX_FILTERS], *ciks[FETCH_MAX_FILTERS];
    int nforms, nciks;
    edgr_http_policy policy; /* the SEC's rules; --test-waits shortens them */
} fargs;

/* What a fetch has open: the store, the host's budget, one client. */
typedef struct fetch_session {
    const fargs *a;
    edgr_store *st;
    edgr_budget *budget;
    edgr_http *http;
} fetch_session;

/* The day after a YYYYMMDD date; its weekday, 0 Sunday .. 6 Saturday. */
uint32_t fetch_next_day(uint32_t d);
int fetch_weekday(uint32_t d);

/* mkdir -p for the folder holding `path`; 0 or -1 (errno). */
int fetch_make_parents(char *path);
/* Tells the user why a transfer waits (an edgr_http_attempt_fn; user: fargs). */
void fetch_on_attempt(void *user, const edgr_http_result *r, const edgr_http_decision *d);

/* edgr fetch filings / feed (fetch_files.c): an exit status. */
int fetch_filings(fetch_session *s);
int fetch_feed(fetch_session *s);

#endif
