/*
 * The library on several threads at once, for ThreadSanitizer (make tsan,
 * run by make check): each thread parses the same filings, converts their
 * documents to text, finds their items and facts, and builds their store
 * records, all starting together so that first-use set-up (tables built on
 * the first call) happens on several threads at the same moment.  Every
 * thread must get the same results as the others.
 *
 * usage: thread_tests FILE...   (prints "threads: N passed, N failed")
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/edgr.h"
#include "edgr/facts.h"
#include "edgr/items.h"
#include "edgr/store.h"
#include "edgr/text.h"

enum { THREADS = 4, MAX_FILES = 64 };

typedef struct input {
    char *data;
    size_t len;
} input;

static input files[MAX_FILES];
static int nfiles;
static pthread_barrier_t start;

/* What one thread saw: a checksum of every result, per file. */
typedef struct seen {
    unsigned long sum[MAX_FILES];
    int errors;
} seen;

static unsigned long mix(unsigned long h, const void *p, size_t n)
{
    const unsigned char *u = p;
    for (size_t i = 0; i < n; i++) h = h * 131 + u[i];
    return h;
}

static int json_mix(void *user, const char *p, size_t n)
{
    unsigned long *h = user;
    *h = mix(*h, p, n);
    return 0;
}

static void *work(void *arg)
{
    seen *out = arg;
    edgr_parser *ps = edgr_parser_new();
    edgr_text t = {0};
    edgr_items it = {0};
    edgr_buf body = {0};
    pthread_barrier_wait(&start);
    for (int f = 0; f < nfiles; f++) {
        const edgr_submission *s;
        size_t used;
        unsigned long h = 5381;
        if (edgr_parse(ps, files[f].data, files[f].len, 0, EDGR_PARSE_DECODE, &s, &used) != EDGR_OK) {
            out->errors++;
            continue;
        }
        for (size_t d = 0; d < s->doc_count; d++) {
            if (edgr_document_text(&s->docs[d], NULL, &t) != EDGR_OK) continue;
            h = mix(h, t.data, t.len);
            edgr_span form = edgr_get(s, "type");
            edgr_form_kind kind = edgr_form_kind_of(form.ptr, form.len);
            if (edgr_items_find(&t, kind, NULL, &it) != EDGR_OK) { out->errors++; continue; }
            for (size_t i = 0; i < it.count; i++) {
                if (edgr_item_text(&it, &t, i, &body) == EDGR_OK) h = mix(h, body.data, body.len);
            }
        }
        edgr_facts fx = {0};
        if (edgr_facts_extract(s, s->docs, s->doc_count, &fx) == EDGR_OK) {
            unsigned long jh = 5381;
            if (edgr_facts_write_json(&fx, s, s->docs, NULL, 0, json_mix, &jh) == EDGR_OK) h ^= jh;
        }
        edgr_facts_free(&fx);
        edgr_record *r = NULL;
        edgr_source src = EDGR_SOURCE_INIT;
        if (edgr_record_build(s, &src, &r) == EDGR_OK && r) {
            h = mix(h, edgr_record_accession(r), strlen(edgr_record_accession(r)));
            h += (unsigned long)edgr_record_text_bytes(r);
            edgr_record_free(r);
        }
        out->sum[f] = h;
    }
    edgr_buf_free(&body);
    edgr_items_free(&it);
    edgr_text_free(&t);
    edgr_parser_free(ps);
    return NULL;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *b = NULL;
    size_t cap = 0, n = 0, r;
    do {
        if (n == cap) {
            char *nb = realloc(b, cap = cap ? cap * 2 : 1 << 16);
            if (!nb) { free(b); fclose(f); return NULL; }
            b = nb;
        }
        r = fread(b + n, 1, cap - n, f);
        n += r;
    } while (r);
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc && nfiles < MAX_FILES; i++) {
        files[nfiles].data = slurp(argv[i], &files[nfiles].len);
        if (files[nfiles].data) nfiles++;
        else fprintf(stderr, "threads: %s: cannot read\n", argv[i]);
    }
    if (!nfiles) {
        fprintf(stderr, "usage: thread_tests FILE...\n");
        return 2;
    }
    static seen res[THREADS];
    pthread_t th[THREADS];
    pthread_barrier_init(&start, NULL, THREADS);
    for (int i = 0; i < THREADS; i++) pthread_create(&th[i], NULL, work, &res[i]);
    for (int i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
    pthread_barrier_destroy(&start);
    int passed = 0, failed = 0;
    for (int f = 0; f < nfiles; f++) {
        int same = 1;
        for (int i = 1; i < THREADS; i++) same &= res[i].sum[f] == res[0].sum[f];
        same ? passed++ : (failed++, fprintf(stderr, "threads: %s: threads disagree\n", argv[1 + f]));
    }
    for (int i = 0; i < THREADS; i++)
        if (res[i].errors) failed++, fprintf(stderr, "threads: thread %d: %d parse errors\n", i, res[i].errors);
    for (int f = 0; f < nfiles; f++) free(files[f].data);
    printf("threads: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
