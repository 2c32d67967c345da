/* libFuzzer: the CLI's input layer as a pipe feeds it.  The input's bytes
 * go to a command (parse, header, docs, text, items, facts, cat) as a unit whose
 * chunks are cut by a schedule taken from the input, the way read(2) on a
 * pipe cuts them, and its output is written to memory sinks.
 *
 *   byte 0     the command (mod 7) and how chunks are handed out:
 *              bits 3-4: 0, 3 a pipe: each chunk in a buffer of its own,
 *                        freed at the next call (a chunk used after the
 *                        next read is a use after free under ASan);
 *                        1 stable, in place (a mapped file);
 *                        2 stable, each chunk in a buffer of its own, kept
 *                        to the end (stable but not contiguous)
 *              bit 5:    the unit was met in a folder (walked)
 *              bit 6-7:  3: a read error after (byte 9 & 7) chunks
 *   byte 1     the options (cli_fuzz.h)
 *   bytes 2-9  eight chunk sizes, used in turn: b < 128 is b + 1 bytes,
 *              else ((b & 127) + 1) * 512
 *   the rest   the unit's bytes
 *
 * The oracle: without a read error, the output, the diagnostics and the
 * result are those of the same bytes handed out whole. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_fuzz.h"

enum { HEAD = 10, MODE_PIPE = 0, MODE_IN_PLACE = 1, MODE_KEPT = 2 };

typedef struct chunked {
    unit u;
    const char *p;
    size_t n, off;
    const uint8_t *sched;
    size_t k;          /* chunks handed out */
    int mode;
    long fail_at;      /* chunks before the read error, -1 for none */
    char *last;        /* MODE_PIPE: the chunk handed out last */
    char **kept;       /* MODE_KEPT: every chunk, freed at the end */
    size_t nkept;
} chunked;

static size_t chunk_size(uint8_t b)
{
    return b < 128 ? (size_t)b + 1 : ((size_t)(b & 127) + 1) * 512;
}

static int chunked_next(unit *u, const char **p, size_t *n, char *err, size_t errlen)
{
    chunked *c = (chunked *)u;
    free(c->last); /* a pipe's buffer is reused: the last chunk is gone */
    c->last = NULL;
    if (c->fail_at >= 0 && (long)c->k == c->fail_at) {
        snprintf(err, errlen, "read error: %s", "Input/output error");
        return -1;
    }
    if (c->off >= c->n) return 0;
    size_t want = chunk_size(c->sched[c->k % 8]), left = c->n - c->off;
    if (want > left) want = left;
    const char *at = c->p + c->off;
    c->off += want;
    c->k++;
    *n = want;
    if (c->mode == MODE_IN_PLACE) {
        *p = at;
        return 1;
    }
    char *b = malloc(want);
    if (!b) {
        snprintf(err, errlen, "read error: %s", "Cannot allocate memory");
        return -1;
    }
    memcpy(b, at, want);
    if (c->mode == MODE_KEPT) {
        char **k = realloc(c->kept, (c->nkept + 1) * sizeof *k);
        if (!k) {
            free(b);
            snprintf(err, errlen, "read error: %s", "Cannot allocate memory");
            return -1;
        }
        c->kept = k;
        c->kept[c->nkept++] = b;
    } else c->last = b;
    *p = b;
    return 1;
}

typedef struct result {
    edgr_buf out, err;
    int rc;
} result;

static void run(const command *cmd, const opts *o, unit *u, result *r)
{
    sink out = {.mem = &r->out}, err = {.mem = &r->err, .diag = 1};
    r->rc = cmd->run(cmd, o, u, &out, &err);
    if (out.failed || err.failed) r->rc |= 0x100; /* out of memory: no oracle */
}

static int same(const edgr_buf *a, const edgr_buf *b)
{
    return a->len == b->len && (!a->len || !memcmp(a->data, b->data, a->len));
}

/* Where whole and chunked differ, on stderr, when EDGR_FUZZ_SHOW is set
 * (replaying a finding: EDGR_FUZZ_SHOW=1 build-fuzz/fuzz_stdin_chunks FILE). */
static void show_buf(const char *what, const edgr_buf *a, const edgr_buf *b)
{
    size_t i = 0;
    while (i < a->len && i < b->len && a->data[i] == b->data[i]) i++;
    if (i == a->len && i == b->len) return;
    size_t from = i > 200 ? i - 200 : 0;
    fprintf(stderr, "%s differs at byte %zu (whole %zu bytes, chunked %zu)\n--- whole:\n%.*s\n--- chunked:\n%.*s\n---\n",
            what, i, a->len, b->len, (int)((a->len < i + 200 ? a->len : i + 200) - from), a->data ? a->data + from : "",
            (int)((b->len < i + 200 ? b->len : i + 200) - from), b->data ? b->data + from : "");
}

static void show(const command *cmd, const result *whole, const result *chunks)
{
    if (!getenv("EDGR_FUZZ_SHOW")) return;
    fprintf(stderr, "fuzz_stdin_chunks: %s: whole gives rc %d, chunked rc %d\n", cmd->name, whole->rc,
            chunks->rc);
    show_buf("stdout", &whole->out, &chunks->out);
    show_buf("stderr", &whole->err, &chunks->err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HEAD) return 0;
    const command *cmd = &FUZZ_COMMANDS[data[0] % FUZZ_NCOMMANDS];
    opts o = fuzz_opts(cmd, data[1]);
    int walked = (data[0] >> 5) & 1;
    chunked c = {.u = {.name = "<stdin>", .path = "<stdin>", .next = chunked_next, .walked = walked},
                 .p = (const char *)data + HEAD, .n = size - HEAD, .sched = data + 2,
                 .mode = (data[0] >> 3) & 3, .fail_at = -1};
    if (c.mode == 3) c.mode = MODE_PIPE;
    c.u.stable = c.mode != MODE_PIPE;
    if ((data[0] & 0xc0) == 0xc0) c.fail_at = data[9] & 7;

    result chunks = {0};
    run(cmd, &o, &c.u, &chunks);
    free(c.last);
    for (size_t i = 0; i < c.nkept; i++) free(c.kept[i]);
    free(c.kept);

    if (c.fail_at < 0 && !(chunks.rc & 0x100)) {
        mem_unit m;
        mem_unit_init(&m, "<stdin>", "<stdin>", (const char *)data + HEAD, size - HEAD, walked);
        result whole = {0};
        run(cmd, &o, &m.u, &whole);
        if (!(whole.rc & 0x100) && (whole.rc != chunks.rc || !same(&whole.out, &chunks.out) ||
                                    !same(&whole.err, &chunks.err))) {
            show(cmd, &whole, &chunks);
            __builtin_trap(); /* the chunks changed what the command says */
        }
        edgr_buf_free(&whole.out);
        edgr_buf_free(&whole.err);
    }
    edgr_buf_free(&chunks.out);
    edgr_buf_free(&chunks.err);
    return 0;
}
