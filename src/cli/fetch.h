/* edgr fetch, inside the CLI: what cmd_fetch.c (options, the session, the
 * index) shares with fetch_files.c (filings and Feed archives through the
 * journal, into the store by an ingest alongside) and fetch_api.c (the
 * submissions JSON API and the nightly bulk zips, kept as files). */
#ifndef EDGR_CLI_FETCH_H
#define EDGR_CLI_FETCH_H

#include <stdint.h>

#include "edgr/fetch.h"
#include "edgr/store.h"

/* At most this many --form and --cik each (a plan of more is a list for
 * a file of CIKs, which the index tables answer with SQL). */
#define FETCH_MAX_FILTERS 64

typedef struct fargs {
    const char *db, *user_agent, *base_url, *data_url, *cache, *sub, *kind_name, *keep;
    char host[256];          /* of base_url: the cache's folder */
    char data_host[256];     /* of data_url: the cache's folder for the JSON API */
    const char **names;      /* what follows submissions (CIKs) or bulk (a name) */
    int nnames;
    int from_y, from_q, to_y, to_q, uncapped, quiet, daily, dry_run, resume, jobs, kind_set, jobs_set, data_url_set;
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

/* Where a file of `host` at path `rel` goes: --keep DIR at that path,
 * else the cache under the host's name (two servers' files never mix). */
void fetch_dest(const fargs *a, const char *host, const char *rel, char *out, size_t cap);

/* mkdir -p for the folder holding `path`; 0 or -1 (errno). */
int fetch_make_parents(char *path);
/* Tells the user why a transfer waits (an edgr_http_attempt_fn; user: fargs). */
void fetch_on_attempt(void *user, const edgr_http_result *r, const edgr_http_decision *d);

/* SHA-256 (64 hex digits) and size of a whole file; 0 or -1 (errno). */
int fetch_file_digest(const char *path, char sha[65], uint64_t *size);

/* edgr fetch filings / feed (fetch_files.c): an exit status. */
int fetch_filings(fetch_session *s);
int fetch_feed(fetch_session *s);

/* "320193", "0000320193" or "CIK0000320193" as a number; 0 when it is no
 * CIK (digits, at most 9999999999, not 0). */
uint64_t fetch_parse_cik(const char *v);
/* The bulk zip of `name` ("submissions", "companyfacts"): its path below
 * the Archives host, or NULL for another name. */
const char *fetch_bulk_path(const char *name);
/* edgr fetch submissions / bulk (fetch_api.c): an exit status. */
int fetch_submissions(fetch_session *s);
int fetch_bulk(fetch_session *s);

#endif
