/* libFuzzer: uudecode with every output size and both end modes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "uudecode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    int final = data[0] & 1;
    size_t cap = 64 + data[1];
    const char *p = (const char *)data + 2;
    size_t n = size - 2;
    const char *name;
    size_t nl;
    size_t skip = uu_begin(p, n, &name, &nl);
    p += skip;
    n -= skip;
    char *out = malloc(cap);
    uu_state st = {0};
    while (n && !st.done) {
        size_t used;
        uu_decode(p, n, final, out, cap, &st, &used);
        if (!used) break;
        p += used;
        n -= used;
    }
    free(out);
    return 0;
}
