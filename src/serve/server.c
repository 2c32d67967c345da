/*
 * The HTTP server of edgr serve, on libmicrohttpd: a thread pool over
 * epoll, one read-only store connection per worker thread, and the rules
 * every answer follows: GET and HEAD only (405 otherwise, no request body
 * read), 414 past 8 KB of request target, idle connections closed after
 * 30 s and slow ones too (deadline.c), a cap on each client's connections, errors as {"error": "..."},
 * gzip when asked, a strong ETag on every JSON with 304 for
 * If-None-Match, Access-Control-Allow-Origin: * as the SEC sends, and a
 * line of access log per request on stderr.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <microhttpd.h>
#include <zlib.h>

#include "deadline.h"
#include "serve.h"

/* One request: what the URI log callback saw (the whole target, before
 * libmicrohttpd splits the query off) and when it began. */
typedef struct request {
    char *uri;
    size_t uri_len;
    double t0;
    int seen, answered;
} request;

static const serve_config *config;
static pthread_key_t store_key;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void close_store(void *p) { edgr_store_close(p); }

/* This worker's store, opened read-only on its first request. */
static edgr_store *worker_store(char *err, size_t errlen)
{
    edgr_store *st = pthread_getspecific(store_key);
    if (st) return st;
    st = edgr_store_open(config->db, EDGR_STORE_READONLY, err, errlen);
    if (st) pthread_setspecific(store_key, st);
    return st;
}

/* What makes an ETag change: the store's files (the database and its
 * write-ahead log: any commit touches one of them). */
static uint64_t generation(void)
{
    uint64_t g = 1469598103934665603ull;
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", config->db);
    const char *files[] = {config->db, wal};
    for (int i = 0; i < 2; i++) {
        struct stat s;
        if (stat(files[i], &s)) continue;
        uint64_t v[3] = {(uint64_t)s.st_mtim.tv_sec, (uint64_t)s.st_mtim.tv_nsec, (uint64_t)s.st_size};
        for (int k = 0; k < 3; k++) g = (g ^ v[k]) * 1099511628211ull;
    }
    return g;
}

static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls, (void)c;
    request *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->uri_len = uri ? strlen(uri) : 0;
    r->uri = r->uri_len <= SERVE_MAX_URI ? strdup(uri ? uri : "") : NULL;
    r->t0 = now();
    return r;
}

static deadline_slot *slot_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* Each connection's deadline: armed at its opening (see deadline.c). */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode what)
{
    (void)cls;
    if (what == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = ci ? deadline_open(ci->connect_fd) : NULL;
    } else if (what == MHD_CONNECTION_NOTIFY_CLOSED) {
        deadline_close(*socket_context);
        *socket_context = NULL;
    }
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)why;
    deadline_arm(slot_of(c), 1); /* the next request has the deadline again */
    request *r = *con_cls;
    if (r) free(r->uri);
    free(r);
    *con_cls = NULL;
}

static const char *arg(void *req, const char *name)
{
    const char *v = MHD_lookup_connection_value(req, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

/* {"error": "sentence"} */
static char *error_json(const char *msg, size_t *len)
{
    size_t n = strlen(msg);
    char *o = malloc(n * 6 + 16), *q = o;
    if (!o) return NULL;
    q += sprintf(q, "{\"error\":\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)msg[i];
        if (ch == '"' || ch == '\\') *q++ = '\\', *q++ = (char)ch;
        else if (ch < 0x20) q += sprintf(q, "\\u%04x", ch);
        else *q++ = (char)ch;
    }
    q += sprintf(q, "\"}");
    *len = (size_t)(q - o);
    return o;
}

/* gzip of p[0..n) (malloc'd), or NULL. */
static char *gzip(const char *p, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return NULL;
    size_t cap = deflateBound(&z, (uLong)n);
    char *o = malloc(cap);
    if (!o) {
        deflateEnd(&z);
        return NULL;
    }
    z.next_in = (Bytef *)p, z.avail_in = (uInt)n;
    z.next_out = (Bytef *)o, z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    *out_len = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(o);
        return NULL;
    }
    return o;
}

static int accepts_gzip(struct MHD_Connection *c)
{
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    return ae && strstr(ae, "gzip") != NULL;
}

static void access_log(struct MHD_Connection *c, const char *method, const request *r, unsigned status, size_t bytes)
{
    if (config->quiet) return;
    char ip[64] = "?";
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, ip, sizeof ip);
    /* the target as the client sent it, control bytes shown safely */
    char safe[512];
    size_t k = 0;
    for (size_t i = 0; r && r->uri && r->uri[i] && k + 5 < sizeof safe; i++) {
        unsigned char ch = (unsigned char)r->uri[i];
        if (ch < 0x20 || ch == 0x7f || ch == '"') k += (size_t)snprintf(safe + k, sizeof safe - k, "\\x%02x", ch);
        else safe[k++] = (char)ch;
    }
    safe[k] = '\0';
    fprintf(stderr, "%s \"%s %s%s\" %u %zu %.2fms\n", ip, method, safe, r && !r->uri ? "(over 8 KB)" : "", status,
            bytes, r ? (now() - r->t0) * 1e3 : 0.0);
}

