/* examples/parse.c: a submission's CIK and documents, with libedgr.
 *   cc parse.c $(pkg-config --cflags --libs edgr) -o parse && ./parse FILE */
#include <edgr/edgr.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    if (!f) return fprintf(stderr, "usage: parse FILE\n"), 2;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    do {                                          /* the whole file, in memory */
        if (len == cap && !(buf = realloc(buf, cap = cap ? 2 * cap : 65536))) return 3;
        len += n = fread(buf + len, 1, cap - len, f);
    } while (n > 0);
    fclose(f);

    edgr_parser *p = edgr_parser_new();
    const edgr_submission *s;
    size_t used;
    int rc = 1;
    if (p && edgr_parse(p, buf, len, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK) {
        edgr_span cik = edgr_get(s, "filer.0.company_data.cik");   /* spans into buf */
        printf("CIK %.*s\n", (int)cik.len, cik.ptr);
        for (size_t i = 0; i < s->doc_count; i++)
            printf("%.*s %s\n", (int)s->docs[i].type.len, s->docs[i].type.ptr,
                   edgr_format_name(s->docs[i].format));
        rc = 0;
    }
    edgr_parser_free(p);
    free(buf);
    return rc;
}
