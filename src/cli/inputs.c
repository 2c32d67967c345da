/*
 * Inputs: files (read in chunks), '-' (stdin), directories (walked, sorted),
 * and tar / tar.gz / .nc.tar.gz archives (libarchive, member by member, never
 * the whole archive in memory).  Archives and compressed files are known by
 * their first bytes, not their names: a .gz (or zstd, bzip2, xz) that holds
 * one submission is read as that submission, and a pipe from curl works.  Files run on a pool of --jobs workers whose
 * output is printed in input order; an archive is one long sequential unit.
 *
 * Files are read, never memory-mapped: a file cut while it is mapped raises
 * SIGBUS at the first page past its new end, and kills the process; read
 * sees the end, and a file shorter than it was at open is an error for that
 * file ("the file shrank while being read").  gzip is inflated here (zlib),
 * not by libarchive, whose gzip filter checks neither CRC-32 nor length.
 */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <libdeflate.h>
#include <zlib.h>

#include "cli.h"

enum { CHUNK = FD_CHUNK };

/* ---- units ------------------------------------------------------------- */

/* The next chunk of f: its sniffed bytes first, then reads. */
static int fd_chunk(fd_state *f, const char **p, size_t *n, char *err, size_t errlen)
{
    if (f->pending) {
        *p = f->buf;
        *n = f->pending;
        f->pending = 0;
        return 1;
    }
    for (;;) {
        ssize_t r = read(f->fd, f->buf, CHUNK);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            snprintf(err, errlen, "read error: %s", strerror(errno));
            return -1;
        }
        if (r == 0) return 0;
        *p = f->buf;
        *n = (size_t)r;
        return 1;
    }
}

static int file_next(unit *u, const char **p, size_t *n, char *err, size_t errlen)
{
    file_unit *s = (file_unit *)u;
    int r = fd_chunk(&s->f, p, n, err, errlen);
    if (r == 1) s->got += *n;
    if (r == 0 && s->got < s->size) {
        snprintf(err, errlen, "the file shrank while being read (%llu of %llu bytes)",
                 (unsigned long long)s->got, (unsigned long long)s->size);
        return -1;
    }
    return r;
}

int file_unit_init(file_unit *fu, int fd, const char *name, int walked)
{
    fd_state f = {fd, malloc(CHUNK), 0};
    if (!f.buf) return -1;
    file_unit_sniffed(fu, f, name, walked);
    sniff_fd(&fu->f);
    return 0;
}

void file_unit_sniffed(file_unit *fu, fd_state f, const char *name, int walked)
{
    *fu = (file_unit){.u = {.name = name, .path = name, .next = file_next, .walked = walked}, .f = f};
    /* a regular file's size now, from the offset it is read at ('-'
     * redirected from a file read in part already) */
    struct stat st;
    if (fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t at = lseek(f.fd, 0, SEEK_CUR);
        if (at < 0) at = 0;
        if (st.st_size > at) fu->size = (uint64_t)(st.st_size - at) + f.pending;
    }
}

void file_unit_free(file_unit *fu)
{
    free(fu->f.buf);
    fu->f.buf = NULL;
}

static int ar_next(unit *u, const char **p, size_t *n, char *err, size_t errlen)
{
    member_unit *m = (member_unit *)u;
    if (!m->prefix_given && m->prefix_n) { /* what was read of it before */
        m->prefix_given = 1;
        *p = m->prefix;
        *n = m->prefix_n;
        return 1;
    }
    if (m->copy) {
        /* after archive_read_data (the prefix), blocks would skip what it
         * holds of the current one: go on reading as it did */
        la_ssize_t got = archive_read_data(m->in->a, m->copy, m->copy_n);
        if (got == 0) return 0;
        if (got < 0) {
            const char *gz = archive_in_damage(m->in);
            if (gz) snprintf(err, errlen, "%s", gz);
            else snprintf(err, errlen, "archive: %s", archive_error_string(m->in->a));
            return -1;
        }
        *p = m->copy;
        *n = (size_t)got;
        return 1;
    }
    const void *buf;
    size_t size;
    la_int64_t off;
    int r = archive_read_data_block(m->in->a, &buf, &size, &off);
    if (r == ARCHIVE_EOF) return 0;
    if (r < ARCHIVE_WARN) {
        const char *gz = archive_in_damage(m->in);
        if (gz) snprintf(err, errlen, "%s", gz);
        else snprintf(err, errlen, "archive: %s", archive_error_string(m->in->a));
        return -1;
    }
    *p = buf;
    *n = size;
    return 1;
}

