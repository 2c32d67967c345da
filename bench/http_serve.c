/*
 * make bench, the fetch part: a small static file server for bench/fetch.sh
 * (the Python stand-in of tests/fetch is its own bound at these speeds).
 *
 *   edgr_http_serve ROOT PORT_FILE [LIFETIME_S]
 *
 * Serves the files under ROOT on 127.0.0.1, on a free port written to
 * PORT_FILE once it listens: GET only, HTTP/1.1 keep-alive, one thread a
 * connection, the body by sendfile(), with Content-Length, an ETag (size
 * and mtime) and Last-Modified.  A missing file (or a path with "..") is a
 * 403, as the SEC's S3 answers.  Range, conditional requests and gzip are
 * not offered: a client gets the whole file with 200.  The process exits
 * after LIFETIME_S seconds (default 600) in any case, and on SIGTERM; it
 * then prints the requests it answered and the bytes it sent to stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *root;
static atomic_ulong requests, bytes_sent;

static void report(int sig)
{
    char line[160];
    int n = snprintf(line, sizeof line, "edgr_http_serve: %lu requests, %lu body bytes%s\n",
                     (unsigned long)atomic_load(&requests), (unsigned long)atomic_load(&bytes_sent),
                     sig == SIGALRM ? " (lifetime over)" : "");
    if (n > 0) (void)!write(2, line, (size_t)n);
    _exit(0);
}

static int send_all(int fd, const char *p, size_t n, int more)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL | (more ? MSG_MORE : 0));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static const char DENIED[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                             "<Message>Access Denied</Message></Error>";

/* One request's answer; 0 to keep the connection, -1 to close it. */
static int answer(int fd, const char *path, int close_after)
{
    char head[1024];
    const char *conn = close_after ? "close" : "keep-alive";
    int file = -1;
    struct stat sb;
    if (path[0] == '/' && !strstr(path, "..")) {
        char full[8192];
        snprintf(full, sizeof full, "%s%s", root, path);
        char *q = strchr(full, '?');
        if (q) *q = '\0';
        file = open(full, O_RDONLY | O_CLOEXEC);
        if (file >= 0 && (fstat(file, &sb) || !S_ISREG(sb.st_mode))) close(file), file = -1;
    }
    atomic_fetch_add(&requests, 1);
    if (file < 0) {
        int n = snprintf(head, sizeof head,
                         "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: %zu\r\n"
                         "Connection: %s\r\n\r\n%s",
                         sizeof DENIED - 1, conn, DENIED);
        return send_all(fd, head, (size_t)n, 0) || close_after ? -1 : 0;
    }
    char lm[64];
    struct tm tm;
    gmtime_r(&sb.st_mtime, &tm);
    strftime(lm, sizeof lm, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %lld\r\nETag: \"%llx-%llx\"\r\n"
                     "Last-Modified: %s\r\nConnection: %s\r\n\r\n",
                     strstr(path, ".gz") ? "binary/octet-stream" : "text/plain", (long long)sb.st_size,
                     (unsigned long long)sb.st_size, (unsigned long long)sb.st_mtime, lm, conn);
    int rc = send_all(fd, head, (size_t)n, sb.st_size > 0);
    off_t off = 0;
    while (!rc && off < sb.st_size) {
        ssize_t w = sendfile(fd, file, &off, (size_t)(sb.st_size - off));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) rc = -1;
        else atomic_fetch_add(&bytes_sent, (unsigned long)w);
    }
    close(file);
    return rc || close_after ? -1 : 0;
}

static void *connection(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[16384];
    size_t have = 0;
    /* bounded: a request at most 16 KB, a client idle 30 s is dropped */
    for (;;) {
        char *end = have ? memmem(buf, have, "\r\n\r\n", 4) : NULL;
        if (!end) {
            if (have == sizeof buf) break;
            ssize_t r = recv(fd, buf + have, sizeof buf - have, 0);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            have += (size_t)r;
            continue;
        }
        *end = '\0';
        size_t used = (size_t)(end + 4 - buf);
        char method[16], path[4096], version[16];
        if (sscanf(buf, "%15s %4095s %15s", method, path, version) != 3 || strcmp(method, "GET")) break;
        int close_after = strcmp(version, "HTTP/1.1") != 0;
        for (char *h = strstr(buf, "\r\n"); h; h = strstr(h + 2, "\r\n"))
            if (!strncasecmp(h + 2, "Connection:", 11) && strcasestr(h + 13, "close")) close_after = 1;
        if (answer(fd, path, close_after)) break;
        memmove(buf, buf + used, have - used);
        have -= used;
    }
    close(fd);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: edgr_http_serve ROOT PORT_FILE [LIFETIME_S]\n");
        return 2;
    }
    root = argv[1];
    unsigned lifetime = argc > 3 ? (unsigned)strtoul(argv[3], NULL, 10) : 600;
    signal(SIGALRM, report);
    signal(SIGTERM, report);
    signal(SIGPIPE, SIG_IGN);
    alarm(lifetime ? lifetime : 600);
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof sa;
    if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof sa) || listen(ls, 128) ||
        getsockname(ls, (struct sockaddr *)&sa, &sl)) {
        perror("edgr_http_serve: listen");
        return 1;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *pf = fopen(tmp, "w");
    if (!pf || fprintf(pf, "%u\n", (unsigned)ntohs(sa.sin_port)) < 0 || fclose(pf) || rename(tmp, argv[2])) {
        perror("edgr_http_serve: port file");
        return 1;
    }
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&at, 256 * 1024);
    for (;;) {
        int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            perror("edgr_http_serve: accept");
            return 1;
        }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct timeval tv = {.tv_sec = 30};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        pthread_t th;
        if (pthread_create(&th, &at, connection, (void *)(intptr_t)fd)) close(fd);
    }
}