static const char JSON_TYPE[] = "application/json";

/* `type`: the Content-Type (NULL for none: a 304) */
static enum MHD_Result reply(struct MHD_Connection *c, const char *method, request *r, unsigned status, char *body,
                             size_t len, const char *etag, const char *type)
{
    int gz = 0;
    if (body && len >= SERVE_GZIP_MIN && accepts_gzip(c)) {
        size_t zl;
        char *z = gzip(body, len, &zl);
        if (z) {
            free(body);
            body = z, len = zl, gz = 1;
        }
    }
    struct MHD_Response *res = MHD_create_response_from_buffer(len, body ? body : (char *)"", body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!res) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(res, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (type) MHD_add_response_header(res, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    /* the page's rules, on every answer: nothing but this server's own
     * files runs or loads, and no type is guessed from the bytes */
    MHD_add_response_header(res, "Content-Security-Policy", "default-src 'self'");
    MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
    if (gz) MHD_add_response_header(res, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    MHD_add_response_header(res, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    if (etag) MHD_add_response_header(res, MHD_HTTP_HEADER_ETAG, etag);
    if (status == 405) MHD_add_response_header(res, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result ok = MHD_queue_response(c, status, res);
    MHD_destroy_response(res);
    access_log(c, method, r, status, len);
    return ok;
}

static enum MHD_Result error_reply(struct MHD_Connection *c, const char *method, request *r, unsigned status,
                                   const char *msg)
{
    size_t len = 0;
    char *b = error_json(msg, &len);
    return reply(c, method, r, status, b, len, NULL, JSON_TYPE);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)cls, (void)version, (void)upload;
    request *r = *con_cls;
    if (!r) return error_reply(c, method, r, 503, "out of memory: try again");
    if (r->answered) { /* a body being sent after our answer: not read */
        *upload_size = 0;
        return MHD_YES;
    }
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        r->answered = 1; /* at once, the body unread: the connection closes after */
        *upload_size = 0;
        return error_reply(c, method, r, 405, "only GET and HEAD are served");
    }
    /* answered on the second call, once the request is whole: an answer
     * queued on the first call makes libmicrohttpd close the connection */
    if (!r->seen) {
        r->seen = 1;
        deadline_arm(slot_of(c), 0); /* its header is whole */
        return MHD_YES;
    }
    if (*upload_size) { /* a GET with a body: not read */
        *upload_size = 0;
        return MHD_YES;
    }
    r->answered = 1;
    if (r->uri_len > SERVE_MAX_URI) return error_reply(c, method, r, 414, "the request target is over 8 KB");
    char err[512];
    edgr_store *st = worker_store(err, sizeof err);
    if (!st) return error_reply(c, method, r, 503, err);
    /* the ETag: the store's generation and the whole target */
    char etag[40];
    uint64_t h = fnv(generation(), r->uri, strlen(r->uri));
    snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)h);
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (inm && strstr(inm, etag)) return reply(c, method, r, 304, NULL, 0, etag, NULL);
    serve_answer a;
    serve_route(st, url, arg, c, &a);
    if (a.status != 200) return error_reply(c, method, r, a.status, a.error);
    return reply(c, method, r, 200, a.body, a.len, etag, a.content_type ? a.content_type : JSON_TYPE);
}

int serve_run(const serve_config *c)
{
    config = c;
    if (pthread_key_create(&store_key, close_store)) return 3;
    /* the store must open before the port does: a wrong --db is said at once */
    char err[512];
    edgr_store *probe = edgr_store_open(c->db, EDGR_STORE_READONLY, err, sizeof err);
    if (!probe) {
        fprintf(stderr, "edgr serve: %s\n", err);
        return 3;
    }
    edgr_store_close(probe);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)c->port);
    if (inet_pton(AF_INET, c->host, &sa.sin_addr) != 1) {
        fprintf(stderr, "edgr serve: --listen: \"%s\" is no IPv4 address\n", c->host);
        return 2;
    }
    /* signals to this thread only: the workers inherit the mask */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    unsigned threads = c->threads ? c->threads : 2;
    unsigned idle = c->idle_seconds ? c->idle_seconds : SERVE_IDLE_SECONDS;
    if (deadline_start(idle)) {
        fprintf(stderr, "edgr serve: cannot start the slow-client watchdog\n");
        return 3;
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD, 0, NULL, NULL, handler, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_TIMEOUT, idle,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)SERVE_MAX_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SERVE_PER_CLIENT, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)SERVE_MAX_CONNECTIONS, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL, MHD_OPTION_NOTIFY_COMPLETED,
        on_done, NULL, MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "edgr serve: cannot listen on %s:%u: %s\n", c->host, c->port, strerror(errno));
        deadline_stop();
        return 3;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "edgr serve: listening on http://%s:%u/ (%u threads, store %s)\n", c->host,
            di ? (unsigned)di->port : c->port, threads, c->db);
    int sig = 0;
    sigwait(&sigs, &sig);
    MHD_stop_daemon(d);
    deadline_stop();
    if (!c->quiet) fprintf(stderr, "edgr serve: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}
