/* libFuzzer: the facts readers on arbitrary bytes, read as a bare HTML
 * document and as a plain-text document.  Oracles: every string fact is
 * NUL-terminated within the arena (strlen must not run off), matched
 * exhibits point at each other, and the JSON writer runs to the end. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "edgr/facts.h"

/* the "source" the JSON writers are given */
static const edgr_json_source fuzz_src = {.struct_size = sizeof(edgr_json_source), .path = "fuzz"};

static int discard(void *user, const char *p, size_t n)
{
    (void)user;
    (void)p;
    (void)n;
    return 0;
}

static void check(const edgr_facts *f, const edgr_document *d)
{
    const edgr_fact *s[] = {&f->cover.registrant, &f->cover.incorporation, &f->cover.file_number,
                            &f->cover.irs_number, &f->cover.address, &f->cover.phone};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        if (s[i]->value && !strlen(s[i]->value)) __builtin_trap(); /* empty facts are NULL */
    for (size_t i = 0; i < f->exhibit_index_count; i++) {
        long doc = f->exhibit_index[i].exhibit_doc;
        if (doc >= (long)f->exhibit_doc_count) __builtin_trap();
    }
    for (size_t i = 0; i < f->exhibit_doc_count; i++)
        if (f->exhibit_docs[i].listed >= (long)f->exhibit_index_count) __builtin_trap();
    for (size_t i = 0; i < f->signatures.signer_count; i++) {
        const char *iso = f->signatures.signers[i].date;
        if (iso && strlen(iso) != 10) __builtin_trap();
    }
    if (edgr_facts_write_json(f, NULL, d, &fuzz_src, EDGR_JSON_PRETTY, discard, NULL) != EDGR_OK)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static edgr_facts f; /* reused across runs, as callers do */
    const char *p = (const char *)data;
    edgr_document d;
    edgr_document_bare(p, size, &d);
    d.format = EDGR_FMT_HTML;
    if (edgr_facts_extract(NULL, &d, 1, &f) == EDGR_OK) check(&f, &d);
    d.format = EDGR_FMT_TEXT;
    if (edgr_facts_extract(NULL, &d, 1, &f) == EDGR_OK) check(&f, &d);
    return 0;
}
