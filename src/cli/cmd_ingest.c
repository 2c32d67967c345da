/*
 * edgr ingest: filings into the store.
 *
 * Three kinds of thread:
 *   - a feeder walks the inputs (files, directories, archives, a list of
 *     paths on stdin) and queues tasks: a file's path, or an archive
 *     member's bytes (read here, since an archive is one sequential stream);
 *   - --jobs workers parse each task and build its records (text, items,
 *     facts, hashes): all the costly work;
 *   - the writer (this thread) puts records in task order, in batches of
 *     one transaction each, and reports.
 * The queue is bounded (tasks and bytes), and so are the records built and
 * not yet written: a worker hands a task's records to the writer in slices
 * as it builds them, and waits while too many wait for the writer (see
 * hand_over).  So memory stays flat however large the input, and however
 * many filings one file holds.  A filing is written inside one
 * transaction, so kill -9 at any moment leaves every filing whole or
 * absent; running again skips what is stored and does the rest.
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "edgr/store.h"

/* A batch commits after this much input or this long, whichever first:
 * big enough that commits cost little, small enough that a crash loses
 * seconds of work. */
enum { BATCH_MB = 64, QUEUE_BYTES = 256 << 20 };
static const double BATCH_SECONDS = 2.0;

/* A worker hands a task's records over in slices of SLICE_RECORDS records
 * or SLICE_TEXT bytes of their text, whichever first (and what is left when
 * the task is done).  It waits while the records handed and not yet taken
 * reach PENDING_RECORDS or PENDING_TEXT: those of its task if it is the
 * one the writer is on (the head), else those of all tasks.  So a file of
 * 100,000 filings, or 200 files of 1,000, is never all in memory (a record
 * costs about 13 KB beside its text).  The writer takes all a task has
 * handed at once: a worker that waited for the writer to take each slice
 * (niced, see yield_to_writer) made a file of 20,000 filings take twice as
 * long. */
enum {
    SLICE_RECORDS = 64, SLICE_TEXT = 16 << 20,
    PENDING_RECORDS = 1024, PENDING_TEXT = 128 << 20
};

typedef struct result {
    edgr_record *rec;       /* NULL: already stored, not rebuilt */
    char accession[32];
} result;

struct ingest;

typedef struct task {
    struct ingest *g;
    char *path;             /* the file, the archive, or "<stdin>" */
    int raw;                /* a lone compressed file: no member name shown */
    char *member;           /* archive member name, or NULL */
    char *data;             /* a member's bytes (owned), or NULL */
    size_t len;
    struct member_unit *stream; /* a member read as it goes: data is its start */
    int from_stdin;         /* standard input's content: read from `in` */
    fd_state in;            /* its first bytes, sniffed (in.buf owned) */
    int walked;
    int undo;               /* not an input: remove the filings read from `path` (--all-or-nothing) */
    uint64_t bytes;         /* input bytes, for progress and batching */
    /* filled by a worker: the slice being built, and the messages said
     * since the last one was handed over */
    result *res;
    size_t nres, capres;
    uint64_t res_text;      /* text bytes of those records */
    edgr_buf msgs;
    int failed, done;
    int inline_work;        /* built by the writer itself: nobody to hand over to */
    /* handed to the writer, under the lock: slices, end to end */
    int has_out;
    result *out;
    size_t nout, capout;
    uint64_t out_text;
    edgr_buf out_msgs;
    /* the writer's own */
    size_t taken;           /* records stored (or found stored) */
    uint64_t counted;       /* of `bytes`, counted in batches so far */
    struct task *next;
} task;

typedef struct ingest {
    const char *db;
    int jobs, replace, json, quiet, progress;
    uint64_t batch_bytes;
    uint64_t max_document;      /* --max-document-size, or the default */
    char **paths;
    int npaths;
    const char *files_from;     /* --files-from: a list of paths, or "-" */
    const char *stdin_as;       /* --source-path: standard input's name, or NULL */
    int all_or_nothing;         /* --all-or-nothing: a damaged input keeps none of its filings */
    char accession[ACCESSION_LEN + 1]; /* --accession, dashed, or "" */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    task *head, *tail, *claim;
    size_t queued, queued_bytes;
    size_t pending;             /* records handed over and not taken, all tasks */
    uint64_t pending_text;      /* their text bytes */
    int feeding_done, stop;
    int feed_failed;
    edgr_buf feed_msgs;     /* the feeder's own messages (unreadable paths) */
    uint64_t total_bytes;
} ingest;

/* ---- the queue ---------------------------------------------------------- */

static void results_free(result *res, size_t n)
{
    for (size_t i = 0; i < n; i++) edgr_record_free(res[i].rec);
    free(res);
}

static void task_free(task *t)
{
    results_free(t->res, t->nres);
    results_free(t->out, t->nout);
    edgr_buf_free(&t->msgs);
    edgr_buf_free(&t->out_msgs);
    free(t->path);
    free(t->member);
    free(t->data);
    free(t->in.buf);
    free(t);
}

/* Queue a task, waiting while the queue is full.  Returns -1 if ingest is
 * stopping.  The queue holds 64 tasks a worker: while the writer waits on
 * a commit or a checkpoint, workers go on building records (with 8 a
 * worker they stood idle: the CPUs were 87% busy over a 2 GB ingest, 95%
 * with 64).  QUEUE_BYTES bounds the memory all the same. */
/* `own`: the feeder builds the task itself (stream_member): it waits until
 * every task before it is claimed, and is never claimable. */
static int enqueue(ingest *g, task *t, int own)
{
    pthread_mutex_lock(&g->mu);
    while (!g->stop && ((own && g->claim) || g->queued >= (size_t)g->jobs * 64 + 64 ||
                        (!own && t->data && g->queued_bytes > QUEUE_BYTES)))
        pthread_cond_wait(&g->cv, &g->mu);
    if (g->stop) {
        pthread_mutex_unlock(&g->mu);
        task_free(t);
        return -1;
    }
    t->g = g;
    if (g->tail) g->tail->next = t;
    else g->head = t;
    g->tail = t;
    if (!g->claim && !own) g->claim = t;
    g->queued++;
    if (t->data) g->queued_bytes += t->len;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
    return 0;
}

static int push(ingest *g, task *t) { return enqueue(g, t, 0); }

static task *new_task(const char *path, const char *member, int walked)
{
    task *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->path = strdup(path);
    t->member = member ? strdup(member) : NULL;
    t->walked = walked;
    if (!t->path || (member && !t->member)) {
        task_free(t);
        return NULL;
    }
    return t;
}

/* ---- the feeder --------------------------------------------------------- */

/* "path: offset: reason" from the feeder (an archive it cannot read). */
static void feed_error(ingest *g, const char *path, long long offset, const char *reason)
{
    pthread_mutex_lock(&g->mu);
    sink s = {.mem = &g->feed_msgs, .diag = 1};
    sink_printf(&s, "%s: %lld: %s\n", path, offset, reason);
    g->feed_failed = 1;
    pthread_mutex_unlock(&g->mu);
}