int member_unit_init(member_unit *m, archive_in *x, const char *prefix, size_t prefix_n)
{
    *m = (member_unit){.u = {.next = ar_next}, .in = x, .prefix = prefix, .prefix_n = prefix_n};
    m->u.state = m;
    if (prefix_n) {
        m->copy_n = 1 << 20;
        if (!(m->copy = malloc(m->copy_n))) return -1;
    }
    return 0;
}

void member_unit_free(member_unit *m)
{
    free(m->copy);
    m->copy = NULL;
}

/* ---- what the bytes are ------------------------------------------------ */

int input_magic(const void *v, size_t n)
{
    const unsigned char *p = v;
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) return MAGIC_GZIP;
    if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) return MAGIC_ZSTD;
    if (n >= 4 && p[0] == 'B' && p[1] == 'Z' && p[2] == 'h' && p[3] >= '1' && p[3] <= '9') return MAGIC_BZIP2;
    if (n >= 6 && !memcmp(p, "\xfd" "7zXZ\0", 6)) return MAGIC_XZ;
    if (n >= 262 && !memcmp(p + 257, "ustar", 5)) return MAGIC_TAR;
    return MAGIC_NONE;
}

const char *magic_name(int m)
{
    static const char *const NAMES[] = {"plain", "gzip", "zstd", "bzip2", "xz", "tar"};
    return m >= 0 && m <= MAGIC_TAR ? NAMES[m] : "plain";
}

int file_is_archive(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    unsigned char head[MAGIC_BYTES];
    ssize_t n = pread(fd, head, sizeof head, 0);
    close(fd);
    return n > 0 && input_magic(head, (size_t)n) != MAGIC_NONE;
}

struct archive *archive_reader(void)
{
    struct archive *a = archive_read_new();
    if (!a) return NULL;
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_raw(a); /* a lone .gz: one member, "data" */
    return a;
}

/* ---- the work list ----------------------------------------------------- */

enum { K_FILE, K_STDIN, K_ARCHIVE };

typedef struct item {
    char *path;
    int kind;
    int walked;
    /* results, filled by a worker */
    edgr_buf out, err;
    int rc, done;
    int skipped;   /* skipped with a warning (for the summary) */
} item;

typedef struct worklist {
    item *items;
    size_t len, cap;
} worklist;

