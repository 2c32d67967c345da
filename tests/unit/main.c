/* Runs every registered unit test. */
#include <stdlib.h>

#include "test.h"

enum { MAX_TESTS = 512 };
static struct { const char *name; test_fn fn; } tests[MAX_TESTS];
static int ntests;
int test_failures;

void test_register(const char *name, test_fn fn)
{
    if (ntests < MAX_TESTS) tests[ntests].name = name, tests[ntests++].fn = fn;
}

int span_is(edgr_span s, const char *want)
{
    if (!s.ptr) return want == NULL;
    return want && strlen(want) == s.len && memcmp(s.ptr, want, s.len) == 0;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    fclose(f);
    if (len) *len = n;
    return b;
}

typedef struct { char *p; size_t n, cap; } sbuf;

static int sb_write(void *u, const char *p, size_t n)
{
    sbuf *b = u;
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) return 1;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

char *json_of(const edgr_submission *s, unsigned flags)
{
    sbuf b = {0};
    sb_write(&b, "", 0);
    edgr_write_json(s, NULL, flags, sb_write, &b);
    return b.p;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 0; i < ntests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
        test_failures = 0;
        tests[i].fn();
        if (test_failures) {
            fprintf(stderr, "FAIL %s\n", tests[i].name);
            failed++;
        } else {
            passed++;
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