/* A member of more than this is not read whole: the feeder reads it as it
 * goes, one submission held at a time, as the other commands do (a member
 * may hold many filings; held whole, ingest's memory was the member's). */
#define STREAM_MEMBER ((size_t)8 << 20)

/* A member's bytes, read whole into t->data (the limit is the document
 * size limit: past it, or with no memory for it, the member is said, by
 * name, and skipped -- the archive goes on with the next).  0: read, or
 * skipped (t->failed, the reason in t->msgs); -1: the archive cannot be
 * read on (the reason said); 2: more than STREAM_MEMBER, its first bytes
 * in t->data, the rest to be read as it goes (stream_member). */
static int read_member(ingest *g, archive_in *x, struct archive_entry *e, task *t)
{
    struct archive *a = x->a;
    sink s = {.mem = &t->msgs, .diag = 1};
    const char *path = t->path, *m = t->raw ? NULL : t->member;
    const char *sep = m ? ":" : "";
    m = m ? m : "";
    /* a member is held as a submission is: up to twice the document limit
     * (it may hold several filings, each under the limit) */
    uint64_t held = submission_limit(g->max_document);
    uint64_t limit = held > SIZE_MAX / 4 ? SIZE_MAX / 4 : held;
    int declared = archive_entry_size_is_set(e) && archive_entry_size(e) >= 0;
    uint64_t size = declared ? (uint64_t)archive_entry_size(e) : 0;
    t->failed = 1;
    if (declared && size > limit) {
        sink_printf(&s, "%s%s%s: 0: the member is %llu bytes, more than ingest holds of one member "
                        "(twice --max-document-size: %llu bytes): skipped\n", path, sep, m,
                    (unsigned long long)size, (unsigned long long)limit);
        return archive_read_data_skip(a) == ARCHIVE_OK ? 0 : -1;
    }
    size_t cap = declared && size > 0 ? (size <= STREAM_MEMBER ? (size_t)size + 1 : STREAM_MEMBER) : 1 << 16;
    if (!(t->data = malloc(cap))) {
        sink_printf(&s, "%s%s%s: 0: out of memory for the member's %llu bytes: skipped\n", path, sep,
                    m, (unsigned long long)size);
        return archive_read_data_skip(a) == ARCHIVE_OK ? 0 : -1;
    }
    for (;;) {
        if (t->len == cap) { /* size not declared, or more than declared */
            size_t ncap = (uint64_t)cap * 2 > limit + 1 ? (size_t)limit + 1 : cap * 2;
            char *d = ncap > cap ? realloc(t->data, ncap) : NULL;
            if (!d) {
                if (ncap > cap)
                    sink_printf(&s, "%s%s%s: %zu: out of memory for the member: skipped\n", path, sep,
                                m, t->len);
                else
                    sink_printf(&s, "%s%s%s: %zu: %s is larger than ingest holds of one member "
                                    "(twice --max-document-size: %llu bytes): skipped\n", path, sep, m,
                                t->len, t->raw ? "the uncompressed data" : "the member",
                                (unsigned long long)limit);
                free(t->data);
                t->data = NULL;
                t->len = 0;
                return archive_read_data_skip(a) == ARCHIVE_OK ? 0 : -1;
            }
            t->data = d;
            cap = ncap;
        }
        /* at most 1 MB a call: libarchive drops the count of a call that fails */
        size_t want = cap - t->len < (1 << 20) ? cap - t->len : (1 << 20);
        la_ssize_t n = archive_read_data(a, t->data + t->len, want);
        if (n == 0) break;
        if (n < 0) { /* not parsed: part of a member is no filing to store */
            const char *gz = archive_in_damage(x);
            if (gz) sink_printf(&s, "%s%s%s: %zu: %s\n", path, sep, m, t->len, gz);
            else sink_printf(&s, "%s%s%s: %zu: archive: %s\n", path, sep, m, t->len, archive_error_string(a));
            free(t->data);
            t->data = NULL;
            t->len = 0;
            return -1;
        }
        t->len += (size_t)n;
        if (t->len >= STREAM_MEMBER && limit > STREAM_MEMBER) {
            t->failed = 0;
            return 2;
        }
    }
    t->failed = 0;
    return 0;
}

static void work(ingest *g, task *t, edgr_store *reader);
static void hand_over(task *t, int last);

/* A member too large to read whole (read_member said 2): queued in its
 * place, in input order, but built here, on the feeder's thread, from the
 * archive as it is read -- once every task before it has been taken by a
 * worker, so that no worker waits for it.  -1 when ingest is stopping. */
static int stream_member(ingest *g, archive_in *x, task *t)
{
    if (enqueue(g, t, 1)) return -1;
    member_unit mu;
    if (member_unit_init(&mu, x, t->data, t->len)) {
        sink err = {.mem = &t->msgs, .diag = 1};
        int named = t->member && !t->raw;
        sink_printf(&err, "%s%s%s: 0: out of memory for the member: skipped\n", t->path, named ? ":" : "",
                    named ? t->member : "");
        t->failed = 1;
    } else {
        t->stream = &mu;
        work(g, t, NULL);
        t->stream = NULL;
    }
    member_unit_free(&mu);
    hand_over(t, 1);
    return 0;
}

/* The source a filing read from `path` is stored under, absolute so that
 * `edgr cat` works from anywhere: the file's real path -- but --source-path's
 * as given (made absolute once, see cmd_ingest_main), since that file may not
 * exist yet while its bytes are read (edgr fetch feed pipes a .part), and
 * the filings stored then and an --all-or-nothing undo after must name it
 * alike.  `buf` holds PATH_MAX. */
static const char *source_name(const ingest *g, const char *path, char *buf)
{
    if (g->stdin_as && !strcmp(path, g->stdin_as)) return path;
    return realpath(path, buf) ? buf : path;
}

/* An archive found damaged, with --all-or-nothing: what was read of it is
 * taken out again, in input order, once the writer has stored it (an undo
 * task after its members).  1 when ingest is stopping. */
static int undo_later(ingest *g, const char *path)
{
    if (!g->all_or_nothing) return 0;
    task *t = new_task(path, NULL, 0);
    if (!t) return 1;
    t->undo = 1;
    return push(g, t) ? 1 : 0;
}

/* An archive or a compressed file, from its path or (in != NULL) from
 * standard input, already sniffed.  `walked` is the file's: a lone
 * compressed file counts as the file itself. */
