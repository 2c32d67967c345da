/* libFuzzer: the header parser (both dialects) and the JSON writer on
 * arbitrary bytes taken as a header region. */
#include <stddef.h>
#include <stdint.h>

#include "edgr/edgr.h"
#include "parser.h"

/* the "source" the JSON writer is given */
static const edgr_json_source fuzz_src = {.struct_size = sizeof(edgr_json_source), .path = "fuzz"};

static int discard(void *u, const char *p, size_t n)
{
    (void)u;
    (void)p;
    (void)n;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sub_builder b;
    static int init;
    if (!init) {
        sub_init(&b);
        init = 1;
    }
    sub_reset(&b, 0);
    header_parse(&b, (const char *)data, size, 0);
    sub_publish(&b);
    edgr_write_json(&b.sub, &fuzz_src, EDGR_JSON_PRETTY, discard, NULL);
    edgr_get(&b.sub, "filer.0.company_data.cik");
    edgr_get(&b.sub, "items.1");
    return 0;
}
