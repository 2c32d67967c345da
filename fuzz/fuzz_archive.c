/* libFuzzer: the CLI's archive and compressed inputs.  The input (after its
 * first byte) is a file -- a tar, a tar.gz, a lone .gz, .bz2, .xz, .zst, or
 * anything else -- run by the CLI's own input layer (run_inputs in
 * src/cli/inputs.c: the magic sniffing, libarchive with archive_reader()'s
 * filters and formats, every member as a unit through a command), so hostile
 * member names, sizes, types and truncations reach the same code a user's
 * archive does.  The file lives in memory (a memfd, or an unlinked temporary
 * file where there is none) and is named by its /proc/self/fd path, or is
 * standard input ('-': fd 0 is dup'ed from it, so a compressed standard
 * input is read through libarchive's callback reader), or standard input as
 * a pipe that a thread writes the file into, in writes of 1 to 16K bytes
 * (the pipe branch of run_file: sniff_fd's short reads, fd_next, libarchive
 * on a pipe).
 *
 *   byte 0     the command (mod 7); bit 3: read as standard input; bit 4
 *              too: standard input is a pipe, written 4^(bits 5-7) bytes
 *              at a time
 *   byte 1     the options (cli_fuzz.h)
 *   the rest   the file
 *
 * What the commands print goes to /dev/null (stdout is redirected once);
 * their diagnostics go to stderr: run with -close_fd_mask=2 (scripts/fuzz.sh
 * does), libFuzzer's own reports still show. */
#define _GNU_SOURCE /* memfd_create */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli_fuzz.h"

enum { HEAD = 2 };

static int file_fd = -1;
static char file_path[64];

static int setup(void)
{
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        fflush(stdout);
        dup2(null, 1);
        close(null);
    }
    signal(SIGPIPE, SIG_IGN); /* a reader that stops early: EPIPE, not death */
    file_fd = memfd_create("fuzz_archive", MFD_CLOEXEC);
    if (file_fd < 0) {
        const char *tmp = getenv("TMPDIR");
        char name[4096];
        snprintf(name, sizeof name, "%s/fuzz_archive.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        file_fd = mkstemp(name);
        if (file_fd < 0) return -1;
        unlink(name);
    }
    snprintf(file_path, sizeof file_path, "/proc/self/fd/%d", file_fd);
    return 0;
}

typedef struct writer {
    int fd;
    const uint8_t *p;
    size_t n, chunk;
} writer;

/* The other end of the pipe: the file in writes of w->chunk bytes, until
 * it is all written or the reader is gone (EPIPE). */
static void *write_pipe(void *arg)
{
    writer *w = arg;
    for (size_t off = 0; off < w->n;) {
        size_t k = w->n - off < w->chunk ? w->n - off : w->chunk;
        ssize_t r = write(w->fd, w->p + off, k);
        if (r <= 0) break;
        off += (size_t)r;
    }
    close(w->fd);
    return NULL;
}

/* cmd over standard input as a pipe fed by a thread. */
static void run_pipe(const command *cmd, const opts *o, const uint8_t *p, size_t n, size_t chunk)
{
    int fds[2];
    if (pipe(fds)) abort();
    writer w = {fds[1], p, n, chunk};
    pthread_t th;
    if (pthread_create(&th, NULL, write_pipe, &w)) abort();
    if (dup2(fds[0], 0) < 0) abort();
    close(fds[0]);
    char *paths[1] = {"-"};
    run_inputs(cmd, o, paths, 1);
    /* the reader may stop early: closing it ends the writer (EPIPE) */
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null < 0 || dup2(null, 0) < 0) abort();
    close(null);
    pthread_join(th, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HEAD) return 0;
    if (file_fd < 0 && setup()) abort();
    const command *cmd = &FUZZ_COMMANDS[data[0] % FUZZ_NCOMMANDS];
    opts o = fuzz_opts(cmd, data[1]);
    if ((data[0] & 0x18) == 0x18) {
        run_pipe(cmd, &o, data + HEAD, size - HEAD, (size_t)1 << (2 * (data[0] >> 5)));
        fflush(stdout);
        return 0;
    }
    if (ftruncate(file_fd, 0)) abort();
    for (size_t off = HEAD; off < size;) {
        ssize_t w = pwrite(file_fd, data + off, size - off, (off_t)(off - HEAD));
        if (w <= 0) abort();
        off += (size_t)w;
    }
    int as_stdin = (data[0] >> 3) & 1;
    if (as_stdin) {
        if (dup2(file_fd, 0) < 0) abort();
        if (lseek(0, 0, SEEK_SET) != 0) abort();
    }
    char *paths[1] = {as_stdin ? "-" : file_path};
    run_inputs(cmd, &o, paths, 1);
    fflush(stdout);
    return 0;
}