static int feed_archive(ingest *g, const char *path, fd_state *in, int walked)
{
    archive_in x;
    char msg[512];
    int opened = archive_in_open(&x, path, in, msg, sizeof msg);
    if (opened) {
        char why[600];
        snprintf(why, sizeof why, opened == ARCHIVE_IN_EMPTY ? "%s" : "cannot read archive: %s", msg);
        feed_error(g, path, opened == ARCHIVE_IN_EMPTY ? 0 : (long long)archive_in_offset(&x), why);
        int damaged = archive_in_damage(&x) != NULL;
        archive_in_close(&x);
        return damaged ? undo_later(g, path) : 0;
    }
    struct archive *a = x.a;
    struct archive_entry *e;
    int r, stopped = 0, said = 0;
    uint64_t seen = 0;
    while (!stopped && !said &&
           ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN)) {
        int raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
        if (!raw && archive_entry_filetype(e) != AE_IFREG) continue;
        const char *name = archive_entry_pathname(e);
        task *t = new_task(path, name ? name : "?", raw ? walked : 1);
        if (!t) break;
        t->raw = raw;
        int rm = read_member(g, &x, e, t);
        if (rm == 2) { /* read here as it goes */
            t->bytes = archive_entry_size_is_set(e) ? (uint64_t)archive_entry_size(e) : t->len;
            if (stream_member(g, &x, t)) stopped = 1;
            seen = archive_in_offset(&x);
            said = archive_in_damage(&x) != NULL;
            continue;
        }
        said = rm != 0; /* said why, in the task's messages */
        uint64_t pos = archive_in_offset(&x);
        t->bytes = pos - seen;
        seen = pos;
        if (push(g, t)) stopped = 1;
    }
    int damaged = said;
    if (!stopped && !said && r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN) {
        char why[600];
        const char *gz = archive_in_damage(&x);
        snprintf(why, sizeof why, "%s; the members before this point were read",
                 gz ? gz : "archive is damaged");
        feed_error(g, path, (long long)archive_in_offset(&x), why);
        damaged = 1;
    } else if (!stopped && !said && r == ARCHIVE_EOF) {
        const char *bad = archive_in_end(&x, in ? NULL : path);
        if (bad) {
            feed_error(g, path, (long long)archive_in_offset(&x), bad);
            damaged = 1;
        }
    }
    archive_in_close(&x);
    return damaged && !stopped ? undo_later(g, path) : stopped;
}

static int feed_one(void *user, const char *path, int is_archive, int walked)
{
    ingest *g = user;
    if (is_archive) return feed_archive(g, path, NULL, walked);
    task *t = new_task(path, NULL, walked);
    if (!t) return 1;
    struct stat st;
    if (stat(path, &st) == 0) t->bytes = (uint64_t)st.st_size;
    return push(g, t) ? 1 : 0;
}

static int count_one(void *user, const char *path, int is_archive, int walked)
{
    (void)is_archive;
    (void)walked;
    struct stat st;
    if (stat(path, &st) == 0) ((ingest *)user)->total_bytes += (uint64_t)st.st_size;
    return 0;
}

/* '-': the content of standard input, one task -- or, compressed or an
 * archive, read as one (streamed, member by member). */
static int feed_stdin(ingest *g)
{
    fd_state in = {0, malloc(FD_CHUNK), 0};
    if (!in.buf) return 1;
    sniff_fd(&in);
    int stopped = 0;
    const char *name = g->stdin_as ? g->stdin_as : "<stdin>";
    if (input_magic(in.buf, in.pending) != MAGIC_NONE) {
        stopped = feed_archive(g, name, &in, 0);
        free(in.buf);
        return stopped;
    }
    /* read by the worker as a file is, a submission at a time (held whole,
     * a pipe larger than one document's limit was refused) */
    task *t = new_task(name, NULL, 0);
    if (!t) { free(in.buf); return 1; }
    t->in = in; /* the task owns the sniffed buffer now */
    t->from_stdin = 1;
    return push(g, t) ? 1 : 0;
}

/* --files-from: one path a line.  A trailing CR (a list written on
 * Windows) is dropped; empty lines and lines of blanks are skipped; other
 * blanks are part of the name.  A NUL byte (a find -print0 list) ends the
 * list with an error. */
static int feed_list(ingest *g, sink *m)
{
    FILE *fp = strcmp(g->files_from, "-") ? fopen(g->files_from, "r") : stdin;
    if (!fp) {
        feed_error(g, g->files_from, 0, strerror(errno));
        return 0;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int stopped = 0, said = 0;
    long long at = 0, paths = 0; /* the line's offset in the list; paths read */
    while (!stopped && (n = getline(&line, &cap, fp)) > 0) {
        if (memchr(line, 0, (size_t)n)) { /* find -print0: C strings would keep the first name alone */
            feed_error(g, g->files_from, at + (long long)strlen(line),
                       "a NUL byte in the list: give one path a line (find -print, not -print0)");
            said = 1;
            break;
        }
        at += n;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (strspn(line, " \t") == (size_t)n) continue;
        paths++;
        char *one[1] = {line};
        if (inputs_each(one, 1, m, feed_one, g)) g->feed_failed = 1;
        pthread_mutex_lock(&g->mu);
        stopped = g->stop;
        pthread_mutex_unlock(&g->mu);
    }
    if (!stopped && ferror(fp)) { /* a folder, an I/O error: not an empty list */
        feed_error(g, g->files_from, at, strerror(errno));
        said = 1;
    }
    /* an empty list (find found nothing, a wrong file): said, and exit 1 as
     * for a search with no hit, rather than a silent success */
    if (!stopped && !said && paths == 0) feed_error(g, g->files_from, 0, "no paths in the list");
    free(line);
    if (fp != stdin) fclose(fp);
    return stopped;
}

static void *feeder(void *arg)
{
    ingest *g = arg;
    sink err = {.mem = &g->feed_msgs, .diag = 1};
    edgr_buf quiet = {0};
    sink none = {.mem = &quiet};
    if (g->progress && !g->files_from) {
        for (int i = 0; i < g->npaths; i++)
            if (strcmp(g->paths[i], "-")) inputs_each(&g->paths[i], 1, &none, count_one, g);
    }
    edgr_buf_free(&quiet);
    edgr_buf msgs = {0};
    sink m = {.mem = &msgs, .diag = 1};
    int stopped = 0;
    for (int i = 0; i < g->npaths && !stopped; i++) {
        if (!strcmp(g->paths[i], "-")) stopped = feed_stdin(g);
        else if (inputs_each(&g->paths[i], 1, &m, feed_one, g)) g->feed_failed = 1;
        pthread_mutex_lock(&g->mu);
        stopped |= g->stop;
        pthread_mutex_unlock(&g->mu);
    }
    if (g->files_from && !stopped) feed_list(g, &m);
    pthread_mutex_lock(&g->mu);
    if (msgs.len) sink_write(&err, msgs.data, msgs.len);
    g->feeding_done = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
    edgr_buf_free(&msgs);
    return NULL;
}

/* ---- the workers -------------------------------------------------------- */

/* `p`, an array of *cap items of `size` bytes, with room for `need`:
 * itself, or moved; NULL when out of memory (then p is as it was). */
static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *d = realloc(p, c * size);
    if (d) *cap = c;
    return d;
}

/*
 * The slice being built, with the messages said since the last one, to the
 * writer, after what it has not taken yet.  The worker waits while that
 * holds PENDING_* -- behind the head task, while all the tasks together
 * do.  The head's worker never waits on the others, and the writer takes
 * only from the head, so someone always moves.  `last`: the task is done,
 * and marked so.  When ingest is stopping the records are dropped.  A
 * task the writer builds itself (no worker could start) is handed over
 * when it is done, whole.
 */