static int add_item(worklist *w, const char *path, int kind)
{
    if (w->len == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        item *n = realloc(w->items, cap * sizeof *n);
        if (!n) return -1;
        w->items = n;
        w->cap = cap;
    }
    item *it = &w->items[w->len++];
    memset(it, 0, sizeof *it);
    it->path = strdup(path);
    it->kind = kind;
    return it->path ? 0 : -1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int is_archive_name(const char *p)
{
    return ends_with(p, ".tar") || ends_with(p, ".tar.gz") || ends_with(p, ".tgz") ||
           ends_with(p, ".tar.bz2") || ends_with(p, ".tar.xz");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directories one walk has entered (device and inode), so that a link
 * back to one of them (a loop) or a second link to it is not followed. */
typedef struct visited {
    struct { dev_t dev; ino_t ino; } *v;
    size_t len, cap;
} visited;

/* 1 if st's directory was entered already; else remembers it, 0. */
static int seen_dir(visited *vs, const struct stat *st)
{
    for (size_t i = 0; i < vs->len; i++)
        if (vs->v[i].dev == st->st_dev && vs->v[i].ino == st->st_ino) return 1;
    if (vs->len == vs->cap) {
        size_t cap = vs->cap ? vs->cap * 2 : 16;
        void *n = realloc(vs->v, cap * sizeof *vs->v);
        if (!n) return 0; /* not remembered: the depth bound still ends a loop */
        vs->v = n;
        vs->cap = cap;
    }
    vs->v[vs->len].dev = st->st_dev;
    vs->v[vs->len].ino = st->st_ino;
    vs->len++;
    return 0;
}

enum { WALK_MAX_DEPTH = 64 };

/* Walk a directory in sorted order, so output order does not depend on the
 * file system.  Links are followed, but no directory twice, and no deeper
 * than WALK_MAX_DEPTH; what is left out is said, as a warning. */
static int walk(worklist *w, const char *dir, const struct stat *dst, visited *vs, sink *err,
                int depth)
{
    if (seen_dir(vs, dst)) {
        sink_printf(err, "%s: 0: warning: directory already walked (a link back into the walk); "
                         "skipped\n", dir);
        return 0;
    }
    if (depth > WALK_MAX_DEPTH) {
        sink_printf(err, "%s: 0: warning: directory more than %d levels deep; skipped\n", dir,
                    WALK_MAX_DEPTH);
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        sink_printf(err, "%s: 0: cannot open directory: %s\n", dir, strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* hidden files and . .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) break;
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (names[n]) n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str); /* qsort(NULL, 0) is undefined */
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(len);
        if (p) {
            snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
            struct stat st;
            if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
                rc |= walk(w, p, &st, vs, err, depth + 1);
            else if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
                if (add_item(w, p, is_archive_name(p) ? K_ARCHIVE : K_FILE) == 0)
                    w->items[w->len - 1].walked = 1;
            free(p);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* One directory named as an input.  What was entered is remembered per
 * argument: a folder named twice is read twice, as asked. */
static int walk_arg(worklist *w, const char *dir, const struct stat *st, sink *err)
{
    visited vs = {0};
    int rc = walk(w, dir, st, &vs, err, 0);
    free(vs.v);
    return rc;
}

/* Every input named (directories walked in sorted order), for drivers
 * that schedule their own work (ingest). */
int inputs_each(char **paths, int npaths, sink *err, input_fn fn, void *user)
{
    worklist w = {0};
    int rc = 0;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            sink_printf(err, "%s: 0: %s\n", paths[i], strerror(errno));
            rc = 1;
        } else if (S_ISDIR(st.st_mode)) rc |= walk_arg(&w, paths[i], &st, err);
        else add_item(&w, paths[i], is_archive_name(paths[i]) ? K_ARCHIVE : K_FILE);
    }
    for (size_t i = 0; i < w.len; i++)
        if (fn(user, w.items[i].path, w.items[i].kind == K_ARCHIVE || file_is_archive(w.items[i].path),
               w.items[i].walked))
            break;
    for (size_t i = 0; i < w.len; i++) free(w.items[i].path);
    free(w.items);
    return rc;
}

/* ---- running one item -------------------------------------------------- */

/* A unit's run returns 0, 1 (it failed) or EXIT_STORE (the disk failed:
 * a full disk under extract); or-ed over a batch, EXIT_STORE's bits stay,
 * and the batch stops there, since every later write would fail too. */
static int batch_stops(int rc)
{
    return (rc & EXIT_STORE) == EXIT_STORE;
}

static int run_archive(const command *c, const opts *o, item *it, sink *out, sink *err,
                       fd_state *in);

size_t sniff_fd(fd_state *f)
{
    size_t got = 0;
    while (got < MAGIC_BYTES) {
        ssize_t r = read(f->fd, f->buf + got, CHUNK - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    return f->pending = got;
}

static int run_file(const command *c, const opts *o, item *it, sink *out, sink *err)
{
    int fd = it->kind == K_STDIN ? 0 : open(it->path, O_RDONLY | O_CLOEXEC);
    const char *name = it->kind == K_STDIN ? "<stdin>" : it->path;
    if (fd < 0) {
        sink_printf(err, "%s: 0: cannot open: %s\n", name, strerror(errno));
        return 1;
    }
    int rc;
    file_unit fu;
    if (file_unit_init(&fu, fd, name, it->walked)) {
        sink_printf(err, "%s: 0: out of memory\n", name);
        if (fd) close(fd);
        return 1;
    }
    if (input_magic(fu.f.buf, fu.f.pending) != MAGIC_NONE) { /* compressed or tar */
        if (fd) { /* read by name: libarchive seeks over what it skips */
            close(fd);
            file_unit_free(&fu);
            return run_archive(c, o, it, out, err, NULL);
        }
        rc = run_archive(c, o, it, out, err, &fu.f);
        file_unit_free(&fu);
        return rc;
    }
    rc = c->run(c, o, &fu.u, out, err);
    file_unit_free(&fu);
    if (fd) close(fd);
    return rc;
}

/* libarchive reading a pipe whose first bytes were sniffed already. */
static la_ssize_t fd_read_cb(struct archive *a, void *user, const void **buf)
{
    (void)a;
    fd_state *f = user;
    *buf = f->buf;
    if (f->pending) {
        la_ssize_t n = (la_ssize_t)f->pending;
        f->pending = 0;
        return n;
    }
    for (;;) {
        ssize_t r = read(f->fd, f->buf, CHUNK);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) archive_set_error(a, errno, "read error: %s", strerror(errno));
        return r;
    }
}

int archive_open_fd(struct archive *a, fd_state *f)
{
    return archive_read_open(a, f, NULL, fd_read_cb, NULL);
}

/* ---- gzip, its CRC-32 and length checked --------------------------------- */

/* libarchive's gzip filter (3.6) never looks at a member's trailer, so a
 * damaged .tar.gz was read and stored as if sound.  gzip is inflated here
 * instead (zlib, windowBits 15+16: the gzip header and trailer) and
 * libarchive is handed the inflated bytes.  Each member's CRC-32 and length
 * are checked against its trailer: the CRC by libdeflate, four times as fast
 * as zlib's (which would double the time parse takes over a .tar.gz; zlib's
 * own check is turned off with inflateValidate).  Members follow each other
 * (gzip -c a b); anything after the last one that is no gzip member is
 * ignored, as libarchive and gzip do.  The output of the inflate that finds
 * a bad trailer is not handed out. */
enum { GZ_OUT = 1 << 18 };
/* A tar ends with two zero blocks; without them it was cut short. */
enum { TAR_END = 1024 };

struct gz_src {
    fd_state *f;        /* the compressed bytes: buf[0..len), next at next_in */
    fd_state own;       /* f for a path (opened here) */
    z_stream z;
    int z_ready;
    unsigned char *out;
    uint64_t base;      /* compressed offset of f->buf[0] */
    size_t len;         /* compressed bytes in f->buf */
    unsigned char prev[8]; /* the 8 compressed bytes before f->buf[0] */
    uint32_t crc, isize;   /* of the member's output so far */
    uint64_t total;        /* output of every member so far */
    int eof, done, member; /* input ended; output ended; inside a member */
    char why[160];      /* set once the data is found damaged */
    unsigned char tail[TAR_END]; /* the last bytes handed out (a tar's end blocks) */
    size_t tail_len;
};

static uint64_t gz_offset(const gz_src *g)
{
    return g->base + (uint64_t)((const char *)g->z.next_in - g->f->buf);
}

/* At least `want` compressed bytes available (unless the input ends):
 * what is left is moved to the front and more is read after it.  -1 on a
 * read error. */
static int gz_fill(gz_src *g, size_t want)
{
    size_t left = g->z.avail_in, used = g->len - left;
    if (left >= want || g->eof) return 0;
    if (used) { /* the trailer just read may begin in what is dropped */
        const unsigned char *b = (const unsigned char *)g->f->buf;
        if (used >= 8) memcpy(g->prev, b + used - 8, 8);
        else {
            memmove(g->prev, g->prev + used, 8 - used);
            memcpy(g->prev + 8 - used, b, used);
        }
        memmove(g->f->buf, g->f->buf + used, left);
        g->base += used;
        g->len = left;
    }
    while (g->len < want && !g->eof) {
        ssize_t r = read(g->f->fd, g->f->buf + g->len, CHUNK - g->len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return -1;
        if (r == 0) g->eof = 1;
        g->len += (size_t)r;
    }
    g->z.next_in = (Bytef *)g->f->buf;
    g->z.avail_in = (uInt)g->len;
    return 0;
}

static la_ssize_t gz_fail(struct archive *a, gz_src *g, const char *what, uint64_t at)
{
    if (!g->why[0])
        snprintf(g->why, sizeof g->why, "gzip data is damaged (%s at compressed byte %llu)", what,
                 (unsigned long long)at);
    archive_set_error(a, EILSEQ, "%s", g->why);
    return -1;
}

static la_ssize_t gz_read_cb(struct archive *a, void *user, const void **buf)
{
    gz_src *g = user;
    *buf = g->out;
    if (g->why[0]) return gz_fail(a, g, "", 0);
    if (g->done) return 0;
    g->z.next_out = g->out;
    g->z.avail_out = GZ_OUT;
    while (g->z.avail_out) {
        if (!g->member) { /* another member follows? */
            if (gz_fill(g, 2)) goto read_error;
            const unsigned char *p = g->z.next_in;
            if (g->z.avail_in < 2 || p[0] != 0x1f || p[1] != 0x8b) {
                g->done = 1;
                break;
            }
            if (inflateReset(&g->z) != Z_OK || inflateValidate(&g->z, 0) != Z_OK)
                return gz_fail(a, g, "inflate", gz_offset(g));
            g->member = 1;
            g->crc = 0;
            g->isize = 0;
        }
        if (!g->z.avail_in) {
            if (gz_fill(g, 1)) goto read_error;
            if (!g->z.avail_in) {
                snprintf(g->why, sizeof g->why, "gzip data is truncated (it ends at compressed byte %llu, "
                         "inside a member)", (unsigned long long)gz_offset(g));
                return gz_fail(a, g, "", 0);
            }
        }
        unsigned char *from = g->z.next_out;
        int r = inflate(&g->z, Z_NO_FLUSH);
        size_t made = (size_t)(g->z.next_out - from);
        g->crc = libdeflate_crc32(g->crc, from, made);
        g->isize += (uint32_t)made;
        g->total += made;
        if (r == Z_STREAM_END) { /* the trailer, just read: CRC-32 and ISIZE, little-endian */
            g->member = 0;
            size_t at = (size_t)((const char *)g->z.next_in - g->f->buf);
            unsigned char t[8];
            for (size_t i = 0; i < 8; i++) t[i] = at + i >= 8 ? (unsigned char)g->f->buf[at + i - 8] : g->prev[at + i];
            uint32_t crc = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
            uint32_t len = (uint32_t)t[4] | (uint32_t)t[5] << 8 | (uint32_t)t[6] << 16 | (uint32_t)t[7] << 24;
            /* named at the field found wrong: the trailer's CRC-32 is 8
             * bytes before here, its ISIZE 4 */
            if (crc != g->crc) return gz_fail(a, g, "CRC-32 mismatch", gz_offset(g) - 8);
            if (len != g->isize) return gz_fail(a, g, "length mismatch", gz_offset(g) - 4);
        } else if (r == Z_DATA_ERROR) {
            return gz_fail(a, g, g->z.msg ? g->z.msg : "invalid data", gz_offset(g));
        } else if (r == Z_MEM_ERROR) {
            archive_set_error(a, ENOMEM, "out of memory inflating gzip data");
            return -1;
        } else if (r != Z_OK && r != Z_BUF_ERROR)
            return gz_fail(a, g, g->z.msg ? g->z.msg : "inflate", gz_offset(g));
    }
    size_t made = GZ_OUT - g->z.avail_out;
    if (made >= TAR_END) {
        memcpy(g->tail, g->out + made - TAR_END, TAR_END);
        g->tail_len = TAR_END;
    } else if (made) {
        size_t keep = g->tail_len + made > TAR_END ? TAR_END - made : g->tail_len;
        memmove(g->tail, g->tail + g->tail_len - keep, keep);
        memcpy(g->tail + keep, g->out, made);
        g->tail_len = keep + made;
    }
    return (la_ssize_t)made;
read_error:
    archive_set_error(a, errno, "read error: %s", strerror(errno));
    return -1;
}

static void gz_free(gz_src *g)
{
    if (!g) return;
    if (g->z_ready) inflateEnd(&g->z);
    if (g->f == &g->own) {
        if (g->own.fd >= 0) close(g->own.fd);
        free(g->own.buf);
    }
    free(g->out);
    free(g);
}

/* A gzip source over f (sniffed: f->pending bytes in f->buf). */
static gz_src *gz_new(fd_state *f)
{
    gz_src *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    g->own.fd = -1;
    g->f = f;
    g->out = malloc(GZ_OUT);
    if (!g->out || inflateInit2(&g->z, 15 + 16) != Z_OK) { /* gzip only */
        free(g->out);
        free(g);
        return NULL;
    }
    g->z_ready = 1;
    if (inflateValidate(&g->z, 0) != Z_OK) { /* the CRC is checked here, faster */
        gz_free(g);
        return NULL;
    }
    g->len = f->pending;
    f->pending = 0;
    g->z.next_in = (Bytef *)f->buf;
    g->z.avail_in = (uInt)g->len;
    g->member = 1;
    return g;
}

int archive_in_open(archive_in *x, const char *path, fd_state *in, char *msg, size_t msglen)
{
    memset(x, 0, sizeof *x);
    fd_state own = {-1, NULL, 0};
    if (!in) { /* a path: sniffed here; gzip or not decides the reader */
        own.fd = open(path, O_RDONLY | O_CLOEXEC);
        if (own.fd < 0) {
            snprintf(msg, msglen, "cannot open: %s", strerror(errno));
            return -1;
        }
        if (!(own.buf = malloc(CHUNK))) {
            close(own.fd);
            snprintf(msg, msglen, "out of memory");
            return -1;
        }
        sniff_fd(&own);
    }
    fd_state *f = in ? in : &own;
    /* a whole gzip header (deflate, no reserved flag), as libarchive's
     * gzip bidder wants: shorter, it is read as libarchive reads it (raw) */
    const unsigned char *h = (const unsigned char *)f->buf;
    int gzip = input_magic(h, f->pending) == MAGIC_GZIP && f->pending >= 10 && h[2] == 8 &&
               (h[3] & 0xe0) == 0;
    if (!in && !gzip) { /* libarchive reads it by name (and seeks over what it skips) */
        close(own.fd);
        free(own.buf);
    }
    x->a = archive_reader();
    if (gzip && x->a) {
        x->gz = gz_new(f);
        if (x->gz && !in) {
            x->gz->own = own;
            x->gz->f = &x->gz->own;
        }
    }
    if (!x->a || (gzip && !x->gz)) {
        if (!in && gzip && !x->gz) {
            close(own.fd);
            free(own.buf);
        }
        gz_free(x->gz);
        archive_read_free(x->a);
        x->a = NULL;
        x->gz = NULL;
        snprintf(msg, msglen, "out of memory");
        return -1;
    }
    int r = gzip ? archive_read_open(x->a, x->gz, NULL, gz_read_cb, NULL)
            : in ? archive_open_fd(x->a, in)
                 : archive_read_open_filename(x->a, path, 1 << 20);
    if (r != ARCHIVE_OK) {
        /* gzip of nothing: what an empty file is to every command */
        if (x->gz && !x->gz->why[0] && x->gz->total == 0) {
            snprintf(msg, msglen, "empty input");
            return ARCHIVE_IN_EMPTY;
        }
        snprintf(msg, msglen, "%s", archive_error_string(x->a) ? archive_error_string(x->a) : "cannot read");
        return -1;
    }
    return 0;
}

uint64_t archive_in_offset(const archive_in *x)
{
    if (x->gz) return gz_offset(x->gz);
    la_int64_t n = x->a ? archive_filter_bytes(x->a, -1) : 0;
    return n > 0 ? (uint64_t)n : 0;
}

const char *archive_in_damage(const archive_in *x)
{
    return x && x->gz && x->gz->why[0] ? x->gz->why : NULL;
}

/* 1 when the tar x has read to its end lacks its two end blocks. */
static int tar_cut(archive_in *x, const char *path)
{
    if (!x->a || (archive_format(x->a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_TAR) return 0;
    unsigned char end[TAR_END];
    size_t n = 0;
    if (x->gz) {
        /* libarchive stops at the end blocks: the rest of the gzip is read
         * here, so that its trailer is checked and the tail is the end */
        const void *buf;
        while (!x->gz->why[0] && gz_read_cb(x->a, x->gz, &buf) > 0) {
        }
        if (x->gz->why[0]) return 0; /* damaged: said as that */
        n = x->gz->tail_len;
        memcpy(end, x->gz->tail, n);
    } else if (path && archive_filter_count(x->a) == 1) { /* a plain tar: its last bytes are the tar's */
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat sb;
        if (fd < 0) return 0;
        if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) { /* a FIFO named: its end is not known */
            close(fd);
            return 0;
        }
        if (sb.st_size >= TAR_END && pread(fd, end, TAR_END, sb.st_size - TAR_END) == TAR_END) n = TAR_END;
        close(fd);
    } else {
        return 0; /* a pipe, or a filter's output (xz, bzip2, zstd): not looked at */
    }
    if (n < TAR_END) return 1;
    for (size_t i = 0; i < n; i++)
        if (end[i]) return 1;
    return 0;
}

const char *archive_in_end(archive_in *x, const char *path)
{
    /* a tar cut at a member's end reads as ended: only its missing end
     * blocks tell (and a gzip's trailer is read here, after them) */
    int cut = tar_cut(x, path);
    const char *gz = archive_in_damage(x);
    if (gz) return gz;
    return cut ? "the tar has no end blocks: it was cut short; the members before this point were read" : NULL;
}

void archive_in_close(archive_in *x)
{
    if (x->a) archive_read_free(x->a);
    gz_free(x->gz);
    x->a = NULL;
    x->gz = NULL;
}

/* An archive or a compressed file, from its path or (in != NULL) from a
 * pipe already opened and sniffed. */
static int run_archive(const command *c, const opts *o, item *it, sink *out, sink *err,
                       fd_state *in)
{
    const char *path = in ? "<stdin>" : it->path;
    int magic = MAGIC_NONE;
    if (in) magic = input_magic(in->buf, in->pending);
    else {
        unsigned char head[MAGIC_BYTES];
        int fd = open(it->path, O_RDONLY | O_CLOEXEC);
        ssize_t n = fd >= 0 ? pread(fd, head, sizeof head, 0) : -1;
        if (fd >= 0) close(fd);
        magic = n > 0 ? input_magic(head, (size_t)n) : MAGIC_NONE;
    }
    const char *what = magic != MAGIC_NONE ? magic_name(magic) : "archive";
    int rc = 0;
    archive_in x;
    char msg[512];
    int opened = archive_in_open(&x, it->path, in, msg, sizeof msg);
    if (opened == ARCHIVE_IN_EMPTY) {
        sink_printf(err, "%s: 0: empty input\n", path);
        archive_in_close(&x);
        return 1;
    }
    if (opened) {
        sink_printf(err, "%s: %llu: cannot read %s data: %s\n", path,
                    (unsigned long long)archive_in_offset(&x), what, msg);
        archive_in_close(&x);
        return 1;
    }
    struct archive *a = x.a;
    struct archive_entry *e;
    int r, said = 0; /* said: a member's read failed, and said why */
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
        /* a single compressed file (raw format) is the file itself: named
         * by its path, and a failure if it is not EDGAR, as a file is */
        int raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
        if (!raw && archive_entry_filetype(e) != AE_IFREG) continue;
        const char *mname = raw ? NULL : archive_entry_pathname(e);
        size_t len = strlen(path) + strlen(mname ? mname : "?") + 2;
        char *name = malloc(len);
        if (!name) break;
        if (raw) snprintf(name, len, "%s", path);
        else snprintf(name, len, "%s:%s", path, mname ? mname : "?");
        member_unit mu;
        member_unit_init(&mu, &x, NULL, 0);
        unit *u = &mu.u;
        u->name = name;
        u->path = mname ? mname : name;
        u->walked = raw ? it->walked : 1;
        u->archive = path;
        u->member = mname;
        rc |= c->run(c, o, u, out, err);
        free(name);
        said = archive_in_damage(&x) != NULL;
        if (out->failed || batch_stops(rc) || said) break;
    }
    if (said) rc |= 1;
    else if (r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN) {
        sink_printf(err, "%s: %llu: cannot read %s data: %s\n", path,
                    (unsigned long long)archive_in_offset(&x), what, archive_error_string(a));
        rc = 1;
    } else if (r == ARCHIVE_EOF && !out->failed) {
        const char *bad = archive_in_end(&x, in ? NULL : it->path);
        if (bad) {
            sink_printf(err, "%s: %llu: %s\n", path, (unsigned long long)archive_in_offset(&x), bad);
            rc |= 1;
        }
    }
    archive_in_close(&x);
    return rc;
}

static int run_item(const command *c, const opts *o, item *it, sink *out, sink *err)
{
    return it->kind == K_ARCHIVE ? run_archive(c, o, it, out, err, NULL) : run_file(c, o, it, out, err);
}

/* ---- the pool ---------------------------------------------------------- */

typedef struct pool {
    const command *c;
    const opts *o;
    worklist *w;
    size_t next;     /* next item to hand out      */
    size_t limit;    /* hand out items below this  */
    pthread_mutex_t mu;
    pthread_cond_t cv;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next < p->w->len && p->next >= p->limit) pthread_cond_wait(&p->cv, &p->mu);
        if (p->next >= p->w->len) break;
        item *it = &p->w->items[p->next++];
        pthread_mutex_unlock(&p->mu);
        sink out = {.mem = &it->out}, err = {.mem = &it->err, .diag = 1};
        int rc = run_item(p->c, p->o, it, &out, &err);
        if (out.failed || err.failed) rc |= 1;
        pthread_mutex_lock(&p->mu);
        it->skipped = err.skipped;
        it->rc = rc;
        it->done = 1;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- progress ---------------------------------------------------------- */

static void progress(int on, size_t done, size_t total, double t0, int final)
{
    if (!on) return;
    if (final) {
        progress_line(NULL);
        return;
    }
    double el = monotonic_seconds() - t0;
    double rate = el > 0 ? (double)done / el : 0;
    double left = rate > 0 ? (double)(total - done) / rate : 0;
    char line[160];
    snprintf(line, sizeof line, "edgr: %zu/%zu files, %.0f files/s, %.0fs left", done, total, rate, left);
    progress_line(line);
}

/* A long run (SUMMARY_FILES inputs or more) ends with one line on stderr:
 * what was fine, skipped (with a warning) and failed.  Short runs are
 * quiet on success. */
enum { SUMMARY_FILES = 100 };

static void summary(const command *c, const opts *o, const worklist *w)
{
    if (o->quiet || w->len < SUMMARY_FILES) return;
    size_t fine = 0, skipped = 0, failed = 0;
    for (size_t k = 0; k < w->len; k++) {
        if (w->items[k].rc) failed++;
        else if (w->items[k].skipped) skipped++;
        else fine++;
    }
    char line[256];
    snprintf(line, sizeof line, "edgr %s: %zu files: %zu fine, %zu skipped, %zu failed\n", c->name, w->len,
             fine, skipped, failed);
    emit_stderr(line, strlen(line));
}

/* The command line's paths as a worklist: '-' is standard input, a folder
 * is walked, an archive is known by its name.  A path that cannot be
 * looked at is reported and the others still run. */
static int collect_inputs(worklist *w, char **paths, int npaths, sink *err)
{
    int rc = 0;
    for (int i = 0; i < npaths; i++) {
        const char *p = paths[i];
        struct stat st;
        if (strcmp(p, "-") == 0) add_item(w, p, K_STDIN);
        else if (stat(p, &st) != 0) {
            sink_printf(err, "%s: 0: %s\n", p, strerror(errno));
            rc = 1;
        } else if (S_ISDIR(st.st_mode)) rc |= walk_arg(w, p, &st, err);
        else add_item(w, p, is_archive_name(p) ? K_ARCHIVE : K_FILE);
    }
    return rc;
}

/* An archive or standard input (or any input with one job) streams straight
 * to the output on this thread, so its filings come out in order. */
static int run_here(const command *c, const opts *o, item *it, sink *out, sink *err)
{
    int skipped = err->skipped;
    int r = run_item(c, o, it, out, err);
    it->skipped = err->skipped - skipped;
    it->rc = r;
    return r;
}

/* The progress line of a batch: shown on a terminal for long batches. */
typedef struct meter {
    int on;
    double t0, last;
} meter;

/* Items [i, j) are plain files: the pool works ahead, at most 4 items a
 * thread beyond the one being printed (so memory stays bounded), and this
 * thread prints each result in order.  Returns the items' rc, or-ed. */
static int run_files(pool *p, size_t i, size_t j, int jobs, sink *out, sink *err, meter *m)
{
    worklist *w = p->w;
    int rc = 0;
    size_t saved_len = w->len; /* taken before the list is cut to the run */
    pthread_mutex_lock(&p->mu);
    p->next = i;
    p->limit = i + (size_t)jobs * 4;
    w->len = j; /* workers stop at the end of the run */
    pthread_mutex_unlock(&p->mu);
    pthread_t th[64];
    int nth;
    for (nth = 0; nth < jobs; nth++)
        if (pthread_create(&th[nth], NULL, worker, p)) break;
    if (nth == 0) worker(p); /* no threads to be had: do it here */
    for (; i < j; i++) {
        item *cur = &w->items[i];
        pthread_mutex_lock(&p->mu);
        while (!cur->done) pthread_cond_wait(&p->cv, &p->mu);
        p->limit = i + 1 + (size_t)jobs * 4;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        sink_write(out, cur->out.data, cur->out.len);
        sink_write(err, cur->err.data, cur->err.len);
        rc |= cur->rc;
        edgr_buf_free(&cur->out);
        edgr_buf_free(&cur->err);
        if (batch_stops(rc)) { /* hand out no more; what runs already is dropped unprinted */
            pthread_mutex_lock(&p->mu);
            p->w->len = i + 1 < p->next ? p->next : i + 1;
            p->next = p->w->len;
            pthread_cond_broadcast(&p->cv);
            pthread_mutex_unlock(&p->mu);
            break;
        }
        if (m->on && monotonic_seconds() - m->last > 0.2) {
            m->last = monotonic_seconds();
            progress(1, i + 1, saved_len, m->t0, 0);
        }
    }
    for (int k = 0; k < nth; k++) pthread_join(th[k], NULL);
    w->len = saved_len;
    return rc;
}

static void free_worklist(worklist *w)
{
    for (size_t k = 0; k < w->len; k++) {
        free(w->items[k].path);
        edgr_buf_free(&w->items[k].out);
        edgr_buf_free(&w->items[k].err);
    }
    free(w->items);
}

int run_inputs(const command *c, const opts *o, char **paths, int npaths)
{
    worklist w = {0};
    sink err = {.fp = stderr, .diag = 1};
    sink out = {.fp = stdout};
    int rc = collect_inputs(&w, paths, npaths, &err);
    meter m = {.on = isatty(2) && w.len > 50, .t0 = monotonic_seconds()};
    int jobs = o->jobs > 0 ? o->jobs : 1;
    if (jobs > 64) jobs = 64;

    pool p = {.c = c, .o = o, .w = &w};
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    size_t i = 0;
    while (i < w.len && !out.failed && !batch_stops(rc)) {
        item *it = &w.items[i];
        if (it->kind != K_FILE || jobs == 1) {
            rc |= run_here(c, o, it, &out, &err);
            i++;
            continue;
        }
        size_t j = i;
        while (j < w.len && w.items[j].kind == K_FILE) j++;
        rc |= run_files(&p, i, j, jobs, &out, &err, &m);
        i = j;
    }
    progress(m.on, 0, 0, m.t0, 1);
    if (!out.failed) summary(c, o, &w);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
    free_worklist(&w);
    if (out.failed || fflush(stdout) != 0) return write_error(out.failed ? 0 : errno);
    return batch_stops(rc) ? EXIT_STORE : rc ? EXIT_SOME_FAILED : EXIT_OK;
}
