/* What the two benchmarks share: a clock, reading a file whole, and the
 * order of file names. */
#ifndef EDGR_BENCH_UTIL_H
#define EDGR_BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static inline double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The file's bytes (malloc'd, one spare byte at the end), or NULL with
 * *len 0. */
static inline char *slurp(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct stat st;
    if (fstat(fileno(f), &st) != 0) { fclose(f); return NULL; }
    char *b = malloc((size_t)st.st_size + 1);
    if (b) *len = fread(b, 1, (size_t)st.st_size, f);
    fclose(f);
    return b;
}

/* qsort order of an array of file names. */
static inline int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

#endif