static void hand_over(task *t, int last)
{
    ingest *g = t->g;
    pthread_mutex_lock(&g->mu);
    if (!t->inline_work && t->nres)
        while (!g->stop && (t == g->head ? t->nout >= PENDING_RECORDS || t->out_text >= PENDING_TEXT
                                          : g->pending >= PENDING_RECORDS || g->pending_text >= PENDING_TEXT))
            pthread_cond_wait(&g->cv, &g->mu);
    if (g->stop) {
        results_free(t->res, t->nres);
    } else if (t->nres) {
        int moved = 1;
        result *o;
        if (!t->nout) { /* the slice itself, no copy */
            free(t->out);
            t->out = t->res;
            t->nout = t->nres;
            t->capout = t->capres;
            t->res = NULL;
        } else if ((o = grow(t->out, &t->capout, t->nout + t->nres, sizeof *o))) {
            t->out = o;
            memcpy(o + t->nout, t->res, t->nres * sizeof *o);
            t->nout += t->nres;
            free(t->res); /* its records are t->out's now */
        } else {
            moved = 0;
            results_free(t->res, t->nres);
            t->failed = 1;
            sink m = {.mem = &t->msgs, .diag = 1};
            sink_printf(&m, "%s: 0: out of memory: %zu filings not stored\n", t->path, t->nres);
        }
        if (moved) {
            t->out_text += t->res_text;
            g->pending += t->nres;
            g->pending_text += t->res_text;
        }
    }
    if (!g->stop && t->msgs.len) {
        edgr_buf *o = &t->out_msgs;
        char *d;
        if (!o->len) { /* swapped: the worker's err sink points at t->msgs, and goes on */
            edgr_buf_free(o);
            *o = t->msgs;
            t->msgs = (edgr_buf){0};
        } else if ((d = grow(o->data, &o->cap, o->len + t->msgs.len, 1))) {
            o->data = d;
            memcpy(d + o->len, t->msgs.data, t->msgs.len);
            o->len += t->msgs.len;
            t->msgs.len = 0;
        } /* else kept by the worker until next time */
    }
    t->has_out = t->nout || t->out_msgs.len;
    t->res = NULL;
    t->nres = t->capres = 0;
    t->res_text = 0;
    if (last) t->done = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

static void add_result(task *t, edgr_record *rec, edgr_span acc)
{
    if (t->nres == t->capres) {
        size_t cap = t->capres ? t->capres * 2 : 2;
        result *r = realloc(t->res, cap * sizeof *r);
        if (!r) { /* said: a filing is never dropped in silence */
            edgr_record_free(rec);
            t->failed = 1;
            sink err = {.mem = &t->msgs, .diag = 1};
            sink_printf(&err, "%s: 0: filing %.*s: out of memory: not stored\n", t->path, (int)acc.len, acc.ptr);
            return;
        }
        t->res = r;
        t->capres = cap;
    }
    result *r = &t->res[t->nres++];
    r->rec = rec;
    snprintf(r->accession, sizeof r->accession, "%.*s", (int)acc.len, acc.ptr);
    if (rec) t->res_text += edgr_record_text_bytes(rec);
    if (!t->inline_work && (t->nres >= SLICE_RECORDS || t->res_text >= SLICE_TEXT)) hand_over(t, 0);
}

/* What a worker carries through each_filing() for one task. */
typedef struct work_ctx {
    ingest *g;
    task *t;
    edgr_store *reader;
    const char *src_path;
    sink *err;
} work_ctx;

/* The first line of `p`, if it names a file that exists: a list of paths
 * given as content. */
static int looks_like_list(const char *p, size_t n)
{
    size_t e = 0;
    while (e < n && e < 4096 && p[e] != '\n' && p[e] != '\r') e++;
    if (e == 0 || e >= 4096) return 0;
    char path[4097];
    memcpy(path, p, e);
    path[e] = 0;
    return access(path, F_OK) == 0;
}

/* The sha256: key of a bare document; -1 if the digest could not be made
 * (then there is no key: a key of zeros would merge unlike documents). */
static int sha_key(const char *p, size_t n, char out[STORE_KEY_LEN + 1])
{
    char hex[65];
    size_t at = sizeof SHA_KEY_PREFIX - 1;
    if (edgr_sha256_hex(p, n, hex) != EDGR_OK) return -1;
    memcpy(out, SHA_KEY_PREFIX, at);
    memcpy(out + at, hex, STORE_KEY_LEN - at);
    out[STORE_KEY_LEN] = 0;
    return 0;
}

/* A document with no SEC header (HTML or text, binary data being refused
 * by each_filing): stored under the accession number its path holds, else
 * --accession, else its SHA-256 key.  A document met in a folder (a
 * README) is no filing unless its path holds an accession. */
static int ingest_bare(work_ctx *w, const filing *f)
{
    task *t = w->t;
    const char *where = t->member && !t->raw ? t->member : t->path;
    char key[STORE_KEY_LEN + 1];
    const char *how;
    if (!t->member && !strcmp(t->path, "<stdin>") && looks_like_list(f->data, f->len)) {
        sink_printf(w->err, "%s: 0: not an EDGAR submission but a list of paths, it seems: "
                            "read a list with --files-from -\n", f->name);
        return 1;
    }
    /* only what a filing's documents are: HTML or text, not the JSON and
     * XML indexes EDGAR keeps beside them (or a PDF, an image) */
    size_t lead = 0;
    while (lead < f->len && (f->data[lead] == ' ' || f->data[lead] == '\t' || f->data[lead] == '\r' ||
                             f->data[lead] == '\n'))
        lead++;
    int json = lead < f->len && (f->data[lead] == '{' || f->data[lead] == '[');
    if (json || (f->bare.format != EDGR_FMT_HTML && f->bare.format != EDGR_FMT_TEXT)) {
        if (t->walked && w->g->quiet) return 0;
        sink_printf(w->err, "%s: 0: %snot an EDGAR submission (no SEC header), and %s is not a "
                            "document to store bare%s\n", f->name, t->walked ? "warning: " : "",
                    json ? "JSON" : edgr_format_name(f->bare.format), t->walked ? ", skipped" : "");
        return !t->walked;
    }
    if (accession_from_path(where, key)) how = "the accession number in its path";
    else if (w->g->accession[0]) {
        snprintf(key, sizeof key, "%s", w->g->accession);
        how = "the number given with --accession";
    } else {
        /* named or piped (a document met in a folder reaches here only
         * when its path holds an accession: see work()) */
        if (sha_key(f->data, f->len, key)) {
            sink_printf(w->err, "%s: 0: cannot compute the SHA-256 of a bare document (give an "
                                "accession with --accession N)\n", f->name);
            return 1;
        }
        how = "a key made from its SHA-256, as its path holds no accession number (give one "
              "with --accession N)";
    }
    if (!w->g->quiet)
        sink_printf(w->err, "%s: 0: warning: no SEC header: stored as a bare document under %s, %s\n",
                    f->name, key, how);
    edgr_span acc = {key, strlen(key)};
    if (!w->g->replace && w->reader && edgr_store_has(w->reader, key) == 1) {
        add_result(t, NULL, acc);
        return 0;
    }
    edgr_document d = f->bare;
    if (!d.filename.len) { /* the name it was saved under */
        const char *base = strrchr(where, '/');
        base = base ? base + 1 : where;
        if (!t->raw && strcmp(base, "<stdin>")) d.filename = (edgr_span){base, strlen(base)};
    }
    aside aside_bytes = {.f = f};
    edgr_source src = {.struct_size = sizeof src, .path = w->src_path, .member = t->member, .offset = 0,
                       .length = f->len,
                       /* bodies go as their text is made, the last reading of
                        * them; the main one is set aside between its facts and
                        * its rows (aside.c) */
                       .release = aside_release, .release_user = &aside_bytes,
                       .set_aside = aside_set, .restore = aside_restore};
    edgr_record *rec = NULL;
    edgr_status bs = edgr_record_build_bare(&d, key, &src, &rec);
    aside_free(&aside_bytes);
    if (bs != EDGR_OK) {
        sink_printf(w->err, "%s: 0: %s\n", f->name, bs == EDGR_ERR_ABORTED ? ASIDE_LOST : edgr_strerror(bs));
        return 1;
    }
    add_result(t, rec, acc);
    return 0;
}

static int ingest_filing(void *user, const filing *f)
{
    work_ctx *w = user;
    task *t = w->t;
    const edgr_submission *s = f->sub;
    if (!s) return ingest_bare(w, f);
    edgr_span acc = edgr_get(s, "accession_number");
    char given[ACCESSION_LEN + 1];
    const char *keyed = NULL;
    if ((!acc.ptr || !acc.len) && s->container == EDGR_C_FRAGMENT) {
        /* <DOCUMENT> blocks with no SEC header: the accession of their path,
         * or --accession */
        const char *how = NULL;
        if (accession_from_path(t->member && !t->raw ? t->member : t->path, given))
            how = "the accession number in its path";
        else if (w->g->accession[0]) {
            snprintf(given, sizeof given, "%s", w->g->accession);
            how = "the number given with --accession";
        }
        if (how) {
            if (!w->g->quiet)
                sink_printf(w->err, "%s: %llu: warning: documents without a SEC header: stored under "
                                    "%s, %s\n", f->name, (unsigned long long)s->offset, given, how);
            keyed = given;
            acc = (edgr_span){given, strlen(given)};
        } else if (!t->walked) {
            sink_printf(w->err, "%s: %llu: no accession number (documents without a SEC header) "
                                "in the file or its path: give one with --accession N to store "
                                "them\n", f->name, (unsigned long long)s->offset);
            return 1;
        }
    }
    if (!acc.ptr || !acc.len || acc.len >= sizeof t->res[0].accession) {
        /* documents with no header (EDGAR's document files, the corpus's
         * html/): nothing to key a filing by.  In a folder, a warning;
         * named on the command line, an error. */
        if (!t->walked || !w->g->quiet)
            sink_printf(w->err, "%s: %llu: %sno accession number (%s): not stored\n", f->name,
                        (unsigned long long)s->offset, t->walked ? "warning: " : "",
                        s->container == EDGR_C_FRAGMENT ? "documents without a SEC header"
                                                        : "the header names none");
        return !t->walked || s->container != EDGR_C_FRAGMENT;
    }
    char key[32];
    snprintf(key, sizeof key, "%.*s", (int)acc.len, acc.ptr);
    /* a document over --max-document-size (said by each_filing): the filing
     * is not stored, rather than stored without that document's text */
    for (size_t i = 0; f->over && i < f->doc_count; i++)
        if (f->over[i]) {
            sink_printf(w->err, "%s: %llu: filing %s not stored: document %lld is over --max-document-size\n",
                        f->name, (unsigned long long)s->offset, key, (long long)f->docs[i].sequence);
            return 1;
        }
    /* stored already: nothing to build (the writer reports it) */
    if (!w->g->replace && w->reader && edgr_store_has(w->reader, key) == 1) {
        add_result(t, NULL, acc);
        return 0;
    }
    aside aside_bytes = {.f = f};
    edgr_source src = {.struct_size = sizeof src, .path = w->src_path, .member = t->member,
                       .offset = s->offset, .length = s->end - s->offset,
                       /* bodies go as their text is made, the last reading of
                        * them; the main one is set aside between its facts and
                        * its rows (aside.c) */
                       .release = aside_release, .release_user = &aside_bytes,
                       .set_aside = aside_set, .restore = aside_restore};
    edgr_record *rec = NULL;
    edgr_status bs = edgr_record_build_keyed(s, keyed, &src, &rec);
    aside_free(&aside_bytes);
    if (bs != EDGR_OK) {
        sink_printf(w->err, "%s: %llu: %s\n", f->name, (unsigned long long)s->offset,
                    bs == EDGR_ERR_ABORTED ? ASIDE_LOST : edgr_strerror(bs));
        return 1;
    }
    add_result(t, rec, acc);
    return 0;
}

static void work(ingest *g, task *t, edgr_store *reader)
{
    sink err = {.mem = &t->msgs, .diag = 1};
    char name[PATH_MAX + 512];
    if (t->member && !t->raw) snprintf(name, sizeof name, "%s:%s", t->path, t->member);
    else snprintf(name, sizeof name, "%s", t->path);
    if (t->failed || t->undo) return; /* a member not read (said why), or no input: nothing to parse */
    /* a file is read as every command reads one (a unit in chunks, never
     * mapped: a mapped file cut while parsed raised SIGBUS); a member's
     * bytes are in memory already */
    int fd = -1;
    file_unit fu;
    if (t->from_stdin) {
        file_unit_sniffed(&fu, t->in, name, 0);
        t->in.buf = NULL; /* the unit's now */
        fd = 0;
    } else if (!t->data && !t->stream) {
        if ((fd = open(t->path, O_RDONLY | O_CLOEXEC)) < 0) {
            sink_printf(&err, "%s: 0: cannot open: %s\n", name, strerror(errno));
            t->failed = 1;
            return;
        }
        if (file_unit_init(&fu, fd, name, 0)) {
            sink_printf(&err, "%s: 0: out of memory\n", name);
            t->failed = 1;
            close(fd);
            return;
        }
    }
    char abs[PATH_MAX];
    work_ctx w = {.g = g, .t = t, .reader = reader, .err = &err, .src_path = source_name(g, t->path, abs)};
    /* a bare document found in a folder is stored when its path holds an
     * accession number (EDGAR's folders): read it as one named */
    char acc[ACCESSION_LEN + 1];
    int walked = t->walked && !accession_from_path(t->member && !t->raw ? t->member : t->path, acc);
    mem_unit mu;
    unit *u = &mu.u;
    if (fd >= 0) {
        fu.u.path = t->path;
        fu.u.walked = walked;
        u = &fu.u;
    } else if (t->stream) {
        u = &t->stream->u;
        u->name = name;
        u->path = t->path;
        u->walked = walked;
    } else mem_unit_init(&mu, name, t->path, t->data, t->len, walked);
    opts o = {.quiet = g->quiet, .max_document = g->max_document};
    if (each_filing(u, &o, &err, ingest_filing, &w)) t->failed = 1;
    if (fd >= 0) {
        file_unit_free(&fu);
        if (fd > 0) close(fd);
    }
    /* the member's bytes are no longer needed: free them early */
    free(t->data);
    t->data = NULL;
}

/*
 * Workers give way to the writer.  Everything waits for the one writer, and
 * with as many workers as cores (the default) there are more busy threads
 * than cores: at equal priority the writer loses its core a third of the
 * time.  Ten steps of nice for the workers gave 2 GB ingests 10% sooner on
 * 2 cores (bench/README.md).  Linux sets nice per thread; elsewhere this
 * would lower the whole process, so it is left alone.
 */
static void yield_to_writer(void)
{
#if defined(__linux__)
    errno = 0;
    int nice_now = getpriority(PRIO_PROCESS, 0); /* this thread's, on Linux */
    if (errno == 0) (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), nice_now + 10 > 19 ? 19 : nice_now + 10);
#endif
}

