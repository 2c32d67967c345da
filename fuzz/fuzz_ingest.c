/* libFuzzer: edgr ingest over a file -- a submission, a tar, a tar.gz, a lone
 * .gz, anything -- into a store, through cmd_ingest_main as the command line
 * runs it: its own archive reader (every member read into a task), the
 * record builder and the store.  The file lives in memory (a memfd, or an
 * unlinked temporary file where there is none), named by its /proc/self/fd
 * path or given as standard input; the store is a file in a temporary
 * folder ($TMPDIR, else /dev/shm), made afresh every 64 runs so it stays
 * small.
 *
 *   byte 0     bit 0: standard input; bit 1: --replace; bit 2: --json;
 *              bits 4-7: 15 gives --max-document-size 4K
 *   the rest   the file
 *
 * What ingest prints goes to /dev/null (stdout is redirected once); its
 * diagnostics to stderr: run with -close_fd_mask=2 (scripts/fuzz.sh does). */
#define _GNU_SOURCE /* memfd_create */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../src/cli/cli.h"

enum { HEAD = 1, FRESH_STORE = 64 };

static int file_fd = -1;
static char file_path[64], dir[4096], db[4200];

static void drop_store(void)
{
    static const char *const SUFFIX[] = {"", "-wal", "-shm", "-journal"};
    char p[4300];
    for (size_t i = 0; i < sizeof SUFFIX / sizeof SUFFIX[0]; i++) {
        snprintf(p, sizeof p, "%s%s", db, SUFFIX[i]);
        unlink(p);
    }
}

static void at_exit(void)
{
    drop_store();
    rmdir(dir);
}

static int setup(void)
{
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        fflush(stdout);
        dup2(null, 1);
        close(null);
    }
    /* tmpfs where there is one: SQLite's fsyncs cost nothing there */
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/fuzz_ingest.XXXXXX", tmp);
    if (!mkdtemp(dir)) return -1;
    snprintf(db, sizeof db, "%s/fuzz.db", dir);
    atexit(at_exit);
    file_fd = memfd_create("fuzz_ingest", MFD_CLOEXEC);
    if (file_fd < 0) {
        char name[4200];
        snprintf(name, sizeof name, "%s/input", dir);
        file_fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (file_fd < 0) return -1;
        unlink(name);
    }
    snprintf(file_path, sizeof file_path, "/proc/self/fd/%d", file_fd);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned runs;
    if (size < HEAD) return 0;
    if (file_fd < 0 && setup()) abort();
    if (runs++ % FRESH_STORE == 0) drop_store();
    if (ftruncate(file_fd, 0)) abort();
    for (size_t off = HEAD; off < size;) {
        ssize_t w = pwrite(file_fd, data + off, size - off, (off_t)(off - HEAD));
        if (w <= 0) abort();
        off += (size_t)w;
    }
    unsigned sel = data[0];
    char *argv[16];
    int argc = 0;
    argv[argc++] = "edgr";
    argv[argc++] = "ingest";
    argv[argc++] = "--quiet";
    argv[argc++] = "--jobs";
    argv[argc++] = "1";
    argv[argc++] = "--db";
    argv[argc++] = db;
    if (sel & 2) argv[argc++] = "--replace";
    if (sel & 4) argv[argc++] = "--json";
    if ((sel >> 4) == 15) {
        argv[argc++] = "--max-document-size";
        argv[argc++] = "4K";
    }
    if (sel & 1) {
        if (dup2(file_fd, 0) < 0) abort();
        if (lseek(0, 0, SEEK_SET) != 0) abort();
        argv[argc++] = "-";
    } else argv[argc++] = file_path;
    argv[argc] = NULL;
    cmd_ingest_main(argc, argv);
    fflush(stdout);
    return 0;
}
