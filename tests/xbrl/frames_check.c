/*
 * frames_check: xf_assign (src/xbrl/frames.c) against frames given.
 *
 *   frames_check < TSV
 *
 * Lines GROUP \t START \t END \t FILED \t ACCN \t EXPECTED_FRAME (START
 * empty for an instant, EXPECTED_FRAME empty for none; dates YYYY-MM-DD).
 * The lines of one group (one company, concept and unit) are contiguous:
 * a group name seen again after another is a new group.  Prints each fact
 * whose frame differs (the first MAX_SHOWN) and then
 *   frames: N facts, M frames expected, K assigned, X differ
 * Exit 0 when none differ, 1 when some do, 2 on bad input (a message
 * naming the line) or no memory.
 */
#include "frames.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Named limits: the SEC's lines are ~100 bytes (the longest tag names are
 * ~150 characters); accession numbers are 20; frames fit xf_fact.frame. */
enum {
    LINE_MAX_BYTES = 4096,        /* a longer line is refused, by number     */
    ACCN_MAX = 31,                /* "0000320193-24-000123" is 20            */
    MAX_SHOWN = 20,               /* differences printed                     */
    GROUP_MAX_FACTS = 10000000    /* one concept's facts: the SEC's largest
                                     groups hold a few hundred             */
};

typedef struct row {
    char accn[ACCN_MAX + 1];
    char start[11], end[11], filed[11];
    char expected[sizeof ((xf_fact *)0)->frame];
} row;

typedef struct state {
    xf_fact *facts;
    row *rows;
    size_t n, cap;
    char group[LINE_MAX_BYTES];
    unsigned long long total, expected, assigned, differ;
} state;

static int flush(state *s)
{
    if (s->n == 0)
        return 0;
    for (size_t i = 0; i < s->n; i++)
        s->facts[i].accn = s->rows[i].accn;   /* rows may have moved */
    if (xf_assign(s->facts, s->n) != 0) {
        fprintf(stderr, "frames_check: out of memory\n");
        return -1;
    }
    for (size_t i = 0; i < s->n; i++) {
        const row *r = &s->rows[i];
        const char *got = s->facts[i].frame;
        s->total++;
        s->expected += r->expected[0] != '\0';
        s->assigned += got[0] != '\0';
        if (strcmp(got, r->expected) != 0) {
            if (s->differ < MAX_SHOWN)
                printf("differ: %s start=%s end=%s filed=%s accn=%s: expected \"%s\", assigned \"%s\"\n",
                       s->group, r->start[0] ? r->start : "-", r->end, r->filed, r->accn,
                       r->expected, got);
            s->differ++;
        }
    }
    s->n = 0;
    return 0;
}

/* Split line (NUL-terminated, no newline) into exactly 6 tab fields. */
static int split(char *line, char *f[6])
{
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            if (k == 6)
                return -1;
            *p = '\0';
            f[k++] = p + 1;
        }
    return k == 6 ? 0 : -1;
}

static int date(const char *s, int32_t *d)
{
    return xf_days(s, strlen(s), d);
}

int main(void)
{
    static state s;       /* static: group[] is large */
    static char line[LINE_MAX_BYTES + 2];
    unsigned long long lineno = 0;
    int rc = 0;

    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        else if (!feof(stdin) || len > LINE_MAX_BYTES) {
            fprintf(stderr, "frames_check: line %llu: longer than %d bytes\n", lineno,
                    LINE_MAX_BYTES);
            rc = 2;
            goto out;
        }
        char *f[6];
        int32_t start = INT32_MIN, end, filed;
        if (split(line, f) != 0) {
            fprintf(stderr, "frames_check: line %llu: not 6 tab-separated fields\n", lineno);
            rc = 2;
            goto out;
        }
        if (f[0][0] == '\0' || (f[1][0] && date(f[1], &start) != 0) || date(f[2], &end) != 0 ||
            date(f[3], &filed) != 0 || strlen(f[4]) > ACCN_MAX ||
            strlen(f[5]) >= sizeof s.rows[0].expected) {
            fprintf(stderr, "frames_check: line %llu: bad group, date, accn or frame\n", lineno);
            rc = 2;
            goto out;
        }
        if (strcmp(f[0], s.group) != 0) {
            if (flush(&s) != 0) {
                rc = 2;
                goto out;
            }
            memcpy(s.group, f[0], strlen(f[0]) + 1);
        }
        if (s.n == s.cap) {
            size_t cap = s.cap ? 2 * s.cap : 64;
            if (cap > GROUP_MAX_FACTS) {
                fprintf(stderr, "frames_check: line %llu: more than %d facts in group %s\n",
                        lineno, GROUP_MAX_FACTS, s.group);
                rc = 2;
                goto out;
            }
            xf_fact *nf = realloc(s.facts, cap * sizeof *nf);
            if (nf)
                s.facts = nf;
            row *nr = nf ? realloc(s.rows, cap * sizeof *nr) : NULL;
            if (!nr) {
                fprintf(stderr, "frames_check: out of memory\n");
                rc = 2;
                goto out;
            }
            s.rows = nr;
            s.cap = cap;
        }
        row *r = &s.rows[s.n];
        memcpy(r->start, f[1], strlen(f[1]) + 1);
        memcpy(r->end, f[2], 11);
        memcpy(r->filed, f[3], 11);
        memcpy(r->accn, f[4], strlen(f[4]) + 1);
        memcpy(r->expected, f[5], strlen(f[5]) + 1);
        s.facts[s.n] = (xf_fact){.start_days = start, .end_days = end, .filed_days = filed};
        s.n++;
    }
    if (ferror(stdin)) {
        fprintf(stderr, "frames_check: read error after line %llu\n", lineno);
        rc = 2;
        goto out;
    }
    if (flush(&s) != 0) {
        rc = 2;
        goto out;
    }
    printf("frames: %llu facts, %llu frames expected, %llu assigned, %llu differ\n", s.total,
           s.expected, s.assigned, s.differ);
    rc = s.differ ? 1 : 0;
out:
    free(s.facts);
    free(s.rows);
    return rc;
}
