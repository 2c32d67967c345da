/* A tiny test harness: TEST() registers, CHECK() records, main() runs all
 * and prints "N passed, N failed". */
#ifndef EDGR_TEST_H
#define EDGR_TEST_H

#include <stdio.h>
#include <string.h>

#include "edgr/edgr.h"

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);
extern int test_failures; /* in the current test */

#define TEST(name)                                                              \
    static void name(void);                                                    \
    __attribute__((constructor)) static void reg_##name(void)                 \
    {                                                                          \
        test_register(#name, name);                                            \
    }                                                                          \
    static void name(void)

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            test_failures++;                                                   \
        }                                                                      \
    } while (0)

/* a C string equals a C string (NULL equals NULL) */
#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (!(g_ ? w_ && !strcmp(g_, w_) : !w_)) {                             \
            fprintf(stderr, "  %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                   \
            test_failures++;                                                   \
        }                                                                      \
    } while (0)

/* a span equals a C string */
int span_is(edgr_span s, const char *want);
#define CHECK_SPAN(span, want)                                                 \
    do {                                                                       \
        edgr_span s_ = (span);                                                 \
        if (!span_is(s_, want)) {                                              \
            fprintf(stderr, "  %s:%d: %s is \"%.*s\", want \"%s\"\n", __FILE__, __LINE__, \
                    #span, (int)(s_.ptr ? s_.len : 6), s_.ptr ? s_.ptr : "(null)", want); \
            test_failures++;                                                   \
        }                                                                      \
    } while (0)
#define CHECK_GET(sub, path, want) CHECK_SPAN(edgr_get((sub), (path)), want)

/* read a whole file (from the source tree); NULL if absent */
char *read_file(const char *path, size_t *len);
/* the JSON of a submission as a string (caller frees) */
char *json_of(const edgr_submission *s, unsigned flags);

#endif