static void *worker(void *arg)
{
    ingest *g = arg;
    yield_to_writer();
    edgr_store *reader = g->replace ? NULL : edgr_store_open(g->db, EDGR_STORE_READONLY, NULL, 0);
    pthread_mutex_lock(&g->mu);
    for (;;) {
        while (!g->claim && !g->feeding_done && !g->stop) pthread_cond_wait(&g->cv, &g->mu);
        if (!g->claim || g->stop) break;
        task *t = g->claim;
        g->claim = t->next;
        pthread_mutex_unlock(&g->mu);
        work(g, t, reader);
        hand_over(t, 1); /* the rest, and done */
        pthread_mutex_lock(&g->mu);
    }
    pthread_mutex_unlock(&g->mu);
    edgr_store_close(reader);
    return NULL;
}

/* ---- the writer --------------------------------------------------------- */

typedef struct logline {
    char accession[32];
    edgr_put_result res;
    char *source;     /* path, then (member_at) the archive member */
    size_t member_at; /* 0: none */
} logline;

typedef struct batch {
    logline *lines;
    size_t n, cap;
    uint64_t bytes;
    double start;
    int open;
} batch;

static void log_add(batch *b, const char *acc, edgr_put_result res, const task *t)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        logline *l = realloc(b->lines, cap * sizeof *l);
        if (!l) return;
        b->lines = l;
        b->cap = cap;
    }
    logline *l = &b->lines[b->n++];
    snprintf(l->accession, sizeof l->accession, "%s", acc);
    l->res = res;
    const char *member = t->raw ? NULL : t->member;
    size_t n = strlen(t->path) + (member ? strlen(member) + 1 : 0) + 1;
    if ((l->source = malloc(n))) {
        size_t pn = strlen(t->path);
        memcpy(l->source, t->path, pn + 1);
        l->member_at = member ? pn + 1 : 0;
        if (member) memcpy(l->source + pn + 1, member, strlen(member) + 1);
    }
}

