/* examples/search.c: a full-text search of an edgr store, with libedgr_store.
 *   cc search.c $(pkg-config --cflags --libs edgr_store) -o search
 *   ./search edgr.db '"press release"'                                      */
#include <edgr/store.h>
#include <stdio.h>

static int print_hit(void *user, const edgr_hit *h) {
    (void)user;
    printf("%s  %s  %s\n    %s\n", h->filing_date, h->accession_number, h->conformed_name, h->snippet);
    return 0;                                     /* non-zero would stop */
}

int main(int argc, char **argv) {
    if (argc != 3) return fprintf(stderr, "usage: search STORE QUERY\n"), 2;
    char err[256];
    edgr_store *st = edgr_store_open(argv[1], EDGR_STORE_READONLY, err, sizeof err);
    if (!st) return fprintf(stderr, "%s\n", err), 3;
    edgr_query q = EDGR_QUERY_INIT;     /* sets struct_size: the struct can grow */
    q.match = argv[2];
    q.type = "8-K";
    q.limit = 5;
    edgr_status rc = edgr_store_search(st, &q, print_hit, NULL);
    if (rc != EDGR_OK) fprintf(stderr, "%s\n", edgr_store_error(st));
    edgr_store_close(st);
    return rc == EDGR_OK ? 0 : rc == EDGR_ERR_QUERY ? 2 : 3;
}
