/* Test helper: what a mirror or scraper that "removes every <...> tag" does
 * to a complete submission file, so tests and fuzzers can build the
 * stripped variant of any input (tests/fixtures/EXPECTED.md, "Stripped").
 *
 *   - a '<' followed by a letter, '/', '!' or '?' opens a tag that runs to
 *     the next '>' (across lines); the tag is removed, its text kept;
 *   - block elements (p, div, br, tr, td, th, li, table, h1-h6, title)
 *     become a line break, so each paragraph or table cell ends up on a
 *     line of its own, as an HTML-to-text scraper leaves them;
 *   - trailing blanks are dropped and a run of blank lines becomes one;
 *   - entities (&nbsp; &#8217;) stay as text.
 *
 * Header-only on purpose: included by the unit tests, the corpus tests,
 * the fuzzers and tests/tools/strip_tags.c. */
#ifndef EDGR_TEST_STRIP_H
#define EDGR_TEST_STRIP_H

#include <stdlib.h>
#include <string.h>

static int strip_is_block(const char *name, size_t n)
{
    static const char *const blocks[] = {"p", "div", "br", "tr", "td", "th", "li", "table",
                                         "h1", "h2", "h3", "h4", "h5", "h6", "title"};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        size_t k = strlen(blocks[i]);
        if (k != n) continue;
        size_t j = 0;
        while (j < k && (name[j] | 32) == blocks[i][j]) j++;
        if (j == k) return 1;
    }
    return 0;
}

/* End the output line that started at *line: trailing blanks go, an empty
 * line is kept once (never twice in a row, never at the start), and a
 * block element's break on an empty line adds nothing. */
static void strip_eol(char *o, size_t *w, size_t *line, int *blanks, int brk)
{
    while (*w > *line && (o[*w - 1] == ' ' || o[*w - 1] == '\t')) (*w)--;
    if (*w == *line) {
        if (brk || *blanks || *line == 0) return;
        *blanks = 1;
    } else {
        *blanks = 0;
    }
    o[(*w)++] = '\n';
    *line = *w;
}

/* The stripped variant of p[0..n) in a malloc'd buffer (*out, *outn);
 * returns 0, or -1 when out of memory. */
static int strip_tags(const char *p, size_t n, char **out, size_t *outn)
{
    char *o = malloc(n + 2);
    if (!o) return -1;
    size_t w = 0, line = 0;
    int blanks = 0, no_gt = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '<' && i + 1 < n) {
            char d = (char)(p[i + 1] | 32);
            int opens = (d >= 'a' && d <= 'z') || p[i + 1] == '/' || p[i + 1] == '!' || p[i + 1] == '?';
            /* once no '>' was found past some point, none will be: the
             * search is not repeated, so "<a<a<a..." stays linear */
            const char *gt = opens && !no_gt ? memchr(p + i, '>', n - i) : NULL;
            if (opens && !gt) no_gt = 1;
            if (gt) {
                size_t s = i + 1 + (p[i + 1] == '/'), e = s;
                while (e < (size_t)(gt - p) &&
                       ((((p[e] | 32) >= 'a') && ((p[e] | 32) <= 'z')) || (p[e] >= '0' && p[e] <= '9')))
                    e++;
                if (strip_is_block(p + s, e - s)) strip_eol(o, &w, &line, &blanks, 1);
                i = (size_t)(gt - p);
                continue;
            }
        }
        if (c == '\r' && i + 1 < n && p[i + 1] == '\n') continue;
        if (c == '\r' || c == '\n') {
            strip_eol(o, &w, &line, &blanks, 0);
            continue;
        }
        o[w++] = c;
    }
    if (w > line) strip_eol(o, &w, &line, &blanks, 0);
    *out = o;
    *outn = w;
    return 0;
}

#endif