/* The batch is durable: say what it held. */
static void log_flush(batch *b, int json)
{
    static const char *const STATUS[] = {"added", "replaced", "unchanged"};
    sink out = {.fp = stdout};
    for (size_t i = 0; i < b->n; i++) {
        if (json) {
            /* source: the object of docs/fields.md (path, member) */
            sink_printf(&out, "{\"accession_number\":\"%s\",\"status\":\"%s\",\"source\":{\"path\":",
                        b->lines[i].accession, STATUS[b->lines[i].res]);
            const char *src = b->lines[i].source ? b->lines[i].source : "";
            sink_json_str(&out, src, strlen(src));
            sink_write(&out, ",\"member\":", 10);
            if (b->lines[i].source && b->lines[i].member_at) {
                const char *m = b->lines[i].source + b->lines[i].member_at;
                sink_json_str(&out, m, strlen(m));
            } else {
                sink_write(&out, "null", 4);
            }
            sink_write(&out, "}}\n", 3);
        }
        free(b->lines[i].source);
    }
    if (json && (fflush(stdout) != 0 || out.failed)) write_error(out.failed ? 0 : errno);
    b->n = 0;
}

static int commit(edgr_store *st, batch *b, int json)
{
    if (!b->open) return 0;
    if (edgr_store_commit(st) != EDGR_OK) return -1;
    b->open = 0;
    b->bytes = 0;
    log_flush(b, json);
    return 0;
}

static void show_progress(const ingest *g, size_t files, uint64_t bytes, double t0, int final)
{
    if (!g->progress) return;
    if (final) {
        progress_line(NULL);
        return;
    }
    double el = monotonic_seconds() - t0, mb = (double)bytes / 1e6, rate = el > 0 ? mb / el : 0;
    char line[160];
    int n = snprintf(line, sizeof line, "edgr ingest: %zu files, %.0f MB, %.1f MB/s", files, mb, rate);
    if (n > 0 && (size_t)n < sizeof line && g->total_bytes > bytes && rate > 0)
        snprintf(line + n, sizeof line - (size_t)n, ", %.0f s left", ((double)(g->total_bytes - bytes) / 1e6) / rate);
    progress_line(line);
}

/* What a run did, counted by the writer for the summary line. */
typedef struct tally {
    size_t files, added, replaced, unchanged, skipped, failed;
} tally;

/* A long run (SUMMARY_FILES inputs, or SUMMARY_SECONDS) ends with one line
 * on stderr; a short one is quiet on success. */
enum { SUMMARY_FILES = 100 };
static const double SUMMARY_SECONDS = 10.0;

static void summary(const ingest *g, const tally *n, double t0)
{
    /* inputs named, none failed, yet nothing read: folders with no files in
     * them (on the command line or in a list), which is worth a word */
    if (!g->quiet && !n->files && !g->feed_failed && (g->npaths || g->files_from)) {
        cli_eprintf("edgr ingest: no files read: the folders named hold none (hidden files are "
                    "not read)\n");
        return;
    }
    if (g->quiet || (n->files < SUMMARY_FILES && monotonic_seconds() - t0 < SUMMARY_SECONDS)) return;
    char line[256], rep[48] = "";
    if (n->replaced) snprintf(rep, sizeof rep, ", %zu replaced", n->replaced);
    snprintf(line, sizeof line, "edgr ingest: %zu files: %zu added%s, %zu unchanged, %zu skipped, %zu failed\n",
             n->files, n->added, rep, n->unchanged, n->skipped, n->failed);
    emit_stderr(line, strlen(line));
}

/* The writer's state over a run: the store, the open batch, what it did. */
typedef struct writer {
    ingest *g;
    edgr_store *st;
    batch b;
    tally n;
    double t0, shown;  /* the run's start; the last progress line */
    size_t files;
    uint64_t bytes;
    int failed;        /* 1: some input failed; 2: the store failed */
    int damaged;       /* --all-or-nothing took an input's filings out again */
} writer;

