/* strip_tags: standard input to standard output with every <...> tag
 * removed, as tests/common/strip.h describes.  Builds the *-stripped.txt
 * fixtures (scripts/make-stripped-fixtures.sh). */
#include <stdio.h>
#include <stdlib.h>

#include "../common/strip.h"

int main(void)
{
    size_t n = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += r;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    char *out;
    size_t outn;
    if (!buf || strip_tags(buf, n, &out, &outn)) return 1;
    fwrite(out, 1, outn, stdout);
    free(out);
    free(buf);
    return ferror(stdout) ? 1 : 0;
}
