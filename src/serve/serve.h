/*
 * edgr serve (issue 16): the store over HTTP.  The server (server.c: the
 * daemon, the rules every answer follows) and the routes (routes.c: a path
 * to what the store says) meet here.
 */
#ifndef EDGR_SERVE_H
#define EDGR_SERVE_H

#include <stddef.h>
#include <stdint.h>

#include "edgr/edgr.h"
#include "edgr/store.h"

/* Named limits, each with its reason. */
enum {
    SERVE_MAX_URI = 8192,        /* longer request targets get 414           */
    SERVE_IDLE_SECONDS = 30,     /* an idle or slow connection is closed     */
    SERVE_PER_CLIENT = 64,       /* connections of one address at a time     */
    SERVE_MAX_CONNECTIONS = 1024, /* and the listen backlog: a burst of
                                     clients is queued, not made to retry
                                     their SYN a second later          */
    SERVE_GZIP_MIN = 1024        /* smaller bodies are not worth the CPU     */
};

typedef struct serve_config {
    const char *db;              /* the store                                 */
    const char *host;            /* "127.0.0.1"                               */
    unsigned port;               /* 0: any free port (said on stderr)         */
    unsigned threads;            /* worker threads (0: the cores)             */
    unsigned idle_seconds;       /* 0: SERVE_IDLE_SECONDS                     */
    int quiet;                   /* no access log                             */
} serve_config;

/* What a route answers: a status and a JSON body (malloc'd, the server's
 * to free), or an error sentence for {"error": ...}. */
typedef struct serve_answer {
    unsigned status;
    char *body;
    size_t len;
    const char *content_type;    /* NULL: application/json                   */
    char error[256];
} serve_answer;

/* The answer for GET `path` (no query string) with query `args` (the
 * server's look-up of a query argument).  `st` is this worker's store. */
typedef const char *(*serve_arg_fn)(void *req, const char *name);
void serve_route(edgr_store *st, const char *path, serve_arg_fn arg, void *req, serve_answer *out);

/* The search page's file at `path` ("/", "/app.js", "/app.css") into *out
 * (page.c): 1, or 0 when `path` is none of them. */
int serve_page(const char *path, serve_answer *out);

/* /Archives/edgar/data/... (archives.c): 1 with *out set when `path` is
 * under it, else 0. */
int serve_archives(edgr_store *st, const char *path, serve_answer *out);

/* An item's own bytes (format=html) or its text with Markdown tables
 * (format=markdown), read again from the recorded source (archives.c). */
int serve_item_source(edgr_store *st, const char *accession, const char *item, long document, int markdown,
                      serve_answer *out);

/* Run until SIGINT or SIGTERM.  Returns an exit code (cli.h's). */
int serve_run(const serve_config *c);

#endif