/* The feeder, then up to g->jobs workers.  Returns how many workers
 * started (0: the writer builds the records itself), or -1 when the
 * feeder could not start. */
static int start_threads(ingest *g, pthread_t *feed, pthread_t *th)
{
    if (pthread_create(feed, NULL, feeder, g)) return -1;
    int nth;
    for (nth = 0; nth < g->jobs; nth++)
        if (pthread_create(&th[nth], NULL, worker, g)) break;
    return nth;
}

/* A slice of records the writer took from the head task. */
typedef struct taken {
    result *res;
    size_t n;
    uint64_t text;
    edgr_buf msgs;
} taken;

/* What the head task, the next in input order, has handed over: a slice of
 * records into `s` (*fin = 0); or, once its worker is done and all is taken,
 * the task itself, off the queue (*fin = 1).  NULL when everything fed has
 * been taken.  The feeder's messages are passed on as they come.  With no
 * workers the writer builds each task here. */
static void store_failed(writer *w);

/* An open batch is committed when nothing comes for this long: input that
 * arrives slowly (a list on a pipe, as `edgr fetch` feeds it) would
 * otherwise keep the store's write lock for the whole batch, while the
 * filings before the pause are stored already as far as anyone can tell. */
#define IDLE_COMMIT_MS 250

static task *next_slice(writer *w, int nth, taken *s, int *fin)
{
    ingest *g = w->g;
    for (;;) {
        pthread_mutex_lock(&g->mu);
        int idle = 0;
        while (!(g->head && (g->head->has_out || g->head->done)) && !(g->feeding_done && !g->head)) {
            if (nth == 0 && g->claim) break; /* no workers: do it here */
            if (!w->b.open) {
                pthread_cond_wait(&g->cv, &g->mu);
                continue;
            }
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += IDLE_COMMIT_MS * 1000000L;
            if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
            if (pthread_cond_timedwait(&g->cv, &g->mu, &until) == ETIMEDOUT) {
                idle = 1;
                break;
            }
        }
        if (idle) {
            pthread_mutex_unlock(&g->mu);
            if (commit(w->st, &w->b, g->json)) {
                store_failed(w);
                return NULL;
            }
            continue;
        }
        if (g->feed_msgs.len) {
            emit_stderr(g->feed_msgs.data, g->feed_msgs.len);
            g->feed_msgs.len = 0;
        }
        if (!g->head) {
            pthread_mutex_unlock(&g->mu);
            return NULL;
        }
        task *t = g->head;
        if (nth == 0 && !t->has_out && !t->done) {
            t = g->claim;
            g->claim = t->next;
            t->inline_work = 1;
            pthread_mutex_unlock(&g->mu);
            work(g, t, NULL);
            hand_over(t, 1);
            continue;
        }
        if (t->has_out) {
            *s = (taken){t->out, t->nout, t->out_text, t->out_msgs};
            t->out = NULL;
            t->nout = t->capout = 0;
            t->out_text = 0;
            t->out_msgs = (edgr_buf){0};
            t->has_out = 0;
            g->pending -= s->n;
            g->pending_text -= s->text;
            *fin = 0;
        } else {
            g->head = t->next;
            if (!g->head) g->tail = NULL;
            g->queued--;
            g->queued_bytes -= t->len;
            *fin = 1;
        }
        pthread_cond_broadcast(&g->cv); /* the head's worker, the feeder may go on */
        pthread_mutex_unlock(&g->mu);
        return t;
    }
}

/* Records into the batch, which the first one opens.  -1 if the store
 * fails. */
static int store_records(writer *w, const task *t, const result *res, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!w->b.open) {
            if (edgr_store_begin(w->st) != EDGR_OK) return -1;
            w->b.open = 1;
            w->b.start = monotonic_seconds();
        }
        edgr_put_result r = EDGR_PUT_UNCHANGED;
        if (res[i].rec && edgr_store_put(w->st, res[i].rec, w->g->replace, &r) != EDGR_OK) return -1;
        log_add(&w->b, res[i].accession, r, t);
        if (r == EDGR_PUT_ADDED) w->n.added++;
        else if (r == EDGR_PUT_REPLACED) w->n.replaced++;
        else w->n.unchanged++;
    }
    return 0;
}

/* `bytes` more of a task's input written (or looked at): the batch is
 * committed once it holds batch_bytes or BATCH_SECONDS of input -- between
 * two filings, so each is whole or absent after a crash.  -1 if the store
 * fails. */
static int count_bytes(writer *w, task *t, uint64_t bytes)
{
    const ingest *g = w->g;
    if (bytes > t->bytes - t->counted) bytes = t->bytes - t->counted;
    t->counted += bytes;
    w->bytes += bytes;
    w->b.bytes += bytes;
    if (w->b.open && (w->b.bytes >= g->batch_bytes || monotonic_seconds() - w->b.start >= BATCH_SECONDS) &&
        commit(w->st, &w->b, g->json))
        return -1;
    return 0;
}

/* A slice of a task: its messages, its records (then freed).  Its share of
 * the task's input is counted as its records' text, the rest when the task
 * is done.  -1 if the store fails. */
static int take_slice(writer *w, task *t, taken *s)
{
    if (s->msgs.len) emit_stderr(s->msgs.data, s->msgs.len);
    edgr_buf_free(&s->msgs);
    int bad = store_records(w, t, s->res, s->n);
    results_free(s->res, s->n);
    t->taken += s->n;
    return bad ? -1 : count_bytes(w, t, s->text);
}

/* --all-or-nothing: an input found damaged has its filings removed again,
 * those of earlier batches too (by the source they were stored from, as
 * work() named it).  -1 if the store fails. */
static int undo_input(writer *w, const task *t)
{
    char abs[PATH_MAX];
    const char *src = source_name(w->g, t->path, abs);
    if (!w->b.open) {
        if (edgr_store_begin(w->st) != EDGR_OK) return -1;
        w->b.open = 1;
        w->b.start = monotonic_seconds();
    }
    uint64_t n = 0;
    if (edgr_store_remove_source(w->st, src, &n) != EDGR_OK) return -1;
    w->damaged = 1;
    if (n >= w->n.added) w->n.added = 0;
    else w->n.added -= n;
    char line[PATH_MAX + 160];
    if (n)
        snprintf(line, sizeof line, "%s: 0: damaged: the %llu filing%s read from it removed again (--all-or-nothing)\n",
                 t->path, (unsigned long long)n, n == 1 ? "" : "s");
    else
        snprintf(line, sizeof line, "%s: 0: damaged: nothing of it stored (--all-or-nothing)\n", t->path);
    emit_stderr(line, strlen(line));
    return 0;
}

/* A task done: its count for the summary, the rest of its bytes.  -1 if
 * the store fails (the caller still frees the task). */
static int take_task(writer *w, task *t)
{
    if (t->undo) return undo_input(w, t);
    w->failed |= t->failed;
    w->n.files++;
    if (t->failed) w->n.failed++;
    else if (!t->taken) w->n.skipped++;
    w->files++;
    return count_bytes(w, t, t->bytes - t->counted);
}

