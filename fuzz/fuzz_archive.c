/* libFuzzer: the CLI's archive and compressed inputs.  The input (after its
 * first byte) is a file -- a tar, a tar.gz, a lone .gz, .bz2, .xz, .zst, or
 * anything else -- run by the CLI's own input layer (run_inputs in
 * src/cli/inputs.c: the magic sniffing, libarchive with archive_reader()'s
 * filters and formats, every member as a unit through a command), so hostile
 * member names, sizes, types and truncations reach the same code a user's
 * archive does.  The file lives in memory (a memfd, or an unlinked temporary
 * file where there is none) and is named by its /proc/self/fd path, or is
 * standard input ('-': fd 0 is dup'ed from it, so a compressed standard
 * input is read through libarchive's callback reader).
 *
 *   byte 0     the command (mod 7); bit 3: read as standard input
 *   byte 1     the options (cli_fuzz.h)
 *   the rest   the file
 *
 * What the commands print goes to /dev/null (stdout is redirected once);
 * their diagnostics go to stderr: run with -close_fd_mask=2 (scripts/fuzz.sh
 * does), libFuzzer's own reports still show. */
#define _GNU_SOURCE /* memfd_create */
#include <fcntl.h>
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HEAD) return 0;
    if (file_fd < 0 && setup()) abort();
    const command *cmd = &FUZZ_COMMANDS[data[0] % FUZZ_NCOMMANDS];
    opts o = fuzz_opts(cmd, data[1]);
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
