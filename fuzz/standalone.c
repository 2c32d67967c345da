/* The fuzz targets without libFuzzer: LLVMFuzzerTestOneInput once on each
 * file named, for memory checkers that cannot run under libFuzzer (valgrind's
 * memcheck, MemorySanitizer; scripts/memcheck.sh).
 *   fuzz_run_TARGET [-p HEX[,HEX...]] FILE...
 * -p puts bytes before each file's own, taking the prefixes in turn (file i
 * gets prefix i mod n): the CLI targets read their first bytes as a command
 * and a chunk schedule, which a corpus file does not begin with. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_PREFIXES = 64, MAX_PREFIX = 64 };

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int main(int argc, char **argv)
{
    static uint8_t pre[MAX_PREFIXES][MAX_PREFIX];
    size_t pre_len[MAX_PREFIXES], npre = 0;
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "-p")) {
        for (const char *s = argv[i + 1]; *s && npre < MAX_PREFIXES; npre++) {
            size_t n = 0;
            while (*s && *s != ',') {
                int hi = hexval(s[0]), lo = s[1] ? hexval(s[1]) : -1;
                if (hi < 0 || lo < 0 || n == MAX_PREFIX) {
                    fprintf(stderr, "fuzz driver: -p wants hex bytes, comma-separated\n");
                    return 2;
                }
                pre[npre][n++] = (uint8_t)(hi << 4 | lo);
                s += 2;
            }
            pre_len[npre] = n;
            if (*s == ',') s++;
        }
        i += 2;
    }
    int bad = 0;
    size_t runs = 0;
    for (; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            bad = 1;
            continue;
        }
        size_t k = npre ? runs % npre : 0, lead = npre ? pre_len[k] : 0, len = lead, cap = lead + 65536;
        uint8_t *buf = malloc(cap);
        if (!buf) abort();
        if (lead) memcpy(buf, pre[k], lead);
        size_t r;
        while ((r = fread(buf + len, 1, cap - len, f)) > 0) {
            len += r;
            if (len == cap) {
                uint8_t *nb = realloc(buf, cap *= 2);
                if (!nb) abort();
                buf = nb;
            }
        }
        if (ferror(f)) {
            perror(argv[i]);
            bad = 1;
        }
        fclose(f);
        /* an exact-size copy, so that a read past the end is past the block */
        uint8_t *exact = malloc(len ? len : 1);
        if (!exact) abort();
        memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
        runs++;
    }
    fprintf(stderr, "fuzz driver: %zu inputs run\n", runs);
    return bad;
}