/* The store failed: say so, drop the open batch, and stop the feeder and
 * the workers (what committed before stays). */
static void store_failed(writer *w)
{
    ingest *g = w->g;
    progress_line(NULL);
    cli_eprintf("edgr ingest: %s: %s\n", g->db, edgr_store_error(w->st));
    edgr_store_rollback(w->st);
    w->b.open = 0;
    w->failed = 2;
    pthread_mutex_lock(&g->mu);
    g->stop = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

/* The threads joined; after a stop, tasks may be left in the queue, and
 * the feeder may have said more. */
static void end_threads(ingest *g, pthread_t feed, const pthread_t *th, int nth)
{
    pthread_join(feed, NULL);
    for (int k = 0; k < nth; k++) pthread_join(th[k], NULL);
    while (g->head) {
        task *t = g->head;
        g->head = t->next;
        task_free(t);
    }
    if (g->feed_msgs.len) emit_stderr(g->feed_msgs.data, g->feed_msgs.len);
}

static int run(ingest *g)
{
    char msg[512];
    edgr_store *st = edgr_store_open(g->db, 0, msg, sizeof msg);
    if (!st) {
        cli_eprintf("edgr ingest: %s\n", msg);
        return EXIT_STORE;
    }
    pthread_mutex_init(&g->mu, NULL);
    pthread_cond_init(&g->cv, NULL);
    pthread_t feed, th[64];
    int nth = start_threads(g, &feed, th);
    if (nth < 0) {
        cli_eprintf("edgr ingest: cannot start a thread\n");
        edgr_store_close(st);
        return EXIT_SOME_FAILED;
    }
    writer w = {.g = g, .st = st, .t0 = monotonic_seconds()};
    task *t;
    taken s;
    int fin;
    while ((t = next_slice(&w, nth, &s, &fin))) {
        int bad;
        if (fin) {
            bad = take_task(&w, t);
            task_free(t);
        } else {
            bad = take_slice(&w, t, &s); /* t stays on the queue */
        }
        if (bad) {
            store_failed(&w);
            break;
        }
        if (g->progress && monotonic_seconds() - w.shown > 0.25) {
            w.shown = monotonic_seconds();
            show_progress(g, w.files, w.bytes, w.t0, 0);
        }
    }
    show_progress(g, 0, 0, w.t0, 1);
    end_threads(g, feed, th, nth);
    if (w.failed != 2 && commit(st, &w.b, g->json)) {
        cli_eprintf("edgr ingest: %s: %s\n", g->db, edgr_store_error(st));
        w.failed = 2;
    }
    if (w.failed != 2) w.failed |= g->feed_failed; /* 2|1 would read as neither */
    if (w.failed != 2) summary(g, &w.n, w.t0);
    log_flush(&w.b, 0);
    free(w.b.lines);
    edgr_buf_free(&g->feed_msgs);
    edgr_store_close(st);
    pthread_mutex_destroy(&g->mu);
    pthread_cond_destroy(&g->cv);
    return w.failed == 2 ? EXIT_STORE : w.damaged ? EXIT_DAMAGED : w.failed ? EXIT_SOME_FAILED : EXIT_OK;
}

int cmd_ingest_main(int argc, char **argv)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    ingest g = {.db = "edgr.db", .jobs = cores > 0 ? (int)(cores > 64 ? 64 : cores) : 1,
                .batch_bytes = (uint64_t)BATCH_MB << 20, .max_document = MAX_DOCUMENT_DEFAULT};
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) return EXIT_SOME_FAILED;
    static char stdin_abs[PATH_MAX]; /* --source-path made absolute */
    int n = 0;
    optparser op;
    opt_init(&op, cli_command("ingest"), argc, argv, 2);
    const char *v;
    int id, rc = -1;
    while (rc < 0 && (id = opt_next(&op, &v)) != OPT_DONE) {
        switch (id) {
        case OPT_ARG:
            paths[n++] = (char *)v;
            break;
        case OPT_ERROR: rc = EXIT_USAGE; break;
        case OPT_HELP: cli_print_help(op.c, stdout); rc = finish_output(EXIT_OK); break;
        case OPT_DB: g.db = v; break;
        case OPT_REPLACE: g.replace = 1; break;
        case OPT_JSON: g.json = 1; break;
        case OPT_FILES_FROM:
            if (!*v) rc = cli_usage("ingest", "--files-from needs a FILE (or - for standard input)");
            else g.files_from = v;
            break;
        case OPT_ACCESSION:
            if (!accession_parse(v, strlen(v), g.accession))
                rc = cli_usage("ingest", "--accession takes an accession number "
                                         "(0001144204-17-013452 or 000114420417013452), not '%s'", v);
            break;
        case OPT_QUIET: g.quiet = 1; break;
        case OPT_ALL_OR_NOTHING: g.all_or_nothing = 1; break;
        case OPT_SOURCE_PATH:
            if (!*v) rc = cli_usage("ingest", "--source-path needs the PATH standard input's content is from");
            else if (v[0] == '/') g.stdin_as = v;
            else if (!getcwd(stdin_abs, sizeof stdin_abs) ||
                     strlen(stdin_abs) + 1 + strlen(v) >= sizeof stdin_abs)
                rc = cli_usage("ingest", "--source-path: cannot make '%s' absolute", v);
            else {
                strcat(strcat(stdin_abs, "/"), v);
                g.stdin_as = stdin_abs;
            }
            break;
        case OPT_BATCH_MB: {
            long mb = parse_count(v, 1, 1 << 20);
            if (mb < 0) rc = cli_usage("ingest", "--batch-mb takes a number of MB, not '%s'", v);
            else g.batch_bytes = (uint64_t)mb << 20;
            break;
        }
        case OPT_MAX_DOC:
            if (parse_size(v, &g.max_document))
                rc = cli_usage("ingest", "--max-document-size takes a size (1048576, 64K, 500M, 2G), not '%s'", v);
            break;
        case OPT_JOBS: {
            long j = parse_count(v, 1, 64);
            if (j < 0) rc = cli_usage("ingest", "--jobs takes a number from 1 to 64, not '%s'", v);
            else g.jobs = (int)j;
            break;
        }
        default: rc = cli_usage("ingest", "option not handled"); break;
        }
    }
    if (rc >= 0) {
        free(paths);
        return rc;
    }
    if (n == 0 && !g.files_from) {
        if (isatty(0)) {
            free(paths);
            return cli_usage("ingest", "no input (give PATH..., - for standard input, or "
                                       "--files-from FILE)");
        }
        paths[n++] = "-"; /* stdin's content, as every command reads it */
    }
    int dashes = 0;
    for (int k = 0; k < n; k++) dashes += !strcmp(paths[k], "-");
    if (dashes + (g.files_from && !strcmp(g.files_from, "-")) > 1) {
        free(paths);
        return cli_usage("ingest", "standard input can be read once ('-' or --files-from -)");
    }
    g.paths = paths;
    g.npaths = n;
    g.progress = !g.quiet && isatty(2);
    rc = run(&g);
    free(paths);
    return rc;
}
